"""A side named by a kin of its configured name: an army is called by its members as often as
by itself ("federal soldiers" for "Federal Forces"), and a state's bodies by its nationality
("the Varnian defence ministry" for the side configured as "Varnian forces").

A configured group name or alias that ends in a member noun ("forces", "army", "troops")
calls its members by the words before it ("federal" of "Federal Forces", "varland" of
"Varland army"). Words that are those of exactly one configured group stand for it; two
groups that share them (a state's army and its irregulars) leave them unresolved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns that name an armed body or its members: one may stand for another in a side's name.
MEMBERS = frozenset(
    """forces troops soldiers army military fighters militants militiamen servicemen rebels
    personnel""".split()
)
# A state's bodies that speak for its side: "the Varnian defence ministry said".
_STATE_BODIES = frozenset(
    """ministry military army government command staff headquarters spokesman spokeswoman
    spokesperson""".split()
)


def folded(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


def members_of(name: str) -> str | None:
    """What a group's name calls its members by: "federal" of "Federal Forces", "varland" of
    "Varland army"; None for a name that does not end in a member noun."""
    words = folded(name).rsplit(" ", 1)
    return words[0] if len(words) == 2 and words[1] in MEMBERS else None


def one_group_of_members(entities: Sequence[EntityRef], prefixes: set[str]) -> EntityRef | None:
    """The one configured group with a name of a member noun after one of `prefixes`."""
    found = {
        e.name: e
        for e in entities
        if e.kind == "group"
        for name in e.names
        if members_of(name) in prefixes
    }
    return next(iter(found.values())) if len(found) == 1 else None


def state_army(place: EntityRef, entities: Sequence[EntityRef]) -> EntityRef | None:
    """The one configured group named as the place's members ("X military", "X army", "X
    forces" for the place X): a state's or region's own army."""
    return one_group_of_members(entities, {folded(n) for n in place.names})


def state_body_side(speaker: Token, entities: Sequence[EntityRef]) -> EntityRef | None:
    """The side a state's body speaks for, named by the nationality before it ("the Varnian
    defence ministry", "the Varnian military"): the one group whose members that word names."""
    if speaker.lemma_.lower() not in _STATE_BODIES:
        return None
    words = {
        folded(c.text)
        for c in speaker.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < speaker.i
    }
    return one_group_of_members(entities, words) if words else None
