"""PyTorch side of the sequence-model cross-checks (TorchCrossCheckTests).

python3 torch_sequence.py REQUEST.json RESULT.json

REQUEST holds a list of cases. Each case names a model file written by Neuromorph (or asks this script to create
and export one), an input x (T x B x I, time-major) and weights w of a linear loss L = sum(w * y). The script runs
torch.nn.RNN/LSTM/GRU + torch.nn.Linear in float64 on the same weights and returns y, dL/dparameter for every
parameter, and optionally the parameters after a few optimiser steps on an MSE loss with gradient clipping.
"""
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


def build(cell, i, h, layers, o):
    if cell == "lstm":
        rnn = torch.nn.LSTM(i, h, layers)
    elif cell == "gru":
        rnn = torch.nn.GRU(i, h, layers)
    else:
        rnn = torch.nn.RNN(i, h, layers, nonlinearity="tanh" if cell == "rnn_tanh" else "relu")
    return rnn, torch.nn.Linear(h, o)


def load(path):
    m = json.load(open(path))
    rnn, lin = build(m["cell"], m["input_size"], m["hidden_size"], m["num_layers"], m["output_size"])
    p = m["parameters"]
    rnn.load_state_dict({k: torch.tensor(v) for k, v in p.items() if k not in ("weight", "bias")})
    lin.load_state_dict({"weight": torch.tensor(p["weight"]), "bias": torch.tensor(p["bias"])})
    return rnn, lin


def named(rnn, lin):
    return list(rnn.named_parameters()) + list(lin.named_parameters())


def export(case):
    torch.manual_seed(case["seed"])
    rnn, lin = build(case["cell"], case["input_size"], case["hidden_size"], case["num_layers"], case["output_size"])
    params = {k: v.tolist() for k, v in rnn.state_dict().items()}
    params.update({k: v.tolist() for k, v in lin.state_dict().items()})
    model = {"format": "neuromorph-sequence-model", "version": 1, "cell": case["cell"], "input_size": case["input_size"],
             "hidden_size": case["hidden_size"], "num_layers": case["num_layers"], "output_size": case["output_size"],
             "parameters": params}
    json.dump(model, open(case["model"], "w"))
    return rnn, lin


def run(case):
    rnn, lin = export(case) if case.get("export") else load(case["model"])
    x = torch.tensor(case["x"])
    y = lin(rnn(x)[0])
    out = {"y": y.tolist()}
    (torch.tensor(case["w"]) * y).sum().backward()
    out["grad"] = {name: p.grad.tolist() for name, p in named(rnn, lin)}
    if "train" in case:
        t = case["train"]
        rnn, lin = load(case["model"])
        ps = [p for _, p in named(rnn, lin)]
        if t["optimizer"] == "adam":
            opt = torch.optim.Adam(ps, lr=t["lr"], weight_decay=t["weight_decay"])
        else:
            opt = torch.optim.SGD(ps, lr=t["lr"], momentum=t["momentum"], nesterov=t["nesterov"], weight_decay=t["weight_decay"])
        target = torch.tensor(t["target"])
        for _ in range(t["steps"]):
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(lin(rnn(x)[0]), target)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(ps, t["clip"])
            opt.step()
        out["after"] = {name: p.detach().tolist() for name, p in named(rnn, lin)}
    return out


if __name__ == "__main__":
    cases = json.load(open(sys.argv[1]))
    json.dump([run(c) for c in cases], open(sys.argv[2], "w"))
