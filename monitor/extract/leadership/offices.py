"""Offices read from the parse where word patterns do not reach: a title kept apart from the
name by a rank ("Front leader General X", "Navy Spokesman Rear Adm. X"), an office set beside the
name ("according to X, the group's spokesperson", "X, the M23's spokesperson on Tuesday
released ..."), and a body led by named people ("the rebels led by A and B", "the RSF (...)
led by General X", "It is led by X").

An office told this way is the narrator's description of the person: it has no claimant. A
past office ("former chairman", "the ousted government's president") is no claim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from monitor.extract.language.attribution import is_hedged
from monitor.extract.language.frame_base import Parsed, child, era_text
from monitor.extract.language.grammar import tokens_at
from monitor.extract.language.history import CONTROL_YEAR, long_before, years_in
from monitor.extract.language.mentions import Mention, find_mentions
from monitor.extract.leadership.filters import denied, past_office
from monitor.extract.leadership.led import leading_words, led_by
from monitor.extract.leadership.predicates import Hit
from monitor.extract.leadership.roles import FORMER, HEADS, clean_role
from monitor.extract.leadership.titles import OFFICE_WORDS, RANKS
from monitor.offices import COMPOUNDS
from monitor.records import Claim, EntityRef, Leadership, LeadershipStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

_HEAD = re.compile(rf"(?:{HEADS})", re.I)
# Words of a rank that may stand between an office and a name: "Rear Adm.", "Col. Gen.",
# "Senior General", "Field Marshal".
_RANK_PARTS = RANKS | frozenset("rear vice senior field air adm brig cmdr lieut".split())
# Heads of state and of provinces hold an office even as a bare title; "commander" does not.
_STATE = frozenset(
    "president premier minister chancellor governor mayor king emir commander-in-chief".split()
)
_MODIFIERS = frozenset("compound amod nmod npadvmod".split())
_OF = ("of", "for")
_JOINED = frozenset({("of", "staff"), ("in", "chief")})  # offices of three words


def _is_head(token: Token) -> bool:
    return _HEAD.fullmatch(token.lower_) is not None or (
        token.tag_ == "NNS" and _HEAD.fullmatch(token.lemma_.lower()) is not None
    )


def _is_rank(token: Token) -> bool:
    return token.lower_.rstrip(".") in _RANK_PARTS or token.text == "."


def _person(s: Parsed, token: Token) -> EntityRef | None:
    found = s.heads.get(token.i)
    return found if found is not None and found.kind == "person" else None


def _group_tokens(s: Parsed) -> dict[int, EntityRef]:
    """Every token inside a configured group's name ("the", "Brigades" of "the Brigades")."""
    out: dict[int, EntityRef] = {}
    for m in find_mentions(s.text, s.entities):
        if m.entity.kind == "group":
            out.update((t.i, m.entity) for t in tokens_at(s.span, m.start, m.end))
    return out


def _hyphen_end(token: Token) -> int:
    """The last token of a word written with hyphens ("commander-in-chief")."""
    doc, end = token.doc, token.i
    while end + 1 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text not in _BREAKS:
        end += 1
    return end


_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_BREAKS = frozenset(",;:.)”\"’'—–")


def _names_a_body(token: Token) -> bool:
    """A capitalised word in an office that is no office word: the name of a body or a place
    ("Brigades commander", "Marib provincial Governor")."""
    if not token.text[:1].isupper() or token.i == token.sent.start:
        return False
    return not (_is_head(token) or token.lower_ in OFFICE_WORDS)


