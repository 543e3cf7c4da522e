"""A group's strength told as an attribute of its name: "the 100,000-strong RSF", "a
5,000-strong KDF force", "the RSF sent a 3,000-strong force", "X's 5,300-member army"; or as
what the group or its ranks grew to: "the front has since grown to about 8,000", "the KDF's
ranks swelled to 9,000 fighters"; or in a "with" phrase that opens the group's clause: "With
some 9,000 fighters, the KDF is".

The count is the number compounded with "strong" (its qualifier words too: "some 3,000-strong"),
or with "member" or "man" on a force noun, and the owner is the configured group that the
modified noun names, or, for a noun of a force ("force", "contingent", "army"), the group of the
leader who owns it ("Brel's army") or the group or the affiliated leader that is the subject of
the verb taking it. The size holds whatever the clause does with the group ("plans to absorb the
100,000-strong RSF" still says how strong it is); only a clause dated in another era is skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import (
    Parsed,
    child,
    era_text,
    happened,
    leaders_side,
    number_of,
    side_of,
)
from monitor.extract.language.grammar import claimant_of, subject
from monitor.extract.language.history import FORCE_ERA, FORCE_YEAR, is_past
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.units import PLURALS
from monitor.records import Claim, EntityRef, ForceSize

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose subject has the force it takes: "sent", "deployed", "fields".
_SENDING = frozenset(
    "send deploy field have command lead assemble muster mobilize mobilise amass station".split()
)
_FORCE_NOUNS = frozenset("force forces contingent army militia unit units brigade column".split())


def _number(strong: Token) -> Token | None:
    """The number written before "-strong" ("100,000-strong": "100,000", "-", "strong"), or
    in digits right before a "strong" without the hyphen ("a 1,000-1,500 strong force", "a
    5,000 strong force"; "two strong brigades" are two brigades)."""
    i = strong.i
    before = strong.doc[i - 1] if i >= 1 else None
    if before is not None and before.like_num and before.text[:1].isdigit():
        return before
    if i < 2 or strong.doc[i - 1].text != "-":
        return None
    number = strong.doc[i - 2]
    return number if number.like_num else None


def _verb_of(token: Token) -> Token:
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def _owner(s: Parsed, noun: Token) -> EntityRef | None:
    group = s.entity(noun, "group") or _leaders(s, noun)
    if group is not None or noun.lower_ not in _FORCE_NOUNS or noun.dep_ != "dobj":
        return group
    if noun.head.lemma_ not in _SENDING:
        return None  # "faced a 9,000-strong force": the force is the other side's
    return side_of(s, subject(noun.head))  # "the RSF sent a 3,000-strong force"


def _leaders(s: Parsed, noun: Token) -> EntityRef | None:
    """ "Brel's 5,300-member army": a force noun a configured person owns is the force of the
    group the configuration ties the person to."""
    return leaders_side(s, noun) if noun.lower_ in _FORCE_NOUNS else None


# "5,000-strong", and of a force noun "5,300-member", "150-man".
_STRENGTH_WORDS = ("strong", "member", "man")


def strength_frames(s: Parsed) -> list[Claim]:
    claims = []
    for strong in s.with_lower(_STRENGTH_WORDS):
        if strong.dep_ not in ("amod", "compound"):
            continue
        if strong.lower_ != "strong" and strong.head.lower_ not in _FORCE_NOUNS:
            continue  # "a 12-man delegation"
        number = _number(strong)
        owner = _owner(s, strong.head) if number is not None else None
        if number is None or owner is None:
            continue
        verb = _verb_of(strong)
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        # from the noun phrase's first word: a range's lower bound may hang anywhere in it
        first = min(strong.head.left_edge.i, *(t.i for t in number.subtree))
        amounts = find_amounts(s.span.doc[first : number.i + 1].text)
        if not amounts:
            continue
        a = amounts[-1]
        value = ForceSize(owner.name, a.min, a.max, a.qualifier, "fighters")
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


GROWING = frozenset("grow swell rise increase expand balloon".split())
# What grows when a group does: "its ranks", "the KDF's strength"; not its losses.
_STRENGTH_NOUNS = frozenset("rank ranks strength force forces army membership".split())


def _grower(s: Parsed, verb: Token) -> EntityRef | None:
    who = subject(verb)
    if who is None:
        return None
    found = s.heads.get(who.i)
    if found is not None and found.kind == "group":
        return found
    return s.entity(who, "group") if who.lemma_.lower() in _STRENGTH_NOUNS else None


def growth_frames(s: Parsed) -> list[Claim]:
    """ "has since grown to about 8,000": the group's size now."""
    claims = []
    for verb in s.with_lemma(GROWING):
        if not happened(verb):
            continue
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        target = child(to, "pobj") if to is not None else None
        group = _grower(s, verb) if target is not None else None
        if target is None or group is None:
            continue
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        first, last = min(t.i for t in target.subtree), max(t.i for t in target.subtree)
        amounts = find_amounts(s.span.doc[first : last + 1].text)
        if not amounts or not (target.like_num or target.lower_ in PLURALS):
            continue
        a = amounts[0]
        unit = target.lower_ if target.lower_ in PLURALS else "fighters"
        value = ForceSize(group.name, a.min, a.max, a.qualifier, unit)
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


_BEING = frozenset("be constitute become form remain".split())
# "Brel leads a force of 4,000 men": the force a person or group leads is theirs.
_LEADING = frozenset("lead command head".split())


_NUMBERING = frozenset("number reach total".split())  # "a force numbering/reaching 6,000"


def _force_count(noun: Token) -> tuple[Token, Token] | None:
    """ "a force numbering about 6,000 troops", "a force of 9,000 men": the counted noun (or
    the number itself) and the number's first word."""
    numbering = [noun.head] if _with_clause(noun) is not None else []  # "With a force reaching"
    for c in (*noun.children, *numbering):
        if c in numbering or (c.dep_ == "acl" and c.lemma_ in _NUMBERING):
            target = next((t for t in c.children if t.dep_ in ("dobj", "npadvmod", "attr")), None)
        elif c.dep_ == "prep" and c.lower_ == "of":
            target = child(c, "pobj")
        else:
            continue
        if target is not None and (target.like_num or target.lower_ in PLURALS):
            return target, target.doc[min(t.i for t in target.subtree)]
    return None


def _force_owner(s: Parsed, noun: Token) -> EntityRef | None:
    """The group a force noun is: named in it, the subject of "is/constitutes/leads a force",
    or the group it stands in apposition to ("The KDF, a militia of some 2,000 fighters,")."""
    group = s.entity(noun, "group")
    if group is not None:
        return group
    if (
        noun.dep_ in ("attr", "dobj")
        and noun.head.lemma_ in _BEING | _LEADING
        and happened(noun.head)
    ):
        return side_of(s, subject(noun.head))
    if noun.dep_ == "appos":
        return s.entity(noun.head, "group")
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        return _fronted_with(s, noun.head)
    with_ = _with_clause(noun)
    return _fronted_with(s, with_) if with_ is not None else None


def _with_clause(noun: Token) -> Token | None:
    """ "With a force now reaching 12,000, ...": the parser makes the force the subject
    of a clause of numbering that "with" opens (as its mark, or as the preposition the clause
    hangs on); the "with"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_ not in _NUMBERING:
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return verb.head
    return next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "with"), None)


def _fronted_with(s: Parsed, with_: Token) -> EntityRef | None:
    """ "With a force of 6,000, the KDF took Dorn": a "with" phrase before the clause's subject
    tells what that subject had; after the verb it may be whom it fought ("clashed with")."""
    verb = _clause_of_with(with_)
    who = subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    return side_of(s, who) if who is not None and with_.i < who.i else None


def _clause_of_with(with_: Token) -> Token:
    """The verb of the clause a "with" phrase belongs to; a "with" phrase joined to an opening
    participle ("Founded in 1964 and with 12,000 fighters, the FARC is") opens the same clause
    as the participle."""
    first = with_
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first is not with_ and first.dep_ in ("advcl", "prep"):
        return first.head
    return with_.head.head if with_.dep_ == "mark" else with_.head


def fronted_count_frames(s: Parsed) -> list[Claim]:
    """A count of people in a "with" phrase that opens its clause: "With some 9,000 fighters,
    the RLF is the largest armed group" (what `_fronted_with` reads for a force noun, "With a
    force of 6,000", told by its people)."""
    claims = []
    for people in s.with_lower(PLURALS):
        if people.dep_ != "pobj" or people.head.lower_ != "with":
            continue
        counted = number_of(people)
        owner = _fronted_with(s, people.head) if counted is not None else None
        if counted is None or owner is None:
            continue
        verb = _clause_of_with(people.head)
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        value = ForceSize(owner.name, counted[0], counted[1], counted[2], people.lower_)
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims


def force_noun_frames(s: Parsed) -> list[Claim]:
    """A group described as a force of a size: "the front is today a force numbering about
    6,000 troops", "The KDF is a force of 9,000 men"."""
    claims = []
    for noun in s.with_lemma(_FORCE_NOUNS, folded=True):
        counted = _force_count(noun)
        owner = _force_owner(s, noun) if counted is not None else None
        if counted is None or owner is None:
            continue
        target, first = counted
        verb = _verb_of(noun)
        if s.year is not None and is_past(era_text(verb), s.year, FORCE_ERA, FORCE_YEAR):
            continue
        amounts = find_amounts(s.span.doc[first.i : target.i + 1].text)
        if not amounts:
            continue
        a = amounts[-1]
        unit = target.lower_ if target.lower_ in PLURALS else "fighters"
        value = ForceSize(owner.name, a.min, a.max, a.qualifier, unit)
        claims.append(Claim(value, s.text, claimant_of(verb), is_hedged(s.text)))
    return claims
