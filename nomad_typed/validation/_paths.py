"""Paths as tuples while validating; rendered once, in the user's terms, when an issue is made.

Rules look at a canonicalized copy of the job, in which Nomad's defaults are filled in and the
job-level ``Update``/``Migrate``/``Reschedule`` blocks are merged into every group. An issue about
a value the user never wrote must still point somewhere they did write: :class:`Resolver` walks up
to the nearest enclosing value present in the document, trying the job-level block a group value
was inherited from before falling back to the group.
"""

from __future__ import annotations

from collections.abc import Mapping

from nomad_typed.models._paths import MapKey, format_path

__all__ = ["MapKey", "Path", "Resolver", "spell"]

Path = tuple[str | int, ...]


class Resolver:
    """Maps a path of the canonical job to the nearest path that exists in the user's document.

    A key the user wrote with a ``null`` value exists: it is where they left the default to Nomad.
    """

    def __init__(self, document: Mapping[str, object], renamed: Mapping[Path, str] | None = None) -> None:
        self._document = document
        self._inherited: list[tuple[Path, Path]] = []
        self._renamed = dict(renamed or {})

    def inherit(self, target: Path, source: Path) -> None:
        """Values under ``target`` that the user did not write came from ``source``."""
        self._inherited.append((target, source))

    def resolve(self, path: Path) -> str:
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            if self._exists(prefix):
                return spell(prefix, self._renamed)
            for target, source in self._inherited:
                if prefix[: len(target)] == target:
                    moved = source + prefix[len(target) :]
                    if self._exists(moved):
                        return spell(moved, self._renamed)
        return ""

    def _exists(self, path: Path) -> bool:
        value: object = self._document
        for part in path:
            if isinstance(part, int) and not isinstance(part, bool):
                if not isinstance(value, list) or not 0 <= part < len(value):
                    return False
                value = value[part]
            elif isinstance(value, Mapping) and part in value:
                value = value[part]
            else:
                return False
        return True


def spell(path: Path, renamed: Mapping[Path, str]) -> str:
    """``path`` rendered, with any key that Nomad read case-insensitively spelt as the user wrote it."""
    if not renamed:
        return format_path(path)
    spelt: list[str | int] = []
    for index, part in enumerate(path):
        original = renamed.get(path[: index + 1])
        spelt.append(original if original is not None else part)
    return format_path(spelt)
