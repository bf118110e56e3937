"""Notebook-style example: train a small LSTM in PyTorch, convert it to analog tiles, and measure its accuracy as the
device-to-device variability of the programmed conductances grows.

Task (generated here, no download): classify a noisy sine sequence of 20 steps by its frequency (3 classes).
Run from a checkout after `pip install ./python` (or with PYTHONPATH=python), with torch installed:

    /usr/bin/python3 python/examples/lstm_variability.py            # prints the table, writes lstm_variability.csv
    /usr/bin/python3 python/examples/lstm_variability.py --plot     # also plots it with neuromorph's own plot command

Each variability level is averaged over several programming seeds (each seed draws new device-to-device deviations).
"""

import argparse
import csv
import math
import subprocess
import sys

import torch
from torch import nn

import neuromorph
import neuromorph.torch as nt


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    label = torch.randint(0, 3, (n,), generator=g)
    freq = (1.0 + label.double()) * 0.15
    phase = torch.rand(n, generator=g, dtype=torch.float64) * 2 * math.pi
    t = torch.arange(20, dtype=torch.float64)
    x = torch.sin(freq[:, None] * t[None, :] + phase[:, None]) + 0.2 * torch.randn(n, 20, generator=g, dtype=torch.float64)
    return x.unsqueeze(-1), label


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 16, batch_first=True)
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        return self.head(self.lstm(x)[0][:, -1])


def accuracy(model, x, y):
    with torch.no_grad():
        return (model(x).argmax(-1) == y).double().mean().item()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plot", action="store_true", help="plot lstm_variability.csv with `neuromorph plot`")
    ap.add_argument("--seeds", type=int, default=3)
    args = ap.parse_args()
    torch.manual_seed(0)
    model = Classifier().double()
    x_train, y_train = data(600, 1)
    x_test, y_test = data(300, 2)
    opt = torch.optim.Adam(model.parameters(), lr=0.02)
    for epoch in range(60):
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(x_train), y_train)
        loss.backward()
        opt.step()
    print(f"floating point: test accuracy {accuracy(model, x_test, y_test):.3f}")

    rows = []
    for variability in (0.0, 0.02, 0.05, 0.1, 0.2, 0.3):
        accs = []
        for seed in range(1, args.seeds + 1):
            options = {"variability": variability, "seed": seed} if variability > 0 else {}
            analog = nt.convert_to_analog(model, **options)
            accs.append(accuracy(analog, x_test, y_test))
        mean = sum(accs) / len(accs)
        std = (sum((a - mean) ** 2 for a in accs) / len(accs)) ** 0.5
        rows.append((variability, mean, std))
        print(f"variability {variability:4.2f}: analog test accuracy {mean:.3f} ± {std:.3f} over {len(accs)} seeds")

    with open("lstm_variability.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["variability", "accuracy", "accuracy_std"])
        w.writerows(rows)
    print("wrote lstm_variability.csv")
    if args.plot:
        subprocess.run(["./neuromorph", "plot", "lstm_variability.csv", "--x", "variability", "--y", "accuracy",
                        "--xlabel", "device-to-device variability (relative)", "--ylabel", "test accuracy"], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
