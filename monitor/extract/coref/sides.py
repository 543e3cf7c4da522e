"""Which side of a war a configured group is, read from the words of its names, for the
descriptions that say it: "the rebels", "the militia" or "40 militants" mean an irregular side,
"200 soldiers" a state's force, and neither means a peacekeeping mission or hired fighters.

- An irregular side: a group one of whose names calls it so ("Varland rebels", "separatist
  fighters", "forces loyal to Kaleb", "anti-government forces"). Such a name outweighs a state's
  head word among its other names ("Dorvik separatist forces", "opposition forces").
- An outsider: a group named as peacekeepers or a mission ("UN peacekeepers", "AU force",
  "Kastrel mission"), or as hired fighters ("Vask mercenaries", "PMC Vask"). It is nobody's
  rebels and no state's army.
- A state's force: a group with a name ending in army, military, police or forces ("Varland
  army", "government forces"), that is neither of the above.
- Any other group (a name alone: "Dorvik Front") is irregular, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from monitor.records import EntityRef

_STATE_HEADS = frozenset({"army", "military", "police", "forces"})
_IRREGULAR = re.compile(
    r"\b(?:rebels?|rebellion|separatists?|insurgents?|insurgency|militias?|militiamen|"
    r"militants?|guerr?illas?|jihadists?|mujahideen|warlords?|opposition|loyal\s+to|"
    r"anti-government|anti-junta|resistance)\b",
    re.I,
)
_MISSION = re.compile(
    r"\b(?:peace-?keep\w*|mission|blue\s+helmets|(?:UN|U\.N\.|AU|African\s+Union|ECCAS|"
    r"regional|stabili[sz]ation)\s+force)\b",
    re.I,
)
_HIRED = re.compile(r"\b(?:mercenar\w+|PMC|private\s+military|contractors)\b", re.I)


def irregular(group: EntityRef) -> bool:
    """Whether a name of `group` calls it an irregular side ("rebels", "militia" ...)."""
    return any(_IRREGULAR.search(name) for name in group.names)


def peacekeeping(group: EntityRef) -> bool:
    """Whether `group` is a peacekeeping mission (and no name of it calls it irregular)."""
    return not irregular(group) and any(_MISSION.search(name) for name in group.names)


def outsider(group: EntityRef) -> bool:
    """Whether `group` is a peacekeeping mission or hired fighters (and no name of it calls it
    irregular)."""
    hired = any(_HIRED.search(name) for name in group.names)
    return peacekeeping(group) or (hired and not irregular(group))


def state_force(group: EntityRef) -> bool:
    """Whether `group` is a state's force: a name ending in a state's head word, and neither
    an irregular side nor an outsider."""
    headed = any(name.split()[-1] in _STATE_HEADS for name in group.names if name.split())
    return headed and not irregular(group) and not outsider(group)


def sides(groups: Iterable[EntityRef]) -> tuple[frozenset[str], frozenset[str]]:
    """(the state forces, the irregular sides) among `groups`, by name; outsiders are in
    neither."""
    listed = list(groups)
    state = frozenset(g.name for g in listed if state_force(g))
    return state, frozenset(g.name for g in listed if not state_force(g) and not outsider(g))
