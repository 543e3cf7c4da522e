"""Near-duplicate pairs written for the purpose: syndicated copies that must join one story, and
distinct stories on the same topic that must not, even when they share a background paragraph
or an outlet's boilerplate."""

from __future__ import annotations

import pytest

from monitor.dedup import body_text, fingerprint, same_story, shingles, story_keys

WIRE = [
    "KABUL, Sept 2 (Caravan) - Fighters loyal to the National Resistance Front said on Thursday "
    "they had pushed back a Taliban column at the mouth of the Panjshir valley, the latest "
    "clash in a standoff that has lasted more than two weeks.",
    "A spokesman for the group, speaking by telephone from an undisclosed location, said the "
    "attackers had withdrawn after several hours of fighting near the village of Gulbahar and "
    "that resistance positions on the ridges above the road were intact.",
    "The Taliban had not answered a request for comment by evening. A commander in "
    "neighbouring Parwan province told local reporters earlier in the week that reinforcements "
    "were on their way from the north and that the valley would be taken within days.",
    "Talks between the two sides, brokered by elders from the valley, broke down last weekend "
    "over the Taliban's demand that the resistance hand over its heavy weapons before any "
    "discussion of a role in a future government.",
    "Residents reached by phone described shortages of fuel and flour after the main road "
    "into the valley was closed, and said mobile networks had been cut for much of Wednesday.",
]
BACKGROUND = (
    "The Panjshir valley, a narrow gorge some 150 km north of Kabul, held out against Soviet "
    "forces in the 1980s and against the Taliban during their first period in power in the "
    "late 1990s, when it was the stronghold of the commander Ahmad Shah Massoud, whose son now "
    "leads the resistance."
)
FOOTER = (
    "Sign up for our morning briefing to get the day's top stories in your inbox. Follow us on "
    "social media for the latest updates from the region, and download our app for breaking "
    "news alerts. Copyright The Frontier Daily, all rights reserved."
)
OTHER = [
    "PESHAWAR: Pakistan reopened its main border crossing with Afghanistan on Saturday after a "
    "two-day closure, allowing hundreds of trucks carrying fruit and cement to pass, customs "
    "officials said.",
    "Traders on both sides said the closure had cost them heavily, and that perishable goods "
    "left waiting at the crossing in the heat had been thrown away by the time it reopened.",
    "Officials gave no reason for the closure, which came days after the Taliban announced "
    "new customs rules for goods entering the country from the east.",
]


def text(*paragraphs: str) -> frozenset[str]:
    return shingles("\n".join(paragraphs))


def keys(*paragraphs: str) -> set[str]:
    return set(story_keys("\n".join(paragraphs)))


def edited(paragraph: str) -> str:
    return (
        paragraph.replace("said on Thursday", "said Thursday")
        .replace("Fighters", "Militiamen")
        .replace("request for comment", "request to comment")
    )


ORIGINAL = text(*WIRE)
SAME = {
    "verbatim": WIRE,
    "lightly edited": [edited(p) for p in WIRE],
    "truncated to the first three paragraphs": WIRE[:3],
    "an extra paragraph of the outlet's own": [*WIRE, BACKGROUND],
    "the outlet's footer appended": [*WIRE, FOOTER],
    "the first two paragraphs only, as a teaser": WIRE[:2],
    "the lead paragraph only": WIRE[:1],
}
DIFFERENT = {
    "another story on the same topic": text(*OTHER),
    "another story sharing the background paragraph": text(*OTHER, BACKGROUND),
    "a short item that is mostly background": text(OTHER[0], BACKGROUND),
    "another story with the same footer": text(*OTHER, FOOTER),
}


@pytest.mark.parametrize("variant", list(SAME))
def test_syndicated_copies_are_one_story(variant: str) -> None:
    copy = SAME[variant]
    assert same_story(ORIGINAL, text(*copy))
    assert keys(*WIRE) & keys(*copy), "the index must find the copy"


@pytest.mark.parametrize("variant", list(DIFFERENT))
def test_different_stories_stay_apart(variant: str) -> None:
    assert not same_story(text(*WIRE, BACKGROUND, FOOTER), DIFFERENT[variant])


def test_background_alone_does_not_merge_two_stories_that_both_carry_it() -> None:
    assert not same_story(text(*WIRE, BACKGROUND), text(*OTHER, BACKGROUND))


def test_exact_fingerprint_ignores_case_spacing_and_punctuation() -> None:
    body = "\n".join(WIRE)
    assert fingerprint(body) == fingerprint(body.upper().replace(",", " ,  "))
    assert fingerprint(body) != fingerprint(edited(body))
    assert fingerprint("Read more...") is None


def test_body_text_prefers_content_and_leaves_titles_out() -> None:
    long = "\n".join(WIRE)
    assert body_text("Any title", "Teaser.", long) == long
    assert body_text("Title", "Short teaser.", "").startswith("Title\n")
