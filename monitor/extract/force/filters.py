"""Counts of fighters that are not a force size: losses, prisoners, deserters, men who fled,
civilians, men who are not fighters, fighters who fled with a leader, men who gave themselves
up, the men a total grew by ("recruited 3,500 new fighters, bringing its strength to 9,000": the
total is the size), a battle box's "Strength" row, and strengths of another era. The whole of a
partitive is no loss ("up to 150 of some 600 X fighters were killed": the losses are the 150,
and 600 is how many there were).

Another era is a year two or more years before the article's, or a history word ("at its
peak", "during the Soviet occupation") in the count's own clause, and also in the clause just
before it when the count's clause has no verb of its own or opens with "when"/"as": "founded in
1925 as X, a unit of about 5,000 men"; "in 2012, when some 700 soldiers mutinied".
"""

from __future__ import annotations

import re

from monitor.extract.language.history import FORCE_ERA, FORCE_YEAR, is_past
from monitor.extract.language.numbers import Amount, part_of
from monitor.extract.language.text import clause_bounds
from monitor.extract.language.units import Unit

_CASUALTY = re.compile(
    r"\b(?:kill\w*|dead|died|dies|deaths?|wound\w*|injur\w*|captur\w*|surrender\w*|arrest\w*|"
    r"detain\w*|executed|prisoners?|casualt\w+|lost|losing|bodies|missing|freed|released|"
    r"massacred|slain|martyred|abducted|kidnapped|hostages?|custody|jailed|imprisoned|"
    r"prisons?|jails?|detention|captivity|"
    r"desert(?:ed|ers?|ing|ions?)|mutin\w+|(?:gave|give|gives|giving)\s+themselves\s+up)\b",
    re.I,
)
# Men who fled or were made to flee are no force ("forcing 137 soldiers to flee").
_FLED = re.compile(r"\bfle(?:e|es|eing|d)\b", re.I)
# "refused to surrender", "sent to capture": an infinitive is an aim, not a loss.
_AIM = re.compile(r"(?<!forced )(?<!made )(?<!compelled )(?<!obliged )\bto\s+$", re.I)
# "40 fighters holding 80 hostages": the people the counted fighters hold are not their losses
# (a holding verb after the count; "holding 40 soldiers hostage" counts the held).
_HOLDING = re.compile(r"\bhold(?:s|ing)?\s+(?:[\w,-]+\s+){0,4}$", re.I)
_HELD = frozenset({"hostages", "prisoners", "captives"})
# "recruited 3,500 new fighters, bringing its strength to 9,000": a count that brings a total
# to a figure is a step of it; the total is the size.
_BRINGING = re.compile(
    r"\b(?:bringing|taking|raising|pushing|lifting|swelling)\s+(?:its|their|the)?\s*"
    r"(?:[\w'’-]+\s+)?(?:total\s+)?(?:strength|ranks|numbers?|force|total)\s+to\b",
    re.I,
)
_CIVILIANS = re.compile(r"^\s*(?:,|and|&)\s*(?:women|children|boys|girls)\b", re.I)
_WOMEN = re.compile(r"\bwom[ae]n\b", re.I)
_CONJUNCT = re.compile(r"\s(?:and|but|while|whereas)\s", re.I)
# After the count, "and" ends its predicate only when a verb follows ("and has freed"); in
# "12 NRF fighters and three commanders died" the two nouns share one verb.
_NEXT_PREDICATE = re.compile(
    r"\s(?:but|while|whereas|and\s+(?:(?:now|also|then|later)\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|\w+ed)\b)",
    re.I,
)
# ", most of them ex-soldiers," between a count and its predicate.
ASIDE = re.compile(
    r"^,\s+(?:most|many|some|all|half|several|few|none|mostly|largely|including|among|"
    r"almost|nearly|both)\b[^,;:]{0,60},\s",
    re.I,
)
_FLED_WITH = re.compile(
    r"\b(?:fled|flees|fleeing|escaped|retreated|withdrew|slipped\s+away)\b[^,;]{0,60}\bwith\s+$",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|can|could|may|might|numbers|fields|"
    r"claims|says|said|commands|\w+ed)\b",
    re.I,
)
_TIME_CLAUSE = re.compile(r"^\s*(?:when|as|where|while|after|before|then)\b", re.I)


def clause_end(sentence: str, lo: int, hi: int) -> int:
    """Where the count's clause ends, reading past an aside ("most of them ex-soldiers")."""
    end = clause_bounds(sentence, lo, hi)[1]
    aside = ASIDE.match(sentence[end:])
    return clause_bounds(sentence, end + aside.end(), end + aside.end())[1] if aside else end


