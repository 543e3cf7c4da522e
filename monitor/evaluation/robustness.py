"""How much of what extraction reads in real text it still reads when the text comes in
another of the shapes feeds give it: `python -m monitor.evaluation.robustness --texts DIR
[--split dev] [--part A]`.

Feed titles and headlines come in title case ("Rebels Seize Town After Long Siege") or in
capitals, with a wire slug before them ("UPDATE 2-") or their source after them ("- Reuters",
"(AFP)"); a summary cut short ends in an ellipsis; key points come as items of a list, a live
blog's entries after a time; plain-text copy comes hard-wrapped. Every sentence of the real-text
set (the texts in DIR, as for `real_report`) that has at most `HEADLINE_WORDS` words and yields
claims is reshaped each way by code, and every article is hard-wrapped at `WRAP_WIDTH` columns;
the figure per shape is the share of the claims (their values) of the text as written that the
reshaped text yields too. A headline's case is tried twice: the sentence alone, and, for a
sentence that is a line of its own, inside its article (the claims the article reads from it,
with it restyled in place), where the story may tell which of its words are names. No label
is read: the text as written is its own reference.

Prose has shapes of its own that change no fact (`prose_shapes`): a sentence opened or closed
by a phrase of time, an age or a photo's pointer after a person's name, a description after a
place's, a day (with "on" or without) between a name and its verb. Every sentence of
`PROSE_WORDS` words that ends in a full stop and yields claims is read those ways too, each
shape over the sentences it fits.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from monitor.evaluation.corpus import CorpusError
from monitor.evaluation.prose_shapes import SHAPES as PROSE
from monitor.evaluation.prose_shapes import Prose
from monitor.evaluation.prose_shapes import prose as prose_of
from monitor.evaluation.real import REAL_SET, SPLITS, in_parts, load_real_set, read_article_text
from monitor.extract import extract_claims
from monitor.extract.language.nlp import sentences
from monitor.records import Claim, EntityRef, FactValue

HEADLINE_WORDS = 25
PROSE_WORDS = range(8, 41)
WRAP_WIDTH = 70
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


def _opened_by(mark: str) -> Callable[[str], str]:
    """A shape that puts `mark` before the sentence: a slug, a bullet, a live blog's time."""
    return lambda sentence: f"{mark}{sentence}"


def _closed_by(mark: str) -> Callable[[str], str]:
    """A shape that puts `mark` in place of the sentence's full stop: a source tag, a credit,
    the ellipsis of a summary cut short."""
    return lambda sentence: f"{sentence.rstrip('.')}{mark}"


with_source = _closed_by(" - Reuters")
with_credit = _closed_by(" (AFP)")
cut_short = _closed_by("…")
with_slug = _opened_by("UPDATE 2-")
as_item = _opened_by("* ")
after_a_time = _opened_by("14:32 GMT - ")


def hard_wrapped(text: str) -> str:
    """Every line of `text` wrapped at `WRAP_WIDTH` columns."""
    return "\n".join("\n".join(textwrap.wrap(line, WRAP_WIDTH)) for line in text.split("\n"))


STYLES = {
    "in title case": title_cased,
    "in capitals": str.upper,
    "with a source tag": with_source,
    "with a wire slug": with_slug,
    'with an agency\'s credit after it ("(AFP)")': with_credit,
    "cut short (an ellipsis on its last word)": cut_short,
    'as an item of a list ("* ")': as_item,
    'after a live blog\'s time ("14:32 GMT - ")': after_a_time,
}
WRAPPED = f"hard-wrapped at {WRAP_WIDTH} columns"
# A headline's style with the story under it, as a feed gives title and summary together: the
# story may tell which of the headline's words are names (`casing.names_in_prose`). Tried on
# the short sentences that are a line of their own, as a headline is.
IN_ARTICLE = {
    "in title case, inside its article": title_cased,
    "in capitals, inside its article": str.upper,
}


@dataclass
class Kept:
    """Claims of the text as written, and how many each shape still yields: the headline
    styles over the short sentences, the wrapping over whole articles."""

    sentences: int = 0
    claims: int = 0
    kept: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STYLES, 0))
    article_claims: int = 0
    wrapped: int = 0
    # per shape of prose: [claims still read, claims of the sentences it fits]
    prose: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0] for s in PROSE})
    # the short sentences' claims as read inside their article, and how many each style keeps
    article_sentence_claims: int = 0
    in_article: dict[str, int] = field(default_factory=lambda: dict.fromkeys(IN_ARTICLE, 0))

    def share(self, style: str) -> float:
        if style in IN_ARTICLE:
            total = self.article_sentence_claims
            return self.in_article[style] / total if total else 0.0
        if style == WRAPPED:
            return self.wrapped / self.article_claims if self.article_claims else 0.0
        if style in PROSE:
            kept, total = self.prose[style]
            return kept / total if total else 0.0
        return self.kept[style] / self.claims if self.claims else 0.0


