"""A group's force told by the attack it makes: "About 100 members of the KDF launched an attack
on Dorn", "some 300 gunmen from the KDF stormed the village". The people a count counts are the
subject of a verb of attacking (or of launching an attack), so they are fighters the group
fielded, whatever the noun ("members", "gunmen"). Their group is the one their phrase names,
also through a description ("members of a militant group known as the KDF"); a phrase naming two
groups names no one's force.

Not a force: the people attacked (an object), a passive ("were attacked by 100 fighters" is
read by the kind extractor, if at all), losses, and an attack of another era.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import (
    Parsed,
    child,
    era_text,
    happened,
    number_of,
    passive,
    with_conjuncts,
)
from monitor.extract.language.grammar import claimant_of, is_doubted
from monitor.extract.language.history import FORCE_ERA, FORCE_YEAR, is_past
from monitor.extract.language.units import PLURALS
from monitor.records import Claim, EntityRef, ForceSize

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of people who attack for a group: the force units and the words reports use for them.
_ATTACKERS = PLURALS | frozenset("members gunmen assailants attackers raiders".split())
_ATTACKS = frozenset("attack storm raid overrun ambush assault invade besiege".split())
_LAUNCHES = frozenset("launch mount stage carry".split())  # "launched an attack on"
_ATTACK_NOUNS = frozenset("attack assault raid offensive ambush incursion".split())
_NAMING = frozenset("know call name".split())  # "a group known as X", "a faction called X"
_OWNERS = frozenset("of from".split())
_DOUBTS = frozenset("suspected alleged presumed".split())


def _attacking(verb: Token) -> bool:
    """ "stormed", "attacked", "launched an attack", "carried out a raid"."""
    if verb.lemma_ not in _ATTACKS:
        made = child(verb, "dobj")
        if verb.lemma_ not in _LAUNCHES or made is None or made.lemma_ not in _ATTACK_NOUNS:
            return False
    return not passive(verb) and happened(verb)  # the costlier tests last


def _named(s: Parsed, noun: Token) -> set[str]:
    """The groups a noun of a group names, itself or by a description: "a militant group known
    as the KDF (and the Legion)"."""
    found = {e.name for t in with_conjuncts(noun) if (e := s.entity(t, "group")) is not None}
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.lemma_ in _NAMING:
            for prep in acl.children:
                if prep.dep_ == "prep" and prep.lower_ == "as" and (obj := child(prep, "pobj")):
                    found |= {e.name for t in with_conjuncts(obj) if (e := s.entity(t, "group"))}
    return found


def _side(s: Parsed, people: Token) -> EntityRef | None:
    """The one group the attackers' phrase names: "KDF fighters", "members of the KDF"."""
    names = {e.name} if (e := s.entity(people, "group")) is not None else set()
    for prep in people.children:
        if prep.dep_ == "prep" and prep.lower_ in _OWNERS and (owner := child(prep, "pobj")):
            names |= _named(s, owner)
    if len(names) != 1:
        return None
    return next((e for e in s.entities if e.name in names), None)


def attacker_frames(s: Parsed) -> list[Claim]:
    claims = []
    for people in s.with_lower(_ATTACKERS):
        if people.dep_ != "nsubj":
            continue
        verb = people.head
        counted = number_of(people) if _attacking(verb) else None
        side = _side(s, people) if counted is not None else None
        if counted is None or side is None:
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        lo, hi, qualifier = counted
        value = ForceSize(side.name, lo, hi, qualifier, people.lower_)
        doubted = any(c.lower_ in _DOUBTS for c in people.children)
        hedged = doubted or is_hedged(s.text) or is_doubted(verb)
        claims.append(Claim(value, s.text, claimant_of(verb), hedged))
    return claims
