"""Parsing and serialization figures: the typed models against ``json`` on the same bytes and data."""

from __future__ import annotations

import copy
import json
import random
import statistics
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from nomad_typed._transport import parse_list
from nomad_typed.models import NomadModel
from nomad_typed.models.responses import AllocListStub

from .corpus import CORPUS, Document, response_of
from .report import Figure, milliseconds
from .timing import FULL, Budget, Comparison, compare

__all__ = [
    "PARSE_TARGET",
    "DUMP_TARGET",
    "ALLOCATIONS_TARGET",
    "allocation_list",
    "allocations_figure",
    "dump_figures",
    "parse_figures",
    "wire_json",
]

PARSE_TARGET = 1.5
DUMP_TARGET = 1.0
ALLOCATIONS_TARGET = 2.0

#: The allocation list stub the generated list repeats, with new IDs for each copy.
ALLOCATION_STUB = "responses/job_allocations/docs-v2.0.x_list-job-allocations.json"

Pair = tuple[Callable[[], object], Callable[[], object]]
#: A document's name and its comparison.
Measured = tuple[str, Comparison]


def wire_json(data: object) -> str:
    """``json.dumps`` spelled like ``to_json()``: no spaces, non-ASCII text kept as is."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def _measure(
    documents: Sequence[Document], pair: Callable[[Document], Pair], budget: Budget
) -> list[Measured]:
    """Each document's ours / baseline comparison, named by its path in the corpus."""
    results: list[Measured] = []
    for document in documents:
        ours, baseline = pair(document)
        results.append((document.name, compare(ours, baseline, budget)))
    return results


def _median_figure(label: str, results: Sequence[Measured], target: float | None) -> Figure:
    """The median ratio over ``results``; the note gives the file count and the summed times."""
    ours_total = sum(result.ours for _, result in results)
    baseline_total = sum(result.baseline for _, result in results)
    return Figure(
        label,
        statistics.median(result.ratio for _, result in results),
        f"{len(results)} files, all of them {milliseconds(ours_total)} vs {milliseconds(baseline_total)}",
        target,
    )


def _corpus_figures(label: str, results: Sequence[Measured], target: float) -> list[Figure]:
    """The median ratio over ``results`` (which the target is for) and the document with the worst one."""
    worst_name, worst = max(results, key=lambda item: item[1].ratio)
    return [
        _median_figure(f"{label}, corpus median", results, target),
        Figure(f"{label}, worst file", worst.ratio, Path(worst_name).name, target, judged=False),
    ]


def parse_figures(label: str, kinds: Mapping[str, Sequence[Document]], budget: Budget = FULL) -> list[Figure]:
    """Each document parsed and validated by nomad_typed vs ``json.loads`` of the same bytes.

    ``kinds`` maps the label of each kind of document to its documents. The target is for the
    median over all of them (the corpus); the median of each kind alone follows, informative.
    """

    def pair(document: Document) -> Pair:
        return (lambda: document.parse(document.body), lambda: json.loads(document.body))

    measured = {kind: _measure(documents, pair, budget) for kind, documents in kinds.items()}
    everything = [result for results in measured.values() for result in results]
    figures = _corpus_figures(label, everything, PARSE_TARGET)
    for kind, results in measured.items():
        figures.append(_median_figure(f"{kind}, median", results, None))
    return figures


def dump_figures(documents: Sequence[Document], budget: Budget = FULL) -> list[Figure]:
    """``to_json()`` and ``to_dict()`` of each parsed document vs ``json.dumps`` of the same data."""

    def with_baseline(method: Callable[[NomadModel], object]) -> Callable[[Document], Pair]:
        def pair(document: Document) -> Pair:
            models = document.models()
            data = [model.to_dict() for model in models]
            return (
                lambda: [method(model) for model in models],
                lambda: [wire_json(item) for item in data],
            )

        return pair

    return [
        *_corpus_figures(
            "dump to_json() vs json.dumps",
            _measure(documents, with_baseline(NomadModel.to_json), budget),
            DUMP_TARGET,
        ),
        *_corpus_figures(
            "dump to_dict() vs json.dumps",
            _measure(documents, with_baseline(NomadModel.to_dict), budget),
            DUMP_TARGET,
        ),
    ]


def allocation_list(count: int, corpus: Path = CORPUS) -> bytes:
    """A ``GET /v1/job/:id/allocations`` body of ``count`` stubs: the corpus stub with new IDs.

    IDs, names and indexes differ per stub, as in a real list, so no parser can share their strings.
    The text is compact, as Nomad sends it.
    """
    [stub] = json.loads((corpus / ALLOCATION_STUB).read_bytes())
    ids = random.Random(2024)
    stubs = []
    for index in range(count):
        item = copy.deepcopy(stub)
        item["ID"] = str(uuid.UUID(int=ids.getrandbits(128), version=4))
        item["EvalID"] = str(uuid.UUID(int=ids.getrandbits(128), version=4))
        item["NodeID"] = str(uuid.UUID(int=ids.getrandbits(128), version=4))
        item["Name"] = f"example.cache[{index}]"
        item["CreateIndex"] = 1000 + index
        item["ModifyIndex"] = 2000 + index
        stubs.append(item)
    return json.dumps(stubs, separators=(",", ":")).encode()


def allocations_figure(count: int = 10_000, budget: Budget = FULL) -> Figure:
    """The client's list parser on ``count`` allocation stubs vs ``json.loads``."""
    body = allocation_list(count)
    ours = lambda: parse_list(response_of(body), AllocListStub)  # noqa: E731
    baseline = lambda: json.loads(body)  # noqa: E731
    result = compare(ours, baseline, budget)
    return Figure(
        f"parse {count} allocations into list[AllocListStub]",
        result.ratio,
        f"{len(body) // 1024} KiB: {milliseconds(result.ours)} vs {milliseconds(result.baseline)}",
        ALLOCATIONS_TARGET,
    )
