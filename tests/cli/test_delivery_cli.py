"""`monitor alerts` and the start-up check of channel URLs, through the command line on a real
SQLite file: every delivery state is shown and counted, including the routing stage's."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from delivery_support import START, queue
from helpers import store_url, write_config
from sqlalchemy import update

from monitor.cli import main
from monitor.store import Store
from monitor.store.models import Delivery


def _cli(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)


def test_alerts_shows_and_counts_every_state(tmp_path: Path) -> None:
    config = write_config(tmp_path, {}, channels={"email": "mailto://127.0.0.1:2525?to=a@b.org"})
    store = Store.open(store_url(tmp_path))
    ids = queue(store, 5, ["email"])
    states: list[dict[str, object]] = [
        {"status": "sent"},
        {"status": "digest", "held_reason": "rate limit"},
        {"status": "digested"},
        {"status": "failed", "attempts": 8, "last_error": "delivery failed: refused"},
        {"held_reason": "quiet hours"},  # pending, due later
    ]
    with store.session() as s:
        for alert_id, values in zip(ids, states, strict=True):
            s.execute(update(Delivery).where(Delivery.alert_id == alert_id).values(**values))
    store.close()

    listed = _cli(config, "alerts", "--limit", "10").output
    assert listed.strip().splitlines()[-1] == (
        "deliveries: 1 sent, 1 pending, 1 failed, 1 held for a digest, 1 sent in a digest"
    )
    assert "email: digest after 0 attempt(s) (held: rate limit) [d2]" in listed
    assert f"email: pending after 0 attempt(s), next {START:%Y-%m-%d %H:%M:%S} UTC " in listed
    assert "(held: quiet hours) [d5]" in listed
    assert "email: failed after 8 attempt(s) [d4]: delivery failed: refused" in listed
    assert _cli(config, "alerts", "--status", "digest").output.count("ALERT [") == 1
    overall = [
        json.loads(line)["status"]
        for line in _cli(config, "alerts", "--json").output.split("\n")
        if line
    ]
    assert overall == ["sent", "digest", "sent", "failed", "pending"]


def test_a_channel_url_apprise_cannot_use_stops_run_and_poll(tmp_path: Path) -> None:
    config = write_config(tmp_path, {}, channels={"pager": "nosuchscheme://x/y"})
    for command in (["run"], ["poll", "--once"], ["check-config"]):
        result = _cli(config, *command)
        assert result.exit_code == 2, (command, result.output)
        assert 'channels[1] (name = "pager").url: apprise cannot use this URL' in result.output
