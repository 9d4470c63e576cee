"""``NomadModel``: the one base of every request and response model."""

from __future__ import annotations

import difflib
import functools
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, ClassVar, cast

import pydantic_core
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, create_model
from pydantic.config import ExtraValues
from pydantic_core import InitErrorDetails, PydanticCustomError
from typing_extensions import Self

from ._paths import join_index, join_key, join_map_key
from ._types import MAX_NESTING, WIRE_CONTEXT, AnyJSON, JSONObject, holds_free_form, json_problem

__all__ = ["MAX_NESTING", "NomadModel", "UnknownField", "wire_problems"]


#: Attribute names that differ from their JSON key, over all models.
_ATTRIBUTE_NAMES: set[str] = set()
_name_key_numbers = itertools.count(1)
#: A number drawn anew each time an unknown key spelt like an attribute name is read, in any
#: thread. A reader compares it before and after validating: each number is drawn once, so it
#: differs whenever its own input had such a key (another thread's only costs a needless walk).
_last_name_key = [0]


def _note_name_key(key: str) -> str:
    if key in _ATTRIBUTE_NAMES:
        _last_name_key[0] = next(_name_key_numbers)
    return key


# Validates the keys of unknown entries only, so it costs nothing for documents without any.
_UnknownKey = Annotated[str, AfterValidator(_note_name_key)]


@dataclass(frozen=True)
class UnknownField:
    """A key that no field of ``model`` declares; it is kept, and sent back unchanged."""

    path: str
    key: str
    model: type[NomadModel]


