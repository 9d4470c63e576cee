"""register, update and plan check Nomad's rules locally: a job Nomad would reject is never sent."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import responses
from pydantic import ValidationError

from nomad_typed import (
    Issue,
    Job,
    JobInput,
    JobValidationError,
    NomadClient,
    NomadError,
    compat,
    validate_job,
)
from nomad_typed._exceptions import InvalidParameterError
from nomad_typed.models import Resources, Task, TaskGroup
from tests.support.jobs import minimal_job
from tests.support.nomad_server import CORPUS, NomadServer, job_routes

from .conftest import ADDRESS, BASE

REGISTERED = b'{"EvalID": "e1", "EvalCreateIndex": 10, "JobModifyIndex": 9, "Warnings": ""}'
PLANNED = b'{"JobModifyIndex": 9, "Diff": null, "Warnings": ""}'
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: A job ID with a space, a task below Nomad's 10 MB memory floor, and a task name used twice.
INVALID_JOB: dict[str, object] = {
    "ID": "web api",
    "TaskGroups": [
        {
            "Name": "cache",
            "Tasks": [
                {"Name": "redis", "Driver": "docker", "Resources": {"MemoryMB": 5}},
                {"Name": "redis", "Driver": "docker"},
            ],
        }
    ],
}
INVALID_ISSUES = [
    Issue("error", "ID", "Job ID contains a space", "V022"),
    Issue("error", "TaskGroups[0].Tasks[1].Name", "Task 2 redefines 'redis' from task 1", "V074"),
    Issue(
        "error", "TaskGroups[0].Tasks[0].Resources.MemoryMB", "minimum MemoryMB value is 10; got 5", "V316"
    ),
]
INVALID_MESSAGE = (
    "job 'web api' fails Nomad's validation (3 errors); nothing was sent:\n"
    "  ID: Job ID contains a space [V022]\n"
    "  TaskGroups[0].Tasks[1].Name: Task 2 redefines 'redis' from task 1 [V074]\n"
    "  TaskGroups[0].Tasks[0].Resources.MemoryMB: minimum MemoryMB value is 10; got 5 [V316]"
)


def invalid_model() -> Job:
    """``INVALID_JOB`` built in Python."""
    tasks = [
        Task(name="redis", driver="docker", resources=Resources(memory_mb=5)),
        Task(name="redis", driver="docker"),
    ]
    return Job(id="web api", task_groups=[TaskGroup(name="cache", tasks=tasks)])


#: The same job in each form the client takes; each call gets its own copy.
JOB_FORMS: dict[str, Callable[[], JobInput]] = {
    "dict": lambda: copy.deepcopy(INVALID_JOB),
    "envelope": lambda: {"Job": copy.deepcopy(INVALID_JOB), "PolicyOverride": True},
    "model": invalid_model,
}

Call = Callable[[NomadClient, JobInput], object]
#: Every call that checks the job, and the request it would make.
SENDERS: dict[str, tuple[Call, str, str]] = {
    "register": (lambda c, job: c.jobs.register(job), "POST", "/v1/jobs"),
    "update": (lambda c, job: c.jobs.update(job), "POST", "/v1/job/web%20api"),
    "plan": (lambda c, job: c.jobs.plan(job, diff=True), "POST", "/v1/job/web%20api/plan"),
    "with_meta.register": (lambda c, job: c.jobs.with_meta.register(job), "POST", "/v1/jobs"),
}


def mock_every_sender(mocked: responses.RequestsMock) -> None:
    """Answer each request a sender could make, so that one sent would be seen, not fail."""
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    mocked.add("POST", BASE + "job/web%20api", body=REGISTERED)
    mocked.add("POST", BASE + "job/web%20api/plan", body=PLANNED)


def test_the_jobs_of_these_tests_are_what_they_claim() -> None:
    assert validate_job(minimal_job()) == []
    assert validate_job(invalid_model()) == INVALID_ISSUES
    assert invalid_model().to_dict() == INVALID_JOB


@pytest.mark.parametrize("form", sorted(JOB_FORMS))
@pytest.mark.parametrize("sender", sorted(SENDERS))
def test_invalid_job_raises_and_sends_nothing(
    sender: str, form: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mock_every_sender(mocked)
    call, _, _ = SENDERS[sender]
    with pytest.raises(JobValidationError) as caught:
        call(client, JOB_FORMS[form]())
    error = caught.value
    assert str(error) == INVALID_MESSAGE
    assert (error.job_id, error.issues) == ("web api", INVALID_ISSUES)
    assert isinstance(error, NomadError)
    assert isinstance(error, ValueError)
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("sender", sorted(SENDERS))
def test_invalid_job_never_reaches_a_server_over_sockets(sender: str) -> None:
    call, _, _ = SENDERS[sender]
    with NomadServer() as server, NomadClient(server.address) as client:
        job_routes(server)
        with pytest.raises(JobValidationError) as caught:
            call(client, copy.deepcopy(INVALID_JOB))
        assert server.seen() == []
    assert caught.value.issues == INVALID_ISSUES


@pytest.mark.parametrize("form", sorted(JOB_FORMS))
@pytest.mark.parametrize("sender", ["register", "update", "plan"])
def test_validate_false_sends_the_job_unchanged(sender: str, form: str) -> None:
    # The caller takes the server's verdict instead: the job goes out exactly as given.
    methods: dict[str, Call] = {
        "register": lambda c, job: c.jobs.register(job, validate=False),
        "update": lambda c, job: c.jobs.update(job, validate=False),
        "plan": lambda c, job: c.jobs.plan(job, validate=False),
    }
    _, method, path = SENDERS[sender]
    envelope = {"PolicyOverride": True} if form == "envelope" else {}
    with NomadServer() as server, NomadClient(server.address) as client:
        job_routes(server)
        methods[sender](client, JOB_FORMS[form]())
        seen = server.seen()
    assert [(request.method, request.raw_path, request.raw_query) for request in seen] == [(method, path, "")]
    assert json.loads(seen[0].body) == {"Job": INVALID_JOB, **envelope}


def test_warnings_only_job_is_sent_unchanged(client: NomadClient, mocked: responses.RequestsMock) -> None:
    # python-nomad's example job: deprecated keys and a service without a shutdown delay.
    document = json.loads((CORPUS / "wild/jobs/jrxFive_python-nomad_example-2017.json").read_bytes())
    assert [(issue.severity, issue.rule, issue.path) for issue in validate_job(document)] == [
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id"),
        ("warning", "W10", "TaskGroups[0].Tasks[0]"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ]
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    mocked.add("POST", BASE + "job/example/plan", body=PLANNED)
    assert client.jobs.register(copy.deepcopy(document)).eval_id == "e1"
    client.jobs.plan(Job.from_wire(document))
    assert [json.loads(call.request.body or b"") for call in mocked.calls] == [document, document]


def test_errors_are_listed_and_warnings_kept_on_the_exception(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    task = {"Name": "redis", "Driver": "docker", "Resources": {"MemoryMB": 5}}
    job = {"ID": "web", "VaultToken": "s.legacy", "TaskGroups": [{"Name": "cache", "Tasks": [task]}]}
    with pytest.raises(JobValidationError) as caught:
        client.jobs.register(job)
    assert caught.value.issues == [
        Issue(
            "warning",
            "VaultToken",
            '"VaultToken" was removed in Nomad 1.10 with the legacy Vault token workflow; Nomad ignores it',
            "legacy-field",
        ),
        Issue(
            "error",
            "TaskGroups[0].Tasks[0].Resources.MemoryMB",
            "minimum MemoryMB value is 10; got 5",
            "V316",
        ),
    ]
    assert str(caught.value) == (
        "job 'web' fails Nomad's validation (1 error); nothing was sent:\n"
        "  TaskGroups[0].Tasks[0].Resources.MemoryMB: minimum MemoryMB value is 10; got 5 [V316]"
    )
    assert len(mocked.calls) == 0


def test_unknown_keys_are_sent_not_refused(client: NomadClient, mocked: responses.RequestsMock) -> None:
    task = {"Name": "redis", "Driver": "docker", "Sandbox": "gvisor"}
    job = {
        "ID": "web",
        "FutureField": {"Nested": [1, 2.5, None]},
        "TaskGroups": [{"Name": "cache", "Tasks": [task]}],
    }
    # Offline, by default, these are errors; the client lets a newer Nomad decide.
    assert [(issue.severity, issue.rule, issue.path) for issue in validate_job(job)] == [
        ("error", "unknown-field", "FutureField"),
        ("error", "unknown-field", "TaskGroups[0].Tasks[0].Sandbox"),
    ]
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    mocked.add("POST", BASE + "job/web", body=REGISTERED)
    client.jobs.register(copy.deepcopy(job))
    client.jobs.update(Job.from_wire(job))
    assert [json.loads(call.request.body or b"") for call in mocked.calls] == [{"Job": job}, {"Job": job}]


def test_keys_are_matched_case_insensitively_like_nomad(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    # Go's decoder takes "taskGroups" for TaskGroups: such a job is valid, and errors in it
    # are reported at the keys as the caller spelled them.
    job = {"ID": "web", "taskGroups": [{"name": "cache", "Tasks": [{"Name": "redis", "driver": "docker"}]}]}
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    client.jobs.register(copy.deepcopy(job))
    assert [json.loads(call.request.body or b"") for call in mocked.calls] == [{"Job": job}]
    task = {"Name": "redis", "driver": "docker", "resources": {"memoryMB": 5}}
    too_small = {"ID": "web", "taskGroups": [{"name": "cache", "Tasks": [task]}]}
    with pytest.raises(JobValidationError) as caught:
        client.jobs.plan(Job.from_wire(too_small))
    assert caught.value.issues == [
        Issue(
            "error",
            "taskGroups[0].Tasks[0].resources.memoryMB",
            "minimum MemoryMB value is 10; got 5",
            "V316",
        )
    ]
    assert len(mocked.calls) == 1


def test_a_value_json_cannot_carry_is_refused_before_sending(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    job = Job.from_wire(minimal_job())
    task = job.task_groups[0].tasks[0]  # type: ignore[index]
    task.config = {"image": "redis:7"}
    task.config["retries"] = float("nan")  # changed in place: not validated on the way in
    with pytest.raises(JobValidationError) as caught:
        client.jobs.register(job)
    assert caught.value.issues == [
        Issue("error", 'TaskGroups[0].Tasks[0].Config["retries"]', "nan is not a JSON value", "structure")
    ]
    with pytest.raises(InvalidParameterError):
        client.jobs.register(job, validate=False)
    assert len(mocked.calls) == 0


def test_argument_errors_come_before_the_jobs_own(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    refused: list[str] = []
    for call in (
        lambda: client.jobs.update(copy.deepcopy(INVALID_JOB), job_id="api"),
        lambda: client.jobs.plan(invalid_model(), job_id="api"),
        lambda: client.jobs.register({"TaskGroups": []}),
    ):
        with pytest.raises(InvalidParameterError) as caught:
            call()
        refused.append(str(caught.value))
    assert refused == [
        "job ID 'web api' does not match the path ID 'api'",
        "job ID 'web api' does not match the path ID 'api'",
        "the job has no ID; set Job.ID before sending it",
    ]
    with pytest.raises(InvalidParameterError) as invalid:
        client.jobs.register(copy.deepcopy(INVALID_JOB), eval_priority=101)
    assert str(invalid.value) == "jobs.register: eval_priority must be an integer from 1 to 100, got 101"
    assert len(mocked.calls) == 0


# ---- the python-nomad compatible layer --------------------------------------------------------

#: python-nomad's documented parameterized batch job, which Nomad itself refuses.
PYTHON_NOMAD_BATCH_JOB = json.loads((FIXTURES / "python_nomad_parameterized_batch_job.json").read_bytes())


@pytest.fixture
def my_nomad() -> compat.Nomad:
    return compat.Nomad(address=ADDRESS)


def test_compat_leaves_nomads_rules_to_the_server(my_nomad: compat.Nomad) -> None:
    with pytest.raises(JobValidationError) as caught:
        my_nomad.typed.jobs.register(copy.deepcopy(PYTHON_NOMAD_BATCH_JOB))
    assert caught.value.issues == [
        Issue("error", "Update", 'Job type "batch" does not allow update block', "V069"),
        Issue("error", "Update.Stagger", "Stagger must be greater than zero: 0s", "V269"),
    ]
    with responses.RequestsMock() as mocked:
        mocked.add("POST", BASE + "job/example-batch", body=REGISTERED)
        mocked.add("POST", BASE + "jobs", body=REGISTERED)
        mocked.add("POST", BASE + "job/example-batch/plan", body=PLANNED)
        my_nomad.job.register_job("example-batch", copy.deepcopy(PYTHON_NOMAD_BATCH_JOB))
        my_nomad.jobs.register_job(copy.deepcopy(PYTHON_NOMAD_BATCH_JOB))
        my_nomad.job.plan_job("example-batch", copy.deepcopy(PYTHON_NOMAD_BATCH_JOB))
        sent = [(call.request.url, json.loads(call.request.body or b"")) for call in mocked.calls]
    assert sent == [
        (BASE + "job/example-batch", PYTHON_NOMAD_BATCH_JOB),
        (BASE + "jobs", PYTHON_NOMAD_BATCH_JOB),
        (BASE + "job/example-batch/plan", {**PYTHON_NOMAD_BATCH_JOB, "Diff": False, "PolicyOverride": False}),
    ]


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda n, job: n.job.register_job("example-batch", job), id="job.register_job"),
        pytest.param(lambda n, job: n.jobs.register_job(job), id="jobs.register_job"),
        pytest.param(lambda n, job: n.job.plan_job("example-batch", job), id="job.plan_job"),
    ],
)
def test_compat_still_refuses_a_malformed_job(
    call: Callable[[compat.Nomad, object], object], my_nomad: compat.Nomad
) -> None:
    malformed = copy.deepcopy(PYTHON_NOMAD_BATCH_JOB)
    malformed["Job"]["TaskGroups"][0]["Tasks"][0]["KillTimeout"] = "5s"
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.add("POST", BASE + "job/example-batch", body=REGISTERED)
        mocked.add("POST", BASE + "jobs", body=REGISTERED)
        mocked.add("POST", BASE + "job/example-batch/plan", body=PLANNED)
        with pytest.raises(ValidationError) as caught:
            call(my_nomad, malformed)
        assert len(mocked.calls) == 0
    assert [(error["type"], error["loc"]) for error in caught.value.errors()] == [
        ("duration_string", ("TaskGroups", 0, "Tasks", 0, "KillTimeout"))
    ]
