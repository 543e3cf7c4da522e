"""Entry dates: feedparser's reading where it is right, ours where it is known to be wrong or
gives up, and the fetch time where the date is absent or absurd.

- Dates more than a day after the fetch (clock skew, typos like year 2202) and dates before 1990
  (year 0, epoch defaults, "1900-01-01" placeholders) are not believed: the next date field is
  tried, then the fetch time is used. Both would otherwise push an entry to the top or bottom
  of every time-ordered view and past every "newer than" rule.
- Portuguese, Italian, Spanish, French and German day and month names ("Seg, 24 Set 2018",
  "mer, 16 nov 2022") are read with a small month table: about 40 lines instead of `dateparser`
  (several MB of language data, `regex` and `tzlocal`, slow to import) for the one format that
  such feeds use, RFC 822 with local names.
- "2020/1/10 14:33:00" (feedparser reads 2020-11-01) and "Dec 16 2023 02:02:33 PM" (feedparser
  drops the PM) are read by their own patterns. Dates without a zone are taken as UTC.
- feedparser's reading is not believed when it disagrees with the text: "01 Jan 0000" became
  2000-01-01 and "2021-13-01" became 2022-01-01.
"""

from __future__ import annotations

import calendar
import re
import time
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)
DATE_KEYS = ("published", "updated", "created")

_MONTHS = {
    **dict.fromkeys(("jan", "gen", "ene"), 1),
    **dict.fromkeys(("feb", "fev"), 2),
    "mar": 3,
    **dict.fromkeys(("apr", "abr", "avr"), 4),
    **dict.fromkeys(("may", "mai", "mag"), 5),
    **dict.fromkeys(("jun", "giu", "juin"), 6),
    **dict.fromkeys(("jul", "lug", "juil"), 7),
    **dict.fromkeys(("aug", "ago", "aou"), 8),
    **dict.fromkeys(("sep", "set"), 9),
    **dict.fromkeys(("oct", "out", "ott", "okt"), 10),
    "nov": 11,
    **dict.fromkeys(("dec", "dez", "dic"), 12),
}
_ENGLISH = ("", *calendar.month_abbr[1:])
_DAY_MONTH_YEAR = re.compile(
    r"^\s*(?:[^\W\d]+\.?,?\s+)?(\d{1,2})\s+([^\W\d]+)\.?\s+(\d{4})\s+"
    r"(\d{1,2}:\d{2}(?::\d{2})?)\s*(\S*)\s*$"
)
_YEAR_FIRST = re.compile(
    r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$"
)
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)\d{4}-(\d{1,2})-(\d{1,2})")
_TWELVE_HOUR = re.compile(
    r"^\s*(?:[A-Za-z]+,?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])\s*$"
)


def entry_date(raw: Mapping[str, object], fetched_at: datetime) -> datetime:
    """The first believable date among published, updated and created; else the fetch time.
    `dict.get`, not `raw.get`: feedparser's own lookup maps missing keys to others (with a
    DeprecationWarning), and we want each date only where the feed really gave it."""
    for key in DATE_KEYS:
        text = dict.get(raw, key)  # type: ignore[call-overload]
        parsed = dict.get(raw, f"{key}_parsed")  # type: ignore[call-overload]
        when = read_date(text if isinstance(text, str) else "", parsed)
        if when is not None and believable(when, fetched_at):
            return when
    return fetched_at


def read_date(text: str, parsed: object) -> datetime | None:
    """Our reading for the formats feedparser gets wrong, feedparser's otherwise, ours again
    for the ones it gave up on."""
    theirs = _from_struct(parsed) if consistent(text, parsed) else None
    return _year_first(text) or _twelve_hour(text) or theirs or _local_names(text)


def consistent(text: str, parsed: object) -> bool:
    """Whether feedparser's reading agrees with the text: it turns year 0000 into 2000 and
    month 13 into January of the next year instead of giving up."""
    if not isinstance(parsed, time.struct_time):
        return False
    years = [int(y) for y in _FOUR_DIGITS.findall(text)]
    if years and all(abs(y - parsed.tm_year) > 1 for y in years):
        return False
    iso = _ISO_DATE.search(text)
    return not iso or (1 <= int(iso.group(1)) <= 12 and 1 <= int(iso.group(2)) <= 31)


def believable(when: datetime, fetched_at: datetime) -> bool:
    return EARLIEST <= when <= fetched_at + FUTURE_SLACK


def parse_date_text(text: str) -> datetime | None:
    """Any date format this module reads, for callers without feedparser's result."""
    return read_date(text, None) or _rfc822(text) or _iso(text)


def _from_struct(value: object) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (ValueError, OverflowError, OSError):
        return None


def _year_first(text: str) -> datetime | None:
    match = _YEAR_FIRST.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    return _build(year, month, day, hour, minute, second)


def _twelve_hour(text: str) -> datetime | None:
    match = _TWELVE_HOUR.match(text)
    if not match:
        return None
    month, day, year, hour, minute, second, half = match.groups()
    hour_24 = int(hour) % 12 + (12 if half.lower() == "pm" else 0)
    number = _MONTHS.get(month.lower())
    return _build(int(year), number or 0, int(day), hour_24, int(minute), int(second or 0))


def _local_names(text: str) -> datetime | None:
    """RFC 822 with the day and month names of another language."""
    match = _DAY_MONTH_YEAR.match(text)
    if not match:
        return None
    day, month, year, clock, zone = match.groups()
    number = _month_number(month)
    if number is None:
        return None
    when = _rfc822(f"{day} {_ENGLISH[number]} {year} {clock} {zone}".strip())
    return when if when and abs(when.year - int(year)) <= 1 else None  # "0000" is not 2000


def _month_number(name: str) -> int | None:
    folded = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return _MONTHS.get(folded[:4]) or _MONTHS.get(folded[:3])


def _rfc822(text: str) -> datetime | None:
    try:
        when = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _iso(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _build(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except (ValueError, OverflowError):
        return None
