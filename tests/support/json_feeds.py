"""JSON Feed documents written for the tests (version 1.1 unless asked)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from helpers import Item

V1_1 = "https://jsonfeed.org/version/1.1"


def json_feed(title: str, items: Sequence[Item], version: str = V1_1) -> str:
    return json.dumps(
        {
            "version": version,
            "title": title,
            "home_page_url": "https://wire.example.com/",
            "items": [
                {
                    "id": i.guid,
                    "url": i.link,
                    "title": i.title,
                    "content_html": f"<p>{i.body}</p>",
                    "date_published": i.published.isoformat(),
                }
                for i in items
            ],
        }
    )
