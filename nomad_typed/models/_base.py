"""``NomadModel``: the one base of every request and response model."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar, cast

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError
from typing_extensions import Self

from ._paths import join_index, join_key, join_map_key
from ._types import WIRE_CONTEXT, JSONObject

__all__ = ["MAX_NESTING", "NomadModel", "UnknownField"]

#: Deepest nesting of arrays and objects :meth:`NomadModel.from_wire` accepts. Pydantic's JSON
#: parser (which reads every answer of the client) stops just past this depth and its serializer
#: a little further, so a deeper document could be parsed here but never sent or written back.
MAX_NESTING = 200

_Container = Mapping[object, object] | list[object] | tuple[object, ...]
_CONTAINERS = (Mapping, list, tuple)


@dataclass(frozen=True)
class UnknownField:
    """A key that no field of ``model`` declares; it is kept, and sent back unchanged."""

    path: str
    key: str
    model: type[NomadModel]


class NomadModel(BaseModel):
    """Base of all Nomad models.

    * Attributes are snake_case; each has an alias equal to Nomad's JSON key. Both spellings are
      accepted on input, the wire form always uses the JSON keys.
    * Types are strict like Go's decoder: ``"300"`` is not an integer and ``1`` is not a boolean.
    * Keys the model does not know are kept and serialized again, so newer Nomad versions
      round-trip; :meth:`unknown_fields` lists them with their JSON paths.
    * The wire form (:meth:`to_dict`, :meth:`to_json`) holds exactly the fields that were given,
      an explicit ``None`` included: unset fields are left for Nomad to default.
    * Wire keys also work as item access (``job["TaskGroups"][0]["Name"]``) for code written
      against plain dicts.
    """

    model_config = ConfigDict(
        extra="allow",
        strict=True,
        validate_by_alias=True,
        validate_by_name=True,
        serialize_by_alias=True,
        allow_inf_nan=False,
        validate_assignment=True,
        defer_build=True,
    )

    # wire key or attribute name -> attribute name, filled for each subclass
    _attr_for_key: ClassVar[dict[str, str]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: object) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        names: dict[str, str] = {}
        for name, field in cls.model_fields.items():
            names[name] = name
            names[field.alias or name] = name
        cls._attr_for_key = names

    @classmethod
    def from_wire(cls, data: Mapping[str, object] | str | bytes) -> Self:
        """Parse Nomad's JSON (a decoded object, or its text) with Go's decoding rules.

        Unlike keyword construction, durations must be integers here, as Nomad requires.
        Raises :class:`pydantic.ValidationError` for anything that does not fit.
        """
        document = _load_json(cls, data) if isinstance(data, (str, bytes, bytearray)) else data
        if _nesting_exceeds(document, MAX_NESTING):
            raise validation_error(
                cls,
                "json_nesting",
                f"arrays and objects nested more than {MAX_NESTING} levels deep",
                (),
                f"a {type(document).__name__} nested more than {MAX_NESTING} levels deep",
            )
        return cls.model_validate(cls._unwrap_wire(document), context=WIRE_CONTEXT)

    @classmethod
    def _unwrap_wire(cls, data: object) -> object:
        """Hook for models whose documents may come wrapped (``{"Job": {...}}``)."""
        return data

    def to_dict(self) -> JSONObject:
        """The wire form: JSON-ready dict with Nomad's keys, only the fields that were set."""
        return cast("JSONObject", self.model_dump(mode="json", by_alias=True, exclude_unset=True))

    def to_json(self, *, indent: int | None = None) -> str:
        """The wire form as JSON text."""
        return self.model_dump_json(by_alias=True, exclude_unset=True, indent=indent)

    def unknown_fields(self) -> list[str]:
        """JSON paths of every key, at any depth, that the models do not declare."""
        return [unknown.path for unknown in self.iter_unknown_fields()]

    def iter_unknown_fields(self, path: str = "") -> Iterator[UnknownField]:
        """Like :meth:`unknown_fields`, with the model each unknown key was found in."""
        for key in self.__pydantic_extra__ or ():
            yield UnknownField(join_key(path, key), key, type(self))
        given = self.model_fields_set
        for name, field in type(self).model_fields.items():
            if name in given:
                yield from _unknown_in(getattr(self, name), join_key(path, field.alias or name))

    def __getitem__(self, key: str) -> object:
        """Value of the field with wire key (or attribute name) ``key``; extra keys work too."""
        name = type(self)._attr_for_key.get(key)
        if name is not None:
            return getattr(self, name)
        extra = self.__pydantic_extra__
        if extra is not None and key in extra:
            return extra[key]
        raise KeyError(key)

    def get(self, key: str, default: object = None) -> object:
        """``self[key]``, or ``default`` when the key is neither a field nor a kept extra key."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        """True when ``key`` (wire key or attribute name) was given or is a kept extra key."""
        if not isinstance(key, str):
            return False
        name = type(self)._attr_for_key.get(key)
        if name is not None:
            return name in self.model_fields_set
        return key in (self.__pydantic_extra__ or ())

    def keys(self) -> list[str]:
        """Wire keys that were given, in declaration order, then the extra keys."""
        fields = type(self).model_fields
        given = [field.alias or name for name, field in fields.items() if name in self.model_fields_set]
        return given + list(self.__pydantic_extra__ or ())

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        # Only what was given: a Job has ~40 fields and most are None.
        for name, value in super().__repr_args__():
            if name is None or name in self.model_fields_set or name in (self.__pydantic_extra__ or ()):
                yield name, value


def _unknown_in(value: object, path: str) -> Iterator[UnknownField]:
    if isinstance(value, NomadModel):
        yield from value.iter_unknown_fields(path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, NomadModel):
                yield from item.iter_unknown_fields(join_index(path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, NomadModel):
                yield from item.iter_unknown_fields(join_map_key(path, key))


def validation_error(
    model: type[BaseModel], error_type: str, message: str, loc: tuple[str | int, ...], value: object
) -> ValidationError:
    """A :class:`pydantic.ValidationError` for a check made outside pydantic's own validators."""
    detail = InitErrorDetails(type=PydanticCustomError(error_type, message), loc=loc, input=value)
    return ValidationError.from_exception_data(model.__name__, [detail])


