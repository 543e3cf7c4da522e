"""Losses told by a noun rather than a verb of killing, read from the parse.

- A noun of deaths with its count and the side "among" or "of" which they fell: "the strikes
  caused some 400 deaths among the Tarsa-based rebels".
- "The loss of N soldiers" a side suffered or acknowledges: its dead.
- A running total that rises, reaches or stands at a number: "the number of killed X soldiers
  rises to 1,340", "the number of X fighters killed has risen to 300", "the death toll among X
  fighters reached 120", or that a source puts at one ("put the number of X fighters killed at
  75"). The kind is the participle's ("killed", "wounded") or death's; the
  side is the one the counted people's phrase names.

Each is a fact only when the verb that carries the noun happened (not "could result in", not
"if the toll rises") and the side is named as written (`frames` rules).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from monitor.extract.language.frame_base import Amount, Parsed, happened, number_of
from monitor.extract.language.grammar import subject
from monitor.extract.language.numbers import find_amounts
from monitor.records import EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

Side = Callable[[Parsed, "Token"], EntityRef | None]
# (side, field, the verb that tells it, the count, the people noun that names the side, whether
# the count is a running total)
Loss = tuple[EntityRef, str, "Token", Amount, "Token", bool]

_DEATHS = frozenset("death fatality".split())
_AMONG = frozenset("among of".split())
_TOTALS = frozenset("number toll tally total count".split())
# Verbs a running total takes its new value with: "rises to N", "reached N", "is N".
_RISES = frozenset("rise climb increase jump grow mount reach hit top stand be pass".split())
_TO = frozenset("to at".split())
_STEMS = ("death", "fatalit", "number", "toll", "tally", "total", "count", "casualt", "loss")
_PUTS = frozenset("put estimate place".split())  # "put the toll at N": the parser may hang
# "at N" on the verb or on the participle ("the number of X killed at 75")
_PUSHES = frozenset("push bring raise take lift drive".split())
_FIELDS = {
    **dict.fromkeys("kill die slay".split(), "killed"),
    **dict.fromkeys("wound injure".split(), "wounded"),
    **dict.fromkeys("capture detain".split(), "captured"),
    **dict.fromkeys("killed dead".split(), "killed"),  # the participle as an adjective
    **dict.fromkeys("wounded injured".split(), "wounded"),
    **dict.fromkeys("captured detained".split(), "captured"),
}


def _verb_of(token: Token) -> Token | None:
    """The nearest verb above a noun: the one whose clause tells it."""
    for node in token.ancestors:
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _owner(s: Parsed, noun: Token, side: Side) -> tuple[EntityRef, Token] | None:
    """The side of the people an "among"/"of" phrase of `noun` names, with the people noun."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AMONG:
            continue
        for people in prep.children:
            if people.dep_ == "pobj" and (found := side(s, people)) is not None:
                return found, people
    return None


def _deaths(s: Parsed, side: Side) -> Iterator[Loss]:
    for noun in s.with_lemma(_DEATHS):
        if noun.tag_ != "NNS":
            continue
        counted = number_of(noun)
        owner = _owner(s, noun, side) if counted is not None else None
        verb = _verb_of(noun)
        if owner is not None and counted is not None and verb is not None and happened(verb):
            yield owner[0], "killed", verb, counted, owner[1], False


