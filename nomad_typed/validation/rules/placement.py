"""Constraints, affinities and spreads (job, group, task and device level)."""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

from nomad_typed.models import Affinity, Constraint, Spread

from .._context import Context, q, rule
from .._paths import Path

__all__ = ["affinity_rules", "constraint_rule", "constraint_rules", "spread_rules"]

_COMPARISONS = {"=", "==", "is", "!=", "not", "<", "<=", ">", ">="}
_SET_CONTAINS = {"set_contains", "set_contains_all", "set_contains_any"}
_EXACT_TARGETS = {
    "${node.unique.id}",
    "${node.datacenter}",
    "${node.unique.name}",
    "${node.class}",
    "${node.pool}",
}
_PREFIX_TARGETS = ("${attr.", "${device.", "${meta.")
# Python's ``re`` and Go's RE2 disagree on many constructs; only errors both engines raise are
# reported, so a pattern Nomad accepts is never flagged.
_SHARED_REGEX_ERRORS = (
    "missing ), unterminated subpattern",
    "unbalanced parenthesis",
    "unterminated character set",
    "nothing to repeat",
    "multiple repeat",
)
# A superset of hashicorp/go-version's constraint grammar: anything it accepts matches.
_VERSION_PART = re.compile(r"\s*(=|!=|>=|<=|>|<|~>)?\s*v?[0-9]+(\.[0-9]+)*[0-9A-Za-z.\-+~]*\s*")


def _regex_error(pattern: str) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            re.compile(pattern)
        except re.error as err:
            reason = str(err.msg)
            return reason if reason in _SHARED_REGEX_ERRORS else None
    return None


def _version_error(constraint: str) -> str | None:
    for part in constraint.split(","):
        if _VERSION_PART.fullmatch(part) is None:
            return f"Malformed constraint: {part}"
    return None


def _check_attribute(target: str) -> str | None:
    if not target.startswith("$"):
        return None
    if not target.startswith("${"):
        return f"attribute {q(target)} is missing an opening brace"
    if not target.endswith("}"):
        return f"attribute {q(target)} is missing a closing brace"
    if target in _EXACT_TARGETS or target.startswith(_PREFIX_TARGETS):
        return None
    return f"unsupported attribute {q(target)}"


_PATTERN_OPERANDS = ("regexp", "version", "semver")


def _pattern_error(operand: str, r_target: str, noun: str) -> str | None:
    """What is wrong with the RTarget of a ``regexp``, ``version`` or ``semver`` operator."""
    if operand == "regexp":
        reason = _regex_error(r_target)
        return None if reason is None else f"Regular expression failed to compile: {reason}"
    reason = _version_error(r_target)
    return None if reason is None else f"{operand.capitalize()} {noun} is invalid: {reason}"


@rule("V200", "constraint operand is required")
@rule("V201", "set_contains* constraints need an RTarget")
@rule("V202", "regexp constraint RTarget must compile")
@rule("V203", "version constraint RTarget must parse")
@rule("V204", "semver constraint RTarget must parse")
@rule("V205", "distinct_property RTarget must be an unsigned integer ≥ 1")
@rule("V206", "is_set / is_not_set take no RTarget")
@rule("V207", "comparison operators need an RTarget")
@rule("V208", "constraint operand must be known")
@rule("V209", "constraint LTarget is required (except distinct_hosts)")
@rule("V210", "constraint LTarget interpolation needs ${…}")
@rule("V211", "constraint LTarget interpolation must name a known attribute")
def constraint_rule(ctx: Context, constraint: Constraint, here: Path) -> None:
    operand = constraint.operand or ""
    r_target = constraint.r_target or ""
    l_target = constraint.l_target or ""
    if not operand:
        ctx.error("V200", (*here, "Operand"), "Missing constraint operand")
    if operand in _SET_CONTAINS:
        if not r_target:
            ctx.error("V201", (*here, "RTarget"), "Set contains constraint requires an RTarget")
    elif operand in _PATTERN_OPERANDS:
        message = _pattern_error(operand, r_target, "constraint")
        if message is not None:
            rule_id = {"regexp": "V202", "version": "V203", "semver": "V204"}[operand]
            ctx.error(rule_id, (*here, "RTarget"), message)
    elif operand == "distinct_property":
        if r_target:
            if not r_target.isdigit() or not r_target.isascii() or int(r_target) >= 2**64:
                message = f"Failed to convert RTarget {q(r_target)} to uint64: invalid syntax"
                ctx.error("V205", (*here, "RTarget"), message)
            elif int(r_target) < 1:
                message = "Distinct Property must have an allowed count of 1 or greater: 0 < 1"
                ctx.error("V205", (*here, "RTarget"), message)
    elif operand in ("is_set", "is_not_set"):
        if r_target:
            ctx.error("V206", (*here, "RTarget"), f"Operator {q(operand)} does not support an RTarget")
    elif operand in _COMPARISONS:
        if not r_target:
            ctx.error("V207", (*here, "RTarget"), f"Operator {q(operand)} requires an RTarget")
    elif operand != "distinct_hosts":
        ctx.error("V208", (*here, "Operand"), f"Unknown constraint type {q(operand)}")
    if operand == "distinct_hosts":
        return
    if not l_target:
        ctx.error("V209", (*here, "LTarget"), "no attribute provided but is required by operator")
        return
    reason = _check_attribute(l_target)
    if reason is not None:
        ctx.error("V211" if reason.startswith("unsupported") else "V210", (*here, "LTarget"), reason)


