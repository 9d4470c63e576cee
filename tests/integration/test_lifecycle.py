"""A whole job lifecycle over real sockets: the typed client, then python-nomad's own examples."""

from __future__ import annotations

import contextlib
import io
import json
import re

import pytest

from nomad_typed._client import NomadClient
from nomad_typed.models import Job
from nomad_typed.models.responses import (
    AllocListStub,
    Deployment,
    Evaluation,
    JobPlanResponse,
    JobRegisterResponse,
    JobSummary,
    JobVersionsResponse,
)
from tests.support.nomad_server import CORPUS, NomadServer, Reply

from .conftest import TOKEN

SEED = CORPUS.parent / "seed" / "python-nomad-job-endpoints.md"
JOB = json.loads((CORPUS / "jobs" / "nomad-v2.0.6_command-testdata_example-short.json").read_text())
#: The only edit python-nomad's examples get besides the import: the agent they talk to.
SEED_HOST = "host='192.168.33.10'"
#: How the examples import the library (the compat module has the package root's `Nomad`/`api`).
SEED_IMPORT = "import nomad_typed as nomad"


def _seen(server: NomadServer) -> list[tuple[str, str, str, object]]:
    """(method, raw path, raw query, JSON body or None) of every request the server got."""
    return [
        (r.method, r.raw_path, r.raw_query, json.loads(r.body) if r.body else None) for r in server.seen()
    ]


def test_typed_client_lifecycle(server: NomadServer) -> None:
    job_id = JOB["Job"]["ID"]
    with NomadClient(server.address, token=TOKEN, namespace="apps") as client:
        registered = client.jobs.register(JOB)
        job = client.jobs.get(job_id)
        versions = client.jobs.versions(job_id, diffs=True)
        allocations = client.jobs.allocations(job_id)
        evaluations = client.jobs.evaluations(job_id)
        deployments = client.jobs.deployments(job_id)
        latest = client.jobs.latest_deployment(job_id)
        summary = client.jobs.summary(job_id)
        plan = client.jobs.plan(JOB, diff=True)
        dispatched = client.jobs.dispatch(job_id, b"input", meta={"time": "500"}, idempotency_token="run-1")
        child = client.jobs.get(dispatched.dispatched_job_id or "")
        reverted = client.jobs.revert(job_id, 0, enforce_prior_version=1)
        stable = client.jobs.stable(job_id, 1)
        evaluated = client.jobs.evaluate(job_id, force_reschedule=True)
        stopped = client.jobs.deregister(job_id, purge=True)

    assert (registered.job_modify_index, registered.eval_id) == (109, "")
    assert (job.id, job.type, job.status) == ("example", "batch", "running")
    assert versions.versions is not None
    assert [(v.id, v.version, v.stable) for v in versions.versions] == [("example", 0, True)]
    assert [(a.id, a.client_status) for a in allocations] == [
        ("ed344e0a-7290-d117-41d3-a64f853ca3c2", "running")
    ]
    assert [(e.id, e.status) for e in evaluations] == [("a9c5effc-2242-51b2-f1fe-054ee11ab189", "complete")]
    assert [(d.id, d.job_version) for d in deployments] == [("70638f62-5c19-193e-30d6-f9d6e689ab8e", 1)]
    assert latest is not None
    assert (latest.status, latest.job_create_index) == ("running", 7)
    assert summary.summary is not None
    assert summary.summary["cache"].running == 1
    assert plan.diff is not None
    assert (plan.diff.type, plan.diff.id) == ("Added", "example")
    assert dispatched.dispatched_job_id == "example/dispatch-1485408778-81644024"
    assert child.id == "example"
    assert (reverted.eval_create_index, reverted.job_modify_index) == (35, 34)
    assert stable.index is None
    assert evaluated.eval_id == "d092fdc0-e1fd-2536-67d8-43af8ca798ac"
    assert stopped.eval_id == "d092fdc0-e1fd-2536-67d8-43af8ca798ac"

    job_document = JOB["Job"]
    assert _seen(server) == [
        ("POST", "/v1/jobs", "namespace=apps", {"Job": job_document}),
        ("GET", "/v1/job/example", "namespace=apps", None),
        ("GET", "/v1/job/example/versions", "diffs=true&namespace=apps", None),
        ("GET", "/v1/job/example/allocations", "namespace=apps", None),
        ("GET", "/v1/job/example/evaluations", "namespace=apps", None),
        ("GET", "/v1/job/example/deployments", "namespace=apps", None),
        ("GET", "/v1/job/example/deployment", "namespace=apps", None),
        ("GET", "/v1/job/example/summary", "namespace=apps", None),
        ("POST", "/v1/job/example/plan", "namespace=apps", {"Job": job_document, "Diff": True}),
        (
            "POST",
            "/v1/job/example/dispatch",
            "idempotency_token=run-1&namespace=apps",
            {"JobID": "example", "Payload": "aW5wdXQ=", "Meta": {"time": "500"}},
        ),
        ("GET", "/v1/job/example%2Fdispatch-1485408778-81644024", "namespace=apps", None),
        (
            "POST",
            "/v1/job/example/revert",
            "namespace=apps",
            {"JobID": "example", "JobVersion": 0, "EnforcePriorVersion": 1},
        ),
        (
            "POST",
            "/v1/job/example/stable",
            "namespace=apps",
            {"JobID": "example", "JobVersion": 1, "Stable": True},
        ),
        (
            "POST",
            "/v1/job/example/evaluate",
            "namespace=apps",
            {"JobID": "example", "EvalOptions": {"ForceReschedule": True}},
        ),
        ("DELETE", "/v1/job/example", "purge=true&namespace=apps", None),
    ]
    requests = server.seen()
    assert requests[10].path == "/v1/job/example/dispatch-1485408778-81644024"
    assert all(r.headers["X-Nomad-Token"] == TOKEN for r in requests)
    assert all(TOKEN not in r.raw_query and TOKEN.encode() not in r.body for r in requests)


