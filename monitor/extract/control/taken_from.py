"""The side a place is taken back from: "recaptured X from Y", "regained control of X from Y",
"liberated X from Y", "the recapture of X from Y".

Taking a place back presupposes that the side it is taken from had taken it: a retaking that
happened tells two facts, the earlier capture first (an article's final word on a place is the
retaking, the capture its history; `captures_first` keeps that order among the facts of one
sentence). A presupposition holds under negation and intent: "an offensive to retake X from
Y", "failed to recapture X from Y" tell that Y holds X now. Only a retaking or a liberation
says so; "seized X from Y" may take a place from its first owner, who never captured it. A
retaking told in the passive without its agent ("X was freed from Y") is told after the
capture it presupposes, by a side unnamed: the capture is never the final word.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from monitor.extract.control.lists import takers
from monitor.extract.control.places import places
from monitor.extract.control.telling import LIBERATING, told_by
from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import Parsed, child, passive, prep_object
from monitor.extract.language.grammar import is_doubted
from monitor.records import Claim, ControlStatus, EntityRef, TerritorialControl

if TYPE_CHECKING:
    from spacy.tokens import Token


def _from_phrase(word: Token, place_phrase: Token | None) -> Token | None:
    """The object of "from" on the word of retaking, on its object ("regained control of X
    from Y": the parser hangs it on "control" or on X) or on the place phrase."""
    for head in (word, child(word, "dobj"), place_phrase):
        if head is not None and (found := prep_object(head, "from")) is not None:
            return found
    return None


def retaken_from(
    s: Parsed,
    word: Token,
    place_phrase: Token | None,
    status: ControlStatus,
    retakers: Sequence[EntityRef],
    done: bool = True,
) -> Iterator[Claim]:
    """What a retaking of `place_phrase` from a configured side presupposes, one claim per
    place, told as the retaking is told: the side's capture when the retaking was `done`, its
    holding when it is an aim, a failure or a possibility."""
    if status != "retaken" and word.lemma_ not in LIBERATING:
        return
    source = _from_phrase(word, place_phrase)
    if source is None:
        return
    losers = [g for g in takers(s, source) if g not in retakers]
    if len(losers) != 1:
        return  # nobody we follow, or a list we cannot pair with the places
    claimed_by, _ = told_by(word)
    hedged = is_hedged(s.text) or is_doubted(word)
    unnamed = done and not retakers and _by_nobody(word)
    for place in dict.fromkeys(places(s, place_phrase)):
        value = TerritorialControl(place.name, losers[0].name, "captured" if done else "holds")
        yield Claim(value, s.text, claimed_by, hedged)
        if unnamed:  # "X had been freed from Y": Y lost it, to a side the text does not name
            yield Claim(TerritorialControl(place.name, None, "retaken"), s.text, claimed_by, hedged)


def _by_nobody(word: Token) -> bool:
    """A passive retaking told without its agent ("X was freed from Y")."""
    return passive(word) and prep_object(word, "by") is None


_AFTER_A_CAPTURE: frozenset[ControlStatus] = frozenset({"retaken", "claims_captured"})


def captures_first(claims: Sequence[Claim]) -> list[Claim]:
    """The facts of one sentence in the order of events: a place's capture by one side before
    its retaking, or a claimed taking, by another ("recaptured X from Y": Y's capture, then the
    retaking), so that the retaking stays the final word on the place."""
    later: dict[str, set[str | None]] = {}
    for c in claims:
        if isinstance(c.value, TerritorialControl) and c.value.status in _AFTER_A_CAPTURE:
            later.setdefault(c.value.place, set()).add(c.value.controller)
    earlier = [c for c in claims if _captured_before(c, later)]
    if not earlier:
        return list(claims)
    ordered: list[Claim] = []
    for c in claims:
        if c in earlier:
            continue
        if isinstance(c.value, TerritorialControl) and c.value.status in _AFTER_A_CAPTURE:
            ordered += [e for e in earlier if _on(e, c.value.place) and e not in ordered]
        ordered.append(c)
    return ordered + [e for e in earlier if e not in ordered]


def _captured_before(claim: Claim, later: dict[str, set[str | None]]) -> bool:
    value = claim.value
    if not isinstance(value, TerritorialControl) or value.status != "captured":
        return False
    return value.place in later and value.controller not in later[value.place]


def _on(claim: Claim, place: str) -> bool:
    return isinstance(claim.value, TerritorialControl) and claim.value.place == place