def _office(
    s: Parsed,
    groups: dict[int, EntityRef],
    first: int,
    head: Token,
    led: EntityRef | None = None,
    last: Token | None = None,
) -> tuple[str, str | None] | None:
    """An office and its body from the words `first`..`head` of a title or an appositive noun
    phrase: the body is a configured group named among them or after "of" ("Secretary General
    of Hezbollah"); None when the words say the post is past or name no office a bare title
    holds."""
    if not _is_head(head) or first > head.i:
        return None
    doc = head.doc
    words = doc[first : _hyphen_end(last or head) + 1]
    if any(FORMER.fullmatch(w.lower_) for w in words):
        return None
    named = [t.i for t in words if t.i in groups]
    group = groups[named[-1]] if named else None
    start = named[-1] + 1 if named else first
    marks = [t.i for t in doc[start : head.i] if t.text in _POSSESSIVE]
    if marks and group is None:
        return None  # "the country's ruler", "the Brigades’ commander": an unconfigured body
    start = marks[-1] + 1 if marks else start  # "the M23 rebels’ military spokesperson"
    while start <= head.i and (
        doc[start].pos_ in ("DET", "PRON", "PUNCT", "NUM") or doc[start].dep_ in ("poss", "case")
    ):
        start += 1  # "the", "its", "the two"
    if any(_names_a_body(t) for t in doc[start : words.end]):
        return None  # "Coast Guard commander": a body no configuration names
    text = doc[start : words.end].text
    if head.tag_ == "NNS" and words.end == head.i + 1:  # "the military leaders of": one's office
        text = doc[start : head.i].text_with_ws + head.lemma_
    role = clean_role(text) if start <= head.i else None
    if role is None:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in _OF), None)
    if of is not None and any(FORMER.fullmatch(t.lower_) for t in of.subtree):
        return None  # "the vice president of the ousted government"
    owner = s.entity(child(of, "pobj"), "group") if of is not None else None
    group = group or owner or led
    if group is None and len(role.split()) < 2 and role not in _STATE:
        return None
    return role, group.name if group is not None else None


def _name_start(s: Parsed, head: Token) -> int:
    """The first token of the name that `head` heads (its proper-noun compounds)."""
    first = head.i
    while first - 1 >= head.sent.start and s.span.doc[first - 1].head.i == head.i:
        prev = s.span.doc[first - 1]
        if prev.dep_ not in ("compound", "flat") or not prev.text[:1].isupper():
            break
        if _is_head(prev) or _is_rank(prev):
            break
        first -= 1
    return first


def _title_across_rank(
    s: Parsed, groups: dict[int, EntityRef], head: Token, led: EntityRef | None = None
) -> tuple[str, str | None] | None:
    """ "Front leader General Amani Kito": an office before a rank before a name;
    `led` is the group a "led by" gives the person, whose office the title is."""
    left = sorted(
        (t for c in head.children if c.dep_ in _MODIFIERS and c.i < head.i for t in c.subtree),
        key=lambda t: t.i,
    )
    first = _name_start(s, head)
    left = [t for t in left if t.i < first]
    ranks = 0
    while (
        left
        and left[-1].i not in groups
        and not _ends_compound(left)
        and (_is_rank(left[-1]) or (left[-1].pos_ == "PROPN" and not _is_head(left[-1])))
    ):
        ranks += _is_rank(left[-1])
        left.pop()
    if not ranks or not left:
        return None  # an office right before the name is the word patterns' reading
    office = _office(s, groups, left[0].i, left[-1], led)
    word = left[0]
    if office is None and len(left) == 1 and _is_head(word) and _a_post(word):
        return word.lower_, led.name if led is not None else None
    return office


def _ends_compound(words: list[Token]) -> bool:
    """ "Secretary General", "Attorney General": a rank word that ends an office of two words
    is part of the office, not a rank before the name."""
    pair = tuple(w.lower_ for w in words[-2:])
    return len(pair) == 2 and pair in COMPOUNDS


def _a_post(word: Token) -> bool:
    """ "loyal to commander Gen. X": a head in lower case mid-sentence is the person's post,
    where a title ("Commander X") may be a rank."""
    return word.text.islower() and word.i != word.sent.start and not _is_rank(word)


def _of_group(s: Parsed, role: Token) -> bool:
    """ "Secretary General of Hezbollah": an office whose configured body follows "of"."""
    of = next((c for c in role.children if c.dep_ == "prep" and c.lower_ in _OF), None)
    return of is not None and s.entity(child(of, "pobj"), "group") is not None


