"""Find mentions of configured entities (names and aliases) in a sentence.

Matching is case-insensitive on whole words, longest name first, so "National Resistance Front"
wins over "resistance"; an acronym of two or three capitals matches only in capitals. People
get one more check, because a short alias such as "Massoud" also appears inside other people's
names: a person mention that is directly preceded or followed by another capitalised name token
that belongs to no configured name ("Ahmad Shah Massoud", "Massoud Khalili") names somebody
else, and so does "the late ...".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from monitor.extract.language.text import CAPITAL, lowered_for_words
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
    interim caretaker former late warlord spokesman spokesperson envoy ambassador pm premier
    prime commander-in-chief secretary-general secretary""".split()
)
_SENTENCE_STARTERS = frozenset(
    """the a an but and yet so then later meanwhile however now yesterday today earlier also
    still when while after before if since as although though both neither either only even
    last on in at by for with from to of that this these those there here what why how where
    who which according under unlike like despite""".split()
)
_NAME_TOKEN = re.compile(rf"{CAPITAL}[\w'’.-]*")
_PREV_WORD = re.compile(r"([\w'’.-]+)\s+$")
_NEXT_WORD = re.compile(r"^\s+([\w'’.-]+)")
_APOSTROPHE = re.compile(r"['’]")
_LATE = re.compile(r"\b(?:late|namesake)\b(?:\s+[\w'’-]+){0,2}\s+$", re.I)


@functools.lru_cache(maxsize=4096)
def _pattern(name: str) -> re.Pattern[str]:
    """A name as a whole-word pattern; straight and typographic apostrophes are the same."""
    parts = [_APOSTROPHE.sub("['’]", re.escape(part)) for part in name.split()]
    body = r"\s+".join(parts)
    return re.compile(rf"(?<![\w-]){body}(?!\w)", 0 if _SHORT_ACRONYM.match(name) else re.I)


# An acronym of two or three capitals is written so everywhere ("RSF", "IS"), and in lower case
# it is often a word ("is", "us"): it matches in capitals only. Longer ones are often written
# as words ("Isis", "Nato") and match in any case.
_SHORT_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,2}$")


class _Configured:
    """An entity configuration with what matching needs, worked out once: every name and
    alias longest first with a cheap first-word test, and the tokens of all names. Hashing a
    configuration means hashing every entity, so the hash is computed once too."""

    __slots__ = ("by_first", "entities", "first", "hash", "known", "names")

    def __init__(self, entities: tuple[EntityRef, ...]) -> None:
        self.entities = entities
        self.hash = hash(entities)
        pairs = sorted(
            ((n, e) for e in entities for n in e.names if n.strip()), key=lambda ne: -len(ne[0])
        )
        self.names = tuple((n, e, _pattern(n)) for n, e in pairs)
        # The names by first word (in lower case, straight apostrophes), as positions in `names`.
        by_first: dict[str, list[int]] = {}
        for i, (n, _) in enumerate(pairs):
            by_first.setdefault(n.split()[0].lower().replace("’", "'"), []).append(i)
        self.by_first = tuple((word, tuple(at)) for word, at in by_first.items())
        self.first = tuple(n.split()[0].lower().replace("’", "'") for n, _ in pairs)
        self.known = frozenset(t.lower() for e in entities for n in e.names for t in n.split())

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, _Configured) and self.entities == other.entities)


@functools.lru_cache(maxsize=64)
def _configured(entities: tuple[EntityRef, ...]) -> _Configured:
    return _Configured(entities)


# The configurations seen last, by identity: a configuration is usually one tuple object
# passed for every sentence, and looking it up by value would hash all its entities each time.
_RECENT: dict[int, tuple[tuple[EntityRef, ...], _Configured]] = {}


def _lookup(entities: Sequence[EntityRef]) -> _Configured:
    if type(entities) is tuple:  # immutable: its identity stands for its value
        recent = _RECENT.get(id(entities))
        if recent is not None and recent[0] is entities:
            return recent[1]
        found = _configured(entities)
        if len(_RECENT) >= 8:
            _RECENT.clear()
        _RECENT[id(entities)] = (entities, found)  # holds the tuple, so its id stays its own
        return found
    return _configured(tuple(entities))


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
    return list(_mentions(sentence, _lookup(entities)))


@functools.lru_cache(maxsize=32)  # the extractors of one sentence, not a cache of the corpus
def _mentions(sentence: str, configured: _Configured) -> tuple[Mention, ...]:
    known = configured.known
    lowered = sentence.lower().replace("’", "'")
    # When lower-casing is what re.I does, a name can only match where its first word stands
    # in `lowered` (same offsets): str.find then replaces a regex scan of the whole sentence.
    aligned = lowered_for_words(sentence) is not None and len(lowered) == len(sentence)
    found: list[Mention] = []
    # Most names are absent from most sentences: only those whose first word occurs are tried,
    # longest first as in `names`.
    tried = sorted(i for word, at in configured.by_first if word in lowered for i in at)
    for i in tried:
        _, entity, pattern = configured.names[i]
        first = configured.first[i]
        matches = (
            _finditer(pattern, sentence, lowered, first)
            if aligned and first.isascii()
            else pattern.finditer(sentence)
        )
        for m in matches:
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            if entity.kind == "person" and _is_other_person(sentence, m.start(), m.end(), known):
                continue
            found.append(Mention(entity, m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f.start))


def _finditer(
    pattern: re.Pattern[str], sentence: str, lowered: str, first: str
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(sentence)`, trying only where `first` stands in `lowered`."""
    pos = lowered.find(first)
    while pos != -1:
        m = pattern.match(sentence, pos)
        if m:
            yield m
            pos = lowered.find(first, max(m.end(), pos + 1))
        else:
            pos = lowered.find(first, pos + 1)
