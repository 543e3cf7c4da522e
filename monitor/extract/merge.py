"""How the kind extractors' claims of a sentence and the frames' claims of its parse make one
reading: where both read one fact, the extractor's fuller reading stands, given what only the
frame knows (a count the extractor missed, the speaker of the count's own clause, the place of
a whereabouts, a capture that is a retaking); what only the frame reads is added, and so is a
count another speaker gives differently.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from monitor.records import Casualties, Claim, FactValue, Leadership, TerritorialControl


def new_facts(framed: list[Claim], found: list[Claim]) -> list[Claim]:
    """The frame claims about facts the kind extractors did not read in the sentence: where
    both read one, the extractor's fuller reading (its roles, its statuses) stands. A place
    may hold two facts ("took full control": captured, and holds)."""
    told = {_told(c.value) for c in found}
    return [c for c in framed if _told(c.value) not in told or _another_speakers_count(c, found)]


def _another_speakers_count(claim: Claim, found: list[Claim]) -> bool:
    """A count of a side that another speaker gives differently from every count the
    extractor read of that side: a claim of its own, which contests theirs ("the army said
    40 X fighters were killed, while X said only 12 of its fighters died")."""
    value, speaker = claim.value, (claim.claimed_by or "").casefold()
    if not isinstance(value, Casualties) or not speaker:
        return False
    return all(
        (f.claimed_by or "").casefold() not in ("", speaker)
        and f.value.comparable != value.comparable
        for f in found
        if isinstance(f.value, Casualties) and f.value.subject == value.subject
    )


_COUNTS = ("killed", "wounded", "captured")


def with_counts_of(found: list[Claim], framed: list[Claim]) -> list[Claim]:
    """The extractor's losses, given the counts the frame read of the same side that the
    extractor missed, when the two agree on every count both read: "25 X soldiers, including
    two officers, were killed and 40 wounded", whose aside keeps the word patterns from the
    wounded."""
    out = []
    for claim in found:
        value = claim.value
        for other in (f.value for f in framed):
            if isinstance(value, Casualties) and isinstance(other, Casualties):
                value = _added_counts(value, other)
        out.append(replace(claim, value=value) if value is not claim.value else claim)
    return out


def with_places_of(found: list[Claim], framed: list[Claim]) -> list[Claim]:
    """The extractor's whereabouts and flights, given the place the frame read of the same
    person and fate when the extractor read none: "X is now based in Y", "X remains holed up
    in Y" (the words of the place hang on a participle the word patterns step over)."""
    out = []
    for claim in found:
        value = claim.value
        if isinstance(value, Leadership) and value.status in _WHEREABOUTS and not value.location:
            places = {
                f.value.location
                for f in framed
                if isinstance(f.value, Leadership)
                and (f.value.subject, f.value.status) == (value.subject, value.status)
                and f.value.location
            }
            if len(places) == 1:
                claim = replace(claim, value=replace(value, location=places.pop()))
        out.append(claim)
    return out


_WHEREABOUTS = frozenset({"located", "fled"})


def retakings_as_framed(found: list[Claim], framed: list[Claim]) -> list[Claim]:
    """The extractor's captures that the frame reads as retakings of the same place by the same
    taker ("X was liberated from Y": taken back, by a side unnamed), so that the capture by Y
    the retaking presupposes is told before it, never as the final word."""
    retaken = {
        (c.value.place, c.value.controller)
        for c in framed
        if isinstance(c.value, TerritorialControl) and c.value.status == "retaken"
    }
    return [
        replace(c, value=replace(c.value, status="retaken"))
        if isinstance(c.value, TerritorialControl)
        and c.value.status == "captured"
        and (c.value.place, c.value.controller) in retaken
        else c
        for c in found
    ]


def with_frame_speakers(found: list[Claim], framed: list[Claim]) -> list[Claim]:
    """The extractor's losses, each claimed by the speaker the frame gives the same count: the
    frame knows the reporting verb of the count's own clause ("the army said 40 X fighters
    were killed, while X said it had killed 30 soldiers": the 30 are X's claim), where the
    word patterns know the sentence's first speaker."""
    out = []
    for claim in found:
        value = claim.value
        speakers = {
            f.claimed_by
            for f in framed
            if isinstance(value, Casualties) and f.value == value and f.claimed_by
        }
        if len(speakers) == 1 and claim.claimed_by not in speakers:
            claim = replace(claim, claimed_by=speakers.pop())
        out.append(claim)
    return out


def _added_counts(value: Casualties, other: Casualties) -> Casualties:
    if (other.subject, other.scope) != (value.subject, value.scope):
        return value
    added: dict[str, Any] = {}
    for field in _COUNTS:
        mine = (getattr(value, f"{field}_min"), getattr(value, f"{field}_max"))
        theirs = (getattr(other, f"{field}_min"), getattr(other, f"{field}_max"))
        if mine == (None, None):
            added.update({f"{field}_min": theirs[0], f"{field}_max": theirs[1]})
        elif theirs not in ((None, None), mine):
            return value  # the two disagree: two readings, not one fuller
    return replace(value, **added) if any(n is not None for n in added.values()) else value


def _told(value: FactValue) -> tuple[object, ...]:
    """What makes two readings of one sentence the same fact: a person's office and fate are
    two; a place may hold a capture and a hold, and a capture by allies one fact per taker (a
    taker the extractor left unnamed is dropped later, beside the named one)."""
    if isinstance(value, TerritorialControl):
        # one taking, however told: claimed, or a retaking the extractor saw ("ending the
        # occupation") where the frame saw a capture
        status = "captured" if value.status in ("claims_captured", "retaken") else value.status
        return (value.kind, value.place, status, value.controller)
    if isinstance(value, Leadership):
        return (value.kind, value.subject, value.aspect)
    return (value.kind, value.subject)
