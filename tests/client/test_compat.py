"""The python-nomad compatible surface: construction, requests sent, exception names."""

from __future__ import annotations

import json

import pytest
import requests
import responses

from nomad_typed import compat
from nomad_typed._config import Timeout
from nomad_typed._exceptions import (
    BadRequestError,
    ConflictError,
    ErrorResponse,
    InvalidParameterError,
    NomadConfigError,
    NomadConnectionError,
    NomadError,
    NomadHTTPError,
    NomadTimeoutError,
    NotFoundError,
    PermissionDeniedError,
)
from nomad_typed._transport import RetryPolicy
from nomad_typed.models import Job

DISPATCHED = (
    b'{"DispatchedJobID": "batch/dispatch-1", "EvalID": "", "EvalCreateIndex": 0, "JobCreateIndex": 5}'
)
PLANNED = b'{"JobModifyIndex": 9, "Diff": null, "Warnings": ""}'


def test_defaults_match_python_nomad_but_verify_tls() -> None:
    my_nomad = compat.Nomad()
    config = my_nomad.typed.config
    assert my_nomad.get_uri() == "http://127.0.0.1:4646"
    assert config.verify is True
    assert config.timeout == Timeout(connect=5, read=5)
    assert (my_nomad.get_namespace(), my_nomad.get_token()) == (None, None)


@pytest.mark.parametrize(
    ("kwargs", "address"),
    [
        ({"host": "nomad.internal"}, "http://nomad.internal:4646"),
        ({"host": "nomad.internal", "secure": True, "port": 443}, "https://nomad.internal:443"),
        ({"host": "https://nomad.internal"}, "https://nomad.internal:4646"),
        ({"host": "https://nomad.internal:8443", "port": 1}, "https://nomad.internal:8443"),
        ({"host": "::1"}, "http://[::1]:4646"),
        ({"host": "ignored", "address": "http://10.1.2.3:4646/"}, "http://10.1.2.3:4646"),
    ],
)
def test_address_from_python_nomad_arguments(kwargs: dict[str, object], address: str) -> None:
    assert compat.Nomad(**kwargs).get_uri() == address  # type: ignore[arg-type]


def test_explicit_host_beats_nomad_addr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_ADDR", "http://from-env:4646")
    assert compat.Nomad(host="explicit").get_uri() == "http://explicit:4646"
    assert compat.Nomad().get_uri() == "http://from-env:4646"


def test_positional_arguments_keep_python_nomad_order() -> None:
    my_nomad = compat.Nomad("nomad.internal", True, 4647, None, "agent/1", "apps", "s3cr3t-v4lue", 9, "eu")
    config = my_nomad.typed.config
    assert (config.address, config.namespace, config.region) == ("https://nomad.internal:4647", "apps", "eu")
    assert my_nomad.get_token() == "s3cr3t-v4lue"
    assert config.timeout == Timeout(connect=9, read=9)
    assert "s3cr3t" not in repr(my_nomad)


def test_tls_arguments() -> None:
    insecure = compat.Nomad(verify=False).typed.config
    bundle = compat.Nomad(verify="/etc/ca.pem", cert=("/c.pem", "/k.pem")).typed.config
    assert (insecure.skip_verify, insecure.verify) == (True, False)
    assert (bundle.verify, bundle.cert) == ("/etc/ca.pem", ("/c.pem", "/k.pem"))
    assert compat.Nomad(cert="/both.pem").typed.config.cert == "/both.pem"


def test_only_api_v1_exists() -> None:
    with pytest.raises(NomadConfigError, match="only version 'v1'"):
        compat.Nomad(version="v2")


def test_exception_aliases() -> None:
    exceptions = compat.api.exceptions
    assert exceptions.BaseNomadException is NomadError
    assert exceptions.URLNotFoundNomadException is NotFoundError
    assert exceptions.URLNotAuthorizedNomadException is PermissionDeniedError
    assert exceptions.BadRequestNomadException is BadRequestError
    assert exceptions.VariableConflict is ConflictError
    assert exceptions.InvalidParameters is InvalidParameterError
    assert exceptions.TimeoutNomadException is NomadTimeoutError


