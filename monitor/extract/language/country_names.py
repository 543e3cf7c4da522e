"""Country names as a side noun's modifier is written with them: "Chad rebels", "CAR rebels".

CLDR's English short names (Babel), with the former names news still writes. The one reader of
them: `leadership.countries` asks it for "the country", and reference resolution, which
imports no kind but control, for a side's modifier.
"""

from __future__ import annotations

import re
from functools import cache

# CLDR codes that are no country: the European Union, the eurozone, the United Nations,
# "Outlying Oceania", pseudo-regions.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# Names English news still writes where CLDR's short name has changed ("Türkiye", "Czechia").
_FORMER_NAMES = frozenset(
    "Turkey;Ivory Coast;Czech Republic;Swaziland;Cape Verde;East Timor;Macedonia".split(";")
)


@cache
def country_names() -> frozenset[str]:
    """Every country name and variant, folded for comparison."""
    from babel import Locale

    names: set[str] = set(_FORMER_NAMES)
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            names.update(_variants(name))
    return frozenset(n.casefold() for n in names)


def _variants(name: str) -> set[str]:
    """ "Myanmar (Burma)" is Myanmar and Burma; "Congo - Kinshasa" is Congo; "Bosnia &
    Herzegovina" is also written with "and", and often "Bosnia"."""
    out = {name, name.replace(" & ", " and "), name.split(" & ")[0]}
    out.update(part.strip() for part in re.split(r"[()]", name) if part.strip())
    out.add(name.split(" - ")[0])
    return out


@cache
def _initials() -> frozenset[str]:
    return frozenset(
        "".join(w[0] for w in n.split()) for n in country_names() if len(n.split()) > 2
    )


def is_country_name(words: str) -> bool:
    """Whether `words` are a country's short name ("Chad", "South Sudan")."""
    return words.strip().casefold() in country_names()


def is_country_initials(word: str) -> bool:
    """ "CAR" for the Central African Republic: the initials of a country of three words or
    more, in capitals."""
    return word.isupper() and word.casefold() in _initials()
