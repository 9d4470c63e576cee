"""Line numbers of the values and keys of a JSON document, so issues can point at source lines."""

from __future__ import annotations

import bisect
import contextlib
import json
import re

__all__ = ["SourceLines", "path_segments"]

_SEGMENT = re.compile(r'\.?([^.\[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')
_DECODER = json.JSONDecoder()


def path_segments(path: str) -> tuple[str | int, ...]:
    """Split a JSON path (``TaskGroups[0].Volumes["data"].Source``) into keys and indexes."""
    segments: list[str | int] = []
    for key, index, quoted in _SEGMENT.findall(path):
        if index:
            segments.append(int(index))
        elif quoted:
            segments.append(json.loads(quoted))
        else:
            segments.append(key)
    return tuple(segments)


class SourceLines:
    """Maps each key and value of a JSON text to the 1-based line where it starts.

    A key's line is where the key is written (what an "unknown field" points at); looking up a
    path that is absent (a value Nomad would default) gives the line of its closest parent.
    """

    def __init__(self, text: str) -> None:
        self._newlines = [match.start() for match in re.finditer("\n", text)]
        self._lines: dict[tuple[str | int, ...], int] = {}
        start = _skip(text, 0)
        self._lines[()] = self._line_at(start)
        # Positions are a convenience: a document json.loads accepted but that is too deep for
        # this scanner keeps the lines found so far.
        with contextlib.suppress(ValueError, IndexError, RecursionError):
            self._scan_value(text, start, ())

    def line(self, path: tuple[str | int, ...]) -> int:
        """Line of ``path``, or of its nearest parent present in the text (1 for the root)."""
        for end in range(len(path), -1, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return 1

    def _line_at(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1

    def _scan_value(self, text: str, pos: int, path: tuple[str | int, ...]) -> int:
        char = text[pos]
        if char == "{":
            return self._scan_object(text, pos + 1, path)
        if char == "[":
            return self._scan_array(text, pos + 1, path)
        _, end = _DECODER.raw_decode(text, pos)
        return end

    def _scan_object(self, text: str, pos: int, path: tuple[str | int, ...]) -> int:
        pos = _skip(text, pos)
        if text[pos] == "}":
            return pos + 1
        while True:
            key, end = _DECODER.raw_decode(text, pos)
            self._lines[path + (key,)] = self._line_at(pos)
            pos = _skip(text, _skip(text, end) + 1)  # past the colon
            pos = _skip(text, self._scan_value(text, pos, path + (key,)))
            if text[pos] == "}":
                return pos + 1
            pos = _skip(text, pos + 1)  # past the comma

    def _scan_array(self, text: str, pos: int, path: tuple[str | int, ...]) -> int:
        pos = _skip(text, pos)
        if text[pos] == "]":
            return pos + 1
        index = 0
        while True:
            self._lines[path + (index,)] = self._line_at(pos)
            pos = _skip(text, self._scan_value(text, pos, path + (index,)))
            if text[pos] == "]":
                return pos + 1
            pos = _skip(text, pos + 1)  # past the comma
            index += 1


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos
