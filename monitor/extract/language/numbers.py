"""Find amounts in a sentence: digits, number words, vague amounts, ranges and their qualifiers.

An `Amount` is a number as written, with its span, so that extractors can look at what comes
before and after it ("32-year-old", "70 miles", "$2bn", "5,000 fighters"). Number words are
converted with `text2num`; this module only decides where a number starts and ends.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from text_to_num import text2num

from monitor.extract.language.text import lowered_for_words
from monitor.records import Qualifier


@dataclass(frozen=True, slots=True)
class Amount:
    """A (possibly vague or ranged) count found in text. `max` is None for open-ended amounts."""

    start: int
    end: int
    min: int | None
    max: int | None
    qualifier: Qualifier


_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_BASIC = "|".join(_TENS + _TEENS + _UNITS)
_SCALE = "hundred|thousand|million"
_WORD = rf"(?:{_BASIC}|{_SCALE})"
# "two thousand five hundred", "twenty-five hundred", "one hundred and fifty",
# "two and a half thousand", "a thousand", "half a million".
_WORD_NUMBER = (
    r"(?:a|one)\s+dozen\b|"  # twelve, unlike the vague "dozens"
    rf"(?:(?:a|one)\s+)?(?:{_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_WORD}))*"
    rf"(?:\s+and\s+a\s+half(?:\s+(?:{_SCALE}))?)?"
    rf"|half\s+a\s+(?:{_SCALE})|a\s+(?:{_SCALE})"
)
# Thousands grouped by commas, or by spaces as some outlets write them ("10 000-strong", with a
# plain, no-break or thin space), then plain digits.
_GROUP_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = (
    rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?![\d,]|\.\d)|\d+(?:\.\d+)?"
)
_DIGIT_NUMBER = rf"(?:{_DIGITS})(?:\s*(?:{_SCALE}|k\b|m\b|bn\b))?"
_NUMBER = re.compile(rf"(?<![\w$£€.,])(?:{_DIGIT_NUMBER}|{_WORD_NUMBER})(?![\w%]|[.,:]\d)", re.I)

_VAGUE: tuple[tuple[str, int, int], ...] = (
    (r"tens\s+of\s+thousands", 20_000, 99_999),
    (r"hundreds\s+of\s+thousands", 200_000, 999_999),
    (r"(?:a\s+)?few\s+thousand", 2_000, 4_999),
    (r"several\s+thousand", 3_000, 9_999),
    (r"(?:many\s+)?thousands", 2_000, 9_999),
    (r"(?:a\s+)?few\s+hundred", 200, 499),
    (r"several\s+hundred", 300, 999),
    (r"(?:many\s+)?hundreds", 200, 999),
    (r"(?:a\s+)?few\s+dozen", 24, 59),
    (r"several\s+dozen", 36, 99),
    (r"(?:many\s+)?dozens", 24, 99),
)
_VAGUE_RE = [(re.compile(rf"\b{p}\b", re.I), lo, hi) for p, lo, hi in _VAGUE]
# Every vague amount holds one of these words: one search rules them all out.
_VAGUE_CUE = re.compile(r"thousand|hundred|dozen", re.I)

_RANGE_LINK = re.compile(r"^\s*(?:-|–|—|to|or|and)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)

_BEFORE: tuple[tuple[str, Qualifier], ...] = (
    (r"no\s+(?:more|greater)\s+than|not\s+more\s+than|no\s+higher\s+than", "at_most"),
    (r"no\s+(?:fewer|less)\s+than|not\s+less\s+than|not\s+fewer\s+than", "at_least"),
    (
        r"(?:do|does|did)\s+not\s+(?:yet\s+)?exceed|not\s+exceeding|(?:does|do)n['’]t\s+exceed",
        "at_most",
    ),
    (
        r"(?:well\s+|just\s+|slightly\s+)?(?:more|greater)\s+than|(?:well\s+|just\s+)?over",
        "at_least",
    ),
    (r"upwards\s+of|at\s+least|in\s+excess\s+of|a\s+minimum\s+of|(?:well\s+)?above", "at_least"),
    (r"exceed(?:s|ed|ing)?", "at_least"),
    (r"up\s+to|(?:fewer|less)\s+than|at\s+most|a\s+maximum\s+of|(?:just\s+)?under", "at_most"),
    (r"nearly|almost|close\s+to|as\s+many\s+as|below|not\s+quite", "at_most"),
)
_BEFORE_RE = [(re.compile(rf"\b(?:{p})\s*$", re.I), q) for p, q in _BEFORE]
_APPROX_RE = re.compile(
    r"\b(?:about|around|roughly|some|approximately|approx\.?|an\s+estimated|estimated|"
    r"circa|perhaps|maybe)\s*$",
    re.I,
)
_AFTER: tuple[tuple[re.Pattern[str], Qualifier], ...] = (
    (re.compile(r"^(?:\s+or\s+more|\s*\+|-plus|\s+plus\b)", re.I), "at_least"),
    (re.compile(r"^(?:\s+or\s+(?:fewer|less))", re.I), "at_most"),
    (re.compile(r"^(?:\s+or\s+so)\b", re.I), "approx"),
)


def _word_value(text: str) -> float | None:
    words = text.lower().replace("-", " ").split()
    if words[-1] == "dozen":  # "a dozen men": twelve
        return 12.0
    if words[0] == "half":  # "half a million"
        return 0.5 * _SCALES[words[-1]]
    if words[0] == "a":
        words[0] = "one"
    extra, scale = 0.0, 1
    if "half" in words:  # "two and a half thousand", "two thousand and a half"
        if words[-1] in _SCALES:
            scale = _SCALES[words.pop()]
        words, extra = words[: -len(["and", "a", "half"])], 0.5
    try:
        value: int = text2num(" ".join(words), "en")
    except ValueError:
        return None
    return (value + extra) * scale


def _digit_value(text: str) -> float | None:
    m = re.match(rf"((?:\d|[,.]|{_GROUP_SPACE}(?=\d))+)\s*([a-z]*)", text.lower())
    if not m:
        return None
    base = float(re.sub(rf",|{_GROUP_SPACE}", "", m.group(1)))
    suffix = {"k": 1000, "m": 1_000_000, "bn": 1_000_000_000, "": 1}
    return base * (_SCALES.get(m.group(2)) or suffix.get(m.group(2), 1))


def number_value(text: str) -> float | None:
    """The value a number is written as, in digits ("1,221", "3k") or words ("forty")."""
    return _digit_value(text) if text[0].isdigit() else _word_value(text)


# Every number holds a digit or one of these words: without them `_NUMBER` finds nothing.
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = (*_UNITS, *_TEENS, *_TENS, *_SCALES, "dozen")


def _plain_numbers(sentence: str) -> list[Amount]:
    found: list[Amount] = []
    if not _DIGIT.search(sentence):
        lowered = lowered_for_words(sentence)
        if lowered is not None and not any(w in lowered for w in _NUMBER_WORDS):
            return found
    for m in _NUMBER.finditer(sentence):
        value = number_value(m.group(0))
        if value is None or value != int(value) or value <= 0:
            continue
        n = int(value)
        found.append(Amount(m.start(), m.end(), n, n, "exact"))
    return found


def _vague_amounts(sentence: str) -> list[Amount]:
    found: list[Amount] = []
    if not _VAGUE_CUE.search(sentence):
        return found
    for pattern, lo, hi in _VAGUE_RE:
        for m in pattern.finditer(sentence):
            if not any(a.start <= m.start() < a.end for a in found):
                found.append(Amount(m.start(), m.end(), lo, hi, "range"))
    return found


def _scaled(low: int, high: int) -> int:
    """Carry the scale of the upper bound to a bare lower bound: "five to six thousand"."""
    for scale in (1_000_000, 1000, 100):
        if high >= scale and high % scale == 0 and low < high // scale + 1 and low < 100:
            return low * scale
    return low


def _merge_ranges(sentence: str, nums: list[Amount]) -> list[Amount]:
    out: list[Amount] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        link = _RANGE_LINK.match(sentence[a.end : nums[i + 1].start]) if i + 1 < len(nums) else None
        opener = _RANGE_OPEN.search(sentence, 0, a.start)
        if link and (opener or link.group(0).strip().lower() != "and"):
            b = nums[i + 1]
            assert a.min is not None and b.max is not None
            low = _scaled(a.min, b.max)
            if low < b.max:
                start = opener.start() if opener else a.start
                out.append(Amount(start, b.end, low, b.max, "range"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _qualify(sentence: str, a: Amount) -> Amount:
    """Apply "about", "more than", "up to", "or more" around an exact amount."""
    if a.qualifier != "exact":
        return a
    before = sentence[: a.start]
    after = sentence[a.end :]
    for pattern, qualifier in _AFTER:
        tail = pattern.match(after)
        if tail:
            return _with_qualifier(a, qualifier, a.start, a.end + tail.end())
    for pattern, qualifier in [*_BEFORE_RE, (_APPROX_RE, "approx")]:
        m = pattern.search(before)
        if m:
            return _with_qualifier(a, qualifier, m.start(), a.end)
    return a


def _with_qualifier(a: Amount, qualifier: Qualifier, start: int, end: int) -> Amount:
    n = a.min
    low, high = {"at_least": (n, None), "at_most": (None, n)}.get(qualifier, (n, n))
    return replace(a, start=start, end=end, min=low, max=high, qualifier=qualifier)


# A number in digits before a capitalised formation noun names the formation: "45 Commando took
# the ridge", "3 Para", "16 Air Assault Brigade". The noun is singular, so the number cannot be
# counting it; a people noun after it makes the name a modifier of counted men again ("500
# Azov Regiment fighters").
_FORMATION = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Commando|Para|Brigade|Division|Regiment|Battalion|Squadron|"
    r"Corps|Fleet|Flotilla|Wing)\b(?!\s+(?i:fighters|troops|soldiers|men|members|personnel|"
    r"marines|commandos|paratroopers|militants|servicemen|forces|reservists)\b)"
)


def _names_formation(sentence: str, a: Amount) -> bool:
    """The amount is the number in a formation's name, not a count."""
    written = sentence[a.start : a.end]
    return written.isdigit() and _FORMATION.match(sentence, a.end) is not None


