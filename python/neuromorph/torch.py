"""PyTorch layers whose products go through a Neuromorph crossbar tile (needs torch).

``AnalogLinear`` is ``nn.Linear`` (same ``weight``/``bias`` names and shapes, same initialisation) read through a
:class:`neuromorph.Crossbar`: the forward product is the tile's forward read, the input gradient is the transposed
read of the same tile, and the weight gradient is computed in floating point (``grad_y^T x``), as in hardware-aware
training (aihwkit's convention). The bias is added digitally. The tile is reprogrammed whenever the weights change.
"""

from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np
import torch
from torch import nn

from ._crossbar import Crossbar


class _AnalogMatmul(torch.autograd.Function):
    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, weight: torch.Tensor, layer: "AnalogLinear") -> torch.Tensor:  # type: ignore[override]
        tile = layer._programmed(weight)
        ctx.save_for_backward(x)
        ctx.layer = layer
        y = tile.forward(x.detach().to("cpu", torch.float64).numpy())
        return torch.from_numpy(y).to(device=x.device, dtype=x.dtype)

    @staticmethod
    def backward(ctx: Any, grad_y: torch.Tensor) -> Any:  # type: ignore[override]
        (x,) = ctx.saved_tensors
        grad_x = grad_w = None
        if ctx.needs_input_grad[0]:
            tile = ctx.layer._tile
            g = tile.backward(grad_y.detach().to("cpu", torch.float64).numpy())
            grad_x = torch.from_numpy(g).to(device=grad_y.device, dtype=grad_y.dtype)
        if ctx.needs_input_grad[1]:
            grad_w = grad_y.t().matmul(x)
        return grad_x, grad_w, None


class AnalogLinear(nn.Module):
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
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        kw = {"device": device, "dtype": dtype}
        self.weight = nn.Parameter(torch.empty((out_features, in_features), **kw))
        self.bias: Optional[nn.Parameter] = nn.Parameter(torch.empty(out_features, **kw)) if bias else None
        if not bias:
            self.register_parameter("bias", None)
        self._options = dict(crossbar)
        Crossbar(in_features, out_features, **self._options)  # checks the option names now
        self._tile: Optional[Crossbar] = None
        self._programmed_weight: Optional[torch.Tensor] = None
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """nn.Linear's initialisation."""
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(self.in_features) if self.in_features > 0 else 0
            nn.init.uniform_(self.bias, -bound, bound)

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
        w = weight.detach().to("cpu", torch.float64)
        if self._tile is None or self._programmed_weight is None or not torch.equal(self._programmed_weight, w):
            tile = Crossbar(self.in_features, self.out_features, **self._options)
            tile.program(np.ascontiguousarray(w.numpy().T))
            self._tile, self._programmed_weight = tile, w.clone()
        return self._tile

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[-1] != self.in_features:
            raise ValueError(f"input must have {self.in_features} features in its last dimension, got shape {tuple(x.shape)}")
        flat = x.reshape(-1, self.in_features)
        y = _AnalogMatmul.apply(flat, self.weight, self)
        if self.bias is not None:
            y = y + self.bias
        return y.reshape(*x.shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}" + (f", {opts}" if opts else "")
