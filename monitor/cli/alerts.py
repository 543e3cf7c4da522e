"""`monitor alerts`: the alerts raised and where each delivery stands, and `monitor alerts
retry` to put failed deliveries back in line.

Alerts are numbered `#12`, their deliveries (one per channel) `d34`: `monitor alerts retry 12`
re-queues every failed channel of alert 12 (or one, with --channel), `monitor alerts retry d34`
that one delivery.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import TYPE_CHECKING

import click

from monitor.cli.context import Context, Failure, pass_ctx

if TYPE_CHECKING:
    from monitor.store import DeliveryState, StoredAlert

# The states a delivery row (monitor/store/models.py Delivery.status) can be in.
STATUSES = ("pending", "sending", "sent", "failed", "digest", "digested")
# How the summary line names each state, in the order it lists them.
_STATE_WORDS = {
    "sent": "sent",
    "pending": "pending",
    "sending": "being sent",
    "failed": "failed",
    "digest": "held for a digest",
    "digested": "sent in a digest",
}
_TARGET = re.compile(r"^(d?)(\d+)$")


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alert.")
@click.option(
    "--status",
    type=click.Choice([*STATUSES, "recorded"]),
    help="Only alerts with a delivery in this state (recorded: stored, no channel).",
)
@click.option("--limit", default=50, show_default=True, help="How many of the newest alerts.")
@click.pass_context
def alerts(click_ctx: click.Context, as_json: bool, status: str | None, limit: int) -> None:
    """Alerts raised, newest last, with the state of each delivery (`#12` is an alert,
    `d34` one of its deliveries), then how many deliveries are in each state.

    `monitor alerts retry ID` sends failed deliveries again."""
    if click_ctx.invoked_subcommand is not None:
        return
    store = click_ctx.find_object(Context).read_store()  # type: ignore[union-attr]
    try:
        for stored in store.alerts(status=status, limit=limit):
            if as_json:
                click.echo(json.dumps(stored.to_json(), ensure_ascii=False))
            else:
                click.echo(_describe(stored))
        counts = store.delivery_counts()
    finally:
        store.close()
    if not as_json and counts:
        click.echo(summary(counts))


def _describe(stored: StoredAlert) -> str:
    from monitor.alert.render import render_console

    lines = [f"#{stored.id} {stored.created_at:%Y-%m-%d %H:%M} {render_console(stored.alert)}"]
    if len(stored.outlets) > 1:
        others = ", ".join(stored.outlets[1:])
        lines.append(f"    also reported by {len(stored.outlets) - 1}: {others}")
    lines += [f"    -> {delivery_line(d)}" for d in stored.deliveries]
    return "\n".join(lines)


def delivery_line(d: DeliveryState) -> str:
    """`email: failed after 8 attempt(s) [d34]: why`, with the next attempt or hold reason."""
    line = f"{d.channel}: {d.status} after {d.attempts} attempt(s)"
    if d.status == "pending" and d.next_attempt_at is not None:
        line += f", next {_utc(d.next_attempt_at)}"
    if d.held_reason and d.status in ("pending", "digest"):
        line += f" (held: {d.held_reason})"
    if d.status == "digested" and d.digest_id is not None:
        line += f" (in digest d{d.digest_id})"
    line += f" [d{d.id}]"
    return line + (f": {d.last_error}" if d.last_error else "")


def summary(counts: dict[str, int]) -> str:
    """`deliveries: 3 sent, 1 pending, 2 failed`, every state present, known ones first."""
    order = [*_STATE_WORDS, *sorted(set(counts) - set(_STATE_WORDS))]
    parts = [f"{counts[s]} {_STATE_WORDS.get(s, s)}" for s in order if counts.get(s)]
    return "deliveries: " + ", ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


@alerts.command("retry")
@click.argument("target")
@click.option("--channel", help="Only this channel's delivery (with an alert id).")
@pass_ctx
def retry(ctx: Context, target: str, channel: str | None) -> None:
    """Send failed deliveries again: TARGET is an alert (`12` or `#12`: all its failed
    channels, or one with --channel) or one delivery (`d34`). The rows are due at once, with
    a fresh count of attempts; the daemon (or the next `monitor poll`) sends them."""
    match = _TARGET.match(target.strip().lstrip("#"))
    if match is None:
        raise click.UsageError(f"{target!r} is neither an alert id (12) nor a delivery id (d34)")
    one_delivery, number = match.group(1) == "d", int(match.group(2))
    if one_delivery and channel:
        raise click.UsageError("--channel goes with an alert id, not a delivery id")
    store = ctx.store()
    try:
        now = datetime.now().astimezone()
        if one_delivery:
            requeued = store.requeue_failed(now, delivery_id=number)
        else:
            requeued = store.requeue_failed(now, alert_id=number, channel=channel)
    finally:
        store.close()
    if not requeued:
        what = f"delivery d{number}" if one_delivery else f"alert #{number}"
        only = f" on channel {channel!r}" if channel else ""
        raise Failure(f"{what} has no failed delivery{only}")
    for delivery_id, alert_id, name in requeued:
        click.echo(f"re-queued alert #{alert_id} -> {name} [d{delivery_id}]")