def _closed(role: Token) -> bool:
    """An appositive that a comma or a dash closes before the clause goes on."""
    end = max(t.i for t in role.subtree)
    return end + 1 < len(role.doc) and role.doc[end + 1].text in (",", "—", "–")


def _postmodified(role: Token) -> bool:
    """An office noun followed by a clause or phrase of its own ("the RLF leader blamed for
    the bombings", "the leader who founded it"), which the word patterns do not read across."""
    return any(c.dep_ in ("acl", "relcl", "amod") and c.i > role.i for c in role.children)


def _appositive(
    s: Parsed, groups: dict[int, EntityRef], head: Token
) -> tuple[str, str | None] | None:
    """ "X, the group's spokesperson", "according to X, M23 political spokesperson", "X, the
    commander in chief of Y" (the parser may hang the name on "chief")."""
    for role in (c for c in head.children if c.dep_ == "appos"):
        if role.i < head.i or any(FORMER.fullmatch(t.lower_) for t in role.subtree):
            continue  # "X, the group's commander until last year"
        if (
            _closed(role)
            and head.dep_ in ("nsubj", "nsubjpass")
            and not _of_group(s, role)
            and not _postmodified(role)
        ):
            continue  # "X, the group's spokesman, said": the word patterns' reading
        first = role.i  # the appositive runs from the comma after the name to its head
        while first - 1 > head.i and head.doc[first - 1].text not in (",", "—", "–", "("):
            first -= 1
        office = _office(s, groups, first, role)
        if office is not None:
            return office
    return _named_after(s, groups, head)


def _named_after(
    s: Parsed, groups: dict[int, EntityRef], name: Token
) -> tuple[str, str | None] | None:
    """ "Varland’s commander in chief, Maj. Gen. X": the name in apposition to an office before
    it, across a rank or after the configured body the office is of or for ("the spokesman
    for the Front, X"); "the two military leaders of Hamas — A and B —": a list of names in
    apposition to an office in the plural, each holding it."""
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head
    role = _office_of_body(s, name.head)
    if name.dep_ != "appos" or role.i > name.i:
        return None
    last = role
    if role.dep_ == "pobj" and (role.head.lower_, role.lower_) in _JOINED:
        role = role.head.head  # "commander in chief", "chief of staff"
    for prep in (c for c in role.children if c.dep_ == "prep" and c.i == role.i + 1):
        tail = child(prep, "pobj")
        if tail is not None and (prep.lower_, tail.lower_) in _JOINED:
            last = tail  # the name hangs on "chief" of "chief of staff"
    listed = role.tag_ == "NNS" and last is role
    ranked = any(_is_rank(t) for t in name.doc[last.i + 1 : _name_start(s, name)])
    if not listed and not ranked and not _for_the_body(s, role):
        return None  # an office right before the name is the word patterns' reading
    first = min(t.i for t in role.subtree)
    return _office(s, groups, first, role, last=last)


def _the_body(s: Parsed, token: Token) -> EntityRef | None:
    """The configured group `token` heads the name of; not one a possessor names inside its
    noun phrase ("the Front's northern brigade" is not the Front)."""
    named = s.heads.get(token.i)
    return named if named is not None and named.kind == "group" else None


def _for_the_body(s: Parsed, role: Token) -> bool:
    """ "the spokesman for the Front": an office whose "of" or "for" names a configured body."""
    of = next((c for c in role.children if c.dep_ == "prep" and c.lower_ in _OF), None)
    return of is not None and _the_body(s, child(of, "pobj") or of) is not None


def _office_of_body(s: Parsed, token: Token) -> Token:
    """The office a person's name is set beside when the parser hangs the name on the body
    the office is of or for, or on a place after it ("the spokesman for the Front, X",
    "the commander of the Front in Dorn, X": X on "Front" or "Dorn"); a person is never in
    apposition with a group or a place. Else `token` itself."""
    body = None
    up = token
    for _ in range(2):
        prep = up.head
        if up.dep_ != "pobj" or prep.dep_ != "prep":
            break
        body = body or _the_body(s, up)
        if prep.lower_ in _OF and _is_head(prep.head) and body is not None:
            return prep.head
        up = prep.head
    return token


