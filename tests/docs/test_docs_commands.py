"""Every command shown in a ```sh block of the README or of a docs/ page is run here as written,
or listed with the reason it cannot run in a test: documentation whose commands cannot go stale.

A page is run as a reader's shell session would run it: in a scratch folder of its own (the
repository's `config/` and `seeds/` linked in, `.venv` linked to the environment running the
tests, whose `monitor` also comes first on PATH), with $MONITOR_DATA_DIR inside that folder so
that nothing is written anywhere else, and with each `export` line applying to the page's later
commands. A command in RUN must exit as listed and print what a user would look for; a command
in NOT_RUN is skipped for the reason given. A command in neither fails the first test, and so
does an entry that no page shows any more.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


@dataclass(frozen=True)
class Expect:
    """What running a command must give: its exit code, and text that its output (or the file
    it writes, `into`) must contain."""

    shows: tuple[str, ...]
    exit_code: int = 0
    into: str | None = None


NRF_ARTICLE = (
    "https://frontierdaily.example/world/resistance-9000-fighters-1145377"
    "?utm_source=rss&utm_medium=feed&utm_campaign=world"
)

RUN: dict[str, Expect] = {
    # README.md, running it for real: the example configuration with the secrets exported.
    ".venv/bin/monitor check-config": Expect(
        ("config/monitor.toml: OK", "data directory", "not created yet")
    ),
    # docs/configuration.md
    "monitor --config config/monitor.toml check-config --offline": Expect(
        ("config/monitor.toml: OK", "environment variables")
    ),
    # docs/cli.md, the offline story: the demo keeps its database, the rest read it.
    "monitor --version": Expect(("monitor, version",)),
    "monitor demo --pause 0 --keep monitor-demo": Expect(
        (
            "ALERT [changed] panjshir: Force size changed: National Resistance Front",
            "monitor-demo/monitor.toml facts",
        )
    ),
    "monitor status": Expect(("healthy", "today", "outbox", "last check")),
    "monitor stories": Expect(("Taliban say they have captured", "article(s)")),
    "monitor facts --kind force_size": Expect(("National Resistance Front", "fighters")),
    'monitor facts history "Amrullah Saleh"': Expect(
        ("Amrullah Saleh: declared caretaker president",)
    ),
    "monitor alerts": Expect(("ALERT [changed] panjshir: Force size changed",)),
    f"monitor explain '{NRF_ARTICLE}'": Expect(("panjshir: MATCHED", "entity:")),
    "monitor replay seeds/panjshir/timeline": Expect(("0 new entries, 0 alerts",)),
    "monitor --config config/monitor.toml feeds export > feeds.opml": Expect(
        ('<opml version="2.0">', 'xmlUrl="https://'), into="feeds.opml"
    ),
    "monitor feeds import feeds.opml": Expect(("[[feeds]]", "feeds imported")),
}

SUDO = (
    "needs root and changes the machine; `make install-check` runs the venv and pip lines of "
    "the Install block in a temporary venv instead"
)
SYSTEMD = "needs systemd and the installed service"
JOURNAL = "reads the systemd journal of the installed service"

NOT_RUN: dict[str, str] = {
    # README.md
    "make demo": "creates .venv and installs monitor first; docs/cli.md runs `monitor demo` here",
    "make test": "all of CI, minutes long, and this test is part of it",
    ".venv/bin/monitor notify-test email": "sends a real email: needs the SMTP server and secrets",
    ".venv/bin/monitor poll --once": "fetches the real world-news feeds of the example over the "
    "network",
    ".venv/bin/monitor run": "the daemon runs until it is stopped; the daemon's tests do that",
    # docs/operating.md, the production install, the journal and the upgrade
    "sudo python3 -m venv /opt/monitor": SUDO,
    "sudo /opt/monitor/bin/pip install --require-hashes --no-deps -r requirements.lock": SUDO,
    "sudo /opt/monitor/bin/pip check": SUDO,
    "sudo /opt/monitor/bin/pip install --no-deps --no-build-isolation .": SUDO,
    "sudo ln -s /opt/monitor/bin/monitor /usr/local/bin/monitor": SUDO,
    "sudo install -D -m 0644 config/monitor.toml /etc/monitor/monitor.toml": SUDO,
    "sudo install -m 0600 /dev/null /etc/monitor/secrets.env": SUDO,
    "sudo cp systemd/monitor.service /etc/systemd/system/ && sudo systemctl daemon-reload": SUDO,
    "sudo systemctl enable --now monitor": SUDO,
    "sudo systemctl restart monitor": SUDO,
    "systemctl status monitor": SYSTEMD,
    "journalctl -u monitor -f": JOURNAL,
    "journalctl -u monitor -p warning --since today": JOURNAL,
    "journalctl -u monitor -o json | jq -r .MESSAGE": JOURNAL,
    "journalctl -u monitor -o cat | grep 'event=feed_failed'": JOURNAL,
    # docs/web.md
    "monitor demo --serve": "serves the web view until Ctrl-C",
    # docs/development.md
    "make lock": "resolves the dependencies against the package index, over the network",
    "make lock LOCK_ARGS=--upgrade": "resolves the dependencies against the package index, over "
    "the network",
    'MONITOR_TEST_BACKEND=postgresql .venv/bin/pytest -m "not store_free"': "the whole suite on "
    "the PostgreSQL server, minutes long (`make unit-postgres` runs it)",
    # docs/evaluation.md
    "make eval": "scores three labelled corpora, longer than a test should take; the corpus "
    "tests check its floors",
    'make eval EVAL_ARGS="-v"': "the same as `make eval`, with every miss listed",
    "make eval-real TEXTS=DIR": "needs the articles' texts, which are not in the repository",
    # docs/benchmarks.md
    "make bench": "about four minutes of measurements",
    "make bench-quick": "about a minute of measurements",
}


@dataclass(frozen=True)
class Shown:
    """One command of a ```sh block: the page, its line there, and its text without comment."""

    page: Path
    line: int
    command: str

    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}: {self.command}"


def without_comment(line: str) -> str:
    """The line less a `#` comment (one that starts after a space, outside quotes)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
    return line.rstrip()


