"""The closing lines of `monitor poll` and `monitor replay`, and their exit code: a feed that
answers badly is the feed's trouble (exit 0, listed); entries the database refused are ours
(exit 1), since they are only safe once stored."""

from __future__ import annotations

from collections.abc import Sequence

import click

from monitor.pipeline import FeedReport


def print_summary(reports: Sequence[FeedReport]) -> int:
    """Print what the round did to stderr; returns the exit code it calls for."""
    failed = [r for r in reports if r.status == "error"]
    alerts = sum(len(r.alerts) for r in reports)
    new = sum(r.new_entries for r in reports)
    line = f"{len(reports)} feeds checked, {new} new entries, {alerts} alerts, {len(failed)} failed"
    not_stored = [r for r in reports if r.store_error]
    if not_stored:
        entries = sum(r.failed_entries for r in not_stored)
        line += f"; {entries} entries not stored ({not_stored[0].store_error})"
    click.echo(line, err=True)
    for report in failed:
        click.echo(f"  {report.feed}: {report.error}", err=True)
    if not_stored:
        click.echo(
            f"monitor: {len(not_stored)} feeds could not be stored; they are read again at"
            " their next check once the database accepts writes",
            err=True,
        )
        return 1
    return 0
