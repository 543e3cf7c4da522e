"""Dedup stage: decide whether an entry was seen before, cheapest check first.

This module holds the pure part: the keys under which an entry is remembered. The store answers
whether a key was seen (per-feed GUID, then canonical URL across all feeds).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that only say where a click came from; the page is the same without them.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|at_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|"
    r"ocid|cmpid|cmp|s_cid|ns_\w+|ito|xtor|smid|_hs\w+|mkt_tok|ref_src|taid|ref)$",
    re.IGNORECASE,
)
_MOBILE_HOST = re.compile(r"^(m|mobile|amp)\.")
_AMP_PATH = re.compile(r"(/amp/?$|/amp(?=/)|\.amp(?=\.html?$)|\.amp$)")


def canonical_url(url: str) -> str:
    """One spelling for the URLs that name the same article: lower-case scheme and host, no
    default port, no `www.`/`m.`/`amp.` host prefix, no AMP path suffix, no tracking
    parameters, sorted query, no fragment. `http` and `https` are treated as the same page."""
    if not url:
        return ""
    try:
        parts = urlsplit(canonicalize_url(url.strip()))
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    host = _MOBILE_HOST.sub("", host.removeprefix("www."))
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not TRACKING_PARAMS.match(k)
    ]
    path = _AMP_PATH.sub("", parts.path) or "/"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))
