"""Hostile input: only the documented errors come out, quickly and in bounded memory."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import math
import os
import re
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

import pytest
import requests
import responses
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import ValidationError

from nomad_typed._client import NomadClient
from nomad_typed._exceptions import (
    InvalidParameterError,
    NomadError,
    RateLimitedError,
    ResponseValidationError,
    UnexpectedResponseError,
)
from nomad_typed._transport import RetryPolicy
from nomad_typed.cli import main
from nomad_typed.models import Job, NomadModel, responses as responses_models
from nomad_typed.models._base import MAX_NESTING
from tests.support.jobs import minimal_job
from tests.support.nomad_server import CORPUS, NomadServer


def nested_lists(levels: int) -> object:
    """``[[[…]]]`` with ``levels`` arrays, built without recursion."""
    value: list[object] = []
    for _ in range(levels - 1):
        value = [value]
    return value


NESTED_TOO_DEEP = f"arrays and objects nested more than {MAX_NESTING} levels deep"


@pytest.mark.parametrize("levels", [MAX_NESTING + 1, 1_000, 100_000])
@pytest.mark.parametrize(
    ("place", "expected"),
    [
        pytest.param(
            lambda deep: {"ID": "x", "Extra": deep},
            ("json_nesting", ("Extra",), NESTED_TOO_DEEP),
            id="unknown key",
        ),
        pytest.param(
            lambda deep: {"TaskGroups": [{"Tasks": [{"Config": {"a": deep}}]}]},
            ("json_nesting", ("TaskGroups", 0, "Tasks", 0, "Config"), NESTED_TOO_DEEP),
            id="Config",
        ),
        pytest.param(
            lambda deep: {"Meta": deep},
            ("dict_type", ("Meta",), "Input should be a valid dictionary"),
            id="Meta",
        ),
        pytest.param(
            lambda deep: deep,
            ("model_type", (), "Input should be a valid dictionary or instance of Job"),
            id="document",
        ),
    ],
)
def test_deep_python_document_is_a_validation_error(
    levels: int, place: Callable[[object], object], expected: tuple[str, tuple[str | int, ...], str]
) -> None:
    document = place(nested_lists(levels))
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(document)  # type: ignore[arg-type]  # any JSON value may arrive
    assert [(e["type"], e["loc"], e["msg"]) for e in caught.value.errors()] == [expected]


def test_deepest_accepted_free_form_value_can_be_sent_again() -> None:
    # Config is the first level of the value; the lists fill the other MAX_NESTING - 1.
    document = {"TaskGroups": [{"Tasks": [{"Config": {"a": nested_lists(MAX_NESTING - 1)}}]}]}
    job = Job.from_wire(document)
    assert json.loads(job.to_json()) == document
    assert job.to_dict() == document
    with pytest.raises(ValidationError) as caught:
        Job.from_wire({"TaskGroups": [{"Tasks": [{"Config": {"a": nested_lists(MAX_NESTING)}}]}]})
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [
        ("json_nesting", ("TaskGroups", 0, "Tasks", 0, "Config"))
    ]


@pytest.mark.parametrize(("literal", "kind"), [("NaN", "nan"), ("Infinity", "inf"), ("-Infinity", "-inf")])
def test_non_finite_literals_are_rejected_even_in_unknown_keys(literal: str, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(f'{{"ID": "x", "Extra": {literal}}}')
    assert [(e["type"], e["loc"], e["msg"]) for e in caught.value.errors()] == [
        ("json_value", ("Extra",), f"{kind} is not a JSON value")
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'{"ID": "\\ud800"}', "unexpected end of hex escape at line 1 column 15"),
        ('{"ID": "x\\uDFFFy"}', "lone leading surrogate in hex escape at line 1 column 15"),
        (
            '{"ID": "\udc80"}',
            "'utf-8' codec can't encode character '\\udc80' in position 8: surrogates not allowed",
        ),
        (b'{"ID": "\xed\xa0\x80"}', "invalid unicode code point at line 1 column 9"),
    ],
)
def test_lone_surrogates_in_json_text_are_invalid_json(text: str | bytes, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(text)
    assert [(e["type"], e["msg"]) for e in caught.value.errors()] == [
        ("json_invalid", f"Invalid JSON: {message}")
    ]


def test_surrogate_pairs_and_escaped_backslashes_stay_valid() -> None:
    job = Job.from_wire(b'{"ID": "\\ud83d\\ude00", "Name": "\\\\ud800"}')
    assert (job.id, job.name) == ("\U0001f600", "\\ud800")
    assert Job.from_wire(job.to_json()) == job


def _built_too_deep() -> Job:
    job = Job(id="example")
    # Validation rejects such a value; only a change behind its back can put one there.
    job.__pydantic_extra__["Extra"] = nested_lists(MAX_NESTING + 100)  # type: ignore[assignment]  # lists
    return job


@pytest.mark.parametrize(
    "job",
    [
        pytest.param({"ID": "example", "Name": "web\ud800"}, id="lone surrogate"),
        pytest.param(_built_too_deep(), id="built too deep"),
    ],
)
def test_a_body_that_cannot_be_json_is_refused_before_sending(job: Job | dict[str, object]) -> None:
    with NomadServer() as server, NomadClient(server.address) as client:
        with pytest.raises(InvalidParameterError) as caught:
            # With local validation on, these never reach the transport; the subject here is the
            # transport's own guard, all that stands between such a job and the wire with validate=False.
            client.jobs.register(job, validate=False)
        assert server.seen() == []
    assert str(caught.value).startswith("POST /v1/jobs: the request body cannot be written as JSON: ")


JOB_BODY = b'{"ID": "example", "Name": "example", "JobModifyIndex": 7}'


@pytest.mark.parametrize(
    ("value", "index", "contact"),
    [
        ("9" * 30, 0, timedelta(0)),
        (str(2**64 - 1), 2**64 - 1, timedelta(0)),
        ("²", 0, timedelta(0)),
        ("1500", 1500, timedelta(seconds=1.5)),
    ],
)
def test_garbled_metadata_headers_read_as_zero(value: str, index: int, contact: timedelta) -> None:
    with responses.RequestsMock() as mock, NomadClient("http://nomad.test:4646") as client:
        headers = {"X-Nomad-Index": value, "X-Nomad-LastContact": value}
        mock.get("http://nomad.test:4646/v1/job/example", body=JOB_BODY, headers=headers)
        meta = client.jobs.with_meta.get("example").meta
    assert (meta.last_index, meta.last_contact) == (index, contact)


@pytest.mark.parametrize(("value", "seconds"), [("²", None), ("1" * 400, math.inf), ("7", 7.0)])
def test_retry_after_takes_ascii_digits_only(value: str, seconds: float | None) -> None:
    single = RetryPolicy(max_attempts=1)
    with responses.RequestsMock() as mock, NomadClient("http://nomad.test:4646", retry=single) as client:
        mock.post(
            "http://nomad.test:4646/v1/jobs", status=429, body="slow down", headers={"Retry-After": value}
        )
        with pytest.raises(RateLimitedError) as caught:
            client.jobs.register(minimal_job("example"))
    assert caught.value.retry_after == seconds


# --- Fuzzing -----------------------------------------------------------------------------------
#
# A few hundred examples in all by default; NOMAD_TYPED_FUZZ_EXAMPLES=N runs N per target.

FUZZ_EXAMPLES = int(os.environ.get("NOMAD_TYPED_FUZZ_EXAMPLES") or 0)
Test = TypeVar("Test", bound=Callable[..., None])


def fuzz(default: int) -> Callable[[Test], Test]:
    """Settings of one fuzz target: its example count, and a deadline so that a hang fails.

    A long run takes minutes per target: the per-example deadline then guards against hangs
    instead of the suite's per-test timeout.
    """

    def apply(test: Test) -> Test:
        configured = settings(
            max_examples=FUZZ_EXAMPLES or default,
            deadline=timedelta(seconds=3),
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )(test)
        return pytest.mark.timeout(0)(configured) if FUZZ_EXAMPLES else configured

    return apply


def _model_classes() -> list[type[NomadModel]]:
    found: list[type[NomadModel]] = []
    pending: list[type[NomadModel]] = [NomadModel]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in found:
                found.append(subclass)
                pending.append(subclass)
    return found


RESPONSE_MODELS = sorted(
    {
        model
        for model in (getattr(responses_models, name) for name in responses_models.__all__)
        if isinstance(model, type) and issubclass(model, NomadModel)
    },
    key=lambda model: model.__name__,
)
#: Every key some model reads, so that random objects reach deep into the models.
WIRE_KEYS = sorted(
    {field.alias or name for model in _model_classes() for name, field in model.model_fields.items()}
)
JOB_DOCUMENTS = [
    json.loads(path.read_bytes())
    for path in sorted([*CORPUS.glob("jobs/*.json"), CORPUS / "responses/job_read/docs-v2.0.x_read-job.json"])
]

SURROGATES = st.sampled_from(["\ud800", "x\udfff", "\udc80\ud83d"])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([10**400, -(10**400), 2**64, 2**64 - 1, 2**63, -(2**63) - 1, 2**53 + 1])
    | st.floats()
    | st.text(max_size=20)
    | SURROGATES
)
KEYS = st.sampled_from(WIRE_KEYS) | st.text(max_size=12)
VALUES: st.SearchStrategy[object] = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=30,
)


def _slots(document: object) -> list[tuple[dict[str, object] | list[object], str | int]]:
    """Every place in a document a value sits in, to replace it."""
    slots: list[tuple[dict[str, object] | list[object], str | int]] = []
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            slots.extend((value, key) for key in value)
            pending.extend(value.values())
        elif isinstance(value, list):
            slots.extend((value, index) for index in range(len(value)))
            pending.extend(value)
    return slots


@st.composite
def mutated_jobs(draw: st.DrawFn) -> object:
    """A real job with a few values anywhere in it replaced by arbitrary JSON."""
    document = copy.deepcopy(draw(st.sampled_from(JOB_DOCUMENTS)))
    for _ in range(draw(st.integers(1, 4))):
        slots = _slots(document)
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        container[key] = draw(VALUES)  # type: ignore[index]
    return document


DOCUMENTS = mutated_jobs() | st.dictionaries(KEYS, VALUES, max_size=8) | VALUES


@st.composite
def wire_bytes(draw: st.DrawFn, documents: st.SearchStrategy[object] = DOCUMENTS) -> bytes:
    """JSON text (NaN/Infinity literals, escaped or raw surrogates included), sometimes mangled."""
    text = json.dumps(draw(documents), ensure_ascii=draw(st.booleans()))
    data = text.encode("utf-8", "surrogatepass")
    cut = draw(st.integers(0, len(data)))
    mangling = draw(st.sampled_from(["none", "truncate", "insert", "overwrite"]))
    if mangling == "truncate":
        return data[:cut]
    if mangling == "insert":
        return data[:cut] + draw(st.binary(min_size=1, max_size=8)) + data[cut:]
    if mangling == "overwrite":
        patch = draw(st.binary(min_size=1, max_size=8))
        return data[:cut] + patch + data[cut + len(patch) :]
    return data


WIRE_INPUT = wire_bytes() | wire_bytes().map(lambda data: data.decode("utf-8", "surrogateescape")) | DOCUMENTS


@fuzz(120)
@given(data=WIRE_INPUT)
def test_fuzz_job_from_wire(data: bytes | str | object) -> None:
    try:
        job = Job.from_wire(data)  # type: ignore[arg-type]
    except ValidationError:
        return
    assert isinstance(job.unknown_fields(), list)
    assert repr(job).startswith("Job(")
    if isinstance(data, (bytes, str)):
        # Whatever JSON text gives can be written back (a Python dict may hold lone surrogates).
        assert Job.from_wire(job.to_json()).to_dict() == job.to_dict()


@fuzz(120)
@given(model=st.sampled_from(RESPONSE_MODELS), data=WIRE_INPUT)
def test_fuzz_response_models(model: type[NomadModel], data: bytes | str | object) -> None:
    try:
        if isinstance(data, (bytes, str)):
            model.model_validate_json(data)
        else:
            model.from_wire(data)  # type: ignore[arg-type]
    except ValidationError:
        return


ADDRESS = "http://nomad.test:4646"
NO_WAIT = RetryPolicy(backoff_base=0.0, backoff_max=0.0, max_retry_after=0.0)
CALLS: dict[str, Callable[[NomadClient], object]] = {
    "jobs.get": lambda client: client.jobs.get("example"),
    "jobs.list": lambda client: client.jobs.list(),
    "jobs.iter_list": lambda client: list(client.jobs.iter_list(per_page=1)),
    "jobs.versions": lambda client: client.jobs.versions("example"),
    "jobs.summary": lambda client: client.jobs.summary("example"),
    "jobs.allocations": lambda client: client.jobs.allocations("example"),
    "jobs.register": lambda client: client.jobs.register(minimal_job("example")),
    "jobs.plan": lambda client: client.jobs.plan(minimal_job("example")),
    "allocations.get": lambda client: client.allocations.get("a1"),
    "evaluations.get": lambda client: client.evaluations.get("e1"),
    "deployments.get": lambda client: client.deployments.get("d1"),
    "with_meta.get": lambda client: client.jobs.with_meta.get("example").meta,
}
HEADER_TEXT = st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=24
)
HEADERS = st.dictionaries(
    st.sampled_from(
        ["X-Nomad-Index", "X-Nomad-LastContact", "X-Nomad-KnownLeader", "X-Nomad-NextToken", "Retry-After"]
    ),
    HEADER_TEXT | st.integers(0, 10**30).map(str),
)
STATUSES = st.sampled_from([200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 429, 500, 503, 599])


@fuzz(120)
@given(
    call=st.sampled_from(sorted(CALLS)),
    status=STATUSES,
    headers=HEADERS,
    body=wire_bytes() | st.binary(max_size=64),
)
def test_fuzz_client_parsing(call: str, status: int, headers: dict[str, str], body: bytes) -> None:
    def answer(request: requests.PreparedRequest) -> tuple[int, dict[str, str], bytes]:
        return status, headers, body

    mock = responses.RequestsMock(assert_all_requests_are_fired=False)
    with mock, NomadClient(ADDRESS, retry=NO_WAIT) as client, contextlib.suppress(NomadError):
        for method in ("GET", "POST", "PUT", "DELETE"):
            mock.add_callback(method, re.compile(re.escape(ADDRESS) + "/.*"), callback=answer)
        CALLS[call](client)


CLI_DOCUMENTS = mutated_jobs() | st.dictionaries(KEYS, VALUES, max_size=8) | VALUES


@fuzz(60)
@given(
    data=wire_bytes(CLI_DOCUMENTS.filter(lambda document: not _has_surrogate(document)))
    | st.binary(max_size=64),
    output=st.sampled_from(["text", "json", "github"]),
)
def test_fuzz_cli(data: bytes, output: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "job.json"
        path.write_bytes(data)
        code, stdout, stderr = run_cli("validate", "--format", output, str(path))
    assert code in (0, 1, 2)
    assert stderr == ""
    assert stdout.endswith("\n")


def _has_surrogate(document: object) -> bool:
    # The CLI quotes input in its messages; UTF-8 output has no way to carry a lone surrogate.
    return "\\ud8" in json.dumps(document).lower() or any(
        0xD800 <= ord(character) <= 0xDFFF for character in json.dumps(document, ensure_ascii=False)
    )


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``nomad-typed argv…`` (UTF-8, strict, like a pipe)."""
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(list(argv))
    stdout.seek(0)
    stderr.seek(0)
    return code, stdout.read(), stderr.read()


