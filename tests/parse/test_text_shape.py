"""Text that keeps its shape: paragraphs, headings and line breaks of feed HTML reach the
extractors as blank lines and line breaks, and page furniture (galleries, captions, bylines,
"related" lists, share bars, read-more prompts) does not reach them at all.

Every feed here is of our own writing, in the shapes real feeds have: WordPress content:encoded,
wire copy, an Atom entry with subheads and a figure, a JSON Feed. XML feeds are read by both
parse paths (lxml and feedparser), which must agree."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
from end_to_end import run
from feed_server import FeedServer
from helpers import store_url, stored_rows, write_config
from shared_corpus import require_corpus

from monitor.extract import extract_claims
from monitor.extract.language.nlp import blocks, sentences
from monitor.parse import parse_feed
from monitor.parse.fast import fast_feed
from monitor.parse.safe import prepare
from monitor.parse.scan import Limits
from monitor.parse.text import html_to_text, plain_text
from monitor.pipeline.fulltext import main_text
from monitor.records import EntityRef, Entry, ForceSize

FETCHED = datetime(2021, 9, 7, tzinfo=UTC)
URL = "https://valley.example.org/feed"


def read(body: str, content_type: str = "application/rss+xml") -> list[Entry]:
    """The feed's entries, read by the lxml path (which must take the feed, when it is XML)
    and by feedparser, which must agree."""

    def parsed(fast: bool) -> tuple[Entry, ...]:
        feed = parse_feed(
            body.encode(),
            feed="f",
            url=URL,
            fetched_at=FETCHED,
            content_type=content_type,
            fast_path=fast,
        )
        assert feed.error is None, feed.error
        return feed.entries

    if body.startswith("<?xml"):
        ready = prepare(body.encode(), URL, content_type, Limits())
        assert fast_feed(ready.body) is not None, "the lxml path must take this feed"
        assert parsed(True) == parsed(False)
    return list(parsed(False))


def rss_item(title: str, description: str, encoded: str = "") -> str:
    content = f"<content:encoded><![CDATA[{encoded}]]></content:encoded>" if encoded else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley News</title><link>https://valley.example.org/</link>
<item><title>{title}</title><link>https://valley.example.org/2021/09/06/story/</link>
<guid isPermaLink="false">https://valley.example.org/?p=4021</guid>
<pubDate>Mon, 06 Sep 2021 08:00:00 +0000</pubDate>
<description><![CDATA[{description}]]></description>{content}</item>
</channel></rss>"""


WORDPRESS = rss_item(
    "Resistance fighters dig in above Bazarak",
    "<p>Fighters of the National Resistance Front dug trenches above Bazarak [&#8230;]</p>",
    """
<p>Fighters of the National Resistance Front dug trenches above Bazarak on Monday,
   residents said.</p>
<figure class="wp-block-gallery has-nested-images columns-2 is-cropped">
<figure class="wp-block-image size-large"><img src="https://valley.example.org/1.jpg" alt=""/>
<figcaption class="wp-element-caption">The front has about 1,500 fighters at the pass</figcaption>
</figure>
<figure class="wp-block-image size-large"><img src="https://valley.example.org/2.jpg" alt=""/>
<figcaption class="wp-element-caption">Sept. 5, 2021</figcaption></figure>
<figcaption class="blocks-gallery-caption">2,021 photos</figcaption>
</figure>
<div id="gallery-1" class="gallery galleryid-4021 gallery-columns-3">
<dl class="gallery-item"><dt class="gallery-icon"><img src="https://valley.example.org/3.jpg"/></dt>
<dd class="wp-caption-text gallery-caption">Photo 3 of 12</dd></dl></div>
<p>Elders in the valley said talks with the Taliban had stalled.</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
<ul><li><a href="https://valley.example.org/?share=x">X</a></li>
<li><a href="https://valley.example.org/?share=facebook">Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts">
<h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<p><a href="https://valley.example.org/2021/09/05/claim/">Taliban claim the valley</a>
September 5, 2021 In "World"</p></div>
<h3>Related stories</h3>
<ul><li><a href="https://valley.example.org/a">Talks in Doha resume</a></li>
<li><a href="https://valley.example.org/b">Roads to the north closed</a></li></ul>
<p>The post <a href="https://valley.example.org/2021/09/06/story/">Resistance fighters dig in
above Bazarak</a> appeared first on <a href="https://valley.example.org">Valley News</a>.</p>""",
)


