"""``client.jobs``: every job endpoint of Nomad 2.0."""

from __future__ import annotations

import base64
import builtins
from collections.abc import Iterator, Mapping, Sequence
from typing import TypeVar

from pydantic import BaseModel
from typing_extensions import TypedDict, Unpack

from .._exceptions import InvalidParameterError, JobValidationError
from .._transport import (
    QueryOptions,
    Transport,
    WriteOptions,
    parse_list,
    parse_model,
    parse_optional,
    utf8,
)
from ..models import Job, JobSubmission
from ..models._types import WIRE_CONTEXT, JSONObject
from ..models.requests import (
    EvalOptions,
    JobDispatchRequest,
    JobEvaluateRequest,
    JobPlanRequest,
    JobRegisterRequest,
    JobRevertRequest,
    JobsParseRequest,
    JobStabilityRequest,
    JobValidateRequest,
    ScalingRequest,
    TagVersionRequest,
)
from ..models.responses import (
    AllocListStub,
    Deployment,
    Evaluation,
    JobAction,
    JobDeregisterResponse,
    JobDispatchResponse,
    JobListStub,
    JobPlanResponse,
    JobRegisterResponse,
    JobScaleStatus,
    JobStabilityResponse,
    JobSummary,
    JobTagResponse,
    JobValidateResponse,
    JobVersionsResponse,
    PeriodicForceResponse,
    ServiceRegistration,
)
from ..validation import validate_job
from ._base import Paging, Resource, with_meta

__all__ = ["JobInput", "Jobs", "JobsWithMeta", "Payload", "enveloped_job"]

#: A job as a model, or as Nomad's JSON: bare (``{"ID": …}``) or enveloped (``{"Job": {…}, …}``).
JobInput = Job | Mapping[str, object]

#: A dispatch payload: bytes as they are, text as UTF-8.
Payload = bytes | bytearray | memoryview | str


