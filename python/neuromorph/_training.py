"""``neuromorph.TrainingTile``: a crossbar tile trained in place with pulsed updates (docs/analog-training.md)."""

from __future__ import annotations

import ctypes
import json
import math
from typing import Any, Dict, Optional

import numpy as np

from . import _native
from ._arrays import as_float64, batch


class TrainingTile:
    """A tile of pulsed devices trained in place, as ``kind: analog_training`` trains its layers.

    ``rows`` inputs by ``cols`` outputs; weights are ``rows x cols`` and the read is ``y = x @ W``, as for
    :class:`Crossbar`. ``update(x, d, lr)`` applies the SGD step ``W -= lr * x.T @ d`` as device pulses: one
    rank-one update per row of the batch, in order, with the algorithm's pulse scheme.

    Keyword arguments are the keys of ``kind: analog_training`` (docs/analog-training.md), given as Python values:

    * ``algorithm``: ``"analog_sgd"`` (default), ``"tiki_taka"``, ``"tiki_taka_v2"``, ``"mixed_precision"``, or
      ``"fp"`` (an ideal, unbounded tile: the reference);
    * ``device``: a dict, e.g. ``{"preset": "soft_bounds", "dw_min": 0.001, "up_down": 0.3}``, or a physical model,
      e.g. ``{"model": "vteam", "parameters": {...}, "set": {...}, "reset": {...}}``;
    * ``update``: e.g. ``{"mode": "stochastic", "bit_length": 31}``;
    * ``tiki_taka``: e.g. ``{"transfer_every": 2, "zero_shift": 3000}``;
    * ``seed`` (default 1): device-to-device draws and pulse streams.

    Mistakes raise :class:`InputError` with the reader's message (its line:column count in the JSON of the options).

    Example::

        tile = neuromorph.TrainingTile(64, 10, device={"preset": "soft_bounds", "dw_min": 0.001})
        tile.program(W0)
        y = tile.forward(X)                 # (batch, 64) -> (batch, 10)
        tile.update(X, y - T, lr=0.01)      # pulsed W -= 0.01 * X.T @ (y - T)
    """

    def __init__(self, rows: int, cols: int, *, algorithm: str = "analog_sgd", device: Optional[Dict[str, Any]] = None,
                 update: Optional[Dict[str, Any]] = None, tiki_taka: Optional[Dict[str, Any]] = None, seed: int = 1) -> None:
        if not (isinstance(rows, (int, np.integer)) and isinstance(cols, (int, np.integer))) or rows < 1 or cols < 1:
            raise ValueError(f"rows and cols must be positive integers, got {rows!r} and {cols!r}")
        self.rows, self.cols = int(rows), int(cols)
        options: Dict[str, Any] = {"algorithm": algorithm, "seed": int(seed)}
        for key, value in (("device", device), ("update", update), ("tiki_taka", tiki_taka)):
            if value is not None:
                options[key] = value
        lib = _native.interop()
        text = json.dumps(options).encode("utf-8")
        buf = ctypes.create_string_buffer(text, len(text))
        handle = ctypes.c_int64()
        lib.check(lib.train_tile_create(ctypes.addressof(buf), len(text), self.rows, self.cols, ctypes.byref(handle)))
        self._handle = handle.value

    def program(self, weights: Any) -> "TrainingTile":
        """Sets the weights directly (``(rows, cols)``; write-verify is outside the model), clipped into each device's
        bounds; Tiki-Taka's fast tile starts at 0."""
        w = as_float64(weights, "weights")
        if w.shape != (self.rows, self.cols):
            raise ValueError(f"weights must have shape ({self.rows}, {self.cols}) (rows, cols), got {w.shape}")
        lib = _native.interop()
        lib.check(lib.train_tile_program(self._handle, w.ctypes.data))
        return self

    def forward(self, x: Any) -> np.ndarray:
        """``x @ W`` for ``x`` of shape ``(rows,)`` or ``(batch, rows)``."""
        return self._read(x, transposed=False)

    def backward(self, d: Any) -> np.ndarray:
        """``d @ W.T`` for ``d`` of shape ``(cols,)`` or ``(batch, cols)``: the error read back through the same tile."""
        return self._read(d, transposed=True)

    def update(self, x: Any, d: Any, lr: float) -> "TrainingTile":
        """The pulsed SGD step ``W -= lr * x.T @ d``: ``x`` ``(batch, rows)`` and ``d`` ``(batch, cols)`` (or one row
        each), one rank-one pulsed update per row pair, in order."""
        if not isinstance(lr, (int, float, np.floating, np.integer)) or not math.isfinite(float(lr)) or lr < 0:
            raise ValueError(f"lr must be a finite number >= 0, got {lr!r}")
        a, _ = batch(x, "x", self.rows, "rows (inputs)")
        b, _ = batch(d, "d", self.cols, "cols (outputs)")
        if a.shape[0] != b.shape[0]:
            raise ValueError(f"x and d must have the same batch size, got {a.shape[0]} and {b.shape[0]}")
        lib = _native.interop()
        lib.check(lib.train_tile_update(self._handle, a.ctypes.data, b.ctypes.data, a.shape[0], float(lr)))
        return self

    @property
    def weights(self) -> np.ndarray:
        """The effective weights (Tiki-Taka: ``gamma * (A - A_ref) + C``), ``(rows, cols)``."""
        return self._weights()[0]

    @property
    def pulses(self) -> int:
        """Device pulses applied so far."""
        return self._weights()[1]

    def _weights(self):
        lib = _native.interop()
        out = np.empty((self.rows, self.cols), dtype=np.float64)
        n = ctypes.c_int64()
        lib.check(lib.train_tile_weights(self._handle, out.ctypes.data, ctypes.byref(n)))
        return out, int(n.value)

    def _read(self, x: Any, transposed: bool) -> np.ndarray:
        n_in, n_out = (self.cols, self.rows) if transposed else (self.rows, self.cols)
        a, single = batch(x, "d" if transposed else "x", n_in, "cols (outputs)" if transposed else "rows (inputs)")
        out = np.empty((a.shape[0], n_out), dtype=np.float64)
        if a.shape[0]:
            lib = _native.interop()
            lib.check(lib.train_tile_read(self._handle, a.ctypes.data, a.shape[0], out.ctypes.data, 1 if transposed else 0))
        return out[0] if single else out

    def __del__(self) -> None:
        try:
            if getattr(self, "_handle", 0) and _native._lib is not None:
                _native._lib.release(self._handle)
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"TrainingTile({self.rows}, {self.cols})"
