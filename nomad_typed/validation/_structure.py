"""Layer 1: does the document decode the way Nomad's Go decoder would decode it?

Two jobs here. :func:`read_keys_like_go` rewrites a wire document the way ``encoding/json`` reads
it — a key matching a field only case-insensitively is read as that field — and notes each such
key. Any other key, a snake_case attribute name included, is unknown to Nomad and to the models
alike, and stays where it is. :func:`structure_issues` turns pydantic's errors into issues at the
user's JSON paths.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from nomad_typed.models import NomadModel
from nomad_typed.models._paths import MapKey

from ._issue import Issue
from ._paths import Path, spell
from ._typewalk import Slot, field_slot, item_slot, model_aliases

__all__ = ["KeyNote", "read_keys_like_go", "renamed_keys", "structure_issues", "unencodable_strings"]

_GO_INT_TYPES = {
    (-(2**7), 2**7 - 1): "int8",
    (0, 2**8 - 1): "uint8",
    (0, 2**16 - 1): "uint16",
    (0, 2**32 - 1): "uint32",
    (0, 2**64 - 1): "uint64",
    (-(2**63), 2**63 - 1): "int64",
}
_EXPECTED = {
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "bool_type": "a boolean",
    "bool_parsing": "a boolean",
    "string_type": "a string",
    "float_type": "a number",
    "float_parsing": "a number",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "mapping_type": "an object",
    "list_type": "an array",
}
_BOUND_ERRORS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}


@dataclass(frozen=True)
class KeyNote:
    """A key of a wire document that Go matches to ``field`` only case-insensitively.

    Usually it was renamed to ``field``, so the rest of validation sees what Nomad sees. When
    ``field`` is given under its own name as well (``shadowed``), Nomad decodes both into the
    field, the later over the earlier; this key was left out, and ``field`` checked as given.
    """

    path: Path
    key: str
    field: str
    shadowed: bool = False


def renamed_keys(notes: Iterable[KeyNote]) -> dict[Path, str]:
    """Path as Nomad reads it → the key as the user spelt it, for keys matched case-insensitively."""
    return {(*note.path[:-1], note.field): note.key for note in notes if not note.shadowed}


def read_keys_like_go(
    document: Mapping[str, object], model: type[NomadModel]
) -> tuple[dict[str, object], list[KeyNote]]:
    """A copy of ``document`` with its keys read as Nomad reads them, and the keys that moved."""
    notes: list[KeyNote] = []
    return _read_model(document, model, (), notes), notes


def _read_model(
    document: Mapping[str, object], model: type[NomadModel], path: Path, notes: list[KeyNote]
) -> dict[str, object]:
    aliases = model_aliases(model)
    folded = {alias.casefold(): alias for alias in aliases}
    result: dict[str, object] = {}
    for key, value in document.items():
        target = key
        if key not in aliases:
            alias = folded.get(key.casefold())
            if alias is not None:
                shadowed = alias in document
                notes.append(KeyNote((*path, key), key, alias, shadowed))
                if shadowed:
                    continue
                target = alias
        slot = field_slot(model, target) if target in aliases else None
        result[target] = _read_value(value, slot, (*path, target), notes) if slot else value
    return result


def _read_value(value: object, slot: Slot, path: Path, notes: list[KeyNote]) -> object:
    nested = slot.model
    if nested is not None and isinstance(value, Mapping):
        return _read_model(value, nested, path, notes)
    if slot.is_list and isinstance(value, list):
        item = item_slot(slot)
        return [_read_value(entry, item, (*path, index), notes) for index, entry in enumerate(value)]
    if slot.is_map and isinstance(value, Mapping):
        item = item_slot(slot)
        return {key: _read_value(entry, item, (*path, MapKey(key)), notes) for key, entry in value.items()}
    return value


def structure_issues(
    error: ValidationError,
    document: object,
    model: type[NomadModel],
    renamed: Mapping[Path, str] | None = None,
) -> list[Issue]:
    """One issue per offending value (the members of a union each report the same value).

    ``renamed`` respells the keys that were read case-insensitively the way the user wrote them.
    """
    found: dict[str, str] = {}
    for detail in error.errors(include_url=False):
        if detail["type"] == "string_unicode":
            # A lone surrogate: unencodable_strings reports it at the string itself.
            continue
        path, slot = _locate(detail["loc"], document, model)
        where = spell(path, renamed or {})
        if detail["type"] == "json_value":
            # A free-form object (``Config``) reports the rest of the path to the bad value itself.
            context = detail.get("ctx", {})
            where += context["where"]
            message = f"{context['kind']} is not a JSON value"
        else:
            message = _message(detail["type"], detail["msg"], detail.get("input"), slot)
        found.setdefault(where, message)
    return [Issue("error", where, message, "structure") for where, message in found.items()]


def unencodable_strings(
    document: Mapping[str, object], model: type[NomadModel], renamed: Mapping[Path, str] | None = None
) -> list[Issue]:
    """One issue per key or string value holding a lone surrogate, in document order.

    Python strings can hold them (``"\\udc80"`` from a ``surrogateescape`` decode, or a lone
    ``\\ud800`` escape read by :mod:`json`), but UTF-8 cannot encode them, so no request can carry
    them to Nomad.
    """
    issues: list[Issue] = []
    pending: list[tuple[object, Slot | None, Path]] = [(document, Slot(model), ())]
    while pending:
        value, slot, path = pending.pop()
        children: list[tuple[object, Slot | None, Path]] = []
        if isinstance(value, str):
            surrogate = _lone_surrogate(value)
            if surrogate is not None:
                issues.append(_unencodable(path, renamed, "text", surrogate))
        elif isinstance(value, Mapping):
            nested = slot.model if slot is not None else None
            for key, child in value.items():
                child_path: Path = (*path, key if nested is not None else MapKey(key))
                surrogate = _lone_surrogate(key) if isinstance(key, str) else None
                if surrogate is not None:
                    issues.append(_unencodable(child_path, renamed, "key", surrogate))
                children.append((child, _child_slot(slot, key), child_path))
        elif isinstance(value, (list, tuple)):
            item = item_slot(slot) if slot is not None and (slot.is_list or slot.is_json) else None
            children = [(child, item, (*path, index)) for index, child in enumerate(value)]
        pending.extend(reversed(children))
    return issues


def _child_slot(slot: Slot | None, key: object) -> Slot | None:
    if slot is None or not isinstance(key, str):
        return None
    if slot.model is not None:
        return field_slot(slot.model, key)
    return item_slot(slot) if slot.is_map or slot.is_json else None


def _lone_surrogate(text: str) -> str | None:
    """The first lone surrogate of ``text`` as a ``\\uXXXX`` escape, or ``None``."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"\\u{ord(text[err.start]):04x}"
    return None


