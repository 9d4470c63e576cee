"""Jobs given as models or wire dicts: validated locally first, then sent exactly as given."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import requests
import responses
from pydantic import ValidationError

from nomad_typed import compat
from nomad_typed._client import NomadClient
from nomad_typed._exceptions import InvalidParameterError
from nomad_typed.models import Job, Task, TaskGroup
from tests.support.jobs import minimal_job
from tests.support.nomad_server import CORPUS

from .conftest import ADDRESS, BASE

REGISTERED = b'{"EvalID": "e1", "EvalCreateIndex": 10, "JobModifyIndex": 9, "Warnings": ""}'
PLANNED = b'{"JobModifyIndex": 9, "Diff": null, "Warnings": ""}'
VALIDATED = b'{"DriverConfigValidated": true, "ValidationErrors": null, "Error": "", "Warnings": ""}'


def _body(mocked: responses.RequestsMock, position: int = 0) -> object:
    return json.loads(mocked.calls[position].request.body or b"")


def test_bad_dict_never_reaches_the_network(client: NomadClient, mocked: responses.RequestsMock) -> None:
    bad = {"ID": "web", "TaskGroups": [{"Name": "cache", "Tasks": [{"Name": "redis", "KillTimeout": "5s"}]}]}
    with pytest.raises(ValidationError) as caught:
        client.jobs.register(bad)
    errors = caught.value.errors()
    assert [error["loc"] for error in errors] == [("TaskGroups", 0, "Tasks", 0, "KillTimeout")]
    assert errors[0]["type"] == "duration_string"
    with pytest.raises(ValidationError):
        client.jobs.plan({"Job": bad})
    with pytest.raises(ValidationError):
        client.jobs.validate(bad)
    assert len(mocked.calls) == 0


def test_bad_envelope_key_is_rejected_too(client: NomadClient, mocked: responses.RequestsMock) -> None:
    with pytest.raises(ValidationError) as caught:
        client.jobs.register({"Job": {"ID": "web"}, "EnforceIndex": "yes"})
    assert [error["loc"] for error in caught.value.errors()] == [("EnforceIndex",)]
    assert len(mocked.calls) == 0


def test_hcl_json_is_recognized(client: NomadClient, mocked: responses.RequestsMock) -> None:
    with pytest.raises(ValidationError, match="HCL's JSON syntax"):
        client.jobs.register({"job": {"web": {"group": {}}}})
    assert len(mocked.calls) == 0


def test_dict_is_sent_exactly_as_given(client: NomadClient, mocked: responses.RequestsMock) -> None:
    job = {
        "ID": "web",
        "Name": "web",
        "Priority": None,
        "Meta": None,
        "FutureField": {"Nested": [1, 2.5, None]},
        "TaskGroups": [
            {
                "Name": "cache",
                "Count": 0,
                "Tasks": [{"Name": "redis", "Driver": "docker", "Config": {"image": "redis:7"}, "Id": ""}],
            }
        ],
    }
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    client.jobs.register(job)
    assert _body(mocked) == {"Job": job}


def test_envelope_keys_are_kept_and_keywords_win(client: NomadClient, mocked: responses.RequestsMock) -> None:
    envelope = {
        "Job": minimal_job(),
        "EnforceIndex": True,
        "JobModifyIndex": 4,
        "PolicyOverride": False,
        "Region": "eu",
    }
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    client.jobs.register(envelope, job_modify_index=5, preserve_counts=True)
    assert _body(mocked) == {
        "Job": minimal_job(),
        "EnforceIndex": True,
        "JobModifyIndex": 5,
        "PolicyOverride": False,
        "PreserveCounts": True,
        "Region": "eu",
    }


def test_enforce_index_without_a_known_index_means_must_not_exist(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    client.jobs.register(Job.from_wire(minimal_job()), enforce_index=True)
    assert _body(mocked) == {"Job": minimal_job(), "EnforceIndex": True, "JobModifyIndex": 0}


def test_model_is_sent_with_only_the_fields_set(client: NomadClient, mocked: responses.RequestsMock) -> None:
    job = Job(id="web", name="web", type="batch", datacenters=["dc1"], priority=None)
    job.meta = {"owner": "ops"}
    job.task_groups = [TaskGroup(name="cache", tasks=[Task(name="redis", driver="docker")])]
    mocked.add("POST", BASE + "job/web/plan", body=PLANNED)
    client.jobs.plan(job, diff=True)
    assert _body(mocked) == {
        "Job": {
            "ID": "web",
            "Name": "web",
            "Type": "batch",
            "Datacenters": ["dc1"],
            "Priority": None,
            "Meta": {"owner": "ops"},
            "TaskGroups": [{"Name": "cache", "Tasks": [{"Name": "redis", "Driver": "docker"}]}],
        },
        "Diff": True,
    }


def test_jobs_without_id_are_rejected(client: NomadClient, mocked: responses.RequestsMock) -> None:
    for call in (
        lambda: client.jobs.register({"Name": "web"}),
        lambda: client.jobs.update(Job(name="web")),
        lambda: client.jobs.plan({"Job": {"ID": ""}}),
    ):
        with pytest.raises(InvalidParameterError, match="the job has no ID"):
            call()
    assert len(mocked.calls) == 0


def test_update_path_id_must_match(client: NomadClient, mocked: responses.RequestsMock) -> None:
    with pytest.raises(InvalidParameterError, match="job ID 'web' does not match the path ID 'api'"):
        client.jobs.update(minimal_job(), job_id="api")
    assert len(mocked.calls) == 0


def test_not_a_job_is_a_type_error(client: NomadClient) -> None:
    with pytest.raises(TypeError, match="job must be a Job or a dict"):
        client.jobs.register(["ID", "web"])  # type: ignore[arg-type]


def test_construction_and_attribute_access_do_no_io(mocked: responses.RequestsMock) -> None:
    client = NomadClient(ADDRESS, token="t")
    for handle in (client.jobs, client.allocations, client.evaluations, client.deployments):
        assert handle.with_meta is not None
        assert not hasattr(handle, "__getitem__")
        assert not hasattr(handle, "__iter__")
    assert "web" not in vars(client.jobs)
    client.jobs.iter_list()
    assert len(mocked.calls) == 0


class TrackingSession(requests.Session):
    def __init__(self) -> None:
        super().__init__()
        self.closed = False

    def close(self) -> None:
        self.closed = True
        super().close()


def test_caller_session_is_used_and_left_open(mocked: responses.RequestsMock) -> None:
    session = TrackingSession()
    session.headers["X-Trace"] = "abc"
    mocked.add("GET", BASE + "jobs", body=b"[]")
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list()
    assert session.closed is False
    assert mocked.calls[0].request.headers["X-Trace"] == "abc"


def test_own_session_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[bool] = []
    monkeypatch.setattr(requests.Session, "close", lambda self: closed.append(True))
    with NomadClient(ADDRESS):
        pass
    assert closed == [True]


ENVELOPE_SENDERS: dict[str, tuple[str, bytes, Callable[[NomadClient, dict[str, object]], object]]] = {
    "register": ("jobs", REGISTERED, lambda client, envelope: client.jobs.register(envelope)),
    "update": ("job/web", REGISTERED, lambda client, envelope: client.jobs.update(envelope)),
    "plan": ("job/web/plan", PLANNED, lambda client, envelope: client.jobs.plan(envelope)),
    "validate": ("validate/job", VALIDATED, lambda client, envelope: client.jobs.validate(envelope)),
    "compat job.register_job": (
        "job/web",
        REGISTERED,
        lambda client, envelope: compat.Nomad(address=ADDRESS).job.register_job("web", envelope),
    ),
    "compat jobs.register_job": (
        "jobs",
        REGISTERED,
        lambda client, envelope: compat.Nomad(address=ADDRESS).jobs.register_job(envelope),
    ),
    "compat plan_job": (
        "job/web/plan",
        PLANNED,
        lambda client, envelope: compat.Nomad(address=ADDRESS).job.plan_job("web", envelope),
    ),
    "compat validate_job": (
        "validate/job",
        VALIDATED,
        lambda client, envelope: compat.Nomad(address=ADDRESS).validate.validate_job(envelope),
    ),
}


@pytest.mark.parametrize("sender", sorted(ENVELOPE_SENDERS))
def test_an_envelope_may_hold_a_job_model(
    sender: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    path, answer, send = ENVELOPE_SENDERS[sender]
    job = Job.from_wire({**minimal_job(), "Meta": {"owner": "ops"}, "JobModifyIndex": 7})
    siblings = {"EnforceIndex": True, "JobModifyIndex": 7, "PolicyOverride": True, "Diff": True}
    mocked.add("POST", BASE + path, body=answer)
    send(client, {"Job": job, **siblings})
    assert _body(mocked) == {
        "Job": {**minimal_job(), "Meta": {"owner": "ops"}, "JobModifyIndex": 7},
        **siblings,
    }


def test_compat_read_modify_write_sends_the_job_it_read(mocked: responses.RequestsMock) -> None:
    # python-nomad's pattern: get_job, change the result, register it in an envelope.
    read = (CORPUS / "responses/job_read/docs-v2.0.x_read-job.json").read_bytes()
    mocked.add("GET", BASE + "job/example", body=read)
    mocked.add("POST", BASE + "job/example", body=REGISTERED)
    my_nomad = compat.Nomad(address=ADDRESS)
    job = my_nomad.job.get_job("example")
    job.meta = {"owner": "ops"}
    my_nomad.job.register_job("example", {"Job": job, "EnforceIndex": True, "JobModifyIndex": 14})
    assert _body(mocked, 1) == {
        "Job": {**json.loads(read), "Meta": {"owner": "ops"}},
        "EnforceIndex": True,
        "JobModifyIndex": 14,
    }
