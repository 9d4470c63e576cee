"""Every endpoint method: the exact request it sends, and the recorded Nomad answer it parses."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
import responses

from nomad_typed._client import NomadClient
from nomad_typed.models import Job, JobSubmission
from nomad_typed.models.responses import (
    Allocation,
    AllocListStub,
    AllocStopResponse,
    Deployment,
    DeploymentUpdateResponse,
    EvalCountResponse,
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
from tests.support.jobs import minimal_job
from tests.support.nomad_server import CORPUS

from .conftest import BASE, TOKEN

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE_JOB = {**minimal_job("example"), "Name": "example", "Type": "service"}


def corpus(relative: str, element: int | None = None) -> bytes:
    """A recorded body from the corpus; ``element`` picks one object out of a JSON array."""
    raw = (CORPUS / relative).read_bytes()
    return raw if element is None else json.dumps(json.loads(raw)[element]).encode()


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@dataclass(frozen=True)
class Case:
    """One client method: what it must send, the recorded answer, and what it must parse."""

    id: str
    call: Callable[[NomadClient], object]
    method: str
    url: str
    body: object
    reply: bytes
    check: Callable[[object], None]


def _whole(expected: bytes) -> Callable[[object], None]:
    """The parsed value dumps back to exactly the recorded document."""

    def check(value: object) -> None:
        document = json.loads(expected)
        if isinstance(value, list):
            assert [item.to_dict() for item in value] == document
        else:
            assert value is not None
            assert value.to_dict() == document  # type: ignore[attr-defined]

    return check


def _job_read(value: object) -> None:
    assert isinstance(value, Job)
    assert (value.id, value.type, value.status, value.job_modify_index) == ("example", "batch", "running", 7)
    assert value.periodic is not None
    assert value.periodic.spec == "* * * * *"
    assert value.parameterized_job is not None
    assert value.parameterized_job.meta_required == ["foo"]
    _whole(READ)(value)


def _allocations(value: object) -> None:
    assert isinstance(value, list)
    assert all(isinstance(item, AllocListStub) for item in value)
    first = value[0]
    assert first.id == "ed344e0a-7290-d117-41d3-a64f853ca3c2"
    assert first.client_status == AllocListStub.CLIENT_STATUS_RUNNING
    assert first.task_states is not None
    state = first.task_states["redis"]
    assert state.started_at == datetime(2017, 5, 25, 23, 41, 23, 240184, tzinfo=timezone.utc)
    assert state.finished_at is None
    assert state.events is not None
    assert state.events[0].time == 1495755675956923000


def _deployment_allocations(value: object) -> None:
    assert isinstance(value, list)
    assert isinstance(value[0], AllocListStub)
    assert value[0].id == "287b65cc-6c25-cea9-0332-e4a75ca2af98"
    assert value[0].task_states is not None
    started = value[0].task_states["redis"].started_at
    assert started == datetime(2017, 6, 29, 22, 29, 41, 520002, tzinfo=timezone.utc)


def _all_allocations(value: object) -> None:
    assert isinstance(value, list)
    assert isinstance(value[0], AllocListStub)
    assert (value[0].id, value[0].client_status) == ("5457f16d-0f87-8e6b-5e91-0c7da3a41eb7", "running")
    assert value[0].task_states is not None
    events = value[0].task_states["redis"].events
    assert events is not None
    assert events[0].time == 1636017249803624000


def _plan(value: object) -> None:
    assert isinstance(value, JobPlanResponse)
    assert value.next_periodic_launch is None
    assert value.diff is not None
    assert value.diff.type == "Added"
    assert value.diff.task_groups is not None
    group = value.diff.task_groups[0]
    assert (group.name, group.updates) == ("cache", {"create": 1})
    assert group.tasks is not None
    assert group.tasks[0].fields is not None
    assert (group.tasks[0].fields[1].name, group.tasks[0].fields[1].new) == ("KillTimeout", "5000000000")
    assert value.annotations is not None
    assert value.annotations.desired_tg_updates is not None
    assert value.annotations.desired_tg_updates["cache"].place == 11
    assert value.created_evals is not None
    assert value.created_evals[0].status == "blocked"
    assert value.failed_tg_allocs is not None
    assert list(value.failed_tg_allocs) == ["cache"]


def _alloc(value: object) -> None:
    assert isinstance(value, Allocation)
    assert value.id == "fcd9189f-8483-2d82-5800-585b86fd7d39"
    assert value.job is not None
    assert value.job.parent_id == "batch_pause_1"


def _eval(value: object) -> None:
    assert isinstance(value, Evaluation)
    assert (value.id, value.status, value.queued_allocations) == (
        "5456bd7a-9fc0-c0dd-6131-cbee77f57577",
        Evaluation.STATUS_COMPLETE,
        {"cache": 0},
    )
    _whole(corpus("responses/evaluations_list/docs-v2.0.x_list-evaluations.json", 0))(value)


def _deployment(value: object) -> None:
    assert isinstance(value, Deployment)
    assert value.task_groups is not None
    assert value.task_groups["cache"].desired_total == 3
    assert (value.id, value.status, value.job_version) == (
        "70638f62-5c19-193e-30d6-f9d6e689ab8e",
        "running",
        1,
    )
    _whole(corpus("responses/deployment_read/docs-v2.0.x_read-deployment.json"))(value)


def _scale_status(value: object) -> None:
    assert isinstance(value, JobScaleStatus)
    assert value.task_groups is not None
    group = value.task_groups["cache"]
    assert (group.desired, group.running) == (5, 4)
    assert group.events is not None
    assert (group.events[0].time, group.events[0].count, group.events[0].previous_count) == (
        1738061734223442637,
        5,
        3,
    )
    _whole(fixture("job_scale_status.json"))(value)


def _is(model: type, body: bytes, **values: object) -> Callable[[object], None]:
    """The value is a ``model`` (or a list of them) with the given attribute values and dumps back whole."""

    def check(value: object) -> None:
        items = value if isinstance(value, list) else [value]
        assert items
        assert all(isinstance(item, model) for item in items)
        for name, expected in values.items():
            assert getattr(items[0], name) == expected, name
        _whole(body)(value)

    return check


JOBS_LIST = corpus("responses/jobs_list/docs-v2.0.x_list-jobs.json")
REGISTER = corpus("responses/jobs_register/docs-v2.0.x_create-job.json")
UPDATE = corpus("responses/job_update/docs-v2.0.x_update-existing-job.json")
PARSE = corpus("responses/jobs_parse/docs-v2.0.x_parse-job.json")
VALIDATE = corpus("responses/job_validate/docs-v2.0.x_validate-job.json")
READ = corpus("responses/job_read/docs-v2.0.x_read-job.json")
DEREGISTER = corpus("responses/job_deregister/docs-v2.0.x_stop-a-job.json")
VERSIONS = corpus("responses/job_versions/docs-v2.0.x_list-job-versions_1.json")
JOB_ALLOCS = corpus("responses/job_allocations/docs-v2.0.x_list-job-allocations.json")
JOB_EVALS = corpus("responses/job_evaluations/docs-v2.0.x_list-job-evaluations.json")
DEPLOYMENTS = corpus("responses/deployments_list/docs-v2.0.x_list-deployments.json")
DEPLOYMENT = corpus("responses/deployment_read/docs-v2.0.x_read-deployment.json")
SUMMARY = corpus("responses/job_summary/docs-v2.0.x_read-job-summary.json")
PLAN = corpus("responses/job_plan/docs-v2.0.x_create-job-plan.json")
DISPATCH = corpus("responses/job_dispatch/docs-v2.0.x_dispatch-job.json")
REVERT = corpus("responses/job_revert/docs-v2.0.x_revert-to-older-job-version.json")
STABLE = corpus("responses/job_stable/docs-v2.0.x_set-job-stability.json")
EVALUATE = corpus("responses/job_evaluate/docs-v2.0.x_create-job-evaluation.json")
FORCE = corpus("responses/job_periodic_force/docs-v2.0.x_force-new-periodic-instance.json")
SCALE = corpus("responses/job_scale/docs-v2.0.x_scale-task-group.json")
SERVICES = corpus("responses/job_services/docs-v2.0.x_job-services.json")
TAG = corpus("responses/job_version_tag_delete/docs-v2.0.x_delete-job-version-tag.json")
ALLOCS = corpus("responses/allocations_list/docs-v2.0.x_list-allocations.json")
ALLOC = corpus("wild/responses/hashicorp_nomad-autoscaler_nodeselector-cluster1_b535e699.json", 0)
ALLOC_STOP = corpus("responses/allocation_stop/docs-v2.0.x_stop-allocation.json")
ALLOC_SERVICES = corpus("responses/allocation_services/docs-v2.0.x_allocation-services.json")
EVALS = corpus("responses/evaluations_list/docs-v2.0.x_list-evaluations.json")
EVAL = corpus("responses/evaluations_list/docs-v2.0.x_list-evaluations.json", 0)
EVAL_COUNT = corpus("responses/evaluations_count/docs-v2.0.x_count-evaluations.json")
DEPLOYMENT_ALLOCS = corpus(
    "responses/deployment_allocations/docs-v2.0.x_list-allocations-for-deployment.json"
)
PROMOTE = corpus("responses/deployment_promote/docs-v2.0.x_promote-deployment.json")
PAUSE = corpus("responses/deployment_pause/docs-v2.0.x_pause-deployment.json")
UNBLOCK = corpus("responses/deployment_unblock/docs-v2.0.x_unblock-deployment.json")

DEPLOYMENT_ID = "5456bd7a-9fc0-c0dd-6131-cbee77f57577"
ALLOC_ID = "fcd9189f-8483-2d82-5800-585b86fd7d39"
EVAL_ID = "5456bd7a-9fc0-c0dd-6131-cbee77f57577"

CASES = [
    # ---- jobs ----
    Case(
        "jobs.list",
        lambda c: c.jobs.list(
            prefix="ex", filter='Status == "running"', meta=True, per_page=10, namespace="*"
        ),
        "GET",
        "jobs?prefix=ex&filter=Status+%3D%3D+%22running%22&meta=true&per_page=10&namespace=%2A",
        None,
        JOBS_LIST,
        _is(JobListStub, JOBS_LIST, id="example", status=JobListStub.STATUS_PENDING, job_modify_index=52),
    ),
    Case(
        "jobs.register",
        lambda c: c.jobs.register(EXAMPLE_JOB, job_modify_index=0, preserve_counts=True, eval_priority=70),
        "POST",
        "jobs",
        {
            "Job": EXAMPLE_JOB,
            "EnforceIndex": True,
            "JobModifyIndex": 0,
            "PreserveCounts": True,
            "EvalPriority": 70,
        },
        REGISTER,
        _is(JobRegisterResponse, REGISTER, eval_id="", job_modify_index=109, warnings=""),
    ),
    Case(
        "jobs.update",
        lambda c: c.jobs.update(
            Job.from_wire({**EXAMPLE_JOB, "JobModifyIndex": 33}),
            enforce_index=True,
            policy_override=True,
            preserve_resources=True,
            submission=JobSubmission(source='job "example" {}', format="hcl2"),
            region="eu",
        ),
        "POST",
        "job/example?region=eu",
        {
            "Job": {**EXAMPLE_JOB, "JobModifyIndex": 33},
            "Submission": {"Source": 'job "example" {}', "Format": "hcl2"},
            "EnforceIndex": True,
            "JobModifyIndex": 33,
            "PolicyOverride": True,
            "PreserveResources": True,
        },
        UPDATE,
        _is(
            JobRegisterResponse, UPDATE, eval_id="d092fdc0-e1fd-2536-67d8-43af8ca798ac", eval_create_index=35
        ),
    ),
    Case(
        "jobs.get",
        lambda c: c.jobs.get("example", namespace="web"),
        "GET",
        "job/example?namespace=web",
        None,
        READ,
        _job_read,
    ),
    Case(
        "jobs.versions",
        lambda c: c.jobs.versions("example", diffs=True, diff_tag="golden", diff_version=2),
        "GET",
        "job/example/versions?diffs=true&diff_tag=golden&diff_version=2",
        None,
        VERSIONS,
        _is(JobVersionsResponse, VERSIONS, index=51, known_leader=True, diffs=None),
    ),
    Case(
        "jobs.allocations",
        lambda c: c.jobs.allocations("example", all_=True),
        "GET",
        "job/example/allocations?all=true",
        None,
        JOB_ALLOCS,
        _allocations,
    ),
    Case(
        "jobs.evaluations",
        lambda c: c.jobs.evaluations("example", stale=True),
        "GET",
        "job/example/evaluations?stale=true",
        None,
        JOB_EVALS,
        _is(Evaluation, JOB_EVALS, id="a9c5effc-2242-51b2-f1fe-054ee11ab189", triggered_by="job-register"),
    ),
    Case(
        "jobs.deployments",
        lambda c: c.jobs.deployments("example", all_=False),
        "GET",
        "job/example/deployments?all=false",
        None,
        DEPLOYMENTS,
        _is(Deployment, DEPLOYMENTS, id="70638f62-5c19-193e-30d6-f9d6e689ab8e", job_spec_modify_index=17),
    ),
    Case(
        "jobs.latest_deployment",
        lambda c: c.jobs.latest_deployment("example"),
        "GET",
        "job/example/deployment",
        None,
        DEPLOYMENT,
        _deployment,
    ),
    Case(
        "jobs.summary",
        lambda c: c.jobs.summary("example"),
        "GET",
        "job/example/summary",
        None,
        SUMMARY,
        _is(JobSummary, SUMMARY, job_id="example", create_index=7, modify_index=13),
    ),
    Case(
        "jobs.plan",
        lambda c: c.jobs.plan(EXAMPLE_JOB, diff=True, policy_override=False),
        "POST",
        "job/example/plan",
        {"Job": EXAMPLE_JOB, "Diff": True, "PolicyOverride": False},
        PLAN,
        _plan,
    ),
    Case(
        "jobs.dispatch",
        lambda c: c.jobs.dispatch(
            "example",
            b"\x00\xffpayload",
            meta={"time": "500"},
            id_prefix_template="nightly",
            priority=80,
            idempotency_token="run-2024-01-01",
        ),
        "POST",
        "job/example/dispatch?idempotency_token=run-2024-01-01",
        {
            "JobID": "example",
            "Payload": "AP9wYXlsb2Fk",
            "Meta": {"time": "500"},
            "IdPrefixTemplate": "nightly",
            "Priority": 80,
        },
        DISPATCH,
        _is(
            JobDispatchResponse, DISPATCH, dispatched_job_id="example/dispatch-1485408778-81644024", index=13
        ),
    ),
    Case(
        "jobs.dispatch_payload",
        lambda c: c.jobs.dispatch_payload("example", b"raw \x00 bytes", idempotency_token="t-1"),
        "POST",
        "job/example/dispatch/payload?idempotency_token=t-1",
        b"raw \x00 bytes",
        DISPATCH,
        _is(JobDispatchResponse, DISPATCH, job_create_index=12, eval_create_index=13),
    ),
    Case(
        "jobs.revert",
        lambda c: c.jobs.revert("example", 2, enforce_prior_version=3),
        "POST",
        "job/example/revert",
        {"JobID": "example", "JobVersion": 2, "EnforcePriorVersion": 3},
        REVERT,
        _is(JobRegisterResponse, REVERT, job_modify_index=34),
    ),
    Case(
        "jobs.stable",
        lambda c: c.jobs.stable("example", 2, False),
        "POST",
        "job/example/stable",
        {"JobID": "example", "JobVersion": 2, "Stable": False},
        STABLE,
        _is(JobStabilityResponse, STABLE, index=None),
    ),
    Case(
        "jobs.evaluate",
        lambda c: c.jobs.evaluate("example", force_reschedule=True),
        "POST",
        "job/example/evaluate",
        {"JobID": "example", "EvalOptions": {"ForceReschedule": True}},
        EVALUATE,
        _is(JobRegisterResponse, EVALUATE, eval_id="d092fdc0-e1fd-2536-67d8-43af8ca798ac"),
    ),
    Case(
        "jobs.deregister",
        lambda c: c.jobs.deregister(
            "example", purge=True, global_=True, eval_priority=90, no_shutdown_delay=True
        ),
        "DELETE",
        "job/example?purge=true&global=true&eval_priority=90&no_shutdown_delay=true",
        None,
        DEREGISTER,
        _is(
            JobDeregisterResponse,
            DEREGISTER,
            eval_id="d092fdc0-e1fd-2536-67d8-43af8ca798ac",
            job_modify_index=34,
        ),
    ),
    Case(
        "jobs.periodic_force",
        lambda c: c.jobs.periodic_force("example"),
        "POST",
        "job/example/periodic/force",
        None,
        FORCE,
        _is(
            PeriodicForceResponse, FORCE, eval_id="57983ddd-7fcf-3e3a-fd24-f699ccfb36f4", eval_create_index=7
        ),
    ),
    Case(
        "jobs.scale",
        lambda c: c.jobs.scale(
            "example",
            "cache",
            5,
            message="metric did not satisfy SLA",
            meta={"metrics": ["cpu", "memory"]},
            job_modify_index=44,
        ),
        "POST",
        "job/example/scale",
        {
            "Count": 5,
            "Target": {"Group": "cache"},
            "Message": "metric did not satisfy SLA",
            "Meta": {"metrics": ["cpu", "memory"]},
            "JobModifyIndex": 44,
        },
        SCALE,
        _is(JobRegisterResponse, SCALE, eval_id="116f3ede-f6a5-f6e7-2d0e-1fda136390f0", index=45),
    ),
    Case(
        "jobs.scale_status",
        lambda c: c.jobs.scale_status("example"),
        "GET",
        "job/example/scale",
        None,
        fixture("job_scale_status.json"),
        _scale_status,
    ),
    Case(
        "jobs.services",
        lambda c: c.jobs.services("example"),
        "GET",
        "job/example/services",
        None,
        SERVICES,
        _is(
            ServiceRegistration,
            SERVICES,
            service_name="example-cache-redis",
            port=29702,
            tags=["db", "cache"],
        ),
    ),
    Case(
        "jobs.submission",
        lambda c: c.jobs.submission("example", 2),
        "GET",
        "job/example/submission?version=2",
        None,
        fixture("job_submission.json"),
        _is(JobSubmission, fixture("job_submission.json"), format="hcl2", variable_flags={"count": "3"}),
    ),
    Case(
        "jobs.actions",
        lambda c: c.jobs.actions("example"),
        "GET",
        "job/example/actions",
        None,
        fixture("job_actions.json"),
        _is(JobAction, fixture("job_actions.json"), name="flush-cache", task_group_name="cache"),
    ),
    Case(
        "jobs.tag_version",
        lambda c: c.jobs.tag_version(
            "example", "golden", version=0, description="The version we can roll back to."
        ),
        "POST",
        "job/example/versions/golden/tag",
        {"Version": 0, "Description": "The version we can roll back to."},
        TAG,
        _is(JobTagResponse, TAG, index=0, known_leader=False, next_token=""),
    ),
    Case(
        "jobs.untag_version",
        lambda c: c.jobs.untag_version("example", "golden"),
        "DELETE",
        "job/example/versions/golden/tag",
        None,
        TAG,
        _is(JobTagResponse, TAG, last_contact=0),
    ),
    Case(
        "jobs.parse",
        lambda c: c.jobs.parse('job "example" {}', variables="count = 3", canonicalize=True),
        "POST",
        "jobs/parse",
        {"JobHCL": 'job "example" {}', "Variables": "count = 3", "Canonicalize": True},
        PARSE,
        _is(Job, PARSE, id="my-job", node_pool="prod", task_groups=None),
    ),
    Case(
        "jobs.validate",
        lambda c: c.jobs.validate({"Job": EXAMPLE_JOB}),
        "POST",
        "validate/job",
        {"Job": EXAMPLE_JOB},
        VALIDATE,
        _is(JobValidateResponse, VALIDATE, driver_config_validated=True),
    ),
    # ---- allocations ----
    Case(
        "allocations.get",
        lambda c: c.allocations.get(ALLOC_ID),
        "GET",
        f"allocation/{ALLOC_ID}",
        None,
        ALLOC,
        _alloc,
    ),
    Case(
        "allocations.list",
        lambda c: c.allocations.list(prefix="5457", resources=True, task_states=False, reverse=True),
        "GET",
        "allocations?prefix=5457&resources=true&task_states=false&reverse=true",
        None,
        ALLOCS,
        _all_allocations,
    ),
    Case(
        "allocations.stop",
        lambda c: c.allocations.stop(ALLOC_ID, no_shutdown_delay=True, reschedule=False),
        "POST",
        f"allocation/{ALLOC_ID}/stop?no_shutdown_delay=true&reschedule=false",
        None,
        ALLOC_STOP,
        _is(AllocStopResponse, ALLOC_STOP, eval_id="5456bd7a-9fc0-c0dd-6131-cbee77f57577", index=54),
    ),
    Case(
        "allocations.services",
        lambda c: c.allocations.services(ALLOC_ID),
        "GET",
        f"allocation/{ALLOC_ID}/services",
        None,
        ALLOC_SERVICES,
        _is(ServiceRegistration, ALLOC_SERVICES, alloc_id="177160af-26f6-619f-9c9f-5e46d1104395"),
    ),
    # ---- evaluations ----
    Case(
        "evaluations.get",
        lambda c: c.evaluations.get(EVAL_ID, related=True),
        "GET",
        f"evaluation/{EVAL_ID}?related=true",
        None,
        EVAL,
        _eval,
    ),
    Case(
        "evaluations.list",
        lambda c: c.evaluations.list(status="complete", job="example", per_page=1, next_token="abc"),
        "GET",
        "evaluations?status=complete&job=example&per_page=1&next_token=abc",
        None,
        EVALS,
        _is(Evaluation, EVALS, snapshot_index=53, job_modify_index=52),
    ),
    Case(
        "evaluations.count",
        lambda c: c.evaluations.count(filter='Status == "complete"'),
        "GET",
        "evaluations/count?filter=Status+%3D%3D+%22complete%22",
        None,
        EVAL_COUNT,
        _is(EvalCountResponse, EVAL_COUNT, count=36, index=133),
    ),
    Case(
        "evaluations.allocations",
        lambda c: c.evaluations.allocations(EVAL_ID),
        "GET",
        f"evaluation/{EVAL_ID}/allocations",
        None,
        JOB_ALLOCS,
        _allocations,
    ),
    # ---- deployments ----
    Case(
        "deployments.get",
        lambda c: c.deployments.get(DEPLOYMENT_ID),
        "GET",
        f"deployment/{DEPLOYMENT_ID}",
        None,
        DEPLOYMENT,
        _deployment,
    ),
    Case(
        "deployments.list",
        lambda c: c.deployments.list(prefix="7063", filter="Status == running"),
        "GET",
        "deployments?prefix=7063&filter=Status+%3D%3D+running",
        None,
        DEPLOYMENTS,
        _is(Deployment, DEPLOYMENTS, job_create_index=7),
    ),
    Case(
        "deployments.allocations",
        lambda c: c.deployments.allocations(DEPLOYMENT_ID),
        "GET",
        f"deployment/allocations/{DEPLOYMENT_ID}",
        None,
        DEPLOYMENT_ALLOCS,
        _deployment_allocations,
    ),
    Case(
        "deployments.promote",
        lambda c: c.deployments.promote(DEPLOYMENT_ID, groups=["web", "api-server"]),
        "POST",
        f"deployment/promote/{DEPLOYMENT_ID}",
        {"DeploymentID": DEPLOYMENT_ID, "Groups": ["web", "api-server"]},
        PROMOTE,
        _is(DeploymentUpdateResponse, PROMOTE, eval_id="0d834913-58a0-81ac-6e33-e452d83a0c66", index=20),
    ),
    Case(
        "deployments.fail",
        lambda c: c.deployments.fail(DEPLOYMENT_ID),
        "POST",
        f"deployment/fail/{DEPLOYMENT_ID}",
        {"DeploymentID": DEPLOYMENT_ID},
        PAUSE,
        _is(DeploymentUpdateResponse, PAUSE, deployment_modify_index=20),
    ),
    Case(
        "deployments.pause",
        lambda c: c.deployments.pause(DEPLOYMENT_ID),
        "POST",
        f"deployment/pause/{DEPLOYMENT_ID}",
        {"DeploymentID": DEPLOYMENT_ID, "Pause": True},
        PAUSE,
        _is(DeploymentUpdateResponse, PAUSE, eval_create_index=20),
    ),
    Case(
        "deployments.set_alloc_health",
        lambda c: c.deployments.set_alloc_health(
            DEPLOYMENT_ID,
            healthy=["eb13bc8a-7300-56f3-14c0-d4ad115ec3f5"],
            unhealthy=["6584dad8-7ae3-360f-3069-0b4309711cc1"],
        ),
        "POST",
        f"deployment/allocation-health/{DEPLOYMENT_ID}",
        {
            "DeploymentID": DEPLOYMENT_ID,
            "HealthyAllocationIDs": ["eb13bc8a-7300-56f3-14c0-d4ad115ec3f5"],
            "UnhealthyAllocationIDs": ["6584dad8-7ae3-360f-3069-0b4309711cc1"],
        },
        PAUSE,
        _is(DeploymentUpdateResponse, PAUSE, index=20),
    ),
    Case(
        "deployments.unblock",
        lambda c: c.deployments.unblock(DEPLOYMENT_ID),
        "POST",
        f"deployment/unblock/{DEPLOYMENT_ID}",
        {"DeploymentID": DEPLOYMENT_ID},
        UNBLOCK,
        _is(DeploymentUpdateResponse, UNBLOCK, eval_id="0d834913-58a0-81ac-6e33-e452d83a0c66"),
    ),
]


def _call(case: Case, client: NomadClient, mocked: responses.RequestsMock) -> tuple[object, responses.Call]:
    path = case.url.split("?", 1)[0]
    mocked.add(case.method, BASE + path, body=case.reply, status=200, content_type="application/json")
    value = case.call(client)
    assert len(mocked.calls) == 1
    return value, mocked.calls[0]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_request_is_exact(case: Case, client: NomadClient, mocked: responses.RequestsMock) -> None:
    _, call = _call(case, client, mocked)
    request = call.request
    assert request.method == case.method
    assert request.url == BASE + case.url
    assert request.headers["X-Nomad-Token"] == TOKEN
    assert request.headers["Accept"] == "application/json"
    assert TOKEN not in (request.url or "")
    sent = request.body or b""
    if isinstance(sent, str):
        sent = sent.encode()
    assert TOKEN.encode() not in sent
    if case.body is None:
        assert sent == b""
        assert "Content-Type" not in request.headers
    elif isinstance(case.body, bytes):
        assert sent == case.body
        assert request.headers["Content-Type"] == "application/octet-stream"
    else:
        assert json.loads(sent) == case.body
        assert request.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_parses_recorded_body(case: Case, client: NomadClient, mocked: responses.RequestsMock) -> None:
    value, _ = _call(case, client, mocked)
    case.check(value)


def test_every_public_method_has_a_case(client: NomadClient) -> None:
    covered = {case.id for case in CASES}
    handles = {"jobs": client.jobs, "allocations": client.allocations}
    handles.update(evaluations=client.evaluations, deployments=client.deployments)
    public = {
        f"{name}.{attr}"
        for name, handle in handles.items()
        for attr in dir(handle)
        if not attr.startswith("_")
        and attr not in {"with_meta", "iter_list"}
        and callable(getattr(handle, attr))
    }
    assert public == covered


def test_latest_deployment_null_is_none(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("GET", BASE + "job/example/deployment", body=b"null", content_type="application/json")
    assert client.jobs.latest_deployment("example") is None


def test_evaluate_without_options_sends_no_eval_options(
    client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("POST", BASE + "job/example/evaluate", body=EVALUATE, content_type="application/json")
    client.jobs.evaluate("example")
    assert json.loads(mocked.calls[0].request.body or b"") == {"JobID": "example"}


def test_dispatch_text_payload_is_utf8_base64(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("POST", BASE + "job/example/dispatch", body=DISPATCH, content_type="application/json")
    client.jobs.dispatch("example", "héllo")
    assert mocked.calls[0].request.url == BASE + "job/example/dispatch"
    assert json.loads(mocked.calls[0].request.body or b"") == {"JobID": "example", "Payload": "aMOpbGxv"}


def test_promote_all(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add(
        "POST", BASE + f"deployment/promote/{DEPLOYMENT_ID}", body=PROMOTE, content_type="application/json"
    )
    client.deployments.promote(DEPLOYMENT_ID, all_=True)
    assert json.loads(mocked.calls[0].request.body or b"") == {"DeploymentID": DEPLOYMENT_ID, "All": True}


def test_scale_event_without_count(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("POST", BASE + "job/example/scale", body=SCALE, content_type="application/json")
    client.jobs.scale("example", "cache", message="too hot", error=True)
    assert json.loads(mocked.calls[0].request.body or b"") == {
        "Target": {"Group": "cache"},
        "Message": "too hot",
        "Error": True,
    }


def test_tag_latest_version(client: NomadClient, mocked: responses.RequestsMock) -> None:
    mocked.add("POST", BASE + "job/example/versions/golden/tag", body=TAG, content_type="application/json")
    client.jobs.tag_version("example", "golden", latest=True)
    assert json.loads(mocked.calls[0].request.body or b"") == {"Latest": True}
