"""Match stage: which watches an entry satisfies.

Every watch is a query (monitor/match/explain.py has the language; the simple `entities`, `terms`,
`require` and `exclude` lists compile into the same tree). Every term of every watch (words,
phrases, wildcard prefixes, each name and alias of each entity) goes into one Aho-Corasick
automaton over folded text, so an entry is scanned once per field whatever the number of terms.
Only the watches that own a term that was found are then evaluated, over the found terms.
Text and terms are folded alike: Unicode compatibility forms, case, accents, typographic quotes
and dashes, Arabic/Persian letter variants, zero-width characters (monitor/match/text.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ahocorasick

from monitor.match.evaluate import Found, Lookup, evaluate
from monitor.match.lex import QueryError
from monitor.match.parser import parse_query
from monitor.match.syntax import FIELDS, And, Node, Not, Or, Term, terms
from monitor.match.text import FieldText, Located, fold, term_key
from monitor.records import EntityRef, Entry, Hit, Match

__all__ = ["FIELDS", "CompiledWatch", "Matcher", "Scan", "WatchSpec", "compile_watch", "fold"]

Scan = Mapping[str, Sequence[Located]]  # padded key -> where it was found


@dataclass(frozen=True, slots=True)
class WatchSpec:
    """What the matcher needs of one watch. `query` is ANDed with the simple lists."""

    name: str
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    query: str | None = None


@dataclass(frozen=True, slots=True)
class CompiledWatch:
    name: str
    query: Node


class Matcher:
    """Compiled once per configuration; `match` is then cheap and thread-safe.

    Raises `QueryError` (with `.watch` set) for a malformed query."""

    def __init__(self, watches: Sequence[WatchSpec], entities: Sequence[EntityRef]) -> None:
        self.entities = tuple(entities)
        self.watches = tuple(CompiledWatch(w.name, compile_watch(w, entities)) for w in watches)
        by_name = {e.name: e for e in entities}
        self._keys: dict[Term, dict[str, str]] = {}
        owners: dict[str, set[int]] = defaultdict(set)
        for i, watch in enumerate(self.watches):
            for term in terms(watch.query):
                keys = self._keys.setdefault(term, _keys(term, by_name))
                for key in keys:
                    owners[key].add(i)
        self._owners = {key: tuple(sorted(ids)) for key, ids in owners.items()}
        self._automaton = ahocorasick.Automaton()
        for key in self._owners:
            self._automaton.add_word(key, key)
        if self._owners:
            self._automaton.make_automaton()

    def match(self, entry: Entry) -> list[Match]:
        """The watches this entry satisfies, in configuration order."""
        scan = self.scan(entry)
        lookup = self.lookup(scan)
        candidates = sorted({i for key in scan for i in self._owners[key]})
        matches = []
        for i in candidates:
            outcome = evaluate(self.watches[i].query, lookup)
            if outcome.ok:
                matches.append(Match(self.watches[i].name, tuple(f.hit for f in outcome.found)))
        return matches

    def scan(self, entry: Entry) -> Scan:
        """Every key found in the entry, field by field, with word positions and offsets."""
        found: dict[str, list[Located]] = defaultdict(list)
        if not self._owners:
            return found
        for field in FIELDS:
            text = FieldText(field, getattr(entry, field))
            for end, key in self._automaton.iter(text.form):
                found[key].append(text.locate(end - len(key) + 1, key))
        return found

    def lookup(self, scan: Scan) -> Lookup:
        """A cached function from a term to its occurrences in a scanned entry."""
        cache: dict[Term, tuple[Found, ...]] = {}

        def find(term: Term) -> tuple[Found, ...]:
            if term not in cache:
                cache[term] = _occurrences(term, self._keys.get(term, {}), scan)
            return cache[term]

        return find


def compile_watch(spec: WatchSpec, entities: Sequence[EntityRef]) -> Node:
    """(entities OR terms) AND query AND (require...) AND NOT (exclude...)."""
    known = {e.name for e in entities}
    simple = _any([_named(n, known) for n in spec.entities] + _phrases(spec.terms))
    parts: list[Node] = [] if simple is None else [simple]
    if spec.query is not None:
        parts.append(_parse(spec.name, spec.query, entities))
    if not parts:
        raise ValueError(f"watch {spec.name!r} has nothing to match: give entities, terms or query")
    required = _any([_named(n, known) for n in spec.require])
    excluded = _any([_named(n, known) for n in spec.exclude])
    parts += [] if required is None else [required]
    parts += [] if excluded is None else [Not(excluded)]
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _parse(watch: str, query: str, entities: Sequence[EntityRef]) -> Node:
    try:
        return parse_query(query, entities)
    except QueryError as error:
        raise QueryError(error.position, error.reason, error.query, watch) from None


def _named(name: str, known: set[str]) -> Term | None:
    if name in known:
        return Term("entity", name)
    return Term("phrase", name) if term_key(name) else None


def _phrases(texts: Sequence[str]) -> list[Term | None]:
    return [Term("phrase", t) if term_key(t) else None for t in texts]


def _any(nodes: Sequence[Node | None]) -> Node | None:
    kept = tuple(n for n in nodes if n is not None)
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else Or(kept)


def _keys(term: Term, entities: Mapping[str, EntityRef]) -> dict[str, str]:
    """The padded automaton keys of a term, each with the text a hit reports as its term."""
    if term.kind == "entity":
        entity = entities.get(term.text)
        names = entity.names if entity else (term.text,)
        keys: dict[str, str] = {}
        for name in names:
            if key := term_key(name):
                keys.setdefault(f" {key} ", name)
        return keys
    key = term_key(term.text)
    if not key:
        return {}
    return {f" {key}": f"{term.text}*"} if term.kind == "prefix" else {f" {key} ": term.text}


def _occurrences(term: Term, keys: Mapping[str, str], scan: Scan) -> tuple[Found, ...]:
    entity = term.text if term.kind == "entity" else None
    found = [
        Found(Hit(text, at.field, at.start, at.end, entity), at.first, at.last)
        for key, text in keys.items()
        for at in scan.get(key, ())
        if term.field in (None, at.field)
    ]
    found.sort(key=lambda f: (FIELDS.index(f.hit.field), f.hit.start))
    return tuple(found)
