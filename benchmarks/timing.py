"""The one timing helper: ours and a baseline, measured side by side, as a ratio of medians.

Samples of the two sides alternate (ours, baseline, ours, …) so that a slow moment of the machine
(another process, frequency scaling) hits both sides alike instead of skewing one of them.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["FULL", "SMOKE", "Budget", "Comparison", "Sampler", "compare", "compare_samplers", "loop_sampler"]

#: One sample: seconds per operation, however the sampler measures them.
Sampler = Callable[[], float]


@dataclass(frozen=True)
class Budget:
    """How long to measure: samples per side, and the shortest time one sample of a loop runs."""

    repeat: int
    min_seconds: float


#: The real run: 7 samples per side, each a loop of at least 5 ms (shorter ones mostly measure the clock).
FULL = Budget(repeat=7, min_seconds=0.005)
#: One short sample per side: proves a benchmark still runs, measures nothing.
SMOKE = Budget(repeat=1, min_seconds=0.0)


@dataclass(frozen=True)
class Comparison:
    """Median seconds per operation of both sides; ``ratio`` is ours / baseline."""

    ours: float
    baseline: float

    @property
    def ratio(self) -> float:
        return self.ours / self.baseline


def compare_samplers(ours: Sampler, baseline: Sampler, repeat: int) -> Comparison:
    """Median of ``repeat`` alternating samples of each side, after one unrecorded pair."""
    ours()
    baseline()
    ours_samples: list[float] = []
    baseline_samples: list[float] = []
    for _ in range(repeat):
        ours_samples.append(ours())
        baseline_samples.append(baseline())
    return Comparison(statistics.median(ours_samples), statistics.median(baseline_samples))


def loop_sampler(function: Callable[[], object], min_seconds: float) -> Sampler:
    """A sampler calling ``function`` in a loop long enough to last ``min_seconds``.

    One call first warms caches (pydantic builds deferred validators on first use); then the loop
    count grows until a loop lasts ``min_seconds``. The garbage collector stays on: collecting what
    a parse allocates is part of its cost. Only the garbage of earlier samples is collected first.
    """
    function()
    loops = 1
    while _run(function, loops) < min_seconds:
        loops *= 2

    def sample() -> float:
        gc.collect()
        return _run(function, loops) / loops

    return sample


def _run(function: Callable[[], object], loops: int) -> float:
    begin = time.perf_counter()
    for _ in range(loops):
        function()
    return time.perf_counter() - begin


def compare(ours: Callable[[], object], baseline: Callable[[], object], budget: Budget = FULL) -> Comparison:
    """Ours against the baseline, each called in loops lasting ``budget.min_seconds`` per sample."""
    return compare_samplers(
        loop_sampler(ours, budget.min_seconds), loop_sampler(baseline, budget.min_seconds), budget.repeat
    )
