"""The operator's commands: `monitor status` (the service at a glance) and `monitor prune`
(retention). Both open the database the daemon uses; `status` only reads it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from monitor.cli.context import Context, Failure, pass_ctx
from monitor.cli.errors import explain

if TYPE_CHECKING:
    from monitor.store import Store
    from monitor.store.readonly import ReadStore

NO_DATABASE = "no database yet (the daemon, `monitor poll` or `monitor replay` creates it)"


@contextmanager
def _explained(url: str) -> Iterator[None]:
    """A database failure as a one-line error naming the database (password hidden)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        yield
    except SQLAlchemyError as exc:
        raise Failure(explain(exc, url)) from None


@contextmanager
def _opened(url: str) -> Iterator[Store]:
    """The store, its schema brought up to date."""
    from monitor.store import Store

    with _explained(url):
        store = Store.open(url)
        try:
            yield store
        finally:
            store.close()


@contextmanager
def _reading(url: str) -> Iterator[ReadStore]:
    """The store's read side, neither created nor migrated: a reader beside a running daemon
    must not take the write lock that a migration check takes."""
    from monitor.store.db import create_db_engine
    from monitor.store.readonly import ReadStore

    with _explained(url):
        if _missing_file(url):
            raise Failure(f"database {safe_url(url)}: {NO_DATABASE}")
        store = ReadStore(create_db_engine(url))
        try:
            if problem := store.schema_problem():
                raise Failure(f"database {safe_url(url)}: {problem}")
            yield store
        finally:
            store.close()


def _missing_file(url: str) -> bool:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = parsed.database
    return parsed.get_backend_name() == "sqlite" and bool(name) and not Path(name or "").exists()


def safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object (shape in the README).")
@pass_ctx
def status(ctx: Context, as_json: bool) -> None:
    """The service at a glance: feeds by health (and the worst few), entries, stories, facts
    changed and alerts today (UTC), the outbox, the last feed check and the database.

    Reads the database only, so it is safe beside a running daemon."""
    from monitor.cli.status import collect, render_text, to_json

    url = ctx.config().database_url()
    with _reading(url) as store:
        report = collect(store, datetime.now(UTC), safe_url(url))
    click.echo(json.dumps(to_json(report), ensure_ascii=False) if as_json else render_text(report))


@click.command()
@click.option("--dry-run", is_flag=True, help="Count what would be deleted; delete nothing.")
@pass_ctx
def prune(ctx: Context, dry_run: bool) -> None:
    """Delete articles fetched more than [retention] articles_days ago (with their matches,
    index keys and stories nothing else refers to) and empty the text of those older than
    raw_text_days. Facts, their evidence and alerts are kept. The daemon does this by itself
    every few hours; this command is for doing it now."""
    from monitor.service import retention

    config = ctx.config()
    limits = retention.cutoffs(config.retention, datetime.now(UTC))
    if limits.articles_before is None and limits.texts_before is None:
        click.echo("retention keeps everything ([retention] articles_days = raw_text_days = 0)")
        return
    with _opened(config.database_url()) as store:
        done = retention.prunable(store, limits) if dry_run else retention.prune(store, limits)
    verb = "would delete" if dry_run else "deleted"
    click.echo(
        f"{verb} {done.articles} articles{_before(limits.articles_before)} and {done.stories}"
        f" stories left empty; {verb} the text of {done.texts} more"
        f" articles{_before(limits.texts_before)}"
    )


def _before(moment: datetime | None) -> str:
    return "" if moment is None else f" fetched before {moment:%Y-%m-%d %H:%M} UTC"


OPS = (status, prune)
