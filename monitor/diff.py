"""Diff stage: compare an article's facts with what was known and decide what changed.

Pure functions. A fact is identified by its key (kind and subject, and what else makes it the
same fact: a casualty count's incident or running total, a person's office or fate); its value
is everything else. An article is read as one account: for each key, only its final word (the
last fact it gives under the key) is compared with what was known before it, so one article
raises at most one change per key. Earlier words under the same key are kept as history
(`corroborated` when they say the same, `superseded` when the final word replaces them), unless
the article itself sets two sides against each other (a report and the denial of it, or two
speakers' counts, even in one sentence): then the final word is `contested` against the other,
both quoted from the article. A place's denial or dispute of a capture the article reports is
its final word on the place wherever it stands (the denial is the news an analyst is left
with, told before the claim or after it).

- new: nothing was known under this key;
- corroborated: the same value again, or a different one that is not significant (see
  `Significance`: news prose rounds and hedges, "about 9,000" after "9,000" is no news), or a
  place the final sentence gives to the known holder and another side at once;
- changed: a significant difference, with before and after;
- contested: a claim incompatible with the known one from the other side (a capture the
  defender denies, a flight the person denies, two sides' different numbers), or a single
  hedged or unattributed report against a fact that independent sources back;
- superseded: a report older than what is known (a late copy of old news, or a running total
  of losses lower than the one known, which can only be older) is history, and so is an
  article's earlier word that its final word replaces.

One office told in other words is one fact ("military governor", then "governor": the key folds
them, monitor/offices.py); two roles under one key that each add their own words ("foreign
minister", then "defence minister") are a change.

What is worth an alert is decided here too, so the rest of the pipeline never reasons about
facts. `side` tells who stands behind a claim (an entity named in `claimed_by`), injected so
the diff stays a pure function; `sources` tells how many independent stories back each known
fact.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from monitor.offices import same_office
from monitor.records import (
    Casualties,
    Change,
    ChangeKind,
    Fact,
    FactValue,
    ForceSize,
    Leadership,
    TerritorialControl,
)

ALERTING_CHANGES = frozenset({"new", "changed", "contested", "retracted"})
# The changes whose fact becomes the one later reports are compared with: corroboration does not
# move it (so that small steps cannot creep past the threshold) and neither does old news.
REFERENCE_CHANGES = frozenset({"new", "changed", "contested"})

SideOf = Callable[[Fact], str | None]
ControlRule = Literal["holder", "status"]
LeadershipNews = Literal["office", "fate", "place"]
_DENIALS = frozenset({"denied", "denies_captured"})
_TAKEN = frozenset({"captured", "claims_captured", "retaken"})
_HELD = frozenset({"holds", "denies_captured"})
_FATES_AGAINST_PRESENCE = ({"fled", "located"}, {"killed", "located"})


@dataclass(frozen=True, slots=True)
class Significance:
    """When a different value is news, per kind of fact (README, "Significance").

    - force size / casualties: the figure's midpoint moves by more than the percentage, or the
      figure leaves the old range (widened by the percentage);
    - control ("holder"): a change of holder, or a new claim against the holder (a place held
      is claimed captured, a captured place is said to be held by another side; the taker
      holding what it took is the same holding); "status": any other status;
    - leadership: which facts about a person are news at all: a new office, a fate (killed,
      fled, located, a denial); with "place", a fate at another place is a change too;
    - incidents: losses at one place reported more than `incident_days` apart are two
      incidents (a new fact), never a change of one count: a toll that rises over a day or two
      is the same attack's, fighting at the same town months later is not.
    """

    force_size_percent: float = 10.0
    casualties_percent: float = 10.0
    control: ControlRule = "holder"
    leadership: frozenset[LeadershipNews] = field(
        default_factory=lambda: frozenset[LeadershipNews]({"office", "fate"})
    )
    incident_days: float = 3.0


DEFAULT_SIGNIFICANCE = Significance()


def _nobody(_fact: Fact) -> str | None:
    return None


def diff_facts(
    known: Mapping[tuple[str, ...], Fact],
    new: Sequence[Fact],
    side: SideOf = _nobody,
    significance: Significance = DEFAULT_SIGNIFICANCE,
    sources: Mapping[tuple[str, ...], int] | None = None,
) -> list[Change]:
    """One Change per fact of one article, in order (see the module docstring): the final word
    on each key is compared with `known`, the earlier words with the final one."""
    final_at = {fact.key: index for index, fact in enumerate(new)}
    final_at |= {fact.key: index for index, fact in enumerate(new) if _answers(fact, new)}
    changes = []
    for index, fact in enumerate(new):
        final = new[final_at[fact.key]]
        if index != final_at[fact.key]:
            same = same_meaning(fact.value, final.value, significance)
            changes.append(Change("corroborated" if same else "superseded", fact))
            continue
        others = [f for f in new if f.key == fact.key and f is not fact]
        backing = (sources or {}).get(fact.key, 1)
        changes.append(final_word(known.get(fact.key), others, fact, side, significance, backing))
    return changes


def _answers(fact: Fact, article: Sequence[Fact]) -> bool:
    """A place's denial or dispute of a capture the same article reports, wherever it stands:
    the article's final word on the place ("X says it took Y; the army denies it", or the
    denial told first). A person's denial answers the report before it, so its order holds."""
    value = fact.value
    if not isinstance(value, TerritorialControl) or value.status not in _ANSWERS:
        return False
    return any(
        isinstance(other.value, TerritorialControl)
        and other.key == fact.key
        and other.value.status in _TAKEN
        and other.value.controller != value.controller
        for other in article
    )


