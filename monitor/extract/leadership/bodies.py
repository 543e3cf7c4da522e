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

from monitor.extract.language.mentions import find_mentions
from monitor.records import Claim, EntityRef, Leadership

_FATES = frozenset({"killed", "fled", "located", "denied"})
# Offices of a state or a province: their holder's armed group is not their body.
_STATE_OFFICE = re.compile(
    r"\b(?:president|premier|prime\s+minister|minister|chancellor|governor|mayor|king|queen|"
    r"prince|emir|ambassador|envoy|secretary\s+of\s+state|"
    r"(?:defen[cs]e|security|interior|foreign|home)\s+secretary)$",
    re.I,
)


def is_state_office(role: str) -> bool:
    """ "president", "defence minister", "provincial governor": an office of a state."""
    return _STATE_OFFICE.search(role) is not None


# "army spokesman X", "the military spokesman X": a word naming an armed service before the
# office, and the service it names (the holder's body, when that is such a service). In an
# armed group with wings ("the rebels' military spokesman") the word names an office of its own.
_SERVICE_OFFICE = re.compile(
    r"^(?P<word>army|military|armed\s+forces|forces?|defen[cs]e\s+forces?|police|navy|naval)\s+"
    r"(?P<role>spokes(?:man|woman|person))$",
    re.I,
)
_SERVICES = {
    "police": re.compile(r"\bpolice\b", re.I),
    "navy": re.compile(r"\bnavy\b", re.I),
    "naval": re.compile(r"\bnavy\b", re.I),
}
_ARMED_SERVICE = re.compile(r"\b(?:army|armed\s+forces|military|defen[cs]e\s+forces?)\b", re.I)


def _service_office(v: Leadership, ties: dict[str, str | None]) -> Leadership:
    """ "army spokesman X" of the Kelsan Army: the spokesman of the army the word names, when
    no other word of the title names a body ("the Front's military spokesman" is the Front's)."""
    m = _SERVICE_OFFICE.match(v.role or "")
    body = ties.get(v.subject)
    if m is None or body is None or v.organization is not None:
        return v
    service = _SERVICES.get(m["word"].lower(), _ARMED_SERVICE)
    if not service.search(body):
        return v
    return replace(v, role=m["role"].lower(), organization=body)


def own_bodies(claims: Sequence[Claim], text: str, entities: Sequence[EntityRef]) -> list[Claim]:
    """The claims, each office without a body given its holder's configured group when the
    sentence names that group, or when the office's first word names it (`_service_office`)."""
    if not any(isinstance(c.value, Leadership) and c.value.role for c in claims):
        return list(claims)
    named = {m.entity.name for m in find_mentions(text, entities) if m.entity.kind == "group"}
    ties: dict[str, str | None] = {
        e.name: e.affiliation for e in entities if e.kind == "person" and e.affiliation
    }
    out = []
    for claim in claims:
        v = claim.value
        if isinstance(v, Leadership) and v.role and v.status not in _FATES:
            v = _service_office(v, ties)
            if (
                v.organization is None
                and ties.get(v.subject) in named
                and not is_state_office(v.role or "")
            ):
                v = replace(v, organization=ties[v.subject])
            claim = replace(claim, value=v)
        out.append(claim)
    return out
