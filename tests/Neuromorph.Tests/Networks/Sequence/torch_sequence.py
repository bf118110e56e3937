"""PyTorch side of the sequence-model cross-checks (TorchCrossCheckTests).

python3 torch_sequence.py REQUEST.json RESULT.json

REQUEST holds a list of cases. Each case names a model file written by Neuromorph (or asks this script to create
and export one), an input x (T x B x I, time-major) and weights w of a linear loss L = sum(w * y). The script runs
torch.nn.RNN/LSTM/GRU + torch.nn.Linear in float64 on the same weights and returns y, dL/dparameter for every
parameter, and optionally the parameters after a few optimiser steps on an MSE loss with gradient clipping.

Bidirectional models ("bidirectional": true in the model file) run with bidirectional=True; the result then holds
h_n (and c_n) as well. A case with "many_to_one" reads the head from h_n of the top layer's two directions,
y = Linear(cat(h_n[-2], h_n[-1])) (B x O), and w is B x O. A case may give "h0" (and "c0"), (layers*2) x B x H.
"""
import json
import sys

import torch

torch.set_default_dtype(torch.float64)


def build(cell, i, h, layers, o, bidirectional=False):
    if cell == "lstm":
        rnn = torch.nn.LSTM(i, h, layers, bidirectional=bidirectional)
    elif cell == "gru":
        rnn = torch.nn.GRU(i, h, layers, bidirectional=bidirectional)
    else:
        rnn = torch.nn.RNN(i, h, layers, nonlinearity="tanh" if cell == "rnn_tanh" else "relu", bidirectional=bidirectional)
    return rnn, torch.nn.Linear(2 * h if bidirectional else h, o)


def load(path):
    m = json.load(open(path))
    rnn, lin = build(m["cell"], m["input_size"], m["hidden_size"], m["num_layers"], m["output_size"], m.get("bidirectional", False))
    p = m["parameters"]
    rnn.load_state_dict({k: torch.tensor(v) for k, v in p.items() if k not in ("weight", "bias")})
    lin.load_state_dict({"weight": torch.tensor(p["weight"]), "bias": torch.tensor(p["bias"])})
    return rnn, lin


def named(rnn, lin):
    return list(rnn.named_parameters()) + list(lin.named_parameters())


def export(case):
    torch.manual_seed(case["seed"])
    bidirectional = case.get("bidirectional", False)
    rnn, lin = build(case["cell"], case["input_size"], case["hidden_size"], case["num_layers"], case["output_size"], bidirectional)
    params = {k: v.tolist() for k, v in rnn.state_dict().items()}
    params.update({k: v.tolist() for k, v in lin.state_dict().items()})
    model = {"format": "neuromorph-sequence-model", "version": 1, "cell": case["cell"], "input_size": case["input_size"],
             "hidden_size": case["hidden_size"], "num_layers": case["num_layers"], "output_size": case["output_size"],
             "parameters": params}
    if bidirectional:
        model["bidirectional"] = True
    json.dump(model, open(case["model"], "w"))
    return rnn, lin


def run(case):
    rnn, lin = export(case) if case.get("export") else load(case["model"])
    x = torch.tensor(case["x"])
    if rnn.bidirectional:
        h0 = None
        if "h0" in case:
            h0 = (torch.tensor(case["h0"]), torch.tensor(case["c0"])) if "c0" in case else torch.tensor(case["h0"])
        seq, state = rnn(x, h0)
        hn, cn = state if isinstance(state, tuple) else (state, None)
        y = lin(torch.cat((hn[-2], hn[-1]), dim=-1)) if case.get("many_to_one") else lin(seq)
        out = {"y": y.tolist(), "h_n": hn.tolist()}
        if cn is not None:
            out["c_n"] = cn.tolist()
    else:
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
