"""Claims checked against the sentence's parse: the fact's own verb decides.

The kind extractors find candidate facts by their vocabulary; the parse then settles what the
words around them cannot:

- the verb that states the fact about the entity (the place is its object or subject, or a
  relative clause about the place: "Sennar, which the army does not control") is negated
  ("does not control", "never captured", "no longer holds"), a verb of trying or intending
  governs it ("failed to capture", "vowed to retake"), a modal does ("could capture"), or it
  is a condition ("if X is killed"): nothing happened, so there is no fact. A capacity told
  with a modal ("could field 10,000") stays, hedged. Denials are the extractors' own
  statuses and are left as they are;
- a person's fate read from a pronoun that stands in the reported clause of that same person's
  speech ("X said he had been killed") is not X's fate: the pronoun is somebody else, unless
  the speaker speaks in the first person;
- a fact told as hearsay (see `hearsay`): only rumoured, or in a report somebody denies, it is
  no fact; in a report nobody owns ("amid reports that"), it stands, hedged. A rumoured fate
  stays, hedged, to be set against its denial;
- the claimant is the whole noun phrase that is the subject of the reporting verb ("a senior
  U.S. official", not "a senior U"), and a claimant without a noun ("Meanwhile") is nobody.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from monitor.extract.language.claimants import better_claimant, claimant
from monitor.extract.language.counts import counted_by_the_enemy, not_a_force, only_in_dates
from monitor.extract.language.fact_verbs import (
    FACT_LEMMAS,
    FATES,
    THIRD_PERSON,
    anchor_heads,
    anchor_name,
    fact_verbs,
    is_positive,
)
from monitor.extract.language.frame_base import parsed, prep_object, side_of, speaker_of
from monitor.extract.language.grammar import (
    is_conditional,
    is_counterfactual,
    is_doubted,
    is_modal,
    is_negated,
    is_not_done,
    is_perfect,
    noun_head,
    phrase,
    reporting_verb,
    subject,
    told_as_earlier,
    told_until,
    who_speaks,
)
from monitor.extract.language.hearsay import (
    DENIED,
    RUMOUR,
    Hearsay,
    denying_verb,
    hearsay,
    nominal_hearsay,
)
from monitor.extract.language.kin import state_body_side
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.units import PLURALS, UNITS
from monitor.extract.language.where import (
    casualty_scope,
    fate_location,
    incident_location,
    leaves_victims,
    not_a_whereabouts,
)
from monitor.records import (
    Casualties,
    Claim,
    EntityRef,
    FactValue,
    ForceSize,
    Leadership,
    TerritorialControl,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _taken_from_holder(verb: Token, value: FactValue, entities: Sequence[EntityRef]) -> bool:
    """ "trying to retake X from Y": the place is taken from its holder, whether or not the
    taking happens; the verb tells who holds the place, it does not state the holding."""
    if not isinstance(value, TerritorialControl) or value.controller is None:
        return False
    source = prep_object(verb, "from")
    return source is not None and value.controller in _names(noun_head(source), entities)


def _foretold(verb: Token, value: FactValue) -> bool:
    """ "would capture", "will retake": a modal that looks ahead, or one that tells what did
    not happen ("would have captured"). A capacity ("could field 10,000") is a force size all
    the same."""
    if is_counterfactual(verb):
        return True
    return is_modal(verb) and not is_perfect(verb) and not isinstance(value, ForceSize)


def _denied_by_verb(verbs: Sequence[Token], value: FactValue) -> bool:
    if not verbs:
        return False
    return all(
        is_negated(v) or is_not_done(v) or is_conditional(v) or _foretold(v, value) for v in verbs
    )


def _doubted(verbs: Sequence[Token]) -> bool:
    """A modal over the fact's verb that the fact survived: "may have been killed", "could
    field": the fact stands, hedged."""
    return bool(verbs) and all(is_doubted(v) for v in verbs)


def _speaker_is_subject(
    verbs: Sequence[Token], claim: Claim, pronoun_names: set[str], entities: Sequence[EntityRef]
) -> bool:
    """A death told of a third-person pronoun (or the name that replaced one) inside the
    reported speech of the very person it is ascribed to: "Burhan said he had been killed"
    speaks of somebody else, since nobody reports his own death."""
    value = claim.value
    if not isinstance(value, Leadership) or value.status != "killed":
        return False  # "X insisted he had not left": a speaker may tell where he is himself
    for verb in verbs:
        said = reporting_verb(verb)
        teller, told = (who_speaks(said), subject(verb)) if said is not None else (None, None)
        if teller is None or told is None or value.subject not in _names(teller, entities):
            continue
        if told.lower_ in THIRD_PERSON or value.subject in pronoun_names:
            return True
    return False


