"""`monitor feeds discover URL` against real HTTP servers on 127.0.0.1: the feeds a page
advertises, resolved as a browser would; a URL that is a feed; the fetch stage's guard and
limits."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from end_to_end import FIRST
from feed_server import FeedServer
from helpers import rss
from hostile_server import hostile_server, redirect, reply
from json_feeds import json_feed

from monitor.cli import main

PAGE = """<!DOCTYPE html>
<html><head>
  <meta charset="utf-8">
  <title>Frontier Daily</title>
  <link rel="stylesheet" href="/style.css" type="text/css">
  <link rel="alternate" type="application/rss+xml" title="Frontier Daily:
     World" href="world/rss.xml">
  <link rel="alternate" type="application/atom+xml" title="Comments" href="https://comments.example/atom">
  <link rel="alternate" type="application/feed+json" title="JSON Feed" href="/feed.json">
  <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
  <link rel="alternate" type="application/rss+xml" title="again" href="world/rss.xml">
  <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
  <link rel="alternate" hreflang="fr" href="/fr/">
</head><body><p>News.</p></body></html>
"""


def cli(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)


def test_a_page_lists_its_feeds_with_titles_and_types(tmp_path: Path, feeds: FeedServer) -> None:
    url = feeds.set("news/", PAGE, content_type="text/html; charset=utf-8")

    result = cli(tmp_path / "none.toml", "feeds", "discover", "--allow-private", url)

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{url} advertises 3 feeds:",
        f"  RSS            {feeds.base_url}/news/world/rss.xml  Frontier Daily: World",
        "  Atom           https://comments.example/atom  Comments",
        f"  JSON Feed      {feeds.base_url}/feed.json  JSON Feed",
    ]


def test_links_resolve_against_base_and_the_url_after_redirects(
    tmp_path: Path, feeds: FeedServer
) -> None:
    feeds.set("site/en/", PAGE, content_type="text/html")
    with_base = PAGE.replace("<head>", '<head><base href="https://cdn.example/static/">')
    feeds.set("based.html", with_base, content_type="text/html")
    with hostile_server() as hostile:
        moved = hostile.route("/site", redirect(feeds.url("site/en/"), status=301))
        redirected = cli(tmp_path / "none.toml", "feeds", "discover", "--allow-private", moved)
    based = cli(
        tmp_path / "none.toml", "feeds", "discover", "--allow-private", feeds.url("based.html")
    )

    assert redirected.exit_code == 0, redirected.output
    assert f"{feeds.base_url}/site/en/world/rss.xml" in redirected.stdout
    assert based.exit_code == 0, based.output
    assert "https://cdn.example/static/world/rss.xml" in based.stdout
    assert "https://cdn.example/feed.json" in based.stdout


def test_a_url_that_is_a_feed_says_so(tmp_path: Path, feeds: FeedServer) -> None:
    xml = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    jsonf = feeds.set("wire.json", json_feed("Wire JSON", [FIRST]), content_type="application/json")

    as_rss = cli(tmp_path / "none.toml", "feeds", "discover", "--allow-private", xml)
    as_json = cli(tmp_path / "none.toml", "feeds", "discover", "--allow-private", jsonf)

    assert as_rss.stdout == f"{xml} is a feed itself: RSS 'Example Wire', 1 entries\n"
    assert as_json.stdout == f"{jsonf} is a feed itself: JSON Feed 'Wire JSON', 1 entries\n"


def test_the_fetch_stage_guard_and_limits_apply(tmp_path: Path, feeds: FeedServer) -> None:
    page = feeds.set("big.html", PAGE + "<!--" + "x" * 8000 + "-->", content_type="text/html")
    bare = feeds.set("bare.html", "<html><body>No feeds</body></html>", content_type="text/html")
    config = tmp_path / "monitor.toml"
    config.write_text("[polling]\nmax_body_bytes = 4096\n")

    guarded = cli(config, "feeds", "discover", page)
    too_big = cli(config, "feeds", "discover", "--allow-private", page)
    nothing = cli(config, "feeds", "discover", "--allow-private", bare)
    invalid = cli(config, "feeds", "discover", "ftp://example.org/")

    assert guarded.exit_code == 1
    assert "non-public address 127.0.0.1 (loopback)" in guarded.stderr
    assert "(here: --allow-private)" in guarded.stderr
    assert too_big.exit_code == 1 and "body too large: more than 4096 bytes" in too_big.stderr
    assert nothing.exit_code == 1
    assert "the page advertises no feed" in nothing.stderr
    assert invalid.exit_code == 1 and "must be an http:// or https:// URL" in invalid.stderr


def test_a_server_error_is_reported(tmp_path: Path) -> None:
    with hostile_server() as hostile:
        url = hostile.route("/gone", reply(410, b"gone"))
        result = cli(tmp_path / "none.toml", "feeds", "discover", "--allow-private", url)
    assert result.exit_code == 1 and "HTTP 410 Gone" in result.stderr
