"""Job-spec models: completeness against Nomad 2.0's api structs, lossless round trips of real jobs."""

from __future__ import annotations

import ast
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import ValidationError

import nomad_typed
from nomad_typed import models
from nomad_typed.models import (
    Affinity,
    Check,
    Job,
    NomadModel,
    ParameterizedJob,
    ParameterizedJobConfig,
    RestartPolicy,
    ServiceCheck,
    Task,
    TaskArtifact,
    TaskGroup,
    format_duration,
    parse_duration,
)
from tests.conftest import CORPUS, REPO_ROOT, SHARED
from tests.models.strategies import JSON_VALUES, model_strategy

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HCL_JSON = "Juravenator_DUNE-RC-RC_raw_exec_example_job.nomad.json"
JOB_FILES = sorted(
    path for path in [*CORPUS.glob("jobs/*.json"), *CORPUS.glob("wild/jobs/*.json")] if path.name != HCL_JSON
)
# Keys Nomad 2.0 no longer has, exactly as they appear in the older documents of the corpus.
LEGACY_KEYS = {
    "nomad-v1.7.0_command-testdata_example-short.json": ["ConsulToken", "VaultToken"],
    "nomad-v2.0.6_command-testdata_example-short-bad.json": [
        "VaultToken",
        "TaskGroups[0].Disconnect.StopAfterClient",
    ],
    "nomad-v2.0.6_command-testdata_example-short.json": ["VaultToken"],
    "angrycub_nomad_example_jobs_fabio_fabio_docker.json": [
        "TaskGroups[0].Tasks[0].Services[0].Checks[0].Port",
        "TaskGroups[0].Tasks[0].Services[1].Checks[0].Port",
    ],
    "angrycub_nomad_example_jobs_json-jobs_job.json": ["ConsulToken", "VaultToken"],
    "angrycub_nomad_example_jobs_qemu_job.json": ["ConsulToken", "VaultToken"],
    "clarkbains_vagrant-libvert-nomad-ansible_waypoint-runner.json": ["ConsulToken", "VaultToken"],
    "hashicorp_levant_helper-test-fixtures_demojob.json": [
        "ConsulToken",
        "VaultToken",
        "TaskGroups[0].Services[0].Id",
        "TaskGroups[0].Services[0].Checks[0].Id",
    ],
    "hashicorp_nomad-ruby_spec-support-jobs_job.json": [
        "VaultToken",
        "TaskGroups[0].Tasks[0].Services[0].Id",
        "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id",
        "TaskGroups[0].Tasks[0].Services[0].Checks[1].Id",
        "TaskGroups[0].Tasks[0].Services[1].Id",
    ],
    "jrxFive_python-nomad_example-2017.json": [
        "VaultToken",
        "TaskGroups[0].Tasks[0].Services[0].Id",
        "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id",
    ],
    "jrxFive_python-nomad_vault.json": ["VaultToken"],
    "mxab_nacp_hashitalk-demo3-ref-after.nomad.json": ["ConsulToken", "VaultToken"],
    "sabbene_nomad-jobs_netdata.nomad.json": [
        "VaultToken",
        "TaskGroups[0].Tasks[0].Services[0].Id",
        "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id",
    ],
}


def _load(path: Path) -> dict[str, object]:
    return cast("dict[str, object]", json.loads(path.read_text()))


def _inner_job(document: dict[str, object]) -> dict[str, object]:
    inner = document.get("Job")
    return cast("dict[str, object]", inner) if isinstance(inner, dict) else document


# -- completeness ------------------------------------------------------------------------------


REFERENCE = json.loads((FIXTURES / "jobspec_fields.json").read_text())["structs"]


def _schema_kind(prop: dict[str, object]) -> str:
    """The JSON type a field accepts besides null: string, boolean, integer, array, object, ref."""
    options = cast("list[dict[str, object]]", prop.get("anyOf", [prop]))
    kinds = {
        "ref" if "$ref" in option else ("string" if "enum" in option else cast("str", option["type"]))
        for option in options
        if option.get("type") != "null"
    }
    assert len(kinds) == 1, prop
    return kinds.pop()


def _expected_kind(go_type: str) -> str:
    bare = go_type.lstrip("*")
    if bare.startswith("[]") and bare != "[]byte":
        return "array"
    if bare.startswith("map["):
        return "object"
    if bare in {"string", "[]byte", "ReconcileOption", "CSIPluginType"}:
        return "string"
    if bare == "bool":
        return "boolean"
    if bare in {"int", "int8", "int64", "uint8", "uint16", "uint32", "uint64", "time.Duration"}:
        return "integer"
    return "ref"


