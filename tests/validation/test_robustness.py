"""validate_job on hostile or ambiguous input: floods of unknown keys, non-jobs, unencodable strings."""

from __future__ import annotations

import json
import time
from typing import cast

import pytest
from pydantic import ValidationError

from nomad_typed.models import Job, Task, TaskGroup
from nomad_typed.validation import Issue, validate_job
from nomad_typed.validation._unknown import MAX_SUGGESTED_KEYS
from tests.validation.base import Patch, group, job, task
from tests.validation.cases import T, put


def _summary(issues: list[Issue]) -> list[tuple[str, str, str, str]]:
    return [(issue.severity, issue.rule, issue.path, issue.message) for issue in issues]


def _parser_message(text: str | bytes) -> str:
    """What Job.from_wire says about ``text``: validate_job must report exactly that."""
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(text)
    (error,) = caught.value.errors()
    return error["msg"]


# ---- unknown keys: suggestions are bounded ------------------------------------------------------

NO_FIELD = "unknown field; Nomad ignores it (Job has no such field)"
NO_SUGGESTION = f"unknown field; Nomad ignores it (no suggestion past {MAX_SUGGESTED_KEYS} unknown keys)"


def test_suggestions_stop_after_the_bound_but_repeat_for_keys_already_seen() -> None:
    document = job(put(f"{T}.Drver", "exec"))
    zq_keys = [f"Zq{index:05d}" for index in range(MAX_SUGGESTED_KEYS - 1)]
    document.update(dict.fromkeys(zq_keys, 1))
    second = {**task(document), "Name": "other", "Zz": 1}
    group(document)["Tasks"] = [task(document), second]
    unknown = ("error", "unknown-field")
    # Job keys come first, then the tasks': the first task's typo is the last one suggested for.
    assert _summary(validate_job(document)) == [
        *[(*unknown, key, NO_FIELD) for key in zq_keys],
        (*unknown, "TaskGroups[0].Tasks[0].Drver", 'unknown field; did you mean "Driver"?'),
        (*unknown, "TaskGroups[0].Tasks[1].Drver", 'unknown field; did you mean "Driver"?'),
        (*unknown, "TaskGroups[0].Tasks[1].Zz", NO_SUGGESTION),
    ]


def test_a_hundred_thousand_unknown_keys_are_reported_quickly() -> None:
    document = job()
    keys = [f"Unknown{index}" for index in range(100_000)]
    document.update(dict.fromkeys(keys, 1))
    started = time.monotonic()
    issues = validate_job(document)
    elapsed = time.monotonic() - started
    assert [issue.path for issue in issues] == keys
    assert {issue.message for issue in issues[:MAX_SUGGESTED_KEYS]} == {NO_FIELD}
    assert {issue.message for issue in issues[MAX_SUGGESTED_KEYS:]} == {NO_SUGGESTION}
    # A suggestion for every key took 11.7 s; the bounded ones take well under a second.
    assert elapsed < 4.0


# ---- what validate_job takes: a Job, a mapping, or JSON text -----------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [('"x"', '"x"'), ("[1, 2]", "[1, 2]"), ("null", "null"), (b"7", "7")],
    ids=["string", "array", "null", "number-bytes"],
)
def test_json_text_that_is_not_an_object(text: str | bytes, shown: str) -> None:
    assert _summary(validate_job(text)) == [("error", "structure", "", f"expected an object, got {shown}")]


@pytest.mark.parametrize(
    "text",
    ["x", '{"ID": ', b'{"ID": NaN', '{"ID": "x y"}'.encode("utf-16"), b'{"ID": "\xff"}'],
    ids=["bare-word", "truncated", "truncated-bytes", "utf-16", "invalid-utf-8"],
)
def test_text_that_is_not_json_gets_the_parsers_message(text: str | bytes) -> None:
    assert _summary(validate_job(text)) == [("error", "structure", "", _parser_message(text))]


def test_a_str_is_json_text_even_when_it_came_from_decoding() -> None:
    # json.loads of a file holding the JSON string "x" gives the str "x": that is read as text.
    decoded = json.loads('"x"')
    assert _summary(validate_job(decoded)) == [("error", "structure", "", _parser_message("x"))]


@pytest.mark.parametrize(("value", "shown"), [([1, 2], "[1, 2]"), (None, "null"), (7, "7"), (True, "true")])
def test_decoded_values_that_are_not_objects(value: object, shown: str) -> None:
    issues = validate_job(value)  # type: ignore[arg-type]  # what json.load may return
    assert _summary(issues) == [("error", "structure", "", f"expected an object, got {shown}")]


def test_utf8_bytes_with_a_byte_order_mark_are_read() -> None:
    text = b"\xef\xbb\xbf" + json.dumps(job(put("ID", "my job"))).encode()
    assert _summary(validate_job(text)) == [("error", "V022", "ID", "Job ID contains a space")]


# ---- strings no JSON text can carry ---------------------------------------------------------------


