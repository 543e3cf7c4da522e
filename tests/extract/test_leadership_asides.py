"""A title told by the narrator is not what a denial in the sentence denies, and an office
whose end the sentence tells ("the ouster of Prime Minister X") is not held. Sentences
written for this test, with invented names."""

from __future__ import annotations

from monitor.extract.leadership import extract_leadership
from monitor.records import EntityRef, Leadership

ENTITIES = (
    EntityRef("Kelso Defence Front", "group", ("KDF",)),
    EntityRef("Ilse Marant", "person", ("Marant",)),
    EntityRef("Omar Kessel", "person", ("Kessel",)),
)


def _values(text: str) -> set[Leadership]:
    return {c.value for c in extract_leadership(text, ENTITIES) if isinstance(c.value, Leadership)}


def test_a_denied_claim_keeps_the_speakers_title() -> None:
    found = _values(
        "The ministry dismissed Kelsan President Ilse Marant's claim that the bridge had fallen."
    )
    assert Leadership("Ilse Marant", "president", None, "claimed") in found
    assert not [v for v in found if v.status == "denied"]


def test_a_denied_office_is_still_denied() -> None:
    found = _values("The KDF denied that Omar Kessel is its new leader.")
    assert not [v for v in found if v.status == "claimed"]


def test_an_office_that_ends_is_not_held() -> None:
    assert not _values("The attacks forced the resignation of Prime Minister Ilse Marant.")
    assert not _values("Crowds celebrated the ouster of President Ilse Marant on Friday.")
    held = _values("Prime Minister Ilse Marant accepted the resignation of her deputy.")
    assert Leadership("Ilse Marant", "prime minister", None, "claimed") in held
