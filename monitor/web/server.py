"""The HTTP endpoint: an aiohttp application served inside the daemon's event loop.

aiohttp's server listens with the loop's own sockets and installs no signal handlers, so it
leaves the daemon's signal handling and its outgoing HTTP client (httpx over a guarded
httpcore backend) alone. Routes: /healthz and /metrics, and with a configuration the
read-only pages (`monitor.web.pages`: entities, stories, alerts, feeds).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

from monitor.config import Config
from monitor.instance import INSTANCE_ID
from monitor.metrics import REGISTRY
from monitor.store import Store
from monitor.web.collector import StoreCollector
from monitor.web.pages import register_pages

log = logging.getLogger("monitor.web")
SHUTDOWN_SECONDS = 5.0


class Verdict(Protocol):
    """What a health check says: the problem, or None when healthy."""

    @property
    def problem(self) -> str | None: ...


HealthCheck = Callable[[], Awaitable[Verdict]]
HEALTH: web.AppKey[HealthCheck] = web.AppKey("health")
METRICS = web.AppKey("metrics", CollectorRegistry)


def make_app(
    store: Store, health: HealthCheck, config: Callable[[], Config] | None = None
) -> web.Application:
    """With `config` (the configuration in force), the read-only pages too (monitor.web.pages)."""
    app = web.Application()
    app[HEALTH] = health
    app[METRICS] = _registry(store)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    if config is not None:
        register_pages(app, store, config)
    return app


class _Forward(Collector):
    """The process's counters (monitor.metrics.REGISTRY) inside a per-application registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry

    def collect(self) -> list[Metric]:
        return list(self.registry.collect())


def _registry(store: Store) -> CollectorRegistry:
    registry = CollectorRegistry()
    registry.register(_Forward(REGISTRY))
    registry.register(StoreCollector(store))
    return registry


async def healthz(request: web.Request) -> web.Response:
    """200 when the database answers and ticks complete; 503 with the reason otherwise."""
    verdict = await request.app[HEALTH]()
    if verdict.problem is None:
        return web.json_response({"status": "ok", "instance": INSTANCE_ID})
    body = {"status": "unhealthy", "problem": verdict.problem, "instance": INSTANCE_ID}
    return web.json_response(body, status=503)


async def metrics(request: web.Request) -> web.Response:
    """Prometheus text format. The gauges query the database, so this runs off the loop."""
    body = await asyncio.to_thread(generate_latest, request.app[METRICS])
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


class WebServer:
    """Serves an application on one address until `stop`."""

    def __init__(self, app: web.Application, host: str, port: int) -> None:
        self.runner = web.AppRunner(
            app, access_log=None, handle_signals=False, shutdown_timeout=SHUTDOWN_SECONDS
        )
        self.host, self.port = host, port

    async def start(self) -> None:
        """Listen; raises OSError when the address cannot be bound (in use, not local)."""
        await self.runner.setup()
        try:
            await web.TCPSite(self.runner, self.host, self.port).start()
        except OSError:
            await self.runner.cleanup()
            raise
        self.port = self.runner.addresses[0][1]
        log.info("http=listening url=%s", self.url)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def stop(self) -> None:
        await self.runner.cleanup()
