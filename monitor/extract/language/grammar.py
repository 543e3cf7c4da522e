"""What a sentence's dependency parse says about a word: its clause, its verb's arguments,
negation and modality, and who reports it.

Small pure functions over spaCy tokens, shared by the extractors. They read the parse the
English pipelines give (ClearNLP-style labels: nsubj, nsubjpass, dobj, agent, pobj, ccomp,
xcomp, relcl, advcl, neg, aux), and the verbs' lemmas, never word windows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs that report speech or a statement: their subject is the claimant, their complement the
# claim ("a spokesman said [he was killed]").
SPEECH_LEMMAS = frozenset(
    """say tell claim announce state add insist report confirm deny warn write tweet post allege
    acknowledge admit concede assert boast maintain suggest estimate reject dismiss note explain
    declare reiterate stress quote accuse describe testify brief counter reply respond retort argue
    contend disclose reveal inform""".split()
)
# Verbs whose open complement is not (yet) a fact: "failed to capture", "vowed to retake".
NOT_DONE_LEMMAS = frozenset(
    """fail refuse try attempt seek aim plan threaten vow want hope prepare intend struggle
    pledge promise expect propose decide agree offer push""".split()
)
MODALS = frozenset("could might may would will should can must shall".split())
# The modals that doubt rather than state an ability: "may have fled", "could field".
DOUBTING_MODALS = frozenset("could might may would".split())
_NEGATORS = frozenset("not n't never no".split())
# Links inside one noun phrase: from a name to the head noun it belongs to.
_NOUN_LINKS = frozenset("compound appos conj flat nmod amod poss".split())
_ARGUMENTS = frozenset("nsubj nsubjpass dobj attr oprd dative".split())
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def tokens_at(span: Span, start: int, end: int) -> list[Token]:
    """The tokens of `span` that overlap characters `start`..`end` of its text."""
    chunk = span.char_span(start, end, alignment_mode="expand")
    return list(chunk) if chunk is not None else []


def phrase_head(tokens: list[Token]) -> Token | None:
    """The token of a multi-word name that the rest hangs on ("El Fasher" -> "Fasher"). Where
    the parser broke the name, its words hanging on different heads ("Nusrat al-Islam ... has
    besieged": "Nusrat" an adverbial, "Islam" the subject), the word that fills the verb's
    slot (subject, object) stands for it."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(heads) > 1:
        return next((t for t in heads if t.dep_ in _ARGUMENTS), heads[0])
    return heads[0] if heads else None


def noun_head(token: Token) -> Token:
    """Climb from a name to the noun phrase head it is part of ("RSF" in "RSF fighters")."""
    while token.dep_ in _NOUN_LINKS and token.head.i != token.i:
        token = token.head
    return token


def arguments(verb: Token) -> Iterator[Token]:
    """The noun phrase heads a verb takes: subject, object, passive agent, prepositional objects
    ("fell to the Taliban", "fled to Tajikistan")."""
    for child in verb.children:
        if child.dep_ in _ARGUMENTS:
            yield child
        elif child.dep_ in ("agent", "prep"):
            yield from (g for g in child.children if g.dep_ == "pobj")


def is_negated(verb: Token) -> bool:
    """ "does not control", "never captured", "no longer holds"."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in _NEGATORS:
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def is_modal(verb: Token) -> bool:
    """A verb under "could", "would", "may"...: a possibility, not a report of a fact."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def is_doubted(verb: Token) -> bool:
    """A verb under a modal of possibility ("may", "might", "could", "would")."""
    return any(c.dep_ == "aux" and c.lower_ in DOUBTING_MODALS for c in verb.children)


def is_perfect(verb: Token) -> bool:
    """ "may have been killed": with "have", a modal doubts a past event instead of foretelling
    one; the event is reported, hedged."""
    return any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in verb.children)


