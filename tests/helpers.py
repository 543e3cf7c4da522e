"""Builders for the feeds and configurations that tests write (our own words, made by code)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path


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
    storage = f'url = "{database_url}"' if database_url else f'data_dir = "{tmp / "data"}"'
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
