"""python-nomad compatible surface, built on :class:`~nomad_typed.NomadClient`.

Code written for python-nomad keeps working after ``import nomad_typed as nomad``:
``nomad.Nomad(host=…)`` has ``.job`` and ``.jobs`` with python-nomad's method names and
arguments, and ``nomad.api.exceptions`` has its exception names. Calls return typed models
instead of dicts; models support ``model["Key"]`` and ``model.get("Key")``, so dict-style code
keeps working, and lists stay lists.

Deliberate differences from python-nomad:

* **TLS certificates are verified by default** (python-nomad defaults to ``verify=False``).
  Pass ``verify=False`` to skip verification, or a CA bundle path as ``verify``.
* Explicit ``host``/``port``/``secure`` beat ``NOMAD_ADDR``; ``address`` beats both. A trailing
  ``/`` in an address does not produce ``//v1``.
* IDs are percent-escaped in URLs (dispatched children contain ``/``); empty IDs are rejected.
* The namespace applies to every call, and the region is sent the same way.
* ``dispatch_job`` base64-encodes the payload and sends the idempotency token as the
  ``?idempotency_token=`` query parameter, where Nomad reads it.
* Error statuses raise the typed errors (aliased below to python-nomad's names): a redirect,
  a non-JSON answer or an answer that does not fit the model raise instead of returning.
  ``exc.nomad_resp`` works as in python-nomad for what code reads of it: on an HTTP error it
  is an :class:`~nomad_typed._exceptions.ErrorResponse` with ``status_code``, ``text``, ``url``
  and ``reason`` (not a ``requests.Response``: no headers, which may echo the token, and the
  text has the credentials masked); on a connection or timeout error it is the ``requests``
  exception underneath (``None`` once the error has been pickled).
* Job dicts are checked locally before they are sent: a malformed one raises
  :class:`pydantic.ValidationError` naming the JSON path. Nomad's semantic rules are left to the
  server, as with python-nomad (the typed client also checks those before sending).
* No hidden network calls: ``"id" in nomad.job``, ``nomad.job["id"]``, ``len(nomad.jobs)`` and
  iteration over the endpoint objects are not provided.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from urllib.parse import urlsplit

import requests

from ._client import NomadClient
from ._config import Timeout
from ._exceptions import (
    BadRequestError,
    ConflictError,
    InvalidParameterError,
    NomadConfigError,
    NomadError,
    NomadTimeoutError,
    NotFoundError,
    PermissionDeniedError,
)
from .models import Job
from .models.responses import (
    AllocListStub,
    Deployment,
    Evaluation,
    JobDeregisterResponse,
    JobDispatchResponse,
    JobListStub,
    JobPlanResponse,
    JobRegisterResponse,
    JobStabilityResponse,
    JobSummary,
    JobValidateResponse,
    JobVersionsResponse,
    PeriodicForceResponse,
)
from .resources.jobs import JobInput, Jobs, Payload, enveloped_job

__all__ = ["Nomad", "NomadJob", "NomadJobs", "NomadValidate", "api"]


class Nomad:
    """python-nomad's ``nomad.Nomad``, for the job endpoints, returning typed models.

    Arguments keep python-nomad's names and positions. ``verify`` is ``True`` by default
    (python-nomad: ``False``); it also accepts a CA bundle path. ``cert`` is a client
    certificate path or a ``(cert, key)`` pair. ``timeout`` is seconds, for connecting and for
    the whole answer. Unset settings come from the ``NOMAD_*`` environment variables.
    """

    def __init__(
        self,
        host: str | None = None,
        secure: bool | None = None,
        port: int | None = None,
        address: str | None = None,
        user_agent: str | None = None,
        namespace: str | None = None,
        token: str | None = None,
        timeout: float = 5,
        region: str | None = None,
        version: str = "v1",
        verify: bool | str = True,
        cert: str | tuple[str, str] | tuple[()] = (),
        session: requests.Session | None = None,
    ) -> None:
        if version != "v1":
            raise NomadConfigError(f"only version 'v1' of the Nomad API exists, got {version!r}")
        client_cert, client_key = _cert(cert)
        self.typed = NomadClient(
            _address(host, secure, port, address),
            token=token,
            namespace=namespace,
            region=region,
            ca_cert=verify if isinstance(verify, str) else None,
            client_cert=client_cert,
            client_key=client_key,
            skip_verify=True if verify is False else None,
            timeout=Timeout(connect=timeout, read=timeout),
            session=session,
            user_agent=user_agent,
        )
        self.job = NomadJob(self.typed.jobs)
        self.jobs = NomadJobs(self.typed.jobs)
        self.validate = NomadValidate(self.typed.jobs)

    def get_uri(self) -> str:
        """The agent's address (scheme, host, port)."""
        return self.typed.config.address

    def get_namespace(self) -> str | None:
        """The namespace applied to every call."""
        return self.typed.config.namespace

    def get_token(self) -> str | None:
        """The ACL token in use."""
        token = self.typed.config.token
        return token.get_secret_value() if token else None

    def close(self) -> None:
        """Release the HTTP connections."""
        self.typed.close()

    def __repr__(self) -> str:
        return f"Nomad({self.typed!r})"


