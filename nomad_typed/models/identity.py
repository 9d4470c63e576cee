"""Workload identities (task, service and sidecar ``identity`` blocks)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration

__all__ = ["WorkloadIdentity"]


class WorkloadIdentity(NomadModel):
    """HCL `identity` (task, service, sidecar_task). `Task.Identity` is the default identity; `Task.Identities` are named ones."""

    name: str | None = Field(
        None,
        alias="Name",
        description="HCL `name`; default —; same — server: '' → 'default'; regex ^[a-zA-Z0-9-_]{1,128}$",
    )
    audience: list[str] | None = Field(None, alias="Audience", description="HCL `aud`; default —; same")
    change_mode: Literal["", "noop", "restart", "signal"] | None = Field(
        None,
        alias="ChangeMode",
        description="HCL `change_mode`; default —; same — '' · noop · restart · signal",
    )
    change_signal: str | None = Field(
        None, alias="ChangeSignal", description="HCL `change_signal`; default —; same"
    )
    env: bool | None = Field(None, alias="Env", description="HCL `env`; default —; same")
    file: bool | None = Field(None, alias="File", description="HCL `file`; default —; same")
    filepath: str | None = Field(None, alias="Filepath", description="HCL `filepath`; default —; same")
    service_name: str | None = Field(
        None, alias="ServiceName", description="HCL `service_name`; default —; same"
    )
    ttl: Duration | None = Field(
        None, alias="TTL", description="HCL `ttl`; default —; same — **non-pointer** duration"
    )
    extra_claims: list[str] | None = Field(
        None, alias="ExtraClaims", description="HCL `extra_claims`; default —; same — new in 2.0.3"
    )
