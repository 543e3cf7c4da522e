"""Losses told by a battle's fact box: "- Casualties1: X:, 3,000 killed, 90 wounded, 5 tanks
lost". Only the counts the row gives to a side it names are read (`language.boxes`), one fact
per side and row: its killed, wounded and captured, placed where the box's "Place" row puts the
battle. Equipment lost is no casualty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.extract.language.boxes import box_row, side_items
from monitor.extract.language.numbers import Amount, find_amounts
from monitor.records import Casualties, Claim, EntityRef

_FATES = {
    "killed": "killed",
    "dead": "killed",
    "deaths": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "captured": "captured",
    "prisoners": "captured",
}
_FATE_WORD = re.compile(r"\s*(?P<fate>[a-z]+)\b")


def _fate(item: str, amount: Amount) -> str | None:
    word = _FATE_WORD.match(item, amount.end)
    return _FATES.get(word["fate"].lower()) if word else None


def casualty_rows(sentence: str, entities: Sequence[EntityRef], place: str | None) -> list[Claim]:
    """The losses a battle box's "Casualties" row gives to the sides it names."""
    cell = box_row(sentence, "Casualties")
    if cell is None:
        return []
    counts: dict[str, dict[str, Amount]] = {}
    for owner, item in side_items(cell, entities):
        amounts = find_amounts(item)
        fate = _fate(item, amounts[0]) if amounts and amounts[0].start == 0 else None
        if fate is not None:
            counts.setdefault(owner, {}).setdefault(fate, amounts[0])
    return [Claim(_losses(owner, found, place), sentence) for owner, found in counts.items()]


def _losses(owner: str, found: dict[str, Amount], place: str | None) -> Casualties:
    def bounds(fate: str) -> tuple[int | None, int | None]:
        a = found.get(fate)
        return (a.min, a.max) if a else (None, None)

    qualifier = next(iter(found.values())).qualifier
    return Casualties(
        owner,
        *bounds("killed"),
        *bounds("wounded"),
        *bounds("captured"),
        qualifier,
        location=place,
    )
