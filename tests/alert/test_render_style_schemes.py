"""The styles known without apprise's plugin table (monitor/alert/render_style.py
`_KNOWN_STYLES`) are the ones apprise's plugins give: the shortcut changes no channel's style."""

from __future__ import annotations

import pytest

from monitor.alert import render_style
from monitor.alert.render_style import _KNOWN_STYLES, format_problem

URLS = {
    "mailto": "mailto://user:secret@example.org?to=desk@example.org",
    "mailtos": "mailtos://user:secret@example.org?to=desk@example.org",
    "slack": "slack://TokenA/TokenB/TokenC/#news",
    "json": "json://127.0.0.1:8080/hook",
    "jsons": "jsons://hooks.example.org/alerts",
}


@pytest.mark.parametrize(("scheme", "style"), _KNOWN_STYLES.items())
def test_a_known_scheme_gets_the_style_its_apprise_plugin_gives(scheme: str, style: str) -> None:
    url = URLS[scheme]
    plugin = render_style._plugin(url)
    assert plugin is not None, f"apprise has no plugin for {scheme}://"
    assert render_style._auto_style(url, plugin) == style


def test_a_format_is_checked_against_the_style_with_or_without_the_shortcut() -> None:
    assert format_problem(URLS["mailto"], "auto", "html") is None
    assert format_problem(URLS["mailto"], "auto", "markdown") == (
        "format 'markdown' does not apply to email messages; use 'html' or 'text'"
    )
    assert format_problem("tgram://bottoken/12345", "auto", "markdown") is None
    assert format_problem(URLS["slack"], "auto", None) is None
