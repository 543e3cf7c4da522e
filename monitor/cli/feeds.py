"""`monitor feeds import | export | discover`: bringing feeds in from OPML lists and web pages,
and taking them out as OPML. `feeds_group` makes the `monitor feeds` listing a group of them."""

from __future__ import annotations

import inspect
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from monitor.cli.context import Context, Failure, pass_ctx

if TYPE_CHECKING:
    from monitor.config.service import PollingConfig
    from monitor.pipeline.discover import FoundFeed

MAX_REPORTED_XML_ERRORS = 5


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--append", is_flag=True, help="Append the feeds to the configuration file instead.")
@pass_ctx
def import_feeds(ctx: Context, path: Path, append: bool) -> None:
    """Read the feeds of an OPML subscription list (Miniflux, FreshRSS, Feedly, Inoreader,
    rss2email...) and print them as [[feeds]] entries, or append them to the configuration.

    Names come from the titles (ASCII, lower case, unique); folders are flattened. Outlines
    whose URL is invalid or already configured or listed (compared after canonicalisation)
    are skipped and reported on stderr with their line; exit 1 when no feed was imported."""
    from monitor.config.opml import OpmlError, feeds_toml, plan_import, read_opml

    try:
        outlines, recovered = read_opml(_read_limited(path))
    except OpmlError as exc:
        raise Failure(f"{path}: {exc}") from None
    plan = plan_import(outlines, _configured_feeds(ctx.config_path))
    for problem in recovered[:MAX_REPORTED_XML_ERRORS]:
        click.echo(f"{path}: not well-formed, read past: {problem}", err=True)
    reports = [(s.outline, f"skipped: {s.reason}") for s in plan.skipped]
    reports += [
        (f.outline, f"named {f.name!r} ({wanted!r} is taken)") for f, wanted in plan.renamed
    ]
    for outline, report in sorted(reports, key=lambda pair: pair[0].line):
        click.echo(f"{path}:{outline.line}: {outline.title!r}: {report}", err=True)
    summary = f"{len(plan.feeds)} feeds imported, {len(plan.skipped)} skipped"
    if not plan.feeds:
        raise Failure(f"{path}: no feed imported ({len(plan.skipped)} skipped)")
    blocks = feeds_toml(plan, path.name)
    if append:
        _append(ctx.config_path, blocks)
        click.echo(f"{ctx.config_path}: {summary}", err=True)
    else:
        click.echo(blocks, nl=False)
        click.echo(summary, err=True)


def _read_limited(path: Path) -> bytes:
    from monitor.config.opml import MAX_OPML_BYTES

    with path.open("rb") as handle:
        return handle.read(MAX_OPML_BYTES + 1)


def _configured_feeds(config_path: Path) -> list[tuple[str, str]]:
    """The (name, url) of each [[feeds]] entry, read from the TOML as written: importing needs
    no secrets and no valid watches, only the names and URLs to keep apart."""
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise Failure(f"{config_path}: cannot read the configuration: {exc}") from None
    feeds = raw.get("feeds", [])
    return [
        (str(f.get("name", "")), str(f.get("url", "")))
        for f in (feeds if isinstance(feeds, list) else [])
        if isinstance(f, dict)
    ]


def _append(config_path: Path, blocks: str) -> None:
    """Append to the configuration file (created if missing), after checking that the result
    is still valid TOML."""
    try:
        current = config_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = ""
    separator = "\n" if current.endswith("\n") or not current else "\n\n"
    addition = (separator if current else "") + blocks
    tomllib.loads(current + addition)  # our own output: a failure here is a bug, not bad input
    with config_path.open("a", encoding="utf-8") as handle:
        handle.write(addition)


@click.command("export")
@pass_ctx
def export_feeds(ctx: Context) -> None:
    """Print the enabled feeds of the configuration as OPML 2.0, for Miniflux, FreshRSS,
    Feedly or any reader that imports OPML. Titles are the feeds' own where the database
    knows them, else their names. URLs are printed as configured, secrets included."""
    from datetime import UTC, datetime

    from monitor.config.opml import ExportedFeed, export_opml

    config = ctx.config()
    titles = _stored_titles(config.database_url())
    feeds = [
        ExportedFeed(titles.get(feed.name) or feed.name, feed.url)
        for feed in config.feeds
        if feed.enabled
    ]
    sys.stdout.buffer.write(export_opml(feeds, datetime.now(UTC)))
    sys.stdout.flush()


def _stored_titles(database_url: str) -> dict[str, str]:
    """Feed titles as last read from each feed, from the database when there is one (never
    created or migrated here); nothing when there is none or it cannot be read."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        return {}
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT name, title FROM feeds"))
            return {str(name): str(title) for name, title in rows if title}
    except SQLAlchemyError:
        return {}
    finally:
        engine.dispose()


@click.command("discover")
@click.argument("url")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Let the page be on a loopback or private address (as a feed's allow_private).",
)
@pass_ctx
def discover_feeds(ctx: Context, url: str, allow_private: bool) -> None:
    """List the feeds a web page advertises (RSS, Atom and JSON Feed alternate links), with
    their titles, or say that URL is a feed itself. The page is fetched like a feed: the same
    address guard, size cap, deadline and redirect limit ([polling] settings)."""
    import asyncio

    from monitor.config.url import http_url_problem
    from monitor.pipeline.discover import FetchLimits, discover

    if problem := http_url_problem(url):
        raise Failure(f"{url}: {problem}")
    polling = _polling_settings(ctx)
    limits = FetchLimits(
        polling.timeout_seconds, polling.deadline, polling.max_body_bytes, polling.max_redirects
    )
    found = asyncio.run(discover(url, limits, allow_private=allow_private))
    if found.feed_kind is not None:
        title = f" {found.feed_title!r}" if found.feed_title else ""
        click.echo(
            f"{found.final_url} is a feed itself: {found.feed_kind}{title}, {found.entries} entries"
        )
        return
    if found.error is not None:
        hint = " (here: --allow-private)" if "allow_private" in found.error else ""
        raise Failure(f"{url}: {found.error}{hint}")
    _print_found(found.final_url, found.feeds)


def _polling_settings(ctx: Context) -> PollingConfig:
    """The [polling] settings of the configuration when there is one, else the defaults."""
    from monitor.config.service import PollingConfig

    if ctx.config_path.is_file():
        return ctx.config().polling
    return PollingConfig()


def _print_found(page: str, feeds: Sequence[FoundFeed]) -> None:
    click.echo(f"{page} advertises {len(feeds)} feed{'s' if len(feeds) != 1 else ''}:")
    for feed in feeds:
        title = f"  {feed.title}" if feed.title else ""
        click.echo(f"  {feed.kind:14} {feed.url}{title}")


FEED_COMMANDS = (import_feeds, export_feeds, discover_feeds)


def feeds_group(listing: click.Command) -> click.Group:
    """`monitor feeds` as a group: without a subcommand it is `listing` (with its options),
    with one it is import, export or discover."""

    @click.pass_context
    def run_listing(click_ctx: click.Context, /, **params: Any) -> None:
        if click_ctx.invoked_subcommand is None:
            click_ctx.invoke(listing, **params)

    group = click.Group(
        listing.name,
        commands=FEED_COMMANDS,
        invoke_without_command=True,
        params=listing.params,
        callback=run_listing,
        help=inspect.cleandoc(listing.help or "")
        + "\n\nimport, export and discover bring feeds in from OPML files and web pages and"
        " take them out as OPML.",
    )
    return group
