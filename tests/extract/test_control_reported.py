"""Who took a place a report says "they" took: the side that opens the sentence when other
groups follow in its modifiers ("Northern forces sent to aid the Coast Militia said they had
..."), an unconfigured side that speaks of itself ("the allied factions stated that they
had seized", a claim with the taker unnamed); and the words around the place: "recaptured
control of", "the port of", a place followed by a compass direction ("Kastrel north of the
capital")."""

from __future__ import annotations

from control_facts import Holding, read_by_control, read_in_text

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Coast Militia", "group", ("CM",)),
    EntityRef("Northern Army", "group", ("Northern forces",)),
    EntityRef("Kastrel", "place", ()),
)
CM, NORTH = "Coast Militia", "Northern Army"


def _values(sentence: str) -> list[Holding]:
    return read_in_text(sentence, ENTITIES)


def test_the_opening_side_is_the_speaker_of_they() -> None:
    said = (
        "Northern forces sent last month to aid the Coast Militia said on Sunday that their men"
        " recaptured control of the strategic port of Kastrel."
    )
    assert _values(said) == [("Kastrel", NORTH, "retaken")]
    said = "Northern forces backing the Coast Militia said they had retaken Kastrel."
    assert _values(said) == [("Kastrel", NORTH, "retaken")]


def test_two_joined_sides_are_not_one_speaker() -> None:
    """Near miss: "A and B said they had ..." names no single speaker."""
    said = "Northern forces and the Coast Militia said they had retaken Kastrel."
    assert ("Kastrel", NORTH, "retaken") not in read_by_control(said, ENTITIES)


def test_an_unnamed_side_claims_its_own_capture() -> None:
    said = 'The allied factions stated on Friday that they had "seized all of Kastrel".'
    assert _values(said) == [("Kastrel", None, "claims_captured")]
    said = "The rebel factions announced they have captured Kastrel, a statement read."
    assert _values(said) == [("Kastrel", None, "claims_captured")]


def test_a_capture_told_by_residents_is_news() -> None:
    """Near miss: residents are no side; what they tell of militants is a report."""
    said = "Residents said militants had taken control of Kastrel."
    assert _values(said) == [("Kastrel", None, "captured")]


def test_a_place_followed_by_a_direction_ends_its_phrase() -> None:
    said = "The Coast Militia still holds Kastrel south-east of the capital, its last base."
    assert _values(said) == [("Kastrel", CM, "holds")]


def test_our_total_control_is_the_speakers_holding() -> None:
    said = '"Kastrel is under our total control," Dren Vasko, spokesman for the CM, told reporters.'
    entities = (*ENTITIES, EntityRef("Dren Vasko", "person", (), affiliation=CM))
    assert read_in_text(said, entities) == [("Kastrel", CM, "holds")]
    said = '"Kastrel is under our firm control," a CM commander said.'
    assert _values(said) == [("Kastrel", CM, "holds")]


def test_under_total_control_of_nobody_named_is_no_holding() -> None:
    """Near miss: a holding with no holder and no speaker's side says nothing."""
    assert _values("Kastrel is under total control, the report said.") == []


def test_a_distance_after_a_place_ends_its_phrase() -> None:
    said = "The Coast Militia announced on Monday that they had taken Kastrel about 40 km inland."
    assert _values(said) == [("Kastrel", CM, "claims_captured")]
    said = "Northern forces seized Kastrel some 12 miles from the border, residents said."
    assert _values(said) == [("Kastrel", NORTH, "captured")]


def test_a_place_that_modifies_a_noun_is_not_taken() -> None:
    """Near miss: "Kastrel airport" is a part of the place, not the place."""
    assert _values("Northern forces seized Kastrel airport about noon.") == []


def test_contested_in_quotes_is_contested() -> None:
    said = 'The command would not concede the town, saying that Kastrel remains "contested."'
    assert _values(said) == [("Kastrel", None, "contested")]
    said = "Kastrel is still “hotly contested”, a UN official said."
    assert _values(said) == [("Kastrel", None, "contested")]


def test_another_word_in_quotes_is_no_status() -> None:
    """Near miss: a quoted word that says nothing of control."""
    assert _values('Kastrel remains "calm," a UN official said.') == []
