"""The outbox against a real webhook receiver on 127.0.0.1 (apprise's json://): Retry-After
honoured, the other channel of the same alert delivered meanwhile, the idempotency key in a
header, errors that cannot heal failed at once, and no secret anywhere at DEBUG."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

import pytest
from delivery_support import Clock, mail_url, make_config, open_store, outbox, queue
from smtp_server import closed_port, silent_server, smtp_server
from webhook_server import Reply, webhook_server

pytestmark = pytest.mark.filterwarnings(
    "ignore:'imghdr' is deprecated and slated for removal:DeprecationWarning"
)


def test_429_retry_after_is_honoured_while_email_goes_out(tmp_path: Path) -> None:
    with webhook_server() as hook, smtp_server() as (host, port, messages):
        hook.replies.append(Reply(429, {"Retry-After": "120"}))
        channels = {"hook": hook.url("alerts"), "email": mail_url(host, port)}
        config = make_config(tmp_path, channels, backoff_base_seconds=1)
        store, clock = open_store(config), Clock()
        [alert_id] = queue(store, 1, ["hook", "email"])
        box = outbox(config, store, clock)

        first = {a.channel: a for a in asyncio.run(box.deliver_due(clock.now))}
        assert first["email"].outcome == "sent" and len(messages) == 1
        assert first["hook"].outcome == "retry"
        assert first["hook"].retry_at == clock.now + timedelta(seconds=120)

        clock.advance(119)
        assert asyncio.run(box.deliver_due(clock.now)) == []
        clock.advance(1)
        [second] = asyncio.run(box.deliver_due(clock.now))
    assert (second.channel, second.outcome) == ("hook", "sent")
    assert [r.status for r in hook.received] == [429, 200]
    keys = {r.headers["Idempotency-Key"] for r in hook.received}
    assert len(keys) == 1 and len(keys.pop()) == 40
    assert len(messages) == 1  # the email was not sent again
    states = {d.channel: (d.status, d.attempts) for d in store.alert(alert_id).deliveries}  # type: ignore[union-attr]
    assert states == {"email": ("sent", 1), "hook": ("sent", 2)}


def test_503_with_an_http_date_waits_until_that_date(tmp_path: Path) -> None:
    clock = Clock()
    when = clock.now + timedelta(minutes=30)
    with webhook_server() as hook:
        hook.replies.append(Reply(503, {"Retry-After": when.strftime("%a, %d %b %Y %H:%M:%S GMT")}))
        config = make_config(tmp_path, {"hook": hook.url("a")}, backoff_base_seconds=1)
        store = open_store(config)
        queue(store, 1, ["hook"])
        [attempt] = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    assert (attempt.outcome, attempt.retry_at) == ("retry", when)


def test_a_4xx_that_cannot_heal_fails_at_once(tmp_path: Path) -> None:
    with webhook_server() as hook:
        hook.replies.append(Reply(404))
        config = make_config(tmp_path, {"hook": hook.url("gone")}, max_attempts=5)
        store, clock = open_store(config), Clock()
        [alert_id] = queue(store, 1, ["hook"])
        [attempt] = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    assert attempt.outcome == "failed"
    assert attempt.error is not None and "404" in attempt.error
    [row] = store.alert(alert_id).deliveries  # type: ignore[union-attr]
    assert (row.status, row.attempts) == ("failed", 1)


def test_a_channel_removed_from_the_config_fails_its_rows_clearly(tmp_path: Path) -> None:
    config = make_config(tmp_path, {})
    store, clock = open_store(config), Clock()
    queue(store, 1, ["pager"])
    [attempt] = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    assert (attempt.outcome, attempt.error) == ("failed", "channel 'pager' is no longer configured")


TOKEN = "Xq7tokenZZ81secret"
PASSWORD = "hunter2-S3cret"


def test_no_secret_in_logs_errors_or_the_database_at_debug(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with webhook_server() as hook:
        hook.replies += [Reply(500), Reply(500)]
        hook_url = f"json://bot:{PASSWORD}@{hook.base}/hooks/{TOKEN}?-token={TOKEN}"
        mail = f"mailto://monitor:{PASSWORD}@127.0.0.1:{closed_port()}?from=a@example.org&to=b@example.org"
        config = make_config(tmp_path, {"hook": hook_url, "email": mail}, backoff_base_seconds=1)
        store, clock = open_store(config), Clock()
        [alert_id] = queue(store, 1, ["hook", "email"])
        attempts = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    assert {a.outcome for a in attempts} == {"retry"}
    assert hook.received and hook.received[0].path == f"/hooks/{TOKEN}?token={TOKEN}"
    debug = [r for r in caplog.records if r.levelno == logging.DEBUG]
    assert any(r.name.startswith("urllib3") for r in debug)  # the request line was logged...
    text = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert TOKEN not in text and PASSWORD not in text  # ...without the token
    errors = [d.last_error or "" for d in store.alert(alert_id).deliveries]  # type: ignore[union-attr]
    assert all(errors) and not any(TOKEN in e or PASSWORD in e for e in errors)


def test_a_hanging_channel_does_not_hold_up_the_others(tmp_path: Path) -> None:
    with silent_server() as (host, port), webhook_server() as hook:
        channels = {"email": mail_url(host, port), "hook": hook.url("in")}
        config = make_config(tmp_path, channels, timeout_seconds=1, concurrency=2)
        store, clock = open_store(config), Clock()
        queue(store, 2, ["email", "hook"])
        attempts = asyncio.run(outbox(config, store, clock).deliver_due(clock.now))
    # In the order they finished: the webhook's two sends while the SMTP server hung.
    assert [(a.channel, a.outcome) for a in attempts] == [
        ("hook", "sent"),
        ("hook", "sent"),
        ("email", "retry"),
    ]
    assert len(hook.accepted()) == 2
