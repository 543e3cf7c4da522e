"""Data-driven: every corpus file against what its MANIFEST row says a robust parser does."""

from __future__ import annotations

import csv
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import pytest
from shared_corpus import require_corpus

from monitor.parse import ParsedFeed, parse_feed

CORPUS = require_corpus(whole_module=True)

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)
FEED_URL = "https://publisher.example/feeds/main.xml"
# Where we deliberately differ from feedparser's count: empty shells (no title, link, summary
# or content) are not entries.
EMPTY_SHELLS = {
    "node-feedparser__illegally-nested.xml": 10,
    "miniflux__no_encoding_ISO-8859-1.xml": 1,
}
TRACKING_HOSTS = {"feeds.jn.pt", "feedproxy.google.com", "www.google.com"}


def rows() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def parsed(row: dict[str, str]) -> ParsedFeed:
    body = (CORPUS / row["file"]).read_bytes()
    return parse_feed(body, feed="f", url=FEED_URL, fetched_at=FETCHED)


def where(predicate: str) -> list[dict[str, str]]:
    chosen = [r for r in rows() if re.search(predicate, r["expected"] + " " + r["oddity"])]
    assert chosen, predicate
    return chosen


def ids(chosen: list[dict[str, str]]) -> list[str]:
    return [r["file"] for r in chosen]


ALL = rows()
COUNTED = where(r"feedparser: [1-9]\d* entries")
JSON = [r for r in ALL if r["format"] == "json"]
HTML_PAGES = [r for r in ALL if r["format"] == "html" and " 0 entries" in r["expected"]]
FOREIGN_DATES = where(r"unparsed.*|Italian day|Portuguese day")
ODD_DATES = where(r"dates unparsed by feedparser")
ORIGLINK = where(r"origLink|origlink|google\.com/url")
RELATIVE = where(r"relative|xml:base")


def test_the_manifest_covers_the_corpus() -> None:
    assert len(ALL) >= 60 and len(COUNTED) >= 50 and len(JSON) == 8


@pytest.mark.parametrize("row", COUNTED, ids=ids(COUNTED))
def test_entry_counts_match_the_manifest(row: dict[str, str]) -> None:
    match = re.search(r"feedparser: (\d+) entries", row["expected"])
    assert match is not None
    expected = int(match.group(1)) - EMPTY_SHELLS.get(row["file"], 0)
    feed = parsed(row)
    assert len(feed.entries) == expected
    assert feed.error is None
    assert all(e.title or e.url or e.summary or e.content for e in feed.entries)


@pytest.mark.parametrize("row", JSON, ids=ids(JSON))
def test_json_captures_are_not_feeds(row: dict[str, str]) -> None:
    feed = parsed(row)
    assert feed.entries == ()
    assert feed.error == "not a feed: a JSON array (RSS, Atom, RDF or JSON Feed expected)"


@pytest.mark.parametrize("row", HTML_PAGES, ids=ids(HTML_PAGES))
def test_html_pages_are_not_feeds(row: dict[str, str]) -> None:
    feed = parsed(row)
    assert feed.entries == ()
    assert feed.error is not None and feed.error.startswith("not a feed: an HTML page")


def test_a_truncated_feed_is_an_error_that_keeps_nothing() -> None:
    [row] = where(r"truncated: report error")
    feed = parsed(row)
    assert feed.entries == ()
    assert feed.error is not None and feed.error.startswith("not a valid feed: broken or truncated")


@pytest.mark.parametrize("row", FOREIGN_DATES, ids=ids(FOREIGN_DATES))
def test_dates_feedparser_leaves_unparsed_get_ours_or_the_fetch_time(row: dict[str, str]) -> None:
    feed = parsed(row)
    assert feed.entries
    foreign = "Portuguese" in row["oddity"] or "Italian" in row["oddity"]
    for entry in feed.entries:
        if foreign:  # read from the local day and month names
            assert (
                datetime(2018, 1, 1, tzinfo=UTC)
                < entry.published
                < datetime(2023, 1, 1, tzinfo=UTC)
            )
        else:
            assert entry.published == FETCHED, row["file"]
    assert ODD_DATES


def test_dates_feedparser_misreads_are_read_right() -> None:
    by_name = {r["file"]: parsed(r) for r in where(r"MISPARSES|drops PM")}
    kc = by_name["RSParser__kc0011.rss"].entries
    assert {(e.published.year, e.published.month, e.published.day) for e in kc} == {(2020, 1, 10)}
    [nbc] = by_name["feed-rs__rss_2.0_nbcny.xml"].entries
    assert nbc.published == datetime(2023, 12, 16, 14, 2, 33, tzinfo=UTC)


@pytest.mark.parametrize("row", ORIGLINK, ids=ids(ORIGLINK))
def test_entry_links_are_the_publishers_not_the_tracking_redirect(row: dict[str, str]) -> None:
    links = [e.url for e in parsed(row).entries if e.url]
    assert links
    assert not {urlsplit(link).hostname for link in links} & TRACKING_HOSTS


@pytest.mark.parametrize("row", RELATIVE, ids=ids(RELATIVE))
def test_relative_links_are_resolved(row: dict[str, str]) -> None:
    links = [e.url for e in parsed(row).entries if e.url]
    assert links and all(urlsplit(link).scheme in ("http", "https") for link in links)


def test_relative_links_without_xml_base_resolve_against_the_feed_url() -> None:
    [row] = [r for r in ALL if r["file"] == "node-feedparser__tpm.atom"]
    links = [e.url for e in parsed(row).entries]
    assert links[0].startswith("https://publisher.example/livewire/")


@pytest.mark.parametrize("row", ALL, ids=ids(ALL))
def test_no_file_crashes_and_every_record_is_sane(row: dict[str, str]) -> None:
    feed = parsed(row)
    assert feed.entries or (feed.error or "").startswith("not a")
    for entry in feed.entries:
        assert entry.guid and entry.published.tzinfo is UTC
        assert entry.published <= FETCHED
        assert "<b>" not in entry.title and "<sup>" not in entry.title
        assert "<p>" not in entry.summary and "<script" not in entry.content
    assert len({e.guid for e in feed.entries}) >= len(feed.entries) * 0.5


def test_feed_titles_are_plain_text() -> None:
    [row] = where(r'feed title "NYT > Home Page"')
    assert parsed(row).title == "NYT > Home Page"
