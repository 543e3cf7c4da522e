"""Control facts as the extraction tests compare them: (place, controller, status) triples."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from monitor.extract import extract_claims
from monitor.extract.control import extract_control
from monitor.records import Claim, EntityRef, TerritorialControl

Holding = tuple[str, str | None, str]


def holdings(claims: Iterable[Claim]) -> list[Holding]:
    return [
        (c.value.place, c.value.controller, c.value.status)
        for c in claims
        if isinstance(c.value, TerritorialControl)
    ]


def read_in_text(sentence: str, entities: Sequence[EntityRef], year: int = 2024) -> list[Holding]:
    """What the whole extraction (references resolved, the parse) reads of control."""
    return holdings(extract_claims(sentence, entities, ["territorial_control"], year=year))


def read_by_control(
    sentence: str, entities: Sequence[EntityRef], year: int = 2024
) -> list[Holding]:
    """What the control extractor alone reads of one sentence."""
    return holdings(extract_control(sentence, entities, year=year))


# The invented coastal war some control tests share: a militia, a state army, one port.
NORTH = "Northern Army"
KASTREL_WAR = (
    EntityRef("Coast Militia", "group", ("CM", "coastal rebels")),
    EntityRef(NORTH, "group", ("Northern troops", "northern forces")),
    EntityRef("Kastrel", "place", ()),
)


# The invented inland war the tests of part G's control rules share: a rebel army, a state
# army, a general of the state's side, two towns.
NLA = "Northern Liberation Army"
SOUTH = "Southern Army"
VARNO_WAR = (
    EntityRef(NLA, "group", ("NLA", "NLA fighters")),
    EntityRef(SOUTH, "group", ("southern forces", "southern troops", "the army")),
    EntityRef("Tomas Brel", "person", ("General Brel",), affiliation=SOUTH),
    EntityRef("Varno", "place", ()),
    EntityRef("Kastrel", "place", ()),
)


def read_in_varno(sentence: str) -> list[Holding]:
    """What the whole extraction reads of control in a sentence of the Varno war."""
    return read_in_text(sentence, VARNO_WAR)
