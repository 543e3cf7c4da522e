"""The watchlist as it was asked for: Panjshir, Northern Alliance and Saleh.

`monitor explain` runs with the shipped configuration and with the demo's watchlist on feed items
written for this test: each keyword finds its story on its own inside the watch's Afghan
context, and none does outside it. Then what extraction makes of them: a bare "Saleh" is Amrullah
Saleh only in an article that names him in full and no other Saleh, and what is said of the
Northern Alliance is the Northern Alliance's, never the National Resistance Front's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import Item, rss, storage_toml

from monitor.cli import main
from monitor.config import load_config
from monitor.extract import extract_claims
from monitor.extract.coref import resolve_references
from monitor.extract.language.text import split_sentences
from monitor.records import Claim, EntityRef, ForceSize, Leadership, fact_entities

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "config" / "monitor.toml"
DEMO = REPO / "seeds" / "panjshir" / "watchlist.toml"
REQUIRE = '"Afghanistan" OR "Afghan" OR entity:"Taliban" OR "Taleban" OR "Kabul"'

# Each names its keyword and none of the watch's other names; the context is in the teaser.
PANJSHIR = Item(
    "k-1",
    "Fuel runs short in Panjshir as the only road stays shut",
    "Shopkeepers said on Tuesday that a litre of petrol costs twice what it did before the "
    "Taliban entered Kabul, and that no lorry has come up the gorge for a week.",
    "https://wire.example/2021/08/31/fuel-runs-short",
)
NORTHERN_ALLIANCE = Item(
    "k-2",
    "Former Northern Alliance commanders meet in exile to plan a return",
    "Commanders who fought in the 1990s said in Dushanbe on Saturday that they would never "
    "recognise a Taliban government, according to two people who attended the meeting.",
    "https://wire.example/2021/09/04/commanders-meet-in-exile",
)
SALEH = Item(
    "k-3",
    "Saleh says he is still in the country and will not negotiate",
    "The former first vice-president, who has declared himself Afghanistan's caretaker "
    "president, said in a video on Monday that he had not left and would not join talks.",
    "https://wire.example/2021/08/30/still-in-the-country",
)
# The same keywords in other countries' news: no word of the Afghan context.
YEMENI_SALEH = Item(
    "o-1",
    "Saleh's party names a new leader at a meeting in Aden",
    "The party founded by Yemen's late president chose its new leader on Thursday after months "
    "of quarrels between its branches in the south and in Sanaa.",
    "https://wire.example/2021/09/02/party-names-leader",
)
ANOTHER_ALLIANCE = Item(
    "o-2",
    "Northern Alliance of councils asks for faster trains to the coast",
    "Eleven councils in the north of England called on Wednesday for the rail line to be "
    "electrified before the end of the decade.",
    "https://wire.example/2021/09/01/councils-ask-for-trains",
)
EMERALDS = Item(
    "o-3",
    "Panjshir emeralds draw record bids at a Geneva sale",
    "A necklace set with stones from the Panjshir sold for 1.2 million Swiss francs on Tuesday, "
    "twice its estimate, the auction house said.",
    "https://wire.example/2021/08/31/emeralds-sale",
)
# Namesakes in stories that do have the Afghan context.
BAGHDAD = Item(
    "n-1",
    "Iraq urges its neighbours to plan for refugees",
    "President Barham Saleh told ministers in Baghdad on Sunday that the region should prepare "
    "for families fleeing Taliban rule in Afghanistan.",
    "https://wire.example/2021/08/29/iraq-urges-neighbours",
)
SANAA = Item(
    "n-2",
    "Saleh loyalists accuse Houthis of breaking a truce in Sanaa",
    "Supporters of the late president Ali Abdullah Saleh, some of them veterans of the Afghan "
    "war of the 1980s, said Houthi fighters had opened fire first on Sunday.",
    "https://wire.example/2021/09/05/loyalists-accuse-houthis",
)


@pytest.fixture(params=[SHIPPED, DEMO], ids=["shipped", "demo"])
def config(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The configuration as a user runs it, with its data in this test's directory."""
    source: Path = request.param
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^data_dir = .*$", "", text, flags=re.M)  # the test's database instead
    if re.search(r"^\[storage\]$", text, re.M):
        ours = f"[storage]\n{storage_toml(tmp_path)}"
        text = re.sub(r"^\[storage\]$", ours, text, count=1, flags=re.M)
    else:
        text = f"[storage]\n{storage_toml(tmp_path)}\n{text}"
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path


