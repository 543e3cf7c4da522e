"""Retention on a real database filled by replaying the seed story at injected times: old
articles and raw texts go; facts with their evidence, alerts, and the fact and story views
stay as they were; a second prune does nothing. On SQLite and on the real PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from end_to_end import run
from helpers import store_url
from sqlalchemy import text

from monitor.config import Config, load_config
from monitor.pipeline import Pipeline
from monitor.service import retention
from monitor.service.daemon import Daemon
from monitor.store import Pruned, Store

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "seeds" / "panjshir"
T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
T1 = T0 + timedelta(days=10)  # the second half of the story, ten days later
PRUNE_AT = T0 + timedelta(days=95)  # T0's articles are 95 days old, T1's 85


def story_config(
    tmp_path: Path, db_url: str, retention_days: str = "", *, new_articles: bool = True
) -> Path:
    watchlist = (STORY / "watchlist.toml").read_text(encoding="utf-8")
    if not new_articles:  # then only stories with facts worth an alert have an alert
        watchlist = watchlist.replace("new_articles = true", "new_articles = false")
    path = tmp_path / "monitor.toml"
    path.write_text(
        f'[storage]\nurl = "{db_url}"\n\n{retention_days}\n{watchlist}', encoding="utf-8"
    )
    return path


def replay_story(config: Config) -> Store:
    """Steps 01-03 fetched at T0, the rest at T1, through the real pipeline."""
    store = Store.open(config.database_url())
    pipeline = Pipeline(config, store)
    for step in sorted((STORY / "timeline").iterdir()):
        at = T0 if step.name <= "03" else T1
        for path in sorted(step.iterdir()):
            pipeline.replay_file(path, at)
    return store


def scalar(store: Store, sql: str) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar_one())


def alerts_without_outlets(store: Store) -> list[dict[str, Any]]:
    """Alerts as `monitor alerts --json` prints them, less the outlets of their story (those
    are read from the articles, which retention deletes)."""
    out = []
    for alert in store.alerts(limit=10_000):
        data = alert.to_json()
        data["story"] = data["story"] and data["story"]["id"]
        out.append(data)
    return out


@pytest.mark.parametrize("new_articles", [True, False])
def test_prune_keeps_facts_evidence_alerts_and_views(
    tmp_path: Path, db_url: str, new_articles: bool
) -> None:
    path = story_config(tmp_path, db_url, new_articles=new_articles)
    config = load_config(path)
    store = replay_story(config)
    old = scalar(store, f"SELECT count(*) FROM articles WHERE fetched_at < '{T1:%Y-%m-%d}'")
    recent = scalar(store, "SELECT count(*) FROM articles") - old
    facts_of_old = scalar(
        store,
        "SELECT count(*) FROM facts JOIN articles a ON a.id = facts.article_id"
        f" WHERE a.fetched_at < '{T1:%Y-%m-%d}'",
    )
    assert old > 0 and recent > 0 and facts_of_old > 0
    facts, current = store.facts(), store.current_facts()
    alerts = alerts_without_outlets(store)
    facts_view, facts_json = run(path, "facts").output, run(path, "facts", "--json").output
    stories_before = scalar(store, "SELECT count(*) FROM stories")
    limits = retention.cutoffs(config.retention, PRUNE_AT)  # defaults: 90 and 30 days

    planned = retention.prunable(store, limits)
    done = retention.prune(store, limits, batch=4)  # several batches

    assert done == planned
    assert (done.articles, done.texts) == (old, recent)
    assert done.stories == stories_before - scalar(store, "SELECT count(*) FROM stories")
    assert (done.stories > 0) is not new_articles  # every story has an alert, or not
    assert scalar(store, "SELECT count(*) FROM articles") == recent
    assert scalar(store, "SELECT count(*) FROM articles WHERE summary <> '' OR content <> ''") == 0
    assert scalar(store, "SELECT count(*) FROM articles WHERE title = ''") == 0
    for table in ("matches", "story_keys"):
        orphans = f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
        assert scalar(store, orphans) == 0, table
    assert scalar(store, "SELECT count(*) FROM facts WHERE article_id IS NULL") == facts_of_old
    assert (
        scalar(
            store,
            "SELECT count(*) FROM stories s WHERE NOT EXISTS"
            " (SELECT 1 FROM articles a WHERE a.story_id = s.id) AND NOT EXISTS"
            " (SELECT 1 FROM alerts l WHERE l.story_id = s.id) AND NOT EXISTS"
            " (SELECT 1 FROM facts f WHERE f.story_id = s.id)",
        )
        == 0
    )
    assert store.facts() == facts  # every observation, its evidence and its story
    assert store.current_facts() == current  # independent-story counts unchanged
    assert alerts_without_outlets(store) == alerts
    assert run(path, "facts").output == facts_view
    assert run(path, "facts", "--json").output == facts_json
    assert run(path, "stories").exit_code == 0
    assert run(path, "alerts").exit_code == 0

    assert retention.prune(store, limits, batch=4) == Pruned()  # a second prune: nothing
    assert retention.prunable(store, limits) == Pruned()
    store.close()


def test_zero_days_keep_everything(tmp_path: Path) -> None:
    path = story_config(
        tmp_path,
        store_url(tmp_path),
        "[retention]\narticles_days = 0\nraw_text_days = 0\n",
    )
    config = load_config(path)
    store = replay_story(config)
    articles = scalar(store, "SELECT count(*) FROM articles")

    limits = retention.cutoffs(config.retention, PRUNE_AT + timedelta(days=3650))

    assert limits == retention.Cutoffs(None, None)
    assert retention.prune(store, limits) == Pruned()
    assert scalar(store, "SELECT count(*) FROM articles") == articles
    assert "retention keeps everything" in run(path, "prune").output
    store.close()


def test_prune_command_dry_run_then_for_real(tmp_path: Path) -> None:
    """`monitor prune` on the real clock: the story was fetched in January, so with 90 days
    its articles are old now."""
    path = story_config(tmp_path, store_url(tmp_path))
    store = replay_story(load_config(path))
    articles = scalar(store, "SELECT count(*) FROM articles")
    store.close()

    dry = run(path, "prune", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert dry.output.startswith(f"would delete {articles} articles fetched before ")
    store = Store.open(store_url(tmp_path))
    assert scalar(store, "SELECT count(*) FROM articles") == articles  # nothing deleted
    store.close()

    real = run(path, "prune")
    assert real.output.startswith(f"deleted {articles} articles fetched before ")
    again = run(path, "prune")
    assert again.output.startswith("deleted 0 articles")
    assert "0 stories left empty; deleted the text of 0 more articles" in again.output


@pytest.mark.parametrize(
    ("days", "problem"),
    [
        ("articles_days = 7", "articles_days: 7 is too short; 0 (keep forever) or at least 14"),
        ("raw_text_days = 1", "raw_text_days: 1 is too short"),
        ("articles_days = -1", "articles_days: Input should be greater than or equal to 0"),
    ],
)
def test_retention_shorter_than_the_dedup_window_is_refused(
    tmp_path: Path, days: str, problem: str
) -> None:
    path = story_config(tmp_path, "sqlite://", f"[retention]\n{days}\n")
    result = run(path, "check-config")
    assert result.exit_code == 2
    assert f"retention.{problem}" in result.output or f"retention: {problem}" in result.output


def test_the_daemon_prunes_every_six_hours(tmp_path: Path) -> None:
    path = story_config(tmp_path, store_url(tmp_path))
    config = load_config(path)
    replay_story(config).close()  # fetched in January: old by the real clock
    daemon = Daemon.open(config)

    job = daemon._scheduler().get_job("prune")
    assert job is not None
    assert job.trigger.interval == timedelta(hours=6)
    asyncio.run(job.func())

    assert "prune" in daemon.jobs.succeeded_at
    assert scalar(daemon.store, "SELECT count(*) FROM articles") == 0
    assert scalar(daemon.store, "SELECT count(*) FROM facts") > 0
    daemon.store.close()
