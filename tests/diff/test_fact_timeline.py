"""A story told over several days by several outlets, replayed from saved feeds: the change
alerts must be exactly these, in this order. Syndicated copies add nothing, a repeated figure
corroborates, a denial contests, a late report of old news is superseded, and an article raises
one alert per fact, on its final word."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner
from helpers import Item, rss, write_config

from monitor.cli import main

D = [datetime(2021, 8, day, 9, 0, tzinfo=UTC) for day in range(20, 31)]

WIRE_1 = Item(
    "w1",
    "Resistance gathers in Panjshir valley",
    "KABUL (Wire) - The National Resistance Front has about 2,500 fighters in the Panjshir "
    "valley, its spokesman said on Friday, as Taliban units moved into neighbouring Parwan. "
    "Elders from the valley said talks with the Taliban had stalled.",
    "https://wire.example.com/2021/08/20/resistance-gathers",
    D[0],
)
COPY_1 = Item(  # the same wire story, retitled, in a partner paper
    "p1",
    "Panjshir resistance says it has 2,500 men",
    WIRE_1.body.replace("KABUL (Wire) - ", "KABUL: "),
    "https://partner.example.org/world/panjshir-resistance-2500",
    D[0],
)
DAILY_2 = Item(
    "d2",
    "Panjshir force is larger than thought, says commander",
    "The National Resistance Front now has about 9,000 fighters, a commander in the Panjshir "
    "valley told reporters on Sunday, far more than earlier estimates. Taliban officials in "
    "Kabul did not comment.",
    "https://daily.example.net/2021/08/22/panjshir-force",
    D[2],
)
WIRE_3 = Item(
    "w3",
    "Estimates of resistance strength firm up",
    "The National Resistance Front has some 9,200 fighters in the Panjshir valley, according to "
    "two people in contact with its leaders, close to the figure its commanders gave on Sunday. "
    "The Taliban have surrounded the Panjshir valley, residents said.",
    "https://wire.example.com/2021/08/24/resistance-strength",
    D[4],
)
LATE_OLD = Item(  # published on the 19th, reaches us only now: old news
    "d0",
    "From the archive: Panjshir holds its breath",
    "The National Resistance Front does not exceed 1,500 fighters, according to a former army "
    "officer in Kabul who spoke before the Taliban advance on the Panjshir valley.",
    "https://daily.example.net/2021/08/19/panjshir-archive",
    datetime(2021, 8, 19, 9, 0, tzinfo=UTC),
)
WIRE_4 = Item(
    "w4",
    "Taliban say Panjshir has fallen; resistance denies it",
    "A Taliban spokesman said on Monday that the fighters had captured the Panjshir valley. "
    "The National Resistance Front rejected the claim, saying its forces still held Panjshir "
    "and that fighting was continuing in Kabul's northern approaches.",
    "https://wire.example.com/2021/08/30/taliban-say-panjshir-has-fallen",
    D[10],
)
COPY_4 = Item(
    "p4",
    "Taliban claim Panjshir, resistance says fight goes on",
    WIRE_4.body,
    "https://partner.example.org/world/taliban-claim-panjshir",
    D[10],
)


def snapshot(folder: Path, step: int, outlet: str, title: str, items: list[Item]) -> None:
    path = folder / f"{step:02d}" / f"{outlet}.xml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(rss(title, items), encoding="utf-8")


def test_the_change_alerts_of_a_replayed_story_are_exactly_these(tmp_path: Path) -> None:
    timeline = tmp_path / "timeline"
    snapshot(timeline, 1, "a-wire", "Example Wire", [WIRE_1])
    snapshot(timeline, 1, "b-partner", "Partner Daily", [COPY_1])
    snapshot(timeline, 2, "c-daily", "The Daily", [DAILY_2])
    snapshot(timeline, 3, "a-wire", "Example Wire", [WIRE_3, WIRE_1])
    snapshot(timeline, 4, "c-daily", "The Daily", [LATE_OLD, DAILY_2])
    snapshot(timeline, 5, "a-wire", "Example Wire", [WIRE_4, WIRE_3, WIRE_1])
    snapshot(timeline, 5, "b-partner", "Partner Daily", [COPY_4, COPY_1])
    config = write_config(tmp_path, {})
    config.write_text(
        config.read_text().replace(
            'facts = ["force_size", "leadership"]',
            'facts = ["force_size", "leadership", "territorial_control", "casualties"]',
        )
    )

    result = CliRunner().invoke(main, ["--config", str(config), "replay", str(timeline)])

    assert result.exit_code == 0, result.output
    changes = [
        line
        for line in result.output.splitlines()
        if line.startswith("ALERT [") and "[new_article]" not in line
    ]
    assert changes == EXPECTED, "\n".join(changes)
    assert result.output.count("[new_article]") == 5, "five stories; the copies join them"

    history = CliRunner().invoke(
        main, ["--config", str(config), "facts", "history", "NRF", "--json"]
    )
    force = [json.loads(line) for line in history.output.splitlines()]
    force = [(f["change"], f["min"], f["outlet"]) for f in force if f["kind"] == "force_size"]
    assert force == [
        ("new", 2500, "Example Wire"),
        ("corroborated", 2500, "Partner Daily"),  # the syndicated copy: no alert
        ("changed", 9000, "The Daily"),
        ("corroborated", 9200, "Example Wire"),  # within 10%: no alert
        ("superseded", None, "The Daily"),  # published before what we knew: history
    ]


EXPECTED = [
    "ALERT [new_fact] panjshir: Force size: National Resistance Front ~2,500 fighters",
    "ALERT [changed] panjshir: Force size changed: National Resistance Front ~9,000 fighters "
    "(was ~2,500)",
    "ALERT [new_fact] panjshir: Control: Panjshir surrounded (Taliban)",
    # one article claims the capture and carries the denial: one alert on its final word
    "ALERT [contested] panjshir: Control contested: Panjshir denies captured (National "
    "Resistance Front) (against claims captured (Taliban))",
]