_ANSWERS = frozenset({"denies_captured", "contested"})


def final_word(
    known: Fact | None,
    others: Sequence[Fact],
    final: Fact,
    side: SideOf = _nobody,
    significance: Significance = DEFAULT_SIGNIFICANCE,
    sources: int = 1,
) -> Change:
    """The change an article's final word on a key makes: contested against a claim the same
    article sets against it (`others`: its other words on the key, in another sentence), else
    compared with what was known."""
    rivals = [
        fact
        for fact in others
        if (fact.evidence.quote != final.evidence.quote or _two_speakers(fact, final))
        and not same_meaning(fact.value, final.value, significance)
        and incompatible(fact, final, side)
    ]
    if rivals:
        return Change("contested", final, rivals[-1])
    if known is not None and _joint_with_known(known, others, final, significance):
        return Change("corroborated", final, known)
    return Change(compare(known, final, side, significance, sources), final, known)


def _two_speakers(a: Fact, b: Fact) -> bool:
    """Two counts one sentence attributes to two speakers ("the army said 40 were killed, while
    the rebels said 12"): each is its own word, as if told in two sentences. (A report and its
    denial in one sentence are read by the rules of denials: "which his spokesmen deny" says
    again what the known whereabouts say.)"""
    if not isinstance(a.value, Casualties | ForceSize):
        return False
    one, other = (a.evidence.claimed_by or "").casefold(), (b.evidence.claimed_by or "").casefold()
    return bool(one and other) and one != other


def _joint_with_known(
    known: Fact, others: Sequence[Fact], final: Fact, significance: Significance
) -> bool:
    """A place the final sentence gives to two sides at once ("fell to the M23 and the
    Rwandan army"), one of them the known holder: the other is a detail, not a new holder."""
    if not isinstance(final.value, TerritorialControl):
        return False
    joint = [f for f in others if f.evidence.quote == final.evidence.quote]
    return any(
        isinstance(f.value, TerritorialControl)
        and f.value.status == final.value.status
        and f.value.controller != final.value.controller
        and same_meaning(known.value, f.value, significance)
        for f in joint
    )


