"""Facts told as hearsay: a clause that is the content of a rumour or of an unconfirmed report.

A fact's verb may stand in the complement of a noun or verb of hearsay rather than be stated:

- a rumour or speculation ("after rumours spread that the rebels had taken the town",
  "speculation that the commander was killed", "it was rumoured that", "analysts speculated
  that", "is rumoured to have fallen"): nobody states it, so it is no fact (`RUMOUR`);
- a report nobody owns ("amid reports that the rebels had seized the airport", "unconfirmed
  reports said", "reports spread that"): a fact, hedged (`REPORT`), like "reportedly";
- a rumour or report that somebody denies ("the army dismissed reports that ..."), or a clause
  denied outright ("Armenia denied that Azerbaijani forces held the town"): the denial is the
  fact, the content none (`DENIED`).

The governing word decides through the parse: the clause is an acl/ccomp/relcl of the noun, the
ccomp/xcomp of the verb, or the ccomp of a verb whose subject is the noun ("rumours spread
that"). A report with an owner ("the RSF's claim that", "reports by state media that") is
attribution, and plain "reports said" is reported speech: neither is hearsay. A rumour or report
that a verb confirms ("reports that X ... were confirmed by Y") is a fact again. A fact told by
a noun is hearsay the same way in the rumour's of-phrase ("rumours of the fall of X").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from monitor.extract.language.grammar import is_negated, subject

if TYPE_CHECKING:
    from spacy.tokens import Token

Hearsay = Literal["rumour", "report", "denied"]
RUMOUR: Hearsay = "rumour"
REPORT: Hearsay = "report"
DENIED: Hearsay = "denied"

# Nouns whose complement nobody vouches for.
_RUMOUR_NOUNS = frozenset("rumour rumor speculation gossip hearsay conjecture".split())
# Nouns of a report or claim: hearsay when nobody owns them.
_REPORT_NOUNS = frozenset("report claim allegation suggestion".split())
_RUMOUR_VERBS = frozenset("rumour rumor speculate".split())
# Verbs by which a report spreads without a speaker: "reports spread that".
_SPREAD_VERBS = frozenset("spread circulate swirl emerge surface abound persist grow".split())
_UNCONFIRMED = frozenset("unconfirmed unverified unsubstantiated uncorroborated".split())
_CONFIRM_VERBS = frozenset("confirm verify corroborate substantiate".split())
DENY_VERBS = frozenset("deny dismiss reject refute debunk rebut".split())
# Links from a clause to the word that governs it, and links a clause climbs through to reach
# the clause that holds it ("rumours that X had taken Y and [fled]", "[... after it stormed]").
_NOUN_CLAUSE = frozenset("acl relcl ccomp".split())
_VERB_CLAUSE = frozenset("ccomp xcomp".split())
_CLIMB = frozenset("conj ccomp xcomp advcl".split())
# Links inside a noun phrase, from a name up to the noun whose of-phrase holds it.
_PHRASE = frozenset("pobj prep poss compound nmod appos conj amod".split())


def hearsay(verbs: Sequence[Token]) -> Hearsay | None:
    """How the fact's verbs are told, when every one is told as hearsay of one kind."""
    kinds = {_told(v) for v in verbs}
    if len(kinds) != 1:
        return None
    return kinds.pop()


def nominal_hearsay(anchors: Sequence[Token]) -> Hearsay | None:
    """How a fact told by a noun is told, when every mention of its entity stands in the
    of-phrase of a rumour or report ("amid rumours of the fall of X to Y")."""
    kinds = {_in_phrase(a) for a in anchors}
    if len(kinds) != 1:
        return None
    return kinds.pop()


def denying_verb(verb: Token) -> Token | None:
    """The verb of denial whose complement holds the fact's clause ("the army denied that
    ..."), climbing through the clauses that hold it."""
    node = verb
    while node.head.i != node.i and node.dep_ in _CLIMB:
        node = node.head
        if node.lemma_.lower() in DENY_VERBS and not is_negated(node):
            return node
    return None


