"""Storage at the side of the pipeline: SQLAlchemy 2 over SQLite (default) or PostgreSQL."""

from monitor.store.queries import FeedState, Store, StoredAlert

__all__ = ["FeedState", "Store", "StoredAlert"]
