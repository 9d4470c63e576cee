"""Wire types shared by every model: bounded integers, durations, timestamps, JSON values.

Nomad's HTTP agent decodes request bodies with Go's ``encoding/json`` into fixed-width Go types,
so a number that does not fit (a weight of 200 for an ``int8``) or a value of the wrong JSON type
(a duration written as ``"10s"``) is rejected with HTTP 400. The aliases below carry those bounds
so the same mistakes fail locally, at their JSON path, before anything is sent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from fractions import Fraction
from typing import Annotated, cast, get_args

from pydantic import (
    AfterValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    ValidationInfo,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError, PydanticSerializationError, core_schema
from typing_extensions import TypeAliasType

from ._paths import join_index, join_map_key

__all__ = [
    "MAX_NESTING",
    "WIRE_CONTEXT",
    "AnyJSON",
    "Duration",
    "Int8",
    "Int64",
    "JSONObject",
    "JSONValue",
    "NanoTime",
    "Timestamp",
    "UInt8",
    "UInt16",
    "UInt32",
    "UInt64",
    "format_duration",
    "holds_free_form",
    "json_problem",
    "nanoseconds",
    "parse_duration",
]

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

Int8 = Annotated[int, Field(ge=-(2**7), le=2**7 - 1)]
UInt8 = Annotated[int, Field(ge=0, le=2**8 - 1)]
UInt16 = Annotated[int, Field(ge=0, le=2**16 - 1)]
UInt32 = Annotated[int, Field(ge=0, le=2**32 - 1)]
UInt64 = Annotated[int, Field(ge=0, le=2**64 - 1)]
#: Go ``int`` and ``int64`` (64-bit on every platform Nomad supports).
Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
#: Unix time in nanoseconds (``SubmitTime``, ``CreateTime`` …); beyond 2**53, so never a float.
NanoTime = Int64

#: Validation context marking input as wire JSON: durations must then be integers, as Nomad requires.
WIRE_CONTEXT: dict[str, bool] = {"nomad_wire": True}

JSONValue = TypeAliasType(
    "JSONValue",
    "bool | int | float | str | list[JSONValue] | dict[str, JSONValue] | None",
)


#: Deepest nesting of arrays and objects accepted in one free-form value (a driver ``Config``, the
#: value of an unknown key). Pydantic's JSON parser, which reads every answer of the client, stops
#: just past this depth; a limit here keeps Python input to the same bound and makes every value
#: that passes safe to walk, compare and write back.
MAX_NESTING = 200


@dataclass(frozen=True)
class _JSONCheck:
    """Validation of free-form JSON by one Python function per input mode, and its serialization.

    One walk in Python over the value instead of pydantic's recursive union, which costs several
    times more than parsing the JSON itself. Values from pydantic's JSON parser need fewer checks
    than values from Python code, and they are the ones on the hot path.

    The value is walked again when it is written as JSON: a dict or list is changed in place
    without validation (``task.config["x"] = nan``), and pydantic would write NaN as ``null``.
    """

    parsed: Callable[[object], JSONValue]
    python: Callable[[object], JSONValue]
    # A new dict per use: the schema generator adds each field's description to it.
    json_schema: Callable[[], JsonSchemaValue]

    def __get_pydantic_core_schema__(self, source: object, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_plain_validator_function(self.parsed),
            python_schema=core_schema.no_info_plain_validator_function(self.python),
            serialization=core_schema.plain_serializer_function_ser_schema(
                _written_as_json, when_used="json"
            ),
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return self.json_schema()


def _parsed_object(value: object) -> dict[str, JSONValue]:
    if type(value) is not dict:
        raise _not_an_object(value)
    if not _all_finite(value):
        raise _json_problem(value)
    return value


def _python_object(value: object) -> dict[str, JSONValue]:
    if not isinstance(value, dict):
        raise _not_an_object(value)
    _check_json_value(value)
    # Copied, so later changes to the caller's dict do not leak in.
    return dict(value)


def _not_an_object(value: object) -> PydanticCustomError:
    return PydanticCustomError("dict_type", "expected a JSON object, got {kind}", {"kind": _kind(value)})


def _parsed_value(value: object) -> JSONValue:
    if type(value) is dict or type(value) is list:
        finite = _all_finite(value)
    else:
        finite = type(value) is not float or math.isfinite(value)
    if not finite:
        raise _json_problem(value)
    return cast("JSONValue", value)


def _python_value(value: object) -> JSONValue:
    _check_json_value(value)
    return cast("JSONValue", value)


def _all_finite(value: dict[str, object] | list[object]) -> bool:
    """Whether a value from pydantic's JSON parser holds no NaN or infinity.

    The parser only lets JSON types and string keys through and stops at MAX_NESTING + 1 levels
    in all, so NaN and infinities, which it reads and Go's decoder rejects, are all that is left
    to find. Parsed JSON is the hot path: this walk is about half the cost of the full check.
    """
    pending = [value]
    while pending:
        container = pending.pop()
        # type() rather than isinstance(): the parser makes exact types, and this is twice as fast.
        for child in container.values() if type(container) is dict else container:
            if type(child) is dict or type(child) is list:
                pending.append(child)
            elif type(child) is float and not math.isfinite(child):
                return False
    return True


def _check_json_value(value: object) -> None:
    """Raise the error for the first value JSON cannot carry, or for nesting past the limit."""
    if not _is_json(value):
        raise _json_problem(value)


def _is_json(value: object) -> bool:
    """Whether ``value`` holds only JSON types, string keys, finite floats, at most MAX_NESTING deep.

    Level by level, without recursion, so any depth is safe. This walk runs for every free-form
    value and unknown key given from Python, and whenever one is written as JSON, so it only
    answers yes or no. A container met twice on one level is walked once: a dict holding itself
    twice (``config["a"] = config["b"] = config``) would otherwise double the work at each level.
    """
    if not isinstance(value, (dict, list)):
        return _is_json_scalar(value)
    level: Iterable[dict[object, object] | list[object]] = [value]
    for _ in range(MAX_NESTING):
        deeper: dict[int, dict[object, object] | list[object]] = {}
        for container in level:
            children: Iterable[object] = container
            if isinstance(container, dict):
                for key in container:
                    if not isinstance(key, str):
                        return False
                children = container.values()
            for child in children:
                if child is None or isinstance(child, (str, int)):  # bool is an int
                    continue
                if isinstance(child, (dict, list)):
                    deeper[id(child)] = child
                elif not (isinstance(child, float) and math.isfinite(child)):
                    return False
        if not deeper:
            return True
        level = deeper.values()
    return False


def holds_free_form(annotation: object) -> bool:
    """Whether a field annotation is free-form JSON (:data:`JSONObject`), optional or not."""
    if isinstance(annotation, _JSONCheck):
        return True
    return any(
        holds_free_form(arg) for arg in (*get_args(annotation), *getattr(annotation, "__metadata__", ()))
    )


def _written_as_json(value: object) -> object:
    if _is_json(value):
        return value
    where, message = _first_problem(value)
    raise PydanticSerializationError(f"{message} (at {where})" if where else message)


def json_problem(value: object) -> tuple[str, str] | None:
    """The first thing in ``value`` that JSON cannot carry, or ``None`` when there is none.

    Returns where it is inside ``value`` (a JSON path suffix such as ``["args"][1]``, empty for
    ``value`` itself or for nesting past MAX_NESTING) and what it is.
    """
    return None if _is_json(value) else _first_problem(value)


def _first_problem(value: object) -> tuple[str, str]:
    error = _json_problem(value)
    context = error.context or {}
    if error.type == "json_value":
        return str(context["where"]), f"{context['kind']} is not a JSON value"
    return "", error.message()


def _is_json_scalar(value: object) -> bool:
    if value is None or isinstance(value, (str, int)):
        return True
    return isinstance(value, float) and math.isfinite(value)


def _json_problem(value: object) -> PydanticCustomError:
    """The error for the first problem in document order, with its path inside ``value``.

    Only called once :func:`_is_json` said no, so building paths costs nothing on valid input.
    Depth-first with an explicit stack: nesting past the limit is itself the problem it finds.
    """
    pending: list[tuple[object, str, int]] = [(value, "", 1)]
    while pending:
        item, where, depth = pending.pop()
        if isinstance(item, (dict, list)) and depth > MAX_NESTING:
            return PydanticCustomError(
                "json_nesting",
                "arrays and objects nested more than {limit} levels deep",
                {"limit": MAX_NESTING},
            )
        if isinstance(item, dict):
            for key in item:
                if not isinstance(key, str):
                    return _not_json(where, f"the key {key!r}")
            children = [(child, join_map_key(where, key), depth + 1) for key, child in item.items()]
        elif isinstance(item, list):
            children = [(child, join_index(where, index), depth + 1) for index, child in enumerate(item)]
        elif _is_json_scalar(item):
            continue
        else:
            return _not_json(where, repr(item) if isinstance(item, float) else _kind(item))
        pending.extend(reversed(children))
    raise AssertionError("_json_problem called on a valid JSON value")


def _not_json(where: str, kind: str) -> PydanticCustomError:
    # pydantic's location stops at the value; ``where`` carries the rest, in JSON path form.
    template = "{kind} is not a JSON value (at {where})" if where else "{kind} is not a JSON value"
    return PydanticCustomError("json_value", template, {"where": where, "kind": kind})


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__


#: A free-form JSON object: driver ``Config``, proxy configs, scaling ``Policy``, event ``Meta``.
#: JSON types only, string keys, no NaN or infinity (Go's decoder rejects them), at most
#: MAX_NESTING levels.
JSONObject = Annotated[
    dict[str, JSONValue],
    _JSONCheck(_parsed_object, _python_object, lambda: {"type": "object", "additionalProperties": True}),
]

#: Any JSON value, with the checks of :data:`JSONObject`: how models keep the keys they do not declare.
AnyJSON = Annotated[JSONValue, _JSONCheck(_parsed_value, _python_value, dict)]

_NS_PER_UNIT: dict[str, int] = {
    "ns": 1,
    "us": 1_000,
    "\u00b5s": 1_000,  # micro sign
    "\u03bcs": 1_000,  # Greek small letter mu
    "ms": 1_000_000,
    "s": 1_000_000_000,
    "m": 60 * 1_000_000_000,
    "h": 3600 * 1_000_000_000,
}
_DURATION_PART = re.compile(r"(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)")


def parse_duration(text: str) -> int:
    """Parse a Go duration string (``"1m30s"``, ``"250ms"``, ``"-1.5h"``) into nanoseconds.

    Follows Go's ``time.ParseDuration``: a sequence of decimal numbers each with a unit, an
    optional leading sign, ``"0"`` alone allowed; fractions are truncated toward zero.
    """
    rest = text
    sign = 1
    if rest[:1] in "+-" and rest:
        sign = -1 if rest[0] == "-" else 1
        rest = rest[1:]
    if rest == "0":
        return 0
    if not rest:
        raise ValueError(f"invalid duration {text!r}")
    total = Fraction(0)
    pos = 0
    while pos < len(rest):
        match = _DURATION_PART.match(rest, pos)
        if match is None:
            raise ValueError(
                f"invalid duration {text!r}: expected a number with a unit (ns, us, ms, s, m, h)"
            )
        total += Fraction(match.group(1)) * _NS_PER_UNIT[match.group(2)]
        pos = match.end()
    nanos = sign * int(total)
    if not INT64_MIN <= nanos <= INT64_MAX:
        raise ValueError(f"invalid duration {text!r}: out of range")
    return nanos


def format_duration(nanos: int) -> str:
    """Render nanoseconds the way Go's ``time.Duration.String`` does (``1m30s``, ``250ms``, ``0s``)."""
    if nanos == 0:
        return "0s"
    sign = "-" if nanos < 0 else ""
    value = abs(nanos)
    if value < 1_000_000_000:
        for unit, size in (("ms", 1_000_000), ("\u00b5s", 1_000), ("ns", 1)):
            if value >= size:
                return sign + _decimal(value, size) + unit
    hours, value = divmod(value, 3600 * 1_000_000_000)
    minutes, value = divmod(value, 60 * 1_000_000_000)
    text = _decimal(value, 1_000_000_000) + "s"
    if hours or minutes:
        text = f"{minutes}m" + text
    if hours:
        text = f"{hours}h" + text
    return sign + text


