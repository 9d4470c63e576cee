"""No lost updates: check-and-set registers against a server that enforces the job modify index."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator

import pytest

from nomad_typed import (
    Job,
    JobModifyIndexConflictError,
    JobRegisterResponse,
    NomadClient,
    compat as nomad_compat,
)
from tests.support.jobs import minimal_job
from tests.support.nomad_server import JobStore, NomadServer

TOKEN = "cas-7b2e-secret-token"


def update_job(
    client: NomadClient, job_id: str, change: Callable[[Job], None], *, attempts: int = 5
) -> JobRegisterResponse:
    """Read the job, apply ``change``, register it only if nobody registered in between.

    When another writer won the race, read the job again and redo the change on top of theirs.
    """
    attempt = 1
    while True:
        job = client.jobs.get(job_id)
        change(job)
        try:
            return client.jobs.register(job, enforce_index=True)
        except JobModifyIndexConflictError:
            if attempt >= attempts:
                raise
            attempt += 1


def add_meta(key: str, value: str) -> Callable[[Job], None]:
    def change(job: Job) -> None:
        job.meta = {**(job.meta or {}), key: value}

    return change


@pytest.fixture
def store() -> Iterator[tuple[NomadServer, JobStore]]:
    with NomadServer() as server:
        jobs = JobStore(server)
        yield server, jobs


@pytest.fixture
def client(store: tuple[NomadServer, JobStore]) -> Iterator[NomadClient]:
    with NomadClient(store[0].address, token=TOKEN) as nomad:
        created = nomad.jobs.register(
            {**minimal_job(), "Name": "web", "Meta": {"team": "ops"}}, job_modify_index=0
        )
        assert created.job_modify_index == 101
        yield nomad


def test_second_writer_loses_and_nothing_is_overwritten(
    store: tuple[NomadServer, JobStore], client: NomadClient
) -> None:
    server, jobs = store
    first = client.jobs.get("web")
    second = client.jobs.get("web")
    assert first.job_modify_index == second.job_modify_index == 101

    first.meta = {"team": "ops", "owner": "alice"}
    assert client.jobs.register(first, enforce_index=True).job_modify_index == 102

    second.meta = {"team": "ops", "owner": "bob"}
    with pytest.raises(JobModifyIndexConflictError) as caught:
        client.jobs.register(second, enforce_index=True)
    conflict = caught.value
    assert (conflict.status, conflict.method, conflict.url) == (500, "POST", f"{server.address}/v1/jobs")
    assert (
        conflict.body == "Enforcing job modify index 101: job exists with conflicting job modify index: 102"
    )
    assert str(conflict) == f"POST {server.address}/v1/jobs: HTTP 500: {conflict.body}"
    assert TOKEN not in f"{conflict} {conflict!r} {conflict.url}"

    assert jobs.jobs["web"]["Meta"] == {"team": "ops", "owner": "alice"}
    assert jobs.jobs["web"]["Version"] == 1
    sent = [request.body for request in server.seen() if request.method == "POST"]
    assert [b'"EnforceIndex":true,"JobModifyIndex":101' in body for body in sent[1:]] == [True, True]


def test_creating_an_existing_job_with_index_zero_is_refused(client: NomadClient) -> None:
    with pytest.raises(JobModifyIndexConflictError) as caught:
        client.jobs.register({**minimal_job(), "Name": "web"}, job_modify_index=0)
    assert caught.value.body == "Enforcing job modify index 0: job already exists"


def test_read_modify_register_loop_redoes_the_change_after_a_lost_race(
    store: tuple[NomadServer, JobStore], client: NomadClient
) -> None:
    server, jobs = store
    assert update_job(client, "web", add_meta("owner", "alice")).job_modify_index == 102
    raced: list[int | None] = []

    def change(job: Job) -> None:
        if not raced:
            # Another writer registers between this read and this register, once.
            other = client.jobs.get("web")
            add_meta("racer", "yes")(other)
            raced.append(client.jobs.register(other, enforce_index=True).job_modify_index)
        add_meta("owner", "bob")(job)

    assert update_job(client, "web", change).job_modify_index == 104
    assert raced == [103]
    assert jobs.jobs["web"]["Meta"] == {"team": "ops", "owner": "bob", "racer": "yes"}
    registers = [r.body for r in server.seen() if r.method == "POST"]
    # create, alice, the racer, bob's lost register (index 102), bob's redone one (index 103)
    assert [b'"JobModifyIndex":103' in body for body in registers] == [False, False, False, False, True]
    assert b'"JobModifyIndex":102' in registers[3]


def test_concurrent_writers_all_land(store: tuple[NomadServer, JobStore], client: NomadClient) -> None:
    _, jobs = store
    writers = 8
    errors: list[BaseException] = []

    def write(number: int) -> None:
        try:
            update_job(client, "web", add_meta(f"writer-{number}", "done"), attempts=writers * 2)
        except BaseException as err:  # collected so the main thread fails the test
            errors.append(err)

    threads = [threading.Thread(target=write, args=(number,)) for number in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert errors == []
    assert jobs.jobs["web"]["Meta"] == {"team": "ops", **{f"writer-{n}": "done" for n in range(writers)}}
    assert jobs.jobs["web"]["Version"] == writers


def test_python_nomad_read_modify_write_with_the_model_in_an_envelope(
    store: tuple[NomadServer, JobStore], client: NomadClient
) -> None:
    server, jobs = store
    legacy = nomad_compat.Nomad(address=server.address, token=TOKEN)
    job = legacy.job.get_job("web")
    job.meta = {"team": "ops", "owner": "carol"}
    envelope = {"Job": job, "EnforceIndex": True, "JobModifyIndex": job["JobModifyIndex"]}
    assert legacy.job.register_job("web", envelope).job_modify_index == 102
    # The same envelope again is a lost race: the index it carries is no longer the job's.
    with pytest.raises(JobModifyIndexConflictError) as caught:
        client.jobs.register(envelope)
    assert caught.value.body == (
        "Enforcing job modify index 101: job exists with conflicting job modify index: 102"
    )
    current = client.jobs.get("web")
    assert (
        client.jobs.register({"Job": current, "EnforceIndex": True, "JobModifyIndex": 102}).job_modify_index
        == 103
    )
    assert jobs.jobs["web"]["Meta"] == {"team": "ops", "owner": "carol"}
    registers = [json.loads(request.body) for request in server.seen() if request.method == "POST"]
    assert [(body["EnforceIndex"], body["JobModifyIndex"]) for body in registers[1:]] == [
        (True, 101),
        (True, 101),
        (True, 102),
    ]
    assert registers[1]["Job"] == job.to_dict()