class Jobs(Resource):
    """The job endpoints (``/v1/jobs``, ``/v1/job/:job_id/…``, ``/v1/validate/job``).

    Methods that take a job accept a :class:`~nomad_typed.models.Job` or a wire dict, bare or
    an envelope (``{"Job": …, "EnforceIndex": …}``) whose ``Job`` is a dict or a model. A dict is
    checked locally with ``Job.from_wire`` first, so a malformed job raises
    :class:`pydantic.ValidationError` (naming the JSON path) and never reaches Nomad; ``register``,
    ``update`` and ``plan`` then also check Nomad's validation rules (see :meth:`register`). The
    job is sent exactly as given: unknown keys and explicit nulls included.

    Every method takes the keyword-only per-call options ``namespace``, ``region`` and ``token``;
    reads also take ``index``, ``wait`` and ``stale`` (blocking queries).
    """

    def __init__(self, transport: Transport) -> None:
        super().__init__(transport)
        self.with_meta = JobsWithMeta(self)

    def list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        meta: bool | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> builtins.list[JobListStub]:
        """One page of jobs (``GET /v1/jobs``); ``namespace="*"`` lists every namespace.

        ``filter`` is a server-side filter expression; ``meta=True`` includes each job's Meta.
        The token of the next page is in ``with_meta.list(...).meta.next_token``; see
        :meth:`iter_list` to read every page.
        """
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        return self._list(["jobs"], JobListStub, paging, [("meta", meta)], options)

    def iter_list(
        self,
        *,
        prefix: str | None = None,
        filter: str | None = None,
        meta: bool | None = None,
        per_page: int | None = None,
        next_token: str | None = None,
        reverse: bool | None = None,
        **options: Unpack[QueryOptions],
    ) -> Iterator[JobListStub]:
        """Every job, page after page (``per_page`` at a time), following ``X-Nomad-NextToken``."""
        paging = Paging(
            prefix=prefix, filter=filter, per_page=per_page, next_token=next_token, reverse=reverse
        )
        return self._iter_list(["jobs"], JobListStub, paging, [("meta", meta)], options)

    def register(
        self,
        job: JobInput,
        *,
        enforce_index: bool = False,
        job_modify_index: int | None = None,
        policy_override: bool | None = None,
        preserve_counts: bool | None = None,
        preserve_resources: bool | None = None,
        eval_priority: int | None = None,
        submission: JobSubmission | None = None,
        validate: bool = True,
        **options: Unpack[WriteOptions],
    ) -> JobRegisterResponse:
        """Register a new job or a new version of one (``POST /v1/jobs``).

        Check-and-set: ``job_modify_index=N`` registers only if the job's current JobModifyIndex
        is N (0 = only if the job does not exist yet); ``enforce_index=True`` alone uses the
        ``JobModifyIndex`` of the given job, e.g. of a job read with :meth:`get`. A lost race
        raises :class:`~nomad_typed.JobModifyIndexConflictError`.

        With ``validate=True`` (the default) the job is also checked locally with Nomad's
        validation rules (:func:`~nomad_typed.validate_job`): a job Nomad would reject raises
        :class:`~nomad_typed.JobValidationError` listing every error with its JSON path, and
        nothing is sent. Warnings do not stop the call; keys the models do not know are sent
        as they are, not reported. ``validate=False`` leaves the verdict to the server.
        """
        request = _register_request(
            job,
            enforce_index=enforce_index,
            job_modify_index=job_modify_index,
            policy_override=policy_override,
            preserve_counts=preserve_counts,
            preserve_resources=preserve_resources,
            eval_priority=eval_priority,
            submission=submission,
        )
        return self._send_job(["jobs"], request, validate, options, JobRegisterResponse)

    def update(
        self,
        job: JobInput,
        *,
        job_id: str | None = None,
        enforce_index: bool = False,
        job_modify_index: int | None = None,
        policy_override: bool | None = None,
        preserve_counts: bool | None = None,
        preserve_resources: bool | None = None,
        eval_priority: int | None = None,
        submission: JobSubmission | None = None,
        validate: bool = True,
        **options: Unpack[WriteOptions],
    ) -> JobRegisterResponse:
        """Register through the job's own path (``POST /v1/job/:job_id``), as :meth:`register`.

        ``job_id`` defaults to the job's ID; when given it must equal it.
        """
        request = _register_request(
            job,
            enforce_index=enforce_index,
            job_modify_index=job_modify_index,
            policy_override=policy_override,
            preserve_counts=preserve_counts,
            preserve_resources=preserve_resources,
            eval_priority=eval_priority,
            submission=submission,
        )
        path = ["job", _matching_id(request.job, job_id)]
        return self._send_job(path, request, validate, options, JobRegisterResponse)

    def get(self, job_id: str, **options: Unpack[QueryOptions]) -> Job:
        """The job as Nomad stores it (``GET /v1/job/:job_id``)."""
        return parse_model(self._read(["job", job_id], options), Job)

    def versions(
        self,
        job_id: str,
        *,
        diffs: bool | None = None,
        diff_tag: str | None = None,
        diff_version: int | None = None,
        **options: Unpack[QueryOptions],
    ) -> JobVersionsResponse:
        """Every stored version of the job, newest first (``GET /v1/job/:job_id/versions``).

        ``diffs=True`` adds a diff per version against the next older one, or against the
        version named by ``diff_version`` / the tag named by ``diff_tag``.
        """
        params = [("diffs", diffs), ("diff_tag", diff_tag), ("diff_version", diff_version)]
        return parse_model(self._read(["job", job_id, "versions"], options, params), JobVersionsResponse)

    def allocations(
        self, job_id: str, *, all_: bool | None = None, **options: Unpack[QueryOptions]
    ) -> builtins.list[AllocListStub]:
        """The job's allocations (``GET /v1/job/:job_id/allocations``).

        ``all_=True`` includes allocations of earlier jobs registered under the same ID.
        """
        return parse_list(self._read(["job", job_id, "allocations"], options, [("all", all_)]), AllocListStub)

    def evaluations(self, job_id: str, **options: Unpack[QueryOptions]) -> builtins.list[Evaluation]:
        """The job's evaluations (``GET /v1/job/:job_id/evaluations``)."""
        return parse_list(self._read(["job", job_id, "evaluations"], options), Evaluation)

    def deployments(
        self, job_id: str, *, all_: bool | None = None, **options: Unpack[QueryOptions]
    ) -> builtins.list[Deployment]:
        """The job's deployments (``GET /v1/job/:job_id/deployments``).

        ``all_=True`` includes deployments of earlier jobs registered under the same ID.
        """
        return parse_list(self._read(["job", job_id, "deployments"], options, [("all", all_)]), Deployment)

    def latest_deployment(self, job_id: str, **options: Unpack[QueryOptions]) -> Deployment | None:
        """The job's most recent deployment, ``None`` if it has none (``GET /v1/job/:job_id/deployment``)."""
        return parse_optional(self._read(["job", job_id, "deployment"], options), Deployment)

    def summary(self, job_id: str, **options: Unpack[QueryOptions]) -> JobSummary:
        """Allocation counts per task group (``GET /v1/job/:job_id/summary``)."""
        return parse_model(self._read(["job", job_id, "summary"], options), JobSummary)

    def plan(
        self,
        job: JobInput,
        *,
        job_id: str | None = None,
        diff: bool | None = None,
        policy_override: bool | None = None,
        validate: bool = True,
        **options: Unpack[WriteOptions],
    ) -> JobPlanResponse:
        """Dry-run the scheduler for the job (``POST /v1/job/:job_id/plan``); nothing changes.

        ``diff=True`` includes the difference to the registered version. ``job_id`` defaults to
        the job's ID; when given it must equal it. ``validate`` as for :meth:`register`.
        """
        request = _job_request(JobPlanRequest, job)
        _set(request, diff=diff, policy_override=policy_override)
        path = ["job", _matching_id(request.job, job_id), "plan"]
        return self._send_job(path, request, validate, options, JobPlanResponse)

    def dispatch(
        self,
        job_id: str,
        payload: Payload | None = None,
        *,
        meta: Mapping[str, str] | None = None,
        id_prefix_template: str | None = None,
        priority: int | None = None,
        idempotency_token: str | None = None,
        **options: Unpack[WriteOptions],
    ) -> JobDispatchResponse:
        """Start an instance of a parameterized job (``POST /v1/job/:job_id/dispatch``).

        ``payload`` is sent base64-encoded (a ``str`` as UTF-8). With an ``idempotency_token``
        Nomad creates at most one child for the token, so the call is also retried safely.
        """
        request = JobDispatchRequest(job_id=job_id)
        if payload is not None:
            request.payload = base64.b64encode(_payload_bytes(payload)).decode("ascii")
        _set(request, meta=dict(meta) if meta is not None else None)
        _set(request, id_prefix_template=id_prefix_template, priority=priority)
        params = [("idempotency_token", idempotency_token)]
        reply = self._write(
            "POST",
            ["job", job_id, "dispatch"],
            options,
            body=request,
            params=params,
            mode="idempotent" if idempotency_token else "write",
        )
        return parse_model(reply, JobDispatchResponse)

    def dispatch_payload(
        self,
        job_id: str,
        payload: Payload,
        *,
        idempotency_token: str | None = None,
        **options: Unpack[WriteOptions],
    ) -> JobDispatchResponse:
        """Dispatch with the raw payload as the body (``POST /v1/job/:job_id/dispatch/payload``).

        No JSON and no base64; meta values cannot be passed this way.
        """
        reply = self._write(
            "POST",
            ["job", job_id, "dispatch", "payload"],
            options,
            body=_payload_bytes(payload),
            params=[("idempotency_token", idempotency_token)],
            mode="idempotent" if idempotency_token else "write",
        )
        return parse_model(reply, JobDispatchResponse)

    def revert(
        self,
        job_id: str,
        version: int,
        *,
        enforce_prior_version: int | None = None,
        **options: Unpack[WriteOptions],
    ) -> JobRegisterResponse:
        """Register an older version again (``POST /v1/job/:job_id/revert``).

        ``enforce_prior_version`` makes the revert conditional on the current version.
        """
        request = JobRevertRequest(job_id=job_id, job_version=version)
        _set(request, enforce_prior_version=enforce_prior_version)
        return parse_model(
            self._write("POST", ["job", job_id, "revert"], options, body=request), JobRegisterResponse
        )

    def stable(
        self, job_id: str, version: int, stable: bool = True, **options: Unpack[WriteOptions]
    ) -> JobStabilityResponse:
        """Mark a version stable or not (``POST /v1/job/:job_id/stable``)."""
        request = JobStabilityRequest(job_id=job_id, job_version=version, stable=stable)
        return parse_model(
            self._write("POST", ["job", job_id, "stable"], options, body=request), JobStabilityResponse
        )

    def evaluate(
        self, job_id: str, *, force_reschedule: bool | None = None, **options: Unpack[WriteOptions]
    ) -> JobRegisterResponse:
        """Create an evaluation of the job (``POST /v1/job/:job_id/evaluate``).

        ``force_reschedule=True`` also reschedules failed allocations past their policy.
        """
        request = JobEvaluateRequest(job_id=job_id)
        if force_reschedule is not None:
            request.eval_options = EvalOptions(force_reschedule=force_reschedule)
        return parse_model(
            self._write("POST", ["job", job_id, "evaluate"], options, body=request), JobRegisterResponse
        )

    def deregister(
        self,
        job_id: str,
        *,
        purge: bool | None = None,
        global_: bool | None = None,
        eval_priority: int | None = None,
        no_shutdown_delay: bool | None = None,
        **options: Unpack[WriteOptions],
    ) -> JobDeregisterResponse:
        """Stop the job (``DELETE /v1/job/:job_id``).

        ``purge=True`` also removes it from Nomad's state at once; ``global_=True`` stops every
        region of a multiregion job; ``no_shutdown_delay=True`` skips shutdown delays.
        """
        params = [
            ("purge", purge),
            ("global", global_),
            ("eval_priority", eval_priority),
            ("no_shutdown_delay", no_shutdown_delay),
        ]
        return parse_model(
            self._write("DELETE", ["job", job_id], options, params=params), JobDeregisterResponse
        )

    def periodic_force(self, job_id: str, **options: Unpack[WriteOptions]) -> PeriodicForceResponse:
        """Launch a periodic job now (``POST /v1/job/:job_id/periodic/force``)."""
        return parse_model(
            self._write("POST", ["job", job_id, "periodic", "force"], options), PeriodicForceResponse
        )

    def scale(
        self,
        job_id: str,
        group: str,
        count: int | None = None,
        *,
        message: str | None = None,
        error: bool | None = None,
        meta: JSONObject | None = None,
        policy_override: bool | None = None,
        job_modify_index: int | None = None,
        **options: Unpack[WriteOptions],
    ) -> JobRegisterResponse:
        """Set a task group's count, or only record a scaling event (``POST /v1/job/:job_id/scale``).

        ``count=None`` records an event without changing the count; ``job_modify_index`` makes
        the change conditional (check-and-set).
        """
        request = ScalingRequest(target={"Group": group})
        _set(request, count=count, message=message, error=error, meta=meta)
        _set(request, policy_override=policy_override, job_modify_index=job_modify_index)
        return parse_model(
            self._write("POST", ["job", job_id, "scale"], options, body=request), JobRegisterResponse
        )

    def scale_status(self, job_id: str, **options: Unpack[QueryOptions]) -> JobScaleStatus:
        """Counts and recent scaling events per task group (``GET /v1/job/:job_id/scale``)."""
        return parse_model(self._read(["job", job_id, "scale"], options), JobScaleStatus)

    def services(self, job_id: str, **options: Unpack[QueryOptions]) -> builtins.list[ServiceRegistration]:
        """Nomad-native service registrations of the job (``GET /v1/job/:job_id/services``)."""
        return parse_list(self._read(["job", job_id, "services"], options), ServiceRegistration)

    def submission(self, job_id: str, version: int, **options: Unpack[QueryOptions]) -> JobSubmission:
        """The source a version was submitted from (``GET /v1/job/:job_id/submission?version=``)."""
        reply = self._read(["job", job_id, "submission"], options, [("version", version)])
        return parse_model(reply, JobSubmission)

    def actions(self, job_id: str, **options: Unpack[QueryOptions]) -> builtins.list[JobAction]:
        """The actions the job's tasks define (``GET /v1/job/:job_id/actions``)."""
        return parse_list(self._read(["job", job_id, "actions"], options), JobAction)

    def tag_version(
        self,
        job_id: str,
        name: str,
        *,
        version: int | None = None,
        latest: bool | None = None,
        description: str | None = None,
        **options: Unpack[WriteOptions],
    ) -> JobTagResponse:
        """Name a version (``POST /v1/job/:job_id/versions/:name/tag``).

        Tags ``version``, or the latest version with ``latest=True``.
        """
        request = TagVersionRequest()
        _set(request, version=version, latest=latest, description=description)
        path = ["job", job_id, "versions", name, "tag"]
        return parse_model(self._write("POST", path, options, body=request), JobTagResponse)

    def untag_version(self, job_id: str, name: str, **options: Unpack[WriteOptions]) -> JobTagResponse:
        """Remove a version tag (``DELETE /v1/job/:job_id/versions/:name/tag``)."""
        path = ["job", job_id, "versions", name, "tag"]
        return parse_model(self._write("DELETE", path, options), JobTagResponse)

    def parse(
        self,
        hcl: str,
        *,
        variables: str | None = None,
        canonicalize: bool | None = None,
        **options: Unpack[WriteOptions],
    ) -> Job:
        """Turn an HCL2 job specification into a job on the server (``POST /v1/jobs/parse``).

        ``variables`` is the content of a variables file; ``canonicalize=True`` fills defaults.
        """
        request = JobsParseRequest(job_hcl=hcl)
        _set(request, variables=variables, canonicalize=canonicalize)
        return parse_model(self._write("POST", ["jobs", "parse"], options, body=request), Job)

    def validate(self, job: JobInput, **options: Unpack[WriteOptions]) -> JobValidateResponse:
        """Check the job with the server's rules (``POST /v1/validate/job``).

        Answers HTTP 200 also for an invalid job: the problems are in the response.
        """
        request = _job_request(JobValidateRequest, job)
        return parse_model(
            self._write("POST", ["validate", "job"], options, body=request), JobValidateResponse
        )

    def _send_job(
        self,
        path: Sequence[str],
        request: JobRegisterRequest | JobPlanRequest,
        validate: bool,
        options: WriteOptions,
        answer: type[_M],
    ) -> _M:
        """POST a request carrying a job, checked first with Nomad's rules when ``validate`` is set."""
        if validate:
            _refuse_if_invalid(request.job)
        return parse_model(self._write("POST", path, options, body=request), answer)


