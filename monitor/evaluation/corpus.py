"""The labelled corpus: its files, their schema, and loading them into Documents."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

from monitor.records import (
    FACT_KINDS,
    Casualties,
    Claim,
    ControlStatus,
    EntityRef,
    FactValue,
    ForceSize,
    Leadership,
    LeadershipStatus,
    Qualifier,
    TerritorialControl,
)

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "labelled"
# Written before a round of changes to the extractors and not looked at while making them.
HELDOUT_CORPUS = DEFAULT_CORPUS / "heldout"
# A third set, written after that round and scored before the next one (heldout2/README.md).
HELDOUT2_CORPUS = DEFAULT_CORPUS / "heldout2"

Source = Literal["sentence", "article"]

QUALIFIERS: frozenset[str] = frozenset(get_args(Qualifier))
LEADERSHIP_STATUSES: frozenset[str] = frozenset(get_args(LeadershipStatus))
TERRITORIAL_STATUSES: frozenset[str] = frozenset(get_args(ControlStatus))
ENTITY_KINDS = frozenset(("person", "group", "place"))
FIELDS: dict[str, tuple[str, ...]] = {
    "force_size": ("subject", "min", "max", "qualifier", "unit"),
    "leadership": ("subject", "role", "organization", "status"),
    "territorial_control": ("place", "controller", "status"),
    "casualties": (
        "subject",
        "killed_min",
        "killed_max",
        "wounded_min",
        "wounded_max",
        "captured_min",
        "captured_max",
        "qualifier",
    ),
}
COMMON_FIELDS = ("kind", "claimed_by", "hedged")


class CorpusError(ValueError):
    """The corpus files do not follow the schema in tests/labelled/README.md."""


@dataclass(frozen=True, slots=True)
class Document:
    """One labelled text: a sentence or a whole article (title and paragraphs)."""

    id: str
    source: Source
    text: str
    year: int
    labels: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Corpus:
    entities: tuple[EntityRef, ...]
    documents: tuple[Document, ...]

    def of(self, source: Source) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.source == source)


# --- loading -------------------------------------------------------------------------------


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise CorpusError(f"{where}: {message}")


def _int_or_none(raw: dict[str, Any], name: str, where: str) -> int | None:
    value = raw.get(name)
    _require(
        value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0),
        where,
        f"{name} must be a non-negative integer or null, not {value!r}",
    )
    return cast(int | None, value)


def _str(raw: dict[str, Any], name: str, where: str, *, optional: bool = False) -> str | None:
    value = raw.get(name)
    ok = (isinstance(value, str) and value.strip() != "") or (optional and value is None)
    _require(ok, where, f"{name} must be a non-empty string{' or null' if optional else ''}")
    return cast(str | None, value)


def _one_of(raw: dict[str, Any], name: str, allowed: frozenset[str], where: str) -> str:
    value = raw.get(name)
    _require(value in allowed, where, f"{name} must be one of {sorted(allowed)}, not {value!r}")
    return cast(str, value)


def _check_amount(lo: int | None, hi: int | None, qualifier: str, where: str) -> None:
    """min/max agree with the qualifier: exact/approx N..N, at_least N.., at_most ..N, range."""
    shapes = {
        "exact": lo is not None and lo == hi,
        "approx": lo is not None and lo == hi,
        "at_least": lo is not None and hi is None,
        "at_most": lo is None and hi is not None,
        "range": lo is not None and hi is not None and lo < hi,
    }
    _require(shapes[qualifier], where, f"min {lo} / max {hi} do not fit qualifier {qualifier}")


def parse_fact(raw: object, where: str) -> Claim:
    """One labelled fact (a JSON object in the documented shape) as a Claim without a quote."""
    _require(isinstance(raw, dict), where, "a fact must be an object")
    fact = cast(dict[str, Any], raw)
    kind = _one_of(fact, "kind", frozenset(FACT_KINDS), where)
    expected = set(FIELDS[kind]) | set(COMMON_FIELDS)
    _require(set(fact) == expected, where, f"{kind} fields must be exactly {sorted(expected)}")
    claimed_by = _str(fact, "claimed_by", where, optional=True)
    _require(isinstance(fact["hedged"], bool), where, "hedged must be true or false")
    value: FactValue
    if kind == "force_size":
        lo, hi = _int_or_none(fact, "min", where), _int_or_none(fact, "max", where)
        qualifier = _one_of(fact, "qualifier", QUALIFIERS, where)
        _check_amount(lo, hi, qualifier, where)
        value = ForceSize(
            cast(str, _str(fact, "subject", where)),
            lo,
            hi,
            cast(Qualifier, qualifier),
            cast(str, _str(fact, "unit", where)),
        )
    elif kind == "leadership":
        value = Leadership(
            cast(str, _str(fact, "subject", where)),
            _str(fact, "role", where, optional=True),
            _str(fact, "organization", where, optional=True),
            cast(LeadershipStatus, _one_of(fact, "status", LEADERSHIP_STATUSES, where)),
        )
    elif kind == "territorial_control":
        status = _one_of(fact, "status", TERRITORIAL_STATUSES, where)
        value = TerritorialControl(
            cast(str, _str(fact, "place", where)),
            _str(fact, "controller", where, optional=True),
            status,  # type: ignore[arg-type]
        )
    else:
        qualifier = _one_of(fact, "qualifier", QUALIFIERS, where)
        counts = {n: _int_or_none(fact, n, where) for n in FIELDS["casualties"][1:-1]}
        pairs = [
            (counts[f"{c}_min"], counts[f"{c}_max"]) for c in ("killed", "wounded", "captured")
        ]
        _require(any(p != (None, None) for p in pairs), where, "casualties without any count")
        for lo, hi in pairs:
            if (lo, hi) != (None, None):
                _require(lo is None or hi is None or lo <= hi, where, f"min {lo} > max {hi}")
        value = Casualties(
            cast(str, _str(fact, "subject", where)),
            killed_min=counts["killed_min"],
            killed_max=counts["killed_max"],
            wounded_min=counts["wounded_min"],
            wounded_max=counts["wounded_max"],
            captured_min=counts["captured_min"],
            captured_max=counts["captured_max"],
            qualifier=cast(Qualifier, qualifier),
        )
    return Claim(value, "", claimed_by, fact["hedged"])


def _document(raw: object, source: Source, where: str) -> Document:
    _require(isinstance(raw, dict), where, "a document must be an object")
    doc = cast(dict[str, Any], raw)
    doc_id = cast(str, _str(doc, "id", where))
    year = doc.get("year")
    _require(isinstance(year, int) and 1900 < year < 2100, where, "year must be a year")
    if source == "sentence":
        _require(set(doc) == {"id", "text", "year", "facts"}, where, "keys: id, text, year, facts")
        text = cast(str, _str(doc, "text", where))
    else:
        keys = {"id", "year", "outlet", "title", "paragraphs", "facts"}
        _require(set(doc) == keys, where, f"keys: {sorted(keys)}")
        _str(doc, "outlet", where)
        paragraphs = doc["paragraphs"]
        _require(
            isinstance(paragraphs, list)
            and 3 <= len(paragraphs) <= 8
            and all(isinstance(p, str) and p.strip() for p in paragraphs),
            where,
            "paragraphs must be 3 to 8 non-empty strings",
        )
        text = "\n\n".join([cast(str, _str(doc, "title", where)), *paragraphs])
    facts = doc["facts"]
    _require(isinstance(facts, list), where, "facts must be a list")
    labels = tuple(parse_fact(f, f"{where} ({doc_id}) fact {i}") for i, f in enumerate(facts))
    values = [c.value for c in labels]
    _require(len(values) == len(set(values)), where, f"{doc_id}: a fact is listed twice")
    return Document(doc_id, source, text, cast(int, year), labels)


def load_entities(path: Path) -> tuple[EntityRef, ...]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    _require(isinstance(raw, list), path.name, "must be a list of entities")
    entities: list[EntityRef] = []
    for i, item in enumerate(raw):
        where = f"{path.name}[{i}]"
        _require(isinstance(item, dict) and set(item) == {"name", "kind", "aliases"}, where, "keys")
        aliases = item["aliases"]
        _require(
            isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases),
            where,
            "aliases must be a list of strings",
        )
        kind = _one_of(item, "kind", ENTITY_KINDS, where)
        name = cast(str, _str(item, "name", where))
        entities.append(EntityRef(name, kind, tuple(aliases)))  # type: ignore[arg-type]
    return tuple(entities)


def load_corpus(root: Path = DEFAULT_CORPUS) -> Corpus:
    """Read and check the corpus files; raises CorpusError on the first schema problem."""
    entities = load_entities(root / "entities.json")
    documents: list[Document] = []
    path = root / "sentences.jsonl"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            documents.append(_document(json.loads(line), "sentence", f"{path.name}:{n}"))
    for article in sorted((root / "articles").glob("*.json")):
        raw = json.loads(article.read_text(encoding="utf-8"))
        documents.append(_document(raw, "article", f"articles/{article.name}"))
    ids = [d.id for d in documents]
    _require(len(ids) == len(set(ids)), root.name, "document ids must be unique")
    return Corpus(entities, tuple(documents))


def unknown_references(corpus: Corpus) -> list[str]:
    """Labels that name an entity the corpus does not configure, or one of the wrong kind.
    Organizations may also be bodies that are not configured ("Sovereign Council")."""
    kinds = {e.name: e.kind for e in corpus.entities}
    problems: list[str] = []

    def check(doc: Document, name: str | None, wanted: Iterable[str], what: str) -> None:
        if name is not None and kinds.get(name) not in set(wanted):
            problems.append(f"{doc.id}: {what} {name!r} is not a configured {'/'.join(wanted)}")

    for doc in corpus.documents:
        for label in doc.labels:
            value = label.value
            if isinstance(value, ForceSize | Casualties):
                check(doc, value.subject, ("group",), "subject")
            elif isinstance(value, Leadership):
                check(doc, value.subject, ("person",), "subject")
                if value.organization in kinds:
                    check(doc, value.organization, ("group",), "organization")
            else:
                check(doc, value.place, ("place",), "place")
                check(doc, value.controller, ("group",), "controller")
    return problems
