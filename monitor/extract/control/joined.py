"""The subject of a verb joined by "and" to an earlier one in the same clause ("A brushed off
B's raids and took X"): the group that opens the clause, not a group the first verb governs.
"""

from __future__ import annotations

import re

from monitor.extract.language.mentions import Mention

_JOINED = re.compile(r"\s*(?:,|and\b|&|or\b|\()")
_AND_BEFORE = re.compile(r"\band\s+(?:then\s+|later\s+)?$", re.I)
_SUBORDINATOR = re.compile(
    r"\b(?:after|as|when|while|whereas|since|before|once|until|because|if|who|which|that)\b", re.I
)
# Where a clause's subject may stand: its start, or after a word that opens a clause.
_OPENS = re.compile(
    r"(?:^|\b(?:after|as|when|while|since|before|once|until|because|and|but))\s*(?:the\s+)?$",
    re.I,
)


def first_of_joined(s: str, groups: list[Mention], left: int, at: int) -> str | None:
    """ "A brushed off B's strikes and captured X": a verb joined by "and" to an earlier one
    shares its subject, the group that opens the clause; a group after the first verb is that
    verb's object."""
    if not _AND_BEFORE.search(s, left, at):
        return None
    inside = sorted((g for g in groups if left <= g.start < at), key=lambda g: g.start)
    if not inside:
        return None
    first = inside[0]
    if not _OPENS.search(s[left : first.start]) or _JOINED.match(s, first.end):
        return None
    if _SUBORDINATOR.search(s, first.end, at):
        return None  # "A shelled the road as B advanced and took X": B's own clause
    return first.entity.name