class JobsWithMeta:
    """``client.jobs.with_meta``: the same calls, each returning ``WithMeta(value, meta)``."""

    def __init__(self, jobs: Jobs) -> None:
        self.list = with_meta(jobs.list)
        self.register = with_meta(jobs.register)
        self.update = with_meta(jobs.update)
        self.get = with_meta(jobs.get)
        self.versions = with_meta(jobs.versions)
        self.allocations = with_meta(jobs.allocations)
        self.evaluations = with_meta(jobs.evaluations)
        self.deployments = with_meta(jobs.deployments)
        self.latest_deployment = with_meta(jobs.latest_deployment)
        self.summary = with_meta(jobs.summary)
        self.plan = with_meta(jobs.plan)
        self.dispatch = with_meta(jobs.dispatch)
        self.dispatch_payload = with_meta(jobs.dispatch_payload)
        self.revert = with_meta(jobs.revert)
        self.stable = with_meta(jobs.stable)
        self.evaluate = with_meta(jobs.evaluate)
        self.deregister = with_meta(jobs.deregister)
        self.periodic_force = with_meta(jobs.periodic_force)
        self.scale = with_meta(jobs.scale)
        self.scale_status = with_meta(jobs.scale_status)
        self.services = with_meta(jobs.services)
        self.submission = with_meta(jobs.submission)
        self.actions = with_meta(jobs.actions)
        self.tag_version = with_meta(jobs.tag_version)
        self.untag_version = with_meta(jobs.untag_version)
        self.parse = with_meta(jobs.parse)
        self.validate = with_meta(jobs.validate)