def _names(token: Token, entities: Sequence[EntityRef]) -> set[str]:
    """The configured entities a noun phrase names."""
    if token.pos_ == "PRON":
        return set()
    return {m.entity.name for m in find_mentions(phrase(token), entities)}


def review(
    claims: Sequence[Claim],
    span: Span,
    entities: Sequence[EntityRef],
    pronoun_names: set[str],
) -> list[Claim]:
    """The claims the parse of their sentence bears out, with their claimants made whole."""
    kept: list[Claim] = []
    for claim in claims:
        if _miscounted(span, claim.value, entities):
            continue
        verbs = fact_verbs(span, claim.value, entities)
        verbs = [v for v in verbs if not _taken_from_holder(v, claim.value, entities)]
        if verbs and all(told_as_earlier(v) for v in verbs):
            continue  # "had previously believed that X had 10,000 fighters": superseded
        if _holding_ended(claim.value, verbs):
            continue  # "held X until May", "after holding X for two years, withdrew"
        if is_positive(claim.value) and _denied_by_verb(verbs, claim.value):
            continue
        told = _hearsay(span, verbs, claim.value, entities)
        denials: list[Claim] = []
        if _unfounded(told, claim.value):
            denials = _denial(claim, span, verbs, entities) if told == DENIED else []
            if told != DENIED or not _claimed_then_denied(verbs):
                kept += denials
                continue
            told = None  # "X said it had taken Y; the army dismissed the claim": X's claim
        checked = _checked(claim, span, verbs, told, entities, pronoun_names)
        kept += [checked] if checked is not None else []
        kept += denials  # the denial answers the claim: it is the final word
    return kept


def _checked(
    claim: Claim,
    span: Span,
    verbs: Sequence[Token],
    told: Hearsay | None,
    entities: Sequence[EntityRef],
    pronoun_names: set[str],
) -> Claim | None:
    """The claim as the parse bears it out (its place, claimant and hedging made whole), or
    None: a speaker's own fate read from a pronoun, "in talks", "surrounded by jungle"."""
    if _speaker_is_subject(verbs, claim, pronoun_names, entities):
        return None
    value = claim.value
    located = isinstance(value, Leadership) and value.status == "located"
    if located and not_a_whereabouts(verbs, entities):
        return None  # "is in talks", "is in his 30s"
    if _surrounded_by_land(value, verbs):
        return None  # "a town surrounded by jungle"
    who = better_claimant(span, claim.claimed_by, claimant(span, verbs))
    hedged = claim.hedged or _doubted(verbs) or told is not None
    value = _own_claim(_placed(claim.value, span, verbs, entities), span, verbs, entities)
    return replace(claim, value=value, claimed_by=who, hedged=hedged)


def _hearsay(
    span: Span, verbs: Sequence[Token], value: FactValue, entities: Sequence[EntityRef]
) -> Hearsay | None:
    """How a positive fact is told: by its verbs, or, told by a noun, by its entity's mentions."""
    if not is_positive(value):
        return None
    if verbs:
        return hearsay(verbs)
    return nominal_hearsay(anchor_heads(span, anchor_name(value), entities))


def _unfounded(told: Hearsay | None, value: FactValue) -> bool:
    """A fact only rumoured, or told in a report that somebody denies, is none; a person's fate
    told as a rumour is kept, hedged, as a fate is recorded next to its denial (the rumoured
    death that a spokesman denies)."""
    if told == DENIED:
        return True
    fate = isinstance(value, Leadership) and value.status in FATES
    return told == RUMOUR and not fate


def _denial(
    claim: Claim, span: Span, verbs: Sequence[Token], entities: Sequence[EntityRef]
) -> list[Claim]:
    """A hold or capture that a side denies outright ("Armenia denied that Azerbaijani forces
    controlled Hadrut") is that side's denial of the capture, as "denied that Hadrut had
    fallen" is; denied by nobody configured, or by the taker itself, it is no fact."""
    value = claim.value
    if not isinstance(value, TerritorialControl) or value.status == "surrounded":
        return []
    s = parsed(span, entities, None)
    for verb in verbs:
        denying = denying_verb(verb)
        speaker = who_speaks(denying) if denying is not None else speaker_of(verb)
        side = side_of(s, speaker)
        if speaker is not None and side is not None and side.name != value.controller:
            denied = TerritorialControl(value.place, side.name, "denies_captured")
            return [replace(claim, value=denied, claimed_by=phrase(speaker), hedged=False)]
    return []


