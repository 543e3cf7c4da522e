"""Country names as a side noun's modifier is written with them: "Chad rebels", "CAR rebels".

CLDR's English short names (Babel), as `leadership.countries` reads them for "the country";
this reader is the shared tools' own, so that reference resolution, which imports no kind but
control, may ask it too.
"""

from __future__ import annotations

from functools import cache

# CLDR codes that are no country: the European Union, the eurozone, the United Nations,
# "Outlying Oceania", pseudo-regions.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def _names() -> frozenset[str]:
    from babel import Locale

    names = [
        name.split(" (")[0].split(" - ")[0]
        for code, name in Locale("en").territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    # "Bosnia & Herzegovina" is also written "Bosnia and Herzegovina", and often "Bosnia".
    return frozenset(
        variant.casefold()
        for name in names
        for variant in (name, name.replace(" & ", " and "), name.split(" & ")[0])
    )


@cache
def _initials() -> frozenset[str]:
    return frozenset("".join(w[0] for w in n.split()) for n in _names() if len(n.split()) > 2)


def is_country_name(words: str) -> bool:
    """Whether `words` are a country's short name ("Chad", "South Sudan")."""
    return words.strip().casefold() in _names()


def is_country_initials(word: str) -> bool:
    """ "CAR" for the Central African Republic: the initials of a country of three words or
    more, in capitals."""
    return word.isupper() and word.casefold() in _initials()
