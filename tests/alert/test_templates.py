"""User templates: one file overrides one template, the rest keep their defaults, and a broken
template is a configuration error at start, never a crash (or a lost alert) at send time."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.alert.render import render_for, template_problems
from monitor.alert.samples import CHANGED
from monitor.cli import main
from monitor.config import ChannelConfig, ConfigError, load_config
from monitor.records import Quote

EMAIL = ChannelConfig(name="email", url="mailto://127.0.0.1:2525?to=desk@example.org")
SMS = ChannelConfig(name="sms", url="twilio://AC0123456789abcdef0123456789abcdef:t@1555/1666")


def _config(tmp: Path, templates: dict[str, str], channel_extra: str = "") -> Path:
    folder = tmp / "templates"
    folder.mkdir()
    for name, text in templates.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = tmp / "monitor.toml"
    path.write_text(
        '[alerts]\ntemplates = "templates"\n\n'
        f'[[channels]]\nname = "email"\nurl = "{EMAIL.url}"\n{channel_extra}\n'
        f'[[channels]]\nname = "sms"\nurl = "{SMS.url}"\n',
        encoding="utf-8",
    )
    return path


def test_one_user_template_replaces_one_default(tmp_path: Path) -> None:
    config = load_config(
        _config(tmp_path, {"email_subject.txt": "Monitor says: {{ a.title }} ({{ a.watch }})"})
    )
    folder = config.template_dir(config.channel("email"))
    assert folder == tmp_path / "templates"

    custom = render_for(CHANGED, EMAIL, folder)
    default = render_for(CHANGED, EMAIL)
    assert custom.title == (
        "Monitor says: Force size changed: National Resistance Front ~9,000 fighters "
        "(was ≤2,500) (panjshir)"
    )
    assert (custom.body, custom.text) == (default.body, default.text)  # the rest: defaults
    assert render_for(CHANGED, SMS, folder) == render_for(CHANGED, SMS)


def test_user_html_templates_are_autoescaped(tmp_path: Path) -> None:
    config = load_config(
        _config(
            tmp_path,
            {
                "email.html": "<p>{{ a.title }}</p>"
                "{% for q in a.evidence %}<p>{{ q.text }}</p>{% endfor %}"
            },
        )
    )
    hostile = dataclasses.replace(
        CHANGED, title="<script>x()</script>", evidence=(Quote("<img src=x>", "", "E"),)
    )
    body = render_for(hostile, EMAIL, config.template_dir()).body
    assert body == "<p>&lt;script&gt;x()&lt;/script&gt;</p><p>&lt;img src=x&gt;</p>"


def test_a_per_channel_directory_wins_over_the_alerts_one(tmp_path: Path) -> None:
    own = tmp_path / "sms-templates"
    own.mkdir()
    (own / "sms.txt").write_text("{{ a.kind }}: {{ a.title|clip(20) }}", encoding="utf-8")
    path = _config(tmp_path, {})
    path.write_text(
        path.read_text().replace(
            f'url = "{SMS.url}"', f'url = "{SMS.url}"\ntemplates = "sms-templates"'
        )
    )
    config = load_config(path)
    sms = config.channel("sms")
    assert config.template_dir(sms) == own
    assert render_for(CHANGED, sms, config.template_dir(sms)).body == "changed: Force size..."


@pytest.mark.parametrize(
    ("templates", "problem"),
    [
        (
            {"sms.txt": "line one\n{% if a.title %}never closed"},
            "templates/sms.txt, line 2: Unexpected end of template.",
        ),
        (
            {"email.txt": "{{ a.titel }}"},
            "email template fails on a new_fact alert: 'monitor.alert.render_view.AlertView "
            "object' has no attribute 'titel'",
        ),
        (
            {"slack.md": "{% for q in a.evidence %}{{ q.text|slack }}{% endfor %}{{ a.before.x }}"},
            "slack template fails on a new_fact alert:",
        ),
        ({"emial.html": "typo in the name"}, "templates/emial.html: not a template monitor uses"),
    ],
)
def test_a_broken_template_is_a_config_error_naming_file_and_problem(
    tmp_path: Path, templates: dict[str, str], problem: str
) -> None:
    path = _config(tmp_path, templates)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    [message] = caught.value.problems
    assert message.startswith("alerts.templates: ")
    assert problem in message

    result = CliRunner().invoke(main, ["--config", str(path), "check-config"])
    assert result.exit_code == 2
    assert problem in result.output


def test_a_missing_template_directory_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text('[alerts]\ntemplates = "nowhere"\n', encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"alerts.templates: template directory .*nowhere does not exist"
    ):
        load_config(path)


def test_format_that_a_style_cannot_carry_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "monitor.toml"
    path.write_text(f'[[channels]]\nname = "e"\nurl = "{EMAIL.url}"\nformat = "markdown"\n')
    with pytest.raises(ConfigError, match="format 'markdown' does not apply to email messages"):
        load_config(path)


def test_the_defaults_pass_their_own_check() -> None:
    assert template_problems(None) == []


def test_a_template_failing_at_send_time_falls_back_to_the_defaults(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Passed the samples at start, fails on an alert unlike them: the alert still goes."""
    (tmp_path / "email_subject.txt").write_text(
        "{{ a.title }}{% if a.title|length > 300 %}{{ 1 // 0 }}{% endif %}"
    )
    assert template_problems(tmp_path) == []
    odd = dataclasses.replace(CHANGED, title="word " * 80)
    with caplog.at_level(logging.WARNING, logger="monitor.alert.render"):
        rendered = render_for(odd, EMAIL, tmp_path)
    assert rendered == render_for(odd, EMAIL)
    assert "template error in" in caplog.text and "sent with the built-in templates" in caplog.text
