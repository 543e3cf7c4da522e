"""References back to the place named earlier in the same sentence: "overran a post in Boni and
now hold the town", "entered Bazarak but do not control it".

A reference resolves only when the sentence names one configured place, so "the town" can stand
for nothing else. "It" resolves only as the object of a verb ("control it"), never as a subject,
which is more often the group ("the RSF said it ...").
"""

from __future__ import annotations

import re

from monitor.extract.control.verbs import Predicate
from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import not_the_scene

_ANAPHOR = re.compile(
    r"\b(?:the\s+(?:town|city|valley|district|province|capital|pass|village|port|enclave|"
    r"stronghold|township|area)(?!\s+of\b|['’])|it)\b",
    re.I,
)
# "the pass", "the valley": only for a place whose name says it is one.
_NAMED = frozenset({"pass", "valley", "port"})
# "HPF fighters overran an army post in Boni": a capture of something in the place ...
_TAKE_IN = re.compile(
    r"\b(?P<verb>overr(?:an|un)|stormed|captured|seized|took)\s+(?:an?|the|two|three|several)\s+"
    r"[^,;]{0,40}?\s+(?:in|at)\s+$",
    re.I,
)
# ... that goes on to hold it: "... on Sunday and now hold the town".
_AND_HOLD = re.compile(
    r"[^;]{0,50}?\band\s+(?:now\s+|also\s+|still\s+)?(?:hold|holds|held|control|controls|"
    r"controlled)\s+$",
    re.I,
)


# "marched in from Dorvik and seized the town": a place named as where people came from is
# not the town they took (the verbs of `places.ARRIVING`; "withdrew from X" is X).
_ORIGIN = re.compile(
    r"\b(?:c[oa]m(?:e|es|ing)|march\w*|arriv\w*|advanc\w*|mov(?:e|ed|es|ing)|travel\w*|"
    r"head(?:s|ed|ing)|push\w*|sw(?:e|ee)p\w*)(?:\s+\w+){0,2}?\s+from\s+(?:the\s+)?$",
    re.I,
)


def anaphors(sentence: str, places: list[Mention]) -> list[Mention]:
    """Mentions of "the town", "it" after the one place the sentence names, unless it is
    named as an origin ("came from X and took the town"), a landmark ("50 km west of X") or
    where news came from ("reports from X")."""
    if len({p.entity.name for p in places}) != 1:
        return []
    last = max(places, key=lambda p: p.end)
    if _ORIGIN.search(sentence, 0, last.start) or not_the_scene(sentence, last.start):
        return []
    names = " ".join((last.entity.name, *last.entity.aliases)).lower()
    return [
        Mention(last.entity, m.start(), m.end())
        for m in _ANAPHOR.finditer(sentence, last.end)
        if m.group().split()[-1].lower() not in _NAMED or m.group().split()[-1].lower() in names
    ]


def is_object(sentence: str, anaphor: Mention, pred: Predicate) -> bool:
    """Whether `pred` may apply to the anaphor: "it" only as an object."""
    if sentence[anaphor.start : anaphor.end].lower() != "it":
        return True
    return pred.start < anaphor.start


def implied_capture(sentence: str, place: Mention, anaphor: Mention) -> Predicate | None:
    """ "overran an army post in Boni ... and now hold the town": Boni was captured."""
    take = _TAKE_IN.search(sentence, max(0, place.start - 80), place.start)
    if not take or take.end() != place.start:
        return None
    if not _AND_HOLD.fullmatch(sentence, place.end, anaphor.start):
        return None
    at = take.start("verb")
    return Predicate(place, "captured", at, place.end, None, at)