def kept_in_other_shapes(
    texts: Iterable[tuple[str, Sequence[EntityRef], int]],
) -> Kept:
    """Over (text, entities, year) triples: the claims of every headline-sized sentence and how
    many of them each headline style yields; the claims of each text and how many it yields
    hard-wrapped."""
    result = Kept()
    for text, entities, year in texts:
        told = extract_claims(text, entities, year=year)
        written = {c.value for c in told}
        result.article_claims += len(written)
        result.wrapped += len(written & _values(hard_wrapped(text), entities, year))
        for parsed in sentences(text):
            sentence, words = parsed.written, len(parsed.written.split())
            headline, prose = words <= HEADLINE_WORDS, _prose(sentence, words)
            claims = _values(sentence, entities, year) if headline or prose else set()
            if not claims:
                continue
            if headline:
                result.sentences += 1
                result.claims += len(claims)
                for style, restyle in STYLES.items():
                    result.kept[style] += len(claims & _values(restyle(sentence), entities, year))
                _count_in_article(result, (text, entities, year), sentence, told)
            if prose:
                as_prose = prose_of(sentence, parsed.parse, entities)
                _count_prose(result.prose, claims, as_prose, entities, year)
    return result


def _count_in_article(
    result: Kept,
    article: tuple[str, Sequence[EntityRef], int],
    sentence: str,
    told: list[Claim],
) -> None:
    """Add the claims of a sentence that is a line of its own (a headline, a paragraph of one
    sentence) as its article reads them, and per style how many the article with the line
    restyled still reads from it."""
    text, entities, year = article
    own = {c.value for c in told if c.quote == sentence}
    if not own or sentence not in (line.strip() for line in text.splitlines()):
        return  # a headline is a line of its own: inside a paragraph of prose it is no headline
    result.article_sentence_claims += len(own)
    for style, restyle in IN_ARTICLE.items():
        again = restyle(sentence)
        read = extract_claims(text.replace(sentence, again, 1), entities, year=year)
        result.in_article[style] += len(own & {c.value for c in read if c.quote == again})


def _count_prose(
    counts: dict[str, list[int]],
    claims: set[FactValue],
    sentence: Prose,
    entities: Sequence[EntityRef],
    year: int,
) -> None:
    """Add, per shape that fits the sentence, its claims and how many the reworded one keeps."""
    for style, reword in PROSE.items():
        again = reword(sentence)
        if again is not None:
            counts[style][0] += len(claims & _values(again, entities, year))
            counts[style][1] += len(claims)


def _prose(sentence: str, words: int) -> bool:
    return words in PROSE_WORDS and sentence.endswith(".")


def _values(text: str, entities: Sequence[EntityRef], year: int) -> set[FactValue]:
    return {c.value for c in extract_claims(text, entities, year=year)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m monitor.evaluation.robustness")
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
    result = kept_in_other_shapes(
        (read_article_text(args.texts / f"{a.id}.txt"), real.entities[a.conflict], a.year)
        for a in present
    )
    print(
        f"{args.split}: {len(present)} of {len(chosen)} articles with a text, "
        f"{result.article_claims} claims; {result.sentences} sentences of at most "
        f"{HEADLINE_WORDS} words with claims, {result.claims} claims"
    )
    for style in STYLES:
        kept, share = result.kept[style], result.share(style)
        print(f"  a sentence {style}: {kept} of its claims still read ({share:.0%})")
    for style in IN_ARTICLE:
        kept, total = result.in_article[style], result.article_sentence_claims
        share = result.share(style)
        print(f"  a sentence {style}: {kept} of its {total} claims still read ({share:.0%})")
    print(
        f"  an article {WRAPPED}: {result.wrapped} of its claims still read"
        f" ({result.share(WRAPPED):.0%})"
    )
    print(f"sentences of {PROSE_WORDS.start} to {PROSE_WORDS.stop - 1} words with claims:")
    for style in PROSE:
        kept, total = result.prose[style]
        share = result.share(style)
        print(f"  a sentence {style}: {kept} of its {total} claims still read ({share:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
