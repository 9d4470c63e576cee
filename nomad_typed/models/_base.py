"""``NomadModel``: the one base of every request and response model."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar, cast

import pydantic_core
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model
from pydantic_core import InitErrorDetails, PydanticCustomError
from typing_extensions import Self

from ._paths import join_index, join_key, join_map_key
from ._types import MAX_NESTING, WIRE_CONTEXT, AnyJSON, JSONObject

__all__ = ["MAX_NESTING", "NomadModel", "UnknownField"]


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

    # Unknown keys keep any JSON value, checked like free-form objects: no NaN, no deeper nesting
    # than MAX_NESTING, nothing JSON cannot carry.
    __pydantic_extra__: dict[str, AnyJSON]

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
        Raises :class:`pydantic.ValidationError` for anything that does not fit. Text and its
        decoded document give the same model and the same errors.
        """
        document: object = data
        if isinstance(data, (str, bytes, bytearray)):
            text = data[3:] if data[:3] == _UTF8_BOM else data
            parsed = cls._from_wire_text(text)
            if parsed is not None:
                return parsed
            # No answer from the fast path (an error, or a wrapping it cannot tell): the decoded
            # document decides, errors included.
            document = _decode(cls, text)
        return cls.model_validate(cls._unwrap_wire(document), context=WIRE_CONTEXT)

    @classmethod
    def _from_wire_text(cls, text: str | bytes | bytearray) -> Self | None:
        """The model, read by pydantic's JSON mode; ``None`` when the text must be decoded first.

        JSON mode builds the models straight from the text, with no decoded document in between
        (for the jobs of the corpus, 40 % less time than decoding and validating the result).
        ``_unwrap_wire`` only sees decoded documents, so whenever it could have acted (unknown
        top-level keys) the decoded path decides.
        """
        envelope = _envelope(cls)
        try:
            if envelope is not None and envelope.wraps(text):
                return cast("Self", envelope.read(text))
            # The validator itself, not model_validate_json: its wrapper costs ~4 % of a small job.
            model = cast("Self", cls.__pydantic_validator__.validate_json(text, context=WIRE_CONTEXT))
            extra = model.__pydantic_extra__
            if extra and cls._unwrap_wire(extra) is not extra:
                return None
        except ValidationError:
            return None
        return model

    @classmethod
    def _unwrap_wire(cls, data: object) -> object:
        """Hook for models whose documents may come wrapped (``{"Job": {...}}``).

        When it unwraps ``{"<class name>": {...}}``, such text is read straight into the model.
        """
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
        for key in self.__pydantic_extra__:
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
        if key in self.__pydantic_extra__:
            return self.__pydantic_extra__[key]
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
        return key in self.__pydantic_extra__

    def keys(self) -> list[str]:
        """Wire keys that were given, in declaration order, then the extra keys."""
        fields = type(self).model_fields
        given = [field.alias or name for name, field in fields.items() if name in self.model_fields_set]
        return given + list(self.__pydantic_extra__)

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        # Only what was given: a Job has ~40 fields and most are None.
        for name, value in super().__repr_args__():
            if name is None or name in self.model_fields_set or name in self.__pydantic_extra__:
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


_UTF8_BOM = b"\xef\xbb\xbf"


def _decode(model: type[NomadModel], text: str | bytes | bytearray) -> object:
    """``text`` decoded by pydantic's JSON parser, which the fast path and the client use too.

    It rejects invalid UTF-8 and unpaired surrogate escapes, as Go's decoder does, and nesting
    just past MAX_NESTING levels; it reads NaN and Infinity, which validation then rejects where
    they stand.
    """
    try:
        # A str holding a lone surrogate cannot be encoded: the same error as invalid UTF-8.
        return pydantic_core.from_json(text.encode() if isinstance(text, str) else text)
    except ValueError as err:
        message = f"Invalid JSON: {err}".replace("{", "{{").replace("}", "}}")
        raise validation_error(model, "json_invalid", message, (), text[:200]) from None


class _Wrapper(BaseModel):
    """Base of the envelope models: ``document`` is the wrapped model, under the envelope's key."""

    # Other keys next to the wrapped document are dropped, as _unwrap_wire drops them.
    model_config = ConfigDict(extra="ignore", defer_build=True)

    document: NomadModel


@dataclass(frozen=True)
class _Envelope:
    """Text of the form ``{"<key>": {...}}``, read in one pass with pydantic's JSON mode."""

    start: re.Pattern[str]
    start_bytes: re.Pattern[bytes]
    validator: type[_Wrapper]

    def wraps(self, text: str | bytes | bytearray) -> bool:
        """Whether the text is an object whose first key is the envelope's (whatever the rest holds)."""
        pattern = self.start if isinstance(text, str) else self.start_bytes
        return pattern.match(text) is not None  # type: ignore[arg-type]  # matched to the text's type

    def read(self, text: str | bytes | bytearray) -> NomadModel:
        wrapper = self.validator.__pydantic_validator__.validate_json(text, context=WIRE_CONTEXT)
        return cast("_Wrapper", wrapper).document


@functools.cache
def _envelope(model: type[NomadModel]) -> _Envelope | None:
    """How text wrapping ``model`` under its own name is read, if ``_unwrap_wire`` unwraps it."""
    key = model.__name__
    inner: dict[str, object] = {}
    try:
        if model._unwrap_wire({key: inner}) is not inner:
            return None
    except ValidationError:
        return None
    validator = create_model(f"{key}Envelope", __base__=_Wrapper, document=(model, Field(alias=key)))
    start = r'[ \t\n\r]*\{[ \t\n\r]*"' + re.escape(key) + r'"[ \t\n\r]*:'
    return _Envelope(re.compile(start), re.compile(start.encode()), validator)
