"""Storage at the side of the pipeline: SQLAlchemy 2 over SQLite (default) or PostgreSQL.

The names below are imported when first asked for (PEP 562), so that a read-only command can
use monitor.store.tables and monitor.store.reading without loading the ORM that `Store` needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from monitor.store.alert_reads import DeliveryState, StoredAlert
    from monitor.store.facts import claim_id
    from monitor.store.feed_reads import FeedState
    from monitor.store.queue import ClaimedDelivery
    from monitor.store.retention import Pruned
    from monitor.store.stats import Activity
    from monitor.store.store import Store
    from monitor.store.stories import StoredText, StorySummary

# Where each name lives.
_HOMES = {
    "Activity": "stats",
    "ClaimedDelivery": "queue",
    "DeliveryState": "alert_reads",
    "FeedState": "feed_reads",
    "Pruned": "retention",
    "Store": "store",
    "StoredAlert": "alert_reads",
    "StoredText": "stories",
    "StorySummary": "stories",
    "claim_id": "facts",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "Activity",
    "ClaimedDelivery",
    "DeliveryState",
    "FeedState",
    "Pruned",
    "Store",
    "StoredAlert",
    "StoredText",
    "StorySummary",
    "claim_id",
]
