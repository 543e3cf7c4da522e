"""Is a count what it seems? Counts checked against the parse of their sentence.

A figure read as a force size or a casualty count must be a count of people in the sentence's
grammar, not a piece of a date ("2024-05-06", "Nov 18", a dateline), and a force size must
not be people who were killed, wounded or captured ("killed 47 Malian soldiers", "150 fighters
of the RSF were killed", "shootings of six soldiers"): those are losses, which the casualty
extractor reads. A handful of men ("two men who identified themselves as soldiers", "one of
the deadliest groups") is no group's strength, and neither are the men of each of its units
("divisions of 10,000 soldiers", "battalions of 800 men each"). A side named only as the one
that acts on the counted men ("a 900-strong garrison cut off by X") is their enemy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import noun_head, phrase_head, tokens_at
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.numbers import number_value
from monitor.records import Casualties, EntityRef, FactValue, ForceSize

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "Nov", "November"
_YEAR = r"(?:,?\s+(?:19|20)\d\d\b)?"  # the year that completes a date: "30 June 1999"
_DATES = re.compile(
    rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|"
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b{_YEAR}|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}{_YEAR}|"
    rf"\b{_MONTH}\s+(?:19|20)\d\d\b|\b\d{{1,2}}:\d{{2}}\b",
    re.I,
)
# Verbs and nouns of losses: a count they take is a casualty count, never a force size.
_LOSS_LEMMAS = frozenset(
    """kill wound injure die capture detain eliminate lose execute shoot arrest surrender
    slay massacre murder behead neutralize neutralise""".split()
)
_LOSS_NOUNS = frozenset(
    """killing shooting death execution loss casualty massacre capture surrender arrest
    murder""".split()
)
_SMALLEST_FORCE = 10
# The units a force is divided into: a count of "divisions of N soldiers" is each one's men.
_SUBUNITS = frozenset(
    "division brigade battalion regiment company platoon squad unit column detachment".split()
)
_RANGE_DASH = re.compile(r"[–—-]")


def _figures(value: FactValue) -> list[int]:
    if isinstance(value, ForceSize):
        bounds = [value.min, value.max]
    elif isinstance(value, Casualties):
        bounds = [
            value.killed_min,
            value.killed_max,
            value.wounded_min,
            value.wounded_max,
            value.captured_min,
            value.captured_max,
        ]
    else:
        return []
    return [b for b in bounds if b is not None]


def _written(figure: int) -> re.Pattern[str]:
    """The digits of a figure as text may write them: 27135, 27,135 or 27 135."""
    digits = str(figure)
    grouped = f"{figure:,}"
    return re.compile(
        rf"(?<![\d,.]){re.escape(digits)}(?![\d])|(?<![\d,.]){re.escape(grouped)}(?![\d])"
    )


def only_in_dates(sentence: str, value: FactValue) -> bool:
    """Every figure of the fact that the sentence writes in digits stands inside a date."""
    masked = _DATES.sub(lambda m: "#" * len(m.group(0)), sentence)
    written = [f for f in _figures(value) if _written(f).search(sentence)]
    return bool(written) and all(not _written(f).search(masked) for f in written)


def _unit_tokens(span: Span, value: ForceSize) -> list[Token]:
    """The nouns of the sentence that carry one of the fact's figures as their number."""
    figures = {str(f) for f in _figures(value)} | {f"{f:,}" for f in _figures(value)}
    found = []
    for token in span:
        written = {token.text, *_RANGE_DASH.split(token.text)}  # "10,000–14,000": one token
        number = token.like_num or token.tag_ == "CD"
        worded = number_value(token.text) if number and token.text[:1].isalpha() else None
        if worded is not None:
            written.add(f"{worded:.0f}")  # "Twelve fighters"
        if number and written & figures and token.dep_ in ("nummod", "quantmod"):
            found.append(token.head)
        elif number and written & figures and token.dep_ == "compound":
            found.append(_phrase_head(token))  # "10,000 <name's> soldiers" after a reference
    return found


def _phrase_head(token: Token) -> Token:
    """The noun a modifier's phrase ends in, through the names that stand before it."""
    node = token.head
    while node.dep_ in ("compound", "poss") and node.head.i != node.i:
        node = node.head
    return node


