"""CPU time of the command line, from start to exit, against `python -c pass`:

    .venv/bin/python -m benchmarks.bench_startup [--runs 9] [--json]

`monitor --help`, `--version`, `status`, `feeds`, `facts` and `alerts` each run `--runs` times
as separate processes, the way a user starts them (the venv's `monitor` script). The database
the views read is a real one: `monitor demo --pause 0 --keep` fills it first (five feeds, the
Panjshir story's stories, facts and alerts). CPU is the child's user + system time
(getrusage), its median over the runs; the commands take turns within each round, so load
from elsewhere on the machine weighs on all alike. Baselines measured in the same run: `python
-c pass` (the interpreter alone) and the import of click, pydantic and SQLAlchemy Core (the
libraries a view command cannot do without, imported as the `monitor` script does). The
target is 0.3 s of CPU per command.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import monitor

TARGET_SECONDS = 0.3
PACKAGE = Path(monitor.__file__).parent
PYTHON = sys.executable
# Imported as the `monitor` script imports (monitor.cli.console: the cycle collector paused,
# what lives frozen at exit), so the difference to a view is monitor's own code.
LIBRARY_FLOOR = "import gc; gc.disable(); import click, pydantic, sqlalchemy; gc.freeze()"
VIEWS = ("status", "feeds", "facts", "alerts")
BASELINES = ("python -c pass", "libraries of a view")


@dataclass(frozen=True)
class Sample:
    name: str
    cpu: float  # median seconds of user + system time
    cpu_min: float
    wall: float  # median seconds


def program() -> list[str]:
    """The `monitor` script beside this Python, as a user runs it (else `python -m monitor`)."""
    script = Path(PYTHON).with_name("monitor")
    return [str(script)] if script.is_file() else [PYTHON, "-m", "monitor"]


def measured(command: Sequence[str]) -> tuple[float, float]:
    """CPU and wall seconds of one run of `command` (output discarded; it must exit 0)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return cpu, wall


def kept_demo(folder: Path) -> Path:
    """Run the demo into `folder`; the configuration of the database it kept."""
    subprocess.run(
        [*program(), "demo", "--pause", "0", "--port", "0", "--keep", str(folder)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return folder / "monitor.toml"


def commands(config: Path) -> dict[str, list[str]]:
    cli = program()
    views = {f"monitor {view}": [*cli, "--config", str(config), view] for view in VIEWS}
    return {
        "python -c pass": [PYTHON, "-c", "pass"],
        "libraries of a view": [PYTHON, "-c", LIBRARY_FLOOR],
        "monitor --help": [*cli, "--help"],
        "monitor --version": [*cli, "--version"],
        **views,
    }


def measure(runs: int, config: Path) -> list[Sample]:
    todo = commands(config)
    for command in todo.values():  # warm the page cache; check each command works
        measured(command)
    cpu: dict[str, list[float]] = {name: [] for name in todo}
    wall: dict[str, list[float]] = {name: [] for name in todo}
    for _ in range(runs):
        for name, command in todo.items():
            seconds, elapsed = measured(command)
            cpu[name].append(seconds)
            wall[name].append(elapsed)
    return [
        Sample(name, statistics.median(cpu[name]), min(cpu[name]), statistics.median(wall[name]))
        for name in todo
    ]


def report(samples: list[Sample], runs: int) -> str:
    python = samples[0].cpu
    lines = [
        f"CPU per command, median of {runs} runs (min), wall median; target <= "
        f"{TARGET_SECONDS * 1000:.0f} ms of CPU",
        f"{'command':22} {'CPU ms':>8} {'(min)':>7} {'wall ms':>8} {'x python':>9}  target",
    ]
    for s in samples:
        verdict = "" if s.name in BASELINES else ("met" if s.cpu <= TARGET_SECONDS else "MISSED")
        lines.append(
            f"{s.name:22} {s.cpu * 1000:8.0f} {s.cpu_min * 1000:7.0f} {s.wall * 1000:8.0f} "
            f"{s.cpu / python:8.1f}x  {verdict}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=9, help="runs per command (default 9)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    args = parser.parse_args(argv)
    # What an installed package has: its bytecode compiled (an editable checkout may hold
    # stale .pyc files that each run would compile again, under PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(PACKAGE, quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="monitor-bench-startup-"))
    try:
        samples = measure(args.runs, kept_demo(folder / "demo"))
    finally:
        shutil.rmtree(folder)
    if args.json:
        found = [asdict(s) for s in samples]
        print(json.dumps({"runs": args.runs, "target_seconds": TARGET_SECONDS, "samples": found}))
    else:
        print(report(samples, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
