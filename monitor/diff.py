"""Diff stage: compare new facts with what was known and decide what changed.

Pure functions. A fact is identified by its key (kind and subject: whose force size, which
person); its value is everything else. What is worth an alert is decided here too, so that the
rest of the pipeline never has to reason about facts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from monitor.records import Change, Fact

ALERTING_CHANGES = frozenset({"new", "changed", "contested", "retracted"})


def diff_facts(known: Mapping[tuple[str, ...], Fact], new: Sequence[Fact]) -> list[Change]:
    """One Change per new fact, in order. Later facts in `new` are compared with earlier ones,
    so the same value twice in one batch is new once and corroborated after. Values are compared
    on what they mean (`comparable`), not on wording: "self-declared caretaker president" is
    the same claim as "caretaker president"."""
    current = dict(known)
    changes = []
    for fact in new:
        before = current.get(fact.key)
        if before is None:
            changes.append(Change("new", fact))
        elif before.value.comparable == fact.value.comparable:
            changes.append(Change("corroborated", fact, before))
        else:
            changes.append(Change("changed", fact, before))
        current[fact.key] = fact
    return changes


def worth_alert(change: Change) -> bool:
    """New and changed facts are news; a repeat of a known value is kept as history only."""
    return change.kind in ALERTING_CHANGES
