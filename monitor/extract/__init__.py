"""The extract stage: pure functions from (text, entities) to claims, one module per fact kind.

`extract_claims` splits a text into sentences and runs the extractor of every requested kind
(force_size, leadership, territorial_control, casualties) on each sentence.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Protocol

from monitor.extract.casualties import extract_casualties
from monitor.extract.control import extract_control
from monitor.extract.force_size import extract_force_sizes
from monitor.extract.leadership import extract_leadership
from monitor.extract.text import split_sentences
from monitor.records import FACT_KINDS, Claim, EntityRef, FactKind

__all__ = ["EXTRACTORS", "extract_claims", "split_sentences"]


class Extractor(Protocol):
    def __call__(
        self, sentence: str, entities: Sequence[EntityRef], *, year: int | None = None
    ) -> list[Claim]: ...


EXTRACTORS: dict[FactKind, Extractor] = {
    "force_size": extract_force_sizes,
    "leadership": extract_leadership,
    "casualties": extract_casualties,
    "territorial_control": extract_control,
}


def extract_claims(
    text: str,
    entities: Sequence[EntityRef],
    kinds: Collection[FactKind] = FACT_KINDS,
    *,
    year: int | None = None,
) -> list[Claim]:
    """All claims of the requested kinds in `text`, in reading order, without duplicates.
    `year` is the article's publication year: what lies well before it is history."""
    extractors = [EXTRACTORS[k] for k in FACT_KINDS if k in kinds and k in EXTRACTORS]
    claims: list[Claim] = []
    if not extractors or not entities:
        return claims
    for sentence in split_sentences(text):
        for extractor in extractors:
            found = extractor(sentence, entities, year=year)
            claims.extend(c for c in found if c not in claims)
    return claims
