"""Layer 2: keys Nomad would silently drop, with the field that was probably meant, and keys it reads
under another spelling."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable

from nomad_typed.models import Job, NomadModel
from nomad_typed.models._paths import format_path

from ._issue import Issue
from ._structure import KeyNote
from ._typewalk import model_aliases

__all__ = ["LEGACY_FIELDS", "MAX_SUGGESTED_KEYS", "unknown_field_issues"]

#: Distinct unknown keys (per model) of one document that get a "did you mean" suggestion. Finding
#: one costs about half a millisecond, so a document with 100 000 unknown keys would take a minute;
#: the keys past this many are reported without one.
MAX_SUGGESTED_KEYS = 1000

#: (model, key) → why Nomad ignores a key that older jobs still carry.
LEGACY_FIELDS: dict[tuple[str, str], str] = {
    ("Job", "VaultToken"): "was removed in Nomad 1.10 with the legacy Vault token workflow",
    ("Job", "ConsulToken"): "was removed in Nomad 1.10 with the legacy Consul token workflow",
    ("Service", "Id"): "was removed in Nomad 1.3 (it was never used)",
    ("ServiceCheck", "Id"): "was removed in Nomad 1.3 (it was never used)",
    ("ServiceCheck", "Port"): 'was never read from JSON (the check port is "PortLabel")',
}
_LEGACY_BY_FOLDED = {(model, key.casefold()): (key, why) for (model, key), why in LEGACY_FIELDS.items()}


def unknown_field_issues(job: Job, notes: Iterable[KeyNote], *, allow_unknown: bool) -> list[Issue]:
    """Issues for every key the models do not declare and every key Nomad reads another way.

    A key Nomad matches to a field case-insensitively is a warning (``key-case``): Nomad accepts
    it, and a job Nomad accepts is never flagged as an error. Allowing unknown keys silences these
    spelling warnings too; ``legacy-field`` warnings stay.
    """
    issues: list[Issue] = []
    for note in () if allow_unknown else notes:
        if note.shadowed:
            message = (
                f'Nomad also reads this key into "{note.field}", which is given as well: both are'
                f' decoded into that field, in document order, and only "{note.field}" is checked here;'
                " remove one of them"
            )
        else:
            message = (
                f'Nomad reads this key as "{note.field}" (it matches keys case-insensitively);'
                f' write "{note.field}"'
            )
        issues.append(Issue("warning", format_path(note.path), message, "key-case"))
    suggested: set[tuple[type[NomadModel], str]] = set()
    for unknown in job.iter_unknown_fields():
        legacy = _LEGACY_BY_FOLDED.get((unknown.model.__name__, unknown.key.casefold()))
        if legacy is not None:
            key, why = legacy
            message = f'"{key}" {why}; Nomad ignores it'
            issues.append(Issue("warning", unknown.path, message, "legacy-field"))
        elif not allow_unknown:
            pair = (unknown.model, unknown.key)
            if pair in suggested or len(suggested) < MAX_SUGGESTED_KEYS:
                suggested.add(pair)
                message = _suggest(unknown.key, unknown.model)
            else:
                message = (
                    f"unknown field; Nomad ignores it (no suggestion past {MAX_SUGGESTED_KEYS} unknown keys)"
                )
            issues.append(Issue("error", unknown.path, message, "unknown-field"))
    return issues


@functools.lru_cache(maxsize=4096)
def _suggest(key: str, model: type[NomadModel]) -> str:
    field = model.model_fields.get(key)
    if field is not None and field.alias is not None and field.alias != key:
        return f'unknown field; did you mean "{field.alias}"? Nomad ignores snake_case names in JSON'
    aliases, folded_aliases = _spellings(model)
    close = difflib.get_close_matches(key, aliases, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(key.casefold(), folded_aliases, n=1, cutoff=0.6)
        close = [alias for alias in aliases if close and alias.casefold() == close[0]]
    if close:
        return f'unknown field; did you mean "{close[0]}"?'
    return f"unknown field; Nomad ignores it ({model.__name__} has no such field)"


@functools.cache
def _spellings(model: type[NomadModel]) -> tuple[list[str], list[str]]:
    """The wire keys of ``model``, as written and case-folded."""
    aliases = list(model_aliases(model))
    return aliases, [alias.casefold() for alias in aliases]
