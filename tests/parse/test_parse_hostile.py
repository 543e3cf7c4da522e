"""Hostile feed documents: each payload is real, and each test checks what an attacker wanted
(a local file, a network request, memory, time) did not happen."""

from __future__ import annotations

import tracemalloc
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
from feed_server import FeedServer

import monitor.parse
from monitor.parse import Limits, ParsedFeed, parse_feed

FETCHED = datetime(2026, 1, 1, tzinfo=UTC)
HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
MB = 1024 * 1024


def channel(items: str, title: str = "Outlet") -> str:
    return f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


def item(title: str, link: str = "https://a.example/1", extra: str = "") -> str:
    return f"<item><title>{title}</title><link>{link}</link>{extra}</item>"


def parse_bytes(body: bytes, **options: object) -> ParsedFeed:
    return parse_feed(body, feed="f", url="https://a.example/rss", fetched_at=FETCHED, **options)  # type: ignore[arg-type]


def peak_memory(action: Callable[[], ParsedFeed]) -> tuple[ParsedFeed, int]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def all_text(parsed: ParsedFeed) -> str:
    fields = [(e.title, e.summary, e.content, e.url, e.guid, *e.authors) for e in parsed.entries]
    return parsed.title + "".join("".join(f) for f in fields)


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file://{path}">\n]>',
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{path}">]>',
        '<!DOCTYPE rss [\n  <!-- it\'s > here -->\n  <!ENTITY xxe SYSTEM "{path}">\n]>',
    ],
)
def test_an_external_entity_never_reads_a_local_file(tmp_path: Path, doctype: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a")
    body = HEAD + doctype.format(path=secret) + channel(item("Hello &xxe; world"))
    parsed = parse_bytes(body.encode())
    assert [e.title for e in parsed.entries] == ["Hello &xxe; world"]
    assert "TOP-SECRET" not in all_text(parsed)


def test_a_body_that_names_a_file_is_not_opened(tmp_path: Path) -> None:
    """feedparser opens str *and bytes* arguments as paths when it can."""
    local = tmp_path / "local.xml"
    local.write_text(HEAD + channel(item("TOP-SECRET-from-disk")))
    parsed = parse_bytes(str(local).encode())
    assert parsed.entries == ()
    assert parsed.error is not None and parsed.error.startswith("not a feed")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss SYSTEM "{url}">',
        '<!DOCTYPE rss PUBLIC "-//X//DTD X//EN" "{url}">',
        '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "{url}"> %remote;]>',
        '<!DOCTYPE rss [\n<!ENTITY ext SYSTEM "{url}">\n]>',
    ],
)
def test_an_external_dtd_or_entity_is_never_fetched(feeds: FeedServer, doctype: str) -> None:
    url = feeds.set("evil.dtd", '<!ENTITY ext "FETCHED-FROM-NETWORK">')
    with urllib.request.urlopen(url) as canary:  # the server answers: silence below means something
        assert b"FETCHED" in canary.read()
    feeds.requests.clear()
    body = HEAD + doctype.format(url=url) + channel(item("Title &ext;"))
    parsed = parse_bytes(body.encode())
    assert feeds.requests == []
    assert len(parsed.entries) == 1 and "FETCHED" not in all_text(parsed)


def billion_laughs(levels: int = 10) -> str:
    lines = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return "<!DOCTYPE rss [\n" + "\n".join(lines) + "\n]>\n"


def quadratic_blowup(size: int = 20_000, references: int = 2_000, broken: bool = True) -> str:
    """One big entity referenced many times; `broken` sends feedparser to its loose parser,
    which expands such entities without any limit (about 2,000 x 20 KB = 40 MB of title)."""
    refs = "&big;" * references
    tail = "<oops" if broken else ""
    return f'<!DOCTYPE rss [\n<!ENTITY big "{"x" * size}">\n]>\n' + channel(item(refs) + tail)


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("billion laughs", billion_laughs() + channel(item("&lol9;"))),
        ("quadratic, loose parser", quadratic_blowup()),
        ("quadratic, strict parser", quadratic_blowup(broken=False)),
    ],
)
def test_entity_expansion_costs_no_memory(name: str, document: str) -> None:
    for encoding in ("utf-8", "utf-16"):  # UTF-16 must not slip past byte-level checks
        body = (HEAD.replace("utf-8", encoding) + document).encode(encoding)
        parsed, peak = peak_memory(lambda body=body: parse_bytes(body))  # type: ignore[misc]
        assert peak < 4 * MB, (name, encoding, peak)
        assert len(parsed.entries) == 1, (name, encoding)
        assert "lollollol" not in all_text(parsed) and "xxxxxxxxxx" not in all_text(parsed)
        assert any("DOCTYPE" in note for note in parsed.notes)


