"""Casualty extraction: tables of sentences in the style of wire reporting and the claims they
must (or must not) yield. Every row states the whole list of claims of its sentence."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from monitor.extract import extract_claims
from monitor.extract.casualties import extract_casualties
from monitor.records import Casualties, EntityRef, FactKind, Qualifier

ENTITIES = (
    EntityRef("Taliban", "group", ("Taleban",)),
    EntityRef("National Resistance Front", "group", ("NRF", "the resistance", "resistance")),
    EntityRef("Rapid Support Forces", "group", ("RSF",)),
    EntityRef("Sudanese Armed Forces", "group", ("SAF",)),
    EntityRef("Sahel Liberation Movement", "group", ("SLM",)),
    EntityRef("Kivu Popular Militia", "group", ("KPM",)),
    EntityRef("Coastal Brigades", "group", ("the brigades",)),
    EntityRef("Idris Koné", "person", ("Koné",)),
    EntityRef("Panjshir", "place", ()),
    EntityRef("El Fasher", "place", ()),
)
TAL, NRF, RSF, SAF, SLM, KPM, CB = (e.name for e in ENTITIES[:7])
YEAR = 2024


def cas(
    subject: str,
    killed: tuple[int | None, int | None] = (None, None),
    wounded: tuple[int | None, int | None] = (None, None),
    captured: tuple[int | None, int | None] = (None, None),
    q: Qualifier = "exact",
) -> Casualties:
    return Casualties(subject, *killed, *wounded, *captured, q)


class Row(NamedTuple):
    text: str
    facts: tuple[Casualties, ...]
    claimed_by: str | None = None
    hedged: bool = False


ROWS: list[Row] = [
    # --- killed: passive, active, intransitive, adjectives ---------------------------------
    Row(
        "About 350 Taliban fighters were killed in the fighting, the NRF said.",
        (cas(TAL, (350, 350), q="approx"),),
        "the NRF",
    ),
    Row(
        "NRF fighters killed 350 Taliban in the Andarab valley on Sunday.",
        (cas(TAL, (350, 350)),),
    ),
    Row(
        "The resistance lost 40 men in the attack, a commander said.",
        (cas(NRF, (40, 40)),),
        "a commander",
    ),
    Row(
        "The NRF said it had killed dozens of Taliban fighters near the Khawak pass.",
        (cas(TAL, (24, 99), q="range"),),
        "the NRF",
    ),
    Row(
        "KHARTOUM, June 3 (Reuters) - More than 40 RSF fighters were killed when army drones"
        " struck a convoy near El Obeid, a military source said.",
        (cas(RSF, (40, None), q="at_least"),),
        "a military source",
    ),
    Row(
        "Eleven KPM militiamen died in the clashes outside Goma on Tuesday.",
        (cas(KPM, (11, 11)),),
    ),
    Row(
        "Some 60 SLM fighters lost their lives in the assault on the garrison, residents said.",
        (cas(SLM, (60, 60), q="approx"),),
        "residents",
    ),
    Row(
        "The bodies of 11 SLM fighters were recovered from the river, the army said.",
        (cas(SLM, (11, 11)),),
        "the army",
    ),
    Row(
        "Heavy fighting in Panjshir leaves hundreds of Taliban dead",
        (cas(TAL, (200, 999), q="range"),),
    ),
    Row(
        "Twelve fighters loyal to the SLM were shot dead at a checkpoint near Mopti.",
        (cas(SLM, (12, 12)),),
    ),
    Row(
        "The SAF said its troops had killed at least 120 RSF fighters in El Fasher.",
        (cas(RSF, (120, None), q="at_least"),),
        "the SAF",
    ),
    Row(
        "The air strike killed 14 KPM members, including two commanders, the governor said.",
        (cas(KPM, (14, 14)),),
        "the governor",
    ),
    Row(
        "The fighting killed 40 RSF fighters and 12 SAF soldiers, both sides said.",
        (cas(RSF, (40, 40)), cas(SAF, (12, 12))),
        "both sides",
    ),
    Row(
        "At least 30 Taliban and 12 NRF fighters were killed in the battle for the pass.",
        (cas(TAL, (30, None), q="at_least"), cas(NRF, (12, None), q="at_least")),
    ),
    Row(
        "The attack killed 12 people, including three SLM fighters, the UN said.",
        (cas(SLM, (3, 3)),),
        "the UN",
    ),
    Row(
        "The NRF lost 40 men and killed 120 Taliban, a spokesman said.",
        (cas(NRF, (40, 40)), cas(TAL, (120, 120))),
        "a spokesman",
    ),
    Row(
        '"We lost 12 men last night," an NRF commander told reporters.',
        (cas(NRF, (12, 12)),),
        "an NRF commander",
    ),
    # --- several kinds in one claim --------------------------------------------------------
    Row(
        "At least 12 SLM fighters were killed and 30 wounded in the clashes, officials said.",
        (cas(SLM, (12, None), (30, None), q="at_least"),),
        "officials",
    ),
    Row(
        "Twelve NRF fighters were killed, 30 wounded and five taken prisoner, the Taliban claimed.",
        (cas(NRF, (12, 12), (30, 30), (5, 5)),),
        "the Taliban",
    ),
    Row(
        "The army said it had killed more than 100 RSF fighters and captured 45 others in the"
        " battle for the refinery.",
        (cas(RSF, (100, None), captured=(45, None), q="at_least"),),
        "the army",
    ),
    Row(
        "The National Resistance Front said its fighters had repelled attacks near the Khawak"
        " pass, killing about 350 Taliban fighters and capturing more than 40.",
        (cas(TAL, (350, 350), captured=(40, None), q="approx"),),
        "the National Resistance Front",
    ),
    Row(
        "The SLM said 40 of its fighters were killed and 12 wounded in the ambush.",
        (cas(SLM, (40, 40), (12, 12)),),
        "the SLM",
    ),
    Row(
        "Taliban losses stood at 40 dead and 60 wounded, according to the NRF.",
        (cas(TAL, (40, 40), (60, 60)),),
        "the NRF",
    ),
    Row(
        "The brigades suffered 23 dead and dozens wounded in the raid, a medic said.",
        (cas(CB, (23, 23), (24, 99)),),
        "a medic",
    ),
    Row(
        "At least 27 RSF fighters were killed and dozens more wounded, a military source said.",
        (cas(RSF, (27, None), (24, 99), q="at_least"),),
        "a military source",
    ),
    # --- wounded and captured ---------------------------------------------------------------
    Row(
        "Taliban officials said 23 of their fighters were wounded by NRF forces.",
        (cas(TAL, wounded=(23, 23)),),
        "Taliban officials",
    ),
    Row(
        "Nine KPM fighters were injured when their truck hit a mine, the militia said.",
        (cas(KPM, wounded=(9, 9)),),
        "the militia",
    ),
    Row(
        "Taliban fighters took 23 NRF fighters prisoner in Dara, the resistance said.",
        (cas(NRF, captured=(23, 23)),),
        "the resistance",
    ),
    Row(
        "Some 40 Taliban fighters surrendered to the resistance on Monday.",
        (cas(TAL, captured=(40, 40), q="approx"),),
    ),
    Row(
        "Police arrested 14 suspected SLM members in Bamako, the ministry said.",
        (cas(SLM, captured=(14, 14)),),
        "the ministry",
    ),
    Row(
        "NRF fighters captured 30 Taliban, including two commanders, near the pass.",
        (cas(TAL, captured=(30, 30)),),
    ),
    Row(
        "The NRF captured 40 Taliban fighters and 12 vehicles.",
        (cas(TAL, captured=(40, 40)),),
    ),
    # --- combined counts, zeros, hedges --------------------------------------------------------
    Row(
        "RSF gunmen killed or wounded 50 SLM fighters in the market town.",
        (cas(SLM, (None, 50), q="at_most"),),
    ),
    Row(
        "The RSF inflicted some 300 casualties on the SLM, it said.",
        (cas(SLM, (None, 300), q="at_most"),),
    ),
    Row(
        "No Taliban fighters were killed, a spokesman said.",
        (cas(TAL, (0, 0)),),
        "a spokesman",
    ),
    Row(
        "The brigades suffered no casualties in the raid, their commander said.",
        (cas(CB, (0, 0), (0, 0)),),
        "their commander",
    ),
    Row(
        "The NRF claimed to have killed 70 Taliban fighters, a figure that could not be"
        " independently verified.",
        (cas(TAL, (70, 70)),),
        "the NRF",
        True,
    ),
    Row("Five Taliban fighters were reportedly killed.", (cas(TAL, (5, 5)),), None, True),
    Row(
        "About 60 Taliban fighters are feared dead after the strike.",
        (cas(TAL, (60, 60), q="approx"),),
        None,
        True,
    ),
    Row(
        "Since April, more than 2,000 RSF fighters have been killed, according to the army.",
        (cas(RSF, (2000, None), q="at_least"),),
        "the army",
    ),
    Row(
        "The RSF took 37 SAF soldiers hostage after overrunning the base, witnesses said.",
        (cas(SAF, captured=(37, 37)),),
        "witnesses",
    ),
    Row(
        'In a statement, the KPM said 8 of its fighters had been "martyred" in the fighting.',
        (cas(KPM, (8, 8)),),
        "the KPM",
    ),
    Row(
        'The army said 4 of its soldiers were killed, and that it had killed "dozens" of RSF'
        " fighters.",
        (cas(RSF, (24, 99), q="range"),),
        "the army",
    ),
    Row(
        "Up to 200 RSF fighters may have been killed in the strike.",
        (cas(RSF, (None, 200), q="at_most"),),
        None,
        True,
    ),
    Row(
        "The KPM has lost some 200 fighters in the past month, a UN report said.",
        (cas(KPM, (200, 200), q="approx"),),
        "a UN report",
    ),
    Row(
        "The Taliban said none of its fighters were hurt.",
        (cas(TAL, wounded=(0, 0)),),
        "the Taliban",
    ),
    Row(
        "Officials said 19 KPM fighters were killed and about 40 wounded.",
        (cas(KPM, (19, 19), (40, 40)),),
        "Officials",
    ),
    Row(
        "A total of 86 RSF fighters and 14 SAF soldiers died in the battle, the UN estimated.",
        (cas(RSF, (86, 86)), cas(SAF, (14, 14))),
        "the UN",
    ),
    Row(
        "Taliban authorities have detained at least 15 former NRF members in Panjshir since last"
        " week, rights groups said.",
        (cas(NRF, captured=(15, None), q="at_least"),),
        "rights groups",
    ),
    Row(
        "More than 200 SAF soldiers surrendered to the RSF and were taken to Nyala.",
        (cas(SAF, captured=(200, None), q="at_least"),),
    ),
    # --- nothing: not people, not a configured group, negated, denied, history, noise ----
    Row("The Taliban captured 30 vehicles and four tanks.", ()),
    Row("The resistance seized 18 Taliban positions and 40 rifles.", ()),
    Row("The Taliban denied losing any men.", ()),
    Row(
        "The SLM denied that 40 of its fighters had been killed, calling the figure propaganda.",
        (),
    ),
    Row("A 32-year-old Taliban commander was killed 70 miles north of Kabul.", ()),
    Row("In 2019, the SLM lost 300 men in a single week.", ()),
    Row("The Taliban lost thousands of fighters during the Soviet occupation.", ()),
    Row("The war has killed tens of thousands of Taliban fighters since 2001.", ()),
    Row("If 40 SLM fighters were captured, the group would collapse.", ()),
    Row("The Taliban said it would kill 40 NRF prisoners if attacked.", ()),
    Row("12 Taliban fighters were not killed, as first reported, but captured alive.", ()),
    Row("Clashes between the SLM and the RSF killed 40 fighters on Sunday.", ()),
    Row("The RSF detained 200 civilians, a rights group said.", ()),
    Row("At least 20 people were killed in an RSF attack on a market, medics said.", ()),
    Row("NRF fighters killed 40 soldiers and lost 12, the Taliban said.", ()),
    Row("The Taliban said 40 fighters were killed in the clashes with the NRF.", ()),
    Row("The SLM released 120 prisoners on Friday.", ()),
    Row("The RSF has 40,000 fighters in Darfur.", ()),
    Row("How many Taliban fighters were killed in the valley?", ()),
    Row("The KPM said it had lost control of 3 districts.", ()),
    Row("Koné, 54, was killed with his bodyguards near Mopti.", ()),
    Row("The NRF said it killed 40 percent of the Taliban force.", ()),
    Row("The Taliban killed 12 in the raid, NRF officials said.", ()),
    Row("Two Taliban commanders and 15 fighters were killed in an NRF ambush.", ()),
    Row("At least 12 Taliban fighters killed 3 soldiers at the checkpoint.", ()),
    Row("In 1996 the Taliban executed 400 NRF fighters in Mazar.", ()),
    Row("Last year the SLM lost some 500 fighters to desertion and disease.", ()),
    Row("The RSF was founded in 2013 with 5,000 fighters.", ()),
    Row("The Taliban released 40 NRF fighters captured in Panjshir last month.", ()),
    Row("The two sides agreed to exchange 40 Taliban prisoners for 12 NRF fighters captured.", ()),
    Row("The Taliban said NRF fighters had killed 40 of their men.", ()),
    Row(
        "The Taliban said they had killed 12 resistance fighters, but the NRF said only three of"
        " its men had died.",
        (),
    ),
    Row("The SLM says it has killed 12 soldiers, lost 4 and captured 9.", ()),
    Row("SLM fighters ambushed an RSF convoy, killing 14 and wounding dozens.", ()),
    Row("The NRF said 15 Taliban vehicles were destroyed and 40 fighters killed.", ()),
    Row('The Taliban said they had suffered "minor casualties" in the assault.', ()),
    Row("The SLM lost 12 of 40 vehicles in the ambush.", ()),
    # --- own losses, vague quoted amounts, second counts, tolls ---------------------------
    Row(
        "The RSF said it had shot down a drone and lost 6 of its own fighters near Kaleb.",
        (cas(RSF, killed=(6, 6)),),
        "the RSF",
    ),
    Row(
        "KPM gunmen held the ridge for a day, killing 30 soldiers and losing nine of their own.",
        (cas(KPM, killed=(9, 9)),),
    ),
    Row(
        "SAF losses during the two-week siege of El Fasher stood at 95 dead, officials said.",
        (cas(SAF, killed=(95, 95)),),
        "officials",
    ),
    Row(
        "The army said it had killed \u201cseveral dozen\u201d KPM militiamen in the raid.",
        (cas(KPM, killed=(36, 99), q="range"),),
        "the army",
    ),
    Row(
        "Officers put SLM losses at \u201cseveral hundred\u201d dead.",
        (cas(SLM, killed=(300, 999), q="range"),),
    ),
    Row(
        "At least 70 SLM fighters were killed during the night raid and 45 captured, the army"
        " said.",
        (cas(SLM, killed=(70, None), captured=(45, None), q="at_least"),),
        "the army",
    ),
    Row(
        "Some 90 KPM militiamen were killed near the lake and more than 300 taken prisoner.",
        (cas(KPM, killed=(90, 90), captured=(300, None), q="approx"),),
    ),
    Row(
        "At least 40 RSF fighters and 7 SAF soldiers died in the fighting, medics said.",
        (cas(RSF, killed=(40, None), q="at_least"), cas(SAF, killed=(7, None), q="at_least")),
        "medics",
    ),
    Row(
        "The death toll among SAF soldiers rose to 64, the army said.",
        (cas(SAF, killed=(64, 64)),),
        "the army",
    ),
    Row(
        "Twelve NRF fighters are missing after the clash, the NRF said.",
        (),
    ),
    Row(
        "KPM militiamen stormed the camp, killing 14 SAF soldiers and wounding dozens.",
        (cas(SAF, killed=(14, 14), wounded=(24, 99)),),
    ),
    # --- lists opened by a qualifier, joined loss verbs, "heavy losses, with" -------------
    Row(
        "As many as 20 RSF fighters and 7 SAF soldiers were wounded in the clash.",
        (cas(RSF, wounded=(None, 20), q="at_most"), cas(SAF, wounded=(None, 7), q="at_most")),
    ),
    Row(
        "The SAF said it had repelled the assault, killed 60 RSF fighters and lost 9 of its own"
        " men near El Fasher.",
        (cas(RSF, (60, 60)), cas(SAF, (9, 9))),
        "the SAF",
    ),
    Row(
        "A KPM commander named only as Bahati said his fighters had captured 20 SLM fighters,"
        " losing three of their own.",
        (cas(SLM, captured=(20, 20)), cas(KPM, (3, 3))),
        "Bahati",
    ),
    Row(
        "The RSF killed 9 SAF soldiers and wounded 22 others near El Fasher, witnesses said.",
        (cas(SAF, (9, 9), (22, 22)),),
        "witnesses",
    ),
    Row(
        "The Taliban have taken heavy casualties, with as many as 150 fighters killed this"
        " week, the NRF said.",
        (cas(TAL, (None, 150), q="at_most"),),
        "the NRF",
    ),
    Row(
        "Officials put KPM losses at \u201ca few hundred\u201d after the SAF raids on its camps.",
        (cas(KPM, (200, 499), q="range"),),
    ),
    Row(
        "The RSF said it had killed 30 SAF soldiers; the army said it lost 5 men.",
        (cas(SAF, (30, 30)),),
        "the RSF",
    ),
]


def _values(text: str) -> list[Casualties]:
    return [c.value for c in extract_casualties(text, ENTITIES, year=YEAR)]  # type: ignore[misc]


@pytest.mark.parametrize("row", ROWS, ids=[f"{i:02d}" for i in range(len(ROWS))])
def test_casualties(row: Row) -> None:
    claims = extract_casualties(row.text, ENTITIES, year=YEAR)
    assert [c.value for c in claims] == list(row.facts)
    if row.facts:
        assert {(c.claimed_by, c.hedged) for c in claims} == {(row.claimed_by, row.hedged)}


def test_enough_rows_and_negatives() -> None:
    assert len(ROWS) >= 60
    assert sum(1 for r in ROWS if not r.facts) >= 25


def test_civilians_only_when_configured() -> None:
    sentence = "The strike killed 12 civilians and wounded 30, the ministry said."
    assert _values(sentence) == []
    civilians = (*ENTITIES, EntityRef("Civilians", "group", ("civilians",)))
    [claim] = extract_casualties(sentence, civilians, year=YEAR)
    assert claim.value == cas("Civilians", (12, 12), (30, 30))


def test_history_is_judged_against_the_article_year() -> None:
    sentence = "In 2021 the resistance lost about 40 men in Andarab, its spokesman said."
    assert _values(sentence) == []
    [claim] = extract_casualties(sentence, ENTITIES, year=2021)
    assert claim.value == cas(NRF, (40, 40), q="approx")


def test_registered_with_the_other_extractors() -> None:
    text = "The resistance has 9,000 fighters. NRF fighters killed 350 Taliban on Sunday."
    kinds: tuple[FactKind, ...] = ("casualties",)
    claims = extract_claims(text, ENTITIES, kinds=kinds, year=YEAR)
    assert [c.value for c in claims] == [cas(TAL, (350, 350))]


@pytest.mark.parametrize(
    "text",
    [
        "SLM fighters killed or wounded 1,200 RSF gunmen in the fighting, the SLM said.",
        "The NRF said it killed, wounded or captured 640 Taliban fighters during the week.",
    ],
)
def test_a_count_of_either_fate_only_bounds_the_dead(text: str) -> None:
    """A count of those killed or wounded (or captured) is no count of the wounded nor of the
    captured: the parse reads no field from it, and the dead are at most that many."""
    kinds: tuple[FactKind, ...] = ("casualties",)
    claims = extract_claims(text, ENTITIES, kinds=kinds, year=YEAR)
    [value] = [c.value for c in claims]
    assert isinstance(value, Casualties)
    assert (value.killed_min, value.wounded_max, value.captured_max) == (None, None, None)
    assert value.qualifier == "at_most"
