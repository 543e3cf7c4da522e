"""A group referred to by a pronoun opening a sentence: "The rebels' new offensive began on
Monday. They captured Dorvik within hours." (`coref`, precision first).

"They" or "it" opening a sentence (after a phrase of time at most: "By evening they had taken
Dorvik"), directly before a verb of taking, holding or claiming, is
the one group the nearest earlier sentence that names any names, when that sentence names no
person (who could be "they" with his men, or the speaker). Other pronouns, and pronouns before
other verbs ("It was the first ...", "They fled"), are left alone: a place, a crowd or an
event is as often "it" or "they". So is a pronoun after a sentence that itself opens with one
("It now holds most of Kastrel after pushing Varland troops back. It controls six towns"): the
group that sentence names is not its subject, the pronoun's referent is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.extract.coref.context import EarlierSentence, Edit, antecedent, names_entity
from monitor.extract.language.mentions import Mention

_TAKING = (
    r"captured|seized|took|taken|overr[au]n|entered|retook|retaken|recaptured|stormed|"
    r"control(?:led|s)?|h(?:o|e)ld|holds?|claim(?:ed|s)?|said|say|says"
)
# What may open the sentence before the pronoun: a conjunction, or a phrase of time ("By
# evening", "Within hours,", "On Tuesday") that names nobody (checked against the mentions).
_TIME_OPENER = (
    r"(?:By|On|In|Within|After|Before|Overnight|Since|During|At|Early|Late|Last|Earlier|Later)"
    r"\b[^,.;:\"“”()]{0,30}?,?\s+"
)
_OPENING = re.compile(
    rf"^(?:(?:But|And|Then|Now|Later),?\s+)?"
    rf"(?:(?P<opener>{_TIME_OPENER})(?P<after>they|it)|(?P<first>They|It))"
    rf"(?:\s+(?:have|has|had|now|also|then|later|quickly|soon|reportedly|still))*"
    rf"\s+(?P<verb>{_TAKING}|number(?:ed|s)?|ha(?:ve|d))\b"
)
_PRONOUN_SUBJECT = re.compile(r"^(?:(?:But|And|Then|Now|Later),?\s+)?(?:They|It)\s")


def pronoun_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[EarlierSentence]
) -> list[Edit]:
    """The group an opening "They"/"It" stands for, or nothing."""
    m = _OPENING.match(sentence)
    if m is None:
        return []
    pronoun = "after" if m.group("after") else "first"
    if m.group(pronoun).lower() == "it" and m.group("verb").startswith(("ha", "num")):
        return []
    if any(mention.start < m.end() for mention in mentions):
        return []
    last = next((s for s in reversed(history) if s.mentions), None)
    if last is None or any(x.entity.kind == "person" for x in last.mentions):
        return []
    if _PRONOUN_SUBJECT.match(last.text):
        return []  # a chain of "It ...": its groups are not the subject
    group = antecedent(history, "group", None)
    if group is None or names_entity(mentions, group):
        return []
    return [Edit(m.start(pronoun), m.end(pronoun), group, False)]
