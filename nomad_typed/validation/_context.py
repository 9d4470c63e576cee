"""What every rule receives: the canonical job, the user's job, and where to put issues."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from nomad_typed.models import Job, Task, TaskGroup, format_duration

from ._issue import Issue, Severity
from ._paths import Path, Resolver

__all__ = ["RULES", "Context", "GroupScope", "TaskScope", "dur", "q", "rule"]

#: Rule ID → one-line summary of every semantic rule implemented (Nomad's numbering).
RULES: dict[str, str] = {}

F = TypeVar("F", bound=Callable[..., None])


def rule(rule_id: str, summary: str) -> Callable[[F], F]:
    """Register ``rule_id`` as implemented by the decorated function."""

    def register(function: F) -> F:
        RULES[rule_id] = summary
        return function

    return register


@dataclass
class Context:
    """The job as Nomad sees it (``job``), as the user wrote it (``original``), and the findings."""

    job: Job
    original: Job
    resolver: Resolver
    issues: list[Issue] = field(default_factory=list)

    def error(self, rule_id: str, path: Path, message: str) -> None:
        self._add("error", rule_id, path, message)

    def warn(self, rule_id: str, path: Path, message: str) -> None:
        self._add("warning", rule_id, path, message)

    def _add(self, severity: Severity, rule_id: str, path: Path, message: str) -> None:
        self.issues.append(Issue(severity, self.resolver.resolve(path), message, rule_id))


@dataclass(frozen=True)
class GroupScope:
    """A task group being checked, with its job and the group's path."""

    job: Job
    group: TaskGroup
    path: Path

    @property
    def job_type(self) -> str:
        return self.job.type or "service"

    @property
    def name(self) -> str:
        return self.group.name or ""


@dataclass(frozen=True)
class TaskScope:
    """A task being checked; ``path`` is the task's path, ``name`` the task's name."""

    job: Job
    group: TaskGroup
    task: Task
    path: Path

    @property
    def job_type(self) -> str:
        return self.job.type or "service"

    @property
    def name(self) -> str:
        return self.task.name or ""


def q(value: str) -> str:
    """A string quoted the way Go's ``%q`` shows it in Nomad's messages."""
    return json.dumps(value, ensure_ascii=False)


def dur(nanoseconds: int | None) -> str:
    """A duration the way Go prints it (``30s``, ``1m0s``)."""
    return format_duration(nanoseconds or 0)