def is_counterfactual(verb: Token) -> bool:
    """ "would have been killed (had he stayed)", "would have taken X (without the strikes)":
    "would" with "have" tells what did not happen. "May" or "could" with "have" doubts what
    may have (`is_perfect`), unless a condition goes with it: "could have seized X if they had
    wanted" did not seize it."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not auxes & {"have", "'ve"}:
        return False
    return "would" in auxes or bool(auxes & MODALS and any(map(_unreal_condition, verb.children)))


def _unreal_condition(clause: Token) -> bool:
    """ "if they had wanted", "if it were": a condition told in the past, against the facts (not
    "if the reports are right", which leaves open what happened)."""
    past = clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in clause.children
    )
    return is_conditional(clause) and past


# "nearly captured", "came close to capturing": what almost happened did not.
_ALMOST = frozenset("nearly almost".split())
_NEAR = frozenset("close near".split())


def _almost(verb: Token) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in _ALMOST for c in verb.children):
        return True
    to = verb.head if verb.dep_ == "pcomp" else None
    return to is not None and to.lower_ == "to" and to.head.lower_ in _NEAR


def is_not_done(verb: Token) -> bool:
    """ "failed to capture", "vowed to retake", "plans to send": an open complement of a verb of
    trying, intending or failing; and what almost happened ("nearly captured", "came close
    to capturing")."""
    if _almost(verb):
        return True
    node = verb
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_ in NOT_DONE_LEMMAS:
            return True
    return False


_IF = frozenset("if unless lest whether".split())


def is_conditional(verb: Token) -> bool:
    """ "If X is killed, ...": the verb's clause is a condition, nothing that happened; nor is
    a question asked of it ("unclear whether he was killed")."""
    return any(c.dep_ == "mark" and c.lower_ in _IF for c in verb.children)


def reporting_verb(verb: Token) -> Token | None:
    """The speech verb that reports the clause of `verb` ("said" in "X said Y was killed"), or
    None when the clause is the narrator's."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "parataxis", "xcomp") and node.head.lemma_ in SPEECH_LEMMAS:
            return node.head
        if node.dep_ not in ("conj", "ccomp", "xcomp", "advcl", "parataxis"):
            return None
        node = node.head
    return None


# What a speaker or a believer once held, since superseded: "had previously believed that X
# had 10,000 fighters", "initially said 20 were killed".
_EARLIER = frozenset("previously initially originally formerly".split())
_BELIEF_LEMMAS = SPEECH_LEMMAS | frozenset("believe think assess assume expect fear put".split())


def told_as_earlier(verb: Token) -> bool:
    """Whether the clause of `verb` is what a speaker or a believer held before, told as such
    by the verb that reports it ("officials had previously believed that ...")."""
    node = verb
    while node.dep_ in ("ccomp", "xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_ in _BELIEF_LEMMAS:  # the nearest reporting verb tells when it was held
            return any(c.dep_ == "advmod" and c.lower_ in _EARLIER for c in node.children)
    return False


def who_speaks(said: Token) -> Token | None:
    """Who speaks by a verb of speech: its subject, or in the passive its agent ("was
    confirmed by the army"); a passive without one has no speaker (its subject is what was
    said: "the capture of X was confirmed")."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in said.children):
        return subject(said)
    agent = next((c for c in said.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def subject(verb: Token) -> Token | None:
    """The subject of a verb, through "and"-joined verbs that share it, and from a gerund after
    a preposition, which has the subject of the verb it modifies ("the army retreated after
    losing 14 soldiers": the army lost them)."""
    node: Token | None = verb
    while node is not None:
        for child in node.children:
            if child.dep_ in _SUBJECTS:
                return child
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        else:
            node = _modified_by_gerund(node)
    return None


def _modified_by_gerund(verb: Token) -> Token | None:
    """The verb a gerund after a preposition modifies: "retreated" of "after losing"."""
    prep = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def phrase(token: Token, without: frozenset[str] = frozenset()) -> str:
    """The noun phrase `token` heads, without relative clauses, asides and what follows a comma:
    "a senior U.S. official" from "a senior U.S. official, who gave no name,"; nor the
    phrases of the prepositions `without` names ("the valley" of "the valley with his men")."""
    inside = {token.i}
    stack = [
        c
        for c in token.children
        if c.dep_ not in _PHRASE_CUT
        and not _dated(c)
        and not (c.dep_ == "prep" and c.lower_ in without)
    ]
    while stack:
        node = stack.pop()
        inside.add(node.i)
        stack += [c for c in node.children if c.dep_ not in ("relcl", "acl", "punct")]
    doc = token.doc
    inside |= {i for i in range(min(inside), max(inside)) if _inner_hyphen(doc, i)}
    first = last = token.i
    while first - 1 in inside:
        first -= 1
    while last + 1 in inside:
        last += 1
    return doc[first : last + 1].text


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside one word ("Nagorno-Karabakh"), which the tokenizer splits off."""
    token = doc[i]
    return (
        token.text in ("-", "‐", "–")
        and not token.whitespace_
        and i > 0
        and not doc[i - 1].whitespace_
    )


_PHRASE_CUT = frozenset("relcl acl appos punct advcl cc conj".split())
TIME_NOUNS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december week weeks month months year
    years day days morning mornings afternoon evening evenings night nights weekend dawn dusk
    time hour hours decade decades today yesterday tonight overnight""".split()
)
# "mid-May", "early 2024", "late-March": a part of a time, which the tokenizer may split off.
_TIME_PARTS = frozenset("mid early late".split())


def is_time(token: Token) -> bool:
    if token.lower_ in TIME_NOUNS or token.like_num:
        return True
    part, _, rest = token.lower_.partition("-")
    if part in _TIME_PARTS and rest:
        return rest in TIME_NOUNS or rest.isdigit()
    after = [t for t in token.doc[token.i + 1 : token.i + 3] if t.text != "-"]
    return token.lower_ in _TIME_PARTS and bool(after) and is_time(after[0])


def _dated(token: Token) -> bool:
    """ "on Sunday", "in May" hung on a noun by the parser: when, not who."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and is_time(c) for c in token.children)


def according_to(span: Span) -> str | None:
    """The source an "according to" phrase names ("according to two residents")."""
    for token in span:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None:
                return phrase(obj)
    return None


def claimant_of(verb: Token) -> str | None:
    """Who states the clause of `verb`: the subject of the verb that reports it, as a whole
    noun phrase, or the source of an "according to"; None for the narrator or a pronoun."""
    said = reporting_verb(verb)
    who = who_speaks(said) if said is not None else None
    if who is not None and who.pos_ != "PRON":
        return article_lowered(phrase(who))
    return according_to(verb.sent) if who is None else None


_UNTIL = frozenset("until till".split())


def told_until(verb: Token) -> bool:
    """A state the verb tells lasted "until" a time or an event ("held X until May", "was
    based in X until the war"), so is over; not "until now", which it has lasted to."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in _UNTIL
        and not any(c.lower_ in ("now", "today") for c in prep.children)
        for prep in verb.children
    )


def opens_with_article(name: str) -> bool:
    """ "The KDF", "A spokesman": a phrase whose first word is a capitalised article."""
    return name.partition(" ")[0] in ("The", "A", "An")


def article_lowered(name: str) -> str:
    """ "the RLF" as the middle of a sentence writes it, also when it opens one ("The RLF
    said"), so one speaker is written one way."""
    first, _, rest = name.partition(" ")
    return f"{first.lower()} {rest}" if opens_with_article(name) and rest else name
