"""Diff stage: compare new facts with what was known and decide what changed.

Pure functions. A fact is identified by its key (kind and subject: whose force size, which
person's fate, which place); its value is everything else. For each new fact the diff decides:

- new: nothing was known under this key;
- corroborated: the same value again, or a number that moved by less than 10% or stays inside
  the known range (news prose rounds and hedges: "about 9,000" after "9,000" is no news);
- changed: a different value, with before and after;
- contested: a claim incompatible with the known one from the other side (a capture the
  defender denies, a flight the person denies, two sides' different numbers);
- superseded: a report older than what is known (a late copy of old news) is history.

What is worth an alert is decided here too, so the rest of the pipeline never reasons about
facts. `side` tells who stands behind a claim (an entity named in `claimed_by`), injected so
the diff stays a pure function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

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
SIGNIFICANT = 0.10  # a number must move by at least 10% to be a change

SideOf = Callable[[Fact], str | None]
_DENIALS = frozenset({"denied", "denies_captured", "holds"})
_TAKEN = frozenset({"captured", "claims_captured", "retaken"})


def _nobody(_fact: Fact) -> str | None:
    return None


def diff_facts(
    known: Mapping[tuple[str, ...], Fact], new: Sequence[Fact], side: SideOf = _nobody
) -> list[Change]:
    """One Change per new fact, in order. Later facts in `new` are compared with earlier ones,
    so the same value twice in one batch is new once and corroborated after."""
    current = dict(known)
    changes = []
    for fact in new:
        before = current.get(fact.key)
        kind = compare(before, fact, side)
        changes.append(Change(kind, fact, before))
        if kind != "superseded":
            current[fact.key] = fact
    return changes


def compare(before: Fact | None, after: Fact, side: SideOf = _nobody) -> ChangeKind:
    if before is None:
        return "new"
    if after.evidence.published < before.evidence.published:
        return "superseded"
    if same_meaning(before.value, after.value):
        return "corroborated"
    if incompatible(before, after, side):
        return "contested"
    return "changed"


def same_meaning(a: FactValue, b: FactValue) -> bool:
    """Whether two values say the same thing, allowing for rounding and hedging of numbers."""
    if isinstance(a, ForceSize) and isinstance(b, ForceSize):
        return _close(a.min, a.max, b.min, b.max)
    if isinstance(a, Casualties) and isinstance(b, Casualties):
        # a count one report gives and the other does not mention is no disagreement
        return all(
            _close(*pair)
            for pair in _reported_by_both(
                (a.killed_min, a.killed_max, b.killed_min, b.killed_max),
                (a.wounded_min, a.wounded_max, b.wounded_min, b.wounded_max),
                (a.captured_min, a.captured_max, b.captured_min, b.captured_max),
            )
        )
    return a.comparable == b.comparable


Bounds = tuple[int | None, int | None, int | None, int | None]


def _reported_by_both(*pairs: Bounds) -> list[Bounds]:
    return [p for p in pairs if p[:2] != (None, None) and p[2:] != (None, None)]


def incompatible(before: Fact, after: Fact, side: SideOf) -> bool:
    """Two claims that cannot both be true, made by different sides (or one denying the other)."""
    a, b = before.value, after.value
    if isinstance(a, Leadership) and isinstance(b, Leadership):
        statuses = {a.status, b.status}
        if "denied" in statuses:  # a denial answers a report of flight or death
            return bool(statuses & {"fled", "killed"})
        if statuses in ({"fled", "located"}, {"killed", "located"}):
            sides = side(before), side(after)
            return None not in sides and sides[0] != sides[1]
        return False
    if isinstance(a, TerritorialControl) and isinstance(b, TerritorialControl):
        if a.status == "contested" or b.status == "contested":
            return True
        return (a.status in _TAKEN and b.status in _DENIALS) or (
            a.status in _DENIALS and b.status in _TAKEN
        )
    sides = side(before), side(after)
    return None not in sides and sides[0] != sides[1]


def _close(a_min: int | None, a_max: int | None, b_min: int | None, b_max: int | None) -> bool:
    """Inside the known range, or a midpoint within 10% of the known one."""
    if (a_min, a_max) == (b_min, b_max):
        return True
    if None in (a_min, a_max) and (a_min, a_max) != (None, None):
        return _within_bound(a_min, a_max, b_min, b_max)
    if a_min is None or a_max is None or b_min is None or b_max is None:
        return False
    if a_min <= b_min and b_max <= a_max:
        return True
    known, new = (a_min + a_max) / 2, (b_min + b_max) / 2
    return abs(new - known) < SIGNIFICANT * max(known, 1)


def _within_bound(
    a_min: int | None, a_max: int | None, b_min: int | None, b_max: int | None
) -> bool:
    """A known bound ("at most 2,500") is corroborated by a figure that respects it closely."""
    if a_max is not None and b_max is not None and b_min is not None:
        return b_max <= a_max and b_min >= (1 - SIGNIFICANT) * a_max
    if a_min is not None and b_min is not None and b_max is not None:
        return b_min >= a_min and b_max <= (1 + SIGNIFICANT) * a_min
    return False


def worth_alert(change: Change) -> bool:
    """New, changed and contested facts are news; corroboration and old news are history."""
    return change.kind in ALERTING_CHANGES
