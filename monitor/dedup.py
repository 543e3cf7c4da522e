"""Dedup stage: decide whether an entry was seen before, cheapest check first.

This module holds the pure part: the keys under which an entry is remembered. The store answers
whether a key was seen (per-feed GUID, then canonical URL across all feeds).
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from datasketch import MinHash
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


# Near duplicates -------------------------------------------------------------------------------
#
# The same wire story, lightly edited, retitled, truncated or with an extra paragraph, is one
# story. Cheapest first: the exact fingerprint of the normalised body catches verbatim copies;
# MinHash band keys (datasketch) find candidates among stored articles through an index; the
# candidates are then verified on their word 5-gram shingles. Containment of the smaller text in
# the larger one, not Jaccard similarity, is what tells a truncated copy from a different story
# that merely shares a background paragraph or an outlet's boilerplate.

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: candidates down to a Jaccard similarity of about 0.35
MIN_FINGERPRINT_CHARS = 200  # shorter bodies ("Read more...") are not worth a fingerprint
SAME_STORY_CONTAINMENT = 0.85
MIN_SHARED_SHINGLES = 25
LEAD_WORDS = 60

_WORD = re.compile(r"\w+")


def body_text(title: str, summary: str, content: str) -> str:
    """The text that identifies a story: its body, or its title and summary when that is all
    a feed gives. Titles alone are left out, as syndication rewrites them."""
    body = content if len(content) >= len(summary) else summary
    return body if len(body) >= MIN_FINGERPRINT_CHARS else f"{title}\n{body}"


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def fingerprint(text: str) -> str | None:
    """A hash of the normalised text (case, punctuation and spacing ignored), or None when the
    text is too short to identify anything."""
    if len(text) < MIN_FINGERPRINT_CHARS:
        return None
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()


def shingles(text: str) -> frozenset[str]:
    """The text's word 5-grams, case and punctuation ignored."""
    return _shingle_tokens(words(text))


def story_keys(text: str) -> list[str]:
    """Index keys under which similar texts meet: MinHash LSH bands of the whole text (similar
    texts share a band), and of its lead (a truncated copy or a teaser keeps the lead even when
    it is a small part of the whole)."""
    tokens = words(text)
    whole = _band_keys("w", _shingle_tokens(tokens))
    lead = _band_keys("l", _shingle_tokens(tokens[:LEAD_WORDS]))
    return whole + lead


def _shingle_tokens(tokens: list[str]) -> frozenset[str]:
    if len(tokens) < SHINGLE_WORDS:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(
        " ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)
    )


def _band_keys(prefix: str, shingle_set: frozenset[str]) -> list[str]:
    if not shingle_set:
        return []
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode() for s in sorted(shingle_set)])
    rows = NUM_PERM // BANDS
    keys = []
    for band in range(BANDS):
        chunk = minhash.hashvalues[band * rows : (band + 1) * rows].tobytes()
        keys.append(f"{prefix}{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two texts tell the same story: nearly all of the smaller one is in the larger."""
    shared = len(a & b)
    smaller = min(len(a), len(b))
    return shared >= MIN_SHARED_SHINGLES and shared >= SAME_STORY_CONTAINMENT * smaller