class NomadJob:
    """python-nomad's ``Nomad().job``: one job's endpoints (``/v1/job/:job_id…``)."""

    def __init__(self, jobs: Jobs) -> None:
        self._jobs = jobs

    def get_job(self, id_: str, namespace: str | None = None) -> Job:
        """The job (``GET /v1/job/:job_id``)."""
        return self._jobs.get(id_, namespace=namespace)

    def get_versions(self, id_: str, namespace: str | None = None) -> JobVersionsResponse:
        """Every version of the job; ``result["Versions"]`` is the list, newest first."""
        return self._jobs.versions(id_, namespace=namespace)

    def get_allocations(
        self, id_: str, all_: bool | None = None, namespace: str | None = None
    ) -> builtins.list[AllocListStub]:
        """The job's allocations; ``all_=True`` includes earlier jobs with the same ID."""
        return self._jobs.allocations(id_, all_=all_, namespace=namespace)

    def get_evaluations(self, id_: str, namespace: str | None = None) -> builtins.list[Evaluation]:
        """The job's evaluations."""
        return self._jobs.evaluations(id_, namespace=namespace)

    def get_deployments(self, id_: str, namespace: str | None = None) -> builtins.list[Deployment]:
        """The job's deployments."""
        return self._jobs.deployments(id_, namespace=namespace)

    def get_deployment(self, id_: str, namespace: str | None = None) -> Deployment | None:
        """The job's most recent deployment, or ``None`` when it has none."""
        return self._jobs.latest_deployment(id_, namespace=namespace)

    def get_summary(self, id_: str, namespace: str | None = None) -> JobSummary:
        """Allocation counts per task group."""
        return self._jobs.summary(id_, namespace=namespace)

    def register_job(self, id_: str, job: JobInput) -> JobRegisterResponse:
        """Register or update the job through ``POST /v1/job/:job_id``.

        ``job`` is ``{"Job": {...}}`` (with optional ``EnforceIndex``, ``JobModifyIndex``,
        ``PolicyOverride``, ``PreserveCounts`` keys beside it), a bare job dict or a ``Job``. The
        envelope may hold the ``Job`` that :meth:`get_job` returned (read, change, register).
        Like python-nomad, Nomad's rules are left to the server (only the structure is checked).
        """
        return self._jobs.update(job, job_id=id_, validate=False)

    def evaluate_job(self, id_: str) -> JobRegisterResponse:
        """Create a new evaluation of the job."""
        return self._jobs.evaluate(id_)

    def plan_job(
        self, id_: str, job: JobInput, diff: bool = False, policy_override: bool = False
    ) -> JobPlanResponse:
        """Dry-run the scheduler for the job; ``Diff``/``PolicyOverride`` keys of ``job`` win."""
        envelope = job if isinstance(job, Mapping) and enveloped_job(job) is not None else {}
        return self._jobs.plan(
            job,
            job_id=id_,
            validate=False,
            diff=None if "Diff" in envelope else diff,
            policy_override=None if "PolicyOverride" in envelope else policy_override,
        )

    def periodic_job(self, id_: str) -> PeriodicForceResponse:
        """Launch the periodic job now."""
        return self._jobs.periodic_force(id_)

    def dispatch_job(
        self,
        id_: str,
        payload: Payload | None = None,
        meta: Mapping[str, str] | None = None,
        id_prefix_template: str | None = None,
        idempotency_token: str | None = None,
    ) -> JobDispatchResponse:
        """Dispatch the parameterized job; the payload is base64-encoded for you."""
        return self._jobs.dispatch(
            id_,
            payload,
            meta=meta,
            id_prefix_template=id_prefix_template,
            idempotency_token=idempotency_token,
        )

    def revert_job(
        self, id_: str, version: int, enforce_prior_version: int | None = None
    ) -> JobRegisterResponse:
        """Revert to ``version``; only if the current version is ``enforce_prior_version`` when given."""
        return self._jobs.revert(id_, version, enforce_prior_version=enforce_prior_version)

    def stable_job(self, id_: str, version: int, stable: bool) -> JobStabilityResponse:
        """Mark ``version`` stable or not."""
        return self._jobs.stable(id_, version, stable)

    def deregister_job(
        self,
        id_: str,
        eval_priority: int | None = None,
        global_: bool | None = None,
        namespace: str | None = None,
        purge: bool | None = None,
        no_shutdown_delay: bool | None = None,
    ) -> JobDeregisterResponse:
        """Stop the job; ``purge=True`` also removes it from Nomad at once."""
        return self._jobs.deregister(
            id_,
            purge=purge,
            global_=global_,
            eval_priority=eval_priority,
            no_shutdown_delay=no_shutdown_delay,
            namespace=namespace,
        )


