"""Workload identities (task, service and sidecar ``identity`` blocks)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import NomadModel
from ._types import Duration

__all__ = ["WorkloadIdentity"]


class WorkloadIdentity(NomadModel):
    """A workload identity (HCL `identity`): a JWT signed by Nomad for a task, service or sidecar task.

    `Task.Identity` holds the default identity and `Task.Identities` the named ones.
    """

    name: str | None = Field(
        None,
        alias="Name",
        description="Identity name, unique per task; empty means `default`; letters, digits, `-`, `_`.",
    )
    audience: list[str] | None = Field(
        None,
        alias="Audience",
        description="Audiences of the token, its `aud` claim (HCL `aud`); set one on named identities.",
    )
    change_mode: Literal["", "noop", "restart", "signal"] | None = Field(
        None,
        alias="ChangeMode",
        description="Reaction to a renewed token: noop, restart or signal; empty means noop.",
    )
    change_signal: str | None = Field(
        None,
        alias="ChangeSignal",
        description="Signal sent on a renewed token; required exactly when `ChangeMode` is signal.",
    )
    env: bool | None = Field(
        None,
        alias="Env",
        description="Expose the token as an environment variable (`NOMAD_TOKEN` for the default one).",
    )
    file: bool | None = Field(
        None,
        alias="File",
        description="Write the token to a file in the task's secrets directory or at `Filepath`.",
    )
    filepath: str | None = Field(
        None, alias="Filepath", description="Custom path of the token file; requires `File`."
    )
    service_name: str | None = Field(
        None,
        alias="ServiceName",
        description="Consul service the identity belongs to; set by Nomad on service identities.",
    )
    ttl: Duration | None = Field(
        None,
        alias="TTL",
        description="Token lifetime, in ns; 0 means no expiry; not allowed on the default identity.",
    )
    extra_claims: list[str] | None = Field(
        None,
        alias="ExtraClaims",
        description="Optional extra claims of the job's namespace to add to the token.",
    )
