"""Scaling policies (group ``scaling`` block and Enterprise task-level policies)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int64, JSONObject, UInt64

__all__ = ["ScalingPolicy"]


class ScalingPolicy(NomadModel):
    """An autoscaling policy (HCL `scaling`) read by the Nomad Autoscaler.

    `TaskGroup.Scaling` bounds the group count (horizontal); `Task.ScalingPolicies` holds Enterprise
    vertical CPU and memory policies. Nomad stores `Policy` without interpreting it.
    """

    min: Int64 | None = Field(
        None,
        alias="Min",
        description="Lowest count the autoscaler may set; default the group count (group policy).",
    )
    max: Int64 | None = Field(
        None,
        alias="Max",
        description="Highest count the autoscaler may set; required, not below `Min` or the count.",
    )
    policy: JSONObject | None = Field(
        None,
        alias="Policy",
        description="Autoscaler policy document (checks, strategy, target); opaque to Nomad.",
    )
    enabled: bool | None = Field(
        None, alias="Enabled", description="Whether the autoscaler acts on this policy; default true."
    )
    type: str | None = Field(
        None,
        alias="Type",
        description="Policy type: horizontal (group default); vertical types need Enterprise.",
    )
    id: str | None = Field(None, alias="ID", description="Policy ID; set by the server.")
    namespace: str | None = Field(
        None,
        alias="Namespace",
        description="Namespace of the policy; not stored, the server keeps it in `Target`.",
    )
    target: dict[str, str] | None = Field(
        None,
        alias="Target",
        description="What the policy scales: Namespace, Job, Group and Task keys; set by the server.",
    )
    create_index: UInt64 | None = Field(
        None,
        alias="CreateIndex",
        description="Raft index at which the policy was created; set by the server.",
    )
    modify_index: UInt64 | None = Field(
        None,
        alias="ModifyIndex",
        description="Raft index of the last change to the policy; set by the server.",
    )
