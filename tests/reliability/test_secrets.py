"""Secrets never show: not in reprs, not in any exception of the fault matrix, not in any log line.

Distinctive token and password values are set by argument, by environment and per call; every
text the library can produce is then searched for them.
"""

from __future__ import annotations

import base64
import logging
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
import requests
from requests.auth import HTTPBasicAuth

import nomad_typed as nomad
from nomad_typed._client import NomadClient
from nomad_typed._config import Config, SecretString
from nomad_typed._exceptions import (
    NomadConfigError,
    NomadError,
    NomadHTTPError,
    PermissionDeniedError,
    ResponseValidationError,
    UnexpectedResponseError,
)
from nomad_typed._transport import QueryOptions, Transport, WriteOptions
from tests.support.jobs import minimal_job
from tests.support.nomad_server import ID, NomadServer, Recorded, Reply, job_routes

from .test_faults import MATRIX, RETRY, TIMEOUT, Fault

ARGUMENT_TOKEN = "tok-ARG-5c1f0e2d9b71"
ENVIRONMENT_TOKEN = "tok-ENV-8a3b6d1e4f02"
CALL_TOKEN = "tok-CALL-2e7c9a0b3d55"
PASSWORD = "pw-AUTH-6f2d8c4a1e93"
ENCODED = "b3BzOnB3LUFVVEgtNmYyZDhjNGExZTkz"  # base64 of "ops:" + PASSWORD, the Authorization value
SECRETS = (ARGUMENT_TOKEN, ENVIRONMENT_TOKEN, CALL_TOKEN, PASSWORD, ENCODED)


@dataclass(frozen=True)
class Setup:
    """Where the client gets its token and password from."""

    name: str
    environment: dict[str, str]
    arguments: dict[str, str]
    per_call: str | None
    token: str


SETUPS = (
    Setup("arguments", {}, {"token": ARGUMENT_TOKEN, "http_auth": f"ops:{PASSWORD}"}, None, ARGUMENT_TOKEN),
    Setup(
        "environment",
        {"NOMAD_TOKEN": ENVIRONMENT_TOKEN, "NOMAD_HTTP_AUTH": f"ops:{PASSWORD}"},
        {},
        None,
        ENVIRONMENT_TOKEN,
    ),
    Setup(
        "per call", {"NOMAD_HTTP_AUTH": f"ops:{PASSWORD}"}, {"token": ARGUMENT_TOKEN}, CALL_TOKEN, CALL_TOKEN
    ),
)


@pytest.fixture(params=SETUPS, ids=lambda setup: setup.name)
def setup(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Setup:
    chosen: Setup = request.param
    for name, value in chosen.environment.items():
        monkeypatch.setenv(name, value)
    return chosen


@pytest.fixture(autouse=True)
def everything_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="urllib3")
    caplog.set_level(logging.DEBUG, logger="nomad_typed")


def assert_no_secret(texts: Iterator[str] | list[str]) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked in {text[:300]!r}"


def exception_texts(error: BaseException) -> Iterator[str]:
    """Every text an exception offers: str, repr, args, notes, attributes, its whole chain, traceback."""
    yield "".join(traceback.format_exception(error))
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield from (repr(argument) for argument in current.args)
        yield from getattr(current, "__notes__", [])
        yield from (repr(value) for value in vars(current).values())
        pending.extend(link for link in (current.__cause__, current.__context__) if link is not None)


def log_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [caplog.text] + [f"{record.getMessage()} {record.args!r}" for record in caplog.records]


def test_reprs_hold_no_secret(setup: Setup) -> None:
    client = NomadClient("http://127.0.0.1:4646", **setup.arguments)  # type: ignore[arg-type]
    compat = nomad.Nomad(host="127.0.0.1", token=setup.arguments.get("token"))
    objects: list[object] = [
        client,
        client.config,
        client.config.token,
        client.config.http_auth,
        client._transport,
        client._transport.session,
        client.jobs,
        client.jobs.with_meta,
        client.allocations,
        client.evaluations,
        client.deployments,
        compat,
        compat.typed,
        compat.job,
        compat.jobs,
        compat.validate,
    ]
    assert client.config.token is not None
    assert client.config.token.get_secret_value() == (setup.arguments.get("token") or setup.token)
    assert_no_secret([text for item in objects for text in (repr(item), str(item))])


