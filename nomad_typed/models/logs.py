"""Task log rotation (the ``logs`` block)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64

__all__ = ["LogConfig"]


class LogConfig(NomadModel):
    """Rotation of a task's stdout and stderr log files (HCL `logs`).

    All kept files (`MaxFiles` x `MaxFileSizeMB` per stream) must fit below the group's
    ephemeral disk size.
    """

    max_files: Int64 | None = Field(
        None,
        alias="MaxFiles",
        description="Log files kept per stream after rotation; default 10, at least 1.",
    )
    max_file_size_mb: Int64 | None = Field(
        None,
        alias="MaxFileSizeMB",
        description="Size in MB at which a log file rotates; default 10 (HCL `max_file_size`).",
    )
    enabled: bool | None = Field(
        None,
        alias="Enabled",
        description="Legacy switch, ignored by Nomad 2.0; use `Disabled` instead.",
    )
    disabled: bool | None = Field(
        None, alias="Disabled", description="Turn off log collection for the task; default false."
    )
