"""The figures of the polling benchmark: what one pass measured, the summary of a run (ratios
to the baseline measured in the same run) and its text rendering."""

from __future__ import annotations

import contextlib
import os
import platform
import resource
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks.ingest_figures import render_ingest

if TYPE_CHECKING:
    from benchmarks.bench_polling import Run

CLASSES = ("not_modified", "unchanged", "new")
CLASS_TITLES = {
    "not_modified": "304 (ETag/Last-Modified)",
    "unchanged": "200, same body (no validators)",
    "new": "200, changed",
}


@dataclass
class Measure:
    """One pass: wall and CPU seconds of this process, and what came back."""

    feeds: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    new_entries: int = 0
    alerts: int = 0
    farm_cpu: float = 0.0

    def add(self, other: Measure) -> None:
        self.feeds += other.feeds
        self.wall += other.wall
        self.cpu += other.cpu
        for key, value in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value
        self.new_entries += other.new_entries
        self.alerts += other.alerts
        self.farm_cpu += other.farm_cpu


@dataclass
class RoundResult:
    label: str
    changed_feeds: int = 0
    new_items: int = 0
    daemon: Measure = field(default_factory=Measure)
    bare: Measure = field(default_factory=Measure)
    feedparser_cpu: float = 0.0
    by_class: dict[str, tuple[Measure, Measure]] = field(default_factory=dict)


def peak_rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux


# --- figures ---------------------------------------------------------------------------------


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _per(total: float, count: int) -> float | None:
    return total / count if count else None


def summarize(bench: Run, concurrency: int, per_host: int) -> dict[str, Any]:
    split = [r for r in bench.rounds if r.by_class]
    daemon: dict[str, Measure] = {k: Measure() for k in CLASSES}
    bare: dict[str, Measure] = {k: Measure() for k in CLASSES}
    for result in split:
        for kind, (d, b) in result.by_class.items():
            daemon[kind].add(d)
            bare[kind].add(b)
    fp_cpu = sum(r.feedparser_cpu for r in split)
    new = daemon["new"]
    per = {
        kind: {
            "feeds": daemon[kind].feeds,
            "daemon_cpu_ms": _ms(_per(daemon[kind].cpu, daemon[kind].feeds)),
            "bare_http_cpu_ms": _ms(_per(bare[kind].cpu, bare[kind].feeds)),
            "daemon_wall_s": daemon[kind].wall,
            "bare_wall_s": bare[kind].wall,
            "statuses": daemon[kind].counts,
        }
        for kind in CLASSES
    }
    per["new"]["feedparser_cpu_ms"] = _ms(_per(fp_cpu, new.feeds))
    per["new"]["daemon_cpu_per_new_entry_ms"] = _ms(_per(new.cpu, new.new_entries))
    per["new"]["new_entries"] = new.new_entries
    baseline_changed = _per(bare["new"].cpu + fp_cpu, new.feeds)
    mixed = [r for r in bench.rounds if r.label.endswith("(mixed)")]
    split_daemon, split_bare = Measure(), Measure()
    for result in split:
        split_daemon.add(result.daemon)
        split_bare.add(result.bare)
    ratios = {
        "cpu_per_304": _ratio(*_pair(per["not_modified"], "daemon_cpu_ms", "bare_http_cpu_ms")),
        "cpu_per_same_body": _ratio(*_pair(per["unchanged"], "daemon_cpu_ms", "bare_http_cpu_ms")),
        "cpu_per_changed": _ratio(_per(new.cpu, new.feeds) or 0.0, baseline_changed or 0.0),
        "round_wall": _ratio(split_daemon.wall, split_bare.wall),
        "round_cpu": _ratio(split_daemon.cpu, split_bare.cpu + fp_cpu),
        "mixed_round_wall": _ratio(mixed[0].daemon.wall, mixed[0].bare.wall) if mixed else None,
    }
    return {
        "machine": {
            "nproc": os.cpu_count(),
            "usable_cpus": len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else None,
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cpu": _cpu_model(),
        },
        "setup": {
            "feeds": len(bench.farm.feeds),
            "farm_megabytes": round(bench.farm.bytes / 1e6, 1),
            "rounds": bench.args.rounds,
            "changed_share": bench.args.changed_share,
            "no_validator_feeds": sum(not f.conditional for f in bench.farm.feeds),
            "hosts": bench.args.hosts,
            "concurrency": concurrency,
            "per_host_concurrency": per_host,
        },
        "rounds": [_round_row(r) for r in bench.rounds],
        "per_feed": per,
        "round0": {
            "entries": bench.rounds[0].daemon.new_entries,
            "daemon_cpu_per_entry_ms": _ms(
                _per(bench.rounds[0].daemon.cpu, bench.rounds[0].daemon.new_entries)
            ),
        },
        "ratios": ratios,
        "ingest": bench.ingest,
        "peak_rss_mb": {
            "after_daemon_round0": round(bench.rss_after_round0_kb / 1024, 1),
            "end": round(peak_rss_kb() / 1024, 1),
        },
    }


def _pair(row: dict[str, Any], a: str, b: str) -> tuple[float, float]:
    return float(row[a] or 0.0), float(row[b] or 0.0)


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def _round_row(result: RoundResult) -> dict[str, Any]:
    return {
        "round": result.label,
        "changed_feeds": result.changed_feeds,
        "new_items": result.new_items,
        "daemon": asdict(result.daemon),
        "bare_http": asdict(result.bare),
        "feedparser_cpu": result.feedparser_cpu,
    }


