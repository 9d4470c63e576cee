"""The only module that talks HTTP: URLs, options, retries, errors, metadata and response parsing."""

from __future__ import annotations

import base64
import contextvars
import email.utils
import functools
import gc
import logging
import math
import os
import random
import re
import ssl
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Generic, Literal, Optional, TypeVar, cast
from urllib.parse import quote, urlencode

import requests
from pydantic import BaseModel, TypeAdapter, ValidationError
from requests.adapters import HTTPAdapter
from requests.auth import HTTPBasicAuth
from requests.structures import CaseInsensitiveDict
from requests.utils import get_netrc_auth
from typing_extensions import TypedDict
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError as BodyTLSError,
)

from ._config import BasicAuth, Config, check_header, config_int, config_seconds, header_secret, require
from ._exceptions import (
    InvalidParameterError,
    NomadConfigError,
    NomadConnectionError,
    NomadError,
    NomadTimeoutError,
    ResponseValidationError,
    UnexpectedResponseError,
    error_for_status,
)
from .models._types import WIRE_CONTEXT, parse_duration

__all__ = [
    "QueryMeta",
    "QueryOptions",
    "RetryPolicy",
    "Transport",
    "WithMeta",
    "WriteOptions",
    "capture_meta",
]

logger = logging.getLogger("nomad_typed")

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

ParamValue = str | int | bool | None
#: Query parameters in the order they are sent; ``None`` values are left out.
Params = Sequence[tuple[str, ParamValue]]

# Nomad caps a blocking query at 5 minutes (also the wait used when only `index` is given) and
# adds up to wait/16 of random jitter before answering.
MAX_BLOCKING_WAIT = timedelta(minutes=5)
BLOCKING_JITTER_FRACTION = 1 / 16
BLOCKING_READ_MARGIN = timedelta(seconds=5)
#: Least pause, in seconds, before repeating a blocking query that came back at once unchanged.
WATCH_MIN_PAUSE = 0.1
#: Answers larger than this many bytes are parsed with the garbage collector paused.
GC_PAUSE_THRESHOLD = 1024 * 1024
#: Bytes asked of the socket per read of an answer's body.
BODY_CHUNK = 256 * 1024
#: Default bound of one answer's decoded body, in bytes. Nomad's biggest answers (tens of
#: thousands of allocations) stay far below; a gzip bomb or an endless body stops here.
MAX_ANSWER_BYTES = 512 * 1024 * 1024
#: Secrets shorter than this are not masked in error bodies.
MIN_MASKED_SECRET = 4


_WRITE_OPTIONS = frozenset({"namespace", "region", "token"})
_READ_OPTIONS = _WRITE_OPTIONS | {"index", "wait", "stale"}


class WriteOptions(TypedDict, total=False):
    """Per-call options of every call; a value given here beats the client default."""

    namespace: str | None
    """Target namespace (``*`` = all namespaces on list endpoints)."""
    region: str | None
    """Target region; the agent forwards the request there."""
    token: str | None
    """ACL token for this call only (sent as ``X-Nomad-Token``); ``""`` sends none."""


class QueryOptions(WriteOptions, total=False):
    """Per-call options of every read: the write options plus blocking-query controls."""

    index: int | None
    """Blocking query: wait until the object's index is greater than this value."""
    wait: timedelta | str | None
    """Longest time to block (``timedelta`` or a Go duration such as ``"30s"``); at most 5 minutes."""
    stale: bool | None
    """Let any server answer (possibly slightly out of date) instead of only the leader."""


@dataclass(frozen=True)
class QueryMeta:
    """What Nomad reports about an answer in its headers.

    A missing or garbled header reads as zero/``None``, like Nomad's Go client.
    """

    last_index: int = 0
    """``X-Nomad-Index``: raft index of the data; pass it as ``index=`` to block for changes."""
    known_leader: bool = False
    """``X-Nomad-KnownLeader``: whether the answering server knew the cluster leader."""
    last_contact: timedelta = timedelta(0)
    """``X-Nomad-LastContact``: time since the answering server last heard from the leader."""
    next_token: str | None = None
    """``X-Nomad-NextToken``: pass as ``next_token=`` for the next page; ``None`` on the last page."""
    request_time: timedelta = timedelta(0)
    """Time the whole call took, retries included."""

    @classmethod
    def from_headers(cls, headers: Mapping[str, str], request_time: timedelta) -> QueryMeta:
        """Read the ``X-Nomad-*`` headers of a response."""
        return cls(
            last_index=_header_uint(headers.get("X-Nomad-Index")),
            known_leader=headers.get("X-Nomad-KnownLeader") == "true",
            last_contact=_milliseconds(_header_uint(headers.get("X-Nomad-LastContact"))),
            next_token=headers.get("X-Nomad-NextToken") or None,
            request_time=request_time,
        )


