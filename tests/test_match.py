from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.match import Matcher, WatchSpec, fold
from monitor.records import EntityRef, Entry

ENTITIES = [
    EntityRef("Panjshir", "place", ("Panjsher", "Panjshir valley", "پنجشیر")),
    EntityRef("Amrullah Saleh", "person", ("Amrullah Salih",)),
    EntityRef("Taliban", "group", ("Taleban",)),
]
WATCH = WatchSpec(
    "panjshir",
    entities=("Panjshir", "Amrullah Saleh"),
    require=("Taliban", "Afghanistan"),
    exclude=("football",),
)


def entry(title: str, summary: str = "", content: str = "") -> Entry:
    return Entry(
        "f",
        "Outlet",
        "g",
        "https://x.example",
        title,
        summary,
        content,
        datetime(2021, 9, 1, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("title", "summary", "matched"),
    [
        ("Taliban advance on Panjshir", "", True),
        ("TALIBAN ADVANCE ON PANJSHÍR", "", True),
        ("Fighting in the Panjsher valley", "The Taleban said on Monday...", True),
        ("Amrullah Salih speaks", "He spoke from Afghanistan.", True),
        ("Panjshir weather", "", False),
        ("Panjshiri rugs sold", "The Taliban ...", False),
        ("Taliban and Panjshir football", "", False),
        ("درگیری در پنجشير", "Taliban", True),
        ("Taliban advance on Panj\u200cshir", "", True),
    ],
)
def test_watch_matches_whole_words_with_folding(title: str, summary: str, matched: bool) -> None:
    matcher = Matcher([WATCH], ENTITIES)
    assert bool(matcher.match(entry(title, summary))) is matched


def test_hits_name_the_entity_and_the_field() -> None:
    [match] = Matcher([WATCH], ENTITIES).match(entry("Taliban news", "", "Talks in Panjsher"))
    panjshir = next(h for h in match.hits if h.entity == "Panjshir")
    assert (panjshir.term, panjshir.field) == ("Panjsher", "content")
    assert match.entities == ("Panjshir", "Taliban")


def test_many_watches_share_one_automaton() -> None:
    watches = [WatchSpec(f"w{i}", terms=(f"term{i}",)) for i in range(2000)]
    matcher = Matcher(watches, [])
    assert [m.watch for m in matcher.match(entry("about term1999 and term7"))] == ["w7", "w1999"]


def test_no_watches_match_nothing() -> None:
    assert Matcher([], []).match(entry("anything")) == []


def test_fold_unifies_quotes_dashes_and_arabic_letter_forms() -> None:
    assert fold("Ahmad Massoud’s “forces” — said") == 'ahmad massoud\'s "forces" - said'
    assert fold("كابل") == fold("کابل")
