"""The outbox against a real SMTP server on 127.0.0.1 that misbehaves: refusing connections,
hanging before its greeting, answering 4xx then accepting, answering 5xx until the attempts
are used up. Time is a clock the test moves; nothing here waits for a backoff to pass."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from delivery_support import Clock, mail_url, make_config, open_store, outbox, queue
from helpers import storage_toml
from smtp_server import SmtpScript, closed_port, silent_server, smtp_server

from monitor.cli import main

pytestmark = pytest.mark.filterwarnings(
    "ignore:'imghdr' is deprecated and slated for removal:DeprecationWarning"
)


def test_refused_connection_is_retried_later_and_keeps_the_alert(tmp_path: Path) -> None:
    config = make_config(tmp_path, {"email": mail_url("127.0.0.1", closed_port())})
    store, clock = open_store(config), Clock()
    [alert_id] = queue(store, 1, ["email"])

    [attempt] = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))

    assert (attempt.outcome, attempt.alert_id) == ("retry", alert_id)
    assert attempt.error is not None and "Connection error" in attempt.error
    assert attempt.retry_at is not None and attempt.retry_at > clock.now
    [row] = store.alert(alert_id).deliveries  # type: ignore[union-attr]
    assert (row.status, row.attempts, row.next_attempt_at) == ("pending", 1, attempt.retry_at)
    assert asyncio.run(outbox(config, store, clock).deliver_due(clock.now)) == []  # not due yet


def test_a_hanging_server_is_cut_off_by_the_timeout(tmp_path: Path) -> None:
    with silent_server() as (host, port):
        config = make_config(tmp_path, {"email": mail_url(host, port)}, timeout_seconds=0.5)
        store, clock = open_store(config), Clock()
        queue(store, 1, ["email"])
        [attempt] = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    assert attempt.outcome == "retry"
    assert attempt.error is not None and attempt.error.startswith("delivery failed")


def test_4xx_is_retried_and_the_next_attempt_succeeds(tmp_path: Path) -> None:
    script = SmtpScript(data_replies=["451 4.3.0 Try again later"])
    with smtp_server(script=script) as (host, port, messages):
        config = make_config(tmp_path, {"email": mail_url(host, port)})
        store, clock = open_store(config), Clock()
        [alert_id] = queue(store, 1, ["email"])
        box = outbox(config, store, clock)
        [first] = asyncio.run(box.deliver_due(clock.now))
        assert first.outcome == "retry" and first.retry_at is not None
        clock.now = first.retry_at
        [second] = asyncio.run(box.deliver_due(clock.now))
    assert (script.refused, second.outcome, len(messages)) == (1, "sent", 1)
    [row] = store.alert(alert_id).deliveries  # type: ignore[union-attr]
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, None)


def test_5xx_until_failed_then_alerts_retry_sends_it(tmp_path: Path) -> None:
    script = SmtpScript(data_replies=["554 5.7.1 Rejected"] * 3)
    with smtp_server(script=script) as (host, port, messages):
        config = make_config(tmp_path, {"email": mail_url(host, port)}, max_attempts=3)
        config_file = _write(tmp_path, host, port)
        store, clock = open_store(config), Clock()
        [alert_id] = queue(store, 1, ["email"])
        box = outbox(config, store, clock)
        outcomes = []
        for _ in range(3):
            [attempt] = asyncio.run(box.deliver_due(clock.now))
            outcomes.append(attempt.outcome)
            clock.now = attempt.retry_at or clock.now
        assert outcomes == ["retry", "retry", "failed"]

        failed = _cli(config_file, "alerts", "--status", "failed")
        assert f"#{alert_id} " in failed.output
        assert "email: failed after 3 attempt(s) [d" in failed.output
        assert "deliveries: 1 failed" in failed.output
        assert _cli(config_file, "alerts", "--status", "pending").output.count("#") == 0
        [listed] = [
            json.loads(x) for x in _cli(config_file, "alerts", "--json").output.split("\n") if x
        ]
        assert listed["status"] == "failed"
        assert asyncio.run(box.deliver_due(clock.now)) == []  # failed rows stay put

        retried = _cli(config_file, "alerts", "retry", str(alert_id))
        assert retried.exit_code == 0, retried.output
        assert f"re-queued alert #{alert_id} -> email" in retried.output
        [again] = asyncio.run(box.deliver_due(clock.advance(1)))
        assert again.outcome == "sent"
    assert len(messages) == 1 and script.refused == 3
    after = _cli(config_file, "alerts").output
    assert "email: sent after 1 attempt(s)" in after and "deliveries: 1 sent" in after


def test_alerts_retry_by_delivery_or_channel_and_bad_targets(tmp_path: Path) -> None:
    port = closed_port()
    config = make_config(
        tmp_path,
        {"email": mail_url("127.0.0.1", port), "ops": mail_url("127.0.0.1", port)},
        max_attempts=1,
    )
    config_file = _write(tmp_path, "127.0.0.1", port, extra_channel="ops")
    store, clock = open_store(config), Clock()
    [alert_id] = queue(store, 1, ["email", "ops"])
    attempts = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    assert sorted(a.outcome for a in attempts) == ["failed", "failed"]
    ids = {d.channel: d.id for d in store.alert(alert_id).deliveries}  # type: ignore[union-attr]

    by_channel = _cli(config_file, "alerts", "retry", f"#{alert_id}", "--channel", "ops")
    assert by_channel.output.strip() == f"re-queued alert #{alert_id} -> ops [d{ids['ops']}]"
    by_delivery = _cli(config_file, "alerts", "retry", f"d{ids['email']}")
    assert by_delivery.output.strip() == f"re-queued alert #{alert_id} -> email [d{ids['email']}]"
    nothing = _cli(config_file, "alerts", "retry", str(alert_id))
    assert nothing.exit_code == 1
    assert f"monitor: alert #{alert_id} has no failed delivery" in nothing.output
    garbage = _cli(config_file, "alerts", "retry", "x7")
    assert garbage.exit_code == 2 and "neither an alert id" in garbage.output
    states = Counter(d.status for d in store.alert(alert_id).deliveries)  # type: ignore[union-attr]
    assert states == {"pending": 2}


def _write(tmp: Path, host: str, port: int, extra_channel: str | None = None) -> Path:
    """The same configuration as a file, for the CLI."""
    names = ["email"] + ([extra_channel] if extra_channel else [])
    channels = "".join(
        f'[[channels]]\nname = "{n}"\nurl = "{mail_url(host, port)}"\n' for n in names
    )
    path = tmp / "monitor.toml"
    path.write_text(f"[storage]\n{storage_toml(tmp)}{channels}", encoding="utf-8")
    return path


def _cli(config: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--config", str(config), *args], catch_exceptions=False)
