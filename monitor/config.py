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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from monitor.query_lex import QueryError
from monitor.query_parse import parse_query
from monitor.records import FACT_KINDS, EntityRef, FactKind

DEFAULT_CONFIG_PATHS = (Path("config/monitor.toml"), Path("/etc/monitor/monitor.toml"))
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_NAME = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class ConfigError(Exception):
    """A configuration that cannot be used; `problems` lists every `KEY: reason`."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(f"{self.path}: {p}" for p in problems))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class StorageConfig(_Model):
    url: str | None = None
    data_dir: str = "~/.local/share/monitor"

    def database_url(self, base: Path) -> str:
        """The SQLAlchemy URL: the configured one, or a SQLite file in the data directory."""
        if self.url:
            return self.url
        return f"sqlite:///{self.data_path(base) / 'monitor.sqlite3'}"

    def data_path(self, base: Path) -> Path:
        path = Path(self.data_dir).expanduser()
        return path if path.is_absolute() else (base / path).resolve()


class PollingConfig(_Model):
    interval_seconds: int = Field(900, ge=10, le=7 * 86400)
    min_interval_seconds: int = Field(60, ge=10, le=7 * 86400)
    max_interval_seconds: int = Field(6 * 3600, ge=10, le=7 * 86400)
    timeout_seconds: float = Field(20, gt=0, le=600)
    deadline_seconds: float | None = Field(None, gt=0, le=3600)
    max_redirects: int = Field(5, ge=0, le=20)
    concurrency: int = Field(10, ge=1, le=1000)
    per_host_concurrency: int = Field(2, ge=1, le=100)
    allow_private: bool = False
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1024)
    max_backoff_seconds: int = Field(6 * 3600, ge=60)

    @property
    def deadline(self) -> float:
        """The whole exchange, connection to last byte: a server that drips one byte at a time
        is cut off here, whatever the per-read timeout."""
        return self.deadline_seconds or 2 * self.timeout_seconds

    @model_validator(mode="after")
    def _bounds_in_order(self) -> PollingConfig:
        if self.min_interval_seconds > self.max_interval_seconds:
            raise ValueError("min_interval_seconds is larger than max_interval_seconds")
        return self


class HealthConfig(_Model):
    """When a feed's trouble is worth telling the user about (a `feed_health` alert)."""

    failing_after_seconds: int = Field(86400, ge=60)
    silent_factor: float = Field(10.0, ge=1.5)
    silent_minimum_seconds: int = Field(86400, ge=60)
    channels: tuple[str, ...] = ()


class FeedConfig(_Model):
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


class EntityConfig(_Model):
    name: str = Field(min_length=1)
    kind: Literal["person", "group", "place"]
    aliases: tuple[str, ...] = ()

    def ref(self) -> EntityRef:
        return EntityRef(self.name, self.kind, self.aliases)


class WatchConfig(_Model):
    name: str = Field(pattern=_NAME)
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    query: str | None = None
    facts: tuple[FactKind, ...] = FACT_KINDS
    new_articles: bool = True
    channels: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _something_to_match(self) -> WatchConfig:
        if not self.entities and not self.terms and not self.query:
            raise ValueError("a watch needs at least one of 'entities', 'terms' or 'query'")
        return self


class ChannelConfig(_Model):
    name: str = Field(pattern=_NAME)
    url: str = Field(min_length=3)
    format: Literal["html", "text", "markdown"] = "text"

    @field_validator("url")
    @classmethod
    def _apprise_url(cls, value: str) -> str:
        if "://" not in value:
            raise ValueError("must be an apprise URL such as mailtos://user:pass@host?to=addr")
        return value


class Config(_Model):
    storage: StorageConfig = StorageConfig()
    polling: PollingConfig = PollingConfig()
    health: HealthConfig = HealthConfig()
    feeds: tuple[FeedConfig, ...] = ()
    entities: tuple[EntityConfig, ...] = ()
    watches: tuple[WatchConfig, ...] = ()
    channels: tuple[ChannelConfig, ...] = ()
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
