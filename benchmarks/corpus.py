"""The real JSON the parse and dump figures run on, each document with the way nomad_typed reads it."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from nomad_typed._transport import QueryMeta, Response, parse_list, parse_model
from nomad_typed.models import Job, NomadModel
from tests.models.test_responses import CASES

__all__ = ["CORPUS", "Document", "job_documents", "response_documents", "response_of"]

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
#: A jobspec in HCL's JSON syntax: Job rejects it by design, so there is nothing to parse.
HCL_JSON = "Juravenator_DUNE-RC-RC_raw_exec_example_job.nomad.json"

Parser = Callable[[bytes], Sequence[NomadModel]]


@dataclass(frozen=True)
class Document:
    """One corpus file (named by its path in the corpus): its bytes and the parse users get for it."""

    name: str
    body: bytes
    parse: Parser

    def models(self) -> Sequence[NomadModel]:
        return self.parse(self.body)


def response_of(body: bytes) -> Response:
    """A 200 answer carrying ``body``, as the transport hands it to the parsers."""
    return Response("GET", "http://127.0.0.1:4646/v1/benchmark", 200, body, QueryMeta())


def _job_file(body: bytes) -> Sequence[NomadModel]:
    # A file may hold the bare job or the {"Job": …} envelope; from_wire reads both.
    return [Job.from_wire(body)]


def _client_object(model: type[NomadModel]) -> Parser:
    return lambda body: [parse_model(response_of(body), model)]


def _client_list(model: type[NomadModel]) -> Parser:
    return lambda body: parse_list(response_of(body), model)


def _is_envelope(body: bytes) -> bool:
    document = json.loads(body)
    return isinstance(document, dict) and isinstance(document.get("Job"), dict)


def job_documents(corpus: Path = CORPUS) -> list[Document]:
    """Every API-JSON job of the corpus, read with ``Job.from_wire``."""
    paths = sorted([*corpus.glob("jobs/*.json"), *corpus.glob("wild/jobs/*.json")])
    return [
        Document(str(path.relative_to(corpus)), path.read_bytes(), _job_file)
        for path in paths
        if path.name != HCL_JSON
    ]


def response_documents(corpus: Path = CORPUS) -> list[Document]:
    """Every response body of the corpus, read the way the client reads its answer.

    Saved ``nomad job inspect`` output keeps the ``{"Job": …}`` envelope, which no endpoint
    sends; such files go through ``Job.from_wire`` like any job file.
    """
    documents = []
    for case in CASES:
        body = (corpus / case.file).read_bytes()
        parse: Parser
        if case.model is Job and _is_envelope(body):
            parse = _job_file
        elif case.many:
            parse = _client_list(case.model)
        else:
            parse = _client_object(case.model)
        documents.append(Document(case.file, body, parse))
    return documents
