"""Kill the daemon with SIGKILL in the middle of sending, as a power cut or the OOM killer
would, then start it again: nothing is lost, and a message the server had accepted before the
kill is sent at most once more, with the same Message-ID.

The daemon is a real process (`monitor poll`) reading a real feed over HTTP and sending to a
real SMTP server. The SMTP server freezes the daemon (SIGSTOP) at the chosen moment, from
inside the SMTP exchange, so the kill lands exactly there:
  - after the server has kept the message, before it answers 250 (accepted, not recorded);
  - at RCPT, before the message is sent (claimed, not sent).
"""

from __future__ import annotations

import time
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

import pytest
from delivery_support import DELIVERY, Freezer, _kill_when_frozen, _monitor
from end_to_end import FIRST
from feed_server import FeedServer
from helpers import rss, store_url, write_config
from smtp_server import SmtpScript, smtp_server
from sqlalchemy import select

from monitor.store import Store
from monitor.store.models import Delivery


def _restart_until_sent(config: Path, store: Store, seconds: float = 60) -> None:
    """Run `monitor poll` again until no delivery is left (a killed claim comes back once its
    lease has run out)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        run = _monitor(config, "poll")
        output, _ = run.communicate(timeout=60)
        assert run.returncode == 0, output
        assert "Traceback" not in output, output
        if set(store.delivery_counts()) == {"sent"}:
            return
        time.sleep(0.2)
    pytest.fail(f"deliveries still not sent: {store.delivery_counts()}")


def _message_ids(messages: list[EmailMessage], store: Store) -> Counter[str]:
    """How often each Message-ID arrived; each must be made from a row's idempotency key."""
    with store.session() as s:
        keys = set(s.scalars(select(Delivery.idempotency_key)))
    ids = Counter(str(m["Message-ID"]) for m in messages)
    assert {i.strip("<>").split("@")[0] for i in ids} <= keys
    return ids


def _setup(tmp_path: Path, feeds: FeedServer, host: str, port: int) -> tuple[Path, Store]:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    mail = f"mailto://{host}:{port}?from=monitor@example.org&to=desk@example.org"
    config = write_config(tmp_path, {"wire": url}, channels={"email": mail}, extra=DELIVERY)
    return config, Store.open(store_url(tmp_path))


def test_killed_after_the_server_accepted_resends_once_with_the_same_id(
    tmp_path: Path, feeds: FeedServer
) -> None:
    freezer = Freezer()
    with smtp_server(script=SmtpScript(on_accept=freezer)) as (host, port, messages):
        config, store = _setup(tmp_path, feeds, host, port)
        daemon = _monitor(config, "poll", "--once")
        freezer.pid = daemon.pid
        _kill_when_frozen(daemon, freezer)
        assert len(messages) == 1  # accepted, and the daemon never heard the 250
        assert store.delivery_counts().get("sending") == 1
        _restart_until_sent(config, store)
    ids = _message_ids(messages, store)
    [(duplicated, copies)] = [(i, n) for i, n in ids.items() if n > 1]
    assert copies == 2 and duplicated == str(messages[0]["Message-ID"])
    assert len(ids) == store.delivery_counts()["sent"] == 2  # every alert, once more at most
    store.close()


def test_killed_before_sending_loses_nothing(tmp_path: Path, feeds: FeedServer) -> None:
    freezer = Freezer()
    with smtp_server(script=SmtpScript(on_rcpt=freezer)) as (host, port, messages):
        config, store = _setup(tmp_path, feeds, host, port)
        daemon = _monitor(config, "poll", "--once")
        freezer.pid = daemon.pid
        _kill_when_frozen(daemon, freezer)
        assert messages == []
        _restart_until_sent(config, store)
    ids = _message_ids(messages, store)
    assert len(ids) == 2 and set(ids.values()) == {1}  # both alerts, each exactly once
    store.close()
