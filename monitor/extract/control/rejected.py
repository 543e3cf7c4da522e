"""A claim of capture that another side rejects in the same sentence by a noun: "X claimed to
have taken Y, but the army published a video from the town, rejecting the claims", "...;
officials dismissed the claim". The side that rejects it denies the capture (`denies_captured`),
told after the claim so that the denial is the final word. The rejecting side is the subject of
the verb of denial, or, for a participle ("rejecting ..."), of the clause it hangs on; a claim
the taker's own side rejects, one nobody configured rejects, or a claim about something else
("rejected claims of looting") adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.control.telling import DISPUTING
from monitor.extract.language.frame_base import Parsed, child, clause_of, side_of
from monitor.extract.language.grammar import is_negated, phrase, subject
from monitor.records import Claim, EntityRef, TerritorialControl

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLAIM_NOUNS = frozenset("claim report assertion allegation announcement".split())
_TAKINGS = frozenset({"captured", "claims_captured", "retaken"})


def _rejecter(s: Parsed, verb: Token) -> tuple[EntityRef, Token] | None:
    """The side that rejects a claim by this verb, and the phrase that names it."""
    if verb.lemma_ not in DISPUTING or is_negated(verb):
        return None
    rejected = child(verb, "dobj")
    if rejected is None or rejected.lemma_ not in _CLAIM_NOUNS:
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in rejected.children):
        return None  # "rejected claims of looting": a claim about something else
    who = subject(clause_of(verb))
    side = side_of(s, who)
    return (side, who) if side is not None and who is not None else None


def rejected_claims(s: Parsed, found: Sequence[Claim]) -> list[Claim]:
    """The denials of the captures in `found` by a side that rejects "the claim(s)"."""
    denials: list[Claim] = []
    for verb in s.with_lemma(DISPUTING):
        rejecter = _rejecter(s, verb)
        if rejecter is None:
            continue
        side, who = rejecter
        for claim in found:
            value = claim.value
            if not isinstance(value, TerritorialControl) or value.status not in _TAKINGS:
                continue
            if value.controller in (None, side.name):
                continue
            denied = TerritorialControl(value.place, side.name, "denies_captured")
            denials.append(Claim(denied, s.text, phrase(who), False))
    return list(dict.fromkeys(denials))
