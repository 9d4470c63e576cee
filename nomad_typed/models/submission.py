"""The original job source sent alongside a job and returned by ``GET /v1/job/:id/submission``."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import UInt64

__all__ = ["JobSubmission"]


class JobSubmission(NomadModel):
    """The original source of a job version, as sent in the optional `Submission` of a register body.

    `GET /v1/job/:id/submission` returns it with four more keys set by the server (`Namespace`,
    `JobID`, `Version`, `JobModifyIndex`).
    """

    source: str | None = Field(
        None, alias="Source", description="Job source text exactly as written, HCL or JSON."
    )
    format: str | None = Field(None, alias="Format", description="Format of `Source`: hcl2 or json.")
    variable_flags: dict[str, str] | None = Field(
        None,
        alias="VariableFlags",
        description="Variable values given on the command line, by name; send them unescaped.",
    )
    variables: str | None = Field(
        None, alias="Variables", description="Content of the variables file used to render `Source`."
    )
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="Namespace of the job; set by the server, present only in responses.",
    )
    job_id: str | None = Field(
        None, alias="JobID", description="ID of the job; set by the server, present only in responses."
    )
    version: UInt64 | None = Field(
        None,
        alias="Version",
        description="Job version this source produced; set by the server, present only in responses.",
    )
    job_modify_index: UInt64 | None = Field(
        None,
        alias="JobModifyIndex",
        description="Job modify index of that version; set by the server, present only in responses.",
    )
