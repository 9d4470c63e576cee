"""Layers 1 and 2: decoding like Nomad's Go decoder, and keys Nomad would drop."""

from __future__ import annotations

import json
import math

import pytest
from pydantic import ValidationError

from nomad_typed.models import Job
from nomad_typed.validation import Issue, validate_job
from tests.validation.base import job
from tests.validation.cases import RES, SVC, TG, T, drop, put


def _summary(issues: list[Issue]) -> list[tuple[str, str, str, str]]:
    return [(issue.severity, issue.rule, issue.path, issue.message) for issue in issues]


STRUCTURE_CASES = [
    (
        "cpu-string",
        put(f"{RES}.CPU", "lots"),
        "TaskGroups[0].Tasks[0].Resources.CPU",
        'expected an integer, got "lots"',
    ),
    (
        "memory-float",
        put(f"{RES}.MemoryMB", 1.5),
        "TaskGroups[0].Tasks[0].Resources.MemoryMB",
        "expected an integer, got 1.5",
    ),
    (
        "type-enum",
        put("Type", "servce"),
        "Type",
        'expected one of "service", "batch", "system", "sysbatch", got "servce"',
    ),
    ("leader-int", put(f"{T}.Leader", 1), "TaskGroups[0].Tasks[0].Leader", "expected a boolean, got 1"),
    (
        "duration-string",
        put(f"{T}.KillTimeout", "10s"),
        "TaskGroups[0].Tasks[0].KillTimeout",
        'durations are integer nanoseconds in Nomad\'s JSON, got the string "10s"',
    ),
    (
        "int8-range",
        put("Affinities", [{"LTarget": "${node.class}", "RTarget": "a", "Operand": "=", "Weight": 200}]),
        "Affinities[0].Weight",
        "must be between -128 and 127 (int8), got 200",
    ),
    (
        "uint16-list-item",
        put(
            f"{SVC}.Connect",
            {"SidecarService": {"Proxy": {"TransparentProxy": {"ExcludeOutboundPorts": [80, 70000]}}}},
        ),
        "TaskGroups[0].Services[0].Connect.SidecarService.Proxy.TransparentProxy.ExcludeOutboundPorts[1]",
        "must be between 0 and 65535 (uint16), got 70000",
    ),
    (
        "map-key",
        put(f"{TG}.Volumes", {"data": {"Type": "host", "Source": 5}}),
        'TaskGroups[0].Volumes["data"].Source',
        "expected a string, got 5",
    ),
    ("meta-value", put("Meta", {"owner": 1}), 'Meta["owner"]', "expected a string, got 1"),
    ("meta-list", put("Meta", []), "Meta", "expected an object, got []"),
    ("groups-object", put("TaskGroups", {}), "TaskGroups", "expected an array, got {}"),
    ("block-string", put("Periodic", "daily"), "Periodic", 'expected an object, got "daily"'),
    (
        "hook-enum",
        put(f"{T}.Lifecycle", {"Hook": "pre"}),
        "TaskGroups[0].Tasks[0].Lifecycle.Hook",
        'expected one of "prestart", "poststart", "poststop", got "pre"',
    ),
    # Free-form objects: the path goes on inside the object, to the value JSON cannot carry.
    (
        "config-set",
        put(f"{T}.Config", {"command": "/bin/date", "args": {1, 2}}),
        'TaskGroups[0].Tasks[0].Config["args"]',
        "set is not a JSON value",
    ),
    (
        "config-nan",
        put(f"{T}.Config", {"a": [1, math.nan]}),
        'TaskGroups[0].Tasks[0].Config["a"][1]',
        "nan is not a JSON value",
    ),
    (
        "config-infinity-nested-lists",
        put(f"{T}.Config", {"a": [[0], [1, math.inf]]}),
        'TaskGroups[0].Tasks[0].Config["a"][1][1]',
        "inf is not a JSON value",
    ),
    (
        "config-key",
        put(f"{T}.Config", {"image": "redis", 7: "x"}),
        "TaskGroups[0].Tasks[0].Config",
        "the key 7 is not a JSON value",
    ),
    (
        "config-nested-key",
        put(f"{T}.Config", {"labels": {"a": "b", None: "c"}}),
        'TaskGroups[0].Tasks[0].Config["labels"]',
        "the key None is not a JSON value",
    ),
    (
        "config-quoted-key",
        put(f"{T}.Config", {'we"ird': {"x": [-math.inf]}}),
        'TaskGroups[0].Tasks[0].Config["we\\"ird"]["x"][0]',
        "-inf is not a JSON value",
    ),
    (
        "scaling-policy-nan",
        put(f"{TG}.Scaling", {"Min": 1, "Max": 20, "Policy": {"check": [{"q": math.nan}]}}),
        'TaskGroups[0].Scaling.Policy["check"][0]["q"]',
        "nan is not a JSON value",
    ),
]


