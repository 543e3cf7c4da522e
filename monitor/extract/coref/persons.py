"""References to a person: "he" or "she" for the person of an earlier sentence, and an office
("the resistance leader", "its commander") as the subject of a clause for the one person named
before it, in the same sentence or an earlier one (see `coref`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.extract.coref.context import (
    EarlierSentence,
    Edit,
    antecedent,
    named_before,
    names_entity,
    overlaps,
)
from monitor.extract.language.mentions import Mention
from monitor.extract.language.text import CAPITAL

_PERSON_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
# "the resistance leader", "its commander": a person by the office they hold.
OFFICE_WORDS = (
    "leader commander chief head president emir ruler founder strongman warlord chairman".split()
)
_PERSON_DESCRIPTION = re.compile(
    rf"\b(?:the|its|their)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{'|'.join(OFFICE_WORDS)})\b(?![’'-])",
    re.I,
)
# ... unless it is a predicate ("was named the leader") or stands beside a name: "Hemedti, the
# RSF commander", "its commander, Mohamed Hamdan Dagalo", "the resistance leader Ahmad Massoud".
_PREDICATIVE_OR_APPOSITIVE = re.compile(
    r"(?:[,(—–]|\b(?:is|are|was|were|be|been|being|as|become|became|becomes|remain|remains|"
    r"remained|named|appointed|elected|made|himself|herself|called|dubbed))\s*$",
    re.I,
)
_NAME_AFTER = re.compile(rf",?\s+(?-i:{CAPITAL})")
# A description is read as a reference only as the subject of a clause ("... that the rebel
# leader had fled"); "after the death of its founder" is about somebody else.
_SUBJECT_OF = re.compile(
    r"\s+(?:(?:also|reportedly|still|now|later)\s+)?(?:had|has|have|was|is|were|would|will|"
    r"could|can|may|might|must|did|does|remains|remained|said|says|told|tells|added)\b",
    re.I,
)
_CAPITALISED = re.compile(rf"(?<=\s)(?-i:{CAPITAL})[\w’'-]+")
_TITLE_WORDS = frozenset(
    "general president commander minister mr mrs ms dr colonel sheikh mullah".split()
)


def person_edits(
    sentence: str, mentions: Sequence[Mention], history: Sequence[EarlierSentence]
) -> list[Edit]:
    """ "He" for the person of an earlier sentence; failing that, "the resistance leader",
    "its commander" for the one person named before, in this sentence or an earlier one."""
    edit = _pronoun_edit(sentence, mentions, history)
    if edit is None:
        edit = _office_edit(sentence, mentions, history)
    return [] if edit is None else [edit]


def _pronoun_edit(
    sentence: str, mentions: Sequence[Mention], history: Sequence[EarlierSentence]
) -> Edit | None:
    """The first "he" or "she", in a sentence that names no person before it."""
    pronoun = _PERSON_PRONOUN.search(sentence) if history else None
    if (
        pronoun is None
        or named_before(mentions, "person", pronoun.start())
        or unconfigured_name(sentence, mentions, 1, pronoun.start())
    ):
        return None
    person = antecedent(history, "person", None)
    if person is None or names_entity(mentions, person):
        return None
    return Edit(pronoun.start(), pronoun.end(), person, False)


def unconfigured_name(sentence: str, mentions: Sequence[Mention], start: int, end: int) -> bool:
    """Whether a capitalised word that names no configured entity stands in `start:end` (past
    the first word): it may be the person a following "he" means ("the article Saleh cited
    ... the state he served")."""
    for m in _CAPITALISED.finditer(sentence, max(start, 1), end):
        if not overlaps(mentions, m.start(), m.end()) and m.group().lower() not in _TITLE_WORDS:
            return True
    return False


def _office_edit(
    sentence: str, mentions: Sequence[Mention], history: Sequence[EarlierSentence]
) -> Edit | None:
    """The first office that is the subject of a clause, for the person who holds it."""
    lowered = sentence.lower()
    if not any(word in lowered for word in OFFICE_WORDS):
        return None
    for m in _PERSON_DESCRIPTION.finditer(sentence):
        if _is_subject_reference(sentence, mentions, m):
            return _office_holder(mentions, history, m)
    return None


def _is_subject_reference(
    sentence: str, mentions: Sequence[Mention], office: re.Match[str]
) -> bool:
    """Whether an office stands for a person as the subject of a clause: not a predicate, not
    beside a name, and not part of a configured name ("... said the RSF commander had fled"
    names a group)."""
    return not (
        _PREDICATIVE_OR_APPOSITIVE.search(sentence, 0, office.start())
        or _NAME_AFTER.match(sentence, office.end())
        or not _SUBJECT_OF.match(sentence, office.end())
        or any(office.start() <= n.start < office.end() for n in mentions)
    )


def _office_holder(
    mentions: Sequence[Mention], history: Sequence[EarlierSentence], office: re.Match[str]
) -> Edit | None:
    """The one person named before the office in its sentence or, when the sentence names no
    person at all, in an earlier one."""
    earlier = {n.entity.name: n.entity for n in mentions if n.end <= office.start()}
    named = [e for e in earlier.values() if e.kind == "person"]
    if len(named) == 1:
        return Edit(office.start(), office.end(), named[0], False)
    if history and not any(n.entity.kind == "person" for n in mentions):
        person = antecedent(history, "person", None)
        if person is not None:
            return Edit(office.start(), office.end(), person, False)
    return None