def test_address_credentials_are_kept_out_of_the_address() -> None:
    client = NomadClient(f"http://ops:{PASSWORD}@127.0.0.1:4646/")
    assert client.config.address == "http://127.0.0.1:4646"
    assert client.config.http_auth is not None
    assert client.config.http_auth.password.get_secret_value() == PASSWORD
    assert_no_secret([repr(client), repr(client.config), str(client.config)])


def _call(client: NomadClient, setup: Setup, kind: str, fault: Fault) -> NomadError | None:
    options = QueryOptions(**fault.read_options)
    if setup.per_call:
        options["token"] = setup.per_call
    try:
        if kind == "read":
            client.jobs.get("example", **options)
        else:
            client.jobs.register(minimal_job("example"), **WriteOptions(token=options.get("token")))
    except NomadError as err:
        return err
    return None


@pytest.mark.parametrize("kind", ["read", "write"])
def test_fault_matrix_errors_and_logs_hold_no_secret(
    setup: Setup, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    raised: list[NomadError] = []
    for fault in MATRIX:
        with NomadServer() as server:
            job_routes(server)
            method, pattern = ("GET", f"job/{ID}") if kind == "read" else ("POST", "jobs")
            if fault.replies:
                server.fault(method, pattern, *fault.replies)
            address = "http://127.0.0.1:9" if fault.closed_port else server.address
            client = NomadClient(address, retry=RETRY, timeout=TIMEOUT, **setup.arguments)  # type: ignore[arg-type]
            error = _call(client, setup, kind, fault)
            expected = fault.read.error if kind == "read" else fault.write.error
            assert type(error) is expected if expected else error is None
            if error is not None:
                raised.append(error)
            # The secrets did travel, so finding none in the texts means something.
            assert all(request.headers["X-Nomad-Token"] == setup.token for request in server.seen())
            assert all(request.headers["Authorization"] == f"Basic {ENCODED}" for request in server.seen())
    assert len(raised) == sum(1 for fault in MATRIX if (fault.read if kind == "read" else fault.write).error)
    assert_no_secret(text for error in raised for text in exception_texts(error))
    assert_no_secret([error.url for error in raised if hasattr(error, "url")])
    assert_no_secret(log_texts(caplog))
    assert any("urllib3" in record.name for record in caplog.records)
    assert any(record.name == "nomad_typed" for record in caplog.records)


def _echo_headers(request: Recorded) -> Reply:
    # Some proxies answer a refused request with a page that lists what the client sent.
    lines = "\n".join(f"{name}: {value}" for name, value in request.headers.items())
    return Reply.text(403, f"Permission denied by proxy. Your request:\n{lines}")


def test_error_pages_echoing_the_request_have_the_secrets_masked(
    setup: Setup, caplog: pytest.LogCaptureFixture
) -> None:
    with NomadServer() as server:
        server.route("GET", f"job/{ID}", _echo_headers)
        client = NomadClient(server.address, retry=RETRY, timeout=TIMEOUT, **setup.arguments)  # type: ignore[arg-type]
        with pytest.raises(PermissionDeniedError) as caught:
            client.jobs.get(
                "example", **(WriteOptions(token=setup.per_call) if setup.per_call else WriteOptions())
            )
    body = caught.value.body
    assert body.splitlines()[-2:] == ["X-Nomad-Token: ********", "Authorization: Basic ********"]
    assert body.startswith("Permission denied by proxy. Your request:\n")
    assert_no_secret(exception_texts(caught.value))
    assert_no_secret(log_texts(caplog))


SESSION_PASSWORD = "pw-SESSION-5b8c1e0d"


@pytest.mark.parametrize(
    "source", ["session pair", "session HTTPBasicAuth", "session bytes pair", "netrc"], ids=str
)
def test_a_login_from_the_session_or_netrc_is_masked_too(
    source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = requests.Session()
    if source == "session pair":
        session.auth = ("deployer", SESSION_PASSWORD)
    elif source == "session HTTPBasicAuth":
        session.auth = HTTPBasicAuth("deployer", SESSION_PASSWORD)
    elif source == "session bytes pair":
        session.auth = (b"deployer", SESSION_PASSWORD.encode())  # type: ignore[assignment]
    else:
        netrc = tmp_path / "netrc"
        netrc.write_text(f"machine 127.0.0.1 login deployer password {SESSION_PASSWORD}\n")
        monkeypatch.setenv("NETRC", str(netrc))
    with NomadServer() as server:
        server.route("GET", f"job/{ID}", _echo_headers)
        client = NomadClient(server.address, retry=RETRY, session=session)
        with pytest.raises(PermissionDeniedError) as caught:
            client.jobs.get("example")
        encoded = base64.b64encode(f"deployer:{SESSION_PASSWORD}".encode()).decode()
        assert [request.headers["Authorization"] for request in server.seen()] == [f"Basic {encoded}"]
    assert caught.value.body.splitlines()[-1] == "Authorization: Basic ********"
    texts = list(exception_texts(caught.value))
    assert not [text for text in texts if SESSION_PASSWORD in text or encoded in text]


# ---- tokens that are not header values as given --------------------------------------------

SPACED = "tok-SPACED-7d2e9f1a4c60"


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("argument", f"{SPACED}\n"),
        ("argument", f" {SPACED}"),
        ("environment", f"{SPACED}\n"),
        ("environment", f"\t{SPACED} \r\n"),
        ("per call", f"{SPACED}\n"),
        ("per call", f"  {SPACED}"),
    ],
)
def test_surrounding_whitespace_is_dropped_from_tokens(
    source: str, written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if source == "environment":
        monkeypatch.setenv("NOMAD_TOKEN", written)
    with NomadServer() as server:
        job_routes(server)
        client = NomadClient(server.address, token=written if source == "argument" else None)
        client.jobs.get(
            "example", **(WriteOptions(token=written) if source == "per call" else WriteOptions())
        )
        assert [request.headers["X-Nomad-Token"] for request in server.seen()] == [SPACED]


def test_a_whitespace_only_token_is_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOMAD_TOKEN", " \n")
    assert NomadClient().config.token is None
    assert NomadClient(token="\n").config.token is None


@pytest.mark.parametrize(
    ("token", "position"),
    [
        pytest.param("tok-BROKEN-\x1b-3e8a1c5f", "character 12 of 21", id="escape"),
        pytest.param("tok-BROKEN-\x7f-3e8a1c5f\n", "character 12 of 21", id="delete and newline"),
        pytest.param("tok-BROKEN-\r\nX-Injected: 3e8a1c5f", "character 12 of 33", id="header injection"),
        pytest.param("tok-BROKEN-\x85-3e8a1c5f", "character 12 of 21", id="C1 control"),
    ],
)
def test_tokens_no_header_can_carry_are_refused_without_showing_them(
    token: str, position: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    raised: list[BaseException] = []
    with NomadServer() as server:
        job_routes(server)
        with pytest.raises(NomadConfigError) as by_argument:
            NomadClient(server.address, token=token)
        raised.append(by_argument.value)
        monkeypatch.setenv("NOMAD_TOKEN", token)
        with pytest.raises(NomadConfigError) as by_environment:
            NomadClient(server.address)
        raised.append(by_environment.value)
        monkeypatch.delenv("NOMAD_TOKEN")
        with pytest.raises(NomadConfigError) as per_call:
            NomadClient(server.address).jobs.get("example", token=token)
        raised.append(per_call.value)
        assert server.seen() == []
    message = f"holds a control character ({position}), which an HTTP header cannot carry"
    assert [str(error) for error in raised] == [
        f"token {message}",
        f"NOMAD_TOKEN {message}",
        f"token {message}",
    ]
    texts = [text for error in raised for text in exception_texts(error)] + log_texts(caplog)
    assert [text for text in texts if "BROKEN" in text or "3e8a1c5f" in text] == []


@pytest.mark.parametrize(
    "config",
    [
        pytest.param(
            Config(address="http://127.0.0.1:9", token=SecretString(f" {ARGUMENT_TOKEN}")), id="requests"
        ),
        pytest.param(
            Config(address="http://127.0.0.1:9", token=SecretString(f"{ARGUMENT_TOKEN}€")), id="http.client"
        ),
    ],
)
def test_a_header_the_http_stack_refuses_is_reported_without_its_value(
    config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    # A configuration built by hand skips the checks of Config.resolve: the HTTP stack refuses it.
    with pytest.raises(NomadConfigError) as caught:
        Transport(config).request("GET", ["jobs"], options={})
    assert str(caught.value) == (
        "GET http://127.0.0.1:9/v1/jobs: a request header value holds characters HTTP cannot carry"
        " (leading whitespace, a line break, a control character or a character outside Latin-1);"
        " nothing was sent"
    )
    assert (caught.value.__cause__, caught.value.__context__) == (None, None)
    assert_no_secret(exception_texts(caught.value))
    assert_no_secret(log_texts(caplog))


@pytest.mark.parametrize(
    ("arguments", "environment", "message"),
    [
        pytest.param(
            {"token": f"{ARGUMENT_TOKEN}€"},
            {},
            "token holds a character outside Latin-1 (character 21 of 21), which an HTTP header cannot carry",
            id="token",
        ),
        pytest.param(
            {},
            {"NOMAD_TOKEN": f"tök€n-{ENVIRONMENT_TOKEN}"},
            "NOMAD_TOKEN holds a character outside Latin-1 (character 4 of 26),"
            " which an HTTP header cannot carry",
            id="NOMAD_TOKEN",
        ),
    ],
)
def test_tokens_beyond_latin_1_are_refused_at_construction(
    arguments: dict[str, object],
    environment: dict[str, str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(NomadConfigError) as caught:
        NomadClient(**arguments)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert (caught.value.__cause__, caught.value.__context__) == (None, None)
    assert_no_secret(exception_texts(caught.value))


def test_a_per_call_token_beyond_latin_1_is_refused_before_any_io() -> None:
    with NomadServer() as server:
        job_routes(server)
        with pytest.raises(NomadConfigError) as caught:
            NomadClient(server.address).jobs.get("example", token=f"{CALL_TOKEN}€")
        assert server.seen() == []
    assert str(caught.value) == (
        "token holds a character outside Latin-1 (character 22 of 22), which an HTTP header cannot carry"
    )
    assert_no_secret(exception_texts(caught.value))


def test_a_latin_1_token_is_sent_as_latin_1_and_basic_auth_as_utf_8() -> None:
    with NomadServer() as server:
        job_routes(server)
        NomadClient(server.address, token="tök-ünï", http_auth="öps:pä€ss").jobs.get("example")
        (request,) = server.seen()
    # http.server decodes header bytes as Latin-1, so the byte 0xF6 reads back as "ö". The
    # basic-auth pair is UTF-8 inside base64, as Nomad's CLI (Go) encodes it.
    assert request.headers["X-Nomad-Token"] == "tök-ünï"
    assert request.headers["Authorization"] == "Basic " + base64.b64encode("öps:pä€ss".encode()).decode()


# ---- secrets echoed in another form -------------------------------------------------------

#: Its Authorization value holds "+" and "=", which JSON encoders and URL encoding rewrite.
ECHO_PASSWORD = "pw~AUTH~6f2d?8c4a>1e93"
ECHO_PAIR = "b3BzOnB3fkFVVEh+NmYyZD84YzRhPjFlOTM="


def _json_escaped(text: str) -> str:
    # .NET's JavaScriptEncoder writes "+" as \u002B; PHP's json_encode writes "/" as "\/".
    return text.replace("+", "\\u002B").replace("/", "\\/").replace("-", "\\u002d").replace(">", "\\u003e")


ENCODINGS: dict[str, Callable[[str], str]] = {
    "as sent": lambda text: text,
    "JSON escapes": _json_escaped,
    "JSON, every character escaped": lambda text: "".join(f"\\u{ord(char):04X}" for char in text),
    "URL-encoded": lambda text: quote(text, safe=""),
    "URL-encoded, lower-case hex": lambda text: "".join(f"%{byte:02x}" for byte in text.encode()),
    "form-encoded": lambda text: quote_plus(text),
    "every byte percent-encoded": lambda text: "".join(f"%{byte:02X}" for byte in text.encode()),
}


def _echo(encode: Callable[[str], str], status: int, content_type: str) -> Callable[[Recorded], Reply]:
    """A page echoing the credentials it received, each written with ``encode``."""

    def answer(request: Recorded) -> Reply:
        basic = request.headers["Authorization"].removeprefix("Basic ")
        decoded = base64.b64decode(basic).decode("latin-1")
        text = (
            f"token={encode(request.headers['X-Nomad-Token'])} basic={encode(basic)} user={encode(decoded)}"
        )
        return Reply(status=status, body=text.encode(), content_type=content_type)

    return answer


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize(
    ("status", "content_type", "error"),
    [(403, "text/plain", PermissionDeniedError), (200, "text/html", UnexpectedResponseError)],
    ids=["403 page", "200 page"],
)
def test_echoed_secrets_are_masked_in_any_encoding(
    encoding: str, status: int, content_type: str, error: type[NomadError], caplog: pytest.LogCaptureFixture
) -> None:
    encode = ENCODINGS[encoding]
    with NomadServer() as server:
        server.route("GET", f"job/{ID}", _echo(encode, status, content_type))
        client = NomadClient(
            server.address, token=ARGUMENT_TOKEN, http_auth=f"ops:{ECHO_PASSWORD}", retry=RETRY
        )
        with pytest.raises(error) as caught:
            client.jobs.get("example")
        (request,) = server.seen()
    assert request.headers["Authorization"] == f"Basic {ECHO_PAIR}"
    failure = caught.value
    assert isinstance(failure, NomadHTTPError)
    assert failure.body == f"token=******** basic=******** user={encode('ops:')}********"
    secrets = [ARGUMENT_TOKEN, ECHO_PASSWORD, ECHO_PAIR]
    forms = {form(secret) for form in ENCODINGS.values() for secret in secrets}
    texts = [*exception_texts(failure), *log_texts(caplog)]
    assert [(form, text) for form in forms for text in texts if form in text] == []


def test_a_secret_echoed_in_an_answer_that_does_not_fit_is_masked() -> None:
    with NomadServer() as server:
        escaped = _json_escaped(ARGUMENT_TOKEN)
        server.route("GET", f"job/{ID}", Reply(body=f'{{"ID": "example", "Priority": "{escaped}"}}'.encode()))
        client = NomadClient(server.address, token=ARGUMENT_TOKEN)
        with pytest.raises(ResponseValidationError) as caught:
            client.jobs.get("example")
    assert caught.value.body == '{"ID": "example", "Priority": "********"}'
    assert str(caught.value).splitlines()[2] == (
        "  Input should be a valid integer [type=int_type, input_value='********', input_type=str]"
    )
    assert caught.value.__context__ is None
    assert_no_secret([str(caught.value), repr(caught.value), caught.value.body])


def test_a_secret_cut_short_in_the_echo_cannot_be_recognized() -> None:
    # Only whole values are masked: a prefix of the token is indistinguishable from other text.
    with NomadServer() as server:
        server.route("GET", f"job/{ID}", Reply.text(403, f"token {ARGUMENT_TOKEN[:12]}... refused"))
        with pytest.raises(PermissionDeniedError) as caught:
            NomadClient(server.address, token=ARGUMENT_TOKEN).jobs.get("example")
    assert caught.value.body == f"token {ARGUMENT_TOKEN[:12]}... refused"
