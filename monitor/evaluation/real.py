"""The real-text development set (`tests/realtext/`): labels in the repo, texts outside it.

The repository keeps, per article, where to get it again (URL, outlet, date, the search query
that finds it) and the facts a careful analyst labelled in it, each with a locator of at most
six words; never the article's text. The texts live in a folder of their own, one
`<id>.txt` per article, and `make eval-real TEXTS=DIR` scores the extractors on them, saying
which texts are missing and which no longer hold their locators (a page that changed).

Each conflict has its own configured entities (`entities/<conflict>.json`), as a user following
it would write them. Articles are split once, before any scoring: a third is `heldout`, never
read while the extractors are developed, and scored apart from `dev`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from monitor.evaluation.corpus import CorpusError, Document, parse_fact
from monitor.evaluation.scoring import Report, score_document
from monitor.extract import extract_claims
from monitor.records import Claim, EntityRef

REAL_SET = Path(__file__).resolve().parents[2] / "tests" / "realtext"
SPLITS = ("dev", "heldout")
FORMS = frozenset({"wire", "newspaper", "feed_item", "live_blog", "reference"})
MAX_LOCATOR_WORDS = 6
# Fields the labels carry beyond what the fact records compare today.
_EXTRA_FIELDS = ("locator", "location", "scope")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class RealArticle:
    """One labelled article of the set, without its text."""

    id: str
    conflict: str
    url: str
    outlet: str
    query: str
    form: str
    split: str
    year: int
    labels: tuple[Claim, ...]
    locators: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RealSet:
    entities: dict[str, tuple[EntityRef, ...]]
    articles: tuple[RealArticle, ...]


@dataclass
class RealScore:
    """Scores per split, and what could not be scored."""

    reports: dict[str, Report] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    words: int = 0  # in the articles scored, for the cost of extraction
    cpu_seconds: float = 0.0  # spent extracting them, on one core, the model already loaded

    @property
    def ms_per_1000_words(self) -> float:
        return 1e6 * self.cpu_seconds / self.words if self.words else 0.0


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise CorpusError(f"{where}: {message}")


def load_entities(path: Path) -> tuple[EntityRef, ...]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    _require(isinstance(raw, list), path.name, "must be a list of entities")
    out = []
    for i, item in enumerate(raw):
        where = f"{path.name}[{i}]"
        _require(isinstance(item, dict), where, "an entity must be an object")
        _require(item.get("kind") in ("person", "group", "place"), where, "kind")
        aliases = item.get("aliases", [])
        _require(isinstance(aliases, list), where, "aliases must be a list")
        affiliation = item.get("affiliation")
        _require(affiliation is None or isinstance(affiliation, str), where, "affiliation")
        out.append(EntityRef(item["name"], item["kind"], tuple(aliases), affiliation=affiliation))
    return tuple(out)


def _fact(raw: object, where: str) -> tuple[Claim, str]:
    _require(isinstance(raw, dict), where, "a fact must be an object")
    fact = cast(dict[str, Any], raw)
    locator = fact.get("locator")
    _require(isinstance(locator, str) and locator.strip() != "", where, "a locator is required")
    words = len(cast(str, locator).split())
    _require(words <= MAX_LOCATOR_WORDS, where, f"a locator has at most six words ({words})")
    plain = {k: v for k, v in fact.items() if k not in _EXTRA_FIELDS}
    return parse_fact(plain, where), cast(str, locator)


def _article(path: Path) -> RealArticle:
    raw = json.loads(path.read_text(encoding="utf-8"))
    where = f"articles/{path.name}"
    _require(isinstance(raw, dict), where, "an article must be an object")
    for key in ("id", "conflict", "url", "outlet", "query", "form", "split", "year", "facts"):
        _require(key in raw, where, f"missing {key!r}")
    _require(raw["split"] in SPLITS, where, f"split must be one of {SPLITS}")
    _require(raw["form"] in FORMS, where, f"form must be one of {sorted(FORMS)}")
    _require("text" not in raw, where, "an article's text is never committed")
    pairs = [_fact(f, f"{where} fact {i}") for i, f in enumerate(raw["facts"])]
    return RealArticle(
        raw["id"],
        raw["conflict"],
        raw["url"],
        raw["outlet"],
        raw["query"],
        raw["form"],
        raw["split"],
        int(raw["year"]),
        tuple(c for c, _ in pairs),
        tuple(loc for _, loc in pairs),
    )


def load_real_set(root: Path = REAL_SET) -> RealSet:
    """Read and check the labels; raises CorpusError on the first schema problem."""
    entities = {p.stem: load_entities(p) for p in sorted((root / "entities").glob("*.json"))}
    articles = tuple(_article(p) for p in sorted((root / "articles").glob("*.json")))
    for a in articles:
        _require(a.conflict in entities, a.id, f"no entities/{a.conflict}.json")
    return RealSet(entities, articles)


def load_parts(root: Path = REAL_SET) -> dict[str, tuple[str, ...]]:
    """The parts the set was built in (`parts.json`: part -> its conflicts), each labelled
    and first scored at its own time; none when the set has no such file."""
    path = root / "parts.json"
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    _require(isinstance(raw, dict), "parts.json", "an object of part -> conflicts")
    return {str(part): tuple(conflicts) for part, conflicts in raw.items()}


def in_parts(real: RealSet, parts: Iterable[str], root: Path = REAL_SET) -> RealSet:
    """The articles of the chosen parts only."""
    known = load_parts(root)
    conflicts: set[str] = set()
    for part in parts:
        _require(part in known, "--part", f"no part {part!r} (parts.json has {sorted(known)})")
        conflicts.update(known[part])
    return RealSet(real.entities, tuple(a for a in real.articles if a.conflict in conflicts))


def folded(text: str) -> str:
    """Text compared without case or spacing."""
    return _SPACES.sub(" ", text).strip().casefold()


def missing_locators(locators: Iterable[str], text: str) -> list[str]:
    """The locators that `text` no longer holds (a page that changed since it was labelled)."""
    page = folded(text)
    return [loc for loc in locators if folded(loc) not in page]


# The search index that stores the pages puts the page's date before its first words, on the
# same line ("date 2022-01-10 Rebels announced ..."): index metadata, not the page's prose.
_INDEX_DATE = re.compile(r"\A\s*date \d{4}-\d{2}(?:-\d{2})?\s+")


def read_article_text(path: Path) -> str:
    """A stored text as the page gives it, without the index's date before its first line."""
    return _INDEX_DATE.sub("", path.read_text(encoding="utf-8"), count=1)


