"""`monitor explain`: which watch matched an entry, on which words, in which field."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from end_to_end import ARTICLE_PAGE, FIRST, UNRELATED, run
from feed_server import FeedServer
from helpers import Item, rss, write_config

from monitor.cli import main


def test_explain_a_feed_file_says_why_each_entry_matched_or_not(tmp_path: Path) -> None:
    saved = tmp_path / "wire.xml"
    saved.write_text(rss("Example Wire", [FIRST, UNRELATED]), encoding="utf-8")
    config = write_config(tmp_path, {})

    result = run(config, "explain", str(saved))

    assert result.exit_code == 0, result.output
    first, second = result.output.split("== ")[1:]
    assert "panjshir: MATCHED" in first
    assert 'entity:"Panjshir" = "Panjshir" in title' in first
    assert "panjshir: no match" in second and "missing:" in second


def test_explain_a_stored_article_by_its_url(tmp_path: Path, feeds: FeedServer) -> None:
    config = write_config(tmp_path, {"wire": feeds.set("wire.xml", rss("Wire", [FIRST]))})
    assert run(config, "poll", "--once").exit_code == 0

    result = run(config, "explain", "https://wire.example.com/world/panjshir-resistance")

    assert result.exit_code == 0, result.output
    assert "panjshir: MATCHED" in result.output


def test_explain_an_article_page_reads_its_main_text(tmp_path: Path, feeds: FeedServer) -> None:
    page = feeds.set("story.html", ARTICLE_PAGE, content_type="text/html")
    config = write_config(tmp_path, {})

    result = run(config, "explain", page)

    assert result.exit_code == 0, result.output
    assert "panjshir: MATCHED" in result.output
    assert "in content" in result.output
    assert "Most read" not in result.output


def test_a_query_watch_matches_with_near_and_fields(tmp_path: Path) -> None:
    saved = tmp_path / "wire.xml"
    near = Item(
        "n1",
        "Saleh says he is the legitimate caretaker president, Taliban reject it",
        "Statement from the Panjshir valley.",
        "https://a.example/1",
    )
    far = Item(
        "n2",
        "Amrullah Saleh rallies supporters",
        "The Taliban named a president of their own council later.",
        "https://a.example/2",
    )
    saved.write_text(rss("Wire", [near, far]), encoding="utf-8")
    config = write_config(tmp_path, {})
    config.write_text(
        config.read_text() + '\n[[watches]]\nname = "claims"\n'
        "query = 'title:(Saleh NEAR/8 president) AND entity:Taliban'\n"
    )

    result = CliRunner().invoke(main, ["--config", str(config), "explain", str(saved)])

    assert result.exit_code == 0, result.output
    first, second = result.output.split("== ")[1:]
    assert "claims: MATCHED" in first
    assert "claims: no match" in second
