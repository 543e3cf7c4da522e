"""`monitor feeds import` and `export`: the OPML files that readers export (tests/config/opml/,
written to match the shapes Miniflux, FreshRSS, Feedly, Inoreader and rss2email produce) become
valid [[feeds]] entries; the configured feeds come out as OPML 2.0 those readers import."""

from __future__ import annotations

import json
import tomllib
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from end_to_end import FIRST
from feed_server import FeedServer
from helpers import rss, write_config
from lxml import etree

from monitor.cli import main
from monitor.config import load_config
from monitor.config.opml import feed_key, read_opml, slug

OPML = Path(__file__).parent / "opml"


def cli(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)


def imported(result: Result) -> list[tuple[str, str]]:
    return [(f["name"], f["url"]) for f in tomllib.loads(result.stdout).get("feeds", [])]


EXPECTED = {
    "miniflux": [
        ("the-frontier-daily-world", "https://frontierdaily.example/world/rss.xml"),
        ("hindu-kush-review", "https://hindukushreview.example/feed/"),
        ("kabul-evening-post", "https://kabulpost.example/feeds/all.atom"),
        ("novosti-pamira", "https://pamir-news.example/rss?lang=ru&section=world"),
    ],
    "freshrss": [
        ("globe-dispatch", "https://globedispatch.example/rss/world.xml"),
        ("steppe-wire-json", "https://steppewire.example/feed.json"),
    ],
    "feedly": [
        ("the-frontier-daily-world", "http://www.frontierdaily.example/world/rss.xml"),
        ("globe-dispatch", "https://globedispatch.example/rss/world.xml"),
        ("globe-dispatch-2", "https://globedispatch.example/rss/asia.xml"),
        ("mountain-monitor", "https://mountainmonitor.example/index.xml?utm_source=feedly"),
    ],
    "inoreader": [
        ("kabul-evening-post", "https://kabulpost.example/feeds/all.atom"),
        ("panjshir-observer", "https://panjshir-observer.example/?feed=rss2"),
        ("wire-service-asia", "https://wire.example.com/asia/rss"),
    ],
    "rss2email": [
        ("frontier", "https://frontierdaily.example/world/rss.xml"),
        ("hkr", "https://hindukushreview.example/feed/"),
        ("wire-asia", "https://wire.example.com/asia/rss"),
    ],
}
REPORTED = {
    "miniflux": [],
    "freshrss": [
        ":13: 'Valley Council notices': skipped: type 'html+xpath' is not a feed"
        " (RSS, Atom or JSON Feed)"
    ],
    "feedly": [
        ":11: 'Globe Dispatch': named 'globe-dispatch-2' ('globe-dispatch' is taken)",
        ":15: 'Mountain Monitor': skipped: duplicate of line 12 ('mountain-monitor'): same URL",
    ],
    "inoreader": [
        ":10: 'Old gopher mirror': skipped: invalid URL 'gopher://mirror.example/1/news': "
        "must be an http:// or https:// URL"
    ],
    "rss2email": [
        ":10: 'feed-4': skipped: invalid URL 'https://port.example:99999/rss': "
        "port '99999' is not a number from 1 to 65535"
    ],
}


@pytest.mark.parametrize("reader", sorted(EXPECTED))
def test_each_readers_export_imports_as_valid_configuration(tmp_path: Path, reader: str) -> None:
    config = write_config(tmp_path, {})
    path = OPML / f"{reader}.opml"

    result = cli(config, "feeds", "import", str(path))

    assert result.exit_code == 0, result.output
    assert imported(result) == EXPECTED[reader]
    reported = [line.removeprefix(str(path)) for line in result.stderr.splitlines()]
    assert reported[:-1] == REPORTED[reader]
    skipped = sum("skipped:" in line for line in REPORTED[reader])
    assert reported[-1] == f"{len(EXPECTED[reader])} feeds imported, {skipped} skipped"
    combined = config.read_text() + "\n" + result.stdout
    config.write_text(combined)
    assert [(f.name, f.url) for f in load_config(config).feeds] == EXPECTED[reader]