GO_BOUNDS = {
    "int8": (-128, 127),
    "uint8": (0, 255),
    "uint16": (0, 65535),
    "uint32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1),
    "int": (-(2**63), 2**63 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "time.Duration": (-(2**63), 2**63 - 1),
}


def test_every_api_struct_and_field_is_modelled() -> None:
    assert len(REFERENCE) == 73
    assert sum(len(fields) for fields in REFERENCE.values()) == 453
    for struct, fields in REFERENCE.items():
        model = getattr(models, struct)
        assert issubclass(model, NomadModel), struct
        properties = model.model_json_schema(by_alias=True)["properties"]
        for key, go_type in fields.items():
            assert key in properties, f"{struct}.{key}"
            prop = properties[key]
            assert _schema_kind(prop) == _expected_kind(go_type), f"{struct}.{key}: {go_type}"
            bounds = GO_BOUNDS.get(go_type.lstrip("*"))
            if bounds is not None:
                integer = next(o for o in prop["anyOf"] if o.get("type") == "integer")
                assert (integer["minimum"], integer["maximum"]) == bounds, f"{struct}.{key}"
            assert prop["description"], f"{struct}.{key} has no description"


def test_design_card_names_are_the_same_classes() -> None:
    assert Check is ServiceCheck
    assert ParameterizedJob is ParameterizedJobConfig
    assert nomad_typed.Job is Job
    assert nomad_typed.Check is ServiceCheck


# -- round trips of real jobs -------------------------------------------------------------------


@pytest.mark.parametrize("path", JOB_FILES, ids=lambda path: path.name)
def test_corpus_job_round_trips_exactly(path: Path) -> None:
    document = _load(path)
    job = Job.from_wire(document)
    assert job.to_dict() == _inner_job(document)
    if "Job" in document:
        assert {"Job": job.to_dict()} == document
    assert json.loads(job.to_json()) == _inner_job(document)
    assert Job.from_wire(path.read_bytes()) == job
    assert job.unknown_fields() == LEGACY_KEYS.get(path.name, [])


def test_corpus_has_the_expected_jobs() -> None:
    assert len(JOB_FILES) == 22


@pytest.mark.parametrize(
    "name",
    [
        "responses/job_read/docs-v2.0.x_read-job.json",
        "responses/job_read/docs-v1.7.x_read-job.json",
        "responses/jobs_parse/docs-v2.0.x_parse-job.json",
        "wild/responses/juditnovak_airflow-provider-nomad_unit-data_nomad_job_info_dead.json",
        "wild/responses/hashicorp_nomad-autoscaler_policy-test-fixtures_full-scaling.json",
    ],
)
def test_server_shaped_jobs_round_trip(name: str) -> None:
    document = _load(CORPUS / name)
    job = Job.from_wire(document)
    assert job.to_dict() == _inner_job(document)


def test_server_shape_fields_are_typed() -> None:
    job = Job.from_wire(_load(CORPUS / "responses/job_read/docs-v2.0.x_read-job.json"))
    assert (job.status, job.status_description, job.parent_id) == ("running", "", "")
    assert (job.create_index, job.modify_index, job.job_modify_index) == (7, 7, 7)
    assert (job.type, job.priority, job.all_at_once, job.namespace) == ("batch", 50, False, "apps")
    assert job.node_pool == "prod"
    task = job.task_groups[0].tasks[1] if job.task_groups and job.task_groups[0].tasks else None
    assert task is not None
    assert task.name == "redis"
    assert task.kill_timeout == 5_000_000_000
    assert task.templates is not None
    assert task.templates[0].change_mode == "signal"
    assert task.templates[0].splay == 5_000_000_000


def test_versions_hold_server_shaped_jobs() -> None:
    document = _load(CORPUS / "responses/job_versions/docs-v2.0.x_list-job-versions_1.json")
    versions = cast("list[dict[str, object]]", document["Versions"])
    for version in versions:
        assert Job.from_wire(version).to_dict() == version


# -- fragments of jobs ---------------------------------------------------------------------------


FRAGMENTS: dict[str, type[NomadModel]] = {
    "docs-v2.0.x_json-jobs_artifacts_1.json": Task,
    "docs-v2.0.x_json-jobs_artifacts_2.json": Task,
    "docs-v2.0.x_json-jobs_artifacts_4.json": Task,
    "docs-v2.0.x_json-jobs_env_1.json": Task,
    "docs-v2.0.x_json-jobs_getteroptions_1.json": TaskArtifact,
    "docs-v2.0.x_json-jobs_logconfig_1.json": Task,
    "docs-v2.0.x_json-jobs_update_1.json": TaskGroup,
}


def test_every_fragment_is_listed() -> None:
    assert sorted(path.name for path in CORPUS.glob("jobs/fragments/*.json")) == sorted(FRAGMENTS)


@pytest.mark.parametrize(("name", "model"), FRAGMENTS.items(), ids=list(FRAGMENTS))
def test_fragment_parses_into_its_struct(name: str, model: type[NomadModel]) -> None:
    document = _load(CORPUS / "jobs/fragments" / name)
    parsed = model.from_wire(document)
    assert parsed.to_dict() == document
    assert parsed.unknown_fields() == []


def test_fragment_values() -> None:
    task = Task.from_wire(_load(CORPUS / "jobs/fragments/docs-v2.0.x_json-jobs_artifacts_1.json"))
    assert task.artifacts is not None
    assert task.artifacts[0].getter_source == "https://example.com/my.zip"
    assert task.artifacts[0].getter_options == {"checksum": "md5:7f4b3e3b4dd5150d4e5aaaa5efada4c3"}
    group = TaskGroup.from_wire(_load(CORPUS / "jobs/fragments/docs-v2.0.x_json-jobs_update_1.json"))
    assert group.update is not None
    assert (group.update.max_parallel, group.update.min_healthy_time, group.update.canary) == (
        3,
        15_000_000_000,
        1,
    )
    logs = Task.from_wire(_load(CORPUS / "jobs/fragments/docs-v2.0.x_json-jobs_logconfig_1.json")).log_config
    assert logs is not None
    assert (logs.max_files, logs.max_file_size_mb, logs.disabled) == (3, 10, False)


def test_hcl_json_syntax_is_rejected_clearly() -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire((CORPUS / "wild/jobs" / HCL_JSON).read_bytes())
    (error,) = caught.value.errors()
    assert error["loc"] == ("job",)
    assert error["type"] == "hcl_json"
    assert "HCL's JSON syntax" in error["msg"]
    assert "nomad job run -output" in error["msg"]


# -- building jobs in Python ---------------------------------------------------------------------


def _seed_register_job() -> dict[str, object]:
    text = (SHARED / "seed/python-nomad-job-endpoints.md").read_text()
    section = text.split("### Create new job", 1)[1]
    code = section.split("```", 2)[1]
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "job":
            return cast("dict[str, object]", ast.literal_eval(node.value))
    raise AssertionError("no job literal in the seed")


def _without_nulls(value: object) -> object:
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def _readme_example(marker: str) -> dict[str, object]:
    readme = (REPO_ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    (code,) = [block for block in blocks if block.startswith(marker)]
    namespace: dict[str, object] = {}
    exec(code, namespace)
    return namespace


def test_readme_builds_the_seed_redis_job() -> None:
    namespace = _readme_example("# The redis job of python-nomad's documentation")
    job = namespace["job"]
    assert isinstance(job, Job)
    seed = _seed_register_job()
    assert job.to_dict() == _without_nulls(seed["Job"])


def test_durations_accept_timedelta_and_go_strings_in_python() -> None:
    # Typed as int nanoseconds; the constructor also converts these at run time.
    policy = RestartPolicy(delay="25s", interval=timedelta(minutes=5), attempts=10, mode="delay")  # type: ignore[arg-type]
    assert policy.to_dict() == {
        "Delay": 25_000_000_000,
        "Interval": 300_000_000_000,
        "Attempts": 10,
        "Mode": "delay",
    }
    policy.delay = "1m30s"  # type: ignore[assignment]
    assert policy.delay == 90_000_000_000
    assert RestartPolicy(delay=parse_duration("250ms")).delay == 250_000_000


def test_durations_must_be_integers_on_the_wire() -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire({"TaskGroups": [{"RestartPolicy": {"Delay": "25s"}}]})
    (error,) = caught.value.errors()
    assert error["loc"] == ("TaskGroups", 0, "RestartPolicy", "Delay")
    assert error["msg"] == 'durations are integer nanoseconds in Nomad\'s JSON, got the string "25s"'
    with pytest.raises(ValidationError):
        Job.model_validate_json('{"TaskGroups": [{"RestartPolicy": {"Delay": "25s"}}]}')


@pytest.mark.parametrize(
    ("text", "nanos"),
    [
        ("0", 0),
        ("25s", 25_000_000_000),
        ("1m30s", 90_000_000_000),
        ("1.5h", 5_400_000_000_000),
        ("-250ms", -250_000_000),
        ("+2us", 2_000),
        ("3\u00b5s", 3_000),
        ("1h2m3.5s", 3_723_500_000_000),
        (".5s", 500_000_000),
        ("10ns", 10),
    ],
)
def test_parse_duration_follows_go(text: str, nanos: int) -> None:
    assert parse_duration(text) == nanos


@pytest.mark.parametrize("text", ["", "1", "s", "1x", "1s2", "--1s", "1.2.3s", "9999999999h"])
def test_parse_duration_rejects_what_go_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("nanos", "text"),
    [
        (0, "0s"),
        (1, "1ns"),
        (1_500, "1.5\u00b5s"),
        (250_000_000, "250ms"),
        (1_000_000_000, "1s"),
        (90_000_000_000, "1m30s"),
        (5_400_000_000_000, "1h30m0s"),
        (-2_500_000_000, "-2.5s"),
    ],
)
def test_format_duration_matches_go(nanos: int, text: str) -> None:
    assert format_duration(nanos) == text


def test_bounded_integers_fail_at_their_path() -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire({"TaskGroups": [{"Affinities": [{"LTarget": "x", "Weight": 200}]}]})
    (error,) = caught.value.errors()
    assert error["loc"] == ("TaskGroups", 0, "Affinities", 0, "Weight")
    assert error["type"] == "less_than_equal"
    assert Affinity(weight=-128).weight == -128


@pytest.mark.parametrize(
    ("document", "loc", "error_type"),
    [
        ({"Priority": "50"}, ("Priority",), "int_type"),
        ({"Priority": 50.0}, ("Priority",), "int_type"),
        ({"AllAtOnce": 1}, ("AllAtOnce",), "bool_type"),
        ({"Datacenters": "dc1"}, ("Datacenters",), "list_type"),
        ({"Type": "servce"}, ("Type",), "literal_error"),
        ({"Meta": {"a": 1}}, ("Meta", "a"), "string_type"),
        ({"TaskGroups": [None]}, ("TaskGroups", 0), "model_type"),
    ],
)
def test_go_decoder_mismatches_are_rejected(
    document: dict[str, object], loc: tuple[str | int, ...], error_type: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Job.from_wire(document)
    (error,) = caught.value.errors()
    assert (error["loc"], error["type"]) == (loc, error_type)


# -- wire-key access for dict-based code ---------------------------------------------------------


def test_wire_keys_read_like_a_dict() -> None:
    job = Job.from_wire(_load(CORPUS / "jobs/nomad-v2.0.6_command-testdata_example-short.json"))
    assert job["TaskGroups"][0]["Name"] == job.task_groups[0].name == "cache"  # type: ignore[index]
    assert job["ID"] == job["id"] == "example"
    assert job.get("Region", "unset") is None
    assert job.get("NoSuchKey", "fallback") == "fallback"
    assert job["VaultToken"] is None
    assert "Region" in job
    assert "NodePool" not in job
    assert 3 not in job
    with pytest.raises(KeyError):
        job["NoSuchKey"]
    assert job.keys()[:4] == ["Region", "Namespace", "ID", "Name"]
    assert job.keys()[-1] == "VaultToken"


def test_wire_keys_write_like_a_dict() -> None:
    job = Job.from_wire({"ID": "web"})
    job["Meta"] = {"owner": "ops"}
    job["priority"] = 70
    assert job.to_dict() == {"ID": "web", "Meta": {"owner": "ops"}, "Priority": 70}
    with pytest.raises(KeyError, match="Job has no field 'Metta'"):
        job["Metta"] = {}
    with pytest.raises(ValidationError):
        job["Priority"] = "high"
    assert job.priority == 70


def test_repr_shows_only_given_fields() -> None:
    assert repr(RestartPolicy(attempts=2, mode="fail")) == "RestartPolicy(attempts=2, mode='fail')"


def test_envelope_and_bare_job_give_the_same_model() -> None:
    document = _load(CORPUS / "jobs/tf-provider-nomad_jsonConfigWithRoot.json")
    bare = _load(CORPUS / "jobs/tf-provider-nomad_jsonConfig_bare.json")
    assert Job.from_wire(document) == Job.from_wire(bare)


# -- properties ----------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model_strategy(Job))
def test_generated_jobs_survive_dump_and_parse(job: NomadModel) -> None:
    wire = job.to_dict()
    again = Job.from_wire(wire)
    assert again == job
    assert again.to_dict() == wire
    assert Job.from_wire(job.to_json()).to_dict() == wire


JOB_SHAPED = st.fixed_dictionaries(
    {},
    optional={
        "ID": JSON_VALUES,
        "Type": JSON_VALUES,
        "Priority": JSON_VALUES,
        "TaskGroups": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "Name": JSON_VALUES,
                    "Count": JSON_VALUES,
                    "Tasks": st.lists(
                        st.dictionaries(st.sampled_from(["Name", "Config", "Resources"]), JSON_VALUES)
                    ),
                    "RestartPolicy": JSON_VALUES,
                },
            ),
            max_size=2,
        ),
        "Job": JSON_VALUES,
        "job": JSON_VALUES,
    },
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES | JOB_SHAPED)
def test_arbitrary_json_gives_a_job_or_a_validation_error(document: object) -> None:
    try:
        job = Job.from_wire(document)  # type: ignore[arg-type]
    except ValidationError:
        return
    assert isinstance(job, Job)
