"""Fates and whereabouts read from the parse: where a person arrived or is ("X arrived in
Bara", "X visited Y", "X remains in Y", "X is abroad"), a person a verb of killing takes
("Israel killed X in an air strike", "assassinating its leader X"), a death told by its noun
("confirmed X's death", "announced the killing of its commander X") and a death found or
reported ("X was confirmed dead", "was reported killed": hedged when only reported or believed).

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
from monitor.extract.language.grammar import (
    SPEECH_LEMMAS,
    claimant_of,
    is_doubted,
    is_perfect,
    is_time,
    phrase,
    subject,
    told_until,
    who_speaks,
)
from monitor.extract.language.history import FATE_ERA, OFFICE_YEAR, fate_is_history, is_past
from monitor.extract.language.where import (
    is_place_itself,
    is_place_like,
    names_a_place,
    place_phrase,
)
from monitor.extract.leadership.countries import is_country
from monitor.extract.leadership.predicates import SURVIVED
from monitor.records import Claim, EntityRef, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Token

# "moved to Y", "relocated from X to Y", "returned to Y", "crossed into Y", "was evacuated to
# Y", "made his way to Y": a person who moved is where the move ended (not a journey told
# without its end, "flew to Y for talks", "has travelled to Y twice").
_MOVING = frozenset("move relocate return cross evacuate make".split())
# "is being held in Y", "X, imprisoned in Y": a detainee is where he is kept; and so is one
# "based" or "stationed" in Y, a place named, while no end is told ("until May").
_KEPT = frozenset("imprison jail detain hold base station".split())
_POSTED = frozenset("base station".split())
# "sought refuge in Y", "has taken shelter in Y".
_REFUGE = frozenset("refuge shelter sanctuary".split())
_SEEKING = frozenset("seek take find".split())
_ARRIVAL_VERBS = (
    frozenset("arrive visit be remain stay hide live".split()) | _MOVING | _KEPT | _SEEKING
)


def _whereabouts(s: Parsed, verb: Token) -> Token | None:
    """Where a person is said to be: "arrived in Y", "visited Y", "is (safe and) inside Y",
    "remains in Y", "lives in exile in Y", "moved to Y", "is held in Y", "sought refuge in Y".
    Only a place: a configured one, a proper name, or a place noun ("the country", "the
    valley"), never "in talks"."""
    if verb.lemma_ == "visit":
        found = child(verb, "dobj")
    elif verb.lemma_ in _MOVING:  # not "moved his fighters to Y", but "made his way to Y"
        way = child(verb, "dobj")
        if verb.lemma_ == "make":
            found = prep_object(verb, "to") if way is not None and way.lower_ == "way" else None
        else:
            found = None if way is not None else prep_object(verb, "to", "into")
    elif verb.lemma_ in _KEPT:  # only the kept one: "held talks in Y" keeps nobody
        kept = passive(verb) or (verb.tag_ == "VBN" and not is_perfect(verb))
        found = prep_object(verb, *_WHERE) if kept else None
    elif verb.lemma_ in _SEEKING:
        refuge = child(verb, "dobj")
        found = None
        if refuge is not None and refuge.lower_ in _REFUGE:
            found = prep_object(verb, *_WHERE) or prep_object(refuge, *_WHERE)
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
    if verb.lemma_ in _POSTED and (not names_a_place(found, s.entities) or told_until(verb)):
        return None  # "was based in the provincial capital until May"
    inside = prep_object(found, *_WHERE)  # "lives in exile in Y", "in a safe house in Y"
    if inside is not None and not is_place_itself(found):
        found = inside
    return found if is_place_like(found, s.entities) else None


_WHERE = ("in", "inside", "at", "within")


def arrival_frames(s: Parsed) -> list[Claim]:
    """A present whereabouts: "X arrived in Y", "X visited Y", "X is in Y", "X remains in Y",
    "X moved to Y"."""
    claims = []
    for verb in s.with_lemma(_ARRIVAL_VERBS):
        kept = verb.head if verb.dep_ == "acl" and verb.lemma_ in _KEPT else None  # "X, held in Y"
        person = s.entity(kept or subject(verb), "person")
        if person is None or not happened(verb):
            continue
        place = _whereabouts(s, verb)
        if place is not None:
            where = s.entity(place, "place")
            value = Leadership(
                person.name, None, None, "located", where.name if where else place_phrase(place)
            )
        elif verb.lemma_ != "visit" and _abroad(verb):
            value = Leadership(person.name, None, None, "fled")
        else:
            continue
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


_FLEEING = frozenset("flee escape".split())
_DESTINATIONS = ("to", "into", "for")  # "fled to Y", "fled X for Y"


def flight_frames(s: Parsed) -> list[Claim]:
    """A person who fled, with where to, read where words between the name and the verb keep
    the word patterns from it: "X, whose whereabouts are unknown, is believed to have fled to
    Y". The person is the verb's subject itself, never a possessor ("X's guards fled")."""
    claims = []
    for verb in s.with_lemma(_FLEEING):
        person = _the_person(s, subject(verb)) if verb.pos_ == "VERB" else None
        if person is None or not happened(verb) or _survived(verb):
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FATE_ERA, OFFICE_YEAR):
            continue
        place = prep_object(verb, *_DESTINATIONS)
        if place is not None and (is_time(place) or not is_place_like(place, s.entities)):
            place = None
        named = s.entity(place, "place") if place is not None else None
        where = named.name if named else place_phrase(place) if place is not None else None
        value = Leadership(person.name, None, None, "fled", where)
        hedged = is_hedged(s.text) or is_doubted(verb)
        claims.append(Claim(value, s.text, claimant_of(verb), hedged))
    return claims