def find_amounts(sentence: str) -> list[Amount]:
    """All counts in a sentence, in order, with qualifiers and ranges resolved. Several
    extractors ask this of the same sentence, so the answer is remembered for a while."""
    return list(_amounts(sentence))


@functools.lru_cache(maxsize=8)  # the extractors of one sentence, not a cache of the corpus
def _amounts(sentence: str) -> tuple[Amount, ...]:
    vague = _vague_amounts(sentence)
    plain = [
        n
        for n in _plain_numbers(sentence)
        if not any(v.start <= n.start < v.end or n.start <= v.start < n.end for v in vague)
    ]
    merged = _merge_ranges(sentence, sorted(plain, key=lambda a: a.start))
    qualified = [_qualify(sentence, a) for a in merged if not _names_formation(sentence, a)]
    return tuple(sorted([*qualified, *vague], key=lambda a: a.start))


# "150 of some 600 fighters", "12 of its 40 soldiers", "three of the 30 men": a partitive.
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)?\s*$", re.I)
# "43 of the base's 60": a part of the whole an owner has.
_OWNED_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our)?\s*(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+$", re.I
)


def part_of(sentence: str, whole: Amount, *, owned: bool = False) -> Amount | None:
    """The amount that counts a part of `whole` ("up to 150 of some 600 fighters were
    killed": 150 of the 600), or None. What the sentence says happened to the people happened
    to the part; the whole is how many there were. `owned` also takes a whole an owner has
    ("43 of the base's 60 troops": a garrison's strength, which is no group's force)."""
    partitives = (_PARTITIVE, _OWNED_PARTITIVE) if owned else (_PARTITIVE,)
    for a in find_amounts(sentence):
        if a.end <= whole.start and any(
            p.fullmatch(sentence, a.end, whole.start) for p in partitives
        ):
            return a
    return None
