"""The real-text set: its labels follow the schema and commit no article text, and the scorer
reads texts from a folder outside the repo, saying which are missing or changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from realtext_set import CAPTURE, one_article, text_folder

from monitor.evaluation.corpus import CorpusError
from monitor.evaluation.real import (
    REAL_SET,
    load_parts,
    load_real_set,
    read_article_text,
    score_real,
)
from monitor.evaluation.real_report import main
from monitor.extract.language.mentions import find_mentions
from monitor.records import TerritorialControl

pytestmark = pytest.mark.store_free


def test_every_label_names_configured_entities_and_a_short_locator() -> None:
    real = load_real_set()
    for article in real.articles:
        names = {e.name for e in real.entities[article.conflict]}
        for label in article.labels:
            value = label.value
            named = value.place if isinstance(value, TerritorialControl) else value.subject
            assert named in names, f"{article.id}: {named!r} is not configured"
            if isinstance(value, TerritorialControl) and value.controller:
                assert value.controller in names, f"{article.id}: {value.controller!r}"
        assert all(len(loc.split()) <= 6 for loc in article.locators), article.id


def test_no_article_text_is_committed() -> None:
    """Only URLs, queries, labels and locators: no file in the set is article-sized prose."""
    for path in REAL_SET.rglob("*.json"):
        raw = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(raw, dict):
            assert not {"text", "paragraphs", "body", "content"} & set(raw), path.name


def test_every_conflict_belongs_to_one_part() -> None:
    parts = load_parts()
    named = [c for conflicts in parts.values() for c in conflicts]
    assert sorted(named) == sorted(load_real_set().entities) and len(set(named)) == len(named)


def test_a_third_is_held_out() -> None:
    articles = load_real_set().articles
    heldout = [a for a in articles if a.split == "heldout"]
    assert articles and 0.25 <= len(heldout) / len(articles) <= 0.4


def test_texts_are_scored_and_missing_ones_named(tmp_path: Path) -> None:
    root = one_article(tmp_path, [CAPTURE])
    texts = tmp_path / "texts"
    texts.mkdir()
    real = load_real_set(root)
    result = score_real(real, texts)
    assert result.missing == ["sudan-01"] and not result.reports
    (texts / "sudan-01.txt").write_text(
        "RSF takes Bara\n\nThe RSF captured the town of Bara on Saturday.", encoding="utf-8"
    )
    scored = score_real(real, texts)
    report = scored.reports["dev"]
    assert (report.scores["territorial_control"].tp, report.scores["territorial_control"].fp) == (
        1,
        0,
    )
    # the cost of extraction is counted over the article's words, the model's loading apart
    assert scored.words == 12 and scored.ms_per_1000_words > 0


def test_a_changed_page_is_reported_by_its_locator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = one_article(tmp_path, [CAPTURE])
    texts = text_folder(tmp_path, "The page now says something else.")
    assert main(["--texts", str(texts), "--labels", str(root)]) == 0
    out = capsys.readouterr().out
    assert "locators not found in their text (1)" in out and "sudan-01" in out


def test_one_part_is_scored_alone_and_an_unknown_part_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = one_article(tmp_path, [CAPTURE])
    (root / "parts.json").write_text(json.dumps({"A": ["sudan"], "B": []}), encoding="utf-8")
    texts = text_folder(tmp_path, "The RSF captured the town of Bara.")
    args = ["--texts", str(texts), "--labels", str(root), "--no-stories"]
    assert main([*args, "--part", "A"]) == 0
    assert "1 articles, 1 conflicts" in capsys.readouterr().out
    assert main([*args, "--part", "B"]) == 1  # nothing scored
    assert "0 articles, 0 conflicts" in capsys.readouterr().out
    assert main([*args, "--part", "Z"]) == 2
    assert "no part 'Z'" in capsys.readouterr().err


def test_a_long_locator_or_committed_text_is_refused(tmp_path: Path) -> None:
    root = one_article(tmp_path, [{**CAPTURE, "locator": "one two three four five six seven"}])
    with pytest.raises(CorpusError, match="at most six words"):
        load_real_set(root)


def test_mentions_of_labels_exist_in_entities() -> None:
    """Each conflict's entity file is usable by the extractors (names are found in text)."""
    for entities in load_real_set().entities.values():
        for entity in entities:
            assert find_mentions(f"Reports said {entity.name} was mentioned.", entities)


def test_a_persons_affiliation_reaches_the_extractors() -> None:
    """The set's entity files tie leaders to their groups, as a user's configuration would."""
    tied = [e for ents in load_real_set().entities.values() for e in ents if e.affiliation]
    assert tied and all(e.kind == "person" for e in tied)


def test_the_index_date_before_a_stored_text_is_not_read_as_its_prose(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text(" date 2022-01-10 Rebels took Bara on Monday.\n\nMore text.", encoding="utf-8")
    assert read_article_text(path) == "Rebels took Bara on Monday.\n\nMore text."
    path.write_text("date 2021-11 Rebels took Bara.", encoding="utf-8")  # a month alone
    assert read_article_text(path) == "Rebels took Bara."
    path.write_text("The date 2022-01-10 was quiet.", encoding="utf-8")
    assert read_article_text(path) == "The date 2022-01-10 was quiet."
