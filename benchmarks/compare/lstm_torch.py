"""PyTorch side of the LSTM training-throughput comparison (benchmarks/RESULTS.md).

/usr/bin/python3 benchmarks/compare/lstm_torch.py THREADS SECONDS

Times training steps (forward, backward through time, Adam) of the model SequenceThroughput.LstmTrain times in
Neuromorph: torch.nn.LSTM(32, 128) + Linear(128, 1), batch 32, T = 100, MSE at every step, float64 and float32,
torch.set_num_threads(THREADS).
"""
import sys
import time

import torch

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10
torch.set_num_threads(threads)
for dtype in (torch.float64, torch.float32):
    torch.manual_seed(1)
    lstm = torch.nn.LSTM(32, 128).to(dtype)
    lin = torch.nn.Linear(128, 1).to(dtype)
    params = list(lstm.parameters()) + list(lin.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    x = torch.randn(100, 32, 32, dtype=dtype)
    y = torch.randn(100, 32, 1, dtype=dtype)

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(lin(lstm(x)[0]), y)
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        n += 1
    rate = n / (time.perf_counter() - start)
    print(f"torch {torch.__version__} lstm {str(dtype).split('.')[-1]} threads={threads}: {rate:.2f} steps/s ({n} steps)")