def shown_commands(page: Path) -> list[Shown]:
    """The commands of the page's ```sh blocks, in order; `\\` at a line's end continues it."""
    shown: list[Shown] = []
    in_block = False
    pending = ""
    start = 0
    for number, raw in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("```"):
            in_block = raw.strip() == "```sh" if not in_block else False
            continue
        if not in_block:
            continue
        text = without_comment(raw).strip()
        if not pending:
            start = number
        if text.endswith("\\"):
            pending += text[:-1].strip() + " "
            continue
        command = (pending + text).strip()
        pending = ""
        if command:
            shown.append(Shown(page, start, command))
    return shown


def is_export(command: str) -> bool:
    return command.startswith("export ")


def exported(command: str) -> dict[str, str]:
    """The variables an `export A=1 B=2` line sets."""
    variables = {}
    for word in shlex.split(command)[1:]:
        name, _, value = word.partition("=")
        variables[name] = value
    return variables


ALL_SHOWN = [shown for page in PAGES for shown in shown_commands(page)]
RUNNABLE_PAGES = sorted({s.page for s in ALL_SHOWN if s.command in RUN})


def test_every_command_in_the_docs_is_run_or_listed() -> None:
    commands = [s for s in ALL_SHOWN if not is_export(s.command)]
    assert commands, "no ```sh block found in README.md or docs/"
    neither = [s.where() for s in commands if s.command not in RUN and s.command not in NOT_RUN]
    assert not neither, "\n".join(
        [
            "commands shown in the docs that this test neither runs nor lists (add each to RUN,",
            "or to NOT_RUN with the reason it cannot run here):",
            *neither,
        ]
    )
    both = sorted(RUN.keys() & NOT_RUN.keys())
    assert not both, f"both run and listed as not run: {both}"
    stale = sorted((RUN.keys() | NOT_RUN.keys()) - {s.command for s in commands})
    assert not stale, f"listed here but no page shows them any more: {stale}"


def _scratch(folder: Path) -> dict[str, str]:
    """The folder a page's commands run in, and their environment."""
    for name in ("config", "seeds"):
        (folder / name).symlink_to(REPO / name, target_is_directory=True)
    (folder / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    env = {name: value for name, value in os.environ.items() if not name.startswith("MONITOR_")}
    env["MONITOR_DATA_DIR"] = str(folder / "data")
    env["PATH"] = os.pathsep.join([sysconfig.get_path("scripts"), env.get("PATH", "")])
    return env


@pytest.mark.sqlite_only("the commands run on a SQLite file in a scratch folder, as a reader's")
@pytest.mark.parametrize(
    "page", RUNNABLE_PAGES, ids=[str(page.relative_to(REPO)) for page in RUNNABLE_PAGES]
)
def test_the_commands_of_a_page_run_as_written(page: Path, tmp_path: Path) -> None:
    env = _scratch(tmp_path)
    for shown in shown_commands(page):
        if is_export(shown.command):
            env.update(exported(shown.command))
            continue
        expect = RUN.get(shown.command)
        if expect is None:
            continue
        done = subprocess.run(
            shown.command,
            shell=True,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        output = done.stdout + done.stderr
        assert done.returncode == expect.exit_code, (
            f"{shown.where()}\nexited {done.returncode}, not {expect.exit_code}:\n{output}"
        )
        seen = (tmp_path / expect.into).read_text(encoding="utf-8") if expect.into else output
        missing = [text for text in expect.shows if text not in seen]
        assert not missing, f"{shown.where()}\ndid not show {missing}:\n{seen}"
