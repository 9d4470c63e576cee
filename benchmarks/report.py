"""One printed line per figure: what was measured, the target, and the ratio last."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure", "Skipped", "milliseconds"]

LABEL_WIDTH = 60
NOTE_WIDTH = 52


@dataclass(frozen=True)
class Figure:
    """A ratio ours / baseline; ``target`` is the highest ratio we accept (``None``: informative)."""

    label: str
    ratio: float
    note: str
    target: float | None = None

    @property
    def missed(self) -> bool:
        return self.target is not None and self.ratio > self.target

    def line(self) -> str:
        target = f"target <= {self.target:g}x" if self.target is not None else "informative"
        verdict = "  MISSED" if self.missed else ""
        return (
            f"{self.label:<{LABEL_WIDTH}} {self.note:<{NOTE_WIDTH}} {target:<16}{verdict}"
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
