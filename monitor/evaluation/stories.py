"""Labelled stories of the real-text set (`tests/realtext/stories/`): the alerts a good analyst
following a story would want, article by article, and the restatements that must stay quiet.

A story file names its conflict (whose configured entities apply), its articles in date order,
and two lists: `changes` (each with the fact kind, the key, the change and the value fields
after it) and `restatements` (kind and key only). The labelling rules are in the folder's
README. Labels are checked here, before anything is replayed: a bad file is an error that says
which file and which item.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from monitor.evaluation.corpus import CorpusError
from monitor.evaluation.real import MAX_LOCATOR_WORDS, REAL_SET, load_entities
from monitor.records import (
    FACT_KINDS,
    EntityRef,
    FactKind,
    FactValue,
    fact_value_fields,
    fact_value_from_fields,
)

STORIES = REAL_SET / "stories"
CHANGES = frozenset({"new_fact", "changed", "contested"})
# The identity fields of each kind's key; every other field of the kind is a value field.
KEY_FIELDS: dict[FactKind, frozenset[str]] = {
    "force_size": frozenset({"subject"}),
    "leadership": frozenset({"subject"}),
    "territorial_control": frozenset({"place"}),
    "casualties": frozenset({"subject", "scope", "location"}),
}
_ENTITY_FIELDS = ("subject", "place", "controller", "organization")


@dataclass(frozen=True, slots=True)
class LabelledChange:
    """An alert the story should raise at this article: the fact it carries, and the change."""

    article: str
    value: FactValue
    change: str
    locator: str


@dataclass(frozen=True, slots=True)
class Restatement:
    """A fact key this article restates: an alert on it is noise."""

    article: str
    kind: FactKind
    key: dict[str, object]
    locator: str


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """Where to find an article again, and when it was published (None: undated)."""

    id: str
    url: str
    outlet: str
    published: date | None
    year: int


@dataclass(frozen=True, slots=True)
class LabelledStory:
    name: str
    conflict: str
    entities: tuple[EntityRef, ...]
    articles: tuple[StoryArticle, ...]
    changes: tuple[LabelledChange, ...]
    restatements: tuple[Restatement, ...]


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise CorpusError(f"{where}: {message}")


def _locator(item: dict[str, Any], where: str) -> str:
    locator = item.get("locator")
    _require(isinstance(locator, str) and locator.strip() != "", where, "a locator is required")
    words = len(cast(str, locator).split())
    _require(words <= MAX_LOCATOR_WORDS, where, f"a locator has at most six words ({words})")
    return cast(str, locator)


def _kind_and_key(item: dict[str, Any], where: str) -> tuple[FactKind, dict[str, object]]:
    kind = item.get("kind")
    _require(kind in FACT_KINDS, where, f"kind must be one of {list(FACT_KINDS)}")
    key = item.get("key")
    _require(isinstance(key, dict) and bool(key), where, "key must be an object of fields")
    wanted = KEY_FIELDS[cast(FactKind, kind)]
    extra = sorted(set(cast(dict[str, object], key)) - wanted)
    _require(not extra, where, f"key fields of {kind} are {sorted(wanted)}, not {extra}")
    return cast(FactKind, kind), cast(dict[str, object], key)


def _value(kind: FactKind, key: dict[str, object], after: object, where: str) -> FactValue:
    _require(isinstance(after, dict), where, "after must be an object of value fields")
    fields = cast(dict[str, object], after)
    clash = sorted(set(fields) & KEY_FIELDS[kind])
    _require(not clash, where, f"after repeats key fields {clash}")
    try:
        return fact_value_from_fields(kind, {**key, **fields})
    except TypeError as exc:
        raise CorpusError(f"{where}: not a {kind} fact: {exc}") from None


def _unconfigured(value: FactValue | dict[str, object], names: set[str]) -> list[str]:
    fields = value if isinstance(value, dict) else fact_value_fields(value)
    return [
        f"{name} {fields[name]!r}"
        for name in _ENTITY_FIELDS
        if isinstance(fields.get(name), str) and fields[name] not in names
    ]


def _change(raw: object, where: str, names: set[str]) -> LabelledChange:
    _require(isinstance(raw, dict), where, "a change must be an object")
    item = cast(dict[str, Any], raw)
    kind, key = _kind_and_key(item, where)
    _require(item.get("change") in CHANGES, where, f"change must be one of {sorted(CHANGES)}")
    value = _value(kind, key, item.get("after"), where)
    missing = _unconfigured(value, names)
    _require(not missing, where, f"not a configured entity: {', '.join(missing)}")
    return LabelledChange(str(item["article"]), value, item["change"], _locator(item, where))


def _restatement(raw: object, where: str, names: set[str]) -> Restatement:
    _require(isinstance(raw, dict), where, "a restatement must be an object")
    item = cast(dict[str, Any], raw)
    kind, key = _kind_and_key(item, where)
    missing = _unconfigured(key, names)
    _require(not missing, where, f"not a configured entity: {', '.join(missing)}")
    return Restatement(str(item["article"]), kind, key, _locator(item, where))


def _article(root: Path, article_id: str, where: str) -> StoryArticle:
    path = root / "articles" / f"{article_id}.json"
    _require(path.is_file(), where, f"no articles/{article_id}.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    published = raw.get("published")
    day = date.fromisoformat(published) if published else None
    return StoryArticle(article_id, raw["url"], raw["outlet"], day, int(raw["year"]))


def load_story(path: Path, root: Path = REAL_SET) -> LabelledStory:
    """Read and check one story file; raises CorpusError on the first problem."""
    where = f"stories/{path.name}"
    raw = json.loads(path.read_text(encoding="utf-8"))
    _require(isinstance(raw, dict), where, "a story must be an object")
    for field in ("story", "conflict", "articles", "changes", "restatements"):
        _require(field in raw, where, f"missing {field!r}")
    entities_file = root / "entities" / f"{raw['conflict']}.json"
    _require(entities_file.is_file(), where, f"no entities/{raw['conflict']}.json")
    entities = load_entities(entities_file)
    names = {e.name for e in entities}
    ids = raw["articles"]
    _require(isinstance(ids, list) and len(ids) == len(set(ids)), where, "articles: no repeats")
    articles = tuple(_article(root, i, where) for i in ids)
    changes = tuple(_change(c, f"{where} change {n}", names) for n, c in enumerate(raw["changes"]))
    quiet = tuple(
        _restatement(r, f"{where} restatement {n}", names)
        for n, r in enumerate(raw["restatements"])
    )
    for article in {c.article for c in changes} | {r.article for r in quiet}:
        _require(article in ids, where, f"{article} is labelled but not in articles")
    return LabelledStory(raw["story"], raw["conflict"], entities, articles, changes, quiet)


def load_stories(root: Path = REAL_SET) -> tuple[LabelledStory, ...]:
    return tuple(load_story(p, root) for p in sorted((root / "stories").glob("*.json")))


def published_at(articles: Sequence[StoryArticle]) -> list[datetime]:
    """When each article is published and read in the replay: noon of its date, and at least a
    second after the article before it; an undated article just after the one before it (or at
    noon on 1 January of its year when it comes first)."""
    times: list[datetime] = []
    for article in articles:
        if article.published is not None:
            at = datetime(*article.published.timetuple()[:3], 12, tzinfo=UTC)
        else:
            at = times[-1] if times else datetime(article.year, 1, 1, 12, tzinfo=UTC)
        if times and at <= times[-1]:
            at = times[-1] + timedelta(seconds=1)
        times.append(at)
    return times
