"""Where the fighting was, carried from sentence to sentence: "The RSF attacked Bara on
Monday. Forty soldiers were killed in the fighting" counts losses at Bara.

Reporting names the scene of a battle once ("an offensive in Aleppo province", "attacked
Bara") and then refers to the battle itself ("in the fighting", "during the assault", "in
clashes") or to its losses ("the casualties included"). A casualty count told that way, in a
sentence that names no place, is placed where the last fighting named in the article
happened: the incident's place is part of what makes two counts the same fact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from monitor.extract.language.mentions import find_mentions
from monitor.records import Casualties, Claim, EntityRef

if TYPE_CHECKING:
    from spacy.tokens import Span

# Words that name fighting, as nouns or verbs ("the assault", "attacked", "clashes").
_FIGHTING = frozenset(
    """fight fighting clash battle assault attack offensive raid siege bombardment
    counteroffensive counter-offensive storm ambush skirmish""".split()
)
# What a count's sentence says to refer back to that fighting: "in the fighting".
_BACK = frozenset("in during amid after".split())


def scene_of(span: Span, entities: Sequence[EntityRef]) -> str | None:
    """The one configured place a sentence about fighting names, if it names exactly one."""
    if not any(t.lemma_.lower() in _FIGHTING for t in span):
        return None
    places = {m.entity.name for m in find_mentions(span.text, entities) if m.entity.kind == "place"}
    return next(iter(places)) if len(places) == 1 else None


def at_the_scene(
    found: Sequence[Claim], span: Span, entities: Sequence[EntityRef], scene: str | None
) -> list[Claim]:
    """Counts of one incident told "in the fighting" or as "the casualties" of it, in a
    sentence naming no place, placed at `scene`, the place of the fighting named before."""
    if scene is None or _names_a_place(span, entities):
        return list(found)
    if not (_refers_to_fighting(span) or _refers_to_losses_told(span)):
        return list(found)
    out = []
    for c in found:
        v = c.value
        if isinstance(v, Casualties) and v.location is None and v.scope == "incident":
            c = replace(c, value=replace(v, location=scene))
        out.append(c)
    return out


def _refers_to_fighting(span: Span) -> bool:
    return any(
        t.lemma_.lower() in _FIGHTING and t.head.lower_ in _BACK and t.dep_ == "pobj" for t in span
    )


# Nouns of the losses of an incident: "the casualties included ...", "the dead were ...".
_LOSSES = frozenset("casualty dead victim death fatality toll".split())


def _refers_to_losses_told(span: Span) -> bool:
    """ "The casualties included 40 fighters": the subject is the losses of the incident told
    just before, named with "the" (not "casualties in X", which would name its own place)."""
    return any(
        t.lemma_.lower() in _LOSSES
        and t.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        for t in span
    )


def _names_a_place(span: Span, entities: Sequence[EntityRef]) -> bool:
    return any(m.entity.kind == "place" for m in find_mentions(span.text, entities))


__all__ = ["at_the_scene", "scene_of"]
