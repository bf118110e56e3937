"""PyTorch layers trained on the crossbar itself: ``TileLinear`` holds its weight on a :class:`neuromorph.TrainingTile`
and ``AnalogSGD`` applies each step as device pulses (docs/analog-training.md, docs/python.md). Imported by
``neuromorph.torch``; needs torch.

The convention is aihwkit's ``AnalogLinear`` with ``AnalogSGD``: the forward product is the tile's read, the input
gradient the tile's transposed read, and the weight is not stepped by a floating-point rule but by the tile's pulsed
update ``W -= lr * x^T grad_y`` of the inputs and output gradients the backward pass saw. The bias stays digital and
takes plain SGD steps (aihwkit's digital bias). ``weight`` always holds the tile's effective weights, so
``state_dict`` and any reader of the parameter see what the devices hold.
"""

from __future__ import annotations

import math
import weakref
from typing import Any, Dict, Iterable, List, Optional, Tuple

import numpy as np
import torch
from torch import nn

from ._training import TrainingTile


class _TileMatmul(torch.autograd.Function):
    """``x W^T`` read through the layer's tile; the backward pass records (x, grad_y) for the pulsed update."""

    @staticmethod
    def forward(ctx: Any, x: torch.Tensor, weight: torch.Tensor, layer: "TileLinear") -> torch.Tensor:  # type: ignore[override]
        layer._sync_from(weight)
        ctx.save_for_backward(x)
        ctx.layer = layer
        y = layer._tile.forward(x.detach().to("cpu", torch.float64).numpy())
        return torch.from_numpy(np.ascontiguousarray(y)).to(dtype=x.dtype, device=x.device)

    @staticmethod
    def backward(ctx: Any, grad_y: torch.Tensor) -> Any:  # type: ignore[override]
        (x,) = ctx.saved_tensors
        layer: TileLinear = ctx.layer
        g = grad_y.detach().to("cpu", torch.float64)
        a = x.detach().to("cpu", torch.float64)
        grad_x = grad_w = None
        if ctx.needs_input_grad[0]:
            grad_x = torch.from_numpy(np.ascontiguousarray(layer._tile.backward(g.numpy()))).to(dtype=x.dtype, device=x.device)
        if ctx.needs_input_grad[1]:
            # the floating-point gradient, for readers of .grad and for clipping; the tile is stepped from the rows below
            grad_w = grad_y.t().matmul(x)
            layer._pending.append((a.numpy().copy(), g.numpy().copy()))
        return grad_x, grad_w, None


