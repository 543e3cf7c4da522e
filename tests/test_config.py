from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_config

from monitor.cli import main
from monitor.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[1]


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


def test_check_config_cli_reports_errors_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[feeds]]\nname = "a"\nurl = "gopher://old"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(path), "check-config"])
    assert result.exit_code == 2
    assert f'{path}: feeds[1] (name = "a").url: must be an http' in result.output


def test_check_config_cli_rejects_a_channel_url_apprise_cannot_use(tmp_path: Path) -> None:
    path = write_config(tmp_path, {}, channels={"odd": "nosuchscheme://x"})
    result = CliRunner().invoke(main, ["--config", str(path), "check-config"])
    assert result.exit_code == 2
    assert "channels (name = 'odd').url" in result.output


def test_check_config_cli_accepts_a_good_file(tmp_path: Path) -> None:
    path = write_config(tmp_path, {"wire": "https://wire.example.com/rss"})
    result = CliRunner().invoke(main, ["--config", str(path), "check-config"])
    assert result.exit_code == 0, result.output
    assert "OK — 1 feeds" in result.output


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
