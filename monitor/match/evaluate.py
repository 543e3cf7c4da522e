"""Evaluating a query over the terms found in an entry, and saying why it did not match.

The scan has already found every term of every watch; here a query only combines them, so the
cost is the size of the query, not the length of the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from monitor.match.syntax import And, Near, Node, Not, Or, Term, render
from monitor.records import Hit


@dataclass(frozen=True, slots=True)
class Found:
    """One occurrence of a term: the hit (original offsets) and its first and last word."""

    hit: Hit
    first: int
    last: int


Lookup = Callable[[Term], Sequence[Found]]


@dataclass(frozen=True, slots=True)
class Outcome:
    """Whether a query holds, and the occurrences that make it hold (none under a NOT)."""

    ok: bool
    found: tuple[Found, ...] = ()


_FALSE = Outcome(False)


def evaluate(node: Node, lookup: Lookup) -> Outcome:
    match node:
        case Term():
            found = tuple(lookup(node))
            return Outcome(bool(found), found)
        case Near():
            found = near(node, lookup)
            return Outcome(bool(found), found)
        case And():
            outcomes = []
            for part in node.parts:
                outcome = evaluate(part, lookup)
                if not outcome.ok:
                    return _FALSE
                outcomes.append(outcome)
            return Outcome(True, _union(outcomes))
        case Or():
            held = [o for o in (evaluate(p, lookup) for p in node.parts) if o.ok]
            return Outcome(True, _union(held)) if held else _FALSE
        case Not():
            return _FALSE if evaluate(node.part, lookup).ok else Outcome(True)


def _union(outcomes: Sequence[Outcome]) -> tuple[Found, ...]:
    return tuple(dict.fromkeys(f for o in outcomes for f in o.found))


def near(node: Near, lookup: Lookup) -> tuple[Found, ...]:
    """The occurrences of both terms that stand within `distance` words of each other."""
    rights = sorted(lookup(node.right), key=lambda f: (f.hit.field, f.first))
    keys = [(f.hit.field, f.first) for f in rights]
    longest = max((f.last - f.first for f in rights), default=0)
    pairs: dict[Found, None] = {}
    for left in lookup(node.left):
        low = bisect_left(keys, (left.hit.field, left.first - node.distance - longest))
        high = bisect_right(keys, (left.hit.field, left.last + node.distance))
        for right in rights[low:high]:
            if _close(left, right, node.distance):
                pairs.update({left: None, right: None})
    return tuple(pairs)


def _close(a: Found, b: Found, distance: int) -> bool:
    """Apart (no shared word) and at most `distance` words from one to the other."""
    if a.last < b.first:
        return b.first - a.last <= distance
    return b.last < a.first and a.first - b.last <= distance


def blame(node: Node, lookup: Lookup) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """For a query that does not hold: the parts that are missing, and the NOT parts that
    are present, as query text."""
    match node:
        case Term():
            return (render(node),), ()
        case Near():
            absent = tuple(render(t) for t in (node.left, node.right) if not lookup(t))
            apart = f"{render(node)} (both found, but not within {node.distance} words)"
            return absent or (apart,), ()
        case And():
            failing = [blame(p, lookup) for p in node.parts if not evaluate(p, lookup).ok]
            return _merge(failing)
        case Or():
            _, excluded = _merge([blame(p, lookup) for p in node.parts])
            return (render(node),), excluded
        case Not():
            return (), (render(node.part),)


def _merge(
    blames: Sequence[tuple[tuple[str, ...], tuple[str, ...]]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    missing = tuple(dict.fromkeys(m for b in blames for m in b[0]))
    excluded = tuple(dict.fromkeys(e for b in blames for e in b[1]))
    return missing, excluded