@pytest.mark.parametrize(
    ("patch", "path", "message"), [c[1:] for c in STRUCTURE_CASES], ids=[c[0] for c in STRUCTURE_CASES]
)
def test_structural_error(patch: object, path: str, message: str) -> None:
    issues = validate_job(job(patch))  # type: ignore[arg-type]
    assert _summary(issues) == [("error", "structure", path, message)]


def test_all_structural_errors_reported_and_semantic_layer_skipped() -> None:
    document = job(put(f"{RES}.CPU", "lots"), put(f"{T}.Leader", 1), put("ID", ""))
    assert _summary(validate_job(document)) == [
        ("error", "structure", "TaskGroups[0].Tasks[0].Resources.CPU", 'expected an integer, got "lots"'),
        ("error", "structure", "TaskGroups[0].Tasks[0].Leader", "expected a boolean, got 1"),
    ]


def test_nan_in_json_text_is_located_inside_config() -> None:
    # Python's json module reads NaN and Infinity literals; they reach the free-form check.
    text = json.dumps(job(put(f"{T}.Config", {"args": ["-x", math.nan]}), put(f"{RES}.CPU", "lots")))
    assert _summary(validate_job(text)) == [
        ("error", "structure", 'TaskGroups[0].Tasks[0].Config["args"][1]', "nan is not a JSON value"),
        ("error", "structure", "TaskGroups[0].Tasks[0].Resources.CPU", 'expected an integer, got "lots"'),
    ]


def test_free_form_error_carries_the_inner_location() -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(job(put(f"{T}.Config", {"a": [1, math.nan]})))
    (detail,) = caught.value.errors(include_url=False)
    assert (detail["type"], detail["loc"], detail["msg"], detail.get("ctx")) == (
        "json_value",
        ("TaskGroups", 0, "Tasks", 0, "Config"),
        'nan is not a JSON value (at ["a"][1])',
        {"where": '["a"][1]', "kind": "nan"},
    )


def test_hcl_json_document_is_one_clear_issue() -> None:
    issues = validate_job({"job": [{"example": [{"group": [{"cache": [{}]}]}]}]})
    assert len(issues) == 1
    assert (issues[0].severity, issues[0].rule, issues[0].path) == ("error", "structure", "job")
    assert issues[0].message.startswith("this is a jobspec in HCL's JSON syntax (a lowercase `job` block)")


def test_invalid_json_text() -> None:
    issues = validate_job('{"Job": ')
    assert [(issue.rule, issue.path) for issue in issues] == [("structure", "")]
    assert issues[0].message == "Invalid JSON: EOF while parsing a value at line 1 column 8"
    assert str(issues[0]) == issues[0].message


def test_envelope_text_and_model_inputs_agree() -> None:
    document = job(put("ID", "my job"))
    expected = [("error", "V022", "ID", "Job ID contains a space")]
    assert _summary(validate_job({"Job": document})) == expected
    assert _summary(validate_job(json.dumps({"Job": document}))) == expected
    assert _summary(validate_job(json.dumps(document).encode())) == expected
    assert _summary(validate_job(Job.from_wire(document))) == expected
    assert _summary(validate_job({"Job": Job.from_wire(document)})) == expected


def test_issue_str() -> None:
    issue = Issue("error", "TaskGroups[0].Taks", 'unknown field; did you mean "Tasks"?', "unknown-field")
    assert str(issue) == 'TaskGroups[0].Taks: unknown field; did you mean "Tasks"?'


def test_unknown_field_with_suggestion() -> None:
    document = job(lambda d: d["TaskGroups"][0].update({"Taks": []}))  # type: ignore[index]
    assert _summary(validate_job(document)) == [
        ("error", "unknown-field", "TaskGroups[0].Taks", 'unknown field; did you mean "Tasks"?')
    ]


def test_unknown_field_without_suggestion() -> None:
    document = job(put("Frobnicate", True))
    assert _summary(validate_job(document)) == [
        ("error", "unknown-field", "Frobnicate", "unknown field; Nomad ignores it (Job has no such field)")
    ]


