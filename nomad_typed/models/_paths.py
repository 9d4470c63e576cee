"""JSON paths in the form users see in errors: ``TaskGroups[0].Tasks[1].Resources.CPU``."""

from __future__ import annotations

import json
from collections.abc import Iterable

__all__ = ["MapKey", "format_path", "join_index", "join_key", "join_map_key"]


class MapKey(str):
    """A key of a JSON object that is a map (``Meta``, ``Volumes``), not a struct field."""

    __slots__ = ()


def join_key(path: str, key: str) -> str:
    """Append a struct field (``Resources`` → ``…Tasks[0].Resources``)."""
    return f"{path}.{key}" if path else key


def join_index(path: str, index: int) -> str:
    """Append a list index (``…Tasks`` → ``…Tasks[1]``)."""
    return f"{path}[{index}]"


def join_map_key(path: str, key: str) -> str:
    """Append a map key, quoted so any key is unambiguous (``Volumes["data"]``)."""
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def format_path(parts: Iterable[str | int]) -> str:
    """Join path segments: ``str`` is a field, ``int`` an index and ``MapKey`` a map key."""
    path = ""
    for part in parts:
        if isinstance(part, MapKey):
            path = join_map_key(path, part)
        elif isinstance(part, int):
            path = join_index(path, part)
        else:
            path = join_key(path, part)
    return path
