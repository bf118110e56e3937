"""device_transient: one memristor model under a drive, batched over parameter arrays (``kind: device``)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple, Union

import numpy as np

from . import _native
from ._api import _is_path


@dataclass
class DeviceTransient:
    """The samples of a batch of memristor transients.

    ``time``, ``v`` (drive voltage), ``i`` (current), ``x`` (state), ``vm`` (voltage across the device) and ``r``
    (resistance) have shape ``shape + (samples,)``, where ``shape`` is the broadcast shape of the swept arrays (``()``
    without a sweep). The adaptive integrator (``integrator: rosenbrock``, the default) records every step it takes,
    so points differ in length: ``counts`` (shape ``shape``) holds each point's number of samples and the rest of its
    row is NaN; with ``integrator: rk4`` every point has ``steps + 1`` samples on the same grid. ``completed`` (shape
    ``shape``) is False where the integration diverged;
    ``message`` says what that means for the integrator used. The columns are those of ``kind: device``'s
    transient.csv (time, v, i, x, vm, r).
    """

    model: str
    counts: np.ndarray
    time: np.ndarray
    v: np.ndarray
    i: np.ndarray
    x: np.ndarray
    vm: np.ndarray
    r: np.ndarray
    completed: np.ndarray
    shape: Tuple[int, ...]
    message: str

    def __getitem__(self, column: str) -> np.ndarray:
        if column not in ("time", "v", "i", "x", "vm", "r"):
            raise KeyError(f"no column '{column}'; the columns are time, v, i, x, vm, r")
        return getattr(self, column)


def device_transient(device: Union[Dict[str, Any], str, "os.PathLike[str]"],
                     sweep: Optional[Mapping[str, Any]] = None) -> DeviceTransient:
    """Integrates one memristor model in series with a resistance under a drive, at every point of a batch.

    ``device`` holds the keys of a ``kind: device`` file (docs/devices.md): ``model``, ``parameters``,
    ``series_resistance``, ``drive``, ``stop``, ``steps``, ``integrator``, ``rtol`` -- a dict, YAML text or a path.
    ``sweep`` maps key paths of that file (``parameters.roff``, ``drive.sin.amplitude``, ``series_resistance``,
    ``drive.pwl.values[1]``: the names device studies use) to numbers or arrays; the arrays are broadcast together
    (numpy rules) and each element is one device. Every point equals ``run({"kind": "device", ...})`` with those values,
    to the last bit. The points run in parallel on the machine's cores.

    Example::

        r = neuromorph.device_transient(
            {"model": "vteam", "parameters": {"ron": 50, "roff": "1k"}, "drive": {"sin": {"amplitude": 1, "frequency": "50k"}},
             "stop": "40u", "steps": 4000},
            sweep={"parameters.roff": np.linspace(500, 2000, 16)})
        r.x.shape   # (16, samples): row k holds r.counts[k] samples, then NaN
    """
    base = os.getcwd()
    if isinstance(device, dict):
        text = json.dumps(device)
    elif _is_path(device, (".yaml", ".yml")):
        path = os.fspath(device)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        base = os.path.dirname(os.path.abspath(path))
    else:
        text = device

    names = list(sweep.keys()) if sweep else []
    shape: Tuple[int, ...] = ()
    request_sweep = None
    if names:
        arrays = []
        for name in names:
            a = np.asarray(sweep[name])  # type: ignore[index]
            if a.dtype.kind not in "iuf":
                raise TypeError(f"sweep '{name}' must be numbers, got dtype {a.dtype}")
            if not np.all(np.isfinite(a)):
                raise ValueError(f"sweep '{name}' holds NaN or infinite values")
            arrays.append(a.astype(np.float64))
        try:
            broadcast = np.broadcast_arrays(*arrays)
        except ValueError as e:
            raise ValueError(f"the swept arrays do not broadcast together: {', '.join(f'{n} {a.shape}' for n, a in zip(names, arrays))}") from e
        shape = broadcast[0].shape
        if broadcast[0].size == 0:
            raise ValueError("the sweep is empty")
        request_sweep = {n: b.ravel().tolist() for n, b in zip(names, broadcast)}

    answer = _native.call("device", text=text, base=base, sweep=request_sweep)
    samples = int(answer["samples"])

    def signal(key: str) -> np.ndarray:
        return _native.take_array(answer[key]).reshape(shape + (samples,))

    return DeviceTransient(
        model=answer["model"], counts=np.array(answer["counts"], dtype=np.int64).reshape(shape), time=signal("time"), v=signal("v"), i=signal("i"), x=signal("x"),
        vm=signal("vm"), r=signal("r"), completed=np.array(answer["completed"], dtype=bool).reshape(shape),
        shape=shape, message=answer["message"])
