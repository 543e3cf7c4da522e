"""The `monitor` command line."""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import click
from sqlalchemy.engine import make_url

from monitor import __version__
from monitor.alert.compose import describe, source
from monitor.alert.deliver import check_url, send
from monitor.alert.render import render, render_console
from monitor.config import Config, ConfigError, find_config, load_config
from monitor.daemon import Daemon
from monitor.dedup import canonical_url
from monitor.fetch import fetch, make_client
from monitor.fulltext import main_text
from monitor.parse import parse_feed
from monitor.pipeline import FeedReport, Pipeline, feed_name_for, utcnow
from monitor.query import explain as explain_match
from monitor.query import format_explanation
from monitor.records import FACT_KINDS, Alert, Entry, FeedTarget, fact_to_json
from monitor.store import FeedState, Store

LOG_FORMAT = "%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"


class Context:
    def __init__(self, config_path: Path | None) -> None:
        self.config_path = find_config(config_path)

    def config(self) -> Config:
        try:
            return load_config(self.config_path)
        except ConfigError as exc:
            click.echo(f"monitor: invalid configuration\n{exc}", err=True)
            sys.exit(2)

    def store(self) -> Store:
        return Store.open(self.config().database_url())


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
    help="Log verbosity on stderr (default: info for `run`, warning otherwise).",
)
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None, log_level: str | None) -> None:
    """Watch news feeds for a story and get alerted when its facts change.

    \b
    Typical use:
      monitor check-config          validate config/monitor.toml
      monitor notify-test email     send a test message to a channel
      monitor poll --once           check every feed once, print alerts, exit
      monitor run                   run the daemon in the foreground (Ctrl-C stops it)
      monitor demo                  see it work offline on a story from seeds/
    """
    default = "info" if ctx.invoked_subcommand == "run" else "warning"
    level = (log_level or default).upper()
    logging.basicConfig(level=level, format=LOG_FORMAT, stream=sys.stderr)
    if level != "DEBUG":  # a line per HTTP request or per job run drowns what matters
        for chatty in ("httpx", "apscheduler"):
            logging.getLogger(chatty).setLevel(logging.WARNING)
    ctx.obj = Context(config_path)


@main.command()
@pass_ctx
def run(ctx: Context) -> None:
    """Run the daemon in the foreground until Ctrl-C or SIGTERM.

    Feeds are checked when due (per-feed interval, backoff on errors); alerts are stored, then
    sent to their channels with retries."""
    config = ctx.config()

    async def main_loop() -> None:
        async with Daemon.open(config) as daemon:
            await daemon.run()

    asyncio.run(main_loop())


@main.command()
@click.option("--once", is_flag=True, help="Check every feed now, due or not.")
@pass_ctx
def poll(ctx: Context, once: bool) -> None:
    """Check feeds one time, print the alerts raised, send them, and exit.

    Without --once only the feeds whose check is due are checked."""
    config = ctx.config()

    async def one_round() -> list[FeedReport]:
        async with Daemon.open(config, on_alert=_print_alert) as daemon:
            return await daemon.poll_round(all_feeds=once)

    reports = asyncio.run(one_round())
    _print_summary(reports)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--deliver", is_flag=True, help="Also send the alerts to their channels.")
@pass_ctx
def replay(ctx: Context, paths: tuple[Path, ...], deliver: bool) -> None:
    """Process saved feed files as if they had just been fetched (no network).

    A folder is read recursively in sorted path order, so a timeline of snapshots
    (01/outlet.xml, 02/outlet.xml, ...) replays in order. The file name is the feed's name.
    Alerts are printed; with --deliver they are also sent."""
    config = ctx.config()
    store = Store.open(config.database_url())
    pipeline = Pipeline(config, store)
    reports = []
    for path in _feed_files(paths):
        report = pipeline.replay_file(path, utcnow(), queue=deliver)
        for alert in report.alerts:
            _print_alert(alert)
        if report.error:
            click.echo(f"monitor: {report.error}", err=True)
        reports.append(report)
    if deliver:
        asyncio.run(pipeline.deliver_due(utcnow()))
    store.close()
    _print_summary(reports)


