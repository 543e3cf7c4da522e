"""What went wrong with the database, in a few words: the reason a feed or a command shows when
a write fails (disk full, read-only file, damaged file, lock held by another process), instead
of a driver's exception with its statement and parameters."""

from __future__ import annotations

import sqlite3
from typing import Literal

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

StoreFault = Literal["full", "read_only", "corrupt", "locked", "unreachable", "other"]

# Words of SQLite's (and PostgreSQL's) messages, by the fault they name.
_FAULTS: tuple[tuple[StoreFault, tuple[str, ...]], ...] = (
    ("full", ("database or disk is full", "no space left on device", "disk full")),
    (
        "read_only",
        ("readonly database", "read-only file system", "permission denied", "unable to open"),
    ),
    ("corrupt", ("malformed", "file is not a database", "database corruption", "disk i/o error")),
    ("locked", ("database is locked", "database table is locked", "lock timeout")),
    ("unreachable", ("connection refused", "could not connect", "connection to server")),
)


# Errors of the database or of the files under it, as opposed to bugs.
STORE_ERRORS = (SQLAlchemyError, sqlite3.Error, OSError)


def is_store_error(exc: BaseException) -> bool:
    """An error of the database or of the files under it, as opposed to a bug."""
    return isinstance(exc, STORE_ERRORS)


def reason(exc: BaseException) -> str:
    """The driver's own first line (`database or disk is full`), without SQL or parameters."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, OSError) and original.strerror:
        where = f": {original.filename}" if original.filename else ""
        return f"{original.strerror}{where}"
    text = str(original).strip().splitlines()
    return text[0] if text and text[0] else type(original).__name__


def fault(exc: BaseException) -> StoreFault:
    """Which kind of trouble `exc` is, from its message."""
    said = reason(exc).lower()
    for kind, words in _FAULTS:
        if any(word in said for word in words):
            return kind
    return "other"
