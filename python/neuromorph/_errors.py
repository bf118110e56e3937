"""Exceptions raised by the neuromorph package."""

from __future__ import annotations

from typing import Optional


class NeuromorphError(Exception):
    """A failure reported by the Neuromorph library (or by loading it).

    ``str(error)`` is one line: where (file:line:column when the input has a location) and what.
    ``location`` and ``hint`` hold the parts separately; ``hint`` says how to fix it when the library knows.
    """

    def __init__(self, message: str, *, location: Optional[str] = None, hint: Optional[str] = None, kind: str = "internal") -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        self.kind = kind

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} (hint: {self.hint})"


class InputError(NeuromorphError):
    """The input (netlist, YAML spec, problem file, option) is wrong; the message names where."""


class SimulationError(NeuromorphError):
    """A numerical failure during a run (singular matrix, time step too small, accelerator failure)."""
