// Home: search/ask box, counts, latest documents, events timeline, top entities and topics.
import { h, t, api, card, link, entityLink, badge, empty, num, evtype, etype, topicLabel, docHref, state, metaLine, shortSource } from "./core.js";
import { monthChart } from "./timeline.js";

export function searchBox(q, mode) {
  const input = h("input", { type: "search", name: "q", value: q || "", class: "big-input", required: true,
    placeholder: t("search.placeholder"), "aria-label": t("nav.search"), id: "q" });
  const form = h("form", { class: "searchbox", action: "/search", role: "search" },
    input,
    h("div", { class: "modes" },
      h("button", { type: "submit", name: "mode", value: "search", class: "btn btn-primary" + (mode !== "ask" ? " on" : "") }, t("search.go")),
      h("button", { type: "submit", name: "mode", value: "ask", class: "btn btn-ask" + (mode === "ask" ? " on" : "") }, t("ask.go"))));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const m = (ev.submitter && ev.submitter.value) || "search";
    window.marsadNavigate(`/search?q=${encodeURIComponent(input.value)}&mode=${m}`);
  });
  return form;
}

async function safe(p, fallback) { try { return await p; } catch (e) { return fallback; } }

export async function homeView() {
  const [stats, docs, ents, latestEv, months] = await Promise.all([
    api("/api/stats"), api("/api/documents", { limit: 8 }), api("/api/entities", { limit: 12 }),
    api("/api/stats").then((st) => api("/api/events", { limit: 6, to: (st.published || [])[1] || undefined }))
      .catch(() => ({ items: [], total: 0 })),
    safe(api("/api/timeline/months"), { items: [] }),
  ]);
  const L = stats.layers || {};
  const nEnt = Object.values(stats.entities || {}).reduce((a, b) => a + b, 0);
  const tiles = [
    [stats.documents, "stat.documents", "/documents"], [nEnt, "stat.entities", "/entities"],
    [stats.events ?? (L.events || 0), "stat.events", "/timeline"], [L.quotes || 0, "stat.quotes", null],
    [L.roles || 0, "stat.roles", null],
  ].map(([n, k, href]) => {
    const inner = [h("span", { class: "tile-n" }, num(n)), h("span", { class: "tile-l" }, t(k))];
    return href ? h("a", { class: "tile", href, "data-nav": "" }, ...inner) : h("div", { class: "tile" }, ...inner);
  });
  const range = (stats.published || []).filter(Boolean);
  const hero = h("section", { class: "hero" },
    h("h1", {}, t("home.title")),
    h("p", { class: "lead" }, t("home.lead"), range.length ? [" ", t("home.range_pre"), " ", h("bdi", {}, range[0]), " ", t("home.range_to"), " ", h("bdi", {}, range[1]), "."] : null),
    searchBox("", "search"),
    h("div", { class: "tiles" }, tiles));

  const latest = card(t("home.latest"),
    docs.items.length ? h("ul", { class: "doclist" }, docs.items.map((d) => h("li", {},
      link("/documents/" + d.id, h("span", { class: "doc-title", dir: "auto" }, d.title || d.snippet.slice(0, 90))),
      metaLine(d.published, d.lang, shortSource(d.source))))) : empty(t("empty")),
    h("p", { class: "more" }, link("/documents", t("see_all"))));

  const events = latestEv.items.filter((e) => e.date);
  const timeline = card(t("home.timeline"),
    months.items.length ? monthChart(months.items) : null,
    events.length ? h("ol", { class: "mini-tl" }, events.map((e) => h("li", {},
      h("span", { class: "tl-date" }, e.date), badge(evtype(e.type), "ev ev-" + e.type),
      link(docHref(e.doc_id, e.evidence[0], e.evidence[1]), h("span", { dir: "auto" }, eventSummary(e)))))) : empty(t("timeline.none")),
    h("p", { class: "more" }, link("/timeline", t("see_all"))));

  const top = card(t("home.top_entities"),
    h("ul", { class: "rank" }, ents.items.map((e) => h("li", {},
      entityLink(e.id, e.canonical, e.type), h("span", { class: "meta" }, `${etype(e.type)} · ${t("n_docs", { n: num(e.documents) })}`)))),
    h("p", { class: "more" }, link("/entities", t("see_all"))));

  const topics = (state.topics || []).filter((x) => x.documents > 0);
  const tcard = card(t("home.topics"),
    topics.length ? h("div", { class: "chips" }, topics.map((x) =>
      link(`/timeline?topic=${encodeURIComponent(x.topic)}`, h("span", { class: "chip topic" }, topicLabel(x.topic), h("b", {}, num(x.documents)))))) : empty(t("empty")));

  return h("div", { class: "home" }, hero,
    h("div", { class: "grid2" }, h("div", {}, timeline, latest), h("div", {}, top, tcard)));
}

export function eventSummary(e) {
  const args = (e.args || []).map((a) => a.text).filter(Boolean);
  const uniq = [...new Set(args)].slice(0, 4);
  return (uniq.join(" · ") || e.evidence_text || "").slice(0, 140);
}
