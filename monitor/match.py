"""Match stage: which watches an entry satisfies.

All terms of all watches (entity names, aliases, plain terms, `require` and `exclude` terms) go
into one Aho-Corasick automaton, so the cost of matching an entry grows with the entry's length,
not with the number of terms. Text and terms are folded the same way first: Unicode compatibility
forms, case, accents, typographic quotes and dashes, Arabic/Persian letter variants, zero-width
characters. Hits count only on whole words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import ahocorasick

from monitor.records import EntityRef, Entry, Hit, Match

Role = Literal["match", "require", "exclude"]
FIELDS = ("title", "summary", "content")

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9",  # Arabic yeh/kaf -> Persian
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u200c": None, "\u200d": None, "\u200b": None, "\u2060": None, "\ufeff": None,
        "\u0640": None,  # tatweel
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """The form in which text and terms are compared."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLATE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", unicodedata.normalize("NFC", stripped).casefold())


@dataclass(frozen=True, slots=True)
class WatchSpec:
    """What the matcher needs of one watch."""

    name: str
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Pattern:
    watch: str
    role: Role
    term: str
    entity: str | None


class Matcher:
    """Compiled once per configuration; `match` is then cheap and thread-safe."""

    def __init__(self, watches: Sequence[WatchSpec], entities: Sequence[EntityRef]) -> None:
        by_name = {e.name: e for e in entities}
        table: dict[str, list[_Pattern]] = defaultdict(list)
        for watch in watches:
            for pattern in _patterns(watch, by_name):
                key = fold(pattern.term).strip()
                if key:
                    table[key].append(pattern)
        self._automaton = ahocorasick.Automaton()
        for key, patterns in table.items():
            self._automaton.add_word(key, (len(key), tuple(patterns)))
        self._empty = not table
        if not self._empty:
            self._automaton.make_automaton()
        self._watches = [w.name for w in watches]
        self._with_require = {w.name for w in watches if w.require}

    def match(self, entry: Entry) -> list[Match]:
        """The watches this entry satisfies, in configuration order."""
        if self._empty:
            return []
        found: dict[str, dict[Role, list[Hit]]] = defaultdict(lambda: defaultdict(list))
        for field in FIELDS:
            for pattern, hit in self._scan(getattr(entry, field), field):
                found[pattern.watch][pattern.role].append(hit)
        matches = []
        for name in self._watches:
            roles = found.get(name)
            if roles and _satisfied(roles, needs_require=name in self._with_require):
                matches.append(Match(name, tuple(roles["match"] + roles["require"])))
        return matches

    def _scan(self, text: str, field: str) -> Iterable[tuple[_Pattern, Hit]]:
        folded = fold(text)
        for end, (length, patterns) in self._automaton.iter(folded):
            start = end - length + 1
            if not _whole_word(folded, start, end + 1):
                continue
            for pattern in patterns:
                yield pattern, Hit(pattern.term, field, start, end + 1, pattern.entity)


def _patterns(watch: WatchSpec, entities: dict[str, EntityRef]) -> Iterable[_Pattern]:
    for name in watch.entities:
        entity = entities.get(name)
        for term in entity.names if entity else (name,):
            yield _Pattern(watch.name, "match", term, name)
    for term in watch.terms:
        yield _Pattern(watch.name, "match", term, None)
    for term in watch.require:
        entity = entities.get(term)
        for alias in entity.names if entity else (term,):
            yield _Pattern(watch.name, "require", alias, entity.name if entity else None)
    for term in watch.exclude:
        yield _Pattern(watch.name, "exclude", term, None)


def _satisfied(roles: dict[Role, list[Hit]], *, needs_require: bool) -> bool:
    """At least one term; at least one `require` term if the watch has any; no `exclude` term."""
    if not roles.get("match") or roles.get("exclude"):
        return False
    return bool(roles.get("require")) or not needs_require


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())
