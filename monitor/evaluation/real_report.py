"""`make eval-real TEXTS=DIR`: precision and recall on the real-text set, per split.

`python -m monitor.evaluation.real_report --texts DIR [--split dev|heldout] [--part A]
[--verbose]` prints one table per split (of the chosen parts of the set, `parts.json`; all by
default) (the held-out third apart from the development part), then says
which articles had no text in DIR and which texts no longer hold a label's locator; then
replays each labelled story (`stories/`) through the daemon's ingest and counts its alerts
(`--no-stories` skips that). Last, it names every tracked file of the repository that holds a
run of words from the texts (monitor/evaluation/leaks.py), and then exits 3: article text must
never be committed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from monitor.evaluation.corpus import CorpusError
from monitor.evaluation.labelled import format_errors, format_table
from monitor.evaluation.leaks import find_leaks, tracked_files
from monitor.evaluation.real import (
    REAL_SET,
    SPLITS,
    in_parts,
    load_real_set,
    outlets,
    score_real,
)
from monitor.evaluation.story_report import format_outcome, format_totals, replay_stories


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.evaluation.real_report")
    parser.add_argument("--texts", type=Path, required=True, help="folder of <id>.txt texts")
    parser.add_argument("--labels", type=Path, default=REAL_SET, help="the labelled set")
    parser.add_argument("--split", choices=SPLITS, action="append", help="default: both")
    parser.add_argument("--part", action="append", help="a part of the set (default: all)")
    parser.add_argument("--model", help="a spaCy pipeline other than the default")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    parser.add_argument("--limit", type=int, default=15, help="errors shown per kind")
    parser.add_argument("--no-stories", action="store_true", help="skip the story replays")
    args = parser.parse_args(argv)
    if not args.texts.is_dir():
        print(f"--texts {args.texts}: not a folder of article texts", file=sys.stderr)
        return 2
    try:
        real = load_real_set(args.labels)
        if args.part:
            real = in_parts(real, args.part, args.labels)
    except CorpusError as exc:
        print(f"{args.labels}: {exc}", file=sys.stderr)
        return 2
    splits = args.split or list(SPLITS)
    result = score_real(real, args.texts, splits, args.model)
    chosen = [a for a in real.articles if a.split in splits]
    conflicts = len({a.conflict for a in chosen})
    print(f"{len(chosen)} articles, {conflicts} conflicts, {len(outlets(chosen))} outlets")
    for split in splits:
        report = result.reports.get(split)
        if report is None:
            continue
        print(f"\n== {split} ({report.documents} articles scored)")
        print(format_table(report))
        if args.verbose:
            print(format_errors(report, args.limit))
    if result.words:
        print(
            f"\nextraction cost {result.ms_per_1000_words:.0f} ms of CPU per 1,000 words"
            f" ({result.words:,} words, one core, the model loaded)"
        )
    if result.missing:
        print(f"\nmissing texts ({len(result.missing)}), not scored: {', '.join(result.missing)}")
    if result.stale:
        print(f"\nlocators not found in their text ({len(result.stale)}):")
        print("\n".join(f"  {s}" for s in result.stale))
    if not args.no_stories:
        try:
            chosen_conflicts = {a.conflict for a in real.articles}
            stories = replay_stories(args.texts, args.labels, chosen_conflicts)
        except CorpusError as exc:
            print(f"{args.labels}: {exc}", file=sys.stderr)
            return 2
        print("\n== stories replayed through ingest (alerts against labelled changes)")
        shown = {a.id for a in chosen}
        print("\n".join(format_outcome(o, verbose=args.verbose, shown=shown) for o in stories))
        print(format_totals(stories))
    if _report_leaks(args.texts):
        return 3
    return 0 if result.reports else 1


def _report_leaks(texts: Path) -> bool:
    """Print the article text found in the repository's files; whether there was any."""
    repo = Path(__file__).resolve().parents[2]
    if not (repo / ".git").exists():
        return False  # an installed copy: nothing here is committed
    found = {p.stem: p.read_text(encoding="utf-8") for p in sorted(texts.glob("*.txt"))}
    leaks = find_leaks(tracked_files(repo), found, repo)
    if leaks:
        print(f"\narticle text in the repository ({len(leaks)} runs; reword them):")
        print("\n".join(f"  {leak}" for leak in leaks))
    return bool(leaks)


if __name__ == "__main__":
    sys.exit(main())
