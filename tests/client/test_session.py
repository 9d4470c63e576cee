"""What a ``requests.Session`` and its environment add to every request, as requests adds it.

The transport prepares requests itself (requests' own preparation re-reads the environment and
re-merges fixed settings on every call), so these pin that nothing of the session is lost: its
headers, query parameters, auth, ``~/.netrc`` entry and cookies, and the address as requests
normalizes it.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import requests
import responses

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import NomadConfigError

from .conftest import ADDRESS, BASE, TOKEN

JOBS = b"[]"


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


@pytest.fixture
def netrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A netrc file with a login for the test agent's host, found through ``$NETRC``."""
    path = tmp_path / "netrc"
    path.write_text("machine nomad.test login deployer password from-netrc\n")
    monkeypatch.setenv("NETRC", str(path))
    return path


def test_session_headers_are_sent_and_the_calls_own_win(mocked: responses.RequestsMock) -> None:
    session = requests.Session()
    session.headers.update({"X-Trace": "abc", "Accept": "text/html", "User-Agent": None})  # type: ignore[dict-item]
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, token=TOKEN, session=session) as client:
        client.jobs.list()
    assert dict(mocked.calls[0].request.headers) == {
        "Accept-Encoding": "gzip, deflate",
        "Accept": "application/json",
        "Connection": "keep-alive",
        "X-Trace": "abc",
        "X-Nomad-Token": TOKEN,
    }


def test_session_params_are_sent_and_the_calls_own_win(mocked: responses.RequestsMock) -> None:
    session = requests.Session()
    session.params = {"namespace": "ops", "trace": "1", "dropped": None}
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list(prefix="web", namespace="dev")
    assert mocked.calls[0].request.url == BASE + "jobs?namespace=dev&trace=1&prefix=web"


def test_session_auth_is_used_unless_http_auth_is_configured(mocked: responses.RequestsMock) -> None:
    session = requests.Session()
    session.auth = ("from-session", "s3cret")
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list()
    with NomadClient(ADDRESS, session=session, http_auth="operator:pässword") as client:
        client.jobs.list()
    sent = [call.request.headers["Authorization"] for call in mocked.calls]
    assert sent == [_basic("from-session", "s3cret"), _basic("operator", "pässword")]


def test_a_netrc_login_for_the_host_is_used_as_requests_would(
    mocked: responses.RequestsMock, netrc: Path
) -> None:
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS) as client:
        client.jobs.list()
        client.jobs.list()
    with NomadClient(ADDRESS, http_auth="operator:pw") as client:
        client.jobs.list()
    ignoring = requests.Session()
    ignoring.trust_env = False
    with NomadClient(ADDRESS, session=ignoring) as client:
        client.jobs.list()
    sent = [call.request.headers.get("Authorization") for call in mocked.calls]
    assert sent == [_basic("deployer", "from-netrc")] * 2 + [_basic("operator", "pw"), None]


def test_a_netrc_file_is_read_on_first_use_not_when_the_client_is_created(
    mocked: responses.RequestsMock, netrc: Path
) -> None:
    mocked.add("GET", BASE + "jobs", body=JOBS)
    netrc.unlink()
    with NomadClient(ADDRESS) as client:
        netrc.write_text("machine nomad.test login late password written-after\n")
        client.jobs.list()
    assert mocked.calls[0].request.headers["Authorization"] == _basic("late", "written-after")


def test_cookies_set_by_an_answer_are_sent_back(mocked: responses.RequestsMock) -> None:
    # A load balancer in front of the servers pinning a client to one of them (sticky sessions).
    mocked.add("GET", BASE + "jobs", body=JOBS, headers={"Set-Cookie": "lb=server-2; Path=/"})
    session = requests.Session()
    session.cookies.set("team", "platform", domain="nomad.test", path="/")
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list()
        client.jobs.list()
    sent = [call.request.headers.get("Cookie") for call in mocked.calls]
    assert sent == ["team=platform", "team=platform; lb=server-2"]


def test_an_international_host_is_sent_as_idna(mocked: responses.RequestsMock) -> None:
    mocked.add("GET", "http://xn--nmad-5qa.test:4646/v1/jobs", body=JOBS)
    with NomadClient("http://nömad.test:4646") as client:
        assert client.jobs.list() == []
    assert mocked.calls[0].request.url == "http://xn--nmad-5qa.test:4646/v1/jobs"


def test_an_address_prefix_is_requoted_once(mocked: responses.RequestsMock) -> None:
    mocked.add("GET", "http://nomad.test:4646/nomad%20api/v1/job/a%2Fb/summary", body=b"{}")
    with NomadClient("http://nomad.test:4646/nomad api") as client:
        client.jobs.summary("a/b")
    assert mocked.calls[0].request.url == "http://nomad.test:4646/nomad%20api/v1/job/a%2Fb/summary"


def test_an_address_requests_cannot_send_fails_when_the_client_is_created() -> None:
    with pytest.raises(NomadConfigError) as caught:
        NomadClient("http://nomad test:4646")
    assert str(caught.value) == (
        "Nomad address 'http://nomad test:4646' cannot be sent: "
        "Failed to parse: Host 'nomad test' contains invalid character ' '"
    )