def _decimal(value: int, unit: int) -> str:
    whole, frac = divmod(value, unit)
    if not frac:
        return str(whole)
    digits = len(str(unit)) - 1
    return f"{whole}.{frac:0{digits}d}".rstrip("0")


def nanoseconds(value: str | timedelta | int) -> int:
    """A duration as Nomad's integer nanoseconds, converted as the models convert keyword arguments.

    For code checked by mypy, where duration attributes are typed ``int``:
    ``RestartPolicy(delay=nanoseconds("25s"))``, ``nanoseconds(timedelta(minutes=5))``. Takes a Go
    duration string (``"1m30s"``), a ``timedelta`` (exact to the microsecond) or integer
    nanoseconds; raises :class:`TypeError` for anything else (a ``bool`` included) and
    :class:`ValueError` for a malformed string or a duration outside Go's ``int64`` range.
    """
    if isinstance(value, bool) or not isinstance(value, (str, timedelta, int)):
        kind = type(value).__name__
        raise TypeError(f"a duration is a Go duration string, a timedelta or integer nanoseconds, not {kind}")
    nanos = _python_duration(value)
    if not INT64_MIN <= nanos <= INT64_MAX:
        raise ValueError(f"duration {value!r} is out of range: Nomad's durations are int64 nanoseconds")
    return nanos


