"""The whole daemon against real parts: feeds from an HTTP server on 127.0.0.1, a SQLite file,
alerts to a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

from end_to_end import ARTICLE_PAGE, FIRST, LATER, UNRELATED, mail_url, run
from feed_server import FeedServer
from helpers import Item, rss, write_config


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def test_poll_sends_email_alerts_with_evidence_then_nothing_on_repeat(
    tmp_path: Path, feeds: FeedServer, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST, UNRELATED]))
    config = write_config(tmp_path, {"wire": url}, channels={"email": mail_url(smtp)})
    messages = smtp[2]

    first = run(config, "poll", "--once")

    assert first.exit_code == 0, first.output
    subjects = sorted(str(m["Subject"]) for m in messages)
    assert len(messages) == 2, subjects
    assert any("New story: Resistance digs in" in s for s in subjects)
    force = next(m for m in messages if "Force size" in str(m["Subject"]))
    assert "2,500" in str(force["Subject"])
    body = text_of(force)
    assert "does not exceed 2,500" in body
    assert "Example Wire" in body
    assert "https://wire.example.com/world/panjshir-resistance" in body
    assert "rates" not in " ".join(subjects)

    second = run(config, "poll", "--once")

    assert second.exit_code == 0, second.output
    assert len(messages) == 2
    assert feeds.hits("wire.xml")[-1].get("If-None-Match"), "second poll must be conditional"


def test_changed_fact_alerts_with_before_and_after(
    tmp_path: Path, feeds: FeedServer, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    config = write_config(tmp_path, {"wire": url}, channels={"email": mail_url(smtp)})
    assert run(config, "poll", "--once").exit_code == 0
    before = len(smtp[2])

    feeds.set("wire.xml", rss("Example Wire", [LATER, FIRST]))
    result = run(config, "poll", "--once")

    assert result.exit_code == 0, result.output
    new = smtp[2][before:]
    changed = [m for m in new if "Force size changed" in str(m["Subject"])]
    assert len(changed) == 1, [str(m["Subject"]) for m in new]
    assert "~9,000" in str(changed[0]["Subject"])
    assert "was ≤2,500" in str(changed[0]["Subject"])
    assert "about 9,000 fighters" in text_of(changed[0])


def test_a_broken_feed_never_stops_the_others(
    tmp_path: Path, feeds: FeedServer, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    good = feeds.set("good.xml", rss("Example Wire", [FIRST]))
    failing = feeds.set("failing.xml", "Internal error", status=500)
    garbage = feeds.set("garbage.xml", b"\x00\x01<html><body>not a feed", content_type="text/html")
    config = write_config(
        tmp_path,
        {"failing": failing, "garbage": garbage, "good": good},
        channels={"email": mail_url(smtp)},
    )

    result = run(config, "poll", "--once")

    assert result.exit_code == 0, result.output
    assert any("Resistance digs in" in str(m["Subject"]) for m in smtp[2])
    assert "failing: HTTP 500" in result.output
    assert "garbage: not a" in result.output
    state = run(config, "feeds")
    assert "failing" in state.output and "error (1x): HTTP 500" in state.output


def test_unreachable_smtp_keeps_the_alert_pending(tmp_path: Path, feeds: FeedServer) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    closed = "mailto://127.0.0.1:9?from=monitor@example.org&to=desk@example.org"
    config = write_config(tmp_path, {"wire": url}, channels={"email": closed})

    polled = run(config, "poll", "--once")
    assert polled.exit_code == 1, "an alert that could not be sent is a failure to report"
    assert "deliveries: 0 sent, 1 failed (retried later)" in polled.output

    pending = run(config, "alerts", "--status", "pending")
    assert "Force size" in pending.output
    assert "email: pending after 1 attempt(s)" in pending.output


def test_the_same_article_from_two_feeds_alerts_once(
    tmp_path: Path, feeds: FeedServer, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    copy = Item(
        guid="partner-77",
        title="Resistance digs in as Taliban close on Panjshir (wire)",
        body=FIRST.body,
        link="https://www.wire.example.com/world/panjshir-resistance?at_medium=RSS#top",
        published=FIRST.published,
    )
    wire = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    partner = feeds.set("partner.xml", rss("Partner Daily", [copy]))
    config = write_config(
        tmp_path, {"wire": wire, "partner": partner}, channels={"email": mail_url(smtp)}
    )

    result = run(config, "poll", "--once")

    assert result.exit_code == 0, result.output
    stories = [m for m in smtp[2] if "New story" in str(m["Subject"])]
    assert len(stories) == 1
    assert "2 feeds checked, 2 new entries" in result.output


def test_notify_test_reaches_the_channel_or_says_why_not(
    tmp_path: Path, smtp: tuple[str, int, list[EmailMessage]]
) -> None:
    config = write_config(tmp_path, {}, channels={"email": mail_url(smtp)})

    ok = run(config, "notify-test", "email")
    missing = run(config, "notify-test", "pager")

    assert ok.exit_code == 0 and "test alert accepted" in ok.output
    subjects = [str(m["Subject"]) for m in smtp[2]]
    assert len(subjects) == 6  # one sample of each alert kind, each marked as a test
    assert all("] TEST " in subject for subject in subjects)
    assert missing.exit_code == 1
    assert "monitor: no channel named 'pager' (configured: email)" in missing.output


FACT_KEYS = {
    "kind",
    "claimed_by",
    "hedged",
    "quote",
    "article_url",
    "outlet",
    "published",
    "observed_at",
}
ALERT_KEYS = {
    "id",
    "kind",
    "watch",
    "title",
    "body",
    "change",
    "key",
    "before",
    "after",
    "before_text",
    "after_text",
    "evidence",
    "channels",
    "severity",
    "fact_kind",
    "entities",
    "status",
    "deliveries",
    "created_at",
    "story",
}


def test_json_output_keeps_the_documented_shape(tmp_path: Path, feeds: FeedServer) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST, LATER]))
    config = write_config(tmp_path, {"wire": url})
    assert run(config, "poll", "--once").exit_code == 0

    facts = [json.loads(line) for line in run(config, "facts", "--json").output.splitlines()]
    alerts = [json.loads(line) for line in run(config, "alerts", "--json").output.splitlines()]

    [force] = [f for f in facts if f["kind"] == "force_size"]
    assert set(force) == FACT_KEYS | {"subject", "min", "max", "qualifier", "unit"}
    assert (force["subject"], force["min"], force["max"], force["qualifier"]) == (
        "National Resistance Front",
        9000,
        9000,
        "approx",
    )
    assert force["published"] == "2021-08-31T07:00:00+00:00"
    assert all(set(a) == ALERT_KEYS for a in alerts)
    assert {a["kind"] for a in alerts} == {"new_article", "new_fact", "changed"}
    assert all(a["status"] == "recorded" for a in alerts)  # no channel configured
    [changed] = [a for a in alerts if a["kind"] == "changed"]
    assert (changed["severity"], changed["fact_kind"]) == ("high", "force_size")
    assert changed["entities"] == ["National Resistance Front"]


def test_requests_to_one_host_are_capped(tmp_path: Path, feeds: FeedServer) -> None:
    urls = {
        f"f{i}": feeds.set(f"f{i}.xml", rss("Example Wire", [FIRST]), delay=0.3) for i in range(6)
    }
    config = write_config(tmp_path, urls, extra="")
    text = config.read_text().replace("[polling]\n", "[polling]\nper_host_concurrency = 2\n")
    config.write_text(text)

    assert run(config, "poll", "--once").exit_code == 0

    assert len(feeds.requests) == 6
    assert feeds.max_in_flight == 2


def test_full_text_feeds_read_the_article_page(tmp_path: Path, feeds: FeedServer) -> None:
    page = feeds.set("story.html", ARTICLE_PAGE, content_type="text/html; charset=utf-8")
    teaser = Item(
        "t-1",
        "Resistance digs in as Taliban close on Panjshir",
        "Fighters gather in the valley.",
        page,
    )
    url = feeds.set("teasers.xml", rss("Example Wire", [teaser]))
    config = write_config(tmp_path, {"teasers": url})
    config.write_text(
        config.read_text().replace(f'url = "{url}"\n', f'url = "{url}"\nfull_text = true\n')
    )

    result = run(config, "poll", "--once")

    assert result.exit_code == 0, result.output
    assert "Force size: National Resistance Front ~7,000 fighters" in result.output
    assert len(feeds.hits("story.html")) == 1
    second = Item("t-2", "Panjshir talks stall, Taliban say", "Teaser.", feeds.url("story2.html"))
    feeds.set("story2.html", ARTICLE_PAGE.replace("7,000", "8,000"), content_type="text/html")
    feeds.set("teasers.xml", rss("Example Wire", [second, teaser]))
    again = run(config, "poll", "--once")
    assert "~8,000 fighters (was ~7,000)" in again.output
    assert len(feeds.hits("story.html")) == 1, "a known entry's page is not fetched again"


def test_teaser_feeds_are_not_crawled_unless_asked(tmp_path: Path, feeds: FeedServer) -> None:
    page = feeds.set("story.html", ARTICLE_PAGE, content_type="text/html")
    teaser = Item("t-1", "Resistance digs in at Panjshir, Taliban say", "Teaser.", page)
    config = write_config(tmp_path, {"teasers": feeds.set("t.xml", rss("W", [teaser]))})
    assert run(config, "poll", "--once").exit_code == 0
    assert feeds.hits("story.html") == []


def test_the_servers_cache_lifetime_stretches_the_interval(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.set(
        "wire.xml",
        rss("Example Wire", [UNRELATED]),
        headers={"Cache-Control": "public, max-age=3600"},
    )
    config = write_config(tmp_path, {"wire": url})

    assert run(config, "poll", "--once").exit_code == 0

    [feed] = [json.loads(line) for line in run(config, "feeds", "--json").output.splitlines()]
    assert feed["poll_interval_seconds"] == 3600
    assert feed["state"] == "healthy"


def test_rss_ttl_is_honoured_and_remembered_across_304s(tmp_path: Path, feeds: FeedServer) -> None:
    body = rss("Example Wire", [UNRELATED]).replace("<channel>", "<channel>\n<ttl>120</ttl>", 1)
    config = write_config(tmp_path, {"wire": feeds.set("wire.xml", body)})

    intervals = []
    for _ in range(2):
        assert run(config, "poll", "--once").exit_code == 0
        [feed] = [json.loads(x) for x in run(config, "feeds", "--json").output.splitlines()]
        intervals.append(feed["poll_interval_seconds"])

    assert intervals == [7200, 7200]
    assert feeds.hits("wire.xml")[-1].get("If-None-Match"), "the second check was a 304"


def test_a_lightly_edited_copy_joins_the_story_without_alerting(
    tmp_path: Path, feeds: FeedServer
) -> None:
    copy = Item(
        guid="partner-9",
        title="Panjshir fighters dig in as Taliban advance",  # retitled
        body=FIRST.body.replace("have gathered", "gathered").replace("weeks", "several weeks")
        + " Our correspondent in Charikar contributed to this report.",
        link="https://partner.example.org/2021/08/20/panjshir-fighters",
        published=FIRST.published,
    )
    config = write_config(
        tmp_path,
        {
            "wire": feeds.set("wire.xml", rss("Example Wire", [FIRST])),
            "partner": feeds.set("partner.xml", rss("Partner Daily", [copy])),
        },
    )

    result = run(config, "poll", "--once")

    assert result.output.count("[new_article]") == 1, result.output
    [story] = [json.loads(x) for x in run(config, "stories", "--json").output.splitlines()]
    assert story["outlets"] == ["Example Wire", "Partner Daily"]
    listed = run(config, "alerts")
    assert "also reported by 1: Partner Daily" in listed.output
    [new] = [
        a
        for a in map(json.loads, run(config, "alerts", "--json").output.splitlines())
        if a["kind"] == "new_article"
    ]
    assert new["story"] == {"id": story["id"], "outlets": ["Example Wire", "Partner Daily"]}


def test_an_entry_updated_in_place_is_read_again_but_not_a_new_story(
    tmp_path: Path, feeds: FeedServer
) -> None:
    url = feeds.set("wire.xml", rss("Example Wire", [FIRST]))
    config = write_config(tmp_path, {"wire": url})
    assert "[new_article]" in run(config, "poll", "--once").output

    updated = Item(
        FIRST.guid,
        FIRST.title + " (updated)",
        FIRST.body
        + " The National Resistance Front now has about 6,000 fighters, its spokesman said.",
        FIRST.link,
        FIRST.published,
    )
    feeds.set("wire.xml", rss("Example Wire", [updated]))
    again = run(config, "poll", "--once")

    assert "[new_article]" not in again.output
    assert "Force size changed: National Resistance Front ~6,000 fighters" in again.output
    assert len(run(config, "stories", "--json").output.splitlines()) == 1


def test_an_item_without_guid_corrected_in_place_keeps_its_identity(
    tmp_path: Path, feeds: FeedServer
) -> None:
    def feed(body: str) -> str:
        return (
            rss("Example Wire", [FIRST])
            .replace(f'<guid isPermaLink="false">{FIRST.guid}</guid>', "")
            .replace("supplies would last for weeks", body)
        )

    url = feeds.set("wire.xml", feed("supplies would last for weeks"))
    config = write_config(tmp_path, {"wire": url})
    assert "[new_article]" in run(config, "poll", "--once").output

    feeds.set("wire.xml", feed("supplies would last for a month"))
    again = run(config, "poll", "--once")

    assert "0 new entries" in again.output
    assert "[new_article]" not in again.output
