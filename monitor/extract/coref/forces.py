"""A person's forces by pronoun: "his forces", "her troops" are the forces of the group the
configuration ties the person to (`affiliation`), read as "<person>'s forces", which the
extractors give to that group.

Only the forces that act, as the subject of a clause ("his fighters took", not "five of his
troops"). The person is the one configured person the sentence names before the pronoun
("General Brel said his men had entered Varno"); or, when an adverbial clause put first holds
the pronoun, the one it names after ("As his troops overran Varno, General Brel flew home":
such a pronoun points forward to the subject of the clause it leads into); or, when the
sentence names no person, the one person of the nearest earlier sentence that names one. Not
when another capitalised name that is no configured entity stands between, who may be the man
whose forces they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.extract.coref.context import EarlierSentence, Edit, antecedent
from monitor.extract.coref.persons import unconfigured_name
from monitor.extract.language.mentions import Mention
from monitor.records import EntityRef

_FORCE_WORDS = "forces troops fighters soldiers men militiamen gunmen units loyalists".split()
# Only forces that act, as the subject of a clause: not "five of his troops were killed" or
# "an offensive against Machar and his forces", where other readers take the pronoun.
_NOT_ACTING = r"(?<!\bof\s)(?<!\band\s)(?<!\bor\s)(?<!\bwith\s)(?<!\bby\s)(?<!\bto\s)"
_HIS_FORCES = re.compile(
    rf"{_NOT_ACTING}\b(?:his|her)(?=\s+(?:own\s+)?(?:{'|'.join(_FORCE_WORDS)})\b)", re.I
)
# A sentence that opens with an adverbial clause: the clause before the one it modifies.
_PREPOSED = re.compile(
    r"(?:As|While|When|After|Before|Once|Since|Though|Although|Even\s+as|Just\s+as)\s", re.I
)


def forces_edits(
    sentence: str,
    mentions: Sequence[Mention],
    history: Sequence[EarlierSentence],
    groups: Sequence[EntityRef],
) -> list[Edit]:
    """The first "his"/"her" before a word for forces, written as the person's name when the
    person is tied to a configured group."""
    pronoun = _HIS_FORCES.search(sentence)
    if pronoun is None:
        return []
    person = _owner(sentence, mentions, history, pronoun.start(), pronoun.end())
    if person is None or person.affiliation is None:
        return []
    if not any(g.name == person.affiliation for g in groups):
        return []
    return [Edit(pronoun.start(), pronoun.end(), person, True, "’s")]


def _owner(
    sentence: str,
    mentions: Sequence[Mention],
    history: Sequence[EarlierSentence],
    start: int,
    end: int,
) -> EntityRef | None:
    people = [m for m in mentions if m.entity.kind == "person"]
    before = [m for m in people if m.end <= start]
    if before:
        last = before[-1]
        if unconfigured_name(sentence, mentions, last.end, start):
            return None
        return _one(before)
    after = [m for m in people if m.start >= end]
    if after:
        first = after[0]
        if not _PREPOSED.match(sentence) or unconfigured_name(sentence, mentions, end, first.start):
            return None
        return _one(after)
    if unconfigured_name(sentence, mentions, 1, start):
        return None
    return antecedent(history, "person", None)


def _one(found: Sequence[Mention]) -> EntityRef | None:
    named = {m.entity.name: m.entity for m in found}
    return next(iter(named.values())) if len(named) == 1 else None
