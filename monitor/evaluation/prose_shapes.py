"""Shapes of prose that change no fact, for `robustness`: a sentence opened by an adverb or a
phrase of time ("However, ...", "On Monday, ..."), closed by one ("... on Monday.", or "...
Monday." as wire copy writes it), with an aside after a name: a person's age ("X, 54, said") or
a photo's pointer ("X (pictured) said"), a description of a place ("Y, a town in the region,
fell"), or with a day between a name and its verb ("X on Monday seized", "X Monday seized"). A
shape that does not fit a sentence (no configured person in it) gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from monitor.extract.language.casing import is_nationality
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Span

# After a name, where an aside can stand: before a word in lower case, not a possessive.
_ASIDE_ROOM = re.compile(r" (?!s\b)[a-z]")


@dataclass(frozen=True, slots=True)
class Prose:
    """A sentence as written, whether its first word keeps its capital after an opening, the
    configured names in it, and where its verbs start."""

    text: str
    named: bool
    mentions: Sequence[Mention]
    verbs: frozenset[int] = frozenset()


ProseShape = Callable[[Prose], str | None]


def prose(text: str, parse: Span, entities: Sequence[EntityRef]) -> Prose:
    """`text` (the sentence as written) with its parse and the entities it may name."""
    first = parse[0]
    word = first.text
    # a first word that keeps its capital after an opening: a name, an acronym, a nationality
    named = first.tag_ in ("NNP", "NNPS") or word.isupper() or is_nationality(word, entities)
    verbs = frozenset(t.idx - parse.start_char for t in parse if t.pos_ in ("VERB", "AUX"))
    return Prose(text, named, find_mentions(text, entities), verbs)


def opened_with(phrase: str) -> ProseShape:
    """The sentence opened with `phrase`; its first word in lower case unless it is a name."""

    def shape(sentence: Prose) -> str:
        text = sentence.text
        return phrase + (text if sentence.named else text[:1].lower() + text[1:])

    return shape


def dated_at_its_end(day: str) -> ProseShape:
    """ "... on Monday.", "... Monday.": a phrase of time before the full stop."""

    def shape(sentence: Prose) -> str:
        return f"{sentence.text[:-1]} {day}."

    return shape


def aside_after(kind: str, aside: str) -> ProseShape:
    """`aside` after the first configured name of `kind` that has room for one."""

    def shape(sentence: Prose) -> str | None:
        text = sentence.text
        for m in sentence.mentions:
            if m.entity.kind == kind and _ASIDE_ROOM.match(text, m.end):
                return text[: m.end] + aside + text[m.end :]
        return None

    return shape


def day_before_the_verb(kind: str, day: str = "on Monday") -> ProseShape:
    """`day` after the first configured name of `kind` that its verb follows."""

    def shape(sentence: Prose) -> str | None:
        text = sentence.text
        for m in sentence.mentions:
            if (
                m.entity.kind == kind
                and text[m.end : m.end + 1] == " "
                and m.end + 1 in sentence.verbs
            ):
                return f"{text[: m.end]} {day}{text[m.end :]}"
        return None

    return shape


SHAPES: dict[str, ProseShape] = {
    'with "However, " before it': opened_with("However, "),
    'with "On Monday, " before it': opened_with("On Monday, "),
    'with "on Monday" before its full stop': dated_at_its_end("on Monday"),
    'with "Monday" before its full stop (no "on", as wire copy writes it)': dated_at_its_end(
        "Monday"
    ),
    'with ", 54," after a person\'s name': aside_after("person", ", 54,"),
    'with " (pictured)" after a person\'s name': aside_after("person", " (pictured)"),
    'with ", a town in the region," after a place': aside_after("place", ", a town in the region,"),
    'with "on Monday" between a group and its verb': day_before_the_verb("group"),
    'with "on Monday" between a person and its verb': day_before_the_verb("person"),
    'with "Monday" between a group and its verb': day_before_the_verb("group", "Monday"),
    'with "Monday" between a person and its verb': day_before_the_verb("person", "Monday"),
}
