"""Job diffs: returned by a plan with ``Diff: true`` and by ``GET /v1/job/:job_id/versions?diffs=true``."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .._base import NomadModel
from .._types import UInt64

__all__ = ["FieldDiff", "JobDiff", "ObjectDiff", "TaskDiff", "TaskGroupDiff"]


class _Diff(NomadModel):
    """What every diff node has: its type, with the type names as constants."""

    TYPE_NONE: ClassVar[str] = "None"
    TYPE_ADDED: ClassVar[str] = "Added"
    TYPE_DELETED: ClassVar[str] = "Deleted"
    TYPE_EDITED: ClassVar[str] = "Edited"

    type: str | None = Field(None, alias="Type", description="Kind of change: None, Added, Deleted or Edited")


class _BlockDiff(_Diff):
    """A diff node for a block: the changes to its fields and to its nested blocks."""

    fields: list[FieldDiff] | None = Field(
        None,
        alias="Fields",
        description="Changes to the fields of this block (all fields when added or deleted)",
    )
    objects: list[ObjectDiff] | None = Field(
        None, alias="Objects", description="Changes to the nested blocks of this block"
    )


class _ForcesAnnotations:
    """The annotations a plan puts on task and field diffs: what the change forces."""

    ANNOTATION_FORCES_CREATE: ClassVar[str] = "forces create"
    ANNOTATION_FORCES_DESTROY: ClassVar[str] = "forces destroy"
    ANNOTATION_FORCES_INPLACE_UPDATE: ClassVar[str] = "forces in-place update"
    ANNOTATION_FORCES_DESTRUCTIVE_UPDATE: ClassVar[str] = "forces create/destroy update"


class JobDiff(_BlockDiff):
    """The diff of a whole job: ``JobPlanResponse.Diff`` and the elements of ``JobVersionsResponse.Diffs``."""

    id: str | None = Field(None, alias="ID", description="Job ID")
    task_groups: list[TaskGroupDiff] | None = Field(
        None, alias="TaskGroups", description="Diffs of the task groups"
    )


class TaskGroupDiff(_BlockDiff):
    """The diff of a task group, an element of ``JobDiff.TaskGroups``."""

    UPDATE_IGNORE: ClassVar[str] = "ignore"
    UPDATE_CREATE: ClassVar[str] = "create"
    UPDATE_DESTROY: ClassVar[str] = "destroy"
    UPDATE_MIGRATE: ClassVar[str] = "migrate"
    UPDATE_CANARY: ClassVar[str] = "canary"
    UPDATE_INPLACE_UPDATE: ClassVar[str] = "in-place update"
    UPDATE_DESTRUCTIVE_UPDATE: ClassVar[str] = "create/destroy update"

    name: str | None = Field(None, alias="Name", description="Task group name")
    tasks: list[TaskDiff] | None = Field(None, alias="Tasks", description="Diffs of the tasks")
    updates: dict[str, UInt64] | None = Field(
        None,
        alias="Updates",
        description="Plans only: allocation count per update kind ('create', 'in-place update' …)",
    )


class TaskDiff(_ForcesAnnotations, _BlockDiff):
    """The diff of a task, an element of ``TaskGroupDiff.Tasks``."""

    name: str | None = Field(None, alias="Name", description="Task name")
    annotations: list[str] | None = Field(
        None, alias="Annotations", description="Plans only: what the change forces, e.g. 'forces create'"
    )


class ObjectDiff(_BlockDiff):
    """The diff of a nested block (``Update``, ``Template`` …); blocks inside it nest again."""

    name: str | None = Field(None, alias="Name", description="Block name, e.g. 'RestartPolicy' or 'Template'")


class FieldDiff(_ForcesAnnotations, _Diff):
    """The diff of one field, the leaves of a diff tree."""

    name: str | None = Field(None, alias="Name", description="Field name; map entries as 'Meta[key]'")
    old: str | None = Field(None, alias="Old", description="Old value rendered as text; empty when added")
    new: str | None = Field(None, alias="New", description="New value rendered as text; empty when deleted")
    annotations: list[str] | None = Field(
        None,
        alias="Annotations",
        description="Plans only: what the change forces, e.g. 'forces in-place update'",
    )
