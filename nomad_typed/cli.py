"""``nomad-typed``: validate Nomad job files offline, print the job JSON Schema.

Exit codes (for CI): 0 every file is valid, 1 some file is invalid, 2 usage or I/O error (a
missing file, a file that is not JSON). Errors never come out as tracebacks.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import io
import json
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

if TYPE_CHECKING:
    from .validation import Issue

__all__ = ["main"]

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
STDIN = "-"
#: Job files are kilobytes; a bound keeps `validate /dev/zero` or a runaway pipe from eating memory.
MAX_FILE_BYTES = 64 * 1024 * 1024
_READ_PIECE = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class _FileReport:
    """Outcome of one file: issues with source lines, or why it could not be checked."""

    name: str
    issues: list[tuple[Issue, int]] = field(default_factory=list)
    failure: str | None = None

    def counts(self) -> tuple[int, int]:
        errors = sum(issue.severity == "error" for issue, _ in self.issues)
        return errors, len(self.issues) - errors

    def is_valid(self, warnings_as_errors: bool) -> bool:
        errors, warnings = self.counts()
        return self.failure is None and errors == 0 and not (warnings_as_errors and warnings)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``nomad-typed`` command and ``python -m nomad_typed``."""
    parser = _parser()
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        # A message may quote any string of the file (an unpaired surrogate included): never
        # let printing it end in a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        if args.command == "schema":
            return _schema(args.output)
        return _validate(args)
    except BrokenPipeError:
        return EXIT_VALID
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nomad-typed",
        description="Check Nomad job specifications offline, the way Nomad's server would.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {importlib.metadata.version('nomad-typed')}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser(
        "validate",
        help='validate JSON job files (bare or {"Job": ...}, as `nomad job run -output` prints)',
        description=(
            "Validate JSON job files: structure and types as Nomad's decoder reads them, unknown keys"
            " (which Nomad silently drops), and Nomad's server-side validation rules."
            " Exit 0 when every file is valid, 1 when any is invalid, 2 on usage or I/O errors."
        ),
    )
    validate.add_argument(
        "paths",
        nargs="+",
        metavar="FILE",
        help="job file, directory (every *.json in it) or - for standard input",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default), json (machine-readable) or github (workflow annotations)",
    )
    validate.add_argument("--warnings-as-errors", action="store_true", help="fail (exit 1) on warnings too")
    validate.add_argument(
        "--allow-unknown-fields",
        action="store_true",
        help="do not report keys the job spec does not define",
    )
    schema = commands.add_parser("schema", help="print the JSON Schema of a Nomad job")
    schema.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output (- is standard output)",
    )
    return parser


def _schema(output: str | None) -> int:
    from .models._schema import job_json_schema_text

    text = job_json_schema_text()
    if output is None or output == STDIN:
        sys.stdout.write(text)
        return EXIT_VALID
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        return _usage_error(f"{output}: cannot write: {err.strerror or err}")
    return EXIT_VALID


def _validate(args: argparse.Namespace) -> int:
    reports: list[_FileReport] = []
    for raw in args.paths:
        files = list(_expand(raw))
        if not files:
            reports.append(_FileReport(raw, failure="no *.json files in this directory"))
        reports.extend(_check(name, allow_unknown_fields=args.allow_unknown_fields) for name in files)
    printer = {"text": _print_text, "json": _print_json, "github": _print_github}[args.format]
    printer(reports, args.warnings_as_errors, sys.stdout)
    if any(report.failure is not None for report in reports):
        return EXIT_USAGE
    if all(report.is_valid(args.warnings_as_errors) for report in reports):
        return EXIT_VALID
    return EXIT_INVALID


def _expand(raw: str) -> Iterator[str]:
    path = Path(raw)
    if raw != STDIN and path.is_dir():
        yield from (str(child) for child in sorted(path.glob("*.json")) if child.is_file())
    else:
        yield raw


