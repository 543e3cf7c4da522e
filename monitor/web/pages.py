"""The read-only pages: entities, stories, alerts and feeds, rendered on the server.

Every handler only reads: the database queries run in a worker thread (the daemon's loop keeps
polling meanwhile), the templates autoescape everything, and each response carries a Content
Security Policy that allows only this server's own scripts and styles. Channel URLs are never
read, feed URLs and error texts are shown with their secrets masked.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from aiohttp import web

from monitor.alert.compose import describe, source
from monitor.config import Config
from monitor.redact.urls import mask_url, redact
from monitor.store import Store
from monitor.store.facts import FactRecord
from monitor.store.views import (
    alert_log,
    delivery_totals,
    facts_mentioning,
    mentions_of,
    story_details,
)
from monitor.web.links import safe_link
from monitor.web.views import (
    delivery_state,
    delivery_when,
    entity_page,
    entity_summaries,
    find_entity,
    state_totals,
)

STATIC = Path(__file__).parent / "static"
STORE: web.AppKey[Store] = web.AppKey("pages_store", Store)
CONFIG: web.AppKey[Callable[[], Config]] = web.AppKey("pages_config")
TEMPLATES: web.AppKey[jinja2.Environment] = web.AppKey("pages_templates", jinja2.Environment)
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    # Links go to the sources; they need not learn the address of this page.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STORY_LIMIT = 50
ALERT_LIMIT = 200
ALERT_FILTERS = ("pending", "sending", "sent", "failed", "digest", "digested")


def register_pages(app: web.Application, store: Store, config: Callable[[], Config]) -> None:
    """Add the pages to an application; `config` returns the configuration in force, so that
    a reload shows new entities at once."""
    app[STORE], app[CONFIG], app[TEMPLATES] = store, config, templates()
    app.router.add_get("/", entities)
    app.router.add_get("/entities/{name}", entity)
    app.router.add_get("/stories", stories)
    app.router.add_get("/alerts", alerts)
    app.router.add_get("/feeds", feeds)
    app.router.add_static("/static/", STATIC, append_version=True, name="static")
    app[TEMPLATES].globals["static"] = lambda name: str(app.router["static"].url_for(filename=name))


def templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("monitor.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        describe=describe,
        source=source,
        link=safe_link,
        mask_url=mask_url,
        redact=redact,
        when=_when,
        entity_url=lambda name: "/entities/" + quote(name, safe=""),
    )
    env.globals.update(delivery_state=delivery_state, delivery_when=delivery_when)
    return env


def _when(moment: datetime | None, with_time: bool = True) -> str:
    if moment is None:
        return "never"
    return moment.strftime("%Y-%m-%d %H:%M UTC" if with_time else "%Y-%m-%d")


def _page(request: web.Request, template: str, **context: Any) -> web.Response:
    html = request.app[TEMPLATES].get_template(template).render(path=request.path, **context)
    return web.Response(text=html, content_type="text/html", headers=HEADERS)


async def _read(function: Callable[..., Any], *args: Any) -> Any:
    """Database work off the event loop."""
    return await asyncio.to_thread(function, *args)


async def entities(request: web.Request) -> web.Response:
    config, store = request.app[CONFIG](), request.app[STORE]
    mentions = await _read(_mentions_of_all, store, [e.name for e in config.entities])
    return _page(request, "entities.html", entities=entity_summaries(config, mentions))


def _mentions_of_all(store: Store, names: list[str]) -> dict[str, tuple[int, FactRecord | None]]:
    return {name: mentions_of(store, name) for name in names}


async def entity(request: web.Request) -> web.Response:
    config, store = request.app[CONFIG](), request.app[STORE]
    found = find_entity(config, request.match_info["name"])
    if found is None:
        html = request.app[TEMPLATES].get_template("missing.html")
        text = html.render(path=request.path, name=request.match_info["name"])
        raise web.HTTPNotFound(text=text, content_type="text/html", headers=HEADERS)
    records = await _read(facts_mentioning, store, [found.name])
    return _page(request, "entity.html", page=entity_page(config, found, records))


async def stories(request: web.Request) -> web.Response:
    found = await _read(story_details, request.app[STORE], STORY_LIMIT)
    return _page(request, "stories.html", stories=found)


async def alerts(request: web.Request) -> web.Response:
    status = request.query.get("status")
    if status not in ALERT_FILTERS:
        status = None
    store = request.app[STORE]
    found = await _read(alert_log, store, ALERT_LIMIT, status)
    counts = state_totals(await _read(delivery_totals, store))
    return _page(
        request, "alerts.html", alerts=found, counts=counts, status=status, filters=ALERT_FILTERS
    )


async def feeds(request: web.Request) -> web.Response:
    found = await _read(request.app[STORE].feeds)
    return _page(request, "feeds.html", feeds=found)
