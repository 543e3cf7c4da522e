"""Folding, and the word form in which the matcher scans text.

Folding works character by character (one cached table, applied with `str.translate`), so every
folded character comes from exactly one original character and offsets can be mapped back to
the original text even where folding changes lengths (`ß` -> `ss`, `ﬁ` -> `fi`, a dropped
zero-width joiner or accent). The scanned form is the folded text's words joined by single
spaces, with a space at each end: punctuation and runs of whitespace between words do not count,
and a key padded with spaces can only match whole words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9",  # Arabic yeh/kaf -> Persian
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u200c": None, "\u200d": None, "\u200b": None, "\u2060": None, "\ufeff": None,
        "\u0640": None,  # tatweel
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")  # the fold table turns "_" into a space


def _fold_char(char: str) -> str:
    """Compatibility forms, letter variants, quotes and dashes unified; accents and
    zero-width characters dropped; case folded. Fully decomposed, so that precomposed and
    decomposed spellings of a character fold alike."""
    if char.isspace() or char == "_":
        return " "
    decomposed = unicodedata.normalize("NFKD", char.translate(_TRANSLATE)).translate(_TRANSLATE)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFKD", stripped.casefold())


class _FoldTable(dict[int, str]):
    """`str.translate` table that fills itself: each character is folded once per process."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """The form in which text and terms are compared (whitespace runs become one space)."""
    return _SPACE.sub(" ", text.translate(_TABLE))


def words(text: str) -> list[str]:
    """The folded words of a text: letters and digits; everything else separates words."""
    return _WORD.findall(text.translate(_TABLE))


def term_key(text: str) -> str:
    """A term's words as the scanned form spells them, without padding ('' if it has none)."""
    return " ".join(words(text))


@dataclass(frozen=True, slots=True)
class Located:
    """Where a key was found: a field, its first and last word, and the original offsets of
    those whole words (`text[start:end]` is what the entry says)."""

    field: str
    first: int
    last: int
    start: int
    end: int


class _OddTable(dict[int, str]):
    """`str.translate` table keeping only the characters that do not fold to one character."""

    def __missing__(self, code: int) -> str:
        odd = "" if len(_TABLE[code]) == 1 else chr(code)
        self[code] = odd
        return odd


_ODD = _OddTable()


class _OffsetMap:
    """From folded offsets back to original ones, in segments: between two characters that do
    not fold to exactly one character, offsets only shift."""

    __slots__ = ("_flat", "_origins", "_starts")

    def __init__(self, text: str, odd: str) -> None:
        self._starts, self._origins, self._flat = [0], [0], [False]
        shift = 0
        pattern = re.compile("[" + "".join(sorted(map(re.escape, set(odd)))) + "]")
        for found in pattern.finditer(text):
            i = found.start()
            size = len(_TABLE[ord(text[i])])
            if size:
                self._add(i + shift, i, flat=True)
            shift += size - 1
            self._add(i + 1 + shift, i + 1, flat=False)

    def _add(self, start: int, origin: int, *, flat: bool) -> None:
        self._starts.append(start)
        self._origins.append(origin)
        self._flat.append(flat)

    def __call__(self, folded: int) -> int:
        k = bisect_right(self._starts, folded) - 1
        return self._origins[k] + (0 if self._flat[k] else folded - self._starts[k])


class FieldText:
    """One field of an entry as the matcher scans it; offset tables are built only on demand,
    for fields where something was found."""

    __slots__ = ("_gaps", "_lengths", "_map", "_words", "field", "folded", "form", "text")

    def __init__(self, field: str, text: str) -> None:
        self.field = field
        self.text = text
        self.folded = text.translate(_TABLE)
        self._words: list[str] = _WORD.findall(self.folded)
        self.form = " " + " ".join(self._words) + " "
        self._gaps: list[int] = []
        self._lengths: list[int] = []
        self._map: _OffsetMap | None = None

    def locate(self, form_start: int, key: str) -> Located:
        """The hit of a padded `key` whose leading space is at `form_start` in `form`."""
        if not self._gaps:
            self._build()
        first = self.form.count(" ", 0, form_start)
        last = first + key.strip(" ").count(" ")
        start = self._gaps[first] + self._lengths[first]  # in the folded text
        end = self._gaps[last] + self._lengths[last + 1]
        return Located(self.field, first, last, self._original(start), self._original_end(end))

    def _build(self) -> None:
        """Running sums of the lengths of the words and of what separates them (C loops)."""
        self._gaps = list(accumulate(map(len, _WORD.split(self.folded))))
        self._lengths = list(accumulate(map(len, self._words), initial=0))
        odd = self.text.translate(_ODD)
        self._map = _OffsetMap(self.text, odd) if odd else None

    def _original(self, folded: int) -> int:
        return folded if self._map is None else self._map(folded)

    def _original_end(self, folded: int) -> int:
        end = self._original(folded - 1) + 1
        while end < len(self.text) and not _TABLE[ord(self.text[end])]:
            end += 1  # accents and zero-width characters that belong to the last letter
        return end
