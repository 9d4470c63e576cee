"""The ``NomadError`` tree: every failure the client raises is one of these.

Nomad answers errors with a plain-text body (the error string) and an HTTP status. Coded errors
keep their status (400 for bad input, 403 for ACL denials, 404 for unknown objects), but errors
raised inside the servers' RPC layer come back as **HTTP 500**: that includes job validation
failures on register and plan (``N errors occurred: …``) and failed check-and-set writes.
"""

from __future__ import annotations

import http
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import ValidationError

if TYPE_CHECKING:
    from .validation import Issue

__all__ = [
    "BadRequestError",
    "ConflictError",
    "ErrorResponse",
    "InvalidParameterError",
    "JobModifyIndexConflictError",
    "JobValidationError",
    "NomadConfigError",
    "NomadConnectionError",
    "NomadError",
    "NomadHTTPError",
    "NomadTimeoutError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitedError",
    "ResponseValidationError",
    "ServerError",
    "UnauthorizedError",
    "UnexpectedResponseError",
    "error_for_status",
]

# Long bodies (an HTML page from a proxy) would drown the message; the full text stays on `.body`.
_MESSAGE_BODY_LIMIT = 500

E = TypeVar("E", bound="NomadError")


@dataclass(frozen=True)
class ErrorResponse:
    """The answer of an HTTP error, shaped like the ``requests.Response`` python-nomad keeps.

    Only what the error itself holds: no headers, which may echo the request's credentials.
    """

    status_code: int
    """The HTTP status."""
    text: str
    """The body as text, credentials masked."""
    url: str
    """The request URL (it never holds the ACL token)."""
    reason: str
    """The standard reason phrase of the status (``"Not Found"``); empty for an unknown status."""