def constraint_rules(ctx: Context, constraints: Sequence[Constraint] | None, path: Path) -> None:
    for index, constraint in enumerate(constraints or ()):
        constraint_rule(ctx, constraint, (*path, index))


@rule("V215", "affinity operand is required")
@rule("V216", "set_contains* affinities need an RTarget")
@rule("V217", "regexp/version/semver affinity RTarget must parse")
@rule("V218", "comparison affinities need an RTarget")
@rule("V219", "affinity operator must be known")
@rule("V220", "affinity LTarget is required")
@rule("V221", "affinity weight cannot be zero")
@rule("V222", "affinity weight must be within [-100, 100]")
def affinity_rules(ctx: Context, affinities: Sequence[Affinity] | None, path: Path) -> None:
    for index, affinity in enumerate(affinities or ()):
        here = (*path, index)
        operand = affinity.operand or ""
        r_target = affinity.r_target or ""
        if not operand:
            ctx.error("V215", (*here, "Operand"), "Missing affinity operand")
        if operand in _SET_CONTAINS:
            if not r_target:
                ctx.error("V216", (*here, "RTarget"), "Set contains operators require an RTarget")
        elif operand in _PATTERN_OPERANDS:
            message = _pattern_error(operand, r_target, "affinity")
            if message is not None:
                ctx.error("V217", (*here, "RTarget"), message)
        elif operand in _COMPARISONS:
            if not r_target:
                ctx.error("V218", (*here, "RTarget"), f"Operator {q(operand)} requires an RTarget")
        else:
            ctx.error("V219", (*here, "Operand"), f"Unknown affinity operator {q(operand)}")
        if not affinity.l_target:
            ctx.error("V220", (*here, "LTarget"), "No LTarget provided but is required")
        weight = affinity.weight or 0
        if weight == 0:
            ctx.error("V221", (*here, "Weight"), "Affinity weight cannot be zero")
        if not -100 <= weight <= 100:
            ctx.error("V222", (*here, "Weight"), "Affinity weight must be within the range [-100,100]")


@rule("V225", "spread attribute is required")
@rule("V226", "spread weight must be in 1…100")
@rule("V227", "spread target values must be unique")
@rule("V228", "spread target percent must be ≤ 100")
@rule("V229", "spread target percentages must sum to ≤ 100")
def spread_rules(ctx: Context, spreads: Sequence[Spread] | None, path: Path) -> None:
    for index, spread in enumerate(spreads or ()):
        here = (*path, index)
        if not spread.attribute:
            ctx.error("V225", (*here, "Attribute"), "Missing spread attribute")
        if not 0 < (spread.weight or 0) <= 100:
            ctx.error("V226", (*here, "Weight"), "Spread block must have a positive weight from 0 to 100")
        seen: set[str] = set()
        total = 0
        for target_index, target in enumerate(spread.spread_target or ()):
            value = target.value or ""
            target_path = (*here, "SpreadTarget", target_index)
            if value in seen:
                message = f"Spread target value {q(value)} already defined"
                ctx.error("V227", (*target_path, "Value"), message)
            seen.add(value)
            percent = target.percent or 0
            if percent > 100:
                message = f"Spread target percentage for value {q(value)} must be between 0 and 100"
                ctx.error("V228", (*target_path, "Percent"), message)
            total += percent
        if total > 100:
            message = f"Sum of spread target percentages must not be greater than 100%; got {total}%"
            ctx.error("V229", (*here, "SpreadTarget"), message)
