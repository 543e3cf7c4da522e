"""Dates, ids, links, encodings and markup that real feeds get wrong still give sane records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from monitor.parse import parse_feed
from monitor.records import Entry

FETCHED = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def one_entry(item_xml: str, *, declaration: str = "utf-8", body: bytes | None = None) -> Entry:
    document = (
        f'<?xml version="1.0" encoding="{declaration}"?>\n<rss version="2.0"><channel>'
        f"<title>Outlet</title>{item_xml}</channel></rss>"
    )
    raw = body if body is not None else document.encode(declaration)
    [entry] = parse_feed(
        raw, feed="f", url="https://a.example/news/rss", fetched_at=FETCHED
    ).entries
    return entry


def dated(*dates: str) -> datetime:
    tags = "".join(dates)
    return one_entry(
        f"<item><title>t</title><link>https://a.example/1</link>{tags}</item>"
    ).published


@pytest.mark.parametrize(
    ("pub_date", "expected"),
    [
        ("<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate>", datetime(2018, 9, 24, 22, 42, 40)),
        ("<pubDate>mer, 16 nov 2022 00:38:15 +0100</pubDate>", datetime(2022, 11, 15, 23, 38, 15)),
        ("<pubDate>sáb, 03 dic 2022 10:00:00 GMT</pubDate>", datetime(2022, 12, 3, 10, 0)),
        ("<pubDate>lun., 5 févr. 2024 08:30 +0000</pubDate>", datetime(2024, 2, 5, 8, 30)),
        ("<pubDate>2020/1/10 14:33:00</pubDate>", datetime(2020, 1, 10, 14, 33)),
        ("<pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate>", datetime(2023, 12, 16, 14, 2, 33)),
        ("<pubDate>Mon, 04 Sep 2017 16:11 EDT</pubDate>", datetime(2017, 9, 4, 20, 11)),
    ],
)
def test_dates_in_other_languages_and_odd_formats_are_read(
    pub_date: str, expected: datetime
) -> None:
    assert dated(pub_date) == expected.replace(tzinfo=UTC)


@pytest.mark.parametrize(
    "pub_date",
    [
        "<pubDate>Sat, 01 Jan 0000 00:00:00 GMT</pubDate>",  # year 0
        "<dc:date>2021-13-01T00:00:00Z</dc:date>",  # month 13
        "<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>",  # epoch placeholder
        "<pubDate>Mon, 01 Jan 1900 00:00:00 GMT</pubDate>",
        "<pubDate>Fri, 03 Jan 2026 12:00:00 GMT</pubDate>",  # two days after the fetch
        "<pubDate>Tue, 01 Jan 2202 00:00:00 GMT</pubDate>",
        "<pubDate>08/02/2013 12:00:00</pubDate>",  # day or month first? unknown
        "<pubDate>yesterday</pubDate>",
        "",
    ],
)
def test_absent_or_absurd_dates_become_the_fetch_time(pub_date: str) -> None:
    assert (
        dated(
            pub_date.replace("<dc:date>", "<dc:date xmlns:dc='http://purl.org/dc/elements/1.1/'>")
        )
        == FETCHED
    )


def test_a_date_a_few_hours_ahead_is_believed() -> None:
    """Publishers' clocks run a little fast; within a day it is their date, not ours."""
    assert dated("<pubDate>Thu, 01 Jan 2026 18:00:00 GMT</pubDate>") == FETCHED + timedelta(hours=6)


def test_an_absurd_published_date_falls_back_to_the_updated_one() -> None:
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>O</title><entry><title>t</title><id>urn:1</id>"
        '<link href="/a/1"/><published>1970-01-01T00:00:00Z</published>'
        "<updated>2025-06-01T10:00:00Z</updated></entry></feed>"
    )
    [entry] = parse_feed(
        atom.encode(), feed="f", url="https://a.example/atom", fetched_at=FETCHED
    ).entries
    assert entry.published == datetime(2025, 6, 1, 10, tzinfo=UTC)
    assert entry.url == "https://a.example/a/1"


def test_a_missing_guid_gets_a_stable_key_and_a_relative_link_the_feed_url() -> None:
    entry = one_entry("<item><title>t</title><link>../story/7?x=1</link></item>")
    assert entry.url == "https://a.example/story/7?x=1"
    assert entry.guid.startswith("sha256:")


def test_html_in_titles_is_reduced_to_text() -> None:
    entry = one_entry(
        "<item><title>&lt;b&gt;Taliban&lt;/b&gt; enter &lt;i&gt;Panjshir&lt;/i&gt; &amp;amp; more"
        "</title><link>https://a.example/1</link></item>"
    )
    assert entry.title == "Taliban enter Panjshir & more"


def test_bytes_that_break_the_declared_encoding_still_give_the_entry() -> None:
    body = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>O</title>'
        b"<item><title>Caf\xe9 \xff\xfe ferm\xc3\xa9</title><link>https://a.example/1</link></item>"
        b"</channel></rss>"
    )
    entry = one_entry("", body=body)
    assert entry.title.startswith("Caf") and entry.url == "https://a.example/1"


def test_utf16_feeds_are_read() -> None:
    item = "<item><title>Кабул</title><link>https://a.example/1</link></item>"
    assert one_entry(item, declaration="utf-16").title == "Кабул"


def test_a_google_alerts_redirect_gives_the_article_link() -> None:
    link = "https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/a/1&amp;ct=ga"
    entry = one_entry(f"<item><title>t</title><link>{link}</link></item>")
    assert entry.url == "https://news.example/a/1"
