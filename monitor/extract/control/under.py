"""A place said to be under somebody's control, read on the parse: "X is under the control of
Y", "X remains under Y control" (or rule, occupation, grip), "X is now in the hands of Y", "X
is (back) in Y hands". The place is the subject of the copula (a list, an "including" list,
"the town" for the one place named before); the holder is the object of "of" or the modifier
of "control" or "hands".

Coming into such a holding is a capture: "X fell under the control of Y", "X came under
(complete) Y control", "X fell into Y's hands", "X passed into the hands of Y". A headline
drops its copula: "X in rebel hands", "X under Y control" (the place heads the headline) hold,
and so does an aside to the place ("X, now in Y hands, ...").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from monitor.extract.control.lists import takers
from monitor.extract.control.places import armed_noun, places
from monitor.extract.control.telling import control_claim
from monitor.extract.language.frame_base import Parsed, child, prep_object
from monitor.records import Claim, ControlStatus, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Token

Parts = tuple["Token | None", "Token | None", ControlStatus]

_COPULAS = frozenset("be remain stay".split())
# The nouns of a holding "under" leads into: "under Y control", "under Y rule", "under the
# occupation of Y", "under Y's grip".
_UNDER = frozenset("control rule occupation grip sway dominion".split())
_HANDS = frozenset({"hands"})
_HOLDING_NOUNS = {"under": _UNDER, "in": _HANDS}
# Verbs of passing into a holding, and the nouns each preposition leads into.
_ENTERING = frozenset("fall come pass".split())
_ENTERED_NOUNS = {"under": _UNDER, "into": _HANDS}
_OWNERS = frozenset("poss compound amod nmod".split())
_HOLDING_WORDS = _UNDER | _HANDS
# The lemmas `under_control` and `came_under` start from.
UNDER_LEMMAS = _COPULAS | _ENTERING


def _holder(held: Token) -> Token | None:
    """Who holds: the object of "of" ("the control of Y"), else the holding noun itself, whose
    modifiers name the owner ("complete Y control", "Y's hands", "rebel hands")."""
    owner = prep_object(held, "of")
    if owner is not None:
        return owner
    pronoun = next((c for c in held.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if pronoun is not None:
        return pronoun  # "under its control": whom the pronoun stands for holds
    return held if any(c.dep_ in _OWNERS for c in held.children) else None


def _held_by(verb: Token, nouns: dict[str, frozenset[str]]) -> Token | None:
    """The holding noun of "under ... control" or "in(to) ... hands" on `verb`, or on its
    "back" ("is back in army hands": the parser hangs the phrase on the adverb)."""
    back = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back"]
    for word, held_nouns in nouns.items():
        for head in (verb, *back):
            held = prep_object(head, word)
            if held is not None and held.lower_ in held_nouns:
                return held
    return None


def under_control(verb: Token) -> Parts | None:
    """The place and the holder of "X is under Y's control" or "X is in the hands of Y"."""
    if verb.lemma_ not in _COPULAS:
        return None
    return _subject_held(verb, _HOLDING_NOUNS, "holds")


def came_under(verb: Token) -> Parts | None:
    """ "X fell under the control of Y", "came under Y control", "fell into Y's hands": the
    place and Y, who captured it (not "came under attack", "fell into disrepair")."""
    if verb.lemma_ not in _ENTERING:
        return None
    return _subject_held(verb, _ENTERED_NOUNS, "captured")


def _subject_held(
    verb: Token, nouns: dict[str, frozenset[str]], status: ControlStatus
) -> Parts | None:
    """The verb's subject as the place the holding phrase gives to its holder."""
    held = _held_by(verb, nouns)
    holder = _holder(held) if held is not None else None
    place = child(verb, "nsubj")
    if holder is None or _far_antecedent(verb, place):
        return None
    return place, holder, status


def verbless_holding(noun: Token) -> Parts | None:
    """ "X in rebel hands", "X under Y control": a headline whose head is the place and whose
    only predicate is the holding phrase; "X, now in Y hands, ...": the phrase set off as an
    aside to the place."""
    if noun.pos_ in ("VERB", "AUX") or not (noun.n_lefts or noun.n_rights):
        return None  # a verb, or a word without a phrase on it (most words: the cheap test)
    held = _held_by(noun, _HOLDING_NOUNS)
    if held is None or not (noun.dep_ == "ROOT" or _set_off(held.head)):
        return None
    holder = _holder(held)
    return (noun, holder, "holds") if holder is not None else None


def _set_off(prep: Token) -> bool:
    """A phrase after a comma: an aside to the noun it hangs on."""
    first = prep.left_edge
    return first.i > prep.sent.start and prep.doc[first.i - 1].text == ","


def _far_antecedent(verb: Token, subject: Token | None) -> bool:
    """ "a village in the sector of X that has been under Y's control": a relative clause after
    a prepositional phrase may tell of the phrase's noun as well as of the one it hangs on."""
    if subject is None or subject.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "prep" and c.i < subject.i for c in verb.head.children)


def _holding_phrase_heads(s: Parsed) -> list[Token]:
    """The words a holding phrase hangs on ("X" of "X in rebel hands"), in order: the head of
    the preposition whose object is a holding noun."""
    held = s.with_lower(_HOLDING_WORDS)
    heads = {t.head.head.i: t.head.head for t in held}
    return [heads[i] for i in sorted(heads)]


def verbless_frames(s: Parsed) -> Iterator[tuple[Claim, Token]]:
    """The holdings told without a verb, held by the configured groups they name or, for an
    armed actor nobody configured ("rebel hands"), by a holder unnamed."""
    for noun in _holding_phrase_heads(s):
        parts = verbless_holding(noun)
        if parts is None or parts[1] is None:
            continue
        found = takers(s, parts[1])
        if not found and not armed_noun(parts[1]):
            continue
        holders: list[EntityRef | None] = [*found] if found else [None]
        for place in dict.fromkeys(places(s, noun)):
            for taker in holders:
                yield control_claim(s, noun, place, taker, "holds"), noun
