"""JSON Feed 1.0 and 1.1: the same Entry records as XML feeds, the same limits, clear errors,
and the whole daemon reading one from a real HTTP server."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from end_to_end import FIRST, UNRELATED, run
from feed_server import FeedServer
from helpers import rss, write_config
from json_feeds import V1_1, json_feed

from monitor.parse import Limits, parse_feed
from monitor.parse.fields import MAX_CONTENT

FETCHED = datetime(2021, 9, 2, tzinfo=UTC)
URL = "https://wire.example.com/feed.json"


def parse(body: str | bytes, content_type: str | None = "application/feed+json") -> Any:
    data = body.encode() if isinstance(body, str) else body
    return parse_feed(data, feed="wire", url=URL, fetched_at=FETCHED, content_type=content_type)


def test_a_json_feed_gives_the_same_entries_as_the_rss_feed_of_the_same_items() -> None:
    from_json = parse(json_feed("Example Wire", [FIRST, UNRELATED]))
    from_rss = parse(rss("Example Wire", [FIRST, UNRELATED]), "application/rss+xml")

    assert from_json.error is None and from_json.title == "Example Wire"
    assert len(from_json.entries) == 2
    for ours, theirs in zip(from_json.entries, from_rss.entries, strict=True):
        assert (ours.guid, ours.url, ours.title) == (theirs.guid, theirs.url, theirs.title)
        assert ours.published == theirs.published
        assert ours.text == theirs.text, "content_html is read as text like an RSS description"
    assert from_json.entries[0].published == FIRST.published
    assert "<p>" not in from_json.entries[0].content


def test_version_1_0_fields_author_external_url_numeric_id_and_plain_text() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Frontier Daily",
        "author": {"name": "Desk editor"},
        "items": [
            {
                "id": 1145377,
                "external_url": "/world/resistance",
                "title": "Resistance <holds> the valley",
                "summary": "Short summary.",
                "content_text": "Fighters  held\n\nthe valley on Thursday.",
                "date_modified": "2021-08-26T10:15:00+04:30",
                "attachments": [{"url": "https://cdn.example/a.mp3", "mime_type": "audio/mpeg"}],
            },
            {"id": "only-attachment", "attachments": [{"url": "https://cdn.example/b.mp3"}]},
        ],
    }
    parsed = parse(json.dumps(document), "application/json")

    first, second = parsed.entries
    assert first.guid == "1145377"
    assert first.url == "https://wire.example.com/world/resistance", "resolved against the feed"
    assert first.title == "Resistance <holds> the valley", "titles are plain text, not HTML"
    assert first.summary == "Short summary."
    assert first.content == "Fighters held\n\nthe valley on Thursday.", "a blank line is kept"
    assert first.published == datetime(2021, 8, 26, 5, 45, tzinfo=UTC)
    assert first.authors == ("Desk editor",), "the feed's author stands for its items'"
    assert second.url == "https://cdn.example/b.mp3"
    assert second.published == FETCHED, "no date: the fetch time"


def test_item_authors_of_version_1_1_and_unbelievable_dates() -> None:
    document = {
        "version": V1_1,
        "authors": [{"name": "Feed author"}],
        "items": [
            {
                "id": "a",
                "title": "Dated in the future",
                "authors": [{"name": "Reporter One"}, {"url": "https://x.example"}, "bad"],
                "date_published": (FETCHED + timedelta(days=30)).isoformat(),
            }
        ],
    }
    (entry,) = parse(json.dumps(document)).entries
    assert entry.authors == ("Reporter One",)
    assert entry.published == FETCHED, "a date far after the fetch is not believed"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [', "invalid JSON at line 1"),
        ('{"version": "https://jsonfeed.org/version/2", "items": []}', "JSON Feed version"),
        ('{"title": "x", "items": []}', "a JSON document without a JSON Feed version"),
        ('{"version": "https://jsonfeed.org/version/1.1"}', "it has no 'items' list"),
        ("[1, 2, 3]", "not a feed: a JSON array"),
        ("[" + "{}," * 250_000 + "{}]", "not a feed we will read: 250002 JSON objects"),
        ('{"a":' * 50_000 + "1" + "}" * 50_000, "not a valid JSON Feed"),
        ('{"version": "https://jsonfeed.org/version/1", "items": [' + "1" * 5000 + "]}", "digits"),
    ],
)
def test_bad_documents_give_a_clear_feed_error(body: str, error: str) -> None:
    parsed = parse(body)
    assert parsed.entries == ()
    assert parsed.error is not None and error in parsed.error, parsed.error


def test_a_wrong_version_names_the_version_and_what_is_read() -> None:
    parsed = parse('{"version": "https://jsonfeed.org/version/2", "items": []}')
    assert parsed.error == (
        "not a feed we can read: JSON Feed version 'https://jsonfeed.org/version/2'"
        " (1.0 and 1.1 are read)"
    )


def test_the_same_limits_as_xml_feeds() -> None:
    start = datetime(2021, 1, 1, tzinfo=UTC)
    items = [
        {"id": str(n), "title": f"Item {n}", "date_published": (start + timedelta(hours=n))}
        for n in range(1500)
    ]
    items.reverse()  # oldest first in the document: the newest must still be the ones kept
    document = {"version": V1_1, "items": items}
    parsed = parse_feed(
        json.dumps(document, default=str).encode(),
        feed="wire",
        url=URL,
        fetched_at=start + timedelta(days=90),
        limits=Limits(max_entries=1000),
    )
    assert len(parsed.entries) == 1000 and parsed.dropped == 500
    assert min(int(e.guid) for e in parsed.entries) == 500
    assert parsed.notes == ("kept the newest 1000 entries, dropped 500",)

    giant = {"version": V1_1, "items": [{"id": "g", "content_text": "word " * 300_000}]}
    (entry,) = parse(json.dumps(giant)).entries
    assert len(entry.content) <= MAX_CONTENT


def test_forbidden_characters_in_strings_cost_only_themselves() -> None:
    body = (
        '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "x\\u0000y",'
        ' "title": "Kabul\\u0000 falls\\ud800", "url": "https://wire.example.com/k"}]}'
    )
    (entry,) = parse(body).entries
    assert entry.title == "Kabul falls" and entry.guid == "xy"


def test_bytes_that_are_not_utf8_cost_their_characters() -> None:
    body = json_feed("Wire", [FIRST]).encode().replace(b"Panjshir", b"Panj\xe9shir", 1)
    parsed = parse(body)
    assert len(parsed.entries) == 1 and "Panj\ufffdshir" in parsed.entries[0].title
    assert parsed.notes == ("replaced bytes that are not UTF-8",)


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", None])
def test_detected_by_media_type_or_by_the_body(content_type: str | None) -> None:
    body = "\ufeff  \n" + json_feed("Wire", [FIRST])
    parsed = parse(body.encode(), content_type)
    assert [e.guid for e in parsed.entries] == [FIRST.guid]


def test_an_xml_feed_served_as_json_is_still_read_as_xml() -> None:
    parsed = parse(rss("Wire", [FIRST]), "application/json")
    assert [e.guid for e in parsed.entries] == [FIRST.guid]


def test_poll_reads_a_json_feed_from_a_server_end_to_end(tmp_path: Path, feeds: FeedServer) -> None:
    good = feeds.set(
        "wire.json",
        json_feed("Example Wire", [FIRST, UNRELATED]),
        content_type="application/feed+json",
    )
    future = feeds.set(
        "future.json",
        json_feed("Later", [FIRST], version="https://jsonfeed.org/version/2"),
        content_type="application/feed+json",
    )
    config = write_config(tmp_path, {"wire": good, "future": future})

    result = run(config, "poll", "--once")

    assert "Resistance digs in" in result.output, "the JSON Feed's entry raised its alert"
    assert "2 feeds checked, 2 new entries" in result.output
    assert "future: not a feed we can read: JSON Feed version" in result.output
    accept = feeds.hits("wire.json")[0]["Accept"]
    assert "application/feed+json" in accept
    listed = run(config, "feeds", "--json").output.splitlines()
    states = {f["name"]: f for f in map(json.loads, listed)}
    assert states["wire"]["state"] == "healthy" and states["wire"]["title"] == "Example Wire"
    assert str(states["future"]["last_error"]).startswith("not a feed we can read")
