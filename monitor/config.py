"""Configuration: one TOML file, validated into frozen pydantic models.

`${VAR}` and `${VAR:-default}` in string values read the environment, so secrets stay out of the
file. Every mistake is reported as `FILE: KEY: what is wrong`, all at once, so a user fixes a
config in one pass instead of one error per restart.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from monitor.alert import policy as channel_policy
from monitor.alert.render import template_problems
from monitor.alert.render_style import Format, StyleSetting, format_problem
from monitor.config_service import (
    ConfigModel,
    DaemonConfig,
    DeliveryConfig,
    HealthConfig,
    HttpConfig,
    LoggingConfig,
    PollingConfig,
    RetentionConfig,
    StorageConfig,
)
from monitor.query_lex import QueryError
from monitor.query_parse import parse_query
from monitor.records import FACT_KINDS, EntityRef, FactKind, Severity

DEFAULT_CONFIG_PATHS = (Path("config/monitor.toml"), Path("/etc/monitor/monitor.toml"))
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class ConfigError(Exception):
    """A configuration that cannot be used; `problems` lists every `KEY: reason`."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(f"{self.path}: {p}" for p in problems))


class FeedConfig(ConfigModel):
    name: str = Field(pattern=_NAME)
    url: str
    interval_seconds: int | None = Field(None, ge=10, le=7 * 86400)
    allow_private: bool | None = None
    enabled: bool = True
    full_text: bool = False

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value, re.IGNORECASE):
            raise ValueError("must be an http:// or https:// URL")
        return value


class EntityConfig(ConfigModel):
    name: str = Field(min_length=1)
    kind: Literal["person", "group", "place"]
    aliases: tuple[str, ...] = ()

    def ref(self) -> EntityRef:
        return EntityRef(self.name, self.kind, self.aliases)


RouteKind = Literal["new_article", "new_fact", "changed", "contested", "corroborated"]


class RouteConfig(ConfigModel):
    """Alerts of these kinds (all when empty), about these fact kinds (any when empty), of at
    least this severity, go to these channels."""

    channels: tuple[str, ...] = Field(min_length=1)
    kinds: tuple[RouteKind, ...] = ()
    facts: tuple[FactKind, ...] = ()
    min_severity: Severity = "low"

    @field_validator("kinds", mode="before")
    @classmethod
    def _no_health_kind(cls, value: Any) -> Any:
        if isinstance(value, list) and "feed_health" in value:
            raise ValueError("feed_health alerts belong to no watch: set [health] channels")
        return value


class WatchConfig(ConfigModel):
    name: str = Field(pattern=_NAME)
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    query: str | None = None
    facts: tuple[FactKind, ...] = FACT_KINDS
    new_articles: bool = True
    channels: tuple[str, ...] = ()  # every alert of the watch goes here
    routes: tuple[RouteConfig, ...] = ()  # and each route's alerts to its channels

    @model_validator(mode="after")
    def _something_to_match(self) -> WatchConfig:
        if not self.entities and not self.terms and not self.query:
            raise ValueError("a watch needs at least one of 'entities', 'terms' or 'query'")
        return self