def _feed_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
            )
        else:
            yield path


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed.")
@pass_ctx
def feeds(ctx: Context, as_json: bool) -> None:
    """Each feed: healthy, backing off (recent errors), failing (errors for longer than
    [health] failing_after_seconds), silent (nothing new for far longer than its usual rhythm)
    or disabled; last success, next check, current interval, items seen, last error."""
    store = ctx.store()
    for f in store.feeds():
        if as_json:
            click.echo(json.dumps(_feed_json(f), ensure_ascii=False))
            continue
        interval = _span(f.poll_interval_seconds or f.interval_seconds)
        click.echo(
            f"{f.name:24} {f.state:11} last ok {_when(f.last_success_at)}  "
            f"next {_when(f.next_check_at)}  every {interval:>5}  items {f.entries_seen:5}"
        )
        if f.last_error:
            click.echo(f"{'':24} last error ({f.error_count}x): {f.last_error}")
    store.close()


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "never"


def _span(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.3g}{unit}"
    return f"{seconds:.0f}s"


def _feed_json(feed: FeedState) -> dict[str, object]:
    return {**_jsonable(asdict(feed)), "state": feed.state}


@main.command()
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per fact (documented shape)."
)
@click.option("--kind", type=click.Choice(FACT_KINDS), help="Only facts of this kind.")
@click.option("--history", is_flag=True, help="Every observation, not only the current value.")
@pass_ctx
def facts(ctx: Context, as_json: bool, kind: str | None, history: bool) -> None:
    """What is known now: the newest value of each fact, with its evidence."""
    store = ctx.store()
    rows = [f for f, _c in store.facts(kind)] if history else store.current_facts()
    if kind and not history:
        rows = [f for f in rows if f.kind == kind]
    for fact in rows:
        if as_json:
            click.echo(json.dumps(fact_to_json(fact), ensure_ascii=False))
            continue
        ev = fact.evidence
        hedge = ", hedged" if ev.hedged else ""
        click.echo(f"{fact.kind:12} {describe(fact.value)}")
        click.echo(f"{'':12} {source(fact)}, {ev.published:%Y-%m-%d}{hedge}")
        click.echo(f'{"":12} "{ev.quote}" <{ev.article_url}>')
    store.close()


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alert.")
@click.option(
    "--status",
    type=click.Choice(["pending", "sent", "failed", "recorded"]),
    help="Only alerts in this state (recorded: stored, no channel).",
)
@click.option("--limit", default=50, show_default=True, help="How many of the newest alerts.")
@pass_ctx
def alerts(ctx: Context, as_json: bool, status: str | None, limit: int) -> None:
    """Alerts raised, newest last, with the state of each delivery."""
    store = ctx.store()
    for stored in store.alerts(status=status, limit=limit):
        if as_json:
            click.echo(json.dumps(stored.to_json(), ensure_ascii=False))
            continue
        click.echo(
            f"#{stored.id} {stored.created_at:%Y-%m-%d %H:%M} {render_console(stored.alert)}"
        )
        for channel, state, attempts, error in stored.deliveries:
            click.echo(
                f"    -> {channel}: {state} after {attempts} attempt(s)"
                + (f": {error}" if error else "")
            )
    store.close()


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@click.option("--limit", default=30, show_default=True, help="How many of the latest stories.")
@pass_ctx
def stories(ctx: Context, as_json: bool, limit: int) -> None:
    """Recent stories: each is one article however many outlets carried it, with the outlets
    that did (syndicated and lightly edited copies join the story; they do not alert again)."""
    store = ctx.store()
    for story in store.stories(limit):
        if as_json:
            data = {**asdict(story), "outlets": list(story.outlets)}
            click.echo(json.dumps(_jsonable(data), ensure_ascii=False))
            continue
        also = f", also reported by {len(story.outlets) - 1}" if len(story.outlets) > 1 else ""
        click.echo(f"#{story.id} {_when(story.updated_at)}  {story.title}")
        click.echo(f"    {story.articles} article(s){also}: {', '.join(story.outlets)}")
    store.close()


def _jsonable(data: dict[str, object]) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


@main.command()
@click.argument("target")
@pass_ctx
def explain(ctx: Context, target: str) -> None:
    """Show which watches match an entry, on which words and in which field, and for those
    that do not, what is missing or what excluded them.

    TARGET is the URL of a stored article, a saved feed file (every entry is explained), or an
    article page URL, which is fetched and read like a full-text feed."""
    config = ctx.config()
    store = Store.open(config.database_url())
    try:
        entries = _entries_to_explain(config, store, target)
        matcher = Pipeline(config, store).ingestor.matcher
    finally:
        store.close()
    for entry in entries:
        click.echo(f"== {entry.title or entry.url} ({entry.outlet})")
        click.echo(format_explanation(explain_match(matcher, entry)) + "\n")


