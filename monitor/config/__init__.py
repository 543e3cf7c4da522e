"""Configuration: one TOML file, validated into frozen pydantic models.

`${VAR}` and `${VAR:-default}` in string values read the environment, so secrets stay out of the
file. Every mistake is reported as `FILE: KEY: what is wrong`, all at once, so a user fixes a
config in one pass instead of one error per restart.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from monitor.config.problems import Where, cross_problems, describe, key_name
from monitor.config.service import (
    ConfigModel,
    DaemonConfig,
    DeliveryConfig,
    ExtractConfig,
    HealthConfig,
    HttpConfig,
    LoggingConfig,
    PollingConfig,
    RetentionConfig,
    StorageConfig,
)
from monitor.config.watch import (
    AlertsConfig,
    ChannelConfig,
    EntityConfig,
    FeedConfig,
    RouteConfig,
    RouteKind,
    WatchConfig,
    config_relative,
)
from monitor.records import EntityRef

__all__ = [
    "AlertsConfig",
    "ChannelConfig",
    "Config",
    "ConfigError",
    "EntityConfig",
    "FeedConfig",
    "RouteConfig",
    "RouteKind",
    "WatchConfig",
    "find_config",
    "load_config",
    "parse_config",
]

DEFAULT_CONFIG_PATHS = (Path("config/monitor.toml"), Path("/etc/monitor/monitor.toml"))
DATA_DIR_VARIABLE = "MONITOR_DATA_DIR"
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


class ConfigError(Exception):
    """A configuration that cannot be used; `problems` lists every `KEY: reason`."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(f"{self.path}: {p}" for p in problems))


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
    extract: ExtractConfig = ExtractConfig()
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
        return None if value is None else config_relative(value, self.base_dir)


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
    """Validate a read document strictly (a value of the wrong TOML type is an error, never
    converted) and raise ConfigError listing every problem in it."""
    problems: list[str] = []
    ctx = _EnvContext(raw, problems)
    expanded = _expand(raw, environ, (), ctx)
    problems.extend(f"{key_name(where, raw)}: unknown key" for where in _pop_loader_keys(expanded))
    _mark_missing_secrets(expanded, ctx.missing_secrets)
    _apply_data_dir_variable(expanded, environ)
    base_dir = path.parent.resolve()
    flagged = {p.split(":", 1)[0] for p in problems}
    config = None
    try:
        config = Config.model_validate({**expanded, "base_dir": base_dir}, strict=True)
    except ValidationError as exc:
        problems.extend(p for p in describe(exc, raw) if p.split(":", 1)[0] not in flagged)
    problems.extend(cross_problems(expanded, raw, base_dir))
    if config is not None and not problems:
        return config
    raise ConfigError(path, problems)


class _EnvContext:
    """The raw document (to name keys as the user wrote them), where problems are collected,
    and the variables each channel's URL lacks (by channel index: not problems, see
    ChannelConfig.missing_variables)."""

    def __init__(self, raw: dict[str, Any], problems: list[str]) -> None:
        self.raw = raw
        self.problems = problems
        self.missing_secrets: dict[int, list[str]] = {}


def _expand(value: Any, environ: Mapping[str, str], where: Where, ctx: _EnvContext) -> Any:
    """Read ${VAR} references; TOML arrays become tuples, the type the strict models take."""
    if isinstance(value, str):
        return _ENV_REF.sub(lambda m: _lookup(m, environ, where, ctx), value)
    if isinstance(value, dict):
        return {k: _expand(v, environ, (*where, k), ctx) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_expand(v, environ, (*where, i), ctx) for i, v in enumerate(value))
    return value


def _lookup(m: re.Match[str], environ: Mapping[str, str], where: Where, ctx: _EnvContext) -> str:
    name, default = m.group(1), m.group(2)
    if environ.get(name):
        return environ[name]
    if default is not None:
        return default
    if len(where) == 3 and where[0] == "channels" and where[2] == "url":
        assert isinstance(where[1], int)
        ctx.missing_secrets.setdefault(where[1], []).append(name)
    else:
        ctx.problems.append(f"{key_name(where, ctx.raw)}: environment variable {name} is not set")
    return ""


def _pop_loader_keys(doc: dict[str, Any]) -> list[Where]:
    """Keys the loader sets itself: removed from the document wherever the file has them, and
    returned, to be reported as unknown."""
    found: list[Where] = []
    if doc.pop("base_dir", None) is not None:
        found.append(("base_dir",))
    channels = doc.get("channels")
    for i, channel in enumerate(channels if isinstance(channels, tuple) else ()):
        if isinstance(channel, dict) and channel.pop("missing_variables", None) is not None:
            found.append(("channels", i, "missing_variables"))
    return found


def _mark_missing_secrets(doc: dict[str, Any], missing: dict[int, list[str]]) -> None:
    for i, names in missing.items():
        doc["channels"][i]["missing_variables"] = tuple(dict.fromkeys(names))


def _apply_data_dir_variable(doc: dict[str, Any], environ: Mapping[str, str]) -> None:
    """$MONITOR_DATA_DIR, when set, is the data directory whenever no [storage] url is given,
    over the file's data_dir (the systemd unit points it at the service's state directory)."""
    value = environ.get(DATA_DIR_VARIABLE)
    if not value:
        return
    storage = doc.setdefault("storage", {})
    if isinstance(storage, dict) and not storage.get("url"):
        storage["data_dir"] = str(Path(value).expanduser().absolute())


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
