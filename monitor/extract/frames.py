"""Verb frames read from the parse: who captured, holds or surrounds which place, how many
fighters a group (or its leader) has or sends, where a person arrived.

These read a sentence's grammar where the kind extractors' vocabularies do not reach: the
passive with its agent ("districts have been occupied by the resistance"), a clause of its own
("after the RSF captured Bara, ..."), a list of places ("seized Bara, Um Sumeima and El
Khuwei"), a leader's forces ("he commands several thousand men" are the group the
configuration ties him to), "took control of X". A frame yields a fact only when its verb is
not negated, intended, failed or foretold, and only for configured entities.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from monitor.extract.attribution import is_hedged
from monitor.extract.grammar import (
    claimant_of,
    is_doubted,
    is_modal,
    is_negated,
    is_not_done,
    is_perfect,
    noun_head,
    phrase,
    phrase_head,
    reporting_verb,
    subject,
    tokens_at,
)
from monitor.extract.history import CONTROL_ERA, CONTROL_YEAR, FORCE_ERA, FORCE_YEAR, is_past
from monitor.extract.mentions import find_mentions
from monitor.extract.numbers import find_amounts
from monitor.extract.units import PLURALS, UNITS
from monitor.records import (
    Claim,
    ControlStatus,
    EntityRef,
    FactKind,
    ForceSize,
    Leadership,
    TerritorialControl,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_CONTROL_VERBS: dict[str, ControlStatus] = {
    **dict.fromkeys("capture seize take overrun occupy storm fall conquer".split(), "captured"),
    **dict.fromkeys("retake recapture regain".split(), "retaken"),
    **dict.fromkeys("surround encircle besiege".split(), "surrounded"),
    **dict.fromkeys("control hold".split(), "holds"),
}
# "took control of X" / "has control of X": the noun carries the frame.
_CONTROL_NOUN_VERBS: dict[str, ControlStatus] = {
    **dict.fromkeys("take seize gain assume wrest".split(), "captured"),
    **dict.fromkeys("have maintain retain keep".split(), "holds"),
}
_FORCE_VERBS = frozenset(
    """have field command number deploy send assemble muster gather mobilize mobilise lead
    boast amass station count""".split()
)
_INCREMENTS = frozenset("more additional new fresh extra further reinforcement".split())
_ARRIVAL_VERBS = frozenset({"arrive", "visit"})


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One parsed sentence with its configured mentions, by the token that heads each."""

    span: Span
    text: str
    entities: Sequence[EntityRef]
    year: int | None
    heads: dict[int, EntityRef]

    def entity(self, token: Token | None, kind: str) -> EntityRef | None:
        """The configured entity of `kind` that the noun phrase of `token` names: itself, a
        name inside it ("RSF fighters"), or, for a place, the name a place noun introduces
        ("the town of Bara", "Bara city"; not "El Fasher's market" or "Lashio command")."""
        if token is None:
            return None
        for t in (token, *_inner(token, kind)):
            found = self.heads.get(t.i)
            if found is not None and found.kind == kind:
                return found
        return None


# Nouns that name a place by the name they introduce: "the town of Bara", "Bara city".
PLACE_NOUNS = frozenset(
    """town city village district province region state capital valley area county
    municipality governorate township settlement port oblast""".split()
)


def _inner(token: Token, kind: str) -> Iterator[Token]:
    if kind == "place" and token.lemma_.lower() not in PLACE_NOUNS:
        return
    for child in token.children:
        if child.dep_ in ("compound", "poss", "nmod", "amod", "appos"):
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of":
            yield from (g for g in child.children if g.dep_ == "pobj")


def _sentence(span: Span, entities: Sequence[EntityRef], year: int | None) -> _Sentence:
    heads: dict[int, EntityRef] = {}
    for m in find_mentions(span.text, entities):
        head = phrase_head(tokens_at(span, m.start, m.end))
        if head is not None:
            heads[head.i] = m.entity
    return _Sentence(span, span.text, entities, year, heads)


def _happened(verb: Token) -> bool:
    """Not negated, not intended or failed, not foretold, not a condition ("until they take
    Sittwe", "if Goma falls"), nor a clause of a verb that is foretold ("would fight until")."""
    if is_negated(verb) or is_not_done(verb):
        return False
    node = verb
    while True:
        if is_modal(node) and not is_perfect(node):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return False
        if node.dep_ != "advcl" or node.head.i == node.i:
            return True
        node = node.head


_CONDITIONS = frozenset("until unless if once lest".split())


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += _with_conjuncts(child)
    return out


def _child(verb: Token, *deps: str) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _prep_object(verb: Token, *words: str) -> Token | None:
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in words:
            obj = _child(prep, "pobj")
            if obj is not None:
                return obj
    return None


