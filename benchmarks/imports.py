"""Import figures: what ``import nomad_typed`` (and first use) costs a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

from .report import Figure, milliseconds
from .timing import Sampler, compare_samplers

__all__ = ["IMPORT_TARGET", "IMPORT_RUNS", "STATEMENTS", "import_figures", "import_sampler"]

IMPORT_TARGET = 2.0
#: Fresh interpreters per side; each one is a single sample.
IMPORT_RUNS = 15

BASELINE = "import requests"
# A job small enough that the figure is the first parse's fixed cost: building the validators.
_FIRST_PARSE = (
    "from nomad_typed import Job\n"
    "Job.from_wire({'ID': 'example', 'TaskGroups': [{'Name': 'web', 'Tasks': [{'Name': 'web'}]}]})"
)
#: What is timed, with its target (``None``: informative).
STATEMENTS: tuple[tuple[str, float | None], ...] = (
    ("import nomad_typed", IMPORT_TARGET),
    ("from nomad_typed import Job", None),
    ("import nomad_typed.models", None),
    ("from nomad_typed import NomadClient", None),
    (_FIRST_PARSE, None),
)

# The clock starts after interpreter start-up, which both sides pay alike.
_PROGRAM = "import time\nstarted = time.perf_counter()\n{statement}\nprint(time.perf_counter() - started)\n"


def import_sampler(statement: str) -> Sampler:
    """A sampler running ``statement`` in a new interpreter (isolated: no cwd, no PYTHON* variables)."""

    def sample() -> float:
        program = _PROGRAM.format(statement=statement)
        done = subprocess.run(
            [sys.executable, "-I", "-c", program], capture_output=True, text=True, check=True, timeout=60
        )
        return float(done.stdout)

    return sample


def _label(statement: str) -> str:
    return "first Job.from_wire in a fresh process" if statement == _FIRST_PARSE else statement


def import_figures(
    runs: int = IMPORT_RUNS, statements: Sequence[tuple[str, float | None]] = STATEMENTS
) -> list[Figure]:
    """Each statement (by default :data:`STATEMENTS`) against ``import requests``, in fresh interpreters."""
    baseline = import_sampler(BASELINE)
    figures = []
    for statement, target in statements:
        result = compare_samplers(import_sampler(statement), baseline, runs)
        figures.append(
            Figure(
                f"{_label(statement)} vs {BASELINE}",
                result.ratio,
                f"{runs} interpreters: {milliseconds(result.ours)} vs {milliseconds(result.baseline)}",
                target,
            )
        )
    return figures
