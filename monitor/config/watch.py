"""The sections of the configuration that say what is watched and where alerts go (feeds,
entities, watches, channels, alert templates), apart from how the service runs
(monitor.config.service) and how the file is read (monitor.config)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from monitor.alert import policy as channel_policy
from monitor.alert.render_style import Format, StyleSetting
from monitor.config.service import ConfigModel
from monitor.config.url import http_url_problem
from monitor.diff import ControlRule, LeadershipNews, Significance
from monitor.records import FACT_KINDS, EntityRef, FactKind, Severity

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class FeedConfig(ConfigModel):
    name: str = Field(pattern=NAME_PATTERN)
    url: str
    interval_seconds: int | None = Field(None, ge=10, le=7 * 86400)
    allow_private: bool | None = None
    enabled: bool = True
    full_text: bool = False

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if problem := http_url_problem(value):
            raise ValueError(problem)
        return value


class EntityConfig(ConfigModel):
    name: str = Field(min_length=1)
    kind: Literal["person", "group", "place"]
    aliases: tuple[str, ...] = ()
    # Names too common to find the entity by ("Saleh"): read as it only in an article that
    # names it in full and no one else by them (monitor/extract/coref/short.py).
    short_names: tuple[str, ...] = ()
    # A person's group: the forces "he commands" are its forces
    # (monitor/extract/force/frames.py), and what he says of a capture by it is its claim. Must
    # name a configured group.
    affiliation: str | None = Field(None, min_length=1)

    @model_validator(mode="after")
    def _affiliation_of_a_person(self) -> EntityConfig:
        if self.affiliation is not None and self.kind != "person":
            raise ValueError("affiliation: only a person has one (the group they belong to)")
        return self

    def ref(self) -> EntityRef:
        return EntityRef(
            self.name, self.kind, self.aliases, self.short_names, affiliation=self.affiliation
        )


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
        if isinstance(value, list | tuple) and "feed_health" in value:
            raise ValueError("feed_health alerts belong to no watch: set [health] channels")
        return value


class SignificanceConfig(ConfigModel):
    """When a different value is a change worth an alert, per kind of fact (monitor/diff.py
    `Significance`): set in [alerts.significance], and per watch in [watches.significance],
    whose keys replace those of [alerts.significance] one by one."""

    force_size_percent: float = Field(10.0, gt=0, le=1000)
    casualties_percent: float = Field(10.0, gt=0, le=1000)
    control: ControlRule = "holder"
    leadership: tuple[LeadershipNews, ...] = ("office", "fate")
    incident_days: float = Field(3.0, gt=0, le=365)

    def over(self, base: SignificanceConfig) -> SignificanceConfig:
        """These settings where the file sets them, `base`'s elsewhere."""
        return base.model_copy(update={k: getattr(self, k) for k in self.model_fields_set})

    def rule(self) -> Significance:
        return Significance(
            self.force_size_percent,
            self.casualties_percent,
            self.control,
            frozenset(self.leadership),
            self.incident_days,
        )


class WatchConfig(ConfigModel):
    name: str = Field(pattern=NAME_PATTERN)
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    require: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    query: str | None = None
    facts: tuple[FactKind, ...] = FACT_KINDS
    new_articles: bool = True
    channels: tuple[str, ...] = ()  # every alert of the watch goes here
    routes: tuple[RouteConfig, ...] = ()  # and each route's alerts to its channels
    significance: SignificanceConfig | None = None  # over [alerts.significance], key by key

    @model_validator(mode="after")
    def _something_to_match(self) -> WatchConfig:
        if not self.entities and not self.terms and not self.query:
            raise ValueError("a watch needs at least one of 'entities', 'terms' or 'query'")
        return self


class ChannelConfig(ConfigModel):
    # Set by the loader, never by the file: the environment variables named in `url` that were
    # not set. Secrets are needed only to send, so such a channel loads (every command that
    # does not send works) and each send to it fails naming them (`unusable_reason`). Declared
    # first, so that the check of `url` sees it.
    missing_variables: tuple[str, ...] = ()
    name: str = Field(pattern=NAME_PATTERN)
    url: str
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
    def _apprise_url(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("missing_variables"):
            return value  # checked once the variables are set
        if len(value) < 3 or "://" not in value:
            raise ValueError("must be an apprise URL such as mailtos://user:pass@host?to=addr")
        return value

    @field_validator("digest", "quiet_hours", "rate_limit")
    @classmethod
    def _volume_rule(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None:
            _VOLUME_PARSERS[info.field_name or ""](value)
        return value

    @property
    def unusable_reason(self) -> str | None:
        """Why nothing can be sent to this channel now (its URL lacks secrets), else None."""
        if not self.missing_variables:
            return None
        names = ", ".join(self.missing_variables)
        plural = "s" if len(self.missing_variables) > 1 else ""
        verb = "are" if plural else "is"
        return f"channel {self.name!r}: environment variable{plural} {names} {verb} not set"

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
    significance: SignificanceConfig = SignificanceConfig()


def config_relative(value: str, base_dir: Path) -> Path:
    """A path from the file (`~` expanded): absolute as written, else relative to the file's
    directory."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else base_dir / path
