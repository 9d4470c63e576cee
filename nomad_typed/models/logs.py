"""Task log rotation (the ``logs`` block)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64

__all__ = ["LogConfig"]


class LogConfig(NomadModel):
    """HCL `logs`."""

    max_files: Int64 | None = Field(None, alias="MaxFiles", description="HCL `max_files`; default 10; `int`")
    max_file_size_mb: Int64 | None = Field(
        None, alias="MaxFileSizeMB", description="HCL `max_file_size`; default 10; `int`"
    )
    enabled: bool | None = Field(
        None,
        alias="Enabled",
        description="HCL `enabled`; default —; **api-only** — deprecated compat field; **ignored** by the agent (only Disabled is used)",
    )
    disabled: bool | None = Field(None, alias="Disabled", description="HCL `disabled`; default false; `bool`")
