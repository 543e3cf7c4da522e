"""Alert templates: Jinja2 files, the defaults inside the package, any of them overridable.

A user template directory is searched first, then the package's own templates, so a directory
holding only `sms.txt` changes SMS and nothing else. Files whose names start with `_` are
partials (`_footer.txt` holds the footer macro every template imports) and may be overridden
too. Templates ending in `.html` are autoescaped; the others get the `md` and `slack` filters
for the markup they write.

Templates are read once, when first loaded, and not reloaded while the daemon runs: what
`monitor check-config` validated is what gets sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from monitor.alert.render_text import clip, markdown, markdown_url, slack

# Every template a channel style renders; a user directory may override any of them.
TEMPLATE_NAMES = (
    "email_subject.txt",
    "email.txt",
    "email.html",
    "slack.md",
    "sms.txt",
    "chat.txt",
    "chat.md",
    "chat.html",
)


class TemplateProblem(Exception):
    """A template that cannot be used: the message names the file (and line) and says why."""


@dataclass(frozen=True)
class TemplateSet:
    """The templates of one directory (or the defaults alone when `directory` is None)."""

    directory: Path | None
    env: jinja2.Environment = field(repr=False)

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)


def load_templates(directory: Path | None = None) -> TemplateSet:
    """The template set of `directory` (None: the defaults), compiled; raises TemplateProblem.

    Loaded once per directory and process."""
    return _load(directory.resolve() if directory is not None else None)


def default_templates() -> TemplateSet:
    return _load(None)


@lru_cache(maxsize=32)
def _load(directory: Path | None) -> TemplateSet:
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("monitor.alert", "templates")]
    if directory is not None:
        _check_directory(directory)
        loaders.insert(0, jinja2.FileSystemLoader(directory))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(md=markdown, md_url=markdown_url, slack=slack, clip=clip, nl2br=_nl2br)
    templates = TemplateSet(directory, env)
    for name in TEMPLATE_NAMES:
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(_syntax_error(exc, directory)) from None
    return templates


def _check_directory(directory: Path) -> None:
    if not directory.is_dir():
        raise TemplateProblem(f"template directory {directory} does not exist")
    for path in sorted(directory.iterdir()):
        if path.name.startswith((".", "_")) or path.name in TEMPLATE_NAMES:
            continue
        known = ", ".join(TEMPLATE_NAMES)
        raise TemplateProblem(
            f"{path}: not a template monitor uses (known: {known}; partials start with _)"
        )


def _syntax_error(exc: jinja2.TemplateSyntaxError, directory: Path | None) -> str:
    name = exc.filename or exc.name or "template"
    if directory is not None and exc.name and (directory / exc.name).is_file():
        name = str(directory / exc.name)
    return f"{name}, line {exc.lineno}: {exc.message}"


def _nl2br(value: str) -> Markup:
    """Line breaks as <br>, the text itself escaped (for autoescaped HTML templates)."""
    return Markup("<br>\n").join(escape(part) for part in str(value).split("\n"))
