from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[2]


def problems(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> list[str]:
    path = tmp_path / "monitor.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, environ or {})
    assert all(str(path) in line for line in str(caught.value).splitlines())
    return caught.value.problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[[feeds]]\nname = "a"\nurl = "ftp://x.org/f"',
            'feeds[1] (name = "a").url: must be an http',
        ),
        (
            '[[feeds]]\nname = "a"\nurl = "https://x.org"\ninterval_seconds = 1',
            'feeds[1] (name = "a").interval_seconds: Input should be greater than or equal to 10',
        ),
        ("[polling]\nconcurency = 3", "polling.concurency: unknown key"),
        (
            '[[entities]]\nname = "X"\nkind = "country"',
            "entities[1] (name = \"X\").kind: got 'country'",
        ),
        (
            '[[watches]]\nname = "w"\nterms = ["x"]\nfacts = ["weather"]',
            "watches[1] (name = \"w\").facts[1]: got 'weather'",
        ),
        ('[[watches]]\nname = "w"', 'watches[1] (name = "w"): a watch needs at least one of'),
        (
            '[[watches]]\nname = "w"\nentities = ["Nobody"]',
            "watches[1] (name = \"w\").entities: no [[entities]] named 'Nobody'",
        ),
        (
            '[[watches]]\nname = "w"\nterms = ["x"]\nchannels = ["pager"]',
            "watches[1] (name = \"w\").channels: no [[channels]] named 'pager'",
        ),
        (
            '[storage]\nurl = "postgresql://monitor:${DB_PASSWORD}@db/monitor"',
            "storage.url: environment variable DB_PASSWORD is not set",
        ),
        (
            '[[feeds]]\nname = "a"\nurl = "https://x.org"\n[[feeds]]\nname = "a"\nurl = "https://y.org"',
            'feeds[2] (name = "a").name: duplicate name',
        ),
        ("[storage\n", "not valid TOML"),
    ],
)
def test_every_mistake_names_the_key_and_the_reason(
    tmp_path: Path, text: str, expected: str
) -> None:
    found = problems(tmp_path, text)
    assert any(expected in p for p in found), found


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    found = problems(tmp_path, '[polling]\nconcurrency = 0\n[[feeds]]\nname = "a"\nurl = "x"\n')
    assert len(found) == 2


def test_a_duplicate_name_is_reported_with_the_other_errors_of_the_file(tmp_path: Path) -> None:
    text = """
[polling]
timeout_seconds = true
[[feeds]]
name = "wire"
url = "https://wire.example.com:99999/rss"
[[feeds]]
name = "wire"
url = "https://other.example.com/rss"
[[watches]]
name = "w"
terms = ["x"]
channels = ["pager"]
"""
    assert sorted(problems(tmp_path, text)) == [
        "feeds[1] (name = \"wire\").url: port '99999' is not a number from 1 to 65535",
        'feeds[2] (name = "wire").name: duplicate name',
        "polling.timeout_seconds: expected a number, got true (a boolean)",
        "watches[1] (name = \"w\").channels: no [[channels]] named 'pager'",
    ]


def test_environment_references_are_expanded_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(
        '[storage]\ndata_dir = "${DATA:-/var/lib/monitor}"\n'
        '[[channels]]\nname = "mail"\nurl = "mailtos://u:${PASS}@smtp.example.org"\n',
        encoding="utf-8",
    )
    config = load_config(path, {"PASS": "s3cret"})
    assert config.channels[0].url == "mailtos://u:s3cret@smtp.example.org"
    assert config.storage.data_dir == "/var/lib/monitor"


def test_default_database_is_sqlite_in_the_data_dir_relative_to_the_file(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text('[storage]\ndata_dir = "state"\n', encoding="utf-8")
    assert load_config(path, {}).database_url() == f"sqlite:///{tmp_path / 'state'}/monitor.sqlite3"


def test_the_shipped_configuration_is_valid() -> None:
    env = {
        "SMTP_USER": "u",
        "SMTP_PASSWORD": "p",
        "SMTP_HOST": "smtp.example.org",
        "ALERT_EMAIL_TO": "desk@example.org",
        "ALERT_EMAIL_FROM": "monitor@example.org",
    }
    config = load_config(REPO / "config" / "monitor.toml", env)
    assert len(config.feeds) >= 5
    names = {e.name for e in config.entities}
    assert {"Ahmad Massoud", "Amrullah Saleh", "Taliban"} <= names
    assert config.channels and config.watches


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            '(Taliban OR "Panjshir valley"',
            "position 0: expected ')' to close the '(' at position 0",
        ),
        ("Taliban AND", "position 11"),
        ('entity:"Nobody Known"', "unknown entity"),
        ("NOT Taliban", "position 0"),
    ],
)
def test_a_malformed_query_is_reported_with_its_position(
    tmp_path: Path, query: str, expected: str
) -> None:
    text = f'[[watches]]\nname = "w"\nquery = """{query}"""\n'
    found = problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith('watches[1] (name = "w").query: '), found
    assert expected.split(":")[0] in found[0]


