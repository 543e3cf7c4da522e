"""Significance is the user's: set in [alerts.significance], and per watch over it, key by key.
A replayed story alerts one watch and not the other when their thresholds differ."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import Item, rss, write_config

from monitor.cli import main
from monitor.config import ConfigError, parse_config
from monitor.diff import Significance

FIRST = Item(
    "a1",
    "Resistance gathers in Panjshir valley",
    "The National Resistance Front has about 9,000 fighters in the Panjshir valley, its "
    "spokesman said, as Taliban units moved into Parwan.",
    "https://wire.example.com/2021/08/20/resistance-gathers",
    datetime(2021, 8, 20, 9, 0, tzinfo=UTC),
)
LATER = Item(
    "a2",
    "Panjshir resistance grows, commander says",
    "The National Resistance Front has about 10,500 fighters in the Panjshir valley, a "
    "commander told reporters, as the Taliban waited outside.",
    "https://daily.example.net/2021/08/24/resistance-grows",
    datetime(2021, 8, 24, 9, 0, tzinfo=UTC),
)


def test_significance_is_set_in_alerts_and_per_watch_key_by_key() -> None:
    raw = {
        "alerts": {"significance": {"force_size_percent": 25, "leadership": ["fate"]}},
        "watches": [
            {"name": "calm", "terms": ["x"]},
            {"name": "eager", "terms": ["x"], "significance": {"force_size_percent": 5}},
        ],
    }
    config = parse_config(raw, Path("monitor.toml"), {})
    base = config.alerts.significance
    calm, eager = (w.significance.over(base) if w.significance else base for w in config.watches)
    assert calm.rule() == Significance(25.0, 10.0, "holder", frozenset({"fate"}), 3.0)
    assert eager.rule() == Significance(5.0, 10.0, "holder", frozenset({"fate"}), 3.0)


def test_every_mistake_in_significance_is_reported_at_once() -> None:
    raw = {
        "alerts": {
            "significance": {"force_size_percent": 0, "control": "who", "leadership": ["mood"]}
        },
        "watches": [{"name": "w", "terms": ["x"], "significance": {"casualties": 5}}],
    }
    with pytest.raises(ConfigError) as error:
        parse_config(raw, Path("monitor.toml"), {})
    assert sorted(error.value.problems) == [
        "alerts.significance.control: got 'who'; input should be 'holder' or 'status'",
        "alerts.significance.force_size_percent: Input should be greater than 0",
        "alerts.significance.leadership[1]: got 'mood'; input should be 'office', 'fate' or "
        "'place'",
        'watches[1] (name = "w").significance.casualties: unknown key',
    ]


def test_a_watch_with_a_higher_threshold_is_not_alerted_by_a_smaller_move(tmp_path: Path) -> None:
    timeline = tmp_path / "timeline"
    for step, items in ((1, [FIRST]), (2, [LATER, FIRST])):
        path = timeline / f"{step:02d}" / "wire.xml"
        path.parent.mkdir(parents=True)
        path.write_text(rss("Wire", items), encoding="utf-8")
    config = write_config(
        tmp_path,
        {},
        extra='[[watches]]\nname = "calm"\nentities = ["National Resistance Front"]\n'
        'facts = ["force_size"]\nnew_articles = false\n'
        "[watches.significance]\nforce_size_percent = 20\n",
    )

    result = CliRunner().invoke(main, ["--config", str(config), "replay", str(timeline)])

    assert result.exit_code == 0, result.output
    changed = [line for line in result.output.splitlines() if line.startswith("ALERT [changed]")]
    assert changed == [
        "ALERT [changed] panjshir: Force size changed: National Resistance Front ~10,500 "
        "fighters (was ~9,000)"
    ]  # a 17% move: news for the default 10%, not for the watch that asked for 20%
    assert "ALERT [new_fact] calm: Force size: National Resistance Front ~9,000" in result.output


def test_the_docs_example_is_a_valid_configuration() -> None:
    """The example of docs/architecture.md, "What counts as a change"."""
    page = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
    section = page.read_text(encoding="utf-8").split("## What counts as a change", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    raw = tomllib.loads(
        example + '\n[[entities]]\nname = "National Resistance Front"\nkind = "group"\n'
    )
    config = parse_config(raw, Path("monitor.toml"), {})
    [watch] = config.watches
    assert watch.significance is not None
    assert watch.significance.over(config.alerts.significance).rule() == Significance(25.0)
