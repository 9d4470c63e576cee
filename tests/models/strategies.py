"""Hypothesis strategies that build any model from its field annotations.

Values respect the wire types (bounded integers, literals, JSON values), so every generated
model is a document Nomad's decoder would accept; unset fields stay unset.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Annotated, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le
from hypothesis import strategies as st
from pydantic.fields import FieldInfo
from typing_extensions import TypeAliasType

from nomad_typed.models import NomadModel

# Unicode without lone surrogates: those cannot be encoded as UTF-8 JSON text.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
JSON_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**64 - 1) | TEXT
JSON_FLOATS = st.floats(allow_nan=False, allow_infinity=False)

JSON_VALUES: st.SearchStrategy[object] = st.recursive(
    JSON_SCALARS | JSON_FLOATS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


def model_strategy(model: type[NomadModel], depth: int = 3) -> st.SearchStrategy[NomadModel]:
    """Instances of ``model`` with a random subset of fields set (nested models to ``depth``)."""
    model.model_rebuild()  # resolve forward references of deferred models
    fields: dict[str, st.SearchStrategy[object]] = {}
    for name, field in model.model_fields.items():
        fields[name] = _strategy_for(field.annotation, depth, field.metadata)

    @st.composite
    def build(draw: st.DrawFn) -> NomadModel:
        chosen = draw(st.sets(st.sampled_from(sorted(fields)), max_size=len(fields))) if fields else set()
        values = {name: draw(fields[name]) for name in sorted(chosen)}
        return model(**values)

    return build()


def _strategy_for(
    annotation: object, depth: int, constraints: Sequence[object] = ()
) -> st.SearchStrategy[object]:
    if isinstance(annotation, TypeAliasType):
        return JSON_VALUES
    origin = get_origin(annotation)
    if origin is Annotated or constraints:
        base, *annotations = get_args(annotation) if origin is Annotated else (annotation,)
        metadata = [
            item
            for entry in (*constraints, *annotations)
            for item in (entry.metadata if isinstance(entry, FieldInfo) else [entry])
        ]
        if base is int:
            low = next((m.ge for m in metadata if isinstance(m, Ge)), -(2**63))
            high = next((m.le for m in metadata if isinstance(m, Le)), 2**63 - 1)
            return st.integers(min_value=int(low), max_value=int(high))  # type: ignore[call-overload]
        return _strategy_for(base, depth)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        strategies = [_strategy_for(arg, depth) for arg in options]
        if len(options) < len(get_args(annotation)):
            strategies.append(st.none())
        return st.one_of(strategies)
    if origin is Literal:
        return st.sampled_from(get_args(annotation))
    if origin is list:
        (item,) = get_args(annotation)
        return st.lists(_strategy_for(item, depth - 1), max_size=2 if depth > 0 else 0)
    if origin is dict:
        _, value = get_args(annotation)
        return st.dictionaries(TEXT, _strategy_for(value, depth - 1), max_size=2 if depth > 0 else 0)
    if isinstance(annotation, type) and issubclass(annotation, NomadModel):
        if depth <= 0:
            return st.builds(annotation)
        return model_strategy(annotation, depth - 1)
    simple: dict[object, st.SearchStrategy[object]] = {
        str: TEXT,
        bool: st.booleans(),
        int: st.integers(-(2**63), 2**63 - 1),
        float: JSON_FLOATS,
        datetime: st.datetimes(min_value=datetime(1970, 1, 2), timezones=st.just(timezone.utc)),
    }
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no strategy for {annotation!r}")


__all__ = ["JSON_VALUES", "TEXT", "model_strategy"]