def _entries_to_explain(config: Config, store: Store, target: str) -> list[Entry]:
    path = Path(target)
    if path.is_file():
        parsed = parse_feed(
            path.read_bytes(),
            feed=feed_name_for(path),
            url=path.resolve().as_uri(),
            fetched_at=utcnow(),
        )
        if parsed.error:
            raise click.ClickException(f"{path}: {parsed.error}")
        return list(parsed.entries)
    stored = store.article_entry(target, canonical_url(target))
    if stored is not None:
        return [stored]
    if not target.startswith(("http://", "https://")):
        raise click.ClickException(f"{target!r} is neither a file nor a URL")
    return [asyncio.run(_read_page(config, target))]


async def _read_page(config: Config, url: str) -> Entry:
    async with make_client(config.polling.timeout_seconds) as client:
        target = FeedTarget("explain", url, allow_private=config.polling.allow_private)
        result = await fetch(
            client,
            target,
            max_bytes=config.polling.max_body_bytes,
            deadline=config.polling.timeout_seconds * 2,
        )
    if not result.ok or result.body is None:
        raise click.ClickException(f"{url}: {result.error}")
    text = main_text(result.body, url)
    if text is None:
        raise click.ClickException(f"{url}: no article text found on the page")
    title = text.split("\n", 1)[0]
    return Entry("explain", urlsplit(url).hostname or url, url, url, title, "", text, utcnow())


@main.command("check-config")
@pass_ctx
def check_config(ctx: Context) -> None:
    """Validate the configuration without running anything; exit 2 on errors."""
    config = ctx.config()
    problems = [
        f"channels (name = {c.name!r}).url: {err}"
        for c in config.channels
        if (err := check_url(c.url))
    ]
    if problems:
        click.echo(
            "monitor: invalid configuration\n"
            + "\n".join(f"{ctx.config_path}: {p}" for p in problems),
            err=True,
        )
        sys.exit(2)
    click.echo(
        f"{ctx.config_path}: OK — {len(config.feeds)} feeds, {len(config.entities)} "
        f"entities, {len(config.watches)} watches, {len(config.channels)} channels; "
        f"database {_safe_url(config.database_url())}"
    )


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


@main.command("notify-test")
@click.argument("channel")
@pass_ctx
def notify_test(ctx: Context, channel: str) -> None:
    """Send a test alert to CHANNEL now, and say whether it was accepted."""
    config = ctx.config()
    try:
        target = config.channel(channel)
    except KeyError:
        names = ", ".join(c.name for c in config.channels) or "none"
        raise click.ClickException(f"no channel named {channel!r} (configured: {names})") from None
    alert = Alert(
        kind="new_article",
        watch="notify-test",
        title="Test alert from monitor",
        body="If you can read this, the channel works.",
        channels=(channel,),
    )
    result = send(target.url, render(alert, target.format))
    if not result.ok:
        raise click.ClickException(f"channel {channel!r}: {result.error}")
    click.echo(f"channel {channel!r}: test alert accepted")


@main.command()
@click.option("--pause", default=2.0, show_default=True, help="Seconds between timeline steps.")
@click.option(
    "--seeds",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A seeds story folder (default: the bundled Panjshir story).",
)
def demo(pause: float, seeds: Path | None) -> None:
    """Watch a story unfold offline: serve seeds/ snapshots on 127.0.0.1 and let the daemon
    poll them step by step, printing alerts as they fire."""
    from monitor.demo import run_demo

    asyncio.run(run_demo(seeds, pause=pause, echo=click.echo))


def _print_alert(alert: Alert) -> None:
    click.echo(render_console(alert) + "\n")


def _print_summary(reports: list[FeedReport]) -> None:
    failed = [r for r in reports if r.status == "error"]
    alerts = sum(len(r.alerts) for r in reports)
    new = sum(r.new_entries for r in reports)
    click.echo(
        f"{len(reports)} feeds checked, {new} new entries, {alerts} alerts, {len(failed)} failed",
        err=True,
    )
    for report in failed:
        click.echo(f"  {report.feed}: {report.error}", err=True)
