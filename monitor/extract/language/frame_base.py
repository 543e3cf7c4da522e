"""What every verb frame shares: a parsed sentence with its configured mentions by the token
that heads each, and the tests of whether a verb tells something that happened.

A frame (a kind's reader of the parse, dispatched by `monitor.extract.frames`) reads a
sentence's grammar where the kind extractors' vocabularies do not reach, and yields a fact only
for configured entities and only when its verb is not negated, intended, failed, foretold or a
condition.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import (
    is_conditional,
    is_counterfactual,
    is_modal,
    is_negated,
    is_not_done,
    is_perfect,
    phrase_head,
    reporting_verb,
    subject,
    tokens_at,
    who_speaks,
)
from monitor.extract.language.mentions import find_mentions
from monitor.extract.language.numbers import find_amounts
from monitor.extract.language.owners import inner
from monitor.records import EntityRef, Qualifier

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class Parsed:
    """One parsed sentence with its configured mentions, by the token that heads each."""

    span: Span
    text: str
    entities: Sequence[EntityRef]
    year: int | None
    heads: dict[int, EntityRef]
    as_written: str = ""  # the sentence as written, before references were resolved
    # the sentence before it in its paragraph, as written (a resolved sentence's parse is a
    # doc of its own: `language.splice`)
    before: Span | None = None
    # the sentence's tokens by lemma and by lower case, filled on first use (`with_lemma`)
    _words: dict[str, dict[str, list[Token]]] = field(default_factory=dict, compare=False)

    @property
    def written(self) -> frozenset[str]:
        """The configured entities the sentence names as written: a name a reference was
        resolved to is no naming (`find_mentions` remembers the sentence's mentions)."""
        return frozenset(m.entity.name for m in find_mentions(self.as_written, self.entities))

    def with_lemma(self, lemmas: Collection[str], *, folded: bool = False) -> list[Token]:
        """The sentence's tokens whose lemma is one of `lemmas` (lowercased first when
        `folded`), in order: where a frame starts from its trigger words. Sixteen frames each
        walked every token for them; the sentence's words are filed once instead."""
        by_lemma = self._filed("lemma")
        return _in_order(
            t for w, ts in by_lemma.items() if (w.lower() if folded else w) in lemmas for t in ts
        )

    def with_lower(self, words: Collection[str]) -> list[Token]:
        """The sentence's tokens whose lower case is one of `words`, in order."""
        by_lower = self._filed("lower")
        return _in_order(t for w, ts in by_lower.items() if w in words for t in ts)

    def _filed(self, by: str) -> dict[str, list[Token]]:
        if not self._words:
            lemmas: dict[str, list[Token]] = {}
            lowers: dict[str, list[Token]] = {}
            for token in self.span:
                lemmas.setdefault(token.lemma_, []).append(token)
                lowers.setdefault(token.lower_, []).append(token)
            self._words.update(lemma=lemmas, lower=lowers)
        return self._words[by]

    def entity(self, token: Token | None, kind: str) -> EntityRef | None:
        """The configured entity of `kind` that the noun phrase of `token` names: itself, a
        name inside it ("RSF fighters"), or, for a place, the name a place noun introduces
        ("the town of Bara", "Bara city"; not "El Fasher's market" or "Lashio command")."""
        if token is None:
            return None
        for t in (token, *inner(token, kind)):
            found = self.heads.get(t.i)
            if found is not None and found.kind == kind:
                return found
        return None


def _in_order(tokens: Iterator[Token]) -> list[Token]:
    return sorted(tokens, key=lambda t: t.i)


# Clauses of their own inside a verb's subtree: their dates are theirs.
_OTHER_CLAUSES = frozenset("advcl ccomp parataxis relcl acl conj".split())


def era_text(verb: Token) -> str:
    """The words that date a verb's clause: the clause itself, and what opens the sentence
    before its subject ("In 2001, ..."). A "Soviet-era plant" in another clause of the
    sentence does not make a capture history."""
    words = [verb]
    stack = [c for c in verb.children if c.dep_ not in _OTHER_CLAUSES]
    while stack:
        node = stack.pop()
        words.append(node)
        stack += [c for c in node.children if c.dep_ not in _OTHER_CLAUSES]
    root = verb.sent.root
    opening = [
        t
        for c in root.children
        if c.dep_ in ("prep", "npadvmod", "advmod") and c.i < root.i
        for t in c.subtree
    ]
    tokens = sorted({t.i: t for t in (*words, *opening)}.values(), key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


Amount = tuple[int | None, int | None, Qualifier]


_ESTIMATE = frozenset("estimated approximately roughly".split())


def number_of(noun: Token) -> Amount | None:
    """The amount the number phrase of a noun gives ("around 9,000 fighters", "at least 84
    Wagner fighters"), read by `numbers.find_amounts` on the words from the number to the
    noun; None when the noun carries no number."""
    numbers = [c for c in noun.children if c.dep_ in ("nummod", "quantmod") or c.like_num]
    if not numbers:
        return None
    first = min(t.i for n in numbers for t in n.subtree)
    # "an estimated 20,000 fighters": the word that makes the figure an estimate stands before
    # it as the noun's modifier, outside the number's own phrase
    first = min([first, *(c.i for c in noun.children if c.i < first and c.lower_ in _ESTIMATE)])
    start = noun.doc[first].idx - noun.sent.start_char
    end = noun.idx + len(noun.text) - noun.sent.start_char
    amounts = find_amounts(noun.sent.text[start:end])
    if not amounts:
        return None
    return amounts[-1].min, amounts[-1].max, amounts[-1].qualifier


def side_of(s: Parsed, token: Token | None) -> EntityRef | None:
    """The configured group a noun phrase stands for: a group it names, or the group of a
    person it names ("Zelensky said", "Golani's forces")."""
    if token is None:
        return None
    group = s.entity(token, "group")
    if group is not None:
        return group
    return group_of(s, s.entity(token, "person"))


def group_of(s: Parsed, person: EntityRef | None) -> EntityRef | None:
    """The configured group the configuration ties a person to (`affiliation`)."""
    if person is None or person.affiliation is None:
        return None
    return next((e for e in s.entities if e.name == person.affiliation), None)


def leader_of(s: Parsed, noun: Token) -> EntityRef | None:
    """The configured person whose possessive a noun carries ("Brel's 40 fighters")."""
    return s.entity(child(noun, "poss"), "person")


def leaders_side(s: Parsed, noun: Token) -> EntityRef | None:
    """ "Brel's 40 fighters", "Brel's 5,300-member army": people or a force that a configured
    person owns belong to the group the configuration ties the person to."""
    return group_of(s, leader_of(s, noun))


def parsed(
    span: Span,
    entities: Sequence[EntityRef],
    year: int | None,
    written: str | None = None,
    before: Span | None = None,
) -> Parsed:
    """`written` is the sentence as written when references in it were resolved to names;
    `before` the sentence before it, when the caller knows it (else the one `span`'s doc holds
    before it)."""
    heads: dict[int, EntityRef] = {}
    for m in find_mentions(span.text, entities):
        head = phrase_head(tokens_at(span, m.start, m.end))
        if head is not None:
            heads[head.i] = m.entity
    before = before if before is not None else sentence_before(span)
    return Parsed(span, span.text, entities, year, heads, written or span.text, before)


def sentence_before(span: Span) -> Span | None:
    """The sentence before `span` in its doc (its paragraph), if the doc holds one."""
    return span.doc[span.start - 1].sent if span.start > 0 else None


def happened(verb: Token) -> bool:
    """Not negated, not intended or failed, not foretold, not a condition ("until they take
    Sittwe", "if Goma falls"), nor a clause of a verb that is foretold ("would fight until"),
    nor the aim of an effort ("efforts to seize Marib", "to prevent the AA from taking")."""
    if is_negated(verb) or is_not_done(verb) or _aimed_at(verb) or denied(verb):
        return False
    if _spoken_of(verb):  # "Retaking X is central to the offensive"
        return False
    node = verb
    while True:
        if (is_modal(node) and not is_perfect(node)) or is_counterfactual(node):
            return False
        if is_conditional(node) or any(
            c.dep_ == "mark" and c.lower_ in _AWAITED for c in node.children
        ):
            return False
        if node.dep_ != "advcl" or node.head.i == node.i:
            return True
        node = node.head


# Besides a condition ("if", "unless"): what is awaited ("until they take X", "once X falls").
_AWAITED = frozenset("until once".split())
_AVERTING = frozenset("prevent avert stop halt block thwart repel".split())
# Nouns and verbs whose complement is an aim, not an event: "an attempt to capture", "a bid
# to take", "prevented the AA from taking".
_AIMS = (
    frozenset(
        """effort attempt bid plan push drive campaign threat aim goal hope intention quest
    ambition ability capacity readiness intent bent""".split()
    )
    | _AVERTING
)


# Nouns of progress towards a deed: "made gains retaking X", "headway towards taking X".
_PROGRESS = frozenset("gain progress headway stride".split())


_DENIALS = frozenset("deny reject dismiss refute rebut disprove".split())
_CLIMB = frozenset("ccomp xcomp conj pcomp pobj prep".split())


def denied(verb: Token) -> bool:
    """A clause that somebody denies ("denied that Panjshir had fallen"): the extractors read
    the denial itself; the frame must not read the claim it denies as told."""
    node = verb
    while (
        node.dep_ in ("ccomp", "xcomp", "conj", "pcomp", "pobj", "prep") and node.head.i != node.i
    ):
        node = node.head
        if node.lemma_ in _DENIALS or node.lemma_ in ("denial", "rejection"):
            return True
        if node.pos_ in ("VERB", "AUX") and is_negated(node) and node.lemma_ in _ADMITTING:
            return True  # "did not confirm that ..."
    return False


_ADMITTING = frozenset("confirm say admit acknowledge concede announce".split())


def _aimed_at(verb: Token) -> bool:
    """The verb is the aim of a noun or verb of effort ("a push to take X", "pushed to take X",
    "prevented them from taking X"); an adverbial clause of a verb of effort is what the
    effort did ("pushed north, capturing X"), unless the verb averts it. A deed in a clause of
    "after", "since" or "following" is done whatever it hangs on ("a push to take X after
    taking Y": Y was taken)."""
    node = verb
    while _purpose_or_part(node) and node.head.i != node.i:
        step, node = node.dep_, node.head
        if step == "pcomp" and node.lower_ in _DONE_BEFORE:
            return False
        done_by_it = step == "advcl" and node.pos_ == "VERB" and node.lemma_ not in _AVERTING
        if node.lemma_ in _AIMS and not done_by_it:
            return True
        if node.lemma_ in _PROGRESS and node.pos_ == "NOUN" and step == "acl":
            return True  # "made gains retaking X": on the way ("gains, including X": done)
    return False


def _purpose_or_part(node: Token) -> bool:
    """A clause or phrase an aim may govern: "a push to take X", which the parser may take for
    a relative clause, but no relative clause of a finite verb ("the push, which took X")."""
    if node.dep_ == "relcl":
        return node.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)
    return node.dep_ in ("acl", "xcomp", "pcomp", "prep", "advcl", "conj")


_DONE_BEFORE = frozenset("after since following".split())
_COPULAS = frozenset("be remain seem become".split())


def _spoken_of(verb: Token) -> bool:
    """A deed named as the subject of what is or will be ("Retaking X is central to the
    offensive", "Holding X remains the priority", "Retaking X has been a goal") or of what it
    would do ("capturing the port would open the coast road"): a topic or a prospect, not an
    event. A deed said to have taken time or a toll ("Taking X took three weeks") did happen."""
    if verb.dep_ != "csubj" or verb.tag_ != "VBG":
        return False
    head = verb.head
    if head.lemma_ in _COPULAS and any(
        c.dep_ == "attr" and c.lemma_ in _AIMS for c in head.children
    ):
        return True  # "Retaking X has been a goal of the army": an aim, in any tense
    return is_modal(head) or (head.lemma_ in _COPULAS and head.tag_ in ("VBZ", "VBP"))


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += with_conjuncts(child)
    return out


def child(verb: Token, *deps: str) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def prep_object(verb: Token, *words: str) -> Token | None:
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in words:
            obj = child(prep, "pobj")
            if obj is not None:
                return obj
    return None


def clause_of(verb: Token) -> Token:
    """The verb of the nearest clause with a subject above a verb form without one ("a day
    after taking Dessie" belongs to "they had captured Kombolcha"), or the verb that makes the
    effort such a form is part of the purpose of (`_effort_verb`), else `verb`."""
    if verb.tag_ not in ("VBG", "VB", "VBN") or subject(verb) is not None:
        return verb
    node = verb
    while node.head.i != node.i and node.dep_ not in ("relcl", "acl", "ccomp"):
        node = node.head
        if node.pos_ in ("VERB", "AUX") and subject(node) is not None:
            return node
    return _effort_verb(node) or verb


def _effort_verb(purpose: Token) -> Token | None:
    """The verb whose object is the effort an infinitive is the purpose of, when it has a
    subject: in "the army stepped up its campaign to retake X after taking Y" the army does
    the effort, and so what the purpose's clauses tell. Not when the effort is another's ("the
    army's push"): its owner is no subject."""
    effort = purpose.head
    if purpose.dep_ not in ("acl", "relcl") or purpose.tag_ != "VB" or effort.pos_ != "NOUN":
        return None  # the parser takes "a push to take X" for a relative clause at times
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in effort.children):
        return None
    verb = effort.head
    if effort.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and subject(verb) is not None:
        return verb
    return None


def predicative(verb: Token) -> bool:
    """A verb whose object is described, not taken: "holds X responsible"."""
    if any(
        c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and c.pos_ == "ADJ")
        for c in verb.children
    ):
        return True
    obj = child(verb, "dobj")  # the parser may hang the adjective on the object instead
    return obj is not None and any(c.dep_ == "amod" and c.i > obj.i for c in obj.children)


def speaker_of(verb: Token) -> Token | None:
    said = reporting_verb(verb)
    return who_speaks(said) if said is not None else None
