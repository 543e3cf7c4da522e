"""How much of what extraction reads in a real sentence it still reads when the sentence comes
set as a headline: `python -m monitor.evaluation.headline_case --texts DIR [--split dev]
[--part A]`.

Feed titles and article headlines are often in title case ("Rebels Seize Town After Long
Siege") or in capitals. Every sentence of the real-text set (the texts in DIR, as for
`real_report`) that has at most `HEADLINE_WORDS` words and yields claims is set both ways by
code, and the figure per style is the share of its claims (their values) that the headline
yields too. No label is read: the sentence as written is its own reference.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from monitor.evaluation.corpus import CorpusError
from monitor.evaluation.real import REAL_SET, SPLITS, in_parts, load_real_set, read_article_text
from monitor.extract import extract_claims
from monitor.extract.language.nlp import sentences
from monitor.records import EntityRef, FactValue

HEADLINE_WORDS = 25
# Words a title-case style leaves in lower case, unless they open the line.
_MINOR = frozenset("a an the and or but of to in on at by for from with as".split())
_LETTER = re.compile(r"[^\W\d_]")


def title_cased(sentence: str) -> str:
    """Each word's first letter in capitals, but for function words after the first."""
    words = sentence.split(" ")
    return " ".join(_capitalised(w) if i == 0 or not _minor(w) else w for i, w in enumerate(words))


def _minor(word: str) -> bool:
    return word.strip("\"'“”‘’()[],.;:!?").casefold() in _MINOR


def _capitalised(word: str) -> str:
    letter = _LETTER.search(word)
    if letter is None:
        return word
    at = letter.start()
    return word[:at] + word[at].upper() + word[at + 1 :]


STYLES = {"title case": title_cased, "capitals": str.upper}


@dataclass
class Kept:
    """Claims of the sentences as written, and how many each headline style still yields."""

    sentences: int = 0
    claims: int = 0
    kept: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STYLES, 0))

    def share(self, style: str) -> float:
        return self.kept[style] / self.claims if self.claims else 0.0


def kept_as_headlines(
    texts: Iterable[tuple[str, Sequence[EntityRef], int]],
) -> Kept:
    """Over (text, entities, year) triples: the claims of every headline-sized sentence, and
    how many of them each style of headline yields."""
    result = Kept()
    for text, entities, year in texts:
        for sentence in sentences(text):
            if len(sentence.text.split()) > HEADLINE_WORDS:
                continue
            written = _values(sentence.text, entities, year)
            if not written:
                continue
            result.sentences += 1
            result.claims += len(written)
            for style, restyle in STYLES.items():
                result.kept[style] += len(written & _values(restyle(sentence.text), entities, year))
    return result


def _values(text: str, entities: Sequence[EntityRef], year: int) -> set[FactValue]:
    return {c.value for c in extract_claims(text, entities, year=year)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.evaluation.headline_case")
    parser.add_argument("--texts", type=Path, required=True, help="folder of <id>.txt texts")
    parser.add_argument("--labels", type=Path, default=REAL_SET, help="the labelled set")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--part", action="append", help="a part of the set (default: all)")
    args = parser.parse_args(argv)
    try:
        real = load_real_set(args.labels)
        real = in_parts(real, args.part, args.labels) if args.part else real
    except CorpusError as exc:
        print(f"{args.labels}: {exc}", file=sys.stderr)
        return 2
    chosen = [a for a in real.articles if a.split == args.split]
    present = [a for a in chosen if (args.texts / f"{a.id}.txt").is_file()]
    result = kept_as_headlines(
        (read_article_text(args.texts / f"{a.id}.txt"), real.entities[a.conflict], a.year)
        for a in present
    )
    print(
        f"{args.split}: {len(present)} of {len(chosen)} articles with a text; "
        f"{result.sentences} sentences of at most {HEADLINE_WORDS} words with claims, "
        f"{result.claims} claims"
    )
    for style in STYLES:
        kept, share = result.kept[style], result.share(style)
        print(f"  set in {style}: {kept} of the claims still read ({share:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
