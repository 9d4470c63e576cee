"""Every NomadError survives pickling whole, so it can cross a process boundary."""

from __future__ import annotations

import multiprocessing
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from pydantic import ValidationError

from nomad_typed._exceptions import (
    BadRequestError,
    ConflictError,
    InvalidParameterError,
    JobModifyIndexConflictError,
    JobValidationError,
    NomadConfigError,
    NomadConnectionError,
    NomadError,
    NomadHTTPError,
    NomadTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseValidationError,
    ServerError,
    UnauthorizedError,
    UnexpectedResponseError,
    error_for_status,
)
from nomad_typed.models import Job
from nomad_typed.validation import validate_job

URL = "http://127.0.0.1:4646/v1/job/web"


def _validation_error() -> ValidationError:
    try:
        Job.from_wire({"ID": 5})
    except ValidationError as err:
        return err
    raise AssertionError("the job was expected to be invalid")


#: One instance of every class of the tree, built with the arguments its constructor takes.
EXAMPLES: dict[type[NomadError], Callable[[], NomadError]] = {
    NomadError: lambda: NomadError("something failed"),
    NomadConfigError: lambda: NomadConfigError("token holds a control character"),
    InvalidParameterError: lambda: InvalidParameterError("jobs.list: per_page must be an integer"),
    JobValidationError: lambda: JobValidationError("web", validate_job({"ID": "web", "TaskGroups": []})),
    NomadConnectionError: lambda: NomadConnectionError("GET url: cannot reach Nomad"),
    NomadTimeoutError: lambda: NomadTimeoutError("GET url: timed out", phase="connect"),
    NomadHTTPError: lambda: NomadHTTPError(418, "GET", URL, "I'm a teapot"),
    BadRequestError: lambda: BadRequestError(400, "POST", URL, "job ID does not match"),
    UnauthorizedError: lambda: UnauthorizedError(401, "GET", URL, "Unauthorized"),
    PermissionDeniedError: lambda: PermissionDeniedError(403, "GET", URL, "Permission denied"),
    NotFoundError: lambda: NotFoundError(404, "GET", URL, "job not found"),
    ConflictError: lambda: ConflictError(409, "PUT", URL, "conflict"),
    RateLimitedError: lambda: RateLimitedError(429, "GET", URL, "slow down", retry_after=2.5),
    ServerError: lambda: ServerError(500, "POST", URL, "1 error occurred"),
    JobModifyIndexConflictError: lambda: JobModifyIndexConflictError(
        500, "POST", URL, "Enforcing job modify index 3"
    ),
    UnexpectedResponseError: lambda: UnexpectedResponseError(
        301, "GET", URL, "<html/>", message="GET: redirect"
    ),
    ResponseValidationError: lambda: ResponseValidationError(
        "GET", URL, '{"ID": 5}', _validation_error(), "Job", details="ID: Input should be a valid string"
    ),
}


def _tree(root: type[NomadError]) -> Iterator[type[NomadError]]:
    yield root
    for subclass in root.__subclasses__():
        yield from _tree(subclass)


def _state(error: NomadError) -> dict[str, object]:
    """Everything an error holds; a pydantic error by its title and its list of errors."""
    return {
        name: (value.title, value.errors()) if isinstance(value, ValidationError) else value
        for name, value in vars(error).items()
    }


def test_the_examples_cover_the_whole_tree() -> None:
    assert set(EXAMPLES) == set(_tree(NomadError))


CLASSES = sorted(EXAMPLES, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", CLASSES, ids=[cls.__name__ for cls in CLASSES])
@pytest.mark.parametrize("protocol", [2, pickle.HIGHEST_PROTOCOL])
def test_every_error_pickles_with_all_its_attributes(cls: type[NomadError], protocol: int) -> None:
    error = EXAMPLES[cls]()
    # What a caller attaches travels too (as exception notes do on Python 3.11+).
    error.deployment = "web-7"  # type: ignore[attr-defined]
    restored = pickle.loads(pickle.dumps(error, protocol=protocol))
    assert type(restored) is cls
    assert (str(restored), restored.args) == (str(error), error.args)
    assert _state(restored) == _state(error)
    assert restored.deployment == "web-7"  # type: ignore[attr-defined]


def test_errors_built_from_a_status_pickle_too() -> None:
    for status in (301, 400, 401, 403, 404, 409, 418, 429, 500, 503):
        error = error_for_status(status, "GET", URL, "Enforcing job modify index 1" if status == 500 else "x")
        restored = pickle.loads(pickle.dumps(error))
        assert (type(restored), _state(restored)) == (type(error), _state(error))


def _fail_in_worker(job_id: str) -> None:
    raise NotFoundError(404, "GET", f"http://nomad:4646/v1/job/{job_id}", "job not found")


def test_an_error_raised_in_a_worker_process_arrives_whole() -> None:
    # "spawn" starts a fresh interpreter: no fork of a process running threads.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        future = pool.submit(_fail_in_worker, "web")
        with pytest.raises(NotFoundError) as caught:
            future.result(timeout=60)
    error = caught.value
    assert (error.status, error.method, error.url, error.body) == (
        404,
        "GET",
        "http://nomad:4646/v1/job/web",
        "job not found",
    )
    assert str(error) == "GET http://nomad:4646/v1/job/web: HTTP 404: job not found"
