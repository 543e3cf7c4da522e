"""`monitor demo`: a story from seeds/ told step by step to the real daemon, offline.

A small HTTP server on 127.0.0.1 serves, for each outlet, the newest snapshot at or before the
current step (with ETag and Last-Modified, so unchanged outlets answer 304). The daemon polls it
after each step exactly as it polls the web, and the alerts it raises are printed as they fire.
"""

from __future__ import annotations

import asyncio
import hashlib
import shlex
import signal
import sys
import tempfile
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractContextManager, asynccontextmanager, contextmanager, nullcontext
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from monitor.alert.compose import describe, source
from monitor.alert.render import render_console
from monitor.config import Config, FeedConfig, load_config
from monitor.config.service import PollingConfig, StorageConfig
from monitor.records import Alert, fact_entities
from monitor.service.daemon import Daemon
from monitor.store.facts import CurrentFact

DEFAULT_STORY = "panjshir"
DEMO_PORT = 8787  # the [http] default; any free port when it is taken
KEPT_CONFIG = "monitor.toml"
KEPT_DATABASE = "monitor.sqlite3"


class Timeline:
    """Snapshots in `timeline/NN/<outlet>.xml`; an outlet absent from a step keeps its last one."""

    def __init__(self, root: Path) -> None:
        self.steps = sorted(p for p in root.iterdir() if p.is_dir())
        if not self.steps:
            raise FileNotFoundError(f"{root}: no step folders (01/, 02/, ...)")
        self.outlets = sorted(
            {f.name for step in self.steps for f in step.iterdir() if f.is_file()}
        )
        self.current = 0

    def snapshot(self, outlet: str) -> tuple[bytes, int] | None:
        """The bytes an outlet serves now, and the step they were published at."""
        for index in range(self.current, -1, -1):
            path = self.steps[index] / outlet
            if path.is_file():
                return path.read_bytes(), index
        return None

    def changed_outlets(self) -> list[str]:
        return sorted(f.stem for f in self.steps[self.current].iterdir() if f.is_file())


class _Handler(BaseHTTPRequestHandler):
    timeline: Timeline
    epoch = datetime(2021, 8, 15, tzinfo=UTC)

    def do_GET(self) -> None:
        found = self.timeline.snapshot(self.path.lstrip("/"))
        if found is None:
            self.send_error(404)
            return
        body, step = found
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        modified = self.epoch + timedelta(days=step)
        self.send_header("Last-Modified", format_datetime(modified, usegmt=True))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the demo prints what matters."""


@contextmanager
def serve_timeline(timeline: Timeline) -> Iterator[str]:
    """Serve a timeline on a free port of 127.0.0.1; yields the base URL."""
    handler = type("TimelineHandler", (_Handler,), {"timeline": timeline})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def find_story(explicit: Path | None) -> Path:
    """The seeds story folder: the given one, ./seeds/panjshir, or the one beside the package."""
    candidates = (
        [explicit]
        if explicit
        else [
            Path("seeds") / DEFAULT_STORY,
            Path(__file__).resolve().parents[2] / "seeds" / DEFAULT_STORY,
        ]
    )
    for candidate in candidates:
        if candidate is not None and (candidate / "timeline").is_dir():
            return candidate
    raise FileNotFoundError("no seeds story found; run from the repository or pass --seeds")


def demo_config(story: Path, base_url: str, outlets: list[str], data_dir: Path) -> Config:
    """The story's watchlist, with one feed per outlet on the local server and a fresh store."""
    watchlist = load_config(story / "watchlist.toml")
    feeds = tuple(FeedConfig(name=Path(o).stem, url=f"{base_url}/{o}") for o in outlets)
    return watchlist.model_copy(
        update={
            "feeds": feeds,
            "storage": StorageConfig(url=f"sqlite:///{data_dir / KEPT_DATABASE}"),
            "polling": PollingConfig(allow_private=True, timeout_seconds=10),
        }
    )


def prepare_keep(folder: Path) -> Path:
    """The folder `--keep` leaves the database and its configuration in, created if needed;
    one that already holds a demo's files is refused (their state would change the story)."""
    folder = folder.expanduser().resolve()
    taken = [name for name in (KEPT_CONFIG, KEPT_DATABASE) if (folder / name).exists()]
    if taken:
        raise FileExistsError(
            f"{folder} already holds {' and '.join(taken)} from an earlier demo: "
            "remove them or keep this demo in another folder"
        )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_kept_config(story: Path, folder: Path) -> Path:
    """The story's watchlist with the kept database as its store: the configuration the view
    commands (`monitor --config FOLDER/monitor.toml facts`) read the demo's findings with."""
    path = folder / KEPT_CONFIG
    watchlist = (story / "watchlist.toml").read_text(encoding="utf-8")
    path.write_text(
        f"# Written by `monitor demo --keep`: the watchlist of {story}, and the database the\n"
        "# demo filled. Its feeds were served on 127.0.0.1 while the demo ran and are gone;\n"
        f"# replay the snapshots with `monitor --config {shlex.quote(str(path))} replay "
        f"{shlex.quote(str(story.resolve() / 'timeline'))}`.\n\n"
        f'[storage]\nurl = "sqlite:///{folder / KEPT_DATABASE}"\n\n{watchlist}',
        encoding="utf-8",
    )
    return path


