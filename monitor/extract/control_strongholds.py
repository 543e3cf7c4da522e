"""Holdings told by a description of the place: "Dorvik, the last southern stronghold of the
loyalists", "Kastrel, the front's final bastion", "the SLM stronghold of Kaleb".

A stronghold is held by its owner at the time of the sentence unless the sentence tells it
taken: "captured Kidal, the rebels' last stronghold" was theirs, and is no longer; the
capture stands alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.attribution import is_hedged
from monitor.extract.frame_base import Parsed, prep_object, side_of
from monitor.extract.grammar import claimant_of, noun_head
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
    """ "stronghold of X", "X's stronghold", "the X stronghold"."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "nmod"):
            found = side_of(s, noun_head(c)) or side_of(s, c)
            if found is not None:
                return found
    return side_of(s, prep_object(noun, "of"))


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


def stronghold_frames(s: Parsed) -> Iterator[Claim]:
    nouns = [t for t in s.span if t.lemma_ in _STRONGHOLD and t.pos_ == "NOUN"]
    if not nouns or any(t.lemma_ in _TAKING and t.pos_ in ("VERB", "NOUN") for t in s.span):
        return
    for noun in nouns:
        place, owner = _described_place(s, noun), _owner(s, noun)
        if place is None or owner is None:
            continue
        value = TerritorialControl(place.name, owner.name, "holds")
        yield Claim(value, s.text, claimant_of(noun.head), is_hedged(s.text))
