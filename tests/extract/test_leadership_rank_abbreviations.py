"""An office before an abbreviated rank ("MLA spokesman Brig. Gen. X"): the tokenizer keeps the
rank's full stop on the rank, so the parser neither ends the sentence there nor loses the name
the title belongs to. Every sentence was written for this test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import leadership_read

from monitor.extract.language.nlp import DEFAULT_MODEL, load
from monitor.records import EntityRef, Leadership

MLA = "Marsh Liberation Army"
ENTITIES = (
    EntityRef(MLA, "group", ("MLA",)),
    EntityRef("Lina Vard", "person", ("Vard",), affiliation=MLA),
    EntityRef("Dorn", "place"),
)


def _offices(text: str) -> set[Leadership]:
    return leadership_read(text, ENTITIES)


@pytest.mark.parametrize(
    "text",
    [
        "MLA spokesman Brig. Gen. Lina Vard said the bridge at Dorn was quiet.",
        "MLA spokesman Lt. Col. Lina Vard told reporters the column had stopped.",
        "On Friday MLA spokesman Maj. Lina Vard said the road to Dorn was open.",
        "“The road is open,” MLA spokesman Capt. Lina Vard said in Dorn.",
    ],
)
def test_an_office_before_an_abbreviated_rank(text: str) -> None:
    assert Leadership("Lina Vard", "spokesman", MLA, "claimed") in _offices(text)


@pytest.mark.parametrize(
    "text",
    [
        # a bare rank is no office
        "Brig. Gen. Lina Vard said the bridge at Dorn was quiet.",
        "Lt. Col. Lina Vard inspected the trenches near Dorn.",
    ],
)
def test_a_rank_alone_is_no_office(text: str) -> None:
    assert _offices(text) == set()


@pytest.mark.parametrize("rank", ["Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt."])
def test_the_rank_keeps_its_full_stop(rank: str) -> None:
    doc = load(DEFAULT_MODEL)(f"The patrol met {rank} Vard near Dorn on Monday.")
    assert rank in [t.text for t in doc]
    assert len(list(doc.sents)) == 1
