"""A force's size told by a fact box, which has no grammar to read: its fields are named.

The box of a force's own encyclopedia page: only the fields that tell how many people one force
has are read ("active personnel", "size"), as a row of their own or after a cell border: "Active
personnel | 120,000 (est. May 2019) |", "Active personnel95,000" (a box flattened to text glues
the field's name to its value), "| size = 2300" (the box's template, unrendered). The box is the
page's subject's: the configured group whose name opens the page (its title) or stands alone as
a heading line (`page_subject`). A value marked as an estimate right after it ("120,000 (est.
2019)") is approximate.

A battle's box: its "Strength" row's columns are the battle's sides, which the flattened text
does not tell apart; only the counts the row itself gives to a side it names ("Strength1:
Varland:, 28,000 fighters, ...") are read (`strength_rows`, with `language.boxes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.extract.language.boxes import box_row, side_items
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.units import forward_unit
from monitor.records import Claim, EntityRef, ForceSize, Qualifier

# The field's name at a row's start or after a cell border, then its value: after a border or
# "=", or glued to it. A name and a number parted by a space alone are prose ("grew in size 3").
_FIELD = re.compile(
    r"(?:^|\|)\s*(?:active[ _]personnel|size)(?:\s*[|=]\s*)*(?=\d)",
    re.I,
)
_CELL_END = re.compile(r"\||\s=|$")
_ESTIMATE = re.compile(r"\s*\(?\s*(?:est\.|estimated?\b)", re.I)  # right after the value
_HEADING_REST = re.compile(r"^[\s|]*$")


def page_subject(sentence: str, entities: Sequence[EntityRef], first: bool) -> str | None:
    """The configured group a page is about: named at the start of its first sentence (the
    title), or by a line that holds its name and nothing else (a heading)."""
    text = sentence.strip()
    groups = [m for m in find_mentions(text, entities) if m.entity.kind == "group"]
    for g in groups:
        if g.start == 0 and (first or _HEADING_REST.match(text[g.end :])):
            return g.entity.name
    return None


def infobox_sizes(sentence: str, subject: str) -> list[Claim]:
    """The force sizes a row of a fact box gives for the page's subject."""
    claims = []
    text = sentence.strip()
    for field in _FIELD.finditer(text):
        end = _CELL_END.search(text, field.end())
        cell = text[field.end() : end.start() if end else len(text)]
        amounts = find_amounts(cell)
        if not amounts or amounts[0].start != 0:
            continue
        a = amounts[0]
        estimate = a.qualifier == "exact" and _ESTIMATE.match(cell, a.end) is not None
        qualifier: Qualifier = "approx" if estimate else a.qualifier
        claim = Claim(ForceSize(subject, a.min, a.max, qualifier, "personnel"), sentence, None)
        if claim not in claims:
            claims.append(claim)
    return claims


def strength_rows(sentence: str, entities: Sequence[EntityRef]) -> list[Claim]:
    """The force sizes a battle box's "Strength" row gives to the sides it names."""
    cell = box_row(sentence, "Strength")
    if cell is None:
        return []
    claims: list[Claim] = []
    for owner, item in side_items(cell, entities):
        amounts = find_amounts(item)
        if not amounts or amounts[0].start != 0:
            continue  # a later figure "(later up to 3,000)"
        unit = forward_unit(item, amounts[0], [])
        if unit is not None:
            a = amounts[0]
            claims.append(Claim(ForceSize(owner, a.min, a.max, a.qualifier, unit.word), sentence))
    return claims