def _unencodable(path: Path, renamed: Mapping[Path, str] | None, what: str, surrogate: str) -> Issue:
    message = f"{what} with a lone surrogate ({surrogate}) cannot be written as UTF-8 JSON for Nomad"
    return Issue("error", spell(path, renamed or {}), message, "structure")


def _locate(loc: Sequence[str | int], document: object, model: type[NomadModel]) -> tuple[Path, Slot | None]:
    """The user's path for a pydantic ``loc`` (union and validator tags dropped) and the slot there."""
    path: list[str | int] = []
    slot: Slot | None = Slot(model)
    value = document
    for segment in loc:
        if slot is None:
            continue
        nested = slot.model
        if nested is not None and isinstance(segment, str):
            path.append(segment)
            slot = field_slot(nested, segment)
            value = value.get(segment) if isinstance(value, Mapping) else None
        elif isinstance(segment, int) and isinstance(value, list) and (slot.is_list or slot.is_json):
            path.append(segment)
            slot = item_slot(slot)
            value = value[segment] if 0 <= segment < len(value) else None
        elif isinstance(segment, str) and isinstance(value, Mapping) and segment in value:
            if not (slot.is_map or slot.is_json):
                continue
            path.append(MapKey(segment))
            slot = item_slot(slot)
            value = value[segment]
    return tuple(path), slot


def _message(kind: str, default: str, value: object, slot: Slot | None) -> str:
    if kind == "literal_error" and slot is not None and slot.literals:
        choices = ", ".join(json.dumps(choice) for choice in slot.literals)
        return f"expected one of {choices}, got {_show(value)}"
    if kind in _BOUND_ERRORS and slot is not None and slot.ge is not None and slot.le is not None:
        go_type = _GO_INT_TYPES.get((slot.ge, slot.le))
        suffix = f" ({go_type})" if go_type else ""
        return f"must be between {slot.ge} and {slot.le}{suffix}, got {_show(value)}"
    expected = _EXPECTED.get(kind)
    if expected is not None:
        return f"expected {expected}, got {_show(value)}"
    return default


def _show(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
