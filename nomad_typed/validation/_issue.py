"""The one result type of validation: an :class:`Issue` at a JSON path of the user's document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Issue", "Severity"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Issue:
    """One finding about a job.

    ``path`` is the JSON path of the offending value in the document as the user wrote it
    (``TaskGroups[0].Tasks[0].Resources.MemoryMB``, ``""`` for the whole job); ``message``
    carries the gist of Nomad's own wording so it can be searched for; ``rule`` names the check:
    a Nomad rule (``"V316"``, warnings ``"W03"``) or one of ``"structure"``, ``"unknown-field"``,
    ``"legacy-field"`` and ``"key-case"``.
    """

    severity: Severity
    path: str
    message: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
