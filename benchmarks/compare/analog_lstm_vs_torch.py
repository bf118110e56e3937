"""Training cost of neuromorph.torch's analog recurrent layers against plain PyTorch on the same job (issue 26).

The job of python/examples/lstm_variability.py: 600 noisy sine sequences of 20 steps, batch 600, an LSTM with 16
hidden units and a linear head, Adam; 10 epochs each, milliseconds per epoch. Run from the repository root after
python/run_tests.sh (or `pip install ./python`):

    PYTHONPATH=python /usr/bin/python3 benchmarks/compare/analog_lstm_vs_torch.py
"""

import os
import sys
import time

import torch
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "examples"))
from lstm_variability import Classifier, data  # noqa: E402

import neuromorph.torch as nt  # noqa: E402


def main():
    x, y = data(600, 1)
    for name, convert in (("nn.LSTM + nn.Linear", lambda m: m), ("convert_to_analog (ideal tiles)", nt.convert_to_analog)):
        torch.manual_seed(0)
        model = convert(Classifier().double())
        opt = torch.optim.Adam(model.parameters(), lr=0.02)
        start = time.perf_counter()
        for _ in range(10):
            opt.zero_grad()
            nn.functional.cross_entropy(model(x), y).backward()
            opt.step()
        print(f"{name}: {(time.perf_counter() - start) / 10 * 1000:.1f} ms per epoch (torch threads {torch.get_num_threads()})")


if __name__ == "__main__":
    main()
