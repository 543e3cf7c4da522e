"""References to an entity named in an earlier sentence of the same article.

Extraction reads one sentence at a time, but reporting names an entity once and then refers to
it: "The National Resistance Front ... The group says it now has 9,000 fighters", "Amrullah
Saleh is in the valley. He declared himself acting president", "... denied that the province
had fallen". `resolve_references` rewrites such a sentence with the name in place of the
reference, so that every extractor reads it as if the name were written there, and keeps what
it replaced so that quotes and claimants can be given back as written.

A reference resolves to the most recent compatible configured entity of the last few sentences,
and only when that is unambiguous:

- a person pronoun ("he", "she"), the first in a sentence that names no configured person
  before it, refers to the last person named, unless someone else has spoken since (a quote
  or a "said" by a speaker who is not that person): "he" then more likely means the speaker;
- a group description ("the group", "the movement", "the militia", "the rebels" ...), or a
  name cut to its last word ("the Brigades" for "Coast Brigades", "the army" for a group
  configured as "Sudanese army"), refers to the last group it fits;
- a place description ("the province", "the district", "the town" ...) refers to the last
  place it fits: "the valley", "the pass" and "the port" only to a place whose name says it is
  one, "the city", "the town" and "the village" never to a country;
- an office used as the subject of a clause ("... rumours that the resistance leader had
  left", "the RSF said its commander was in Khartoum") refers to the one person named before
  it, in the same sentence or an earlier one;
- a count of soldiers or troops is the state force's in view (`soldiers`);
- a nationality adjective before a noun of losses ("the Varnian casualties") is the one group
  in view whose name opens with it (`demonyms`);
- "They" or "it" opening a sentence before a verb of taking, holding or claiming is the one
  group the sentence before names, when it names no person (`pronouns`);
- a configured short name ("Saleh") is its entity in a text that names the entity in full and
  nobody else by it (`short`).

The sentence before that names two or more compatible entities leaves the reference
unresolved: precision first. Nothing carries over from one text to the next.

What is kept of earlier sentences is in `context`; person references are resolved in
`persons`, group and place references in `groups`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from monitor.extract.coref.context import EarlierSentence, Edit, kinds_in_view, mentions_in_view
from monitor.extract.coref.demonyms import demonym_loss_edits
from monitor.extract.coref.forces import forces_edits
from monitor.extract.coref.groups import (
    ConfiguredGroups,
    configured_groups,
    fighter_edits,
    group_edits,
    place_edits,
    possessor_edits,
    soldier_edits,
)
from monitor.extract.coref.persons import person_edits
from monitor.extract.coref.pronouns import pronoun_edits
from monitor.extract.coref.rebels import article_sides, loyal_edits, side_noun_edits
from monitor.extract.coref.short import short_name_mentions
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.records import EntityRef


@dataclass(frozen=True, slots=True)
class Substitution:
    """`name` stands in the resolved sentence where `original` stood in the written one.
    A description ("the group") is given back in claimants as written; a pronoun is not, since
    a claimant "he" means the person (as `attribution.resolve_pronoun` has it)."""

    original: str
    name: str
    restore: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    """A sentence as written, and as the extractors should read it."""

    original: str
    text: str
    substitutions: tuple[Substitution, ...] = ()

    def restore(self, phrase: str | None) -> str | None:
        """A phrase of the resolved text (a claimant) as the written sentence has it."""
        if phrase is None:
            return None
        for sub in self.substitutions:
            if sub.restore:
                phrase = phrase.replace(sub.name, sub.original)
        return phrase


def resolve_references(
    sentences: Sequence[str], entities: Sequence[EntityRef]
) -> Iterator[Resolved]:
    """The sentences of one article in order, each with its references resolved. A generator:
    a sentence is resolved just before it is read, while its mentions are still at hand (short
    names alone are judged on the whole text first: a headline comes before the full name)."""
    configured = configured_groups(entities)
    groups = [e for e in entities if e.kind == "group"]
    short = short_name_mentions(sentences, entities)
    sides = article_sides(sentences, entities, configured.non_state)
    history: list[EarlierSentence] = []
    for index, sentence in enumerate(sentences):
        # The extractors ask for the same mentions next, and `find_mentions` remembers them.
        mentions = find_mentions(sentence, entities)
        bare = short.get(index, ())
        if bare:  # "Saleh" for Amrullah Saleh: a mention like his name, written as his name
            mentions = sorted([*mentions, *bare], key=lambda m: m.start)
        current = EarlierSentence(sentence, mentions)
        edits = _edits(sentence, mentions, current, history, configured, groups)
        edits += demonym_loss_edits(sentence, mentions, mentions_in_view(history), groups)
        edits += [Edit(m.start, m.end, m.entity, False) for m in bare]
        if "loyal" in sentence:  # before the article's one side: the person's is nearer
            edits += loyal_edits(sentence, mentions, entities)
        edits += side_noun_edits(sentence, mentions, sides)
        yield _apply(sentence, edits) if edits else Resolved(sentence, sentence)
        history.append(current)


def _edits(
    sentence: str,
    mentions: Sequence[Mention],
    current: EarlierSentence,
    history: Sequence[EarlierSentence],
    configured: ConfiguredGroups,
    groups: Sequence[EntityRef],
) -> list[Edit]:
    """Every edit the references of a sentence call for, asking only for the kinds of entity
    the sentences in view name (the cheap tests first)."""
    in_view = kinds_in_view(history)
    edits: list[Edit] = []
    if ("group" in in_view or "place" in in_view) and configured.any_reference.search(sentence):
        if "group" in in_view:
            edits += group_edits(sentence, mentions, history, configured)
        if "place" in in_view:
            edits += place_edits(sentence, mentions, history)
    if "group" in in_view and sentence.startswith(("Its ", "Their ")):
        edits += possessor_edits(sentence, mentions, history)
    if "group" in in_view:
        edits += pronoun_edits(sentence, mentions, history)
    if "person" in in_view or "person" in current.kinds:
        edits += person_edits(sentence, mentions, history)
        edits += forces_edits(sentence, mentions, history, groups)
    edits += soldier_edits(sentence, mentions, history, configured)
    edits += fighter_edits(sentence, mentions, history, configured)
    return edits


def _apply(sentence: str, edits: list[Edit]) -> Resolved:
    """The sentence with its edits made, left to right; an edit that overlaps one before it is
    dropped."""
    parts: list[str] = []
    subs: list[Substitution] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: e.start):
        if edit.start < pos:
            continue
        name = edit.entity.name + edit.after
        parts += [sentence[pos : edit.start], name]
        subs.append(Substitution(sentence[edit.start : edit.end], name, edit.restore))
        pos = edit.end
    parts.append(sentence[pos:])
    return Resolved(sentence, "".join(parts), tuple(subs))
