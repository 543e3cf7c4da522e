"""One line instead of a traceback when the database or its directory fails a command: what
went wrong, where, and what to do about it. Every command runs inside `StoreErrorsGroup`, so
whichever command meets a full disk, a read-only data directory, a damaged file or a lock held
by another process says so the same way, and exits 1."""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import Any

import click

# OSErrors that are about the storage under the command, not a bug or a closed pipe.
STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT})


def explain(exc: BaseException, database_url: str | None) -> str:
    """The line to print for `exc`, about the database at `database_url` (if known)."""
    from monitor.store.errors import fault, reason

    where, folder = _where(exc, database_url)
    why = reason(exc)
    kind = fault(exc)
    if kind == "full":
        return (
            f"the database {where} cannot grow: {why}. Free space on the filesystem that holds "
            f"{folder} (df -h {folder}) and run the command again; entries not stored are read "
            "again at their feed's next check."
        )
    if kind == "read_only":
        return (
            f"cannot write {where}: {why}. Make {folder} writable by the user that runs monitor "
            "(under systemd, StateDirectory= does), or point [storage] data_dir elsewhere."
        )
    if kind == "corrupt":
        return (
            f"the database {where} is damaged: {why}. Stop the daemon, keep a copy of the file, "
            "then restore a backup or recover it (sqlite3 FILE .recover | sqlite3 NEW_FILE)."
        )
    if kind == "locked":
        return (
            f"the database {where} is locked by another process: {why}. Another monitor "
            "command or an open sqlite3 shell holds it (fuser FILE names it); try again "
            "when it is done."
        )
    if kind == "unreachable":
        return f"cannot reach the database {where}: {why}. Check that it runs and [storage] url."
    return f"the database {where} failed: {why}."


def _where(exc: BaseException, database_url: str | None) -> tuple[str, str]:
    """The file or database named, and the folder that holds it."""
    if isinstance(exc, OSError) and exc.filename:
        path = Path(str(exc.filename))
        return str(path), str(path if path.is_dir() else path.parent)
    if database_url is None:
        return "(unknown)", "the data directory"
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database, str(Path(url.database).parent)
    shown = url.render_as_string(hide_password=True)
    return shown, "the database server's data directory"


def _is_storage_error(exc: BaseException) -> bool:
    """A store error (monitor/store/errors.py), an OSError only when it is about storage."""
    from monitor.store.errors import is_store_error

    if isinstance(exc, OSError):
        return exc.errno in STORAGE_ERRNOS
    return is_store_error(exc)


class StoreErrorsGroup(click.Group):
    """A click group whose commands answer a storage failure with `explain`'s line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if not _is_storage_error(exc):
                raise
            click.echo(f"monitor: {explain(exc, _database_url(ctx))}", err=True)
            sys.exit(1)


def _database_url(ctx: click.Context) -> str | None:
    """The database the command was pointed at, if its configuration can be read."""
    config = getattr(ctx.obj, "config", None)
    if config is None:
        return None
    try:
        return str(config().database_url())
    except (Exception, SystemExit):
        return None
