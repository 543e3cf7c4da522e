"""The alert JSON a script reads (`monitor alerts --json`, every webhook payload) carries the
change, the fact kind, the key and both facts in the facts' own JSON shape, beside the rendered
text; `monitor replay --facts-json` says what the diff made of each fact. These shapes are the
data contract of the README: pinned here."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import Item, rss, write_config
from webhook_server import webhook_server

from monitor.cli import main

pytestmark = pytest.mark.filterwarnings(
    "ignore:'imghdr' is deprecated and slated for removal:DeprecationWarning"
)

FIRST = Item(
    "w1",
    "Resistance gathers in Panjshir valley",
    "The National Resistance Front has about 2,500 fighters in the Panjshir valley, its "
    "spokesman said on Friday, as Taliban units moved into Parwan.",
    "https://wire.example.com/2021/08/20/resistance-gathers",
    datetime(2021, 8, 20, 9, 0, tzinfo=UTC),
)
LATER = Item(
    "d2",
    "Panjshir force is larger than thought, says commander",
    "The National Resistance Front now has about 9,000 fighters, a commander in the Panjshir "
    "valley told reporters on Sunday. Taliban officials in Kabul did not comment.",
    "https://daily.example.net/2021/08/22/panjshir-force",
    datetime(2021, 8, 22, 9, 0, tzinfo=UTC),
)
FACT_KEYS = {
    "kind", "claimed_by", "hedged", "quote", "article_url", "outlet", "published", "observed_at",
}  # fmt: skip
FORCE_KEYS = FACT_KEYS | {"subject", "min", "max", "qualifier", "unit"}
ALERT_FACT_KEYS = {"change", "key", "before", "after", "before_text", "after_text"}


def timeline(tmp: Path) -> Path:
    folder = tmp / "timeline"
    for step, outlet, items in ((1, "a-wire", [FIRST]), (2, "b-daily", [LATER])):
        path = folder / f"{step:02d}" / f"{outlet}.xml"
        path.parent.mkdir(parents=True)
        path.write_text(rss(outlet, items), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def delivered(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], Path]:
    """The story replayed with its alerts sent to a real webhook: the payloads received, and
    the configuration of the database they were stored in."""
    tmp = tmp_path_factory.mktemp("alert-json")
    with webhook_server() as hook:
        config = write_config(tmp, {}, channels={"hook": hook.url("alerts")})
        args = ["--config", str(config), "replay", "--deliver", str(timeline(tmp))]
        result = CliRunner().invoke(main, args, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    payloads = [json.loads(r.body["message"]) for r in hook.accepted()]
    return payloads, config


def test_a_change_alert_carries_both_facts_in_the_fact_shape(
    delivered: tuple[list[dict[str, Any]], Path],
) -> None:
    payloads, _ = delivered
    [changed] = [p for p in payloads if p["kind"] == "changed"]
    assert set(changed) >= ALERT_FACT_KEYS
    assert changed["change"] == "changed" and changed["fact_kind"] == "force_size"
    assert changed["key"] == ["force_size", "National Resistance Front"]
    before, after = changed["before"], changed["after"]
    assert set(before) == set(after) == FORCE_KEYS
    assert (before["min"], before["max"], before["qualifier"]) == (2500, 2500, "approx")
    assert (after["min"], after["max"], after["qualifier"]) == (9000, 9000, "approx")
    assert after["claimed_by"] == "a commander in the Panjshir valley"
    assert after["hedged"] is False
    assert after["quote"].startswith("The National Resistance Front now has about 9,000")
    assert after["article_url"] == LATER.link and before["article_url"] == FIRST.link
    assert after["published"] == "2021-08-22T09:00:00+00:00"
    assert changed["title"].startswith("Force size changed: National Resistance Front ~9,000")
    assert changed["before_text"].startswith("National Resistance Front: about 2,500 fighters")
    assert changed["after_text"].startswith("National Resistance Front: about 9,000 fighters")


def test_a_new_fact_has_no_before_and_other_alerts_no_facts(
    delivered: tuple[list[dict[str, Any]], Path],
) -> None:
    payloads, _ = delivered
    [new] = [p for p in payloads if p["kind"] == "new_fact"]
    assert new["change"] == "new_fact" and new["before"] is None and new["before_text"] is None
    assert new["after"]["min"] == 2500 and new["key"] == ["force_size", "National Resistance Front"]
    stories = [p for p in payloads if p["kind"] == "new_article"]
    assert stories and all(
        (p["change"], p["key"], p["before"], p["after"]) == (None, None, None, None)
        for p in stories
    )


def test_monitor_alerts_json_says_what_the_webhook_said(
    delivered: tuple[list[dict[str, Any]], Path],
) -> None:
    payloads, config = delivered
    result = CliRunner().invoke(main, ["--config", str(config), "alerts", "--json"])
    stored = [json.loads(line) for line in result.output.splitlines()]
    assert len(stored) == len(payloads)
    for sent in payloads:
        [same] = [s for s in stored if s["id"] == sent["id"]]
        assert {k: same[k] for k in ALERT_FACT_KEYS} == {k: sent[k] for k in ALERT_FACT_KEYS}
        assert (same["kind"], same["fact_kind"], same["title"]) == (
            sent["kind"],
            sent["fact_kind"],
            sent["title"],
        )


def test_replay_facts_json_says_what_the_diff_made_of_each_fact(tmp_path: Path) -> None:
    config = write_config(tmp_path, {})
    args = ["--config", str(config), "replay", "--facts-json", str(timeline(tmp_path))]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    facts = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [(f["change"], f["min"]) for f in facts] == [("new", 2500), ("changed", 9000)]
    assert all(set(f) == FORCE_KEYS | {"change"} for f in facts)
