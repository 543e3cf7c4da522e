"""A long outage of both channels (an SMTP server refusing every message, a webhook answering
503) with alerts piling up, then recovery: every alert arrives exactly once per channel, and a
down channel cost one attempt per backoff step, not one per queued alert."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

import pytest
from delivery_support import Clock, alert, mail_url, make_config, open_store, outbox, queue
from smtp_server import SmtpScript, smtp_server
from webhook_server import Reply, webhook_server

from monitor.store.outbox import idempotency_key

pytestmark = pytest.mark.filterwarnings(
    "ignore:'imghdr' is deprecated and slated for removal:DeprecationWarning"
)
ALERTS = 20
ROUNDS_DOWN = 25


def test_every_alert_arrives_exactly_once_after_a_long_outage(tmp_path: Path) -> None:
    script = SmtpScript(data_replies=["421 4.3.2 Service shutting down"] * 1000)
    with smtp_server(script=script) as (host, port, messages), webhook_server() as hook:
        hook.replies += [Reply(503)] * 1000
        config = make_config(
            tmp_path,
            {"email": mail_url(host, port), "hook": hook.url("in")},
            max_attempts=100,
            backoff_base_seconds=1,
            backoff_cap_seconds=60,
        )
        store, clock = open_store(config), Clock()
        queue(store, ALERTS // 2, ["email", "hook"])
        box = outbox(config, store, clock)
        tried = 0
        for n in range(ROUNDS_DOWN):
            if n == ROUNDS_DOWN // 2:  # more alerts arrive during the outage
                with store.session() as session:
                    for i in range(ALERTS // 2, ALERTS):
                        store.add_alert(session, alert(i, ["email", "hook"]), clock.now, queue=True)
            attempts = asyncio.run(box.deliver_due(clock.now))
            assert {a.outcome for a in attempts} == {"retry"}
            tried += len(attempts)
            clock.advance(60)
        assert tried == 2 * ROUNDS_DOWN  # one attempt per channel per round
        assert messages == [] and len(hook.accepted()) == 0

        script.data_replies.clear()
        hook.replies.clear()
        sent = asyncio.run(box.deliver_due(clock.now))

    assert Counter(a.outcome for a in sent) == {"sent": 2 * ALERTS}
    expected = {idempotency_key(f"test-alert-{i}", "email") for i in range(ALERTS)}
    message_ids = Counter(str(m["Message-ID"]).strip("<>").split("@")[0] for m in messages)
    assert set(message_ids) == expected and set(message_ids.values()) == {1}
    hook_keys = Counter(r.headers["Idempotency-Key"] for r in hook.accepted())
    assert set(hook_keys) == {idempotency_key(f"test-alert-{i}", "hook") for i in range(ALERTS)}
    assert set(hook_keys.values()) == {1}
    assert store.delivery_counts() == {"sent": 2 * ALERTS}
