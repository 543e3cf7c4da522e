"""Facts told as hearsay (monitor/extract/language/hearsay.py): the content of a rumour or of
speculation is no fact, the content of a report nobody owns is a fact, hedged, and a report
somebody denies leaves only the denial. Reported speech, owned claims and confirmed reports stay
facts.

Every sentence here was written for this test; the names are invented.
"""

from __future__ import annotations

import pytest

from monitor.extract import extract_claims
from monitor.records import (
    Casualties,
    Claim,
    EntityRef,
    FactKind,
    ForceSize,
    Leadership,
    TerritorialControl,
)

ENTITIES = (
    EntityRef("Northern Liberation Army", "group", ("NLA",)),
    EntityRef("Federal Army", "group", ("the army",)),
    EntityRef("Varno", "place"),
    EntityRef("Osk", "place"),
    EntityRef("Tomas Brenn", "person", ("Brenn",)),
)
CAPTURE = TerritorialControl("Varno", "Northern Liberation Army", "captured")


def claims(text: str, kind: FactKind = "territorial_control") -> list[Claim]:
    return extract_claims(text, ENTITIES, [kind], year=2025)


def readings(text: str) -> list[tuple[TerritorialControl, bool]]:
    """The control facts of a sentence, each with its hedge."""
    return [(c.value, c.hedged) for c in claims(text) if isinstance(c.value, TerritorialControl)]


@pytest.mark.parametrize(
    "text",
    [
        # the rumour is the subject of the verb the clause hangs on
        "Shops in Osk closed after rumours spread that the NLA had taken Varno.",
        # the clause is the complement of the noun
        "Traders left Osk amid speculation that the NLA had captured Varno.",
        # ... of the verb of rumour, passive with "it" or active
        "It was rumoured on Tuesday that the NLA had seized Varno.",
        "Some analysts speculated that the NLA had seized Varno.",
    ],
)
def test_a_rumoured_capture_is_no_fact(text: str) -> None:
    assert readings(text) == []


def test_rumoured_losses_and_strength_are_no_facts() -> None:
    losses = "Prices rose amid rumours that NLA fighters killed 40 Federal Army soldiers in Varno."
    assert not [c for c in claims(losses, "casualties") if isinstance(c.value, Casualties)]
    strength = "Residents fled Osk amid speculation that the NLA had 8,000 fighters near Varno."
    assert not [c for c in claims(strength, "force_size") if isinstance(c.value, ForceSize)]


@pytest.mark.parametrize(
    "text",
    [
        "Flights were cancelled amid reports that the NLA had seized Varno.",
        "Unconfirmed reports said the NLA had captured Varno.",
        # a report that a verb does not confirm is still only a report
        "The army did not confirm reports that the NLA had seized Varno.",
    ],
)
def test_an_unowned_or_unconfirmed_report_is_a_hedged_fact(text: str) -> None:
    assert readings(text) == [(CAPTURE, True)]


def test_a_rumoured_fate_stays_hedged_to_meet_its_denial() -> None:
    text = "There was speculation that Tomas Brenn was killed in an air strike."
    found = claims(text, "leadership")
    fates = [(c.value.status, c.hedged) for c in found if isinstance(c.value, Leadership)]
    assert fates == [("killed", True)]


def test_a_denied_report_leaves_only_the_denial() -> None:
    found = readings("The army denied reports that the NLA had seized Varno.")
    assert [(v.status, v.controller) for v, _ in found] == [("denies_captured", "Federal Army")]


@pytest.mark.parametrize(
    "text",
    [
        "Reports that the NLA had seized Varno were confirmed by the army on Monday.",
        "The army confirmed reports that the NLA had seized Varno.",
        "Officials said the NLA captured Varno.",
    ],
)
def test_confirmed_reports_and_reported_speech_stay_facts(text: str) -> None:
    assert readings(text) == [(CAPTURE, False)]


def test_plain_reports_said_is_reported_speech() -> None:
    """Reports as the subject of "said", unqualified, are a source like any other."""
    found = readings("Reports circulating online had said that the NLA had captured Varno.")
    assert [v for v, _ in found] == [CAPTURE]


def test_an_owned_claim_is_attribution_even_when_dismissed() -> None:
    found = readings("The army dismissed the NLA's claim that NLA fighters had captured Varno.")
    assert CAPTURE in [v for v, _ in found]


def test_a_capture_beside_a_rumour_is_not_its_content() -> None:
    """The adverbial clause tells when the rumour spread; the capture in it is a fact."""
    found = readings("Rumours spread on Monday after the NLA fighters captured Varno.")
    assert [v for v, _ in found] == [CAPTURE]


def test_a_capture_told_by_a_noun_in_a_rumour_is_no_fact() -> None:
    """The rumour's of-phrase holds the capture as its that-clause would."""
    assert readings("Shops closed amid rumours of the fall of Varno to the NLA.") == []
    assert readings("The army denied reports of the capture of Varno by the NLA.") == []


def test_a_capture_told_by_a_noun_in_a_report_is_hedged_unless_confirmed() -> None:
    text = "Shops closed amid unconfirmed reports of the capture of Varno by the NLA."
    assert readings(text) == [(CAPTURE, True)]
    text = "Reports of the capture of Varno by the NLA were confirmed by the army."
    assert readings(text) == [(CAPTURE, False)]


@pytest.mark.parametrize(
    "text",
    [
        "The army denied that NLA fighters control Varno.",
        "The army flatly denied that NLA fighters were holding Varno on Sunday.",
    ],
)
def test_a_holding_denied_outright_is_the_deniers_denial(text: str) -> None:
    """The complement of "deny" is not told as a fact: what stands is the denier's side
    saying the place was not lost, as when it denies that the place fell."""
    found = readings(text)
    assert [(v.status, v.controller) for v, _ in found] == [("denies_captured", "Federal Army")]


def test_denied_losses_are_no_losses() -> None:
    text = "The army denied that 40 Federal Army soldiers were killed in Varno."
    assert claims(text, "casualties") == []


def test_a_denial_negated_leaves_the_clause_a_fact() -> None:
    found = readings("The army did not deny that NLA fighters were holding Varno on Sunday.")
    assert [(v.status, v.controller) for v, _ in found] == [("holds", "Northern Liberation Army")]