# ---- python-nomad's examples, unchanged but for the import and the host ----------------------


def _seed_examples() -> list[tuple[str, str]]:
    """(section title, code) of every example in python-nomad's job endpoint documentation."""
    examples: list[tuple[str, str]] = []
    title = ""
    for line_block in re.split(r"(?m)^(### .*)$", SEED.read_text()):
        if line_block.startswith("### "):
            title = line_block[4:].strip()
            continue
        for code in re.findall(r"```\n(.*?)```", line_block, re.S):
            examples.append((title if not examples or examples[-1][0] != title else title + " (purge)", code))
    return examples


EXAMPLES = _seed_examples()
SEED_JOB = next(code for title, code in EXAMPLES if title == "Create new job")


def _seed_job(name: str, code: str) -> object:
    """A job dict defined by an example, evaluated without running the example."""
    namespace: dict[str, object] = {}
    exec("\n".join(line for line in code.splitlines() if "nomad" not in line), namespace)
    return namespace[name]


def _run(code: str, server: NomadServer) -> dict[str, object]:
    assert code.count("import nomad\n") == 1
    assert SEED_HOST in code
    port = server.address.rsplit(":", 1)[1]
    code = code.replace("import nomad\n", SEED_IMPORT + "\n")
    code = code.replace(SEED_HOST, f"host='127.0.0.1', port={port}")
    # The one known slip in the original documentation (see the seed's README).
    code = code.replace("my_nomad.job.job.get_deployment", "my_nomad.job.get_deployment")
    namespace: dict[str, object] = {}
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(compile(code, "<python-nomad example>", "exec"), namespace)
    namespace["__printed__"] = printed.getvalue()
    return namespace


EXAMPLE_JOB = _seed_job("job", SEED_JOB)
BATCH_JOB = _seed_job("parametrize_job", next(code for title, code in EXAMPLES if title == "Dispatch job"))

