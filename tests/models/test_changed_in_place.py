"""Free-form values and unknown keys changed in place after validation, then written as JSON.

Validation checks what is given; a dict or list changed afterwards (``task.config["x"] = nan``)
is not validated again. Writing the model as JSON checks free-form values once more, so such a
value fails loudly, at its JSON path, instead of being sent as ``null`` or breaking later.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import cast

import pytest
from pydantic_core import PydanticSerializationError

from nomad_typed.models import Job, JSONValue, Task, TaskGroup
from nomad_typed.models._base import wire_problems
from nomad_typed.models._types import MAX_NESTING

CONFIG = 'TaskGroups[0].Tasks[0].Config["x"]'


def _job() -> tuple[Job, Task]:
    task = Task(name="t", driver="docker", config={"image": "redis"})
    return Job(id="j", task_groups=[TaskGroup(name="g", tasks=[task])]), task


def _nested(levels: int) -> object:
    value: object = 1
    for _ in range(levels):
        value = [value]
    return value


def _written(job: Job) -> list[str]:
    """The messages of to_dict() and to_json(), which must agree."""
    messages = []
    for write in (job.to_dict, job.to_json):
        with pytest.raises(PydanticSerializationError) as caught:
            write()
        messages.append(str(caught.value))
    return messages


def _cycle() -> dict[str, object]:
    cycle: dict[str, object] = {}
    cycle["a"] = cycle
    cycle["b"] = cycle
    return cycle


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), f"{CONFIG}: nan is not a JSON value"),
        (float("-inf"), f"{CONFIG}: -inf is not a JSON value"),
        (object(), f"{CONFIG}: object is not a JSON value"),
        ({"k": [1, {2: 3}]}, f'{CONFIG}["k"][1]: the key 2 is not a JSON value'),
        (datetime(2024, 1, 2, tzinfo=timezone.utc), f"{CONFIG}: datetime is not a JSON value"),
        (_nested(MAX_NESTING), f"{CONFIG[:-5]}: arrays and objects nested more than 200 levels deep"),
        (_cycle(), f"{CONFIG[:-5]}: arrays and objects nested more than 200 levels deep"),
    ],
    ids=["nan", "infinity", "object", "int-key", "datetime", "too-deep", "cycle"],
)
def test_free_form_value_changed_in_place_fails_at_its_path(value: object, message: str) -> None:
    job, task = _job()
    cast("dict[str, object]", task.config)["x"] = value
    assert _written(job) == [message, message]


def test_free_form_nesting_up_to_the_limit_is_written() -> None:
    job, task = _job()
    assert task.config is not None
    cast("dict[str, object]", task.config)["x"] = _nested(MAX_NESTING - 1)
    assert job.to_json().endswith("]" * (MAX_NESTING - 1) + "}}]}]}")


def test_unknown_key_value_changed_in_place_fails_at_its_path() -> None:
    group = TaskGroup.from_wire({"Name": "g", "Extra": {"list": [1, 2]}})
    extra = group["Extra"]
    assert isinstance(extra, dict)
    extra["list"].append(float("nan"))
    job = Job(id="j", task_groups=[group])
    assert _written(job) == ['TaskGroups[0].Extra["list"][2]: nan is not a JSON value'] * 2


def test_model_dump_in_json_mode_names_the_place_inside_the_value() -> None:
    _, task = _job()
    assert task.config is not None
    inner: dict[str, JSONValue] = {"y": float("nan")}
    task.config["x"] = inner
    with pytest.raises(PydanticSerializationError) as caught:
        task.model_dump(mode="json")
    assert str(caught.value) == 'nan is not a JSON value (at ["x"]["y"])'
    # Python mode gives back what is held, as pydantic does.
    assert task.model_dump()["Config"]["x"]["y"] is inner["y"]


def test_too_deep_for_the_serializer_in_a_typed_map() -> None:
    # Past pydantic's own depth limit ("Maximum serialization depth exceeded").
    job, _ = _job()
    job.meta = {"k": "v"}
    job.meta["deep"] = _nested(300)  # type: ignore[assignment]  # a value the declared type forbids
    assert _written(job) == ['Meta["deep"]: arrays and objects nested more than 200 levels deep'] * 2


def test_a_model_holding_itself_is_walked_once() -> None:
    job, task = _job()
    assert job.task_groups is not None
    job.task_groups.append(job)  # type: ignore[arg-type]  # a value the declared type forbids
    cast("dict[str, object]", task.config)["x"] = float("nan")
    assert list(wire_problems(job)) == [
        (CONFIG, "nan is not a JSON value"),
        ("TaskGroups[1]", "Job holds itself, which JSON cannot carry"),
    ]
    assert _written(job) == [f"{CONFIG}: nan is not a JSON value"] * 2


def test_every_problem_is_listed_in_document_order() -> None:
    job, task = _job()
    cast("dict[str, object]", task.config)["x"] = float("nan")
    job.meta = {"k": "v"}
    job.meta["bad"] = object()  # type: ignore[assignment]  # a value the declared type forbids
    assert list(wire_problems(job)) == [
        (CONFIG, "nan is not a JSON value"),
        ('Meta["bad"]', "object is not a JSON value"),
    ]


def test_a_valid_job_has_no_problems_and_writes_as_before() -> None:
    job, _ = _job()
    assert list(wire_problems(job)) == []
    assert job.to_json() == (
        '{"ID":"j","TaskGroups":[{"Name":"g","Tasks":[{"Name":"t","Driver":"docker","Config":{"image":"redis"}}]}]}'
    )
