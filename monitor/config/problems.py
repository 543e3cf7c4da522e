"""What is wrong with a configuration, as `KEY: reason` lines named the way the user wrote them.

Two sources: pydantic's validation errors (`describe`), and the checks that look across
sections (`cross_problems`: unique names, watches naming real entities and channels, queries,
formats and templates). The cross checks read the expanded document itself and validate items
one by one, so they run even when another part of the file is invalid: every mistake in a file
is reported in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from monitor.config.watch import ChannelConfig, EntityConfig, config_relative
from monitor.match.lex import QueryError
from monitor.match.parser import parse_query

Where = tuple[str | int, ...]
Model = TypeVar("Model", bound=BaseModel)

# What a strict field wanted, by pydantic error type, in TOML's words.
_EXPECTED = {
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "a string in quotes",
    "tuple_type": "a list [...]",
    "list_type": "a list [...]",
    "model_type": "a table",
    "dict_type": "a table",
}


def key_name(where: Where, raw: Any) -> str:
    """Render a location as the user wrote it: feeds[2] (name = "bbc").url"""
    out = ""
    node = raw
    for part in where:
        if isinstance(part, int):
            out += f"[{part + 1}]"
            node = node[part] if isinstance(node, list | tuple) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("name"), str):
                out += f' (name = "{node["name"]}")'
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(top level)"


def describe(exc: ValidationError, raw: Mapping[str, Any]) -> Iterator[str]:
    for error in exc.errors():
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "literal_error":
            message = f"got {error['input']!r}; {message.lower()}"
        elif expected := _EXPECTED.get(error["type"]):
            message = f"expected {expected}, got {_toml_value(error['input'])}"
        yield f"{key_name(loc, raw)}: {message}"


def _toml_value(value: Any) -> str:
    """A value as it reads in TOML, with its type: `true (a boolean)`, `"60" (a string)`."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, int):
        return f"{value} (an integer)"
    if isinstance(value, float):
        return f"{value!r} (a number)"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f'"{shown}" (a string)'
    if isinstance(value, datetime | date | time):
        return f"{value.isoformat()} (a date or time)"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def cross_problems(doc: Mapping[str, Any], raw: Mapping[str, Any], base_dir: Path) -> Iterator[str]:
    """What one section says about another, read from the expanded document `doc` (`raw`, as
    written, names the keys)."""
    for section in ("feeds", "entities", "watches", "channels"):
        seen: set[str] = set()
        for i, item in _items(doc, section):
            name = item.get("name")
            if not isinstance(name, str):
                continue
            if name in seen:
                yield f"{key_name((section, i), raw)}.name: duplicate name"
            seen.add(name)
    channels = {n for _, item in _items(doc, "channels") if isinstance(n := item.get("name"), str)}
    health = doc.get("health")
    for name in _strings(health.get("channels") if isinstance(health, dict) else None):
        if name not in channels:
            yield f"health.channels: no [[channels]] named {name!r}"
    yield from _watch_problems(doc, raw, channels)
    yield from _rendering_problems(doc, raw, base_dir)


def _watch_problems(
    doc: Mapping[str, Any], raw: Mapping[str, Any], channels: set[str]
) -> Iterator[str]:
    valid_entities = [entity for _, entity in valid_items(doc, "entities", EntityConfig)]
    refs = tuple(entity.ref() for entity in valid_entities)
    entities = {n for _, item in _items(doc, "entities") if isinstance(n := item.get("name"), str)}
    groups = {e.name for e in valid_entities if e.kind == "group"}
    for i, entity in _items(doc, "entities"):
        tie = entity.get("affiliation")
        if isinstance(tie, str) and tie not in groups:
            where = key_name(("entities", i), raw)
            yield f"{where}.affiliation: no group in [[entities]] named {tie!r}"
    for i, watch in _items(doc, "watches"):
        where = key_name(("watches", i), raw)
        query = watch.get("query")
        if isinstance(query, str):
            try:
                parse_query(query, refs)
            except QueryError as error:
                yield f"{where}.query: {error}"
        for name in _strings(watch.get("entities")):
            if name not in entities:
                yield f"{where}.entities: no [[entities]] named {name!r}"
        for name in _strings(watch.get("channels")):
            if name not in channels:
                yield f"{where}.channels: no [[channels]] named {name!r}"
        routes = watch.get("routes")
        for r, route in enumerate(routes if isinstance(routes, tuple) else ()):
            for name in _strings(route.get("channels") if isinstance(route, dict) else None):
                if name not in channels:
                    yield f"{where}.routes[{r + 1}].channels: no [[channels]] named {name!r}"


def _rendering_problems(
    doc: Mapping[str, Any], raw: Mapping[str, Any], base_dir: Path
) -> Iterator[str]:
    """A `format` the channel's style cannot carry; templates that do not compile or that fail
    on the sample alerts (caught here, at start, rather than when such an alert is sent)."""
    from monitor.alert.render_style import format_problem

    directories: dict[Path, str] = {}
    alerts = doc.get("alerts")
    templates = alerts.get("templates") if isinstance(alerts, dict) else None
    if isinstance(templates, str) and templates:
        directories[config_relative(templates, base_dir)] = "alerts.templates"
    for i, channel in valid_items(doc, "channels", ChannelConfig):
        where = key_name(("channels", i), raw)
        if "://" in channel.url and (
            problem := format_problem(channel.url, channel.style, channel.format)
        ):
            yield f"{where}.format: {problem}"
        if channel.templates:
            directories.setdefault(
                config_relative(channel.templates, base_dir), f"{where}.templates"
            )
    if not directories:
        return
    from monitor.alert.render import template_problems  # Jinja2: only for templates to check

    for directory, key in directories.items():
        for problem in template_problems(directory):
            yield f"{key}: {problem}"


def _items(doc: Mapping[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    items = doc.get(section)
    for i, item in enumerate(items if isinstance(items, tuple) else ()):
        if isinstance(item, dict):
            yield i, item


def valid_items(
    doc: Mapping[str, Any], section: str, model: type[Model]
) -> Iterator[tuple[int, Model]]:
    """The items of a `[[section]]` that are valid on their own (the others are reported by
    the validation of the whole file)."""
    for i, item in _items(doc, section):
        try:
            yield i, model.model_validate(item, strict=True)
        except ValidationError:
            continue


def _strings(value: Any) -> Sequence[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, tuple) else []
