"""What a ``requests.Session`` and its environment add to every request, as requests adds it.

The transport prepares requests itself (requests' own preparation re-reads the environment and
re-merges fixed settings on every call), so these pin that nothing of the session is lost: its
headers, query parameters, auth, ``~/.netrc`` entry, cookies (in requests' order, and from many
threads at once), hooks and adapters; the address, path and query as requests prepared them; and
a session class that builds its requests itself still building them.
"""

from __future__ import annotations

import base64
import io
import itertools
import re
import traceback
from multiprocessing.pool import ThreadPool
from pathlib import Path

import pytest
import requests
import responses
from hypothesis import given, settings, strategies as st
from requests.adapters import HTTPAdapter
from requests.auth import AuthBase
from urllib3 import HTTPResponse

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import NomadConfigError, NomadError
from nomad_typed._transport import escape_segment
from tests.support.nomad_server import NomadServer, Reply, job_routes

from .conftest import ADDRESS, BASE, FAST_RETRY, TOKEN

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


class _SigningAuth(AuthBase):
    """An auth that signs the headers it is given, as request-signing schemes do."""

    def __init__(self) -> None:
        self.signed: list[dict[str, str]] = []

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        self.signed.append(dict(request.headers))
        request.headers["X-Signed"] = ",".join(name.lower() for name in request.headers)
        return request


def test_a_session_auth_signs_the_cookie_header_as_requests_prepares_it(
    mocked: responses.RequestsMock,
) -> None:
    # requests adds the session's cookies before the auth runs: a signature covers them.
    session = requests.Session()
    session.auth = signing = _SigningAuth()
    session.cookies.set("team", "platform", domain="nomad.test", path="/")
    mocked.add("POST", BASE + "job/web/periodic/force", body=b"{}")
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.periodic_force("web")
    assert signing.signed == [
        {
            "User-Agent": requests.utils.default_user_agent(),
            "Accept-Encoding": "gzip, deflate",
            "Accept": "application/json",
            "Connection": "keep-alive",
            "Cookie": "team=platform",
            "Content-Length": "0",
        }
    ]
    assert mocked.calls[0].request.headers["X-Signed"] == (
        "user-agent,accept-encoding,accept,connection,cookie,content-length"
    )


@pytest.mark.parametrize(
    "params",
    [pytest.param("trace=1", id="str"), pytest.param([("trace", "1"), ("trace", "2")], id="pairs")],
)
def test_session_params_that_are_not_a_mapping_are_ignored_as_requests_ignores_them(
    params: str | list[tuple[str, str]], mocked: responses.RequestsMock
) -> None:
    session = requests.Session()
    session.params = params
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list(prefix="web")
    assert mocked.calls[0].request.url == BASE + "jobs?prefix=web"


class _BearerSession(requests.Session):
    """A session adding its own credentials in ``request()``, as OAuth2Session does."""

    def request(  # type: ignore[override]
        self, method: str, url: str, *, headers: dict[str, str], **kwargs: object
    ) -> requests.Response:
        return super().request(method, url, headers={**headers, "Authorization": "Bearer abc"}, **kwargs)  # type: ignore[arg-type]


class _StampingSession(requests.Session):
    """A session changing each request it prepares."""

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        prepared = super().prepare_request(request)
        prepared.headers["X-Stamp"] = "stamped"
        return prepared


def test_a_session_class_building_its_own_requests_still_builds_them(mocked: responses.RequestsMock) -> None:
    mocked.add("GET", BASE + "jobs", body=JOBS)
    mocked.add("POST", BASE + "job/web/dispatch/payload", body=b"{}")
    bearer = _BearerSession()
    bearer.params = {"trace": "1"}
    bearer.cookies.set("team", "platform", domain="nomad.test", path="/")
    with NomadClient(ADDRESS, session=bearer, token=TOKEN) as client:
        client.jobs.list(prefix="web")
        client.jobs.dispatch_payload("web", b"input")
    with NomadClient(ADDRESS, session=_StampingSession()) as client:
        client.jobs.list()
    sent = [
        (call.request.method, call.request.url, dict(call.request.headers), call.request.body)
        for call in mocked.calls
    ]
    common = {
        "User-Agent": requests.utils.default_user_agent(),
        "Accept-Encoding": "gzip, deflate",
        "Accept": "application/json",
        "Connection": "keep-alive",
    }
    signed_in = {"X-Nomad-Token": TOKEN, "Authorization": "Bearer abc", "Cookie": "team=platform"}
    assert sent == [
        ("GET", BASE + "jobs?trace=1&prefix=web", {**common, **signed_in}, None),
        (
            "POST",
            BASE + "job/web/dispatch/payload?trace=1",
            {
                **common,
                "Content-Type": "application/octet-stream",
                **signed_in,
                "Content-Length": "5",
            },
            b"input",
        ),
        ("GET", BASE + "jobs", {**common, "X-Stamp": "stamped"}, None),
    ]


