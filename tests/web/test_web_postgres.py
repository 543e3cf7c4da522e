"""The web view's read queries on the real PostgreSQL server (a schema of its own): the seeds
timeline replayed into it, then the pages served from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from postgres_support import postgres_schema
from web_pages import STORY, serving

from monitor.cli import main
from monitor.config import load_config
from monitor.store import Store
from monitor.store.views import alert_log, facts_mentioning, mentions_of, story_details
from monitor.web.views import concerns, entity_page

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def test_pages_read_the_same_story_from_postgres(tmp_path: Path, pg_url: str) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(
        f'[storage]\nurl = "{pg_url}"\n\n' + (STORY / "watchlist.toml").read_text("utf-8"),
        encoding="utf-8",
    )
    replay = ["--config", str(path), "replay", str(STORY / "timeline")]
    assert CliRunner().invoke(main, replay, catch_exceptions=False).exit_code == 0
    config = load_config(path)
    store = Store.open(config.database_url())
    try:
        everything = store.current_facts()
        for entity in config.entities:
            page = entity_page(config, entity, facts_mentioning(store, [entity.name]))
            expected = [c for c in everything if concerns(c.fact, entity.name)]
            assert sorted(map(repr, page.current)) == sorted(map(repr, expected)), entity.name
        assert mentions_of(store, "Panjshir")[0] > 0
        assert len(story_details(store)) == 16
        assert len(alert_log(store)) == len(store.alerts(limit=1000))
    finally:
        store.close()
    with serving(config) as base:
        served = httpx.get(base + "/entities/Panjshir", trust_env=False, timeout=30)
    assert served.status_code == 200 and "<h2>Control of Panjshir</h2>" in served.text
