"""The parse stage on the shared corpus of real feeds (odd ones included) and on our own."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import Item, rss

from monitor.parse import html_to_text, parse_feed

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)


def manifest(corpus: Path) -> list[dict[str, str]]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_corpus_file_parses_or_gives_a_clear_error(corpus: Path) -> None:
    rows = manifest(corpus)
    assert len(rows) >= 60
    for row in rows:
        parsed = parse_feed(
            (corpus / row["file"]).read_bytes(),
            feed="f",
            url="https://publisher.example/feed",
            fetched_at=FETCHED,
        )
        if not parsed.entries:
            continue
        for entry in parsed.entries:
            assert entry.guid, row["file"]
            assert entry.published.tzinfo is UTC, row["file"]
            assert "<p>" not in entry.summary and "<script" not in entry.content, row["file"]
            if entry.url:
                assert entry.url.startswith(("http://", "https://")), (row["file"], entry.url)
        guids = [e.guid for e in parsed.entries]
        assert len(set(guids)) >= len(guids) * 0.5, row["file"]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("feed-rs__rss_2.0_invalid_1.xml", "not a valid feed: broken or truncated XML"),
        ("RSParser__DaringFireball.html", "links to a feed at https://x.example/feeds/main"),
        ("rss-parser__unrecognized.rss", "not a feed: an HTML page"),
    ],
)
def test_broken_documents_are_reported_not_swallowed(corpus: Path, name: str, problem: str) -> None:
    parsed = parse_feed(
        (corpus / name).read_bytes(), feed="f", url="https://x.example/", fetched_at=FETCHED
    )
    assert parsed.entries == ()
    assert parsed.error is not None and problem in parsed.error


def test_entries_without_id_or_date_get_a_stable_key_and_the_fetch_time(corpus: Path) -> None:
    body = (corpus / "feed-rs__rss_0.91_missing_id.xml").read_bytes()
    first = parse_feed(body, feed="f", url="https://x.example/", fetched_at=FETCHED)
    again = parse_feed(body, feed="f", url="https://x.example/", fetched_at=datetime.now(UTC))
    assert first.entries[0].guid == again.entries[0].guid != ""
    assert first.entries[0].published == FETCHED


def test_relative_links_become_absolute_against_the_feed_url(corpus: Path) -> None:
    body = (corpus / "node-feedparser__rss-with-relative-urls.xml").read_bytes()
    parsed = parse_feed(body, feed="f", url="https://games.example/feed/", fetched_at=FETCHED)
    assert all(e.url.startswith("http") for e in parsed.entries)


def test_gzip_bodies_saved_without_content_encoding_are_inflated(corpus: Path) -> None:
    body = (corpus / "node-feedparser__compressed.xml").read_bytes()
    assert body[:2] == b"\x1f\x8b"
    parsed = parse_feed(body, feed="f", url="https://x.example/", fetched_at=FETCHED)
    assert len(parsed.entries) == 10


def test_legacy_encodings_decode_to_readable_text(corpus: Path) -> None:
    body = (corpus / "miniflux__encoding_WINDOWS-1251.xml").read_bytes()
    parsed = parse_feed(body, feed="f", url="https://x.example/", fetched_at=FETCHED)
    assert any("Цитата" in e.title for e in parsed.entries)


def test_feedburner_original_link_wins_over_the_tracking_redirect(corpus: Path) -> None:
    body = (corpus / "rss-parser__encoding.rss").read_bytes()
    parsed = parse_feed(body, feed="f", url="https://x.example/", fetched_at=FETCHED)
    assert not any("feeds.jn.pt" in e.url for e in parsed.entries)


def test_html_becomes_plain_text_with_block_breaks() -> None:
    markup = (
        "<p>Fighters <b>gathered</b> &amp; waited.</p><p>Second&nbsp;para</p><script>x()</script>"
    )
    assert html_to_text(markup) == "Fighters gathered & waited.\n\nSecond para"


def test_our_own_feed_round_trips() -> None:
    item = Item("g-1", "Title <with> markup", "Body & more", "https://a.example/story")
    [entry] = parse_feed(
        rss("Outlet", [item]).encode(), feed="f", url="https://a.example/rss", fetched_at=FETCHED
    ).entries
    assert (entry.title, entry.summary, entry.guid) == ("Title <with> markup", "Body & more", "g-1")
    assert entry.outlet == "Outlet"
    assert entry.published == item.published
