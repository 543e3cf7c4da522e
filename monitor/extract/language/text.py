"""Sentence splitting and small text helpers shared by the extractors.

News text is full of periods that do not end a sentence ("Mr. Smith", "U.S. forces", "Gen.
Miller", "J. R. Smith", "2.5 million"), so the splitter is conservative: it only breaks after
terminal punctuation (and any closing quotes or brackets) that is followed by whitespace and
then something that can open a sentence, and never after a known abbreviation or an initial.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def _latin_letters(in_case: Callable[[str], bool]) -> str:
    """A character class of the letters of the Latin alphabets (Basic Latin to Latin
    Extended-B) in one case."""
    letters = (chr(c) for c in range(ord("A"), 0x250))
    return "[" + "".join(c for c in letters if c.isalpha() and in_case(c)) + "]"


# A capital letter, accented or not: names are written "Koné", "Émile", "Şahin", "Łódź", which
# [A-Z] misses. Inside a pattern that ignores case, write it as (?-i:{CAPITAL}).
CAPITAL = _latin_letters(str.isupper)
LOWER = _latin_letters(str.islower)

# Words before a place that name it only to say where another place lies or where news came
# from: "220 kilometres north of X", "13kms from X", "(31 miles) west of X", "reports from X".
# A place named so is not one the sentence, or the story after it, goes on to call "the town".
_NOT_THE_SCENE_BEFORE = re.compile(
    r"(?:(?:\b|(?<=\d))(?:(?:north|south)(?:-?(?:east|west))?|east|west|kilomet(?:er|re)s?|kms?|"
    r"miles?)\)?\s+(?:of|from)|\b(?:reports?|dispatch(?:es)?|news|sources?|officials?|"
    r"correspondents?|accounts?)\s+from)\s+(?:the\s+)?$",
    re.I,
)


def not_the_scene(text: str, start: int) -> bool:
    """Whether the place named at `start` is named only as a landmark for another ("north of
    X") or as where news came from ("reports from X")."""
    return _NOT_THE_SCENE_BEFORE.search(text, max(0, start - 40), start) is not None


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres
    st jr sr no nos vs etc approx est dept univ fig jan feb mar apr jun jul aug sep sept oct
    nov dec inc co corp ltd mt ft rev hon messrs""".split()
)

# Terminal punctuation, optional closing quotes/brackets, whitespace, then an opener.
_BOUNDARY = re.compile(r"""([.!?]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9])""")
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n|\n(?=\s*[-•*]\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_SPACES = re.compile(r"\s+")


def _is_abbreviation(before: str) -> bool:
    """True when the text before a period ends with an abbreviation or an initial."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if "." in word:
        return True  # dotted acronym: "U.S.", "e.g."
    return word.lower() in _ABBREVIATIONS


def _split_block(block: str) -> list[str]:
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(block):
        if m.group(1) == "." and not m.group(2) and _is_abbreviation(block[start : m.start()]):
            continue
        end = m.end(2)
        sentences.append(block[start:end])
        start = m.end()
    sentences.append(block[start:])
    return sentences


def split_sentences(text: str) -> list[str]:
    """Split plain text into sentences with whitespace collapsed. Paragraph breaks always split."""
    out: list[str] = []
    for block in _PARAGRAPH.split(text):
        for sentence in _split_block(block):
            cleaned = _SPACES.sub(" ", sentence).strip()
            if cleaned:
                out.append(cleaned)
    return out


_CLAUSE_BREAK = re.compile(r",\s|;\s|:\s|\s[-–—]+\s|—|\(|\)")


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the comma/semicolon/dash-delimited clause around `start`..`end`."""
    left = 0
    for m in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = m.end()
    after = _CLAUSE_BREAK.search(sentence, end)
    right = after.start() if after else len(sentence)
    return left, right


def words_before(text: str, pos: int, count: int) -> str:
    """The last `count` whitespace-separated words before `pos`, lower-cased."""
    return " ".join(text[:pos].split()[-count:]).lower()


# The only characters beyond ASCII that re.I matches to an ASCII letter, or that lower-case to
# one: "İ", "ı", "ſ" and the Kelvin sign.
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered_for_words(text: str) -> str | None:
    """`text` lower-cased, when a substring test on that is exactly what a case-insensitive
    regex of ASCII letters would find in `text`; else None. For cheap tests before a regex."""
    if text.isascii() or not _FOLDS.search(text):
        return text.lower()
    return None
