"""Whose office, when the words of the office name no body: the group the configuration ties
the holder to, when the same sentence names that group.

"Houthi rebels had taken three districts, military spokesman Yahya Saree said": Saree,
configured as a Houthi official, is the Houthis' military spokesman. "Ukrainian forces now
control 82 settlements, according to General Syrskyi the commander-in-chief": the Ukrainian
forces' commander-in-chief. Offices of a state ("president", "defence minister", "governor")
belong to no armed group, and a sentence that names no group of the person leaves the office
without a body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from monitor.extract.mentions import find_mentions
from monitor.records import Claim, EntityRef, Leadership

_FATES = frozenset({"killed", "fled", "located", "denied"})
# Offices of a state or a province: their holder's armed group is not their body.
_STATE_OFFICE = re.compile(
    r"\b(?:president|premier|prime\s+minister|minister|chancellor|governor|mayor|king|queen|"
    r"prince|emir|ambassador|envoy|secretary\s+of\s+state)$",
    re.I,
)


def is_state_office(role: str) -> bool:
    """ "president", "defence minister", "provincial governor": an office of a state."""
    return _STATE_OFFICE.search(role) is not None


def own_bodies(claims: Sequence[Claim], text: str, entities: Sequence[EntityRef]) -> list[Claim]:
    """The claims, each office without a body given its holder's configured group when the
    sentence names that group."""
    if not any(isinstance(c.value, Leadership) and c.value.role for c in claims):
        return list(claims)
    named = {m.entity.name for m in find_mentions(text, entities) if m.entity.kind == "group"}
    ties = {e.name: e.affiliation for e in entities if e.kind == "person" and e.affiliation}
    out = []
    for claim in claims:
        v = claim.value
        if (
            isinstance(v, Leadership)
            and v.role
            and v.organization is None
            and v.status not in _FATES
            and ties.get(v.subject) in named
            and not is_state_office(v.role)
        ):
            claim = replace(claim, value=replace(v, organization=ties[v.subject]))
        out.append(claim)
    return out
