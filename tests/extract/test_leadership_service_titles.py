"""Words before an office that are no part of it: a nationality or a country's name (the
state's office), a "-based" place (where the holder works), and a word naming an armed service
when that service is the holder's body ("army spokesman X" of an army: the army's spokesman).
In an armed group with wings, "military spokesman" stays an office of its own. Sentences
written for this test, with invented names."""

from __future__ import annotations

import pytest
from leadership_facts import offices_read

from monitor.records import EntityRef, Leadership

ARMY = "Kelsan Army"
POLICE = "Kelsan National Police"
KDF = "Kelso Defence Front"
ENTITIES = (
    EntityRef(ARMY, "group", ("Kelsan army",)),
    EntityRef(POLICE, "group", ()),
    EntityRef(KDF, "group", ("KDF", "Kelsan rebels")),
    EntityRef("Tomas Brenn", "person", ("Brenn",), affiliation=ARMY),
    EntityRef("Ana Velt", "person", ("Velt",), affiliation=POLICE),
    EntityRef("Omar Kessel", "person", ("Kessel",), affiliation=KDF),
    EntityRef("Ilse Marant", "person", ("Marant",)),
)


def _offices(text: str) -> set[Leadership]:
    return offices_read(text, ENTITIES)


def test_a_nationality_before_a_state_office_is_the_state() -> None:
    found = _offices("Dravine President Ilse Marant said the talks would resume next week.")
    assert found == {Leadership("Ilse Marant", "president", None, "claimed")}


def test_a_country_name_before_an_office_is_the_state() -> None:
    found = _offices("The bridge was reopened, Moldova Interior Secretary Ilse Marant said.")
    assert found == {Leadership("Ilse Marant", "interior secretary", None, "claimed")}


def test_a_titled_office_in_an_appositive_keeps_its_first_word() -> None:
    found = _offices("The Dravinian Prime Minister, Ilse Marant, called the offer an insult.")
    assert found == {Leadership("Ilse Marant", "prime minister", None, "claimed")}


def test_an_office_word_before_the_title_stays() -> None:
    found = _offices("Deputy Prime Minister Ilse Marant said the talks would resume.")
    assert found == {Leadership("Ilse Marant", "deputy prime minister", None, "claimed")}


def test_where_the_holder_is_based_is_no_part_of_the_office() -> None:
    found = _offices("Dorvik-based army spokesman Tomas Brenn said the road was open.")
    assert found == {Leadership("Tomas Brenn", "spokesman", ARMY, "claimed")}


def test_army_spokesman_of_an_army_is_its_spokesman() -> None:
    found = _offices("Army spokesman Col Tomas Brenn said the fighting went on near the pass.")
    assert found == {Leadership("Tomas Brenn", "spokesman", ARMY, "claimed")}


def test_military_spokesman_of_an_army_is_its_spokesman() -> None:
    found = _offices("The ridge was cleared overnight, military spokesman Tomas Brenn told us.")
    assert found == {Leadership("Tomas Brenn", "spokesman", ARMY, "claimed")}


def test_police_spokeswoman_of_a_police_force() -> None:
    found = _offices("Police spokeswoman Ana Velt said two stations had been attacked.")
    assert found == {Leadership("Ana Velt", "spokeswoman", POLICE, "claimed")}


def test_military_spokesman_of_an_armed_group_keeps_the_word() -> None:
    found = _offices("Military spokesman Omar Kessel said Kelsan rebels had taken the pass.")
    assert found == {Leadership("Omar Kessel", "military spokesman", KDF, "claimed")}


def test_a_service_word_that_is_not_the_holders_service_stays() -> None:
    found = _offices("Police spokesman Tomas Brenn said two stations had been attacked.")
    assert found == {Leadership("Tomas Brenn", "police spokesman", None, "claimed")}


def test_a_preposition_before_a_title_opens_no_office() -> None:
    found = _offices("Kelsan rebels under Prime Minister Ilse Marant took the pass on Monday.")
    assert found == {Leadership("Ilse Marant", "prime minister", None, "claimed")}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("On Monday, Army chief Ilse Marant visited the front.", "army chief"),
        (
            "Officials said Military Intelligence chief Ilse Marant had resigned.",
            "military intelligence chief",
        ),
        ("However, Police spokesman Ilse Marant denied it.", "police spokesman"),
    ],
)
def test_a_service_written_with_a_capital_inside_a_sentence_is_part_of_the_office(
    text: str, role: str
) -> None:
    """News style capitalises a service before an office ("Army chief X") anywhere in a
    sentence, not only where the sentence opens."""
    roles = {o.role for o in _offices(text) if o.subject == "Ilse Marant"}
    assert roles == {role}


LONG_NAMES = (
    EntityRef("Kelsan People's Liberation Army", "group", ("KPLA",)),
    EntityRef("Kelsan National Resistance Front", "group"),
    EntityRef("Tomas Brenn", "person", ("Brenn",)),
)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        (
            "Tomas Brenn, the Kelsan People's Liberation Army chief of staff, said so.",
            ("chief of staff", "Kelsan People's Liberation Army"),
        ),
        (
            "Brenn, the Kelsan National Resistance Front commander, said so.",
            ("commander", "Kelsan National Resistance Front"),
        ),
    ],
)
def test_an_aside_names_the_office_of_a_group_of_four_words(
    text: str, office: tuple[str, str]
) -> None:
    """A group's name of four words before the office in an aside is the office's body, as
    one of three words is."""
    found = offices_read(text, LONG_NAMES)
    assert {(o.role, o.organization) for o in found if o.subject == "Tomas Brenn"} == {office}
