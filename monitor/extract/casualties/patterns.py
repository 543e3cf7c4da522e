"""Casualty claims: how many of a configured group's people were killed, wounded or captured.

A count becomes part of a claim when it counts people (`counts`), a verb or noun says
what happened to them (`verbs`) and a configured group owns them (`owners`):
the group named in the count ("350 Taliban fighters were killed", "killed 350 Taliban"), the
subject of a loss verb ("the resistance lost 40 men"), the group a possessive stands for ("40
of its fighters"), or, for a bare count joined to the one before ("12 NRF fighters were killed
and 30 wounded"), the subject of that count. Civilians, "people" or fighters of nobody
configured yield no claim. One claim per subject and sentence combines the kinds found.

Decisions (DESIGN.md "Data contracts" fields):
- Qualifiers and vague amounts come from `numbers`; a bare count joined to a qualified one
  shares its qualifier ("at least 12 dead and 30 wounded": both at least). The claim's
  `qualifier` is that of its first count in the sentence; every count keeps its own min/max
  ("19 killed and about 40 wounded": exact, wounded 40..40), as tests/labelled/README.md has it.
- A combined count ("killed or wounded 50", "50 casualties") only bounds the dead: killed_max
  50, killed_min None, qualifier at_most; an open combined count ("more than 50") says nothing.
- "Surrendered", "taken prisoner/hostage", "detained", "arrested" are captured; "lost N men" is
  killed; "casualties" are killed or wounded.
- Explicit zeros are claims ("no NRF fighters were killed": killed 0, exact); denials ("denied
  losing any men", "dismissed claims that 40 ... were killed"), negations ("were not killed"),
  conditionals and questions are not.
- History is skipped (`filters`): other eras ("Soviet", "1990s", "years ago", "last
  year", "during the ... war"), a year two or more before the article's in the count's clause
  or opening the sentence, and running totals "since" such a year ("the war has killed tens of
  thousands since 2001"). Totals since a recent start ("since April") are current claims.
- When one sentence gives two different counts of one kind for one subject, that kind is
  dropped rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from monitor.extract.casualties.counts import Count, kind_of_people, parse_count
from monitor.extract.casualties.filters import is_denied, is_history, is_hypothetical, is_noise
from monitor.extract.casualties.owners import (
    loss_owner,
    losses_owner,
    self_owner,
    with_losses_owner,
    zero_counts,
)
from monitor.extract.casualties.verbs import Kind, Reading, read_kind
from monitor.extract.language.attribution import Speaker, find_speaker, is_hedged, resolve_pronoun
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.language.numbers import Amount, find_amounts, part_of
from monitor.extract.language.text import lowered_for_words
from monitor.records import Casualties, Claim, EntityRef, Qualifier


@dataclass(frozen=True, slots=True)
class _Item:
    kinds: frozenset[Kind]
    low: int | None
    high: int | None
    qualifier: Qualifier
    subject: str | None
    start: int
    end: int
    hedged: bool = False
    part: bool = False  # a located part of the count before it: a fact of its own


_LINKED = re.compile(
    r"^(?:\s+(?:in|on|at|near|during|since|around|outside|inside)\s+[^,;]{1,50}?)?"
    r"\s*(?:,\s*)?(?:(?:and|while|with|plus|as\s+well\s+as|but)\s+)?"
    r"(?:(?:had|has|have|suffered)\s+)?"  # "lost 30 men and had 61 wounded"
    r"(?:(?:another|a\s+further|also)\s+)?$",
    re.I,
)
# Every word a casualty reading starts from (`verbs`, `owners`), as stems.
_CUE = re.compile(
    r"kill|dead|death|\bdie|wound|injur|hurt|captur|prison|captive|hostage|detain|detention|"
    r"arrest|surrender|casualt|loss|\blos[te]|losing|slain|slew|shot|gunned|execut|martyr|"
    r"massacr|bodies|remains|seiz|rounded|toll|perish|lives|themselves up",
    re.I,
)
# The words of `_CUE` that need no word boundary, in lower case: a substring test of the
# lower-cased sentence answers for them; "\bdie" and "\blos[te]" are left to `_CUE` itself.
_CUE_STEMS = tuple(stem for stem in _CUE.pattern.split("|") if not stem.startswith("\\b"))


def _has_cue(sentence: str) -> bool:
    """`_CUE.search(sentence) is not None`, mostly without running the regex."""
    lowered = lowered_for_words(sentence)
    if lowered is not None:
        if any(stem in lowered for stem in _CUE_STEMS):
            return True
        if "die" not in lowered and "los" not in lowered:
            return False
    return _CUE.search(sentence) is not None


_SHARED = re.compile(r"^\s*(?:,|,?\s+and)\s+$", re.I)
_INCLUDING = re.compile(r"^\s*,\s+(?:including|among\s+them)\s+$", re.I)


_OPENERS = frozenset({"at_least", "at_most", "approx"})  # not a vague "dozens" (a range)


def _opened(lead: Amount, bare: Amount) -> Amount:
    """A bare count in a list opened by a qualified one takes its qualifier (README: "at least
    30 Taliban and 12 NRF fighters": both at least)."""
    low, high = {"at_least": (bare.min, None), "at_most": (None, bare.max)}.get(
        lead.qualifier, (bare.min, bare.max)
    )
    return replace(bare, min=low, max=high, qualifier=lead.qualifier)


def _as_part(sentence: str, c: Count) -> Count:
    """ "Up to 150 of some 600 X fighters were killed": the verb tells what happened to the
    part, so the count of the whole phrase is the part's; the whole is how many there were."""
    part = part_of(sentence, c.amount, owned=True)
    return replace(c, amount=part, elliptical=False) if part is not None else c


def _readings(sentence: str, groups: list[Mention]) -> list[tuple[Count, Reading | None]]:
    found = [
        _as_part(sentence, c)
        for a in find_amounts(sentence)
        if not is_noise(sentence, a) and (c := parse_count(sentence, a, groups)) is not None
    ]
    counts = [c for c in found if not any(c.amount == o.amount and c is not o for o in found)]
    out = [(c, read_kind(sentence, c)) for c in counts]
    for i in reversed(range(len(out) - 1)):  # "12 Taliban and 30 NRF fighters were killed"
        (c, r), (nxt, nr) = out[i], out[i + 1]
        shared = _SHARED.match(sentence[c.end : nxt.amount.start])
        # The first count needs its group; the second may belong to nobody configured when it
        # counts another kind of people ("300 RHM fighters and 45 soldiers died"), not when it
        # may be more of the same ("two Taliban commanders and 15 fighters": 17 in all).
        # "47 Malian soldiers": an alias may hold the noun
        first_noun = c.noun or (
            sentence[c.group.start : c.group.end].split()[-1] if c.group else None
        )
        other_kind = nxt.group is not None or kind_of_people(nxt.noun) != kind_of_people(first_noun)
        if r is None and nr and nr.start == nxt.amount.start and c.group and shared and other_kind:
            out[i] = (c, replace(nr, start=c.amount.start))
            if c.amount.qualifier != "exact" and nxt.amount.qualifier == "exact":
                out[i + 1] = (replace(nxt, amount=_opened(c.amount, nxt.amount)), nr)
    for i in range(1, len(out)):  # "killed 40 RSF and 12 SLM fighters", "..., including 3 SLM"
        (c, r), (nxt, nr) = out[i - 1], out[i]
        link = sentence[max(c.end, r.end if r else 0) : nxt.amount.start]
        other = nxt.group is not None and (c.group is None or c.group.entity != nxt.group.entity)
        active = r is not None and r.start < c.amount.start and r.loss_at is None
        if (
            nr is None
            and other
            and r
            and (_INCLUDING.match(link) or (active and _SHARED.match(link)))
        ):
            if (
                _SHARED.match(link)
                and c.amount.qualifier in _OPENERS
                and nxt.amount.qualifier == "exact"
            ):
                nxt = replace(nxt, amount=_opened(c.amount, nxt.amount))  # "at least 62 X and 19 Y"
            out[i] = (nxt, replace(r, start=nxt.amount.start, end=nxt.end))
    return out


def _subject(
    sentence: str, c: Count, r: Reading, groups: list[Mention], speaker: Speaker | None
) -> str | None:
    if c.group is not None:
        return c.group.entity.name
    if r.loss_at is not None:
        owner = loss_owner(sentence, r.loss_at, groups, speaker)
        if owner or c.pronoun is None:
            return owner
    if c.pronoun is not None:
        return self_owner(sentence, c.amount.start, c.pronoun, groups, speaker)
    return losses_owner(sentence, c.amount.start, groups, speaker)[0] or with_losses_owner(
        sentence, c.amount.start, groups, speaker
    )


_INCLUDED = re.compile(r",\s+including\s+$", re.I)
_PLACED = re.compile(r"^\s+(?:in|near|at|outside)\s+", re.I)


def _located_part(sentence: str, prev: _Item, c: Count) -> bool:
    """ "31 X soldiers were killed in Y, including 17 guards in one ambush near Z":
    a part of the count before it, of the same side's people, told with its own place, is an
    incident of its own (README, real-text labelling rules). A part without its own place
    ("including 3 officers") is no separate fact."""
    return (
        c.group is None
        and c.noun is not None
        and kind_of_people(c.noun) != "civilian"
        and _INCLUDED.search(sentence, prev.end, c.amount.start) is not None
        and ";" not in sentence[prev.end : c.amount.start]
        and _PLACED.match(sentence[c.end :]) is not None
    )


def _own_victims(
    sentence: str,
    c: Count,
    r: Reading,
    subject: str | None,
    groups: list[Mention],
    speaker: Speaker | None,
) -> bool:
    """ "The X says it has killed 1,500 X soldiers": a side named as the subject of the
    killing and as the people killed is a misreading (a reference resolved to the wrong
    side), not a loss."""
    active = r.loss_at is None and r.start < c.amount.start
    return (
        active and subject is not None and loss_owner(sentence, r.start, groups, speaker) == subject
    )


def _items(sentence: str, groups: list[Mention], speaker: Speaker | None, year: int) -> list[_Item]:
    items: list[_Item] = []
    prev: _Item | None = None
    for c, reading in _readings(sentence, groups):
        r = reading
        own_people = c.noun is None or kind_of_people(c.noun) != "civilian"
        if r is None and c.group is None and c.pronoun is None and own_people:
            # "X losses stood at 40", "X losses were estimated at 120 fighters"
            noun = losses_owner(sentence, c.amount.start, groups, speaker)[1]
            kinds: frozenset[Kind] = frozenset(
                {"killed"} if noun in ("death toll", "losses") else {"killed", "wounded"}
            )
            r = Reading(kinds, c.amount.start, c.end) if noun else None
        a = c.amount
        if r is None and prev is not None and _located_part(sentence, prev, c):
            items.append(replace(prev, low=a.min, high=a.max, qualifier=a.qualifier, part=True))
            continue
        if r is None:
            continue
        item = _Item(r.kinds, a.min, a.max, a.qualifier, None, r.start, r.end, r.hedged)
        subject = _subject(sentence, c, r, groups, speaker)
        if (
            subject is None
            and c.elliptical
            and prev
            and _LINKED.match(sentence[prev.end : r.start])
        ):
            subject = prev.subject
            if a.qualifier == "exact" and prev.qualifier in ("approx", "at_least", "at_most"):
                b = _opened(replace(a, qualifier=prev.qualifier), a)
                item = replace(item, low=b.min, high=b.max, qualifier=b.qualifier)
        rejected = (
            r.negated
            or _own_victims(sentence, c, r, subject, groups, speaker)
            or is_denied(sentence, r.start)
            or is_hypothetical(sentence, r.start, r.end)
            or is_history(sentence, r.start, r.end, year)
        )
        prev = replace(item, subject=subject) if subject and not rejected else None
        if prev is not None:
            items.append(prev)
    return items


def _zeros(sentence: str, groups: list[Mention], speaker: Speaker | None, year: int) -> list[_Item]:
    items = []
    for subject, kinds, start, end in zero_counts(sentence, groups, speaker):
        if not (is_denied(sentence, start) or is_history(sentence, start, end, year)):
            for kind in sorted(kinds):
                items.append(_Item(frozenset({kind}), 0, 0, "exact", subject, start, end))
    return items


def _fields(item: _Item) -> dict[Kind, tuple[int | None, int | None, Qualifier]]:
    if len(item.kinds) > 1:  # one count for several kinds only bounds the dead
        return {"killed": (None, item.high, "at_most")} if item.high is not None else {}
    return dict.fromkeys(item.kinds, (item.low, item.high, item.qualifier))


def _combine(sentence: str, items: list[_Item], claimed_by: str | None) -> list[Claim]:
    by_subject: dict[str, dict[Kind, tuple[int | None, int | None, Qualifier]]] = {}
    dropped: set[tuple[str, Kind]] = set()
    hedged: set[str] = set()
    parts: list[Claim] = []
    for item in sorted(items, key=lambda i: i.start):
        assert item.subject is not None
        if item.part:
            parts += _combine(sentence, [replace(item, part=False)], claimed_by)
            continue
        fields = by_subject.setdefault(item.subject, {})
        hedged |= {item.subject} if item.hedged else set()
        for kind, bounds in _fields(item).items():
            if fields.setdefault(kind, bounds) != bounds:
                dropped.add((item.subject, kind))
    claims: list[Claim] = []
    for subject, fields in by_subject.items():
        kept = {k: v for k, v in fields.items() if (subject, k) not in dropped}
        if not kept:
            continue
        qualifier = kept[next(iter(kept))][2]  # the first count in the sentence
        none: tuple[None, None] = (None, None)
        k_lo, k_hi = kept["killed"][:2] if "killed" in kept else none
        w_lo, w_hi = kept["wounded"][:2] if "wounded" in kept else none
        c_lo, c_hi = kept["captured"][:2] if "captured" in kept else none
        value = Casualties(subject, k_lo, k_hi, w_lo, w_hi, c_lo, c_hi, qualifier)
        claims.append(Claim(value, sentence, claimed_by, subject in hedged or is_hedged(sentence)))
    return claims + parts


def extract_casualties(
    sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
) -> list[Claim]:
    """Casualty claims in one sentence of an article published in `year` (default: now)."""
    if not _has_cue(sentence):  # cheap: most sentences say nothing of losses
        return []
    year = year or datetime.now(UTC).year
    found = find_mentions(sentence, entities)
    groups = [m for m in found if m.entity.kind == "group"]
    if not groups or sentence.rstrip().endswith("?"):
        return []
    speaker = find_speaker(sentence)
    items = _items(sentence, groups, speaker, year) + _zeros(sentence, groups, speaker, year)
    people = [m.entity.name for m in found if m.entity.kind == "person"]
    return _combine(sentence, items, resolve_pronoun(speaker, people))