def test_a_wordpress_item_loses_its_gallery_share_bar_and_related_posts() -> None:
    [entry] = read(WORDPRESS)

    assert entry.content == (
        "Fighters of the National Resistance Front dug trenches above Bazarak on Monday, "
        "residents said.\n\n"
        "Elders in the valley said talks with the Taliban had stalled."
    )
    assert entry.summary == (
        "Fighters of the National Resistance Front dug trenches above Bazarak [\u2026]"
    )
    assert "1,500" not in entry.text and "2,021" not in entry.text


WIRE = rss_item(
    "Taliban say they hold Panjshir, resistance denies it",
    """<p>By Jane Doe and John Roe</p>
<p>KABUL, Sept 6 (Example Wire) - The Taliban said on Monday they had taken the Panjshir
valley, the last province holding out against them.</p>
<p>A spokesman for the National Resistance Front said its fighters were still in
&quot;strategic positions&quot; across the valley.<br/>
He gave no figures.</p>
<p>Read more: Who are the fighters of the Panjshir valley?</p>
<p>(Reporting by Jane Doe in Kabul; Additional reporting by John Roe in Islamabad;
Editing by Sam Poe)</p>""",
)
WIRE_TAIL_IN_PARAGRAPH = rss_item(
    "Resistance says it still holds the passes",
    """<p>KABUL, Sept 7 (Example Wire) - The National Resistance Front said it still held the
passes into the valley. (Reporting by Jane Doe; Editing by Sam Poe)</p>""",
)