def compare(
    before: Fact | None,
    after: Fact,
    side: SideOf = _nobody,
    significance: Significance = DEFAULT_SIGNIFICANCE,
    sources: int = 1,
) -> ChangeKind:
    if before is None:
        return "new"
    if after.evidence.published < before.evidence.published:
        return "superseded"
    if _another_incident(before, after, significance.incident_days):
        return "new"
    if before.evidence.quote == after.evidence.quote:  # one sentence, read again
        return "corroborated"
    if same_meaning(before.value, after.value, significance):
        return "corroborated"
    if _behind_running_total(before.value, after.value):
        return "superseded"
    if incompatible(before, after, side):
        return "contested"
    if sources > 1 and (after.evidence.hedged or not after.evidence.claimed_by):
        return "contested"  # one weak report does not overturn what several sources say
    return "changed"


def _another_incident(before: Fact, after: Fact, days: float) -> bool:
    """Losses of one incident's key (same side and place) reported too far apart to be one."""
    value = after.value
    if not isinstance(value, Casualties) or value.scope != "incident":
        return False
    apart = after.evidence.published - before.evidence.published
    return apart.total_seconds() > days * 86400


def same_meaning(
    a: FactValue, b: FactValue, significance: Significance = DEFAULT_SIGNIFICANCE
) -> bool:
    """Whether two values say the same thing, allowing for rounding and hedging of numbers."""
    if isinstance(a, ForceSize) and isinstance(b, ForceSize):
        return _close(a.min, a.max, b.min, b.max, significance.force_size_percent / 100)
    if isinstance(a, Casualties) and isinstance(b, Casualties):
        share = significance.casualties_percent / 100
        # a count one report gives and the other does not mention is no disagreement
        return all(
            _close(*pair, share)
            for pair in _reported_by_both(
                (a.killed_min, a.killed_max, b.killed_min, b.killed_max),
                (a.wounded_min, a.wounded_max, b.wounded_min, b.wounded_max),
                (a.captured_min, a.captured_max, b.captured_min, b.captured_max),
            )
        )
    if isinstance(a, TerritorialControl) and isinstance(b, TerritorialControl):
        if significance.control == "status":
            return a.comparable == b.comparable
        return _same_holding(a, b)
    if isinstance(a, Leadership) and isinstance(b, Leadership):
        if a.status == "located" and b.status == "denied":
            return True  # "he has not fled" says again that he is where he was known to be
        if a.comparable != b.comparable or not same_office(a.role, b.role):
            return False
        return "place" not in significance.leadership or _same_place(a.location, b.location)
    return a.comparable == b.comparable


def _behind_running_total(a: FactValue, b: FactValue) -> bool:
    """A running total reported lower than one already known is an older report read late (a
    total of the dead only grows), never a change; an incident's figures may go either way."""
    if not (isinstance(a, Casualties) and isinstance(b, Casualties)):
        return False
    if a.scope != "cumulative" or b.scope != "cumulative":
        return False
    pairs = _reported_by_both(
        (a.killed_min, a.killed_max, b.killed_min, b.killed_max),
        (a.wounded_min, a.wounded_max, b.wounded_min, b.wounded_max),
        (a.captured_min, a.captured_max, b.captured_min, b.captured_max),
    )
    return bool(pairs) and all(_lower(*pair) for pair in pairs)


def _lower(a_min: int | None, a_max: int | None, b_min: int | None, b_max: int | None) -> bool:
    known = a_min if a_min is not None else a_max
    new = b_max if b_max is not None else b_min
    return known is not None and new is not None and new < known


def _same_holding(a: TerritorialControl, b: TerritorialControl) -> bool:
    """Who holds the place, or claims to, is unchanged (an unnamed controller matches any). A
    holding that repeats a capture by the same side or by nobody named ("seized Homs", then
    "Homs is under rebel control") says the same; a holder named after an unnamed capture may
    be the defender."""
    if (_standing(a), _standing(b)) == ("taken", "held") and b.status == "holds":
        return _holding_after_taking(b, a)
    if _standing(a) != _standing(b):
        return False
    return a.controller is None or b.controller is None or a.controller == b.controller


