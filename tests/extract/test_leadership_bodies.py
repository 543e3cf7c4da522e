"""An office without a body takes the group the configuration ties its holder to, when the
sentence names that group; never a state's office, and never a group the sentence does not
name. Sentences written for this test, with invented names."""

from __future__ import annotations

from leadership_facts import offices_read

from monitor.records import EntityRef, Leadership

KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(KDF, "group", ("KDF", "Kelsan rebels")),
    EntityRef("Omar Kessel", "person", ("Kessel",), affiliation=KDF),
    EntityRef("Ilse Marant", "person", ("Marant",), affiliation=KDF),
)


def _offices(text: str) -> set[Leadership]:
    return offices_read(text, ENTITIES)


def test_the_holders_group_named_in_the_sentence() -> None:
    found = _offices("Military spokesman Omar Kessel said Kelsan rebels had taken three districts.")
    assert found == {Leadership("Omar Kessel", "military spokesman", KDF, "claimed")}


def test_no_body_when_the_sentence_names_no_group_of_the_holder() -> None:
    found = _offices("Military spokesman Omar Kessel said three districts had been taken.")
    assert found == {Leadership("Omar Kessel", "military spokesman", None, "claimed")}


def test_a_state_office_takes_no_armed_group() -> None:
    found = _offices("President Ilse Marant said Kelsan rebels had taken three districts.")
    assert found == {Leadership("Ilse Marant", "president", None, "claimed")}
