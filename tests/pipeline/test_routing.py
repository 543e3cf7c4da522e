"""Routing and volume end to end: a real SQLite file, email to a real SMTP server on 127.0.0.1.

Routing is shown on feeds polled from a real HTTP server on 127.0.0.1. The volume rules depend
on the time, and a fetch stamps its entries with the wall clock, so those tests hand the same
feed documents to `Pipeline.replay_file` (parsed and ingested exactly like a fetched body) at
the instant the test chooses; every later step (holds, digests, delivery) reads that clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from feed_server import FeedServer
from helpers import Item, storage_toml
from routing import RATE, Setup, Smtp, mailto, make_setup, story, text_of

from monitor.cli import main
from monitor.cli.alerts import delivery_line
from monitor.config import load_config
from monitor.pipeline import Pipeline
from monitor.pipeline.delivery import Outbox

FORCE = Item(
    guid="a1",
    title="Resistance digs in as Taliban close on Panjshir",
    body=(
        "Fighters loyal to the National Resistance Front have gathered in the Panjshir valley. "
        "The number of fighters with the National Resistance Front does not exceed 2,500, "
        "according to a former Afghan army officer."
    ),
    link="https://wire.example.com/world/digs-in",
    published=datetime(2021, 8, 20, 9, 0, tzinfo=UTC),
)
CLAIM = Item(
    guid="a2",
    title="Saleh says he is the country's caretaker president",
    body=(
        "Amrullah Saleh declared himself the caretaker president of Afghanistan on Tuesday, "
        "saying the constitution gave him the office while the Taliban held Kabul."
    ),
    link="https://wire.example.com/world/saleh-claim",
    published=datetime(2021, 8, 20, 10, 0, tzinfo=UTC),
)
GROWTH = Item(
    guid="a3",
    title="Panjshir resistance says its ranks have swelled",
    body=(
        "The National Resistance Front now has about 9,000 fighters in the Panjshir valley, "
        "its spokesman said on Tuesday, as Taliban units gathered at the mouth of the valley."
    ),
    link="https://wire.example.com/world/ranks",
    published=datetime(2021, 8, 21, 7, 0, tzinfo=UTC),
)
FLED = Item(
    guid="a4",
    title="Taliban say Saleh has left the valley",
    body=(
        "Amrullah Saleh has fled to Tajikistan, Taliban officials said on Monday, a claim his "
        "aides in Panjshir rejected within the hour."
    ),
    link="https://wire.example.com/world/saleh-left",
    published=datetime(2021, 8, 22, 7, 0, tzinfo=UTC),
)


SetupFor = Callable[[str, datetime], Setup]


@pytest.fixture
def setup_for(tmp_path: Path, feeds: FeedServer) -> Iterator[SetupFor]:
    made: list[Setup] = []

    def build(config_text: str, start: datetime) -> Setup:
        storage = storage_toml(tmp_path)
        made.append(make_setup(tmp_path, feeds, config_text, start, storage))
        return made[-1]

    yield build
    for setup in made:
        setup.store.close()


def body_lines(text: str) -> list[str]:
    """The lines of a message body without indentation or list markers (the channel's
    template decides how groups are laid out; the order of the lines carries the grouping)."""
    return [line.strip().removeprefix("- ") for line in text.splitlines() if line.strip()]


def by_recipient(messages: list[EmailMessage]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for message in messages:
        found.setdefault(str(message["To"]).split("@")[0], []).append(str(message["Subject"]))
    return {k: sorted(v) for k, v in found.items()}


def test_routes_send_leadership_to_one_channel_and_force_size_to_another(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    config = f"""
[[watches]]
name = "panjshir"
entities = ["Panjshir", "National Resistance Front", "Amrullah Saleh"]
channels = ["archive"]

[[watches.routes]]
channels = ["desk"]
facts = ["leadership"]

[[watches.routes]]
channels = ["field"]
kinds = ["changed"]
facts = ["force_size"]

[[channels]]
name = "archive"
url = "{mailto(smtp, "archive")}"

[[channels]]
name = "desk"
url = "{mailto(smtp, "desk")}"

[[channels]]
name = "field"
url = "{mailto(smtp, "field")}"
"""
    setup = setup_for(config, datetime.now(UTC))
    setup.poll(FORCE, CLAIM)
    setup.deliver(setup.poll(FORCE, CLAIM, GROWTH))

    mail = by_recipient(smtp[2])
    assert (
        len(mail["desk"]) == 1
        and "Leadership: Amrullah Saleh declared caretaker president" in mail["desk"][0]
    )
    assert len(mail["field"]) == 1 and "Force size changed" in mail["field"][0]
    assert "~9,000" in mail["field"][0] and "≤2,500" in mail["field"][0]
    # The watch's own channel still gets everything: 3 new stories and 3 fact alerts.
    assert len(mail["archive"]) == 6


QUIET = """
[[watches]]
name = "panjshir"
entities = ["Panjshir", "National Resistance Front", "Amrullah Saleh"]
new_articles = false
channels = ["night"]

