"""Arguments are checked before anything is sent: wrong types and out-of-range values raise."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest
import responses

from nomad_typed import compat
from nomad_typed._client import NomadClient
from nomad_typed._exceptions import InvalidParameterError

from .conftest import BASE

DISPATCHED = (
    b'{"DispatchedJobID": "batch/dispatch-1", "EvalID": "", "EvalCreateIndex": 0, "JobCreateIndex": 5}'
)

# ---- dispatch payloads ---------------------------------------------------------------------

PAYLOAD_SENDERS: dict[str, Callable[[NomadClient, object], object]] = {
    "dispatch": lambda client, payload: client.jobs.dispatch("batch", payload),  # type: ignore[arg-type]
    "dispatch_payload": lambda client, payload: client.jobs.dispatch_payload("batch", payload),  # type: ignore[arg-type]
    "compat dispatch_job": lambda client, payload: compat.Nomad(
        address="http://nomad.test:4646"
    ).job.dispatch_job("batch", payload),  # type: ignore[arg-type]
}


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        (5, "int"),
        (10**6, "int"),
        ([1, 2], "list"),
        ((1, 2), "tuple"),
        (1.5, "float"),
        (True, "bool"),
        ({"a": 1}, "dict"),
        (iter([b"a"]), "list_iterator"),
    ],
)
@pytest.mark.parametrize("sender", sorted(PAYLOAD_SENDERS))
def test_a_payload_that_is_not_bytes_or_text_is_refused(
    sender: str, payload: object, kind: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(TypeError) as caught:
        PAYLOAD_SENDERS[sender](client, payload)
    assert str(caught.value) == f"payload must be bytes, bytearray, memoryview or str, got {kind}"
    assert len(mocked.calls) == 0


@pytest.mark.parametrize("sender", sorted(PAYLOAD_SENDERS))
def test_payload_text_that_utf_8_cannot_encode_is_refused(
    sender: str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        PAYLOAD_SENDERS[sender](client, "ok\ud800")
    assert str(caught.value) == "payload: text with a lone surrogate (character 3) cannot be sent as UTF-8"
    assert len(mocked.calls) == 0


@pytest.mark.parametrize(
    "payload",
    [b"\x00\x01raw", bytearray(b"\x00\x01raw"), memoryview(b"\x00\x01raw"), "\x00\x01raw"],
    ids=["bytes", "bytearray", "memoryview", "str"],
)
def test_bytes_like_and_text_payloads_are_sent_as_given(
    payload: bytes | bytearray | memoryview | str, client: NomadClient, mocked: responses.RequestsMock
) -> None:
    mocked.add("POST", BASE + "job/batch/dispatch", body=DISPATCHED)
    mocked.add("POST", BASE + "job/batch/dispatch/payload", body=DISPATCHED)
    client.jobs.dispatch("batch", payload)
    client.jobs.dispatch_payload("batch", payload)
    first, second = (call.request for call in mocked.calls)
    assert json.loads(first.body or b"") == {
        "JobID": "batch",
        "Payload": base64.b64encode(b"\x00\x01raw").decode(),
    }
    assert second.body == b"\x00\x01raw"
    assert second.headers["Content-Type"] == "application/octet-stream"
