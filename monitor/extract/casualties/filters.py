"""Casualty counts that are not news of losses: noise numbers, denials, hypotheticals, releases
and history.

- Noise: years, ages ("32-year-old", "aged 40", "Koné, 54,"), anything hyphenated to a unit,
  the size of each of several groups ("in groups of three or four soldiers").
- Denied: a denial before the count ("denied that 40 of its fighters had been killed",
  "dismissed as false claims that ..."). A denial after it ("..., a claim the NRF rejected")
  leaves the claim standing: it is still what its claimant says.
- Hypothetical or released: "if 40 fighters were captured", "released 40 fighters captured
  in May", "exchange ... for 12 fighters captured": no new loss in the count's clause.
- History: another era anywhere in the sentence ("Soviet", "1990s", "years ago", "last year",
  "during the ... war", "over the past two decades"); a year two or more before the article's
  in the count's clause, opening the sentence ("In 2019, ...") or starting a running total
  ("since 2001"). "In the past month" and "since April" are current, and so is "during the
  ... war" of losses told in the present perfect ("have been killed during the invasion").
"""

from __future__ import annotations

import re

from monitor.extract.language.history import (
    CASUALTY_ERA,
    OPENING_YEAR,
    SINCE_YEAR,
    long_before,
    years_in,
)
from monitor.extract.language.numbers import Amount
from monitor.extract.language.text import clause_bounds

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|refut\w*|false(?:ly)?|baseless|untrue|"
    r"no\s+evidence)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|releas\w*|freed|exchang\w*|swap\w*|handed\s+over|repatriat\w*)\b",
    re.I,
)
_AGE = re.compile(r"\b(?:aged?|ages)\s+(?:between\s+)?$", re.I)


# "groups made up of three or four soldiers": the size of each of several groups, no total.
_EACH_GROUP = re.compile(
    r"\b(?:groups|bands|units|squads|batches|teams|cells)\s+(?:of|consisting\s+of|"
    r"made\s+up\s+of|comprising|numbering)\s+(?:(?:up\s+to|about|around|some)\s+)?$",
    re.I,
)


def is_noise(sentence: str, a: Amount) -> bool:
    """Years, ages, hyphenated numbers and the size of each of several groups are not counts
    of people."""
    text = sentence[a.start : a.end]
    if re.fullmatch(r"(?:19|20)\d\d", text) or sentence[a.end : a.end + 1] in ("-", "–"):
        return True
    before, after = sentence[: a.start], sentence[a.end :]
    if _AGE.search(before) or _EACH_GROUP.search(before):
        return True
    return bool(re.fullmatch(r"\d{1,2}", text) and before.endswith(", ") and after[:1] == ",")


def is_denied(sentence: str, start: int) -> bool:
    return _DENIAL.search(sentence, 0, start) is not None


def is_hypothetical(sentence: str, start: int, end: int) -> bool:
    return _HYPOTHETICAL.search(sentence, clause_bounds(sentence, start, end)[0], start) is not None


_DURING_WAR = re.compile(
    r"\bduring\s+the\s+[\w\s-]{0,30}?(?:war|occupation|invasion|offensive|campaign)\b", re.I
)
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:killed|died|lost|wounded|injured|captured|detained|suffered)\b",
    re.I,
)


def current_war(text: str, perfect: bool) -> str:
    """`text` without its "during the ... war" when the losses are told in the present perfect
    ("95 soldiers have been killed during the offensive"): a period that reaches the
    present is the current war, a running total, not history."""
    return _DURING_WAR.sub(" ", text) if perfect else text


def is_history(sentence: str, start: int, end: int, year: int) -> bool:
    """True when the count at `start`..`end` belongs to another era than the article's `year`."""
    left, right = clause_bounds(sentence, start, end)
    years = years_in(sentence[left:right]) + years_in(sentence, SINCE_YEAR)
    years += years_in(sentence, OPENING_YEAR)  # anchored: only a year that opens the sentence
    perfect = _PRESENT_PERFECT.search(sentence, left, right) is not None
    return bool(CASUALTY_ERA.search(current_war(sentence, perfect))) or long_before(years, year)