class NomadJobs:
    """python-nomad's ``Nomad().jobs``: ``/v1/jobs`` and ``/v1/jobs/parse``."""

    def __init__(self, jobs: Jobs) -> None:
        self._jobs = jobs

    def get_jobs(
        self,
        prefix: str | None = None,
        namespace: str | None = None,
        filter_: str | None = None,
        meta: bool | None = None,
    ) -> builtins.list[JobListStub]:
        """Every job (all pages); ``namespace="*"`` lists all namespaces."""
        return builtins.list(
            self._jobs.iter_list(prefix=prefix, filter=filter_, meta=meta, namespace=namespace)
        )

    def register_job(self, job: JobInput) -> JobRegisterResponse:
        """Register a job (``POST /v1/jobs``); ``job`` as for :meth:`NomadJob.register_job`."""
        return self._jobs.register(job, validate=False)

    def parse(self, hcl: str, canonicalize: bool = False) -> Job:
        """Parse an HCL2 job specification on the server."""
        return self._jobs.parse(hcl, canonicalize=canonicalize)


class NomadValidate:
    """python-nomad's ``Nomad().validate``."""

    def __init__(self, jobs: Jobs) -> None:
        self._jobs = jobs

    def validate_job(self, nomad_job_dict: JobInput) -> JobValidateResponse:
        """Validate a job with the server's rules (a parsed answer, not a raw response)."""
        return self._jobs.validate(nomad_job_dict)


class _Exceptions:
    """python-nomad's exception names, as aliases of the :class:`NomadError` tree."""

    BaseNomadException = NomadError
    URLNotFoundNomadException = NotFoundError
    URLNotAuthorizedNomadException = PermissionDeniedError
    BadRequestNomadException = BadRequestError
    VariableConflict = ConflictError
    InvalidParameters = InvalidParameterError
    TimeoutNomadException = NomadTimeoutError


class _Api:
    """Stands in for python-nomad's ``nomad.api`` package: ``api.exceptions.<Name>``."""

    exceptions = _Exceptions


#: ``nomad_typed.api``: ``nomad.api.exceptions.URLNotFoundNomadException`` and friends.
api = _Api()


def _address(host: str | None, secure: bool | None, port: int | None, address: str | None) -> str | None:
    """The agent address from python-nomad's arguments; ``None`` leaves it to ``NOMAD_ADDR``."""
    if address:
        return address
    if host is None and secure is None and port is None:
        return None
    host = host or "127.0.0.1"
    if "://" in host:
        parts = urlsplit(host)
        scheme, netloc = parts.scheme, parts.netloc
        if parts.port is None:
            netloc = f"{netloc}:{port or 4646}"
        return f"{scheme}://{netloc}"
    scheme = "https" if secure else "http"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{scheme}://{host}:{port or 4646}"


def _cert(cert: str | tuple[str, str] | tuple[()]) -> tuple[str | None, str | None]:
    if isinstance(cert, str):
        return cert or None, None
    if len(cert) == 2:
        return cert[0], cert[1]
    return None, None
