"""validate_job on hostile or ambiguous input: floods of unknown keys, non-jobs, unencodable strings."""

from __future__ import annotations

import time

from nomad_typed.validation import Issue, validate_job
from nomad_typed.validation._unknown import MAX_SUGGESTED_KEYS
from tests.validation.base import group, job, task
from tests.validation.cases import T, put


def _summary(issues: list[Issue]) -> list[tuple[str, str, str, str]]:
    return [(issue.severity, issue.rule, issue.path, issue.message) for issue in issues]


# ---- unknown keys: suggestions are bounded ------------------------------------------------------

NO_FIELD = "unknown field; Nomad ignores it (Job has no such field)"
NO_SUGGESTION = f"unknown field; Nomad ignores it (no suggestion past {MAX_SUGGESTED_KEYS} unknown keys)"


def test_suggestions_stop_after_the_bound_but_repeat_for_keys_already_seen() -> None:
    document = job(put(f"{T}.Drver", "exec"))
    zq_keys = [f"Zq{index:05d}" for index in range(MAX_SUGGESTED_KEYS - 1)]
    document.update(dict.fromkeys(zq_keys, 1))
    second = {**task(document), "Name": "other", "Zz": 1}
    group(document)["Tasks"] = [task(document), second]
    unknown = ("error", "unknown-field")
    # Job keys come first, then the tasks': the first task's typo is the last one suggested for.
    assert _summary(validate_job(document)) == [
        *[(*unknown, key, NO_FIELD) for key in zq_keys],
        (*unknown, "TaskGroups[0].Tasks[0].Drver", 'unknown field; did you mean "Driver"?'),
        (*unknown, "TaskGroups[0].Tasks[1].Drver", 'unknown field; did you mean "Driver"?'),
        (*unknown, "TaskGroups[0].Tasks[1].Zz", NO_SUGGESTION),
    ]


def test_a_hundred_thousand_unknown_keys_are_reported_quickly() -> None:
    document = job()
    keys = [f"Unknown{index}" for index in range(100_000)]
    document.update(dict.fromkeys(keys, 1))
    started = time.monotonic()
    issues = validate_job(document)
    elapsed = time.monotonic() - started
    assert [issue.path for issue in issues] == keys
    assert {issue.message for issue in issues[:MAX_SUGGESTED_KEYS]} == {NO_FIELD}
    assert {issue.message for issue in issues[MAX_SUGGESTED_KEYS:]} == {NO_SUGGESTION}
    # A suggestion for every key took 11.7 s; the bounded ones take well under a second.
    assert elapsed < 4.0
