"""simulate, run, minimize and backends: the library calls the matching ``neuromorph`` commands make."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

import numpy as np

from . import _native

PathOrText = Union[str, "os.PathLike[str]"]


def _is_path(value: PathOrText, suffixes: tuple) -> bool:
    if isinstance(value, os.PathLike):
        return True
    if not isinstance(value, str):
        raise TypeError(f"expected a path or text, got {type(value).__name__}")
    if "\n" in value:
        return False
    return Path(value).is_file() or value.lower().endswith(suffixes)


def _number(v: Any) -> float:
    return float(v) if v is not None else float("nan")


@dataclass
class Analysis:
    """One analysis of a netlist (``tran``, ``tran2``, ``dc``, ``ac``, ``op`` ...): its CSV table as numpy columns."""

    name: str
    kind: str
    columns: Dict[str, np.ndarray]
    steps: List[str] = field(default_factory=list)

    def __getitem__(self, column: str) -> np.ndarray:
        return self.columns[column]

    def to_frame(self) -> Any:
        """The table as a pandas DataFrame (pandas must be installed)."""
        import pandas as pd  # optional dependency

        return pd.DataFrame(self.columns)


class SimulationResult(List[Analysis]):
    """The analyses of a netlist in deck order, with ``title``, ``measures`` (``.measure`` results) and ``warnings``."""

    title: str = ""
    measures: List[Dict[str, Any]]
    warnings: List[str]

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            for a in self:
                if a.name == key:
                    return a
            raise KeyError(f"no analysis '{key}'; the netlist ran {', '.join(a.name for a in self)}")
        return super().__getitem__(key)


def simulate(netlist: PathOrText, *, engine: str = "mna") -> SimulationResult:
    """Simulates a SPICE netlist (``neuromorph simulate``): a path, or the netlist text itself.

    Returns one :class:`Analysis` per analysis, named as the CLI's CSV files (``tran``, ``dc``, ``tran2`` ...), with
    the same columns; ``result["tran"]["v(out)"]`` is a numpy array. ``engine="ctd"`` runs the reduced CTD equation
    for LEVEL=7 memristor networks. Netlist text is written to a temporary file, so its ``.include`` paths should be
    absolute.

    Example::

        res = neuromorph.simulate("circuits/memristor_hysteresis.cir")
        t, i = res["tran"]["time"], res["tran"]["i(vin)"]
    """
    temp = None
    try:
        if _is_path(netlist, (".cir", ".sp", ".spi", ".net", ".ckt")):
            path = os.fspath(netlist)
        else:
            temp = tempfile.mkdtemp(prefix="neuromorph-")
            path = os.path.join(temp, "netlist.cir")
            Path(path).write_text(str(netlist), encoding="utf-8")
        answer = _native.call("simulate", path=path, engine=engine)
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    result = SimulationResult()
    for a in answer["analyses"]:
        cols = {c["name"]: _native.take_array(c) for c in a["columns"]}
        result.append(Analysis(a["name"], a["kind"], cols, list(a["steps"])))
    result.title = answer["title"]
    result.measures = [{**m, "value": _number(m["value"])} for m in answer["measures"]]
    result.warnings = list(answer["warnings"])
    return result


@dataclass
class RunResult:
    """What an experiment produced: ``metrics`` (the numbers ``neuromorph sweep`` varies), ``tables`` (every CSV it
    wrote, as ``{file stem: {column: ndarray}}``), ``summary`` (the CLI's summary line), ``files`` and ``warnings``."""

    kind: str
    metrics: Dict[str, float]
    tables: Dict[str, Dict[str, np.ndarray]]
    summary: str
    files: List[str]
    warnings: List[str]


def _read_csv(path: str) -> Dict[str, np.ndarray]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows:
        return {}
    header, body = rows[0], rows[1:]
    table: Dict[str, np.ndarray] = {}
    for j, name in enumerate(header):
        cells = [r[j] if j < len(r) else "" for r in body]
        try:
            table[name] = np.array([float(c) for c in cells], dtype=np.float64)
        except ValueError:
            table[name] = np.array(cells, dtype=object)
    return table


def run(spec: Union[Dict[str, Any], PathOrText], *, output: Optional[PathOrText] = None, seed: Optional[int] = None,
        backend: Optional[str] = None, precision: Optional[str] = None) -> RunResult:
    """Runs a YAML experiment (``neuromorph run``) of any kind (crossbar, ctd, recall, minimize (alias maxcut), sequence, seq2seq, esn, ctrnn, lsm, analog_training, ...):
    a dict with the file's keys, YAML text, or a path.

    The experiment writes its files into ``output`` (default: a temporary folder removed afterwards) and every CSV
    comes back in ``tables``. ``seed`` overrides the file's seed (as a sweep does); ``backend`` is ``--backend``
    (cpu, cuda, opencl, ilgpu-cpu, auto). Relative ``*_csv`` paths resolve against the YAML file, or the working
    directory for dicts and text. Figures are not rendered.

    Example::

        r = neuromorph.run({"kind": "crossbar", "array": {"weights": [[1, -1], [0.5, 2]]}, "inputs": [[0.1, 0.2]]})
        r.metrics["vmm_error"], r.tables["outputs"]["out0"]
    """
    request: Dict[str, Any] = {"seed": seed, "backend": backend, "precision": precision, "base": os.getcwd()}
    if isinstance(spec, dict):
        request["text"] = json.dumps(spec)
    elif _is_path(spec, (".yaml", ".yml")):
        request["path"] = os.fspath(spec)
    else:
        request["text"] = str(spec)
    temp = None
    if output is None:
        temp = tempfile.mkdtemp(prefix="neuromorph-run-")
        out = temp
    else:
        out = os.fspath(output)
    try:
        answer = _native.call("run", output=out, **request)
        tables = {Path(f).stem: _read_csv(f) for f in answer["files"] if f.endswith(".csv") and os.path.isfile(f)}
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    return RunResult(answer["kind"], {k: _number(v) for k, v in answer["metrics"].items()}, tables, answer["summary"],
                     [] if temp else list(answer["files"]), list(answer["warnings"]))


@dataclass
class MinimizeResult:
    """The outcome of :func:`minimize`: the best ``solution`` (int array: ±1 spins, or 0/1 for QUBO, SAT and portfolio
    problems, as solution.txt writes it), its ``objective`` (``objective_name``: cut, qubo_value, unsatisfied ...) and
    model ``energy``, and one dict per restart (restart, energy, objective, seconds, completed, reached_target)."""

    solution: np.ndarray
    objective: float
    energy: float
    objective_name: str
    restarts: List[Dict[str, Any]]
    solver: str
    problem: str
    summary: str
    success_probability: Optional[float] = None
    notes: List[str] = field(default_factory=list)


_FORMAT_SUFFIX = {"cnf": ".cnf", "wcnf": ".wcnf", "qubo": ".txt", "ising": ".txt", "gset": ".txt", "portfolio": ".csv", "prices": ".csv"}


def minimize(problem: PathOrText, solver: str = "hopfield", *, format: Optional[str] = None, restarts: int = 8, seed: int = 1,
             sweeps: int = 0, time_limit: Optional[float] = None, target: Optional[float] = None, budget: Optional[int] = None,
             risk_aversion: Optional[float] = None, penalty: Optional[float] = None, quench_every: Optional[int] = None,
             substrate: Optional[PathOrText] = None, backend: Optional[str] = None, precision: Optional[str] = None) -> MinimizeResult:
    """Minimises a Max-Cut (G-set), QUBO, Ising, portfolio or (weighted) SAT problem (``neuromorph minimize``).

    ``problem`` is a path or the file's text (give ``format`` for text other than G-set). Options are the CLI's:
    ``solver`` (hopfield, continuous-hopfield, annealing, ctd, dmm, memory-ising, walksat), ``restarts``, ``seed``,
    ``sweeps``, ``time_limit``, ``target``, portfolio ``budget``/``risk_aversion``/``penalty``, ``quench_every``,
    ``substrate`` (a crossbar YAML computing the couplings) and ``backend``.

    Example::

        r = neuromorph.minimize("circuits/problems/maxcut_48.txt", solver="hopfield", seed=1)
        r.objective, r.solution[:8]
    """
    for name, value in (("restarts", restarts), ("sweeps", sweeps), ("seed", seed)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
            raise TypeError(f"{name} must be an integer, got {value!r}")
    temp = None
    try:
        if _is_path(problem, (".txt", ".cnf", ".wcnf", ".csv", ".gset", ".qubo", ".ising")):
            path = os.fspath(problem)
        else:
            temp = tempfile.mkdtemp(prefix="neuromorph-")
            path = os.path.join(temp, "problem" + _FORMAT_SUFFIX.get((format or "gset").lower(), ".txt"))
            Path(path).write_text(str(problem), encoding="utf-8")
        answer = _native.call("minimize", path=path, solver=solver, format=format, restarts=int(restarts), seed=int(seed), sweeps=int(sweeps),
                              time_limit=float(time_limit) if time_limit is not None else None, target=target, budget=budget, risk_aversion=risk_aversion, penalty=penalty,
                              quench_every=quench_every, substrate=os.fspath(substrate) if substrate is not None else None,
                              backend=backend, precision=precision)
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)
    solution = _native.take_array(answer["solution"]).astype(np.int64)
    restarts_list = [{**r, "energy": _number(r["energy"]), "objective": _number(r["objective"])} for r in answer["restarts"]]
    sp = answer.get("success_probability")
    return MinimizeResult(solution, _number(answer["objective"]), _number(answer["energy"]), answer["objective_name"], restarts_list,
                          answer["solver"], answer["problem"], answer["summary"], None if sp is None else _number(sp), list(answer["notes"]))


@dataclass
class Backend:
    """A compute device as ``neuromorph backends`` lists it; ``unusable`` says why it cannot be used (None: usable)."""

    spec: str
    name: str
    backend: str
    platform: str
    version: str
    memory_bytes: int
    compute_units: int
    double_precision: bool
    gpu: bool
    unusable: Optional[str] = None


class BackendList(List[Backend]):
    """The devices, with ``unavailable`` ({backend: why}) for backends with no device; ``str()`` is the CLI's table."""

    unavailable: Dict[str, str]

    def __str__(self) -> str:
        lines = [f"{'backend':<10} {'device':<44} {'memory':>9} {'units':>6} {'fp64':>5} {'type':>5}  platform / version"]
        for d in self:
            name = d.name if len(d.name) <= 44 else d.name[:43] + "…"
            lines.append(f"{d.spec:<10} {name:<44} {d.memory_bytes / 1024 ** 3:6.1f} GiB {d.compute_units:>6} {'yes' if d.double_precision else 'no':>5} "
                         f"{'GPU' if d.gpu else 'CPU':>5}  {d.platform} / {d.version}")
            if d.unusable:
                lines.append(f"           not usable: {d.unusable}")
        for kind, why in self.unavailable.items():
            lines.append(f"{kind}: not available: {why}")
        return "\n".join(lines)


def backends() -> BackendList:
    """The compute backends and devices (``neuromorph backends``): the managed CPU path, ILGPU's CPU accelerator, and
    every OpenCL and CUDA device ILGPU finds."""
    answer = _native.call("backends")
    result = BackendList(Backend(**d) for d in answer["devices"])
    result.unavailable = dict(answer["unavailable"])
    return result


def version() -> Dict[str, Any]:
    """Versions of the loaded assembly and .NET runtime, and the experiment kinds and solvers it knows."""
    return _native.call("version")
