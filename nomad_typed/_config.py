"""Client configuration: explicit arguments, else the ``NOMAD_*`` environment, else defaults.

Mirrors the Nomad CLI and the Go api client's ``DefaultConfig()``: the same variables, the same
defaults, TLS verification on unless explicitly skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit, urlunsplit

from ._exceptions import NomadConfigError

__all__ = [
    "DEFAULT_ADDRESS",
    "MAX_SECONDS",
    "BasicAuth",
    "Config",
    "SecretString",
    "Timeout",
    "check_header",
    "config_int",
    "config_seconds",
    "header_secret",
    "require",
]

DEFAULT_ADDRESS = "http://127.0.0.1:4646"

# Go's strconv.ParseBool spellings of true: NOMAD_SKIP_VERIFY is read with it, and anything it
# cannot parse counts as false, as in Nomad's CLI.
_GO_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})

#: Longest timeout or delay accepted, in seconds (a year): far longer than anything should wait,
#: far below what the socket layer can represent (an infinite timeout overflows it).
MAX_SECONDS = 365 * 24 * 3600

# Control characters (C0, DEL, C1), which no header value can carry and a token never holds, and
# characters beyond Latin-1, the only charset http.client encodes header values in.
_NOT_IN_HEADER = re.compile(r"[^\x20-\x7e\xa0-\xff]")


class SecretString:
    """A secret string (ACL token, password) that never shows in ``repr``/``str`` or logs."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        """The secret itself, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return "SecretString('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretString) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


@dataclass(frozen=True)
class BasicAuth:
    """HTTP basic authentication (``NOMAD_HTTP_AUTH=user:pass``), for proxies in front of Nomad."""

    username: str
    password: SecretString


@dataclass(frozen=True)
class Timeout:
    """Seconds to wait for a connection, and for the whole answer once the request is sent.

    Blocking queries stretch the read timeout by themselves to cover the requested wait.
    """

    connect: float = 5.0
    read: float = 60.0

    def __post_init__(self) -> None:
        config_seconds(self.connect, "timeout (connect)", allow_zero=False)
        config_seconds(self.read, "timeout (read)", allow_zero=False)


