"""Routes and channel volume rules in the configuration: valid ones load, mistakes name their
place in the file."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from monitor.alert.policy import ChannelPolicy, DailyAt, QuietHours, RateLimit
from monitor.config import Config, ConfigError, load_config

BASE = """
[[channels]]
name = "email"
url = "mailto://127.0.0.1:2525?from=a@example.org&to=b@example.org"
{channel}

[[channels]]
name = "phone"
url = "json://127.0.0.1:9/sms"

[[watches]]
name = "panjshir"
terms = ["Panjshir"]
channels = ["email"]
{watch}
"""

GOOD_ROUTE = """
[[watches.routes]]
channels = ["phone"]
kinds = ["changed", "contested"]
facts = ["leadership", "territorial_control"]
min_severity = "high"
"""


def load(tmp_path: Path, *, channel: str = "", watch: str = "") -> Config:
    path = tmp_path / "monitor.toml"
    path.write_text(BASE.format(channel=channel, watch=watch), encoding="utf-8")
    return load_config(path, {})


def problems(tmp_path: Path, *, channel: str = "", watch: str = "") -> list[str]:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, channel=channel, watch=watch)
    return caught.value.problems


def test_routes_and_volume_rules_load(tmp_path: Path) -> None:
    rules = (
        'digest = "daily 07:00 Europe/London"\nquiet_hours = "22:00-07:00 Asia/Kabul"\n'
        'quiet_bypass = "urgent"\nrate_limit = "10/hour"'
    )
    config = load(tmp_path, channel=rules, watch=GOOD_ROUTE)
    [route] = config.watches[0].routes
    assert route.channels == ("phone",) and route.min_severity == "high"
    assert route.facts == ("leadership", "territorial_control")
    assert config.channel("email").volume == ChannelPolicy(
        digest=DailyAt(time(7, 0), ZoneInfo("Europe/London")),
        quiet=QuietHours(time(22, 0), time(7, 0), ZoneInfo("Asia/Kabul")),
        bypass="urgent",
        rate=RateLimit(10, timedelta(hours=1)),
    )
    assert config.channel("phone").volume == ChannelPolicy()


@pytest.mark.parametrize(
    ("route", "expected"),
    [
        (
            '[[watches.routes]]\nchannels = ["pager"]',
            "watches[1] (name = \"panjshir\").routes[1].channels: no [[channels]] named 'pager'",
        ),
        (
            '[[watches.routes]]\nchannels = ["phone"]\nkinds = ["changd"]',
            "watches[1] (name = \"panjshir\").routes[1].kinds[1]: got 'changd'",
        ),
        (
            '[[watches.routes]]\nchannels = ["phone"]\nkinds = ["feed_health"]',
            "routes[1].kinds: feed_health alerts belong to no watch: set [health] channels",
        ),
        (
            '[[watches.routes]]\nchannels = ["phone"]\nfacts = ["weather"]',
            "routes[1].facts[1]: got 'weather'",
        ),
        (
            '[[watches.routes]]\nchannels = ["phone"]\nmin_severity = "critical"',
            "routes[1].min_severity: got 'critical'",
        ),
        (
            "[[watches.routes]]\nchannels = []",
            "routes[1].channels: Tuple should have at least 1 item",
        ),
        (
            '[[watches.routes]]\nchannels = ["phone"]\nseverity = "high"',
            "routes[1].severity: unknown key",
        ),
    ],
)
def test_route_mistakes_name_their_place(tmp_path: Path, route: str, expected: str) -> None:
    found = problems(tmp_path, watch=route)
    assert any(expected in p for p in found), found


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ('digest = "every 15 minutes"', 'channels[1] (name = "email").digest: \'every 15'),
        ('digest = "daily 07:00 Europe/Londn"', "digest: unknown time zone 'Europe/Londn'"),
        ('quiet_hours = "22-07"', "quiet_hours: '22-07': '22' is not a time of day"),
        ('quiet_hours = "22:00-07:00 Kabul"', "quiet_hours: unknown time zone 'Kabul'"),
        ('quiet_bypass = "loud"', "quiet_bypass: got 'loud'"),
        ('rate_limit = "ten per hour"', "rate_limit: 'ten per hour': expected 'N/WINDOW'"),
        ('rate_limit = "0/hour"', "rate_limit: '0/hour': expected 'N/WINDOW' with N >= 1"),
    ],
)
def test_volume_rule_mistakes_name_their_channel(tmp_path: Path, rule: str, expected: str) -> None:
    found = problems(tmp_path, channel=rule)
    assert any(expected in p for p in found), found