def stale_locators(article: RealArticle, text: str) -> list[str]:
    """The locators of an article that its text no longer holds."""
    return missing_locators(article.locators, text)


def score_real(
    real: RealSet, texts: Path, splits: Iterable[str] = SPLITS, model: str | None = None
) -> RealScore:
    """Score every article whose text is in `texts`, per split."""
    result = RealScore()
    wanted = set(splits)
    for article in real.articles:
        if article.split not in wanted:
            continue
        path = texts / f"{article.id}.txt"
        if not path.is_file():
            result.missing.append(article.id)
            continue
        text = read_article_text(path)
        result.stale += [f"{article.id}: {loc!r}" for loc in stale_locators(article, text)]
        entities = real.entities[article.conflict]
        if not result.words:  # the first call loads the model: not part of the cost
            _extract("Warm-up.", entities, article.year, model)
        started = time.process_time()
        predicted = _extract(text, entities, article.year, model)
        result.cpu_seconds += time.process_time() - started
        result.words += len(text.split())
        doc = Document(article.id, "article", text, article.year, article.labels)
        report = result.reports.setdefault(article.split, Report())
        report.documents += 1
        score_document(doc, predicted, report, entities)
    return result


def _extract(text: str, entities: Sequence[EntityRef], year: int, model: str | None) -> list[Claim]:
    if model:
        return extract_claims(text, entities, year=year, model=model)
    return extract_claims(text, entities, year=year)


def outlets(articles: Sequence[RealArticle]) -> set[str]:
    return {a.outlet for a in articles}
