"""Feeds that are mostly good are read: a reference to a forbidden code point, a raw control
character or a NUL in the encoding declaration costs that character; a body in another
encoding than its label says is read in the encoding detected. Each repair is noted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from end_to_end import FIRST, run
from feed_server import FeedServer
from helpers import Item, rss, store_url, stored_rows, write_config
from polling import feed_states

from monitor.parse import ParsedFeed, parse_feed
from monitor.parse.chars import drop_invalid_characters

FETCHED = datetime(2021, 9, 2, tzinfo=UTC)
ITEMS = [
    Item("g1", "First story", "Body one", "https://wire.example.com/1"),
    Item("g2", "Second story", "Body two", "https://wire.example.com/2"),
]
RUSSIAN = [
    Item(
        "r1",
        "Талибы подошли к Панджшеру",
        "Силы сопротивления собрались в долине.",
        "https://r.example/1",
    ),
    Item("r2", "Второй день боёв", "Фронт сообщил о потерях.", "https://r.example/2"),
]


def parse(body: bytes, content_type: str | None = "application/rss+xml") -> ParsedFeed:
    return parse_feed(
        body,
        feed="wire",
        url="https://wire.example.com/feed",
        fetched_at=FETCHED,
        content_type=content_type,
    )


@pytest.mark.parametrize(
    "bad",
    [
        "&#xD800;",
        "&#0;",
        "&#x110000;",
        "&#99999999999999999999;",
        "&#1;",
        "&#xFFFE;",
        "\x00",
        "\x0b",
    ],
)
def test_a_forbidden_character_costs_only_itself(bad: str) -> None:
    body = rss("Wire", ITEMS).replace("First story", f"First {bad}story").encode()
    parsed = parse(body)
    assert parsed.error is None
    assert [e.title for e in parsed.entries] == ["First story", "Second story"]
    assert parsed.notes == ("removed 1 characters that XML forbids (controls, surrogates)",)


def test_allowed_references_are_kept() -> None:
    body = rss("Wire", ITEMS).replace("First story", "First&#x9;&#8217;s &#233;t&#xE9;").encode()
    (first, _) = parse(body).entries
    assert first.title == "First ’s été"


@pytest.mark.parametrize(
    "declaration",
    [
        '<?xml version="1.0" encoding="UTF-8\x00"?>',
        '<?xml version="1.0" encoding="\x00UTF-8"?>',
        '<?xml version="1.0\x00" encoding="UTF-8"?>',
    ],
)
def test_a_nul_in_the_declaration_is_dropped(declaration: str) -> None:
    text = rss("Wire", ITEMS).replace('<?xml version="1.0" encoding="UTF-8"?>', declaration)
    parsed = parse(text.encode())
    assert [e.title for e in parsed.entries] == ["First story", "Second story"]
    assert parsed.notes == ("removed NUL bytes from the XML declaration",)


@pytest.mark.parametrize(
    ("content_type", "declaration"),
    [
        ("application/rss+xml; charset=utf-8", 'encoding="UTF-8"'),  # both labels wrong
        ("application/rss+xml", 'encoding="UTF-8"'),  # the declaration wrong
        ("text/xml; charset=UTF-8", ""),  # the header wrong, no declaration
        (None, ""),  # no label at all: UTF-8 by default
    ],
)
def test_a_cp1251_body_labelled_utf8_is_read_as_cp1251(
    content_type: str | None, declaration: str
) -> None:
    text = rss("Новости", RUSSIAN).replace(' encoding="UTF-8"', f" {declaration}".rstrip())
    parsed = parse(text.encode("cp1251"), content_type)
    assert parsed.error is None
    assert [e.title for e in parsed.entries] == [i.title for i in RUSSIAN]
    assert parsed.entries[0].summary == RUSSIAN[0].body
    assert len(parsed.notes) == 1 and "read as cp1251 (detected)" in parsed.notes[0]


def test_a_right_declaration_under_a_wrong_header_needs_no_guess() -> None:
    text = rss("Новости", RUSSIAN).replace('encoding="UTF-8"', 'encoding="windows-1251"')
    parsed = parse(text.encode("cp1251"), "application/rss+xml; charset=utf-8")
    assert [e.title for e in parsed.entries] == [i.title for i in RUSSIAN]
    assert parsed.notes == ()


def test_a_declared_windows_1252_body_is_not_second_guessed() -> None:
    items = [Item("f1", "Réunion à Genève", "Le président a déclaré", "https://f.example/1")]
    text = rss("Actualités", items).replace('encoding="UTF-8"', 'encoding="windows-1252"')
    parsed = parse(text.encode("cp1252"), "application/rss+xml; charset=utf-8")
    assert parsed.entries[0].title == "Réunion à Genève"
    assert parsed.notes == ()


def test_a_few_stray_bytes_in_a_utf8_feed_cost_only_those_characters() -> None:
    body = rss("Новости", RUSSIAN).encode().replace("Второй".encode(), b"\xe9 " + "Второй".encode())
    parsed = parse(body)
    assert [e.title for e in parsed.entries] == [RUSSIAN[0].title, "\ufffd " + RUSSIAN[1].title]
    assert parsed.notes == ("replaced 1 bytes that are not UTF-8",)


def test_a_plain_utf8_feed_has_no_notes() -> None:
    parsed = parse(rss("Новости", RUSSIAN).encode())
    assert [e.title for e in parsed.entries] == [i.title for i in RUSSIAN]
    assert parsed.notes == ()


def test_poll_reads_mostly_good_feeds_and_notes_the_repair_on_the_feed(
    tmp_path: Path, feeds: FeedServer
) -> None:
    russian = rss("Новости", RUSSIAN).replace("Второй", "&#0;Второй").encode("cp1251")
    ru = feeds.set("ru.xml", russian, content_type="application/rss+xml; charset=utf-8")
    english = rss("Example Wire", [FIRST]).replace("Resistance digs", "Resistance&#xD800; digs")
    wire = feeds.set("wire.xml", english)
    config = write_config(tmp_path, {"ru": ru, "wire": wire})

    first = run(config, "poll", "--once")

    assert first.exit_code == 0, first.output
    assert "2 feeds checked, 3 new entries, 2 alerts, 0 failed" in first.output
    assert "Resistance digs in as Taliban close on Panjshir" in first.output
    assert "event=feed_repaired feed=ru" in first.output
    states = feed_states(config)
    assert states["ru"]["state"] == "healthy" and states["ru"]["error_count"] == 0
    assert states["ru"]["last_error"] == (
        "the body is not in the utf-8 it declares: read as cp1251 (detected); "
        "removed 1 characters that XML forbids (controls, surrogates)"
    )
    titles = stored_rows(
        store_url(tmp_path),
        "SELECT a.title FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.name = 'ru'",
    )
    assert sorted(t for (t,) in titles) == sorted(i.title for i in RUSSIAN)
    assert "notice: the body is not in the utf-8 it declares" in run(config, "feeds").output

    again = run(config, "poll", "--once")

    assert "0 new entries" in again.output
    assert "read as cp1251" in str(feed_states(config)["ru"]["last_error"]), "same document"
    feeds.set("ru.xml", rss("Новости", RUSSIAN).encode(), content_type="application/rss+xml")
    run(config, "poll", "--once")
    assert feed_states(config)["ru"]["last_error"] is None, "a clean document clears it"


def xml_allows(code: int) -> bool:
    """The Char production of XML 1.0."""
    return code in (0x9, 0xA, 0xD) or any(
        low <= code <= high for low, high in ((0x20, 0xD7FF), (0xE000, 0xFFFD), (0x10000, 0x10FFFF))
    )


def code_of(reference: str) -> int:
    digits = reference[2:-1]
    return int(digits[1:], 16) if digits[0] in "xX" else int(digits)


def test_every_reference_is_dropped_exactly_when_xml_forbids_its_code_point() -> None:
    codes = [*range(0x110010), 0x1FFFFF, 10**12]
    spellings = [
        *(f"&#{c};" for c in codes),
        *(f"&#x{c:x};" for c in codes),
        *(f"&#X{c:06X};" for c in codes[:0x200]),
        *(f"&#000{c};" for c in codes[:0x200]),
    ]
    kept = [s.encode() for s in spellings if xml_allows(code_of(s))]
    body, removed = drop_invalid_characters(" ".join(spellings).encode())
    assert body.split() == kept
    assert removed == len(spellings) - len(kept)
