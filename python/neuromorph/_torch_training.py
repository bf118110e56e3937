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
from .torch import _AnalogRNNBase, _TiledLinear


class _TrainingTileHolder:
    """One weight parameter of shape (out, in) held on a :class:`TrainingTile` of ``in`` rows and ``out`` columns: the
    reads of ``neuromorph.torch``'s autograd functions go through it, the backward passes record their gradient rows
    (``record``), and :class:`AnalogSGD` pulses them into the tile (``_pulse``). The parameter always shows the
    tile's effective weights; a change made to it from outside reprograms the tile."""

    def __init__(self, parameter: nn.Parameter, in_features: int, out_features: int, options: Dict[str, Any]) -> None:
        self._tile = TrainingTile(in_features, out_features, **options)
        self._parameter = weakref.ref(parameter)
        self._pending: List[Tuple[np.ndarray, np.ndarray]] = []
        self._programmed_weight: Optional[torch.Tensor] = None
        # AnalogSGD finds the holder of a weight through this reference
        parameter._neuromorph_tile_layer = weakref.ref(self)  # type: ignore[attr-defined]

    @property
    def parameter(self) -> Optional[nn.Parameter]:
        """The parameter this tile holds."""
        return self._parameter()

    def _programmed(self, weight: torch.Tensor) -> TrainingTile:
        w = weight.detach().to("cpu", torch.float64)
        if self._programmed_weight is None or not torch.equal(self._programmed_weight, w):
            self._tile.program(np.ascontiguousarray(w.numpy().T))
            self._pending.clear()
            self._show()
        return self._tile

    def _show(self) -> None:
        p = self.parameter
        if p is None:
            return
        w = torch.from_numpy(np.ascontiguousarray(self._tile.weights.T))
        with torch.no_grad():
            p.copy_(w.to(dtype=p.dtype, device=p.device))
        self._programmed_weight = p.detach().to("cpu", torch.float64).clone()

    def record(self, x: torch.Tensor, d: torch.Tensor) -> None:
        """Rows x_k (inputs) and d_k (output gradients) of the gradient sum_k d_k^T x_k, for the next pulsed step."""
        self._pending.append((x.detach().to("cpu", torch.float64).numpy().copy(), d.detach().to("cpu", torch.float64).numpy().copy()))

    def _pulse(self, lr: float) -> None:
        """Applies the recorded rank-one updates W -= lr x_k^T d_k in the order the backward passes gave them."""
        for x, d in self._pending:
            self._tile.update(x, d, lr)
        self._pending.clear()
        self._show()


class TileLinear(_TiledLinear):
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
        super().__init__(in_features, out_features, bias, None, dtype)
        self._options = {"algorithm": algorithm, "device": device, "update": update, "tiki_taka": tiki_taka, "seed": seed}
        self._holder = _TrainingTileHolder(self.weight, self.in_features, self.out_features, self._options)

    @property
    def tile(self) -> TrainingTile:
        """The training tile (its ``weights`` are ``weight.T``; ``pulses`` counts the device pulses applied)."""
        return self._holder._programmed(self.weight)

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
                holder = ref() if ref is not None else None
                if holder is not None and holder.parameter is not p:
                    raise ValueError("this weight belongs to a copied tile layer whose tile was not copied; build the copy's layers anew")
                if holder is not None:
                    holder._pulse(lr)
                elif p.grad is not None:
                    p.add_(p.grad, alpha=-lr)
        return loss


class _TileRNNBase(_AnalogRNNBase):
    """PyTorch's recurrent layers with every weight matrix on a training tile: reads as ``AnalogRNN`` and its kin, and
    :class:`AnalogSGD` pulses each matrix with the rows of its gradient, one rank-one update per (step, sequence) as
    the Neuromorph ``train`` command's tiles do: (x_t, dgates_t) for ``weight_ih``, (h_{t-1}, dgates_t) for
    ``weight_hh``. Biases stay digital."""

    def __init__(self, mode: str, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True,
                 batch_first: bool = False, dropout: float = 0.0, bidirectional: bool = False, dtype: Any = None, *,
                 algorithm: str = "analog_sgd", device: Optional[Dict[str, Any]] = None, update: Optional[Dict[str, Any]] = None,
                 tiki_taka: Optional[Dict[str, Any]] = None, seed: int = 1) -> None:
        self._training = {"algorithm": algorithm, "device": device, "update": update, "tiki_taka": tiki_taka, "seed": int(seed)}
        super().__init__(mode, input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, None, dtype)

    @classmethod
    def from_module(cls, module: nn.RNNBase, **training: Any) -> "_TileRNNBase":  # type: ignore[override]
        """The layer on tiles holding a copy of ``module``'s parameters (programmed, clipped, at the first forward)."""
        extra: Dict[str, Any] = {"nonlinearity": module.nonlinearity} if isinstance(module, nn.RNN) else {}
        if getattr(module, "proj_size", 0):
            raise ValueError("LSTM with proj_size is not supported")
        p = next(module.parameters())
        layer = cls(module.input_size, module.hidden_size, module.num_layers, module.bias, module.batch_first,
                    module.dropout, module.bidirectional, dtype=p.dtype, **extra, **training)
        layer.load_state_dict(module.state_dict())
        return layer

    def _make_tile(self, weight: nn.Parameter, cols: int, gates: int, index: int) -> Any:
        # each matrix its own device draws and streams: the seed advanced by the matrix's index
        options = dict(self._training, seed=self._training["seed"] + 7919 * index)
        return _TrainingTileHolder(weight, cols, gates, options)

    def extra_repr(self) -> str:
        s = f"{self.input_size}, {self.hidden_size}, num_layers={self.num_layers}"
        return s + ", " + ", ".join(f"{k}={v!r}" for k, v in self._training.items() if v is not None)


class TileRNN(_TileRNNBase):
    """``nn.RNN`` (tanh or relu) trained on tiles; arguments as ``nn.RNN`` plus the training tile's."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, dtype: Any = None, nonlinearity: str = "tanh", **training: Any) -> None:
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"nonlinearity must be 'tanh' or 'relu', got {nonlinearity!r}")
        self.nonlinearity = nonlinearity
        super().__init__("RNN_TANH" if nonlinearity == "tanh" else "RNN_RELU", input_size, hidden_size, num_layers, bias,
                         batch_first, dropout, bidirectional, dtype, **training)


class TileLSTM(_TileRNNBase):
    """``nn.LSTM`` trained on tiles; arguments as ``nn.LSTM`` (no ``proj_size``) plus the training tile's."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, dtype: Any = None, **training: Any) -> None:
        super().__init__("LSTM", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, dtype, **training)


class TileGRU(_TileRNNBase):
    """``nn.GRU`` trained on tiles; arguments as ``nn.GRU`` plus the training tile's."""

    def __init__(self, input_size: int, hidden_size: int, num_layers: int = 1, bias: bool = True, batch_first: bool = False,
                 dropout: float = 0.0, bidirectional: bool = False, dtype: Any = None, **training: Any) -> None:
        super().__init__("GRU", input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional, dtype, **training)

