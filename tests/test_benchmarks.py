"""Every benchmark runs on a tiny input, so the scripts cannot rot; nothing here is timed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import pytest
import requests

from benchmarks import run
from benchmarks.corpus import job_documents, response_documents, response_of
from benchmarks.imports import IMPORT_TARGET, STATEMENTS, import_figures, import_sampler
from benchmarks.parsing import (
    ALLOCATION_STUB,
    allocation_list,
    allocations_figure,
    dump_figures,
    parse_figures,
    wire_json,
)
from benchmarks.per_call import JOB_ID, PER_CALL_TARGET, per_call_figure
from benchmarks.report import Figure, Skipped
from benchmarks.timing import SMOKE, Budget, compare
from nomad_typed._transport import parse_list
from nomad_typed.models import Job
from nomad_typed.models.responses import AllocListStub
from tests.conftest import CORPUS
from tests.support.nomad_server import corpus_body


def _counter() -> tuple[list[int], Callable[[], int]]:
    calls: list[int] = []

    def call() -> int:
        calls.append(1)
        return len(calls)

    return calls, call


def test_compare_calls_each_side_for_warm_up_calibration_and_every_sample() -> None:
    ours_calls, ours = _counter()
    baseline_calls, baseline = _counter()
    result = compare(ours, baseline, Budget(repeat=3, min_seconds=0.0))
    # warm-up, one calibration loop, the unrecorded pair, then 3 samples
    assert (len(ours_calls), len(baseline_calls)) == (6, 6)
    assert result.ratio == result.ours / result.baseline


def test_figure_line_ends_in_the_ratio_and_flags_a_miss() -> None:
    missed = Figure("parse x", 2.5, "1 file", 1.5)
    assert missed.missed
    assert missed.line().endswith("target <= 1.5x        MISSED  ratio 2.50x")
    shown = Figure("parse x, worst file", 2.5, "a.json", 1.5, judged=False)
    assert not shown.missed
    assert shown.line().endswith("a.json" + " " * 47 + "(median <= 1.5x)      ratio 2.50x")
    informative = Figure("import y", 0.5, "15 interpreters")
    assert not informative.missed
    assert informative.line().endswith("informative           ratio 0.50x")


def test_corpus_documents_are_every_api_json_file() -> None:
    jobs = job_documents()
    responses = response_documents()
    assert len(jobs) == len([*CORPUS.glob("jobs/*.json"), *CORPUS.glob("wild/jobs/*.json")]) - 1
    assert "wild/jobs/Juravenator_DUNE-RC-RC_raw_exec_example_job.nomad.json" not in {d.name for d in jobs}
    assert len(responses) == len([*CORPUS.glob("responses/*/*.json"), *CORPUS.glob("wild/responses/*.json")])
    by_name = {document.name: document for document in [*jobs, *responses]}
    [job] = by_name["jobs/nomad-v2.0.6_command-testdata_example-short.json"].models()
    assert isinstance(job, Job)
    assert job.id == "example"
    stubs = by_name["responses/job_allocations/docs-v2.0.x_list-job-allocations.json"].models()
    assert [type(stub) for stub in stubs] == [AllocListStub]
    # nomad job inspect output keeps its envelope; it is read like a job file
    [scaled] = by_name[
        "wild/responses/hashicorp_nomad-autoscaler_policy-test-fixtures_full-scaling.json"
    ].models()
    assert isinstance(scaled, Job)
    assert scaled.unknown_fields() == []


def test_parse_figures_give_the_corpus_median_the_worst_file_and_each_kind() -> None:
    jobs, responses = job_documents()[:2], response_documents()[:3]
    figures = parse_figures("parse some", {"parse jobs": jobs, "parse responses": responses}, SMOKE)
    assert [(figure.label, figure.target, figure.judged) for figure in figures] == [
        ("parse some, corpus median", 1.5, True),
        ("parse some, worst file", 1.5, False),
        ("parse jobs, median", None, True),
        ("parse responses, median", None, True),
    ]
    corpus, worst, job_median, response_median = figures
    assert corpus.note.startswith("5 files, all of them ")
    assert job_median.note.startswith("2 files, all of them ")
    assert response_median.note.startswith("3 files, all of them ")
    assert worst.note in {document.name.rsplit("/", 1)[-1] for document in [*jobs, *responses]}
    assert worst.ratio >= max(corpus.ratio, job_median.ratio, response_median.ratio)


def test_dump_baseline_writes_the_same_text_as_to_json() -> None:
    for document in [*job_documents(), *response_documents()]:
        for model in document.models():
            assert model.to_json() == wire_json(model.to_dict()), document.name


def test_dump_figures_cover_to_json_and_to_dict() -> None:
    figures = dump_figures(response_documents()[:3], SMOKE)
    assert [(figure.label, figure.target, figure.judged) for figure in figures] == [
        ("dump to_json() vs json.dumps, corpus median", 1.0, True),
        ("dump to_json() vs json.dumps, worst file", 1.0, False),
        ("dump to_dict() vs json.dumps, corpus median", 1.0, True),
        ("dump to_dict() vs json.dumps, worst file", 1.0, False),
    ]


def test_allocation_list_repeats_the_stub_with_new_ids() -> None:
    body = allocation_list(3)
    [stub] = json.loads(corpus_body(ALLOCATION_STUB))
    generated = json.loads(body)
    assert [item["Name"] for item in generated] == [
        "example.cache[0]",
        "example.cache[1]",
        "example.cache[2]",
    ]
    assert [item["CreateIndex"] for item in generated] == [1000, 1001, 1002]
    assert len({item[key] for item in generated for key in ("ID", "EvalID", "NodeID")}) == 9
    varied = {"ID", "EvalID", "NodeID", "Name", "CreateIndex", "ModifyIndex"}
    for item in generated:
        assert {k: v for k, v in item.items() if k not in varied} == {
            k: v for k, v in stub.items() if k not in varied
        }
    # compact, as Nomad sends it
    assert body == json.dumps(generated, separators=(",", ":")).encode()
    stubs = parse_list(response_of(body), AllocListStub)
    assert [stub.name for stub in stubs] == ["example.cache[0]", "example.cache[1]", "example.cache[2]"]


def test_allocations_figure() -> None:
    figure = allocations_figure(3, SMOKE)
    assert (figure.label, figure.target) == ("parse 3 allocations into list[AllocListStub]", 2.0)
    assert figure.note.startswith("6 KiB: ")


def test_import_sampler_reports_the_time_measured_in_a_fresh_interpreter() -> None:
    seconds = import_sampler("import json")()
    assert 0.0 < seconds < 5.0


def test_import_figures_compare_with_import_requests() -> None:
    [figure] = import_figures(runs=1, statements=STATEMENTS[:1])
    assert (figure.label, figure.target) == ("import nomad_typed vs import requests", IMPORT_TARGET)
    assert figure.note.startswith("1 interpreters: ")


def test_per_call_figure_against_a_plain_requests_baseline() -> None:
    session = requests.Session()

    def plain_get(address: str) -> Callable[[], object]:
        return lambda: session.get(f"{address}/v1/job/{JOB_ID}", timeout=5).json()

    figure = per_call_figure(SMOKE, plain_get)
    session.close()
    assert isinstance(figure, Figure)
    assert (figure.label, figure.target) == (
        'client.jobs.get("example") vs python-nomad get_job',
        PER_CALL_TARGET,
    )
    assert figure.note.startswith("loopback, same body: ")


def test_per_call_figure_says_skipped_without_python_nomad(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nomad", None)
    line = per_call_figure(SMOKE)
    assert isinstance(line, Skipped)
    assert line.line() == (
        'client.jobs.get("example") vs python-nomad get_job           '
        "skipped: python-nomad is not installed (pip install -e '.[bench]')"
    )


def test_run_rejects_unknown_groups(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(run.GROUPS) == ["parse", "dump", "allocations", "imports", "per-call"]
    with pytest.raises(SystemExit) as exit_info:
        run.main(["parse", "nope"])
    assert exit_info.value.code == 2
    assert "unknown group(s): nope" in capsys.readouterr().err
