"""Real jobs written by others: what Nomad 2.0.6 would say about each, issue for issue.

Every job Nomad accepts gets no error. A few corpus documents are rejected by Nomad 2.0.6 itself,
and the expected errors below say why (each follows from Nomad's api Canonicalize and validation
code): job-level ``update`` blocks are merged into groups once any field is non-zero after
defaults, and documentation samples omit task groups. A Vault namespace needs Nomad Enterprise: a
warning, since only a CE server rejects it.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from nomad_typed.validation import Issue, validate_job
from tests.conftest import CORPUS, SHARED

HCL_JSON = "wild/jobs/Juravenator_DUNE-RC-RC_raw_exec_example_job.nomad.json"

EXPECTED: dict[str, list[tuple[str, str, str]]] = {
    "jobs/docs-v2.0.x_create-job-payload.json": [
        ("warning", "W10", "TaskGroups[0].Services"),
    ],
    "jobs/nomad-v1.7.0_command-testdata_example-short.json": [
        ("warning", "legacy-field", "ConsulToken"),
        ("warning", "legacy-field", "VaultToken"),
    ],
    "jobs/nomad-v2.0.6_command-testdata_example-short-bad.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("error", "unknown-field", "TaskGroups[0].Disconnect.StopAfterClient"),
        ("error", "V022", "ID"),
    ],
    "jobs/nomad-v2.0.6_command-testdata_example-short.json": [
        ("warning", "legacy-field", "VaultToken"),
    ],
    "jobs/tf-provider-nomad_jsonConfigWithRoot.json": [],
    "jobs/tf-provider-nomad_jsonConfig_bare.json": [],
    "responses/job_read/docs-v1.7.x_read-job.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("error", "V069", "Update"),
        ("warning", "W10", "TaskGroups[0].Tasks[1]"),
        ("warning", "W05", "TaskGroups[0].Tasks[1].Resources.Networks"),
        ("warning", "W09", "Periodic.Spec"),
    ],
    "responses/job_read/docs-v2.0.x_read-job.json": [
        ("error", "V069", "Update"),
        ("warning", "W10", "TaskGroups[0].Tasks[1]"),
        ("warning", "W05", "TaskGroups[0].Tasks[1].Resources.Networks"),
        ("warning", "W09", "Periodic.Spec"),
    ],
    "responses/jobs_parse/docs-v1.7.x_parse-job.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("error", "V031", "TaskGroups"),
    ],
    "responses/jobs_parse/docs-v2.0.x_parse-job.json": [
        ("error", "V031", "TaskGroups"),
    ],
    "wild/jobs/angrycub_nomad_example_jobs_fabio_fabio_docker.json": [
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Port"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[1].Checks[0].Port"),
        ("warning", "W10", "TaskGroups[0].Tasks[0]"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ],
    "wild/jobs/angrycub_nomad_example_jobs_json-jobs_job.json": [
        ("warning", "legacy-field", "ConsulToken"),
        ("warning", "legacy-field", "VaultToken"),
    ],
    "wild/jobs/angrycub_nomad_example_jobs_qemu_job.json": [
        ("warning", "legacy-field", "ConsulToken"),
        ("warning", "legacy-field", "VaultToken"),
    ],
    "wild/jobs/clarkbains_vagrant-libvert-nomad-ansible_waypoint-runner.json": [
        ("warning", "legacy-field", "ConsulToken"),
        ("warning", "legacy-field", "VaultToken"),
    ],
    "wild/jobs/defn_dev_m-etc_hello.json": [],
    "wild/jobs/eveld_http-echo_deploy.nomad.json": [
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ],
    "wild/jobs/hashicorp_levant_helper-test-fixtures_demojob.json": [
        ("warning", "legacy-field", "ConsulToken"),
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "legacy-field", "TaskGroups[0].Services[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Services[0].Checks[0].Id"),
        ("warning", "V446", "TaskGroups[0].Tasks[0].Vault.Namespace"),
        ("warning", "W10", "TaskGroups[0].Services"),
    ],
    "wild/jobs/hashicorp_nomad-ruby_spec-support-jobs_job.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[1].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[1].Id"),
        ("warning", "W10", "TaskGroups[0].Tasks[0]"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ],
    "wild/jobs/jrxFive_python-nomad_example-2017.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id"),
        ("warning", "W10", "TaskGroups[0].Tasks[0]"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ],
    "wild/jobs/jrxFive_python-nomad_tests-example-2017.json": [
        ("error", "V269", "Update.Stagger"),
    ],
    "wild/jobs/jrxFive_python-nomad_vault.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ],
    "wild/jobs/juditnovak_airflow-provider-nomad_system-data_complex_job.json": [
        ("warning", "W10", "TaskGroups[0].Services"),
    ],
    "wild/jobs/juditnovak_airflow-provider-nomad_system-data_simple_server.json": [],
    "wild/jobs/juditnovak_airflow-provider-nomad_unit-data_nomad_provider_job_template.json": [],
    "wild/jobs/mxab_nacp_hashitalk-demo3-ref-after.nomad.json": [
        ("warning", "legacy-field", "ConsulToken"),
        ("warning", "legacy-field", "VaultToken"),
    ],
    "wild/jobs/sabbene_nomad-jobs_netdata.nomad.json": [
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id"),
        ("warning", "W10", "TaskGroups[0].Tasks[0]"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ],
}

# Why the errors above are Nomad's own verdicts:
# * docs read-job samples: a batch job with a job-level Update {Stagger, MaxParallel}; Canonicalize
#   fills the other fields, the block is not empty, every group inherits it, and batch groups may
#   not have one.
# * docs parse-job samples: "TaskGroups": null.
# * levant demojob (a warning, not an error): a Vault namespace, which a CE server rejects.
# * python-nomad tests-example-2017: Update {Stagger: 0, MaxParallel: 0} is inherited by the group
#   (HealthCheck defaults to "checks", so it is not empty) and Stagger must be positive.
# * example-short-bad: built by Nomad's own tests to fail validation.


def _corpus_documents() -> list[str]:
    paths = [*CORPUS.glob("jobs/*.json"), *CORPUS.glob("wild/jobs/*.json")]
    paths += [*CORPUS.glob("responses/job_read/*.json"), *CORPUS.glob("responses/jobs_parse/*.json")]
    return sorted(
        str(path.relative_to(CORPUS)) for path in paths if str(path.relative_to(CORPUS)) != HCL_JSON
    )


def _summary(issues: list[Issue]) -> list[tuple[str, str, str]]:
    return [(issue.severity, issue.rule, issue.path) for issue in issues]


def test_every_corpus_job_has_an_expectation() -> None:
    assert _corpus_documents() == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_job(name: str) -> None:
    document = json.loads((CORPUS / name).read_text())
    assert _summary(validate_job(document)) == EXPECTED[name]


VERSIONS_EXPECTED = {
    "docs-v1.7.x_list-job-versions_1.json": [
        [("warning", "legacy-field", "ConsulToken"), ("warning", "legacy-field", "VaultToken")]
    ],
    "docs-v2.0.x_list-job-versions_1.json": [[]],
}


@pytest.mark.parametrize("name", sorted(VERSIONS_EXPECTED))
def test_job_versions_bodies(name: str) -> None:
    versions = json.loads((CORPUS / "responses/job_versions" / name).read_text())["Versions"]
    assert [_summary(validate_job(version)) for version in versions] == VERSIONS_EXPECTED[name]


def test_example_short_bad_exact_issues() -> None:
    document = json.loads((CORPUS / "jobs/nomad-v2.0.6_command-testdata_example-short-bad.json").read_text())
    assert [(issue.severity, issue.rule, str(issue)) for issue in validate_job(document)] == [
        (
            "warning",
            "legacy-field",
            'VaultToken: "VaultToken" was removed in Nomad 1.10 with the legacy Vault token workflow;'
            " Nomad ignores it",
        ),
        (
            "error",
            "unknown-field",
            'TaskGroups[0].Disconnect.StopAfterClient: unknown field; did you mean "StopOnClientAfter"?',
        ),
        ("error", "V022", "ID: Job ID contains a space"),
    ]


def test_hcl_json_file_is_rejected_clearly() -> None:
    issues = validate_job(json.loads((CORPUS / HCL_JSON).read_text()))
    assert _summary(issues) == [("error", "structure", "job")]


def _seed_jobs() -> dict[str, list[dict[str, object]]]:
    """The job dicts of python-nomad's documented examples (Python literals in the markdown)."""
    text = (SHARED / "seed" / "python-nomad-job-endpoints.md").read_text()
    jobs: dict[str, list[dict[str, object]]] = {}
    for block in re.findall(r"```\n(.*?)```", text, re.S):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
                target = node.targets[0]
                assert isinstance(target, ast.Name)
                jobs.setdefault(target.id, []).append(ast.literal_eval(node.value))
    return jobs


