"""Input checks shared by every function that takes arrays."""

from __future__ import annotations

from typing import Any, Tuple

import numpy as np


def as_float64(x: Any, name: str) -> np.ndarray:
    """``x`` as a C-contiguous float64 array: integers and booleans convert silently; complex, object and string
    arrays are refused with TypeError; NaN and infinities with ValueError; non-contiguous arrays are copied."""
    try:
        a = np.asarray(x)
    except Exception as e:  # ragged lists and the like
        raise TypeError(f"{name} must be an array of real numbers: {e}") from None
    if a.dtype.kind == "c":
        raise TypeError(f"{name} is complex ({a.dtype}); Neuromorph takes real float64 arrays (use .real if the imaginary part is zero)")
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, got dtype {a.dtype}")
    a = np.ascontiguousarray(a, dtype=np.float64)
    if not np.isfinite(a).all():
        bad = np.argwhere(~np.isfinite(a))[0]
        where = tuple(int(i) for i in bad)
        raise ValueError(f"{name} holds {a[where]} at index {where if len(where) != 1 else where[0]}; inputs must be finite")
    return a


def batch(x: Any, name: str, width: int, what: str) -> Tuple[np.ndarray, bool]:
    """``x`` of shape (width,) or (batch, width) as a 2-D float64 array, and whether it was 1-D."""
    a = as_float64(x, name)
    if a.ndim == 1 and a.shape[0] == width:
        return a.reshape(1, width), True
    if a.ndim == 2 and a.shape[1] == width:
        return a, False
    raise ValueError(f"{name} must have shape ({width},) or (batch, {width}) ({width} = {what}), got {a.shape}")
