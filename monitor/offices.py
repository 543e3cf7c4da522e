"""An office as the key of a leadership fact, so that one office told in other words is one fact.

Reporting names an office more or less precisely: "the military governor" and "the governor",
"the M23 leader" and "the head of M23", "foreign minister" and "minister". The key keeps what
makes an office another office (a rank word: deputy, vice, acting; a compound such as "prime
minister" or "chief of staff") and folds the rest: descriptive words go, and "head", "chief"
and "leader" standing alone are one word. Whether two roles under one key still differ ("foreign
minister" against "defence minister") is the diff's question: `same_office`.
"""

from __future__ import annotations

import re

# Words that make another office of the one they qualify.
RANKS = frozenset(
    {"deputy", "vice", "acting", "interim", "assistant", "co", "lieutenant", "former"}
    | {"first", "second", "associate", "honorary", "caretaker", "provisional"}
)
# Offices of two words whose first word is no description ("prime minister" is not a minister).
COMPOUNDS = (
    ("prime", "minister"),
    ("secretary", "general"),
    ("attorney", "general"),
    ("chief", "executive"),
    ("chief", "justice"),
    ("commander", "in", "chief"),
)
# What an "X of Y" office keeps of Y: the tails that make the office ("head of state"), not the
# organization or place it is the office of ("governor of North Kivu").
OFFICE_TAILS = frozenset({"staff", "state", "government", "general staff", "defence staff"})
_HEADS = {"head": "leader", "chief": "leader", "leader": "leader"}
_SELF_STYLED = re.compile(r"\bself-(?:declared|proclaimed|styled|appointed)\b")
_FILLER = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def role_words(role: str) -> list[str]:
    """The role's words, casefolded, without "self-declared", articles, hyphens or possessives."""
    text = _SELF_STYLED.sub(" ", role.casefold().replace("’", "'"))
    text = re.sub(r"'s\b", "", text).replace("-", " ")
    return [w for w in re.findall(r"[^\W_]+", text) if w not in _FILLER]


def office_key(role: str) -> str:
    """The office `role` names, as a key: its rank words, then its head or compound."""
    words = role_words(role)
    if not words:
        return ""
    ranks, head = _split(words)
    return " ".join([*ranks, *head])


def same_office(a: str | None, b: str | None) -> bool:
    """Two roles under one key name the same office when one's description holds the other's
    ("military governor" and "governor"), not when each has words the other lacks."""
    if not a or not b:
        return True
    first, second = _description(a), _description(b)
    return first <= second or second <= first


def _split(words: list[str]) -> tuple[list[str], list[str]]:
    if "of" in words[1:]:
        cut = words.index("of", 1)
        tail = " ".join(words[cut + 1 :])
        before = _split(words[:cut])
        if tail in OFFICE_TAILS:
            return before[0], [*before[1], "of", tail]
        return before
    for compound in COMPOUNDS:
        if tuple(words[-len(compound) :]) == compound:
            return _ranks(words[: -len(compound)]), list(compound)
    return _ranks(words[:-1]), [_HEADS.get(words[-1], words[-1])]


def _ranks(words: list[str]) -> list[str]:
    return [w for w in words if w in RANKS]


def _description(role: str) -> set[str]:
    words = role_words(role)
    key = set(office_key(role).split())
    return {w for w in words if w not in key and w not in _HEADS and w != "of"}
