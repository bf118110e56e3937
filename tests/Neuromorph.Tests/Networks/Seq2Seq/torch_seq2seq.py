"""PyTorch float64 peer of Neuromorph's encoder-decoder with attention (Seq2SeqTorchTests).

Reads a JSON list of cases {model: path of a neuromorph-seq2seq-model file, sources: B x Ts, targets: B x T};
builds the same network from torch.nn modules whose state_dict names are the file's parameter names, decodes
with teacher forcing, and writes {logits: T x B x V, loss, grad: {name: gradient}} per case.
"""
import json
import sys

import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)


class Additive(nn.Module):
    def __init__(self, hidden, key, size):
        super().__init__()
        self.query = nn.Linear(hidden, size, bias=False)
        self.key = nn.Linear(key, size, bias=False)
        self.v = nn.Linear(size, 1, bias=False)

    def forward(self, s, keys):  # s: B x H, keys: Ts x B x H -> Ts x B
        return self.v(torch.tanh(self.query(s)[None] + self.key(keys))).squeeze(-1)


class Seq2Seq(nn.Module):
    def __init__(self, m):
        super().__init__()
        v, h, cell = m["vocabulary"], m["encoder_hidden"], m["encoder_cell"]
        bidirectional = m.get("bidirectional", False)
        k = 2 * h if bidirectional else h  # key size: [forward; reverse] per source step
        self.cell = cell
        self.encoder = {"gru": nn.GRU, "lstm": nn.LSTM, "rnn_tanh": nn.RNN}[cell](v, h, bidirectional=bidirectional)
        self.decoder = nn.GRUCell(v + k, m["decoder_hidden"])
        self.kind = m["attention"]
        self.attention = Additive(h, k, m["attention_size"]) if self.kind == "additive" else nn.Linear(k, h, bias=False)
        self.out = nn.Linear(h + k, v)
        self.v = v

    def forward(self, src, tgt):
        x = F.one_hot(src.t(), self.v).double()
        keys, hn = self.encoder(x)
        s = (hn[0] if self.cell == "lstm" else hn)[0]  # the forward direction's last hidden state
        prev = torch.full((src.shape[0],), self.v - 2, dtype=torch.long)
        logits = []
        for t in range(tgt.shape[1]):
            e = self.attention(s, keys) if self.kind == "additive" else (self.attention(keys) * s[None]).sum(-1)
            a = torch.softmax(e, dim=0)
            c = (a[..., None] * keys).sum(0)
            s = self.decoder(torch.cat([F.one_hot(prev, self.v).double(), c], -1), s)
            logits.append(self.out(torch.cat([s, c], -1)))
            prev = tgt[:, t]
        return torch.stack(logits)


def main(request_path, result_path):
    results = []
    for case in json.load(open(request_path)):
        m = json.load(open(case["model"]))
        net = Seq2Seq(m)
        state = {k: torch.tensor(v) for k, v in m["parameters"].items()}
        net.load_state_dict(state, strict=True)
        src = torch.tensor(case["sources"])
        tgt = torch.tensor(case["targets"])
        logits = net(src, tgt)
        loss = F.cross_entropy(logits.reshape(-1, net.v), tgt.t().reshape(-1))
        loss.backward()
        grads = {k: p.grad.tolist() for k, p in net.named_parameters()}
        results.append({"logits": logits.tolist(), "loss": loss.item(), "grad": grads, "names": list(state.keys())})
    json.dump(results, open(result_path, "w"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
