"""Whereabouts told by a relative clause of place: "the Khan Younis area, where the two
leaders of Hamas — A and B — are reportedly hiding": each person the clause's subject names (or
lists in apposition to it) is located at the place the clause qualifies.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import Parsed, happened, with_conjuncts
from monitor.extract.language.grammar import claimant_of
from monitor.records import Claim, EntityRef, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of being somewhere; the parser may hang "are hiding" as an auxiliary of the next verb.
_BEING_THERE = frozenset(
    "be hide live stay shelter remain holed hiding living staying sheltering remaining".split()
)


def _people(s: Parsed, subject: Token) -> list[EntityRef]:
    """The configured people a subject names: itself and its conjuncts, or the names listed in
    apposition to it ("the two leaders — A and B —")."""
    out = []
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    for head in heads:
        for t in with_conjuncts(head):
            found = s.heads.get(t.i)
            if found is not None and found.kind == "person" and found not in out:
                out.append(found)
    return out


def where_clause_frames(s: Parsed) -> list[Claim]:
    claims = []
    for where in s.with_lower(("where",)):
        if where.dep_ != "advmod":
            continue
        verb = where.head
        if verb.dep_ != "relcl" or not happened(verb):
            continue
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        # "are hiding" parsed as an auxiliary of the next verb still tells where they are;
        # "was" of "was born" does not.
        lemmas = {verb.lemma_, *(c.lower_ for c in aux if c.lower_.endswith("ing"))}
        if not lemmas & _BEING_THERE:
            continue
        place = s.entity(verb.head, "place")
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if place is None or subject is None:
            continue
        for person in _people(s, subject):
            value = Leadership(person.name, None, None, "located", place.name)
            claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


__all__ = ["where_clause_frames"]
