"""The command line starts without the heavy libraries: they are imported by the commands that
use them (benchmarks/bench_startup.py measures what this buys). Each check runs in a fresh
interpreter, since this test process has long imported everything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "seeds" / "panjshir"
# What `import monitor.cli` must not load: the science stack under datasketch and spaCy, the
# article extractor, the alert sender, the migrations, the web server.
HEAVY = (
    "scipy",
    "spacy",
    "trafilatura",
    "apprise",
    "alembic",
    "aiohttp",
    "datasketch",
    "numpy",
)
# What the read-only views need neither: the log renderer (until a line is logged), the alert
# templates (the console form needs none), httpx and the feed parsers.
NOT_FOR_VIEWS = (*HEAVY, "structlog", "jinja2", "httpx", "feedparser", "lxml")
# What `status`, `feeds`, `facts` and `alerts` do without besides: the ORM and the classes mapped
# with it (they query the tables with SQLAlchemy Core, monitor/store/readonly.py).
NOT_FOR_QUICK_VIEWS = ("sqlalchemy.orm", "monitor.store.models", "monitor.store.store")

pytestmark = pytest.mark.sqlite_only("the import checks are the same on every backend")


def modules_after(code: str) -> list[str]:
    """The modules a fresh interpreter has imported after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def loaded_after(code: str) -> list[str]:
    """The top-level packages a fresh interpreter has imported after running `code`."""
    return sorted({name.split(".")[0] for name in modules_after(code)})


def view_run(config: Path, command: list[str]) -> str:
    """Code that runs a view command, its output captured, and checks that it printed."""
    return (
        "import contextlib, io\n"
        "from monitor.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    main({['--config', str(config), *command]!r}, standalone_mode=False)\n"
        "assert out.getvalue().strip(), 'the command printed nothing'\n"
    )


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    loaded = loaded_after("import monitor.cli")
    assert [name for name in HEAVY if name in loaded] == []
    assert "sqlalchemy" not in loaded and "pydantic" not in loaded  # --help needs neither


@pytest.fixture(scope="module")
def replayed_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A configuration whose database holds the Panjshir story (replayed once)."""
    folder = tmp_path_factory.mktemp("replayed")
    config = folder / "monitor.toml"
    config.write_text(
        f'[storage]\nurl = "sqlite:///{folder / "monitor.sqlite3"}"\n\n'
        + (STORY / "watchlist.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    replay = [
        sys.executable,
        "-m",
        "monitor",
        "--config",
        str(config),
        "replay",
        str(STORY / "timeline"),
    ]
    done = subprocess.run(replay, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return config


@pytest.mark.parametrize(
    "command", [["status"], ["feeds"], ["facts"], ["alerts"], ["stories"], ["facts", "--json"]]
)
def test_a_view_command_loads_neither_the_heavy_libraries_nor_the_log_renderer(
    replayed_config: Path, command: list[str]
) -> None:
    loaded = loaded_after(view_run(replayed_config, command))
    assert [name for name in NOT_FOR_VIEWS if name in loaded] == []


@pytest.mark.parametrize(
    "command",
    [["status"], ["feeds"], ["facts"], ["alerts"], ["status", "--json"], ["alerts", "--json"]],
)
def test_the_quick_views_read_without_the_orm(replayed_config: Path, command: list[str]) -> None:
    loaded = modules_after(view_run(replayed_config, command))
    assert [name for name in NOT_FOR_QUICK_VIEWS if name in loaded] == []


def test_the_first_logged_line_is_rendered_as_the_configured_logs_render_it() -> None:
    emit = (
        "import logging\n"
        "logging.getLogger('apscheduler').warning('quiet below error')\n"
        "logging.getLogger('monitor.x').info('below the level')\n"
        "logging.getLogger('monitor.x').warning('disk %s', 'full')\n"
    )
    lines = []
    for configure in (
        "from monitor.logs.levels import configure_deferred as configure",
        "from monitor.logs.events import configure",
    ):
        code = f"{configure}\nconfigure('warning', 'json')\n{emit}"
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        [line] = done.stderr.splitlines()
        lines.append({k: v for k, v in json.loads(line).items() if k != "ts"})
    assert lines[0] == lines[1] == {"level": "warning", "logger": "monitor.x", "event": "disk full"}


@pytest.mark.parametrize(
    ("command", "collecting"),
    [(["status"], False), (["facts"], False), (["prune", "--dry-run"], True)],
)
def test_the_cycle_collector_stays_paused_only_for_the_quick_views(
    replayed_config: Path, command: list[str], collecting: bool
) -> None:
    """`console` pauses the collector while the command line starts; `main` turns it back on
    for every command but the quick read-only views (a long `monitor run` must collect)."""
    run = (
        "import contextlib, gc, io\n"
        "from monitor.cli import main\n"
        "gc.disable()\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({['--config', str(replayed_config), *command]!r}, standalone_mode=False)\n"
        "print(gc.isenabled())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", run], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == [str(collecting)]


def test_python_dash_m_monitor_runs_a_view(replayed_config: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(replayed_config), "status"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("monitor status at ")
