"""Arguments are checked before anything is sent: wrong types and out-of-range values raise."""

from __future__ import annotations

import base64
import inspect
import json
import reprlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import responses
from pydantic import ValidationError

from nomad_typed import compat
from nomad_typed._client import NomadClient
from nomad_typed._exceptions import InvalidParameterError
from nomad_typed.resources import Allocations, Deployments, Evaluations, Jobs
from tests.support.jobs import minimal_job

from .conftest import ADDRESS, BASE

DISPATCHED = (
    b'{"DispatchedJobID": "batch/dispatch-1", "EvalID": "", "EvalCreateIndex": 0, "JobCreateIndex": 5}'
)

# ---- dispatch payloads ---------------------------------------------------------------------

PAYLOAD_SENDERS: dict[str, Callable[[NomadClient, object], object]] = {
    "dispatch": lambda client, payload: client.jobs.dispatch("batch", payload),  # type: ignore[arg-type]
    "dispatch_payload": lambda client, payload: client.jobs.dispatch_payload("batch", payload),  # type: ignore[arg-type]
    "compat dispatch_job": lambda client, payload: compat.Nomad(
        address="http://nomad.test:4646"
    ).job.dispatch_job("batch", payload),  # type: ignore[arg-type]
}


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        (5, "int"),
        (10**6, "int"),
        ([1, 2], "list"),
        ((1, 2), "tuple"),
        (1.5, "float"),
        (True, "bool"),
        ({"a": 1}, "dict"),
        (iter([b"a"]), "list_iterator"),
    ],
)
@pytest.mark.parametrize("sender", sorted(PAYLOAD_SENDERS))
def test_a_payload_that_is_not_bytes_or_text_is_refused(
    sender: str, payload: object, kind: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(TypeError) as caught:
        PAYLOAD_SENDERS[sender](client, payload)
    assert str(caught.value) == f"payload must be bytes, bytearray, memoryview or str, got {kind}"
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("sender", sorted(PAYLOAD_SENDERS))
def test_payload_text_that_utf_8_cannot_encode_is_refused(
    sender: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        PAYLOAD_SENDERS[sender](client, "ok\ud800")
    assert str(caught.value) == "payload: text with a lone surrogate (character 3) cannot be sent as UTF-8"
    assert len(mocked.calls) == 0


@pytest.mark.parametrize(
    "payload",
    [b"\x00\x01raw", bytearray(b"\x00\x01raw"), memoryview(b"\x00\x01raw"), "\x00\x01raw"],
    ids=["bytes", "bytearray", "memoryview", "str"],
)
def test_bytes_like_and_text_payloads_are_sent_as_given(
    payload: bytes | bytearray | memoryview | str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("POST", BASE + "job/batch/dispatch", body=DISPATCHED)
    mocked.add("POST", BASE + "job/batch/dispatch/payload", body=DISPATCHED)
    client.jobs.dispatch("batch", payload)
    client.jobs.dispatch_payload("batch", payload)
    first, second = (call.request for call in mocked.calls)
    assert json.loads(first.body or b"") == {
        "JobID": "batch",
        "Payload": base64.b64encode(b"\x00\x01raw").decode(),
    }
    assert second.body == b"\x00\x01raw"
    assert second.headers["Content-Type"] == "application/octet-stream"


# ---- every argument of every method --------------------------------------------------------


@dataclass(frozen=True)
class Invalid:
    """A pydantic ValidationError of ``model`` at ``field``: the argument fills a model field."""

    model: str
    field: str


#: Arguments each method needs besides the one under test.
REQUIRED: dict[str, dict[str, object]] = {
    "jobs.register": {"job": minimal_job()},
    "jobs.update": {"job": minimal_job()},
    "jobs.plan": {"job": minimal_job()},
    "jobs.validate": {"job": minimal_job()},
    "jobs.dispatch_payload": {"job_id": "web", "payload": b""},
    "jobs.revert": {"job_id": "web", "version": 1},
    "jobs.stable": {"job_id": "web", "version": 1},
    "jobs.scale": {"job_id": "web", "group": "cache"},
    "jobs.submission": {"job_id": "web", "version": 1},
    "jobs.tag_version": {"job_id": "web", "name": "golden"},
    "jobs.untag_version": {"job_id": "web", "name": "golden"},
    "jobs.parse": {"hcl": 'job "web" {}'},
    **{f"jobs.{name}": {"job_id": "web"} for name in ("get", "versions", "allocations", "evaluations")},
    **{f"jobs.{name}": {"job_id": "web"} for name in ("deployments", "latest_deployment", "summary")},
    **{
        f"jobs.{name}": {"job_id": "web"} for name in ("dispatch", "evaluate", "deregister", "periodic_force")
    },
    **{f"jobs.{name}": {"job_id": "web"} for name in ("scale_status", "services", "actions")},
    **{f"allocations.{name}": {"alloc_id": "a1"} for name in ("get", "stop", "services")},
    **{f"evaluations.{name}": {"eval_id": "e1"} for name in ("get", "allocations")},
    **{
        f"deployments.{name}": {"deployment_id": "d1"}
        for name in ("get", "allocations", "promote", "fail", "pause", "set_alloc_health", "unblock")
    },
}

#: (method, parameter, a wrong value, what the method says it must be, or the error it raises).
TABLE: list[tuple[str, str, object, str | Exception | Invalid]] = [
    ("jobs.list", "prefix", 5, "a string"),
    ("jobs.list", "filter", 5, "a string"),
    ("jobs.list", "meta", "yes", "a bool"),
    ("jobs.list", "per_page", 0, "an integer of at least 1"),
    ("jobs.list", "next_token", 5, "a string"),
    ("jobs.list", "reverse", "false", "a bool"),
    ("jobs.iter_list", "prefix", 5, "a string"),
    ("jobs.iter_list", "filter", 5, "a string"),
    ("jobs.iter_list", "meta", 1, "a bool"),
    ("jobs.iter_list", "per_page", 0, "an integer of at least 1"),
    ("jobs.iter_list", "next_token", 5, "a string"),
    ("jobs.iter_list", "reverse", "no", "a bool"),
    ("jobs.register", "job", 5, TypeError("job must be a Job or a dict of Nomad's JSON, got int")),
    ("jobs.register", "enforce_index", "yes", "a bool"),
    ("jobs.register", "job_modify_index", -1, "an integer of at least 0"),
    ("jobs.register", "policy_override", "false", "a bool"),
    ("jobs.register", "preserve_counts", 1, "a bool"),
    ("jobs.register", "preserve_resources", "no", "a bool"),
    ("jobs.register", "eval_priority", 101, "an integer from 1 to 100"),
    ("jobs.register", "submission", "x", Invalid("JobRegisterRequest", "submission")),
    ("jobs.register", "validate", "yes", "a bool"),
    ("jobs.update", "job", 5, TypeError("job must be a Job or a dict of Nomad's JSON, got int")),
    ("jobs.update", "job_id", 5, "a string"),
    ("jobs.update", "enforce_index", "false", "a bool"),
    ("jobs.update", "job_modify_index", -1, "an integer of at least 0"),
    ("jobs.update", "policy_override", 1, "a bool"),
    ("jobs.update", "preserve_counts", "no", "a bool"),
    ("jobs.update", "preserve_resources", "yes", "a bool"),
    ("jobs.update", "eval_priority", 101, "an integer from 1 to 100"),
    ("jobs.update", "submission", "x", Invalid("JobRegisterRequest", "submission")),
    ("jobs.update", "validate", "false", "a bool"),
    ("jobs.get", "job_id", 5, "a string"),
    ("jobs.versions", "job_id", 5, "a string"),
    ("jobs.versions", "diffs", 1, "a bool"),
    ("jobs.versions", "diff_tag", 5, "a string"),
    ("jobs.versions", "diff_version", -1, "an integer of at least 0"),
    ("jobs.allocations", "job_id", 5, "a string"),
    ("jobs.allocations", "all_", "no", "a bool"),
    ("jobs.evaluations", "job_id", 5, "a string"),
    ("jobs.deployments", "job_id", 5, "a string"),
    ("jobs.deployments", "all_", "yes", "a bool"),
    ("jobs.latest_deployment", "job_id", 5, "a string"),
    ("jobs.summary", "job_id", 5, "a string"),
    ("jobs.plan", "job", 5, TypeError("job must be a Job or a dict of Nomad's JSON, got int")),
    ("jobs.plan", "job_id", 5, "a string"),
    ("jobs.plan", "diff", "false", "a bool"),
    ("jobs.plan", "policy_override", 1, "a bool"),
    ("jobs.plan", "validate", "no", "a bool"),
    ("jobs.dispatch", "job_id", 5, "a string"),
    (
        "jobs.dispatch",
        "payload",
        5,
        TypeError("payload must be bytes, bytearray, memoryview or str, got int"),
    ),
    ("jobs.dispatch", "meta", {"k": 1}, "a mapping of strings to strings"),
    ("jobs.dispatch", "id_prefix_template", 5, "a string"),
    ("jobs.dispatch", "priority", 101, "an integer from 1 to 100"),
    ("jobs.dispatch", "idempotency_token", 5, "a string"),
    ("jobs.dispatch_payload", "job_id", 5, "a string"),
    (
        "jobs.dispatch_payload",
        "payload",
        5,
        TypeError("payload must be bytes, bytearray, memoryview or str, got int"),
    ),
    ("jobs.dispatch_payload", "idempotency_token", 5, "a string"),
    ("jobs.revert", "job_id", 5, "a string"),
    ("jobs.revert", "version", -1, "an integer of at least 0"),
    ("jobs.revert", "enforce_prior_version", -1, "an integer of at least 0"),
    ("jobs.stable", "job_id", 5, "a string"),
    ("jobs.stable", "version", -1, "an integer of at least 0"),
    ("jobs.stable", "stable", "yes", "a bool"),
    ("jobs.evaluate", "job_id", 5, "a string"),
    ("jobs.evaluate", "force_reschedule", "false", "a bool"),
    ("jobs.deregister", "job_id", 5, "a string"),
    ("jobs.deregister", "purge", 1, "a bool"),
    ("jobs.deregister", "global_", "no", "a bool"),
    ("jobs.deregister", "eval_priority", 101, "an integer from 1 to 100"),
    ("jobs.deregister", "no_shutdown_delay", "yes", "a bool"),
    ("jobs.periodic_force", "job_id", 5, "a string"),
    ("jobs.scale", "job_id", 5, "a string"),
    ("jobs.scale", "group", 5, "a string"),
    ("jobs.scale", "count", -1, "an integer of at least 0"),
    ("jobs.scale", "message", 5, "a string"),
    ("jobs.scale", "error", "false", "a bool"),
    ("jobs.scale", "meta", "x", Invalid("ScalingRequest", "meta")),
    ("jobs.scale", "policy_override", 1, "a bool"),
    ("jobs.scale", "job_modify_index", -1, "an integer of at least 0"),
    ("jobs.scale_status", "job_id", 5, "a string"),
    ("jobs.services", "job_id", 5, "a string"),
    ("jobs.submission", "job_id", 5, "a string"),
    ("jobs.submission", "version", -1, "an integer of at least 0"),
    ("jobs.actions", "job_id", 5, "a string"),
    ("jobs.tag_version", "job_id", 5, "a string"),
    ("jobs.tag_version", "name", 5, "a string"),
    ("jobs.tag_version", "version", -1, "an integer of at least 0"),
    ("jobs.tag_version", "latest", "no", "a bool"),
    ("jobs.tag_version", "description", 5, "a string"),
    ("jobs.untag_version", "job_id", 5, "a string"),
    ("jobs.untag_version", "name", 5, "a string"),
    ("jobs.parse", "hcl", 5, "a string"),
    ("jobs.parse", "variables", 5, "a string"),
    ("jobs.parse", "canonicalize", "yes", "a bool"),
    ("jobs.validate", "job", 5, TypeError("job must be a Job or a dict of Nomad's JSON, got int")),
    ("allocations.get", "alloc_id", 5, "a string"),
    ("allocations.list", "prefix", 5, "a string"),
    ("allocations.list", "filter", 5, "a string"),
    ("allocations.list", "resources", "false", "a bool"),
    ("allocations.list", "task_states", 1, "a bool"),
    ("allocations.list", "per_page", 0, "an integer of at least 1"),
    ("allocations.list", "next_token", 5, "a string"),
    ("allocations.list", "reverse", "no", "a bool"),
    ("allocations.iter_list", "prefix", 5, "a string"),
    ("allocations.iter_list", "filter", 5, "a string"),
    ("allocations.iter_list", "resources", "yes", "a bool"),
    ("allocations.iter_list", "task_states", "false", "a bool"),
    ("allocations.iter_list", "per_page", 0, "an integer of at least 1"),
    ("allocations.iter_list", "next_token", 5, "a string"),
    ("allocations.iter_list", "reverse", 1, "a bool"),
    ("allocations.stop", "alloc_id", 5, "a string"),
    ("allocations.stop", "no_shutdown_delay", "no", "a bool"),
    ("allocations.stop", "reschedule", "yes", "a bool"),
    ("allocations.services", "alloc_id", 5, "a string"),
    ("evaluations.get", "eval_id", 5, "a string"),
    ("evaluations.get", "related", "false", "a bool"),
    ("evaluations.list", "prefix", 5, "a string"),
    ("evaluations.list", "filter", 5, "a string"),
    ("evaluations.list", "status", 5, "a string"),
    ("evaluations.list", "job", 5, "a string"),
    ("evaluations.list", "per_page", 0, "an integer of at least 1"),
    ("evaluations.list", "next_token", 5, "a string"),
    ("evaluations.list", "reverse", 1, "a bool"),
    ("evaluations.iter_list", "prefix", 5, "a string"),
    ("evaluations.iter_list", "filter", 5, "a string"),
    ("evaluations.iter_list", "status", 5, "a string"),
    ("evaluations.iter_list", "job", 5, "a string"),
    ("evaluations.iter_list", "per_page", 0, "an integer of at least 1"),
    ("evaluations.iter_list", "next_token", 5, "a string"),
    ("evaluations.iter_list", "reverse", "no", "a bool"),
    ("evaluations.count", "filter", 5, "a string"),
    ("evaluations.allocations", "eval_id", 5, "a string"),
    ("deployments.get", "deployment_id", 5, "a string"),
    ("deployments.list", "prefix", 5, "a string"),
    ("deployments.list", "filter", 5, "a string"),
    ("deployments.list", "per_page", 0, "an integer of at least 1"),
    ("deployments.list", "next_token", 5, "a string"),
    ("deployments.list", "reverse", "yes", "a bool"),
    ("deployments.iter_list", "prefix", 5, "a string"),
    ("deployments.iter_list", "filter", 5, "a string"),
    ("deployments.iter_list", "per_page", 0, "an integer of at least 1"),
    ("deployments.iter_list", "next_token", 5, "a string"),
    ("deployments.iter_list", "reverse", "false", "a bool"),
    ("deployments.allocations", "deployment_id", 5, "a string"),
    ("deployments.promote", "deployment_id", 5, "a string"),
    ("deployments.promote", "all_", 1, "a bool"),
    ("deployments.promote", "groups", "web", "a list of strings"),
    ("deployments.fail", "deployment_id", 5, "a string"),
    ("deployments.pause", "deployment_id", 5, "a string"),
    ("deployments.pause", "pause", "no", "a bool"),
    ("deployments.set_alloc_health", "deployment_id", 5, "a string"),
    ("deployments.set_alloc_health", "healthy", "web", "a list of strings"),
    ("deployments.set_alloc_health", "unhealthy", "web", "a list of strings"),
    ("deployments.unblock", "deployment_id", 5, "a string"),
]


@pytest.mark.parametrize(
    ("label", "parameter", "bad", "expected"), TABLE, ids=[f"{row[0]}-{row[1]}" for row in TABLE]
)
def test_every_argument_is_checked_before_any_io(
    label: str,
    parameter: str,
    bad: object,
    expected: str | Exception | Invalid,
    client: NomadClient,
    mocked: responses.RequestsMock,
) -> None:
    handle, method = label.split(".")
    call = getattr(getattr(client, handle), method)
    with pytest.raises((InvalidParameterError, TypeError, ValidationError)) as caught:
        call(**{**REQUIRED.get(label, {}), parameter: bad})
    if isinstance(expected, str):
        assert type(caught.value) is InvalidParameterError
        assert str(caught.value) == f"{label}: {parameter} must be {expected}, got {reprlib.repr(bad)}"
    elif isinstance(expected, Invalid):
        assert isinstance(caught.value, ValidationError)
        assert caught.value.title == expected.model
        assert [error["loc"] for error in caught.value.errors()] == [(expected.field,)]
    else:
        assert (type(caught.value), str(caught.value)) == (type(expected), str(expected))
    assert len(mocked.calls) == 0


def test_the_table_covers_every_parameter_of_every_method() -> None:
    parameters = {
        (f"{handle.__name__.lower()}.{name}", parameter)
        for handle in (Jobs, Allocations, Evaluations, Deployments)
        for name, method in vars(handle).items()
        if inspect.isfunction(method) and not name.startswith("_")
        for parameter, spec in inspect.signature(method).parameters.items()
        if parameter != "self" and spec.kind is not spec.VAR_KEYWORD
    }
    assert sorted((label, parameter) for label, parameter, _, _ in TABLE) == sorted(parameters)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.jobs.list(per_page=-1), "jobs.list: per_page must be an integer of at least 1, got -1"),
        (
            lambda c: c.jobs.list(per_page="10"),
            "jobs.list: per_page must be an integer of at least 1, got '10'",
        ),
        (lambda c: c.jobs.list(prefix=5), "jobs.list: prefix must be a string, got 5"),
        (lambda c: c.jobs.list(meta="no"), "jobs.list: meta must be a bool, got 'no'"),
        (
            lambda c: c.jobs.versions("x", diff_version=-1),
            "jobs.versions: diff_version must be an integer of at least 0, got -1",
        ),
        (
            lambda c: c.jobs.submission("x", -1),
            "jobs.submission: version must be an integer of at least 0, got -1",
        ),
        (
            lambda c: c.jobs.deregister("x", eval_priority="5"),
            "jobs.deregister: eval_priority must be an integer from 1 to 100, got '5'",
        ),
        (
            lambda c: c.jobs.deregister("x", purge="false"),
            "jobs.deregister: purge must be a bool, got 'false'",
        ),
        (
            lambda c: c.jobs.register(minimal_job(), enforce_index="no"),
            "jobs.register: enforce_index must be a bool, got 'no'",
        ),
        (
            lambda c: c.jobs.register(minimal_job(), eval_priority=101),
            "jobs.register: eval_priority must be an integer from 1 to 100, got 101",
        ),
        (
            lambda c: c.jobs.deregister("x", eval_priority=101),
            "jobs.deregister: eval_priority must be an integer from 1 to 100, got 101",
        ),
        (lambda c: c.jobs.stable("web", 1, "yes"), "jobs.stable: stable must be a bool, got 'yes'"),
        (lambda c: c.jobs.stable("web", 1, None), "jobs.stable: stable must be a bool, got None"),
        (
            lambda c: c.jobs.stable("web", True),
            "jobs.stable: version must be an integer of at least 0, got True",
        ),
        (
            lambda c: c.jobs.scale("web", "cache", -1),
            "jobs.scale: count must be an integer of at least 0, got -1",
        ),
        (
            lambda c: c.jobs.revert("web", "1"),
            "jobs.revert: version must be an integer of at least 0, got '1'",
        ),
        (lambda c: c.jobs.get(5), "jobs.get: job_id must be a string, got 5"),
        (
            lambda c: c.jobs.register(minimal_job(), validate=None),
            "jobs.register: validate must be a bool, got None",
        ),
        (
            lambda c: c.deployments.set_alloc_health("d1", healthy=["a1", 2]),
            "deployments.set_alloc_health: healthy must be a list of strings, got ['a1', 2]",
        ),
        (
            lambda c: c.jobs.dispatch("web", meta=["k"]),
            "jobs.dispatch: meta must be a mapping of strings to strings, got ['k']",
        ),
        (
            lambda c: c.jobs.list(filter=b"x" * 1000),
            "jobs.list: filter must be a string, got b'xxxxxxxxxxx...xxxxxxxxxxxxx'",
        ),
        (
            lambda c: compat.Nomad(address="http://nomad.test:4646").job.deregister_job(
                "web",
                purge="false",  # type: ignore[arg-type]
            ),
            "jobs.deregister: purge must be a bool, got 'false'",
        ),
    ],
)
def test_wrong_arguments_by_position_and_by_name(
    call: Callable[[NomadClient], object], message: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        call(client)
    assert str(caught.value) == message
    assert len(mocked.calls) == 0


def test_values_at_the_edges_are_sent(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("GET", BASE + "jobs", body=b"[]")
    mocked.add("DELETE", BASE + "job/web", body=b'{"EvalID": "e", "EvalCreateIndex": 3, "JobModifyIndex": 2}')
    mocked.add("GET", BASE + "job/web/submission", body=b'{"Source": "", "Format": "hcl2", "Version": 0}')
    mocked.add("POST", BASE + "deployment/promote/d1", body=b'{"EvalID": "e", "Index": 4}')
    client.jobs.list(per_page=1, meta=False, prefix="")
    client.jobs.deregister("web", eval_priority=1, purge=False)
    client.jobs.deregister("web", eval_priority=100)
    client.jobs.submission("web", 0)
    client.deployments.promote("d1", groups=("web", "api"))
    sent = [(call.request.url, call.request.body) for call in mocked.calls]
    assert sent == [
        (BASE + "jobs?prefix=&meta=false&per_page=1", None),
        (BASE + "job/web?purge=false&eval_priority=1", None),
        (BASE + "job/web?eval_priority=100", None),
        (BASE + "job/web/submission?version=0", None),
        (BASE + "deployment/promote/d1", b'{"DeploymentID":"d1","Groups":["web","api"]}'),
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.jobs.get("web\ud800"), "IDs and names: text with a lone surrogate (character 4)"),
        (lambda c: c.jobs.list(prefix="\udcff"), "prefix: text with a lone surrogate (character 1)"),
        (
            lambda c: c.jobs.list(filter='Name == "\ud83d"'),
            "filter: text with a lone surrogate (character 10)",
        ),
        (lambda c: c.jobs.list(namespace="ops\udc80"), "namespace: text with a lone surrogate (character 4)"),
        (
            lambda c: c.jobs.summary("web", region="\udc80"),
            "region: text with a lone surrogate (character 1)",
        ),
    ],
    ids=["path segment", "query value", "filter", "namespace", "region"],
)
def test_text_with_a_lone_surrogate_is_refused_before_sending(
    call: Callable[[NomadClient], object], message: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    # A string may hold one (an environment variable decoded with surrogateescape); UTF-8 cannot.
    with pytest.raises(InvalidParameterError) as caught:
        call(client)
    assert str(caught.value) == message + " cannot be sent as UTF-8"
    assert len(mocked.calls) == 0


def test_a_namespace_from_the_environment_with_undecodable_bytes_is_refused(
    monkeypatch: pytest.MonkeyPatch, mocked: responses.RequestsMock
) -> None:
    monkeypatch.setenv("NOMAD_NAMESPACE", b"ops\xff".decode("utf-8", "surrogateescape"))
    with NomadClient(ADDRESS) as nomad, pytest.raises(InvalidParameterError) as caught:
        nomad.jobs.list()
    assert str(caught.value) == "namespace: text with a lone surrogate (character 4) cannot be sent as UTF-8"
    assert len(mocked.calls) == 0
