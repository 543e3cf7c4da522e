"""The closing lines of `monitor poll` and `monitor replay`, and their exit code: a feed that
answers badly is the feed's trouble (exit 0, listed); entries the database refused and alerts
that could not be sent are ours to report (exit 1): they are only safe once stored and sent."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from monitor.pipeline import Attempt, FeedReport


def print_summary(
    reports: Sequence[FeedReport], deliveries: Sequence[Attempt] = (), queued: int = 0
) -> int:
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
    unsent = _print_deliveries(deliveries, queued)
    if not_stored:
        click.echo(
            f"monitor: {len(not_stored)} feeds could not be stored; they are read again at"
            " their next check once the database accepts writes",
            err=True,
        )
    return 1 if not_stored or unsent else 0


def _print_deliveries(deliveries: Sequence[Attempt], queued: int) -> int:
    """One line for the sends, one per failed send; returns how many failed."""
    if not deliveries and not queued:
        return 0
    sent = sum(d.outcome == "sent" for d in deliveries)
    retry = sum(d.outcome == "retry" for d in deliveries)
    gave_up = sum(d.outcome == "failed" for d in deliveries)
    line = f"deliveries: {sent} sent, {retry} failed (retried later), {gave_up} failed for good"
    if queued:
        line += f"; {queued} left in the outbox (retried by the daemon, or held for quiet hours)"
    click.echo(line, err=True)
    for attempt in deliveries:
        if attempt.outcome != "sent":
            at = attempt.retry_at
            when = f", retry at {at:%Y-%m-%d %H:%M:%S} UTC" if at else ""
            click.echo(
                f"  alert {attempt.alert_id} to {attempt.channel}: {attempt.error}{when}", err=True
            )
    return retry + gave_up
