"""A round over healthy and hostile feeds together: the healthy ones are processed, each hostile
one gets an error that says what happened, and its next check follows the rules."""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

from end_to_end import FIRST, run
from feed_server import FeedServer
from helpers import rss, write_config
from hostile_server import drip, hostile_server, never_answer, redirect, reply
from polling import feed_states

from monitor.schedule import build_scheduler


def test_hostile_feeds_fail_alone_and_back_off(tmp_path: Path, feeds: FeedServer) -> None:
    """The drip sends a byte every 0.05 s, forty times inside the 2 s read timeout, so only the
    4 s deadline can stop it, even on a loaded machine that stalls the event loop for a while."""
    bomb = gzip.compress(b"\0" * (30 * 1024 * 1024))
    with hostile_server() as hostile:
        urls = {
            "good": feeds.set("good.xml", rss("Example Wire", [FIRST])),
            "silent": hostile.route("/silent", never_answer),
            "drip": hostile.route("/drip", drip(b"<rss>" + b" " * 10_000, interval=0.05)),
            "bomb": hostile.route(
                "/bomb", reply(200, bomb, {"Content-Encoding": "gzip", "Content-Type": "text/xml"})
            ),
            "limited": hostile.route("/limited", reply(429, b"", {"Retry-After": "7200"})),
            "loop": hostile.route("/loop", redirect("/loop")),
        }
        config = write_config(tmp_path, urls)
        config.write_text(
            config.read_text().replace(
                "timeout_seconds = 5",
                "timeout_seconds = 2\ndeadline_seconds = 4\nmax_body_bytes = 1048576\n"
                "max_redirects = 2",
            )
        )

        result = run(config, "poll", "--once")

    assert result.exit_code == 0, result.output
    assert "Resistance digs in" in result.output, "the healthy feed was processed"
    states = feed_states(config)
    assert states["good"]["state"] == "healthy"
    errors = {name: str(s["last_error"]) for name, s in states.items() if name != "good"}
    assert errors["silent"] == "the server stopped answering (read timeout)"
    assert errors["drip"] == "timed out after 4s", "the deadline, not the read timeout"
    assert errors["bomb"].startswith("body too large: more than 1048576 bytes")
    assert errors["limited"].startswith("HTTP 429")
    assert errors["loop"] == "too many redirects (more than 2)"
    checked = datetime.fromisoformat(str(states["limited"]["last_checked_at"]))
    retry_at = datetime.fromisoformat(str(states["limited"]["next_check_at"]))
    assert (retry_at - checked).total_seconds() >= 7200, "Retry-After is honoured"
    assert all(s["state"] == "backing off" for n, s in states.items() if n != "good")


def test_scheduler_jobs_never_stack_and_collapse_missed_runs() -> None:
    async def job() -> None:
        return None

    scheduler = build_scheduler(job, job, tick_seconds=15, deliver_seconds=10)
    jobs = {j.id: j for j in scheduler.get_jobs()}
    assert set(jobs) == {"tick", "deliver"}
    assert all(j.max_instances == 1 and j.coalesce for j in jobs.values())