class ChannelConfig(ConfigModel):
    name: str = Field(pattern=_NAME)
    url: str = Field(min_length=3)
    # The message's shape; "auto" picks it from the URL's scheme (monitor/alert/render_style.py).
    style: StyleSetting = "auto"
    # The body format, where the style has a choice (email: html or text; chat: text, markdown
    # or html; unset: the style's default). Slack, SMS and webhook messages have one shape each.
    format: Format | None = None
    templates: str | None = None  # a template directory for this channel (else [alerts])
    digest: str | None = None  # "15m" or "daily 07:00 Europe/London" (monitor/alert/policy.py)
    quiet_hours: str | None = None  # "22:00-07:00 Asia/Kabul"
    quiet_bypass: Literal["low", "normal", "high", "urgent", "none"] = "none"  # sent anyway
    rate_limit: str | None = None  # "10/hour", "3/15m"

    @field_validator("url")
    @classmethod
    def _apprise_url(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError("must be an apprise URL such as mailtos://user:pass@host?to=addr")
        return value

    @field_validator("digest", "quiet_hours", "rate_limit")
    @classmethod
    def _volume_rule(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None:
            _VOLUME_PARSERS[info.field_name or ""](value)
        return value

    @property
    def volume(self) -> channel_policy.ChannelPolicy:
        """The volume rules in parsed form (validated when the config was loaded)."""
        return channel_policy.ChannelPolicy(
            digest=channel_policy.parse_digest(self.digest) if self.digest else None,
            quiet=channel_policy.parse_quiet_hours(self.quiet_hours) if self.quiet_hours else None,
            bypass=None if self.quiet_bypass == "none" else self.quiet_bypass,
            rate=channel_policy.parse_rate_limit(self.rate_limit) if self.rate_limit else None,
        )


_VOLUME_PARSERS = {
    "digest": channel_policy.parse_digest,
    "quiet_hours": channel_policy.parse_quiet_hours,
    "rate_limit": channel_policy.parse_rate_limit,
}


class AlertsConfig(ConfigModel):
    """How alerts are written: `templates` is a directory of Jinja2 templates, relative to the
    config file, that override the built-in ones file by file (monitor/alert/templates.py)."""

    templates: str | None = None


class Config(ConfigModel):
    storage: StorageConfig = StorageConfig()
    polling: PollingConfig = PollingConfig()
    health: HealthConfig = HealthConfig()
    delivery: DeliveryConfig = DeliveryConfig()
    feeds: tuple[FeedConfig, ...] = ()
    entities: tuple[EntityConfig, ...] = ()
    watches: tuple[WatchConfig, ...] = ()
    channels: tuple[ChannelConfig, ...] = ()
    alerts: AlertsConfig = AlertsConfig()
    http: HttpConfig = HttpConfig()
    retention: RetentionConfig = RetentionConfig()
    logging: LoggingConfig = LoggingConfig()
    daemon: DaemonConfig = DaemonConfig()
    base_dir: Path = Path()

    def entity_refs(self) -> tuple[EntityRef, ...]:
        return tuple(e.ref() for e in self.entities)

    def channel(self, name: str) -> ChannelConfig:
        for channel in self.channels:
            if channel.name == name:
                return channel
        raise KeyError(name)

    def database_url(self) -> str:
        return self.storage.database_url(self.base_dir)

    def template_dir(self, channel: ChannelConfig | None = None) -> Path | None:
        """The template directory for `channel` (its own, else [alerts]'s), or None: the
        built-in templates."""
        value = (channel.templates if channel else None) or self.alerts.templates
        if value is None:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base_dir / path


def load_config(path: Path | str, environ: Mapping[str, str] | None = None) -> Config:
    """Read, expand and validate a configuration file; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, [f"cannot read: {exc}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"not valid TOML: {exc}"]) from None
    return parse_config(raw, path, os.environ if environ is None else environ)


def parse_config(raw: dict[str, Any], path: Path, environ: Mapping[str, str]) -> Config:
    problems: list[str] = []
    expanded = _expand(raw, environ, (), _EnvContext(raw, problems))
    if "base_dir" in raw:
        problems.append("base_dir: unknown key")
        del expanded["base_dir"]
    flagged = {p.split(":", 1)[0] for p in problems}
    try:
        config = Config.model_validate({**expanded, "base_dir": path.parent.resolve()})
    except ValidationError as exc:
        problems.extend(p for p in _describe(exc, raw) if p.split(":", 1)[0] not in flagged)
    else:
        problems.extend(_cross_check(config))
        if not problems:
            return config
    raise ConfigError(path, problems)


class _EnvContext:
    """The raw document (to name keys as the user wrote them) and where problems are collected."""

    def __init__(self, raw: dict[str, Any], problems: list[str]) -> None:
        self.raw = raw
        self.problems = problems


Where = tuple[str | int, ...]


def _expand(value: Any, environ: Mapping[str, str], where: Where, ctx: _EnvContext) -> Any:
    if isinstance(value, str):
        return _ENV_REF.sub(lambda m: _lookup(m, environ, where, ctx), value)
    if isinstance(value, dict):
        return {k: _expand(v, environ, (*where, k), ctx) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, environ, (*where, i), ctx) for i, v in enumerate(value)]
    return value


def _lookup(m: re.Match[str], environ: Mapping[str, str], where: Where, ctx: _EnvContext) -> str:
    name, default = m.group(1), m.group(2)
    if environ.get(name):
        return environ[name]
    if default is not None:
        return default
    ctx.problems.append(f"{_key(where, ctx.raw)}: environment variable {name} is not set")
    return ""


def _key(where: Where, raw: Any) -> str:
    """Render a location as the user wrote it: feeds[2] (name = "bbc").url"""
    out = ""
    node = raw
    for part in where:
        if isinstance(part, int):
            out += f"[{part + 1}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("name"), str):
                out += f' (name = "{node["name"]}")'
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(top level)"


def _describe(exc: ValidationError, raw: dict[str, Any]) -> Iterator[str]:
    for error in exc.errors():
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "literal_error":
            message = f"got {error['input']!r}; {message.lower()}"
        yield f"{_key(loc, raw)}: {message}"


def _cross_check(config: Config) -> Iterator[str]:
    """What one section says about another: unique names, watches naming real entities/channels."""
    for section in ("feeds", "entities", "watches", "channels"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(config, section)):
            if item.name in seen:
                yield f'{section}[{i + 1}] (name = "{item.name}").name: duplicate name'
            seen.add(item.name)
    entities = {e.name for e in config.entities}
    channels = {c.name for c in config.channels}
    for name in config.health.channels:
        if name not in channels:
            yield f"health.channels: no [[channels]] named {name!r}"
    for i, watch in enumerate(config.watches):
        where = f'watches[{i + 1}] (name = "{watch.name}")'
        if watch.query is not None:
            try:
                parse_query(watch.query, config.entity_refs())
            except QueryError as error:
                yield f"{where}.query: {error}"
        for name in watch.entities:
            if name not in entities:
                yield f"{where}.entities: no [[entities]] named {name!r}"
        for name in watch.channels:
            if name not in channels:
                yield f"{where}.channels: no [[channels]] named {name!r}"
        for r, route in enumerate(watch.routes):
            for name in route.channels:
                if name not in channels:
                    yield f"{where}.routes[{r + 1}].channels: no [[channels]] named {name!r}"
    yield from _check_rendering(config)


def _check_rendering(config: Config) -> Iterator[str]:
    """A `format` the channel's style cannot carry; templates that do not compile or that fail
    on the sample alerts (caught here, at start, rather than when such an alert is sent)."""
    directories: dict[Path | None, str] = {}
    if config.alerts.templates:
        directories[config.template_dir()] = "alerts.templates"
    for i, channel in enumerate(config.channels):
        where = f'channels[{i + 1}] (name = "{channel.name}")'
        if problem := format_problem(channel.url, channel.style, channel.format):
            yield f"{where}.format: {problem}"
        if channel.templates:
            directories.setdefault(config.template_dir(channel), f"{where}.templates")
    for directory, key in directories.items():
        for problem in template_problems(directory):
            yield f"{key}: {problem}"


def find_config(explicit: Path | None) -> Path:
    """The --config path, else $MONITOR_CONFIG, else ./config/monitor.toml, else /etc/monitor."""
    if explicit is not None:
        return explicit
    if env := os.environ.get("MONITOR_CONFIG"):
        return Path(env)
    for candidate in DEFAULT_CONFIG_PATHS:
        if candidate.exists():
            return candidate
    return DEFAULT_CONFIG_PATHS[0]
