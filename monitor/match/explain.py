"""The watch query language, and `explain`: why a watch did or did not match an entry.

    Taliban                         a word (whole words only; case and accents do not matter)
    "Panjshir valley"               a phrase (punctuation and spacing between its words ignored)
    Panjsh*                         a word starting with Panjsh (at least 3 letters before *)
    A AND B, A B                    both;  A OR B: either;  NOT A: not A;  ( ) group
    Saleh NEAR/5 president          both in one field, at most 5 words apart, either order
    title:Taliban                   only in the title (also summary:, content:, title:(A OR B))
    entity:"Amrullah Saleh"         any name or alias of a configured entity

NOT binds tightest, then NEAR, AND, OR. A query needs something to match besides NOT.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.match import CompiledWatch, Matcher
from monitor.match.evaluate import Found, Lookup, blame, evaluate
from monitor.match.lex import QueryError
from monitor.match.parser import parse_query
from monitor.match.syntax import (
    FIELDS,
    And,
    Near,
    Node,
    Not,
    Or,
    Term,
    positive_entities,
    render,
    terms,
)
from monitor.records import Entry

__all__ = [
    "And",
    "Explanation",
    "Finding",
    "Near",
    "Node",
    "Not",
    "Or",
    "QueryError",
    "Term",
    "explain",
    "format_explanation",
    "parse_query",
    "positive_entities",
    "render",
]

_FIELD_ORDER: dict[str, int] = {name: i for i, name in enumerate(FIELDS)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One term of a watch found in an entry: the term as the query writes it, the words the
    entry has there, the field, and offsets in the field's original (unfolded) text."""

    term: str
    text: str
    field: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Explanation:
    """Whether a watch matched an entry, and why: what it found; if it did not match, the parts
    that were missing and the NOT parts that were present."""

    watch: str
    query: str
    matched: bool
    found: tuple[Finding, ...]
    missing: tuple[str, ...] = ()
    excluded_by: tuple[str, ...] = ()


def explain(matcher: Matcher, entry: Entry) -> list[Explanation]:
    """One explanation per watch of the matcher, in configuration order."""
    lookup = matcher.lookup(matcher.scan(entry))
    return [_explain(watch, lookup, entry) for watch in matcher.watches]


def _explain(watch: CompiledWatch, lookup: Lookup, entry: Entry) -> Explanation:
    found = _findings(watch.query, lookup, entry)
    if evaluate(watch.query, lookup).ok:
        return Explanation(watch.name, render(watch.query), True, found)
    missing, excluded = blame(watch.query, lookup)
    return Explanation(watch.name, render(watch.query), False, found, missing, excluded)


def _findings(query: Node, lookup: Lookup, entry: Entry) -> tuple[Finding, ...]:
    found = {_finding(term, f, entry) for term in dict.fromkeys(terms(query)) for f in lookup(term)}
    return tuple(sorted(found, key=lambda f: (_FIELD_ORDER[f.field], f.start, f.end, f.term)))


def _finding(term: Term, found: Found, entry: Entry) -> Finding:
    hit = found.hit
    text = getattr(entry, hit.field)[hit.start : hit.end]
    return Finding(render(term), text, hit.field, hit.start, hit.end)


def format_explanation(explanations: Sequence[Explanation]) -> str:
    """Plain text for a terminal, one block per watch, the same for the same input."""
    return "\n".join(line for e in explanations for line in _block(e))


def _block(e: Explanation) -> list[str]:
    lines = [f"{e.watch}: {'MATCHED' if e.matched else 'no match'}", f"  query: {e.query}"]
    found = [f'{f.term} = "{f.text}" in {f.field} at {f.start}-{f.end}' for f in e.found]
    lines += _listed("found", found or ["nothing"])
    lines += _listed("missing", list(e.missing))
    lines += _listed("excluded by", list(e.excluded_by))
    return lines


def _listed(label: str, items: list[str]) -> list[str]:
    indent = " " * (len(label) + 4)
    return [f"  {label}: {item}" if i == 0 else indent + item for i, item in enumerate(items)]
