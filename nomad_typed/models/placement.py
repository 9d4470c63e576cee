"""Placement rules: constraints, affinities and spreads (job, group, task and device level)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int8, UInt8

__all__ = ["Constraint", "Affinity", "Spread", "SpreadTarget"]


class Constraint(NomadModel):
    """HCL `constraint`. Appears in Job, TaskGroup, Task, RequestedDevice."""

    l_target: str | None = Field(
        None, alias="LTarget", description="HCL `attribute`; default —; same — HCL `attribute`"
    )
    r_target: str | None = Field(
        None, alias="RTarget", description="HCL `value`; default —; same — HCL `value`"
    )
    operand: str | None = Field(
        None,
        alias="Operand",
        description="HCL `operator`; default —; same — HCL `operator`; see validation-rules.md",
    )


class Affinity(NomadModel):
    """HCL `affinity`. Appears in Job, TaskGroup, Task, RequestedDevice."""

    l_target: str | None = Field(
        None, alias="LTarget", description="HCL `attribute`; default —; same — HCL `attribute`"
    )
    r_target: str | None = Field(
        None, alias="RTarget", description="HCL `value`; default —; same — HCL `value`"
    )
    operand: str | None = Field(
        None, alias="Operand", description="HCL `operator`; default —; same — HCL `operator`"
    )
    weight: Int8 | None = Field(
        None, alias="Weight", description="HCL `weight`; default 50; `int8` — −100…100, ≠0"
    )


class Spread(NomadModel):
    """HCL `spread`. Job and TaskGroup."""

    attribute: str | None = Field(None, alias="Attribute", description="HCL `attribute`; default —; same")
    weight: Int8 | None = Field(None, alias="Weight", description="HCL `weight`; default 50; `int8` — 1…100")
    spread_target: list[SpreadTarget] | None = Field(
        None, alias="SpreadTarget", description="HCL `target` block; default —; same — HCL `target` blocks"
    )


class SpreadTarget(NomadModel):
    """HCL `spread.target "<value>"`."""

    value: str | None = Field(None, alias="Value", description="HCL (block label); default —; same")
    percent: UInt8 | None = Field(
        None, alias="Percent", description="HCL `percent`; default —; same — 0…100, sum ≤100"
    )
