"""Force size claims: how many fighters a configured group has, sends or commands.

A count becomes a claim only when it counts fighters (a unit noun follows it, "2,500 fighters",
"thousands of troops", "a 300-strong militia", or a unit noun comes before it with a linking
word, "the number of fighters ... does not exceed 2,500") and a configured group owns it.
Counts in clauses about casualties or about another era are skipped: precision first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.extract.attribution import Speaker, find_speaker, is_hedged
from monitor.extract.mentions import Mention, find_mentions
from monitor.extract.numbers import Amount, find_amounts
from monitor.extract.text import clause_bounds
from monitor.records import Claim, EntityRef, ForceSize

_UNITS = {
    "fighter": "fighters", "troop": "troops", "soldier": "soldiers", "man": "men",
    "militiaman": "militiamen", "commando": "commandos", "guerrilla": "guerrillas",
    "guerilla": "guerrillas", "recruit": "recruits", "volunteer": "volunteers",
    "combatant": "combatants", "militant": "militants", "insurgent": "insurgents",
    "rebel": "rebels", "gunman": "gunmen", "serviceman": "servicemen", "reservist": "reservists",
    "paramilitary": "paramilitaries", "commandoes": "commandos", "forces": "forces",
    "personnel": "personnel", "mujahideen": "mujahideen", "guerillas": "guerrillas",
}  # fmt: skip
_PLURALS = frozenset(_UNITS.values())
_STRONG = re.compile(
    r"^-?\s*(?:strong|man|member)\s+(?:[a-z-]+\s+)?"
    r"(?:force|army|militia|contingent|unit|brigade|battalion|garrison|group|column|detachment)s?\b",
    re.I,
)
_QUOTES = frozenset("\"“”'‘’")
_TOKEN = re.compile(r"\s*([\w'’-]+|[^\w\s])")
_PASS_WORDS = frozenset("of the its their his her our and or more additional other".split())
_BLOCK_WORDS = frozenset(
    """were was are is have has had be been will would to from in at on with by for against
    into than per each who which that women children people civilians police year old
    aircraft""".split()
)
_CASUALTY = re.compile(
    r"\b(?:kill\w*|dead|died|dies|deaths?|wound\w*|injur\w*|captur\w*|surrender\w*|arrest\w*|"
    r"detain\w*|executed|prisoners?|casualt\w+|lost|losing|bodies|missing|freed|released|"
    r"massacred|slain|martyred|abducted|kidnapped|hostages?)\b",
    re.I,
)
_HISTORY = re.compile(
    r"\b(?:1[89]\d0s|20[0-4]0s|(?:in|during|by|until)\s+1[89]\d\d|at\s+the\s+time|"
    r"at\s+(?:its|their|the)\s+(?:peak|height)|heyday|back\s+then|in\s+the\s+past|used\s+to|"
    r"Soviet|during\s+the\s+[\w\s-]{0,30}?(?:war|occupation|invasion|era|jihad))\b",
    re.I,
)
_YEAR_MENTION = re.compile(r"\b(?:in|until|by|during|of|before)\s+((?:19|20)\d\d)\b", re.I)
_CIVILIANS = re.compile(r"^\s*(?:,|and|&)\s*(?:women|children|boys|girls)\b", re.I)
_YEAR_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|during|of|from|before|after|early|late)\s+$", re.I
)
_LINK = re.compile(
    r"\b(?:number(?:s|ed|ing)?|total(?:s|led|ling|ed|ing)?|exceed(?:s|ed|ing)?|reach(?:es|ed)?|"
    r"stand(?:s)?\s+at|stood\s+at|put\s+at|estimated\s+at|strength|tally|count)\b",
    re.I,
)
_TRAIL_OK = frozenset(
    "and but or according he she they officials in at as by said says when while".split()
)
_OPPOSED = re.compile(
    r"\b(?:against|fight(?:s|ing)?|battl\w+|attack\w*|besieg\w+|surround\w*|encircl\w+|"
    r"confront\w*|toward|towards|versus|vs\.?|defeat\w*|repel\w*|oppos\w+|resist\w*|into|"
    r"on|target\w*|pursu\w+|chas\w+|rout\w*|crush\w*)\s+(?:the\s+)?$",
    re.I,
)
_AFTER_UNIT = re.compile(
    r"^\s+(?:\w+\s+)?(?:of|from|loyal\s+to|belonging\s+to|with|for|under|allied\s+(?:to|with)|"
    r"affiliated\s+with|aligned\s+with|(?:have\s+|had\s+|has\s+)?join(?:ed|ing)?)\s+(?:the\s+)?$",
    re.I,
)
_SELF = re.compile(r"\b(?:we|our|us|it|its|they|their)\b", re.I)
_GROUP_AS_UNIT = re.compile(r"^\s+(?:were|are|had|have|was|is|fighters?\b)|^\s*[,.;]", re.I)


@dataclass(frozen=True, slots=True)
class _Unit:
    word: str
    start: int
    end: int


def _forward_unit(sentence: str, amount: Amount, mentions: list[Mention]) -> _Unit | None:
    """The unit noun that follows an amount within a few modifier words, if any."""
    rest = sentence[amount.end :]
    strong = _STRONG.match(rest)
    if strong:
        return _Unit("fighters", amount.end, amount.end + strong.end())
    pos = amount.end
    for count, token in enumerate(_TOKEN.finditer(rest)):
        word, start = token.group(1), amount.end + token.start(1)
        end = start + len(word)
        lower = word.lower()
        if lower in _UNITS or lower in _PLURALS:
            return _next_unit(sentence, _Unit(_UNITS.get(lower, lower), start, end))
        mention = next((m for m in mentions if m.start == start), None)
        if mention:
            if mention.entity.kind == "group" and _GROUP_AS_UNIT.match(sentence[mention.end :]):
                return _Unit("fighters", start, mention.end)
            pos = mention.end
            continue
        if start < pos or word in _QUOTES:
            continue
        if count >= 5 or not _passable(word):
            return None
    return None


def _next_unit(sentence: str, unit: _Unit) -> _Unit:
    """Prefer the head noun: "special forces fighters" counts fighters."""
    m = _TOKEN.match(sentence[unit.end :])
    if m and m.group(1).lower() in _PLURALS:
        return _Unit(m.group(1).lower(), unit.end + m.start(1), unit.end + m.end(1))
    return unit


def _passable(word: str) -> bool:
    lower = word.lower()
    if lower in _PASS_WORDS or lower.endswith(("'s", "’s")):
        return True
    if not word[0].islower() or lower in _BLOCK_WORDS or any(c.isdigit() for c in word):
        return False
    plural = len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "ous"))
    return not plural and (not lower.endswith("ing") or lower == "fighting")


def _backward_unit(sentence: str, amount: Amount, others: list[Amount]) -> _Unit | None:
    """A unit noun before the amount, tied to it by "number", "total", "exceed"..."""
    nxt = _TOKEN.match(sentence[amount.end :])
    if nxt and nxt.group(1)[0].isalpha() and nxt.group(1).lower() not in _TRAIL_OK:
        return None
    lo = max([0, amount.start - 160, *(o.end for o in others if o.end <= amount.start)])
    window = sentence[lo : amount.start]
    units = [m for m in _TOKEN.finditer(window) if m.group(1).lower() in _UNITS.keys() | _PLURALS]
    if not units:
        return None
    last = units[-1]
    if not _LINK.search(sentence, lo, amount.start) or re.search(r"[;:]", window[last.end() :]):
        return None
    word = last.group(1).lower()
    return _Unit(_UNITS.get(word, word), lo + last.start(1), lo + last.end(1))


def _is_year(sentence: str, amount: Amount) -> bool:
    text = sentence[amount.start : amount.end]
    return bool(
        re.fullmatch(r"(?:1[89]|20)\d\d", text) and _YEAR_CONTEXT.search(sentence, 0, amount.start)
    )


def _is_past_year(clause: str, year: int) -> bool:
    """A year two or more years before the article's: "in 2001 the group had 45,000 troops"."""
    return any(int(y) <= year - 2 for y in _YEAR_MENTION.findall(clause))