@dataclass(frozen=True)
class Config:
    """Immutable, resolved client configuration. Build it with :meth:`Config.resolve`."""

    address: str = DEFAULT_ADDRESS
    token: SecretString | None = None
    namespace: str | None = None
    region: str | None = None
    http_auth: BasicAuth | None = None
    ca_cert: str | None = None
    ca_path: str | None = None
    client_cert: str | None = None
    client_key: str | None = None
    tls_server_name: str | None = None
    skip_verify: bool = False
    timeout: Timeout = field(default_factory=Timeout)

    @classmethod
    def resolve(
        cls,
        address: str | None = None,
        *,
        token: str | None = None,
        namespace: str | None = None,
        region: str | None = None,
        http_auth: str | tuple[str, str] | None = None,
        ca_cert: str | None = None,
        ca_path: str | None = None,
        client_cert: str | None = None,
        client_key: str | None = None,
        tls_server_name: str | None = None,
        skip_verify: bool | None = None,
        timeout: float | tuple[float, float] | Timeout | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Config:
        """Each setting from its argument if given, else its ``NOMAD_*`` variable, else the default.

        An empty string given explicitly switches a setting off (``token=""`` sends no token even
        when ``NOMAD_TOKEN`` is set). A token loses its surrounding whitespace, as when read from
        a file. ``environ`` defaults to ``os.environ``.
        """
        env = os.environ if environ is None else environ
        settings = {"address": address, "token": token, "namespace": namespace, "region": region}
        settings |= {"ca_cert": ca_cert, "ca_path": ca_path, "client_cert": client_cert}
        settings |= {"client_key": client_key, "tls_server_name": tls_server_name}
        for name, value in settings.items():
            require(name, value, str, "a string")
        require("skip_verify", skip_verify, bool, "a bool")

        def pick(explicit: str | None, variable: str) -> str | None:
            value = explicit if explicit is not None else env.get(variable)
            return value or None

        raw_address = pick(address, "NOMAD_ADDR") or DEFAULT_ADDRESS
        base, url_auth = _normalize_address(raw_address)

        if http_auth is not None:
            auth = _basic_auth(http_auth, "http_auth")
        else:
            auth = _basic_auth(env.get("NOMAD_HTTP_AUTH"), "NOMAD_HTTP_AUTH")
        if auth is None:
            auth = url_auth

        if skip_verify is None:
            skip_verify = env.get("NOMAD_SKIP_VERIFY", "") in _GO_TRUE

        raw_token = pick(token, "NOMAD_TOKEN")
        if raw_token:
            raw_token = header_secret(raw_token, "token" if token is not None else "NOMAD_TOKEN")
        return cls(
            address=base,
            token=SecretString(raw_token) if raw_token else None,
            namespace=pick(namespace, "NOMAD_NAMESPACE"),
            region=pick(region, "NOMAD_REGION"),
            http_auth=auth,
            ca_cert=pick(ca_cert, "NOMAD_CACERT"),
            ca_path=pick(ca_path, "NOMAD_CAPATH"),
            client_cert=pick(client_cert, "NOMAD_CLIENT_CERT"),
            client_key=pick(client_key, "NOMAD_CLIENT_KEY"),
            tls_server_name=pick(tls_server_name, "NOMAD_TLS_SERVER_NAME"),
            skip_verify=skip_verify,
            timeout=_timeout(timeout),
        )

    @property
    def verify(self) -> bool | str:
        """What ``requests`` needs for ``verify``: off, a CA bundle/directory, or the system store."""
        if self.skip_verify:
            return False
        return self.ca_cert or self.ca_path or True

    @property
    def cert(self) -> str | tuple[str, str] | None:
        """What ``requests`` needs for ``cert``: the client certificate and its key."""
        if self.client_cert and self.client_key:
            return (self.client_cert, self.client_key)
        return self.client_cert


def require(name: str, value: object, expected: type, description: str) -> None:
    """Raise ``TypeError`` naming ``name`` unless ``value`` is None or an ``expected``."""
    if value is not None and not isinstance(value, expected):
        raise TypeError(f"{name} must be {description}, got {type(value).__name__}")


def config_seconds(value: object, name: str, *, allow_zero: bool) -> float:
    """``value`` if it is a number of seconds (not a bool), positive or zero, at most a year."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(f"{name} must be a number of seconds, got {type(value).__name__}")
    low = "at least 0" if allow_zero else "positive"
    # Written so that NaN, for which every comparison is false, fails too.
    if not ((value >= 0 if allow_zero else value > 0) and value <= MAX_SECONDS):
        raise NomadConfigError(f"{name} must be {low} and at most {MAX_SECONDS} seconds, got {value!r}")
    return value


def config_int(value: object, name: str, *, minimum: int) -> int:
    """``value`` if it is an int (not a bool) of at least ``minimum``; raises naming ``name``."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < minimum:
        raise NomadConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def header_secret(value: str, name: str) -> str:
    """A token as its header sends it: without surrounding whitespace, as when read from a file.

    Raises :class:`NomadConfigError` naming ``name``, never showing the value, when the token
    holds a character no header can carry: sent, it would be refused by ``requests`` with an
    error quoting the whole header value.
    """
    value = value.strip()
    check_header(value, name)
    return value


def check_header(value: str, name: str) -> None:
    """Raise :class:`NomadConfigError` naming ``name`` if an HTTP header cannot carry ``value``.

    The error names the setting and the character's position, never the value: it is a secret.
    """
    found = _NOT_IN_HEADER.search(value)
    if found is not None:
        kind = "a character outside Latin-1" if ord(found.group()) > 0xFF else "a control character"
        raise NomadConfigError(
            f"{name} holds {kind} (character {found.start() + 1} of {len(value)}),"
            " which an HTTP header cannot carry"
        )


def _normalize_address(address: str) -> tuple[str, BasicAuth | None]:
    """Scheme://host[:port][/prefix] without a trailing slash, and credentials found in it."""
    parts = urlsplit(address.strip())
    if parts.scheme == "unix":
        raise NomadConfigError(
            f"unix socket addresses are not supported ({address!r}); "
            "expose the agent's HTTP API on a TCP address such as http://127.0.0.1:4646"
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NomadConfigError(
            f"Nomad address must look like http://host:port or https://host:port, got {address!r}"
        )
    if parts.query or parts.fragment:
        raise NomadConfigError(f"Nomad address must not carry a query or fragment, got {address!r}")
    try:
        parts.port  # noqa: B018 -- the property raises for a malformed port
    except ValueError as err:
        raise NomadConfigError(f"invalid port in Nomad address {address!r}: {err}") from None
    auth = None
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, netloc = netloc.rsplit("@", 1)
        user, _, password = userinfo.partition(":")
        auth = _basic_auth_pair(unquote(user), unquote(password), "the Nomad address")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", "")), auth


def _basic_auth(value: object, source: str) -> BasicAuth | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        username, _, password = value.partition(":")
    elif isinstance(value, tuple):
        if len(value) != 2:
            raise NomadConfigError(f"{source} must be a (user, password) pair, got a tuple of {len(value)}")
        username, password = value
        if not (isinstance(username, str) and isinstance(password, str)):
            kinds = f"{type(username).__name__} and {type(password).__name__}"
            raise TypeError(f"{source} must hold two strings, got {kinds}")
    else:
        raise TypeError(
            f"{source} must be 'user:password' or a (user, password) tuple, got {type(value).__name__}"
        )
    return _basic_auth_pair(username, password, source)


def _basic_auth_pair(username: str, password: str, source: str) -> BasicAuth:
    # Any character works: the pair is sent UTF-8 encoded (then base64), as Nomad's CLI sends it.
    return BasicAuth(username, SecretString(password))


def _timeout(value: object) -> Timeout:
    if value is None:
        return Timeout()
    if isinstance(value, Timeout):
        return value
    if isinstance(value, tuple):
        if len(value) != 2:
            raise NomadConfigError(
                "timeout must be one number of seconds or a (connect, read) pair,"
                f" got a tuple of {len(value)}"
            )
        return Timeout(connect=value[0], read=value[1])
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise TypeError(
            "timeout must be a number of seconds, a (connect, read) pair or a Timeout,"
            f" got {type(value).__name__}"
        )
    seconds = config_seconds(value, "timeout", allow_zero=False)
    return Timeout(connect=seconds, read=seconds)