class NomadModel(BaseModel):
    """Base of all Nomad models.

    * Attributes are snake_case; each has an alias equal to Nomad's JSON key. Keyword arguments
      and attribute assignment take both spellings, at any depth. Data (:meth:`from_wire`,
      ``model_validate``, the client's answers) is read by JSON key only, as Nomad's Go decoder
      reads it: a snake_case key there is an unknown key, kept as given. The wire form always
      uses the JSON keys.
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
        # What the pydantic mypy plugin types __init__ from: keyword arguments take attribute
        # names (__init__ passes by_name=True). Data is read otherwise, see below.
        validate_by_name=True,
        serialize_by_alias=True,
        allow_inf_nan=False,
        validate_assignment=True,
        defer_build=True,
    )
    if not TYPE_CHECKING:
        # Data (from_wire, model_validate, the client's answers) is read by JSON key only: Go
        # never matches "task_groups" to TaskGroups, so data read by attribute name would send
        # Nomad something other than what was given. __init__ and assignment opt back in.
        model_config["validate_by_name"] = False

    # Unknown keys keep any JSON value, checked like free-form objects: no NaN, no deeper nesting
    # than MAX_NESTING, nothing JSON cannot carry.
    __pydantic_extra__: dict[_UnknownKey, AnyJSON]

    # wire key or attribute name -> attribute name, filled for each subclass
    _attr_for_key: ClassVar[dict[str, str]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: object) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        names: dict[str, str] = {}
        for name, field in cls.model_fields.items():
            names[name] = name
            names[field.alias or name] = name
            if field.alias not in (None, name):
                _ATTRIBUTE_NAMES.add(name)
        cls._attr_for_key = names

    if not TYPE_CHECKING:
        # Hidden from type checkers: the pydantic plugin types each model's __init__ from its
        # fields, and a visible __setattr__ would let mypy accept any attribute name.

        def __init__(self, /, **data: object) -> None:
            __tracebackhide__ = True
            known = type(self)._attr_for_key
            for key in data:
                # A lowercase keyword names no JSON key Nomad knows: a misspelt attribute, which
                # would otherwise be kept as an unknown key and dropped by Nomad. Other unknown
                # keys are wire keys (python-nomad's legacy "Id"), kept and sent.
                if key not in known and key[:1].islower():
                    raise _unexpected_keyword(type(self), key)
            self.__pydantic_validator__.validate_python(data, self_instance=self, by_name=True)

        # Without the mark pydantic would call this __init__ for every nested dict it validates.
        __init__.__pydantic_base_init__ = True

        def __setattr__(self, name: str, value: object) -> None:
            fields = type(self).__pydantic_fields__
            extra = self.__pydantic_extra__
            if not extra or fields.keys().isdisjoint(extra):
                self._assign(name, value)
                return
            # Pydantic's assignment merges the unknown keys into the fields by name, so an unknown
            # key spelt like an attribute ("count" read from JSON) would overwrite that attribute.
            # Such keys are set aside meanwhile, then put back in their places.
            aside = {key: item for key, item in extra.items() if key in fields}
            rest = {key: item for key, item in extra.items() if key not in aside}
            object.__setattr__(self, "__pydantic_extra__", rest)
            try:
                self._assign(name, value)
            finally:
                now = self.__pydantic_extra__
                restored = {key: aside[key] if key in aside else now[key] for key in extra}
                restored.update(now)  # a new unknown key goes last
                object.__setattr__(self, "__pydantic_extra__", restored)

        def _assign(self, name: str, value: object) -> None:
            if name in type(self).__pydantic_fields__:
                # A dict assigned here is Python input, like a keyword argument.
                self.__pydantic_validator__.validate_assignment(self, name, value, by_name=True)
            else:
                super().__setattr__(name, value)

    @classmethod
    def model_validate(
        cls,
        obj: object,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        from_attributes: bool | None = None,
        context: object | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Pydantic's ``model_validate``; a dict is read by JSON key only unless ``by_name=True``."""
        mark = _last_name_key[0]
        model = super().model_validate(
            obj,
            strict=strict,
            extra=extra,
            from_attributes=from_attributes,
            context=context,
            by_alias=by_alias,
            by_name=by_name,
        )
        if _last_name_key[0] != mark:
            _settle(model, obj)
        return model

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        context: object | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Pydantic's ``model_validate_json``; read by JSON key only unless ``by_name=True``."""
        mark = _last_name_key[0]
        model = super().model_validate_json(
            json_data, strict=strict, extra=extra, context=context, by_alias=by_alias, by_name=by_name
        )
        if _last_name_key[0] != mark:
            _settle(model, pydantic_core.from_json(json_data))
        return model

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
            mark = _last_name_key[0]
            parsed = cls._from_wire_text(text)
            if parsed is not None:
                if _last_name_key[0] != mark:
                    _settle(parsed, cls._unwrap_wire(_decode(cls, text)))
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
        """The wire form: JSON-ready dict with Nomad's keys, only the fields that were set.

        Raises :class:`pydantic_core.PydanticSerializationError` naming the JSON path of a value
        that JSON cannot carry (put into a free-form dict or list after it was validated).
        """
        try:
            return cast("JSONObject", self.model_dump(mode="json", by_alias=True, exclude_unset=True))
        except ValueError as error:
            raise self._located(error) from None

    def to_json(self, *, indent: int | None = None) -> str:
        """The wire form as JSON text; raises like :meth:`to_dict`."""
        try:
            return self.model_dump_json(by_alias=True, exclude_unset=True, indent=indent)
        except ValueError as error:
            raise self._located(error) from None

    def _located(self, error: ValueError) -> ValueError:
        """``error`` of serializing this model, restated at the JSON path of the value at fault."""
        for path, message in wire_problems(self):
            return pydantic_core.PydanticSerializationError(f"{path}: {message}")
        return error

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
        """Value of the field with wire key (or attribute name) ``key``; extra keys work too.

        An unknown key read from JSON wins over an attribute of the same name: item access is
        for the keys of the document.
        """
        extra = self.__pydantic_extra__
        if key in extra:
            return extra[key]
        name = type(self)._attr_for_key.get(key)
        if name is not None:
            return getattr(self, name)
        raise KeyError(key)

    def __setitem__(self, key: str, value: object) -> None:
        """Set the field with wire key (or attribute name) ``key``, validated like an assignment.

        For code written against plain dicts (``job["Meta"] = {...}``). A key that is not a
        field raises :class:`KeyError`: new keys come only from Nomad's JSON, never from typos.
        """
        name = type(self)._attr_for_key.get(key)
        if name is None:
            raise KeyError(f"{type(self).__name__} has no field {key!r}")
        setattr(self, name, value)

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
        if key in self.__pydantic_extra__:
            return True
        name = type(self)._attr_for_key.get(key)
        return name is not None and name in self.model_fields_set

    def keys(self) -> list[str]:
        """Wire keys that were given, in declaration order, then the extra keys."""
        fields = type(self).model_fields
        given = [field.alias or name for name, field in fields.items() if name in self.model_fields_set]
        return given + list(self.__pydantic_extra__)

    def __repr_args__(self) -> Iterator[tuple[str | None, object]]:
        # Only what was given: a Job has ~40 fields and most are None. An unknown key may share
        # an attribute's name ("name" read from JSON), so fields and extra keys are told apart.
        fields = type(self).__pydantic_fields__
        given = self.model_fields_set
        for name, value in self.__dict__.items():
            if name in fields and name in given:
                yield name, value
        yield from self.__pydantic_extra__.items()


