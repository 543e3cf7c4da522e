"""A database filled by replaying the seeds story plus a hostile feed, and the web view served
over it on 127.0.0.1, for the page tests on every backend and in the browser."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path

from click.testing import CliRunner
from feed_server import feed_server
from helpers import Item, rss, storage_toml, store_url, stored_rows
from smtp_server import closed_port, smtp_server

from monitor.cli import main
from monitor.config import Config, load_config
from monitor.service.daemon import Daemon
from monitor.store import Store
from monitor.web.server import WebServer, make_app

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "seeds" / "panjshir"
PASSWORD = "Sekr3t-Passw0rd"
SENDER = "web-view-sender-7c1"  # user names of channel URLs are masked in logs from then on
FEED_TOKEN = "feedtoken-81f3c2"
HOSTILE_TITLE = "Taliban near Panjshir <script>window.__pwned = 1</script>"
HOSTILE_OUTLET = "Hostile </script><script>window.__pwned = 5</script> Wire"
HOSTILE_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{escape(HOSTILE_OUTLET)}</title>
<link>https://hostile.example/</link>
<description>Feed content is hostile input</description>
<item><title>{escape(HOSTILE_TITLE)}</title>
<link>javascript:window.__pwned=3</link><guid isPermaLink="false">hostile-1</guid>
<pubDate>Thu, 09 Sep 2021 08:00:00 GMT</pubDate>
<description>&lt;p&gt;KABUL: The National Resistance Front has about 4,000 fighters in the
Panjshir valley &amp;lt;script&amp;gt;window.__pwned = 4&amp;lt;/script&amp;gt;, a commander
said in Afghanistan.&lt;/p&gt;</description></item>
</channel></rss>
"""


@dataclass(frozen=True)
class Filled:
    config: Config
    database: str  # its URL
    secrets: tuple[str, ...]  # what no page may show


def fill_database(tmp: Path) -> Filled:
    """Replay the story with delivery to three channels, then the hostile feed, then one poll
    round over a healthy and a broken feed."""
    watchlist = (STORY / "watchlist.toml").read_text(encoding="utf-8")
    watchlist = watchlist.replace("channels = []", 'channels = ["desk", "pager", "morning"]')
    hostile = tmp / "hostile-wire.xml"
    hostile.write_text(HOSTILE_FEED, encoding="utf-8")
    with smtp_server(credentials=(SENDER, PASSWORD)) as (host, port, messages):
        pager = f"mailto://{SENDER}:{PASSWORD}@127.0.0.1:{closed_port()}?from=a@example.org&to=b@example.org"
        desk = f"mailto://{SENDER}:{PASSWORD}@{host}:{port}?from=a@example.org&to=desk@example.org"
        channels = (
            f'[[channels]]\nname = "desk"\nurl = "{desk}"\n\n'
            f'[[channels]]\nname = "pager"\nurl = "{pager}"\n\n'
            f'[[channels]]\nname = "morning"\nurl = "{desk}"\ndigest = "daily 07:00"\n'
        )
        path = tmp / "monitor.toml"
        path.write_text(
            f"[storage]\n{storage_toml(tmp)}\n[delivery]\nmax_attempts = 1\n\n"
            + watchlist
            + "\n"
            + channels,
            encoding="utf-8",
        )
        args = ["--config", str(path), "replay", "--deliver", str(STORY / "timeline"), str(hostile)]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        # the pager's server is down: its sends fail for good, which replay reports and exits 1
        assert result.exit_code == 1 and " failed for good" in result.output, result.output
        assert messages, "nothing reached the SMTP server"
    with feed_server() as server:
        calm = rss("Calm Wire", [Item("c1", "Markets", "Rain.", "https://calm.example/1")])
        ok = server.set("wire.xml", calm)
        broken = server.url("broken.xml") + f"?token={FEED_TOKEN}"  # a 404
        with path.open("a", encoding="utf-8") as config_file:
            for name, url in (("calm", ok), ("broken", broken)):
                config_file.write(f'\n[[feeds]]\nname = "{name}"\nurl = "{url}"\n')
        config = load_config(path)

        async def poll() -> None:
            async with Daemon.open(config) as daemon:
                await daemon.poll_round(all_feeds=True)

        asyncio.run(poll())
    return Filled(config, store_url(tmp), (PASSWORD, FEED_TOKEN, pager, desk))


@contextmanager
def serving(config: Config) -> Iterator[str]:
    """The application with its pages on 127.0.0.1 (a free port), from its own thread and
    event loop; yields the base URL."""
    store = Store.open(config.database_url())
    loop = asyncio.new_event_loop()
    server = WebServer(make_app(store, _healthy, lambda: config), "127.0.0.1", 0)
    ready = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(server.start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(30), "the web server did not start"
    try:
        yield server.url
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(30)
        loop.close()
        store.close()


def count(database: str, sql: str, **params: object) -> int:
    [(counted,)] = stored_rows(database, sql, **params)
    return int(counted)


async def _healthy() -> _Healthy:
    return _Healthy()


class _Healthy:
    problem: str | None = None
