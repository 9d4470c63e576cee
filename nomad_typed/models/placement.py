"""Placement rules: constraints, affinities and spreads (job, group, task and device level)."""

from __future__ import annotations

from pydantic import Field

from ._base import NomadModel
from ._types import Int8, UInt8

__all__ = ["Constraint", "Affinity", "Spread", "SpreadTarget"]


class Constraint(NomadModel):
    """A hard placement rule on node attributes (HCL `constraint`).

    Allowed at job, group and task level and inside a `device` block.
    """

    l_target: str | None = Field(
        None,
        alias="LTarget",
        description="Attribute to constrain on, e.g. `${attr.kernel.name}` (HCL `attribute`).",
    )
    r_target: str | None = Field(
        None, alias="RTarget", description="Value to compare the attribute with (HCL `value`)."
    )
    operand: str | None = Field(
        None,
        alias="Operand",
        description="Operator such as `=`, `regexp`, `distinct_hosts` (HCL `operator`); required in JSON.",
    )


class Affinity(NomadModel):
    """A soft placement preference on node attributes (HCL `affinity`).

    Allowed at job, group and task level and inside a `device` block.
    """

    l_target: str | None = Field(
        None, alias="LTarget", description="Attribute to match, e.g. `${node.datacenter}` (HCL `attribute`)."
    )
    r_target: str | None = Field(
        None, alias="RTarget", description="Value to compare the attribute with (HCL `value`)."
    )
    operand: str | None = Field(
        None,
        alias="Operand",
        description="Operator such as `=`, `regexp`, `set_contains_any` (HCL `operator`); required in JSON.",
    )
    weight: Int8 | None = Field(
        None, alias="Weight", description="Strength from -100 to 100, negative to avoid, never 0; default 50."
    )


class Spread(NomadModel):
    """Spread of allocations over the values of a node attribute (HCL `spread`), job or group level."""

    attribute: str | None = Field(
        None,
        alias="Attribute",
        description="Node attribute to spread over, e.g. `${node.datacenter}`; required.",
    )
    weight: Int8 | None = Field(
        None,
        alias="Weight",
        description="Importance against other spreads and affinities, 1 to 100; default 50.",
    )
    spread_target: list[SpreadTarget] | None = Field(
        None,
        alias="SpreadTarget",
        description="Desired share per attribute value (HCL `target` blocks); none spreads evenly.",
    )


class SpreadTarget(NomadModel):
    """Desired share of allocations for one attribute value (HCL `spread.target "<value>"`)."""

    value: str | None = Field(
        None,
        alias="Value",
        description="Attribute value this target applies to (HCL block label); unique per spread.",
    )
    percent: UInt8 | None = Field(
        None,
        alias="Percent",
        description="Percent of allocations for this value, 0 to 100; all targets sum to 100 at most.",
    )
