"""What reference resolution (`coref`) keeps of the sentences before the current one.

A reference looks back at most `WINDOW` sentences, and resolves to the one compatible entity
of the nearest sentence that names any; a person pronoun does not look past a sentence in which
someone else speaks. The edits that person, group and place references make to a sentence are
`Edit`s, applied by `coref.resolve_references`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from monitor.extract.control import DATELINE
from monitor.extract.language.attribution import find_speaker
from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import not_the_scene
from monitor.records import EntityRef

EntityKind = Literal["person", "group", "place"]

# How many sentences back a reference may look for its entity.
WINDOW = 3
_NO_KINDS: set[str] = set()

_QUOTE = re.compile(r"[“”\"]")


@dataclass(frozen=True, slots=True)
class Edit:
    """Write `entity`'s name over `start:end` of a sentence; `restore` as in `Substitution`."""

    start: int
    end: int
    entity: EntityRef
    restore: bool
    after: str = ""  # words kept after the name: "army soldiers" -> "Sudanese army soldiers"


class EarlierSentence:
    """An earlier sentence: what it names, and (worked out when asked) whether someone it does
    not name speaks in it, in which case a later "he" or "she" more likely means that speaker."""

    __slots__ = ("_other", "kinds", "mentions", "text")

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        # "PORT HALDEN - ...": the place a story was filed from is not what it is about.
        dateline = DATELINE.match(text) if text[:2].isupper() else None
        if dateline is not None:
            mentions = [
                m for m in mentions if m.start >= dateline.end() or not text[: m.end].isupper()
            ]
        self.mentions = [m for m in mentions if not is_landmark(text, m)]
        self.kinds = {m.entity.kind for m in self.mentions}
        self._other: bool | None = None

    @property
    def other_speaker(self) -> bool:
        if self._other is None:
            speaker = find_speaker(self.text)
            if speaker is None:
                self._other = _QUOTE.search(self.text) is not None
            else:
                inside = any(speaker.start <= m.start < speaker.end for m in self.mentions)
                self._other = not inside and _singular_someone(speaker.text)
        return self._other


def is_landmark(text: str, mention: Mention) -> bool:
    """Whether a place is named only as a landmark for another ("north of X") or as where news
    came from ("reports from X")."""
    return mention.entity.kind == "place" and not_the_scene(text, mention.start)


def _singular_someone(phrase: str) -> bool:
    """Whether a speaker could be "he" or "she": not a pronoun, not a plural ("officials")."""
    head = phrase.split()[-1].lower().strip(".,'’")
    if head in ("he", "she", "it", "they", "we", "i"):
        return False
    return not (head.endswith("s") and not head.endswith("ss"))


def kinds_in_view(history: Sequence[EarlierSentence]) -> set[str]:
    """The kinds of entity the sentences within reach of a reference name."""
    return set().union(*(s.kinds for s in history[-WINDOW:])) if history else _NO_KINDS


def mentions_in_view(history: Sequence[EarlierSentence]) -> Iterator[Mention]:
    """The mentions of the sentences within reach of a reference, made as they are read."""
    return (m for s in history[-WINDOW:] for m in s.mentions)


def antecedent(
    history: Sequence[EarlierSentence], kind: EntityKind, fits: frozenset[str] | None
) -> EntityRef | None:
    """The one compatible entity of the nearest earlier sentence that names any."""
    for seen in reversed(history[-WINDOW:]):
        found = {
            m.entity.name: m.entity
            for m in seen.mentions
            if m.entity.kind == kind and (fits is None or m.entity.name in fits)
        }
        if kind == "person" and seen.other_speaker:
            return None  # "he" after another speaker's words is that speaker
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def named_before(mentions: Sequence[Mention], kind: EntityKind, pos: int) -> bool:
    return any(m.entity.kind == kind and m.start < pos for m in mentions)


def overlaps(mentions: Sequence[Mention], start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in mentions)


def names_entity(mentions: Sequence[Mention], entity: EntityRef) -> bool:
    return any(m.entity.name == entity.name for m in mentions)