def _python_duration(value: str | timedelta | int) -> int:
    """Nanoseconds of a duration given in Python; ``ValueError`` for a malformed string."""
    if isinstance(value, timedelta):
        return (value.days * 86_400 + value.seconds) * 1_000_000_000 + value.microseconds * 1_000
    if isinstance(value, str):
        return parse_duration(value)
    return value


def _to_nanoseconds(value: object, info: ValidationInfo) -> object:
    if isinstance(value, str) and info.context is not None and info.context.get("nomad_wire"):
        raise PydanticCustomError(
            "duration_string",
            'durations are integer nanoseconds in Nomad\'s JSON, got the string "{text}"',
            {"text": value},
        )
    if not isinstance(value, (str, timedelta)):
        # Integers and anything else go on to the integer schema, which reports what is wrong.
        return value
    try:
        return _python_duration(value)
    except ValueError as err:
        raise PydanticCustomError("duration_format", "{reason}", {"reason": str(err)}) from None


class _Duration:
    """Validation of durations: integer nanoseconds on the wire, friendlier forms from Python.

    JSON input is checked in pydantic's core alone, without a Python call: a duration field sits
    in every task, check and event, and a call per field is a measurable part of parsing a job or
    an allocation list. Python input goes through :func:`_to_nanoseconds` first.
    """

    def __get_pydantic_core_schema__(self, source: object, handler: GetCoreSchemaHandler) -> CoreSchema:
        bounded = core_schema.int_schema(ge=INT64_MIN, le=INT64_MAX)
        # Any non-integer gets one fixed message: naming the string would take a Python call.
        integer = core_schema.custom_error_schema(
            core_schema.int_schema(strict=True),
            custom_error_type="duration_type",
            custom_error_message="durations are integer nanoseconds in Nomad's JSON",
        )
        return core_schema.json_or_python_schema(
            json_schema=core_schema.chain_schema([integer, bounded]),
            python_schema=core_schema.with_info_before_validator_function(_to_nanoseconds, bounded),
        )

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(core_schema.int_schema(ge=INT64_MIN, le=INT64_MAX))


#: Nanoseconds on the wire; in Python also a ``timedelta`` or a Go duration string such as ``"25s"``
#: (typed ``int``: code checked by mypy converts those with :func:`nanoseconds`).
Duration = Annotated[int, _Duration()]


def _zero_time_is_none(value: datetime | None) -> datetime | None:
    # Go's zero time.Time is 0001-01-01T00:00:00Z; some Nomad versions send it instead of null.
    if value is not None and value.year == 1:
        return None
    return value


#: RFC 3339 timestamp in responses (nanoseconds truncated to microseconds); Go's zero time is ``None``.
Timestamp = Annotated[datetime | None, Strict(False), AfterValidator(_zero_time_is_none)]
