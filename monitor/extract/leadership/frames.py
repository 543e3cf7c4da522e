"""Fates and whereabouts read from the parse: where a person arrived or is ("X arrived in
Bara", "X visited Y", "X remains in Y", "X is abroad"), and a person a verb of killing takes
("Israel killed X in an air strike", "assassinating its leader X").

A whereabouts is a place: a configured one, a proper name or a place noun ("the country"), never
"in talks"; "abroad" or "outside the country" is a flight whose destination is untold. The
passive ("X was killed") is the word-pattern reader's. See `language.frame_base` for what every
frame shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import (
    Parsed,
    child,
    era_text,
    happened,
    passive,
    prep_object,
)
from monitor.extract.language.grammar import claimant_of, is_time, phrase, subject
from monitor.extract.language.history import FATE_ERA, OFFICE_YEAR, is_past
from monitor.extract.language.where import is_place_like
from monitor.extract.leadership.countries import is_country
from monitor.records import Claim, EntityRef, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Token

_ARRIVAL_VERBS = frozenset("arrive visit be remain stay hide".split())


def _whereabouts(s: Parsed, verb: Token) -> Token | None:
    """Where a person is said to be: "arrived in Y", "visited Y", "is (safe and) inside Y",
    "remains in Y". Only a place: a configured one, a proper name, or a place noun ("the
    country", "the valley"), never "in talks"."""
    if verb.lemma_ == "visit":
        found = child(verb, "dobj")
    else:
        heads = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr"))]
        heads += [c for h in heads[1:] for c in h.children if c.dep_ == "conj"]
        found = next((o for h in heads if (o := prep_object(h, *_WHERE)) is not None), None)
        if found is None:  # "safe and inside the country": the preposition is a conjunct
            found = next(
                (child(h, "pobj") for h in heads if h.lower_ in _WHERE and h.dep_ == "conj"),
                None,
            )
    if found is None or is_time(found):
        return None
    return found if is_place_like(found, s.entities) else None


_WHERE = ("in", "inside", "at", "within")


def arrival_frames(s: Parsed) -> list[Claim]:
    """A present whereabouts: "X arrived in Y", "X visited Y", "X is in Y", "X remains in Y"."""
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _ARRIVAL_VERBS or not happened(verb):
            continue
        person = s.entity(subject(verb), "person")
        if person is None:
            continue
        place = _whereabouts(s, verb)
        if place is not None:
            where = s.entity(place, "place")
            value = Leadership(
                person.name, None, None, "located", where.name if where else phrase(place)
            )
        elif verb.lemma_ != "visit" and _abroad(verb):
            value = Leadership(person.name, None, None, "fled")
        else:
            continue
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


def _abroad(verb: Token) -> bool:
    """ "X is abroad", "X is (believed to be) outside the country": gone from the country the
    story is about, where to untold. "Outside" a town is near it, not abroad."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("acomp", "attr"))]
    for head in heads:
        for c in head.children:
            if c.dep_ == "advmod" and c.lower_ == "abroad":
                return True
            if c.dep_ == "prep" and c.lower_ == "outside":
                place = child(c, "pobj")
                if place is not None and (place.lower_ == "country" or is_country(phrase(place))):
                    return True
    return False


_KILLING = frozenset("kill assassinate eliminate execute slay".split())


def _the_person(s: Parsed, token: Token | None) -> EntityRef | None:
    """The configured person a noun phrase is: the name itself, or the name set beside a
    title ("its leader Hassan Nasrallah"); never a possessor ("X's bodyguard")."""
    if token is None:
        return None
    for t in (token, *(c for c in token.children if c.dep_ in ("appos", "compound"))):
        found = s.heads.get(t.i)
        if found is not None and found.kind == "person":
            return found
    return None


def killing_frames(s: Parsed) -> list[Claim]:
    """A person a verb of killing takes as its object: "assassinating its leader X",
    "Israel killed X in an air strike". The passive ("X was killed") is the kind
    extractor's."""
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _KILLING or passive(verb) or not happened(verb):
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FATE_ERA, OFFICE_YEAR):
            continue
        person = _the_person(s, child(verb, "dobj"))
        if person is None:
            continue
        value = Leadership(person.name, None, None, "killed")
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims
