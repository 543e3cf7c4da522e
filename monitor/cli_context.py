"""What every command shares: the configuration file it was pointed at."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from monitor.config import Config, ConfigError, find_config, load_config
from monitor.store import Store


class Context:
    def __init__(self, config_path: Path | None) -> None:
        self.config_path = find_config(config_path)

    def config(self) -> Config:
        try:
            return load_config(self.config_path)
        except ConfigError as exc:
            click.echo(f"monitor: invalid configuration\n{exc}", err=True)
            sys.exit(2)

    def store(self) -> Store:
        return Store.open(self.config().database_url())


pass_ctx = click.make_pass_decorator(Context)