def _usable_cpus() -> int | None:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None


def _cpu_model() -> str | None:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return None


def render(report: dict[str, Any]) -> Iterator[str]:
    m, s = report["machine"], report["setup"]
    yield (
        f"machine: {m['nproc']} CPUs ({m['usable_cpus']} usable), {m['cpu']}, "
        f"{m['implementation']} {m['python']}, {m['platform']}"
    )
    yield (
        f"farm: {s['feeds']} feeds ({s['farm_megabytes']} MB), {s['no_validator_feeds']} without "
        f"validators, on {s['hosts']} loopback hosts; {s['rounds']} rounds, "
        f"{s['changed_share']:.0%} of feeds change per round; concurrency {s['concurrency']}, "
        f"{s['per_host_concurrency']} per host"
    )
    yield ""
    yield "Rounds (daemon = poll_round in this process; bare = httpx GETs only; fp = feedparser)"
    head = (
        f"{'round':<12}{'changed':>8}{'new':>6}{'304':>6}{'same':>6}{'err':>5}"
        f"{'entries':>8}{'alerts':>7}{'wall s':>9}{'cpu s':>8}{'farm cpu':>9}"
        f"{'bare wall':>10}{'bare cpu':>9}{'fp cpu':>8}"
    )
    yield head
    yield "-" * len(head)
    for row in report["rounds"]:
        d, b, c = row["daemon"], row["bare_http"], row["daemon"]["counts"]
        yield (
            f"{row['round']:<12}{row['changed_feeds']:>8}{c.get('new', 0):>6}"
            f"{c.get('not_modified', 0):>6}{c.get('unchanged', 0):>6}{c.get('error', 0):>5}"
            f"{d['new_entries']:>8}{d['alerts']:>7}{d['wall']:>9.2f}{d['cpu']:>8.2f}"
            f"{d['farm_cpu']:>9.2f}{b['wall']:>10.2f}{b['cpu']:>9.2f}{row['feedparser_cpu']:>8.2f}"
        )
    yield ""
    yield "Per feed, rounds 1.. (each kind polled in its own pass)"
    head = (
        f"{'answer':<34}{'feeds':>7}{'daemon cpu ms':>15}{'bare http ms':>14}"
        f"{'feedparser ms':>15}{'ratio':>8}{'wall s':>8}{'bare wall':>10}"
    )
    yield head
    yield "-" * len(head)
    per, ratios = report["per_feed"], report["ratios"]
    ratio_of = {
        "not_modified": ratios["cpu_per_304"],
        "unchanged": ratios["cpu_per_same_body"],
        "new": ratios["cpu_per_changed"],
    }
    for kind in CLASSES:
        row = per[kind]
        yield (
            f"{CLASS_TITLES[kind]:<34}{row['feeds']:>7}{_f(row['daemon_cpu_ms'], 3):>15}"
            f"{_f(row['bare_http_cpu_ms'], 3):>14}{_f(row.get('feedparser_cpu_ms'), 3):>15}"
            f"{_x(ratio_of[kind]):>8}{row['daemon_wall_s']:>8.2f}{row['bare_wall_s']:>10.2f}"
        )
    first = report["round0"]
    yield (
        f"daemon CPU per new entry: {_f(per['new']['daemon_cpu_per_new_entry_ms'], 3)} ms in "
        f"rounds 1.. ({per['new']['new_entries']} new entries; the whole feed is read again), "
        f"{_f(first['daemon_cpu_per_entry_ms'], 3)} ms in round 0 ({first['entries']} entries)"
    )
    yield (
        f"targets: 304 <= 0.5 ms CPU ({_f(per['not_modified']['daemon_cpu_ms'], 2)} ms), "
        f"same body <= 1 ms ({_f(per['unchanged']['daemon_cpu_ms'], 2)} ms)"
    )
    yield ""
    yield from render_ingest(report["ingest"])
    yield ""
    yield "Ratios (daemon / baseline measured in this run; 1.0x = no overhead beyond the baseline)"
    lines = (
        ("CPU per 304 feed / bare HTTP per 304", "cpu_per_304"),
        ("CPU per same-body feed / bare HTTP per 200", "cpu_per_same_body"),
        ("CPU per changed feed / (bare HTTP + feedparser)", "cpu_per_changed"),
        ("CPU per round / (bare HTTP + feedparser)", "round_cpu"),
        ("wall per round (3 passes) / bare HTTP (3 passes)", "round_wall"),
        ("wall, mixed round / bare HTTP, one pass", "mixed_round_wall"),
    )
    for text, key in lines:
        yield f"  {text:<52}{_x(ratios[key]):>8}"
    rss = report["peak_rss_mb"]
    yield ""
    yield (
        f"peak RSS of this process: {rss['after_daemon_round0']} MB after the daemon's round 0, "
        f"{rss['end']} MB at the end (daemon and baseline); run took {report['seconds']} s"
    )
    if report.get("profile"):
        yield ""
        yield "Profile of the daemon in one more mixed round (cProfile):"
        yield report["profile"].rstrip()


def _f(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"
