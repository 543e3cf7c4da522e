"""Builders for the feeds and configurations that tests write (our own words, made by code)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

import sqlalchemy
from postgres_support import SCHEMAS

BACKENDS = ("sqlite", "postgresql")
# The one switch between the two runs of the suite: `MONITOR_TEST_BACKEND=postgresql` puts
# every test's database in a fresh schema on the PostgreSQL server instead of a SQLite file.
BACKEND = os.environ.get("MONITOR_TEST_BACKEND") or "sqlite"
if BACKEND not in BACKENDS:
    raise RuntimeError(f"MONITOR_TEST_BACKEND={BACKEND!r}: expected one of {', '.join(BACKENDS)}")

# Why a test's SQLite case is skipped on the PostgreSQL run (pytest.mark.sqlite_only(BOTH)).
BOTH = "the SQLite case of a test that runs on both backends; its PostgreSQL case runs"


def store_url(tmp: Path) -> str:
    """The database of the test whose state lives in `tmp`: the SQLite file that
    `data_dir = "<tmp>/data"` gives, or on the PostgreSQL run a schema of its own (the same
    one on every call with the same directory)."""
    if BACKEND == "postgresql":
        return SCHEMAS.url_for(tmp)
    return f"sqlite:///{tmp / 'data' / 'monitor.sqlite3'}"


def stored_rows(url: str, sql: str, **params: object) -> list[tuple[Any, ...]]:
    """Rows read with SQL of our own (named :params), not through monitor's queries, from the
    database at `url`, whichever backend it is on."""
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(sqlalchemy.text(sql), params)]
    finally:
        engine.dispose()


def storage_table(tmp: Path) -> dict[str, str]:
    """A [storage] table pointing at `store_url(tmp)`; on SQLite it names the data directory,
    as a user's configuration would."""
    if BACKEND == "postgresql":
        return {"url": store_url(tmp)}
    return {"data_dir": str(tmp / "data")}


def storage_toml(tmp: Path) -> str:
    """`storage_table(tmp)` as the body of a TOML [storage] table."""
    return "".join(f'{key} = "{value}"\n' for key, value in storage_table(tmp).items())


@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    body: str
    link: str
    published: datetime = datetime(2021, 9, 1, 8, 0, tzinfo=UTC)


def rss(title: str, items: Sequence[Item]) -> str:
    entries = "".join(
        f"""
    <item>
      <title>{escape(i.title)}</title>
      <link>{escape(i.link)}</link>
      <guid isPermaLink="false">{escape(i.guid)}</guid>
      <pubDate>{format_datetime(i.published)}</pubDate>
      <description>{escape("<p>" + i.body + "</p>")}</description>
    </item>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>{escape(title)}</title>
    <link>https://news.example.org/</link>
    <description>Test outlet</description>{entries}
  </channel>
</rss>
"""


WATCHLIST = """
[[entities]]
name = "National Resistance Front"
kind = "group"
aliases = ["NRF", "Northern Alliance"]

[[entities]]
name = "Panjshir"
kind = "place"
aliases = ["Panjsher", "Panjshir valley"]

[[entities]]
name = "Amrullah Saleh"
kind = "person"
aliases = ["Amrullah Salih"]

[[entities]]
name = "Taliban"
kind = "group"
aliases = ["Taleban"]

[[watches]]
name = "panjshir"
entities = ["Panjshir", "National Resistance Front", "Amrullah Saleh"]
require = ["Afghanistan", "Taliban", "Kabul"]
facts = ["force_size", "leadership"]
new_articles = true
channels = {channels}
"""


def write_config(
    tmp: Path,
    feeds: dict[str, str],
    *,
    channels: dict[str, str] | None = None,
    extra: str = "",
    database_url: str | None = None,
) -> Path:
    """A complete config file: storage in `tmp`, the given feeds (name -> URL), the watchlist
    above, and channels (name -> apprise URL)."""
    channels = channels or {}
    storage = f'url = "{database_url}"' if database_url else storage_toml(tmp)
    parts = [
        f"[storage]\n{storage}\n",
        "[polling]\nallow_private = true\ntimeout_seconds = 5\n",
    ]
    parts += [f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in feeds.items()]
    parts.append(WATCHLIST.replace("{channels}", str(list(channels)).replace("'", '"')))
    parts += [
        f'[[channels]]\nname = "{n}"\nurl = "{u}"\nformat = "html"\n' for n, u in channels.items()
    ]
    parts.append(extra)
    path = tmp / "monitor.toml"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
