"""Full article text for feeds that only carry a teaser (per feed: `full_text = true`).

The article page is fetched through the fetch stage (same limits, same address guard) and its
main text is extracted by trafilatura, a well-kept boilerplate remover, in precision mode: a
missed paragraph costs less than navigation text or a "related stories" box read as facts.
trafilatura hands its result over as HTML, so that headings, paragraphs and list items reach
the extractors as the same blank lines and line breaks as a feed's HTML, and the furniture it
kept (a byline, a credit line, a "Read more" prompt) goes by the same rules
(`monitor.parse.text.html_to_text`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace

import trafilatura

from monitor.logs.events import get_logger
from monitor.parse.text import html_to_text
from monitor.records import Entry, FeedTarget, FetchResult

log = get_logger("monitor.pipeline.fulltext")
MIN_CHARS = 200  # shorter "articles" are usually consent walls or error pages

Fetcher = Callable[[FeedTarget], Awaitable[FetchResult]]


def main_text(html: bytes | str, url: str) -> str | None:
    """The article's main text, or None when the page has no recognisable article."""
    markup = trafilatura.extract(
        html,
        url=url,
        output_format="html",
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=True,
    )
    text = html_to_text(markup) if markup else ""
    return text if len(text) >= MIN_CHARS else None


async def with_full_text(
    entries: Sequence[Entry], fetcher: Fetcher, *, allow_private: bool, limit: int
) -> list[Entry]:
    """Entries whose content is replaced by their article's text, at most `limit` fetches; an
    entry whose page cannot be fetched or read keeps what the feed gave."""
    out = []
    for index, entry in enumerate(entries):
        if index >= limit or not entry.url.startswith(("http://", "https://")):
            out.append(entry)
            continue
        result = await fetcher(FeedTarget(entry.feed, entry.url, allow_private=allow_private))
        text = main_text(result.body, entry.url) if result.ok and result.body else None
        if text is None:
            log.info("full_text_unavailable", feed=entry.feed, url=entry.url, error=result.error)
            out.append(entry)
        else:
            out.append(replace(entry, content=text))
    return out
