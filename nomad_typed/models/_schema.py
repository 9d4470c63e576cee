"""JSON Schema of the job specification, generated from the models.

The schema describes what Nomad's HTTP API reads: wire keys, integer nanosecond durations,
Go's integer bounds. It accepts a bare job or the ``{"Job": {...}}`` envelope that
``nomad job run -output`` prints, and, like Nomad, allows keys it does not know.
"""

from __future__ import annotations

import json
from typing import cast

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema

from ._types import JSONObject
from .job import Job

__all__ = ["job_json_schema", "job_json_schema_text"]


class _WireSchema(GenerateJsonSchema):
    """Property titles and ``default: null`` are noise here: every field is optional and Nomad
    fills its own defaults, which each description states."""

    def field_title_should_be_set(self, schema: CoreSchema) -> bool:
        return False

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        generated = super().generate(schema, mode)
        for definition in [generated, *generated.get("$defs", {}).values()]:
            for prop in definition.get("properties", {}).values():
                if prop.get("default", ...) is None:
                    del prop["default"]
        return generated


def job_json_schema() -> JSONObject:
    """The JSON Schema (draft 2020-12) of a Nomad job document."""
    job = Job.model_json_schema(by_alias=True, ref_template="#/$defs/{model}", schema_generator=_WireSchema)
    definitions = job.pop("$defs")
    definitions["Job"] = job
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Nomad job",
        "description": (
            'A job as Nomad\'s HTTP API reads it (Nomad 2.0): bare, or wrapped as {"Job": {...}}'
            " like the output of `nomad job run -output`. Durations are integer nanoseconds."
        ),
        # An object whose "Job" is an object is the envelope, anything else a bare job: the
        # same rule Job.from_wire applies.
        "if": {"type": "object", "required": ["Job"], "properties": {"Job": {"type": "object"}}},
        "then": {"properties": {"Job": {"$ref": "#/$defs/Job"}}},
        "else": {"$ref": "#/$defs/Job"},
        "$defs": dict(sorted(definitions.items())),
    }
    return cast("JSONObject", schema)


def job_json_schema_text() -> str:
    """The schema as the committed ``schemas/job.schema.json`` holds it (stable key order)."""
    return json.dumps(job_json_schema(), indent=2, ensure_ascii=False) + "\n"