def test_seed_redis_service_job_has_no_errors() -> None:
    register, plan = _seed_jobs()["job"]
    expected = [
        ("warning", "legacy-field", "VaultToken"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Id"),
        ("warning", "legacy-field", "TaskGroups[0].Tasks[0].Services[0].Checks[0].Id"),
        ("warning", "W10", "TaskGroups[0].Tasks[0]"),
        ("warning", "W05", "TaskGroups[0].Tasks[0].Resources.Networks"),
    ]
    assert _summary(validate_job(register)) == expected
    assert _summary(validate_job(plan)) == expected


def test_seed_parameterized_batch_job_is_what_nomad_rejects() -> None:
    # "Update": {"Stagger": 0, "MaxParallel": 0} is the pre-0.6 update shape. Nomad 2.0.6 fills
    # the other fields, so the block is not empty, the batch group inherits it, and Nomad answers
    # HTTP 500 with exactly these two errors.
    (parameterized,) = _seed_jobs()["parametrize_job"]
    issues = validate_job(parameterized)
    assert [(issue.rule, str(issue)) for issue in issues] == [
        ("V069", 'Update: Job type "batch" does not allow update block'),
        ("V269", "Update.Stagger: Stagger must be greater than zero: 0s"),
    ]
    without_update = {"Job": {**parameterized["Job"], "Update": None}}  # type: ignore[dict-item]
    assert validate_job(without_update) == []