def _per_unit(noun: Token) -> bool:
    """The noun counts the men of each of several units, not a force: "divided into divisions
    of 10,000 soldiers", "four battalions of 800 men each", "two brigades, each of 3,000"."""
    if any(c.lower_ == "each" for c in noun.children):
        return True
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    owner = noun.head.head
    return owner.lower_ == "each" or (owner.tag_ == "NNS" and owner.lemma_.lower() in _SUBUNITS)


def _is_loss(noun: Token) -> bool:
    """The noun is what a verb or noun of losses takes: its object, its passive subject, or
    the object of its "of"."""
    head = noun.head
    if head.lemma_ in _LOSS_LEMMAS and noun.dep_ in ("dobj", "nsubjpass", "nsubj", "conj"):
        return True
    if noun.dep_ == "conj" or (noun.dep_ == "pobj" and head.lower_ == "including"):
        return _is_loss(head if noun.dep_ == "conj" else head.head)
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in _LOSS_NOUNS


# Men held, trapped, in flight, set free or sentenced are no fighting strength: "45 police
# taken captive", "62 soldiers sought refuge in Sudan", "the 12 trapped marines", "troops
# fled", "12 fighters were sentenced to death".
_OUT_OF_THE_FIGHT = frozenset(
    """kidnap abduct trap strand rescue evacuate free release desert defect flee sentence
    convict jail imprison condemn""".split()
)
_HELD_AS = frozenset("captive hostage hostages prisoner prisoners".split())
_REFUGE = frozenset("refuge asylum shelter sanctuary".split())
_OUT_STATES = frozenset("trapped stranded captured kidnapped abducted missing".split())


def _out_of_the_fight(noun: Token) -> bool:
    head = noun.head
    if any(c.dep_ == "amod" and c.lower_ in _OUT_STATES for c in noun.children):
        return True
    if noun.dep_ not in ("dobj", "nsubjpass", "nsubj") or head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_ in _OUT_OF_THE_FIGHT:
        return True
    if head.lemma_ in ("take", "hold") and any(c.lower_ in _HELD_AS for c in head.children):
        return True
    return head.lemma_ == "seek" and any(c.lemma_ in _REFUGE for c in head.children)


def not_a_force(span: Span, value: ForceSize) -> bool:
    """A force size the parse shows to be a loss, men out of the fight, a requirement or an
    addition, a date, or a handful of people."""
    if value.max is not None and value.max < _SMALLEST_FORCE:
        return True
    nouns = _unit_tokens(span, value)
    return bool(nouns) and all(
        _is_loss(n) or _per_unit(n) or _out_of_the_fight(n) or _needed(n) for n in nouns
    )


# "would need 5,000 fighters to hold it", "requires 3,000 troops": a requirement, not a force;
# "recruited 2,000 fighters", "trained 2,000 fighters": men added to a force, not its size.
_NEEDING = frozenset("need require recruit enlist conscript train".split())


def _needed(noun: Token) -> bool:
    return noun.dep_ == "dobj" and noun.head.lemma_ in _NEEDING


def counted_by_the_enemy(span: Span, value: ForceSize, entities: Sequence[EntityRef]) -> bool:
    """Every mention of the fact's group is the agent of a participle that tells what was done
    to the counted men ("a 900-strong garrison cut off by X", "200 troops besieged by X"):
    the men are X's enemy, not X's force."""
    named = [
        phrase_head(tokens_at(span, m.start, m.end))
        for m in find_mentions(span.text, entities)
        if m.entity.name == value.subject
    ]
    heads = [h for h in named if h is not None]
    figures = {str(f) for f in _figures(value)} | {f"{f:,}" for f in _figures(value)}
    return bool(heads) and all(_acted_on_by(noun_head(h), figures) for h in heads)


def _acted_on_by(agent: Token, figures: set[str]) -> bool:
    by = agent.head
    participle = by.head
    if agent.dep_ != "pobj" or by.dep_ != "agent" or participle.dep_ != "acl":
        return False
    men = participle.head
    return any(t.text in figures for t in men.subtree if t.i < men.i)
