"""The original job source sent alongside a job and returned by ``GET /v1/job/:id/submission``."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import UInt64

__all__ = ["JobSubmission"]


class JobSubmission(NomadModel):
    """Original job source, optional key `Submission` of the register body; returned by `GET /v1/job/:id/submission`. ---"""

    source: str | None = Field(None, alias="Source", description="HCL —; default —; same")
    format: str | None = Field(
        None,
        alias="Format",
        description="HCL —; default —; same — 'hcl2' / 'json' (hcl1 no longer parseable)",
    )
    variable_flags: dict[str, str] | None = Field(
        None,
        alias="VariableFlags",
        description="HCL —; default empty → null; the agent URL-query-escapes each value when storing and unescapes on GET — send raw values; same",
    )
    variables: str | None = Field(None, alias="Variables", description="HCL —; default —; same")
    namespace: str | None = Field(None, alias="Namespace", description="SERVER")
    job_id: str | None = Field(None, alias="JobID", description="SERVER")
    version: UInt64 | None = Field(None, alias="Version", description="SERVER")
    job_modify_index: UInt64 | None = Field(None, alias="JobModifyIndex", description="SERVER")
