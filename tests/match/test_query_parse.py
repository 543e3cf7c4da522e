"""The query parser: what valid queries mean, and where malformed ones go wrong."""

from __future__ import annotations

import pytest

from monitor.match.explain import And, Near, Not, Or, QueryError, Term, parse_query, render
from monitor.records import EntityRef

B = Term("word", "b")
ENTITIES = [
    EntityRef("Amrullah Saleh", "person", ("Amrullah Salih",)),
    EntityRef("Taliban", "group", ("Taleban",)),
]


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("Taliban", Term("word", "Taliban")),
        ("“Panjshir valley”", Term("phrase", "Panjshir valley")),
        ('"Panjshir valley"', Term("phrase", "Panjshir valley")),
        ("Panjsh*", Term("prefix", "Panjsh")),
        ("a b", And((Term("word", "a"), Term("word", "b")))),
        ("a AND b", And((Term("word", "a"), Term("word", "b")))),
        ("a and b", And((Term("word", "a"), Term("word", "and"), Term("word", "b")))),
        ("a OR b c", Or((Term("word", "a"), And((Term("word", "b"), Term("word", "c")))))),
        ("a NOT b", And((Term("word", "a"), Not(Term("word", "b"))))),
        ("x NOT a NEAR/2 b", And((Term("word", "x"), Not(Near(Term("word", "a"), B, 2))))),
        ("title:(a OR b)", Or((Term("word", "a", "title"), Term("word", "b", "title")))),
        ("Summary:a", Term("word", "a", "summary")),
        ("title:entity:taleban", Term("entity", "Taliban", "title")),
        ('entity:"amrullah salih"', Term("entity", "Amrullah Saleh")),
        ("NEARBY", Term("word", "NEARBY")),
        ("10:30", Term("word", "10:30")),
    ],
)  # fmt: skip
def test_valid_queries_parse_to_small_trees(query: str, tree: object) -> None:
    assert parse_query(query, ENTITIES) == tree


@pytest.mark.parametrize(
    "query",
    [
        'entity:"Amrullah Saleh" AND (Afghanistan OR Taliban)',
        '(Taliban OR (Massoud AND (Panjsh* OR "Panjshir valley"))) AND NOT (football OR cricket)',
        "Saleh NEAR/5 president",
        'title:"Panjshir valley" OR content:(a b)',
        "NOT (a OR b) AND c",
    ],
)
def test_render_reads_back_to_the_same_tree(query: str) -> None:
    tree = parse_query(query, ENTITIES)
    assert parse_query(render(tree), ENTITIES) == tree


DEEP = "(" * 60 + "x" + ")" * 60
BAD_NEAR = "bad NEAR distance: write NEAR/n with n a whole number from 1 to 100"
NOT_ALONE = "NOT needs something to match besides it, as in 'Taliban AND NOT football'"


@pytest.mark.parametrize(
    ("query", "position", "reason"),
    [
        ("(Taliban OR Taleban", 19, "expected ')' to close the '(' at position 0"),
        ("x AND (a OR (b c)", 17, "expected ')' to close the '(' at position 6"),
        ("Taliban)", 7, "unexpected ')' with no '(' before it"),
        ("()", 0, "empty parentheses"),
        ("Taliban AND", 11, "expected a word, phrase or '(' after AND"),
        ("Taliban OR OR x", 11, "expected a word, phrase or '(' after OR"),
        ("(a AND) b", 6, "expected a word, phrase or '(' after AND"),
        ("OR Taliban", 0, "OR needs a word, phrase or group on its left"),
        ("NOT", 3, "expected a word, phrase or '(' after NOT"),
        ('""', 0, "empty phrase"),
        ('Taliban " ... "', 8, "empty phrase"),
        ('"Panjshir valley', 16, "no closing quote for the quote at position 0"),
        ('"Panjsh* valley"', 7, "a phrase cannot hold a wildcard"),
        ("body:Taliban", 0, "unknown field 'body': use title, summary, content or entity"),
        ("title:content:x", 6, "'content:' inside 'title:': a term is in one field"),
        ("x title:", 8, "expected a word, phrase or '(' after 'title:'"),
        ("entity:Nobody", 7, "unknown entity 'Nobody'"),
        ('x entity:"Ahmad Massoud"', 9, "unknown entity 'Ahmad Massoud'"),
        ("entity:(Taliban)", 7, "expected an entity name after 'entity:'"),
        ("Saleh NEAR president", 6, BAD_NEAR),
        ("Saleh NEAR/0 president", 11, BAD_NEAR),
        ("Saleh NEAR/101 president", 11, BAD_NEAR),
        ("Saleh NEAR/x president", 6, BAD_NEAR),
        ("(a OR b) NEAR/3 c", 0, "NEAR joins words, phrases, wildcards or entities, not groups"),
        ("a NEAR/3 (b OR c)", 9, "NEAR joins words, phrases, wildcards or entities, not groups"),
        ("a NEAR/3 b NEAR/3 c", 11, "NEAR cannot be chained: join two NEARs with AND"),
        ("Pa*", 0, "a wildcard needs at least 3 letters before '*'"),
        ("x -Pa*", 2, "a wildcard needs at least 3 letters before '*'"),
        ("Pan*shir", 3, "'*' can only end a word"),
        ("NOT football", 0, NOT_ALONE),
        ("Taliban OR NOT football", 11, NOT_ALONE),
        ("(NOT a) NOT b", 1, NOT_ALONE),
        ("", 0, "the query is empty"),
        ("   ", 0, "the query is empty"),
        ("Taliban - Panjshir", 8, "nothing to match in '-': use letters or digits"),
        (DEEP, 50, "parentheses nested more than 50 deep"),
    ],
)  # fmt: skip
def test_malformed_queries_say_where_and_why(query: str, position: int, reason: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query, ENTITIES)
    assert (caught.value.position, caught.value.reason) == (position, reason)
    assert str(caught.value) == f"position {position}: {reason}"


def test_a_query_error_points_at_its_position() -> None:
    with pytest.raises(QueryError) as caught:
        parse_query("Saleh (Taliban OR Taleban", ENTITIES)
    assert caught.value.pointer() == (
        "Saleh (Taliban OR Taleban\n"
        "                         ^ expected ')' to close the '(' at position 6"
    )
