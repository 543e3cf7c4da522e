"""Labelled stories of the real-text set: the files follow their schema, and the replay runs a
story through the daemon's ingest and counts alerted changes, false alerts and double alerts."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor.evaluation.corpus import CorpusError
from monitor.evaluation.real import REAL_SET
from monitor.evaluation.stories import LabelledChange, Restatement, load_stories, load_story
from monitor.evaluation.story_replay import (
    ArticleOutcome,
    StoryOutcome,
    entry_for,
    replay_story,
    score_article,
)
from monitor.evaluation.story_report import format_outcome, format_totals
from monitor.records import Change, Evidence, Fact, TerritorialControl

ENTITIES = [
    {"name": "Northern Front", "kind": "group", "aliases": ["the Front"]},
    {"name": "Southern Army", "kind": "group", "aliases": []},
    {"name": "Riverton", "kind": "place", "aliases": []},
    {"name": "Hillside", "kind": "place", "aliases": []},
]
# Three articles the replay reads, and a fourth whose text is missing.
TEXTS = {
    "t-01": "Northern Front fighters close in on Riverton\n\n"
    "The Northern Front has surrounded Riverton, the regional capital, residents said.",
    "t-02": "Riverton falls to the Northern Front\n\n"
    "The Northern Front captured Riverton on Thursday after a week of fighting. "
    "The Southern Army still holds Hillside, a town to the south.",
    "t-03": "Calm returns to Riverton\n\nThe Northern Front captured Riverton last week.",
}
DATES = {"t-01": "2024-03-01", "t-02": "2024-03-05", "t-03": "2024-03-09", "t-04": None}


def _change(article: str, status: str, change: str) -> dict[str, object]:
    return {
        "article": article,
        "kind": "territorial_control",
        "key": {"place": "Riverton"},
        "change": change,
        "after": {"controller": "Northern Front", "status": status},
        "locator": "the Northern Front",
    }


TINY_STORY: dict[str, object] = {
    "story": "riverton",
    "conflict": "tiny",
    "articles": ["t-01", "t-02", "t-03", "t-04"],
    "changes": [
        _change("t-01", "surrounded", "new_fact"),
        _change("t-02", "captured", "changed"),
    ],
    "restatements": [
        {"article": "t-03", "kind": "territorial_control", "key": {"place": "Riverton"},
         "locator": "captured Riverton last week"},
    ],
}  # fmt: skip


def _labels(tmp_path: Path, story: dict[str, object]) -> Path:
    root = tmp_path / "labels"
    for folder in ("entities", "articles", "stories"):
        (root / folder).mkdir(parents=True)
    (root / "entities" / "tiny.json").write_text(json.dumps(ENTITIES))
    for article, day in DATES.items():
        meta = {
            "id": article,
            "url": f"https://news.example.org/{article}",
            "outlet": "news.example.org",
            "published": day,
            "year": 2024,
            "story": "riverton",
        }
        (root / "articles" / f"{article}.json").write_text(json.dumps(meta))
    (root / "stories" / "riverton.json").write_text(json.dumps(story))
    return root


def _texts(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    for article, text in TEXTS.items():
        (texts / f"{article}.txt").write_text(text, encoding="utf-8")
    return texts


@pytest.mark.store_free
def test_the_set_has_three_stories_of_five_articles_in_date_order() -> None:
    stories = load_stories()
    assert len(stories) >= 3
    for story in stories:
        assert len(story.articles) >= 5, story.name
        dated = [a.published for a in story.articles if a.published is not None]
        assert dated == sorted(dated), story.name
        undated = [a.published is None for a in story.articles]
        assert undated == sorted(undated), f"{story.name}: undated articles come last"
        for article in story.articles:
            raw = json.loads((REAL_SET / "articles" / f"{article.id}.json").read_text())
            assert raw["story"] == story.name and raw["conflict"] == story.conflict
        assert story.changes, story.name


@pytest.mark.store_free
def test_a_long_locator_is_refused(tmp_path: Path) -> None:
    story = json.loads(json.dumps(TINY_STORY))
    story["changes"][0]["locator"] = "one two three four five six seven"
    root = _labels(tmp_path, story)
    with pytest.raises(CorpusError, match=r"riverton.json change 0: a locator has at most six"):
        load_story(root / "stories" / "riverton.json", root)


@pytest.mark.store_free
def test_a_fact_about_an_unconfigured_entity_is_refused(tmp_path: Path) -> None:
    story = json.loads(json.dumps(TINY_STORY))
    story["changes"][1]["after"]["controller"] = "Eastern Militia"
    root = _labels(tmp_path, story)
    with pytest.raises(CorpusError, match="not a configured entity: controller 'Eastern Militia'"):
        load_story(root / "stories" / "riverton.json", root)


@pytest.mark.store_free
def test_a_key_field_of_another_kind_is_refused(tmp_path: Path) -> None:
    story = json.loads(json.dumps(TINY_STORY))
    story["changes"][0]["key"] = {"subject": "Northern Front"}
    root = _labels(tmp_path, story)
    with pytest.raises(CorpusError, match=r"key fields of territorial_control are \['place'\]"):
        load_story(root / "stories" / "riverton.json", root)


@pytest.mark.store_free
def test_an_article_text_becomes_an_entry_titled_by_its_first_line() -> None:
    at = datetime(2024, 3, 1, 12, tzinfo=UTC)
    entry = entry_for(TEXTS["t-02"], "https://news.example.org/t-02", "news.example.org", at)
    assert entry.title == "Riverton falls to the Northern Front"
    assert entry.content.startswith("The Northern Front captured Riverton")
    assert (entry.outlet, entry.published) == ("news.example.org", at)


def _fact(place: str, controller: str, status: str, quote: str) -> Fact:
    at = datetime(2024, 3, 5, tzinfo=UTC)
    value = TerritorialControl(place, controller, status)  # type: ignore[arg-type]
    return Fact(value, Evidence(quote, "https://news.example.org/t-02", "news.example.org", at, at))


@pytest.mark.store_free
def test_two_alerts_on_one_key_count_as_a_double_and_the_second_as_false() -> None:
    labels = [
        LabelledChange(
            "t-02", TerritorialControl("Riverton", "Northern Front", "captured"), "changed", "x"
        )
    ]
    quiet = [Restatement("t-02", "territorial_control", {"place": "Riverton"}, "x")]
    changes = [
        Change("changed", _fact("Riverton", "Northern Front", "captured", "took Riverton")),
        Change("contested", _fact("Riverton", "Southern Army", "holds", "still holds Riverton")),
    ]
    outcome = score_article("t-02", changes, labels, quiet)
    assert [c.value for c in outcome.alerted] == [labels[0].value] and not outcome.missed
    assert outcome.same_change == 1
    assert len(outcome.false) == 1 and "Southern Army" in outcome.false[0]
    assert outcome.restated == 1
    assert outcome.doubled == (("territorial_control", "Riverton"),)


@pytest.mark.store_free
def test_a_labelled_change_with_other_values_is_missed() -> None:
    label = LabelledChange(
        "t-01", TerritorialControl("Riverton", "Northern Front", "surrounded"), "new_fact", "x"
    )
    alert = Change("new", _fact("Riverton", "Southern Army", "surrounded", "Riverton is besieged"))
    outcome = score_article("t-01", [alert], [label], [])
    assert outcome.missed == (label,) and len(outcome.false) == 1 and not outcome.doubled


@pytest.mark.sqlite_only("the story replay always runs in a temporary SQLite file")
def test_a_tiny_story_replays_with_known_counts(tmp_path: Path) -> None:
    """Riverton surrounded, then captured (two labelled changes, both alerted); Hillside held by
    the Southern Army is labelled neither way (a false change alert); the third article restates
    the capture and must stay quiet; the fourth has no text and is reported missing."""
    root = _labels(tmp_path, TINY_STORY)
    outcome = replay_story(load_story(root / "stories" / "riverton.json", root), _texts(tmp_path))
    assert outcome.missing == ["t-04"] and outcome.stale == [] and outcome.errors == []
    assert [a.article for a in outcome.articles] == ["t-01", "t-02", "t-03"]
    assert (outcome.alerted, outcome.expected) == (2, 2)
    assert outcome.false == 1
    t02 = outcome.articles[1]
    assert len(t02.false) == 1 and "Hillside" in t02.false[0]
    assert outcome.articles[2].false == () and outcome.articles[2].restated == 0
    assert not any(a.doubled for a in outcome.articles)
    assert sum(a.same_change for a in outcome.articles) == 2
    totals = format_totals([outcome])
    assert "changes alerted 2/2 (100%)" in totals
    assert "false change alerts 1 (0.33 per article)" in totals and "MISSED" in totals


def test_no_target_is_met_when_no_article_was_replayed() -> None:
    """Without the texts at hand nothing is replayed: the totals say the targets were not
    measured, not that they were met."""
    totals = format_totals([StoryOutcome("a-story", [], missing=["t-01", "t-02"])])
    assert "0 articles replayed" in totals
    assert totals.count("not measured") == 3 and "ok" not in totals


def test_the_errors_of_the_other_split_are_counted_but_never_listed() -> None:
    """Tuning on the development part reads its misses; the held-out articles of a story only
    add to its counts."""

    def article(name: str, false: str) -> ArticleOutcome:
        return ArticleOutcome(name, (), (), 0, 0, (false,), 0, ())

    outcome = StoryOutcome("a-story", [article("dev-01", "Dev alert"), article("ho-01", "HO")])
    text = format_outcome(outcome, verbose=True, shown={"dev-01"})
    assert "dev-01 false: Dev alert" in text
    assert "HO" not in text and "(1 articles of the other split not listed)" in text
    assert "false change alerts 2" in text
