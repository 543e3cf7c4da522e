"""Delivery counts: an SMTP server that accepts connections and never answers makes `poll` say
so and exit 1; `replay --deliver` sends every alert due, not one batch; a send cut short by a
kill counts as an attempt, so `max_attempts` stops the alert instead of mailing it again."""

from __future__ import annotations

import time
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

from delivery_support import DELIVERY, Freezer, _kill_when_frozen, _monitor
from end_to_end import FIRST, mail_url, run
from feed_server import FeedServer
from helpers import Item, rss, store_url, stored_rows, write_config
from smtp_server import SmtpScript, silent_server, smtp_server

from monitor.store import Store


def test_poll_says_an_smtp_server_that_never_answers_failed_and_exits_1(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    with silent_server() as (host, port):
        mail = f"mailto://{host}:{port}?from=monitor@example.org&to=desk@example.org"
        extra = "[delivery]\ntimeout_seconds = 1\n"
        config = write_config(tmp_path, {"wire": url}, channels={"email": mail}, extra=extra)
        result = run(config, "poll", "--once")

    assert result.exit_code == 1, result.output
    assert "deliveries: 0 sent, 1 failed (retried later), 0 failed for good" in result.output
    assert "2 left in the outbox" in result.output  # the failure defers the channel's queue
    rows = stored_rows(store_url(tmp_path), "SELECT status, attempts FROM deliveries ORDER BY id")
    assert sorted(rows) == [("pending", 0), ("pending", 1)]


STORIES = [
    ("Taliban envoys reach Panjshir for talks", "Envoys from Kabul met elders in Panjshir."),
    ("Food runs short in the Panjshir valley", "Shops in Panjshir ran out of flour, Kabul said."),
    ("Phone lines cut to Panjshir", "The Taliban cut mobile networks across Panjshir on Friday."),
    ("Families leave Panjshir on foot", "Hundreds walked out of Panjshir toward Kabul overnight."),
    ("Amrullah Saleh posts a video message", "Amrullah Saleh said Afghanistan would not bow."),
]


def test_replay_deliver_sends_every_alert_due_not_one_batch(
    tmp_path: Path, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    items = [
        Item(f"s{n}", title, body, f"https://wire.example.com/{n}", FIRST.published)
        for n, (title, body) in enumerate(STORIES)
    ]
    extra = "[delivery]\nbatch_size = 2\n"
    config = write_config(tmp_path, {}, channels={"email": mail_url(smtp)}, extra=extra)
    snapshot = tmp_path / "wire.xml"
    snapshot.write_text(rss("Example Wire", items), encoding="utf-8")

    result = run(config, "replay", "--deliver", str(snapshot))

    assert result.exit_code == 0, result.output
    [(queued,)] = stored_rows(store_url(tmp_path), "SELECT count(*) FROM deliveries")
    assert queued >= len(STORIES) > 2
    assert len(smtp[2]) == queued, "every alert went out, not the first batch of 2"
    assert f"deliveries: {queued} sent, 0 failed (retried later), 0 failed for good" in (
        result.output
    )


def test_a_send_cut_short_by_a_kill_counts_and_max_attempts_stops_it(
    tmp_path: Path, feeds: FeedServer
) -> None:
    freezer = Freezer()
    with smtp_server(script=SmtpScript(on_accept=freezer)) as (host, port, messages):
        mail = f"mailto://{host}:{port}?from=monitor@example.org&to=desk@example.org"
        extra = DELIVERY + "max_attempts = 1\n"
        url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
        config = write_config(tmp_path, {"wire": url}, channels={"email": mail}, extra=extra)
        store = Store.open(store_url(tmp_path))
        daemon = _monitor(config, "poll", "--once")
        freezer.pid = daemon.pid
        _kill_when_frozen(daemon, freezer)  # the server kept the message; no 250 was heard
        [cut_short] = [d for d in _deliveries(tmp_path) if d[1] == "sending"]
        assert cut_short[2] == 1, "the attempt counted before the send started"

        outputs = _poll_until_outbox_settles(config, tmp_path)

    rows = {d[0]: d for d in _deliveries(tmp_path)}
    assert rows[cut_short[0]][1:3] == ("failed", 1)
    assert "cut short (a crash or a kill)" in str(rows[cut_short[0]][3])
    assert Counter(d[1] for d in rows.values()) == {"failed": 1, "sent": 1}
    ids = Counter(str(m["Message-ID"]) for m in messages)
    assert len(messages) == 2 and set(ids.values()) == {1}, "nothing was mailed twice"
    assert any("1 failed for good" in output for output in outputs)
    store.close()


def _deliveries(tmp_path: Path) -> list[tuple[object, ...]]:
    return stored_rows(
        store_url(tmp_path), "SELECT id, status, attempts, last_error FROM deliveries ORDER BY id"
    )


def _poll_until_outbox_settles(config: Path, tmp_path: Path, seconds: float = 60) -> list[str]:
    """`monitor poll` again and again until no delivery is pending or being sent (a killed
    claim is due again once its lease runs out)."""
    outputs = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        process = _monitor(config, "poll")
        output, _ = process.communicate(timeout=60)
        assert "Traceback" not in output, output
        outputs.append(output)
        if not {d[1] for d in _deliveries(tmp_path)} & {"pending", "sending"}:
            return outputs
        time.sleep(0.2)
    raise AssertionError(f"the outbox never settled: {_deliveries(tmp_path)}")