def _standing(value: TerritorialControl) -> str:
    if value.status in _TAKEN:
        return "taken"
    return "held" if value.status in _HELD else value.status


def _same_place(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


Bounds = tuple[int | None, int | None, int | None, int | None]


def _reported_by_both(*pairs: Bounds) -> list[Bounds]:
    return [p for p in pairs if p[:2] != (None, None) and p[2:] != (None, None)]


def incompatible(before: Fact, after: Fact, side: SideOf) -> bool:
    """Two claims that cannot both be true, made by different sides (or one denying the other,
    or the person himself answering an unattributed report about him). A capture moves a place,
    so a capture told after another side's holding is a new holder, not a dispute; another
    side's holding told after a capture disputes it."""
    a, b = before.value, after.value
    if isinstance(a, Leadership) and isinstance(b, Leadership):
        statuses = {a.status, b.status}
        if "denied" in statuses:  # a denial answers a report of flight or death
            return bool(statuses & {"fled", "killed"})
        if statuses in _FATES_AGAINST_PRESENCE:
            sides = side(before), side(after)
            if None not in sides:
                return sides[0] != sides[1]
            return a.subject in sides
        return False
    if isinstance(a, TerritorialControl) and isinstance(b, TerritorialControl):
        if a.status == "contested" or b.status == "contested":
            return True
        if _holding_after_taking(a, b) or _holding_after_taking(b, a):
            return False  # the taker holding what it took, told twice
        return (a.status in _TAKEN and b.status in _DENIALS | _HELD) or (
            a.status in _DENIALS and b.status in _TAKEN
        )
    sides = side(before), side(after)
    return None not in sides and sides[0] != sides[1]


def _holding_after_taking(held: TerritorialControl, other: TerritorialControl) -> bool:
    """A holding that may be the other's taking told again: the same side's, or nobody named
    holds ("the town is now under rebel control" after "the HTS seized the town")."""
    return held.status == "holds" and (
        held.controller is None or held.controller == other.controller
    )


def _close(
    a_min: int | None,
    a_max: int | None,
    b_min: int | None,
    b_max: int | None,
    share: float,
) -> bool:
    """Not significant: a midpoint that moved by at most `share` of the known one, inside the
    known range widened by `share` (an open bound: see `_within_bound`)."""
    if (a_min, a_max) == (b_min, b_max):
        return True
    if None in (a_min, a_max) and (a_min, a_max) != (None, None):
        return _within_bound(a_min, a_max, b_min, b_max, share)
    if a_min is None or a_max is None or b_min is None or b_max is None:
        return False
    known, new = (a_min + a_max) / 2, (b_min + b_max) / 2
    moved = abs(new - known) > share * max(known, 1)
    left = b_min < (1 - share) * a_min or b_max > (1 + share) * a_max
    return not moved and not left


def _within_bound(
    a_min: int | None, a_max: int | None, b_min: int | None, b_max: int | None, share: float
) -> bool:
    """A known bound ("at most 2,500") is corroborated by a figure that respects it closely."""
    if a_max is not None and b_max is not None and b_min is not None:
        return b_max <= a_max and b_min >= (1 - share) * a_max
    if a_min is not None and b_min is not None and b_max is not None:
        return b_min >= a_min and b_max <= (1 + share) * a_min
    return False


def news_of(value: FactValue) -> LeadershipNews | None:
    """For a leadership fact: whether it is about an office or a fate (None for other kinds)."""
    if not isinstance(value, Leadership):
        return None
    return "fate" if value.aspect == "fate" else "office"


def worth_alert(change: Change, significance: Significance = DEFAULT_SIGNIFICANCE) -> bool:
    """New, changed and contested facts are news, about a person only what `significance`
    names; corroboration and old news are history."""
    if change.kind not in ALERTING_CHANGES:
        return False
    news = news_of(change.after.value)
    return news is None or news in significance.leadership