def _in_phrase(token: Token) -> Hearsay | None:
    node = token
    while node.head.i != node.i and node.dep_ in _PHRASE:
        head = node.head
        if node.dep_ == "prep" and node.lower_ == "of" and head.pos_ == "NOUN":
            found = _noun(head, qualified=False)
            if found is not None:
                return found if found != "fact" else None
        node = head
    return None


def _told(verb: Token) -> Hearsay | None:
    node = verb
    adverbial = False  # climbed out of an adverbial clause: "denied X, saying he was in Y"
    while node.head.i != node.i:
        head = node.head
        found = _governed(head, node, adverbial)
        if found is not None:
            return found if found != "fact" else None
        if node.dep_ not in _CLIMB:
            return None
        adverbial = adverbial or node.dep_ == "advcl"
        node = head
    return None


def _governed(head: Token, clause: Token, adverbial: bool) -> Hearsay | Literal["fact"] | None:
    """What `head` makes of the clause hung on it: "fact" when it vouches for it. A verb of
    denial denies its own complement, not an adverbial clause inside it (the denier's "saying
    he was in the valley" is what the denier asserts)."""
    link = clause.dep_
    if head.pos_ in ("NOUN", "PROPN") and link in _NOUN_CLAUSE:
        if link == "relcl" and not any(c.dep_ == "mark" for c in clause.children):
            return None  # a relative clause ("reports that said ...") is about the noun
        return _noun(head, qualified=False)
    if head.pos_ not in ("VERB", "AUX") or link not in _VERB_CLAUSE:
        return None
    if head.lemma_.lower() in _RUMOUR_VERBS:
        return None if is_negated(head) else RUMOUR
    if link != "ccomp":
        return None
    if head.lemma_.lower() in DENY_VERBS:  # "denied that the rebels held the town"
        return None if is_negated(head) or adverbial else DENIED
    said_by = subject(head)
    if said_by is None:
        return None
    spread = head.lemma_.lower() in _SPREAD_VERBS
    return _noun(said_by, qualified=not spread) if _is_hearsay_noun(said_by) else None


def _is_hearsay_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in _RUMOUR_NOUNS | _REPORT_NOUNS


def _noun(noun: Token, *, qualified: bool) -> Hearsay | Literal["fact"] | None:
    """A rumour or a report as a clause's source; a report must be unconfirmed when `qualified`
    ("unconfirmed reports said"), and unowned."""
    lemma = noun.lemma_.lower()
    rumour = lemma in _RUMOUR_NOUNS
    if not rumour and (lemma not in _REPORT_NOUNS or _owned(noun)):
        return None
    verdict = _verdict(noun)
    if verdict is not None:
        return verdict
    if rumour:
        return RUMOUR
    doubted = any(c.lower_ in _UNCONFIRMED for c in noun.children)
    return None if qualified and not doubted else REPORT


def _owned(noun: Token) -> bool:
    """ "the RSF's claim", "reports by state media", "claims from the army": attribution."""
    for child in noun.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            return True
    return False


def _verdict(noun: Token) -> Hearsay | Literal["fact"] | None:
    """A verb that confirms the noun ("confirmed reports that", "reports ... were confirmed")
    or denies it ("dismissed rumours that"); a negated one does neither."""
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    verb = noun.head
    if is_negated(verb):
        return None
    lemma = verb.lemma_.lower()
    if lemma in _CONFIRM_VERBS and noun.dep_ != "nsubj":
        return "fact"
    if lemma in DENY_VERBS and noun.dep_ != "nsubj":
        return DENIED
    if noun.dep_ == "nsubj" and lemma in _FOUND_TO_BE and _said_false(verb):
        return DENIED  # "reports that X had fallen proved false"
    return None


# "proved false", "turned out to be untrue", "were baseless": a verdict of falsehood.
_FOUND_TO_BE = frozenset("prove turn be".split())
_FALSE = frozenset("false untrue unfounded baseless wrong inaccurate incorrect fake".split())


def _said_false(verb: Token) -> bool:
    return any(
        t.lower_ in _FALSE and t.dep_ in ("acomp", "oprd", "attr") and not is_negated(t.head)
        for t in verb.subtree
    )