def _unencodable(path: str, what: str, surrogate: str) -> tuple[str, str, str, str]:
    message = f"{what} with a lone surrogate ({surrogate}) cannot be written as UTF-8 JSON for Nomad"
    return ("error", "structure", path, message)


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        (put("ID", "my\udc80job"), [_unencodable("ID", "text", "\\udc80")]),
        (
            put(f"{T}.Config", {"k\udc80": 1}),
            [_unencodable('TaskGroups[0].Tasks[0].Config["k\udc80"]', "key", "\\udc80")],
        ),
        (put("Meta", {"owner": "x\ud800"}), [_unencodable('Meta["owner"]', "text", "\\ud800")]),
        (
            put("Extra\udc80", {"a": ["ok", "b\udfff"]}),
            [
                _unencodable("Extra\udc80", "key", "\\udc80"),
                _unencodable('Extra\udc80["a"][1]', "text", "\\udfff"),
            ],
        ),
        (
            put("Priority", "high"),
            [("error", "structure", "Priority", 'expected an integer, got "high"')],
        ),
    ],
    ids=["field", "config-key", "map-value", "unknown-key", "no-surrogate"],
)
def test_lone_surrogates_are_structure_issues_at_their_place(
    patch: Patch, expected: list[tuple[str, str, str, str]]
) -> None:
    document = job(patch)
    assert _summary(validate_job(document)) == expected


def test_lone_surrogates_next_to_other_structure_errors() -> None:
    document = job(put("Priority", "high"), put("Name", "web\udc80"))
    assert _summary(validate_job(document)) == [
        ("error", "structure", "Priority", 'expected an integer, got "high"'),
        _unencodable("Name", "text", "\\udc80"),
    ]


def test_a_lone_surrogate_escape_in_json_text() -> None:
    text = json.dumps(job(put("Name", "web\ud800")))
    assert '"web\\ud800"' in text
    assert _summary(validate_job(text)) == [_unencodable("Name", "text", "\\ud800")]


def test_a_job_model_holding_a_lone_surrogate() -> None:
    model = Job.from_wire(job())
    assert validate_job(model) == []
    groups = cast("list[TaskGroup]", model.task_groups)
    tasks = cast("list[Task]", groups[0].tasks)
    config = cast("dict[str, object]", tasks[0].config)
    config["k\udc80"] = "v"
    assert _summary(validate_job(model)) == [
        _unencodable('TaskGroups[0].Tasks[0].Config["k\udc80"]', "key", "\\udc80")
    ]


# ---- a Job model changed in place after it was built ---------------------------------------------


def _model_and_config() -> tuple[Job, dict[str, object]]:
    model = Job.from_wire(job())
    groups = cast("list[TaskGroup]", model.task_groups)
    tasks = cast("list[Task]", groups[0].tasks)
    return model, cast("dict[str, object]", tasks[0].config)


def _nested(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = [value]
    return value


CONFIG_X = 'TaskGroups[0].Tasks[0].Config["x"]'
TOO_DEEP = "arrays and objects nested more than 200 levels deep"


@pytest.mark.parametrize(
    ("value", "path", "message"),
    [
        (float("nan"), CONFIG_X, "nan is not a JSON value"),
        (object(), CONFIG_X, "object is not a JSON value"),
        ({"y": [1, {2: 3}]}, f'{CONFIG_X}["y"][1]', "the key 2 is not a JSON value"),
        (_nested(300), "TaskGroups[0].Tasks[0].Config", TOO_DEEP),
    ],
    ids=["nan", "object", "int-key", "too-deep"],
)
def test_a_free_form_value_changed_in_place_is_a_structure_issue(
    value: object, path: str, message: str
) -> None:
    model, config = _model_and_config()
    config["x"] = value
    assert _summary(validate_job(model)) == [("error", "structure", path, message)]


def test_every_value_json_cannot_carry_is_reported() -> None:
    model, config = _model_and_config()
    config["x"] = float("inf")
    meta = cast("dict[str, object]", model.meta)
    meta["deep"] = _nested(300)  # past pydantic's own limit: "Maximum serialization depth exceeded"
    assert _summary(validate_job(model)) == [
        ("error", "structure", CONFIG_X, "inf is not a JSON value"),
        ("error", "structure", 'Meta["deep"]', TOO_DEEP),
    ]


def test_a_typed_map_changed_in_place_is_checked_like_a_document() -> None:
    # Pydantic writes such values with a warning only; Nomad would refuse them.
    model, _ = _model_and_config()
    meta = cast("dict[str, object]", model.meta)
    meta["count"] = 3
    meta["nested"] = {1: "x"}
    assert _summary(validate_job(model)) == [
        ("error", "structure", 'Meta["count"]', "expected a string, got 3"),
        ("error", "structure", 'Meta["nested"]', 'expected a string, got {"1": "x"}'),
    ]


def test_a_declared_field_set_past_validation() -> None:
    model, _ = _model_and_config()
    model.__dict__["name"] = object()
    assert _summary(validate_job(model)) == [("error", "structure", "Name", "object is not a JSON value")]


def test_a_serialization_failure_not_located_is_reported_for_the_job(monkeypatch: pytest.MonkeyPatch) -> None:
    model, config = _model_and_config()
    config["x"] = float("nan")
    monkeypatch.setattr("nomad_typed.validation.wire_problems", lambda job: iter(()))
    assert _summary(validate_job(model)) == [
        ("error", "structure", "", 'the job cannot be written as JSON: nan is not a JSON value (at ["x"])')
    ]
