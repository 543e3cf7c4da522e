"""The ingest figures of the polling benchmark: CPU per new entry end to end, the share of each
stage (benchmarks/stages.py), and the parse-only baselines on the same bytes."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from lxml import etree

from benchmarks.stages import FETCH_NOTE, STAGES, StageClock

# The cheapest safe lxml call: no entity expansion, no network, recover from broken markup.
_LXML = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


def lxml_cpu(bodies: Sequence[bytes]) -> float:
    """lxml alone on the same bodies: parse each document and visit every element's text,
    the least any parser must do to hand out the items' fields."""
    start = time.process_time()
    for body in bodies:
        root = etree.fromstring(body, _LXML)
        for element in root.iter():
            _ = element.text
    return time.process_time() - start


def ingest_summary(
    entries: int,
    cpu: float,
    clock: StageClock,
    feedparser: float,
    lxml: float,
) -> dict[str, Any]:
    """Round 0 (every entry new, fetched over HTTP): per-entry costs, stage shares and the
    ratios the targets are stated in."""

    def per_entry(seconds: float) -> float | None:
        return seconds / entries * 1000 if entries else None

    stages = clock.shares(cpu)
    after_parse = cpu - stages.get("fetch", 0.0) - stages.get("parse", 0.0)
    return {
        "entries": entries,
        "cpu_s": cpu,
        "cpu_per_entry_ms": per_entry(cpu),
        "entries_per_cpu_second": entries / cpu if cpu else None,
        "feedparser_per_entry_ms": per_entry(feedparser),
        "lxml_per_entry_ms": per_entry(lxml),
        "end_to_end_over_feedparser": cpu / feedparser if feedparser else None,
        "after_parse_over_feedparser": after_parse / feedparser if feedparser else None,
        "end_to_end_over_lxml": cpu / lxml if lxml else None,
        "stages": {
            stage: {
                "cpu_s": stages.get(stage, 0.0),
                "per_entry_ms": per_entry(stages.get(stage, 0.0)),
                "share": stages.get(stage, 0.0) / cpu if cpu else None,
            }
            for stage in STAGES
        },
        "heaviest": {
            stage: [(name, per_entry(seconds)) for name, seconds in clock.top(stage, 4)]
            for stage in ("store", "dedup", "parse")
        },
    }


def render_ingest(figures: Mapping[str, Any]) -> Iterator[str]:
    yield "Ingest, round 0 (every entry new; fetch over HTTP, parse, match, dedup, extract,"
    yield "diff, store), CPU of the daemon, exclusive time per stage"
    head = f"{'stage':<10}{'cpu s':>9}{'ms/entry':>10}{'share':>8}"
    yield head
    yield "-" * len(head)
    for stage, row in figures["stages"].items():
        yield (
            f"{stage:<10}{row['cpu_s']:>9.2f}{_f(row['per_entry_ms'], 3):>10}"
            f"{_pct(row['share']):>8}"
        )
    yield f"{'total':<10}{figures['cpu_s']:>9.2f}{_f(figures['cpu_per_entry_ms'], 3):>10}"
    yield f"  ({FETCH_NOTE})"
    for stage, functions in figures["heaviest"].items():
        named = ", ".join(f"{name} {_f(ms, 3)}" for name, ms in functions)
        yield f"  heaviest in {stage}, ms/entry: {named}"
    yield (
        f"per new entry: {_f(figures['cpu_per_entry_ms'], 3)} ms end to end = "
        f"{_f(figures['entries_per_cpu_second'], 0)} entries/s on one core; "
        f"{figures['entries']} entries"
    )
    yield (
        f"baselines on the same bytes: feedparser alone {_f(figures['feedparser_per_entry_ms'], 3)}"
        f" ms/entry, lxml alone {_f(figures['lxml_per_entry_ms'], 3)} ms/entry"
    )
    yield (
        f"  end to end / feedparser alone {_x(figures['end_to_end_over_feedparser'])} "
        f"(target <= 2x); after parsing / feedparser alone "
        f"{_x(figures['after_parse_over_feedparser'])} (target <= 1x); "
        f"end to end / lxml alone {_x(figures['end_to_end_over_lxml'])}"
    )


def _f(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"
