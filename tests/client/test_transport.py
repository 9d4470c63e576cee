"""The transport: escaping, error mapping, retries, blocking queries, metadata, paging, redaction."""

from __future__ import annotations

import itertools
import json
import logging
from datetime import timedelta

import pytest
import requests
import responses
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import (
    BadRequestError,
    ConflictError,
    InvalidParameterError,
    JobModifyIndexConflictError,
    NomadConnectionError,
    NomadError,
    NomadHTTPError,
    NomadTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseValidationError,
    ServerError,
    UnauthorizedError,
    UnexpectedResponseError,
)
from nomad_typed._transport import QueryMeta, RetryPolicy, WithMeta
from tests.support.jobs import minimal_job

from .conftest import ADDRESS, BASE, TOKEN

SUMMARY = b'{"JobID": "example", "Summary": null, "Children": null, "CreateIndex": 7, "ModifyIndex": 9}'
REGISTERED = b'{"EvalID": "e1", "EvalCreateIndex": 10, "JobModifyIndex": 9, "Warnings": ""}'
DISPATCHED = (
    b'{"DispatchedJobID": "batch/dispatch-1", "EvalID": "", "EvalCreateIndex": 0, "JobCreateIndex": 5}'
)


class Sleeps:
    """Records the backoff delays instead of sleeping."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def timeout_of(request: requests.PreparedRequest) -> object:
    """The ``timeout`` the transport passed to requests (recorded by ``responses``)."""
    kwargs: dict[str, object] = getattr(request, "req_kwargs")  # noqa: B009 -- set by responses only
    return kwargs["timeout"]


def make_client(sleeps: Sleeps, policy: RetryPolicy | None = None) -> NomadClient:
    client = NomadClient(ADDRESS, token=TOKEN, retry=policy or RetryPolicy())
    # Jitter fixed at its maximum so the delays are exact.
    client._transport._sleep = sleeps
    client._transport._jitter = lambda: 1.0
    return client


# ---- path escaping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("job_id", "escaped"),
    [
        ("a/b?c#d", "a%2Fb%3Fc%23d"),
        ("batch/dispatch-1700000000-0a1b2c3d", "batch%2Fdispatch-1700000000-0a1b2c3d"),
        ("my job", "my%20job"),
        ("100%", "100%25"),
        ("jöb+ünïcode", "j%C3%B6b%2B%C3%BCn%C3%AFcode"),
    ],
)
def test_ids_are_escaped_as_one_segment(
    job_id: str, escaped: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("GET", BASE + f"job/{escaped}/summary", body=SUMMARY)
    mocked.add("POST", BASE + f"job/{escaped}/dispatch", body=DISPATCHED)
    client.jobs.summary(job_id)
    client.jobs.dispatch(job_id)
    assert [call.request.url for call in mocked.calls] == [
        BASE + f"job/{escaped}/summary",
        BASE + f"job/{escaped}/dispatch",
    ]


def test_tag_names_are_escaped_too(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("DELETE", BASE + "job/web/versions/v1%2Frc/tag", body=b'{"Name": "v1/rc"}')
    assert client.jobs.untag_version("web", "v1/rc").name == "v1/rc"


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_empty_and_dot_ids_are_rejected_before_any_io(
    bad: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        client.jobs.get(bad)
    with pytest.raises(InvalidParameterError):
        client.jobs.deregister(bad)
    with pytest.raises(InvalidParameterError):
        client.jobs.tag_version("web", bad)
    assert len(mocked.calls) == 0


# ---- error mapping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (400, "Job ID does not match name", BadRequestError),
        (401, "Unauthorized", UnauthorizedError),
        (403, "Permission denied", PermissionDeniedError),
        (404, "job not found", NotFoundError),
        (405, "Invalid method", NomadHTTPError),
        (409, "conflict", ConflictError),
        (429, "rate limit exceeded", RateLimitedError),
        (
            500,
            "1 error occurred:\n\t* Task group cache validation failed: minimum CPU value is 1\n\n",
            ServerError,
        ),
        (
            500,
            "Enforcing job modify index 17: job exists with conflicting job modify index: 18",
            JobModifyIndexConflictError,
        ),
        (502, "<html>Bad Gateway</html>", ServerError),
    ],
)
def test_error_statuses_map_to_classes(
    status: int, body: str, error: type[NomadHTTPError], mocked: responses.RequestsMock
) -> None:
    client = NomadClient(ADDRESS, token=TOKEN, retry=RetryPolicy(max_attempts=1))
    mocked.add("POST", BASE + "job/web/evaluate", status=status, body=body, content_type="text/plain")
    with pytest.raises(error) as caught:
        client.jobs.evaluate("web")
    exc = caught.value
    assert type(exc) is error
    assert (exc.status, exc.method, exc.url, exc.body) == (status, "POST", BASE + "job/web/evaluate", body)
    assert str(exc) == f"POST {BASE}job/web/evaluate: HTTP {status}: {body.strip()}"
    assert TOKEN not in str(exc)
    assert TOKEN not in repr(exc)


def test_job_validation_failure_is_a_server_error_with_the_text(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    text = "2 errors occurred:\n\t* Missing job datacenters\n\t* Task group cache: count must be positive\n\n"
    mocked.add("POST", BASE + "jobs", status=500, body=text, content_type="text/plain")
    with pytest.raises(ServerError) as caught:
        client.jobs.register(minimal_job())
    assert caught.value.body == text
    assert len(mocked.calls) == 1


def test_redirect_is_unexpected_not_success(client: NomadClient, mocked: responses.RequestsMock) -> None:
    html = '<a href="/v1/job/summary">Moved Permanently</a>.\n'
    mocked.add(
        "GET",
        BASE + "job/web/summary",
        status=301,
        body=html,
        headers={"Location": "/v1/job/summary"},
        content_type="text/html",
    )
    with pytest.raises(UnexpectedResponseError, match="unexpected redirect \\(HTTP 301\\)") as caught:
        client.jobs.summary("web")
    assert (caught.value.status, caught.value.body) == (301, html)
    assert len(mocked.calls) == 1


def test_a_callers_response_hooks_still_run(mocked: responses.RequestsMock) -> None:
    # The transport adds a hook of its own to every request; the session's must not be replaced.
    seen: list[tuple[int, str | None]] = []
    session = requests.Session()
    session.hooks["response"].append(
        lambda response, **kwargs: seen.append((response.status_code, response.headers.get("Location")))
    )
    mocked.add("GET", BASE + "job/web/summary", body=SUMMARY)
    mocked.add("GET", BASE + "job/moved/summary", status=301, headers={"Location": "/v1/job/web/summary"})
    client = NomadClient(ADDRESS, session=session)
    assert client.jobs.summary("web").modify_index == 9
    with pytest.raises(UnexpectedResponseError):
        client.jobs.summary("moved")
    assert seen == [(200, None), (301, "/v1/job/web/summary")]


@pytest.mark.parametrize(
    "body",
    [
        b'{"JobID": "example", "Summary": {"cache": {"Queued": 0',
        b"<html><body>Welcome to nginx!</body></html>",
        b"",
    ],
    ids=["truncated-json", "html", "empty"],
)
def test_non_json_success_is_unexpected(
    body: bytes, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("GET", BASE + "job/web/summary", status=200, body=body)
    with pytest.raises(UnexpectedResponseError, match="HTTP 200 answer is not valid JSON") as caught:
        client.jobs.summary("web")
    assert caught.value.body == body.decode()
    assert isinstance(caught.value.__cause__, type(None))


def test_json_that_does_not_fit_the_model(client: NomadClient, mocked: responses.RequestsMock) -> None:
    body = b'{"JobID": "example", "CreateIndex": "seven"}'
    mocked.add("GET", BASE + "job/web/summary", status=200, body=body)
    with pytest.raises(ResponseValidationError) as caught:
        client.jobs.summary("web")
    exc = caught.value
    assert (exc.body, exc.model, exc.method) == (body.decode(), "JobSummary", "GET")
    assert [error["loc"] for error in exc.error.errors()] == [("CreateIndex",)]
    assert str(exc).startswith(f"GET {BASE}job/web/summary: response does not fit JobSummary: ")


def test_str_of_errors_never_fails() -> None:
    assert str(NomadError("plain")) == "plain"
    assert str(NomadHTTPError(500, "GET", "http://n/v1/x", "")) == "GET http://n/v1/x: HTTP 500"
    long_body = "x" * 2000
    text = str(ServerError(500, "GET", "http://n/v1/x", long_body))
    assert text == "GET http://n/v1/x: HTTP 500: " + "x" * 500 + "…"


# ---- retries -------------------------------------------------------------------------------


def test_reads_retry_on_503_then_succeed(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps)
    mocked.add("GET", BASE + "job/web/summary", status=503, body="No cluster leader")
    mocked.add("GET", BASE + "job/web/summary", status=503, body="No cluster leader")
    mocked.add("GET", BASE + "job/web/summary", status=200, body=SUMMARY)
    assert client.jobs.summary("web").create_index == 7
    assert len(mocked.calls) == 3
    assert sleeps.delays == [0.25, 0.5]


def test_read_retries_are_bounded(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps, RetryPolicy(max_attempts=3, backoff_base=1.0, backoff_max=1.5))
    mocked.add("GET", BASE + "jobs", status=502, body="bad gateway")
    with pytest.raises(ServerError):
        client.jobs.list()
    assert len(mocked.calls) == 3
    assert sleeps.delays == [1.0, 1.5]


def test_retry_after_is_honoured(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps)
    mocked.add("GET", BASE + "jobs", status=429, body="slow down", headers={"Retry-After": "3"})
    mocked.add("GET", BASE + "jobs", status=200, body=b"[]")
    assert client.jobs.list() == []
    assert sleeps.delays == [3.0]


def test_rate_limited_error_carries_retry_after(mocked: responses.RequestsMock) -> None:
    client = make_client(Sleeps(), RetryPolicy(max_attempts=1))
    mocked.add("GET", BASE + "jobs", status=429, body="slow down", headers={"Retry-After": "7"})
    with pytest.raises(RateLimitedError) as caught:
        client.jobs.list()
    assert caught.value.retry_after == 7.0


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_writes_are_not_retried_on_error_statuses(status: int, mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps)
    mocked.add("POST", BASE + "jobs", status=status, body="unavailable")
    with pytest.raises(NomadHTTPError) as caught:
        client.jobs.register(minimal_job())
    assert caught.value.status == status
    assert len(mocked.calls) == 1
    assert sleeps.delays == []


def test_writes_are_retried_on_429_honouring_retry_after(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps)
    mocked.add("POST", BASE + "jobs", status=429, body="rate limit exceeded", headers={"Retry-After": "2"})
    mocked.add("POST", BASE + "jobs", status=429, body="rate limit exceeded")
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    assert client.jobs.register(minimal_job()).eval_id == "e1"
    assert [(call.request.method, call.request.url) for call in mocked.calls] == [("POST", BASE + "jobs")] * 3
    sent = (
        b'{"Job":{"ID":"web","TaskGroups":[{"Name":"cache","Tasks":[{"Name":"redis","Driver":"docker"}]}]}}'
    )
    assert [call.request.body for call in mocked.calls] == [sent] * 3
    assert sleeps.delays == [2.0, 0.5]


def test_write_retries_on_429_are_bounded(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps, RetryPolicy(max_attempts=3, max_retry_after=5.0))
    mocked.add("POST", BASE + "jobs", status=429, body="rate limit exceeded", headers={"Retry-After": "30"})
    with pytest.raises(RateLimitedError) as caught:
        client.jobs.register(minimal_job())
    assert (caught.value.status, caught.value.body, caught.value.retry_after) == (
        429,
        "rate limit exceeded",
        30.0,
    )
    assert len(mocked.calls) == 3
    assert sleeps.delays == [5.0, 5.0]


def test_writes_are_retried_when_no_connection_was_made(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps)
    refused = requests.exceptions.ConnectionError(
        MaxRetryError(None, "/v1/jobs", NewConnectionError(None, "Connection refused"))  # type: ignore[arg-type]
    )
    mocked.add("POST", BASE + "jobs", body=refused)
    mocked.add("POST", BASE + "jobs", body=requests.exceptions.ConnectTimeout("connect timed out"))
    mocked.add("POST", BASE + "jobs", body=REGISTERED)
    assert client.jobs.register(minimal_job()).eval_id == "e1"
    assert len(mocked.calls) == 3


def test_writes_are_not_retried_after_the_connection_was_made(mocked: responses.RequestsMock) -> None:
    client = make_client(Sleeps())
    reset = requests.exceptions.ConnectionError(
        MaxRetryError(None, "/v1/jobs", ProtocolError("Connection aborted."))  # type: ignore[arg-type]
    )
    mocked.add("POST", BASE + "jobs", body=reset)
    with pytest.raises(NomadConnectionError) as caught:
        client.jobs.register(minimal_job())
    assert str(caught.value) == (
        f"POST {BASE}jobs: connection to Nomad lost before an answer (Connection aborted.);"
        " the request may have been applied"
    )
    assert len(mocked.calls) == 1


def test_dispatch_with_idempotency_token_is_retried(mocked: responses.RequestsMock) -> None:
    client = make_client(Sleeps())
    mocked.add("POST", BASE + "job/batch/dispatch", status=503, body="No cluster leader")
    mocked.add("POST", BASE + "job/batch/dispatch", body=DISPATCHED)
    assert client.jobs.dispatch("batch", idempotency_token="once").dispatched_job_id == "batch/dispatch-1"
    assert [call.request.url for call in mocked.calls] == [
        BASE + "job/batch/dispatch?idempotency_token=once"
    ] * 2


def test_dispatch_without_token_is_not_retried(mocked: responses.RequestsMock) -> None:
    client = make_client(Sleeps())
    mocked.add("POST", BASE + "job/batch/dispatch", status=503, body="No cluster leader")
    with pytest.raises(ServerError):
        client.jobs.dispatch("batch")
    assert len(mocked.calls) == 1


def test_timeouts_map_to_timeout_errors(mocked: responses.RequestsMock) -> None:
    client = make_client(Sleeps(), RetryPolicy(max_attempts=1))
    mocked.add("GET", BASE + "jobs", body=requests.exceptions.ConnectTimeout("slow connect"))
    mocked.add("GET", BASE + "job/web", body=requests.exceptions.ReadTimeout("slow read"))
    with pytest.raises(NomadTimeoutError) as connect:
        client.jobs.list()
    with pytest.raises(NomadTimeoutError) as read:
        client.jobs.get("web")
    assert (connect.value.phase, read.value.phase) == ("connect", "read")
    assert str(read.value) == f"GET {BASE}job/web: timed out waiting for Nomad's answer"


def test_read_timeouts_are_not_retried(mocked: responses.RequestsMock) -> None:
    client = make_client(Sleeps())
    mocked.add("GET", BASE + "job/web", body=requests.exceptions.ReadTimeout("slow read"))
    with pytest.raises(NomadTimeoutError):
        client.jobs.get("web")
    assert len(mocked.calls) == 1


def test_backoff_is_exponential_with_equal_jitter() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=3.0)
    assert [policy.delay(n, None, 0.0) for n in (1, 2, 3, 4, 5)] == [0.25, 0.5, 1.0, 1.5, 1.5]
    assert [policy.delay(n, None, 1.0) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert policy.delay(1, 500.0, 0.5) == 60.0


# ---- blocking queries ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wait", "query", "read_timeout"),
    [
        ("30s", "index=7&wait=30000ms", 60.0),
        ("90s", "index=7&wait=90000ms", 90 + 90 / 16 + 5),
        (timedelta(minutes=2), "index=7&wait=120000ms", 120 + 120 / 16 + 5),
        (None, "index=7", 300 + 300 / 16 + 5),
        ("10m", "index=7&wait=600000ms", 300 + 300 / 16 + 5),
        ("1.5s", "index=7&wait=1500ms", 60.0),
    ],
)
def test_blocking_query_stretches_the_read_timeout(
    wait: str | timedelta | None,
    query: str,
    read_timeout: float,
    client: NomadClient,
    mocked: responses.RequestsMock,
) -> None:
    mocked.add("GET", BASE + "job/web/summary", body=SUMMARY, headers={"X-Nomad-Index": "8"})
    client.jobs.summary("web", index=7, wait=wait)
    request = mocked.calls[0].request
    assert request.url == BASE + "job/web/summary?" + query
    assert timeout_of(request) == (5.0, read_timeout)


def test_plain_reads_use_the_default_timeouts(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("GET", BASE + "job/web/summary", body=SUMMARY)
    client.jobs.summary("web", index=0)
    assert mocked.calls[0].request.url == BASE + "job/web/summary"
    assert timeout_of(mocked.calls[0].request) == (5.0, 60.0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"wait": "5 minutes"}, "wait: invalid duration"),
        ({"wait": "0s"}, "wait must be at least 1ms"),
        ({"wait": 30}, "wait must be a timedelta or a duration string"),
        ({"index": -1}, "index must be a non-negative integer"),
        ({"index": True}, "index must be a non-negative integer"),
        ({"namespace": 5}, "namespace must be a string"),
        ({"region": ["eu"]}, "region must be a string"),
        ({"stale": "false"}, "stale must be a bool, got 'false'"),
        ({"stale": 1}, "stale must be a bool, got 1"),
        ({"token": 5}, "token must be a string, got int"),
    ],
)
def test_invalid_query_options_fail_before_io(
    options: dict[str, object], message: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        client.jobs.summary("web", **options)  # type: ignore[arg-type]
    assert len(mocked.calls) == 0


# ---- metadata ------------------------------------------------------------------------------


def test_with_meta_returns_value_and_headers(client: NomadClient, mocked: responses.RequestsMock) -> None:
    headers = {
        "X-Nomad-Index": "184467440737095",
        "X-Nomad-KnownLeader": "true",
        "X-Nomad-LastContact": "25",
        "X-Nomad-NextToken": "default.web-2",
    }
    mocked.add("GET", BASE + "job/web/summary", body=SUMMARY, headers=headers)
    result = client.jobs.with_meta.summary("web")
    assert isinstance(result, WithMeta)
    assert result.value.job_id == "example"
    meta = result.meta
    assert (meta.last_index, meta.known_leader, meta.last_contact, meta.next_token) == (
        184467440737095,
        True,
        timedelta(milliseconds=25),
        "default.web-2",
    )
    assert meta.request_time > timedelta(0)


def test_missing_or_garbled_headers_read_as_zero(client: NomadClient, mocked: responses.RequestsMock) -> None:
    headers = {"X-Nomad-Index": "12abc", "X-Nomad-KnownLeader": "yes", "X-Nomad-LastContact": "-4"}
    mocked.add("GET", BASE + "job/web/summary", body=SUMMARY, headers=headers)
    meta = client.jobs.with_meta.summary("web").meta
    assert (meta.last_index, meta.known_leader, meta.last_contact, meta.next_token) == (
        0,
        False,
        timedelta(0),
        None,
    )
    assert QueryMeta.from_headers({}, timedelta(0)) == QueryMeta()


def test_with_meta_on_writes(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("POST", BASE + "jobs", body=REGISTERED, headers={"X-Nomad-Index": "10"})
    result = client.jobs.with_meta.register(minimal_job())
    assert (result.value.eval_id, result.meta.last_index) == ("e1", 10)


# ---- watch ---------------------------------------------------------------------------------


def test_watch_follows_the_index_and_yields_changes(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps)
    url = BASE + "job/web/summary"
    for index, modify in ((5, 5), (5, 5), (9, 9), (12, 12)):
        body = json.dumps({"JobID": "web", "ModifyIndex": modify}).encode()
        mocked.add("GET", url, body=body, headers={"X-Nomad-Index": str(index)})
    seen = [summary.modify_index for summary in itertools.islice(client.watch(client.jobs.summary, "web"), 3)]
    assert seen == [5, 9, 12]
    assert [call.request.url for call in mocked.calls] == [
        url,
        url + "?index=5",
        url + "?index=5",
        url + "?index=9",
    ]
    # The unchanged answer came back at once: the first backoff before asking again.
    assert sleeps.delays == [0.25]


def test_watch_pauses_grow_while_the_index_stays_and_reset_when_it_moves(
    mocked: responses.RequestsMock,
) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps, RetryPolicy(backoff_base=0.5, backoff_max=1.5))
    url = BASE + "job/web/summary"
    for index in (5, 5, 5, 5, 5, 9, 9, 12):
        mocked.add("GET", url, body=SUMMARY, headers={"X-Nomad-Index": str(index)})
    watcher = client.watch(client.jobs.summary, "web")
    assert [next(watcher).job_id for _ in range(3)] == ["example"] * 3
    assert [str(call.request.url).removeprefix(url) for call in mocked.calls] == [
        "",
        *["?index=5"] * 5,
        *["?index=9"] * 2,
    ]
    assert sleeps.delays == [0.5, 1.0, 1.5, 1.5, 0.5]


def test_watch_pauses_at_least_a_tenth_of_a_second(mocked: responses.RequestsMock) -> None:
    sleeps = Sleeps()
    client = make_client(sleeps, RetryPolicy(backoff_base=0.0, backoff_max=0.0))
    url = BASE + "job/web/summary"
    for index in (5, 5, 5, 6):
        mocked.add("GET", url, body=SUMMARY, headers={"X-Nomad-Index": str(index)})
    watcher = client.watch(client.jobs.summary, "web")
    next(watcher)
    next(watcher)
    assert len(mocked.calls) == 4
    assert sleeps.delays == [0.1, 0.1]


def test_watch_passes_options_and_start_index(client: NomadClient, mocked: responses.RequestsMock) -> None:
    url = BASE + "job/web/summary"
    mocked.add("GET", url, body=SUMMARY, headers={"X-Nomad-Index": "21"})
    watcher = client.watch(client.jobs.summary, "web", index=20, wait="4m", namespace="apps")
    assert next(watcher).create_index == 7
    assert mocked.calls[0].request.url == url + "?namespace=apps&index=20&wait=240000ms"
    assert timeout_of(mocked.calls[0].request) == (5.0, 240 + 240 / 16 + 5)


def test_watch_needs_an_index(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("GET", BASE + "job/web/actions", body=b"[]")
    with pytest.raises(NomadError, match="does not report X-Nomad-Index"):
        next(client.watch(client.jobs.actions, "web"))


# ---- paging --------------------------------------------------------------------------------


def _stub(job_id: str) -> dict[str, object]:
    return {"ID": job_id, "Name": job_id, "Type": "service", "Status": "running"}


def test_iter_list_follows_next_tokens(client: NomadClient, mocked: responses.RequestsMock) -> None:
    pages = [(["a", "b"], "default.c"), (["c", "d"], "default.e"), (["e"], None)]
    for ids, token in pages:
        headers = {"X-Nomad-NextToken": token} if token else {}
        mocked.add("GET", BASE + "jobs", body=json.dumps([_stub(i) for i in ids]), headers=headers)
    assert [stub.id for stub in client.jobs.iter_list(per_page=2, namespace="*")] == ["a", "b", "c", "d", "e"]
    assert [call.request.url for call in mocked.calls] == [
        BASE + "jobs?per_page=2&namespace=%2A",
        BASE + "jobs?per_page=2&next_token=default.c&namespace=%2A",
        BASE + "jobs?per_page=2&next_token=default.e&namespace=%2A",
    ]


def test_iter_list_stops_on_a_repeated_token(client: NomadClient, mocked: responses.RequestsMock) -> None:
    for ids, token in ((["a"], "default.b"), (["b"], "default.c"), (["c"], "default.b")):
        mocked.add(
            "GET",
            BASE + "jobs",
            body=json.dumps([_stub(i) for i in ids]),
            headers={"X-Nomad-NextToken": token},
        )
    seen: list[str | None] = []
    with pytest.raises(NomadError, match=r"repeated the page token 'default\.b'"):
        seen.extend(stub.id for stub in client.jobs.iter_list(per_page=1))
    assert seen == ["a", "b", "c"]
    assert len(mocked.calls) == 3


def test_other_lists_page_too(client: NomadClient, mocked: responses.RequestsMock) -> None:
    alloc = {"ID": "a1", "ClientStatus": "running"}
    mocked.add("GET", BASE + "allocations", body=json.dumps([alloc]), headers={"X-Nomad-NextToken": "t2"})
    mocked.add("GET", BASE + "allocations", body=json.dumps([{**alloc, "ID": "a2"}]))
    mocked.add("GET", BASE + "evaluations", body=json.dumps([{"ID": "e1"}]))
    mocked.add("GET", BASE + "deployments", body=json.dumps([{"ID": "d1"}]))
    assert [a.id for a in client.allocations.iter_list(per_page=1)] == ["a1", "a2"]
    assert [e.id for e in client.evaluations.iter_list(status="failed")] == ["e1"]
    assert [d.id for d in client.deployments.iter_list(next_token="x")] == ["d1"]
    assert mocked.calls[1].request.url == BASE + "allocations?per_page=1&next_token=t2"
    assert mocked.calls[3].request.url == BASE + "deployments?next_token=x"


def test_list_page_exposes_the_next_token(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add(
        "GET", BASE + "jobs", body=json.dumps([_stub("a")]), headers={"X-Nomad-NextToken": "default.b"}
    )
    page = client.jobs.with_meta.list(per_page=1)
    assert ([stub.id for stub in page.value], page.meta.next_token) == (["a"], "default.b")


# ---- redaction in logs ---------------------------------------------------------------------


def test_logs_name_the_request_but_never_the_token(
    mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(Sleeps())
    mocked.add("GET", BASE + "job/web", status=503, body="No cluster leader")
    mocked.add("GET", BASE + "job/web", status=404, body="job not found")
    caplog.set_level(logging.DEBUG, logger="nomad_typed")
    with pytest.raises(NotFoundError):
        client.jobs.get("web", namespace="apps")
    messages = [record.getMessage() for record in caplog.records if record.name == "nomad_typed"]
    url = BASE + "job/web?namespace=apps"
    assert messages[0] == f"GET {url}: HTTP 503 on attempt 1, retrying in 0.250 s"
    assert messages[1].startswith(f"GET {url} -> 404 (2 attempt(s), ")
    assert all(TOKEN not in message for message in messages)
    assert all(TOKEN not in str(record.args) for record in caplog.records)


# ---- option names --------------------------------------------------------------------------


def test_misspelt_or_misplaced_options_are_rejected(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(
        TypeError, match=r"unexpected keyword argument\(s\) for GET /v1/job/web: \['namespac'\]"
    ):
        client.jobs.get("web", namespac="apps")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"for POST /v1/job/web/evaluate: \['index', 'wait'\]"):
        client.jobs.evaluate("web", index=3, wait="5s")  # type: ignore[call-arg]
    assert len(mocked.calls) == 0
