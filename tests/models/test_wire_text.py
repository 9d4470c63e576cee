"""JSON text read by pydantic's JSON mode: the same models and errors as the decoded document.

``from_wire(text)`` builds models straight from the text and only decodes it first when that
fast path has no answer (an error, a wrapped or HCL-JSON document). Free-form values and the
values of unknown keys are checked alike on both paths: JSON types, no NaN or infinity, at most
``MAX_NESTING`` levels.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import assume, given, settings, strategies as st
from pydantic import ValidationError

from nomad_typed.models import Job, JSONValue, NomadModel, RestartPolicy, Task
from nomad_typed.models._base import MAX_NESTING
from nomad_typed.models.responses import AllocListStub
from tests.conftest import CORPUS
from tests.models.strategies import JSON_VALUES, TEXT, model_strategy
from tests.models.test_jobspec import JOB_FILES, JOB_SHAPED

ErrorSummary = list[tuple[str, tuple[str | int, ...], str]]


def _outcome(model: type[NomadModel], data: object) -> NomadModel | ErrorSummary:
    try:
        return model.from_wire(data)  # type: ignore[arg-type]  # any JSON value may arrive
    except ValidationError as error:
        return [(e["type"], e["loc"], e["msg"]) for e in error.errors()]


def _errors(model: type[NomadModel], data: object) -> ErrorSummary:
    outcome = _outcome(model, data)
    assert isinstance(outcome, list), outcome
    return outcome


# -- text and decoded document agree -------------------------------------------------------------


@pytest.mark.parametrize("path", JOB_FILES, ids=[path.name for path in JOB_FILES])
def test_corpus_text_and_document_give_the_same_job(path: Path) -> None:
    text = path.read_bytes()
    from_text = Job.from_wire(text)
    from_document = Job.from_wire(json.loads(text))
    assert from_text == from_document
    assert from_text.to_dict() == from_document.to_dict()


# Any float, NaN and infinities included (json.dumps writes them as NaN and Infinity); text without
# lone surrogates, which JSON text cannot carry but a Python str can.
ANY_FLOATS = st.recursive(
    st.floats() | TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["Config", "ID", "X"]), inner)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES | JOB_SHAPED | ANY_FLOATS, st.booleans())
def test_any_text_reads_like_its_decoded_document(document: object, wrapped: bool) -> None:
    if wrapped:
        document = {"Job": document}
    # A decoded string would be read as JSON text itself.
    assume(not isinstance(document, str))
    text = json.dumps(document)
    assert _outcome(Job, text) == _outcome(Job, json.loads(text))


@settings(max_examples=40, deadline=None)
@given(model_strategy(Job))
def test_generated_job_text_reads_like_its_document(job: NomadModel) -> None:
    text = job.to_json()
    assert Job.from_wire(text) == Job.from_wire(json.loads(text)) == job
    assert Job.from_wire(f'{{"Job": {text}}}') == job


# -- wrapped, unwrapped and HCL-JSON documents ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('{"Job": {"ID": "a"}}', {"ID": "a"}, id="envelope"),
        pytest.param(' \n\t{ "Job" :{"ID": "a"}}\r\n', {"ID": "a"}, id="envelope with spaces"),
        pytest.param(b'\xef\xbb\xbf{"Job": {"ID": "a"}}', {"ID": "a"}, id="UTF-8 BOM"),
        # Keys next to the wrapped job are dropped, whatever they hold, as for a decoded document.
        pytest.param('{"Job": {"ID": "a"}, "Other": NaN}', {"ID": "a"}, id="envelope with a sibling"),
        pytest.param('{"ID": "b", "Job": {"ID": "a"}}', {"ID": "a"}, id="envelope key not first"),
        pytest.param('{"\\u004aob": {"ID": "a"}}', {"ID": "a"}, id="escaped envelope key"),
        pytest.param('{"Job": "x", "ID": "b"}', {"ID": "b", "Job": "x"}, id="Job that is not an object"),
        pytest.param('{"job": [1], "ID": "b"}', {"ID": "b", "job": [1]}, id="lowercase job next to an ID"),
        pytest.param(
            '{"ID": "b", "Extra": {"a": [1, 2.5]}}', {"ID": "b", "Extra": {"a": [1, 2.5]}}, id="bare"
        ),
    ],
)
def test_wrapping_is_read_as_in_a_decoded_document(text: str | bytes, expected: dict[str, object]) -> None:
    assert Job.from_wire(text).to_dict() == expected


def test_envelope_holding_a_job_model_gives_that_job() -> None:
    # python-nomad style read-modify-write: the job read is put back into an envelope.
    job = Job.from_wire({"ID": "a", "TaskGroups": [{"Name": "g"}], "Extra": 1})
    assert Job.from_wire({"Job": job}) is job
    assert Job.from_wire({"Job": job, "EnforceIndex": True}) is job
    assert Job.from_wire({"Job": job}).to_dict() == {"ID": "a", "TaskGroups": [{"Name": "g"}], "Extra": 1}


def test_envelope_holding_another_model_is_refused() -> None:
    assert _errors(Job, {"Job": Task(name="t")}) == [
        ("model_type", (), "Input should be a valid dictionary or instance of Job")
    ]


def test_hcl_json_text_is_refused_at_the_job_block() -> None:
    errors = _errors(Job, '{"job": [{"example": [{"group": []}]}]}')
    assert [(error_type, loc) for error_type, loc, _ in errors] == [("hcl_json", ("job",))]


def test_errors_in_a_wrapped_job_are_located_in_the_job() -> None:
    text = '{"Job": {"TaskGroups": [{"Count": "2", "RestartPolicy": {"Delay": "25s"}}]}}'
    assert _errors(Job, text) == [
        ("int_type", ("TaskGroups", 0, "Count"), "Input should be a valid integer"),
        (
            "duration_string",
            ("TaskGroups", 0, "RestartPolicy", "Delay"),
            'durations are integer nanoseconds in Nomad\'s JSON, got the string "25s"',
        ),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"Job": ', "Invalid JSON: EOF while parsing a value at line 1 column 8"),
        ('{"ID": "a"} x', "Invalid JSON: trailing characters at line 1 column 13"),
        (b"\xef\xbb\xbf\xef\xbb\xbf{}", "Invalid JSON: expected value at line 1 column 1"),
        ("\ufeff{}", "Invalid JSON: expected value at line 1 column 1"),
        (
            "[" * (MAX_NESTING + 2),
            f"Invalid JSON: recursion limit exceeded at line 1 column {MAX_NESTING + 2}",
        ),
    ],
)
def test_text_that_is_not_json(text: str | bytes, message: str) -> None:
    assert _errors(Job, text) == [("json_invalid", (), message)]


def test_a_list_model_reads_text_like_a_document() -> None:
    [stub] = json.loads(
        (CORPUS / "responses/job_allocations/docs-v2.0.x_list-job-allocations.json").read_bytes()
    )
    text = json.dumps(stub)
    assert AllocListStub.from_wire(text) == AllocListStub.from_wire(stub)
    assert AllocListStub.from_wire(text).unknown_fields() == ["PreviousAllocation"]


# -- durations in JSON mode ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ['"25s"', "2.5", "true", "[1]", '{"a": 1}'])
def test_json_mode_durations_are_integers(value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        RestartPolicy.model_validate_json(f'{{"Delay": {value}}}')
    assert [(e["type"], e["loc"], e["msg"]) for e in caught.value.errors()] == [
        ("duration_type", ("Delay",), "durations are integer nanoseconds in Nomad's JSON")
    ]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (2**63, ("less_than_equal", "Input should be less than or equal to 9223372036854775807")),
        (
            -(2**63) - 1,
            ("greater_than_equal", "Input should be greater than or equal to -9223372036854775808"),
        ),
    ],
)
def test_json_mode_durations_are_int64(value: int, error: tuple[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        RestartPolicy.model_validate_json(f'{{"Delay": {value}}}')
    assert [(e["type"], e["loc"], e["msg"]) for e in caught.value.errors()] == [
        (error[0], ("Delay",), error[1])
    ]


def test_json_mode_duration_bounds_are_inclusive() -> None:
    policy = RestartPolicy.model_validate_json(f'{{"Delay": {2**63 - 1}, "Interval": {-(2**63)}}}')
    assert (policy.delay, policy.interval) == (2**63 - 1, -(2**63))


# -- values of unknown keys ----------------------------------------------------------------------


def test_unknown_keys_keep_any_json_value() -> None:
    value: dict[str, object] = {"a": [1, 2.5, None, True, "x", {"b": []}]}
    job = Job.from_wire(json.dumps({"ID": "x", "Extra": value}))
    assert job["Extra"] == value
    assert Job(id="x", Extra=value).to_dict() == {"ID": "x", "Extra": value}  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("value", "message", "context"),
    [
        (math.nan, "nan is not a JSON value", {"where": "", "kind": "nan"}),
        (
            {"a": [1, -math.inf]},
            '-inf is not a JSON value (at ["a"][1])',
            {"where": '["a"][1]', "kind": "-inf"},
        ),
        ((1, 2), "tuple is not a JSON value", {"where": "", "kind": "tuple"}),
        ([{1: "a"}], "the key 1 is not a JSON value (at [0])", {"where": "[0]", "kind": "the key 1"}),
        ({"a": {1, 2}}, 'set is not a JSON value (at ["a"])', {"where": '["a"]', "kind": "set"}),
    ],
)
def test_unknown_keys_refuse_what_json_cannot_carry(value: object, message: str, context: object) -> None:
    for data in ({"ID": "x", "Extra": value}, {"Tasks": [{"Extra": value}]}):
        with pytest.raises(ValidationError) as caught:
            Job.from_wire({"TaskGroups": [data]})
        (error,) = caught.value.errors(include_url=False)
        prefix = ("TaskGroups", 0) if "ID" in data else ("TaskGroups", 0, "Tasks", 0)
        assert (error["type"], error["loc"], error["msg"], error.get("ctx")) == (
            "json_value",
            (*prefix, "Extra"),
            message,
            context,
        )


def test_unknown_keys_in_text_refuse_nan_and_infinity() -> None:
    with pytest.raises(ValidationError) as caught:
        Job.model_validate_json('{"Extra": {"a": [1, Infinity]}}')
    (error,) = caught.value.errors(include_url=False)
    assert (error["type"], error["loc"], error["msg"], error.get("ctx")) == (
        "json_value",
        ("Extra",),
        'inf is not a JSON value (at ["a"][1])',
        {"where": '["a"][1]', "kind": "inf"},
    )


def test_unknown_keys_are_checked_on_assignment() -> None:
    job = Job(id="x")
    job.Extra = [1]  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as caught:
        job.Other = [math.nan]  # type: ignore[attr-defined]
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [("json_value", ("Other",))]
    assert job.to_dict() == {"ID": "x", "Extra": [1]}


# -- free-form objects in JSON mode --------------------------------------------------------------


def test_json_mode_free_form_object_refuses_nan() -> None:
    with pytest.raises(ValidationError) as caught:
        Task.model_validate_json('{"Config": {"args": ["-x", NaN]}}')
    (error,) = caught.value.errors(include_url=False)
    assert (error["type"], error["loc"], error["msg"], error.get("ctx")) == (
        "json_value",
        ("Config",),
        'nan is not a JSON value (at ["args"][1])',
        {"where": '["args"][1]', "kind": "nan"},
    )


@pytest.mark.parametrize(("value", "kind"), [("[]", "list"), ('"x"', "str"), ("1.5", "float")])
def test_free_form_object_must_be_an_object(value: str, kind: str) -> None:
    for parse in (Task.model_validate_json, lambda text: Task.from_wire(json.loads(text))):
        with pytest.raises(ValidationError) as caught:
            parse(f'{{"Config": {value}}}')
        assert [(e["type"], e["loc"], e["msg"]) for e in caught.value.errors()] == [
            ("dict_type", ("Config",), f"expected a JSON object, got {kind}")
        ]


def test_free_form_object_from_python_is_a_copy() -> None:
    config: dict[str, JSONValue] = {"image": "redis:7"}
    task = Task(config=config)
    config["image"] = "changed"
    assert task.config == {"image": "redis:7"}


# -- nesting of Python values --------------------------------------------------------------------


def _nested(levels: int, leaf: object = None) -> object:
    """``levels`` objects, each the only value of the one above, without recursion."""
    value: object = {"leaf": leaf}
    for _ in range(levels - 1):
        value = {"a": value}
    return value


def test_nesting_up_to_the_limit_is_accepted() -> None:
    job = Job(id="x", Extra=_nested(MAX_NESTING))  # type: ignore[call-arg]
    assert job.to_dict()["Extra"] == _nested(MAX_NESTING)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(_nested(MAX_NESTING + 1), "json_nesting", id="too deep"),
        pytest.param([_nested(MAX_NESTING), math.nan], "json_nesting", id="too deep, then nan"),
        pytest.param([math.nan, _nested(MAX_NESTING)], "json_value", id="nan, then too deep"),
    ],
)
def test_first_problem_in_document_order_is_reported(value: object, expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Job(id="x", Extra=value)  # type: ignore[call-arg]
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [(expected, ("Extra",))]