def test_a_single_response_hook_of_the_session_runs(mocked: responses.RequestsMock) -> None:
    # requests takes one callable as well as a list of them.
    statuses: list[int] = []
    session = requests.Session()
    session.hooks["response"] = lambda response, **kwargs: statuses.append(response.status_code)
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list()
    assert statuses == [200]


def test_a_netrc_entry_for_an_international_host_is_found_by_the_name_written(
    mocked: responses.RequestsMock, netrc: Path
) -> None:
    netrc.write_text("machine nömad.test login deployer password from-netrc\n")
    mocked.add("GET", "http://xn--nmad-5qa.test:4646/v1/jobs", body=JOBS)
    with NomadClient("http://nömad.test:4646") as client:
        client.jobs.list()
    assert mocked.calls[0].request.headers["Authorization"] == _basic("deployer", "from-netrc")


#: Text a query value or a path segment may hold: any character UTF-8 can encode.
ENCODABLE = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)


@settings(max_examples=150, deadline=None)
@given(
    job_id=ENCODABLE.filter(lambda text: text not in ("", ".", "..")),
    tag=ENCODABLE,
    namespace=ENCODABLE,
    address=st.sampled_from(["http://nomad.test:4646", "http://Nomad.TEST:4646/nö mad/%7e~"]),
)
def test_the_url_sent_is_the_one_requests_prepares(
    job_id: str, tag: str, namespace: str, address: str
) -> None:
    # What the client sent when requests prepared every URL itself.
    expected = requests.Request(
        "GET",
        f"{address}/v1/job/{escape_segment(job_id)}/versions",
        params=[("diff_tag", tag), ("namespace", namespace)] if namespace else [("diff_tag", tag)],
    ).prepare()
    with responses.RequestsMock() as mocked, NomadClient(address) as client:
        mocked.add("GET", re.compile(".*"), body=b'{"Versions": []}')
        client.jobs.versions(job_id, diff_tag=tag, namespace=namespace)
        assert mocked.calls[0].request.url == expected.url


@pytest.mark.parametrize(
    ("address", "sent"),
    [
        pytest.param("http://NOMAD.Test:4646", "http://nomad.test:4646/v1/jobs", id="uppercase host"),
        pytest.param("HTTP://nomad.test:4646/", "http://nomad.test:4646/v1/jobs", id="trailing slash"),
        pytest.param("http://[::1]:4646", "http://[::1]:4646/v1/jobs", id="IPv6"),
        pytest.param("http://[FE80::1]:4646/api", "http://[fe80::1]:4646/api/v1/jobs", id="IPv6 prefix"),
        pytest.param(
            "http://nomad.test:4646/nömad/", "http://nomad.test:4646/n%C3%B6mad/v1/jobs", id="non-ASCII"
        ),
        pytest.param(
            "http://nomad.test:4646/a%2fb", "http://nomad.test:4646/a%2Fb/v1/jobs", id="escaped prefix"
        ),
        pytest.param("http://nomad.test/x/../y/./z", "http://nomad.test/y/z/v1/jobs", id="dot segments"),
    ],
)
def test_an_address_is_sent_as_requests_sent_it(
    address: str, sent: str, mocked: responses.RequestsMock
) -> None:
    mocked.add("GET", sent, body=JOBS)
    with NomadClient(address) as client:
        client.jobs.list()
    assert mocked.calls[0].request.url == sent


def test_an_address_with_credentials_sends_them_as_basic_auth_and_never_shows_them(
    mocked: responses.RequestsMock,
) -> None:
    mocked.add("GET", BASE + "job/web", status=403, body="Permission denied")
    with (
        NomadClient("http://us%20er:p%40ss-0123@nomad.test:4646") as client,
        pytest.raises(NomadError) as caught,
    ):
        client.jobs.get("web")
    assert mocked.calls[0].request.url == BASE + "job/web"
    assert mocked.calls[0].request.headers["Authorization"] == _basic("us er", "p@ss-0123")
    assert str(caught.value) == f"GET {BASE}job/web: HTTP 403: Permission denied"


def test_session_header_values_of_every_kind_requests_takes(mocked: responses.RequestsMock) -> None:
    session = requests.Session()
    session.headers.update({"accept": "text/plain", "X-Raw": b"r\xe9sum\xe9", "X-Latin": "J\xfcrgen"})
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, session=session, user_agent="deployer/1.0") as client:
        client.jobs.list()
    assert list(mocked.calls[0].request.headers.items()) == [
        ("User-Agent", "deployer/1.0"),
        ("Accept-Encoding", "gzip, deflate"),
        ("Accept", "application/json"),
        ("Connection", "keep-alive"),
        ("X-Raw", b"r\xe9sum\xe9"),
        ("X-Latin", "J\xfcrgen"),
    ]


