"""The owner a "-held" adjective names by a common word ("government-held", "Serb-held",
"Eritrean-occupied"): the one configured group with an alias of that word and a force noun
("government forces", "Serb troops"). A name already found there is left to `find_mentions`;
a word that begins the force aliases of two groups names neither.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from monitor.extract.language.mentions import Mention
from monitor.records import EntityRef

_HELD = re.compile(r"\b(?P<word>[A-Za-z]+)-(?:held|controlled|occupied)\b")
_FORCE = re.compile(r"(?P<word>[A-Za-z]+)\s+(?:forces|troops|army|soldiers|fighters|military)")


@functools.lru_cache(maxsize=256)
def _owners(entities: tuple[EntityRef, ...]) -> dict[str, EntityRef | None]:
    """Each word before a force noun in an alias, with its one group (None when two share it)."""
    found: dict[str, EntityRef | None] = {}
    for e in entities:
        if e.kind != "group":
            continue
        for name in e.names:
            m = _FORCE.fullmatch(name)
            if m is None:
                continue
            word = m.group("word").casefold()
            found[word] = e if found.get(word, e) == e else None
    return found


def held_owner_mentions(
    sentence: str, entities: Sequence[EntityRef], mentions: Sequence[Mention]
) -> list[Mention]:
    """The owners of the sentence's "-held" adjectives that no mention names yet."""
    if not any(word in sentence for word in ("-held", "-controlled", "-occupied")):
        return []
    owners = _owners(tuple(entities))
    out = []
    for m in _HELD.finditer(sentence):
        if any(x.start < m.end("word") and m.start() < x.end for x in mentions):
            continue
        owner = owners.get(m.group("word").casefold())
        if owner is not None:
            out.append(Mention(owner, m.start(), m.end("word")))
    return out
