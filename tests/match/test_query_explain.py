"""`explain`: why each watch did or did not match, with offsets in the original text."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.match import Matcher, WatchSpec
from monitor.match.explain import Explanation, Finding, explain, format_explanation
from monitor.records import EntityRef, Entry

ENTITIES = [
    EntityRef("Amrullah Saleh", "person", ("Amrullah Salih",)),
    EntityRef("Taliban", "group", ("Taleban",)),
]


def entry(title: str, summary: str = "", content: str = "") -> Entry:
    return Entry(
        "feed", "Outlet", "g", "https://x.example", title, summary, content,
        datetime(2021, 9, 1, tzinfo=UTC),
    )  # fmt: skip


def explain_one(query: str, news: Entry) -> Explanation:
    [explanation] = explain(Matcher([WatchSpec("w", query=query)], ENTITIES), news)
    return explanation


def test_offsets_are_in_the_original_text_when_folding_changes_lengths() -> None:
    title = "Die \ufb01nale Straße: PANJSHI\u0301R-Tal, Panj\u200cshir"
    why = explain_one('Strasse AND finale AND Panjsh* AND "panjshir tal"', entry(title))
    assert why.matched
    assert [(f.term, f.text) for f in why.found] == [
        ("finale", "\ufb01nale"),
        ("Strasse", "Straße"),
        ("Panjsh*", "PANJSHI\u0301R"),
        ('"panjshir tal"', "PANJSHI\u0301R-Tal"),
        ("Panjsh*", "Panj\u200cshir"),
    ]
    assert all(title[f.start : f.end] == f.text for f in why.found)


def test_a_missing_part_is_named() -> None:
    why = explain_one('entity:"Amrullah Saleh" AND (Afghanistan OR entity:Taliban)', entry("Salih"))
    assert not why.matched
    assert why.missing == ('entity:"Amrullah Saleh"', 'Afghanistan OR entity:"Taliban"')
    assert why.found == ()


def test_an_excluding_part_is_named() -> None:
    why = explain_one("Taliban NOT (football OR cricket)", entry("Taliban", "", "a cricket match"))
    assert (why.matched, why.missing, why.excluded_by) == (False, (), ("football OR cricket",))
    assert why.found == (
        Finding("Taliban", "Taliban", "title", 0, 7),
        Finding("cricket", "cricket", "content", 2, 9),
    )


def test_terms_too_far_apart_are_named() -> None:
    why = explain_one("Saleh NEAR/2 president", entry("Saleh met the new president"))
    assert why.missing == ("Saleh NEAR/2 president (both found, but not within 2 words)",)
    why = explain_one("Saleh NEAR/2 president", entry("Saleh"))
    assert why.missing == ("president",)


def test_every_watch_is_explained_in_order_and_formatted_deterministically() -> None:
    watches = [
        WatchSpec("panjshir", entities=("Taliban",), require=("Panjshir",), exclude=("football",)),
        WatchSpec("saleh", query='title:entity:"Amrullah Saleh" NEAR/3 president'),
    ]
    news = entry("President Amrullah Salih", "The Taleban in Panjshir.", "No football.")
    text = format_explanation(explain(Matcher(watches, ENTITIES), news))
    assert text == "\n".join(
        [
            "panjshir: no match",
            '  query: entity:"Taliban" AND "Panjshir" AND NOT "football"',
            '  found: entity:"Taliban" = "Taleban" in summary at 4-11',
            '         "Panjshir" = "Panjshir" in summary at 15-23',
            '         "football" = "football" in content at 3-11',
            '  excluded by: "football"',
            "saleh: MATCHED",
            '  query: title:entity:"Amrullah Saleh" NEAR/3 president',
            '  found: president = "President" in title at 0-9',
            '         title:entity:"Amrullah Saleh" = "Amrullah Salih" in title at 10-24',
        ]
    )
