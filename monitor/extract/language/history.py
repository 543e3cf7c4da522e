"""Another era: the words and dates that make a sentence tell history rather than news.

Every fact kind skips what belongs to another era than the article's, and they share one
vocabulary, kept here:

- era words: a decade ("1990s"), "years ago", "at the time", "back then", "last year",
  "formerly", "during the ... war", "before the war". Each kind reads the shared core plus the
  few words that mean another era for it alone (a force "at its peak", a place "once held" or
  taken "for the first time since", a count "over the years");
- dated years: a year two or more before the article's year, introduced by a preposition ("in
  2001", "in May 2019", "until 2015", "on 9 September 2001"). The preposition keeps a number
  that merely looks like a year out, and a year close to the article's is still news.

`fate_is_history` judges a person's fate or office with the same notions and with the phrases
that only a fate has: an anniversary ("20 years since X was killed", "the anniversary of X's
death"), "the late X", and a past-tense fate anchored to a named past event ("two days before
the September 11 attacks") with no current date beside it.
"""

from __future__ import annotations

import re

from monitor.extract.language.asides import DAY
from monitor.extract.language.text import clause_bounds

YEAR = r"((?:19|20)\d\d)\b"
_DECADE = r"1[89]\d0s|20[0-4]0s"
_THEN = r"at\s+the\s+time|back\s+then"
_LAST_YEAR = r"(?<!since\s)last\s+year"
_WARS = r"war|occupation|invasion|era|jihad"
_RECENT_SPANS = r"days?|weeks?|months?|hours?"
_BEFORE_THE = r"before\s+the\s+(?:[\w-]+\s+)?(?:war|conflict|{}invasion|offensive|coup)"


def _era(*words: str) -> re.Pattern[str]:
    """One pattern of era words, the shared core and the kind's own."""
    core = (_DECADE, _THEN, _LAST_YEAR, "formerly")
    return re.compile(rf"\b(?:{'|'.join((*core, *words))})\b", re.I)


CASUALTY_ERA = _era(
    r"soviets?",
    r"years?\s+ago",
    r"(?:two|three|four|\d+)[-\s]decades?",
    r"past\s+(?:\w+\s+)?decades?",
    r"over\s+the\s+years",
    rf"in\s+the\s+past(?!\s+(?:\w+\s+)?(?:{_RECENT_SPANS}))",
    rf"during\s+the\s+[\w\s-]{{0,30}}?(?:{_WARS})",
)
FORCE_ERA = _era(
    r"(?:in|during|by|until)\s+1[89]\d\d",
    r"at\s+(?:its|their|the)\s+(?:peak|height)",
    r"heyday",
    r"in\s+the\s+past",
    # "up from a previous estimate of 10,000", "which previously had 10,000": a figure the
    # present one replaced
    r"previous\s+(?:\w+\s+)?(?:estimates?|assessments?|figures?|counts?|tall(?:y|ies))",
    r"previously",
    r"used\s+to",
    r"years?\s+ago",
    r"Soviet",
    rf"during\s+the\s+[\w\s-]{{0,30}}?(?:{_WARS})",
    # "estimated at 140,000 troops before the war": a strength from before the present conflict
    _BEFORE_THE.format("fighting|"),
)
CONTROL_ERA = _era(
    r"(?:in|during|by|until|from|of|before)\s+1[89]\d\d",
    rf"in\s+the\s+past(?!\s+(?:\w+\s+)?(?:{_RECENT_SPANS}|nights?)\b)",
    r"used\s+to",
    r"once\s+(?:held|controlled|fell|captured)",
    r"(?:years?|decades?|centur(?:y|ies))\s+ago",
    # "A year after the KDF took Dorn, ...": the clause's own taking is a year back
    r"(?:a|one|two|three|four|five|several|many|\d+)\s+(?:years?|decades?)\s+after",
    r"previously",
    r"Soviets?",
    r"British",
    r"civil\s+war",
    rf"during\s+the\s+[\w\s-]{{0,30}}?(?:{_WARS}|regime)",
    r"the\s+first\s+time\s+since",
    r"(?:first|last)\s+Taliban\s+rule",
    _BEFORE_THE.format(""),
)

