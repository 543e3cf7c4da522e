"""Territorial control claims: who captured, holds, surrounds or disputes a configured place.

`verbs` finds the predicates around a place; this module decides what they claim:

- the controller is a configured group named as taker or holder: the subject of an active verb
  ("Taliban fighters captured"), the agent of a passive ("was recaptured by the NRF", "fell to"),
  or the group that speaks when the subject is a pronoun ("The Taliban said they had captured");
  a configured person speaks for his affiliation ("Prigozhin says"), a state for its army
  (`states`: "Ethiopia says it has taken"), and a holding quoted without its verb
  ('"Firmly in control of X," the TPLF spokesman tweeted') is the speaker's;
- a capture asserted by the capturing side itself (its spokesman says so, "claimed to have
  captured", "claimed control of") is `claims_captured`; the same words in reporting voice, or
  conceded by the other side, are `captured`. A passive or "has fallen" without an agent, said by
  a group, is that group's claim ("a Taliban spokesman said Panjshir had been captured");
- a denied capture ("denied claims that Panjshir had fallen", "claims that ... are false", a
  negated capture that someone asserts: "the valley has not fallen, the NRF said") is
  `denies_captured` with controller = the side that denies, i.e. the one saying it still holds
  the place (None when the denier is not a configured group); "still holds" in a sentence about
  a capture claim is such a denial too, and so is a trailing "but the NRF denied it" or "but
  fighting continues", which adds the denial next to the claim;
- negations without anyone asserting them, intentions and conditions ("vowed to capture",
  "if Goma falls"), background clauses ("after Kabul fell", "since the fall of"), history (a year
  two or more before the article's, the Soviets, "decades ago") and metaphors yield nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime

from monitor.extract.control.anaphors import anaphors, implied_capture, is_object
from monitor.extract.control.claim_frame import (
    DATELINE,
    SUBORDINATE,
    Frame,
    denial,
    subject_of,
    tail_denial,
    unnamed_actor,
)
from monitor.extract.control.held import held_owner_mentions
from monitor.extract.control.states import state_mentions
from monitor.extract.control.verbs import Predicate, place_predicates
from monitor.extract.control.words import VERBLESS_HOLD, Status
from monitor.extract.language.history import CONTROL_ERA, CONTROL_YEAR, is_past
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.language.text import clause_bounds
from monitor.records import Claim, EntityRef, TerritorialControl

_CONCESSION = re.compile(r"\s*(?:conceded|concedes|admitted|admits|acknowledged|acknowledges)\b")
_CAPTURE_CLAIM = re.compile(
    r"\bclaims?\b[^;]{0,60}\b(?:captur\w*|fall|fallen|fell|seiz\w*|victory|control)\b", re.I
)
_STILL = re.compile(r"\bstill\b|\bremains?\s+in\s+control\b", re.I)
# "..., the group said", "a spokesman for the rebels said", "the ethnic rebel group said": the
# taker speaks of itself (a definite common noun of an armed movement refers back to it).
_SELF_SPEAKER = re.compile(
    r"(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|official|statement|"
    r"commander|leader)\s+(?:for|of)\s+)?(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:group|movement|rebels|militia|insurgents|militants|factions?|fighters|forces|"
    r"(?<=ethnic\s)(?:armed\s+)?army)\b",
    re.I,
)
_TAKEN: frozenset[Status] = frozenset({"captured", "retaken"})
# The past perfect of a state, told by the narrator: the state was over by the time of the
# story. Reported speech shifts tenses back ("said it had held the town"), so not there.
# "..., a UN panel found.": a clause of reporting that ends the sentence.
_REPORTED_TAIL = re.compile(
    r",\s+(?:[\w'’.-]+\s+){1,6}(?:found|concluded|said|says|reported|wrote|noted|added|stated|"
    r"claimed|told\s+\w+)\b[^,;]*$",
    re.I,
)
_OVER = re.compile(
    r"\bhad\s+(?:(?:long|still|already)\s+)?(?:been|remained|held|controlled)\b", re.I
)


# "Before the war, Jabrayil had been held by ...": an opening adverbial dates the whole sentence.
_OPENING_TIME = re.compile(r"(?:Before|In|During|Until|By|Back\s+in)\b[^,;]{1,40},")


def _past(text: str, year: int) -> bool:
    return is_past(text, year, CONTROL_ERA, CONTROL_YEAR)


def _dated_past(sentence: str, year: int) -> bool:
    opening = _OPENING_TIME.match(sentence)
    return opening is not None and _past(opening.group(), year)


# "took Dorvik, which lies on the coast, in 2014, months before ...": a date set off by commas
# after the clause (and after a relative aside about the place) dates the clause.
_ASIDE_AFTER = re.compile(r",\s+(?:which|where|whose)\b[^,;—–]*")
_DATE_AFTER = re.compile(rf",\s+(?:{CONTROL_YEAR.pattern})\s*(?=[,.;]|$)", re.I)


def _date_after(sentence: str, right: int) -> str:
    aside = _ASIDE_AFTER.match(sentence, right)
    date = _DATE_AFTER.match(sentence, aside.end() if aside else right)
    return date.group() if date else ""


# "the factions said they had taken": the pronoun subject of a taking is the speaker.
_PRONOUN_BEFORE = re.compile(
    r"\b(?:they|we)\s+(?:(?:had|have|has|were|are)\s+)?(?:(?:now|already|just|finally)\s+)*"
    r"[\"“‘']?$",
    re.I,
)


def _unnamed_self(sentence: str, pred: Predicate, own: str | None) -> bool:
    """A side nobody configured, telling its own capture ("the allied factions said they had
    taken X"): a claim with the taker unnamed."""
    if own is not None or pred.subject_at is None:
        return False
    return bool(_PRONOUN_BEFORE.search(sentence, 0, pred.subject_at))


def _judge(frame: Frame, pred: Predicate) -> list[Claim]:
    s = frame.sentence
    left, right = clause_bounds(s, min(pred.start, pred.place.start), pred.end)
    dated = s[left:right] + _date_after(s, right)
    if _past(dated, frame.year) or _dated_past(s, frame.year):
        return []
    controller, reported = pred.agent, False
    if pred.subject_at is not None:
        main, controller, reported = subject_of(frame, pred.subject_at)
    else:
        main = not SUBORDINATE.search(s, left, pred.place.start)
    if not main:
        return []
    speaker = frame.speaker_at(pred.start)
    told = speaker is not None or _REPORTED_TAIL.search(s, pred.end)
    if pred.status == "holds" and not told and _OVER.search(s, pred.start, pred.end):
        return []  # "Manbij had been under SDF control since 2016": a holding that has ended
    self_report = reported or bool(speaker and _SELF_SPEAKER.match(speaker.text))
    own = frame.speaker_group(speaker) or (controller if self_report else None)
    status: Status = pred.status
    name = pred.place.entity.name
    still = status == "holds" and _STILL.search(s, left, pred.end) is not None
    if status == "holds" and not still:
        denied, denier = denial(frame, pred, controller)
        if denied:  # "the army denied that the NLA controlled Varno": the army's denial
            return [frame.claim(TerritorialControl(name, denier, "denies_captured"), pred.start)]
    if status in _TAKEN or still:
        denied, denier = denial(frame, pred, controller if status in _TAKEN else None)
        if status == "holds" and _CAPTURE_CLAIM.search(s):
            denied, denier = True, denier or controller
        if denied or (pred.negated and speaker is not None):
            if denier is None and pred.negated and own != controller:
                denier = own
            value = TerritorialControl(name, denier, "denies_captured")
            return [frame.claim(value, pred.start)]
    if status in ("surrounded", "contested") and denial(frame, pred, None)[0]:
        return []  # "denied that Mekelle had been encircled": no status says that
    if pred.negated:  # "they do not control it, an NRF commander said": the speaker holds it
        if status == "holds" and own and own != controller and speaker is not None:
            return [frame.claim(TerritorialControl(name, own, "denies_captured"), pred.start)]
        return []
    if pred.own:  # "under our control"
        controller = controller or frame.speaker_group(speaker)
    if pred.subject_at is not None and controller is None and unnamed_actor(frame, pred.subject_at):
        own = None  # "Gangs seized the town, the police said": the police report, not claim
    if pred.unnamed_agent:
        own = None  # "the town fell to rebels, the police said": likewise
    if (
        status == "captured"
        and not pred.lost
        and (
            pred.claimed
            or (own and controller in (None, own))
            or (self_report and _unnamed_self(s, pred, own))
        )
    ):
        conceded = speaker is not None and _CONCESSION.match(s, speaker.end)
        if not conceded:
            status, controller = "claims_captured", controller or own
    claims = [frame.claim(TerritorialControl(name, controller, status), pred.start)]
    if status in ("captured", "claims_captured", "retaken"):
        extra = tail_denial(frame, pred, controller)
        claims += [extra] if extra else []
    return claims


def _dateline(sentence: str, m: Mention) -> bool:
    """ "KABUL, Aug 17 (Reuters) -": the place a story was filed from."""
    dateline = DATELINE.match(sentence)
    return dateline is not None and m.start < dateline.end() and sentence[: m.end].isupper()


def _start(m: Mention) -> int:
    return m.start


def _lowercase_acronym(sentence: str, m: Mention) -> bool:
    """ "is" is not "IS": a name written in capitals (an acronym) names a group only when the
    text writes it in capitals too."""
    written = sentence[m.start : m.end]
    if not written.islower():
        return False
    return all(
        not n.islower() and n.upper() == n
        for n in m.entity.names
        if n.casefold() == written.casefold()
    )


def extract_control(
    sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
) -> list[Claim]:
    """Territorial control claims in one sentence of an article published in `year`."""
    # Every extractor asks for the same mentions, and `find_mentions` remembers them.
    mentions = [m for m in find_mentions(sentence, entities) if not _lowercase_acronym(sentence, m)]
    places = [m for m in mentions if m.entity.kind == "place" and not _dateline(sentence, m)]
    if not places:
        return []
    owners = held_owner_mentions(sentence, entities, mentions)
    mentions = sorted(
        [*mentions, *state_mentions(sentence, entities, mentions), *owners], key=_start
    )
    frame = Frame(sentence, mentions, year or datetime.now(UTC).year)
    claims: list[Claim] = []
    for p in places:
        # Predicates first: most places have none, and then the speaker need not be found.
        found = place_predicates(sentence, p, frame.groups)
        verbless = VERBLESS_HOLD.search(sentence, 0, p.start)
        if verbless and not found and frame.speaker_group(frame.speaker_at(p.start)):
            found = [Predicate(p, "holds", verbless.start(), p.end, own=True)]
        if not found or frame.inside_speaker(p.start):
            continue
        for pred in found:
            claims += [c for c in _judge(frame, pred) if c not in claims]
    for ref in anaphors(sentence, places):
        preds = [
            q for q in place_predicates(sentence, ref, frame.groups) if is_object(sentence, ref, q)
        ]
        if not preds or frame.inside_speaker(ref.start):
            continue
        taken = [implied_capture(sentence, p, ref) for p in places]
        for pred in [*(t for t in taken if t), *preds]:
            claims += [c for c in _judge(frame, pred) if c not in claims]
    return _without_redundant(claims)


def _without_redundant(claims: list[Claim]) -> list[Claim]:
    """ "captured and now under Taliban control": the holding adds nothing to the capture."""
    taken = {
        (c.value.place, c.value.controller)
        for c in claims
        if isinstance(c.value, TerritorialControl) and c.value.status != "holds"
    }
    return [
        c
        for c in claims
        if not (
            isinstance(c.value, TerritorialControl)
            and c.value.status == "holds"
            and (c.value.place, c.value.controller) in taken
        )
    ]
