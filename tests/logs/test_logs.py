"""Log lines: one event per line, logfmt or JSON that parse back to the same fields, journald's
conventions when writing to the journal, and never a secret of a feed or channel URL."""

from __future__ import annotations

import io
import json
import logging
import re
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from daemon_process import STARTUP_SECONDS, daemon_process
from end_to_end import FIRST
from feed_server import FeedServer
from helpers import rss, write_config

from monitor.logs.events import configure, get_logger, remember_urls, writes_to_journal

LOGFMT_PAIR = re.compile(r'([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)')
FEED_URL = "https://reader:feedpass77@feeds.example.com/rss?token=feedtok3n&lang=en"
CHANNEL_URL = "slack://T0AAAAAAA/B0BBBBBBB/chanSecretToken42/#desk"


def parse_logfmt(line: str) -> dict[str, str]:
    """Our reading of logfmt: bare or double-quoted values, backslash escapes in quotes."""
    fields = {}
    for key, raw in LOGFMT_PAIR.findall(line):
        if raw.startswith('"'):
            raw = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), raw[1:-1])
        else:
            raw = raw.replace("\\n", "\n")
        fields[key] = raw
    assert LOGFMT_PAIR.sub("", line).strip() == "", line
    return fields


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    yield
    configure("warning", "logfmt", journald=False)  # back to stderr, as in any other test
    logging.captureWarnings(False)


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    configure("debug", "logfmt", stream=stream, journald=False)
    yield stream


def lines(stream: io.StringIO) -> list[str]:
    return stream.getvalue().splitlines()


TRICKY = {
    "feed": "bbc-world",
    "title": 'Panjshir "holds", officials say = maybe',
    "path": "C:\\feeds\\x",
    "multi": "line one\nline two",
    "count": 3,
    "empty": "",
    "words": "Ахмад Масуд — Panjshir",
}


def test_logfmt_events_parse_back_to_their_fields(captured: io.StringIO) -> None:
    get_logger("monitor.test").info("feed_checked", **TRICKY)
    [line] = lines(captured)
    fields = parse_logfmt(line)
    assert list(fields)[:4] == ["ts", "level", "logger", "event"]
    assert fields["level"] == "info" and fields["event"] == "feed_checked"
    assert fields["logger"] == "monitor.test"
    for key, value in TRICKY.items():
        assert fields[key] == str(value), key


def test_json_events_parse_back_to_their_fields() -> None:
    stream = io.StringIO()
    configure("info", "json", stream=stream, journald=False)
    get_logger("monitor.test").warning("feed_failed", **TRICKY)
    get_logger("monitor.test").debug("not_shown")
    [line] = lines(stream)
    event = json.loads(line)
    assert list(event)[:4] == ["ts", "level", "logger", "event"]
    assert event["level"] == "warning" and event["event"] == "feed_failed"
    assert {k: event[k] for k in TRICKY} == TRICKY


def test_library_records_and_tracebacks_stay_on_one_line(captured: io.StringIO) -> None:
    logging.getLogger("apscheduler.scheduler").warning("Run time of job %r was missed", "tick")
    try:
        raise ValueError("bad\nthing")
    except ValueError:
        get_logger("monitor.test").exception("feed_process_failed", feed="x")
    library, failure = lines(captured)
    assert parse_logfmt(library)["event"] == "Run time of job 'tick' was missed"
    assert parse_logfmt(library)["logger"] == "apscheduler.scheduler"
    fields = parse_logfmt(failure)
    assert fields["level"] == "error"
    assert fields["exception"].startswith("Traceback (most recent call last):")
    assert fields["exception"].endswith("ValueError: bad\nthing")


def test_journald_lines_carry_a_priority_and_no_timestamp() -> None:
    stream = io.StringIO()
    configure("debug", "logfmt", stream=stream, journald=True)
    log = get_logger("monitor.test")
    log.debug("a")
    log.info("b")
    log.warning("c")
    log.error("d")
    assert [line[:3] for line in lines(stream)] == ["<7>", "<6>", "<4>", "<3>"]
    assert all("ts=" not in line for line in lines(stream))


def test_journal_stream_is_recognised_only_for_the_stream_it_names(tmp_path: Path) -> None:
    with (tmp_path / "a").open("w") as ours, (tmp_path / "b").open("w") as other:
        info = Path(tmp_path / "a").stat()
        environ = {"JOURNAL_STREAM": f"{info.st_dev}:{info.st_ino}"}
        assert writes_to_journal(ours, environ)
        assert not writes_to_journal(other, environ)
        assert not writes_to_journal(ours, {})
        assert not writes_to_journal(io.StringIO(), environ)


def test_secrets_of_configured_urls_never_reach_a_line(captured: io.StringIO) -> None:
    remember_urls([FEED_URL], [CHANNEL_URL])
    log = get_logger("monitor.test")
    log.warning("feed_failed", feed="x", url=FEED_URL, error="401 for token feedtok3n")
    log.warning("delivery_attempted", channel="slack", error=f"bad request to {CHANNEL_URL}")
    logging.getLogger("httpx").info("HTTP Request: GET %s", FEED_URL)
    try:
        raise RuntimeError(f"webhook chanSecretToken42 refused; {FEED_URL}")
    except RuntimeError:
        log.exception("job_failed", job="deliver")
    text = captured.getvalue()
    assert len(lines(captured)) == 4
    for secret in ("feedpass77", "feedtok3n", "chanSecretToken42"):
        assert secret not in text
    assert "feeds.example.com/rss" in text  # masked, not dropped


def test_daemon_logs_json_to_the_journal_without_secrets(tmp_path: Path, feeds: FeedServer) -> None:
    """The daemon run as systemd runs it (stderr is the journal stream), at debug level, with
    a feed whose URL carries a password and a token, and a mail channel with a password that
    cannot deliver: every line is `<priority>{json}` and no secret appears anywhere."""
    url = feeds.set("private.xml?token=feedtok3n", rss("Example Wire", [FIRST]))
    feed = url.replace("http://", "http://reader:feedpass77@")
    channel = "mailto://desk:chanpass99@127.0.0.1:9/?from=a@example.org&to=b@example.org"
    config = write_config(tmp_path, {"wire": feed}, channels={"mail": channel})
    config.write_text(config.read_text() + '\n[logging]\nformat = "json"\nlevel = "debug"\n')
    with daemon_process(config, tmp_path / "daemon.log", journal_stream=True) as daemon:
        assert daemon.wait_for_log('"event": "delivery_attempted"', STARTUP_SECONDS), daemon.log
        daemon.send(signal.SIGTERM)
        assert daemon.wait(60) == 0, daemon.log
    assert feeds.hits("private.xml?token=feedtok3n")  # the secret was used, just not logged
    events = []
    for line in daemon.log.splitlines():
        match = re.fullmatch(r"<([0-7])>(\{.*\})", line)
        assert match, line
        events.append((int(match.group(1)), json.loads(match.group(2))))
    assert all("ts" not in event for _, event in events)
    names = {event["event"] for _, event in events}
    assert {"daemon_started", "feed_checked", "delivery_attempted", "daemon_stopped"} <= names
    assert any(event["logger"] == "httpx" for _, event in events)  # debug shows the requests
    for priority, event in events:
        assert priority == {"debug": 7, "info": 6, "warning": 4, "error": 3}[event["level"]]
    for secret in ("feedpass77", "feedtok3n", "chanpass99"):
        assert secret not in daemon.log
