"""The noise budget on real stories (issue 14), as `make eval-real` prints it: per story the
labelled changes alerted, the false change alerts per article and the articles that alerted
twice on one fact key; then the totals against the targets."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from monitor.evaluation.real import REAL_SET
from monitor.evaluation.stories import load_stories
from monitor.evaluation.story_replay import StoryOutcome, brief, replay_story

MIN_ALERTED = 0.80  # share of the labelled changes that must be alerted
MAX_FALSE_PER_ARTICLE = 0.10  # one false change alert per ten articles
MAX_DOUBLED = 0  # articles with two alerts on one fact key


def replay_stories(
    texts: Path, root: Path = REAL_SET, conflicts: Collection[str] | None = None
) -> list[StoryOutcome]:
    """Replay every labelled story (of the given conflicts only, when named)."""
    stories = load_stories(root)
    return [replay_story(s, texts) for s in stories if conflicts is None or s.conflict in conflicts]


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else f"{part}/{whole}"


def _verdict(ok: bool, measured: bool = True) -> str:
    if not measured:
        return "not measured"
    return "ok" if ok else "MISSED"


def format_outcome(
    outcome: StoryOutcome, *, verbose: bool = False, shown: Collection[str] | None = None
) -> str:
    """The story's counts; with `verbose`, each miss and false alert of the articles in `shown`
    (every article when None), so that tuning on one split never reads the other's errors."""
    read = len(outcome.articles)
    same = sum(a.same_change for a in outcome.articles)
    restated = sum(a.restated for a in outcome.articles)
    unalerted = sum(a.read_unalerted for a in outcome.articles)
    doubled = [a for a in outcome.articles if a.doubled]
    lines = [
        f"-- {outcome.name}: {read} articles replayed",
        f"   changes alerted {_share(outcome.alerted, outcome.expected)},"
        f" {same} of them with the labelled change type;"
        f" of the {outcome.expected - outcome.alerted} missed, {unalerted} read but not alerted",
        f"   false change alerts {outcome.false}"
        f" ({outcome.false / read if read else 0:.2f} per article),"
        f" {restated} of them on a labelled restatement",
        f"   articles with two alerts on one fact key: {len(doubled)}"
        + "".join(f"\n     {a.article}: {' / '.join(k)}" for a in doubled for k in a.doubled),
    ]
    if verbose:
        listed = [a for a in outcome.articles if shown is None or a.article in shown]
        for article in listed:
            lines += [f"     {article.article} missed: {brief(c.value)}" for c in article.missed]
            lines += [f"     {article.article} false: {text}" for text in article.false]
        if len(listed) < read:
            lines.append(f"     ({read - len(listed)} articles of the other split not listed)")
    if outcome.missing:
        lines.append(f"   missing texts, not replayed: {', '.join(outcome.missing)}")
    lines += [f"   locator not found: {s}" for s in outcome.stale]
    lines += [f"   not stored: {e}" for e in outcome.errors]
    return "\n".join(lines)


def format_totals(outcomes: Sequence[StoryOutcome]) -> str:
    articles = sum(len(o.articles) for o in outcomes)
    expected = sum(o.expected for o in outcomes)
    alerted = sum(o.alerted for o in outcomes)
    false = sum(o.false for o in outcomes)
    doubled = sum(1 for o in outcomes for a in o.articles if a.doubled)
    rate = false / articles if articles else 0.0
    share = alerted / expected if expected else 1.0
    measured = articles > 0  # with no text at hand, no target is met nor missed
    return "\n".join(
        [
            f"-- all stories: {len(outcomes)} stories, {articles} articles replayed",
            f"   changes alerted {_share(alerted, expected)}"
            f"   target >= {MIN_ALERTED:.0%}: {_verdict(share >= MIN_ALERTED, measured)}",
            f"   false change alerts {false} ({rate:.2f} per article)"
            f"   target <= {MAX_FALSE_PER_ARTICLE:.2f}: "
            f"{_verdict(rate <= MAX_FALSE_PER_ARTICLE, measured)}",
            f"   articles with two alerts on one fact key {doubled}"
            f"   target {MAX_DOUBLED}: {_verdict(doubled <= MAX_DOUBLED, measured)}",
        ]
    )
