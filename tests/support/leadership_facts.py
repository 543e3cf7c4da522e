"""Leadership facts as the extraction tests compare them: the values the whole extraction
(references resolved, the parse) reads of offices and fates."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.extract import extract_claims
from monitor.records import EntityRef, Leadership


def leadership_read(text: str, entities: Sequence[EntityRef], year: int = 2025) -> set[Leadership]:
    """Every leadership fact read in `text`: offices and fates."""
    claims = extract_claims(text, entities, ["leadership"], year=year)
    return {c.value for c in claims if isinstance(c.value, Leadership)}


def offices_read(text: str, entities: Sequence[EntityRef], year: int = 2025) -> set[Leadership]:
    """The facts of `text` that name an office (a fate told without one left out)."""
    return {v for v in leadership_read(text, entities, year) if v.role}
