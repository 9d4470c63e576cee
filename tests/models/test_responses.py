"""Response models against real response bodies: every key modelled, values parsed, wire form kept."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TypeVar

import pytest
from pydantic import ValidationError

from nomad_typed.models import Job, NomadModel, TaskLifecycle
from nomad_typed.models.responses import (
    AllocatedPortMapping,
    Allocation,
    AllocationListStub,
    AllocationMetric,
    AllocListStub,
    AllocMetric,
    AllocState,
    AllocStopResponse,
    Deployment,
    DeploymentUpdateResponse,
    EvalCountResponse,
    Evaluation,
    EvaluationStub,
    FieldDiff,
    GenericResponse,
    JobAction,
    JobDeregisterResponse,
    JobDiff,
    JobDispatchResponse,
    JobListStub,
    JobPlanResponse,
    JobRegisterResponse,
    JobScaleStatus,
    JobScaleStatusResponse,
    JobStabilityResponse,
    JobSummary,
    JobTagResponse,
    JobValidateResponse,
    JobVersionsResponse,
    PeriodicForceResponse,
    PortMapping,
    RescheduleTracker,
    ServiceRegistration,
    TaskDiff,
    TaskEvent,
    TaskGroupDiff,
    TaskLifecycleConfig,
    TaskState,
)
from tests.conftest import CORPUS

M = TypeVar("M", bound=NomadModel)
UTC = timezone.utc


@dataclass(frozen=True)
class Case:
    """One response body of the corpus and the model the client reads it with."""

    file: str
    model: type[NomadModel]
    many: bool = False
    # Keys the models leave undeclared, each kept as an extra key; the reason stands next to each list.
    unknown: tuple[str, ...] = ()


def _docs(endpoint: str, name: str) -> str:
    return f"responses/{endpoint}/docs-v2.0.x_{name}.json"


def _wild(name: str) -> str:
    return f"wild/responses/{name}.json"


CASES = [
    Case(_docs("allocation_pause_override", "override-pause-schedule-state"), GenericResponse),
    Case(_docs("allocation_restart", "restart-allocation"), GenericResponse),
    Case(_docs("allocation_services", "allocation-services"), ServiceRegistration, many=True),
    Case(_docs("allocation_signal", "signal-allocation"), GenericResponse),
    Case(_docs("allocation_stop", "stop-allocation"), AllocStopResponse),
    # The sample predates Nomad 1.10, which removed the experimental TaskState.TaskHandle.
    Case(
        _docs("allocations_list", "list-allocations"),
        AllocListStub,
        many=True,
        unknown=('[0].TaskStates["redis"].TaskHandle',),
    ),
    Case(_docs("deployment_allocations", "list-allocations-for-deployment"), AllocListStub, many=True),
    Case(_docs("deployment_pause", "pause-deployment"), DeploymentUpdateResponse),
    Case(_docs("deployment_promote", "promote-deployment"), DeploymentUpdateResponse),
    Case(_docs("deployment_read", "read-deployment"), Deployment),
    Case(_docs("deployment_unblock", "unblock-deployment"), DeploymentUpdateResponse),
    Case(_docs("deployments_list", "list-deployments"), Deployment, many=True),
    Case(_docs("evaluations_count", "count-evaluations"), EvalCountResponse),
    Case(_docs("evaluations_list", "list-evaluations"), Evaluation, many=True),
    # The sample shows a full allocation's PreviousAllocation, which list stubs do not have.
    Case(
        _docs("job_allocations", "list-job-allocations"),
        AllocListStub,
        many=True,
        unknown=("[0].PreviousAllocation",),
    ),
    Case(_docs("job_deregister", "stop-a-job"), JobDeregisterResponse),
    Case(_docs("job_dispatch", "dispatch-job"), JobDispatchResponse),
    Case(_docs("job_evaluate", "create-job-evaluation"), JobRegisterResponse),
    Case(_docs("job_evaluations", "list-job-evaluations"), Evaluation, many=True),
    Case(_docs("job_periodic_force", "force-new-periodic-instance"), PeriodicForceResponse),
    Case(_docs("job_plan", "create-job-plan"), JobPlanResponse),
    Case("responses/job_read/docs-v1.7.x_read-job.json", Job, unknown=("VaultToken",)),
    Case(_docs("job_read", "read-job"), Job),
    Case(_docs("job_revert", "revert-to-older-job-version"), JobRegisterResponse),
    Case(_docs("job_scale", "scale-task-group"), JobRegisterResponse),
    Case(_docs("job_services", "job-services"), ServiceRegistration, many=True),
    # The sample shows the Go api client's JobModifyIndex; the server's reply only embeds WriteMeta.
    Case(_docs("job_stable", "set-job-stability"), JobStabilityResponse, unknown=("JobModifyIndex",)),
    Case(_docs("job_summary", "read-job-summary"), JobSummary),
    Case(_docs("job_update", "update-existing-job"), JobRegisterResponse),
    Case(_docs("job_validate", "validate-job"), JobValidateResponse),
    # The sample is a job deregister body; the tag endpoints reply with Name/Description/TaggedTime.
    Case(
        _docs("job_version_tag_delete", "delete-job-version-tag"),
        JobTagResponse,
        unknown=("EvalID", "EvalCreateIndex", "JobModifyIndex", "VolumeEvalID", "VolumeEvalIndex"),
    ),
    Case(
        "responses/job_versions/docs-v1.7.x_list-job-versions_1.json",
        JobVersionsResponse,
        unknown=("Versions[0].ConsulToken", "Versions[0].VaultToken"),
    ),
    Case(_docs("job_versions", "list-job-versions_1"), JobVersionsResponse),
    Case(_docs("jobs_list", "list-jobs"), JobListStub, many=True),
    Case("responses/jobs_parse/docs-v1.7.x_parse-job.json", Job, unknown=("VaultToken",)),
    Case(_docs("jobs_parse", "parse-job"), Job),
    Case(_docs("jobs_register", "create-job"), JobRegisterResponse),
    Case(_wild("FRosner_cluster-broccoli_test-resources_nomad_allocations"), AllocListStub, many=True),
    Case(
        _wild("hashicorp_nomad-autoscaler_nodeselector-cluster1_b535e699"),
        Allocation,
        many=True,
        unknown=("[0].Job.VaultToken",),
    ),
    Case(_wild("hashicorp_nomad-autoscaler_policy-test-fixtures_full-scaling"), Job),
    Case(_wild("hashicorp_nomad-autoscaler_policy-test-fixtures_invalid-cooldown-type"), Job),
    Case(_wild("hashicorp_nomad-autoscaler_policy-test-fixtures_invalid-source-not-string"), Job),
    Case(_wild("input-output-hk_mantis-ops_plan.sh-deployment_read"), Deployment),
    Case(_wild("input-output-hk_mantis-ops_plan.sh-job_plan"), JobPlanResponse),
    Case(
        _wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_evaluation_failed"),
        Evaluation,
        many=True,
    ),
    Case(_wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_info_dead"), Job),
    Case(
        _wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_multi_allocations"),
        AllocListStub,
        many=True,
    ),
    Case(_wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_summary_failed"), JobSummary),
    Case(_wild("juditnovak_airflow-provider-nomad_unit-data_simple_batch_api_retval"), Job),
    Case(_wild("traefik_traefik_nomad-fixtures_jobs_job1"), JobListStub, many=True),
]

# Keys holding Go time.Time values: RFC 3339 text on the wire, datetime (or None) once parsed.
TIME_KEYS = frozenset(
    {"FinishedAt", "LastRestart", "NextPeriodicLaunch", "RequireProgressBy", "StartedAt", "Time", "Timestamp"}
)
_RFC3339 = re.compile(r"(?P<head>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?P<frac>\.\d+)?(?P<zone>Z|[+-]\d\d:\d\d)")


def _document(file: str) -> object:
    return json.loads((CORPUS / file).read_text(encoding="utf-8"))


def _body(case: Case) -> object:
    """The JSON the model describes: a ``{"Job": …}`` wrapper is unwrapped as ``Job.from_wire`` does."""
    document = _document(case.file)
    if case.model is Job and isinstance(document, dict) and "Job" in document:
        return document["Job"]
    return document


def _parse(case: Case) -> list[NomadModel]:
    document = _document(case.file)
    if case.many:
        assert isinstance(document, list)
        return [case.model.from_wire(item) for item in document]
    assert isinstance(document, dict)
    return [case.model.from_wire(document)]


def load(file: str, model: type[M]) -> M:
    document = _document(file)
    assert isinstance(document, dict)
    return model.from_wire(document)


def load_list(file: str, model: type[M]) -> list[M]:
    document = _document(file)
    assert isinstance(document, list)
    return [model.from_wire(item) for item in document]


def _instant(value: object) -> object:
    """A wire timestamp as the instant it names, to microseconds; Go's zero time is no time."""
    if not isinstance(value, str):
        return value
    match = _RFC3339.fullmatch(value)
    assert match is not None, value
    frac = (match["frac"] or ".0")[:7]
    zone = "+00:00" if match["zone"] == "Z" else match["zone"]
    parsed = datetime.fromisoformat(match["head"] + frac + zone)
    return None if parsed.year == 1 else parsed


