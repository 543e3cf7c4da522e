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

Three corpora are scored by default: the development corpus (`tests/labelled/`), which the rules
were developed against, and two held-out ones (`tests/labelled/heldout/`, `heldout2/`), each
written before a round of changes and scored before it, which show how the rules carry to new
text. The first has since been used for development; the second had not been when written.

`python -m monitor.evaluation.labelled [--verbose] [--limit N] [--json] [--corpus DIR ...]`
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from monitor.evaluation.corpus import (
    DEFAULT_CORPUS,
    HELDOUT2_CORPUS,
    HELDOUT_CORPUS,
    Corpus,
    CorpusError,
    load_corpus,
    unknown_references,
)
from monitor.evaluation.scoring import (
    ErrorKind,
    Report,
    evaluate,
    same_claimant,
    same_identity,
    same_values,
)
from monitor.records import (
    FACT_KINDS,
    Casualties,
    FactValue,
    ForceSize,
    Leadership,
    TerritorialControl,
)

__all__ = [
    "DEFAULT_CORPUS",
    "HELDOUT2_CORPUS",
    "HELDOUT_CORPUS",
    "Corpus",
    "CorpusError",
    "Report",
    "evaluate",
    "format_errors",
    "format_table",
    "load_corpus",
    "main",
    "same_claimant",
    "same_identity",
    "same_values",
    "unknown_references",
]


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
    if report.sentences:  # measured on the labelled corpora; the real set says its cost apart
        lines.append("")
        lines.append(
            f"{report.documents} documents, {report.sentences} sentences; extraction speed"
            f" {report.sentences_per_second:,.0f} sentences/s (one core, CPU time)"
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
        prog="python -m monitor.evaluation.labelled",
        description="Precision and recall of the fact extractors on the labelled corpus.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="a corpus directory (repeatable); default: the development and held-out corpora",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list the worst misses")
    parser.add_argument("--limit", type=int, default=15, help="errors shown per kind")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--speed-seconds", type=float, default=1.0, help="CPU time spent measuring speed"
    )
    args = parser.parse_args(argv)
    roots: list[Path] = args.corpus or [DEFAULT_CORPUS, HELDOUT_CORPUS, HELDOUT2_CORPUS]
    reports: dict[str, Report] = {}
    for root in roots:
        try:
            corpus = load_corpus(root)
        except (CorpusError, OSError, json.JSONDecodeError) as exc:
            print(f"error: {root}: {exc}", file=sys.stderr)
            return 2
        reports[_name(root)] = evaluate(corpus, speed_seconds=args.speed_seconds)
    if args.json:
        only = len(reports) == 1
        out = (
            next(iter(reports.values())).as_dict()
            if only
            else {name: r.as_dict() for name, r in reports.items()}
        )
        print(json.dumps(out, indent=2))
        return 0
    for i, (name, report) in enumerate(reports.items()):
        if len(reports) > 1:
            print(f"{chr(10) if i else ''}== corpus: {name}")
        print(format_table(report))
        if args.verbose:
            print(format_errors(report, args.limit))
    return 0


def _name(root: Path) -> str:
    """ "labelled" for tests/labelled, "labelled/heldout" for a held-out set inside it."""
    return "/".join(root.resolve().parts[-2:]) if root.name.startswith("heldout") else root.name


if __name__ == "__main__":
    raise SystemExit(main())
