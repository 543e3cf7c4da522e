"""The invented war the grammar tests of the extractors write their sentences about: a rebel
front, a state army, a person of the front, two towns; and readers of what the whole
extraction (references resolved, the parse) tells of them."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.extract import extract_claims
from monitor.records import Casualties, Claim, EntityRef, Leadership

KDF = "Kelso Defence Front"
NORTH = "Northern Army"
KELSO_WAR = (
    EntityRef(KDF, "group", ("KDF",)),
    EntityRef(NORTH, "group"),
    EntityRef("Ilse Sato", "person", affiliation=KDF),
    EntityRef("Dorn", "place"),
    EntityRef("Mirel", "place"),
)


def losses_read(
    text: str, entities: Sequence[EntityRef] = KELSO_WAR, year: int = 2025
) -> list[tuple[Casualties, Claim]]:
    """Every casualty count read in `text`, with the claim that tells it."""
    claims = extract_claims(text, entities, ["casualties"], year=year)
    return [(c.value, c) for c in claims if isinstance(c.value, Casualties)]


def people_read(
    text: str, entities: Sequence[EntityRef] = KELSO_WAR, year: int = 2025
) -> list[tuple[Leadership, Claim]]:
    """Every office or fate read in `text`, with the claim that tells it."""
    claims = extract_claims(text, entities, ["leadership"], year=year)
    return [(c.value, c) for c in claims if isinstance(c.value, Leadership)]
