"""Leadership: a configured person's office and fate (declared, named, killed, fled, seen
somewhere).

`patterns` reads a sentence by its words (`extract_leadership`): what the sentence says the
person is or suffered (`predicates`), the words of an office (`roles`), a title before the name
(`premodifier`) and whose office it is (`bodies`), denials and past posts (`filters`), headline
grammar (`headline`) and two people's one fate (`pairs`). The parse readers: arrivals,
whereabouts, killings and deaths told by a noun or a finding (`frames`), offices (`offices`,
with bodies led by named people in `led`) and whereabouts told by a relative clause
(`where_clauses`). `titles` keeps an office to the words the parse puts in the name's phrase,
`countries` reads "the country" as the one named last, and `appointed` makes an
office given by an appointing verb an appointment, the appointing group's.
"""

from monitor.extract.leadership.appointed import appointments
from monitor.extract.leadership.countries import countries_named, in_the_named_country
from monitor.extract.leadership.frames import (
    arrival_frames,
    death_noun_frames,
    flight_frames,
    found_dead_frames,
    killing_frames,
)
from monitor.extract.leadership.offices import office_frames
from monitor.extract.leadership.patterns import extract_leadership
from monitor.extract.leadership.titles import trim_titles
from monitor.extract.leadership.where_clauses import where_clause_frames

__all__ = [
    "appointments",
    "arrival_frames",
    "countries_named",
    "death_noun_frames",
    "extract_leadership",
    "flight_frames",
    "found_dead_frames",
    "in_the_named_country",
    "killing_frames",
    "office_frames",
    "trim_titles",
    "where_clause_frames",
]
