"""The `monitor` command line."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from monitor import __version__
from monitor.alert.samples import SAMPLES
from monitor.cli.context import Context, Failure, pass_ctx
from monitor.cli.errors import StoreErrorsGroup
from monitor.cli.feeds import feeds_group
from monitor.cli.ops import OPS
from monitor.cli.summary import print_summary
from monitor.cli.views import VIEWS

# The read-only views (and their small subcommands): a few queries, then exit (see `console`).
QUICK_COMMANDS = frozenset({"status", "feeds", "facts", "stories", "alerts"})

# Each command imports what it runs (the daemon, the pipeline, the store, apprise...) when it
# runs, so that `monitor --help` and the read-only views start at once
# (tests/cli/test_cli_imports.py).
if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.records import Alert
    from monitor.service.daemon import Round


@click.group(
    cls=StoreErrorsGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--config",
    "-c",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Configuration file. Default: $MONITOR_CONFIG, else ./config/monitor.toml, "
    "else /etc/monitor/monitor.toml.",
)
@click.option(
    "--log-level",
    default=None,
    type=click.Choice(["debug", "info", "warning", "error"]),
    help="Log verbosity on stderr (default: `run` takes [logging] level, else warning).",
)
@click.option(
    "--log-format",
    default=None,
    type=click.Choice(["logfmt", "json"]),
    help="Log lines as key=value (logfmt) or JSON (default: `run` takes [logging] format).",
)
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def main(
    ctx: click.Context, config_path: Path | None, log_level: str | None, log_format: str | None
) -> None:
    """Watch news feeds for a story and get alerted when its facts change.

    \b
    Typical use:
      monitor check-config          validate config/monitor.toml
      monitor notify-test email     send a test message to a channel
      monitor poll --once           check every feed once, print alerts, exit
      monitor run                   run the daemon in the foreground (Ctrl-C stops it)
      monitor demo                  see it work offline on a story from seeds/
    """
    from monitor.logs.levels import configure_deferred

    if ctx.invoked_subcommand not in QUICK_COMMANDS:
        gc.enable()
    default = "info" if ctx.invoked_subcommand == "run" else "warning"
    configure_deferred(log_level or default, log_format or "logfmt")  # type: ignore[arg-type]
    ctx.obj = Context(config_path)


@main.command()
@pass_ctx
def run(ctx: Context) -> None:
    """Run the daemon in the foreground until Ctrl-C or SIGTERM.

    Feeds are checked when due (per-feed interval, backoff on errors); alerts are stored, then
    sent to their channels with retries. SIGHUP reloads the configuration file (a file with
    errors is rejected and the running configuration kept); SIGTERM lets in-flight work finish
    for up to [daemon] shutdown_grace_seconds. Under systemd (Type=notify) it reports readiness,
    status and, while healthy, feeds the watchdog."""
    import asyncio

    from monitor.logs.events import configure as configure_logging
    from monitor.service.daemon import Daemon

    config = _checked_config(ctx)
    flags = click.get_current_context().find_root().params
    configure_logging(
        flags["log_level"] or config.logging.level, flags["log_format"] or config.logging.format
    )

    async def main_loop() -> None:
        async with Daemon.open(config) as daemon:
            await daemon.run(config_path=ctx.config_path)

    asyncio.run(main_loop())


@main.command()
@click.option("--once", is_flag=True, help="Check every feed now, due or not.")
@pass_ctx
def poll(ctx: Context, once: bool) -> None:
    """Check feeds one time, print the alerts raised, send them, and exit.

    Without --once only the feeds whose check is due are checked."""
    import asyncio

    from monitor.service.daemon import Daemon

    config = _checked_config(ctx)

    async def one_round() -> Round:
        async with Daemon.open(config, on_alert=_print_alert) as daemon:
            return await daemon.poll_once(all_feeds=once)

    done = asyncio.run(one_round())
    sys.exit(print_summary(done.reports, done.deliveries, done.queued))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--deliver", is_flag=True, help="Also send the alerts to their channels.")
@click.option(
    "--facts-json",
    is_flag=True,
    help="Print the facts read during the replay (one JSON object each, with the change the "
    "diff made: new, changed, corroborated, contested, superseded) instead of alerts.",
)
@pass_ctx
def replay(ctx: Context, paths: tuple[Path, ...], deliver: bool, facts_json: bool) -> None:
    """Process saved feed files as if they had just been fetched (no network).

    A folder is read recursively in sorted path order, so a timeline of snapshots
    (01/outlet.xml, 02/outlet.xml, ...) replays in order. The file name is the feed's name.
    Alerts are printed; with --deliver they are also sent."""
    import asyncio

    from monitor.pipeline import Pipeline, utcnow
    from monitor.records import fact_to_json
    from monitor.store import Store

    config = ctx.config()
    store = Store.open(config.database_url())
    pipeline = Pipeline(config, store)
    reports = []
    started = utcnow()
    for path in _feed_files(paths):
        report = pipeline.replay_file(path, utcnow(), queue=deliver)
        for alert in [] if facts_json else report.alerts:
            _print_alert(alert)
        if report.error:
            click.echo(f"monitor: {report.error}", err=True)
        reports.append(report)
    deliveries, queued = [], 0
    if deliver:
        deliveries = asyncio.run(pipeline.deliver_due(utcnow(), until_empty=True))
        counts = store.delivery_counts()
        queued = counts.get("pending", 0) + counts.get("sending", 0)
    if facts_json:
        for record in store.facts():
            if record.fact.evidence.observed_at >= started:
                data = {**fact_to_json(record.fact), "change": record.change}
                click.echo(json.dumps(data, ensure_ascii=False))
    store.close()
    sys.exit(print_summary(reports, deliveries, queued))


def _feed_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


@main.command("check-config")
@click.option(
    "--offline",
    is_flag=True,
    help="For a file checked away from where it runs: channel secrets may be missing (a warning,"
    " not an error) and no database server is contacted.",
)
@pass_ctx
def check_config(ctx: Context, offline: bool) -> None:
    """Validate the configuration, the channel URLs and their secrets, the data directory and
    the database (SQLite: PRAGMA quick_check; a server: a connection) without running
    anything; exit 2 on errors."""
    from monitor.config.check import check

    findings = check(ctx.config(), ctx.config_path, offline=offline)
    for finding in findings:
        prefix = {"ok": "", "warning": "warning: ", "error": "monitor: "}[finding.level]
        click.echo(prefix + finding.text, err=finding.level == "error")
    if any(finding.level == "error" for finding in findings):
        sys.exit(2)


def _checked_config(ctx: Context) -> Config:
    """The configuration for `poll` and `run`: no feeds, or a channel URL apprise cannot use,
    is a configuration error (exit 2) before anything runs, never a silent no-op later. A
    channel whose secrets are not set is only warned about: its sends fail naming them."""
    from monitor.config.check import missing_secret_warnings, startup_problems

    config = ctx.config()
    if problems := startup_problems(config):
        click.echo(
            "monitor: invalid configuration\n"
            + "\n".join(f"{ctx.config_path}: {p}" for p in problems),
            err=True,
        )
        sys.exit(2)
    for warning in missing_secret_warnings(config):
        click.echo(f"monitor: warning: {warning}", err=True)
    return config


@main.command("notify-test")
@click.argument("channel")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice([a.kind for a in SAMPLES]),
    help="Send only this kind of sample (repeatable). Default: one of each kind.",
)
@pass_ctx
def notify_test(ctx: Context, channel: str, kinds: tuple[str, ...]) -> None:
    """Send CHANNEL a sample alert of each kind, rendered exactly as that channel gets real
    ones (its style and templates), and say which were accepted; exit 1 if any was not."""
    from monitor.alert.deliver import send
    from monitor.alert.render import render_for
    from monitor.alert.samples import notify_test_samples

    config = ctx.config()
    try:
        target = config.channel(channel)
    except KeyError:
        names = ", ".join(c.name for c in config.channels) or "none"
        raise Failure(f"no channel named {channel!r} (configured: {names})") from None
    if target.unusable_reason:
        raise Failure(f"{target.unusable_reason}; nothing was sent")
    samples = notify_test_samples(channel, kinds)
    failed = 0
    for alert in samples:
        result = send(target.url, render_for(alert, target, config.template_dir(target)))
        if result.ok:
            click.echo(f"channel {channel!r}: {alert.kind} test alert accepted")
        else:
            failed += 1
            click.echo(
                f"channel {channel!r}: {alert.kind} test alert failed: {result.error}", err=True
            )
    if failed:
        raise Failure(f"channel {channel!r}: {failed} of {len(samples)} not accepted")


@main.command()
@click.option("--pause", default=2.0, show_default=True, help="Seconds between timeline steps.")
@click.option(
    "--seeds",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A seeds story folder (default: the bundled Panjshir story).",
)
@click.option(
    "--serve", is_flag=True, help="Keep serving the web view after the story, until Ctrl-C."
)
@click.option("--port", default=8787, show_default=True, help="Port of the web view on 127.0.0.1.")
@click.option(
    "--keep",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Leave the database and its configuration in this folder, for `monitor --config "
    "DIR/monitor.toml facts` (stories, alerts...).",
)
def demo(pause: float, seeds: Path | None, serve: bool, port: int, keep: Path | None) -> None:
    """Watch a story unfold offline: serve seeds/ snapshots on 127.0.0.1 and let the daemon
    poll them step by step, printing alerts as they fire. The web view (entities, stories,
    alerts, feeds) is served meanwhile on 127.0.0.1, and with --serve afterwards too."""
    import asyncio

    from monitor.cli.demo import find_story, prepare_keep, run_demo

    try:
        story = find_story(seeds)
        folder = prepare_keep(keep) if keep is not None else None
    except (FileNotFoundError, FileExistsError) as exc:
        raise Failure(str(exc)) from None
    asyncio.run(run_demo(story, pause=pause, echo=click.echo, serve=serve, port=port, keep=folder))


def console() -> None:
    """The `monitor` script (and `python -m monitor`): `main` in a process of its own.

    Starting a command creates thousands of classes and functions (click, pydantic, SQLAlchemy)
    and no garbage, yet the cycle collector walks them again and again as they arrive, and all
    of them once more when the interpreter exits. So collection is paused while the command
    line starts, stays paused for the quick read-only views, and is back on (`main`) for every
    other command; at exit, what is alive is frozen, which the last collection skips. For a
    view that is about a quarter of its CPU (benchmarks/bench_startup.py)."""
    gc.disable()
    try:
        main()
    finally:
        gc.freeze()


def _print_alert(alert: Alert) -> None:
    from monitor.alert.render import render_console

    click.echo(render_console(alert) + "\n")


for view in (*VIEWS, *OPS):
    main.add_command(view)
main.add_command(feeds_group(main.commands["feeds"]))
