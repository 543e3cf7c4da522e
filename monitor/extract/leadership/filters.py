"""Who a leadership claim is about and whether it still holds: pronouns, denials, past posts.

"he"/"she" stand for the one person the sentence names before them. A denial in the person's
clause ("denied reports that he had fled") or a negation ("has not fled") turns the claim into
status "denied". An office given in another era ("was appointed deputy commander in 2015") or
one the person has since left ("a post he held until the war") is not a present claim.
"""

from __future__ import annotations

import re

from monitor.extract.language.history import OFFICE_YEAR, fate_is_history, long_before, years_in
from monitor.extract.language.mentions import Mention
from monitor.extract.leadership.predicates import Hit

_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss\w*|reject\w*|refut\w*|rebut\w*|false|untrue|"
    r"baseless)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[—–-]+\s")
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
_LEFT_POST = re.compile(
    r"\b(?:post|position|role|office|job|title|seat)\s+(?:that\s+|which\s+)?(?:he|she)\s+"
    r"(?:had\s+)?(?:held|kept|occupied|retained|filled)\s+until\b",
    re.I,
)
_ASIDE = re.compile(r"\s[—–]\s.*?\s[—–]\s|\s--\s.*?\s--\s|\(.*?\)")
_OFFICES = frozenset({"appointed", "claimed", "confirmed", "declared"})


def person_mentions(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """Configured people, plus "he"/"she" when the sentence names exactly one person before."""
    people = [m for m in mentions if m.entity.kind == "person"]
    out = list(people)
    for pronoun in _PRONOUN.finditer(sentence):
        before = {m.entity for m in people if m.end <= pronoun.start()}
        if len(before) == 1:
            out.append(Mention(before.pop(), pronoun.start(), pronoun.end()))
    return out


def denied(sentence: str, hit: Hit) -> bool:
    """A negated predicate, or a denial in the clause that holds the person."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, hit.start)), default=0)
    return hit.negated or bool(_DENIAL.search(sentence, left, hit.start))


def past_office(sentence: str, hit: Hit, year: int | None) -> bool:
    """An office or a fate dated two or more years back in its clause ("was killed ... on 9
    September 2001"), told as history (`history.fate_is_history`), or an office held "until"
    something."""
    if hit.status in _OFFICES and _LEFT_POST.search(sentence, hit.subject.end):
        return True
    said_at = hit.start if hit.said_at is None else hit.said_at
    fate = hit.status not in _OFFICES
    if fate_is_history(sentence, (hit.subject.start, hit.subject.end), said_at, year, fate=fate):
        return True
    brk = re.compile(r";\s|,\s(?!\d)").search(sentence, hit.subject.end)
    clause = sentence[hit.start : brk.start() if brk else len(sentence)]
    if hit.status not in _OFFICES:  # a fate: not the dates of an aside about the person
        clause = _ASIDE.sub(" ", clause)
    return year is not None and long_before(years_in(clause, OFFICE_YEAR), year)
