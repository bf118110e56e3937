"""Loads .NET in-process through the official hosting API (hostfxr) and exposes Neuromorph.Interop's entry points.

Sequence (see docs/python.md): find ``libhostfxr.so`` under the .NET root, ``hostfxr_initialize_for_runtime_config``
with Neuromorph.Interop.runtimeconfig.json, ``hostfxr_get_runtime_delegate(hdt_load_assembly_and_get_function_pointer)``,
then one function pointer per ``[UnmanagedCallersOnly]`` method of ``Neuromorph.Interop.Exports``. The runtime is
loaded once per process; later calls reuse it.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional

import numpy as np

from ._errors import InputError, NeuromorphError, SimulationError

_ASSEMBLY = "Neuromorph.Interop"
_TYPE = "Neuromorph.Interop.Exports, Neuromorph.Interop"
_HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER = 5
_UNMANAGEDCALLERSONLY_METHOD = ctypes.c_void_p(-1)  # (const char_t*)-1

_lock = threading.Lock()
_lib: Optional["_Interop"] = None



class _InitParameters(ctypes.Structure):
    _fields_ = [("size", ctypes.c_size_t), ("host_path", ctypes.c_char_p), ("dotnet_root", ctypes.c_char_p)]


def dotnet_root() -> Optional[Path]:
    """The .NET root: $DOTNET_ROOT, else the folder of ``dotnet`` on PATH (symlinks resolved), else None."""
    env = os.environ.get("DOTNET_ROOT")
    if env and Path(env, "host", "fxr").is_dir():
        return Path(env)
    exe = shutil.which("dotnet")
    if exe:
        root = Path(exe).resolve().parent
        if Path(root, "host", "fxr").is_dir():
            return root
    for guess in ("/usr/share/dotnet", "/usr/lib/dotnet", "/usr/local/share/dotnet", str(Path.home() / ".dotnet")):
        if Path(guess, "host", "fxr").is_dir():
            return Path(guess)
    return None


def _version_key(name: str) -> tuple:
    parts = []
    for p in name.replace("-", ".").split("."):
        parts.append((0, int(p), "") if p.isdigit() else (-1, 0, p))
    return tuple(parts)


def _hostfxr_path(root: Path) -> Path:
    fxr = root / "host" / "fxr"
    lib = "libhostfxr.so" if sys.platform.startswith("linux") else ("libhostfxr.dylib" if sys.platform == "darwin" else "hostfxr.dll")
    versions = sorted((d for d in fxr.iterdir() if (d / lib).is_file()), key=lambda d: _version_key(d.name))
    if not versions:
        raise NeuromorphError(f"no {lib} under {fxr}: the .NET installation at {root} is incomplete", hint="reinstall the .NET 10 runtime")
    return versions[-1] / lib


def _repo_root() -> Optional[Path]:
    """The checkout the package was installed from (recorded at install time), or one found upward from this file."""
    try:
        from ._build_info import REPOSITORY  # type: ignore  # written by setup.py at install time

        if REPOSITORY and Path(REPOSITORY, "src", _ASSEMBLY).is_dir():
            return Path(REPOSITORY)
    except ImportError:
        pass
    for parent in Path(__file__).resolve().parents:
        if (parent / "src" / _ASSEMBLY / f"{_ASSEMBLY}.csproj").is_file():
            return parent
    return None


def assembly_dir() -> Path:
    """Where Neuromorph.Interop.dll and its runtimeconfig.json are: $NEUROMORPH_DOTNET_DIR, else the checkout's Release
    build output, built with ``dotnet build`` on first use when missing."""
    env = os.environ.get("NEUROMORPH_DOTNET_DIR")
    if env:
        d = Path(env)
        if not (d / f"{_ASSEMBLY}.dll").is_file():
            raise NeuromorphError(f"NEUROMORPH_DOTNET_DIR={env} holds no {_ASSEMBLY}.dll", hint="point it at src/Neuromorph.Interop/bin/Release/net10.0 of a built checkout")
        return d
    repo = _repo_root()
    if repo is None:
        raise NeuromorphError(f"cannot find {_ASSEMBLY}.dll: NEUROMORPH_DOTNET_DIR is not set and the package was not installed from a Neuromorph checkout",
                              hint="set NEUROMORPH_DOTNET_DIR to the folder of a built Neuromorph.Interop.dll")
    d = repo / "src" / _ASSEMBLY / "bin" / "Release" / "net10.0"
    if not (d / f"{_ASSEMBLY}.dll").is_file():
        exe = shutil.which("dotnet")
        if exe is None:
            raise NeuromorphError(f"{_ASSEMBLY}.dll is not built ({d}) and 'dotnet' is not on PATH to build it",
                                  hint=f"install the .NET 10 SDK, or run: dotnet build {repo / 'src' / _ASSEMBLY} -c Release")
        print(f"neuromorph: building {_ASSEMBLY} (first use; takes a minute)...", file=sys.stderr)
        done = subprocess.run([exe, "build", str(repo / "src" / _ASSEMBLY), "-c", "Release", "-nologo", "-v", "quiet", "-clp:ErrorsOnly"],
                              capture_output=True, text=True)
        if done.returncode != 0 or not (d / f"{_ASSEMBLY}.dll").is_file():
            tail = (done.stdout + done.stderr).strip().splitlines()[-1:] or ["no output"]
            raise NeuromorphError(f"dotnet build of {_ASSEMBLY} failed: {tail[0]}", hint=f"run: dotnet build {repo / 'src' / _ASSEMBLY} -c Release")
    return d


class _Interop:
    """Function pointers to the entry points of Neuromorph.Interop.Exports."""

    def __init__(self, directory: Path) -> None:
        root = dotnet_root()
        if root is None:
            raise NeuromorphError("the .NET runtime was not found (no DOTNET_ROOT, no 'dotnet' on PATH, nothing in the usual places)",
                                  hint="install the .NET 10 runtime, or set DOTNET_ROOT to its folder")
        self.directory = directory
        fxr = ctypes.CDLL(str(_hostfxr_path(root)))
        messages: List[str] = []
        writer_type = ctypes.CFUNCTYPE(None, ctypes.c_char_p)

        def collect(msg: bytes) -> None:
            messages.append(msg.decode("utf-8", "replace"))

        self._writer = writer_type(collect)  # kept alive: hostfxr holds the pointer
        fxr.hostfxr_set_error_writer.restype = ctypes.c_void_p
        fxr.hostfxr_set_error_writer.argtypes = [writer_type]
        fxr.hostfxr_set_error_writer(self._writer)
        fxr.hostfxr_initialize_for_runtime_config.restype = ctypes.c_int32
        fxr.hostfxr_initialize_for_runtime_config.argtypes = [ctypes.c_char_p, ctypes.POINTER(_InitParameters), ctypes.POINTER(ctypes.c_void_p)]
        fxr.hostfxr_get_runtime_delegate.restype = ctypes.c_int32
        fxr.hostfxr_get_runtime_delegate.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(ctypes.c_void_p)]
        fxr.hostfxr_close.restype = ctypes.c_int32
        fxr.hostfxr_close.argtypes = [ctypes.c_void_p]
        config = directory / f"{_ASSEMBLY}.runtimeconfig.json"
        params = _InitParameters(ctypes.sizeof(_InitParameters), None, str(root).encode())
        handle = ctypes.c_void_p()
        rc = fxr.hostfxr_initialize_for_runtime_config(str(config).encode(), ctypes.byref(params), ctypes.byref(handle))
        if rc < 0 or not handle.value:
            detail = next((m for m in messages if m.strip()), "").strip().splitlines()
            first = detail[0] if detail else "no message"
            raise NeuromorphError(f"cannot start the .NET runtime for {config.name} (hostfxr error 0x{rc & 0xFFFFFFFF:08x}): {first}",
                                  hint=f"Neuromorph needs the .NET 10 runtime (Microsoft.NETCore.App 10.x) under {root}; 'dotnet --list-runtimes' shows what is installed")
        try:
            loader = ctypes.c_void_p()
            rc = fxr.hostfxr_get_runtime_delegate(handle, _HDT_LOAD_ASSEMBLY_AND_GET_FUNCTION_POINTER, ctypes.byref(loader))
            if rc != 0 or not loader.value:
                raise NeuromorphError(f"hostfxr_get_runtime_delegate failed (0x{rc & 0xFFFFFFFF:08x})")
        finally:
            fxr.hostfxr_close(handle)
        load_type = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p))
        load = load_type(loader.value)
        assembly = str(directory / f"{_ASSEMBLY}.dll").encode()
        c_int, c_long, c_vp = ctypes.c_int32, ctypes.c_int64, ctypes.c_void_p

        def entry(method: str, *argtypes: Any) -> Any:
            fn = ctypes.c_void_p()
            rc = load(assembly, _TYPE.encode(), method.encode(), _UNMANAGEDCALLERSONLY_METHOD, None, ctypes.byref(fn))
            if rc != 0 or not fn.value:
                raise NeuromorphError(f"cannot bind {_TYPE}.{method} (0x{rc & 0xFFFFFFFF:08x})", hint="rebuild src/Neuromorph.Interop; the package and the assembly may be of different versions")
            return ctypes.CFUNCTYPE(c_int, *argtypes)(fn.value)

        self.call = entry("Call", c_vp, c_int, ctypes.POINTER(c_vp), ctypes.POINTER(c_int))
        self.last_error = entry("LastError", ctypes.POINTER(c_vp), ctypes.POINTER(c_int))
        self.free = entry("Free", c_vp)
        self.copy = entry("Copy", c_long, c_vp, c_long)
        self.release = entry("Release", c_long)
        self.tile_create = entry("TileCreate", c_vp, c_int, c_vp, c_int, c_int, ctypes.POINTER(c_long))
        self.tile_read = entry("TileRead", c_long, c_vp, c_int, c_vp, c_int)
        self.tile_weights = entry("TileWeights", c_long, c_vp)
        self.train_tile_create = entry("TrainTileCreate", c_vp, c_int, c_int, c_int, ctypes.POINTER(c_long))
        self.train_tile_program = entry("TrainTileProgram", c_long, c_vp)
        self.train_tile_read = entry("TrainTileRead", c_long, c_vp, c_int, c_vp, c_int)
        self.train_tile_update = entry("TrainTileUpdate", c_long, c_vp, c_vp, c_int, ctypes.c_double)
        self.train_tile_weights = entry("TrainTileWeights", c_long, c_vp, ctypes.POINTER(c_long))

    def take_string(self, pointer: ctypes.c_void_p, length: ctypes.c_int) -> str:
        try:
            return ctypes.string_at(pointer.value, length.value).decode("utf-8")
        finally:
            self.free(pointer)

    def check(self, status: int) -> None:
        """Raises the error the last call on this thread reported (status != 0)."""
        if status == 0:
            return
        p, n = ctypes.c_void_p(), ctypes.c_int()
        self.last_error(ctypes.byref(p), ctypes.byref(n))
        info = json.loads(self.take_string(p, n) or "{}")
        message = info.get("message") or "unknown failure"
        cls = InputError if status == 1 else SimulationError if status == 2 else NeuromorphError
        raise cls(message, location=info.get("location"), hint=info.get("hint"), kind=info.get("kind", "internal"))


def interop() -> _Interop:
    """The loaded entry points (the runtime is started on the first call and reused after)."""
    global _lib
    if _lib is None:
        with _lock:
            if _lib is None:
                _lib = _Interop(assembly_dir())
    return _lib


def call(op: str, **request: Any) -> Dict[str, Any]:
    """Runs one JSON operation of Neuromorph.Interop and returns its JSON answer."""
    lib = interop()
    data = json.dumps({"op": op, **{k: v for k, v in request.items() if v is not None}}).encode("utf-8")
    buf = ctypes.create_string_buffer(data, len(data))
    p, n = ctypes.c_void_p(), ctypes.c_int()
    lib.check(lib.call(ctypes.addressof(buf), len(data), ctypes.byref(p), ctypes.byref(n)))
    return json.loads(lib.take_string(p, n))


def take_array(ref: Dict[str, Any]) -> np.ndarray:
    """Copies the array behind a ``{"array": handle, "length": n}`` reference into a new float64 array and frees it."""
    lib = interop()
    out = np.empty(int(ref["length"]), dtype=np.float64)
    try:
        lib.check(lib.copy(int(ref["array"]), out.ctypes.data, out.size))
    finally:
        lib.release(int(ref["array"]))
    return out
