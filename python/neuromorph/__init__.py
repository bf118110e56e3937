"""Neuromorph from Python: memristive devices, crossbar arrays and neuromorphic networks, in-process.

The .NET library is loaded once per process through the .NET hosting API (hostfxr); see docs/python.md.

* :func:`simulate` -- SPICE netlists (``neuromorph simulate``)
* :class:`Crossbar` -- a crossbar tile with non-idealities: ``program``, ``forward``, ``backward``
* :class:`TrainingTile` -- a tile trained in place with pulsed updates: ``program``, ``forward``, ``backward``, ``update``
* :func:`device_transient` -- a memristor model under a drive, batched over parameter arrays (``kind: device``)
* :func:`run` -- YAML experiments of any kind (``neuromorph run``)
* :func:`minimize` -- Max-Cut / QUBO / Ising / SAT / portfolio (``neuromorph minimize``)
* :func:`backends` -- compute backends (``neuromorph backends``)
* ``neuromorph.torch.AnalogLinear`` -- an ``nn.Linear`` read through a tile (needs torch)
"""

from ._api import Analysis, Backend, BackendList, MinimizeResult, RunResult, SimulationResult, backends, minimize, run, simulate, version
from ._crossbar import Crossbar
from ._device import DeviceTransient, device_transient
from ._errors import InputError, NeuromorphError, SimulationError
from ._training import TrainingTile

__version__ = "0.1.0"

__all__ = [
    "Analysis", "Backend", "BackendList", "Crossbar", "DeviceTransient", "InputError", "MinimizeResult", "NeuromorphError", "RunResult",
    "SimulationError", "SimulationResult", "TrainingTile", "backends", "device_transient", "minimize", "run", "simulate", "version",
]