class TileLinear(nn.Module):
    """``y = x W^T + b`` with ``W`` held on a :class:`neuromorph.TrainingTile` of ``in_features`` rows and
    ``out_features`` columns, trained in place by :class:`AnalogSGD`.

    Parameter names, shapes and initialisation are ``nn.Linear``'s. Keyword arguments are the training tile's
    (``algorithm``, ``device``, ``update``, ``tiki_taka``, ``seed``; docs/analog-training.md). With
    ``algorithm="fp"`` the tile is ideal and unbounded, and training with :class:`AnalogSGD` equals ``nn.Linear``
    with ``torch.optim.SGD``.

    Example::

        layer = neuromorph.torch.TileLinear(64, 10, algorithm="tiki_taka_v2",
                                            device={"preset": "soft_bounds", "dw_min": 0.002, "up_down": 0.2})
        opt = neuromorph.torch.AnalogSGD(layer.parameters(), lr=0.05)
        loss = torch.nn.functional.cross_entropy(layer(x), labels)
        loss.backward()
        opt.step()              # pulses into the tile; layer.weight now holds the devices' weights
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True, *, algorithm: str = "analog_sgd",
                 device: Optional[Dict[str, Any]] = None, update: Optional[Dict[str, Any]] = None,
                 tiki_taka: Optional[Dict[str, Any]] = None, seed: int = 1, dtype: Any = None) -> None:
        super().__init__()
        self.in_features, self.out_features = int(in_features), int(out_features)
        self._options = {"algorithm": algorithm, "device": device, "update": update, "tiki_taka": tiki_taka, "seed": seed}
        self._tile = TrainingTile(self.in_features, self.out_features, algorithm=algorithm, device=device, update=update,
                                  tiki_taka=tiki_taka, seed=seed)
        self.weight = nn.Parameter(torch.empty((self.out_features, self.in_features), dtype=dtype))
        if bias:
            self.bias: Optional[nn.Parameter] = nn.Parameter(torch.empty(self.out_features, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        # AnalogSGD finds the layer of a weight through this reference
        self.weight._neuromorph_tile_layer = weakref.ref(self)  # type: ignore[attr-defined]
        self._pending: List[Tuple[np.ndarray, np.ndarray]] = []
        self._programmed: Optional[torch.Tensor] = None
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """nn.Linear's initialisation; the tile is programmed with it (clipped into the devices' bounds)."""
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(self.in_features) if self.in_features > 0 else 0
            nn.init.uniform_(self.bias, -bound, bound)
        self._programmed = None

    @property
    def tile(self) -> TrainingTile:
        """The training tile (its ``weights`` are ``weight.T``; ``pulses`` counts the device pulses applied)."""
        self._sync_from(self.weight)
        return self._tile

    def _sync_from(self, weight: torch.Tensor) -> None:
        """Programs the tile when the parameter was changed from outside (initialisation, load_state_dict, a user's
        write), then shows the programmed (clipped) weights in the parameter."""
        w = weight.detach().to("cpu", torch.float64)
        if self._programmed is not None and torch.equal(self._programmed, w):
            return
        self._tile.program(np.ascontiguousarray(w.numpy().T))
        self._pending.clear()
        self._show()

    def _show(self) -> None:
        w = torch.from_numpy(np.ascontiguousarray(self._tile.weights.T))
        with torch.no_grad():
            self.weight.copy_(w.to(dtype=self.weight.dtype, device=self.weight.device))
        self._programmed = self.weight.detach().to("cpu", torch.float64).clone()

    def _pulse(self, lr: float) -> None:
        """Applies the recorded rank-one updates, in the order the backward passes gave them, and shows the result."""
        for x, d in self._pending:
            self._tile.update(x, d, lr)
        self._pending.clear()
        self._show()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[-1] != self.in_features:
            raise ValueError(f"input must have {self.in_features} features in its last dimension, got shape {tuple(x.shape)}")
        flat = x.reshape(-1, self.in_features)
        y = _TileMatmul.apply(flat, self.weight, self)
        if self.bias is not None:
            y = y + self.bias
        return y.reshape(*x.shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items() if v is not None)
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}, {opts}"


class AnalogSGD(torch.optim.Optimizer):
    """Stochastic gradient descent for models with :class:`TileLinear` layers (aihwkit's ``AnalogSGD``).

    A ``TileLinear`` weight is stepped on its tile: the inputs and output gradients recorded by the backward passes
    since the last step are applied as pulsed rank-one updates ``W -= lr * x^T grad_y`` with the tile's algorithm and
    device response, and the parameter then holds the tile's weights. Every other parameter (biases, digital layers)
    takes the plain step ``p -= lr * p.grad``. Call ``step`` once after each ``backward``; ``zero_grad`` as usual.
    """

    def __init__(self, params: Iterable[Any], lr: float) -> None:
        if not isinstance(lr, (int, float)) or not math.isfinite(float(lr)) or lr < 0:
            raise ValueError(f"lr must be a finite number >= 0, got {lr!r}")
        super().__init__(params, {"lr": float(lr)})

    @torch.no_grad()
    def step(self, closure: Any = None) -> Any:  # type: ignore[override]
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr = group["lr"]
            for p in group["params"]:
                ref = getattr(p, "_neuromorph_tile_layer", None)
                layer = ref() if ref is not None else None
                if layer is not None and layer.weight is not p:
                    raise ValueError("this weight belongs to a copied TileLinear whose tile was not copied; build the copy's layers anew")
                if layer is not None:
                    layer._pulse(lr)
                elif p.grad is not None:
                    p.add_(p.grad, alpha=-lr)
        return loss
