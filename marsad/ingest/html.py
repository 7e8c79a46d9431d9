"""HTML pages: main text and metadata with trafilatura, aligned back to the raw HTML.

trafilatura gives the article's text without navigation or comments but no offsets. We walk
the HTML's text nodes (html.parser, entity references kept with their raw extent) and match
the extracted words in order, so each character of the extracted text maps to the raw HTML
characters it came from (unmatched characters map as insertions).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from html import unescape

from marsad.errors import InputError
from marsad.offsets import OffsetMap, _merge

_SKIP = {"script", "style", "noscript", "template", "svg", "head"}
_WINDOW = 20000


class _TextNodes(HTMLParser):
    """Collects text characters of an HTML page with their raw offsets."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.chars: list[str] = []
        self.offsets: list[tuple[int, int]] = []
        self.skip = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("br", "p", "div", "li", "h1", "h2", "h3", "tr"):
            self._add(" ", self._pos(), 0)

    def handle_endtag(self, tag):
        if tag in _SKIP and self.skip:
            self.skip -= 1

    def _add(self, text: str, pos: int, raw_len: int) -> None:
        if self.skip:
            return
        if raw_len == len(text):
            for i, ch in enumerate(text):
                self.chars.append(ch)
                self.offsets.append((pos + i, 1))
        else:
            for ch in text:
                self.chars.append(ch)
                self.offsets.append((pos, raw_len))

    def handle_data(self, data):
        self._add(data, self._pos(), len(data))

    def handle_entityref(self, name):
        pos = self._pos()
        raw = "&" + name + (";" if self.html.startswith(";", pos + len(name) + 1) else "")
        self._add(unescape(raw), pos, len(raw))

    def handle_charref(self, name):
        pos = self._pos()
        raw = "&#" + name + (";" if self.html.startswith(";", pos + len(name) + 2) else "")
        self._add(unescape(raw), pos, len(raw))


def align(extracted: str, html: str) -> OffsetMap:
    """Map each character of ``extracted`` to its place in ``html`` (insertions where unmatched)."""
    nodes = _TextNodes(html)
    try:
        nodes.feed(html)
        nodes.close()
    except Exception:  # html.parser is lenient; anything it cannot take we align as insertions
        pass
    stream = "".join(nodes.chars)
    offs = nodes.offsets
    segs: list[tuple[int, int, int, int]] = []
    p = 0
    last_raw = 0
    for m in re.finditer(r"\S+|\s+", extracted):
        w = m.group(0)
        a = m.start()
        if w[0].isspace():
            segs.append((a, len(w), last_raw, 0))
            continue
        q = stream.find(w, p, p + _WINDOW + len(w))
        if q >= 0:
            for i in range(len(w)):
                rs, rl = offs[q + i]
                segs.append((a + i, 1, rs, rl))
            p = q + len(w)
            last_raw = offs[q + len(w) - 1][0] + offs[q + len(w) - 1][1]
        else:
            for i, ch in enumerate(w):
                q = stream.find(ch, p, p + 200)
                if q >= 0:
                    rs, rl = offs[q]
                    segs.append((a + i, 1, rs, rl))
                    p = q + 1
                    last_raw = rs + rl
                else:
                    segs.append((a + i, 1, last_raw, 0))
    return OffsetMap(_merge(segs), len(extracted), len(html))


def extract_html(html: str, source: str) -> tuple[str, OffsetMap, dict]:
    """Main text of an HTML page, its map to the raw HTML, and metadata (title, date, url)."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True,
                                             favor_precision=False, include_tables=True)
    except Exception as exc:
        raise InputError(source, f"malformed HTML ({type(exc).__name__})", code="M104")
    if result is None:
        raise InputError(source, "no article text found in HTML", code="M104")
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise InputError(source, "no article text found in HTML", code="M104")
    meta = {k: data.get(k) for k in ("title", "date", "url", "author", "sitename") if data.get(k)}
    return text, align(text, html), meta
