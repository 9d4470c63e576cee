"""Proxies: the environment's and a caller's session's, read once when the client is created.

The loopback server plays an HTTP proxy here: a request sent through it arrives in absolute
form (``GET http://nomad.invalid:4646/v1/…``) with the agent's name in ``Host``, which a request
sent straight to it never has.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def _connect_listener() -> Iterator[tuple[str, list[bytes]]]:
    """A proxy address whose listener records the first line of what it receives, then hangs up."""
    lines: list[bytes] = []
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port: int = listener.getsockname()[1]

        def accept_one() -> None:
            connection, _ = listener.accept()
            with connection, connection.makefile("rb") as stream:
                lines.append(stream.readline())

        thread = threading.Thread(target=accept_one, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{port}", lines
        thread.join(timeout=5)


def test_https_proxy_from_the_environment_tunnels_an_https_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", _closed_address())
    with _connect_listener() as (proxy, lines):
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        client = NomadClient("https://nomad.invalid:4646", retry=ONE_TRY)
        with client, pytest.raises(NomadConnectionError) as caught:
            client.jobs.get("example")
    # http.client opens a tunnel with an HTTP/1.0 request.
    assert lines == [b"CONNECT nomad.invalid:4646 HTTP/1.0\r\n"]
    assert str(caught.value).startswith("GET https://nomad.invalid:4646/v1/job/example: ")


@pytest.mark.parametrize(
    "no_proxy",
    ["127.0.0.1", "127.0.0.0/8", "*", "agent.test, 127.0.0.1", "localhost,127.0.0.1 "],
)
@pytest.mark.parametrize("name", ["NO_PROXY", "no_proxy"])
def test_no_proxy_forms_that_name_the_agent_send_straight_to_it(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch, name: str, no_proxy: str
) -> None:
    monkeypatch.setenv("HTTP_PROXY", _closed_address())
    monkeypatch.setenv(name, no_proxy)
    with NomadClient(server.address, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert [request.raw_path for request in server.seen()] == ["/v1/job/example"]


@pytest.mark.parametrize(
    "no_proxy", [".invalid", "nomad.invalid:4646"], ids=["domain suffix", "host and port"]
)
def test_no_proxy_naming_an_agent_sends_straight_to_it(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch, no_proxy: str
) -> None:
    # Sent straight, the request fails: the agent's name does not resolve.
    monkeypatch.setenv("HTTP_PROXY", server.address)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    with NomadClient(UNREACHABLE, retry=ONE_TRY) as client, pytest.raises(NomadConnectionError) as caught:
        client.jobs.get("example")
    assert str(caught.value).startswith(
        f"GET {UNREACHABLE}/v1/job/example: cannot reach Nomad:"
        " HTTPConnection(host='nomad.invalid', port=4646): Failed to resolve 'nomad.invalid'"
    )
    assert server.seen() == []


#: Stands for the loopback server's address in the environments below.
PROXY = "<the proxy>"


@pytest.mark.parametrize(
    "environment",
    [
        pytest.param({"ALL_PROXY": PROXY}, id="ALL_PROXY"),
        pytest.param({"HTTP_PROXY": PROXY, "NO_PROXY": "nomad.invalid:4647"}, id="NO_PROXY another port"),
        pytest.param({"HTTP_PROXY": PROXY, "NO_PROXY": "other.invalid"}, id="NO_PROXY another host"),
    ],
)
def test_proxy_settings_that_carry_the_requests(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, server.address if value == PROXY else value)
    with NomadClient(UNREACHABLE, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert _hosts(server) == [("nomad.invalid:4646", "/v1/job/example")]


def test_the_environments_proxy_beats_the_sessions_as_in_requests(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", server.address)
    session = requests.Session()
    session.proxies = {"http": _closed_address()}
    with NomadClient(UNREACHABLE, session=session, retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert _hosts(server) == [("nomad.invalid:4646", "/v1/job/example")]


class _BearerSession(requests.Session):
    """A session class adding its credentials in ``request()``, as OAuth2Session does."""

    def request(  # type: ignore[override]
        self, method: str, url: str, *, headers: dict[str, str], **kwargs: object
    ) -> requests.Response:
        return super().request(method, url, headers={**headers, "Authorization": "Bearer abc"}, **kwargs)  # type: ignore[arg-type]


def test_a_session_class_building_its_own_requests_uses_the_proxies_too(
    server: NomadServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", server.address)
    with NomadClient(UNREACHABLE, session=_BearerSession(), retry=ONE_TRY) as client:
        assert client.jobs.get("example").id == "example"
    assert [(request.headers["Host"], request.headers["Authorization"]) for request in server.seen()] == [
        ("nomad.invalid:4646", "Bearer abc")
    ]
