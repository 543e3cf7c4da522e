"""Who makes a claim: short noun phrases, names with digits, "claimed to have", "conceded"."""

from __future__ import annotations

import pytest

from monitor.extract.language.attribution import find_speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A headline clause before the claimant is not part of it.
        ("Shelling resumes near the dam as the brigades claim 40 enemy dead", "the brigades"),
        (
            "Talks stall in Doha while Taliban negotiators say the offer stands",
            "Taliban negotiators",
        ),
        # A negated speech verb attributes nothing; the next one does.
        ("He did not say where he was, but two aides said he was in the valley.", "two aides"),
        # "conceded", "concedes" report a claim like "admitted".
        ("A government spokesman conceded that the pass had fallen.", "a government spokesman"),
    ],
)
def test_speaker(sentence: str, speaker: str) -> None:
    found = find_speaker(sentence)
    assert found is not None and found.text == speaker


# Names with digits are names, counts are not claimants; "claimed to have" names who claims
# (tests/labelled/README.md, claimed_by).
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The K9 Front said its fighters had entered the town.", "the K9 Front"),
        ("M23 claimed the town on Sunday.", "M23"),
        ("The SLM claimed to have seized the airport.", "the SLM"),
        ("Brigade commanders claim to have shot down two drones.", "Brigade commanders"),
    ],
)
def test_speaker_names_with_digits_and_claims_to_have(sentence: str, speaker: str) -> None:
    found = find_speaker(sentence)
    assert found is not None and found.text == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "About 200 fighters said they would not disarm.",
        "Dune, said to have fled, has not been seen since March.",
        "The commander is said to have fled.",
    ],
)
def test_no_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None
