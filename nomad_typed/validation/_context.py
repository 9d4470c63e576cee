"""What every rule receives: the canonical job, the user's job, and where to put issues."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from nomad_typed.models import Job, Task, TaskGroup, format_duration

from ._issue import Issue, Severity
from ._paths import Path, Resolver

__all__ = ["ENTERPRISE_ONLY_RULES", "RULES", "Context", "GroupScope", "TaskScope", "dur", "q", "rule"]

#: Rule ID → one-line summary of every semantic rule implemented (Nomad's numbering).
RULES: dict[str, str] = {}
#: Rules about features that need Nomad Enterprise: warnings, although a Nomad CE server rejects them.
ENTERPRISE_ONLY_RULES = frozenset({"V048", "V446", "V447", "V448", "V454", "V455"})

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

    def needs_enterprise(self, rule_id: str, path: Path, message: str) -> None:
        """Warn about a feature a Nomad CE server rejects and an Enterprise server accepts.

        Offline the server's edition is unknown, and a job Nomad may accept is never an error.
        Only the first use of each feature is reported: a CE server stops at it too.
        """
        if not self.reported(rule_id):
            self.warn(rule_id, path, f"{message} (a Nomad CE server rejects this job)")

    def reported(self, rule_id: str) -> bool:
        return any(issue.rule == rule_id for issue in self.issues)

    def _add(self, severity: Severity, rule_id: str, path: Path, message: str) -> None:
        self.issues.append(Issue(severity, self.resolver.resolve(path), message, rule_id))


@dataclass(frozen=True)
class _Scope:
    job: Job
    group: TaskGroup
    path: Path

    @property
    def job_type(self) -> str:
        return self.job.type or "service"


@dataclass(frozen=True)
class GroupScope(_Scope):
    """A task group being checked, with its job and the group's path."""

    @property
    def name(self) -> str:
        return self.group.name or ""


@dataclass(frozen=True)
class TaskScope(_Scope):
    """A task being checked; ``path`` is the task's path, ``name`` the task's name."""

    task: Task

    @property
    def name(self) -> str:
        return self.task.name or ""


def q(value: str) -> str:
    """A string quoted the way Go's ``%q`` shows it in Nomad's messages."""
    return json.dumps(value, ensure_ascii=False)


def dur(nanoseconds: int | None) -> str:
    """A duration the way Go prints it (``30s``, ``1m0s``)."""
    return format_duration(nanoseconds or 0)
