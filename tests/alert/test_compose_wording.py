"""How facts read in an alert: no office said twice, no vague denial, every casualty count the
report gives (a capture-only count is not "? to ? killed"), and a change quotes two different
sentences."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.alert.compose import describe, describe_short, fact_alert
from monitor.records import Casualties, Change, Evidence, Fact, FactValue, Leadership

WHEN = datetime(2021, 9, 3, tzinfo=UTC)


def fact(value: FactValue, quote: str, by: str | None = None) -> Fact:
    return Fact(value, Evidence(quote, "https://wire.example/a", "Wire", WHEN, WHEN, by))


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (
            Leadership("Amrullah Saleh", "self-declared caretaker president", None, "declared"),
            "Amrullah Saleh: declared caretaker president",
        ),
        (
            Leadership("Amrullah Saleh", "self-declared caretaker president", None, "claimed"),
            "Amrullah Saleh: is self-declared caretaker president",
        ),
        (Leadership("Amrullah Saleh", None, None, "denied"), "Amrullah Saleh: reports denied"),
        (
            Leadership("Amrullah Saleh", None, None, "fled", "Tajikistan"),
            "Amrullah Saleh: reported to have fled to Tajikistan",
        ),
        (
            Leadership("Amrullah Saleh", None, None, "located", "Panjshir"),
            "Amrullah Saleh: reported in Panjshir",
        ),
        (Casualties("Taliban", captured_min=40, captured_max=40), "Taliban: 40 captured"),
        (
            Casualties("Taliban", 350, 350, captured_min=40, qualifier="approx"),
            "Taliban: about 350 killed, at least 40 captured",
        ),
        (
            Casualties("RSF", 20, 25, 10, 10, qualifier="range", location="El Fasher"),
            "RSF: 20 to 25 killed, 10 wounded in El Fasher",
        ),
        (
            Casualties("civilians", 1200, None, qualifier="at_least", scope="cumulative"),
            "civilians: at least 1,200 killed (running total)",
        ),
    ],
)
def test_a_fact_reads_as_a_person_would_write_it(value: FactValue, words: str) -> None:
    assert describe(value) == words
    assert "?" not in describe_short(value)


def test_a_change_never_quotes_one_sentence_twice() -> None:
    said = "Saleh denied he had fled and said he was in the valley."
    before = fact(Leadership("Amrullah Saleh", None, None, "denied"), said, "Amrullah Saleh")
    after = fact(Leadership("Amrullah Saleh", None, None, "located", "Panjshir"), said)
    alert = fact_alert(Change("changed", after, before), "w", ())
    assert [q.text for q in alert.evidence] == [said]


def test_a_contested_alert_quotes_both_sentences() -> None:
    report = fact(Leadership("Amrullah Saleh", None, None, "fled", "Tajikistan"), "He fled.", "X")
    answer = fact(Leadership("Amrullah Saleh", None, None, "located"), "He is here.", "Aide")
    alert = fact_alert(Change("contested", answer, report), "w", ())
    assert [q.text for q in alert.evidence] == ["He is here.", "He fled."]
    assert alert.title == (
        "Leadership contested: Amrullah Saleh reported located "
        "(against reported to have fled to Tajikistan)"
    )
