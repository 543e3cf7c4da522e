# ruff: noqa: E501  (the story is prose; its lines are wrapped by hand near 100 columns)
"""Writes seeds/panjshir/timeline/: the Panjshir demo story as feed snapshots, one folder per step.

The story lives here, once, and the XML files are generated from it, because every snapshot of a
feed repeats the outlet's older items (as a real feed does) and keeping six copies of one item in
sync by hand is how fixtures rot. Edit the items below, then run:

    .venv/bin/python seeds/panjshir/make_timeline.py

The outlets, their sites and every person quoted by name who is not a public figure are invented;
the events, dates and public figures follow the real August-September 2021 timeline. All sentences
were written for this demo. Hostnames use the reserved `.example` domain.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

TIMELINE = Path(__file__).resolve().parent / "timeline"
STEPS = 7


@dataclass(frozen=True)
class Outlet:
    stem: str
    kind: str  # "rss" or "atom"
    title: str
    site: str
    description: str
    tz: timezone = UTC
    ttl: int | None = None
    html_in: str = "escaped"  # how RSS descriptions carry HTML: "escaped" or "cdata"
    content_encoded: bool = False


@dataclass(frozen=True)
class Item:
    step: int
    outlet: str
    title: str
    link: str
    published: str  # "YYYY-MM-DD HH:MM", UTC
    body: tuple[str, ...]  # HTML paragraphs
    guid: str | None = None  # None: the item has no <guid> at all
    permalink_guid: bool = False
    summary: str | None = None  # plain text teaser; default: the first paragraph
    author: str | None = None
    categories: tuple[str, ...] = field(default_factory=tuple)

    @property
    def when(self) -> datetime:
        return datetime.strptime(self.published, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


OUTLETS = {
    o.stem: o
    for o in (
        Outlet(
            "caravan-wire",
            "rss",
            "Caravan Wire Service",
            "https://www.caravanwire.example/",
            "Breaking news from Afghanistan and the region by Caravan Wire Service (CWS).",
            ttl=15,
        ),
        Outlet(
            "frontier-daily",
            "rss",
            "The Frontier Daily - World",
            "https://frontierdaily.example/world/",
            "World and regional news from The Frontier Daily, Peshawar.",
            tz=timezone(timedelta(hours=5)),
            html_in="cdata",
            content_encoded=True,
        ),
        Outlet(
            "meridian-world",
            "rss",
            "Meridian World Service - Asia",
            "https://news.meridian.example/world/asia",
            "News, analysis and video from Meridian World Service.",
            html_in="text",
            content_encoded=True,
        ),
        Outlet(
            "hindukush-review",
            "atom",
            "The Hindu Kush Review",
            "https://hindukushreview.example/",
            "Analysis of Afghanistan, Pakistan and Central Asia.",
        ),
        Outlet(
            "globe-dispatch",
            "rss",
            "Globe Dispatch: Top World Stories",
            "https://globedispatch.example/",
            "The day's top world, business and sports stories.",
        ),
    )
}

CW = "https://www.caravanwire.example"
FD = "https://frontierdaily.example"
MW = "https://news.meridian.example"
HK = "https://hindukushreview.example"
GD = "https://globedispatch.example"
FD_UTM = "utm_source=rss&utm_medium=feed&utm_campaign=world"

# ---------------------------------------------------------------------------------------------
# Wire stories that other outlets republish. Kept as constants so the copies stay near-identical.
# ---------------------------------------------------------------------------------------------

SALEH_DECLARES = (
    "<p>KABUL, Aug 17 (CWS) - Amrullah Saleh, the first vice president of the ousted Afghan "
    "government, declared himself the country&#8217;s caretaker president on Tuesday, saying the "
    "constitution made him the legitimate head of state now that President Ashraf Ghani had left "
    "the country.</p>",
    "<p>Saleh, 48, made the announcement in a series of posts on Twitter and said he was reaching "
    "out to political leaders to secure their support. He did not say where he was, but two people "
    'close to him said he was in the <a href="https://www.caravanwire.example/topics/panjshir">'
    "Panjshir valley</a> north of Kabul.</p>",
    "<p>The valley is also the base of Ahmad Massoud, son of the late anti-Soviet and anti-Taliban "
    "commander Ahmad Shah Massoud. Ahmad Massoud has been gathering former soldiers and local "
    "militias there under the banner of the National Resistance Front, according to two of his "
    "associates.</p>",
    "<p>There was no immediate comment from the Taliban, whose leaders have been meeting "
    "politicians in Kabul to discuss the shape of a future government. Constitutional lawyers said "
    "it was far from clear that the article Saleh cited still applied after the collapse of the "
    "state he served.</p>",
)

TALIBAN_SEND_HUNDREDS = (
    "<p>KABUL, Aug 22 (CWS) - The Taliban said on Sunday they had dispatched hundreds of their "
    "fighters to the Panjshir valley because officials there had refused to surrender the province "
    "without a fight, setting up the first major test for armed opposition to the group since it "
    "seized Kabul a week ago.</p>",
    "<p>The resistance forces gathered in the valley under Ahmad Massoud do not exceed 2,500 "
    "fighters, according to a former army officer who joined them last week and spoke on "
    "condition of anonymity. The figure could not be independently verified.</p>",
    "<p>Massoud said in a statement that he preferred negotiations with the Taliban, but that his "
    "men were ready to defend the valley if attacked.</p>",
    "<p>Separately, a Taliban spokesman said the group&#8217;s fighters had retaken three districts "
    "in neighbouring Baghlan province that local militias seized on Friday. The Panjshir lies some "
    "150km north of Kabul and is entered by a single road through a narrow gorge.</p>",
    "<p><em>Additional reporting by CWS staff in Charikar &amp; Islamabad.</em></p>",
)

HEAVY_FIGHTING = (
    "<p>KABUL, Sept 2 (CWS) - Fighting raged in the Panjshir valley for a second day on Thursday "
    "after talks between the Taliban and the National Resistance Front broke down, with both sides "
    "claiming to have inflicted heavy losses.</p>",
    "<p>The National Resistance Front said its fighters had repelled attacks at the mouth of the "
    "valley and near the Khawak pass, killing about 350 Taliban fighters and capturing more than "
    "40. A Taliban spokesman said the group&#8217;s forces were advancing and had suffered only "
    "light casualties. Neither claim could be independently verified.</p>",
    "<p>&#8220;We have more than three thousand mujahideen around the valley,&#8221; a Taliban "
    "commander in Parwan province told CWS by telephone, adding that reinforcements were arriving "
    "from the north.</p>",
    "<p>Telephone and internet connections to the valley have been cut, residents who reached "
    "Kabul said, and the main road from Charikar has been closed to civilian traffic.</p>",
)

CAPTURE_CLAIM = (
    "<p>KABUL, Sept 6 (CWS) - The Taliban said on Monday they had captured the Panjshir valley, the "
    "last province holding out against them since the fall of Kabul three weeks ago.</p>",
    "<p>Taliban spokesman Zabihullah Mujahid said in a statement that Panjshir had been captured "
    "and was now under the control of the Islamic Emirate. Images shared on social media showed "
    "Taliban fighters standing outside the governor&#8217;s compound in Bazarak, the provincial "
    "capital.</p>",
    "<p>The National Resistance Front rejected the statement, saying the claim that Panjshir had "
    "been captured was false and that its forces still held strategic positions across the valley. "
    "Ahmad Massoud, in an audio message, urged Afghans at home and abroad to rise up against the "
    "Taliban. His whereabouts were not known.</p>",
    "<p>The front said on Sunday that its spokesman, Fahim Dashti, had been killed in the "
    "fighting. Dashti had been the front&#8217;s main voice to reporters since mid-August.</p>",
    "<p>Taliban fighters were also pictured a few kilometres away at the tomb of Ahmad Shah "
    "Massoud, the commander who was killed two days before the Sept. 11, 2001 attacks on the "
    "United States.</p>",
)


def _retitled(paragraphs: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    """A syndicated copy: the same paragraphs with the dateline and credit of the republisher."""
    return tuple(p.replace(old, new) for p in paragraphs)


ITEMS: tuple[Item, ...] = (
    # ------------------------------------------------------------------ step 01: Kabul falls
    Item(
        1,
        "caravan-wire",
        "Taliban take Mazar-i-Sharif as northern defences collapse",
        f"{CW}/2021/08/14/taliban-take-mazar-i-sharif",
        "2021-08-14 17:40",
        (
            "<p>MAZAR-I-SHARIF, Aug 14 (CWS) - Taliban fighters entered Mazar-i-Sharif on Saturday, "
            "taking the largest city in northern Afghanistan with little resistance, according to "
            "two provincial council members and a security official.</p>",
            "<p>Government troops and allied militias withdrew along the highway towards the Uzbek "
            "border, the officials said. Two veteran northern commanders, Atta Mohammad Noor and "
            "Abdul Rashid Dostum, had crossed into Uzbekistan, an aide to Noor said; the claim could "
            "not be independently verified.</p>",
            "<p>The Taliban have now seized more than half of the country&#8217;s 34 provincial "
            "capitals in little over a week.</p>",
        ),
        guid="cws-2021-08-14-0311",
        author="CWS staff",
        categories=("Afghanistan",),
    ),
    Item(
        1,
        "caravan-wire",
        "Taliban enter Kabul as Ghani leaves the country",
        f"{CW}/2021/08/15/taliban-enter-kabul-ghani-leaves",
        "2021-08-15 18:05",
        (
            "<p>KABUL, Aug 15 (CWS) - Taliban fighters entered Kabul on Sunday and President Ashraf "
            "Ghani left Afghanistan, according to two senior government officials, bringing the "
            "insurgents to the brink of power nearly 20 years after a U.S.-led invasion drove them "
            "out.</p>",
            "<p>A Taliban spokesman said the group&#8217;s fighters had been ordered into the city "
            "to prevent looting after police abandoned their posts. Residents in several districts "
            "reported gunfire, and long queues formed at cash machines.</p>",
            "<p>Thousands of people crowded into Hamid Karzai International Airport hoping to board "
            "evacuation flights, witnesses said.</p>",
            "<p>First Vice President Amrullah Saleh wrote on Twitter that he would never bow to the "
            "Taliban. His whereabouts were not known.</p>",
        ),
        guid="cws-2021-08-15-0457",
        author="CWS staff",
        categories=("Afghanistan",),
    ),
    Item(
        1,
        "meridian-world",
        "Haiti earthquake: Death toll climbs above 1,200",
        f"{MW}/world/americas/haiti-earthquake-58220371",
        "2021-08-15 07:15",
        (
            "<p>The number of people killed by Saturday&#8217;s earthquake in south-western Haiti has "
            "risen to more than 1,200, the country&#8217;s civil protection agency said.</p>",
            "<p>Rescuers are searching collapsed buildings in Les Cayes and Jérémie, and a tropical "
            "storm is forecast to reach the island early next week.</p>",
        ),
        guid="meridian-world-58220371",
        summary="Rescuers search collapsed buildings as a tropical storm approaches.",
        categories=("Americas",),
    ),
    Item(
        1,
        "meridian-world",
        "Panjshir: The valley that never fell to the Taliban",
        f"{MW}/world/asia/panjshir-valley-explainer-58231745",
        "2021-08-16 09:30",
        (
            "<p>With Kabul in Taliban hands, attention has turned to the Panjshir valley, some 150km "
            "(90 miles) north of the capital, where opponents of the group are reported to be "
            "gathering.</p>",
            "<p>The valley is reached through a narrow gorge cut by the Panjshir river, and its steep "
            "sides make it easy to defend. In the 1980s it withstood repeated offensives, and tens "
            "of thousands of Soviet troops were never able to hold it for long.</p>",
            "<p>Its defence was led by Ahmad Shah Massoud, the guerrilla commander known as the Lion "
            "of Panjshir, who went on to lead the Northern Alliance against the Taliban government "
            "of 1996-2001. He was killed by two al-Qaeda suicide bombers posing as journalists on "
            "9 September 2001.</p>",
            "<p>His son, Ahmad Massoud, 32, studied at the Royal Military Academy Sandhurst and in "
            "London before returning to Afghanistan in 2016. Images shared on social media on "
            "Monday appeared to show him with Amrullah Saleh, the former first vice-president, in "
            "the valley. Meridian could not independently verify when they were taken.</p>",
            "<p>Panjshir, home to about 170,000 people, is the only one of Afghanistan&#8217;s 34 "
            "provinces not under Taliban control.</p>",
        ),
        guid="meridian-world-58231745",
        summary=(
            "As the Taliban take control of Kabul, attention turns to a narrow valley north of the "
            "capital that held out against them in the 1990s."
        ),
        categories=("Asia", "Afghanistan"),
    ),
    Item(
        1,
        "frontier-daily",
        "Chaos at Kabul airport as thousands try to flee Taliban rule",
        f"{FD}/world/chaos-at-kabul-airport-1143866?{FD_UTM}",
        "2021-08-16 06:10",
        (
            "<p>KABUL: Thousands of Afghans overran the runway at Kabul airport on Monday, some "
            "clinging to the side of a moving military transport plane, as they tried to escape the "
            "country a day after the Taliban took the capital.</p>",
            "<p>Several people were reported killed in the chaos, although the number could not be "
            "confirmed. U.S. troops fired warning shots to clear the tarmac, a U.S. official said.</p>",
            "<p>Pakistan&#8217;s foreign office said it was arranging flights for Pakistani nationals "
            "and diplomats still in Kabul.</p>",
        ),
        guid="fd-1143866",
        author="Frontier Daily correspondent",
        categories=("World", "Afghanistan"),
    ),
    Item(
        1,
        "frontier-daily",
        "Stocks slip as investors weigh Afghan turmoil",
        f"{FD}/business/stocks-slip-afghan-turmoil-1143851?{FD_UTM}",
        "2021-08-16 04:30",
        (
            "<p>KARACHI: Shares in Karachi opened lower on Monday as investors weighed the risk of "
            "instability spreading from Afghanistan, brokers said.</p>",
            "<p>&#8220;The market hates uncertainty &amp; this is as uncertain as it gets,&#8221; said "
            "a dealer at a local brokerage. The rupee was little changed against the dollar.</p>",
        ),
        guid="fd-1143851",
        author="Business desk",
        categories=("Business",),
    ),
    Item(
        1,
        "hindukush-review",
        "After Herat and Kandahar, how long can Kabul hold?",
        f"{HK}/2021/08/after-herat-and-kandahar",
        "2021-08-13 16:00",
        (
            "<p>In the space of a day the Taliban took Afghanistan&#8217;s second and third cities. "
            "Herat fell after its veteran strongman Ismail Khan, 75, was detained; Kandahar fell "
            "after government forces negotiated their way out.</p>",
            "<p>The speed of the collapse owes less to Taliban strength than to an army that had "
            "stopped believing anyone would come to help it. The United States spent more than $80 "
            "billion over two decades building those forces.</p>",
        ),
        guid="tag:hindukushreview.example,2021-08-13:/after-herat-and-kandahar",
        author="Nadia Rahimi",
        categories=("Afghanistan", "Analysis"),
    ),
    Item(
        1,
        "globe-dispatch",
        "Messi joins Paris Saint-Germain on two-year deal",
        f"{GD}/sport/football/messi-psg-2021-08-10",
        "2021-08-10 19:20",
        (
            "<p>Lionel Messi signed a two-year contract with Paris Saint-Germain on Tuesday, days "
            "after leaving Barcelona, the club he joined as a 13-year-old.</p>",
        ),
        guid="gd-20210810-0193",
        categories=("Sport",),
    ),
    Item(
        1,
        "globe-dispatch",
        "Hichilema wins Zambia's presidential election",
        f"{GD}/world/africa/zambia-hichilema-wins",
        "2021-08-16 08:45",
        (
            "<p>Opposition leader Hakainde Hichilema was declared the winner of Zambia&#8217;s "
            "presidential election on Monday, defeating incumbent Edgar Lungu at his sixth attempt, "
            "the electoral commission said.</p>",
        ),
        guid="gd-20210816-0221",
        categories=("World", "Africa"),
    ),
    Item(
        1,
        "globe-dispatch",
        "Oil falls as weak Chinese data feeds demand worries",
        f"{GD}/business/oil-falls-china-data",
        "2021-08-16 15:10",
        (
            "<p>Oil prices fell on Monday after data showed China&#8217;s factory output and retail "
            "sales slowed sharply in July, adding to concern that the Delta variant will dent "
            "demand.</p>",
        ),
        guid="gd-20210816-0240",
        categories=("Business",),
    ),
    # ------------------------------------------------------------------ step 02: Saleh declares
    Item(
        2,
        "caravan-wire",
        "Saleh declares himself Afghanistan's caretaker president",
        f"{CW}/2021/08/17/saleh-declares-himself-caretaker-president",
        "2021-08-17 15:20",
        (*SALEH_DECLARES, "<p><em>Reporting by CWS staff; editing by the Asia desk.</em></p>"),
        guid="cws-2021-08-17-0522",
        author="CWS staff",
        categories=("Afghanistan", "Politics"),
    ),
    Item(
        2,
        "frontier-daily",
        "Afghan VP Saleh claims presidency, vows to resist Taliban",
        f"{FD}/world/afghan-vp-saleh-claims-presidency-1144021?{FD_UTM}",
        "2021-08-17 19:45",
        (
            *_retitled(SALEH_DECLARES, "KABUL, Aug 17 (CWS) - ", "KABUL: "),
            "<p>&#8212; CWS</p>",
        ),
        guid="fd-1144021",
        author="Agencies",
        categories=("World", "Afghanistan"),
    ),
    Item(
        2,
        "hindukush-review",
        "Can the Panjshir hold out a second time?",
        f"{HK}/2021/08/can-the-panjshir-hold-out",
        "2021-08-18 08:00",
        (
            "<p>For the second time in a generation, the Panjshir valley is the last corner of "
            "Afghanistan outside Taliban control. Whether it can repeat what it did in the 1990s is "
            "far from clear.</p>",
            "<p>The valley&#8217;s reputation rests on the 1980s, when Ahmad Shah Massoud&#8217;s "
            "mujahideen held off nine Soviet offensives. Moscow kept tens of thousands of troops in "
            "Afghanistan throughout that decade, and none of its columns held the valley for "
            "long.</p>",
            "<p>After 1996 the same valley became the core of the Northern Alliance, which by 2001 "
            "fielded perhaps 15,000 to 20,000 fighters and provided the ground forces for the "
            "U.S.-backed campaign that toppled the Taliban that autumn. Massoud did not live to see "
            "it: he was assassinated on 9 September 2001.</p>",
            "<p>His son, Ahmad Massoud, 32, now leads the National Resistance Front from the same "
            "valley, alongside Amrullah Saleh, who declared himself caretaker president on Tuesday. "
            "The younger Massoud has asked Western governments for weapons and ammunition, arguing "
            "that his fighters cannot hold out on what they have.</p>",
            "<p>The differences from the 1990s are stark. There is no supply route from Tajikistan, "
            "every neighbouring province is in Taliban hands, and the Taliban now hold weapons and "
            "vehicles that cost the United States billions of dollars. Money, more than terrain, may "
            "decide how long the resistance lasts.</p>",
        ),
        guid="tag:hindukushreview.example,2021-08-18:/can-the-panjshir-hold-out",
        author="Nadia Rahimi",
        summary="The valley held in the 1980s and 1990s. This time its defenders are alone.",
        categories=("Afghanistan", "Analysis"),
    ),
    Item(
        2,
        "globe-dispatch",
        "Asian shares slip as Delta variant clouds recovery",
        f"{GD}/business/asian-shares-slip-delta",
        "2021-08-18 03:30",
        (
            "<p>Asian shares edged lower on Wednesday as rising Delta variant infections across the "
            "region prompted investors to reduce exposure to riskier assets.</p>",
        ),
        guid="gd-20210818-0262",
        categories=("Business",),
    ),
    # ------------------------------------------------------------------ step 03: first estimates
    Item(
        3,
        "meridian-world",
        "Ahmad Massoud: The Sandhurst graduate leading Afghanistan's last holdout",
        f"{MW}/world/asia/ahmad-massoud-profile-58282104",
        "2021-08-21 10:15",
        (
            "<p>The 32-year-old son of Afghanistan&#8217;s most famous guerrilla commander has "
            "become the face of armed opposition to the Taliban.</p>",
            "<p>Ahmad Massoud leads the National Resistance Front, a coalition of local militias, "
            "former soldiers and special forces members who gathered in the Panjshir valley after "
            "Kabul fell on 15 August, according to people close to the group.</p>",
            "<p>He was 12 when his father, Ahmad Shah Massoud, was killed by al-Qaeda in 2001. "
            "Ahmad Massoud later studied war studies in London and trained at Sandhurst, the "
            "British army&#8217;s officer academy, before returning to Afghanistan in 2016.</p>",
            "<p>In a newspaper article published this week he said he was ready to follow in his "
            "father&#8217;s footsteps but needed arms, ammunition and supplies from the West. He has "
            "also said he is open to talks with the Taliban on an inclusive government.</p>",
            "<p>Analysts caution that his name carries weight in the Panjshir but far less "
            "elsewhere, where many associate the old Northern Alliance with the civil war of the "
            "1990s.</p>",
        ),
        guid="meridian-world-58282104",
        summary="Ahmad Massoud has become the face of armed opposition to the Taliban.",
        categories=("Asia", "Afghanistan"),
    ),
    Item(
        3,
        "caravan-wire",
        "Taliban send hundreds of fighters toward Panjshir",
        f"{CW}/2021/08/22/taliban-send-hundreds-of-fighters-toward-panjshir",
        "2021-08-22 13:10",
        TALIBAN_SEND_HUNDREDS,
        guid="cws-2021-08-22-0734",
        author="CWS staff",
        categories=("Afghanistan", "Conflict"),
    ),
    Item(  # exact republish: same story, same canonical URL, only tracking parameters added
        3,
        "meridian-world",
        "Taliban send hundreds of fighters toward Panjshir",
        f"{CW}/2021/08/22/taliban-send-hundreds-of-fighters-toward-panjshir"
        "?utm_source=meridian&utm_medium=partner&utm_campaign=wire",
        "2021-08-22 14:40",
        TALIBAN_SEND_HUNDREDS,
        guid="meridian-wire-cws-0734",
        author="Caravan Wire Service",
        categories=("Asia", "Afghanistan"),
    ),
    Item(
        3,
        "globe-dispatch",
        "Hurricane Grace slams into Mexico's Gulf coast",
        f"{GD}/world/americas/hurricane-grace-mexico",
        "2021-08-21 16:00",
        (
            "<p>Hurricane Grace made landfall in the Mexican state of Veracruz on Saturday, killing "
            "at least eight people and cutting power to hundreds of thousands of homes, local "
            "officials said.</p>",
        ),
        guid="gd-20210821-0307",
        categories=("World", "Americas"),
    ),
    # ------------------------------------------------------------------ step 04: talks, siege
    Item(
        4,
        "hindukush-review",
        "Inside the Panjshir: who is fighting, and with what",
        f"{HK}/2021/08/inside-the-panjshir",
        "2021-08-25 07:30",
        (
            "<p>Estimates of the strength of the forces in the Panjshir have varied widely since "
            "the fall of Kabul ten days ago.</p>",
            "<p>The anti-Taliban resistance now counts several thousand fighters, drawn from former "
            "army and special forces units as well as local militias, according to two people in "
            "regular contact with its commanders. Neither would be named, and the figure could not "
            "be verified.</p>",
            "<p>Most are lightly armed. Some brought Humvees, rifles and ammunition from the bases "
            "they abandoned; a former officer described stocks that would last weeks, not months, "
            "without a supply line.</p>",
            "<p>Talks have been held in Parwan province between Taliban representatives and envoys "
            "of Ahmad Massoud, without result. The Taliban want the valley handed over; "
            "Massoud&#8217;s side has asked for a decentralised government and guarantees for the "
            "valley&#8217;s roughly 170,000 residents.</p>",
            "<p>The Taliban have the numbers and, since 15 August, the captured arsenal of the "
            "Afghan army. What they lack, for now, is a reason to pay the price of fighting their "
            "way up a gorge that has cost every previous attacker dearly.</p>",
        ),
        guid="tag:hindukushreview.example,2021-08-25:/inside-the-panjshir",
        author="Nadia Rahimi",
        summary="Estimates of the resistance's strength vary widely. Here is what we know.",
        categories=("Afghanistan", "Analysis"),
    ),
    Item(  # this outlet's CMS forgot the <guid> on this item
        4,
        "frontier-daily",
        "Panjshir talks stall as Taliban tighten ring around valley",
        f"{FD}/world/panjshir-talks-stall-1144790?{FD_UTM}",
        "2021-08-26 05:20",
        (
            "<p>PESHAWAR: Negotiations between the Taliban and the National Resistance Front over "
            "the future of Panjshir have stalled, a member of the front&#8217;s delegation told "
            "<em>The Frontier Daily</em> on Wednesday.</p>",
            "<p>Taliban fighters have surrounded the Panjshir valley on three sides, a Taliban "
            "commander in Parwan province said, adding that the group would not wait "
            "&#8220;forever&#8221; for an answer. A spokesman for the front said the roads into the "
            "valley remained open.</p>",
            "<p>Residents reported shortages of fuel and flour. A 50kg sack of flour now costs "
            "3,000 afghanis, twice the price of a month ago, a shopkeeper in Bazarak said.</p>",
        ),
        guid=None,
        author="Frontier Daily correspondent",
        categories=("World", "Afghanistan"),
    ),
    Item(
        4,
        "frontier-daily",
        "Twin blasts outside Kabul airport kill dozens",
        f"{FD}/world/twin-blasts-kabul-airport-1144823?{FD_UTM}",
        "2021-08-26 18:40",
        (
            "<p>KABUL: Two explosions outside Kabul airport on Thursday killed at least 60 Afghans "
            "and 13 U.S. service members, officials said, as crowds gathered in the hope of boarding "
            "evacuation flights.</p>",
            "<p>Islamic State&#8217;s regional affiliate claimed responsibility. A Taliban spokesman "
            "condemned the attack and said it had happened in an area under U.S. control.</p>",
        ),
        guid="fd-1144823",
        author="Agencies",
        categories=("World", "Afghanistan"),
    ),
    Item(  # matches on "Northern Alliance" alone: no Panjshir, no NRF, no Massoud, no Saleh
        4,
        "frontier-daily",
        "Northern Alliance veterans take up arms again in Baghlan",
        f"{FD}/world/northern-alliance-veterans-baghlan-1144857?{FD_UTM}",
        "2021-08-27 07:15",
        (
            "<p>PESHAWAR: Commanders who fought the Taliban in the 1990s as part of the Northern "
            "Alliance said on Friday they were calling their old fighters back to arms in the "
            "Andarab district of Baghlan province.</p>",
            "<p>The revived Northern Alliance has about 1,500 fighters in Andarab and the "
            "neighbouring districts, one of the commanders told <em>The Frontier Daily</em> by "
            "telephone. The figure could not be independently verified.</p>",
            "<p>At its height the alliance held most of the north-east and kept a supply line open "
            "to Tajikistan.</p>",
            "<p>A Taliban spokesman said the group controlled every district of the province and "
            "dismissed the commanders as men of the past.</p>",
        ),
        guid="fd-1144857",
        author="Frontier Daily correspondent",
        categories=("World", "Afghanistan"),
    ),
    Item(
        4,
        "globe-dispatch",
        "Ronaldo returns to Manchester United",
        f"{GD}/sport/football/ronaldo-returns-to-united",
        "2021-08-27 17:05",
        (
            "<p>Cristiano Ronaldo is returning to Manchester United 12 years after leaving, the club "
            "said on Friday, in a deal reported to be worth an initial 15 million euros to "
            "Juventus.</p>",
        ),
        guid="gd-20210827-0388",
        categories=("Sport",),
    ),
    Item(  # "Saleh" and "Taliban" and "Afghanistan", yet nothing about Panjshir
        4,
        "globe-dispatch",
        "Baghdad summit brings regional rivals to one table",
        f"{GD}/world/middle-east/baghdad-summit",
        "2021-08-28 14:20",
        (
            "<p>Iraq hosted ministers from neighbouring countries and the leaders of France, Egypt "
            "and Jordan in Baghdad on Saturday at a conference meant to ease regional tensions and "
            "draw investment.</p>",
            "<p>President Barham Saleh and Prime Minister Mustafa al-Kadhimi received delegations "
            "that included the foreign ministers of Iran and Saudi Arabia. The situation in "
            "Afghanistan after the Taliban takeover was also discussed, delegates said.</p>",
        ),
        guid="gd-20210828-0401",
        categories=("World", "Middle East"),
    ),
    # ------------------------------------------------------------------ step 05: fighting
    Item(
        5,
        "caravan-wire",
        "Heavy fighting in Panjshir as resistance claims hundreds of Taliban dead",
        f"{CW}/2021/09/02/heavy-fighting-in-panjshir",
        "2021-09-02 11:30",
        (*HEAVY_FIGHTING, "<p><em>Reporting by CWS staff; editing by the Asia desk.</em></p>"),
        guid="cws-2021-09-02-1108",
        author="CWS staff",
        categories=("Afghanistan", "Conflict"),
    ),
    Item(  # near-duplicate: the wire story retitled, own URL with tracking parameters
        5,
        "meridian-world",
        "Panjshir: Resistance says 350 Taliban killed as fighting rages",
        f"{MW}/world/asia/panjshir-fighting-58412398?utm_source=rss&utm_medium=feed&utm_campaign=asia",
        "2021-09-02 14:05",
        (
            *_retitled(HEAVY_FIGHTING, "KABUL, Sept 2 (CWS) - ", ""),
            "<p>This story includes reporting from Caravan Wire Service.</p>",
        ),
        guid="meridian-world-58412398",
        summary="Both sides claim heavy losses after talks break down.",
        categories=("Asia", "Afghanistan"),
    ),
    Item(
        5,
        "frontier-daily",
        "Resistance says it has 9,000 fighters as Panjshir battle rages",
        f"{FD}/world/resistance-9000-fighters-1145377?{FD_UTM}",
        "2021-09-03 09:00",
        (
            "<p>PESHAWAR: The National Resistance Front has about 9,000 fighters in the Panjshir "
            "valley and the surrounding mountains, its spokesman said on Thursday, far more than "
            "earlier estimates of the force led by Ahmad Massoud.</p>",
            "<p>Speaking by telephone from an undisclosed location, the spokesman said soldiers of "
            "the former Afghan army and volunteers from neighbouring provinces had swelled the "
            "front&#8217;s ranks. The number could not be independently verified, and a Taliban "
            "official dismissed it as propaganda.</p>",
            "<p>Abdul Wahid, a 45-year-old former army sergeant, said he had walked for three days "
            "and more than 100km across the mountains from Baghlan to join the resistance "
            "fighters.</p>",
            "<p>The front did not say how many of its fighters were trained soldiers.</p>",
        ),
        guid="fd-1145377",
        author="Frontier Daily correspondent",
        categories=("World", "Afghanistan"),
    ),
    Item(
        5,
        "caravan-wire",
        "Saleh denies fleeing as rumours of Panjshir's fall spark gunfire in Kabul",
        f"{CW}/2021/09/03/saleh-denies-fleeing",
        "2021-09-03 20:15",
        (
            "<p>KABUL, Sept 3 (CWS) - Amrullah Saleh denied on Friday that he had fled Afghanistan, "
            "posting a video in which he said he was still in the Panjshir valley with commanders "
            "of the resistance.</p>",
            "<p>Reports circulating on social media earlier in the day had said that Amrullah Saleh "
            "had fled to neighbouring Tajikistan by helicopter. The video, which Saleh said was "
            "recorded in the valley, could not be independently verified.</p>",
            "<p>Heavy celebratory gunfire broke out across Kabul on Friday night after rumours spread "
            "that the Taliban had taken the valley. The Taliban did not confirm the rumours, and a "
            "spokesman for the group urged its fighters to stop shooting into the air.</p>",
        ),
        guid="cws-2021-09-03-1187",
        author="CWS staff",
        categories=("Afghanistan", "Politics"),
    ),
    Item(
        5,
        "globe-dispatch",
        "Remnants of Ida bring deadly flash floods to New York",
        f"{GD}/world/americas/ida-floods-new-york",
        "2021-09-02 12:40",
        (
            "<p>The remnants of Hurricane Ida dumped record rain on New York and New Jersey on "
            "Wednesday night, flooding subway stations and basement flats and killing dozens of "
            "people across the north-east, officials said.</p>",
        ),
        guid="gd-20210902-0455",
        categories=("World", "Americas"),
    ),
    # ------------------------------------------------------------------ step 06: capture claim
    Item(
        6,
        "caravan-wire",
        "Taliban say they have captured Panjshir; resistance says fight goes on",
        f"{CW}/2021/09/06/taliban-say-they-have-captured-panjshir",
        "2021-09-06 07:45",
        CAPTURE_CLAIM,
        guid="cws-2021-09-06-1243",
        author="CWS staff",
        categories=("Afghanistan", "Conflict"),
    ),
    Item(  # near-duplicate with its own URL
        6,
        "frontier-daily",
        "Taliban claim victory in Panjshir, resistance vows to fight on",
        f"{FD}/world/taliban-claim-victory-panjshir-1145598?{FD_UTM}",
        "2021-09-06 10:30",
        (*_retitled(CAPTURE_CLAIM, "KABUL, Sept 6 (CWS) - ", "KABUL: "), "<p>&#8212; CWS</p>"),
        guid="fd-1145598",
        author="Agencies",
        categories=("World", "Afghanistan"),
    ),
    Item(
        6,
        "globe-dispatch",
        "Guinea soldiers say they have seized power and detained president",
        f"{GD}/world/africa/guinea-coup",
        "2021-09-05 18:30",
        (
            "<p>Special forces in Guinea said on Sunday they had detained President Alpha Condé and "
            "dissolved the government, hours after heavy gunfire was heard near the presidential "
            "palace in Conakry.</p>",
        ),
        guid="gd-20210905-0472",
        categories=("World", "Africa"),
    ),
    Item(  # matches on the bare "Saleh" of its headline: its teaser never names him in full
        6,
        "globe-dispatch",
        "Saleh rejects Taliban ultimatum, says he will not leave Afghanistan",
        f"{GD}/world/asia/saleh-rejects-ultimatum",
        "2021-09-05 20:30",
        (
            "<p>Afghanistan&#8217;s self-declared caretaker president said in a letter shared by "
            "his aides on Sunday that he would neither surrender nor leave the country, and called "
            "on Afghans to resist the Taliban.</p>",
        ),
        guid="gd-20210905-0481",
        categories=("World", "Asia"),
    ),
    Item(  # exact republish of the wire story: the canonical URL is the wire's
        6,
        "globe-dispatch",
        "Taliban say they have captured Panjshir; resistance says fight goes on",
        f"{CW}/2021/09/06/taliban-say-they-have-captured-panjshir"
        "?utm_source=globedispatch&utm_medium=rss&utm_campaign=asia",
        "2021-09-06 09:10",
        CAPTURE_CLAIM[:3],
        guid="gd-wire-20210906-0412",
        author="Caravan Wire Service",
        categories=("World", "Asia"),
    ),
    # ------------------------------------------------------------------ step 07: aftermath
    Item(
        7,
        "caravan-wire",
        "Taliban name interim government, say Saleh has fled to Tajikistan",
        f"{CW}/2021/09/07/taliban-name-interim-government",
        "2021-09-07 17:30",
        (
            "<p>KABUL, Sept 7 (CWS) - The Taliban named an interim government on Tuesday, with "
            "Mohammad Hasan Akhund as acting prime minister and Sirajuddin Haqqani as acting "
            "interior minister.</p>",
            "<p>At a news conference in Kabul, a Taliban spokesman said Amrullah Saleh had fled to "
            "Tajikistan and that Ahmad Massoud was also believed to be outside the country.</p>",
            "<p>An aide to Saleh rejected the claim, saying Amrullah Saleh was still in Afghanistan "
            "and in contact with resistance commanders. A spokesman for the National Resistance "
            "Front said Ahmad Massoud was safe and inside the country, without giving his "
            "location.</p>",
            "<p>Hundreds of people, many of them women, marched in Kabul on Tuesday against the new "
            "authorities and against what they called Pakistani interference, and Taliban fighters "
            "fired into the air to disperse them.</p>",
        ),
        guid="cws-2021-09-07-1302",
        author="CWS staff",
        categories=("Afghanistan", "Politics"),
    ),
    Item(
        7,
        "meridian-world",
        "Afghan currency slides as foreign reserves stay frozen",
        f"{MW}/business/afghan-currency-slides-58478120",
        "2021-09-07 08:20",
        (
            "<p>Afghanistan&#8217;s currency has fallen to record lows against the dollar, money "
            "changers in Kabul said, as the Taliban struggle to get access to about $9bn in central "
            "bank reserves held abroad.</p>",
            "<p>Banks have limited withdrawals to $200 a week, and queues outside branches in the "
            "capital stretch for hundreds of metres.</p>",
        ),
        guid="meridian-world-58478120",
        summary="Banks limit withdrawals as the afghani falls.",
        categories=("Business", "Asia"),
    ),
    Item(
        7,
        "hindukush-review",
        "After Bazarak: Panjshir's resistance takes to the mountains",
        f"{HK}/2021/09/after-bazarak",
        "2021-09-08 09:00",
        (
            "<p>The Taliban&#8217;s flag now flies over the governor&#8217;s compound in Bazarak, but "
            "the war for the Panjshir valley has changed shape rather than ended.</p>",
            "<p>The resistance forces that remain are now thought to number in the hundreds, not "
            "the thousands, according to a former official in contact with commanders in the side "
            "valleys. The front says its strength is intact but has given no new figure.</p>",
            "<p>Ahmad Massoud&#8217;s whereabouts are unknown; the Taliban say he has fled abroad, "
            "which his spokesmen deny. Amrullah Saleh, the self-declared caretaker president, has "
            "not been seen since his video of 3 September.</p>",
            "<p>Thursday marks 20 years since Ahmad Shah Massoud was killed by two al-Qaeda "
            "operatives posing as a television crew. His son had hoped to mark the anniversary in a "
            "free Panjshir.</p>",
        ),
        guid="tag:hindukushreview.example,2021-09-08:/after-bazarak",
        author="Nadia Rahimi",
        summary="The valley has fallen; the war in its side valleys may not be over.",
        categories=("Afghanistan", "Analysis"),
    ),
    Item(  # "resistance fighters" in another country: no Afghanistan, Taliban or Kabul
        7,
        "globe-dispatch",
        "Myanmar shadow government declares 'defensive war' on junta",
        f"{GD}/world/asia/myanmar-defensive-war",
        "2021-09-07 11:15",
        (
            "<p>Myanmar&#8217;s shadow National Unity Government called on Tuesday for a nationwide "
            "uprising against the military, urging resistance fighters known as People&#8217;s "
            "Defence Forces to target the junta&#8217;s assets.</p>",
            "<p>More than 1,000 people have been killed by the security forces since the coup on "
            "1 February, according to a local monitoring group.</p>",
        ),
        guid="gd-20210907-0490",
        categories=("World", "Asia"),
    ),
    Item(
        7,
        "globe-dispatch",
        "El Salvador makes bitcoin legal tender",
        f"{GD}/business/el-salvador-bitcoin",
        "2021-09-07 21:00",
        (
            "<p>El Salvador on Tuesday became the first country to make bitcoin legal tender, but "
            "a glitch in the government&#8217;s digital wallet and a sharp fall in the "
            "cryptocurrency&#8217;s price marred the launch.</p>",
        ),
        guid="gd-20210907-0503",
        categories=("Business",),
    ),
)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def _plain(paragraph: str) -> str:
    """A first paragraph as plain text for a teaser (tags dropped, entities kept as written)."""
    out, inside = [], False
    for ch in paragraph:
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
        elif not inside:
            out.append(ch)
    return unescape("".join(out))


def _cdata(html: str) -> str:
    assert "]]>" not in html
    return f"<![CDATA[{html}]]>"


def _rss_date(dt: datetime, outlet: Outlet) -> str:
    local = dt.astimezone(outlet.tz)
    return format_datetime(local, usegmt=outlet.tz is UTC and outlet.stem != "globe-dispatch")


def _rss_item(item: Item, outlet: Outlet) -> str:
    body = "\n".join(item.body)
    lines = ["    <item>", f"      <title>{escape(item.title)}</title>"]
    lines.append(f"      <link>{escape(item.link)}</link>")
    if item.guid is not None:
        perma = "true" if item.permalink_guid else "false"
        lines.append(f'      <guid isPermaLink="{perma}">{escape(item.guid)}</guid>')
    lines.append(f"      <pubDate>{_rss_date(item.when, outlet)}</pubDate>")
    if item.author:
        lines.append(f"      <dc:creator>{escape(item.author)}</dc:creator>")
    lines.extend(f"      <category>{escape(c)}</category>" for c in item.categories)
    if outlet.html_in == "text":
        teaser = item.summary or _plain(item.body[0])
        lines.append(f"      <description>{escape(teaser)}</description>")
    elif outlet.content_encoded:
        lines.append(f"      <description>{_cdata(item.body[0])}</description>")
    elif outlet.html_in == "cdata":
        lines.append(f"      <description>{_cdata(body)}</description>")
    else:
        lines.append(f"      <description>{escape(body)}</description>")
    if outlet.content_encoded:
        lines.append(f"      <content:encoded>{_cdata(body)}</content:encoded>")
    lines.append("    </item>")
    return "\n".join(lines)


def _rss(outlet: Outlet, items: list[Item], built: datetime) -> str:
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "  <channel>",
        f"    <title>{escape(outlet.title)}</title>",
        f"    <link>{escape(outlet.site)}</link>",
        f"    <description>{escape(outlet.description)}</description>",
        "    <language>en</language>",
        f'    <atom:link href="{escape(outlet.site)}feed.xml" rel="self"'
        ' type="application/rss+xml"/>',
        f"    <lastBuildDate>{_rss_date(built, outlet)}</lastBuildDate>",
    ]
    if outlet.ttl:
        head.append(f"    <ttl>{outlet.ttl}</ttl>")
    body = [_rss_item(i, outlet) for i in items]
    return "\n".join([*head, *body, "  </channel>", "</rss>", ""])


def _atom(outlet: Outlet, items: list[Item], built: datetime) -> str:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"  <title>{escape(outlet.title)}</title>",
        f"  <subtitle>{escape(outlet.description)}</subtitle>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(outlet.site)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(outlet.site + "feed.atom")}/>',
        f"  <id>{escape(outlet.site)}</id>",
        f"  <updated>{built.isoformat().replace('+00:00', 'Z')}</updated>",
    ]
    for item in items:
        stamp = item.when.isoformat().replace("+00:00", "Z")
        teaser = item.summary or _plain(item.body[0])
        out += [
            "  <entry>",
            f'    <title type="text">{escape(item.title)}</title>',
            f'    <link rel="alternate" type="text/html" href={quoteattr(item.link)}/>',
            f"    <id>{escape(item.guid or item.link)}</id>",
            f"    <published>{stamp}</published>",
            f"    <updated>{stamp}</updated>",
            f"    <author><name>{escape(item.author or outlet.title)}</name></author>",
            *(f'    <category term="{escape(c)}"/>' for c in item.categories),
            f'    <summary type="text">{escape(teaser)}</summary>',
            f'    <content type="html">{escape(chr(10).join(item.body))}</content>',
            "  </entry>",
        ]
    out += ["</feed>", ""]
    return "\n".join(out)


def main() -> None:
    if TIMELINE.exists():
        shutil.rmtree(TIMELINE)
    for step in range(1, STEPS + 1):
        folder = TIMELINE / f"{step:02d}"
        folder.mkdir(parents=True)
        for stem, outlet in OUTLETS.items():
            if not any(i.step == step and i.outlet == stem for i in ITEMS):
                continue  # nothing new: the demo server keeps serving the previous snapshot (304)
            items = sorted(
                (i for i in ITEMS if i.outlet == stem and i.step <= step),
                key=lambda i: i.when,
                reverse=True,
            )
            built = items[0].when + timedelta(minutes=2)
            render = _atom if outlet.kind == "atom" else _rss
            (folder / f"{stem}.xml").write_text(render(outlet, items, built), encoding="utf-8")


if __name__ == "__main__":
    main()