# A year introduced as a date: "in 2001", "until May 2019", "by early 2015", "of 9 June 2001".
DATED_YEAR = re.compile(
    rf"\b(?:in|since|until|by|during|of|from|before|after|between|and|to)\s+"
    rf"(?:(?:early|late|mid)[-\s]+)?(?:[A-Za-z]+\s+)?(?:\d{{1,2}},?\s+)?{YEAR}|"
    rf"\b{YEAR}\s+(?:war|invasion|offensive|battle|fighting|campaign|siege|uprising|conflict)",
    re.I,
)
# The narrower forms some kinds read, where a wider one would take a count's own words.
CONTROL_YEAR = re.compile(
    r"\b(?:in|until|by|during|of|before|from)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:(?-i:[A-Z])[a-z]+\.?\s+)?(?:\d{{1,2}},?\s+)?{YEAR}",
    re.I,
)
FORCE_YEAR = re.compile(rf"\b(?:in|until|by|during|of|before)\s+{YEAR}", re.I)
# Not "since": "has led the group since 2014" is an office held today.
OFFICE_YEAR = re.compile(
    r"\b(?:in|from|on\s+\d{1,2}\s+[A-Z][a-z]+|on\s+[A-Z][a-z]+\s+\d{1,2},?)\s+"
    rf"{YEAR}",
    re.I,
)
SINCE_YEAR = re.compile(rf"\bsince\s+(?:[A-Za-z]+\s+)?{YEAR}", re.I)
OPENING_YEAR = re.compile(rf"^\W*(?:in|during|by|until|between)\s+(?:[A-Za-z]+\s+)?{YEAR}", re.I)


def years_in(text: str, pattern: re.Pattern[str] = DATED_YEAR) -> list[int]:
    """The years `pattern` finds in `text`, whichever of its groups holds them."""
    return [int(y) for m in pattern.finditer(text) for y in m.groups() if y]


def long_before(years: list[int], year: int) -> bool:
    """A year two or more before the article's `year`: last year may still be news."""
    return any(y <= year - 2 for y in years)


def is_past(text: str, year: int, era: re.Pattern[str], dates: re.Pattern[str]) -> bool:
    """Era words or a long-past date in `text`."""
    return bool(era.search(text)) or long_before(years_in(text, dates), year)


# Era words in the clause of a fate ("was killed during the Soviet occupation"). Not for an
# office: "proclaimed himself emir last year" is the office he holds.
FATE_ERA = re.compile(
    rf"\b(?:{_DECADE}|{_THEN}|soviets?|(?:years?|decades?)\s+ago|"
    rf"during\s+the\s+[\w\s-]{{0,30}}?(?:{_WARS}))\b",
    re.I,
)
# A date that places a fate or an office at one moment: "in 2001", "in May 2019", "on 9
# September 2001". "Since 2014" is not one: an office held since then is held today.
_MOMENT_YEAR = re.compile(
    r"\b(?:in|on|during)\s+(?:(?:early|late|mid)[-\s]+)?(?:(?-i:[A-Z])[a-z]+\.?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:(?-i:[A-Z])[a-z]+\s+)?{YEAR}",
    re.I,
)
# "20 years since X was killed", "marks a decade since", "the anniversary of the death of X",
# ending right before the person.
_ANNIVERSARY = re.compile(
    r"\b(?:(?:years?|decades?)\s+(?:since|after)|anniversary\s+of)\s+[^,;:.—–()]{0,40}$", re.I
)
_NEAR = 90
# "the late X", "his late father, X": the person is dead; not "the late afternoon".
_LATE = re.compile(
    r"\b(?:the|his|her|their)\s+late\s+"
    r"(?!(?:afternoon|evening|morning|night|hours?|summer|spring|autumn|fall|winter)\b)"
    r"(?:(?-i:[a-z]+),?\s+){0,2}(?:(?-i:[A-Z])[\w.-]*\s+){0,3}$",
    re.I,
)
# A fate in the past tense, anchored to a past event named by its date ("two days before the
# September 11 attacks", "after the 9/11 attacks"): history unless a current date is near.
_PAST_FATE = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:killed|assassinated|murdered|shot)\b|\bdied\b",
    re.I,
)
_DATED_EVENT = re.compile(
    r"\b(?:before|after)\s+the\s+(?:(?-i:[A-Z])[a-z]+\s+\d{1,2}|\d{1,2}\s+(?-i:[A-Z])[a-z]+|"
    r"\d{1,2}/\d{1,2})\s+(?:attacks?|war|invasion)\b",
    re.I,
)
_CURRENT_DATE = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:week|month|morning)|last\s+night|"
    rf"on\s+{DAY})\b",
    re.I,
)


def fate_is_history(
    sentence: str, person: tuple[int, int], at: int, year: int | None, *, fate: bool
) -> bool:
    """Whether the fate (or office, `fate` False) said at `at` of the person at `person` (start,
    end) belongs to another era: a long-past date in its clause, era words in a fate's clause,
    an anniversary or "the late" right before the person, or a past-tense fate anchored to a
    dated past event."""
    near = max(0, person[0] - _NEAR), person[0]  # both phrases end at the person
    if _ANNIVERSARY.search(sentence, *near) or _LATE.search(sentence, *near):
        return True
    left, right = clause_bounds(sentence, at, at)
    clause = sentence[left:right]
    if year is not None and long_before(years_in(clause, _MOMENT_YEAR), year):
        return True
    if not fate or FATE_ERA.search(clause):
        return fate
    anchored = _DATED_EVENT.search(clause) and _PAST_FATE.search(clause)
    return bool(anchored) and not _CURRENT_DATE.search(sentence)
