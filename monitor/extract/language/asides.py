"""Words the parser reads better without: a person's age set off by commas after the name
("Aliyev, 58, said ...", "Savimbi, 67, died"). The small parser hangs the number between the
name and its verb as an apposition or a modifier and loses who speaks or acts, so that a side's
own claim reads as the narrator's. In the text the parser reads, the age is blanked, the same
length, as `casing` sets a headline in sentence case: the quote and the phrases taken from it
are given back as written (`casing.as_written`).
"""

from __future__ import annotations

import re

# A capitalised word, a comma, one or two digits, a comma, and a word in lower case (the verb,
# "who", "and"): "Haftar, 75, seized", not "In Varno, 30 were killed" or "Article 5, 12, ...".
# Not before a noun phrase ("X, 40, the public face of the group, died"): the second comma
# opens the next apposition, which the parser needs.
_AGE_AFTER_NAME = re.compile(
    r"\b[A-Z][\w'’.-]*(?P<age>,\s?\d{1,2},)(?=\s+(?!(?:the|a|an|his|her|its|their|one)\b)[a-z])"
)


def without_ages(line: str) -> str:
    """`line` with each age after a name blanked, the same length."""
    return _AGE_AFTER_NAME.sub(lambda m: _blanked(m, "age"), line)


def _blanked(match: re.Match[str], group: str) -> str:
    start, end = match.span(group)
    text = match.group()
    at = start - match.start()
    return text[:at] + " " * (end - start) + text[at + end - start :]
