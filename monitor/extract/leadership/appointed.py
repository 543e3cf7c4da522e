"""Offices given by an appointing verb, read from the parse: "the Front named X as its new
leader", "the Front appointed a new military chief, X", "X was appointed leader by the Front", and
an office its holder takes from another: "X succeeded Y as leader of the Front".

The word patterns read the office; the parse tells two things they miss. An office given to
the object of "appoint", "name", "install", "elect" or "choose" (or to the person in
apposition to that object: "appointed a new leader, X") is an appointment, not only a held
office. And an office given by a configured group, with no body of its own, is that group's:
who appoints a leader has made one of its own. A person who appoints ("President Y appointed
X defence minister") gives a state's office, which names no group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from monitor.extract.language.frame_base import passive, prep_object
from monitor.extract.language.grammar import phrase, phrase_head, subject, tokens_at
from monitor.extract.language.mentions import find_mentions
from monitor.records import Claim, EntityRef, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_APPOINTING = frozenset("appoint name install elect choose select".split())
# Verbs whose subject takes an office from somebody: "X succeeded Y as leader", "X replaced Y
# as head", "X took over as commander".
_SUCCEEDING = frozenset("succeed replace".split())
_OFFICES = frozenset({"claimed", "appointed"})


def appointments(claims: Sequence[Claim], span: Span, entities: Sequence[EntityRef]) -> list[Claim]:
    """The claims, with offices the sentence gives by an appointing verb made appointments,
    and given the appointing group as their organization when they name none."""
    out = []
    for claim in claims:
        value = claim.value
        if isinstance(value, Leadership) and value.status in _OFFICES and value.role:
            verb = _appointing_verb(span, value.subject, entities)
            if verb is not None and value.role.split()[-1] in _offices_given(verb):
                body = value.organization or _appointer(verb, entities)
                claim = replace(claim, value=replace(value, status="appointed", organization=body))
        out.append(claim)
    return out


def _appointing_verb(span: Span, person: str, entities: Sequence[EntityRef]) -> Token | None:
    """The verb that appoints the person: its object, the person in apposition to its object,
    or its passive subject (whether it happened, the review has checked: "plans to appoint X"
    leaves no claim to make an appointment of)."""
    for m in find_mentions(span.text, entities):
        if m.entity.name != person:
            continue
        head = phrase_head(tokens_at(span, m.start, m.end))
        if head is None:
            continue
        node = head.head if head.dep_ == "appos" and head.head.dep_ == "dobj" else head
        verb = node.head
        if node.dep_ == "nsubj" and _takes_office(verb):
            return verb
        if node.dep_ not in ("dobj", "oprd", "nsubjpass") or verb.lemma_ not in _APPOINTING:
            continue
        if verb.pos_ == "VERB" and verb.dep_ != "acl":
            return verb
    return None


def _takes_office(verb: Token) -> bool:
    """An active verb by which its subject takes an office named after "as": "succeeded Y as
    leader", "replaced Y as head", "took over as commander"."""
    if verb.pos_ != "VERB" or passive(verb) or prep_object(verb, "as") is None:
        return False
    over = any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children)
    return verb.lemma_ in _SUCCEEDING or (verb.lemma_ == "take" and over)


def _offices_given(verb: Token) -> set[str]:
    """The words of the offices the verb gives: "as its new leader", "named X its leader", or,
    when it gives none so, its object's: "appointed a new leader, X". Not a title or an office
    the person already bore: "named field commander X as its leader", "named the head of Y's
    political wing, X, as a negotiator" give "leader" and "negotiator"."""
    given = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp")]
    given += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children]
    if not any(g.pos_ == "NOUN" for g in given):  # else the object is who, not what
        given = [c for c in verb.children if c.dep_ == "dobj"]
    return {t.lower_ for g in given if g.pos_ == "NOUN" for t in g.subtree if t.pos_ == "NOUN"}


def _appointer(verb: Token, entities: Sequence[EntityRef]) -> str | None:
    """The configured group that appoints: the active verb's subject, or the passive's agent
    (none for a verb whose subject takes the office: "X succeeded Y as leader")."""
    if verb.lemma_ in _SUCCEEDING or verb.lemma_ == "take":
        return None
    who = prep_object(verb, "by") if passive(verb) else subject(verb)
    if who is None:
        return None
    named = find_mentions(phrase(who), entities)
    groups = {m.entity.name for m in named if m.entity.kind == "group"}
    return next(iter(groups)) if len(groups) == 1 else None


__all__ = ["appointments"]