_R = TypeVar("_R", JobRegisterRequest, JobPlanRequest, JobValidateRequest)
_M = TypeVar("_M", bound=BaseModel)


def enveloped_job(job: JobInput) -> Job | Mapping[str, object] | None:
    """The job inside a request envelope (``{"Job": …, "EnforceIndex": …}``); None for a bare job.

    The job inside may be a dict or a :class:`Job` model: reading a job and registering it
    again in an envelope (python-nomad's read-modify-write) puts the model there.
    """
    if isinstance(job, Mapping):
        inner = job.get("Job")
        if isinstance(inner, (Job, Mapping)):
            return inner
    return None


def _job_request(model: type[_R], job: JobInput) -> _R:
    """The request body around ``job``; a dict is validated first and its envelope keys are kept."""
    if isinstance(job, Job):
        return model(job=job)
    if not isinstance(job, Mapping):
        raise TypeError(f"job must be a Job or a dict of Nomad's JSON, got {type(job).__name__}")
    inner = enveloped_job(job)
    if inner is None:
        return model(job=Job.from_wire(job))
    envelope = {key: value for key, value in job.items() if key != "Job"}
    parsed = inner if isinstance(inner, Job) else Job.from_wire(inner)
    return model.model_validate({**envelope, "Job": parsed}, context=WIRE_CONTEXT)