def _times_as_instants(value: object, key: str = "") -> object:
    if isinstance(value, dict):
        return {name: _times_as_instants(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_times_as_instants(item, key) for item in value]
    if key in TIME_KEYS and isinstance(value, str):
        return _instant(value)
    return value


def test_every_response_file_of_the_corpus_has_a_case() -> None:
    files = sorted(
        str(path.relative_to(CORPUS))
        for pattern in ("responses/*/*.json", "wild/responses/*.json")
        for path in CORPUS.glob(pattern)
    )
    assert sorted(case.file for case in CASES) == files


@pytest.mark.parametrize("case", CASES, ids=[case.file for case in CASES])
def test_every_key_of_the_body_is_modelled(case: Case) -> None:
    parsed = _parse(case)
    if case.many:
        unknown = [f"[{index}].{path}" for index, item in enumerate(parsed) for path in item.unknown_fields()]
    else:
        unknown = parsed[0].unknown_fields()
    assert unknown == list(case.unknown)


@pytest.mark.parametrize("case", CASES, ids=[case.file for case in CASES])
def test_wire_form_gives_the_body_back(case: Case) -> None:
    parsed = _parse(case)
    dumped: object = [item.to_dict() for item in parsed] if case.many else parsed[0].to_dict()
    body = _body(case)
    # Timestamps come back in Python's RFC 3339 spelling, to microseconds, and Go's zero time as null.
    assert _times_as_instants(dumped) == _times_as_instants(body)
    if _times_as_instants(body) == body:
        assert dumped == body


def test_round_trip_changes_only_the_spelling_of_timestamps() -> None:
    file = _docs("deployment_allocations", "list-allocations-for-deployment")
    [stub] = load_list(file, AllocListStub)
    expected = json.loads((CORPUS / file).read_text(encoding="utf-8"))[0]
    expected["TaskStates"]["redis"]["StartedAt"] = "2017-06-29T22:29:41.520002Z"
    expected["TaskStates"]["redis"]["FinishedAt"] = None
    assert stub.to_dict() == expected


# --- values of the docs samples --------------------------------------------------------------------


def test_job_allocations_sample() -> None:
    [stub] = load_list(_docs("job_allocations", "list-job-allocations"), AllocListStub)
    assert stub.client_status == AllocListStub.CLIENT_STATUS_RUNNING == "running"
    assert stub.desired_status == AllocListStub.DESIRED_STATUS_RUN
    assert stub.task_group == "cache"
    assert stub.create_time == 1495755675944527600
    assert stub.reschedule_tracker is not None
    [event] = stub.reschedule_tracker.events or []
    assert event.prev_alloc_id == "516d2753-0513-cfc7-57ac-2d6fac18b9dc"
    assert event.reschedule_time == 1517434161192946200
    assert event.delay == 5_000_000_000
    assert stub.reschedule_tracker.last_reschedule is None
    state = (stub.task_states or {})["redis"]
    assert state.state == TaskState.STATE_RUNNING
    assert state.started_at == datetime(2017, 5, 25, 23, 41, 23, 240184, tzinfo=UTC)
    assert state.finished_at is None
    assert "FinishedAt" in state
    events = state.events or []
    assert [item.type for item in events] == [
        TaskEvent.TYPE_RECEIVED,
        TaskEvent.TYPE_TASK_SETUP,
        TaskEvent.TYPE_DRIVER_MESSAGE,
        TaskEvent.TYPE_STARTED,
    ]
    assert events[2].driver_message == "Downloading image redis:7"
    assert events[3].time == 1495755683227522000
    assert stub["PreviousAllocation"] == "516d2753-0513-cfc7-57ac-2d6fac18b9dc"


def test_allocations_list_sample() -> None:
    [stub] = load_list(_docs("allocations_list", "list-allocations"), AllocListStub)
    assert stub.job_type == "service"
    assert stub.job_version == 0
    assert stub.node_name == "linux"
    status = stub.deployment_status
    assert status is not None
    assert status.healthy is True
    assert status.timestamp == datetime(2021, 11, 4, 10, 14, 22, 54814, tzinfo=timezone(timedelta(hours=1)))
    transition = stub.desired_transition
    assert transition is not None
    assert (transition.migrate, transition.reschedule, transition.force_reschedule) == (None, None, None)
    assert transition.model_fields_set == {"migrate", "reschedule", "force_reschedule"}
    state = (stub.task_states or {})["redis"]
    assert state.started_at == datetime(2021, 11, 4, 9, 14, 12, 49960, tzinfo=UTC)
    assert state.last_restart is None
    assert state.restarts == 0
    events = state.events or []
    assert events[1].details == {"message": "Building Task Directory"}
    assert events[0].details == {}
    assert events[2].display_message == "Task started by client"
    assert events[2].time == 1636017252049956000


def test_deployment_allocations_sample_zero_time_is_none() -> None:
    [stub] = load_list(_docs("deployment_allocations", "list-allocations-for-deployment"), AllocListStub)
    state = (stub.task_states or {})["redis"]
    assert state.started_at == datetime(2017, 6, 29, 22, 29, 41, 520002, tzinfo=UTC)
    assert state.finished_at is None
    assert stub.deployment_status is None
    assert stub.modify_index == 22


@pytest.mark.parametrize(
    "endpoint",
    ["allocation_services/docs-v2.0.x_allocation-services", "job_services/docs-v2.0.x_job-services"],
)
def test_service_registration_samples(endpoint: str) -> None:
    [service] = load_list(f"responses/{endpoint}.json", ServiceRegistration)
    assert service.id == "_nomad-task-177160af-26f6-619f-9c9f-5e46d1104395-redis-example-cache-redis-db"
    assert service.service_name == "example-cache-redis"
    assert service.alloc_id == "177160af-26f6-619f-9c9f-5e46d1104395"
    assert (service.address, service.port) == ("127.0.0.1", 29702)
    assert service.tags == ["db", "cache"]
    assert (service.create_index, service.modify_index) == (14, 24)


def test_pause_override_sample_is_a_bare_index() -> None:
    reply = load(_docs("allocation_pause_override", "override-pause-schedule-state"), GenericResponse)
    assert reply.index == 0
    assert reply.to_dict() == {"Index": 0}


@pytest.mark.parametrize(
    "file",
    [_docs("allocation_restart", "restart-allocation"), _docs("allocation_signal", "signal-allocation")],
)
def test_empty_bodies_parse_with_nothing_set(file: str) -> None:
    reply = load(file, GenericResponse)
    assert reply.index is None
    assert reply.model_fields_set == set()
    assert reply.to_dict() == {}


def test_allocation_stop_sample() -> None:
    reply = load(_docs("allocation_stop", "stop-allocation"), AllocStopResponse)
    assert (reply.eval_id, reply.index) == ("5456bd7a-9fc0-c0dd-6131-cbee77f57577", 54)


@pytest.mark.parametrize(
    "file",
    [
        _docs("deployment_pause", "pause-deployment"),
        _docs("deployment_promote", "promote-deployment"),
        _docs("deployment_unblock", "unblock-deployment"),
    ],
)
def test_deployment_update_samples(file: str) -> None:
    reply = load(file, DeploymentUpdateResponse)
    assert reply.eval_id == "0d834913-58a0-81ac-6e33-e452d83a0c66"
    assert (reply.eval_create_index, reply.deployment_modify_index, reply.index) == (20, 20, 20)
    assert reply.reverted_job_version is None
    assert "RevertedJobVersion" not in reply


def test_deployment_read_sample() -> None:
    deployment = load(_docs("deployment_read", "read-deployment"), Deployment)
    assert deployment.status == Deployment.STATUS_RUNNING
    assert (deployment.job_version, deployment.job_create_index, deployment.job_spec_modify_index) == (
        1,
        7,
        17,
    )
    group = (deployment.task_groups or {})["cache"]
    assert (group.desired_total, group.desired_canaries, group.placed_allocs) == (3, 1, 1)
    assert group.promoted is False
    assert group.require_progress_by is None


def test_deployments_list_sample() -> None:
    [deployment] = load_list(_docs("deployments_list", "list-deployments"), Deployment)
    assert deployment.id == "70638f62-5c19-193e-30d6-f9d6e689ab8e"
    assert (deployment.create_index, deployment.modify_index) == (19, 19)


def test_evaluations_count_sample_carries_query_meta() -> None:
    reply = load(_docs("evaluations_count", "count-evaluations"), EvalCountResponse)
    assert (reply.count, reply.index, reply.known_leader, reply.last_contact, reply.next_token) == (
        36,
        133,
        True,
        0,
        "",
    )


@pytest.mark.parametrize(
    ("file", "eval_id", "snapshot_index"),
    [
        (_docs("evaluations_list", "list-evaluations"), "5456bd7a-9fc0-c0dd-6131-cbee77f57577", 53),
        (_docs("job_evaluations", "list-job-evaluations"), "a9c5effc-2242-51b2-f1fe-054ee11ab189", 8),
    ],
)
def test_evaluation_list_samples(file: str, eval_id: str, snapshot_index: int) -> None:
    [evaluation] = load_list(file, Evaluation)
    assert evaluation.id == eval_id
    assert evaluation.status == Evaluation.STATUS_COMPLETE
    assert evaluation.triggered_by == Evaluation.TRIGGER_JOB_REGISTER
    assert evaluation.snapshot_index == snapshot_index
    assert evaluation.queued_allocations == {"cache": 0}
    assert evaluation.wait == 0
    assert evaluation.failed_tg_allocs is None
    assert "FailedTGAllocs" in evaluation


@pytest.mark.parametrize(
    "file",
    [
        _docs("job_evaluate", "create-job-evaluation"),
        _docs("job_revert", "revert-to-older-job-version"),
        _docs("job_update", "update-existing-job"),
    ],
)
def test_register_response_samples(file: str) -> None:
    reply = load(file, JobRegisterResponse)
    assert reply.eval_id == "d092fdc0-e1fd-2536-67d8-43af8ca798ac"
    assert (reply.eval_create_index, reply.job_modify_index) == (35, 34)
    assert reply.index is None


def test_register_sample_carries_query_meta() -> None:
    reply = load(_docs("jobs_register", "create-job"), JobRegisterResponse)
    assert (reply.eval_id, reply.eval_create_index, reply.job_modify_index, reply.warnings) == (
        "",
        0,
        109,
        "",
    )
    assert (reply.index, reply.last_contact, reply.known_leader) == (0, 0, False)
    assert "NextToken" not in reply


def test_scale_sample() -> None:
    reply = load(_docs("job_scale", "scale-task-group"), JobRegisterResponse)
    assert reply.eval_id == "116f3ede-f6a5-f6e7-2d0e-1fda136390f0"
    assert (reply.eval_create_index, reply.index, reply.job_modify_index) == (45, 45, 44)


def test_deregister_sample() -> None:
    reply = load(_docs("job_deregister", "stop-a-job"), JobDeregisterResponse)
    assert reply.eval_id == "d092fdc0-e1fd-2536-67d8-43af8ca798ac"
    assert (reply.eval_create_index, reply.job_modify_index) == (35, 34)
    assert reply.volume_eval_id is None


def test_dispatch_sample() -> None:
    reply = load(_docs("job_dispatch", "dispatch-job"), JobDispatchResponse)
    assert reply.dispatched_job_id == "example/dispatch-1485408778-81644024"
    assert reply.eval_id == "e5f55fac-bc69-119d-528a-1fc7ade5e02c"
    assert (reply.index, reply.job_create_index, reply.eval_create_index) == (13, 12, 13)


def test_periodic_force_sample() -> None:
    reply = load(_docs("job_periodic_force", "force-new-periodic-instance"), PeriodicForceResponse)
    assert (reply.eval_id, reply.eval_create_index) == ("57983ddd-7fcf-3e3a-fd24-f699ccfb36f4", 7)


def test_stability_sample_keeps_the_key_the_server_never_sends() -> None:
    reply = load(_docs("job_stable", "set-job-stability"), JobStabilityResponse)
    assert reply.index is None
    assert reply["JobModifyIndex"] == 34


def test_stability_response_is_only_the_index() -> None:
    reply = JobStabilityResponse.from_wire({"Index": 34})
    assert reply.index == 34
    assert reply.unknown_fields() == []
    assert list(JobStabilityResponse.model_fields) == ["index"]


def test_summary_sample() -> None:
    summary = load(_docs("job_summary", "read-job-summary"), JobSummary)
    group = (summary.summary or {})["cache"]
    assert (group.queued, group.complete, group.failed, group.running, group.starting, group.lost) == (
        0,
        0,
        0,
        1,
        0,
        0,
    )
    assert group.unknown is None
    assert summary.children is not None
    assert (summary.children.pending, summary.children.running, summary.children.dead) == (0, 0, 0)
    assert (summary.create_index, summary.modify_index) == (7, 13)


def test_validate_sample() -> None:
    reply = load(_docs("job_validate", "validate-job"), JobValidateResponse)
    assert reply.driver_config_validated is True
    assert reply.validation_errors == [
        "Task group cache validation failed: 1 error(s) occurred:\n\n* Task redis validation failed: "
        "1 error(s) occurred:\n\n* 1 error(s) occurred:\n\n* minimum CPU value is 20; got 1"
    ]
    assert reply.error == (
        "1 error(s) occurred:\n\n* Task group cache validation failed: 1 error(s) occurred:\n\n"
        "* Task redis validation failed: 1 error(s) occurred:\n\n* 1 error(s) occurred:\n\n"
        "* minimum CPU value is 20; got 1"
    )
    assert reply.warnings is not None
    assert reply.warnings.startswith('1 warning(s):\n\n* Group "cache" has warnings: ')


def test_tag_delete_sample() -> None:
    reply = load(_docs("job_version_tag_delete", "delete-job-version-tag"), JobTagResponse)
    assert (reply.index, reply.last_contact, reply.known_leader, reply.next_token) == (0, 0, False, "")
    assert (reply.name, reply.description, reply.tagged_time) == (None, None, None)


def test_tag_response_of_the_server() -> None:
    body = {
        "Name": "golden",
        "Description": "known good",
        "TaggedTime": 1736270000123456789,
        "Index": 71,
        "LastContact": 0,
        "KnownLeader": True,
        "NextToken": "",
    }
    reply = JobTagResponse.from_wire(body)
    assert (reply.name, reply.description, reply.tagged_time, reply.index) == (
        "golden",
        "known good",
        1736270000123456789,
        71,
    )
    assert reply.to_dict() == body


@pytest.mark.parametrize("version", ["v2.0.x", "v1.7.x"])
def test_versions_sample(version: str) -> None:
    reply = load(f"responses/job_versions/docs-{version}_list-job-versions_1.json", JobVersionsResponse)
    assert (reply.index, reply.known_leader, reply.last_contact) == (51, True, 0)
    assert reply.diffs is None
    [job] = reply.versions or []
    assert isinstance(job, Job)
    assert (job.id, job.version, job.stable, job.submit_time) == ("example", 0, True, 1608304897537638400)


def test_jobs_list_sample() -> None:
    [stub] = load_list(_docs("jobs_list", "list-jobs"), JobListStub)
    assert (stub.id, stub.type, stub.priority, stub.status) == (
        "example",
        "service",
        50,
        JobListStub.STATUS_PENDING,
    )
    assert stub.namespace is None
    assert stub.job_summary is not None
    assert stub.job_summary.namespace == "default"
    assert (stub.job_summary.summary or {})["cache"].queued == 1
    assert (stub.create_index, stub.modify_index, stub.job_modify_index) == (52, 93, 52)


@pytest.mark.parametrize(
    ("file", "job_id"),
    [
        (_docs("job_read", "read-job"), "example"),
        ("responses/job_read/docs-v1.7.x_read-job.json", "example"),
        (_docs("jobs_parse", "parse-job"), "my-job"),
        ("responses/jobs_parse/docs-v1.7.x_parse-job.json", "my-job"),
    ],
)
def test_job_samples(file: str, job_id: str) -> None:
    job = load(file, Job)
    assert job.id == job_id
    assert job.node_pool == "prod"


def test_job_read_sample_lifecycle() -> None:
    job = load(_docs("job_read", "read-job"), Job)
    [group] = job.task_groups or []
    init = (group.tasks or [])[0]
    assert init.lifecycle == TaskLifecycleConfig(hook="prestart", sidecar=False)


# --- the plan -------------------------------------------------------------------------------------


def test_plan_sample() -> None:
    plan = load(_docs("job_plan", "create-job-plan"), JobPlanResponse)
    assert plan.index == 0
    assert plan.job_modify_index == 0
    assert plan.warnings == ""
    assert plan.next_periodic_launch is None
    assert "NextPeriodicLaunch" in plan

    diff = plan.diff
    assert diff is not None
    assert (diff.type, diff.id, diff.fields) == (JobDiff.TYPE_ADDED, "example", [])
    assert [item.name for item in diff.objects or []] == ["Datacenters", "Constraint", "Update"]
    assert (diff.objects or [])[0].objects is None
    [group] = diff.task_groups or []
    assert (group.name, group.type, group.updates) == ("cache", TaskGroupDiff.TYPE_ADDED, {"create": 1})
    assert group.updates == {TaskGroupDiff.UPDATE_CREATE: 1}
    [task] = group.tasks or []
    assert (task.name, task.annotations) == ("redis", [TaskDiff.ANNOTATION_FORCES_CREATE])
    assert [(field.name, field.old, field.new) for field in task.fields or []] == [
        ("Driver", "", "docker"),
        ("KillTimeout", "", "5000000000"),
    ]

    [created] = plan.created_evals or []
    assert created.status == Evaluation.STATUS_BLOCKED
    assert created.previous_eval == "80318ae4-7eda-e570-e59d-bc11df134817"
    assert created.class_eligibility == {"v1:7968290453076422024": True}
    assert created.wait_until is None

    metric = (plan.failed_tg_allocs or {})["cache"]
    assert isinstance(metric, AllocMetric)
    assert (metric.nodes_evaluated, metric.nodes_exhausted, metric.coalesced_failures) == (1, 1, 3)
    assert metric.allocation_time == 46415
    assert metric.nodes_available == {"dc1": 1}
    assert metric.dimension_exhausted == {"cpu": 1}
    assert metric.scores is None

    assert plan.annotations is not None
    updates = (plan.annotations.desired_tg_updates or {})["cache"]
    assert (updates.place, updates.ignore, updates.destructive_update) == (11, 0, 0)
    assert updates.canary is None


def test_nested_object_diff() -> None:
    diff = JobDiff.from_wire(
        {
            "Type": "Edited",
            "ID": "example",
            "Fields": None,
            "Objects": None,
            "TaskGroups": [
                {
                    "Type": "Edited",
                    "Name": "cache",
                    "Fields": None,
                    "Objects": [
                        {
                            "Type": "Edited",
                            "Name": "Update",
                            "Fields": [
                                {
                                    "Type": "Edited",
                                    "Name": "MaxParallel",
                                    "Old": "1",
                                    "New": "2",
                                    "Annotations": ["forces in-place update"],
                                }
                            ],
                            "Objects": None,
                        }
                    ],
                    "Tasks": None,
                    "Updates": {"in-place update": 3},
                }
            ],
        }
    )
    [group] = diff.task_groups or []
    [block] = group.objects or []
    [field] = block.fields or []
    assert (block.name, field.name, field.old, field.new) == ("Update", "MaxParallel", "1", "2")
    assert field.type == FieldDiff.TYPE_EDITED
    assert field.annotations == [FieldDiff.ANNOTATION_FORCES_INPLACE_UPDATE]
    assert group.updates == {TaskGroupDiff.UPDATE_INPLACE_UPDATE: 3}
    assert diff.unknown_fields() == []


def test_wild_plan() -> None:
    plan = load(_wild("input-output-hk_mantis-ops_plan.sh-job_plan"), JobPlanResponse)
    assert (plan.index, plan.job_modify_index) == (2490602, 2490602)
    assert (plan.diff, plan.created_evals, plan.failed_tg_allocs, plan.next_periodic_launch) == (
        None,
        None,
        None,
        None,
    )
    assert plan.annotations is not None
    assert plan.annotations.preempted_allocs is None
    updates = (plan.annotations.desired_tg_updates or {})["mantis"]
    assert (updates.canary, updates.ignore, updates.preemptions) == (1, 3, 0)


# --- wild bodies ----------------------------------------------------------------------------------


def test_wild_evaluations() -> None:
    blocked, deregister = load_list(
        _wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_evaluation_failed"), Evaluation
    )
    assert blocked.status == Evaluation.STATUS_CANCELED == "canceled"
    assert blocked.triggered_by == Evaluation.TRIGGER_QUEUED_ALLOCS
    assert blocked.create_time == 1757434411913000685
    metric = (blocked.failed_tg_allocs or {})["airflow-execution-taskgroup"]
    assert metric.constraint_filtered == {"missing compatible host volumes": 1}
    assert (metric.node_pool, metric.nodes_in_pool, metric.nodes_filtered) == ("default", 1, 1)
    assert metric.resources_exhausted is None
    assert deregister.triggered_by == Evaluation.TRIGGER_JOB_DEREGISTER
    assert (deregister.blocked_eval, deregister.status_description) == (None, None)
    assert deregister.to_dict()["BlockedEval"] is None


def test_wild_allocation_with_job() -> None:
    [allocation] = load_list(_wild("hashicorp_nomad-autoscaler_nodeselector-cluster1_b535e699"), Allocation)
    assert allocation.client_status == Allocation.CLIENT_STATUS_COMPLETE
    assert allocation.desired_transition is None
    assert allocation.alloc_modify_index == 449
    assert isinstance(allocation.job, Job)
    assert allocation.job.id == "batch_pause_1/dispatch-1617658700-630a3836"
    assert allocation.resources is not None
    assert (allocation.resources.cpu, allocation.resources.memory_mb, allocation.resources.iops) == (
        100,
        1500,
        0,
    )
    assert allocation.shared_resources is not None
    assert allocation.shared_resources.disk_mb == 300
    assert (allocation.task_resources or {})["batch_pause"].memory_mb == 1500

    resources = allocation.allocated_resources
    assert resources is not None
    task = (resources.tasks or {})["batch_pause"]
    assert task.cpu is not None
    assert task.memory is not None
    assert (task.cpu.cpu_shares, task.cpu.reserved_cores, task.memory.memory_mb) == (100, None, 1500)
    assert resources.task_lifecycles == {"batch_pause": None}
    assert resources.shared is not None
    assert (resources.shared.disk_mb, resources.shared.ports) == (300, None)

    metrics = allocation.metrics
    assert metrics is not None
    assert metrics.constraint_filtered == {"${node.class} = batch": 1}
    [top] = metrics.score_meta_data or []
    assert top.norm_score == 0.5069259904579315
    assert top.scores == {
        "node-affinity": 0,
        "binpack": 0.5069259904579315,
        "job-anti-affinity": 0,
        "node-reschedule-penalty": 0,
    }
    assert metrics.allocation_time == 112455

    state = (allocation.task_states or {})["batch_pause"]
    assert state.state == TaskState.STATE_DEAD
    assert state.finished_at == datetime(2021, 4, 5, 21, 46, 49, 734549, tzinfo=UTC)
    assert (state.events or [])[-1].details == {"exit_code": "0", "signal": "0", "oom_killed": "false"}
    assert allocation.network_status is not None
    assert (allocation.network_status.interface_name, allocation.network_status.dns) == ("", None)


def test_wild_allocation_stubs_of_a_live_cluster() -> None:
    first, second = load_list(
        _wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_multi_allocations"), AllocListStub
    )
    assert first.client_status == AllocListStub.CLIENT_STATUS_PENDING
    assert first.create_time == 1757495498582621495
    assert first.desired_transition is not None
    assert first.desired_transition.no_shutdown_delay is None
    [state] = (first.task_states or {}).values()
    assert (state.paused, state.started_at) == (TaskState.SCHEDULE_STATE_RUN, None)
    assert (state.events or [])[3].type == TaskEvent.TYPE_DRIVER_FAILURE
    assert second.id != first.id


def test_wild_sparse_allocation_stub() -> None:
    [stub] = load_list(_wild("FRosner_cluster-broccoli_test-resources_nomad_allocations"), AllocListStub)
    assert stub.modify_time is None
    assert stub.create_time == 1500896396923430455
    state = (stub.task_states or {})["http-task"]
    assert state.failed is None
    assert [event.time for event in state.events or []] == [1500896396933247233, 1500896396967924930]


def test_wild_deployment() -> None:
    deployment = load(_wild("input-output-hk_mantis-ops_plan.sh-deployment_read"), Deployment)
    assert (deployment.namespace, deployment.status_description) == (
        "mantis-unstable",
        "Deployment is running",
    )
    assert deployment.is_multiregion is False
    group = (deployment.task_groups or {})["mantis"]
    assert (group.auto_promote, group.auto_revert, group.promoted) == (True, True, True)
    assert group.progress_deadline == 900_000_000_000
    assert group.require_progress_by == datetime(2021, 2, 24, 14, 3, 1, 268243, tzinfo=UTC)
    assert group.placed_canaries == ["8ab5920b-7eb7-4d02-7025-f76d6e83b478"]


def test_wild_summary() -> None:
    summary = load(_wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_summary_failed"), JobSummary)
    group = (summary.summary or {})["airflow-execution-taskgroup"]
    assert (group.failed, group.unknown) == (2, 0)


def test_wild_job_list_has_flags_not_blocks() -> None:
    [stub] = load_list(_wild("traefik_traefik_nomad-fixtures_jobs_job1"), JobListStub)
    assert (stub.periodic, stub.parameterized_job, stub.stop) == (False, False, False)
    assert (stub.node_pool, stub.multiregion, stub.meta) == ("default", None, None)
    assert stub.datacenters == ["dc1"]
    assert stub.submit_time == 1705690395733241600
    assert stub.job_summary is not None
    assert (stub.job_summary.summary or {})["group1"].complete == 6


@pytest.mark.parametrize(
    ("name", "status", "minimum"),
    [
        ("full-scaling", "running", 2),
        ("invalid-cooldown-type", "dead", 0),
        ("invalid-source-not-string", "running", 1),
    ],
)
def test_wild_jobs_with_scaling_policies(name: str, status: str, minimum: int) -> None:
    job = load(_wild(f"hashicorp_nomad-autoscaler_policy-test-fixtures_{name}"), Job)
    assert (job.id, job.status) == (name, status)
    [group] = job.task_groups or []
    assert group.scaling is not None
    assert (group.scaling.id, group.scaling.min, group.scaling.max) == ("id", minimum, 10)


def test_free_form_scaling_policy_keeps_its_numbers() -> None:
    job = load(_wild("hashicorp_nomad-autoscaler_policy-test-fixtures_invalid-cooldown-type"), Job)
    [group] = job.task_groups or []
    assert group.scaling is not None
    assert group.scaling.policy == {"cooldown": 5.0}


def test_wild_job_bodies() -> None:
    dead = load(_wild("juditnovak_airflow-provider-nomad_unit-data_nomad_job_info_dead"), Job)
    assert (dead.id, dead.type) == ("example", "batch")
    parsed = load(_wild("juditnovak_airflow-provider-nomad_unit-data_simple_batch_api_retval"), Job)
    assert (parsed.id, parsed.status, parsed.submit_time) == ("docs", "", None)


# --- shapes no corpus file shows ------------------------------------------------------------------


def test_scale_status() -> None:
    body = {
        "JobID": "web",
        "Namespace": "default",
        "JobCreateIndex": 10,
        "JobModifyIndex": 42,
        "JobStopped": False,
        "TaskGroups": {
            "frontend": {
                "Desired": 3,
                "Placed": 3,
                "Running": 2,
                "Healthy": 2,
                "Unhealthy": 0,
                "Events": [
                    {
                        "Time": 1736270000123456789,
                        "Count": 3,
                        "PreviousCount": 1,
                        "Message": "submitted using the Nomad CLI",
                        "Error": False,
                        "Meta": {"reason": "load", "cpu": 91.5, "nodes": [1, 2]},
                        "EvalID": "0c2fde3f-b7ff-27ba-e6f6-0b3cd5cb7fdc",
                        "CreateIndex": 42,
                    },
                    {
                        "Time": 1736269000000000001,
                        "Count": None,
                        "PreviousCount": 1,
                        "Message": "no scaling needed",
                        "Error": False,
                        "Meta": None,
                        "EvalID": None,
                        "CreateIndex": 40,
                    },
                ],
            }
        },
    }
    status = JobScaleStatus.from_wire(body)
    group = (status.task_groups or {})["frontend"]
    scaled, informational = group.events or []
    assert scaled.time == 1736270000123456789
    assert scaled.meta == {"reason": "load", "cpu": 91.5, "nodes": [1, 2]}
    assert (informational.count, informational.eval_id) == (None, None)
    assert status.unknown_fields() == []
    assert status.to_dict() == body
    assert JobScaleStatusResponse is JobScaleStatus


def test_unix_nanosecond_times_are_integers_never_floats() -> None:
    with pytest.raises(ValidationError):
        TaskEvent.from_wire({"Time": 1.636017252049956e18})
    assert TaskEvent.from_wire({"Time": 2**62}).time == 2**62


def test_job_actions() -> None:
    body: list[dict[str, object]] = [
        {"Name": "flush", "Command": "/bin/sh", "Args": ["-c", "redis-cli FLUSHALL"], "TaskName": "redis"},
        {"Name": "ping", "Command": "redis-cli", "Args": None, "TaskName": "redis", "TaskGroupName": "cache"},
    ]
    flush, ping = (JobAction.from_wire(item) for item in body)
    assert (flush.name, flush.command, flush.args, flush.task_name) == (
        "flush",
        "/bin/sh",
        ["-c", "redis-cli FLUSHALL"],
        "redis",
    )
    assert (ping.task_group_name, ping.args) == ("cache", None)
    assert [flush.to_dict(), ping.to_dict()] == body


def test_allocation_only_fields() -> None:
    body = {
        "ID": "8ba85cef-c5d2-8fa9-e0a2-0a44ae1f8b4f",
        "ClientStatus": "unknown",
        "AllocStates": [{"Field": 0, "Value": "unknown", "Time": "2026-08-21T12:34:56.123456789Z"}],
        "SigningKeyID": "6c4b4f3e-2d7e-4e6d-9c55-0a3b0c1d2e3f",
        "AllocatedResources": {
            "Tasks": {
                "web": {
                    "Cpu": {"CpuShares": 0, "ReservedCores": [2, 3]},
                    "Memory": {"MemoryMB": 256, "MemoryMaxMB": 512},
                    "Networks": None,
                    "Devices": [{"Vendor": "nvidia", "Type": "gpu", "Name": "T4", "DeviceIDs": ["GPU-1"]}],
                }
            },
            "TaskLifecycles": {"web": None, "setup": {"Hook": "prestart", "Sidecar": False}},
            "Shared": {
                "Networks": None,
                "DiskMB": 150,
                "Ports": [{"Label": "http", "Value": 23456, "To": 8080, "HostIP": "10.0.0.5"}],
            },
        },
        "RescheduleTracker": {"Events": None, "LastReschedule": "no placement"},
        "NetworkStatus": {"InterfaceName": "eth0", "Address": "172.26.64.3", "AddressIPv6": "", "DNS": None},
    }
    allocation = Allocation.from_wire(body)
    [change] = allocation.alloc_states or []
    assert isinstance(change, AllocState)
    assert change.field == AllocState.FIELD_CLIENT_STATUS
    assert change.time == datetime(2026, 8, 21, 12, 34, 56, 123456, tzinfo=UTC)
    assert allocation.client_status == Allocation.CLIENT_STATUS_UNKNOWN
    resources = allocation.allocated_resources
    assert resources is not None
    task = (resources.tasks or {})["web"]
    assert task.cpu is not None
    assert task.cpu.reserved_cores == [2, 3]
    assert [device.device_ids for device in task.devices or []] == [["GPU-1"]]
    lifecycles = resources.task_lifecycles or {}
    assert lifecycles["web"] is None
    assert lifecycles["setup"] == TaskLifecycle(hook="prestart", sidecar=False)
    assert resources.shared is not None
    [port] = resources.shared.ports or []
    assert isinstance(port, PortMapping)
    assert (port.label, port.value, port.to, port.host_ip, port.ignore_collision) == (
        "http",
        23456,
        8080,
        "10.0.0.5",
        None,
    )
    assert allocation.reschedule_tracker is not None
    assert allocation.reschedule_tracker.last_reschedule == RescheduleTracker.LAST_RESCHEDULE_FAILED_TO_PLACE
    assert allocation.unknown_fields() == []
    assert _times_as_instants(allocation.to_dict()) == _times_as_instants(body)


def test_related_evaluations() -> None:
    evaluation = Evaluation.from_wire(
        {
            "ID": "e1",
            "RelatedEvals": [
                {
                    "ID": "e0",
                    "Status": "complete",
                    "WaitUntil": None,
                    "CreateTime": 1736270000123456789,
                    "ModifyTime": 1736270000123456790,
                }
            ],
        }
    )
    [related] = evaluation.related_evals or []
    assert isinstance(related, EvaluationStub)
    assert (related.id, related.status, related.create_time) == ("e0", "complete", 1736270000123456789)
    assert related.STATUS_CANCELED == Evaluation.STATUS_CANCELED == "canceled"


def test_new_status_values_still_parse() -> None:
    stub = AllocListStub.from_wire({"ClientStatus": "hibernating", "DesiredStatus": "nap"})
    assert (stub.client_status, stub.desired_status) == ("hibernating", "nap")
    assert Deployment.from_wire({"Status": "rolling-back"}).status == "rolling-back"


def test_status_constants_follow_nomad_spelling() -> None:
    assert Evaluation.STATUS_CANCELED == "canceled"
    assert Deployment.STATUS_CANCELLED == "cancelled"
    assert Allocation.CLIENT_STATUS_LOST == AllocListStub.CLIENT_STATUS_LOST == "lost"
    assert TaskState.SCHEDULE_STATE_FORCE_PAUSE == "force_pause"


def test_go_api_names_are_the_same_classes() -> None:
    assert AllocationListStub is AllocListStub
    assert AllocationMetric is AllocMetric
    assert PortMapping is AllocatedPortMapping
    assert TaskLifecycleConfig is TaskLifecycle


def test_every_field_has_a_wire_alias_and_a_description() -> None:
    from nomad_typed.models import responses

    for name in responses.__all__:
        model = getattr(responses, name)
        assert isinstance(model, type)
        assert issubclass(model, NomadModel)
        assert model.__doc__, name
        for attribute, field in model.model_fields.items():
            assert field.alias, (name, attribute)
            assert field.description, (name, attribute)
            assert len(field.description) <= 90, (name, attribute)
