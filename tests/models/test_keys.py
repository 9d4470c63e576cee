"""Attribute names and JSON keys: Python code may use either, data is read by JSON key only.

Nomad's Go decoder matches a JSON key to a field name case-insensitively, so ``task_groups`` is
never ``TaskGroups``. Data (``from_wire``, ``model_validate``, the client's answers) is read the
same way: a snake_case key is an unknown key, kept and sent exactly as given.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
from pydantic import TypeAdapter

from nomad_typed.models import Job, Resources, TaskGroup
from nomad_typed.models._types import WIRE_CONTEXT
from nomad_typed.models.requests import JobRegisterRequest
from nomad_typed.models.responses import JobListStub

SNAKE_JOB = {"ID": "x", "task_groups": [{"name": "g"}]}
NESTED_SNAKE_JOB = {
    "ID": "x",
    "TaskGroups": [{"Name": "g", "count": 3, "Tasks": [{"Name": "t", "kill_timeout": 5}]}],
}


def _wire_inputs(document: Mapping[str, object]) -> list[object]:
    text = json.dumps(document)
    return [document, text, text.encode(), {"Job": document}, json.dumps({"Job": document})]


@pytest.mark.parametrize(
    "data", _wire_inputs(SNAKE_JOB), ids=["dict", "str", "bytes", "envelope", "envelope-text"]
)
def test_from_wire_keeps_a_snake_case_key_as_an_unknown_key(data: object) -> None:
    job = Job.from_wire(data)  # type: ignore[arg-type]  # str, bytes or a dict, as parametrized
    assert job.task_groups is None
    assert job.model_fields_set == {"id"}
    assert job.unknown_fields() == ["task_groups"]
    assert job.to_dict() == SNAKE_JOB
    assert job.to_json() == '{"ID":"x","task_groups":[{"name":"g"}]}'


@pytest.mark.parametrize(
    "data", _wire_inputs(NESTED_SNAKE_JOB), ids=["dict", "str", "bytes", "envelope", "envelope-text"]
)
def test_nested_snake_case_keys_are_sent_exactly_as_given(data: object) -> None:
    job = Job.from_wire(data)  # type: ignore[arg-type]  # str, bytes or a dict, as parametrized
    assert job.task_groups is not None
    group = job.task_groups[0]
    assert (group.count, group["count"], group.keys()) == (None, 3, ["Name", "Tasks", "count"])
    assert "Count" not in group
    assert group.tasks is not None
    assert (group.tasks[0].kill_timeout, group.tasks[0]["kill_timeout"]) == (None, 5)
    assert job.unknown_fields() == ["TaskGroups[0].count", "TaskGroups[0].Tasks[0].kill_timeout"]
    # Without "Count": null or "KillTimeout": null, which would replace what Nomad defaults.
    assert job.to_dict() == NESTED_SNAKE_JOB


def test_json_key_and_attribute_name_side_by_side() -> None:
    group = TaskGroup.from_wire({"Name": "g", "name": "h"})
    assert (group.name, group["Name"], group["name"]) == ("g", "g", "h")
    assert group.to_dict() == {"Name": "g", "name": "h"}
    assert repr(group) == "TaskGroup(name='g', name='h')"


def test_model_validate_reads_json_keys_unless_asked_for_names() -> None:
    assert Job.model_validate(SNAKE_JOB).to_dict() == SNAKE_JOB
    assert Job.model_validate_json(json.dumps(NESTED_SNAKE_JOB)).to_dict() == NESTED_SNAKE_JOB
    by_name = Job.model_validate({"id": "x", "task_groups": [{"name": "g"}]}, by_name=True)
    assert by_name.to_dict() == {"ID": "x", "TaskGroups": [{"Name": "g"}]}


def test_request_envelope_reads_json_keys_only() -> None:
    request = JobRegisterRequest.model_validate(
        {"Job": {"ID": "x"}, "enforce_index": True, "JobModifyIndex": 7}, context=WIRE_CONTEXT
    )
    assert (request.enforce_index, request.job_modify_index) == (None, 7)
    assert request.to_dict() == {"Job": {"ID": "x"}, "JobModifyIndex": 7, "enforce_index": True}


def test_response_parsing_reads_json_keys_only() -> None:
    # The client parses answers with a TypeAdapter in pydantic's JSON mode, as here.
    adapter = TypeAdapter(list[JobListStub])
    (stub,) = adapter.validate_json(
        b'[{"ID": "x", "job_summary": null, "Status": "running"}]', context=WIRE_CONTEXT
    )
    assert (stub.id, stub.status, stub.job_summary) == ("x", "running", None)
    assert stub.unknown_fields() == ["job_summary"]


def test_keyword_construction_takes_attribute_names_at_any_depth() -> None:
    job = Job(id="x", task_groups=[{"name": "g", "Count": 2, "tasks": [{"name": "t"}]}])  # type: ignore[list-item]  # dicts are read as TaskGroup
    assert job.to_dict() == {"ID": "x", "TaskGroups": [{"Name": "g", "Count": 2, "Tasks": [{"Name": "t"}]}]}
    assert job.unknown_fields() == []


def test_assignment_takes_attribute_names_at_any_depth() -> None:
    group = TaskGroup(name="g")
    group.tasks = [{"name": "t", "resources": {"cpu": 100, "MemoryMB": 64}}]  # type: ignore[list-item]  # dicts are read as Task
    assert group.to_dict() == {
        "Name": "g",
        "Tasks": [{"Name": "t", "Resources": {"CPU": 100, "MemoryMB": 64}}],
    }


def test_assignment_leaves_an_unknown_key_spelt_like_the_attribute_alone() -> None:
    group = TaskGroup.from_wire({"Name": "g", "count": 3, "meta": {"a": "b"}})
    group.count = 2
    group.meta = {"k": "v"}
    assert (group.count, group.meta, group.__pydantic_extra__) == (
        2,
        {"k": "v"},
        {"count": 3, "meta": {"a": "b"}},
    )
    assert group.to_dict() == {"Name": "g", "Count": 2, "Meta": {"k": "v"}, "count": 3, "meta": {"a": "b"}}
    key = "Extra"
    setattr(group, key, 1)
    assert list(group.__pydantic_extra__.items()) == [("count", 3), ("meta", {"a": "b"}), ("Extra", 1)]
    assert group.count == 2


def test_resources_wire_dict_with_snake_case_key() -> None:
    resources = Resources.from_wire({"CPU": 100, "memory_mb": 256})
    assert (resources.cpu, resources.memory_mb) == (100, None)
    assert resources.to_dict() == {"CPU": 100, "memory_mb": 256}


# -- misspelt keyword arguments ------------------------------------------------------------------


def test_misspelt_keyword_is_a_type_error_with_a_suggestion() -> None:
    with pytest.raises(TypeError) as caught:
        Resources(cpu=100, memroy_mb=256)  # type: ignore[call-arg]  # the misspelling under test
    assert (
        str(caught.value)
        == "Resources() got an unexpected keyword argument 'memroy_mb'; did you mean 'memory_mb'?"
    )


def test_lowercase_keyword_without_a_close_attribute() -> None:
    with pytest.raises(TypeError) as caught:
        Job(id="x", frobnicate=True)  # type: ignore[call-arg]  # the unknown keyword under test
    assert str(caught.value) == "Job() got an unexpected keyword argument 'frobnicate'"


def test_lowercase_spelling_of_a_json_key_is_a_type_error() -> None:
    with pytest.raises(TypeError) as caught:
        TaskGroup(name="g", taskgroup="x", Count=1)  # type: ignore[call-arg]  # the unknown keyword under test
    assert str(caught.value) == "TaskGroup() got an unexpected keyword argument 'taskgroup'"


def test_pascal_case_keywords_are_wire_keys_and_are_kept() -> None:
    resources = Resources(cpu=100, MemoryMB=256, NewerNomadField=1)  # type: ignore[call-arg]  # wire keys
    assert resources.to_dict() == {"CPU": 100, "MemoryMB": 256, "NewerNomadField": 1}
    assert resources.unknown_fields() == ["NewerNomadField"]


def test_data_entry_points_keep_lowercase_keys() -> None:
    # Only keyword construction refuses them: data is Nomad's JSON, where they are unknown keys.
    assert Resources.from_wire({"memroy_mb": 256}).to_dict() == {"memroy_mb": 256}
    assert Resources.model_validate({"memroy_mb": 256}).unknown_fields() == ["memroy_mb"]
