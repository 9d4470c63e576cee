"""``NomadClient``: configuration plus one handle per API area, over one transport."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import TracebackType

import requests
from typing_extensions import ParamSpec, Self, TypeVar

from ._config import Config, Timeout
from ._exceptions import InvalidParameterError, NomadError
from ._transport import MAX_ANSWER_BYTES, RetryPolicy, Transport, capture_meta
from .resources import Allocations, Deployments, Evaluations, Jobs

__all__ = ["NomadClient"]

P = ParamSpec("P")
T = TypeVar("T")


class NomadClient:
    """A typed client for one Nomad agent.

    With no arguments it is configured like Nomad's CLI: ``NOMAD_ADDR``, ``NOMAD_TOKEN``,
    ``NOMAD_NAMESPACE``, ``NOMAD_REGION``, ``NOMAD_HTTP_AUTH``, ``NOMAD_CACERT``,
    ``NOMAD_CAPATH``, ``NOMAD_CLIENT_CERT``, ``NOMAD_CLIENT_KEY``, ``NOMAD_TLS_SERVER_NAME`` and
    ``NOMAD_SKIP_VERIFY``; an explicit argument beats its variable. TLS certificates are verified
    unless ``skip_verify`` (or ``NOMAD_SKIP_VERIFY``) says otherwise. A token loses its
    surrounding whitespace (the newline of a token file); one that still cannot be sent in a
    header, like any unusable argument, raises :class:`NomadConfigError` (``TypeError`` for a
    wrong type) here, naming the argument and never showing a secret.

    ``timeout`` is seconds (one number for connecting and reading, or a ``(connect, read)`` pair,
    each positive and at most a year).
    The read timeout bounds the whole answer, from sending the request to its last byte, not
    each read of the socket; blocking queries stretch it to cover their wait. ``session`` lets
    the client use a caller's :class:`requests.Session`, which :meth:`close` then leaves open.
    ``retry`` replaces the default :class:`RetryPolicy`; ``user_agent`` sets the ``User-Agent``
    header. ``max_answer_bytes`` bounds one answer once decoded (512 MiB by default, far above
    Nomad's biggest): a larger one raises :class:`UnexpectedResponseError` and is not retried.

    Creating a client does no I/O; neither does any attribute access.
    """

    def __init__(
        self,
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
        session: requests.Session | None = None,
        retry: RetryPolicy | None = None,
        user_agent: str | None = None,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.config = Config.resolve(
            address,
            token=token,
            namespace=namespace,
            region=region,
            http_auth=http_auth,
            ca_cert=ca_cert,
            ca_path=ca_path,
            client_cert=client_cert,
            client_key=client_key,
            tls_server_name=tls_server_name,
            skip_verify=skip_verify,
            timeout=timeout,
        )
        self._transport = Transport(
            self.config,
            session=session,
            retry=retry,
            user_agent=user_agent,
            max_answer_bytes=max_answer_bytes,
        )
        self.jobs = Jobs(self._transport)
        self.allocations = Allocations(self._transport)
        self.evaluations = Evaluations(self._transport)
        self.deployments = Deployments(self._transport)

    def watch(self, method: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Iterator[T]:
        """Follow a read with blocking queries, yielding its value each time Nomad's index moves.

        ``client.watch(client.jobs.get, "example", wait="5m")`` yields the job at once, then
        again after every change. Pass ``index=`` to start from a known index (nothing is
        yielded until the data is newer). Stop by leaving the loop.

        An answer with an unchanged index that came back at once (a proxy that does not hold
        blocking queries) is followed by a pause that grows like the retry backoff, so such a
        server sees a few requests a second at most, not a busy loop.
        """
        index = kwargs.pop("index", 0)
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise InvalidParameterError(f"watch: index must be a non-negative integer, got {index!r}")
        unchanged = 0
        while True:
            kwargs["index"] = index
            with capture_meta() as seen:
                value = method(*args, **kwargs)
            meta = seen[-1]
            if meta.last_index == 0:
                raise NomadError(
                    "watch: this endpoint does not report X-Nomad-Index, so it cannot be watched"
                )
            if meta.last_index == index:
                unchanged += 1
                self._transport.pause_unchanged(unchanged, meta.request_time)
                continue
            unchanged = 0
            # An index that goes backwards (a restored snapshot) restarts the watch from there.
            index = meta.last_index
            yield value

    def close(self) -> None:
        """Release the HTTP connections (a session passed in by the caller stays open)."""
        self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        config = self.config
        details = [f"address={config.address!r}"]
        if config.namespace:
            details.append(f"namespace={config.namespace!r}")
        if config.region:
            details.append(f"region={config.region!r}")
        details.append(f"token={'set' if config.token else 'unset'}")
        return f"NomadClient({', '.join(details)})"