@dataclass(frozen=True)
class WithMeta(Generic[T]):
    """A parsed answer together with its :class:`QueryMeta`."""

    value: T
    meta: QueryMeta


#: How a request may be repeated: a read, a write, or a write made harmless to repeat (idempotent).
RetryMode = Literal["read", "write", "idempotent"]


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before sending a request again.

    Reads are retried on connection failures and on :attr:`retry_statuses`. Writes are retried
    only when nothing can have been applied: the connection could not be established, or the
    answer is one of :attr:`write_retry_statuses` (429: Nomad and proxies refuse an over-limit
    request before acting on it). A write answered 500, 502, 503 or 504, or whose connection
    broke after it was sent, is never repeated: it may have been applied. Writes that carry an
    idempotency token are retried like reads, since a repeat is harmless.
    """

    max_attempts: int = 4
    """Attempts in total, the first one included."""
    backoff_base: float = 0.25
    """Seconds before the first retry; doubled on every further one."""
    backoff_max: float = 8.0
    """Upper bound for one backoff delay, in seconds."""
    max_retry_after: float = 60.0
    """Upper bound for honouring a ``Retry-After`` header, in seconds."""
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    """Statuses that mean "try again later" rather than "this request is wrong"."""
    write_retry_statuses: frozenset[int] = frozenset({429})
    """Statuses answered before the request was acted on, so that even a write may be repeated."""

    def __post_init__(self) -> None:
        config_int(self.max_attempts, "max_attempts", minimum=1)
        config_seconds(self.backoff_base, "backoff_base", allow_zero=True)
        config_seconds(self.backoff_max, "backoff_max", allow_zero=True)
        config_seconds(self.max_retry_after, "max_retry_after", allow_zero=True)

    def retries_status(self, status: int, mode: RetryMode) -> bool:
        """Whether an answer with ``status`` is worth sending the request again."""
        return status in (self.write_retry_statuses if mode == "write" else self.retry_statuses)

    def delay(self, retry: int, retry_after: float | None, jitter: float) -> float:
        """Seconds to sleep before retry number ``retry`` (1-based); ``jitter`` is in [0, 1)."""
        if retry_after is not None:
            return min(retry_after, self.max_retry_after)
        ceiling = min(self.backoff_max, self.backoff_base * 2.0 ** (retry - 1))
        # "Equal jitter": never less than half the backoff, so retries still spread out in time.
        return ceiling / 2 + ceiling / 2 * jitter


_meta_sink: contextvars.ContextVar[list[QueryMeta] | None] = contextvars.ContextVar(
    "nomad_typed_meta_sink", default=None
)


@contextmanager
def capture_meta() -> Iterator[list[QueryMeta]]:
    """Collect the :class:`QueryMeta` of every answer received inside the ``with`` block."""
    sink: list[QueryMeta] = []
    reset = _meta_sink.set(sink)
    try:
        yield sink
    finally:
        _meta_sink.reset(reset)


@dataclass
class Response:
    """A successful (2xx) answer, not yet parsed."""

    method: str
    url: str
    status: int
    content: bytes
    meta: QueryMeta
    secrets: tuple[str, ...] = ()
    """The credentials the request sent, to mask in the errors an unparsable answer raises."""


class Transport:
    """Sends requests to one Nomad agent with one configuration and one retry policy."""

    def __init__(
        self,
        config: Config,
        *,
        session: requests.Session | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        user_agent: str | None = None,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        require("session", session, requests.Session, "a requests.Session")
        require("retry", retry, RetryPolicy, "a RetryPolicy")
        require("user_agent", user_agent, str, "a string")
        if user_agent:
            check_header(user_agent, "user_agent")
        self.config = config
        self.max_answer_bytes = config_int(max_answer_bytes, "max_answer_bytes", minimum=1)
        self.retry = retry if retry is not None else RetryPolicy()
        self._sleep = sleep
        self._jitter = jitter
        self._user_agent = user_agent
        self._owns_session = session is None
        self.session = session if session is not None else requests.Session()
        # Worked out once rather than by requests on every call (about 200 µs a call in all, more
        # than parsing a 5 KB job), since each depends only on the agent's address and on the
        # environment (which Nomad's Go client reads once per process too): the address as
        # requests normalizes it (IDNA host, requoted prefix), proxies from the environment (two
        # scans of os.environ), a CA bundle named by REQUESTS_CA_BUNDLE, and (on first use, see
        # _netrc_auth) the ~/.netrc entry for the host.
        self._base = _normalized_url(config.address)
        self._send_settings = self.session.merge_environment_settings(
            self._base, {}, True, config.verify, config.cert
        )
        self._session_builds_requests = _builds_own_requests(self.session)
        # A CA file wins over a CA path, and skipping verification over both, as in Nomad's CLI.
        ca_directory = config.ca_path if config.ca_path and config.verify == config.ca_path else None
        if self._base.startswith("https://") and (config.tls_server_name or ca_directory):
            # Mounted on the agent's address only, so a caller's own session keeps its other uses.
            self.session.mount(self._base + "/", _AgentTLSAdapter(config.tls_server_name, ca_directory))

    def close(self) -> None:
        """Close the session if this transport created it (a caller's session is left open)."""
        if self._owns_session:
            self.session.close()

    def url(self, segments: Sequence[str]) -> str:
        """Absolute URL of ``/v1/<segments…>``, each segment percent-escaped on its own."""
        return f"{self._base}/v1/" + "/".join(escape_segment(segment) for segment in segments)

    def request(
        self,
        method: str,
        segments: Sequence[str],
        *,
        options: Mapping[str, object],
        params: Params = (),
        body: bytes | None = None,
        content_type: str = "application/json",
        mode: RetryMode = "read",
    ) -> Response:
        """Send one request (retrying as the policy allows) and return the 2xx answer.

        Raises a :class:`NomadHTTPError` subclass for an error status, :class:`NomadTimeoutError`
        or :class:`NomadConnectionError` when no answer came, :class:`UnexpectedResponseError`
        (not retried) for an answer larger than :attr:`max_answer_bytes` once decoded.
        """
        allowed = _READ_OPTIONS if method == "GET" else _WRITE_OPTIONS
        unknown = sorted(set(options) - allowed)
        if unknown:
            # `**options` would otherwise swallow a misspelt option (`namespac=`) silently.
            raise TypeError(
                f"unexpected keyword argument(s) for {method} /v1/{'/'.join(segments)}: {unknown}"
            )
        url = self.url(segments)
        pairs, read_timeout = self._query(params, options)
        query: Sequence[tuple[str, object]] = pairs
        if isinstance(self.session.params, Mapping) and self.session.params:
            # A caller's session's own query parameters go on every request; the call's own win,
            # and one the session sets to None is not sent. Like requests, parameters given
            # other than as a mapping (a string, pairs) are not merged.
            merged = dict(cast("Mapping[str, object]", self.session.params))
            merged.update(pairs)
            query = [(key, value) for key, value in merged.items() if value is not None]
        # The URL sent, which logs and errors show too: it never holds the token (a header does).
        encoded = urlencode(query, doseq=True)
        shown = f"{url}?{encoded}" if encoded else url
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = content_type
        if self._user_agent:
            headers["User-Agent"] = self._user_agent
        secret = self._token(options.get("token"))
        if secret:
            headers["X-Nomad-Token"] = secret
        started = time.monotonic()
        attempt = 0
        refused_header = False
        while True:
            attempt += 1
            # requests applies the read timeout to each socket read; the deadline bounds the answer.
            deadline = time.monotonic() + read_timeout
            content: bytes | None = None
            try:
                reply = self._send(method, url, encoded, shown, headers, body, read_timeout)
                status = reply.status_code
                again = self.retry.retries_status(status, mode) and attempt < self.retry.max_attempts
                if not again:
                    content = _read_body(reply, deadline, self.max_answer_bytes, method, shown)
            except (requests.exceptions.InvalidHeader, UnicodeEncodeError):
                # Both hold the refused value (in the text, in `.object`), which may be a secret:
                # reported below, outside this block, so that this exception is not chained to ours.
                refused_header = True
            except requests.RequestException as err:
                failure = _transport_error(err, method, shown)
                if attempt < self.retry.max_attempts and _may_retry_failure(err, mode):
                    self._back_off(method, shown, attempt, type(err).__name__, None)
                    continue
                logger.debug("%s %s failed after %d attempt(s): %s", method, shown, attempt, failure)
                raise failure from err
            except OSError as err:
                # requests checks the CA and client certificate paths itself, raising a bare OSError.
                raise NomadConfigError(f"{method} {shown}: {err}") from err
            if refused_header:
                raise NomadConfigError(
                    f"{method} {shown}: a request header value holds characters HTTP cannot carry"
                    " (leading whitespace, a line break, a control character or a character outside"
                    " Latin-1); nothing was sent"
                )
            if again:
                retry_after = _retry_after(reply.headers.get("Retry-After"))
                reply.close()
                self._back_off(method, shown, attempt, f"HTTP {status}", retry_after)
                continue
            break
        if content is None:
            # Like a read timeout, not retried: the whole timeout has already been spent.
            incomplete = f"not complete after {read_timeout:g} s"
            failure = NomadTimeoutError(
                f"{method} {shown}: timed out waiting for Nomad's answer: {incomplete}", phase="read"
            )
            logger.debug("%s %s failed after %d attempt(s): %s", method, shown, attempt, failure)
            raise failure
        elapsed = timedelta(seconds=time.monotonic() - started)
        logger.debug("%s %s -> %d (%d attempt(s), %.0f ms)", method, shown, status, attempt, _ms(elapsed))
        secrets = _credentials(secret, self.config.http_auth, self.session.auth or self._netrc_auth)
        if not 200 <= status < 300:
            # A proxy's error page may echo the request headers: keep the credentials out of errors.
            text = _mask(_text(content, reply.encoding), secrets)
            raise error_for_status(
                status, method, shown, text, retry_after=_retry_after(reply.headers.get("Retry-After"))
            )
        meta = QueryMeta.from_headers(reply.headers, elapsed)
        sink = _meta_sink.get()
        if sink is not None:
            sink.append(meta)
        return Response(method, shown, status, content, meta, secrets)

    @functools.cached_property
    def _netrc_auth(self) -> tuple[str, str] | None:
        """The ``~/.netrc`` (or ``$NETRC``) login for the agent's host, read on first use."""
        # Looked up by the address as written, as requests looks it up: an international host is
        # found under its own name, not its IDNA form.
        return get_netrc_auth(self.config.address) if self.session.trust_env else None

    def _send(
        self,
        method: str,
        url: str,
        encoded: str,
        shown: str,
        headers: Mapping[str, str],
        body: bytes | None,
        read_timeout: float,
    ) -> requests.Response:
        """Send one attempt: prepared here, or by the session when its class builds requests itself."""
        timeout = (self.config.timeout.connect, read_timeout)
        if self._session_builds_requests:
            # Its request() or prepare_request() adds what the session is for (OAuth2Session its
            # token), so requests' own path runs. The query goes as text: merged with the
            # session's parameters already, it is not merged again.
            return self.session.request(
                method,
                url,
                params=encoded,
                data=body,
                headers=headers,
                auth=_basic_auth(self.config.http_auth),
                timeout=timeout,
                verify=self.config.verify,
                cert=self.config.cert,
                allow_redirects=False,
                stream=True,
                hooks={"response": _response_hooks(self.session)},
            )
        return self.session.send(
            self._prepare(method, shown, headers, body),
            timeout=timeout,
            allow_redirects=False,
            **self._send_settings,
        )

    def _prepare(
        self, method: str, url: str, headers: Mapping[str, str], body: bytes | None
    ) -> requests.PreparedRequest:
        """The request ``Session.prepare_request`` would build, merged with the session the same way.

        ``url`` is already escaped and complete. The session's headers (a header set to ``None``
        there is not sent), cookies, auth (else the ``~/.netrc`` entry) and response hooks apply,
        in requests' order: an auth that signs the request sees the ``Cookie`` header.
        """
        session = self.session
        merged: CaseInsensitiveDict[object] = CaseInsensitiveDict(session.headers)
        merged.update(headers)
        auth = _basic_auth(self.config.http_auth)
        prepared = requests.PreparedRequest()
        prepared.method = method
        prepared.url = url
        prepared.prepare_headers({name: value for name, value in merged.items() if value is not None})
        prepared.prepare_cookies(session.cookies)
        prepared.prepare_body(body, None)
        prepared.prepare_auth(auth or session.auth or self._netrc_auth)
        prepared.prepare_hooks({"response": _response_hooks(session)})
        return prepared

    def pause_unchanged(self, repeat: int, answered_in: timedelta) -> None:
        """Wait before repeating a blocking query whose index has not moved ``repeat`` times in a row.

        Nomad holds a blocking query until the index moves or the wait ends, so an unchanged index
        normally arrives after the whole wait and needs no pause. One that came back sooner than
        the policy's backoff for retry ``repeat`` (a proxy or cache that does not hold blocking
        queries) waits that backoff, at least :data:`WATCH_MIN_PAUSE`: a watch cannot spin.
        """
        delay = max(self.retry.delay(repeat, None, self._jitter()), WATCH_MIN_PAUSE)
        if answered_in.total_seconds() < delay:
            logger.debug(
                "blocking query answered unchanged %d time(s) in a row, pausing %.3f s", repeat, delay
            )
            self._sleep(delay)

    def _token(self, per_call: object) -> str | None:
        """The token to send: the per-call one (``""`` for none) if given, else the client's."""
        if per_call is None:
            return self.config.token.get_secret_value() if self.config.token else None
        if not isinstance(per_call, str):
            raise InvalidParameterError(f"token must be a string, got {type(per_call).__name__}")
        return header_secret(per_call, "token")

    def _back_off(self, method: str, url: str, attempt: int, reason: str, retry_after: float | None) -> None:
        delay = self.retry.delay(attempt, retry_after, self._jitter())
        logger.debug("%s %s: %s on attempt %d, retrying in %.3f s", method, url, reason, attempt, delay)
        self._sleep(delay)

    def _query(self, params: Params, options: Mapping[str, object]) -> tuple[list[tuple[str, str]], float]:
        """Query string pairs (None dropped, bools as true/false) and the read timeout to use."""
        pairs: list[tuple[str, str]] = []
        for key, value in params:
            if value is not None:
                pairs.append((key, _param_text(key, value)))
        namespace = _option_str(options, "namespace", self.config.namespace)
        region = _option_str(options, "region", self.config.region)
        if namespace:
            pairs.append(("namespace", _param_text("namespace", namespace)))
        if region:
            pairs.append(("region", _param_text("region", region)))
        read_timeout = self.config.timeout.read
        stale = options.get("stale")
        if stale is not None and not isinstance(stale, bool):
            # A truthy string ("false") would otherwise ask for a stale read.
            raise InvalidParameterError(f"stale must be a bool, got {stale!r}")
        if stale:
            pairs.append(("stale", "true"))
        index = options.get("index")
        wait = _wait_duration(options.get("wait"))
        if index is not None and (not isinstance(index, int) or isinstance(index, bool) or index < 0):
            raise InvalidParameterError(f"index must be a non-negative integer, got {index!r}")
        # Like Nomad's Go client, index 0 is "no blocking", so it is not sent.
        if index:
            pairs.append(("index", str(index)))
            blocking = min(wait or MAX_BLOCKING_WAIT, MAX_BLOCKING_WAIT)
            stretched = blocking + blocking * BLOCKING_JITTER_FRACTION + BLOCKING_READ_MARGIN
            read_timeout = max(read_timeout, stretched.total_seconds())
        if wait is not None:
            pairs.append(("wait", f"{wait // timedelta(milliseconds=1)}ms"))
        return pairs, read_timeout


def parse_model(response: Response, model: type[M]) -> M:
    """Parse a JSON object answer into ``model``."""
    adapter = cast("TypeAdapter[M]", _adapter(model))
    return _parse(response, adapter, model.__name__)


def parse_list(response: Response, model: type[M]) -> list[M]:
    """Parse a JSON array answer into a list of ``model``."""
    adapter = cast("TypeAdapter[list[M]]", _list_adapter(model))
    return _parse(response, adapter, f"list[{model.__name__}]")


def parse_optional(response: Response, model: type[M]) -> M | None:
    """Parse an answer that is either a JSON object or ``null``."""
    adapter = cast("TypeAdapter[M | None]", _optional_adapter(model))
    return _parse(response, adapter, f"{model.__name__} | None")


# One adapter per response type, built on first use: building one costs far more than a parse.
@functools.cache
def _adapter(model: type[BaseModel]) -> TypeAdapter[BaseModel]:
    return TypeAdapter(model)


@functools.cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[BaseModel]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


@functools.cache
def _optional_adapter(model: type[BaseModel]) -> TypeAdapter[BaseModel | None]:
    return TypeAdapter(Optional[model])  # type: ignore[arg-type]  # noqa: UP045


def _parse(response: Response, adapter: TypeAdapter[T], name: str) -> T:
    try:
        if len(response.content) > GC_PAUSE_THRESHOLD:
            with _collector_paused():
                return adapter.validate_json(response.content, context=WIRE_CONTEXT)
        return adapter.validate_json(response.content, context=WIRE_CONTEXT)
    except ValidationError as err:
        failure = _parse_failure(response, err, name)
    # Raised outside the handler, so that pydantic's error (it quotes the answer, which may echo
    # a secret) is not chained to ours as its context.
    raise failure


def _parse_failure(response: Response, err: ValidationError, name: str) -> NomadError:
    # A page echoing the request (a captive portal, an echo service) may answer 200 too.
    text = _mask(response.content.decode("utf-8", errors="replace"), response.secrets)
    if any(error["type"] == "json_invalid" for error in err.errors()):
        return UnexpectedResponseError(
            response.status,
            response.method,
            response.url,
            text,
            message=(
                f"{response.method} {response.url}: HTTP {response.status} answer is not valid JSON"
                f" ({len(response.content)} bytes, starting {text[:80]!r})"
            ),
        )
    details = _mask(str(err), response.secrets)
    return ResponseValidationError(response.method, response.url, text, err, name, details=details)


def _read_body(reply: requests.Response, deadline: float, limit: int, method: str, url: str) -> bytes | None:
    """The whole body, content-decoded; ``None`` (the response then closed) once ``deadline`` passed.

    Raises :class:`UnexpectedResponseError`, the response closed, when the decoded body grows
    past ``limit`` bytes; at most ``limit + 1`` are held while reading. Raises the errors
    ``requests`` raises while reading a body itself, so that one mapping and one retry rule
    cover failures before and during the answer.
    """
    chunks: list[bytes] = []
    size = 0
    try:
        while time.monotonic() < deadline:
            # read1 makes at most one socket read, so a server sending a byte now and then cannot
            # hold the call much past the deadline (read() would wait for the whole chunk); and
            # urllib3 decodes no more than asked, so a compressed body cannot burst past the bound.
            chunk: bytes = reply.raw.read1(min(BODY_CHUNK, limit + 1 - size), decode_content=True)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                break
            chunks.append(chunk)
    except ReadTimeoutError as err:
        raise requests.exceptions.ConnectionError(err) from err
    except ProtocolError as err:
        raise requests.exceptions.ChunkedEncodingError(err) from err
    except DecodeError as err:
        raise requests.exceptions.ContentDecodingError(err) from err
    except BodyTLSError as err:
        raise requests.exceptions.SSLError(err) from err
    reply.close()
    if size > limit:
        raise UnexpectedResponseError(
            reply.status_code,
            method,
            url,
            "",
            message=(
                f"{method} {url}: HTTP {reply.status_code} answer is larger than {limit} bytes"
                " (max_answer_bytes); stopped reading it"
            ),
        )
    return None


def _builds_own_requests(session: requests.Session) -> bool:
    """Whether ``session`` (its class, or the instance itself) replaces requests' request building."""
    return not (
        getattr(session.request, "__func__", None) is requests.Session.request
        and getattr(session.prepare_request, "__func__", None) is requests.Session.prepare_request
    )


def _response_hooks(session: requests.Session) -> list[Callable[..., object]]:
    """The session's response hooks (one callable or several, as requests takes them), then ours."""
    hooks: object = session.hooks.get("response")
    own = [hooks] if callable(hooks) else list(cast("Iterable[Callable[..., object]]", hooks or ()))
    return [*own, _keep_redirect_unread]


def _keep_redirect_unread(response: requests.Response, **kwargs: object) -> requests.Response:
    """A response hook: a redirect loses its ``Location``, so requests leaves its body unread.

    Even with redirects off, requests reads a redirect's whole body to find the next hop:
    without a bound or a deadline, and a hostile server's endless body with it. Read by the
    transport instead, it is bounded like every other answer.
    """
    if response.is_redirect:
        del response.headers["Location"]
    return response


def _text(content: bytes, encoding: str | None) -> str:
    """An error body as text, in the charset the answer declares (UTF-8 when it declares none)."""
    try:
        return content.decode(encoding or "utf-8", errors="replace")
    except LookupError:
        return content.decode("utf-8", errors="replace")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep Python's cyclic garbage collector off for the block, if it is on.

    A big answer creates model objects by the hundred thousand; every few hundred new objects
    wake the collector, and its older generations rescan everything created so far, finding
    nothing to free (all of it is the result being built). That is half the parse of 10 000
    allocations: 647 ms with the collector, 318 ms without. It is turned back on only if it was
    on before: a collector found off was turned off by the caller or by another parse running
    at the same time, which will turn it back on itself.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # Promote what the block created straight to the oldest generation: otherwise the
            # first young collection after enable() walks all of it again, for nothing.
            gc.freeze()
            gc.enable()
            gc.unfreeze()


def escape_segment(segment: str) -> str:
    """Percent-escape one path segment: ``a/b?c#d`` → ``a%2Fb%3Fc%23d``.

    Empty segments and the dot segments ``.``/``..`` are rejected: they would silently address
    another endpoint (Nomad answers an empty segment with a redirect).
    """
    if not isinstance(segment, str):
        raise InvalidParameterError(f"IDs and names must be strings, got {type(segment).__name__}")
    if segment in ("", ".", ".."):
        raise InvalidParameterError(f"IDs and names must not be empty, '.' or '..', got {segment!r}")
    return quote(utf8(segment, "IDs and names"), safe="")


def utf8(text: str, name: str) -> bytes:
    """``text`` encoded as sent; :class:`InvalidParameterError` naming ``name`` for a lone surrogate.

    Python strings may hold one (a decoding error kept by ``surrogateescape``, say, in an
    environment variable); UTF-8 cannot carry it, and a request holding it is refused whole.
    """
    try:
        return text.encode()
    except UnicodeEncodeError as err:
        raise InvalidParameterError(
            f"{name}: text with a lone surrogate (character {err.start + 1}) cannot be sent as UTF-8"
        ) from None


class _AgentTLSAdapter(HTTPAdapter):
    """The TLS settings ``requests`` has no option for.

    A fixed server name (``NOMAD_TLS_SERVER_NAME``) to verify the agent's certificate against:
    needed when the address is an IP or a load balancer name that the certificate does not list
    (Nomad's own certificates name ``server.<region>.nomad``). And a CA directory
    (``NOMAD_CAPATH``) read like Nomad reads it, every file in it: OpenSSL would only look up
    files named after certificate hashes (``c_rehash``).
    """

    def __init__(self, server_name: str | None, ca_path: str | None) -> None:
        self._server_name = server_name
        self._ca_path = ca_path
        self._ca_loaded = False
        super().__init__()

    def init_poolmanager(
        self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: object
    ) -> None:
        if self._server_name:
            pool_kwargs["server_hostname"] = self._server_name
            pool_kwargs["assert_hostname"] = self._server_name
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: float | tuple[float, float] | tuple[float, None] | None = None,
        verify: bool | str = True,
        cert: bytes | str | tuple[bytes | str, bytes | str] | None = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        if self._ca_path is not None and not self._ca_loaded:
            # Read on first use, not when the client is created (which does no I/O).
            self.poolmanager.connection_pool_kw["ssl_context"] = _ca_path_context(self._ca_path)
            self._ca_loaded = True
        return super().send(request, stream, timeout, verify, cert, proxies)


def _ca_path_context(path: str) -> ssl.SSLContext:
    """A verifying TLS context trusting the certificates of every file in ``path`` (or of ``path``)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    try:
        files = sorted(entry.path for entry in os.scandir(path) if entry.is_file())
    except NotADirectoryError:
        files = [path]
    except OSError as err:
        raise NomadConfigError(f"CA path {path!r}: {err.strerror or err}") from None
    for file in files:
        try:
            context.load_verify_locations(cafile=file)
        except (OSError, ValueError) as err:
            raise NomadConfigError(f"CA path {path!r}: {file!r} holds no PEM certificate: {err}") from None
    if not context.cert_store_stats()["x509_ca"]:
        raise NomadConfigError(f"CA path {path!r} holds no CA certificate")
    return context


def _normalized_url(address: str) -> str:
    """``address`` as requests sends it (IDNA host, requoted path); ``NomadConfigError`` if it cannot."""
    probe = requests.PreparedRequest()
    try:
        probe.prepare_url(address + "/", None)
    except requests.RequestException as err:
        raise NomadConfigError(f"Nomad address {address!r} cannot be sent: {err}") from None
    return str(probe.url).removesuffix("/")


def _basic_auth(auth: BasicAuth | None) -> HTTPBasicAuth | None:
    """Basic authentication with the pair UTF-8 encoded, as Go's client (so Nomad's CLI) sends it.

    Given ``str``, requests would encode it as Latin-1: a different header for a password such as
    ``pä``, and none at all for one beyond Latin-1.
    """
    if auth is None:
        return None
    return HTTPBasicAuth(auth.username.encode(), auth.password.get_secret_value().encode())


def _credentials(token: object, auth: BasicAuth | None, other: object) -> tuple[str, ...]:
    """The secrets one request sends: the token, the password, the ``Authorization`` value.

    The login is ``auth`` (sent UTF-8 encoded) or else ``other``, a login from the caller's
    session or ``~/.netrc`` (a pair or an ``HTTPBasicAuth``, sent as requests sends it: text
    as Latin-1). Another kind of auth object adds no secret: what it sends is unknown here.
    """
    secrets = [token] if isinstance(token, str) else []
    if auth is not None:
        password = auth.password.get_secret_value()
        pair = f"{auth.username}:{password}".encode()
    else:
        login = (other.username, other.password) if isinstance(other, HTTPBasicAuth) else other
        if not (isinstance(login, tuple) and len(login) == 2):
            return tuple(secrets)
        try:
            user, password_sent = _latin1(login[0]), _latin1(login[1])
        except UnicodeEncodeError:
            # requests refuses to send such a login: no Authorization header went out.
            return tuple(secrets)
        password = password_sent.decode("latin-1")
        pair = user + b":" + password_sent
    secrets += [password, base64.b64encode(pair).decode("ascii")]
    return tuple(secrets)


def _latin1(value: object) -> bytes:
    """A login part as requests' basic auth sends it."""
    return value if isinstance(value, bytes) else str(value).encode("latin-1")


