"""Fates of two people told once: "A and B were killed", "A, the Front's founder, and B were
killed", "the deaths of A and B". The predicate agrees with both names, so each is read as its
subject (or object); a fate told of one person only ("A was killed and B fled") is the
single-subject reading's.
"""

from __future__ import annotations

import re
from itertools import pairwise

from monitor.extract.language.mentions import Mention
from monitor.extract.leadership.predicates import AMONG_THE_DEAD, Hit

# Between the two names: "and", after an aside on the first one ("A, who ..., and B").
_JOINED = re.compile(r"(?:\s*,[^,;]{1,160},)?\s*,?\s+and\s+$")
# The plural predicate after the second name: "were killed", "have both been killed".
_PLURAL_FATE = re.compile(
    r"\s+(?:were|have|had)\s+(?:(?:both|reportedly|allegedly|also|since|been)\s+){0,3}"
    rf"(?:killed|slain|assassinated|executed|{AMONG_THE_DEAD})\b",
    re.I,
)
# A noun of death before the first name: "the deaths of A and B".
_DEATHS_OF = re.compile(r"\b(?:deaths|killings|assassinations)\s+of\s+$", re.I)


def paired_fates(sentence: str, p: Mention, people: list[Mention]) -> list[Hit]:
    """ "killed" for `p` when it is one of two people joined by "and" whose fate is told
    in the plural, after the second name or before the first."""
    ordered = sorted(people, key=lambda m: m.start)
    for first, second in pairwise(ordered):
        if p not in (first, second) or first.entity == second.entity:
            continue
        if not _JOINED.fullmatch(sentence, first.end, second.start):
            continue
        fate = _PLURAL_FATE.match(sentence, second.end)
        if fate is not None:
            return [Hit(p, "killed", None, None, p.start, said_at=fate.start())]
        if _DEATHS_OF.search(sentence, 0, first.start):
            return [Hit(p, "killed", None, None, first.start)]
    return []
