"""Control claims and who tells them: a configured person speaks for the group the configuration
ties him to, so a capture he announces without naming the taker is his side's claim."""

from __future__ import annotations

from control_facts import Holding, read_by_control

from monitor.records import EntityRef

ENTITIES = (
    EntityRef("Northern Army", "group", ("Northern forces", "Northern troops")),
    EntityRef("Southern Army", "group", ("Southern forces",)),
    EntityRef("Vasko Dren", "person", ("Dren",), affiliation="Northern Army"),
    EntityRef("Ilo Marak", "person", ("Marak",)),
    EntityRef("Kastrel", "place", ()),
)


def _values(sentence: str) -> list[Holding]:
    return read_by_control(sentence, ENTITIES)


def test_affiliated_speaker_claims_an_unattributed_capture() -> None:
    said = '"By noon Kastrel was taken in full," Vasko Dren said in a video.'
    assert _values(said) == [("Kastrel", "Northern Army", "claims_captured")]


def test_affiliated_speaker_claims_his_country_s_forces_capture() -> None:
    said = "Commander Vasko Dren said on Monday that his nation's troops had captured Kastrel."
    assert _values(said) == [("Kastrel", "Northern Army", "claims_captured")]


def test_affiliated_speaker_reports_the_other_side_s_capture() -> None:
    said = "Dren said Southern forces had captured Kastrel."
    assert _values(said) == [("Kastrel", "Southern Army", "captured")]


def test_speaker_without_affiliation_is_nobody_s_side() -> None:
    said = '"Kastrel was taken," Ilo Marak said.'
    assert _values(said) == [("Kastrel", None, "captured")]
