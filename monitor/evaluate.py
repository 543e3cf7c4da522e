"""Score the fact extractors on the labelled corpus in `tests/labelled/` (`make eval`).

The corpus holds single sentences (`sentences.jsonl`) and short articles (`articles/*.json`),
each with every fact a careful analyst would record from it (`tests/labelled/README.md` gives
the labelling rules). Each text goes through `extract_claims` with the corpus entities, and the
claims are compared with the labels, per document and per kind:

- **strict**: a predicted fact is a true positive when its kind and identity match a label
  (force_size: subject; leadership: subject and status, and role when the label has one;
  territorial_control: place and status; casualties: subject) and so do its values (force_size:
  min, max, qualifier; leadership: organization; territorial_control: controller; casualties:
  the six counts and the qualifier). Numbers and qualifiers must be equal; the unit is not
  compared. Roles compare case-folded, without "self-declared" and the like.
- **identity-only**: kind and identity match, whatever the values.
- **claimed_by / hedged**: how often the claimant and the hedge flag agree with the label, over
  the strict matches. Claimants compare case-folded, without a leading article, and agree when
  one is a run of words of the other ("NRF spokesman Ali Nazar" and "Ali Nazar"); None agrees
  only with None.

One label matches at most one prediction. In an article a fact stated twice with the same
values counts once (the labels list it once; repeated predictions are merged).

`python -m monitor.evaluate [--verbose] [--limit N] [--json] [--corpus DIR]`
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast, get_args

from monitor.extract import extract_claims, split_sentences
from monitor.records import (
    FACT_KINDS,
    Casualties,
    Claim,
    EntityRef,
    FactKind,
    FactValue,
    ForceSize,
    Leadership,
    LeadershipStatus,
    Qualifier,
    TerritorialControl,
    fact_value_fields,
)

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "labelled"

Source = Literal["sentence", "article"]
ErrorKind = Literal["missed", "wrong values", "spurious"]

QUALIFIERS: frozenset[str] = frozenset(get_args(Qualifier))
LEADERSHIP_STATUSES: frozenset[str] = frozenset(get_args(LeadershipStatus))
TERRITORIAL_STATUSES: frozenset[str] = frozenset(
    (
        "holds",
        "captured",
        "claims_captured",
        "denies_captured",
        "surrounded",
        "contested",
        "retaken",
    )
)
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


@dataclass(frozen=True, slots=True)
class Error:
    """A label without its prediction, a prediction without its label, or both with different
    values."""

    kind: FactKind
    error: ErrorKind
    document: str
    text: str
    label: Claim | None
    predicted: Claim | None


@dataclass(slots=True)
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    id_tp: int = 0
    id_fp: int = 0
    id_fn: int = 0
    claimed_by_ok: int = 0
    hedged_ok: int = 0

    def add(self, other: KindScore) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def id_precision(self) -> float:
        return _ratio(self.id_tp, self.id_tp + self.id_fp)

    @property
    def id_recall(self) -> float:
        return _ratio(self.id_tp, self.id_tp + self.id_fn)

    @property
    def claimed_by_accuracy(self) -> float:
        return _ratio(self.claimed_by_ok, self.tp)

    @property
    def hedged_accuracy(self) -> float:
        return _ratio(self.hedged_ok, self.tp)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "identity_precision": round(self.id_precision, 4),
            "identity_recall": round(self.id_recall, 4),
            "claimed_by_accuracy": round(self.claimed_by_accuracy, 4),
            "hedged_accuracy": round(self.hedged_accuracy, 4),
        }


@dataclass(slots=True)
class Report:
    scores: dict[FactKind, KindScore] = field(
        default_factory=lambda: {k: KindScore() for k in FACT_KINDS}
    )
    errors: list[Error] = field(default_factory=list)
    documents: int = 0
    sentences: int = 0
    sentences_per_second: float = 0.0

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.scores.values():
            total.add(score)
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "sentences_per_second": round(self.sentences_per_second),
            "kinds": {k: s.as_dict() for k, s in self.scores.items()},
            "overall": self.overall.as_dict(),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


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
            **counts,
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


# --- matching ------------------------------------------------------------------------------

_SELF_STYLED = re.compile(r"\bself-(?:declared|proclaimed|styled|appointed)\s+")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def normalise_role(role: str | None) -> str:
    return " ".join(_SELF_STYLED.sub("", (role or "").casefold()).split())


def _words(text: str) -> list[str]:
    text = text.casefold().replace("’", "'").strip(" \"'“”‘.,;:")
    return _ARTICLE.sub("", text).split()


def same_claimant(label: str | None, predicted: str | None) -> bool:
    if label is None or predicted is None:
        return label is predicted
    a, b = _words(label), _words(predicted)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and any(
        long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)
    )


def same_identity(label: FactValue, predicted: FactValue) -> bool:
    match label, predicted:
        case ForceSize(), ForceSize():
            return label.subject == predicted.subject
        case Leadership(), Leadership():
            return (
                label.subject == predicted.subject
                and label.status == predicted.status
                and (
                    label.role is None
                    or normalise_role(label.role) == normalise_role(predicted.role)
                )
            )
        case TerritorialControl(), TerritorialControl():
            return label.place == predicted.place and label.status == predicted.status
        case Casualties(), Casualties():
            return label.subject == predicted.subject
    return False


def same_values(label: FactValue, predicted: FactValue) -> bool:
    match label, predicted:
        case ForceSize(), ForceSize():
            return label.comparable == predicted.comparable
        case Leadership(), Leadership():
            return (label.organization or "").casefold() == (
                predicted.organization or ""
            ).casefold()
        case TerritorialControl(), TerritorialControl():
            return label.controller == predicted.controller
        case Casualties(), Casualties():
            return label.comparable == predicted.comparable
    return False


def _unique(claims: Iterable[Claim]) -> list[Claim]:
    """The first claim of every distinct fact value (an article may repeat a fact)."""
    seen: dict[FactValue, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.value, claim)
    return list(seen.values())


def _sentence_of(doc: Document, label: Claim, entities: Sequence[EntityRef]) -> str:
    """For a missed fact of an article, the sentence most likely to hold it: one with its
    numbers and its subject or place, else the whole text; so the error list shows where to
    look."""
    value = label.value
    main = value.place if isinstance(value, TerritorialControl) else value.subject
    names = [n.casefold() for e in entities if e.name == main for n in e.names]
    numbers = [
        v
        for name, v in fact_value_fields(value).items()
        if isinstance(v, int) and name != "unit" and v >= 10
    ]
    digits = [f"{n:,}" for n in numbers] + [str(n) for n in numbers]

    def weight(sentence: str) -> int:
        folded = sentence.casefold()
        return 2 * any(d in sentence for d in digits) + any(n in folded for n in names)

    best = max(split_sentences(doc.text), key=weight, default="")
    return best if best and weight(best) else doc.text


def score_document(
    doc: Document,
    predicted: Sequence[Claim],
    report: Report,
    entities: Sequence[EntityRef] = (),
) -> None:
    """Match one document's predictions with its labels and add the counts to `report`."""
    for kind in FACT_KINDS:
        labels = [c for c in doc.labels if c.value.kind == kind]
        preds = _unique(c for c in predicted if c.value.kind == kind)
        score = report.scores[kind]
        strict: list[tuple[Claim, Claim]] = []
        for label in labels:
            hit = next(
                (
                    p
                    for p in preds
                    if same_identity(label.value, p.value) and same_values(label.value, p.value)
                ),
                None,
            )
            if hit is not None:
                strict.append((label, hit))
                preds.remove(hit)
        matched = {id(lab) for lab, _ in strict}
        rest = [lab for lab in labels if id(lab) not in matched]
        loose: list[tuple[Claim, Claim]] = []
        for label in rest:
            hit = next((p for p in preds if same_identity(label.value, p.value)), None)
            if hit is not None:
                loose.append((label, hit))
                preds.remove(hit)
        loose_ids = {id(lab) for lab, _ in loose}
        score.tp += len(strict)
        score.fn += len(rest)
        score.fp += len(preds) + len(loose)
        score.id_tp += len(strict) + len(loose)
        score.id_fn += len(rest) - len(loose)
        score.id_fp += len(preds)
        for label, pred in strict:
            score.claimed_by_ok += same_claimant(label.claimed_by, pred.claimed_by)
            score.hedged_ok += label.hedged == pred.hedged
        for label in rest:
            if id(label) not in loose_ids:
                text = _sentence_of(doc, label, entities) if doc.source == "article" else doc.text
                report.errors.append(Error(kind, "missed", doc.id, text, label, None))
        for label, pred in loose:
            report.errors.append(Error(kind, "wrong values", doc.id, pred.quote, label, pred))
        for pred in preds:
            report.errors.append(Error(kind, "spurious", doc.id, pred.quote, None, pred))