def explain_panjshir(config: Path, tmp_path: Path, items: Sequence[Item]) -> dict[str, str]:
    """`monitor explain` on a saved feed of `items`: the panjshir watch's lines, by title."""
    saved = tmp_path / "wire.xml"
    saved.write_text(rss("Wire", items), encoding="utf-8")
    result = CliRunner(env={"MONITOR_DATA_DIR": str(tmp_path / "data")}).invoke(
        main, ["--config", str(config), "explain", str(saved)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    blocks = {}
    for block in result.output.split("== ")[1:]:
        title, *lines = block.splitlines()
        start = lines.index(next(line for line in lines if line.startswith("panjshir: ")))
        end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), None)
        blocks[title.removesuffix(" (Wire)")] = "\n".join(lines[start:end])
    assert set(blocks) == {i.title for i in items}, result.output
    return blocks


def found_terms(block: str) -> set[str]:
    """The query terms a block says were found (`term = "text" in field at a-b`)."""
    lines = block.split("  found: ", 1)[1].split("\n  missing: ")[0].splitlines()
    return {line.strip().split(" = ")[0] for line in lines if " = " in line}


@pytest.mark.parametrize(
    ("item", "keyword"),
    [
        (PANJSHIR, 'entity:"Panjshir"'),
        (NORTHERN_ALLIANCE, 'entity:"Northern Alliance"'),
        (SALEH, '"Saleh"'),
    ],
    ids=["Panjshir", "Northern Alliance", "Saleh"],
)
def test_each_keyword_alone_matches_in_the_afghan_context(
    config: Path, tmp_path: Path, item: Item, keyword: str
) -> None:
    block = explain_panjshir(config, tmp_path, [item])[item.title]

    assert block.startswith("panjshir: MATCHED"), block
    assert f"{keyword} = " in block and " in title at " in block
    context = {'"Afghanistan"', '"Afghan"', 'entity:"Taliban"', '"Taleban"', '"Kabul"'}
    assert found_terms(block) - context == {keyword}, block  # nothing else of the watch
    assert found_terms(block) & context


def test_the_keywords_outside_the_afghan_context_do_not_match(config: Path, tmp_path: Path) -> None:
    blocks = explain_panjshir(config, tmp_path, [YEMENI_SALEH, ANOTHER_ALLIANCE, EMERALDS])

    for title, keyword in (
        (YEMENI_SALEH.title, '"Saleh"'),
        (ANOTHER_ALLIANCE.title, 'entity:"Northern Alliance"'),
        (EMERALDS.title, 'entity:"Panjshir"'),
    ):
        block = blocks[title]
        assert block.startswith("panjshir: no match"), block
        assert found_terms(block) == {keyword}, block
        assert f"  missing: {REQUIRE}" in block, block


def test_other_salehs_in_afghan_news_are_excluded(config: Path, tmp_path: Path) -> None:
    blocks = explain_panjshir(config, tmp_path, [BAGHDAD, SANAA])

    baghdad, sanaa = blocks[BAGHDAD.title], blocks[SANAA.title]
    assert baghdad.startswith("panjshir: no match") and sanaa.startswith("panjshir: no match")
    assert '\n  excluded by: "Barham Saleh" OR ' in baghdad
    assert '"Barham Saleh" = "Barham Saleh" in summary' in baghdad
    assert '"Ali Abdullah Saleh" = "Ali Abdullah Saleh" in summary' in sanaa
    assert '\n  excluded by: "Barham Saleh" OR ' in sanaa
    assert "missing" not in baghdad + sanaa  # the context is there: the namesake keeps them out


@pytest.fixture(scope="module")
def entities() -> tuple[EntityRef, ...]:
    return load_config(SHIPPED, environ={}).entity_refs()