def _survived(verb: Token) -> bool:
    """ "escaped unhurt", "escaped an assassination attempt", "escaped with minor injuries":
    survived, not fled (`predicates.SURVIVED`)."""
    told = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "dobj", "advmod", "xcomp")]
    told += [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
    ]
    return any(c.lower_ in SURVIVED for c in told)


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
_KILLING_OR_DYING = _KILLING | {"die"}


def _the_person(s: Parsed, token: Token | None) -> EntityRef | None:
    """The configured person a noun phrase is: the name itself, or the name set beside a
    title ("its leader Hassan Nasrallah"); never a possessor ("X's bodyguard")."""
    named = _named_person(s, token)
    return named[0] if named is not None else None


def _named_person(s: Parsed, token: Token | None) -> tuple[EntityRef, Token] | None:
    """The person of `_the_person` and the token that names it."""
    if token is None:
        return None
    for t in (token, *(c for c in token.children if c.dep_ in ("appos", "compound"))):
        found = s.heads.get(t.i)
        if found is not None and found.kind == "person":
            return found, t
    return None


def killing_frames(s: Parsed) -> list[Claim]:
    """A person a verb of killing takes as its object ("assassinating its leader X", "Israel
    killed X in an air strike"), or as its subject in the passive, and a person who died: "X
    on Monday was killed", "X early on Sunday died", where words between the name and its verb
    keep the kind extractor from it."""
    claims = []
    for verb in s.with_lemma(_KILLING_OR_DYING):
        if not happened(verb):
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FATE_ERA, OFFICE_YEAR):
            continue
        named = _named_person(s, _who_dies(verb))
        if named is None or _anniversary(s, named[1], verb):
            continue
        person = named[0]
        value = Leadership(person.name, None, None, "killed")
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


def _anniversary(s: Parsed, name: Token, verb: Token) -> bool:
    """ "20 years since X was killed", "his late father, X": a death of another time."""
    start = name.left_edge.idx - s.span.start_char
    person = (start, name.idx + len(name.text) - s.span.start_char)
    return fate_is_history(s.text, person, verb.idx - s.span.start_char, s.year, fate=True)