def _predict(corpus: Corpus, doc: Document) -> list[Claim]:
    return extract_claims(doc.text, corpus.entities, year=doc.year)


def measure_speed(corpus: Corpus, min_seconds: float = 0.5) -> tuple[int, float]:
    """Sentences in the corpus and sentences extracted per second of CPU time (one core)."""
    sentences = sum(len(split_sentences(d.text)) for d in corpus.documents)
    passes, start = 0, time.process_time()
    while True:
        for doc in corpus.documents:
            _predict(corpus, doc)
        passes += 1
        elapsed = time.process_time() - start
        if elapsed >= min_seconds:
            return sentences, sentences * passes / elapsed


def evaluate(corpus: Corpus, *, speed_seconds: float = 0.5) -> Report:
    report = Report(documents=len(corpus.documents))
    for doc in corpus.documents:
        score_document(doc, _predict(corpus, doc), report, corpus.entities)
    report.sentences, report.sentences_per_second = measure_speed(corpus, speed_seconds)
    return report


# --- output --------------------------------------------------------------------------------


def describe(value: FactValue) -> str:
    """A fact in one short line: 'casualties Taliban k=40.. c=20.. at_least'."""

    def span(lo: int | None, hi: int | None) -> str:
        if lo == hi:
            return str(lo)
        return f"{'' if lo is None else lo}..{'' if hi is None else hi}"

    match value:
        case ForceSize():
            return f"{value.subject} {span(value.min, value.max)} {value.qualifier} {value.unit}"
        case Leadership():
            office = " ".join(
                x for x in (value.role, value.organization and f"({value.organization})") if x
            )
            return f"{value.subject} {value.status}{' ' + office if office else ''}"
        case TerritorialControl():
            return f"{value.place} {value.status} by {value.controller}"
        case Casualties():
            parts = [
                f"{name[0]}={span(lo, hi)}"
                for name, lo, hi in (
                    ("killed", value.killed_min, value.killed_max),
                    ("wounded", value.wounded_min, value.wounded_max),
                    ("captured", value.captured_min, value.captured_max),
                )
                if (lo, hi) != (None, None)
            ]
            return f"{value.subject} {' '.join(parts)} {value.qualifier}"
    return repr(value)


