"""Shapes of prose that change no fact, for `robustness`: a sentence opened by an adverb or a
phrase of time ("However, ...", "On Monday, ..."), closed by one ("... on Monday."), or with an
aside after a name: a person's age ("X, 54, said"), a description of a place ("Y, a town in the
region, fell"). A shape that does not fit a sentence (no configured person in it) gives None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from monitor.extract.language.mentions import Mention, find_mentions
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# A first word that keeps its capital after an opening: a name, an acronym, a nationality.
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:i|ian|ese|ish|ean|can|ine|ch|an)$")
# After a name, where an aside can stand: before a word in lower case, not a possessive.
_ASIDE_ROOM = re.compile(r" (?!s\b)[a-z]")


@dataclass(frozen=True, slots=True)
class Prose:
    """A sentence as written, whether its first word keeps its capital after an opening, and
    the configured names in it."""

    text: str
    named: bool
    mentions: Sequence[Mention]


ProseShape = Callable[[Prose], str | None]


def prose(text: str, first: Token, entities: Sequence[EntityRef]) -> Prose:
    """`text` with the first token of its parse and the entities it may name."""
    word = first.text
    named = first.tag_ in ("NNP", "NNPS") or word.isupper() or bool(_NATIONALITY.match(word))
    return Prose(text, named, find_mentions(text, entities))


def opened_with(phrase: str) -> ProseShape:
    """The sentence opened with `phrase`; its first word in lower case unless it is a name."""

    def shape(sentence: Prose) -> str:
        text = sentence.text
        return phrase + (text if sentence.named else text[:1].lower() + text[1:])

    return shape


def dated_at_its_end(sentence: Prose) -> str:
    """ "... on Monday.": a phrase of time before the full stop."""
    return f"{sentence.text[:-1]} on Monday."


def aside_after(kind: str, aside: str) -> ProseShape:
    """`aside` after the first configured name of `kind` that has room for one."""

    def shape(sentence: Prose) -> str | None:
        text = sentence.text
        for m in sentence.mentions:
            if m.entity.kind == kind and _ASIDE_ROOM.match(text, m.end):
                return text[: m.end] + aside + text[m.end :]
        return None

    return shape


SHAPES: dict[str, ProseShape] = {
    'with "However, " before it': opened_with("However, "),
    'with "On Monday, " before it': opened_with("On Monday, "),
    'with "on Monday" before its full stop': dated_at_its_end,
    'with ", 54," after a person\'s name': aside_after("person", ", 54,"),
    'with ", a town in the region," after a place': aside_after("place", ", a town in the region,"),
}
