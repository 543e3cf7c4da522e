"""A recursive-descent parser for watch queries.

query    = or_expr END
or_expr  = and_expr { "OR" and_expr }
and_expr = unary { ["AND"] unary }          two terms side by side mean AND
unary    = "NOT" unary | near
near     = primary [ "NEAR/n" primary ]     both operands single terms
primary  = "(" or_expr ")" | FIELD ":" primary | "entity:" (WORD | PHRASE) | WORD | PHRASE
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn

from monitor.match.lex import QueryError, Token, tokenize
from monitor.match.syntax import FIELDS, And, Field, Near, Node, Not, Or, Term
from monitor.match.text import fold, term_key, words
from monitor.records import EntityRef

MAX_DEPTH = 50
MIN_PREFIX = 3
_STARTS_OPERAND = frozenset({"word", "phrase", "field", "(", "NOT"})


def parse_query(query: str, entities: Sequence[EntityRef] = ()) -> Node:
    """The syntax tree of a query; `entity:` names must be names or aliases of `entities`.
    Raises `QueryError` with the position of the first mistake."""
    node = _Parser(query, entities).parse()
    spot = _negative_spot(node)
    if spot is not None:
        reason = "NOT needs something to match besides it, as in 'Taliban AND NOT football'"
        raise QueryError(spot, reason, query)
    return node


class _Parser:
    def __init__(self, query: str, entities: Sequence[EntityRef]) -> None:
        self.query = query
        self.tokens = tokenize(query)
        self.at = 0
        self.depth = 0
        self.scope: Field | None = None
        self.entities = {term_key(n): e.name for e in reversed(entities) for n in e.names}

    def parse(self) -> Node:
        if self.peek().kind == "end":
            self.fail(0, "the query is empty")
        node = self.or_expr()
        token = self.peek()
        if token.kind != "end":
            self.fail(token.pos, "unexpected ')' with no '(' before it")
        return node

    def or_expr(self) -> Node:
        parts = [self.and_expr()]
        while self.peek().kind == "OR":
            self.operand_after(self.take())
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts), parts[0].pos)

    def and_expr(self) -> Node:
        parts = [self.unary()]
        while self.peek().kind == "AND" or self.peek().kind in _STARTS_OPERAND:
            if self.peek().kind == "AND":
                self.operand_after(self.take())
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts), parts[0].pos)

    def unary(self) -> Node:
        if self.peek().kind != "NOT":
            return self.near()
        token = self.take()
        self.operand_after(token)
        return Not(self.unary(), token.pos)

    def near(self) -> Node:
        start = self.peek().pos
        left = self.primary()
        if self.peek().kind != "NEAR":
            return left
        left_term = self.near_term(left, start)
        token = self.take()
        self.operand_after(token)
        right_start = self.peek().pos
        right = self.near_term(self.primary(), right_start)
        if self.peek().kind == "NEAR":
            self.fail(self.peek().pos, "NEAR cannot be chained: join two NEARs with AND")
        return Near(left_term, right, token.distance, start)

    def near_term(self, node: Node, start: int) -> Term:
        if not isinstance(node, Term):
            self.fail(start, "NEAR joins words, phrases, wildcards or entities, not groups")
        return node

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "(":
            return self.group(token)
        if token.kind == "field":
            return self.scoped(token)
        if token.kind in ("word", "phrase"):
            return self.term(token)
        if token.kind == ")":
            self.fail(token.pos, "unexpected ')' with no '(' before it")
        self.fail(token.pos, f"{token.text} needs a word, phrase or group on its left")

    def group(self, opening: Token) -> Node:
        if self.peek().kind == ")":
            self.fail(opening.pos, "empty parentheses")
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(opening.pos, f"parentheses nested more than {MAX_DEPTH} deep")
        node = self.or_expr()
        self.depth -= 1
        closing = self.take()
        if closing.kind != ")":
            self.fail(closing.pos, f"expected ')' to close the '(' at position {opening.pos}")
        return node

    def scoped(self, token: Token) -> Node:
        name = token.text.lower()
        if name == "entity":
            return self.entity(token)
        if name not in FIELDS:
            self.fail(token.pos, f"unknown field '{token.text}': use {', '.join(FIELDS)} or entity")
        if self.scope is not None:
            self.fail(token.pos, f"'{name}:' inside '{self.scope}:': a term is in one field")
        self.operand_after(token, f"'{token.text}:'")
        self.scope = FIELDS[FIELDS.index(name)]
        node = self.primary()
        self.scope = None
        return node

    def entity(self, token: Token) -> Term:
        name = self.take()
        if name.kind not in ("word", "phrase"):
            self.fail(name.pos, "expected an entity name after 'entity:'")
        entity = self.entities.get(term_key(name.text))
        if entity is None:
            self.fail(name.pos, f"unknown entity '{name.text}'")
        return Term("entity", entity, self.scope, token.pos)

    def term(self, token: Token) -> Term:
        text = token.text
        star = text.find("*")
        if token.kind == "phrase":
            if star >= 0:
                self.fail(token.pos + 1 + star, "a phrase cannot hold a wildcard")
            if not words(text):
                self.fail(token.pos, "empty phrase")
            return Term("phrase", text, self.scope, token.pos)
        if star >= 0:
            return self.prefix(token, star)
        if not words(text):
            self.fail(token.pos, f"nothing to match in '{text}': use letters or digits")
        return Term("word", text, self.scope, token.pos)

    def prefix(self, token: Token, star: int) -> Term:
        text = token.text
        if star != len(text) - 1:
            self.fail(token.pos + star, "'*' can only end a word")
        letters = sum(c.isalnum() for c in fold(text[:star]))
        if letters < MIN_PREFIX:
            reason = f"a wildcard needs at least {MIN_PREFIX} letters before '*'"
            self.fail(token.pos, reason)
        return Term("prefix", text[:star], self.scope, token.pos)

    def operand_after(self, token: Token, what: str = "") -> None:
        found = self.peek()
        if found.kind not in _STARTS_OPERAND:
            self.fail(found.pos, f"expected a word, phrase or '(' after {what or token.text}")

    def peek(self) -> Token:
        return self.tokens[self.at]

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at = min(self.at + 1, len(self.tokens) - 1)
        return token

    def fail(self, position: int, reason: str) -> NoReturn:
        raise QueryError(position, reason, self.query)


def _negative_spot(node: Node) -> int | None:
    """Where a query (or one of its OR branches) has nothing but NOT, or None if it is fine."""
    match node:
        case Not():
            return node.pos
        case And():
            spots = [_negative_spot(p) for p in node.parts]
            return None if None in spots else spots[0]
        case Or():
            return next((s for s in map(_negative_spot, node.parts) if s is not None), None)
        case _:
            return None
