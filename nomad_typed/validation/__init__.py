"""Offline job validation with the checks Nomad's server makes on register, plan and validate.

``validate_job(job_or_wire)`` returns :class:`Issue` objects in three layers:

1. **structure** — the document must decode the way Nomad's Go decoder decodes it (types, integer
   ranges, durations as integer nanoseconds, known enum values). Structural errors stop here.
2. **unknown-field** / **legacy-field** / **key-case** — keys Nomad silently drops, with a "did you
   mean" suggestion; keys older Nomad versions had are warnings. A key Nomad matches to a field
   only case-insensitively (``datacenters``) is read as that field, as Nomad reads it, with a
   ``key-case`` warning to write the field's own spelling (``Datacenters``).
3. **Nomad's rules** (``V…`` errors, ``W…`` warnings) — run on a copy canonicalized with Nomad's
   own defaults, so a job Nomad accepts is never flagged. :data:`RULES` lists every rule
   implemented; :data:`STRUCTURAL_RULES` the rules the models already enforce while parsing.

   Features that need Nomad Enterprise are **warnings**, although a Nomad CE server rejects them:
   an Enterprise server accepts them, and offline the server's edition is unknown. They are V048
   (multiregion), V446 and V447 (Vault namespaces, non-default Vault clusters), V448 (non-default
   Consul clusters), V454 (NUMA ``prefer``/``require``) and V455 (task schedules); each message
   ends with "(a Nomad CE server rejects this job)", and :data:`ENTERPRISE_ONLY_RULES` lists them
   for a check that targets CE and should treat them as errors.

Rules not checked, and why:

* Need server state or configuration: V005/V008-V019 (request envelopes, query parameters and
  other endpoints), V007 (a register option, not part of the job), V425 (server versions), V426
  (the agent's default Vault identity configuration), V445
  (Vault clusters enabled on the server), V450-V453 (namespaces, namespace capabilities, node
  pools), V460-V490 (ACLs, Sentinel, enforce-index, update transitions, dispatch, scale, revert,
  plan-time checks), W11 (memory oversubscription setting of the node pool), W13
  (``job_max_source_size``), W14 (Sentinel). V422 and V423 use Nomad's defaults
  (``job_max_priority`` 100, ``job_max_count`` 50000).
* Unreachable over the HTTP API, because the agent fills or drops the value first: V020 (region),
  V026 (namespace), V029 (datacenters), V060/V065/V067 (restart, reschedule and ephemeral-disk
  objects), V101 (the agent drops ``TaskName`` of task-level checks), V288/V289 (resources and
  log config), V317 (the agent drops ``DiskMB``), V380 (the agent drops volumes of other types),
  V174 (a gateway proxy always gets a connect timeout), V400 (a scaling policy always gets a type),
  V402 (the server regenerates the scaling target), V424 (service identities are renamed by the
  implicit-identity mutator), the "must be non-negative" half of V157-V159 (negative thresholds
  become 0), W02 (the agent drops the deprecated disconnect fields).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from pydantic import ValidationError

from nomad_typed.models import Job
from nomad_typed.models._base import wire_problems

from ._canonical import canonicalize
from ._context import ENTERPRISE_ONLY_RULES, RULES, Context
from ._issue import Issue, Severity
from ._paths import Resolver
from ._structure import read_keys_like_go, renamed_keys, structure_issues, unencodable_strings
from ._unknown import LEGACY_FIELDS, unknown_field_issues
from .rules import run_rules

__all__ = [
    "ENTERPRISE_ONLY_RULES",
    "LEGACY_FIELDS",
    "RULES",
    "STRUCTURAL_RULES",
    "Issue",
    "Severity",
    "validate_job",
]

#: Nomad rules that the models enforce while parsing: a violation is a ``"structure"`` issue.
STRUCTURAL_RULES: dict[str, str] = {
    "V002": "values must have the JSON type and range of Nomad's Go field",
    "V027": "Job.Type must not be empty",
    "V028": "Job.Type must be service, batch, system or sysbatch",
    "V420": "Job.Type cannot be _core",
    "V122": "Service.AddressMode must be auto, host, driver, alloc or alloc_ipv6",
    "V123": "Service.OnUpdate must be require_healthy, ignore_warnings or ignore",
    "V124": "Service.Provider must be consul or nomad",
    "V148": "ServiceCheck.InitialStatus must be passing, warning or critical",
    "V151": "ServiceCheck.OnUpdate must be require_healthy, ignore_warnings or ignore",
    "V175": "ConsulGatewayProxy.EnvoyDNSDiscoveryType must be STRICT_DNS or LOGICAL_DNS",
    "V180": "ConsulIngressListener.Protocol must be tcp, http, http2 or grpc",
    "V235": "ParameterizedJob.Payload must be optional, required or forbidden",
    "V239": "TaskLifecycle.Hook must be prestart, poststart or poststop",
    "V240": 'RestartPolicy.Mode must be delay, fail or "" (a group\'s "" is caught by the V240 rule)',
    "V257": "MigrateStrategy.HealthCheck must be checks or task_states",
    "V274": "DisconnectStrategy.Reconcile must be a known option",
    "V321": "NUMAResource.Affinity must be none, prefer or require",
    "V331": "TaskArtifact.GetterMode must be any, file or dir",
    "V347": "Template.ChangeMode must be noop, restart, signal or script",
    "V353": "Vault.ChangeMode must be noop, restart or signal",
    "V366": "WorkloadIdentity.ChangeMode must be noop, restart or signal",
    "V397": "VolumeMount.PropagationMode must be private, host-to-task or bidirectional",
    "V398": "VolumeMount.SELinuxLabel must be z or Z",
}


def validate_job(
    job_or_wire: Job | Mapping[str, object] | str | bytes | bytearray, *, allow_unknown_fields: bool = False
) -> list[Issue]:
    """Check a job the way Nomad's server would on register, plan or validate, without a server.

    ``job_or_wire`` is one of:

    * a :class:`~nomad_typed.models.Job`, checked as the document it sends: a value put into one
      of its dicts or lists after it was built is checked too, and one that JSON cannot carry
      (NaN, a Python object, nesting past the limit) is a ``structure`` issue at its path;
    * a decoded wire document, which must be a mapping (``json.load`` of a job file);
    * JSON text, as ``str`` or UTF-8 ``bytes``. A ``str`` is always read as JSON text: a document
      that decoded to a string is not a job, so pass the text itself, not what it decoded to.

    A document or text may hold a bare job or a ``{"Job": {...}}`` envelope; a mapping may also
    wrap a :class:`~nomad_typed.models.Job` (``{"Job": job}``). Anything that is not
    a JSON object is one ``structure`` issue. With ``allow_unknown_fields`` neither unknown keys nor
    ``key-case`` warnings are reported (keys of older Nomad versions still are, as warnings).
    """
    envelope = job_or_wire.get("Job") if isinstance(job_or_wire, Mapping) else None
    if isinstance(envelope, Job):
        job_or_wire = envelope
    document: Mapping[str, object] | None
    if isinstance(job_or_wire, Job):
        read_back = _read_back(job_or_wire)
        if isinstance(read_back, list):
            return read_back
        document = read_back
    else:
        document = _as_document(job_or_wire)
        if document is None:
            return _parse_issues(job_or_wire)
    document, notes = read_keys_like_go(document, Job)
    renamed = renamed_keys(notes)
    # Looked for in the document: parsing may alter such strings (a map key) or drop them.
    unencodable = unencodable_strings(document, Job, renamed)
    try:
        job = Job.from_wire(document)
    except ValidationError as error:
        return structure_issues(error, document, Job, renamed) + unencodable
    if unencodable:
        return unencodable
    issues = unknown_field_issues(job, notes, allow_unknown=allow_unknown_fields)
    resolver = Resolver(job.to_dict(), renamed)
    context = Context(canonicalize(job, resolver), job, resolver)
    run_rules(context)
    return issues + context.issues


def _read_back(job: Job) -> dict[str, object] | list[Issue]:
    """The document a job built in Python sends, or why it cannot be sent.

    It is then validated like any document: a dict or list of the job changed in place since it
    was built was never validated (pydantic only warns about such values when it writes them).
    """
    try:
        return job.model_dump(mode="json", by_alias=True, exclude_unset=True, warnings=False)
    except ValueError as error:
        found = [Issue("error", path, message, "structure") for path, message in wire_problems(job)]
        if found:
            return found
        # None of its values is beyond JSON, so none holds itself: the Python form can be walked.
        found = unencodable_strings(job.model_dump(by_alias=True, exclude_unset=True, warnings=False), Job)
        return found or [Issue("error", "", f"the job cannot be written as JSON: {error}", "structure")]


def _as_document(value: object) -> Mapping[str, object] | None:
    """The bare job mapping of a wire document, or ``None`` when only the parser can tell what is wrong."""
    if isinstance(value, (str, bytes, bytearray)):
        try:
            # UTF-8 only, as Nomad reads it (json.loads would also take UTF-16 and UTF-32 bytes).
            value = json.loads(value if isinstance(value, str) else bytes(value).decode("utf-8-sig"))
        except (ValueError, RecursionError):
            return None
    if not isinstance(value, Mapping):
        return None
    envelope = value.get("Job")
    return envelope if isinstance(envelope, Mapping) else value


def _parse_issues(value: object) -> list[Issue]:
    """What the parser says about a document that is not a JSON object (or not JSON at all)."""
    try:
        Job.from_wire(value)  # type: ignore[arg-type]  # any decoded JSON value may arrive here
    except ValidationError as error:
        return structure_issues(error, value, Job)
    return []