def format_table(report: Report) -> str:
    header = (
        f"{'kind':<20} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}"
        f" | {'id-P':>5} {'id-R':>5} | {'claimed_by':>10} {'hedged':>6}"
    )
    lines = [header, "-" * len(header)]
    rows = [*report.scores.items(), ("overall", report.overall)]
    for kind, s in rows:
        lines.append(
            f"{kind:<20} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>9.3f} {s.recall:>7.3f}"
            f" | {s.id_precision:>5.2f} {s.id_recall:>5.2f}"
            f" | {s.claimed_by_accuracy:>10.2f} {s.hedged_accuracy:>6.2f}"
        )
    lines.append("")
    lines.append(
        f"{report.documents} documents, {report.sentences} sentences;"
        f" extraction speed {report.sentences_per_second:,.0f} sentences/s (one core, CPU time)"
    )
    return "\n".join(lines)


_ORDER: dict[ErrorKind, int] = {"missed": 0, "wrong values": 1, "spurious": 2}


def format_errors(report: Report, limit: int) -> str:
    lines: list[str] = []
    for kind in FACT_KINDS:
        errors = sorted((e for e in report.errors if e.kind == kind), key=lambda e: _ORDER[e.error])
        if not errors:
            continue
        lines.append(f"\n== {kind}: {len(errors)} errors (showing {min(limit, len(errors))})")
        for e in errors[:limit]:
            lines.append(f"[{e.error}] {e.document}: {_shorten(e.text)}")
            if e.label is not None:
                lines.append(f"    expected: {describe(e.label.value)}")
            if e.predicted is not None:
                lines.append(f"    got:      {describe(e.predicted.value)}")
    return "\n".join(lines)


def _shorten(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m monitor.evaluate",
        description="Precision and recall of the fact extractors on the labelled corpus.",
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the worst misses")
    parser.add_argument("--limit", type=int, default=15, help="errors shown per kind")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--speed-seconds", type=float, default=1.0, help="CPU time spent measuring speed"
    )
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.corpus)
    except (CorpusError, OSError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = evaluate(corpus, speed_seconds=args.speed_seconds)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_table(report))
        if args.verbose:
            print(format_errors(report, args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
