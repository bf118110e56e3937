"""PyTorch layers whose products go through a Neuromorph crossbar tile (needs torch).

``AnalogLinear`` is ``nn.Linear`` (same ``weight``/``bias`` names and shapes, same initialisation) read through a
:class:`neuromorph.Crossbar`: the forward product is the tile's forward read, the input gradient is the transposed
read of the same tile, and the weight gradient is computed in floating point (``grad_y^T x``), as in hardware-aware
training (aihwkit's convention). The bias is added digitally. The tile is reprogrammed whenever the weights change.

``AnalogRNN``, ``AnalogLSTM`` and ``AnalogGRU`` are ``nn.RNN``/``nn.LSTM``/``nn.GRU`` with the same parameter names
and shapes (``weight_ih_l0``, ``weight_hh_l0``, ``bias_ih_l0``, ``bias_hh_l0``, ``..._reverse``), so a state_dict of
the PyTorch module loads unchanged; each ``weight_ih``/``weight_hh`` is one tile, read as above. ``convert_to_analog``
returns a copy of a model with its ``nn.Linear``, ``nn.RNN``, ``nn.LSTM`` and ``nn.GRU`` modules replaced.

``TileLinear``, ``TileRNN``, ``TileLSTM``, ``TileGRU`` and ``AnalogSGD`` train on the crossbar itself: each weight
lives on a :class:`neuromorph.TrainingTile` and each optimiser step is applied as device pulses (aihwkit's
``AnalogLinear`` with ``AnalogSGD``).
"""

from __future__ import annotations

import math
import copy
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import torch
from torch import nn

from ._crossbar import Crossbar


class _Tile:
    """One crossbar tile holding a weight matrix of shape (out, in), reprogrammed when the weight changes."""

    def __init__(self, in_features: int, out_features: int, options: Dict[str, Any]) -> None:
        self.in_features, self.out_features, self._options = in_features, out_features, options
        Crossbar(in_features, out_features, **options)  # checks the option names now
        self._tile: Optional[Crossbar] = None
        self._programmed_weight: Optional[torch.Tensor] = None

    def _programmed(self, weight: torch.Tensor) -> Crossbar:
        w = weight.detach().to("cpu", torch.float64)
        if self._tile is None or self._programmed_weight is None or not torch.equal(self._programmed_weight, w):
            tile = Crossbar(self.in_features, self.out_features, **self._options)
            tile.program(np.ascontiguousarray(w.numpy().T))
            self._tile, self._programmed_weight = tile, w.clone()
        return self._tile


def _tile_read(tile: Crossbar, x: torch.Tensor, transposed: bool = False) -> torch.Tensor:
    """A forward (or transposed) read of ``x`` through ``tile``, returned with ``x``'s dtype and device."""
    a = x.detach().to("cpu", torch.float64).numpy()
    y = tile.backward(a) if transposed else tile.forward(a)
    return torch.from_numpy(y).to(dtype=x.dtype, device=x.device)


def _record(holder: Any, x: torch.Tensor, d: torch.Tensor) -> None:
    """Hands the rows (x_k, d_k) of a weight gradient sum_k d_k^T x_k to a tile trained in place (a training tile's
    holder records them for AnalogSGD's pulsed step); a read-only tile ignores them."""
    record = getattr(holder, "record", None)
    if record is not None:
        record(x, d)


class _AnalogMatmul(torch.autograd.Function):
    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, weight: torch.Tensor, layer: Any) -> torch.Tensor:  # type: ignore[override]
        tile = layer._programmed(weight)
        ctx.save_for_backward(x)
        ctx.layer = layer
        return _tile_read(tile, x)

    @staticmethod
    def backward(ctx: Any, grad_y: torch.Tensor) -> Any:  # type: ignore[override]
        (x,) = ctx.saved_tensors
        grad_x = grad_w = None
        if ctx.needs_input_grad[0]:
            grad_x = _tile_read(ctx.layer._tile, grad_y, transposed=True)
        if ctx.needs_input_grad[1]:
            grad_w = grad_y.t().matmul(x)
            _record(ctx.layer, x, grad_y)
        return grad_x, grad_w, None