def test_append_adds_to_the_configuration_and_a_second_import_finds_only_duplicates(
    tmp_path: Path,
) -> None:
    config = write_config(tmp_path, {"frontier": "https://frontierdaily.example/world/rss.xml"})
    before = config.read_text()

    first = cli(config, "feeds", "import", "--append", str(OPML / "miniflux.opml"))

    assert first.exit_code == 0, first.output
    assert first.stdout == ""
    assert config.read_text().startswith(before), "the file is appended to, never rewritten"
    loaded = load_config(config)
    assert [f.name for f in loaded.feeds] == [
        "frontier",
        "hindu-kush-review",
        "kabul-evening-post",
        "novosti-pamira",
    ]
    assert "line 5" not in first.stderr
    assert "'The Frontier Daily - World': skipped: duplicate of feed 'frontier'" in first.stderr

    feedly = cli(config, "feeds", "import", "--append", str(OPML / "feedly.opml"))
    assert feedly.exit_code == 0, "globe-dispatch feeds are new"
    assert (
        ":9: 'The Frontier Daily – World': skipped: duplicate of feed 'frontier'" in feedly.stderr
    )

    again = cli(config, "feeds", "import", "--append", str(OPML / "miniflux.opml"))
    assert again.exit_code == 1
    assert "no feed imported (4 skipped)" in again.stderr
    assert len(load_config(config).feeds) == 7, "nothing added the second time"


def test_a_hand_edited_file_is_read_as_far_as_it_goes_without_expanding_entities(
    tmp_path: Path,
) -> None:
    path = OPML / "hand-edited.opml"
    result = cli(tmp_path / "missing.toml", "feeds", "import", str(path))

    assert result.exit_code == 0, result.output
    assert imported(result) == [
        ("valley-radio", "https://valleyradio.example/podcast.xml?show=news&format=rss"),
        ("untitled-example", "https://untitled.example/rss"),
        ("broken-one", "https://broken.example/rss"),
    ]
    assert "[[feeds]]  # Valley Radio (in News / Regional)" in result.stdout
    assert f"{path}: not well-formed, read past: line 8: Entity 'lol3' not defined" in result.stderr
    assert "lol" not in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not XML"),
        (b"just some words", "not XML"),
        (rss("Wire", [FIRST]).encode(), "its root element is <rss>, not <opml>"),
        (b"<opml><body></body></opml>", "no feed imported (0 skipped)"),
        (b"<opml>" + b" " * (10 * 1024 * 1024) + b"</opml>", "larger than 10 MB"),
    ],
)
def test_files_that_hold_no_feeds_exit_non_zero_with_the_reason(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "list.opml"
    path.write_bytes(content)
    result = cli(tmp_path / "missing.toml", "feeds", "import", str(path))
    assert result.exit_code == 1
    assert f"{path}: " in result.stderr and message in result.stderr
    assert result.stdout == ""


def test_names_and_url_keys() -> None:
    assert slug("Al Jazeera – Breaking News, World News and Video from Al Jazeera") == (
        "al-jazeera-breaking-news-world-news-and"
    )
    assert slug("Новости Памира") == "novosti-pamira"
    assert slug("日本のニュース") != ""
    assert slug("!!!") == ""
    same = [
        "https://www.Example.org/feed/",
        "http://example.org/feed",
        "https://example.org:443/feed#top",
    ]
    assert len({feed_key(url) for url in same}) == 1
    assert feed_key("https://example.org/feed?b=2&a=1") == feed_key(
        "https://example.org/feed?a=1&b=2"
    )
    assert feed_key("https://example.org/feed") != feed_key("https://example.org/feed?page=2")


def test_export_is_opml_2_that_reads_back_with_titles_from_the_database(
    tmp_path: Path, feeds: FeedServer
) -> None:
    wire = feeds.set("wire.xml", rss("Example Wire & Co", [FIRST]))
    config = write_config(
        tmp_path, {"wire": wire, "later": "https://later.example/feed.xml?a=1&b=2"}
    )
    disabled = '\n[[feeds]]\nname = "off"\nurl = "https://off.example/"\nenabled = false\n'
    config.write_text(config.read_text() + disabled)
    assert cli(config, "poll", "--once").exit_code == 0

    result = cli(config, "feeds", "export")

    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    root = etree.fromstring(result.stdout.encode())
    assert root.findtext("head/title") == "monitor feeds"
    parsedate_to_datetime(root.findtext("head/dateCreated") or "")
    outlines = [dict(o.attrib) for o in root.iter("outline")]
    assert outlines == [
        {"type": "rss", "text": "Example Wire & Co", "title": "Example Wire & Co", "xmlUrl": wire},
        {
            "type": "rss",
            "text": "later",
            "title": "later",
            "xmlUrl": "https://later.example/feed.xml?a=1&b=2",
        },
    ]
    exported = tmp_path / "exported.opml"
    exported.write_text(result.stdout)
    outlines_read, problems = read_opml(exported.read_bytes())
    assert [(o.title, o.xml_url) for o in outlines_read] == [
        ("Example Wire & Co", wire),
        ("later", "https://later.example/feed.xml?a=1&b=2"),
    ]
    assert problems == ()
    listing = cli(config, "feeds", "--json").stdout.splitlines()
    listed = [json.loads(line)["name"] for line in listing]
    assert "wire" in listed, "`monitor feeds` without a subcommand still lists the feeds"
