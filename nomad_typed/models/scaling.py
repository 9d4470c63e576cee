"""Scaling policies (group ``scaling`` block and Enterprise task-level policies)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64, JSONValue, UInt64

__all__ = ["ScalingPolicy"]


class ScalingPolicy(NomadModel):
    """HCL `scaling`. Group level (`TaskGroup.Scaling`, horizontal) and task level (`Task.ScalingPolicies`, Enterprise vertical)."""

    min: Int64 | None = Field(
        None, alias="Min", description="HCL `min`; default the group Count (group policy); `int64`"
    )
    max: Int64 | None = Field(
        None,
        alias="Max",
        description="HCL `max`; default — none; agent converts null to −1 which fails validation; `int64`",
    )
    policy: dict[str, JSONValue] | None = Field(
        None, alias="Policy", description="HCL `policy` block; default —; same — opaque autoscaler config"
    )
    enabled: bool | None = Field(
        None,
        alias="Enabled",
        description="HCL `enabled`; default true (group policy; agent also treats null as true); `bool`",
    )
    type: str | None = Field(
        None, alias="Type", description="HCL `type`; default 'horizontal' (group policy); same"
    )
    id: str | None = Field(None, alias="ID", description="HCL —; default —; same — server-set")
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="HCL —; default —; **api-only** — (server keeps it inside Target)",
    )
    target: dict[str, str] | None = Field(
        None,
        alias="Target",
        description="HCL —; default —; same — server-set: {Namespace, Job, Group[, Task]}",
    )
    create_index: UInt64 | None = Field(
        None, alias="CreateIndex", description="HCL —; default —; same — server-set"
    )
    modify_index: UInt64 | None = Field(
        None, alias="ModifyIndex", description="HCL —; default —; same — server-set"
    )
