"""Short names: a surname that stands for a configured entity only in a text that names it in full.

"Saleh" alone is too common to find Amrullah Saleh by (Iraq's President Barham Saleh, Yemen's
Ali Abdullah Saleh), but an article that names Amrullah Saleh and then writes "Saleh said ..."
means him. An entity's `short_names` are read as the entity, anywhere in one text (the headline
included), when

- the text names the entity by its name or an alias;
- the short name stands alone: not beside another capitalised name ("Barham Saleh", "Saleh
  Mohammad"), judged as `mentions` judges a person's name;
- it stands alone everywhere in the text: a namesake named once ("Ali Abdullah Saleh") makes
  every bare "Saleh" of that text ambiguous, and so does a second configured entity with the
  same short name, or one whose name holds it, named in the same text.

Otherwise the short name is left as written, and attaches nothing: precision first. Nothing
carries over from one text to the next.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.language.mentions import Mention, find_mentions
from monitor.records import EntityRef


@dataclass(frozen=True, slots=True)
class _ShortNames:
    """A configuration's short names, worked out once: the configuration plus one stand-in
    person per short name (so that `find_mentions` finds the bare ones), the entities that
    give each short name, and a whole-word pattern for each."""

    searched: tuple[EntityRef, ...]
    stand_ins: dict[EntityRef, str]  # stand-in -> short name key (lower case)
    owners: dict[str, frozenset[EntityRef]]
    patterns: dict[str, re.Pattern[str]]


@functools.lru_cache(maxsize=16)
def _short_names(entities: tuple[EntityRef, ...]) -> _ShortNames | None:
    owners: dict[str, set[EntityRef]] = defaultdict(set)
    written: dict[str, str] = {}
    for entity in entities:
        for short in entity.short_names:
            if short.strip():
                owners[short.strip().lower()].add(entity)
                written.setdefault(short.strip().lower(), short.strip())
    if not owners:
        return None
    stand_ins = {EntityRef(written[key], "person"): key for key in owners}
    return _ShortNames(
        (*entities, *stand_ins),
        stand_ins,
        {key: frozenset(found) for key, found in owners.items()},
        {key: re.compile(rf"(?<![\w-]){re.escape(key)}(?!\w)", re.I) for key in owners},
    )


def short_name_mentions(
    sentences: Sequence[str], entities: Sequence[EntityRef]
) -> dict[int, tuple[Mention, ...]]:
    """The bare short names of one text that stand for their entity, as mentions of it, by the
    index of their sentence. Empty when the configuration gives no short names."""
    config = _short_names(tuple(entities))
    if config is None:
        return {}
    named: dict[str, set[EntityRef]] = defaultdict(set)  # key -> entities named in full
    ambiguous: set[str] = set()
    bare: list[tuple[int, Mention, str]] = []
    for index, sentence in enumerate(sentences):
        lowered = sentence.lower()
        present = [key for key in config.patterns if key in lowered]
        if not present:
            continue
        mentions = find_mentions(sentence, config.searched)
        for mention in mentions:
            key = config.stand_ins.get(mention.entity)
            if key is not None:
                bare.append((index, mention, key))
                continue
            for key in present:
                if mention.entity in config.owners[key] or config.patterns[key].search(
                    sentence, mention.start, mention.end
                ):
                    named[key].add(mention.entity)
        ambiguous.update(k for k in present if _namesake(sentence, mentions, config.patterns[k]))
    resolved: dict[int, list[Mention]] = defaultdict(list)
    for index, mention, key in bare:
        candidates = named[key]
        if key in ambiguous or len(candidates) != 1:
            continue
        [entity] = candidates
        if entity in config.owners[key]:
            resolved[index].append(Mention(entity, mention.start, mention.end))
    return {index: tuple(found) for index, found in resolved.items()}


def _namesake(sentence: str, mentions: Sequence[Mention], pattern: re.Pattern[str]) -> bool:
    """Whether the short name stands in the sentence as part of a name nobody configured
    ("Ali Abdullah Saleh"): found by its pattern, but by no mention, bare or full."""
    return any(
        not any(m.start <= found.start() and found.end() <= m.end for m in mentions)
        for found in pattern.finditer(sentence)
    )