EXPECTED: dict[str, list[tuple[str, str, str, object]]] = {
    "Create new job": [("POST", "/v1/job/example", "", EXAMPLE_JOB)],
    "Read job": [("GET", "/v1/job/example", "", None)],
    "Job versions": [("GET", "/v1/job/example/versions", "", None)],
    "List job allocations": [("GET", "/v1/job/example/allocations", "", None)],
    "List job evaluations": [("GET", "/v1/job/example/evaluations", "", None)],
    "List job deployments": [("GET", "/v1/job/example/deployments", "", None)],
    "Read job's most recent deployment": [("GET", "/v1/job/example/deployment", "", None)],
    "Job summary": [("GET", "/v1/job/example/summary", "", None)],
    "Dispatch job": [
        ("POST", "/v1/job/example-batch", "", BATCH_JOB),
        ("POST", "/v1/job/example-batch/dispatch", "", {"JobID": "example-batch", "Meta": {"time": "500"}}),
    ],
    "Revert to older job version": [
        ("GET", "/v1/job/example/deployment", "", None),
        (
            "POST",
            "/v1/job/example/revert",
            "",
            {"JobID": "example", "JobVersion": 0, "EnforcePriorVersion": 1},
        ),
    ],
    "Set job stability": [
        ("GET", "/v1/job/example/deployment", "", None),
        ("POST", "/v1/job/example/stable", "", {"JobID": "example", "JobVersion": 1, "Stable": True}),
    ],
    "Create job evaluation": [("POST", "/v1/job/example/evaluate", "", {"JobID": "example"})],
    "Create job plan": [
        (
            "POST",
            "/v1/job/example/plan",
            "",
            {**EXAMPLE_JOB, "Diff": False, "PolicyOverride": False},  # type: ignore[dict-item]
        )
    ],
    "Stop a job": [("DELETE", "/v1/job/example", "", None)],
    "Stop a job (purge)": [("DELETE", "/v1/job/example", "purge=true", None)],
}


def test_every_example_is_covered() -> None:
    assert [title for title, _ in EXAMPLES] == list(EXPECTED)


@pytest.mark.parametrize(("title", "code"), EXAMPLES, ids=[title for title, _ in EXAMPLES])
def test_python_nomad_example_runs_unchanged(title: str, code: str, server: NomadServer) -> None:
    namespace = _run(code, server)
    assert _seen(server) == EXPECTED[title]
    assert all("X-Nomad-Token" not in r.headers for r in server.seen())
    results = {name: value for name, value in namespace.items() if not name.startswith("__")}
    if title in ("Create new job", "Dispatch job"):
        assert isinstance(results["response"], JobRegisterResponse)
    if title == "Read job":
        assert isinstance(results["job"], Job)
        assert results["job"]["ID"] == "example"
    if title == "Job versions":
        versions = results["versions"]
        assert isinstance(versions, JobVersionsResponse)
        assert versions["Versions"][0]["Version"] == 0  # type: ignore[index]
        assert namespace["__printed__"] == f"{versions.versions[0]}\n"  # type: ignore[index]
    if title == "List job allocations":
        assert [type(a) for a in results["allocations"]] == [AllocListStub]  # type: ignore[attr-defined]
    if title == "List job evaluations":
        assert [type(e) for e in results["evaluations"]] == [Evaluation]  # type: ignore[attr-defined]
    if title == "List job deployments":
        assert [d["JobVersion"] for d in results["deployments"]] == [1]  # type: ignore[attr-defined]
    if title == "Read job's most recent deployment":
        assert isinstance(results["deployment"], Deployment)
    if title == "Job summary":
        assert isinstance(results["summary"], JobSummary)
        assert results["summary"].get("JobID") == "example"
    if title in ("Revert to older job version", "Set job stability"):
        assert results["current_job_version"] == 1
    if title == "Create job plan":
        assert isinstance(results["plan"], JobPlanResponse)
        assert results["plan"]["Diff"]["Type"] == "Added"  # type: ignore[index]


def test_seed_jobs_round_trip_exactly() -> None:
    for document in (EXAMPLE_JOB, BATCH_JOB):
        assert isinstance(document, dict)
        assert Job.from_wire(document).to_dict() == document["Job"]


def test_python_nomad_exception_names(server: NomadServer) -> None:
    from nomad_typed import compat as nomad

    server.route("GET", "job/missing", Reply.text(404, "job not found"))
    my_nomad = nomad.Nomad(host="127.0.0.1", port=int(server.address.rsplit(":", 1)[1]))
    with pytest.raises(nomad.api.exceptions.URLNotFoundNomadException) as caught:
        my_nomad.job.get_job("missing")
    assert isinstance(caught.value, nomad.api.exceptions.BaseNomadException)
    assert (caught.value.status, caught.value.body) == (404, "job not found")
