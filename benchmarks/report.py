"""One printed line per figure: what was measured, the target, and the ratio last."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure", "Skipped", "milliseconds"]

LABEL_WIDTH = 60
NOTE_WIDTH = 52


@dataclass(frozen=True)
class Figure:
    """A ratio ours / baseline; ``target`` is the highest ratio we accept (``None``: informative).

    A figure that only shows where a target stands (the worst file next to a median that the
    target is set for) is not ``judged``: its target is printed, but it cannot be missed.
    """

    label: str
    ratio: float
    note: str
    target: float | None = None
    judged: bool = True

    @property
    def missed(self) -> bool:
        return self.judged and self.target is not None and self.ratio > self.target

    def line(self) -> str:
        if self.target is None:
            target = "informative"
        elif self.judged:
            target = f"target <= {self.target:g}x"
        else:
            target = f"(median <= {self.target:g}x)"
        verdict = "  MISSED" if self.missed else ""
        return (
            f"{self.label:<{LABEL_WIDTH}} {self.note:<{NOTE_WIDTH}} {target:<20}{verdict}"
            f"  ratio {self.ratio:.2f}x"
        )


@dataclass(frozen=True)
class Skipped:
    """A figure that could not be measured here, and why."""

    label: str
    reason: str

    def line(self) -> str:
        return f"{self.label:<{LABEL_WIDTH}} skipped: {self.reason}"


def milliseconds(seconds: float) -> str:
    """``0.0123`` → ``"12.3 ms"``, with three significant digits from microseconds up."""
    return f"{seconds * 1000:.3g} ms"