# --- Big and extreme inputs: right error, bounded time, bounded memory -------------------------

MANY_KEYS = 100_000
BIG_INPUTS = {
    "100000 levels of [": b"[" * 100_000,
    "10 MB string": b'{"ID": "' + b"a" * 10_000_000 + b'"}',
    "100000 keys": b"{" + b",".join(b'"k%d": %d' % (i, i) for i in range(MANY_KEYS)) + b"}",
    "10**400 and 2**64": b'{"ID": "x", "Priority": 1'
    + b"0" * 400
    + b', "CreateIndex": 18446744073709551616}',
    "NaN and Infinity": b'{"ID": "x", "Priority": NaN, "Meta": {"a": Infinity}}',
    "invalid UTF-8": b'{"ID": "\xff\xfe"}',
}
SECONDS = 5.0
"""No input may keep a parser busy longer than this (they take well under a second)."""


def _measure(call: Callable[[], object]) -> tuple[object, float]:
    """What ``call`` returned or raised, and the peak memory it allocated (bytes) while running."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome: object = call()
    except Exception as err:
        outcome = err
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.monotonic() - started < SECONDS
    return outcome, peak


def _within_memory(data: bytes, peak: float) -> bool:
    return peak < 16 * len(data) + 8_000_000


def _error_types(outcome: object) -> list[tuple[str, tuple[str | int, ...]]]:
    assert isinstance(outcome, ValidationError), outcome
    return [(error["type"], error["loc"]) for error in outcome.errors()]


INVALID_JSON = [("json_invalid", ())]
TOO_BIG = [("less_than_equal", ("Priority",)), ("less_than_equal", ("CreateIndex",))]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("100000 levels of [", INVALID_JSON),
        ("10 MB string", []),
        ("100000 keys", []),
        ("10**400 and 2**64", TOO_BIG),
        ("NaN and Infinity", [("int_type", ("Priority",)), ("string_type", ("Meta", "a"))]),
        ("invalid UTF-8", INVALID_JSON),
    ],
)
def test_big_input_job_from_wire(name: str, expected: list[tuple[str, tuple[str | int, ...]]]) -> None:
    data = BIG_INPUTS[name]
    outcome, peak = _measure(lambda: Job.from_wire(data))
    assert _within_memory(data, peak)
    if expected:
        assert _error_types(outcome) == expected
        return
    assert isinstance(outcome, Job)
    assert (len(outcome.id or ""), len(outcome.unknown_fields())) in [(10_000_000, 0), (0, MANY_KEYS)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("100000 levels of [", INVALID_JSON),
        ("10 MB string", []),
        ("100000 keys", []),
        ("10**400 and 2**64", TOO_BIG),
        ("NaN and Infinity", [("int_type", ("Priority",)), ("string_type", ("Meta", "a"))]),
        ("invalid UTF-8", INVALID_JSON),
    ],
)
def test_big_input_response_model(name: str, expected: list[tuple[str, tuple[str | int, ...]]]) -> None:
    data = BIG_INPUTS[name]
    outcome, peak = _measure(lambda: responses_models.JobListStub.model_validate_json(data))
    assert _within_memory(data, peak)
    if expected:
        assert _error_types(outcome) == expected
        return
    assert isinstance(outcome, responses_models.JobListStub)
    assert (len(outcome.id or ""), len(outcome.model_extra or {})) in [(10_000_000, 0), (0, MANY_KEYS)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("100000 levels of [", UnexpectedResponseError),
        ("10 MB string", Job),
        ("100000 keys", Job),
        ("10**400 and 2**64", ResponseValidationError),
        ("NaN and Infinity", ResponseValidationError),
        ("invalid UTF-8", UnexpectedResponseError),
    ],
)
def test_big_input_client_get(name: str, expected: type[object]) -> None:
    data = BIG_INPUTS[name]

    def get() -> Job:
        with responses.RequestsMock() as mock, NomadClient(ADDRESS) as client:
            mock.get(f"{ADDRESS}/v1/job/example", body=data)
            return client.jobs.get("example")

    outcome, peak = _measure(get)
    assert type(outcome) is expected
    assert _within_memory(data, peak)
    if isinstance(outcome, NomadError):
        assert str(outcome).startswith(f"GET {ADDRESS}/v1/job/example: ")


@pytest.mark.parametrize(
    ("name", "code", "report"),
    [
        ("100000 levels of [", 2, "error: not valid JSON: arrays or objects nested too deeply"),
        ("10 MB string", 1, "error: Missing job task groups [V031]"),
        ("2000 keys", 1, "1 file checked: 0 valid, 1 invalid (2003 errors, 0 warnings)"),
        ("10**400 and 2**64", 1, "error: Priority: must be between -9223372036854775808 and"),
        ("NaN and Infinity", 1, 'error: Meta["a"]: expected a string, got Infinity [structure]'),
        ("invalid UTF-8", 2, "error: not UTF-8 text"),
    ],
)
def test_big_input_cli(name: str, code: int, report: str, tmp_path: Path) -> None:
    # The CLI suggests a known key for every unknown one, which costs ~0.5 ms a key: fewer here.
    data = BIG_INPUTS.get(name) or b"{" + b",".join(b'"k%d": %d' % (i, i) for i in range(2000)) + b"}"
    path = tmp_path / "job.json"
    path.write_bytes(data)
    outcome, peak = _measure(lambda: run_cli("validate", str(path)))
    assert isinstance(outcome, tuple)
    assert (outcome[0], outcome[2]) == (code, "")
    assert report in outcome[1]
    assert _within_memory(data, peak)
