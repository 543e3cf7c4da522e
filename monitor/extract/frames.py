"""Verb frames read from the parse: how many fighters a group (or its leader) has or sends,
where a person arrived; and the dispatch to every kind's frames (`frame_control` for control).

These read a sentence's grammar where the kind extractors' vocabularies do not reach: a
leader's forces ("he commands several thousand men" are the group the configuration ties him
to), a count tied to its own noun ("around 9,000 fighters", never a year or a gallery's
count), an arrival ("X arrived in Bara"). See `frame_base` for what every frame shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.attribution import is_hedged
from monitor.extract.frame_base import (
    Parsed,
    child,
    era_text,
    happened,
    parsed,
    passive,
    prep_object,
)
from monitor.extract.frame_casualties import casualty_frames
from monitor.extract.frame_control import control_frames
from monitor.extract.grammar import claimant_of, is_doubted, phrase, subject
from monitor.extract.history import FORCE_ERA, FORCE_YEAR, is_past
from monitor.extract.numbers import find_amounts
from monitor.extract.units import PLURALS, UNITS
from monitor.records import Claim, EntityRef, FactKind, ForceSize, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FORCE_VERBS = frozenset(
    """have field command number deploy send assemble muster gather mobilize mobilise lead
    boast amass station count""".split()
)
_INCREMENTS = frozenset("more additional new fresh extra further reinforcement".split())
_ARRIVAL_VERBS = frozenset({"arrive", "visit"})


def _owner(s: Parsed, token: Token | None) -> EntityRef | None:
    """The group whose fighters these are: a group subject, or a person's configured group."""
    group = s.entity(token, "group")
    if group is not None:
        return group
    person = s.entity(token, "person")
    if person is None or person.affiliation is None:
        return None
    return next((e for e in s.entities if e.name == person.affiliation), None)


def _counted(noun: Token) -> tuple[int | None, int | None, str] | None:
    """The amount a unit noun's own number phrase gives ("around 9,000 fighters")."""
    numbers = [c for c in noun.children if c.dep_ in ("nummod", "quantmod") or c.like_num]
    if not numbers or any(c.lower_ in _INCREMENTS for c in noun.children):
        return None
    first = min(t.i for n in numbers for t in n.subtree)
    start = noun.doc[first].idx - noun.sent.start_char
    end = noun.idx + len(noun.text) - noun.sent.start_char
    amounts = find_amounts(noun.sent.text[start:end])
    if not amounts:
        return None
    a = amounts[-1]
    return a.min, a.max, a.qualifier


def force_frames(s: Parsed) -> list[Claim]:
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _FORCE_VERBS or not happened(verb) or passive(verb):
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        noun = child(verb, "dobj")
        if noun is None or (noun.lower_ not in PLURALS and noun.lower_ not in UNITS):
            continue
        owner_token = subject(verb)
        if owner_token is not None and any(c.dep_ == "conj" for c in owner_token.children):
            continue  # "X and Y together field 9,000": a joint count is neither one's size
        owner = _owner(s, owner_token)
        amount = _counted(noun)
        if owner is None or amount is None:
            continue
        lo, hi, qualifier = amount
        value = ForceSize(owner.name, lo, hi, qualifier, noun.lower_)  # type: ignore[arg-type]
        hedged = is_hedged(s.text) or is_doubted(verb)
        claims.append(Claim(value, s.text, claimant_of(verb), hedged))
    return claims


def arrival_frames(s: Parsed) -> list[Claim]:
    """ "X arrived in Y", "X visited Y": a present whereabouts."""
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _ARRIVAL_VERBS or not happened(verb):
            continue
        person = s.entity(subject(verb), "person")
        place = prep_object(verb, "in", "at") if verb.lemma_ == "arrive" else child(verb, "dobj")
        if person is None or place is None:
            continue
        where = s.entity(place, "place")
        located = where.name if where else phrase(place)
        value = Leadership(person.name, None, None, "located", located)
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


_FRAMES = {
    "territorial_control": control_frames,
    "force_size": force_frames,
    "leadership": arrival_frames,
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
    if not s.heads:
        return []
    return [claim for frame in wanted for claim in frame(s)]