class _RegisterFields(TypedDict):
    """Fields of the register request that register and update set when they are given."""

    policy_override: bool | None
    preserve_counts: bool | None
    preserve_resources: bool | None
    eval_priority: int | None
    submission: JobSubmission | None


def _register_request(
    job: JobInput, *, enforce_index: bool, job_modify_index: int | None, **fields: Unpack[_RegisterFields]
) -> JobRegisterRequest:
    request = _job_request(JobRegisterRequest, job)
    _job_id(request.job)
    if job_modify_index is not None:
        request.enforce_index = True
        request.job_modify_index = job_modify_index
    elif enforce_index:
        request.enforce_index = True
        request.job_modify_index = request.job.job_modify_index or 0
    _set(request, **fields)
    return request


def _refuse_if_invalid(job: Job) -> None:
    """Raise :class:`JobValidationError` when Nomad's rules reject the job (warnings pass).

    Called after the arguments are checked, so a wrong argument is reported as such first.
    Unknown keys are allowed: the server drops them, and they may belong to a newer Nomad.
    """
    # validate_job reads a model back as the document that will be sent, so Go's
    # case-insensitive keys ("taskGroups") count as the fields Nomad reads them as, and a value
    # that cannot be written as JSON (a NaN put into Config after construction) is an issue.
    issues = validate_job(job, allow_unknown_fields=True)
    if any(issue.severity == "error" for issue in issues):
        raise JobValidationError(_job_id(job), issues)


def _job_id(job: Job) -> str:
    if not job.id:
        raise InvalidParameterError("the job has no ID; set Job.ID before sending it")
    return job.id


def _matching_id(job: Job, job_id: str | None) -> str:
    own = _job_id(job)
    if job_id is not None and job_id != own:
        raise InvalidParameterError(f"job ID {own!r} does not match the path ID {job_id!r}")
    return own


def _set(model: BaseModel, **values: object) -> None:
    """Set the fields whose value is not None (each then appears in the wire form)."""
    for name, value in values.items():
        if value is not None:
            setattr(model, name, value)


def _payload_bytes(payload: object) -> bytes:
    """A dispatch payload as bytes; text is sent as UTF-8. Checked before anything is sent."""
    if isinstance(payload, str):
        return utf8(payload, "payload")
    # bytes() alone would turn an int into that many zero bytes, and a list of ints into bytes.
    if not isinstance(payload, (bytes, bytearray, memoryview)):
        raise TypeError(f"payload must be bytes, bytearray, memoryview or str, got {type(payload).__name__}")
    return bytes(payload)