def _past(text: str, year: int) -> bool:
    return is_past(text, year, FORCE_ERA, FORCE_YEAR)


def _own_part(sentence: str, lo: int, hi: int) -> tuple[int, str]:
    """The clause around `lo`..`hi` (past an aside), cut at "and", "but", "while" that start
    another predicate; with where it starts."""
    left = clause_bounds(sentence, lo, hi)[0]
    right = clause_end(sentence, lo, hi)
    for m in _CONJUNCT.finditer(sentence, left, lo):
        left = max(left, m.end())
    after = _NEXT_PREDICATE.search(sentence, hi, right)
    return left, sentence[left : after.start() if after else right]


def _inherits_past(sentence: str, left: int, part: str, year: int) -> bool:
    """A verbless or "when" clause takes its time from the clause before it."""
    if left == 0 or not (_TIME_CLAUSE.match(part) or not _FINITE.search(part)):
        return False
    before = sentence[:left].rstrip(" ,;:—–-")
    return _past(before[clause_bounds(before, len(before), len(before))[0] :], year)


_AUXILIARY = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will|would|can|could|said|says)\b", re.I
)


def _verbless_part_of_loss(sentence: str, left: int, part: str) -> bool:
    """A verbless clause ("including 21 reservists near the border", "and 49 soldiers") is an
    item of the clause before it that has a verb: of a loss, when that clause tells one ("24
    soldiers were killed, including ...", "The casualties included 65 fighters, ...")."""
    if _FINITE.search(part):
        return False
    for _ in range(3):  # back over the list's other items ("18 members of allied groups")
        if left == 0:
            return False
        before = sentence[:left].rstrip(" ,;:—–-")
        left = clause_bounds(before, len(before), len(before))[0]
        part = before[left:]
        if any(not _AIM.search(part, 0, m.start()) for m in _CASUALTY.finditer(part)):
            return True
        if _AUXILIARY.search(part):
            return False  # a clause of its own that tells no loss
    return False


# "had 5,000 fighters when ..., and has since grown to 12,000": the first count is superseded.
_SINCE_GROWN = re.compile(
    r"\b(?:has|have)\s+since\s+(?:grown|swelled|swollen|risen|increased|expanded|doubled|tripled)\b",
    re.I,
)


# A battle's fact box row "Strength" ("- Strength1: ~4,000 ...", "| strength2 = 900") gives
# the forces each side brought to one battle, told in columns, not a group's size.
_BATTLE_ROW = re.compile(r"^[\W_]*strength\d?\s*[:|=]", re.I)


def skip_count(sentence: str, amount: Amount, unit: Unit, year: int) -> bool:
    """Casualty counts, prisoners, civilians, escorts, other eras, a battle box's strengths and
    figures the sentence says have since grown are not force sizes."""
    if _BATTLE_ROW.match(sentence) or _SINCE_GROWN.search(sentence, max(amount.end, unit.end)):
        return True
    left, part = _own_part(sentence, min(amount.start, unit.start), max(amount.end, unit.end))
    after = max(amount.end, unit.end) - left  # the counted fighters hold what follows them
    if unit.word == "men" and (
        _CIVILIANS.match(sentence[unit.end :])
        or _WOMEN.search(sentence, max(0, amount.start - 40), unit.end)
    ):
        return True
    if _FLED_WITH.search(sentence, 0, amount.start) or _BRINGING.search(sentence, amount.end):
        return True
    losses = [
        m
        for m in _CASUALTY.finditer(part)
        if not _AIM.search(part, 0, m.start())
        and not (m.group().lower() in _HELD and _HOLDING.search(part, after, m.start()))
    ]
    fled = _FLED.search(part) is not None
    whole = part_of(sentence, amount) is not None  # "150 of some 600 X fighters were killed"
    era_left, era_part = _era_part(sentence, amount, unit, left, part)
    return bool(
        (losses and not whole)
        or fled
        or _past(era_part, year)
        or _inherits_past(sentence, era_left, era_part, year)
        or _verbless_part_of_loss(sentence, left, part)
    )


def _era_part(sentence: str, amount: Amount, unit: Unit, left: int, part: str) -> tuple[int, str]:
    """The clause that dates a count: its own, when its unit is one an earlier clause gave it
    ("X, which previously had 10,000 fighters, now numbers fewer than 2,000": the 2,000 is
    now); else the clause of the count and its unit."""
    if unit.end > amount.start:
        return left, part
    own_left, own_part = _own_part(sentence, amount.start, amount.end)
    return (own_left, own_part) if own_left >= unit.end else (left, part)
