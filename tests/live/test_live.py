"""A small job lifecycle against a real Nomad agent (``NOMAD_ADDR``, ``NOMAD_TOKEN`` …).

Skipped when no agent answers within a second. The job is parameterized, so registering it
starts nothing; the dispatched child may stay pending (no driver is required), and both are
purged at the end.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from nomad_typed._client import NomadClient
from nomad_typed._config import Timeout
from nomad_typed._exceptions import NomadConnectionError, NomadTimeoutError, NotFoundError
from nomad_typed._transport import RetryPolicy
from nomad_typed.models import Job

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def nomad() -> Iterator[NomadClient]:
    """A client for the agent of the environment, or a skip when none answers."""
    probe = NomadClient(timeout=Timeout(connect=1.0, read=1.0), retry=RetryPolicy(max_attempts=1))
    try:
        probe.jobs.list(per_page=1)
    except (NomadConnectionError, NomadTimeoutError) as err:
        pytest.skip(f"no Nomad agent answers at {probe.config.address}: {err}")
    finally:
        probe.close()
    with NomadClient() as client:
        yield client


@pytest.fixture
def job_id(nomad: NomadClient) -> Iterator[str]:
    """A fresh job ID; the job and its dispatched children are purged afterwards."""
    name = f"nomad-typed-live-{uuid.uuid4().hex[:8]}"
    yield name
    for stub in nomad.jobs.list(prefix=name):
        if stub.id:
            nomad.jobs.deregister(stub.id, purge=True)


def _job(job_id: str) -> Job:
    return Job.from_wire(
        {
            "ID": job_id,
            "Name": job_id,
            "Type": "batch",
            "Datacenters": ["*"],
            "ParameterizedJob": {"Payload": "optional", "MetaOptional": ["run"]},
            "TaskGroups": [
                {
                    "Name": "work",
                    "Count": 1,
                    "Tasks": [
                        {
                            "Name": "echo",
                            "Driver": "raw_exec",
                            "Config": {"command": "/bin/echo", "args": ["${NOMAD_META_run}"]},
                            "Resources": {"CPU": 50, "MemoryMB": 32},
                        }
                    ],
                }
            ],
        }
    )


def test_lifecycle(nomad: NomadClient, job_id: str) -> None:
    job = _job(job_id)

    plan = nomad.jobs.plan(job, diff=True)
    assert plan.diff is not None
    assert (plan.diff.type, plan.diff.id) == ("Added", job_id)

    validation = nomad.jobs.validate(job)
    assert (validation.error, validation.validation_errors) == ("", None)

    registered = nomad.jobs.with_meta.register(job)
    assert registered.value.job_modify_index == registered.meta.last_index

    stored = nomad.jobs.get(job_id)
    assert (stored.id, stored.type, stored.version, stored.namespace) == (job_id, "batch", 0, "default")
    assert stored.parameterized_job is not None
    assert stored.parameterized_job.meta_optional == ["run"]

    versions = nomad.jobs.versions(job_id)
    assert versions.versions is not None
    assert [version.version for version in versions.versions] == [0]

    summary = nomad.jobs.summary(job_id)
    assert summary.job_id == job_id

    first = nomad.jobs.dispatch(job_id, b"payload", meta={"run": "1"}, idempotency_token=job_id)
    again = nomad.jobs.dispatch(job_id, b"payload", meta={"run": "1"}, idempotency_token=job_id)
    assert first.dispatched_job_id is not None
    assert first.dispatched_job_id.startswith(f"{job_id}/dispatch-")
    assert again.dispatched_job_id == first.dispatched_job_id

    child = nomad.jobs.get(first.dispatched_job_id)
    assert (child.parent_id, child.payload, child.meta) == (job_id, "cGF5bG9hZA==", {"run": "1"})

    assert [stub.id for stub in nomad.jobs.iter_list(prefix=job_id, per_page=1)] == [
        job_id,
        first.dispatched_job_id,
    ]

    stopped = nomad.jobs.deregister(job_id, purge=True)
    assert stopped.job_modify_index is not None
    with pytest.raises(NotFoundError):
        nomad.jobs.get(job_id)
