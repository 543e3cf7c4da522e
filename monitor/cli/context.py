"""What every command shares: the configuration file it was pointed at.

The configuration (pydantic) and the store (SQLAlchemy) are imported when a command asks for
them, not when the command line starts: `monitor --help` needs neither.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.store import Store
    from monitor.store.readonly import ReadStore


class Failure(click.ClickException):
    """A command that could not do what was asked: said on stderr as "monitor: <what>", the
    way every other message of the command line starts (click's own says "Error:"), exit 1."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"monitor: {self.format_message()}", err=True, file=file)


class Context:
    def __init__(self, config_path: Path | None) -> None:
        self._given_path = config_path

    @functools.cached_property
    def config_path(self) -> Path:
        from monitor.config import find_config

        return find_config(self._given_path)

    def config(self) -> Config:
        from monitor.config import ConfigError, load_config

        try:
            return load_config(self.config_path)
        except ConfigError as exc:
            click.echo(f"monitor: invalid configuration\n{exc}", err=True)
            sys.exit(2)

    def store(self) -> Store:
        from monitor.store import Store

        return Store.open(self.config().database_url())

    def read_store(self) -> ReadStore:
        """The store's read side (no ORM), for the views; migrated like `store`."""
        from monitor.store.readonly import ReadStore

        return ReadStore.open(self.config().database_url())


pass_ctx = click.make_pass_decorator(Context)
