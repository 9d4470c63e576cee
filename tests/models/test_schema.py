"""The committed JSON Schema matches the models and accepts every real job."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from nomad_typed.models._schema import job_json_schema, job_json_schema_text
from tests.conftest import CORPUS, REPO_ROOT
from tests.models.test_jobspec import JOB_FILES

SCHEMA_FILE = REPO_ROOT / "schemas" / "job.schema.json"
VALIDATOR = jsonschema.Draft202012Validator(job_json_schema())


def test_committed_schema_is_what_the_models_generate() -> None:
    # Regenerate with: nomad-typed schema --output schemas/job.schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == job_json_schema_text()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(job_json_schema())


@pytest.mark.parametrize("path", JOB_FILES, ids=lambda path: path.name)
def test_every_corpus_job_is_valid_against_the_schema(path: Path) -> None:
    VALIDATOR.validate(json.loads(path.read_text()))


def test_server_shaped_job_is_valid_against_the_schema() -> None:
    VALIDATOR.validate(json.loads((CORPUS / "responses/job_read/docs-v2.0.x_read-job.json").read_text()))


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"Priority": "50"}, "a string priority"),
        ({"TaskGroups": [{"RestartPolicy": {"Delay": "25s"}}]}, "a duration as a string"),
        ({"Affinities": [{"Weight": 200}]}, "an int8 out of range"),
        ({"Type": "servce"}, "an unknown job type"),
        ({"Job": {"Datacenters": "dc1"}}, "a string where a list belongs, enveloped"),
    ],
)
def test_schema_rejects_what_nomad_rejects(document: dict[str, object], reason: str) -> None:
    assert not VALIDATOR.is_valid(document), reason


def test_schema_describes_every_property() -> None:
    definitions = json.loads(job_json_schema_text())["$defs"]
    missing = [
        f"{name}.{key}"
        for name, definition in definitions.items()
        for key, prop in definition.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert missing == []
    delay = definitions["RestartPolicy"]["properties"]["Delay"]
    assert delay["anyOf"] == [
        {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1},
        {"type": "null"},
    ]