def _settle(model: object, document: object) -> None:
    """Keep an attribute name in each model's fields set only when its JSON key was in ``document``.

    Pydantic counts every unknown key as a field that was set: a "count" key read from JSON, which
    Nomad ignores, would mark ``count`` as given, and the wire form would then carry
    ``"Count": null``. Such keys are rare, so this walk only runs when the unknown-key validator
    met one (the document is then decoded again, for text).
    """
    pending: list[tuple[object, object]] = [(model, document)]
    while pending:
        value, source = pending.pop()
        if isinstance(value, NomadModel) and isinstance(source, Mapping):
            fields = type(value).__pydantic_fields__
            if not fields.keys().isdisjoint(value.__pydantic_extra__):
                value.__pydantic_fields_set__ = {
                    name
                    for name in value.__pydantic_fields_set__
                    if name not in fields or (fields[name].alias or name) in source
                }
            for name, field in fields.items():
                key = field.alias or name
                if key in source:
                    pending.append((value.__dict__[name], source[key]))
        elif isinstance(value, list) and isinstance(source, list):
            pending.extend(zip(value, source, strict=False))
        elif isinstance(value, dict) and isinstance(source, Mapping):
            pending.extend((item, source[key]) for key, item in value.items() if key in source)


def wire_problems(model: NomadModel) -> Iterator[tuple[str, str]]:
    """JSON path and description of each value in ``model`` that JSON cannot carry.

    Validation checks every value given; this finds values put into a dict or list in place
    afterwards (``task.config["x"] = nan``), which fail when the model is written as JSON.
    """
    return _model_problems(model, "", frozenset())


def _model_problems(model: NomadModel, path: str, enclosing: frozenset[int]) -> Iterator[tuple[str, str]]:
    if id(model) in enclosing:
        yield path, f"{type(model).__name__} holds itself, which JSON cannot carry"
        return
    enclosing |= {id(model)}
    fields = type(model).__pydantic_fields__
    free_form = _free_form_fields(type(model))
    given = model.__pydantic_fields_set__
    for name, value in model.__dict__.items():
        if name in given and name in fields:
            where = join_key(path, fields[name].alias or name)
            if name in free_form:
                yield from _json_problems(value, where)
            else:
                yield from _typed_problems(value, where, enclosing)
    for key, value in model.__pydantic_extra__.items():
        yield from _json_problems(value, join_key(path, key))


def _json_problems(value: object, path: str) -> Iterator[tuple[str, str]]:
    problem = json_problem(value)
    if problem is not None:
        where, message = problem
        yield path + where, message


def _typed_problems(value: object, path: str, enclosing: frozenset[int]) -> Iterator[tuple[str, str]]:
    """Problems in the value of a declared field, of the nested models and list or map items."""
    if isinstance(value, NomadModel):
        yield from _model_problems(value, path, enclosing)
        return
    if isinstance(value, list):
        items: Iterator[tuple[str, object]] = ((join_index(path, i), item) for i, item in enumerate(value))
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                yield path, f"the key {key!r} is not a JSON value"
                return
        items = ((join_map_key(path, key), item) for key, item in value.items())
    else:
        if not isinstance(value, datetime):
            yield from _json_problems(value, path)
        return
    for where, item in items:
        if isinstance(item, NomadModel):
            yield from _model_problems(item, where, enclosing)
        elif not isinstance(item, datetime):
            yield from _json_problems(item, where)


@functools.cache
def _free_form_fields(model: type[NomadModel]) -> frozenset[str]:
    """Fields holding free-form JSON (``Task.Config``): their values are checked as a whole."""
    fields = model.__pydantic_fields__
    return frozenset(name for name, field in fields.items() if holds_free_form(field.annotation))


def _unexpected_keyword(model: type[NomadModel], key: str) -> TypeError:
    close = difflib.get_close_matches(key, list(model.model_fields), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return TypeError(f"{model.__name__}() got an unexpected keyword argument {key!r}{hint}")


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
