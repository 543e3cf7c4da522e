"""Holdings told by a description of the place: "Dorvik, the last southern stronghold of the
loyalists", "Kastrel, the front's final bastion", "the SLM stronghold of Kaleb".

A stronghold is held by its owner at the time of the sentence unless a word of taking governs
it: "captured Kidal, the rebels' last stronghold" was theirs, and is no longer; the capture
stands alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import Parsed, prep_object, side_of
from monitor.extract.language.grammar import claimant_of, noun_head
from monitor.extract.language.mentions import find_mentions
from monitor.records import Claim, EntityRef, TerritorialControl

if TYPE_CHECKING:
    from spacy.tokens import Token

_STRONGHOLD = frozenset("stronghold bastion bulwark redoubt fiefdom heartland".split())
# Words of taking or losing anywhere in the sentence: the description tells what was.
_TAKING = frozenset(
    """capture seize take overrun occupy storm fall conquer retake recapture regain lose
    liberate enter""".split()
)


def _owner(s: Parsed, noun: Token) -> EntityRef | None:
    """ "stronghold of X", "X's stronghold", "the X stronghold", "its stronghold"."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "nmod"):
            found = side_of(s, noun_head(c)) or side_of(s, c) or _possessor(s, c)
            if found is not None:
                return found
    return side_of(s, prep_object(noun, "of"))


_PERSONAL = frozenset("his her".split())
_COLLECTIVE = frozenset("its their".split())


def _possessor(s: Parsed, pronoun: Token) -> EntityRef | None:
    """ "X's army ... from his stronghold", "the front ... its stronghold": a possessive pronoun
    is the side of the nearest person ("his", "her") or group ("its", "their") named before."""
    if pronoun.lower_ in _COLLECTIVE:
        before = [i for i, e in s.heads.items() if e.kind == "group" and i < pronoun.i]
        return side_of(s, s.span.doc[max(before)]) if before else None
    if pronoun.lower_ not in _PERSONAL:
        return None
    # a person's name inside a longer name ("X's army") is no head of its own: read the words
    people = [e for e in s.entities if e.kind == "person"]
    for word in reversed(s.span.doc[s.span.start : pronoun.i]):
        named = find_mentions(word.text, people) if word.pos_ == "PROPN" else []
        if named:
            side = named[0].entity.affiliation
            return next((e for e in s.entities if e.name == side), None)
    return None


_INSIDE = frozenset("in into inside within".split())


def _inside(place: Token) -> bool:
    """ "soldiers are now fighting inside Dorvik, the rebels' last bastion": somebody is
    inside the place, so the description no longer says who holds it."""
    node = place
    while node.dep_ in ("pobj", "prep", "compound", "appos") and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ != "of":  # the nearest place preposition
            return node.lower_ in _INSIDE
    return False


def _described_place(s: Parsed, noun: Token) -> EntityRef | None:
    """The place the description is set beside: "Marib, the stronghold of ..." (apposition
    either way round) or "the stronghold of Marib" with the owner before it."""
    if noun.dep_ == "appos":
        return None if _inside(noun.head) else s.entity(noun.head, "place")
    for c in noun.children:
        if c.dep_ == "appos" and (place := s.entity(c, "place")) is not None:
            return place
    return None


def _named_by_of(s: Parsed, noun: Token) -> EntityRef | None:
    """ "the front's stronghold of Kastrel", "its stronghold of Kastrel": the "of" names the
    place when the owner stands before the noun."""
    if not any(c.dep_ in ("poss", "compound", "nmod") for c in noun.children):
        return None
    return s.entity(prep_object(noun, "of"), "place")


def _taken(noun: Token, place: EntityRef, s: Parsed) -> bool:
    """A word of taking or losing that governs the description or the place ("captured Kidal,
    the rebels' last stronghold", "the fall of X, the front's bastion"): the owner held it."""
    for token in [noun, *(s.span.doc[i] for i, e in s.heads.items() if e == place)]:
        for above in token.ancestors:
            if above.lemma_ in _TAKING and above.pos_ in ("VERB", "NOUN"):
                return True
            if above.pos_ in ("VERB", "AUX"):
                break  # the clause the description is in ends here
    return False


def stronghold_frames(s: Parsed) -> Iterator[Claim]:
    nouns = [t for t in s.with_lemma(_STRONGHOLD) if t.pos_ == "NOUN"]
    for noun in nouns:
        place = _described_place(s, noun) or _named_by_of(s, noun)
        owner = _owner(s, noun)
        if place is None or owner is None or _taken(noun, place, s):
            continue
        value = TerritorialControl(place.name, owner.name, "holds")
        yield Claim(value, s.text, claimant_of(noun.head), is_hedged(s.text))
