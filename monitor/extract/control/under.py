"""A place said to be under somebody's control, read on the parse: "X is under the control of
Y", "X remains under Y control", "X is now in the hands of Y", "X is in Y hands". The place is
the subject of the copula (a list, an "including" list, "the town" for the one place named
before); the holder is the object of "of" or the modifier of "control" or "hands".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from monitor.extract.language.frame_base import child, prep_object
from monitor.records import ControlStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

_COPULAS = frozenset("be remain stay".split())
_HOLDING_NOUNS = {"under": "control", "in": "hands"}


def under_control(verb: Token) -> tuple[Token | None, Token | None, ControlStatus] | None:
    """The place and the holder of "X is under Y's control" or "X is in the hands of Y"."""
    if verb.lemma_ not in _COPULAS:
        return None
    for word, noun in _HOLDING_NOUNS.items():
        held = prep_object(verb, word)
        if held is not None and held.lower_ == noun:
            holder = prep_object(held, "of") or child(held, "poss", "compound", "amod")
            place = child(verb, "nsubj")
            if holder is not None and not _far_antecedent(verb, place):
                return place, holder, "holds"
    return None


def _far_antecedent(verb: Token, subject: Token | None) -> bool:
    """ "a village in the sector of X that has been under Y's control": a relative clause after
    a prepositional phrase may tell of the phrase's noun as well as of the one it hangs on."""
    if subject is None or subject.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "prep" and c.i < subject.i for c in verb.head.children)
