"""Bodies led by named people: "the rebels led by A and B", "the RSF (...) led by General X",
"It is led by X", "the Front, which is led by X", "the RSF under the leadership of General X",
"the 12 Division under the command of Brigadier X" (a numbered unit, written as named).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.language.frame_base import Parsed, child, with_conjuncts
from monitor.extract.language.units import PLURALS, UNITS
from monitor.extract.leadership.roles import FORMER
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_LEADS = {"lead": "leader", "head": "head", "command": "commander"}
_LEADERSHIP_NOUNS = {"leadership": "leader", "command": "commander"}


def _before_under(under: Token) -> Token | None:
    """What "under the leadership of" qualifies: its head noun, the subject of "be" ("the
    rebels were under the command of"), or, where the parser hangs it on another verb, the
    noun phrase right before it ("the army (SAF) under the leadership of")."""
    if under.head.pos_ not in ("VERB", "AUX", "ADP"):
        return under.head
    if under.head.lemma_ == "be" and under.dep_ == "prep":
        return child(under.head, "nsubj")
    if under.i == under.sent.start:
        return None
    before = under.doc[under.i - 1]
    before = before.head if before.text == ")" else before
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _the_group(s: Parsed, body: Token) -> EntityRef | None:
    """The configured group a noun phrase is or whose fighters it names ("MLA fighters", "the
    paramilitaries of the RSF"); not one it is part of ("a delegation of the MLA")."""
    for t in (body, *(c for c in body.children if c.dep_ == "appos")):
        found = s.heads.get(t.i)
        if found is not None and found.kind == "group":
            return found
    if body.lower_ in PLURALS or body.lower_ in UNITS:  # "MLA fighters", "fighters of the MLA"
        return s.entity(body, "group")
    return None


# A unit of an army named by its number or name ("the 58 Division", "Task Force Kel"): whose
# commander a "under the command of" names, written as named when no configuration has it.
_UNIT_NOUNS = frozenset("division brigade regiment battalion corps".split())


def _named_unit(body: Token) -> EntityRef | None:
    if body.lower_ not in _UNIT_NOUNS or not body.text[:1].isupper():
        return None
    words = [c for c in body.children if c.dep_ in ("nummod", "compound") and c.i < body.i]
    if not words:
        return None  # "the Division": which one is untold
    return EntityRef(body.doc[words[0].i : body.i + 1].text, "group")


def _the_people(people: Token) -> list[Token]:
    """The names "of" gives, also after a count ("two of the group's commanders, A and B",
    where the parser joins the names to the noun)."""
    of = child(people, "prep") if people.pos_ == "NUM" else None
    counted = child(of, "pobj") if of is not None and of.lower_ == "of" else None
    if counted is None:
        return with_conjuncts(people)
    return with_conjuncts(people)[1:] + with_conjuncts(counted)


def _unnamed_fighters(body: Token) -> bool:
    """ "the insurgents were under the leadership of X": fighters no configuration names, whose
    leader X is all the same."""
    return body.lower_ in PLURALS and not any(c.dep_ == "poss" for c in body.children)


def leading_words(s: Parsed) -> list[Token]:
    """The words `led_by` may start from: a verb of leading, a noun of leadership."""
    return [*s.with_lemma(_LEADS), *s.with_lower(_LEADERSHIP_NOUNS)]


def led_by(s: Parsed, verb: Token) -> list[tuple[Token, str, EntityRef | None]]:
    """ "the rebels led by A and B", "the RSF (...) led by General X", "It is led by X",
    "the RSF under the leadership of General X": the people who lead a configured group."""
    leads = verb.lemma_ in _LEADS and verb.tag_ == "VBN"
    under = verb.lower_ in _LEADERSHIP_NOUNS and verb.dep_ == "pobj" and verb.head.lower_ == "under"
    if not (leads or under):
        return []
    if any(FORMER.fullmatch(c.lower_) for c in verb.children):
        return []  # "the KDF, then led by X"
    if leads:
        # "the Front, which is led by X": the relative pronoun stands for the noun it follows
        body = verb.head if verb.dep_ in ("acl", "relcl") else child(verb, "nsubjpass")
        agent = child(verb, "agent")
        people = child(agent, "pobj") if agent is not None else None
        role = _LEADS[verb.lemma_]
    else:
        body = _before_under(verb.head)
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = child(of, "pobj") if of is not None else None
        role = _LEADERSHIP_NOUNS[verb.lower_]
    if body is None or people is None:
        return []
    group = _the_group(s, body)
    if group is None and verb.lower_ in _LEADERSHIP_NOUNS:
        group = _named_unit(body)
        if group is None and not _unnamed_fighters(body):
            return []
    elif group is None:
        return []
    out: list[tuple[Token, str, EntityRef | None]] = []
    for p in _the_people(people):
        person = s.heads.get(p.i)
        if person is not None and person.kind == "person":
            out.append((p, role, group))
    return out
