"""Matching speed against the number of watch terms: `python -m benchmarks.bench_match`.

The matcher (one Aho-Corasick automaton for every term, then each hit watch's query) is timed
against the approach it replaces, measured in the same run on the same entries: one compiled
regex alternation of the same terms over the same folded text. The automaton's cost follows
the length of the text; the regex's grows with the number of terms, so the ratio grows too.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from monitor.match import Matcher, WatchSpec, fold
from monitor.records import Entry

TERMS_PER_WATCH = 10
SECONDS = 1.5
FILLER = (
    "the officials said on Thursday that talks in the capital would resume after fighting "
    "near the border where residents reported shelling and aid groups asked for access while "
    "the ministry denied the reports and analysts expected more clashes in the coming weeks"
).split()
SYLLABLES = ("ka", "vo", "re", "li", "mu", "sa", "te", "no", "pi", "ghu", "da", "zi")


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(4))


def make_watches(count: int, rng: random.Random) -> list[WatchSpec]:
    terms = sorted({pseudo_word(rng) for _ in range(count * 2)})[:count]
    rng.shuffle(terms)
    step = TERMS_PER_WATCH
    return [WatchSpec(f"w{i}", terms=tuple(terms[i : i + step])) for i in range(0, count, step)]


def make_entries(terms: Sequence[str], rng: random.Random, count: int = 200) -> list[Entry]:
    entries = []
    for i in range(count):
        words = [rng.choice(FILLER) for _ in range(350)]
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(terms).capitalize()
        content = "“" + " ".join(words) + "” — the agency said."
        published = datetime(2021, 9, 1, tzinfo=UTC)
        entries.append(Entry("f", "o", str(i), "u", " ".join(words[:12]), "", content, published))
    return entries


class RegexBaseline:
    """The approach we avoid: one alternation of every term, whole words, over folded text."""

    def __init__(self, watches: Sequence[WatchSpec]) -> None:
        self.owners: dict[str, list[str]] = {}
        for watch in watches:
            for term in watch.terms:
                self.owners.setdefault(fold(term), []).append(watch.name)
        alternatives = sorted(map(re.escape, self.owners), key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")

    def match(self, entry: Entry) -> list[str]:
        names: set[str] = set()
        for text in (entry.title, entry.summary, entry.content):
            for found in self.pattern.finditer(fold(text)):
                names.update(self.owners[found.group()])
        return sorted(names, key=lambda n: int(n[1:]))


def rate(run: Callable[[Entry], object], entries: Sequence[Entry]) -> float:
    """Entries per second, over at least SECONDS of work."""
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < SECONDS:
        run(entries[done % len(entries)])
        done += 1
    return done / elapsed


def bench(count: int) -> tuple[float, float]:
    rng = random.Random(count)
    watches = make_watches(count, rng)
    entries = make_entries([t for w in watches for t in w.terms], rng)
    matcher, baseline = Matcher(watches, []), RegexBaseline(watches)
    for entry in entries[:20]:
        assert [m.watch for m in matcher.match(entry)] == baseline.match(entry)
    return rate(matcher.match, entries), rate(baseline.match, entries)


def main() -> None:
    print(f"{'terms':>7}  {'matcher entries/s':>18}  {'regex entries/s':>16}  {'ratio':>7}")
    for count in (10, 1_000, 10_000):
        ours, theirs = bench(count)
        print(f"{count:>7,}  {ours:>18,.0f}  {theirs:>16,.0f}  {ours / theirs:>6.1f}x")


if __name__ == "__main__":
    main()