SESSION_SECRET = "gw-key-7c41d0"


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(f"{SESSION_SECRET}\r\nX-Injected: 1", id="line break"),
        pytest.param(f" {SESSION_SECRET}", id="leading space"),
        pytest.param(f"{SESSION_SECRET}€", id="beyond Latin-1"),
        pytest.param(7, id="not text"),
    ],
)
def test_a_session_header_http_cannot_carry_is_refused_unsent_and_unshown(value: object) -> None:
    session = requests.Session()
    session.headers["X-Gateway-Key"] = value  # type: ignore[assignment]
    with NomadServer() as server:
        job_routes(server)
        with (
            NomadClient(server.address, session=session) as client,
            pytest.raises(NomadConfigError) as caught,
        ):
            client.jobs.get("example")
        assert server.seen() == []
    assert str(caught.value) == (
        f"GET {server.address}/v1/job/example: a request header value holds characters HTTP cannot"
        " carry (leading whitespace, a line break, a control character or a character outside"
        " Latin-1); nothing was sent"
    )
    assert (caught.value.__cause__, caught.value.__context__) == (None, None)
    assert SESSION_SECRET not in "".join(traceback.format_exception(caught.value))


def test_bodies_and_their_length_as_requests_sends_them(mocked: responses.RequestsMock) -> None:
    for method, path in [
        ("DELETE", "job/web"),
        ("POST", "job/web/periodic/force"),
        ("POST", "job/web/dispatch/payload"),
    ]:
        mocked.add(method, BASE + path, body=b"{}")
    with NomadClient(ADDRESS) as client:
        client.jobs.deregister("web")
        client.jobs.periodic_force("web")
        client.jobs.dispatch_payload("web", b"")
        client.jobs.dispatch_payload("web", "é")
    sent = [
        (call.request.method, call.request.headers.get("Content-Length"), call.request.body)
        for call in mocked.calls
    ]
    assert sent == [
        ("DELETE", "0", None),
        ("POST", "0", None),
        ("POST", "0", None),
        ("POST", "2", b"\xc3\xa9"),
    ]


def test_a_retried_write_sends_the_same_body_again(mocked: responses.RequestsMock) -> None:
    path = BASE + "job/web/dispatch/payload?idempotency_token=once"
    mocked.add("POST", path, status=503, body="busy")
    mocked.add("POST", path, status=429, body="slow down")
    mocked.add("POST", path, body=b"{}")
    with NomadClient(ADDRESS, retry=FAST_RETRY) as client:
        client.jobs.dispatch_payload("web", b"input", idempotency_token="once")
    sent = [(call.request.headers["Content-Length"], call.request.body) for call in mocked.calls]
    assert sent == [("5", b"input")] * 3


def test_cookies_of_other_hosts_and_paths_are_not_sent(mocked: responses.RequestsMock) -> None:
    session = requests.Session()
    session.cookies.set("mine", "1", domain="nomad.test", path="/v1")
    session.cookies.set("elsewhere", "2", domain="example.com", path="/")
    session.cookies.set("ui", "3", domain="nomad.test", path="/ui")
    mocked.add("GET", BASE + "jobs", body=JOBS)
    with NomadClient(ADDRESS, session=session) as client:
        client.jobs.list()
    assert mocked.calls[0].request.headers["Cookie"] == "mine=1"


def test_one_session_shared_by_eight_threads_keeps_and_sends_every_cookie() -> None:
    calls = 64
    numbers = itertools.count()
    session = requests.Session()
    session.cookies.set("team", "platform", domain="127.0.0.1", path="/")
    session.cookies.set("elsewhere", "2", domain="example.com", path="/")
    with NomadServer() as server:
        # Each answer sets a cookie of its own (called under the server's lock).
        server.route(
            "GET",
            "jobs",
            lambda request: Reply(body=JOBS, headers={"Set-Cookie": f"c{next(numbers)}=1; Path=/"}),
        )
        with NomadClient(server.address, session=session) as client, ThreadPool(8) as pool:
            answers = pool.map(lambda _: client.jobs.list(), range(calls))
        cookies = [request.headers["Cookie"].split("; ") for request in server.seen()]
    assert answers == [[]] * calls
    assert [sent[0] for sent in cookies] == ["team=platform"] * calls
    assert [name for sent in cookies for name in sent if name.startswith("elsewhere")] == []
    assert sorted(cookie.name for cookie in session.cookies) == sorted(
        ["team", "elsewhere", *(f"c{number}" for number in range(calls))]
    )


class _Recording(HTTPAdapter):
    """An adapter that answers every request itself, recording it."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []

    def send(self, request: requests.PreparedRequest, *args: object, **kwargs: object) -> requests.Response:
        self.sent.append((str(request.method), str(request.url)))
        return self.build_response(request, HTTPResponse(io.BytesIO(JOBS), status=200, preload_content=False))


def test_an_adapter_mounted_on_the_session_carries_the_requests() -> None:
    session = requests.Session()
    session.mount(ADDRESS + "/", adapter := _Recording())
    with NomadClient(ADDRESS, session=session) as client:
        assert client.jobs.list(prefix="web") == []
    assert adapter.sent == [("GET", BASE + "jobs?prefix=web")]
