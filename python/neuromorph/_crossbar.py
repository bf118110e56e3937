"""``neuromorph.Crossbar``: a programmed crossbar tile read from Python."""

from __future__ import annotations

import ctypes
import difflib
import json
from typing import Any, Dict, Optional

import numpy as np

from . import _native
from ._arrays import as_float64, batch
from ._errors import InputError

#: keyword -> where it goes in the crossbar experiment's YAML (docs/crossbars.md)
_MAPPING_KEYS = ("scheme", "g_min", "g_max", "levels", "w_max")
_ARRAY_KEYS = ("wire_resistance", "word_wire_resistance", "bit_wire_resistance", "source_resistance", "sink_resistance", "access_resistance", "programming")
_NONIDEAL_KEYS = ("variability", "distribution", "programming_noise", "preset", "stuck_lrs", "stuck_hrs", "drift_nu", "drift_time", "drift_t0",
                  "read_noise", "dac_bits", "dac_range", "adc_bits", "adc_range", "nonlinearity")
_TOP_KEYS = ("seed", "solver")


class Crossbar:
    """A memristive crossbar tile with the non-idealities of the ``kind: crossbar`` experiment.

    ``rows`` inputs (word lines) by ``cols`` outputs; weights are ``rows x cols`` and the ideal read is
    ``y = x @ W`` (the crossbar experiment's ``W^T x``). Keyword arguments are that experiment's keys, flat:

    * mapping (``mapping="differential" | "offset"`` or ``scheme=``), ``g_min``, ``g_max``, ``levels``, ``w_max``;
    * array: ``wire_resistance``, ``word_wire_resistance``, ``bit_wire_resistance``, ``source_resistance``,
      ``sink_resistance``, ``access_resistance``, ``programming`` (a dict, e.g. write-verify);
    * non-idealities: ``variability`` (number or dict), ``distribution``, ``programming_noise``, ``preset``,
      ``stuck_lrs``, ``stuck_hrs``, ``drift_nu``, ``drift_time``, ``drift_t0``, ``read_noise``, ``dac_bits``,
      ``dac_range``, ``adc_bits``, ``adc_range``, ``nonlinearity``;
    * ``seed`` (default 1) and ``solver`` (``"auto" | "direct" | "iterative"`` or a dict).

    Values may be numbers or engineering strings (``"10k"``). Checks are the YAML reader's, with its messages.
    Programming draws and read noise use the seeded stream exactly as the experiment does, so programming ``W`` and
    reading a batch ``X`` gives the experiment's outputs.csv for the same file, bit for bit.

    Example::

        tile = neuromorph.Crossbar(64, 32, wire_resistance=1.0, read_noise=0.01, adc_bits=8)
        tile.program(W)            # W: (64, 32)
        y = tile.forward(X)        # X: (batch, 64) -> (batch, 32)
        g = tile.backward(D)       # D: (batch, 32) -> (batch, 64), transposed read of the same array
    """

    def __init__(self, rows: int, cols: int, *, mapping: Optional[str] = None, **options: Any) -> None:
        if not (isinstance(rows, (int, np.integer)) and isinstance(cols, (int, np.integer))) or rows < 1 or cols < 1:
            raise ValueError(f"rows and cols must be positive integers, got {rows!r} and {cols!r}")
        self.rows, self.cols = int(rows), int(cols)
        spec: Dict[str, Any] = {"array": {}}
        if mapping is not None:
            options.setdefault("scheme", mapping)
        for key, value in options.items():
            if value is None:
                continue
            if key in _MAPPING_KEYS:
                spec["array"].setdefault("mapping", {})[key] = value
            elif key in _ARRAY_KEYS:
                spec["array"][key] = value
            elif key in _NONIDEAL_KEYS:
                spec.setdefault("nonidealities", {})[key] = value
            elif key in _TOP_KEYS:
                spec[key] = value
            else:
                known = _MAPPING_KEYS + _ARRAY_KEYS + _NONIDEAL_KEYS + _TOP_KEYS + ("mapping",)
                close = difflib.get_close_matches(key, known, 1)
                raise InputError(f"Crossbar: unknown option '{key}'", hint=f"did you mean '{close[0]}'?" if close else "options: " + ", ".join(known), kind="input")
        self._spec = spec
        self._handle = 0

    @classmethod
    def from_spec(cls, rows: int, cols: int, spec: Dict[str, Any]) -> "Crossbar":
        """A tile from a crossbar experiment dict (``{"array": {...}, "nonidealities": {...}, "seed": 1}``) without weights or inputs."""
        tile = cls(rows, cols)
        tile._spec = json.loads(json.dumps(spec))
        return tile

    @property
    def spec(self) -> Dict[str, Any]:
        """The crossbar experiment options this tile is programmed with (the YAML keys, without weights and inputs)."""
        return json.loads(json.dumps(self._spec))

    def program(self, weights: Any) -> "Crossbar":
        """Programs ``weights`` (shape ``(rows, cols)``) onto the array, drawing the programming non-idealities;
        reprogramming replaces the array and restarts its random stream from the seed."""
        w = as_float64(weights, "weights")
        if w.shape != (self.rows, self.cols):
            raise ValueError(f"weights must have shape ({self.rows}, {self.cols}) (rows, cols), got {w.shape}")
        lib = _native.interop()
        text = json.dumps(self._spec).encode("utf-8")
        buf = ctypes.create_string_buffer(text, len(text))
        handle = ctypes.c_int64()
        lib.check(lib.tile_create(ctypes.addressof(buf), len(text), w.ctypes.data, self.rows, self.cols, ctypes.byref(handle)))
        self._release()
        self._handle = handle.value
        return self

    def forward(self, x: Any) -> np.ndarray:
        """Reads ``x`` (shape ``(rows,)`` or ``(batch, rows)``, volts) through DAC, array and ADC: ``x @ W`` ideally."""
        return self._read(x, transposed=False)

    def backward(self, d: Any) -> np.ndarray:
        """Transposed read of the same array: ``d`` (shape ``(cols,)`` or ``(batch, cols)``) drives the bit lines;
        returns ``d @ W.T`` ideally, shape ``(rows,)`` or ``(batch, rows)``."""
        return self._read(d, transposed=True)

    @property
    def weights(self) -> np.ndarray:
        """The programmed weights (conductance differences over the mapping scale), ``(rows, cols)``; wire resistance and
        per-read effects (noise, converters) are not part of it."""
        lib = self._tile()
        out = np.empty((self.rows, self.cols), dtype=np.float64)
        lib.check(lib.tile_weights(self._handle, out.ctypes.data))
        return out

    def _tile(self) -> Any:
        if not self._handle:
            raise RuntimeError("the crossbar is not programmed yet: call program(weights) first")
        return _native.interop()

    def _read(self, x: Any, transposed: bool) -> np.ndarray:
        lib = self._tile()
        n_in, n_out = (self.cols, self.rows) if transposed else (self.rows, self.cols)
        a, single = batch(x, "d" if transposed else "x", n_in, "cols (outputs)" if transposed else "rows (word lines)")
        out = np.empty((a.shape[0], n_out), dtype=np.float64)
        if a.shape[0]:
            lib.check(lib.tile_read(self._handle, a.ctypes.data, a.shape[0], out.ctypes.data, 1 if transposed else 0))
        return out[0] if single else out

    def _release(self) -> None:
        if self._handle and _native._lib is not None:
            _native._lib.release(self._handle)
        self._handle = 0

    def __del__(self) -> None:
        try:
            self._release()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"Crossbar({self.rows}, {self.cols}, {self._spec!r}{'' if self._handle else ', not programmed'})"
