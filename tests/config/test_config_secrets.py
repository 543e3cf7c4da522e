"""Secrets are needed only to send: the shipped configuration replays the seeds story and serves
every read-only command with no channel secret in the environment, and a send to a channel
whose secret is missing fails naming the variable (to a real SMTP server, which gets nothing).
$MONITOR_DATA_DIR places the data when no storage URL is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from feed_server import FeedServer
from helpers import Item, rss, write_config

from monitor.cli import main

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "config" / "monitor.toml"
TIMELINE = REPO / "seeds" / "panjshir" / "timeline"
SHIPPED_SECRETS = ("SMTP_USER", "SMTP_PASSWORD", "SMTP_HOST", "ALERT_EMAIL_TO", "ALERT_EMAIL_FROM")
STORY = Item(
    guid="nrf-1",
    title="Resistance holds the Panjshir valley",
    body="The National Resistance Front said its fighters still hold the Panjshir valley, "
    "north of Kabul, Afghanistan.",
    link="https://wire.example.com/nrf-1",
)


def _cli(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config", str(config), *args])


@pytest.mark.sqlite_only("the shipped configuration keeps its data in a SQLite file")
def test_the_shipped_configuration_replays_and_reads_without_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SHIPPED_SECRETS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MONITOR_DATA_DIR", str(tmp_path / "state"))

    replay = _cli(SHIPPED, "replay", str(TIMELINE))
    assert replay.exit_code == 0, replay.output
    assert "ALERT [changed] panjshir: Force size changed: National Resistance Front" in (
        replay.output
    )
    assert (tmp_path / "state" / "monitor.sqlite3").is_file()

    saved = TIMELINE / "01" / "frontier-daily.xml"
    for command in (
        ["feeds"],
        ["facts"],
        ["facts", "history", "Ahmad Massoud"],
        ["stories"],
        ["alerts"],
        ["status"],
        ["explain", str(saved)],
        ["check-config", "--offline"],
    ):
        result = _cli(SHIPPED, *command)
        assert result.exit_code == 0, (command, result.output)
    facts = _cli(SHIPPED, "facts").output
    assert "National Resistance Front" in facts


def test_a_send_to_a_channel_without_its_secret_fails_naming_the_variable(
    tmp_path: Path,
    smtp: tuple[str, int, list],  # type: ignore[type-arg]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    host, port, received = smtp
    monkeypatch.delenv("ALERT_EMAIL_TO", raising=False)
    url = f"mailto://{host}:{port}?from=monitor@example.org&to=${{ALERT_EMAIL_TO}}"
    config = write_config(tmp_path, {}, channels={"email": url})
    saved = tmp_path / "wire.xml"
    saved.write_text(rss("Wire", [STORY]), encoding="utf-8")

    replayed = _cli(config, "replay", "--deliver", str(saved))
    assert "ALERT [new_article] panjshir" in replayed.output, replayed.output
    assert received == []
    deliveries = [
        d
        for line in _cli(config, "alerts", "--json").output.splitlines()
        for d in json.loads(line)["deliveries"]
    ]
    assert deliveries, "nothing was queued"
    for delivery in deliveries:
        assert delivery["status"] == "pending" and delivery["attempts"] in (0, 1), delivery
    reason = "channel 'email': environment variable ALERT_EMAIL_TO is not set"
    assert deliveries[0]["last_error"] == reason

    test_message = _cli(config, "notify-test", "email", "--kind", "new_article")
    assert test_message.exit_code == 1
    assert f"monitor: {reason}; nothing was sent" in test_message.output
    assert received == []
    monkeypatch.setenv("ALERT_EMAIL_TO", "desk@example.org")
    assert _cli(config, "notify-test", "email", "--kind", "new_article").exit_code == 0
    assert [m["To"] for m in received] == ["desk@example.org"]


def test_poll_runs_with_a_channel_missing_its_secret_and_says_so(
    tmp_path: Path, feeds: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HOOK_TOKEN", raising=False)
    feeds.set("/wire.xml", rss("Wire", [STORY]))
    config = write_config(
        tmp_path,
        {"wire": feeds.url("/wire.xml")},
        channels={"hook": "json://127.0.0.1:9/${HOOK_TOKEN}"},
    )
    result = _cli(config, "poll", "--once")
    assert (
        "monitor: warning: channel 'hook': environment variable HOOK_TOKEN is not set; its"
        " deliveries fail (and are retried) until the environment has them"
    ) in result.output
    assert "ALERT [new_article] panjshir" in result.output
    assert "1 feeds checked, 1 new entries" in result.output
