"""What watch queries match: tables of {query, text, expected}.

A text is put in `content` unless it is a dict naming its fields."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.match import Matcher, WatchSpec
from monitor.records import EntityRef, Entry

ENTITIES = [
    EntityRef("Amrullah Saleh", "person", ("Amrullah Salih",)),
    EntityRef("Taliban", "group", ("Taleban",)),
    EntityRef("Panjshir", "place", ("Panjsher", "پنجشیر")),
]
Text = str | dict[str, str]
Case = tuple[str, Text, bool]
NESTED = "(Taliban OR (Massoud AND (Panjsh* OR x))) NOT (football OR cricket)"
SALEH = 'entity:"Amrullah Saleh" AND (Afghanistan OR Taliban)'
SALEH_ENTITY = 'entity:"Amrullah Saleh" AND (Afghanistan OR entity:Taliban)'


def entry(text: Text) -> Entry:
    fields = text if isinstance(text, dict) else {"content": text}
    return Entry(
        "feed",
        "Outlet",
        "guid",
        "https://x.example/a",
        fields.get("title", ""),
        fields.get("summary", ""),
        fields.get("content", ""),
        datetime(2021, 9, 1, tzinfo=UTC),
    )


def matches(query: str, text: Text) -> bool:
    return bool(Matcher([WatchSpec("w", query=query)], ENTITIES).match(entry(text)))


WORDS: list[Case] = [
    ("Taliban", "The Taliban advance", True),
    ("taliban", "THE TALIBAN ADVANCE", True),
    ("Taliban", "anti-Taliban forces", True),
    ("Taliban", "Talibanisation of the north", False),
    ("Panjshir", "PANJSHÍR", True),
    ("Panjshir", "Panjshi\u0301r (decomposed accent)", True),
    ("Panjshir", "Panj\u200cshir (zero-width non-joiner)", True),
    ("Strasse", "Die Straße", True),
    ("finance", "the \ufb01nance ministry", True),
    ("Massoud", "Massoud’s forces", True),
    ("rock and roll", "roll, rock and more", True),
]
PHRASES: list[Case] = [
    ('"Panjshir valley"', "in the Panjshir valley", True),
    ("“Panjshir valley”", "in the Panjshir valley", True),
    ('"Panjshir valley"', "Panjshir, valley and river", True),
    ('"Panjshir valley"', "the Panjshir — valley", True),
    ('"Panjshir valley"', "Panjshir\n\n   valley", True),
    ('"Panjshir valley"', "the Panjshir valleys", False),
    ('"Panjshir valley"', "the valley of Panjshir", False),
    ('"Panjshir valley"', "upper-Panjshir valley", True),
    ('"al-Qaeda"', "al Qaeda", True),
    ('"al-Qaeda"', "Al\u2011Qaeda", True),
    ('"al-Qaeda"', "alQaeda", False),
    ('"Massoud\'s forces"', "Massoud’s forces", True),
]
WILDCARDS: list[Case] = [
    ("Panjsh*", "Panjsheri fighters", True),
    ("Panjsh*", "in Panjshir", True),
    ("Panjsh*", "PANJSHÍR", True),
    ("Panjsh*", "Upanjshir", False),
    ("Panjsh*", "Pan jshir", False),
    ("Taleb*", "the Talebani group", True),
    ("Taleb* NOT Talebani", "the Talebani group", False),
]
ARABIC_SCRIPT: list[Case] = [
    ("پنجشیر", "درگیری در پنجشير", True),  # text typed with Arabic yeh
    ("پنجشير", "درگیری در پنجشیر", True),  # query typed with Arabic yeh
    ("پنجشیر", "درگیری در پنج\u200cشیر", True),  # zero-width non-joiner
    ("پنجشیر", "درگیری در پنجشیری", False),  # another word
    ("کابل", "سقوط كابل", True),  # Arabic kaf
    ("کابل", "سقوط كـابل", True),  # tatweel
    ("entity:Panjshir", "نیروها در پنجشير", True),
]
NEAR: list[Case] = [
    ("Saleh NEAR/3 president", "Saleh, the president", True),
    ("Saleh NEAR/3 president", "Saleh met the president", True),  # 3 words apart
    ("Saleh NEAR/3 president", "the president welcomed Saleh", True),  # other order
    ("Saleh NEAR/3 president", "Saleh met the new acting president", False),  # 5 apart
    ("Saleh NEAR/3 president", "Iraqi President Barham Salih", False),  # another man, spelling
    # A plain word cannot tell namesakes apart; an entity reference can.
    ("Saleh NEAR/3 president", "Yemen's President Ali Abdullah Saleh", True),
    ('entity:"Amrullah Saleh" NEAR/3 president', "Yemen's President Ali Abdullah Saleh", False),
    ('entity:"Amrullah Saleh" NEAR/3 president', "Iraqi President Barham Salih", False),
    ('entity:"Amrullah Saleh" NEAR/3 president', "acting president Amrullah Salih", True),
    ('"vice president" NEAR/2 Saleh', "vice president Amrullah Saleh", True),
    ("Panjsh* NEAR/1 fighters", "Panjsheri fighters", True),
    ("Saleh NEAR/3 president", {"title": "Saleh", "content": "president"}, False),
    ("Saleh NEAR/2 Saleh", "Saleh spoke", False),
    ("Saleh NEAR/2 Saleh", "Saleh and Saleh", True),
]
FIELDS: list[Case] = [
    ("title:Taliban", {"title": "Taliban advance"}, True),
    ("title:Taliban", {"content": "Taliban advance"}, False),
    ('summary:"Panjshir valley"', {"summary": "In the Panjshir valley"}, True),
    ("content:(Taliban OR Taleban)", {"content": "the Taleban said"}, True),
    ("content:(Taliban OR Taleban)", {"title": "the Taliban said"}, False),
    ("Taliban", {"summary": "the Taliban said"}, True),
    ("title:entity:Taliban", {"title": "Taleban"}, True),
    ("title:Saleh NEAR/3 president", {"title": "Saleh the president"}, True),
    ("title:Saleh NEAR/3 president", {"content": "Saleh the president"}, False),
]
BOOLEAN: list[Case] = [
    ("Taliban Panjshir", "Taliban", False),
    ("Taliban Panjshir", "Taliban in Panjshir", True),
    ("Taliban OR Taleban", "Taleban", True),
    ("Taliban", "Taleban", False),  # a word is only that word: entity:Taliban has the aliases
    ("Taliban AND NOT football", "Taliban football", False),
    ("Taliban NOT football", "Taliban", True),
    ("NOT football Taliban", "Taliban", True),
    ("a OR b AND c", "a", True),
    ("a OR b AND c", "b", False),
    ("(a OR b) AND c", "b c", True),
    (NESTED, "Massoud in Panjsher", True),
    (NESTED, "Massoud plays cricket", False),
    (NESTED, "Panjsher cricket", False),
    (SALEH, "Amrullah Salih on the Taleban", False),
    (SALEH_ENTITY, "Salih on the Taleban", False),
    (SALEH_ENTITY, "Amrullah Salih on the Taleban", True),
    (SALEH, "Amrullah Salih in Afghanistan", True),
    (SALEH, "Amrullah Saleh in Paris", False),
    ("entity:taleban", "the Taliban", True),
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "text", "expected"),
    WORDS + PHRASES + WILDCARDS + ARABIC_SCRIPT + NEAR + FIELDS + BOOLEAN,
)
def test_query_matches(query: str, text: Text, expected: bool) -> None:
    assert matches(query, text) is expected


def test_query_and_simple_lists_are_anded() -> None:
    spec = WatchSpec("w", entities=("Taliban",), exclude=("football",), query="title:Panjsh*")
    matcher = Matcher([spec], ENTITIES)
    assert matcher.match(entry({"title": "Panjsheri", "content": "Taleban"}))
    assert not matcher.match(entry({"title": "Taleban", "content": "Panjsheri"}))
    assert not matcher.match(entry({"title": "Panjsheri", "content": "Taleban football"}))


def test_hits_say_which_words_matched_in_which_field() -> None:
    matcher = Matcher([WatchSpec("w", query='title:Panjsh* AND entity:"Amrullah Saleh"')], ENTITIES)
    news = entry({"title": "Die PANJSHÍR-Straße", "summary": "Amrullah Salih, again"})
    [match] = matcher.match(news)
    got = [(h.term, h.field, getattr(news, h.field)[h.start : h.end], h.entity) for h in match.hits]
    assert got == [
        ("Panjsh*", "title", "PANJSHÍR", None),
        ("Amrullah Salih", "summary", "Amrullah Salih", "Amrullah Saleh"),
    ]
    assert match.entities == ("Amrullah Saleh",)


def test_hits_under_not_and_unused_near_hits_are_not_reported() -> None:
    matcher = Matcher([WatchSpec("w", query="Saleh NEAR/1 said NOT (Kabul NEAR/1 said)")], [])
    [match] = matcher.match(entry("Saleh said it. Later the envoy said nothing of Kabul."))
    assert [(h.term, h.start) for h in match.hits] == [("Saleh", 0), ("said", 6)]
