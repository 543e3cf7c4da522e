"""Whose losses a nationality adjective names: "the Varnian casualties stand at 40 killed",
"300 Varnian dead", "took 400 Varnian prisoners".

Reports total a side's losses by its nationality alone, once the side has been named: "Varnian
intruders crossed the ridge ... So far the Varnian casualties stand at 40". The adjective is the
side's when exactly one configured group has a name or alias that is the adjective and a common
noun ("Varnian intruders"; a proper name such as "Civilian Defence Corps" is not one): the one
such group named in the sentence or the sentences in view, else the only such group configured
(the user named one side by that nationality). Two such groups (a state's army and its
irregulars) leave it unresolved: precision first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from monitor.extract.coref.context import Edit
from monitor.extract.language.mentions import Mention
from monitor.records import EntityRef

# Nouns of a side's losses that a nationality adjective may own: "the Varnian casualties", "300
# Varnian dead", "400 Varnian prisoners".
_LOSS_NOUNS = r"casualties|losses|death\s+toll|fatalities|dead|wounded|prisoners|POWs|captives"
# A capitalised adjective right before a noun of losses.
_ADJECTIVE_LOSSES = re.compile(
    r"\b(?P<adj>(?-i:[A-Z][a-z]+(?:an|ani|i|ine|ese|ish|ch)))\s+"
    rf"(?=(?:{_LOSS_NOUNS})\b)",
    re.I,
)


_LOSS_WORD = re.compile(rf"\b(?:{_LOSS_NOUNS})\b", re.I)


def demonym_loss_edits(
    sentence: str,
    mentions: Sequence[Mention],
    recent: Iterable[Mention],
    groups: Sequence[EntityRef],
) -> list[Edit]:
    """ "Varnian casualties" -> "<group> casualties", for the one group (in view, else
    configured) whose name opens with the adjective."""
    if not _LOSS_WORD.search(sentence):
        return []
    found = list(_ADJECTIVE_LOSSES.finditer(sentence))
    if not found:
        return []
    in_view = {m.entity.name for m in (*mentions, *recent) if m.entity.kind == "group"}
    edits: list[Edit] = []
    for m in found:
        start, end = m.span("adj")
        if any(n.start <= start < n.end for n in mentions):
            continue  # part of a name already: "Varnian Army losses"
        adjective = m.group("adj")
        owners = [g for g in groups if _opens(g, adjective)]
        viewed = [g for g in owners if g.name in in_view]
        owners = viewed or owners
        if len(owners) == 1:
            edits.append(Edit(start, end, owners[0], True))
    return edits


def _opens(group: EntityRef, adjective: str) -> bool:
    """Whether a name of the group is the adjective and a common noun ("Varnian intruders",
    "Varnian army"); a proper name that starts with it ("Civilian Joint Task Force") is not."""
    return any(
        len(words) > 1 and words[0] == adjective and words[1][:1].islower()
        for words in (name.split() for name in group.names)
    )