@pytest.fixture
def my_nomad() -> compat.Nomad:
    return compat.Nomad(host="nomad.test", namespace="apps", token="compat-token")


BASE = "http://nomad.test:4646/v1/"


def test_dispatch_job_fixes_payload_and_token(my_nomad: compat.Nomad) -> None:
    with responses.RequestsMock() as mocked:
        mocked.add("POST", BASE + "job/batch/dispatch", body=DISPATCHED)
        result = my_nomad.job.dispatch_job("batch", payload="hello", meta={"k": "v"}, idempotency_token="t1")
        request = mocked.calls[0].request
    assert result["DispatchedJobID"] == "batch/dispatch-1"
    assert request.url == BASE + "job/batch/dispatch?idempotency_token=t1&namespace=apps"
    assert json.loads(request.body or b"") == {"JobID": "batch", "Payload": "aGVsbG8=", "Meta": {"k": "v"}}
    assert request.headers["X-Nomad-Token"] == "compat-token"


def test_plan_job_keeps_the_envelope_flags(my_nomad: compat.Nomad) -> None:
    with responses.RequestsMock() as mocked:
        mocked.add("POST", BASE + "job/web/plan", body=PLANNED)
        my_nomad.job.plan_job("web", {"Job": {"ID": "web"}, "Diff": True}, diff=False, policy_override=True)
        my_nomad.job.plan_job("web", Job(id="web"))
        first, second = (json.loads(call.request.body or b"") for call in mocked.calls)
    assert first == {"Job": {"ID": "web"}, "Diff": True, "PolicyOverride": True}
    assert second == {"Job": {"ID": "web"}, "Diff": False, "PolicyOverride": False}


def test_plan_job_id_must_match(my_nomad: compat.Nomad) -> None:
    with pytest.raises(InvalidParameterError, match="does not match"):
        my_nomad.job.plan_job("other", {"Job": {"ID": "web"}})


def test_register_job_keeps_hand_written_envelope_keys(my_nomad: compat.Nomad) -> None:
    envelope = {"Job": {"ID": "web"}, "EnforceIndex": True, "JobModifyIndex": 12, "PreserveCounts": True}
    with responses.RequestsMock() as mocked:
        mocked.add("POST", BASE + "job/web", body=b'{"EvalID": "e", "JobModifyIndex": 13}')
        mocked.add("POST", BASE + "jobs", body=b'{"EvalID": "e", "JobModifyIndex": 13}')
        assert my_nomad.job.register_job("web", envelope)["JobModifyIndex"] == 13
        assert my_nomad.jobs.register_job(envelope).get("EvalID") == "e"
        bodies = [json.loads(call.request.body or b"") for call in mocked.calls]
    assert bodies == [envelope, envelope]


def test_read_calls(my_nomad: compat.Nomad) -> None:
    with responses.RequestsMock() as mocked:
        mocked.add("GET", BASE + "jobs", body=b'[{"ID": "web"}]')
        mocked.add("GET", BASE + "job/web/allocations", body=b"[]")
        mocked.add("GET", BASE + "job/web/deployment", body=b"null")
        assert [
            stub["ID"] for stub in my_nomad.jobs.get_jobs(prefix="w", namespace="*", filter_="x", meta=True)
        ] == ["web"]
        assert my_nomad.job.get_allocations("web", all_=True, namespace="other") == []
        assert my_nomad.job.get_deployment("web") is None
        urls = [call.request.url for call in mocked.calls]
    assert urls == [
        BASE + "jobs?prefix=w&filter=x&meta=true&namespace=%2A",
        BASE + "job/web/allocations?all=true&namespace=other",
        BASE + "job/web/deployment?namespace=apps",
    ]