def _claimed_then_denied(verbs: Sequence[Token]) -> bool:
    """The denied clause is itself somebody's report, told under the denial: "X said it had
    taken Y; the army dismissed the claim" (the parser hangs X's saying on "dismissed"). The
    report stands as X's claim beside the denial; a clause denied outright ("the army denied
    that X held Y") is nobody's claim."""
    for verb in verbs:
        said, denying = reporting_verb(verb), denying_verb(verb)
        if said is not None and denying is not None and said.i != denying.i:
            return True
    return False


# What may encircle a place: armed people and their bodies ("surrounded by rebels", "by the
# army", "by tanks"), or a side named by name.
_ENCIRCLING = frozenset("surround encircle besiege".split())
_ENCIRCLERS = (
    PLURALS | frozenset(UNITS) | frozenset("army force militia military tank enemy".split())
)


def _surrounded_by_land(value: FactValue, verbs: Sequence[Token]) -> bool:
    """ "a city surrounded by jungle", "encircled by mountains": the agent of the verb of
    encircling is no armed side, so nobody besieges the place."""
    if not isinstance(value, TerritorialControl) or value.status != "surrounded":
        return False
    encircling = [v for v in verbs if v.lemma_ in _ENCIRCLING]
    if value.controller is not None or not encircling:
        return False
    agents = [prep_object(v, "by") for v in encircling]
    return all(
        a is not None and a.pos_ == "NOUN" and a.lemma_.lower() not in _ENCIRCLERS for a in agents
    )


def _holding_ended(value: FactValue, verbs: Sequence[Token]) -> bool:
    """A holding the sentence tells was over: held "until" a time or an event, or held in a
    clause opened by "after" ("After holding X for two years, the Y withdrew")."""
    if not isinstance(value, TerritorialControl) or value.status != "holds" or not verbs:
        return False
    return all(told_until(v) or (v.dep_ == "pcomp" and v.head.lower_ == "after") for v in verbs)


def _miscounted(span: Span, value: FactValue, entities: Sequence[EntityRef]) -> bool:
    """A figure that is a date, or a force size that is a loss, a handful of people, or men
    its group acts on ("a garrison cut off by X")."""
    if isinstance(value, ForceSize) and (
        not_a_force(span, value) or counted_by_the_enemy(span, value, entities)
    ):
        return True
    return isinstance(value, ForceSize | Casualties) and only_in_dates(span.text, value)


def _own_claim(
    value: FactValue, span: Span, verbs: Sequence[Token], entities: Sequence[EntityRef]
) -> FactValue:
    """A capture told by the capturing side itself, by its leader, or by its state's body ("the
    Varnian defence ministry said"), is that side's claim."""
    if not isinstance(value, TerritorialControl) or value.status != "captured":
        return value
    if value.controller is None:
        return value
    s = parsed(span, entities, None)
    for verb in verbs:
        speaker = speaker_of(verb)
        side = side_of(s, speaker) or (state_body_side(speaker, entities) if speaker else None)
        if side is not None and side.name == value.controller:
            return replace(value, status="claims_captured")
    return value


def _placed(
    value: FactValue, span: Span, verbs: Sequence[Token], entities: Sequence[EntityRef]
) -> FactValue:
    """The fact with where it happened, when its verb says so."""
    if isinstance(value, Leadership) and value.location is None:
        return replace(value, location=fate_location(verbs, value.status, entities))
    if isinstance(value, Casualties):
        told = verbs or [
            t for t in span if t.lemma_ in FACT_LEMMAS["casualties"] or leaves_victims(t)
        ]
        where = value.location or incident_location(told, entities)
        figures = [
            n
            for n in (value.killed_min, value.killed_max, value.wounded_min, value.captured_min)
            if n is not None
        ]
        return replace(value, location=where, scope=casualty_scope(span, told, figures))
    return value


def pronoun_substitutions(substitutions: Sequence[tuple[str, str]]) -> set[str]:
    """The names that stand in a sentence for a third-person pronoun."""
    return {name for original, name in substitutions if original.casefold() in THIRD_PERSON}
