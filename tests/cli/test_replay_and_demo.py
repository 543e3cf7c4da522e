"""`monitor demo` polls the seeds timeline over HTTP; `monitor replay` reads the same files from
disk. Both go through the same pipeline, so they must raise the same alerts in the same order."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import storage_toml

from monitor.cli import main

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "seeds" / "panjshir"


def alert_blocks(output: str) -> list[str]:
    """The alerts as printed: each starts with a line `ALERT [...]` and ends at a blank line."""
    blocks = re.findall(r"^ALERT \[.*?(?=^\s*$|^===|\Z)", output, flags=re.M | re.S)
    return [b.strip() for b in blocks]


@pytest.fixture(scope="module")
def demo_output() -> str:
    result = CliRunner().invoke(
        main, ["demo", "--pause", "0", "--seeds", str(STORY)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_tells_the_story_step_by_step(demo_output: str) -> None:
    assert demo_output.count("=== Step ") == len(list((STORY / "timeline").iterdir()))
    assert "not modified (304)" in demo_output
    titles = [b.splitlines()[0] for b in alert_blocks(demo_output)]
    assert any(t.startswith("ALERT [new_article] panjshir: New story:") for t in titles)
    changed = [t for t in titles if t.startswith("ALERT [changed]")]
    assert any("Force size changed: National Resistance Front" in t for t in changed), changed
    assert any("Leadership: Amrullah Saleh declared caretaker president" in t for t in titles)


def test_syndicated_copies_do_not_alert_again(demo_output: str) -> None:
    titles = [b.splitlines()[0] for b in alert_blocks(demo_output)]
    assert len(titles) == len(set(titles)), "an alert was raised twice"


def test_noise_in_the_story_does_not_become_facts(demo_output: str) -> None:
    facts = demo_output.split("facts known at the end of the story:")[1]
    assert "Soviet" not in facts
    assert "150" not in facts
    # Told as history ("killed by al-Qaeda in 2001", "20 years since ... was killed"): no fact.
    assert "Ahmad Shah Massoud" not in facts, facts
    alerts = "\n".join(b.splitlines()[0] for b in alert_blocks(demo_output))
    assert "Ahmad Shah Massoud" not in alerts
    assert "Barham" not in alerts


def test_each_of_the_three_keywords_finds_its_story(demo_output: str) -> None:
    """Panjshir, Northern Alliance and Saleh: the last two on their own (frontier-daily in step
    04, globe-dispatch in step 06); a figure given for the Northern Alliance stays its own."""
    titles = [b.splitlines()[0] for b in alert_blocks(demo_output)]
    new_story = "ALERT [new_article] panjshir: New story: "
    assert new_story + "Panjshir: The valley that never fell to the Taliban" in titles
    assert new_story + "Northern Alliance veterans take up arms again in Baghlan" in titles
    assert (
        new_story + "Saleh rejects Taliban ultimatum, says he will not leave Afghanistan" in titles
    )
    assert "ALERT [new_fact] panjshir: Force size: Northern Alliance ~1,500 fighters" in titles
    northern = [t for t in titles if "Northern Alliance" in t and "Force size" in t]
    assert len(northern) == 1, northern  # the 15,000-20,000 of 2001 is history, no fact
    assert not any("National Resistance Front ~1,500" in t for t in titles)
    facts = demo_output.split("facts known at the end of the story:")[1]
    assert "Northern Alliance: about 1,500 fighters" in facts


def test_replay_prints_the_same_alerts_as_polling(demo_output: str, tmp_path: Path) -> None:
    config = tmp_path / "monitor.toml"
    config.write_text(
        f"[storage]\n{storage_toml(tmp_path)}\n"
        + (STORY / "watchlist.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )

    result = CliRunner().invoke(
        main, ["--config", str(config), "replay", str(STORY / "timeline")], catch_exceptions=False
    )

    assert result.exit_code == 0, result.output
    replayed = alert_blocks(result.output)
    assert replayed, result.output
    assert replayed == alert_blocks(demo_output)


def test_replaying_the_same_files_again_raises_nothing(tmp_path: Path) -> None:
    config = tmp_path / "monitor.toml"
    config.write_text(
        f"[storage]\n{storage_toml(tmp_path)}\n"
        + (STORY / "watchlist.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    args = ["--config", str(config), "replay", str(STORY / "timeline")]
    CliRunner().invoke(main, args, catch_exceptions=False)
    again = CliRunner().invoke(main, args, catch_exceptions=False)
    assert alert_blocks(again.output) == []
    assert "0 alerts" in again.output


def test_replayed_timeline_folds_copies_into_stories(tmp_path: Path) -> None:
    config = tmp_path / "monitor.toml"
    config.write_text(
        f"[storage]\n{storage_toml(tmp_path)}\n"
        + (STORY / "watchlist.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    runner = CliRunner()
    replay = runner.invoke(main, ["--config", str(config), "replay", str(STORY / "timeline")])
    stories = runner.invoke(main, ["--config", str(config), "stories", "--json"])

    found = [json.loads(line) for line in stories.output.splitlines()]
    assert len(found) == 16, [s["title"] for s in found]
    assert sum(s["articles"] for s in found) == 21
    capture = next(s for s in found if s["title"].startswith("Taliban say they have captured"))
    assert len(capture["outlets"]) == 3
    new_story_alerts = alert_blocks(replay.output)
    assert sum("[new_article]" in b.splitlines()[0] for b in new_story_alerts) == 16


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("replayed")
    config = tmp / "monitor.toml"
    config.write_text(
        f"[storage]\n{storage_toml(tmp)}\n"
        + (STORY / "watchlist.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    args = ["--config", str(config), "replay", "--facts-json", str(STORY / "timeline")]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    (tmp / "facts.jsonl").write_text(result.output, encoding="utf-8")
    return config


def test_replay_facts_json_prints_every_observation_in_the_contract_shape(replayed: Path) -> None:
    lines = (replayed.parent / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    facts = [json.loads(line) for line in lines if line.startswith("{")]
    assert facts and not any(line.startswith("ALERT") for line in lines)
    assert {f["kind"] for f in facts} >= {"force_size", "leadership"}
    assert all({"claimed_by", "hedged", "quote", "article_url", "outlet"} <= set(f) for f in facts)


def test_facts_count_independent_sources_and_history_tells_the_timeline(replayed: Path) -> None:
    runner = CliRunner()
    current = runner.invoke(main, ["--config", str(replayed), "facts"]).output
    history = runner.invoke(main, ["--config", str(replayed), "facts", "history", "NRF"]).output

    assert "independent sources" in current
    nrf = [line.split()[2] for line in history.splitlines() if line[:4] == "2021"]
    assert nrf[0] == "new" and "changed" in nrf, history
    assert "National Resistance Front: at most 2,500 fighters" in history
    unknown = runner.invoke(main, ["--config", str(replayed), "facts", "history", "Nobody"])
    assert unknown.exit_code == 1 and "no entity named 'Nobody'" in unknown.output


def test_the_readme_example_alert_is_the_demos_own_output(demo_output: str) -> None:
    """The alert the README opens with is printed, line for line, by `monitor demo`."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = readme.split("```\n", 1)[1].split("```", 1)[0].strip()
    assert example.startswith("ALERT [changed] panjshir: Force size changed:"), example
    assert example in demo_output
