"""`monitor demo` ends with commands to run next; each works exactly as printed, from the folder
the demo was started in: `demo --keep DIR`, then the view commands on the database it kept."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

MONITOR = Path(sys.executable).with_name("monitor")  # the venv's console script

pytestmark = pytest.mark.sqlite_only("the demo keeps its database in a SQLite file")


def run(command: list[str], cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{shlex.join(command)}:\n{done.stdout}{done.stderr}"
    return done.stdout


def printed_commands(output: str, program: str) -> list[list[str]]:
    """The indented lines of the closing hint that start with the program."""
    lines = output.split("Done.", 1)[1].splitlines()
    return [shlex.split(line) for line in lines if line.strip().startswith(program)]


def test_the_closing_hints_work_as_printed(tmp_path: Path) -> None:
    first = run([str(MONITOR), "demo", "--pause", "0"], cwd=tmp_path)
    [keep] = printed_commands(first, str(MONITOR))
    assert keep[1:] == ["demo", "--keep", "monitor-demo"]

    kept = run(keep, cwd=tmp_path)
    folder = tmp_path / "monitor-demo"
    assert (folder / "monitor.sqlite3").is_file() and (folder / "monitor.toml").is_file()
    views = printed_commands(kept, str(MONITOR))
    assert [c[1:3] for c in views] == [["--config", str(folder / "monitor.toml")]] * 4
    assert [c[3:5] for c in views] == [["facts"], ["facts", "history"], ["stories"], ["alerts"]]
    facts, history, stories, alerts = (run(c, cwd=tmp_path) for c in views)
    assert "National Resistance Front" in facts
    assert history.count(views[1][5]) >= 2
    assert "Saleh declares himself" in stories
    assert "ALERT [changed]" in alerts


def test_a_folder_that_holds_a_demo_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "monitor.sqlite3").write_bytes(b"earlier demo")
    done = subprocess.run(
        [str(MONITOR), "demo", "--pause", "0", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "already holds monitor.sqlite3 from an earlier demo" in done.stderr
    assert (tmp_path / "monitor.sqlite3").read_bytes() == b"earlier demo"
