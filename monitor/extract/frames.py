"""Verb frames read from the parse: how many fighters a group (or its leader) has or sends,
where a person arrived; and the dispatch to every kind's frames (`control.frames` for control).

These read a sentence's grammar where the kind extractors' vocabularies do not reach: a
leader's forces ("he commands several thousand men" are the group the configuration ties him
to), a count tied to its own noun ("around 9,000 fighters", never a year or a gallery's
count), an arrival ("X arrived in Bara"). See `language.frame_base` for what every frame shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.casualties import casualty_frames
from monitor.extract.control import control_frames
from monitor.extract.force import (
    GROWING,
    attacker_frames,
    force_noun_frames,
    growth_frames,
    strength_frames,
)
from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import (
    Amount,
    Parsed,
    child,
    era_text,
    happened,
    number_of,
    parsed,
    passive,
    prep_object,
    side_of,
)
from monitor.extract.language.grammar import claimant_of, is_doubted, is_time, phrase, subject
from monitor.extract.language.history import FATE_ERA, FORCE_ERA, FORCE_YEAR, OFFICE_YEAR, is_past
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.units import PLURALS, UNITS
from monitor.extract.language.where import is_place_like
from monitor.extract.leadership import is_country, office_frames, where_clause_frames
from monitor.records import Claim, EntityRef, FactKind, ForceSize, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FORCE_VERBS = frozenset(
    """have field command number deploy send assemble muster gather mobilize mobilise lead
    boast amass station count""".split()
)
_INCREMENTS = frozenset("more additional new fresh extra further reinforcement".split())
_ARRIVAL_VERBS = frozenset("arrive visit be remain stay hide".split())


def _counted(noun: Token) -> Amount | None:
    """A unit noun's own number ("around 9,000 fighters"), never an increment ("3,000 more")."""
    if any(c.lower_ in _INCREMENTS for c in noun.children):
        return None
    return number_of(noun)


def _is_unit(noun: Token) -> bool:
    return noun.lower_ in PLURALS or noun.lower_ in UNITS


def _numbering(verb: Token) -> Amount | None:
    """ "number in the hundreds", "number about 9,000", "total at least 5,000"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            target = child(c, "pobj")
        elif c.dep_ in ("dobj", "npadvmod", "attr"):
            target = c
        else:
            continue
        if target is None or not any(_is_amount_word(t) for t in target.subtree):
            continue
        first = min(t.i for t in target.subtree)
        last = max(t.i for t in target.subtree)
        amounts = find_amounts(target.doc[first : last + 1].text)
        if amounts:
            return amounts[0].min, amounts[0].max, amounts[0].qualifier
    return None


_VAGUE_COUNTS = ("hundreds", "thousands", "dozens")


def _is_amount_word(token: Token) -> bool:
    return token.like_num or token.lower_ in _VAGUE_COUNTS


def force_frames(s: Parsed) -> list[Claim]:
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _FORCE_VERBS or not happened(verb) or passive(verb):
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        if any(c.dep_ == "conj" and c.lemma_ in GROWING for c in verb.children):
            continue  # "had 5,000 ... and has since grown to 12,000": superseded
        noun = child(verb, "dobj")
        counted = _counted(noun) if noun is not None and _is_unit(noun) else None
        if counted is None and verb.lemma_ in ("number", "total", "count"):
            counted, noun = _numbering(verb), verb  # "they number in the hundreds"
        if counted is None or noun is None:
            continue
        owner_token = subject(verb)
        if owner_token is not None and any(c.dep_ == "conj" for c in owner_token.children):
            continue  # "X and Y together field 9,000": a joint count is neither one's size
        owner = side_of(s, owner_token)
        if owner is None:
            continue
        lo, hi, qualifier = counted
        unit = noun.lower_ if _is_unit(noun) else "fighters"
        value = ForceSize(owner.name, lo, hi, qualifier, unit)
        hedged = is_hedged(s.text) or is_doubted(verb)
        claims.append(Claim(value, s.text, claimant_of(verb), hedged))
    return claims


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


_FRAMES = {
    "territorial_control": control_frames,
    "force_size": lambda s: [
        *force_frames(s),
        *strength_frames(s),
        *growth_frames(s),
        *force_noun_frames(s),
        *attacker_frames(s),
    ],
    "leadership": lambda s: [
        *arrival_frames(s),
        *killing_frames(s),
        *office_frames(s),
        *where_clause_frames(s),
    ],
    "casualties": casualty_frames,
}


def frame_claims(
    span: Span,
    entities: Sequence[EntityRef],
    kinds: Sequence[FactKind],
    year: int | None,
    written: str | None = None,
) -> list[Claim]:
    """Every frame claim of the requested kinds in one parsed sentence (`written`: the
    sentence before its references were resolved, when they were)."""
    wanted = [_FRAMES[k] for k in kinds if k in _FRAMES]
    if not wanted:
        return []
    s = parsed(span, entities, year, written)
    if not s.heads:  # losses may name their side by a kin of its name alone ("federal soldiers")
        return casualty_frames(s) if "casualties" in kinds else []
    return [claim for frame in wanted for claim in frame(s)]
