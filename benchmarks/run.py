"""Run every benchmark and print one line per figure, ending in its ratio (ours / baseline).

    python benchmarks/run.py                 # everything, about 3 minutes on 2 cores
    python benchmarks/run.py parse imports   # only some groups: parse dump allocations imports per-call

The exit status is 0 whatever the ratios are: they are measurements, not a test.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):
    # Run as a script: make the repository's packages (benchmarks, tests.support) importable.
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.corpus import job_documents, response_documents  # noqa: E402
from benchmarks.imports import import_figures  # noqa: E402
from benchmarks.parsing import allocations_figure, dump_figures, parse_figures  # noqa: E402
from benchmarks.per_call import per_call_figure  # noqa: E402
from benchmarks.report import Figure, Skipped  # noqa: E402

Line = Figure | Skipped


def _parse() -> Iterator[Line]:
    kinds = {
        "parse jobs: Job.from_wire vs json.loads": job_documents(),
        "parse responses: client parser vs json.loads": response_documents(),
    }
    yield from parse_figures("parse corpus: jobs + responses vs json.loads", kinds)


def _dump() -> Iterator[Line]:
    yield from dump_figures([*job_documents(), *response_documents()])


GROUPS: dict[str, Callable[[], Iterable[Line]]] = {
    "parse": _parse,
    "dump": _dump,
    "allocations": lambda: [allocations_figure()],
    "imports": import_figures,
    "per-call": lambda: [per_call_figure()],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("groups", nargs="*", help=f"groups to run: {', '.join(GROUPS)} (default: all)")
    chosen = parser.parse_args(argv).groups or list(GROUPS)
    unknown = sorted(set(chosen) - set(GROUPS))
    if unknown:
        parser.error(f"unknown group(s): {', '.join(unknown)}")
    missed: list[str] = []
    for name in chosen:
        for line in GROUPS[name]():
            print(line.line(), flush=True)
            if isinstance(line, Figure) and line.missed:
                missed.append(line.label)
    print(f"{len(missed)} figure(s) above target" + (": " + "; ".join(missed) if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