FEED = '[[feeds]]\nname = "wire"\nurl = "https://wire.example.com/rss"\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[polling]\ntimeout_seconds = true",
            "polling.timeout_seconds: expected a number, got true (a boolean)",
        ),
        (
            '[polling]\ninterval_seconds = "60"',
            'polling.interval_seconds: expected an integer, got "60" (a string)',
        ),
        (
            '[polling]\nallow_private = "yes"',
            'polling.allow_private: expected true or false, got "yes" (a string)',
        ),
        (
            "[polling]\nconcurrency = 2.5",
            "polling.concurrency: expected an integer, got 2.5 (a number)",
        ),
        (
            FEED + 'enabled = "no"',
            'feeds[1] (name = "wire").enabled: expected true or false, got "no" (a string)',
        ),
        (
            FEED + "interval_seconds = 1e3",
            'feeds[1] (name = "wire").interval_seconds: expected an integer, got 1000.0 (a number)',
        ),
        (
            '[[entities]]\nname = 7\nkind = "place"',
            "entities[1].name: expected a string in quotes, got 7 (an integer)",
        ),
        (
            '[[watches]]\nname = "w"\nterms = "Panjshir"',
            'watches[1] (name = "w").terms: expected a list [...], got "Panjshir" (a string)',
        ),
        ("polling = 5", "polling: expected a table, got 5 (an integer)"),
        (
            "[logging]\nlevel = 2021-09-06",
            "logging.level: got datetime.date(2021, 9, 6); input should be",
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_not_converted(
    tmp_path: Path, text: str, expected: str
) -> None:
    found = problems(tmp_path, text)
    assert any(p.startswith(expected) for p in found), found


def test_numbers_may_be_written_without_a_decimal_point(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text("[polling]\ntimeout_seconds = 7\n[daemon]\nshutdown_grace_seconds = 2.5\n")
    config = load_config(path, {})
    assert config.polling.timeout_seconds == 7.0
    assert config.daemon.shutdown_grace_seconds == 2.5


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://wire.example.com:99999/rss", "port '99999' is not a number from 1 to 65535"),
        ("https://wire.example.com:0/rss", "port 0 is not a number from 1 to 65535"),
        ("https://wire.example.com:8o/rss", "port '8o' is not a number from 1 to 65535"),
        ("https://wire example.com/rss", "must not contain spaces"),
        ("https://xn--a.example.com/rss", "is not a valid internationalised domain name"),
        ("https://wi\u200bre.example.com/rss", "is not a valid internationalised domain name"),
        ("https://-wire.example.com/rss", "is not a valid host name"),
        ("https://wire..example.com/rss", "is not a valid host name"),
        ("https://300.1.2.3/rss", "host '300.1.2.3' is not an IPv4 address"),
        ("https:///rss", "has no host"),
        ("file:///etc/passwd", "must be an http:// or https:// URL"),
    ],
)
def test_a_feed_url_that_can_never_be_fetched_is_a_config_error(
    tmp_path: Path, url: str, expected: str
) -> None:
    found = problems(tmp_path, f'[[feeds]]\nname = "wire"\nurl = "{url}"\n')
    assert len(found) == 1 and found[0].startswith('feeds[1] (name = "wire").url: '), found
    assert expected in found[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://wire.example.com/rss?x=1#top",
        "http://127.0.0.1:8080/feed.xml",
        "https://[::1]:8443/feed",
        "https://user:secret@feeds.example.org/private",
        "https://münchen.example/feed",
        "https://xn--mnchen-3ya.example/feed",
        "https://feeds.example.org.:65535/rss",
        "https://my_feeds.example.org/rss",
    ],
)
def test_a_feed_url_that_can_be_fetched_is_accepted(tmp_path: Path, url: str) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(f'[[feeds]]\nname = "wire"\nurl = "{url}"\n', encoding="utf-8")
    assert load_config(path, {}).feeds[0].url == url


def test_a_channel_without_its_secrets_loads_and_names_them(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(
        '[[channels]]\nname = "email"\n'
        'url = "mailtos://${SMTP_USER}:${SMTP_PASSWORD}@${SMTP_HOST:-smtp.example.org}"\n'
        '[[channels]]\nname = "hook"\nurl = "${HOOK_URL}"\n',
        encoding="utf-8",
    )
    email, hook = load_config(path, {"SMTP_USER": "desk"}).channels
    assert email.unusable_reason == "channel 'email': environment variable SMTP_PASSWORD is not set"
    assert hook.unusable_reason == "channel 'hook': environment variable HOOK_URL is not set"
    complete = load_config(
        path, {"SMTP_USER": "desk", "SMTP_PASSWORD": "pw", "HOOK_URL": "json://h"}
    )
    assert [c.unusable_reason for c in complete.channels] == [None, None]
    assert complete.channels[0].url == "mailtos://desk:pw@smtp.example.org"


def test_only_the_loader_says_which_secrets_are_missing(tmp_path: Path) -> None:
    text = '[[channels]]\nname = "email"\nurl = "mailto://h"\nmissing_variables = []\n'
    assert problems(tmp_path, text) == [
        'channels[1] (name = "email").missing_variables: unknown key'
    ]


def test_monitor_data_dir_applies_without_a_storage_section(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(FEED, encoding="utf-8")
    config = load_config(path, {"MONITOR_DATA_DIR": str(tmp_path / "state")})
    assert config.database_url() == f"sqlite:///{tmp_path / 'state' / 'monitor.sqlite3'}"


def test_monitor_data_dir_applies_over_the_files_data_dir(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text('[storage]\ndata_dir = "/var/lib/elsewhere"\n' + FEED, encoding="utf-8")
    config = load_config(path, {"MONITOR_DATA_DIR": str(tmp_path / "state")})
    assert config.storage.data_path(tmp_path) == tmp_path / "state"


def test_a_storage_url_wins_over_monitor_data_dir(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text('[storage]\nurl = "sqlite:////srv/monitor.db"\n' + FEED, encoding="utf-8")
    config = load_config(path, {"MONITOR_DATA_DIR": str(tmp_path / "state")})
    assert config.database_url() == "sqlite:////srv/monitor.db"