def claims(text: str, entities: Sequence[EntityRef]) -> list[Claim]:
    return extract_claims(text, entities, year=2021)


def leadership(found: Sequence[Claim]) -> list[tuple[str, str]]:
    return [(c.value.subject, c.value.status) for c in found if isinstance(c.value, Leadership)]


def test_a_bare_saleh_is_amrullah_saleh_in_an_article_that_names_him(
    entities: tuple[EntityRef, ...],
) -> None:
    text = (
        "Taliban say Saleh has fled to Tajikistan\n\n"
        "Amrullah Saleh, who declared himself caretaker president last month, could not be "
        "reached on Tuesday. An aide to Saleh rejected the claim, saying Saleh was still in the "
        "Panjshir valley."
    )

    found = claims(text, entities)

    assert ("Amrullah Saleh", "fled") in leadership(found)  # from the headline, before his name
    fled = next(c for c in found if isinstance(c.value, Leadership) and c.value.status == "fled")
    assert fled.quote == "Taliban say Saleh has fled to Tajikistan"  # quoted as written
    located = [c for c in found if isinstance(c.value, Leadership) and c.value.status == "located"]
    assert [fact_entities(c.value) for c in located] == [("Amrullah Saleh",)]
    assert "aide to Amrullah Saleh" in (located[0].claimed_by or "")  # his side of the dispute


def test_a_bare_saleh_attaches_nothing_when_no_one_is_named_in_full(
    entities: tuple[EntityRef, ...],
) -> None:
    text = (
        "Taliban say Saleh has fled to Tajikistan\n\n"
        "The former vice-president, who declared himself caretaker president last month, could "
        "not be reached on Tuesday. An aide to Saleh said he was still in the valley."
    )

    assert leadership(claims(text, entities)) == []


@pytest.mark.parametrize(
    "namesake",
    [
        "Yemen's Ali Abdullah Saleh made the same vow in Sanaa and was killed within days.",
        "Iraq's President Barham Saleh was killed, a statement said.",
    ],
)
def test_a_namesake_is_never_amrullah_saleh(entities: tuple[EntityRef, ...], namesake: str) -> None:
    text = (
        "Amrullah Saleh has vowed to fight on from the Panjshir valley. "
        f"{namesake} Saleh fled to Tajikistan, the Taliban said."
    )

    resolved = list(resolve_references(split_sentences(text), entities))

    assert all(not r.substitutions for r in resolved), resolved  # no "Saleh" becomes him
    assert leadership(claims(text, entities)) == []  # neither the killing nor the flight


def test_facts_about_the_northern_alliance_are_its_own(entities: tuple[EntityRef, ...]) -> None:
    text = (
        "Northern Alliance veterans answer the call\n\n"
        "The revived Northern Alliance has about 1,500 fighters in Andarab, one of its "
        "commanders said on Friday. By 2001 the alliance fielded perhaps 15,000 to 20,000 "
        "fighters. The National Resistance Front, which some Afghans call a new Northern "
        "Alliance, says it has about 9,000 fighters."
    )

    sizes = {
        (c.value.subject, c.value.min, c.value.max)
        for c in claims(text, entities)
        if isinstance(c.value, ForceSize)
    }

    assert sizes == {
        ("Northern Alliance", 1500, 1500),  # said of the alliance: the alliance's
        ("National Resistance Front", 9000, 9000),  # the sentence ties it to the NRF
    }  # and the strength of 2001 is history: no fact at all


def test_a_short_name_two_named_entities_share_stays_as_written() -> None:
    son = EntityRef("Ahmad Massoud", "person", (), ("Massoud",))
    father = EntityRef("Ahmad Shah Massoud", "person", (), ("Massoud",))
    told = "Ahmad Massoud leads the front. Massoud has asked the West for weapons."
    retold = f"His father, Ahmad Shah Massoud, was killed in 2001. {told}"

    [_, alone] = resolve_references(split_sentences(told), (son, father))
    [_, _, both] = resolve_references(split_sentences(retold), (son, father))

    assert alone.text == "Ahmad Massoud has asked the West for weapons."
    assert both.text == "Massoud has asked the West for weapons."  # whose son? left as written