def _clause_of(verb: Token) -> Token:
    """The verb of the nearest finite clause above a verb form without a subject of its own
    ("a day after taking Dessie" belongs to "they had captured Kombolcha"), else `verb`."""
    if verb.tag_ not in ("VBG", "VB") or subject(verb) is not None:
        return verb
    node = verb
    while node.head.i != node.i and node.dep_ not in ("relcl", "acl", "ccomp"):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return verb


def _predicative(verb: Token) -> bool:
    """A verb whose object is described, not taken: "holds X responsible"."""
    if any(
        c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and c.pos_ == "ADJ")
        for c in verb.children
    ):
        return True
    obj = _child(verb, "dobj")  # the parser may hang the adjective on the object instead
    return obj is not None and any(c.dep_ == "amod" and c.i > obj.i for c in obj.children)


def _speaker(verb: Token) -> Token | None:
    said = reporting_verb(verb)
    return subject(said) if said is not None else None


def _control_parts(verb: Token) -> tuple[list[Token], Token | None, ControlStatus] | None:
    """The places, the taker and the status a control verb states."""
    lemma = verb.lemma_
    if lemma in _CONTROL_NOUN_VERBS:
        noun = _child(verb, "dobj")
        if noun is not None and noun.lower_ == "control":
            places = _prep_object(noun, "of")
            if places is not None:
                return _with_conjuncts(places), _child(verb, "nsubj"), _CONTROL_NOUN_VERBS[lemma]
    if lemma not in _CONTROL_VERBS or (lemma == "take" and _child(verb, "dobj") is None):
        return None
    if _predicative(verb):
        return None  # "holds Goma responsible", "took Bara seriously"
    status = _CONTROL_VERBS[lemma]
    if lemma == "fall":
        place = _child(verb, "nsubj")
        return ([place] if place else [], _prep_object(verb, "to"), status)
    if _passive(verb):
        place, taker = _child(verb, "nsubjpass"), _prep_object(verb, "by")
    else:
        place, taker = _child(verb, "dobj"), _child(verb, "nsubj")
    return (_with_conjuncts(place) if place is not None else [], taker, status)


def control_frames(s: _Sentence) -> list[Claim]:
    if s.year is not None and is_past(s.text, s.year, CONTROL_ERA, CONTROL_YEAR):
        return []
    claims = []
    for verb in s.span:
        parts = _control_parts(verb) if verb.pos_ in ("VERB", "AUX") else None
        if parts is None or not _happened(verb):
            continue
        places, taker_token, status = parts
        clause = _clause_of(verb)
        speaker = _speaker(clause)
        taker_token = taker_token if taker_token is not None else subject(clause)
        if taker_token is not None and taker_token.pos_ == "PRON":
            taker_token = speaker  # "the TDF said they had captured": the speaker's side
        taker = s.entity(noun_head(taker_token) if taker_token is not None else None, "group")
        if taker is None and (taker_token is not None or status != "captured"):
            continue  # an actor we do not follow, or a hold/siege without its holder
        claimed_by = claimant_of(clause)
        if taker is not None and status == "captured" and s.entity(speaker, "group") == taker:
            status = "claims_captured"
        hedged = is_hedged(s.text) or is_doubted(verb)
        for token in places:
            place = s.entity(noun_head(token), "place")
            if place is not None:
                value = TerritorialControl(place.name, taker.name if taker else None, status)
                claims.append(Claim(value, s.text, claimed_by, hedged))
    return claims


def _owner(s: _Sentence, token: Token | None) -> EntityRef | None:
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


def force_frames(s: _Sentence) -> list[Claim]:
    if s.year is not None and is_past(s.text, s.year, FORCE_ERA, FORCE_YEAR):
        return []
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _FORCE_VERBS or not _happened(verb) or _passive(verb):
            continue
        noun = _child(verb, "dobj")
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


def arrival_frames(s: _Sentence) -> list[Claim]:
    """ "X arrived in Y", "X visited Y": a present whereabouts."""
    claims = []
    for verb in s.span:
        if verb.lemma_ not in _ARRIVAL_VERBS or not _happened(verb):
            continue
        person = s.entity(subject(verb), "person")
        place = _prep_object(verb, "in", "at") if verb.lemma_ == "arrive" else _child(verb, "dobj")
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
}


def frame_claims(
    span: Span, entities: Sequence[EntityRef], kinds: Sequence[FactKind], year: int | None
) -> list[Claim]:
    """Every frame claim of the requested kinds in one parsed sentence."""
    wanted = [_FRAMES[k] for k in kinds if k in _FRAMES]
    if not wanted:
        return []
    s = _sentence(span, entities, year)
    if not s.heads:
        return []
    return [claim for frame in wanted for claim in frame(s)]
