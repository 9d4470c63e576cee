"""Request-body models against the request samples of Nomad's API documentation."""

from __future__ import annotations

import json

import pytest
import responses
from pydantic import ValidationError

from nomad_typed._client import NomadClient
from nomad_typed.models._base import NomadModel
from nomad_typed.models.requests import (
    DeploymentAllocHealthRequest,
    DeploymentPauseRequest,
    DeploymentPromoteRequest,
    JobDispatchRequest,
    JobEvaluateRequest,
    JobRevertRequest,
    JobsParseRequest,
    JobStabilityRequest,
    ScalingRequest,
    TagVersionRequest,
)
from tests.support.nomad_server import CORPUS

from .conftest import BASE

REQUESTS = CORPUS / "requests"

SAMPLES: list[tuple[str, type[NomadModel]]] = [
    ("job_dispatch/docs-v2.0.x_dispatch-job.json", JobDispatchRequest),
    ("job_evaluate/docs-v2.0.x_create-job-evaluation.json", JobEvaluateRequest),
    ("job_revert/docs-v2.0.x_revert-to-older-job-version_1.json", JobRevertRequest),
    ("job_scale/docs-v2.0.x_scale-task-group.json", ScalingRequest),
    ("job_stable/docs-v2.0.x_set-job-stability.json", JobStabilityRequest),
    ("job_version_tag_create/docs-v2.0.x_create-job-version-tag.json", TagVersionRequest),
    ("jobs_parse/docs-v2.0.x_parse-job.json", JobsParseRequest),
    ("deployment_pause/docs-v2.0.x_pause-deployment.json", DeploymentPauseRequest),
    ("deployment_promote/docs-v2.0.x_promote-deployment_1.json", DeploymentPromoteRequest),
    ("deployment_promote/docs-v2.0.x_promote-deployment_2.json", DeploymentPromoteRequest),
    (
        "deployment_allocation_health/docs-v2.0.x_set-allocation-health-in-deployment.json",
        DeploymentAllocHealthRequest,
    ),
]


@pytest.mark.parametrize(("relative", "model"), SAMPLES, ids=[s[0].split("/")[1] for s in SAMPLES])
def test_documented_request_round_trips(relative: str, model: type[NomadModel]) -> None:
    document = json.loads((REQUESTS / relative).read_text())
    parsed = model.from_wire(document)
    assert parsed.to_dict() == document
    assert parsed.unknown_fields() == []


def test_revert_by_tag_sample_is_rejected() -> None:
    # Nomad 2.0's server has no TaggedVersion key (the CLI resolves tags itself): it would ignore
    # the key and revert to version 0. Requiring JobVersion catches that before anything is sent.
    document = (REQUESTS / "job_revert/docs-v2.0.x_revert-to-older-job-version_2.json").read_text()
    with pytest.raises(ValidationError) as caught:
        JobRevertRequest.from_wire(document)
    assert [error["loc"] for error in caught.value.errors()] == [("JobVersion",)]


@pytest.mark.parametrize(
    ("relative", "path", "call"),
    [
        (
            "job_scale/docs-v2.0.x_scale-task-group.json",
            "job/my-job/scale",
            lambda c: c.jobs.scale(
                "my-job",
                "cache",
                5,
                message="metric did not satisfy SLA",
                meta={"metrics": ["cpu", "memory"]},
            ),
        ),
        (
            "job_evaluate/docs-v2.0.x_create-job-evaluation.json",
            "job/my-job/evaluate",
            lambda c: c.jobs.evaluate("my-job", force_reschedule=True),
        ),
        (
            "job_stable/docs-v2.0.x_set-job-stability.json",
            "job/my-job/stable",
            lambda c: c.jobs.stable("my-job", 2),
        ),
        (
            "job_version_tag_create/docs-v2.0.x_create-job-version-tag.json",
            "job/my-job/versions/golden/tag",
            lambda c: c.jobs.tag_version(
                "my-job", "golden", version=0, description="The version we can roll back to."
            ),
        ),
        (
            "jobs_parse/docs-v2.0.x_parse-job.json",
            "jobs/parse",
            lambda c: c.jobs.parse(
                'job "example" {\n  type = "service"\n  group "cache" {}\n}', canonicalize=True
            ),
        ),
        (
            "deployment_promote/docs-v2.0.x_promote-deployment_2.json",
            "deployment/promote/5456bd7a-9fc0-c0dd-6131-cbee77f57577",
            lambda c: c.deployments.promote(
                "5456bd7a-9fc0-c0dd-6131-cbee77f57577", groups=["web", "api-server"]
            ),
        ),
    ],
    ids=["scale", "evaluate", "stable", "tag", "parse", "promote"],
)
def test_client_sends_the_documented_body(
    relative: str, path: str, call: object, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("POST", BASE + path, body=b"{}")
    call(client)  # type: ignore[operator]
    assert json.loads(mocked.calls[0].request.body or b"") == json.loads((REQUESTS / relative).read_text())