def test_a_plain_doctype_still_parses() -> None:
    netscape = (
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
        '  "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
    )
    parsed = parse_bytes((HEAD + netscape + channel(item("Kept"))).encode())
    assert [e.title for e in parsed.entries] == ["Kept"]
    assert parsed.error is None and parsed.notes == ()


def test_very_deep_nesting_is_refused_cheaply() -> None:
    deep = "<x>" * 100_000 + "y" + "</x>" * 100_000
    body = (HEAD + channel(item("Deep", extra=deep))).encode()
    parsed, peak = peak_memory(lambda: parse_bytes(body))
    assert parsed.entries == ()
    assert parsed.error is not None and "nest deeper than 512" in parsed.error
    assert peak < 4 * len(body)


def test_an_element_with_a_huge_attribute_list_is_refused() -> None:
    """The stdlib SAX attribute lookup feedparser relies on is quadratic: 100,000 attributes
    would take minutes. A `>` inside a value must not hide the rest of the list."""
    attributes = 'a=">" ' + " ".join(f'a{i}="v"' for i in range(100_000))
    body = (HEAD + channel(item("Attrs", extra=f"<media {attributes}/>"))).encode()
    parsed = parse_bytes(body)
    assert parsed.error is not None and "100001 attributes" in parsed.error


def test_a_hundred_thousand_items_keep_the_newest_within_bounded_memory() -> None:
    start = datetime(2020, 1, 1, tzinfo=UTC)
    dates = [start + timedelta(minutes=(i * 7919) % 100_000) for i in range(100_000)]
    items = "".join(
        item(
            f"t{i}", f"https://a.example/{i}", f"<pubDate>{d:%a, %d %b %Y %H:%M:%S} +0000</pubDate>"
        )
        for i, d in enumerate(dates)
    )
    body = (HEAD + channel(items)).encode()
    parsed, peak = peak_memory(lambda: parse_bytes(body, limits=Limits(max_entries=500)))
    assert len(parsed.entries) == 500 and parsed.dropped == 99_500
    assert {e.published for e in parsed.entries} == set(sorted(dates)[-500:])
    assert peak < 8 * len(body)  # feedparser alone needs about 16x
    assert any("dropped 99500" in note for note in parsed.notes)


def test_the_default_cap_is_a_thousand_entries() -> None:
    items = "".join(item(f"t{i}", f"https://a.example/{i}") for i in range(1_200))
    parsed = parse_bytes((HEAD + channel(items)).encode())
    assert len(parsed.entries) == 1_000 and parsed.dropped == 200
    assert parsed.entries[0].title == "t0"  # undated: document order, newest first


def test_giant_text_fields_are_capped() -> None:
    huge = "word " * 2_000_000  # 10 MB
    body = (HEAD + channel(item("T" * 50_000, extra=f"<description>{huge}</description>"))).encode()
    [entry] = parse_bytes(body).entries
    assert len(entry.title) <= 1_000 and entry.title.endswith("…")
    assert 50_000 < len(entry.summary) <= 100_000


def test_an_exception_inside_parsing_becomes_the_feed_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def explode(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(feedparser, "parse", explode)
    monkeypatch.setattr(monitor.parse, "fast_feed", explode)  # the lxml path, for plain feeds
    parsed = parse_bytes((HEAD + channel(item("x"))).encode())
    assert parsed.entries == ()
    assert (
        parsed.error == "not a feed we could read: RecursionError: maximum recursion depth exceeded"
    )