class NomadError(Exception):
    """Root of every error raised by nomad_typed; ``str(exc)`` never fails."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(
        self,
    ) -> tuple[
        Callable[[type[NomadError], tuple[object, ...]], NomadError],
        tuple[type[NomadError], tuple[object, ...]],
        dict[str, object],
    ]:
        # Pickle's default calls the class with ``args`` (the message alone), which the
        # subclasses' constructors do not take: rebuilt without them, every attribute restored,
        # an error crosses a process boundary (ProcessPoolExecutor, multiprocessing) whole.
        return (_rebuild, (type(self), self.args), self.__dict__)

    @property
    def nomad_resp(self) -> ErrorResponse | BaseException | None:
        """python-nomad's ``exc.nomad_resp``: here the error this one was raised from, if any.

        For a connection or timeout error, the ``requests`` exception underneath, as in
        python-nomad; HTTP errors give an :class:`ErrorResponse` instead.
        """
        return self.__cause__


def _rebuild(cls: type[E], args: tuple[object, ...]) -> E:
    """An instance of ``cls`` with ``args``, its constructor not called; pickle restores the rest."""
    return cls.__new__(cls, *args)


class NomadConfigError(NomadError, ValueError):
    """The client configuration (arguments or ``NOMAD_*`` variables) cannot work."""


class InvalidParameterError(NomadError, ValueError):
    """An argument was rejected before anything was sent (an empty ID, an invalid wait time)."""


class JobValidationError(NomadError, ValueError):
    """The job breaks Nomad's validation rules, found locally; nothing was sent.

    ``issues`` holds every error (and warning) with its JSON path; ``str(exc)`` lists the errors.
    Sent anyway, such a job would come back as a :class:`ServerError` (HTTP 500) whose body lists
    its problems as one block of text.
    """

    def __init__(self, job_id: str, issues: Sequence[Issue]) -> None:
        self.job_id = job_id
        self.issues = list(issues)
        errors = [issue for issue in self.issues if issue.severity == "error"]
        lines = "".join(f"\n  {issue} [{issue.rule}]" for issue in errors)
        count = f"{len(errors)} error{'s' * (len(errors) != 1)}"
        super().__init__(f"job {job_id!r} fails Nomad's validation ({count}); nothing was sent:{lines}")


class NomadConnectionError(NomadError):
    """No usable connection to the agent, or no whole answer on it.

    Either Nomad could not be reached (refused, DNS failure, TLS failure), or the connection was
    lost after the request went out (reset, closed before or during the answer): a write may then
    have been applied, and the message says so.
    """


class NomadTimeoutError(NomadError):
    """The agent did not answer in time; ``phase`` says whether connecting or reading timed out."""

    def __init__(self, message: str, *, phase: Literal["connect", "read"]) -> None:
        super().__init__(message)
        self.phase: Literal["connect", "read"] = phase


class NomadHTTPError(NomadError):
    """Nomad answered with an error status.

    ``body`` is the response text as sent (Nomad's errors are plain text, not JSON), with the
    request's ACL token and basic-auth credentials masked should a proxy echo them; ``url`` is
    the request URL, which never holds the ACL token (the token travels in a header).
    """

    def __init__(self, status: int, method: str, url: str, body: str, *, message: str | None = None) -> None:
        self.status = status
        self.method = method
        self.url = url
        self.body = body
        super().__init__(message if message is not None else _describe(status, method, url, body))

    @property
    def nomad_resp(self) -> ErrorResponse:
        """python-nomad's ``exc.nomad_resp``: status code, text, URL and reason of the answer."""
        try:
            reason = http.HTTPStatus(self.status).phrase
        except ValueError:
            reason = ""
        return ErrorResponse(status_code=self.status, text=self.body, url=self.url, reason=reason)


class BadRequestError(NomadHTTPError):
    """HTTP 400: the agent rejected the request (undecodable body, mismatched job ID, bad parameter)."""


class UnauthorizedError(NomadHTTPError):
    """HTTP 401: authentication is missing (e.g. a proxy in front of Nomad wants HTTP basic auth)."""


class PermissionDeniedError(NomadHTTPError):
    """HTTP 403: the ACL token is unknown or lacks the capability ("Permission denied")."""


class NotFoundError(NomadHTTPError):
    """HTTP 404: the job, version, allocation, evaluation or deployment does not exist."""


class ConflictError(NomadHTTPError):
    """HTTP 409: a conflicting write (check-and-set on variables and similar objects)."""


class RateLimitedError(NomadHTTPError):
    """HTTP 429: the agent's request rate limit was hit; ``retry_after`` is its hint in seconds."""

    def __init__(
        self, status: int, method: str, url: str, body: str, *, retry_after: float | None = None
    ) -> None:
        super().__init__(status, method, url, body)
        self.retry_after = retry_after


class ServerError(NomadHTTPError):
    """HTTP 5xx. Nomad also uses 500 for job validation failures; ``body`` holds the error list."""


class JobModifyIndexConflictError(ServerError):
    """A check-and-set register or scale lost: the job's modify index is not the one given.

    Nomad reports this as HTTP 500 with a body starting "Enforcing job modify index".
    """


class UnexpectedResponseError(NomadHTTPError):
    """The answer is not what Nomad sends: a redirect, or a 2xx body that is not (whole) JSON.

    Usually a proxy or load balancer in the way, or a wrong address (an empty path segment
    makes Nomad answer with a 301 redirect).
    """


class ResponseValidationError(NomadError):
    """A 2xx body that is valid JSON but does not fit the response model.

    Keeps the ``body`` and the pydantic ``error`` (with the JSON path of each mismatch).
    ``details`` replaces the error's text in the message: the client passes it, like the body,
    with the request's credentials masked (``error`` itself holds the values as received).
    """

    def __init__(
        self,
        method: str,
        url: str,
        body: str,
        error: ValidationError,
        model: str,
        *,
        details: str | None = None,
    ) -> None:
        self.method = method
        self.url = url
        self.body = body
        self.error = error
        self.model = model
        super().__init__(
            f"{method} {url}: response does not fit {model}: {error if details is None else details}"
        )


_ERROR_TEXT_MARKERS: tuple[tuple[str, type[ServerError]], ...] = (
    ("Enforcing job modify index", JobModifyIndexConflictError),
)

_STATUS_CLASSES: dict[int, type[NomadHTTPError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
}


def error_for_status(
    status: int, method: str, url: str, body: str, *, retry_after: float | None = None
) -> NomadHTTPError:
    """The exception for an error status (≥ 300) and its body text."""
    if status == 429:
        return RateLimitedError(status, method, url, body, retry_after=retry_after)
    if 300 <= status < 400:
        return UnexpectedResponseError(
            status, method, url, body, message=f"{method} {url}: unexpected redirect (HTTP {status})"
        )
    if status >= 500:
        for marker, cls in _ERROR_TEXT_MARKERS:
            if marker in body:
                return cls(status, method, url, body)
        return ServerError(status, method, url, body)
    return _STATUS_CLASSES.get(status, NomadHTTPError)(status, method, url, body)


def _describe(status: int, method: str, url: str, body: str) -> str:
    text = body.strip()
    if len(text) > _MESSAGE_BODY_LIMIT:
        text = text[:_MESSAGE_BODY_LIMIT] + "…"
    return f"{method} {url}: HTTP {status}: {text}" if text else f"{method} {url}: HTTP {status}"
