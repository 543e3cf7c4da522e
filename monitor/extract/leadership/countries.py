"""Countries, to read "the country" as the one an article last named: "an aide said he was
still in Afghanistan ... a spokesman said Massoud was safe and inside the country".

The names are CLDR's English short names (Babel, already installed for trafilatura's language
data), so "Syria", "Russia" and "Myanmar" are countries and "Kabul" or "Aleppo" are not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from monitor.extract.language.country_names import country_names, is_country_name
from monitor.records import Claim, Leadership

if TYPE_CHECKING:
    from spacy.tokens import Span

# The noun phrase a fate's place is given as when the text names no place.
THE_COUNTRY = "the country"


def is_country(name: str) -> bool:
    return is_country_name(name.removeprefix("the "))


def countries_named(span: Span) -> list[str]:
    """The countries a sentence names, in order: proper names of up to four words ("Burkina
    Faso", "Central African Republic") that are countries, the longest at each end."""
    tokens = list(span)
    names = country_names()
    found = []
    for end, last in enumerate(tokens):
        if last.pos_ != "PROPN" or last.lower_ not in _last_words():
            continue
        for start in range(max(0, end - 3), end + 1):
            words = " ".join(t.text for t in tokens[start : end + 1])
            if words.casefold() in names:
                # "Port Sudan", "South Kordofan": a longer proper name is no country
                if start == 0 or tokens[start - 1].pos_ != "PROPN":
                    found.append(words)
                break
    return found


@cache
def _last_words() -> frozenset[str]:
    """The last word of every country name: a cheap test before any name is put together."""
    return frozenset(n.split()[-1] for n in country_names())


def in_the_named_country(claims: Sequence[Claim], country: str | None) -> list[Claim]:
    """Fates told "in the country" placed in `country`, the one named last before them."""
    if country is None:
        return list(claims)
    out = []
    for c in claims:
        v = c.value
        if isinstance(v, Leadership) and (v.location or "").casefold() == THE_COUNTRY:
            c = replace(c, value=replace(v, location=country))
        out.append(c)
    return out


__all__ = ["THE_COUNTRY", "countries_named", "in_the_named_country", "is_country"]