def _nesting_exceeds(document: object, limit: int) -> bool:
    """Whether arrays/objects nest deeper than ``limit``; level by level, so any depth is safe."""
    level: list[_Container] = [document] if isinstance(document, _CONTAINERS) else []
    for _ in range(limit):
        if not level:
            return False
        deeper: list[_Container] = []
        for value in level:
            for child in value.values() if isinstance(value, Mapping) else value:
                if isinstance(child, _CONTAINERS):
                    deeper.append(child)
        level = deeper
    return bool(level)


# Python's json module turns an unpaired escape of this range into a lone surrogate, which no
# request body (nor to_dict/to_json) can carry; pydantic's JSON parser, which reads Nomad's
# answers, rejects it too.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_constant(name: str) -> object:
    # Python's json module reads NaN and Infinity; Go's decoder (so Nomad) rejects them as invalid JSON.
    raise ValueError(f"{name} is not valid JSON")


def _load_json(model: type[NomadModel], text: str | bytes | bytearray) -> object:
    try:
        if isinstance(text, str):
            if not text.isascii():
                text.encode("utf-8")  # raises for a lone surrogate in the text itself
            decoded = text
        else:
            # Strict UTF-8: json.loads(bytes) would let encoded surrogates and UTF-16 through.
            decoded = text.decode("utf-8-sig")
        document = json.loads(decoded, parse_constant=_reject_constant)
        if _SURROGATE_ESCAPE.search(decoded) and _has_lone_surrogate(document):
            raise ValueError("an unpaired \\uD800-\\uDFFF escape, which UTF-8 text cannot carry")
        return document
    except (ValueError, RecursionError) as err:
        message = f"Invalid JSON: {err}".replace("{", "{{").replace("}", "}}")
        raise validation_error(model, "json_invalid", message, (), text[:200]) from None


def _has_lone_surrogate(document: object) -> bool:
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False
