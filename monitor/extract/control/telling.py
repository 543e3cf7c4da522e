"""Who tells a control frame and what it then claims: the speaker of the verb (or of the
announcement a taking hangs on), the side a speaker stands for, and the status that follows
(a side telling its own capture claims it, a side telling another's capture negated denies
it). Also the hyphenated "re-" that makes a taking a retaking. Shared by the verb and noun
frames of `frames`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.control.places import places
from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import Parsed, denied, prep_object, side_of, speaker_of
from monitor.extract.language.grammar import (
    SPEECH_LEMMAS,
    claimant_of,
    is_doubted,
    is_modal,
    is_negated,
    phrase,
    who_speaks,
)
from monitor.extract.language.hearsay import DENY_VERBS
from monitor.records import Claim, ControlStatus, EntityRef, TerritorialControl

if TYPE_CHECKING:
    from spacy.tokens import Token


# Words only the taker's own side uses of its capture: told by anyone, a claim.
LIBERATING = frozenset("liberate free".split())
# Verbs by which a side rejects another's claim or holding: the verbs of denial, and "dispute".
DISPUTING = DENY_VERBS | {"dispute"}


def told_by(verb: Token) -> tuple[str | None, Token | None]:
    """Who tells it: the speaker of the verb's own clause, or the subject of a speech verb
    whose object the event is ("Aliyev announced the capture of Shusha"). A verb form hung on
    a report without a clause of its own (", a day after taking Dessie") is the narrator's."""
    if verb.lemma_ in SPEECH_LEMMAS and (who := who_speaks(verb)) is not None:
        return (phrase(who) if who.pos_ != "PRON" else None), who
    claimant, speaker = claimant_of(verb), speaker_of(verb)
    outer = verb.head.head if verb.dep_ == "pcomp" else None
    if claimant is None and speaker is None and outer is not None and outer.pos_ == "VERB":
        return told_by(outer)  # "announced taking A, after taking B": B is told with A
    return claimant, speaker


def speaker_side(s: Parsed, speaker: Token | None) -> EntityRef | None:
    """The side a speaker stands for: the group or person it names, or the group a
    spokesman speaks for ("a spokesman for the front", "a statement from the front")."""
    side = side_of(s, speaker)
    if side is None and speaker is not None and speaker.pos_ == "NOUN":
        side = side_of(s, prep_object(speaker, "for", "from"))
    return side


def control_claim(
    s: Parsed,
    verb: Token,
    place: EntityRef,
    taker: EntityRef | None,
    status: ControlStatus,
    allies: Sequence[EntityRef] = (),
) -> Claim:
    """`allies`: the takers named with `taker` ("captured by A and B forces"): a capture one
    of them tells is the claim of each."""
    claimed_by, speaker = told_by(verb)
    side = speaker_side(s, speaker)
    if taker is not None and status == "captured" and side in (taker, *allies):
        status = "claims_captured"
    told = claimed_by is not None or speaker is not None
    if taker is not None and status == "captured" and verb.lemma_ in LIBERATING and told:
        status = "claims_captured"  # "announced that the army had liberated X"
    if status == "retaken" and verb.dep_ in ("xcomp", "acl") and verb.head.lemma_ == "claim":
        status = "claims_captured"  # "claimed to have retaken X": the taker's own word
    value = TerritorialControl(place.name, taker.name if taker else None, status)
    return Claim(value, s.text, claimed_by, is_hedged(s.text) or is_doubted(verb))


def denied_by_teller(
    s: Parsed,
    verb: Token,
    place_phrase: Token | None,
    status: ControlStatus,
    takers: Sequence[EntityRef],
) -> list[Claim]:
    """ "X did not fall to Y, the army said", "the army said Y had not captured X", "the army
    denied that its forces had been pushed out of X": a capture told negated or denied by a
    side other than the taker is that side's denial of it. Not a forecast ("would never
    fall"), nor a liberation not yet done, told by the liberators' side."""
    if status not in ("captured", "retaken") or is_modal(verb):
        return []
    if not (is_negated(verb) or denied(verb)):
        return []
    teller = speaker_side(s, told_by(verb)[1])
    if teller is None or teller in takers or verb.lemma_ in LIBERATING:
        return []
    where = dict.fromkeys(places(s, place_phrase))
    return [control_claim(s, verb, place, teller, "denies_captured") for place in where]
