"""The feed items of the end-to-end story (a first report, a later one, an unrelated one), the
article page of a full-text feed, and `run`, the command line as a user calls it."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from click.testing import CliRunner, Result
from helpers import Item

from monitor.cli import main

FIRST = Item(
    guid="wire-1001",
    title="Resistance digs in as Taliban close on Panjshir",
    body=(
        "Fighters loyal to the National Resistance Front have gathered in the Panjshir valley, "
        "north of Kabul. The number of fighters with the National Resistance Front does not "
        "exceed 2,500, according to a former Afghan army officer. The 32-year-old commander "
        "said supplies would last for weeks."
    ),
    link="https://wire.example.com/world/panjshir-resistance?utm_source=rss&utm_medium=feed",
    published=datetime(2021, 8, 20, 9, 30, tzinfo=UTC),
)
UNRELATED = Item(
    guid="wire-1002",
    title="Central bank holds rates steady",
    body="The bank kept its main rate at 2 percent, citing slowing growth in the region.",
    link="https://wire.example.com/business/rates",
    published=datetime(2021, 8, 20, 10, 0, tzinfo=UTC),
)
LATER = Item(
    guid="wire-1010",
    title="Panjshir resistance says its ranks have swelled",
    body=(
        "The National Resistance Front now has about 9,000 fighters in the Panjshir valley, "
        "its spokesman said on Tuesday, as Taliban units gathered at the mouth of the valley."
    ),
    link="https://wire.example.com/world/panjshir-ranks",
    published=datetime(2021, 8, 31, 7, 0, tzinfo=UTC),
)
ARTICLE_PAGE = """<!doctype html><html><head><title>Resistance digs in</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Resistance digs in as Taliban close on Panjshir</h1>
<p>Fighters loyal to the National Resistance Front have gathered in the Panjshir valley, north
of Kabul, as Taliban units moved into neighbouring districts on Sunday.</p>
<p>The National Resistance Front now has about 7,000 fighters, a spokesman for the group said
by telephone, a figure that could not be independently verified.</p>
<p>Residents said shops in the valley had stayed open and that food prices were stable.</p>
</article><aside>Most read: Central bank holds rates steady</aside>
<footer>Copyright Example Wire</footer></body></html>"""
SECOND = Item(
    guid="valley-77",
    title="Supply lines into the valley tighten",
    body="Traders in Kabul say fuel bound for the Panjshir valley is being turned back.",
    link="https://valley.example.org/77",
)


def run(config: Path, *args: str) -> Result:
    result = CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)
    return result


def mail_url(smtp: tuple[str, int, list[EmailMessage]]) -> str:
    host, port, _ = smtp
    return f"mailto://{host}:{port}?from=monitor@example.org&to=desk@example.org"