[[channels]]
name = "night"
url = "{url}"
quiet_hours = "22:00-07:00 Asia/Kabul"
quiet_bypass = "urgent"
"""


def test_alerts_raised_in_quiet_hours_wait_for_their_end_but_urgent_ones_bypass(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    late = datetime(2021, 8, 22, 19, 0, tzinfo=UTC)  # 23:30 in Kabul
    setup = setup_for(QUIET.format(url=mailto(smtp, "night")), late)
    setup.ingest(late, FORCE, FLED)

    # Evaluated at once: both alerts are stored, though only the urgent one may go now.
    stored = {s.alert.fact_kind: s.alert.severity for s in setup.store.alerts()}
    assert stored == {"force_size": "normal", "leadership": "urgent"}
    assert setup.deliver(late) == ["night"]
    assert ["Saleh" in str(m["Subject"]) and "fled" in str(m["Subject"]) for m in smtp[2]] == [True]
    shown = CliRunner().invoke(main, ["--config", str(setup.config_path), "alerts"])
    assert "held: quiet hours" in shown.output
    assert "2021-08-23 02:30" in shown.output  # 07:00 in Kabul

    assert setup.deliver(datetime(2021, 8, 23, 2, 29, tzinfo=UTC)) == []  # 06:59 in Kabul
    assert setup.deliver(datetime(2021, 8, 23, 2, 30, tzinfo=UTC)) == ["night"]
    assert len(smtp[2]) == 2 and "Force size" in str(smtp[2][1]["Subject"])
    assert {s for _c, s, _r in setup.statuses()} == {"sent"}


DIGEST = """
[[watches]]
name = "panjshir"
entities = ["Panjshir", "National Resistance Front", "Amrullah Saleh"]
channels = ["briefing"]

[[channels]]
name = "briefing"
url = "{url}"
digest = "15m"
"""


def test_a_fifteen_minute_digest_bundles_alerts_into_one_email_grouped_by_story_and_entity(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    start = datetime(2021, 8, 22, 9, 2, tzinfo=UTC)
    setup = setup_for(DIGEST.format(url=mailto(smtp, "briefing")), start)
    setup.ingest(start, FORCE, CLAIM)
    setup.ingest(start + timedelta(minutes=5), FORCE, CLAIM, GROWTH, FLED)
    raised = len(setup.store.alerts())
    assert raised == 8  # 4 new stories, 4 facts

    assert setup.deliver(start + timedelta(minutes=6)) == []  # held for the digest
    assert setup.flush(start + timedelta(minutes=12)) == []  # 09:14: the window is open
    [digest_id] = setup.flush(datetime(2021, 8, 22, 9, 15, 20, tzinfo=UTC))
    assert setup.deliver(datetime(2021, 8, 22, 9, 15, 20, tzinfo=UTC)) == ["briefing"]

    [message] = smtp[2]
    assert "Digest: 8 alerts about 4 stories" in str(message["Subject"])
    lines = body_lines(text_of(message))
    in_order = [
        "Story: Resistance digs in as Taliban close on Panjshir — 2 alerts",
        "National Resistance Front — 1 alert",
        "[new_fact] Force size: National Resistance Front ≤2,500 fighters — Example Wire"
        " <https://wire.example.com/world/digs-in>",
        "Story: Saleh says he is the country's caretaker president — 2 alerts",
        "Amrullah Saleh — 2 alerts",
        "Story: Panjshir resistance says its ranks have swelled — 2 alerts",
        "National Resistance Front — 1 alert",
        "[changed] Force size changed: National Resistance Front ~9,000 fighters (was ≤2,500)"
        " — Example Wire <https://wire.example.com/world/ranks>",
        "Story: Taliban say Saleh has left the valley — 2 alerts",
        "Amrullah Saleh — 1 alert",
        "[new_fact] Leadership: Amrullah Saleh reported to have fled to Tajikistan — Example Wire"
        " <https://wire.example.com/world/saleh-left>",
    ]
    position = 0
    for line in in_order:  # each line is there, under its story and entity
        position = lines.index(line, position) + 1
    members = [s for s in setup.store.alerts(limit=100) if s.id != digest_id]
    assert {d.status for s in members for d in s.deliveries} == {"digested"}
    digest = setup.store.alert(digest_id)
    assert digest is not None
    [carrier] = digest.deliveries
    assert {d.digest_id for s in members for d in s.deliveries} == {carrier.id}
    line = delivery_line(members[0].deliveries[0])
    assert f"digested after 0 attempt(s) (in digest d{carrier.id})" in line


def test_flushing_twice_or_from_two_instances_never_makes_two_digests(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    start = datetime(2021, 8, 22, 9, 2, tzinfo=UTC)
    setup = setup_for(DIGEST.format(url=mailto(smtp, "briefing")), start)
    setup.ingest(start, FORCE, CLAIM)
    setup.deliver(start)
    other = Pipeline(setup.pipeline.config, setup.store)  # a second daemon on the same database
    end = datetime(2021, 8, 22, 9, 15, 5, tzinfo=UTC)

    first = setup.flush(end)
    again = setup.flush(end + timedelta(seconds=30))
    from_other = other.flush_digests(end + timedelta(seconds=1))
    later = setup.flush(datetime(2021, 8, 22, 9, 45, tzinfo=UTC))  # nothing new to bundle

    assert len(first) == 1 and again == from_other == later == []
    assert setup.deliver(end + timedelta(minutes=1)) == ["briefing"]
    assert len(smtp[2]) == 1


def test_a_rate_limit_of_three_an_hour_sends_three_and_folds_seven_into_the_next_digest(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    at = datetime(2021, 8, 23, 10, 5, tzinfo=UTC)
    setup = setup_for(RATE.format(url=mailto(smtp, "pager")), at)
    setup.ingest(at, *(story(n) for n in range(10)))
    assert len(setup.store.alerts()) == 10

    assert setup.deliver(at) == ["pager"] * 3
    held = [s for _c, s, r in setup.statuses() if r == "rate limit"]
    assert held == ["digest"] * 7
    assert setup.deliver(at + timedelta(minutes=20)) == []  # still within the hour
    assert setup.flush(at + timedelta(minutes=30)) == []  # the digest goes at 11:00

    assert len(setup.flush(datetime(2021, 8, 23, 11, 0, 10, tzinfo=UTC))) == 1
    assert setup.deliver(datetime(2021, 8, 23, 11, 0, 10, tzinfo=UTC)) == ["pager"]
    assert len(smtp[2]) == 4
    digest = smtp[2][-1]
    assert "(7 over the rate limit)" in str(digest["Subject"])
    assert "7 more alerts over the rate limit (3 per hour) included below." in text_of(digest)
    assert sorted(s for _c, s, _r in setup.statuses()) == ["digested"] * 7 + ["sent"] * 4


def test_poll_once_flushes_the_digests_that_are_due(setup_for: SetupFor, smtp: Smtp) -> None:
    """The daemon's own round (wall clock): rows held two windows ago go out as one digest."""
    earlier = datetime.now(UTC) - timedelta(hours=1)
    setup = setup_for(DIGEST.format(url=mailto(smtp, "briefing")), earlier)
    setup.ingest(earlier, FORCE, CLAIM)
    setup.deliver(earlier)
    assert smtp[2] == []
    setup.store.close()

    result = CliRunner().invoke(main, ["--config", str(setup.config_path), "poll", "--once"])

    assert result.exit_code == 0, result.output
    [message] = smtp[2]
    assert "Digest: 4 alerts about 2 stories" in str(message["Subject"])