def _check(name: str, *, allow_unknown_fields: bool) -> _FileReport:
    from ._source import SourceLines, path_segments
    from .validation import validate_job

    report = _FileReport(name)
    try:
        data = _read(name)
    except FileNotFoundError:
        report.failure = "no such file"
        return report
    except OSError as err:
        report.failure = f"cannot read: {err.strerror or err}"
        return report
    if len(data) > MAX_FILE_BYTES:
        report.failure = f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, not a job file"
        return report
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
    except UnicodeDecodeError:
        report.failure = "not UTF-8 text"
        return report
    except RecursionError:
        report.failure = "not valid JSON: arrays or objects nested too deeply"
        return report
    except ValueError as err:
        report.failure = f"not valid JSON: {err}"
        if text.lstrip()[:1] not in ("{", "[", '"'):
            report.failure += " (only JSON is read: turn an HCL job into JSON with `nomad job run -output`)"
        return report
    lines = SourceLines(text)
    # Issue paths are relative to the job; an enveloped file has it under "Job".
    prefix: tuple[str | int, ...] = ()
    if isinstance(document, dict) and isinstance(document.get("Job"), dict):
        prefix = ("Job",)
    # A str given to validate_job is JSON text, so anything but an object goes as the file's text.
    subject = document if isinstance(document, dict) else text
    for issue in validate_job(subject, allow_unknown_fields=allow_unknown_fields):
        report.issues.append((issue, lines.line(prefix + path_segments(issue.path))))
    # Reading order: by line, the validator's order among issues on one line.
    report.issues.sort(key=lambda located: located[1])
    return report


def _read(name: str) -> bytes:
    """The file (or standard input), read in pieces and given up on past MAX_FILE_BYTES."""
    if name == STDIN:
        return _read_bounded(sys.stdin.buffer)
    with open(name, "rb") as file:
        return _read_bounded(file)


def _read_bounded(stream: BinaryIO) -> bytes:
    # Pieces, not read(MAX_FILE_BYTES + 1): that would reserve the whole bound up front.
    pieces: list[bytes] = []
    size = 0
    while size <= MAX_FILE_BYTES:
        piece = stream.read(_READ_PIECE)
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def _summary(reports: list[_FileReport], warnings_as_errors: bool) -> str:
    checked = [report for report in reports if report.failure is None]
    valid = sum(report.is_valid(warnings_as_errors) for report in checked)
    errors = sum(report.counts()[0] for report in checked)
    warnings = sum(report.counts()[1] for report in checked)
    unreadable = len(reports) - len(checked)
    text = (
        f"{len(checked)} file{'s' * (len(checked) != 1)} checked: {valid} valid,"
        f" {len(checked) - valid} invalid ({errors} error{'s' * (errors != 1)},"
        f" {warnings} warning{'s' * (warnings != 1)})"
    )
    if unreadable:
        text += f"; {unreadable} could not be read"
    return text


def _print_text(reports: list[_FileReport], warnings_as_errors: bool, out: TextIO) -> None:
    for report in reports:
        name = _one_line(report.name)
        if report.failure is not None:
            print(f"{name}: error: {_one_line(report.failure)}", file=out)
            continue
        for issue, line in report.issues:
            location = f"{issue.path}: " if issue.path else ""
            text = _one_line(f"{location}{issue.message}")
            print(f"{name}:{line}: {issue.severity}: {text} [{issue.rule}]", file=out)
        if report.is_valid(warnings_as_errors):
            print(f"{name}: ok", file=out)
    print(_summary(reports, warnings_as_errors), file=out)


def _one_line(text: str) -> str:
    # One issue per line is what line-based CI parsers rely on: a key or file name holding a
    # newline must not forge a second line.
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


def _print_json(reports: list[_FileReport], warnings_as_errors: bool, out: TextIO) -> None:
    files = []
    for report in reports:
        errors, warnings = report.counts()
        files.append(
            {
                "file": report.name,
                "valid": report.is_valid(warnings_as_errors),
                "error": report.failure,
                "errors": errors,
                "warnings": warnings,
                "issues": [
                    {
                        "severity": issue.severity,
                        "path": issue.path,
                        "line": line,
                        "message": issue.message,
                        "rule": issue.rule,
                    }
                    for issue, line in report.issues
                ],
            }
        )
    json.dump(
        {"valid": all(report.is_valid(warnings_as_errors) for report in reports), "files": files},
        out,
        indent=2,
    )
    out.write("\n")


def _print_github(reports: list[_FileReport], warnings_as_errors: bool, out: TextIO) -> None:
    for report in reports:
        if report.failure is not None:
            print(f"::error file={_escape_property(report.name)}::{_escape_data(report.failure)}", file=out)
            continue
        for issue, line in report.issues:
            level = "error" if issue.severity == "error" or warnings_as_errors else "warning"
            location = f"{issue.path}: " if issue.path else ""
            print(
                f"::{level} file={_escape_property(report.name)},line={line},"
                f"title={_escape_property(f'nomad-typed {issue.rule}')}::"
                f"{_escape_data(location + issue.message)}",
                file=out,
            )
    print(_summary(reports, warnings_as_errors), file=out)


def _escape_data(text: str) -> str:
    # GitHub's workflow-command encoding: these would otherwise end or break the command.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _usage_error(message: str) -> int:
    print(f"nomad-typed: error: {message}", file=sys.stderr)
    return EXIT_USAGE
