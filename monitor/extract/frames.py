"""The frames of a parsed sentence: the dispatch to every kind's readers of the parse.

Each kind reads a sentence's grammar where its word-pattern reader's vocabulary does not reach:
`force.frames`, `force.strength` and `force.attackers`; `leadership.frames`,
`leadership.offices` and `leadership.where_clauses`; `control.frames`; `casualties.frames`. See
`language.frame_base` for what every frame shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.casualties import casualty_frames
from monitor.extract.control import control_frames
from monitor.extract.force import (
    attacker_frames,
    force_frames,
    force_noun_frames,
    fronted_count_frames,
    growth_frames,
    strength_frames,
)
from monitor.extract.language.frame_base import parsed
from monitor.extract.leadership import (
    arrival_frames,
    death_noun_frames,
    flight_frames,
    found_dead_frames,
    killing_frames,
    office_frames,
    where_clause_frames,
)
from monitor.records import Claim, EntityRef, FactKind

if TYPE_CHECKING:
    from spacy.tokens import Span


_FRAMES = {
    "territorial_control": control_frames,
    "force_size": lambda s: [
        *force_frames(s),
        *strength_frames(s),
        *growth_frames(s),
        *force_noun_frames(s),
        *fronted_count_frames(s),
        *attacker_frames(s),
    ],
    "leadership": lambda s: [
        *arrival_frames(s),
        *flight_frames(s),
        *killing_frames(s),
        *death_noun_frames(s),
        *found_dead_frames(s),
        *office_frames(s),
        *where_clause_frames(s),
    ],
    "casualties": casualty_frames,
}


def frame_claims(
    span: Span,
    entities: Sequence[EntityRef],
    kinds: Sequence[FactKind],
    year: int | None,
    written: str | None = None,
    before: Span | None = None,
) -> list[Claim]:
    """Every frame claim of the requested kinds in one parsed sentence (`written`: the
    sentence before its references were resolved, when they were; `before`: the sentence
    before it)."""
    wanted = [_FRAMES[k] for k in kinds if k in _FRAMES]
    if not wanted:
        return []
    s = parsed(span, entities, year, written, before)
    if not s.heads:  # losses may name their side by a kin of its name alone ("federal soldiers")
        return casualty_frames(s) if "casualties" in kinds else []
    return [claim for frame in wanted for claim in frame(s)]
