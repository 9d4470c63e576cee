"""Proxies: the environment's and a caller's session's, read once when the client is created.

The loopback server plays an HTTP proxy here: a request sent through it arrives in absolute
form (``GET http://nomad.invalid:4646/v1/…``) with the agent's name in ``Host``, which a request
sent straight to it never has.
"""

from __future__ import annotations

import socket

import pytest
import requests

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import NomadConnectionError
from nomad_typed._transport import RetryPolicy
from tests.support.nomad_server import NomadServer

#: An agent address that only the proxy can reach: ``.invalid`` never resolves.
UNREACHABLE = "http://nomad.invalid:4646"
ONE_TRY = RetryPolicy(max_attempts=1)
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture(autouse=True)
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The proxy settings of the machine running the tests play no part."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _closed_address() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _hosts(server: NomadServer) -> list[tuple[str, str]]:
    return [(request.headers["Host"], request.raw_path) for request in server.seen()]


def test_http_proxy_from_the_environment_carries_the_requests(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", server.address)
    with NomadClient(UNREACHABLE, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
        assert client.jobs.summary("example").job_id == "example"
    assert _hosts(server) == [
        ("nomad.invalid:4646", "/v1/job/example"),
        ("nomad.invalid:4646", "/v1/job/example/summary"),
    ]


def test_no_proxy_sends_straight_to_the_agent(server: NomadServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", _closed_address())
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with NomadClient(server.address, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert [request.raw_path for request in server.seen()] == ["/v1/job/example"]


def test_a_proxy_that_refuses_is_a_connection_error(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = _closed_address()
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with NomadClient(server.address, retry=ONE_TRY) as client, pytest.raises(NomadConnectionError) as caught:
        client.jobs.get("example")
    assert str(caught.value).startswith(f"GET {server.address}/v1/job/example: ")
    assert server.seen() == []


def test_the_environment_is_read_when_the_client_is_created(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    with NomadClient(server.address, retry=ONE_TRY) as client:
        monkeypatch.setenv("HTTP_PROXY", _closed_address())
        assert client.jobs.get("example").id == "example"
    monkeypatch.setenv("HTTP_PROXY", server.address)
    with NomadClient(UNREACHABLE, retry=ONE_TRY) as client:
        monkeypatch.delenv("HTTP_PROXY")
        assert client.jobs.get("example").id == "example"
    assert _hosts(server) == [
        (server.address.removeprefix("http://"), "/v1/job/example"),
        ("nomad.invalid:4646", "/v1/job/example"),
    ]


def test_a_callers_session_proxies_are_used(server: NomadServer) -> None:
    session = requests.Session()
    session.proxies = {"http": server.address}
    with NomadClient(UNREACHABLE, session=session, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert _hosts(server) == [("nomad.invalid:4646", "/v1/job/example")]


def test_a_session_that_ignores_the_environment_ignores_its_proxy(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", _closed_address())
    session = requests.Session()
    session.trust_env = False
    with NomadClient(server.address, session=session, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert [request.raw_path for request in server.seen()] == ["/v1/job/example"]
