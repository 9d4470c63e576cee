"""Reading the model classes as a schema: what a key means at a given place of a document.

Pydantic reports errors at a ``loc`` that mixes field aliases, list indexes, map keys and the tags
of union members; telling them apart needs the declared type at each step. The same walk tells
which keys of a wire document Nomad's decoder would match, ignore or read case-insensitively.
"""

from __future__ import annotations

import functools
import types
from dataclasses import dataclass
from typing import Annotated, Literal, Union, get_args, get_origin, get_type_hints

from annotated_types import Ge, Le
from pydantic.fields import FieldInfo
from typing_extensions import TypeAliasType

from nomad_typed.models import NomadModel

__all__ = ["Slot", "field_slot", "item_slot", "model_aliases"]

_UNION_TYPES: tuple[object, ...] = (Union, types.UnionType)


@dataclass(frozen=True)
class Slot:
    """The declared type at one place of a document, with the integer bounds that apply there."""

    annotation: object
    ge: int | None = None
    le: int | None = None

    @property
    def core(self) -> object:
        """The annotation without ``Annotated`` metadata and without ``| None``."""
        return _strip(self.annotation)

    @property
    def model(self) -> type[NomadModel] | None:
        core = self.core
        if isinstance(core, type) and issubclass(core, NomadModel):
            return core
        return None

    @property
    def is_json(self) -> bool:
        """Free-form JSON (``Task.Config``, scaling ``Policy`` values …)."""
        return isinstance(self.core, TypeAliasType)

    @property
    def is_list(self) -> bool:
        return get_origin(self.core) is list

    @property
    def is_map(self) -> bool:
        return get_origin(self.core) is dict

    @property
    def literals(self) -> tuple[object, ...]:
        core = self.core
        return get_args(core) if get_origin(core) is Literal else ()


def field_slot(model: type[NomadModel], key: str) -> Slot | None:
    """The slot of the field whose wire key is ``key``, if any (attribute names are unknown keys)."""
    name = model_aliases(model).get(key)
    if name is None:
        return None
    info = model.model_fields[name]
    annotation = _resolved_annotations(model).get(name, info.annotation)
    ge, le = _bounds(info.metadata)
    inner_ge, inner_le = _annotation_bounds(annotation)
    return Slot(annotation, ge if ge is not None else inner_ge, le if le is not None else inner_le)


@functools.cache
def _resolved_annotations(model: type[NomadModel]) -> dict[str, object]:
    """Field annotations with forward references resolved (models refer to classes defined later)."""
    return dict(get_type_hints(model, include_extras=True))


def item_slot(slot: Slot) -> Slot:
    """The slot of a list item or map value under ``slot``; free-form JSON stays free-form."""
    if slot.is_json:
        return slot
    args = get_args(slot.core)
    item = args[-1] if args else object
    ge, le = _annotation_bounds(item)
    return Slot(item, ge, le)


@functools.cache
def model_aliases(model: type[NomadModel]) -> dict[str, str]:
    """Wire key → attribute name for every field of ``model``."""
    return {info.alias or name: name for name, info in model.model_fields.items()}


def _strip(annotation: object) -> object:
    current = annotation
    while True:
        if get_origin(current) is Annotated:
            current = get_args(current)[0]
            continue
        if get_origin(current) in _UNION_TYPES:
            members = [arg for arg in get_args(current) if arg is not type(None)]
            if len(members) == 1:
                current = members[0]
                continue
        return current


def _annotation_bounds(annotation: object) -> tuple[int | None, int | None]:
    current = annotation
    while get_origin(current) in _UNION_TYPES:
        members = [arg for arg in get_args(current) if arg is not type(None)]
        if len(members) != 1:
            return None, None
        current = members[0]
    if get_origin(current) is Annotated:
        return _bounds(get_args(current)[1:])
    return None, None


def _bounds(metadata: object) -> tuple[int | None, int | None]:
    ge: int | None = None
    le: int | None = None
    items = list(metadata) if isinstance(metadata, (list, tuple)) else []
    while items:
        item = items.pop()
        if isinstance(item, FieldInfo):
            items.extend(item.metadata)
        elif isinstance(item, Ge) and isinstance(item.ge, int):
            ge = item.ge
        elif isinstance(item, Le) and isinstance(item.le, int):
            le = item.le
    return ge, le