def _who_dies(verb: Token) -> Token | None:
    if verb.lemma_ == "die":
        return child(verb, "nsubj")
    return child(verb, "nsubjpass") if passive(verb) else child(verb, "dobj")


_DEATH_NOUNS = frozenset("death killing assassination execution murder".split())
# Verbs over a death noun that leave the death untold: "feared the death of", "faked his death".
_NO_DEATH = frozenset(
    "fear fake stage threaten plot plan deny dismiss dispute reject order demand urge".split()
)
# "was <verb> dead / killed": the death found or confirmed, or only reported or believed.
_FOUND_DEAD = frozenset("confirm find declare pronounce".split())
_THOUGHT_DEAD = frozenset("believe presume report fear think".split())


def _dead_person(s: Parsed, noun: Token) -> EntityRef | None:
    """Whose death a noun tells: its possessor ("X's death") or its of-phrase ("the killing of
    its commander X")."""
    owner = child(noun, "poss") or prep_object(noun, "of")
    return _the_person(s, owner)


def _governing_verb(token: Token) -> Token | None:
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def death_noun_frames(s: Parsed) -> list[Claim]:
    """A death told by a noun: "the NLA confirmed X's death", "announced the death of its
    leader X", "X's killing was confirmed". A verb over it that is negated, modal, denied or
    feared leaves it untold; so does a date that makes it history."""
    claims = []
    for noun in s.with_lemma(_DEATH_NOUNS):
        if noun.pos_ != "NOUN":
            continue
        person = _dead_person(s, noun)
        verb = _governing_verb(noun)
        if person is None or (verb is not None and not _tells_death(verb)) or _remembered(noun):
            continue
        if s.year is not None and is_past(era_text(verb or noun), s.year, FATE_ERA, OFFICE_YEAR):
            continue
        value = Leadership(person.name, None, None, "killed")
        claims.append(Claim(value, s.text, _teller(verb), is_hedged(s.text)))
    return claims


def _teller(verb: Token | None) -> str | None:
    """Who tells of the death: the subject of the verb of telling that takes the noun ("the NLA
    confirmed X's death"), the agent of a passive one ("was confirmed dead by the army"), or
    whoever reports that verb's clause."""
    if verb is None:
        return None
    told = passive(verb) or verb.lemma_ in SPEECH_LEMMAS  # "was found dead by", "confirmed"
    who = who_speaks(verb) if told else None
    if who is not None and who.pos_ != "PRON":
        return phrase(who)
    return claimant_of(verb)


# Nouns and prepositions that make a death the past an article looks back on: "the
# anniversary of the death of X", "since X's death".
_REMEMBRANCE = frozenset("anniversary memory commemoration remembrance memorial legacy".split())


def _remembered(noun: Token) -> bool:
    node = noun
    while node.dep_ in ("pobj", "prep") and node.head.i != node.i:
        node = node.head
        if node.lower_ == "since" or node.lemma_ in _REMEMBRANCE:
            return True
    return False


def _tells_death(verb: Token) -> bool:
    return happened(verb) and verb.lemma_ not in _NO_DEATH


def found_dead_frames(s: Parsed) -> list[Claim]:
    """ "X was confirmed dead", "was found dead in Y", "was reported killed", "is believed
    dead": a death stated of the passive subject; hedged when only reported or believed."""
    claims = []
    for word in s.with_lower(("dead", "killed")):
        if word.dep_ not in ("oprd", "xcomp", "acomp"):
            continue
        verb = word.head
        known = verb.lemma_ in _FOUND_DEAD
        if not (known or verb.lemma_ in _THOUGHT_DEAD) or not happened(verb):
            continue
        person = _the_person(s, child(verb, "nsubjpass"))
        if person is None:
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FATE_ERA, OFFICE_YEAR):
            continue
        value = Leadership(person.name, None, None, "killed")
        hedged = not known or is_hedged(s.text)
        claims.append(Claim(value, s.text, _teller(verb), hedged))
    return claims
