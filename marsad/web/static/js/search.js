// Search and ask: highlighted snippets; answers with citations that open the cited sentence.
import { h, t, api, card, link, empty, highlighted, docHref, qs, pager, num, errorBox, badge, metaLine, shortSource, state, evtype, topicLabel } from "./core.js";
import { EVENT_TYPES } from "./timeline.js";
import { searchBox } from "./home.js";

function filtersForm(p) {
  const field = (name, label, attrs) => h("label", {}, h("span", {}, label), h("input", Object.assign({ name, value: p[name] || "" }, attrs)));
  const form = h("form", { class: "filters" },
    field("from", t("filter.from"), { type: "text", placeholder: "YYYY-MM-DD", size: 10 }),
    field("to", t("filter.to"), { type: "text", placeholder: "YYYY-MM-DD", size: 10 }),
    h("label", {}, h("span", {}, t("filter.lang")), h("select", { name: "lang" },
      ["", "ar", "fr", "en"].map((l) => h("option", { value: l, selected: p.lang === l }, l || t("any"))))),
    field("entity", t("filter.entity"), { type: "text", size: 14 }),
    h("label", {}, h("span", {}, t("filter.type")), h("select", { name: "event" }, h("option", { value: "" }, t("any")),
      EVENT_TYPES.map((x) => h("option", { value: x, selected: p.event === x }, evtype(x))))),
    h("label", {}, h("span", {}, t("filter.topic")), h("select", { name: "topic" }, h("option", { value: "" }, t("any")),
      (state.topics || []).map((x) => h("option", { value: x.topic, selected: p.topic === x.topic }, topicLabel(x.topic))))),
    h("button", { type: "submit", class: "btn" }, t("apply")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    const next = new URLSearchParams(Object.assign({}, p, f, { offset: 0 }));
    for (const [k, v] of [...next]) if (!v) next.delete(k);
    window.marsadNavigate("/search?" + next.toString());
  });
  return form;
}

function hitNode(hit, rank) {
  const sn = hit.snippet;
  return h("article", { class: "hit" },
    h("div", { class: "hit-head" }, h("span", { class: "rank-n" }, num(rank)),
      link(docHref(hit.doc_id, sn && sn.start, sn && sn.end), h("span", { class: "doc-title", dir: "auto" }, hit.title || hit.label || hit.doc_id))),
    metaLine(hit.published, shortSource(hit.source), hit.lang),
    sn ? h("p", { class: "snippet", dir: "auto" }, "… ", highlighted(sn.text, sn.highlights, sn.start), " …") : null,
    hit.duplicates && hit.duplicates.length ? h("div", { class: "dups" }, t("search.dups", { n: hit.duplicates.length }), " ",
      hit.duplicates.slice(0, 5).map((d) => link("/documents/" + d, d.slice(0, 8)))) : null);
}

async function askNode(q) {
  const res = await api("/api/ask", { q });
  const cites = res.citations || [];
  return h("section", { class: "card answer", id: "answer" },
    h("h2", { class: "card-title" }, t("ask.answer")),
    res.answer ? h("p", { class: "answer-text", dir: "auto" }, res.answer,
      res.confidence ? h("span", { class: "conf", title: t("ask.confidence") }, h("bdi", { dir: "ltr" }, `${Math.round(res.confidence * 100)}%`)) : null) :
      h("p", { class: "muted" }, res.mode === "search" ? t("ask.fallback") : t("ask.none")),
    cites.length ? h("ol", { class: "citations" }, cites.map((c, i) => h("li", {},
      h("a", { href: docHref(c.doc_id, c.start, c.end), "data-nav": "", class: "cite", "data-cite": i + 1 },
        h("span", { class: "cite-n" }, `[${i + 1}]`), " ",
        h("span", { class: "cite-text", dir: "auto" }, c.highlights ? highlighted(c.text, c.highlights, c.start) : c.text)),
      metaLine(c.title || c.label, c.published)))) : empty(t("search.none")));
}

export async function searchView() {
  const p = qs();
  const q = (p.q || "").trim();
  const mode = p.mode === "ask" ? "ask" : "search";
  const root = h("div", { class: "searchpage" }, h("section", { class: "card" }, searchBox(q, mode), filtersForm(p)));
  if (!q) { root.append(card(null, empty(t("search.hint")))); return root; }
  const limit = 10, offset = Number(p.offset || 0);
  const params = { q, limit, offset, from: p.from, to: p.to, lang: p.lang, entity: p.entity, event: p.event, topic: p.topic };
  const [ans, res] = await Promise.all([
    mode === "ask" ? askNode(q).catch((e) => card(t("ask.answer"), errorBox(e))) : null,
    api("/api/search", params).catch((e) => ({ error: e })),
  ]);
  if (ans) root.append(ans);
  if (res.error) { root.append(card(null, errorBox(res.error))); return root; }
  const go = (o) => window.marsadNavigate("/search?" + new URLSearchParams(Object.assign({}, p, { offset: o })).toString());
  root.append(card(t("search.results", { n: num(res.total) }),
    res.hits.length ? h("div", { class: "hits" }, res.hits.map((x, i) => hitNode(x, offset + i + 1))) : empty(t("search.none")),
    pager(res.total, limit, offset, go)));
  return root;
}

export async function documentsView() {
  const p = qs();
  const limit = 25, offset = Number(p.offset || 0);
  const res = await api("/api/documents", { limit, offset, lang: p.lang, from: p.from, to: p.to, q: p.q });
  const go = (o) => window.marsadNavigate("/documents?" + new URLSearchParams(Object.assign({}, p, { offset: o })).toString());
  const field = (name, label, attrs) => h("label", {}, h("span", {}, label), h("input", Object.assign({ name, value: p[name] || "" }, attrs)));
  const form = h("form", { class: "filters", id: "doc-filters" },
    field("q", t("doc.words"), { type: "search", size: 18 }),
    field("from", t("filter.from"), { placeholder: "YYYY-MM-DD", size: 10, dir: "ltr" }),
    field("to", t("filter.to"), { placeholder: "YYYY-MM-DD", size: 10, dir: "ltr" }),
    h("label", {}, h("span", {}, t("filter.lang")), h("select", { name: "lang" },
      ["", "ar", "fr", "en"].map((l) => h("option", { value: l, selected: p.lang === l }, l || t("any"))))),
    h("button", { type: "submit", class: "btn btn-primary" }, t("apply")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) f.set(k, v);
    window.marsadNavigate("/documents?" + f.toString());
  });
  return card(t("nav.documents") + ` (${num(res.total)})`, form,
    h("table", { class: "table" },
      h("thead", {}, h("tr", {}, h("th", {}, t("doc.title")), h("th", {}, t("doc.published")), h("th", {}, t("doc.lang")), h("th", {}, t("doc.source")))),
      h("tbody", {}, res.items.map((d) => h("tr", {},
        h("td", {}, link("/documents/" + d.id, h("span", { dir: "auto" }, d.title || d.snippet.slice(0, 80)))),
        h("td", { class: "nowrap" }, d.published || "—"), h("td", {}, badge(d.lang || "?")), h("td", { class: "meta" }, h("bdi", {}, shortSource(d.source) || "")))))),
    pager(res.total, limit, offset, go));
}