class _LstmRecurrence(torch.autograd.Function):
    """One direction of one LSTM layer over every step as a single autograd node: h_{t-1} W_hh^T read through the
    tile at each step, gates and cell in torch, and a hand-written backward through time (the hidden-state error goes
    back through the transposed read of the same tile; W_hh's gradient is sum_t dgates_t^T h_{t-1} in floating point,
    as _AnalogMatmul does). Replaces a graph of about 15 nodes per step, which dominated training time."""

    @staticmethod
    def forward(ctx: Any, xw: torch.Tensor, h0: torch.Tensor, c0: torch.Tensor, weight_hh: torch.Tensor, bias_hh: Optional[torch.Tensor],  # type: ignore[override]
                tile_ref: Any, reverse: bool) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        tile = tile_ref._programmed(weight_hh)
        steps = xw.shape[0]
        order = range(steps - 1, -1, -1) if reverse else range(steps)
        h, c = h0, c0
        gates = torch.empty_like(xw)
        cells = torch.empty(xw.shape[0], xw.shape[1], h0.shape[-1], dtype=xw.dtype, device=xw.device)
        prev_h = torch.empty_like(cells)
        prev_c = torch.empty_like(cells)
        out = torch.empty_like(cells)
        for t in order:
            hw = _tile_read(tile, h)
            pre = xw[t] + hw if bias_hh is None else xw[t] + hw + bias_hh
            i, f, g, o = pre.chunk(4, dim=-1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            prev_h[t], prev_c[t] = h, c
            c = f * c + i * g
            h = o * torch.tanh(c)
            gates[t] = torch.cat((i, f, g, o), dim=-1)
            cells[t], out[t] = c, h
        ctx.save_for_backward(gates, cells, prev_h, prev_c)
        ctx.tile_ref, ctx.reverse, ctx.has_bias = tile_ref, reverse, bias_hh is not None
        return out, h, c

    @staticmethod
    def backward(ctx: Any, g_out: torch.Tensor, g_hn: torch.Tensor, g_cn: torch.Tensor) -> Any:  # type: ignore[override]
        gates, cells, prev_h, prev_c = ctx.saved_tensors
        tile = ctx.tile_ref._tile
        steps = gates.shape[0]
        order = range(steps) if ctx.reverse else range(steps - 1, -1, -1)
        dh_next, dc_next = g_hn.clone(), g_cn.clone()
        dgates = torch.empty_like(gates)
        for t in order:
            i, f, g, o = gates[t].chunk(4, dim=-1)
            tc = torch.tanh(cells[t])
            dh = g_out[t] + dh_next
            dc = dh * o * (1 - tc * tc) + dc_next
            d = torch.cat((dc * g * i * (1 - i), dc * prev_c[t] * f * (1 - f), dc * i * (1 - g * g), dh * tc * o * (1 - o)), dim=-1)
            dgates[t] = d
            dc_next = dc * f
            dh_next = _tile_read(tile, d, transposed=True)
        flat = dgates.reshape(-1, dgates.shape[-1])
        grad_w = flat.t().matmul(prev_h.reshape(-1, prev_h.shape[-1]))
        _record(ctx.tile_ref, prev_h.reshape(-1, prev_h.shape[-1]), flat)
        grad_b = flat.sum(dim=0) if ctx.has_bias else None
        return dgates, dh_next, dc_next, grad_w, grad_b, None, None


class _GruRecurrence(torch.autograd.Function):
    """One direction of one GRU layer as a single autograd node, as :class:`_LstmRecurrence` (PyTorch's gates:
    r = s(x_r + h_r), z = s(x_z + h_z), n = tanh(x_n + r * h_n), h' = (1 - z) n + z h, with h_* = W_h* h + b_h*)."""

    @staticmethod
    def forward(ctx: Any, xw: torch.Tensor, h0: torch.Tensor, weight_hh: torch.Tensor, bias_hh: Optional[torch.Tensor],  # type: ignore[override]
                tile_ref: Any, reverse: bool) -> Tuple[torch.Tensor, torch.Tensor]:
        tile = tile_ref._programmed(weight_hh)
        steps = xw.shape[0]
        order = range(steps - 1, -1, -1) if reverse else range(steps)
        h = h0
        saved = torch.empty(steps, xw.shape[1], 4 * h0.shape[-1], dtype=xw.dtype, device=xw.device)  # r, z, n, h_n
        prev_h = torch.empty(steps, xw.shape[1], h0.shape[-1], dtype=xw.dtype, device=xw.device)
        out = torch.empty_like(prev_h)
        for t in order:
            hw = _tile_read(tile, h)
            if bias_hh is not None:
                hw = hw + bias_hh
            xr, xz, xn = xw[t].chunk(3, dim=-1)
            hr, hz, hn = hw.chunk(3, dim=-1)
            r, z = torch.sigmoid(xr + hr), torch.sigmoid(xz + hz)
            n = torch.tanh(xn + r * hn)
            prev_h[t] = h
            h = (1 - z) * n + z * h
            saved[t] = torch.cat((r, z, n, hn), dim=-1)
            out[t] = h
        ctx.save_for_backward(saved, prev_h)
        ctx.tile_ref, ctx.reverse, ctx.has_bias = tile_ref, reverse, bias_hh is not None
        return out, h

    @staticmethod
    def backward(ctx: Any, g_out: torch.Tensor, g_hn: torch.Tensor) -> Any:  # type: ignore[override]
        saved, prev_h = ctx.saved_tensors
        tile = ctx.tile_ref._tile
        steps = saved.shape[0]
        order = range(steps) if ctx.reverse else range(steps - 1, -1, -1)
        dh_next = g_hn.clone()
        dx = torch.empty(steps, saved.shape[1], 3 * prev_h.shape[-1], dtype=saved.dtype, device=saved.device)
        dhg = torch.empty_like(dx)
        for t in order:
            r, z, n, hn = saved[t].chunk(4, dim=-1)
            dh = g_out[t] + dh_next
            dn = dh * (1 - z) * (1 - n * n)
            dz = dh * (prev_h[t] - n) * z * (1 - z)
            dr = dn * hn * r * (1 - r)
            dx[t] = torch.cat((dr, dz, dn), dim=-1)
            d = torch.cat((dr, dz, dn * r), dim=-1)
            dhg[t] = d
            back = _tile_read(tile, d, transposed=True)
            dh_next = dh * z + back
        flat = dhg.reshape(-1, dhg.shape[-1])
        grad_w = flat.t().matmul(prev_h.reshape(-1, prev_h.shape[-1]))
        _record(ctx.tile_ref, prev_h.reshape(-1, prev_h.shape[-1]), flat)
        grad_b = flat.sum(dim=0) if ctx.has_bias else None
        return dx, dh_next, grad_w, grad_b, None, None


class _ElmanRecurrence(torch.autograd.Function):
    """One direction of one Elman layer (h' = tanh or relu of x_t W_ih^T + b_ih + h W_hh^T + b_hh) as a single autograd
    node, as :class:`_LstmRecurrence`."""

    @staticmethod
    def forward(ctx: Any, xw: torch.Tensor, h0: torch.Tensor, weight_hh: torch.Tensor, bias_hh: Optional[torch.Tensor],  # type: ignore[override]
                tile_ref: Any, reverse: bool, relu: bool) -> Tuple[torch.Tensor, torch.Tensor]:
        tile = tile_ref._programmed(weight_hh)
        steps = xw.shape[0]
        order = range(steps - 1, -1, -1) if reverse else range(steps)
        h = h0
        prev_h = torch.empty(steps, xw.shape[1], h0.shape[-1], dtype=xw.dtype, device=xw.device)
        out = torch.empty_like(prev_h)
        for t in order:
            hw = _tile_read(tile, h)
            pre = xw[t] + hw if bias_hh is None else xw[t] + hw + bias_hh
            prev_h[t] = h
            h = torch.relu(pre) if relu else torch.tanh(pre)
            out[t] = h
        ctx.save_for_backward(out, prev_h)
        ctx.tile_ref, ctx.reverse, ctx.has_bias, ctx.relu = tile_ref, reverse, bias_hh is not None, relu
        return out, h

    @staticmethod
    def backward(ctx: Any, g_out: torch.Tensor, g_hn: torch.Tensor) -> Any:  # type: ignore[override]
        out, prev_h = ctx.saved_tensors
        tile = ctx.tile_ref._tile
        steps = out.shape[0]
        order = range(steps) if ctx.reverse else range(steps - 1, -1, -1)
        dh_next = g_hn.clone()
        dpre = torch.empty_like(out)
        for t in order:
            dh = g_out[t] + dh_next
            d = dh * (out[t] > 0).to(dh.dtype) if ctx.relu else dh * (1 - out[t] * out[t])
            dpre[t] = d
            dh_next = _tile_read(tile, d, transposed=True)
        flat = dpre.reshape(-1, dpre.shape[-1])
        grad_w = flat.t().matmul(prev_h.reshape(-1, prev_h.shape[-1]))
        _record(ctx.tile_ref, prev_h.reshape(-1, prev_h.shape[-1]), flat)
        grad_b = flat.sum(dim=0) if ctx.has_bias else None
        return dpre, dh_next, grad_w, grad_b, None, None, None


class _TiledLinear(nn.Module):
    """``nn.Linear``'s parameters (names, shapes, initialisation) with ``x W^T`` read through ``self._holder``, the
    tile holding ``weight`` (set by the subclass: a read-only crossbar tile or a training tile); the bias is digital."""

    def __init__(self, in_features: int, out_features: int, bias: bool, device: Any, dtype: Any) -> None:
        super().__init__()
        self.in_features, self.out_features = int(in_features), int(out_features)
        kw = {"device": device, "dtype": dtype}
        self.weight = nn.Parameter(torch.empty((self.out_features, self.in_features), **kw))
        if bias:
            self.bias: Optional[nn.Parameter] = nn.Parameter(torch.empty(self.out_features, **kw))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """nn.Linear's initialisation (the tile is programmed with it at the next read)."""
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(self.in_features) if self.in_features > 0 else 0
            nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[-1] != self.in_features:
            raise ValueError(f"input must have {self.in_features} features in its last dimension, got shape {tuple(x.shape)}")
        flat = x.reshape(-1, self.in_features)
        y = _AnalogMatmul.apply(flat, self.weight, self._holder)
        if self.bias is not None:
            y = y + self.bias
        return y.reshape(*x.shape[:-1], self.out_features)


class AnalogLinear(_TiledLinear):
    """``y = x W^T + b`` with ``x W^T`` read through a crossbar tile of ``in_features`` word lines and
    ``out_features`` outputs.

    Keyword arguments beyond ``nn.Linear``'s are :class:`neuromorph.Crossbar` options (``wire_resistance``,
    ``read_noise``, ``adc_bits``, ``levels``, ``seed`` ...); with none, the tile is ideal and the layer equals
    ``nn.Linear`` to rounding.

    Example::

        layer = neuromorph.torch.AnalogLinear(784, 128, read_noise=0.02, adc_bits=8)
        y = layer(x)            # x: (batch, 784)
        y.sum().backward()      # layer.weight.grad, x.grad through the transposed read
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True, device: Any = None, dtype: Any = None, **crossbar: Any) -> None:
        super().__init__(in_features, out_features, bias, device, dtype)
        self._options = dict(crossbar)
        self._holder = _Tile(self.in_features, self.out_features, self._options)

    @classmethod
    def from_linear(cls, linear: nn.Linear, **crossbar: Any) -> "AnalogLinear":
        """An AnalogLinear holding a copy of ``linear``'s weight and bias."""
        layer = cls(linear.in_features, linear.out_features, linear.bias is not None, linear.weight.device, linear.weight.dtype, **crossbar)
        with torch.no_grad():
            layer.weight.copy_(linear.weight)
            if linear.bias is not None and layer.bias is not None:
                layer.bias.copy_(linear.bias)
        return layer

    @property
    def tile(self) -> Crossbar:
        """The tile holding the current weights (programmed now if they changed)."""
        return self._programmed(self.weight)

    def _programmed(self, weight: torch.Tensor) -> Crossbar:
        return self._holder._programmed(weight)

    @property
    def _tile(self) -> Optional[Crossbar]:
        return self._holder._tile

    def extra_repr(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}" + (f", {opts}" if opts else "")


_GATES = {"RNN_TANH": 1, "RNN_RELU": 1, "LSTM": 4, "GRU": 3}


class _AnalogRNNBase(nn.Module):
    """The recurrent layers' shared body: PyTorch's parameters, one tile per weight matrix, the time loop."""

    def __init__(self, mode: str, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True,
                 batch_first: bool = False, dropout: float = 0.0, bidirectional: bool = False,
                 device: Any = None, dtype: Any = None, **crossbar: Any) -> None:
        super().__init__()
        if input_size <= 0 or hidden_size <= 0 or num_layers <= 0:
            raise ValueError(f"input_size, hidden_size and num_layers must be positive, got {input_size}, {hidden_size}, {num_layers}")
        if not 0 <= dropout <= 1:
            raise ValueError(f"dropout must be in [0, 1], got {dropout}")
        self.mode, self.input_size, self.hidden_size, self.num_layers = mode, input_size, hidden_size, num_layers
        self.bias, self.batch_first, self.dropout, self.bidirectional = bias, batch_first, float(dropout), bidirectional
        self._options = dict(crossbar)
        gates = _GATES[mode] * hidden_size
        kw = {"device": device, "dtype": dtype}
        self._tiles: Dict[str, _Tile] = {}
        for layer in range(num_layers):
            for suffix in self._suffixes():
                layer_input = input_size if layer == 0 else hidden_size * len(self._suffixes())
                for kind, cols in (("ih", layer_input), ("hh", hidden_size)):
                    name = f"weight_{kind}_l{layer}{suffix}"
                    self.register_parameter(name, nn.Parameter(torch.empty((gates, cols), **kw)))
                    self._tiles[name] = self._make_tile(getattr(self, name), cols, gates, len(self._tiles))
                if bias:
                    self.register_parameter(f"bias_ih_l{layer}{suffix}", nn.Parameter(torch.empty(gates, **kw)))
                    self.register_parameter(f"bias_hh_l{layer}{suffix}", nn.Parameter(torch.empty(gates, **kw)))
        self.reset_parameters()

    def _make_tile(self, weight: nn.Parameter, cols: int, gates: int, index: int) -> Any:
        """The tile of one weight matrix (gates x cols); ``index`` numbers the matrices in order."""
        return _Tile(cols, gates, self._options)

    def _suffixes(self) -> List[str]:
        return ["", "_reverse"] if self.bidirectional else [""]

    def reset_parameters(self) -> None:
        """PyTorch's initialisation: every parameter uniform in (-1/sqrt(hidden_size), 1/sqrt(hidden_size))."""
        bound = 1.0 / math.sqrt(self.hidden_size)
        for p in self.parameters():
            nn.init.uniform_(p, -bound, bound)

    @classmethod
    def from_module(cls, module: nn.RNNBase, **crossbar: Any) -> "_AnalogRNNBase":
        """The analog layer holding a copy of ``module``'s parameters (its state_dict loads unchanged)."""
        extra: Dict[str, Any] = {}
        if isinstance(module, nn.RNN):
            extra["nonlinearity"] = module.nonlinearity
        if getattr(module, "proj_size", 0):
            raise ValueError("LSTM with proj_size is not supported")
        p = next(module.parameters())
        layer = cls(module.input_size, module.hidden_size, module.num_layers, module.bias, module.batch_first,
                    module.dropout, module.bidirectional, device=p.device, dtype=p.dtype, **extra, **crossbar)
        layer.load_state_dict(module.state_dict())
        return layer

    def _project(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return _AnalogMatmul.apply(x, getattr(self, name), self._tiles[name])

    def forward(self, input: torch.Tensor, hx: Any = None) -> Tuple[torch.Tensor, Any]:
        batched = input.dim() == 3
        if input.dim() not in (2, 3):
            raise ValueError(f"input must be (seq, batch, features), (batch, seq, features) with batch_first, or (seq, features); got shape {tuple(input.shape)}")
        x = input if batched else input.unsqueeze(1)
        if batched and self.batch_first:
            x = x.transpose(0, 1)
        if x.shape[-1] != self.input_size:
            raise ValueError(f"input must have {self.input_size} features in its last dimension, got shape {tuple(input.shape)}")
        steps, batch = x.shape[0], x.shape[1]
        directions = len(self._suffixes())
        zeros = x.new_zeros(self.num_layers * directions, batch, self.hidden_size)
        if self.mode == "LSTM":
            h0, c0 = (zeros, zeros) if hx is None else hx
            if not batched and hx is not None:
                h0, c0 = h0.unsqueeze(1), c0.unsqueeze(1)
        else:
            h0 = zeros if hx is None else (hx if batched else hx.unsqueeze(1))
            c0 = None
        finals_h, finals_c = [], []
        for layer in range(self.num_layers):
            outputs = []
            for d, suffix in enumerate(self._suffixes()):
                k = layer * directions + d
                # the input projection of every step at once: one batched tile read
                xw = self._project(f"weight_ih_l{layer}{suffix}", x.reshape(steps * batch, -1)).reshape(steps, batch, -1)
                if self.bias:
                    xw = xw + getattr(self, f"bias_ih_l{layer}{suffix}")
                h, c = h0[k], (c0[k] if c0 is not None else None)
                if self.mode == "LSTM":
                    # the whole direction as one autograd node (its own backward through time); GRU likewise
                    name = f"weight_hh_l{layer}{suffix}"
                    bias_hh = getattr(self, f"bias_hh_l{layer}{suffix}") if self.bias else None
                    seq, h, c = _LstmRecurrence.apply(xw, h, c, getattr(self, name), bias_hh, self._tiles[name], bool(suffix))
                    outputs.append(seq)
                elif self.mode == "GRU":
                    name = f"weight_hh_l{layer}{suffix}"
                    bias_hh = getattr(self, f"bias_hh_l{layer}{suffix}") if self.bias else None
                    seq, h = _GruRecurrence.apply(xw, h, getattr(self, name), bias_hh, self._tiles[name], bool(suffix))
                    outputs.append(seq)
                else:
                    name = f"weight_hh_l{layer}{suffix}"
                    bias_hh = getattr(self, f"bias_hh_l{layer}{suffix}") if self.bias else None
                    seq, h = _ElmanRecurrence.apply(xw, h, getattr(self, name), bias_hh, self._tiles[name], bool(suffix), self.mode == "RNN_RELU")
                    outputs.append(seq)
                finals_h.append(h)
                if c is not None:
                    finals_c.append(c)
            x = torch.cat(outputs, dim=-1) if directions > 1 else outputs[0]
            if self.dropout > 0 and self.training and layer < self.num_layers - 1:
                x = nn.functional.dropout(x, self.dropout, training=True)
        h_n = torch.stack(finals_h)
        output = x
        if batched and self.batch_first:
            output = output.transpose(0, 1)
        if not batched:
            output, h_n = output.squeeze(1), h_n.squeeze(1)
        if self.mode == "LSTM":
            c_n = torch.stack(finals_c)
            return output, (h_n, c_n if batched else c_n.squeeze(1))
        return output, h_n

    def extra_repr(self) -> str:
        s = f"{self.input_size}, {self.hidden_size}, num_layers={self.num_layers}"
        if self.batch_first:
            s += ", batch_first=True"
        if self.bidirectional:
            s += ", bidirectional=True"
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return s + (f", {opts}" if opts else "")


class AnalogRNN(_AnalogRNNBase):
    """``nn.RNN`` (tanh or relu) with its products read through crossbar tiles; arguments as ``nn.RNN`` plus
    :class:`neuromorph.Crossbar` options."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, device: Any = None, dtype: Any = None,
                 nonlinearity: str = "tanh", **crossbar: Any) -> None:
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
        self.nonlinearity = nonlinearity
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", input_size, hidden_size, num_layers, bias,
                         batch_first, dropout, bidirectional, device, dtype, **crossbar)


class AnalogLSTM(_AnalogRNNBase):
    """``nn.LSTM`` (gates i, f, g, o in PyTorch's order) with its products read through crossbar tiles."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, device: Any = None, dtype: Any = None, **crossbar: Any) -> None:
        super().__init__("LSTM", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype, **crossbar)


class AnalogGRU(_AnalogRNNBase):
    """``nn.GRU`` (gates r, z, n in PyTorch's order) with its products read through crossbar tiles."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, device: Any = None, dtype: Any = None, **crossbar: Any) -> None:
        super().__init__("GRU", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, device, dtype, **crossbar)


def convert_to_analog(model: nn.Module, **crossbar: Any) -> nn.Module:
    """A copy of ``model`` whose ``nn.Linear``, ``nn.RNN``, ``nn.LSTM`` and ``nn.GRU`` modules are replaced by their
    analog counterparts holding the same weights, each with the given :class:`neuromorph.Crossbar` options (as
    aihwkit's ``convert_to_analog``); the original model is left unchanged."""
    converted = copy.deepcopy(model)

    def swap(module: nn.Module) -> nn.Module:
        if isinstance(module, nn.Linear):
            return AnalogLinear.from_linear(module, **crossbar)
        if isinstance(module, nn.LSTM):
            return AnalogLSTM.from_module(module, **crossbar)
        if isinstance(module, nn.GRU):
            return AnalogGRU.from_module(module, **crossbar)
        if isinstance(module, nn.RNN):
            return AnalogRNN.from_module(module, **crossbar)
        for name, child in list(module.named_children()):
            setattr(module, name, swap(child))
        return module

    return swap(converted)


# layers trained on the tile itself (pulsed updates): their own module, exposed here
from ._torch_training import AnalogSGD, TileGRU, TileLinear, TileLSTM, TileRNN  # noqa: E402
