"""The rows of a battle's fact box, flattened to text one row a line: "- Strength1: X:, 28,000
fighters, 24 tanks, Y:, 700 troops", "- Casualties1: X:, 3,000 killed, :, 38 dead", "- Place: ,
Kastrel, Varland".

A box has no grammar to read: its fields are named. A row's columns are the battle's sides,
which the flattened text does not tell apart, so only the items that follow an item "<side>:"
naming one configured group are that group's, up to the next such item (`side_items`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from monitor.extract.language.mentions import find_mentions
from monitor.records import EntityRef

# Items are parted by commas, and a cell's sub-rows by a run of dashes ("... ---- Per X:, ...").
_ITEM_BREAK = re.compile(r",\s|\s-{2,}\s")
_SIDE_ITEM = re.compile(r"^(?P<side>[^,:()|]{0,60}):$")
_SOURCE = re.compile(r"(?:[-\s]*)(?:per|according\s+to|claimed\s+by|source)\b", re.I)


# The start of a row of each field a reader asks for ("- Strength1: "), compiled once: every
# line of every matched article is tried.
_ROWS = {
    field: re.compile(rf"^\s*[-*]?\s*{field}\s*\d*\s*:\s*", re.I)
    for field in ("Strength", "Casualties", "Place")
}


def box_row(sentence: str, field: str) -> str | None:
    """The cell of a row of the named field ("Strength", "Casualties", "Place"), its column
    number dropped, or None when the line is no such row."""
    row = _ROWS[field].match(sentence)
    return sentence[row.end() :] if row else None


def side_items(cell: str, entities: Sequence[EntityRef]) -> Iterator[tuple[str, str]]:
    """(group, item) for each item of the cell that follows an item naming exactly one
    configured group; an item naming nobody configured (or nothing: ":"), two groups, or a
    source ("Per X:"), ends the group's run."""
    owner: str | None = None
    for item in (i.strip() for i in _ITEM_BREAK.split(cell)):
        side = _SIDE_ITEM.match(item)
        if side is not None and _SOURCE.match(side["side"]):
            owner = None  # "Per X:": whose account follows, not whose losses
        elif side is not None:
            named = {m.entity.name for m in find_mentions(side["side"], entities)}
            groups = [e.name for e in entities if e.name in named and e.kind == "group"]
            owner = groups[0] if len(groups) == 1 else None
        elif owner is not None:
            yield owner, item


def box_place(sentence: str, entities: Sequence[EntityRef]) -> str | None:
    """The configured place a box's "Place" row names first: where the battle was."""
    cell = box_row(sentence, "Place")
    if cell is None:
        return None
    places = [m for m in find_mentions(cell, entities) if m.entity.kind == "place"]
    return places[0].entity.name if places else None
