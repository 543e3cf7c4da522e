"""The lxml fast path (monitor.parse.fast) must give exactly feedparser's records wherever it
accepts a document, and hand everything else to feedparser."""

from __future__ import annotations

import csv
from datetime import UTC, datetime

import pytest
from shared_corpus import require_corpus

from monitor.parse import ParsedFeed, parse_feed
from monitor.parse.fast import fast_feed
from monitor.parse.safe import prepare
from monitor.parse.scan import Limits
from monitor.parse.text import fold

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://publisher.example/feed"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Kabul Wire</title><link>https://kabul.example/</link><ttl>30</ttl>
<description>News</description>
<item><title>Resistance digs in near Bazarak</title>
<link>https://kabul.example/a/1?utm_source=rss&amp;x=1</link>
<guid isPermaLink="false">tag:kabul.example,2021:1</guid>
<pubDate>Mon, 06 Sep 2021 08:00:00 +0000</pubDate><dc:creator>Desk</dc:creator>
<description>&lt;p&gt;Fighters &amp;amp; elders met.&lt;/p&gt;
&lt;p&gt;Talks went on.&lt;/p&gt;</description>
</item>
<item><title>CafÃ© reopens</title>
<link>https://kabul.example/a/2</link><guid>https://kabul.example/a/2</guid>
<pubDate>Seg, 24 Set 2018 10:00:00 GMT</pubDate>
<description><![CDATA[<div>Second <b>story</b>, \u0093quietly\u0094</div>]]></description>
<category>a</category><category>b</category></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Panjshir Observer</title>
<id>tag:observer.example,2021:feed</id><updated>2021-09-06T10:00:00Z</updated>
<entry><title type="html">Taliban claim &lt;em&gt;Panjshir&lt;/em&gt;</title>
<link href="https://observer.example/1"/><id>tag:observer.example,2021:1</id>
<published>2021-09-06T09:00:00+04:30</published><updated>2021-09-06T10:00:00Z</updated>
<author><name>Field team</name></author>
<summary type="html">&lt;p&gt;The resistance denies it.&lt;/p&gt;</summary></entry>
<entry><title>No date, plain summary</title><link rel="alternate" href="https://observer.example/2"/>
<summary>  Plain   text summary  </summary></entry>
</feed>"""

ENCODED = (
    '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">'
    "&lt;p&gt;The full text, longer than the teaser.&lt;/p&gt;</content:encoded>"
)
FULL_TEXT = {
    "content:encoded after the description": RSS.replace(
        "</description>\n</item>", "</description>" + ENCODED + "</item>"
    ),
    "content:encoded before the description": RSS.replace(
        "<dc:creator>Desk</dc:creator>", "<dc:creator>Desk</dc:creator>" + ENCODED
    ),
    "content:encoded alone": RSS.replace(
        "<description>&lt;p&gt;Fighters", ENCODED + "<comments>&lt;p&gt;Fighters"
    ).replace("went on.&lt;/p&gt;</description>", "went on.&lt;/p&gt;</comments>"),
    "Atom content": ATOM.replace(
        "<summary>  Plain   text summary  </summary>",
        '<content type="html">&lt;p&gt;All of it&lt;/p&gt;</content>',
    ),
}

NEEDS_FEEDPARSER = {
    "a typed description": RSS.replace(
        "<description>&lt;p&gt;Fighters", '<description type="text/plain">&lt;p&gt;Fighters'
    ),
    "Atom content elsewhere": ATOM.replace(
        "<summary>  Plain", '<content src="https://observer.example/2.txt"/><summary>  Plain'
    ),
    "permalink guid without a link": RSS.replace("<link>https://kabul.example/a/2</link>", ""),
    "an e-mail address as author": RSS.replace(
        "<dc:creator>Desk", "<dc:creator>desk@kabul.example"
    ),
    "broken XML": RSS.replace("</channel></rss>", ""),
    "xml:base": ATOM.replace("<entry>", '<entry xml:base="https://observer.example/">', 1),
    "xhtml title": ATOM.replace(
        '<title type="html">Taliban claim &lt;em&gt;Panjshir&lt;/em&gt;</title>',
        '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Claim</div></title>',
    ),
    "a plain title that looks like HTML": ATOM.replace(
        "No date, plain summary", "Fish &amp;amp; chips"
    ),
}


def both(body: bytes, content_type: str | None = None) -> tuple[ParsedFeed, ParsedFeed]:
    def read(fast: bool) -> ParsedFeed:
        return parse_feed(
            body, feed="f", url=URL, fetched_at=FETCHED, content_type=content_type, fast_path=fast
        )

    return read(True), read(False)


def accepted(body: bytes, content_type: str | None = None) -> bool:
    ready = prepare(body, URL, content_type, Limits())
    return ready.error is None and fast_feed(ready.body) is not None


@pytest.mark.parametrize("document", [RSS, ATOM], ids=["rss", "atom"])
def test_plain_feeds_take_the_fast_path_and_give_feedparsers_records(document: str) -> None:
    body = document.encode()
    assert accepted(body)
    fast, slow = both(body)
    assert fast == slow
    assert len(fast.entries) == 2


def test_the_fast_path_reads_what_a_user_sees() -> None:
    parsed, _ = both(RSS.encode())
    first, second = parsed.entries
    assert parsed.title == "Kabul Wire" and parsed.ttl_seconds == 1800
    assert first.url == "https://kabul.example/a/1?utm_source=rss&x=1"
    assert first.summary == "Fighters & elders met.\n\nTalks went on."
    assert first.authors == ("Desk",)
    assert first.published == datetime(2021, 9, 6, 8, 0, tzinfo=UTC)
    assert second.title == "Café reopens"  # UTF-8 read as Latin-1, repaired
    assert second.summary == "Second story, \u201cquietly\u201d"  # C1 controls as cp1252
    assert second.published == datetime(2018, 9, 24, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("name", sorted(FULL_TEXT))
def test_full_text_takes_the_fast_path_with_feedparsers_summary_and_content(name: str) -> None:
    body = FULL_TEXT[name].encode()
    assert accepted(body), name
    fast, slow = both(body)
    assert fast == slow
    assert any("All of it" in e.content or "The full text" in e.content for e in fast.entries)


@pytest.mark.parametrize("name", sorted(NEEDS_FEEDPARSER))
def test_what_the_fast_path_cannot_promise_goes_to_feedparser(name: str) -> None:
    body = NEEDS_FEEDPARSER[name].encode()
    assert not accepted(body), name
    fast, slow = both(body)
    assert fast == slow


def test_the_fast_path_gives_feedparsers_records_on_the_whole_corpus() -> None:
    corpus = require_corpus()
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    taken = []
    for row in rows:
        body = (corpus / row["file"]).read_bytes()
        fast, slow = both(body)
        assert fast == slow, row["file"]
        if accepted(body) and slow.entries:
            taken.append(row["file"])
    assert len(taken) >= 5, f"the fast path took only {taken}: the comparison proves little"


def test_folding_white_space_keeps_single_spaces_lines_and_one_blank_line() -> None:
    text = " A\u00a0b\t\tc  d\u3000\u3000e \u2003f\n\n \n  g\u202fh \u200b "
    assert fold(text) == "A b c d e f\n\ng h"
    assert fold("one two three") == "one two three"
    assert (
        fold("line one\r\n\r\n  line\u2028two \x85\n\x0bthree")
        == "line one\n\nline\u2028two\nthree"
    )
