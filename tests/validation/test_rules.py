"""Each implemented rule flags an invalid job at the right path, with Nomad's wording."""

from __future__ import annotations

import pytest

from nomad_typed.validation import RULES, validate_job
from tests.validation.base import job
from tests.validation.cases import ERROR_CASES, UMBRELLA_RULES, Case
from tests.validation.test_warnings import WARNING_CASES


def test_base_job_is_valid() -> None:
    assert validate_job(job()) == []


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.id for case in ERROR_CASES])
def test_rule_flags_invalid_job(case: Case) -> None:
    issues = validate_job(job(*case.patches))
    errors = [(issue.rule, issue.path) for issue in issues if issue.severity == "error"]
    assert errors == list(case.errors)
    assert any(case.gist in issue.message for issue in issues if issue.severity == "error"), issues


def test_every_case_names_an_implemented_rule() -> None:
    for name in [case.id for case in ERROR_CASES] + [name for name, _, _ in WARNING_CASES]:
        assert name.split("-")[0] in RULES, name


def test_every_rule_has_a_case() -> None:
    flagged = {rule for case in ERROR_CASES for rule, _ in case.errors}
    flagged |= {rule for _, _, expected in WARNING_CASES for rule, _, _ in expected}
    # A case named after a rule that wraps others (constraints, affinities, spreads) exercises it.
    flagged |= {case.id.split("-")[0] for case in ERROR_CASES}
    covered = flagged | {rule for rule, members in UMBRELLA_RULES.items() if set(members) <= flagged}
    assert sorted(set(RULES) - covered) == []
    assert len(RULES) == 340
