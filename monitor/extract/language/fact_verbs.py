"""The verbs that state a fact in its sentence's parse: the words of each kind of fact (and of
each fate) that take the fact's entity as an argument, or whose relative clause is about it.
What `review` checks a claim against: negation, modality, hearsay, who tells it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import arguments, noun_head, phrase_head, subject, tokens_at
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.owners import inner
from monitor.records import EntityRef, FactValue, Leadership, TerritorialControl

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# The verbs that state each kind of fact, as lemmas.
FACT_LEMMAS: dict[str, frozenset[str]] = {
    "territorial_control": frozenset(
        """capture seize take retake recapture control hold occupy overrun fall liberate enter
        storm surround encircle besiege regain keep""".split()
    ),
    "leadership": frozenset(
        """lead head command appoint name declare proclaim confirm install elect""".split()
    ),
    "casualties": frozenset(
        """kill wound injure capture die lose detain slay execute massacre hurt arrest perish
        surrender abduct kidnap""".split()
    ),
    "force_size": frozenset(
        """have field number command deploy send assemble muster gather count mobilize
        mobilise boast comprise total""".split()
    ),
}
# A fate is stated by its own verbs: "had not fled and remained in Dravik" locates him.
FATE_LEMMAS: dict[str, frozenset[str]] = {
    "killed": frozenset("kill die assassinate slay execute".split()),
    "fled": frozenset("flee escape leave".split()),
    "located": frozenset(
        "be remain stay hide arrive visit live appear return see spot sight".split()
    ),
}
FATES = frozenset(FATE_LEMMAS)
THIRD_PERSON = frozenset("he she him her".split())


def anchor_name(value: FactValue) -> str:
    """The entity a fact is about, whose mention anchors it in the parse."""
    return value.place if isinstance(value, TerritorialControl) else value.subject


def is_positive(value: FactValue) -> bool:
    """A claim that something is or happened (not a denial or a dispute)."""
    if isinstance(value, TerritorialControl):
        return value.status not in ("denies_captured", "contested")
    if isinstance(value, Leadership):
        return value.status != "denied"
    return True


def anchor_heads(span: Span, name: str, entities: Sequence[EntityRef]) -> list[Token]:
    text = span.text
    heads = []
    for m in find_mentions(text, entities):
        if m.entity.name == name:
            head = phrase_head(tokens_at(span, m.start, m.end))
            if head is not None:
                heads.append(noun_head(head))
    return heads


def fact_verbs(span: Span, value: FactValue, entities: Sequence[EntityRef]) -> list[Token]:
    """The verbs of the fact's vocabulary that take the anchored entity as an argument, or
    whose relative clause is about it."""
    if isinstance(value, Leadership) and value.status in FATE_LEMMAS:
        lemmas = FATE_LEMMAS[value.status]
    else:
        lemmas = FACT_LEMMAS[value.kind]
    anchors = {t.i for t in anchor_heads(span, anchor_name(value), entities)}
    if isinstance(value, Leadership):  # "he" may be the person the extractor read
        anchors |= {t.i for t in span if t.lower_ in THIRD_PERSON}
    found = []
    for verb in span:
        if verb.lemma_ not in lemmas or verb.pos_ not in ("VERB", "AUX"):
            continue
        args = {noun_head(a).i for a in arguments(verb)}
        args |= {t.i for a in arguments(verb) for t in inner(a, "place")}  # "the town of X"
        shared = subject(verb)  # "had not fled and remained in X": one subject, two verbs
        if shared is not None:
            args.add(noun_head(shared).i)
        if anchors & args or (verb.dep_ == "relcl" and verb.head.i in anchors):
            found.append(verb)
    return found