def test_a_wire_story_keeps_its_dateline_and_loses_byline_prompt_and_production_credits() -> None:
    [entry] = read(WIRE)
    [tail] = read(WIRE_TAIL_IN_PARAGRAPH)

    assert entry.summary == (
        "KABUL, Sept 6 (Example Wire) - The Taliban said on Monday they had taken the Panjshir "
        "valley, the last province holding out against them.\n\n"
        "A spokesman for the National Resistance Front said its fighters were still in "
        '"strategic positions" across the valley.\n'
        "He gave no figures."
    )
    assert tail.summary == (
        "KABUL, Sept 7 (Example Wire) - The National Resistance Front said it still held the "
        "passes into the valley."
    )


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Observer</title>
<id>tag:observer.example,2021:feed</id><updated>2021-09-06T10:00:00Z</updated>
<entry><title>Inside the last valley</title>
<link href="https://observer.example/last-valley"/><id>tag:observer.example,2021:7</id>
<updated>2021-09-06T10:00:00Z</updated>
<content type="html">{}</content></entry></feed>"""
SUBHEADS = """<div class="byline">By Jane Doe, Valley Observer</div>
<p>The road into the valley winds past burned-out trucks.</p>
<h2>Supplies for weeks</h2>
<figure><img src="https://observer.example/a.jpg"/>
<figcaption>Fighters at a checkpoint on Sept. 5. (Example Agency/Getty Images)</figcaption>
</figure>
<p>Shopkeepers said flour and fuel would last for weeks.</p>
<p class="image-credit">Photograph: Example Agency</p>
<p>Fighters rest near Bazarak on Sunday. (AP Photo/Jane Doe)</p>
<h2>Talks stall</h2>
<p>Elders said talks had stalled over the weekend.</p>
<aside class="newsletter"><p>Sign up for our morning newsletter</p></aside>"""


def test_subheads_stay_blocks_of_their_own_and_a_figure_goes_with_its_caption() -> None:
    escaped = SUBHEADS.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    [entry] = read(ATOM.format(escaped), "application/atom+xml")

    assert blocks(entry.text) == [
        "Inside the last valley",
        "The road into the valley winds past burned-out trucks.",
        "Supplies for weeks",
        "Shopkeepers said flour and fuel would last for weeks.",
        "Talks stall",
        "Elders said talks had stalled over the weekend.",
    ]


def test_json_feed_html_is_read_like_feed_html_and_plain_text_keeps_its_lines() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Valley Wire",
        "items": [
            {
                "id": "1",
                "url": "https://wire.example/1",
                "title": "Watch: convoy enters the valley",
                "content_html": (
                    '<div class="story-byline">By Jane Doe</div>'
                    "<h2>Convoy on the move</h2><p>A convoy of 40 trucks entered the valley."
                    "</p><div class='gallery-counter'>Image 1/12</div><p>Residents watched "
                    "from the roofs.</p><p><a href='https://wire.example/more'>Read more</a></p>"
                ),
            },
            {
                "id": "2",
                "url": "https://wire.example/2",
                "title": "Roads closed",
                "content_text": (
                    "By Jane Doe\n\nRoads into the valley were closed on Monday.\n"
                    "officials said, after a night of shelling.\n\n12 photos\nTraffic resumed"
                    " on Tuesday."
                ),
            },
        ],
    }

    html, plain = read(json.dumps(document), "application/feed+json")

    assert html.title == "Watch: convoy enters the valley", "titles keep everything"
    assert html.content == (
        "Convoy on the move\n\nA convoy of 40 trucks entered the valley.\n\n"
        "Residents watched from the roofs."
    )
    assert plain.content == (
        "Roads into the valley were closed on Monday.\n"
        "officials said, after a night of shelling.\n\n"
        "Traffic resumed on Tuesday."
    )
    assert blocks(plain.content)[0] == (
        "Roads into the valley were closed on Monday. officials said, after a night of shelling."
    ), "a line that carries on the sentence stays in its block"


def test_inline_markup_stays_inline_and_text_before_a_block_is_not_glued_to_it() -> None:
    markup = (
        "<div><strong>Taliban close on Panjshir</strong><p>Fighters <em>gathered</em>\n"
        "in the&nbsp;valley.</p>Elders met.<ul><li>First, roads.</li><li>Then, <b>fuel</b>."
        "</li></ul><table><tr><td>Bazarak</td><td>held</td></tr></table></div>"
    )

    assert html_to_text(markup) == (
        "Taliban close on Panjshir\n\nFighters gathered in the valley.\n\nElders met.\n\n"
        "First, roads.\nThen, fuel.\n\nBazarak held"
    )


def test_structure_drops_only_what_is_furniture() -> None:
    wrapper = (
        '<div class="entry-content has-gallery"><p>The front said it held every pass into the '
        "valley, and that its fighters were dug in above the road.</p></div>"
    )
    table = (
        '<figure class="wp-block-table"><table><tr><td>Killed</td><td>12</td></tr></table>'
        "<figcaption>Source: the ministry</figcaption></figure>"
    )
    mixed_list = "<ul><li>Roads: <a href='/r'>closed</a> since Monday</li></ul>"
    slideshow = (
        '<article class="slideshow"><figure class="slide"><figcaption>The X factor</figcaption>'
        '<img src="s.jpg"/><p class="slideCredit">Image by Jane Doe</p><div class="slideBody">'
        "<p>The first slide tells the story.</p></div></figure></article>"
    )

    assert html_to_text(wrapper).startswith("The front said it held every pass"), (
        "a named element holding most of the text is a wrapper, not furniture"
    )
    assert html_to_text(table) == "Killed 12", "a figure's table stays, its caption goes"
    assert html_to_text(mixed_list) == "Roads: closed since Monday", "not a list of links only"
    assert html_to_text(slideshow) == "The first slide tells the story."


def test_prose_that_starts_like_furniture_is_kept() -> None:
    prose = [
        "By now, the fighters had left the road.",
        "More than 100 fighters were killed.",
        "Photographs show the damage, officials said.",
        "Related to the fighting, 20 people fled.",
        "Share prices fell 3 percent in Kabul.",
        "Reporting by the ministry put the toll at 30.",
        "Health officials discussed HIV/AIDS.",
    ]
    text = "\n\n".join(prose)
    assert html_to_text("".join(f"<p>{line}</p>" for line in prose)) == text


ARTICLE = """<!doctype html><html><head><title>Inside the last valley</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
<h1>Inside the last valley</h1><p class="byline">By Jane Doe</p>
<p>The road into the valley winds past burned-out trucks and abandoned checkpoints, and the
fighters who still hold it say they have food and fuel for many weeks of siege.</p>
<h2>Supplies for weeks</h2>
<p>Shopkeepers in Bazarak said flour and fuel would last for weeks, though prices had risen by
a third since the Taliban closed the southern road at the start of the month.</p>
<p>Read more: How the valley held out in the 1990s</p>
<p>Reporting by Jane Doe; Editing by Sam Poe</p></article>
<footer>Copyright Valley Observer</footer></body></html>"""


def test_full_text_keeps_headings_and_paragraphs_and_loses_furniture() -> None:
    text = main_text(ARTICLE, "https://observer.example/last-valley")

    assert text is not None
    assert blocks(text) == [
        "Inside the last valley",
        "The road into the valley winds past burned-out trucks and abandoned checkpoints, and "
        "the fighters who still hold it say they have food and fuel for many weeks of siege.",
        "Supplies for weeks",
        "Shopkeepers in Bazarak said flour and fuel would last for weeks, though prices had "
        "risen by a third since the Taliban closed the southern road at the start of the month.",
    ]


def test_no_item_of_the_real_feeds_loses_its_whole_body() -> None:
    corpus = require_corpus()
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        files = [row["file"] for row in csv.DictReader(handle, delimiter="\t")]
    fields = changed = 0
    for name in files:
        ready = prepare((corpus / name).read_bytes(), URL, None, Limits())
        if ready.error:
            continue
        document = feedparser.parse(io.BytesIO(ready.body), sanitize_html=False)
        for raw in document.entries:
            for value, kind in _bodies(raw):
                read = html_to_text if "html" in kind else plain_text
                whole, kept = read(value, keep_furniture=True), read(value)
                assert kept or not whole, f"{name}: lost all of {whole[:120]!r}"
                fields += whole != ""
                changed += kept != whole
    assert fields > 1000 and changed > 0, (fields, changed)


def _bodies(raw: Any) -> list[tuple[str, str]]:
    summary = [(raw["summary"], raw.get("summary_detail", {}).get("type", "text/html"))]
    contents = [(c.get("value", ""), c.get("type", "text/html")) for c in raw.get("content", [])]
    return (summary if isinstance(raw.get("summary"), str) else []) + contents


NEWS_PAGE = rss_item(
    "Resistance fighters hold Panjshir valley",
    "<p>Fighters of the National Resistance Front held the Panjshir valley.</p>",
    """<div class="story"><strong>Taliban close on Panjshir</strong><p>KABUL (Example Wire) -