QUIET_AND_RATE = """
[[watches]]
name = "panjshir"
entities = ["Panjshir", "National Resistance Front", "Amrullah Saleh"]
channels = ["pager"]

[[channels]]
name = "pager"
url = "{url}"
quiet_hours = "22:00-07:00 UTC"
rate_limit = "2/hour"
"""


def test_alerts_released_at_the_end_of_quiet_hours_still_meet_the_rate_limit(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    night = datetime(2021, 8, 23, 23, 0, tzinfo=UTC)
    setup = setup_for(QUIET_AND_RATE.format(url=mailto(smtp, "pager")), night)
    setup.ingest(night, *(story(n) for n in range(5)))
    assert setup.deliver(night) == []
    assert [r for _c, _s, r in setup.statuses()] == ["quiet hours"] * 5

    morning = datetime(2021, 8, 24, 7, 0, tzinfo=UTC)
    assert setup.deliver(morning) == ["pager"] * 2
    assert sorted(r or s for _c, s, r in setup.statuses()) == ["rate limit"] * 3 + ["sent"] * 2
    assert len(setup.flush(datetime(2021, 8, 24, 8, 0, tzinfo=UTC))) == 1
    assert setup.deliver(datetime(2021, 8, 24, 8, 0, tzinfo=UTC)) == ["pager"]
    assert "3 more alerts over the rate limit (2 per hour)" in text_of(smtp[2][-1])


def test_rows_held_for_a_digest_go_alone_once_the_channel_has_no_digest(
    setup_for: SetupFor, smtp: Smtp
) -> None:
    start = datetime(2021, 8, 22, 9, 2, tzinfo=UTC)
    setup = setup_for(DIGEST.format(url=mailto(smtp, "briefing")), start)
    setup.ingest(start, FORCE)
    assert {s for _c, s, _r in setup.statuses()} == {"digest"}

    text = setup.config_path.read_text(encoding="utf-8").replace('digest = "15m"\n', "")
    setup.config_path.write_text(text, encoding="utf-8")
    config = load_config(setup.config_path, {})  # the user removed the digest, then reloaded
    setup.pipeline = Pipeline(config, setup.store)
    setup.pipeline.outbox = Outbox(config, setup.store, clock=setup.clock)
    setup.flush(start + timedelta(minutes=5))

    assert setup.deliver(start + timedelta(minutes=5)) == ["briefing", "briefing"]
    assert {s for _c, s, _r in setup.statuses()} == {"sent"}
