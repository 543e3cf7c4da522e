"""The watch query syntax tree: small frozen nodes, and the way back to query text.

Positions (`pos`, the 0-based character offset in the query) are kept for error messages but
take no part in equality, so the same term written in two watches is one key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as _field
from typing import Literal

Field = Literal["title", "summary", "content"]
FIELDS: tuple[Field, ...] = ("title", "summary", "content")
TermKind = Literal["word", "phrase", "prefix", "entity"]


@dataclass(frozen=True, slots=True)
class Term:
    """A leaf: a word, a "phrase", a prefix (`Panjsh*`, text without the star) or an entity
    (`text` is the entity's configured name). `field` limits it to one field."""

    kind: TermKind
    text: str
    field: Field | None = None
    pos: int = _field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Near:
    """Both terms in the same field, at most `distance` words apart, in either order."""

    left: Term
    right: Term
    distance: int
    pos: int = _field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class And:
    parts: tuple[Node, ...]
    pos: int = _field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Or:
    parts: tuple[Node, ...]
    pos: int = _field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Not:
    part: Node
    pos: int = _field(default=0, compare=False)


Node = Term | Near | And | Or | Not


def terms(node: Node) -> Iterator[Term]:
    """Every leaf of a query, in order (a term written twice comes twice)."""
    match node:
        case Term():
            yield node
        case Near():
            yield node.left
            yield node.right
        case And() | Or():
            for part in node.parts:
                yield from terms(part)
        case Not():
            yield from terms(node.part)


def positive_entities(node: Node) -> tuple[str, ...]:
    """The entities a query looks for: `entity:` terms that are not under a NOT."""
    match node:
        case Term():
            return (node.text,) if node.kind == "entity" else ()
        case Near():
            return _unique((node.left, node.right))
        case And() | Or():
            return _unique(node.parts)
        case Not():
            return ()


def _unique(nodes: tuple[Node, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e for n in nodes for e in positive_entities(n)))


_PRECEDENCE = {Or: 1, And: 2, Not: 3, Near: 4, Term: 5}


def render(node: Node) -> str:
    """The query as text that parses back to the same tree."""
    match node:
        case Term():
            return _render_term(node)
        case Near():
            return f"{render(node.left)} NEAR/{node.distance} {render(node.right)}"
        case And():
            return " AND ".join(_child(p, 3) for p in node.parts)
        case Or():
            return " OR ".join(_child(p, 3) for p in node.parts)
        case Not():
            return f"NOT {_child(node.part, 3)}"


def _child(node: Node, at_least: int) -> str:
    text = render(node)
    return text if _PRECEDENCE[type(node)] >= at_least else f"({text})"


def _render_term(term: Term) -> str:
    scope = f"{term.field}:" if term.field else ""
    quoted = '"' + term.text + '"'
    match term.kind:
        case "word":
            return scope + term.text
        case "phrase":
            return scope + quoted
        case "prefix":
            return f"{scope}{term.text}*"
        case "entity":
            return f"{scope}entity:{quoted}"
