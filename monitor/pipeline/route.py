"""Which channels an alert goes to: a pure function of the watch's configuration and the alert.

A watch's `channels` get every alert it raises (the simple case, and how configurations written
before routes keep working). Each `[[watches.routes]]` adds its channels for the alerts it
selects: by alert kind, by fact kind, and from a minimum severity. The result keeps the order
in which channels are first named and names each once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from monitor.alert.policy import rank
from monitor.config import RouteConfig, WatchConfig
from monitor.records import Alert


def selects(route: RouteConfig, alert: Alert) -> bool:
    """Whether `route` takes `alert`. A route that names fact kinds takes only fact alerts
    about those kinds (a new article is about no fact)."""
    if route.kinds and alert.kind not in route.kinds:
        return False
    if route.facts and alert.fact_kind not in route.facts:
        return False
    return rank(alert.severity) >= rank(route.min_severity)


def channels_for(
    channels: Sequence[str], routes: Sequence[RouteConfig], alert: Alert
) -> tuple[str, ...]:
    """The watch's own channels, then those of every route that selects the alert."""
    chosen = list(channels)
    for route in routes:
        if selects(route, alert):
            chosen.extend(route.channels)
    return tuple(dict.fromkeys(chosen))


def routed(watch: WatchConfig, alert: Alert) -> Alert:
    """`alert` with the channels `watch` sends it to."""
    return replace(alert, channels=channels_for(watch.channels, watch.routes, alert))