def _new_value(verb: Token) -> Amount | None:
    """The number a total "rises to", "stands at", "reached" or "is"."""
    targets = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _TO
        for g in c.children
        if g.dep_ == "pobj"
    ]
    targets += [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    for target in targets:
        if target.like_num:
            text = target.doc[target.left_edge.i : target.i + 1].text
            found = find_amounts(text)
            if found:
                return found[-1].min, found[-1].max, found[-1].qualifier
    return None


def _field_of(total: Token, people: Token) -> str | None:
    """ "death toll": killed; "number of killed X", "number of X killed": the participle's."""
    if total.lemma_ == "toll" and any(c.lemma_ == "death" for c in total.children):
        return "killed"
    for c in (*people.children, *total.children):  # the parser hangs "killed" on either
        if c.dep_ in ("amod", "acl") and (field := _FIELDS.get(c.lemma_, _FIELDS.get(c.lower_))):
            return field
    return None


def _totals(s: Parsed, side: Side) -> Iterator[Loss]:
    for total in s.with_lower(_TOTALS):
        verb = total.head
        rises = total.dep_ == "nsubj" and verb.lemma_ in _RISES
        put = total.dep_ == "dobj" and verb.lemma_ in _PUTS  # "put the number ... at 75"
        if not (rises or put):
            continue
        if rises and _field_of(total, total) == "killed" and happened(verb):
            yield from _included(s, verb, side)
        owner = _owner(s, total, side)
        field = _field_of(total, owner[1]) if owner is not None else None
        counted = _new_value(verb) if field is not None and rises else None
        if owner is not None and field is not None and put:
            heads = (verb, *total.children, *owner[1].children)
            counted = next((n for h in heads if (n := _number_after(h, "at"))), None)
        if owner is None or field is None or counted is None or not happened(verb):
            continue
        yield owner[0], field, verb, counted, owner[1], True
        step = _number_after(verb, "by")  # "had grown by 18 to more than 700"
        if step is not None:
            yield owner[0], field, verb, step, owner[1], False


def _included(s: Parsed, verb: Token, side: Side) -> Iterator[Loss]:
    """ "The death toll rose to 45, including 30 X soldiers": the counted people a death toll
    includes are their side's dead, counted as the toll is."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "including":
            continue
        for people in (c for c in prep.children if c.dep_ == "pobj"):
            counted = number_of(people)
            owner = side(s, people) if counted is not None else None
            if owner is not None and counted is not None:
                yield owner, "killed", verb, counted, people, True


def _casualties_to_toll(s: Parsed, side: Side) -> Iterator[Loss]:
    """ "reported 25 more casualties among its military, bringing the death toll to 410":
    casualties that push a death toll are deaths; the toll is their side's running total."""
    for noun in s.with_lemma(("casualty",)):
        if noun.tag_ != "NNS":
            continue
        counted = number_of(noun)
        owner = _owner(s, noun, side) if counted is not None else None
        verb = _verb_of(noun)
        toll = _pushed_toll(verb) if verb is not None else None
        if owner is None or counted is None or verb is None or toll is None or not happened(verb):
            continue
        yield owner[0], "killed", verb, counted, owner[1], False
        yield owner[0], "killed", verb, toll, owner[1], True


def _pushed_toll(verb: Token) -> Amount | None:
    """The new value of a death toll a clause of `verb` pushes: "..., pushing/bringing/raising
    the death toll to 410"."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.lemma_ not in _PUSHES:
            continue
        toll = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if (
            toll is not None
            and toll.lower_ == "toll"
            and any(c.lemma_ == "death" for c in toll.children)
        ):
            return _number_after(clause, "to")
    return None


def _number_after(verb: Token, preposition: str) -> Amount | None:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            for target in prep.children:
                if target.dep_ == "pobj" and target.like_num:
                    text = target.doc[target.left_edge.i : target.i + 1].text
                    found = find_amounts(text)
                    if found:
                        return found[-1].min, found[-1].max, found[-1].qualifier
    return None


# Verbs by which a side owns a loss: "acknowledged the loss of 14 soldiers", "suffered".
_OWNING = frozenset("acknowledge admit confirm suffer sustain mourn report announce".split())


def _the_loss_of(s: Parsed, side: Side) -> Iterator[Loss]:
    """ "the loss of 14 soldiers": the dead of the side the people's phrase names, or of the
    side that owns the loss ("the army acknowledged the loss of 14 soldiers")."""
    for noun in s.with_lemma(("loss",)):
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        counted = number_of(people) if people is not None else None
        verb = _verb_of(noun)
        if people is None or counted is None or verb is None or not happened(verb):
            continue
        owner = side(s, people)
        if owner is None and noun.dep_ == "dobj" and verb.lemma_ in _OWNING:
            owner = s.entity(subject(verb), "group")
        if owner is not None:
            yield owner, "killed", verb, counted, people, False


def noun_losses(s: Parsed, side: Side) -> Iterator[Loss]:
    """Every loss a noun tells; `side` reads the side of a people noun."""
    lowered = s.text.lower()
    if not any(stem in lowered for stem in _STEMS):
        return  # cheap: most sentences name no deaths, total or casualties
    yield from _deaths(s, side)
    yield from _totals(s, side)
    yield from _casualties_to_toll(s, side)
    yield from _the_loss_of(s, side)
