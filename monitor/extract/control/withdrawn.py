"""A side's withdrawal from a place, denied: "a spokesman for the front denied that they had
left X", "the army said its troops had not withdrawn from X". A side that says it has not left
a place says it still holds it against the report that it did: its denial of the capture
(`denies_captured`), as "denied that X had fallen" is; told by another side, or negated by
the narrator, it says the side holds the place.

Only a withdrawal that is negated or denied, and only a past one: "will not withdraw from X"
is a resolve, not news of the place. The side is the subject of the withdrawal; a pronoun
("they", "we") is the side of whoever tells it. A withdrawal that happened tells no taker and
is read by no rule here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.control.lists import takers
from monitor.extract.control.places import antecedent, own_forces, places
from monitor.extract.control.telling import control_claim, speaker_side, told_by
from monitor.extract.language.frame_base import Parsed, child, happened, prep_object
from monitor.extract.language.grammar import is_modal, subject
from monitor.records import Claim, ControlStatus, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs of leaving a place, with the place as their object ("left X", "abandoned X") or after
# "from" / "out of" ("withdrew from X", "pulled out of X").
_LEAVING_OBJECT = frozenset("leave abandon evacuate vacate quit".split())
_LEAVING_FROM = frozenset("withdraw retreat pull".split())
_LEAVING = _LEAVING_OBJECT | _LEAVING_FROM


def withdrawal_denials(s: Parsed) -> list[Claim]:
    return [claim for verb in s.with_lemma(_LEAVING) for claim in _denied_withdrawal(s, verb)]


def _denied_withdrawal(s: Parsed, verb: Token) -> Iterator[Claim]:
    if verb.pos_ != "VERB":
        return  # the cheap test first: most sentences have no verb of leaving
    if happened(verb) or is_modal(verb):
        return
    place_phrase = _left_place(verb)
    if place_phrase is None:
        return
    side = _leaver(s, verb)
    if side is None:
        return
    # the side's own word denies the capture; anyone else's says the side holds the place
    teller = speaker_side(s, told_by(verb)[1])
    status: ControlStatus = "denies_captured" if teller == side else "holds"
    for place in dict.fromkeys(places(s, place_phrase)):
        yield control_claim(s, verb, place, side, status)


def _left_place(verb: Token) -> Token | None:
    if verb.lemma_ in _LEAVING_OBJECT:
        return child(verb, "dobj")
    if verb.lemma_ not in _LEAVING_FROM:
        return None
    place = prep_object(verb, "from", "of")
    out = next((c for c in verb.children if c.lower_ in ("out", "back")), None)
    if place is None and out is not None:
        place = prep_object(out, "of", "from")  # "pulled out of X", "of" hung on "out"
    return place


def _leaver(s: Parsed, verb: Token) -> EntityRef | None:
    """The one configured side that did not leave: the subject's, or for a pronoun the
    side of the one who tells it."""
    who = subject(verb)
    if who is None:
        return None
    if who.pos_ == "PRON" or own_forces(who) or _ours(who):  # "they", "its fighters"
        return speaker_side(s, told_by(verb)[1])
    found = takers(s, antecedent(who))
    return found[0] if len(found) == 1 else None


def _ours(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in noun.children)
