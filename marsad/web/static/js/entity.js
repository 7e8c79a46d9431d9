// Entity page (canonical name, aliases, type, roles over time, events, quotes, co-occurring
// entities, documents, corrections) and the entity list.
import { h, t, api, card, badge, entityLink, etype, evtype, link, docHref, empty, num, qs, pager, token, state } from "./core.js";
import { entityCorrections, payloadText } from "./corrections.js";

function section(title, items, render, cls) {
  return card(`${title} (${num(items.length)})`, items.length ? h("ul", { class: cls || "list" }, items.map(render)) : empty(t("empty")));
}

export async function entityView(id) {
  const e = await api("/api/entities/" + encodeURIComponent(id));
  const roles = (e.roles || []).slice().sort((a, b) => (a.date || "").localeCompare(b.date || ""));
  const byDoc = new Map();
  for (const m of e.mentions || []) {
    if (!byDoc.has(m.doc_id)) byDoc.set(m.doc_id, Object.assign({ n: 0, first: m }, m));
    byDoc.get(m.doc_id).n++;
  }
  const aliases = Object.entries(e.aliases || {});
  const head = h("section", { class: "card ent-head" },
    h("div", { class: "ent-title" }, h("h1", { dir: "auto" }, e.canonical), badge(etype(e.type), "type type-" + e.type),
      e.iso ? badge(e.iso, "iso") : null, (e.corrections || []).length ? badge(t("corrected"), "corr") : null),
    h("div", { class: "meta mono" }, e.id),
    h("div", { class: "ent-stats" },
      h("span", {}, h("b", {}, num(e.documents)), " ", t("stat.documents")),
      h("span", {}, h("b", {}, num(e.mentions_total ?? (e.mentions || []).length)), " ", t("stat.mentions")),
      h("span", {}, h("b", {}, num((e.events || []).length)), " ", t("stat.events"))),
    aliases.length ? h("div", { class: "aliases" }, h("span", { class: "lbl" }, t("entity.aliases")),
      aliases.map(([a, n]) => h("span", { class: "chip", dir: "auto" }, a, n ? h("b", {}, num(n)) : null))) : null,
    h("div", { class: "ent-links" }, link(`/graph?entity=${encodeURIComponent(e.id)}`, t("entity.graph")), " · ",
      link(`/timeline?entity=${encodeURIComponent(e.id)}`, t("entity.timeline")), " · ",
      link(`/search?q=${encodeURIComponent(e.canonical)}&entity=${encodeURIComponent(e.id)}`, t("entity.search"))));

  const rolesCard = card(`${t("entity.roles")} (${num(roles.length)})`, roles.length ? h("ol", { class: "role-tl" }, roles.map((r) => h("li", {},
    h("span", { class: "tl-date" }, r.date || "—"), " ", h("b", { dir: "auto" }, r.title), r.affiliation ? [" · ", entityLink(r.affiliation_id, r.affiliation, "ORG")] : null,
    r.person && r.person_id !== e.id ? [" · ", entityLink(r.person_id, r.person, "PERSON")] : null,
    " ", link(docHref(r.doc_id, r.start, r.end), "↗")))) : empty(t("empty")));
  const eventsCard = section(t("entity.events"), e.events || [], (ev) => h("li", {},
    h("span", { class: "tl-date" }, ev.date || "—"), " ", badge(evtype(ev.type), "ev ev-" + ev.type), " ",
    (ev.args || []).filter((a) => a.entity_id !== e.id).slice(0, 5).map((a) => [entityLink(a.entity_id, a.text), " "]),
    link(docHref(ev.doc_id, (ev.evidence || [])[0], (ev.evidence || [])[1]), "↗")), "rowlist");
  const quotesCard = section(t("entity.quotes"), e.quotes || [], (q) => h("li", { class: "quote" },
    h("blockquote", { dir: "auto" }, q.text), h("div", { class: "meta" }, q.date || "", " ", link(docHref(q.doc_id, q.start, q.end), t("entity.open")))));
  const coCard = card(t("entity.co"), (e.co_occurring || []).length ? h("div", { class: "chips" }, e.co_occurring.map((c) =>
    h("span", { class: "chip" }, entityLink(c.id, c.canonical, c.type), h("b", {}, num(c.documents))))) : empty(t("empty")));
  const docList = [...byDoc.values()].reverse();  // newest first
  const docsCard = section(t("entity.documents"), docList, (d) => h("li", {},
    link(docHref(d.doc_id, d.first.start, d.first.end), h("span", { dir: "auto" }, d.title || d.label || d.doc_id)),
    h("span", { class: "meta" }, [d.published, t("n_mentions", { n: num(d.n) })].filter(Boolean).join(" · "))));
  if (docList.length < e.documents) docsCard.querySelector(".card-title").textContent = `${t("entity.documents")} (${t("entity.newest", { n: num(docList.length), m: num(e.documents) })})`;
  const why = (e.why || []).length ? card(t("entity.why"), h("ul", { class: "list small" }, e.why.slice(0, 12).map((w) =>
    h("li", { dir: "auto" }, typeof w === "string" ? w : [w.reason || w.why || "", w.mentions ? ` (${num(w.mentions)})` : ""])))) : null;
  const corr = token() && state.config && state.config.writes ? entityCorrections(e) : null;
  const history = (e.corrections || []).length ? card(t("corr.list"), h("ul", { class: "list small corr-history" }, e.corrections.map((c) =>
    h("li", {}, h("span", {}, badge(t("corr." + c.kind), "corr"), " ", payloadText(c.payload)), h("span", { class: "meta" }, c.created_at || ""))))) : null;
  return h("div", { class: "entpage" }, head,
    h("div", { class: "grid2" }, h("div", {}, rolesCard, eventsCard, quotesCard), h("div", {}, coCard, docsCard, history, why, corr)));
}

export async function entitiesView() {
  const p = qs();
  const limit = 40, offset = Number(p.offset || 0);
  const res = await api("/api/entities", { limit, offset, type: p.type, q: p.q });
  const input = h("input", { type: "search", name: "q", value: p.q || "", placeholder: t("entity.filter") });
  const sel = h("select", { name: "type" }, ["", "PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"].map((x) =>
    h("option", { value: x, selected: p.type === x }, x ? etype(x) : t("any"))));
  const form = h("form", { class: "filters" }, input, sel, h("button", { class: "btn", type: "submit" }, t("apply")));
  const nav = (o, f) => window.marsadNavigate("/entities?" + new URLSearchParams(Object.assign({}, p, f || {}, { offset: o })).toString());
  form.addEventListener("submit", (ev) => { ev.preventDefault(); nav(0, { q: input.value, type: sel.value }); });
  return card(`${t("nav.entities")} (${num(res.total)})`, form,
    h("table", { class: "table" }, h("thead", {}, h("tr", {}, h("th", {}, t("entity.name")), h("th", {}, t("entity.type")),
      h("th", {}, t("stat.documents")), h("th", {}, t("stat.mentions")))),
      h("tbody", {}, res.items.map((e) => h("tr", {}, h("td", {}, entityLink(e.id, e.canonical, e.type)),
        h("td", {}, etype(e.type)), h("td", {}, num(e.documents)), h("td", {}, num(e.mentions)))))),
    pager(res.total, limit, offset, (o) => nav(o)));
}