def test_case_insensitive_key_is_read_like_go() -> None:
    document = job(lambda d: d.update({"taskgroups": d.pop("TaskGroups")}), put("taskgroups.0.Count", -1))
    assert _summary(validate_job(document)) == [
        (
            "warning",
            "key-case",
            "taskgroups",
            'Nomad reads this key as "TaskGroups" (it matches keys case-insensitively); write "TaskGroups"',
        ),
        ("error", "V052", "taskgroups[0].Count", "Task group count can't be negative"),
    ]


def test_a_job_nomad_accepts_with_a_lowercase_key_has_warnings_only() -> None:
    document = job(lambda d: d.update({"datacenters": d.pop("Datacenters")}))
    assert _summary(validate_job(document)) == [
        (
            "warning",
            "key-case",
            "datacenters",
            'Nomad reads this key as "Datacenters" (it matches keys case-insensitively); write "Datacenters"',
        )
    ]


def test_a_key_given_in_two_spellings() -> None:
    # Nomad decodes both into Count; the exact spelling is the one checked.
    document = job(put(f"{TG}.count", -1))
    assert _summary(validate_job(document)) == [
        (
            "warning",
            "key-case",
            "TaskGroups[0].count",
            'Nomad also reads this key into "Count", which is given as well: both are decoded into that'
            ' field, in document order, and only "Count" is checked here; remove one of them',
        )
    ]


def test_structural_error_under_a_case_insensitive_key_keeps_the_users_spelling() -> None:
    document = job(lambda d: d.update({"taskgroups": d.pop("TaskGroups")}), put("taskgroups.0.Count", "x"))
    assert _summary(validate_job(document)) == [
        ("error", "structure", "taskgroups[0].Count", 'expected an integer, got "x"')
    ]


def test_case_insensitive_key_allowed() -> None:
    document = job(lambda d: d.update({"taskGroups": d.pop("TaskGroups")}))
    assert validate_job(document, allow_unknown_fields=True) == []


def test_snake_case_name_is_an_unknown_key_like_in_go() -> None:
    document = job(lambda d: d.update({"task_groups": d.pop("TaskGroups")}))
    assert _summary(validate_job(document)) == [
        (
            "error",
            "unknown-field",
            "task_groups",
            'unknown field; did you mean "TaskGroups"? Nomad ignores snake_case names in JSON',
        ),
        ("error", "V031", "", "Missing job task groups"),
    ]


def test_nested_snake_case_name_is_reported_and_the_field_stays_unset() -> None:
    # Nomad reads no memory here and applies its default, so V316 (at least 10 MB) does not fire.
    document = job(drop(f"{RES}.MemoryMB"), put(f"{RES}.memory_mb", 5))
    assert _summary(validate_job(document)) == [
        (
            "error",
            "unknown-field",
            "TaskGroups[0].Tasks[0].Resources.memory_mb",
            'unknown field; did you mean "MemoryMB"? Nomad ignores snake_case names in JSON',
        )
    ]
    assert _summary(validate_job(document, allow_unknown_fields=True)) == []


def test_legacy_fields_are_warnings_even_when_unknown_fields_are_allowed() -> None:
    document = job(put("VaultToken", ""), lambda d: d["TaskGroups"][0]["Services"][0].update({"Id": ""}))  # type: ignore[index]
    expected = [
        (
            "warning",
            "legacy-field",
            "VaultToken",
            '"VaultToken" was removed in Nomad 1.10 with the legacy Vault token workflow; Nomad ignores it',
        ),
        (
            "warning",
            "legacy-field",
            "TaskGroups[0].Services[0].Id",
            '"Id" was removed in Nomad 1.3 (it was never used); Nomad ignores it',
        ),
    ]
    assert _summary(validate_job(document)) == expected
    assert _summary(validate_job(document, allow_unknown_fields=True)) == expected


def test_unknown_fields_allowed() -> None:
    document = job(put("Frobnicate", True), put(f"{T}.Nonsense", 1))
    assert validate_job(document, allow_unknown_fields=True) == []


def test_unknown_field_on_model_input() -> None:
    model = Job.from_wire(job(put(f"{SVC}.PortLable", "http")))
    assert _summary(validate_job(model)) == [
        (
            "error",
            "unknown-field",
            "TaskGroups[0].Services[0].PortLable",
            'unknown field; did you mean "PortLabel"?',
        )
    ]


def test_document_that_is_not_an_object() -> None:
    assert _summary(validate_job("[1, 2]")) == [("error", "structure", "", "expected an object, got [1, 2]")]
