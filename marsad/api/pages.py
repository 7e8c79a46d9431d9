"""Minimal right-to-left pages over the API: home and document view.

Everything taken from an article is escaped (``html.escape``); the pages use no resource
from the internet.
"""
from __future__ import annotations

from html import escape

from fastapi import Depends, FastAPI
from fastapi.responses import HTMLResponse

STYLE = """
body{font-family:"Noto Naskh Arabic","Amiri","Segoe UI",Tahoma,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#0f3d5e;color:#fff;padding:.8rem 1.5rem;display:flex;gap:1rem;align-items:baseline}
header a{color:#fff;text-decoration:none;font-size:1.4rem;font-weight:bold}
main{max-width:60rem;margin:1.5rem auto;padding:0 1rem}
.card{background:#fff;border-radius:.5rem;padding:1rem 1.25rem;margin-bottom:1rem;box-shadow:0 1px 3px #0002}
.doc-text{white-space:pre-wrap;line-height:2;font-size:1.1rem}
mark{border-radius:.25rem;padding:0 .15rem}
mark.PERSON{background:#ffe0b2} mark.ORG{background:#c8e6c9} mark.GPE,mark.LOC,mark.FAC{background:#bbdefb}
mark.EVENT{background:#e1bee7} mark.MISC{background:#eeeeee} mark.DATE{background:#fff59d} mark.FIGURE{background:#b2dfdb}
mark.warning{background:#ffcdd2}
.meta{color:#5b6475;font-size:.9rem} table{border-collapse:collapse;width:100%} td,th{padding:.3rem .5rem;text-align:right}
"""


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)} — مرصد</title><style>{STYLE}</style></head><body>"
        f'<header><a href="/">مرصد</a><span>مرصد أخبار الذكاء الاصطناعي والسياسات الرقمية</span></header>'
        f"<main>{body}</main></body></html>")


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with non-overlapping spans wrapped in <mark class=...>."""
    out, pos = [], 0
    for start, end, cls, tip in sorted(spans):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="{escape(cls)}" title="{escape(tip)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def mount(app: FastAPI, store, can_read) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(can_read)])
    def home(s=Depends(store)):
        st = s.stats()
        _, docs = s.list_documents(limit=30)
        rows = "".join(
            f'<tr><td><a href="/documents/{escape(d["id"])}">{escape(d["title"] or d["snippet"][:80])}</a></td>'
            f'<td class="meta">{escape(d["published"] or "")}</td><td class="meta">{escape(d["lang"] or "")}</td></tr>'
            for d in docs)
        layers = "، ".join(f"{escape(k)}: {v}" for k, v in sorted(st["layers"].items()))
        body = (f'<div class="card"><h2>{st["documents"]} وثيقة</h2><p class="meta">{layers}</p></div>'
                f'<div class="card"><h3>أحدث الوثائق</h3><table>{rows}</table></div>')
        return _page("الرئيسية", body)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=[Depends(can_read)])
    def document_page(doc_id: str, s=Depends(store)):
        doc = s.get(s.resolve_id(doc_id))
        spans = [(e.start, e.end, e.label, e.attrs.get("canonical") or e.label) for e in doc.spans("entities")]
        spans += [(d.start, d.end, "DATE", str(d.attrs.get("value"))) for d in doc.spans("dates")]
        spans += [(f.start, f.end, "FIGURE", str(f.attrs.get("value"))) for f in doc.spans("figures")]
        spans += [(w.start, w.end, "warning", w.attrs.get("message", "")) for w in doc.spans("warnings")]
        src = escape(doc.meta.get("url") or doc.source or "")
        body = (f'<div class="card"><h2>{escape(doc.title or "")}</h2><p class="meta">{escape(doc.published or "")} '
                f'· {escape(doc.lang or "")} · {src}</p>'
                f'<div class="doc-text">{highlight(doc.text, spans)}</div></div>')
        return _page(doc.title or doc.id, body)
