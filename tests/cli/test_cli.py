"""``nomad-typed``: exit codes, messages and output formats, on real and broken files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nomad_typed import cli
from nomad_typed.cli import main
from tests.conftest import CORPUS, REPO_ROOT

EXAMPLES = REPO_ROOT / "examples"
BAD = EXAMPLES / "invalid" / "example-short-bad.json"
VAULT_TOKEN = '"VaultToken" was removed in Nomad 1.10 with the legacy Vault token workflow; Nomad ignores it'
STOP_AFTER = 'unknown field; did you mean "StopOnClientAfter"?'


def run(*args: str | Path, stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the command in-process; returns the exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr = out, err
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main([str(arg) for arg in args])
    finally:
        sys.stdout, sys.stderr, sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    return path


def test_shipped_examples_are_valid() -> None:
    code, out, err = run("validate", EXAMPLES)
    assert code == 0
    assert err == ""
    assert out.splitlines() == [
        f'{EXAMPLES}/docs-create-job.json:19: warning: TaskGroups[0].Services: group "cache" defines'
        " services, but neither the group nor any of its tasks have shutdown_delay set [W10]",
        f"{EXAMPLES}/docs-create-job.json: ok",
        f"{EXAMPLES}/example-short.json:108: warning: VaultToken: {VAULT_TOKEN} [legacy-field]",
        f"{EXAMPLES}/example-short.json: ok",
        f"{EXAMPLES}/raw-exec-bare.json: ok",
        "3 files checked: 3 valid, 0 invalid (0 errors, 2 warnings)",
    ]


def test_invalid_job_exits_1_with_paths_and_lines() -> None:
    code, out, _ = run("validate", BAD)
    assert code == 1
    assert out.splitlines() == [
        f"{BAD}:5: error: ID: Job ID contains a space [V022]",
        f"{BAD}:93: error: TaskGroups[0].Disconnect.StopAfterClient: {STOP_AFTER} [unknown-field]",
        f"{BAD}:108: warning: VaultToken: {VAULT_TOKEN} [legacy-field]",
        "1 file checked: 0 valid, 1 invalid (2 errors, 1 warning)",
    ]
    lines = BAD.read_text().splitlines()
    assert '"ID": "bad example"' in lines[4]
    assert '"StopAfterClient"' in lines[92]


def test_structural_error_names_the_path(tmp_path: Path) -> None:
    job = {
        "Job": {
            "ID": "web",
            "TaskGroups": [
                {
                    "Name": "g",
                    "Tasks": [
                        {"Name": "a", "Driver": "exec"},
                        {"Name": "b", "Driver": "exec", "Resources": {"CPU": "lots"}},
                    ],
                }
            ],
        }
    }
    text = json.dumps(job, indent=2)
    path = write(tmp_path, "job.json", text)
    line = text.splitlines().index('              "CPU": "lots"') + 1
    assert line == 16
    code, out, _ = run("validate", path)
    assert code == 1
    assert out.splitlines()[0] == (
        f'{path}:16: error: TaskGroups[0].Tasks[1].Resources.CPU: expected an integer, got "lots" [structure]'
    )


def test_misspelt_key_gets_a_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, "job.json", '{"ID": "web", "TaskGroups": [{"Name": "g", "Taks": []}]}')
    code, out, _ = run("validate", path)
    assert code == 1
    assert f'{path}:1: error: TaskGroups[0].Taks: unknown field; did you mean "Tasks"? [unknown-field]' in (
        out.splitlines()
    )


def test_allow_unknown_fields(tmp_path: Path) -> None:
    job = {
        "ID": "web",
        "TaskGroups": [{"Name": "g", "Tasks": [{"Name": "t", "Driver": "exec"}], "Colour": 1}],
    }
    path = write(tmp_path, "job.json", json.dumps(job))
    assert run("validate", path)[0] == 1
    code, out, _ = run("validate", "--allow-unknown-fields", path)
    assert code == 0
    assert out.splitlines() == [f"{path}: ok", "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]


def test_warnings_as_errors() -> None:
    example = EXAMPLES / "example-short.json"
    assert run("validate", example)[0] == 0
    code, out, _ = run("validate", "--warnings-as-errors", example)
    assert code == 1
    assert out.splitlines()[-1] == "1 file checked: 0 valid, 1 invalid (0 errors, 1 warning)"


def test_json_format() -> None:
    code, out, _ = run("validate", "--format", "json", BAD)
    assert code == 1
    assert json.loads(out) == {
        "valid": False,
        "files": [
            {
                "file": str(BAD),
                "valid": False,
                "error": None,
                "errors": 2,
                "warnings": 1,
                "issues": [
                    {
                        "severity": "error",
                        "path": "ID",
                        "line": 5,
                        "message": "Job ID contains a space",
                        "rule": "V022",
                    },
                    {
                        "severity": "error",
                        "path": "TaskGroups[0].Disconnect.StopAfterClient",
                        "line": 93,
                        "message": STOP_AFTER,
                        "rule": "unknown-field",
                    },
                    {
                        "severity": "warning",
                        "path": "VaultToken",
                        "line": 108,
                        "message": VAULT_TOKEN,
                        "rule": "legacy-field",
                    },
                ],
            }
        ],
    }


def test_github_format_annotates_lines() -> None:
    code, out, _ = run("validate", "--format", "github", BAD)
    assert code == 1
    assert out.splitlines() == [
        f"::error file={BAD},line=5,title=nomad-typed V022::ID: Job ID contains a space",
        f"::error file={BAD},line=93,title=nomad-typed unknown-field::"
        f"TaskGroups[0].Disconnect.StopAfterClient: {STOP_AFTER}",
        f"::warning file={BAD},line=108,title=nomad-typed legacy-field::VaultToken: {VAULT_TOKEN}",
        "1 file checked: 0 valid, 1 invalid (2 errors, 1 warning)",
    ]


def test_github_format_escapes_what_would_break_a_command(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b:c.json", '{"ID": "x%\\ny", "TaskGroups": [{"Name": "g", "Tasks": []}]}')
    code, out, _ = run("validate", "--format", "github", path)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"::error file={tmp_path}/a%2Cb%3Ac.json,line=1,")
    assert "%0A" not in first.split("::", 2)[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"ID": "x",',
            "not valid JSON: Expecting property name enclosed in double quotes: line 1 column 12",
        ),
        (b"", "not valid JSON: Expecting value: line 1 column 1 (char 0)"),
        (b'{"ID": "\xff"}', "not UTF-8 text"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = write(tmp_path, "job.json", content)
    code, out, err = run("validate", path)
    assert code == 2
    assert err == ""
    first, summary = out.splitlines()
    assert first.startswith(f"{path}: error: {message}")
    assert summary == "0 files checked: 0 valid, 0 invalid (0 errors, 0 warnings); 1 could not be read"


def test_missing_file_exits_2_and_still_checks_the_others() -> None:
    code, out, _ = run("validate", "no-such-job.json", EXAMPLES / "raw-exec-bare.json")
    assert code == 2
    assert out.splitlines() == [
        "no-such-job.json: error: no such file",
        f"{EXAMPLES}/raw-exec-bare.json: ok",
        "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings); 1 could not be read",
    ]


def test_directory_without_json_files_is_reported_and_the_rest_checked(tmp_path: Path) -> None:
    code, out, err = run("validate", EXAMPLES / "raw-exec-bare.json", tmp_path)
    assert (code, err) == (2, "")
    assert out.splitlines() == [
        f"{EXAMPLES}/raw-exec-bare.json: ok",
        f"{tmp_path}: error: no *.json files in this directory",
        "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings); 1 could not be read",
    ]


def test_oversized_input_is_refused_without_reading_it_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "MAX_FILE_BYTES", 1024 * 1024)
    path = write(tmp_path, "big.json", b" " * (1024 * 1024 + 1))
    code, out, _ = run("validate", path, "/dev/zero")
    assert code == 2
    assert out.splitlines() == [
        f"{path}: error: larger than 1 MiB, not a job file",
        "/dev/zero: error: larger than 1 MiB, not a job file",
        "0 files checked: 0 valid, 0 invalid (0 errors, 0 warnings); 2 could not be read",
    ]


def test_hcl_file_gets_a_hint() -> None:
    path = CORPUS / "hcl/nomad-v2.0.6_command_asset_example-short.nomad.hcl"
    code, out, _ = run("validate", path)
    assert code == 2
    assert out.splitlines()[0] == (
        f"{path}: error: not valid JSON: Expecting value: line 1 column 1 (char 0)"
        " (only JSON is read: turn an HCL job into JSON with `nomad job run -output`)"
    )


def test_text_output_keeps_one_issue_per_line(tmp_path: Path) -> None:
    path = write(tmp_path, "job.json", '{"ID": "x", "a\\nb": 1}')
    code, out, _ = run("validate", path)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:1: error: a\\nb: unknown field; Nomad ignores it (Job has no such field) [unknown-field]"
    )


@pytest.mark.parametrize("content", ["[1, 2]", '"x"', '"{\\"ID\\": \\"a b\\"}"', "3"])
def test_json_that_is_not_a_job_object(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "job.json", content)
    code, out, _ = run("validate", path)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{path}:1: error: ")
    assert out.splitlines()[0].endswith(" [structure]")
    assert len(out.splitlines()) == 2


def test_hcl_json_syntax_is_explained() -> None:
    path = CORPUS / "wild/jobs/Juravenator_DUNE-RC-RC_raw_exec_example_job.nomad.json"
    code, out, _ = run("validate", path)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{path}:2: error: job: this is a jobspec in HCL's JSON syntax (a lowercase `job` block), not Nomad's"
        " API JSON; convert it with `nomad job run -output FILE` or POST /v1/jobs/parse [structure]"
    )


def test_reads_standard_input() -> None:
    code, out, _ = run("validate", "-", stdin=(EXAMPLES / "raw-exec-bare.json").read_bytes())
    assert code == 0
    assert out.splitlines() == ["-: ok", "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == "nomad-typed 0.1.0\n"


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as caught:
        run("validate")
    assert caught.value.code == 2
    with pytest.raises(SystemExit) as caught:
        run("validate", "--format", "xml", BAD)
    assert caught.value.code == 2


def test_schema_command_prints_and_writes(tmp_path: Path) -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert out == (REPO_ROOT / "schemas" / "job.schema.json").read_text(encoding="utf-8")
    assert run("schema", "-o", "-") == (0, out, "")
    target = tmp_path / "job.schema.json"
    assert run("schema", "--output", target) == (0, "", "")
    assert target.read_text(encoding="utf-8") == out


def test_schema_command_reports_an_unwritable_path(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "schema.json"
    code, out, err = run("schema", "-o", target)
    assert (code, out) == (2, "")
    assert err == f"nomad-typed: error: {target}: cannot write: No such file or directory\n"


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nomad_typed", "validate", str(BAD)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == "1 file checked: 0 valid, 1 invalid (2 errors, 1 warning)"