def _mention_start(s: Parsed, name: Token) -> int:
    """The first token of the configured name `name` heads, as the configuration writes it
    ("Varland Lina Vard": "Lina", where the parse joins the place to the name)."""
    for m in find_mentions(s.text, s.entities):
        tokens = tokens_at(s.span, m.start, m.end)
        if m.entity.kind == "person" and any(t.i == name.i for t in tokens):
            return tokens[0].i
    return _name_start(s, name)


def _office_across_body(
    s: Parsed, groups: dict[int, EntityRef], name: Token
) -> tuple[str, str | None] | None:
    """ "Spokesman for the Front Brig. Gen. X said", "President of Varland X has": the parser
    makes the name the object of the office's "for"/"of", the body or place it is of set
    before the name as one phrase. Only when a configured body or place stands between them
    ("spokesman for X" speaks for X) and no other office does ("the deputy of Front
    commander X" is X's deputy, X the commander)."""
    prep = name.head
    if name.dep_ != "pobj" or prep.lower_ not in _OF or not _is_head(prep.head):
        return None
    role = prep.head
    between = name.doc[prep.i + 1 : _mention_start(s, name)]
    if role.i > prep.i or any(_is_head(t) for t in between):
        return None
    body = next((groups[t.i] for t in between if t.i in groups), None)
    if body is None and not any(s.entity(t, "place") is not None for t in between):
        return None
    first = min(t.i for t in role.subtree if t.i <= role.i)
    office = _office(s, groups, first, role, body)
    if office is None or (body is None and office[0] not in _STATE):
        return None
    return office


def _dated_long_ago(s: Parsed, token: Token) -> bool:
    """The clause that tells the office is dated two or more years before the article ("In May
    2022, AA chief General X warned ...")."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return s.year is not None and long_before(years_in(era_text(verb), CONTROL_YEAR), s.year)


def _office_words(s: Parsed) -> list[Token]:
    """The words an office may be read from, in order: where "led by" or "under the leadership
    of" starts, and the head of each configured person's name."""
    people = [s.span.doc[i] for i, entity in s.heads.items() if entity.kind == "person"]
    words = {t.i: t for t in (*leading_words(s), *people)}
    return [words[i] for i in sorted(words)]


def office_frames(s: Parsed) -> list[Claim]:
    """Offices told by a title across a rank, by an appositive, or by "led by"."""
    claims: list[Claim] = []
    groups = _group_tokens(s)

    def add(
        at: Token, person: EntityRef, role: str, org: str | None, status: LeadershipStatus
    ) -> None:
        start = at.idx - s.span.start_char
        hit = Hit(Mention(person, start, start + len(at.text)), status, role, org, start)
        if past_office(s.text, hit, s.year) or denied(s.text, hit):
            return  # "a post he held until 2019", "denied that X leads"
        value = Leadership(person.name, role, org, status)
        claim = Claim(value, s.text, None, is_hedged(s.text))
        if claim not in claims:
            claims.append(claim)

    for token in _office_words(s):
        for p, role, group in led_by(s, token):
            person = None if _dated_long_ago(s, p) else _person(s, p)
            title = _title_across_rank(s, groups, p, group) if person else None
            body = group.name if group is not None else None
            if person is not None and title is not None:
                add(p, person, title[0], title[1] or body, "claimed")
            elif person is not None:
                add(p, person, role, body, "claimed")
        person = _person(s, token)
        if person is None or _dated_long_ago(s, token):
            continue
        for office in (
            _title_across_rank(s, groups, token),
            _appositive(s, groups, token),
            _office_across_body(s, groups, token),
        ):
            if office is not None:
                add(token, person, office[0], office[1], "claimed")
    return claims