def _skip_clause(sentence: str, amount: Amount, unit: _Unit, year: int) -> bool:
    """Casualty counts, civilians and other eras are not force sizes."""
    lo, hi = clause_bounds(sentence, min(amount.start, unit.start), max(amount.end, unit.end))
    clause = sentence[lo:hi]
    if unit.word == "men" and _CIVILIANS.match(sentence[unit.end :]):
        return True
    return bool(_CASUALTY.search(clause) or _HISTORY.search(clause) or _is_past_year(clause, year))


def _subject(
    sentence: str, amount: Amount, unit: _Unit, groups: list[Mention], speaker: Speaker | None
) -> str | None:
    """Whose fighters: a group named in the count, after the unit, or nearest and not opposed."""
    lo, hi = min(amount.start, unit.start), max(amount.end, unit.end)
    for g in groups:
        if lo <= g.start < hi or (
            g.start >= unit.end and _AFTER_UNIT.match(sentence[unit.end : g.start])
        ):
            return g.entity.name
    in_speaker = [g for g in groups if speaker and speaker.start <= g.start < speaker.end]
    clause_end = clause_bounds(sentence, lo, hi)[1]  # later clauses report, they do not own
    free = [
        g
        for g in groups
        if g not in in_speaker
        and (g.end <= lo or hi <= g.start < clause_end)
        and not _OPPOSED.search(sentence, 0, g.start)
    ]
    if free:
        nearest = min(free, key=lambda g: g.start - hi if g.start >= hi else lo - g.end)
        return nearest.entity.name
    if in_speaker and _SELF.search(sentence):
        return in_speaker[0].entity.name
    return None


def extract_force_sizes(
    sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
) -> list[Claim]:
    """Force size claims in one sentence of an article published in `year` (default: now)."""
    year = year or datetime.now(UTC).year
    mentions = [m for m in find_mentions(sentence, entities) if m.entity.kind != "person"]
    groups = [m for m in mentions if m.entity.kind == "group"]
    if not groups:
        return []
    amounts = find_amounts(sentence)
    speaker = find_speaker(sentence)
    claims: list[Claim] = []
    for amount in amounts:
        if _is_year(sentence, amount):
            continue
        unit = _forward_unit(sentence, amount, mentions) or _backward_unit(
            sentence, amount, [a for a in amounts if a is not amount]
        )
        if unit is None or _skip_clause(sentence, amount, unit, year):
            continue
        subject = _subject(sentence, amount, unit, groups, speaker)
        if subject is None:
            continue
        value = ForceSize(subject, amount.min, amount.max, amount.qualifier, unit.word)
        claim = Claim(value, sentence, speaker.text if speaker else None, is_hedged(sentence))
        if claim not in claims:
            claims.append(claim)
    return claims
