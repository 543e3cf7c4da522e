"""Replay a labelled story through the daemon's own path and count its alerts against the labels.

Each story gets a fresh SQLite database in a temporary folder, a configuration with its
conflict's entities and one watch on all of them (a user following the conflict), and its
articles fed in order as feed entries (title: the text's first line; content: the rest;
published: the article's date; outlet: its outlet) through `Ingestor.ingest`, the code the
daemon runs for every fetched feed: match, dedup, extract, diff, alerts. Nothing of the diff is
re-done here; the fact alerts are read as the pipeline gives them (`Alert.change`).

Per article: which labelled changes got an alert with the same fact (kind, key and values, by
`monitor/evaluation/scoring.py`), which alerts matched no labelled change (false change alerts,
some of them on a labelled restatement), and which fact keys got two alerts.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from monitor.evaluation.real import folded, missing_locators, read_article_text
from monitor.evaluation.scoring import same_identity, same_values
from monitor.evaluation.stories import LabelledChange, LabelledStory, Restatement, published_at
from monitor.records import Casualties, Change, Entry, FactValue, Leadership, fact_value_fields

_CHANGE_NAMES = {"new": "new_fact"}


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One replayed article: labelled changes alerted and missed, alerts that matched no label
    (their titles), how many of those were on a labelled restatement, and keys alerted twice."""

    article: str
    alerted: tuple[LabelledChange, ...]
    missed: tuple[LabelledChange, ...]
    same_change: int  # alerted with the labelled change (new_fact, changed, contested)
    read_unalerted: int  # missed changes whose fact was read and stored, but raised no alert
    false: tuple[str, ...]
    restated: int
    doubled: tuple[tuple[str, ...], ...]


@dataclass
class StoryOutcome:
    name: str
    articles: list[ArticleOutcome] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # articles without a text
    stale: list[str] = field(default_factory=list)  # locators their text does not hold
    errors: list[str] = field(default_factory=list)  # articles the store refused

    @property
    def expected(self) -> int:
        return sum(len(a.alerted) + len(a.missed) for a in self.articles)

    @property
    def alerted(self) -> int:
        return sum(len(a.alerted) for a in self.articles)

    @property
    def false(self) -> int:
        return sum(len(a.false) for a in self.articles)


def _same(a: object, b: object) -> bool:
    """Two field values alike, strings compared without case or spacing."""
    if isinstance(a, str) and isinstance(b, str):
        return folded(a) == folded(b)
    return a == b


def same_fact(label: FactValue, got: FactValue) -> bool:
    """The alert carries the labelled fact: the scoring module's identity and values, and the
    fields it does not compare yet that make a fact the same one (a casualty count's scope and
    place, a fate's place)."""
    if not (same_identity(label, got) and same_values(label, got)):
        return False
    if isinstance(label, Casualties) and isinstance(got, Casualties):
        return label.scope == got.scope and _same(label.location, got.location)
    if isinstance(label, Leadership) and isinstance(got, Leadership) and label.aspect == "fate":
        return _same(label.location, got.location)
    return True


def brief(value: FactValue) -> str:
    """A fact in one line: its kind and the fields it has."""
    fields = fact_value_fields(value)
    return f"{value.kind} " + ", ".join(f"{k}={v}" for k, v in fields.items() if v is not None)


def restates(restatement: Restatement, got: FactValue) -> bool:
    return got.kind == restatement.kind and all(
        _same(getattr(got, name, None), value) for name, value in restatement.key.items()
    )


def score_article(
    article: str,
    changes: Sequence[Change],
    labels: Sequence[LabelledChange],
    restatements: Sequence[Restatement],
    read: Sequence[FactValue] = (),
) -> ArticleOutcome:
    """Compare one article's fact alerts (the changes they carry) with its labels; `read` are
    the facts stored from the article, to tell a fact never read from one read but not
    alerted."""
    pending = list(labels)
    alerted: list[LabelledChange] = []
    false: list[str] = []
    same_change = restated = 0
    for change in changes:
        value = change.after.value
        hit = next((label for label in pending if same_fact(label.value, value)), None)
        if hit is not None:
            pending.remove(hit)
            alerted.append(hit)
            same_change += _CHANGE_NAMES.get(change.kind, change.kind) == hit.change
            continue
        false.append(f"{change.kind} {brief(value)}")
        restated += any(restates(r, value) for r in restatements)
    counts = Counter(change.after.key for change in changes)
    doubled = tuple(key for key, n in counts.items() if n > 1)
    unalerted = sum(any(same_fact(label.value, v) for v in read) for label in pending)
    return ArticleOutcome(
        article,
        tuple(alerted),
        tuple(pending),
        same_change,
        unalerted,
        tuple(false),
        restated,
        doubled,
    )


def _config_document(story: LabelledStory, database: Path) -> dict[str, object]:
    entities = [
        {"name": e.name, "kind": e.kind, "aliases": list(e.aliases)}
        | ({"short_names": list(e.short_names)} if e.short_names else {})
        | ({"affiliation": e.affiliation} if e.affiliation else {})
        for e in story.entities
    ]
    watch = {"name": story.name, "entities": [e.name for e in story.entities]}
    return {
        "storage": {"url": f"sqlite:///{database}"},
        "entities": entities,
        "watches": [watch],
    }


def entry_for(text: str, url: str, outlet: str, published: datetime) -> Entry:
    """An article as the feed entry it would be: its first line the title, the rest content."""
    title, _, content = text.strip().partition("\n")
    return Entry(outlet, outlet, url, url, title.strip(), "", content.strip(), published)


def _stale(story: LabelledStory, article: str, text: str) -> list[str]:
    locators = [c.locator for c in story.changes if c.article == article]
    locators += [r.locator for r in story.restatements if r.article == article]
    return [f"{article}: {loc!r}" for loc in missing_locators(locators, text)]


def replay_story(story: LabelledStory, texts: Path) -> StoryOutcome:
    """Replay one story in a temporary database and score every article that has a text."""
    from monitor.config import parse_config
    from monitor.pipeline.ingest import Ingestor
    from monitor.store import Store

    outcome = StoryOutcome(story.name)
    with tempfile.TemporaryDirectory(prefix="monitor-story-") as tmp:
        folder = Path(tmp)
        document = _config_document(story, folder / "monitor.sqlite3")
        config = parse_config(document, folder / "monitor.toml", {})
        store = Store.open(config.database_url())
        try:
            ingestor = Ingestor(config, store)
            for article, at in zip(story.articles, published_at(story.articles), strict=True):
                path = texts / f"{article.id}.txt"
                if not path.is_file():
                    outcome.missing.append(article.id)
                    continue
                text = read_article_text(path)
                outcome.stale += _stale(story, article.id, text)
                store.ensure_feed(article.outlet, article.url, at)
                entry = entry_for(text, article.url, article.outlet, at)
                ingested = ingestor.ingest([entry], at, queue=False)
                if ingested.failed:
                    outcome.errors.append(f"{article.id}: {ingested.error}")
                changes = [a.change for a in ingested.alerts if a.change is not None]
                labels = [c for c in story.changes if c.article == article.id]
                quiet = [r for r in story.restatements if r.article == article.id]
                read = [
                    r.fact.value for r in store.facts() if r.fact.evidence.article_url == entry.url
                ]
                outcome.articles.append(score_article(article.id, changes, labels, quiet, read))
        finally:
            store.close()
    return outcome