def test_write_calls(my_nomad: compat.Nomad) -> None:
    registered = b'{"EvalID": "e", "EvalCreateIndex": 3, "JobModifyIndex": 2}'
    with responses.RequestsMock() as mocked:
        mocked.add("DELETE", BASE + "job/web", body=registered)
        mocked.add("POST", BASE + "job/web/periodic/force", body=b'{"EvalID": "p", "EvalCreateIndex": 4}')
        mocked.add("POST", BASE + "jobs/parse", body=b'{"ID": "web"}')
        mocked.add("POST", BASE + "validate/job", body=b'{"DriverConfigValidated": true, "Error": ""}')
        my_nomad.job.deregister_job(
            "web", eval_priority=50, global_=False, purge=True, no_shutdown_delay=True
        )
        assert my_nomad.job.periodic_job("web")["EvalID"] == "p"
        assert my_nomad.jobs.parse('job "web" {}').id == "web"
        assert my_nomad.validate.validate_job({"Job": {"ID": "web"}})["DriverConfigValidated"] is True
        sent = [(call.request.url, call.request.body) for call in mocked.calls]
    assert sent == [
        (
            BASE + "job/web?purge=true&global=false&eval_priority=50&no_shutdown_delay=true&namespace=apps",
            None,
        ),
        (BASE + "job/web/periodic/force?namespace=apps", None),
        (BASE + "jobs/parse?namespace=apps", b'{"JobHCL":"job \\"web\\" {}","Canonicalize":false}'),
        (BASE + "validate/job?namespace=apps", b'{"Job":{"ID":"web"}}'),
    ]


@pytest.mark.parametrize(
    ("status", "body", "caught_as", "reason"),
    [
        (404, "job not found", "URLNotFoundNomadException", "Not Found"),
        (403, "Permission denied", "URLNotAuthorizedNomadException", "Forbidden"),
        (400, "job ID does not match", "BadRequestNomadException", "Bad Request"),
        (409, "conflict", "VariableConflict", "Conflict"),
        (500, "rpc error: job not found", "BaseNomadException", "Internal Server Error"),
        (599, "odd", "BaseNomadException", ""),
    ],
)
def test_http_errors_carry_nomad_resp_like_python_nomad(
    status: int, body: str, caught_as: str, reason: str, my_nomad: compat.Nomad
) -> None:
    with responses.RequestsMock() as mocked:
        mocked.add("GET", BASE + "job/web", status=status, body=f"{body} (token compat-token)")
        with pytest.raises(getattr(compat.api.exceptions, caught_as)) as caught:
            my_nomad.job.get_job("web")
    error: NomadHTTPError = caught.value
    assert error.nomad_resp == ErrorResponse(
        status_code=status,
        text=f"{body} (token ********)",
        url=BASE + "job/web?namespace=apps",
        reason=reason,
    )
    assert not hasattr(error.nomad_resp, "headers")
    with pytest.raises(AttributeError):
        error.nomad_resp = error.nomad_resp  # type: ignore[misc]


@pytest.mark.parametrize(
    ("failure", "caught_as"),
    [
        (requests.exceptions.ConnectionError("connection refused"), NomadConnectionError),
        (requests.exceptions.ReadTimeout("read timed out"), NomadTimeoutError),
        (requests.exceptions.ConnectTimeout("connect timed out"), NomadTimeoutError),
    ],
)
def test_transport_errors_carry_their_cause_as_nomad_resp(
    failure: requests.RequestException, caught_as: type[NomadError], my_nomad: compat.Nomad
) -> None:
    my_nomad.typed._transport.retry = RetryPolicy(max_attempts=1)
    with responses.RequestsMock() as mocked:
        mocked.add("GET", BASE + "job/web", body=failure)
        with pytest.raises(compat.api.exceptions.BaseNomadException) as caught:
            my_nomad.job.get_job("web")
    assert type(caught.value) is caught_as
    assert caught.value.nomad_resp is failure


def test_errors_raised_from_nothing_have_no_nomad_resp(my_nomad: compat.Nomad) -> None:
    with pytest.raises(compat.api.exceptions.InvalidParameters) as caught:
        my_nomad.job.get_job("")
    assert caught.value.nomad_resp is None
