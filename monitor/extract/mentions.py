"""Find mentions of configured entities (names and aliases) in a sentence.

Matching is case-insensitive on whole words, longest name first, so "National Resistance
Front" wins over "resistance". People get one more check, because a short alias such as
"Massoud" also appears inside other people's names: a person mention that is directly preceded
or followed by another capitalised name token that belongs to no configured name ("Ahmad Shah
Massoud", "Massoud Khalili") names somebody else, and so does "the late ...".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.records import EntityRef


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a configured entity in a sentence."""

    entity: EntityRef
    start: int
    end: int


# Capitalised words that may sit next to a name without being part of it.
_TITLES = frozenset(
    """mr mrs ms dr gen general commander cmdr president minister mullah maulvi mawlawi col
    colonel lt capt captain major sir prof professor marshal sgt sergeant chief leader governor
    gov sen senator rep king prince emir amir imam haji hajji qari sheikh vice deputy acting
    interim caretaker former late warlord spokesman spokesperson envoy ambassador""".split()
)
_SENTENCE_STARTERS = frozenset(
    """the a an but and yet so then later meanwhile however now yesterday today earlier also
    still when while after before if since as although though both neither either only even
    last on in at by for with from to of that this these those there here what why how where
    who which according under unlike like despite""".split()
)
_NAME_TOKEN = re.compile(r"[A-Z][\w'’.-]*")
_PREV_WORD = re.compile(r"([\w'’.-]+)\s+$")
_NEXT_WORD = re.compile(r"^\s+([\w'’.-]+)")
_APOSTROPHE = re.compile(r"['’]")
_LATE = re.compile(r"\b(?:late|namesake)\b(?:\s+[\w'’-]+){0,2}\s+$", re.I)


@functools.lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    """A name as a whole-word pattern; straight and typographic apostrophes are the same."""
    parts = [_APOSTROPHE.sub("['’]", re.escape(part)) for part in name.split()]
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w-]){body}(?!\w)", re.I)


@functools.lru_cache(maxsize=64)
def _names(entities: tuple[EntityRef, ...]) -> tuple[tuple[str, str, EntityRef], ...]:
    """Every name and alias, longest first, with a cheap first-word test for each."""
    pairs = sorted(
        ((n, e) for e in entities for n in e.names if n.strip()), key=lambda ne: -len(ne[0])
    )
    return tuple((n, n.split()[0].lower().replace("’", "'"), e) for n, e in pairs)


@functools.lru_cache(maxsize=64)
def _configured_tokens(entities: tuple[EntityRef, ...]) -> frozenset[str]:
    return frozenset(t.lower() for e in entities for n in e.names for t in n.split())


def _is_foreign_name_token(word: str | None, known: frozenset[str], at_start: bool) -> bool:
    """True when `word` looks like part of some other proper name."""
    if not word or not _NAME_TOKEN.fullmatch(word) or word.endswith(("'s", "’s")):
        return False
    lower = word.lower().rstrip(".")
    if lower in known or lower in _TITLES:
        return False
    return not (at_start and lower in _SENTENCE_STARTERS)


def _is_other_person(sentence: str, start: int, end: int, known: frozenset[str]) -> bool:
    before = sentence[:start]
    if _LATE.search(before):
        return True
    prev = _PREV_WORD.search(before)
    nxt = _NEXT_WORD.match(sentence[end:])
    prev_word = prev.group(1) if prev else None
    at_start = prev is not None and prev.start() == 0
    next_word = nxt.group(1) if nxt else None
    return _is_foreign_name_token(prev_word, known, at_start) or _is_foreign_name_token(
        next_word, known, False
    )


def find_mentions(sentence: str, entities: Sequence[EntityRef]) -> list[Mention]:
    """All non-overlapping entity mentions in `sentence`, in order of position. Every
    extractor asks this of the same sentence, so the answer is remembered for a while."""
    return list(_mentions(sentence, tuple(entities)))


@functools.lru_cache(maxsize=32)  # the extractors of one sentence, not a cache of the corpus
def _mentions(sentence: str, configured: tuple[EntityRef, ...]) -> tuple[Mention, ...]:
    known = _configured_tokens(configured)
    lowered = sentence.lower().replace("’", "'")
    found: list[Mention] = []
    for name, first_word, entity in _names(configured):
        if first_word not in lowered:  # most names are absent from most sentences
            continue
        for m in _pattern(name).finditer(sentence):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if entity.kind == "person" and _is_other_person(sentence, m.start(), m.end(), known):
                continue
            found.append(Mention(entity, m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f.start))