Fighters of the National Resistance Front held their positions in the Panjshir valley north of
Kabul on Monday, as Taliban units massed at its mouth.</p>
<p>The National Resistance Front now has about 9,000 fighters, its spokesman said.</p>
<figure class="wp-block-gallery"><figure class="wp-block-image"><img src="a.jpg"/>
<figcaption>The National Resistance Front has about 1,500 fighters at the pass, a commander
said.</figcaption></figure><figcaption>2,021 photos</figcaption></figure>
<p class="gallery-date">Sept. 5, 2021</p></div>""",
)
ENTITIES = [
    EntityRef("National Resistance Front", "group", ("NRF", "Northern Alliance")),
    EntityRef("Panjshir", "place", ("Panjsher", "Panjshir valley")),
    EntityRef("Taliban", "group", ("Taleban",)),
]


def test_poll_reads_no_fact_from_a_gallery_and_keeps_the_headline_apart(
    tmp_path: Path, feeds: FeedServer
) -> None:
    caption = (
        "The National Resistance Front has about 1,500 fighters at the pass, a commander said."
    )
    read_alone = [c.value for c in extract_claims(caption, ENTITIES, ["force_size"], year=2021)]
    assert [(v.min, v.subject) for v in read_alone if isinstance(v, ForceSize)] == [
        (1500, "National Resistance Front")
    ], "the caption would be a fact if it reached the extractors"
    config = write_config(tmp_path, {"valley": feeds.set("valley.xml", NEWS_PAGE)})

    assert run(config, "poll", "--once").exit_code == 0

    facts = [json.loads(line) for line in run(config, "facts", "--json").output.splitlines()]
    sizes = {(f["subject"], f["min"]) for f in facts if f["kind"] == "force_size"}
    assert sizes == {("National Resistance Front", 9000)}
    [row] = stored_rows(store_url(tmp_path), "SELECT title, summary, content FROM articles")
    title, summary, content = row
    text = Entry("valley", "Valley News", "g", "", title, summary, content, FETCHED).text
    said = [s.text for s in sentences(text)]
    assert said[:3] == [
        "Resistance fighters hold Panjshir valley",
        "Fighters of the National Resistance Front held the Panjshir valley.",
        "Taliban close on Panjshir",
    ], "the headlines are sentences of their own"
    assert not any("1,500" in s or "2,021" in s or "2021" in s for s in said)


def test_a_closing_prompt_goes_and_the_text_it_closes_stays() -> None:
    teaser = (
        "<p>Elders met in Bazarak on Sunday and spoke of the winter ahead... "
        '<a href="/x">[read more]</a></p><p>Officials met on Monday. Read more &raquo;</p>'
        "<p>He said he wanted to read more.</p>"
        '<p>To read this article in full, please <a href="/x">click here</a></p>'
    )

    assert html_to_text(teaser) == (
        "Elders met in Bazarak on Sunday and spoke of the winter ahead...\n\n"
        "Officials met on Monday.\n\nHe said he wanted to read more."
    )