@asynccontextmanager
async def serve_web_view(
    daemon: Daemon, port: int, echo: Callable[[str], None]
) -> AsyncIterator[str]:
    """The daemon's pages on 127.0.0.1:`port` (any free port when that one is taken)."""
    from monitor.web.server import WebServer, make_app  # aiohttp only when serving

    config = daemon.config
    server = WebServer(make_app(daemon.store, daemon.health, lambda: config), "127.0.0.1", port)
    try:
        await server.start()
    except OSError:
        echo(f"(port {port} is taken: the web view uses a free port instead)")
        server = WebServer(make_app(daemon.store, daemon.health, lambda: config), "127.0.0.1", 0)
        await server.start()
    try:
        yield server.url + "/"
    finally:
        await server.stop()


async def until_interrupted() -> None:
    """Wait for Ctrl-C (SIGINT) or SIGTERM, then return normally."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


async def run_demo(
    story: Path | None,
    *,
    pause: float,
    echo: Callable[[str], None],
    serve: bool = False,
    port: int = DEMO_PORT,
    keep: Path | None = None,
) -> None:
    """Tell the story; the web view is up meanwhile and, with `serve`, after it until Ctrl-C.
    With `keep` (a folder from `prepare_keep`), the database and its configuration stay there."""
    story = find_story(story)
    timeline = Timeline(story / "timeline")
    kept_config = write_kept_config(story, keep) if keep is not None else None

    def show(alert: Alert) -> None:
        echo(render_console(alert))
        echo("")

    data_dir: AbstractContextManager[str] = (
        nullcontext(str(keep)) if keep else tempfile.TemporaryDirectory(prefix="monitor-demo-")
    )
    with (
        data_dir as tmp,
        serve_timeline(timeline) as url,
    ):
        config = demo_config(story, url, timeline.outlets, Path(tmp))
        echo(f"Serving {len(timeline.outlets)} outlets of the story '{story.name}' at {url}")
        async with (
            Daemon.open(config, on_alert=show) as daemon,
            serve_web_view(daemon, port, echo) as page,
        ):
            echo(f"Web view of the story: {page} (entities, stories, alerts, feeds)")
            for index, step in enumerate(timeline.steps):
                timeline.current = index
                echo(
                    f"=== Step {index + 1}/{len(timeline.steps)} ({step.name}): "
                    f"new snapshots from {', '.join(timeline.changed_outlets())}"
                )
                reports = await daemon.poll_round(all_feeds=True)
                counts = {
                    s: sum(r.status == s for r in reports) for s in ("new", "not_modified", "error")
                }
                echo(
                    f"    polled {len(reports)} feeds: {counts['new']} changed, "
                    f"{counts['not_modified']} not modified (304), {counts['error']} failed\n"
                )
                if index + 1 < len(timeline.steps):
                    await asyncio.sleep(pause)
            facts = daemon.store.current_facts()
            _print_facts(facts, echo)
            if serve:
                echo(f"\nServing the web view at {page} until Ctrl-C.")
                await until_interrupted()
            else:
                echo(
                    f"\nThe web view ({page}) stops with the demo; "
                    f"`{invoked_as()} demo --serve` keeps it."
                )
    _print_next_steps(kept_config, config, facts, echo)


def _print_facts(facts: list[CurrentFact], echo: Callable[[str], None]) -> None:
    echo(f"Done. {len(facts)} facts known at the end of the story:")
    for current in facts:
        backed = f"; {current.sources} independent sources" if current.sources > 1 else ""
        echo(f"  - {describe(current.fact.value)} ({source(current.fact)}{backed})")


def _print_next_steps(
    kept_config: Path | None, config: Config, facts: list[CurrentFact], echo: Callable[[str], None]
) -> None:
    """Commands that work exactly as printed, from the folder the demo was started in."""
    program = invoked_as()
    if kept_config is None:
        echo(
            "\nThe demo's database goes when it ends; to explore it afterwards with `facts`,"
            f" `stories` and `alerts`, keep it:\n  {program} demo --keep monitor-demo"
        )
        return
    base = f"{program} --config {shlex.quote(str(kept_config))}"
    configured = {entity.name for entity in config.entities}
    entities = [e for c in facts for e in fact_entities(c.fact.value) if e in configured]
    steps = ["facts", "stories", "alerts"]
    if entities:
        steps.insert(1, f"facts history {shlex.quote(entities[0])}")
    echo(f"\nThe database and its configuration are kept in {kept_config.parent}; explore them:")
    for step in steps:
        echo(f"  {base} {step}")


def invoked_as() -> str:
    """How to run this same `monitor` again, as a shell word: the path it was started by
    (`.venv/bin/monitor` under `make demo`), else `python -m monitor` with this Python."""
    if Path(sys.argv[0]).name == "monitor":
        return shlex.quote(sys.argv[0])
    return f"{shlex.quote(sys.executable)} -m monitor"
