"""The read-only commands: what the store knows about feeds, stories, facts and alerts, and
why a watch matched an entry."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING

import click

from monitor.cli.alerts import alerts
from monitor.cli.context import Context, Failure, pass_ctx
from monitor.records import FACT_KINDS, fact_entities, fact_to_json

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.store import FeedState


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed.")
@pass_ctx
def feeds(ctx: Context, as_json: bool) -> None:
    """Each feed: healthy, backing off (recent errors), failing (errors for longer than
    [health] failing_after_seconds), silent (nothing new for far longer than its usual rhythm)
    or disabled; last success, next check, current interval, items seen, last error."""
    store = ctx.read_store()
    for f in store.feeds():
        if as_json:
            click.echo(json.dumps(_feed_json(f), ensure_ascii=False))
            continue
        interval = _span(f.poll_interval_seconds or f.interval_seconds)
        click.echo(
            f"{f.name:24} {f.state:11} last ok {_when(f.last_success_at)}  "
            f"next {_when(f.next_check_at)}  every {interval:>5}  items {f.entries_seen:5}"
        )
        if f.last_error and not f.error_count:  # a success's note on what was repaired
            click.echo(f"{'':24} notice: {f.last_error}")
        elif f.last_error:
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


@click.group(invoke_without_command=True)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per fact (documented shape)."
)
@click.option("--kind", type=click.Choice(FACT_KINDS), help="Only facts of this kind.")
@click.pass_context
def facts(click_ctx: click.Context, as_json: bool, kind: str | None) -> None:
    """What is known now: the value in force of each fact, with its evidence and how many
    independent stories back it (syndicated copies count once).

    `monitor facts history ENTITY` prints how the facts about one entity developed."""
    if click_ctx.invoked_subcommand is not None:
        return
    from monitor.alert.compose import describe, source

    store = click_ctx.find_object(Context).read_store()  # type: ignore[union-attr]
    for current in store.current_facts():
        fact = current.fact
        if kind and fact.kind != kind:
            continue
        if as_json:
            click.echo(json.dumps(fact_to_json(fact), ensure_ascii=False))
            continue
        ev = fact.evidence
        hedge = ", hedged" if ev.hedged else ""
        backed = f", {current.sources} independent sources" if current.sources > 1 else ""
        click.echo(f"{fact.kind:12} {describe(fact.value)}")
        click.echo(f"{'':12} {source(fact)}, {ev.published:%Y-%m-%d}{hedge}{backed}")
        click.echo(f'{"":12} "{ev.quote}" <{ev.article_url}>')
    store.close()


@facts.command("history")
@click.argument("entity")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per observation.")
@pass_ctx
def facts_history(ctx: Context, entity: str, as_json: bool) -> None:
    """The timeline of the facts about ENTITY (a configured name or alias): every observation,
    oldest first, with what it did (new, changed, corroborated, contested, superseded) and its
    source."""
    from monitor.alert.compose import describe, source

    config = ctx.config()
    name = _entity_name(config, entity)
    store = ctx.read_store()
    for record in store.facts():
        fact = record.fact
        if name not in fact_entities(fact.value):
            continue
        if as_json:
            data = {**fact_to_json(fact), "change": record.change, "story": record.story_id}
            click.echo(json.dumps(data, ensure_ascii=False))
            continue
        ev = fact.evidence
        click.echo(f"{ev.published:%Y-%m-%d %H:%M}  {record.change:12} {describe(fact.value)}")
        click.echo(f'{"":17} {source(fact)}: "{ev.quote}" <{ev.article_url}>')
    store.close()


def _entity_name(config: Config, given: str) -> str:
    wanted = given.casefold()
    for entity in config.entities:
        if wanted in (n.casefold() for n in (entity.name, *entity.aliases)):
            return entity.name
    names = ", ".join(e.name for e in config.entities) or "none"
    raise Failure(f"no entity named {given!r} (configured: {names})")


@click.command()
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


@click.command()
@click.argument("target")
@pass_ctx
def explain(ctx: Context, target: str) -> None:
    """Show which watches match an entry, on which words and in which field, and for those
    that do not, what is missing or what excluded them.

    TARGET is the URL of a stored article, a saved feed file (every entry is explained), or an
    article page URL, which is fetched and read like a full-text feed."""
    from monitor.pipeline.explain import ExplainError, explain_target

    try:
        explained = explain_target(ctx.config(), target)
    except ExplainError as error:
        raise Failure(str(error)) from None
    for entry, explanation in explained:
        click.echo(f"== {entry.title or entry.url} ({entry.outlet})")
        click.echo(explanation + "\n")


VIEWS = (feeds, facts, alerts, stories, explain)
