"""A sentence whose references were resolved, given the parse of the sentence as written with
the names spliced in, instead of a second run of the pipeline.

Resolving references puts a name where a pronoun or a description stood ("he" -> "Sultani
Makenga", "the city" -> "Port Halden", "rebels" -> "M23 rebels"): the grammar is the same, so
the written sentence's parse serves. The resolved text is tokenized and aligned with the written
one word by word; words both share keep their annotations, and the words of a name take the
place of the words they replace: its last word takes the replaced phrase's head and relation,
the words before it are compounds of it, and what hung on a replaced word hangs on it. A name's
words are proper nouns, each its own lemma, as the tagger and lemmatizer make them.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from monitor.extract.language.grammar import phrase_head

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token


def spliced(nlp: Language, written: Span, resolved: str) -> Span:
    """The parse of `resolved` (the text of `written` with names put in) made from the parse
    of `written`; as a doc of its own, as the pipeline would give it."""
    from spacy.tokens import Doc

    old = list(written)
    new = nlp.tokenizer(resolved)
    source: list[Token | None] = [None] * len(new)  # the written word each new word stands for
    at: dict[int, int] = {}  # a written word -> the new word that stands for it
    matcher = SequenceMatcher(None, [t.text for t in old], [t.text for t in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                source[j1 + k] = old[i1 + k]
                at[old[i1 + k].i] = j1 + k
        elif i2 > i1 and j2 > j1:  # a phrase replaced by a name: its last word stands for it
            source[j2 - 1] = phrase_head(old[i1:i2]) or old[i2 - 1]
            at.update((t.i, j2 - 1) for t in old[i1:i2])
    heads, deps, tags, pos, lemmas, morphs = [], [], [], [], [], []
    for j, token in enumerate(new):
        kept = source[j]
        if kept is None:  # a word of a name before its last, or before a kept noun
            heads.append(_next_standing(j, source))
            deps.append("compound")
        else:
            heads.append(_standing_for(kept.head, at, j))
            deps.append(kept.dep_)
        same = kept if kept is not None and kept.text == token.text else None
        tags.append(same.tag_ if same else "NNP")  # a name's word: a proper noun, its own lemma
        pos.append(same.pos_ if same else "PROPN")
        lemmas.append(same.lemma_ if same else token.text)
        morphs.append(str(same.morph) if same else "")
    doc = Doc(
        nlp.vocab,
        words=[t.text for t in new],
        spaces=[bool(t.whitespace_) for t in new],
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        morphs=morphs,
    )
    return doc[:]


def _next_standing(j: int, source: list[Token | None]) -> int:
    """The head of a name's inner word: the next word that stands for a written one."""
    return next((k for k in range(j + 1, len(source)) if source[k] is not None), j)


def _standing_for(head: Token, at: dict[int, int], j: int) -> int:
    """The new word that stands for a written head; a dropped word's own head stands for it."""
    while head.i not in at and head.head.i != head.i:
        head = head.head
    return at.get(head.i, j)


__all__ = ["spliced"]
