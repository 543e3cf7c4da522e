"""The timelines of the entity page, as pure functions of the stored observations.

Numeric facts (force size, casualties) become chart series: one point per observation, a range
from its low to its high estimate, grouped by who made the claim. Control of a place becomes
periods: a period starts when the diff recorded a change (new, changed, contested) and ends when
the next one starts; reports that only repeat the claim join the period they fall in. A period
with a contested change or contradicting claims is marked contested.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from monitor.alert.compose import describe
from monitor.records import Casualties, Fact, ForceSize, TerritorialControl
from monitor.store.facts import FactRecord
from monitor.web.links import safe_link

# Colour-blind-safe (Okabe-Ito), in the order claimants first appear; "unattributed" is grey.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f3c8d", "#000000")
UNATTRIBUTED = "unattributed (the outlet itself)"
UNATTRIBUTED_COLOUR = "#8a8a8a"
# Statuses that are, in themselves, a dispute over who holds a place.
DISPUTED = frozenset({"contested", "denies_captured"})
AXIS = 1000  # SVG user units across a control timeline


def millis(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def estimate(low: int | None, high: int | None) -> tuple[int, int] | None:
    """The drawable range of an amount: "at most N" runs from 0, "at least N" is N."""
    if low is None and high is None:
        return None
    return (low if low is not None else 0, high if high is not None else low or 0)


def force_size_chart(records: Iterable[FactRecord]) -> dict[str, object]:
    """Force-size estimates as ranges, one dataset per claimant."""
    series = _Series()
    units = set()
    for record in records:
        value = record.fact.value
        if not isinstance(value, ForceSize):
            continue
        units.add(value.unit)
        span = estimate(value.min, value.max)
        if span is not None:
            series.add(_claimant(record.fact), record, span, describe(value))
    unit = units.pop() if len(units) == 1 else "fighters"
    return {"kind": "force_size", "unit": unit, "datasets": series.datasets()}


CASUALTY_MEASURES = (("killed", "#b2182b"), ("wounded", "#ef8a62"), ("captured", "#2166ac"))


def casualties_chart(records: Iterable[FactRecord]) -> dict[str, object]:
    """Casualty counts as ranges, one dataset per measure (killed, wounded, captured)."""
    series = _Series()
    for record in records:
        value = record.fact.value
        if not isinstance(value, Casualties):
            continue
        for measure, colour in CASUALTY_MEASURES:
            low, high = getattr(value, f"{measure}_min"), getattr(value, f"{measure}_max")
            span = estimate(low, high)
            if span is not None:
                text = f"{value.subject}: {_amount(low, high)} {measure}"
                series.add(measure, record, span, text, colour=colour)
    return {"kind": "casualties", "unit": "people", "datasets": series.datasets()}


def _amount(low: int | None, high: int | None) -> str:
    if low is None:
        return f"at most {high:,}"
    if high is None:
        return f"at least {low:,}"
    return f"{low:,}" if low == high else f"{low:,} to {high:,}"


def _claimant(fact: Fact) -> str:
    return fact.evidence.claimed_by or UNATTRIBUTED


@dataclass
class _Series:
    points: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)

    def add(
        self,
        label: str,
        record: FactRecord,
        span: tuple[int, int],
        text: str,
        colour: str | None = None,
    ) -> None:
        if label not in self.points:
            self.points[label] = []
            self.colours[label] = colour or self._next_colour(label)
        ev = record.fact.evidence
        self.points[label].append(
            {
                "x": millis(ev.published),
                "published": ev.published.strftime("%Y-%m-%d %H:%M UTC"),
                "low": span[0],
                "high": span[1],
                "text": text,
                "source": ev.outlet,
                "url": safe_link(ev.article_url),
                "hedged": ev.hedged,
                "change": record.change,
            }
        )

    def _next_colour(self, label: str) -> str:
        if label == UNATTRIBUTED:
            return UNATTRIBUTED_COLOUR
        used = sum(1 for name in self.colours if name != UNATTRIBUTED)
        return PALETTE[used % len(PALETTE)]

    def datasets(self) -> list[dict[str, object]]:
        return [
            {"label": label, "color": self.colours[label], "points": points}
            for label, points in self.points.items()
        ]


@dataclass
class Period:
    """Who held (or claimed) a place from `start` until `end`."""

    start: datetime
    end: datetime
    claims: list[FactRecord]
    x: float = 0.0  # position and width on the SVG axis, in AXIS units
    width: float = 0.0

    @property
    def first(self) -> TerritorialControl:
        value = self.claims[0].fact.value
        assert isinstance(value, TerritorialControl)
        return value

    @property
    def contested(self) -> bool:
        states = set()
        for record in self.claims:
            value = record.fact.value
            assert isinstance(value, TerritorialControl)
            if record.change == "contested" or value.status in DISPUTED:
                return True
            states.add((value.controller, value.status))
        return len(states) > 1

    @property
    def label(self) -> str:
        return describe(self.first).split(": ", 1)[-1]


@dataclass(frozen=True, slots=True)
class PlaceTimeline:
    place: str
    start: datetime
    end: datetime
    periods: tuple[Period, ...]
    controllers: tuple[str, ...]

    def slot(self, period: Period) -> int:
        """The controller's colour slot (0-based), stable across the place's periods."""
        return self.controllers.index(period.first.controller or "unknown") % len(PALETTE)


def control_timelines(records: Sequence[FactRecord]) -> list[PlaceTimeline]:
    """One timeline per place, in the order places first appear."""
    by_place: dict[str, list[FactRecord]] = {}
    for record in records:
        value = record.fact.value
        if isinstance(value, TerritorialControl):
            by_place.setdefault(value.place, []).append(record)
    return [_timeline(place, found) for place, found in by_place.items()]


def _timeline(place: str, records: list[FactRecord]) -> PlaceTimeline:
    ordered = sorted(records, key=lambda r: r.fact.evidence.published)
    periods: list[Period] = []
    for record in ordered:
        at = record.fact.evidence.published
        starts_period = record.change in ("new", "changed", "contested", "retracted")
        if periods and (not starts_period or periods[-1].start == at):
            periods[-1].claims.append(record)
        else:
            periods.append(Period(at, at, [record]))
    start = periods[0].start
    last = ordered[-1].fact.evidence.published
    end = last + max(timedelta(days=1), (last - start) / 20)
    for current, following in zip(periods, [*periods[1:], None], strict=True):
        current.end = following.start if following else end
    span = (end - start).total_seconds()
    for period in periods:
        period.x = round(AXIS * (period.start - start).total_seconds() / span, 2)
        period.width = round(AXIS * (period.end - period.start).total_seconds() / span, 2)
    controllers = tuple(dict.fromkeys(p.first.controller or "unknown" for p in periods))
    return PlaceTimeline(place, start, end, tuple(periods), controllers)
