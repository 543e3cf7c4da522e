"""Headline grammar: "Front says 'emir' X killed", "Rebel leader X killed in air strike",
"President X flees to Y as rebels advance". A headline drops the auxiliary and tells in the
present, so a bare participle, or "flees", after the name tells the fate, where the clause
opens the line or is what someone says; "X killed twenty soldiers" is no fate.
"""

from __future__ import annotations

import re

from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL
from monitor.extract.leadership.predicates import Hit

_HEADLINE_BEFORE = re.compile(
    r"(?:^|[,;]\s+|\b(?:says?|said|claims?|confirms?|reports?|admits?)\s+)"
    r"(?:[\w'’‘“\"-]+\s+){0,5}$",
    re.I,
)
_HEADLINE_FATE = re.compile(
    r"\s+(?:(?P<killed>killed|dead)(?:\s*$|\s+(?:in|by|during|after|near)\b)|"
    rf"(?:flees|escapes)(?:\s*$|\s+(?:to|from|into|as|after|amid|abroad)\b|\s+(?-i:{CAPITAL})))",
    re.I,
)


def headline_fate(sentence: str, p: Mention) -> list[Hit]:
    """A fate told in a headline's grammar, with the person its subject; a headline ends without
    a full stop ("The men X killed in the raid were buried." is prose, X the killer)."""
    if sentence.rstrip().endswith((".", "!", "?", ".”", '."')):
        return []
    fate = _HEADLINE_FATE.match(sentence, p.end)
    if fate and _HEADLINE_BEFORE.search(sentence, 0, p.start):
        return [Hit(p, "killed" if fate["killed"] else "fled", None, None, p.end)]
    return []