def _mask(text: str, secrets: Sequence[str]) -> str:
    """``text`` with each secret replaced by ``********``, in every form an echo may give it.

    A form is the secret with any of its characters written as itself, as a JSON escape
    (``\\u002d``, ``\\/``) or percent-encoded (``%2D``, ``+`` for a space): how proxies and
    JSON encoders echo a header or a form value. Only the whole value can be recognized: an
    echo cut short (a proxy truncating a long header) leaves a prefix of the secret, which
    cannot be told from ordinary text.
    """
    # Shorter values would mask ordinary words of the text and reveal little anyway; the
    # longest first, so that a secret holding another is masked whole.
    kept = sorted({secret for secret in secrets if len(secret) >= MIN_MASKED_SECRET}, key=len, reverse=True)
    if not kept:
        return text
    pattern = "|".join("".join(_character_forms(char) for char in secret) for secret in kept)
    return re.sub(pattern, "********", text)


@functools.cache
def _character_forms(char: str) -> str:
    """A regular expression matching ``char`` as itself, JSON-escaped or percent-encoded."""
    forms = [re.escape(char)]
    if char in '"\\/':
        forms.append(re.escape("\\" + char))
    units = char.encode("utf-16-be", errors="surrogatepass")
    # Hex digits in either case: encoders differ (Go writes \u003c, .NET \u002B, Python %2D).
    forms.append("".join(f"\\\\u(?i:{units[at : at + 2].hex()})" for at in range(0, len(units), 2)))
    forms.append("".join(f"%(?i:{byte:02x})" for byte in char.encode("utf-8", errors="surrogatepass")))
    if char == " ":
        forms.append(re.escape("+"))
    return "(?:" + "|".join(forms) + ")"


