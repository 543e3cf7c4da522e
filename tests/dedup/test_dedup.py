from __future__ import annotations

import pytest

from monitor.dedup import canonical_url


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "https://www.example.com/world/story?utm_source=rss&utm_medium=feed",
            "https://example.com/world/story",
        ),
        ("http://example.com:80/world/story#comments", "https://example.com/world/story"),
        ("https://m.example.com/world/story", "https://example.com/world/story"),
        ("https://example.com/world/story/amp", "https://example.com/world/story"),
        ("https://EXAMPLE.com/a?b=2&a=1&fbclid=xyz", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?at_medium=RSS&at_campaign=KARANGA", "https://example.com/a"),
    ],
)
def test_same_article_same_canonical_url(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/news?id=1", "https://example.com/news?id=2"),
        ("https://example.com/Story", "https://example.com/story"),
        ("https://example.com:8443/a", "https://example.com/a"),
    ],
)
def test_different_articles_stay_apart(a: str, b: str) -> None:
    assert canonical_url(a) != canonical_url(b)
