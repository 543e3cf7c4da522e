from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from monitor.match import Matcher, WatchSpec, fold
from monitor.match.explain import QueryError
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


def test_a_query_and_the_simple_lists_are_anded() -> None:
    spec = WatchSpec("w", entities=("Panjshir",), query="title:(Massoud OR Saleh)")
    matcher = Matcher([spec], ENTITIES)
    assert matcher.match(entry("Massoud in the Panjsher valley"))
    assert not matcher.match(entry("Panjsher", "", "Massoud"))


def test_a_malformed_query_names_its_watch() -> None:
    with pytest.raises(QueryError) as caught:
        Matcher([WatchSpec("w", query="(Taliban")], ENTITIES)
    assert (caught.value.watch, caught.value.position) == ("w", 8)
    assert str(caught.value) == "watch 'w': position 8: expected ')' to close the '(' at position 0"


def test_a_watch_with_nothing_to_match_is_refused() -> None:
    with pytest.raises(ValueError, match="nothing to match"):
        Matcher([WatchSpec("w", require=("Taliban",))], ENTITIES)


SYLLABLES = ("ka", "vo", "re", "li", "mu", "sa", "te", "no", "pi", "ghu")


def pseudo_word(i: int) -> str:
    return "".join(SYLLABLES[(i // 10**k) % 10] for k in range(5))


def test_ten_thousand_watch_terms_compile_and_match() -> None:
    """1,000 watches of 10 terms each: 8 words, a phrase and a wildcard."""
    watches, oracles = [], []
    for w in range(1000):
        words = tuple(pseudo_word(w * 8 + j) for j in range(8))
        phrase = f"{pseudo_word(8000 + w)} {pseudo_word(9000 + w)}"
        prefix = pseudo_word(10000 + w * 10)[:8]
        query = " OR ".join([*words, f'"{phrase}"', f"{prefix}*"])
        watches.append(WatchSpec(f"w{w}", query=query))
        oracles.append((frozenset(words), f" {phrase} ", prefix))
    matcher = Matcher(watches, [])
    rng = random.Random(7)
    for _ in range(40):
        text = " ".join(pseudo_word(rng.randrange(20000)) for _ in range(300))
        padded = f" {text} "
        vocabulary = set(text.split())
        starts = {v[:8] for v in vocabulary}
        expected = [
            f"w{i}"
            for i, (words, phrase, prefix) in enumerate(oracles)
            if words & vocabulary or phrase in padded or prefix in starts
        ]
        assert [m.watch for m in matcher.match(entry(text.upper()))] == expected
        assert expected, "the random texts should match some watches"