def _option_str(options: Mapping[str, object], key: str, default: str | None) -> str | None:
    value = options.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise InvalidParameterError(f"{key} must be a string, got {type(value).__name__}")
    return value


def _param_text(key: str, value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        utf8(value, key)
    return str(value)


def _wait_duration(value: object) -> timedelta | None:
    if value is None:
        return None
    if isinstance(value, timedelta):
        wait = value
    elif isinstance(value, str):
        try:
            wait = timedelta(microseconds=parse_duration(value) / 1000)
        except ValueError as err:
            raise InvalidParameterError(f"wait: {err}") from None
    else:
        raise InvalidParameterError(f"wait must be a timedelta or a duration string, got {value!r}")
    if wait < timedelta(milliseconds=1):
        raise InvalidParameterError(f"wait must be at least 1ms, got {value!r}")
    return wait


def _header_uint(value: str | None) -> int:
    """A uint64 header value; anything else (garbled, out of range) reads as zero."""
    if value is None or not value.isascii() or not value.isdigit():
        return 0
    number = int(value)
    return number if number < 2**64 else 0


def _milliseconds(value: int) -> timedelta:
    # timedelta stops at ~2.7 million years, below the uint64 range: beyond it is garbled too.
    try:
        return timedelta(milliseconds=value)
    except OverflowError:
        return timedelta(0)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return max(0.0, seconds) if math.isfinite(seconds) else None


def _connection_not_established(err: requests.RequestException) -> bool:
    """True when the request cannot have reached Nomad: the connection itself failed."""
    if isinstance(err, requests.exceptions.SSLError):
        return False
    if isinstance(err, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(err, requests.exceptions.ConnectionError):
        reason = getattr(err.args[0], "reason", None) if err.args else None
        return isinstance(reason, (NewConnectionError, ConnectTimeoutError))
    return False


def _read_timed_out(err: requests.RequestException) -> bool:
    """True when Nomad stopped sending: no answer in time, or a body that stalled half-way.

    ``requests`` reports the second as a ``ConnectionError`` wrapping urllib3's read timeout.
    """
    if isinstance(err, requests.exceptions.ReadTimeout):
        return True
    inner = err.args[0] if err.args else None
    return isinstance(err, requests.exceptions.ConnectionError) and isinstance(inner, ReadTimeoutError)


def _may_retry_failure(err: requests.RequestException, mode: RetryMode) -> bool:
    if isinstance(err, requests.exceptions.SSLError) or _read_timed_out(err):
        # A TLS failure repeats identically; a read timeout already waited the full timeout.
        return False
    if mode == "write":
        return _connection_not_established(err)
    return isinstance(err, (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError))


def _transport_error(err: requests.RequestException, method: str, url: str) -> NomadError:
    if isinstance(err, requests.exceptions.ConnectTimeout):
        return NomadTimeoutError(f"{method} {url}: timed out connecting to Nomad", phase="connect")
    if _read_timed_out(err):
        return NomadTimeoutError(f"{method} {url}: timed out waiting for Nomad's answer", phase="read")
    if isinstance(err, requests.exceptions.SSLError):
        return NomadConnectionError(f"{method} {url}: TLS failure: {_reason(err)}")
    lost = _lost_after_sending(err)
    if lost is not None:
        # Nomad may have received the request and acted on it; only the answer went missing.
        applied = "; the request may have been applied" if method != "GET" else ""
        return NomadConnectionError(
            f"{method} {url}: connection to Nomad lost {lost} ({_reason(err)}){applied}"
        )
    if isinstance(err, requests.exceptions.ConnectionError):
        return NomadConnectionError(f"{method} {url}: cannot reach Nomad: {_reason(err)}")
    return NomadConnectionError(f"{method} {url}: request failed: {_reason(err)}")


def _lost_after_sending(err: requests.RequestException) -> str | None:
    """When an established connection broke: before any answer, or part-way through the body."""
    if isinstance(err, requests.exceptions.ChunkedEncodingError):
        return "before the whole answer arrived"
    if isinstance(err, requests.exceptions.ConnectionError) and not _connection_not_established(err):
        inner = err.args[0] if err.args else None
        if isinstance(getattr(inner, "reason", inner), ProtocolError):
            return "before an answer"
    return None


def _reason(err: requests.RequestException) -> str:
    inner = err.args[0] if err.args else err
    reason = getattr(inner, "reason", None)
    cause = reason if reason is not None else inner
    # urllib3 wraps the socket's own error ("Connection aborted.", ConnectionResetError(…)).
    if isinstance(cause, ProtocolError) and len(cause.args) == 2 and isinstance(cause.args[1], BaseException):
        cause = cause.args[1]
    return str(cause)


def _ms(delta: timedelta) -> float:
    return delta.total_seconds() * 1000
