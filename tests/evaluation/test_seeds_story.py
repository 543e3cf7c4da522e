"""seeds/panjshir/README.md, "What a user should see", checked against a replay of the timeline
step by step: the fact alerts each step raises (and no others), the facts it corroborates, and
the phrases that must not become facts. The README is the test's data, so the two cannot drift.
Every step is held to it: none is marked as a known gap."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import storage_toml, store_url

from monitor.alert.compose import headline
from monitor.cli import main
from monitor.store import Store
from monitor.store.facts import FactRecord

STORY = Path(__file__).resolve().parents[2] / "seeds" / "panjshir"
STEPS = sorted(p.name for p in (STORY / "timeline").iterdir() if p.is_dir())
_KINDS = {"New fact": "new_fact", "New facts": "new_fact", "Changed": "changed"}
_KINDS["Contested"] = "contested"


@dataclass
class Expected:
    alerts: list[str] = field(default_factory=list)  # "ALERT [kind] panjshir: title"
    corroborated: list[str] = field(default_factory=list)  # headlines of facts read again
    also_read: list[str] = field(default_factory=list)  # headlines of facts kept as history
    not_facts: list[str] = field(default_factory=list)  # phrases that must not become facts


def expected_steps() -> dict[str, Expected]:
    """The README's "What a user should see", step by step: bullets joined to one line each,
    their label (before the first colon) saying what the backticked strings in them are."""
    readme = (STORY / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What a user should see", 1)[1]
    steps: dict[str, Expected] = {}
    for block in re.split(r"^\*\*(?=\d\d - )", section, flags=re.M)[1:]:
        step = steps.setdefault(block[:2], Expected())
        for bullet in re.split(r"^- ", block, flags=re.M)[1:]:
            label, _, text = " ".join(bullet.split()).partition(":")
            quoted = re.findall(r"`([^`]+)`", text)
            if label in _KINDS:
                step.alerts += [f"ALERT [{_KINDS[label]}] panjshir: {q}" for q in quoted]
            elif label == "Corroborated":
                step.corroborated += quoted
            elif label == "Also read":
                step.also_read += quoted
            elif label == "Not facts":
                step.not_facts += quoted
    return steps


EXPECTED = expected_steps()


@dataclass
class Seen:
    alerts: list[str]
    facts: list[FactRecord]
    text: str  # the step's feed files, unescaped


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Seen]:
    tmp = tmp_path_factory.mktemp("seeds-story")
    config = tmp / "monitor.toml"
    watchlist = (STORY / "watchlist.toml").read_text(encoding="utf-8")
    config.write_text(f"[storage]\n{storage_toml(tmp)}\n{watchlist}", encoding="utf-8")
    seen: dict[str, Seen] = {}
    read = 0
    for step in STEPS:
        folder = STORY / "timeline" / step
        args = ["--config", str(config), "replay", str(folder)]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        alerts = [
            line
            for line in result.output.splitlines()
            if line.startswith("ALERT [") and not line.startswith("ALERT [new_article]")
        ]
        store = Store.open(store_url(tmp))
        facts = store.facts()
        store.close()
        texts = (html.unescape(html.unescape(f.read_text("utf-8"))) for f in folder.iterdir())
        seen[step] = Seen(alerts, facts[read:], "\n".join(texts).replace("\u2019", "'"))
        read = len(facts)
    return seen


def test_the_readme_describes_every_step() -> None:
    assert sorted(EXPECTED) == STEPS
    assert sum(len(e.alerts) for e in EXPECTED.values()) >= 15


@pytest.mark.parametrize("step", STEPS)
def test_each_step_raises_the_alerts_the_readme_lists(step: str, replayed: dict[str, Seen]) -> None:
    missing = [a for a in EXPECTED[step].alerts if a not in replayed[step].alerts]
    assert not missing, "\n".join(["not raised:", *missing, "raised:", *replayed[step].alerts])


@pytest.mark.parametrize("step", STEPS)
def test_each_step_raises_no_other_fact_alert(step: str, replayed: dict[str, Seen]) -> None:
    others = [a for a in replayed[step].alerts if a not in EXPECTED[step].alerts]
    assert not others, "\n".join(["raised, not in the README:", *others])
    assert len(replayed[step].alerts) == len(set(replayed[step].alerts))


@pytest.mark.parametrize("step", STEPS)
def test_each_step_reads_again_what_the_readme_says(step: str, replayed: dict[str, Seen]) -> None:
    facts = replayed[step].facts
    again = {headline(r.fact.value) for r in facts if r.change == "corroborated"}
    assert set(EXPECTED[step].corroborated) <= again, again
    history = {headline(r.fact.value) for r in facts if r.change in ("corroborated", "superseded")}
    assert set(EXPECTED[step].also_read) <= history, history


@pytest.mark.parametrize("step", STEPS)
def test_no_fact_comes_from_what_the_readme_calls_not_facts(
    step: str, replayed: dict[str, Seen]
) -> None:
    seen = replayed[step]
    listed = EXPECTED[step].alerts + EXPECTED[step].corroborated + EXPECTED[step].also_read
    for phrase in EXPECTED[step].not_facts:
        assert phrase in seen.text, f"{phrase!r} is not in step {step}: the check would not bite"
        read = [headline(r.fact.value) for r in seen.facts if phrase in r.fact.evidence.quote]
        wrong = [h for h in read if not any(h in entry for entry in listed)]
        assert not wrong, f"from {phrase!r}: {wrong}"
