// Document view: the article with annotations per layer (toggles), facts side panel,
// warnings, source link; ?s=START&e=END marks and scrolls to a cited sentence.
import { h, t, api, card, badge, entityLink, etype, evtype, topicLabel, qs, empty, safeHref, link, metaLine, shortSource } from "./core.js";
import { eventTools } from "./corrections.js";

export const LAYERS = ["PERSON", "ORG", "PLACE", "DATE", "FIGURE", "QUOTE", "EVENT", "WARNING"];
const PLACE = new Set(["GPE", "LOC", "FAC"]);

function layerOf(ent) { return PLACE.has(ent.type) ? "PLACE" : (ent.type === "PERSON" || ent.type === "ORG" ? ent.type : "MISC"); }

// Every annotation as {start, end, layer, ...}; `cited` adds the cited range as a pseudo-layer.
export function annotations(doc, cited) {
  const out = [];
  for (const e of doc.entities) out.push({ start: e.start, end: e.end, layer: layerOf(e), ent: e });
  for (const d of doc.dates) out.push({ start: d.start, end: d.end, layer: "DATE", tip: d.value || d.reason || "" });
  for (const f of doc.figures) out.push({ start: f.start, end: f.end, layer: "FIGURE", tip: [f.qualifier, f.value, f.unit, f.currency].filter(Boolean).join(" ") });
  for (const q of doc.quotes) out.push({ start: q.start, end: q.end, layer: "QUOTE", tip: q.speaker || "" });
  for (const ev of doc.events) {
    const tr = ev.trigger || [ev.start, ev.end];
    out.push({ start: tr[0], end: tr[1], layer: "EVENT", tip: evtype(ev.type) });
  }
  for (const w of doc.warnings) out.push({ start: w.start, end: w.end, layer: "WARNING", tip: w.message || w.kind });
  if (cited) out.push({ start: cited[0], end: cited[1], layer: "CITED" });
  return out.filter((a) => a.end > a.start && a.start >= 0 && a.end <= doc.text.length);
}

// Split the text at every annotation boundary; each segment carries the layers covering it.
export function renderText(doc, anns) {
  const cuts = new Set([0, doc.text.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const pts = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < pts.length; i++) {
    const s = pts[i], e = pts[i + 1];
    const text = doc.text.slice(s, e);
    const cover = anns.filter((a) => a.start <= s && a.end >= e);
    if (!cover.length) { frag.append(document.createTextNode(text)); continue; }
    const classes = cover.map((a) => "l-" + a.layer);
    const ent = cover.find((a) => a.ent);
    const tip = cover.map((a) => a.ent ? `${etype(a.ent.type)}: ${a.ent.canonical || ""}` : a.tip).filter(Boolean).join(" · ");
    const attrs = { class: "seg " + classes.join(" "), title: tip || null, "data-s": s, "data-e": e };
    let node;
    if (ent && ent.ent.kb_id) {
      node = h("a", Object.assign(attrs, { href: "/entities/" + encodeURIComponent(ent.ent.kb_id), "data-nav": "" }), text);
    } else node = h("span", attrs, text);
    frag.append(node);
  }
  return frag;
}

function toggles(root) {
  const box = h("div", { class: "toggles", role: "group", "aria-label": t("doc.layers") });
  for (const L of LAYERS) {
    const input = h("input", { type: "checkbox", checked: true, "data-layer": L });
    input.addEventListener("change", () => root.classList.toggle("hide-" + L, !input.checked));
    box.append(h("label", { class: "toggle t-" + L }, input, h("span", { class: "swatch l-" + L }), t("layer." + L)));
  }
  return box;
}

function jump(root, s, e) {
  const segs = [...root.querySelectorAll(".seg")].filter((x) => +x.dataset.s >= s && +x.dataset.e <= e);
  root.querySelectorAll(".flash").forEach((x) => x.classList.remove("flash"));
  segs.forEach((x) => x.classList.add("flash"));
  if (segs[0]) segs[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

function factList(title, items, render) {
  if (!items.length) return null;
  return h("details", { class: "facts", open: true }, h("summary", {}, title, h("span", { class: "count" }, items.length)),
    h("ul", {}, items.map(render)));
}

function sidePanel(doc, textRoot) {
  const at = (s, e, ...c) => h("button", { type: "button", class: "fact-jump", onclick: () => jump(textRoot, s, e) }, ...c);
  const events = doc.kb_events && doc.kb_events.length ? doc.kb_events : doc.events.map((e) => Object.assign({}, e, { evidence: [e.start, e.end], args: [] }));
  const seen = new Map();
  for (const e of doc.entities) if (!seen.has(e.kb_id || e.canonical)) seen.set(e.kb_id || e.canonical, e);
  return h("aside", { class: "side" },
    factList(t("facts.events"), events, (e) => h("li", {},
      at(e.evidence[0], e.evidence[1], badge(evtype(e.type), "ev ev-" + e.type), " ", e.date || ""),
      e.place ? h("span", { class: "meta" }, " · " + e.place) : null,
      e.corrected ? badge(t("corrected"), "corr") : null,
      (e.args || []).length ? h("div", { class: "args" }, e.args.map((a) => h("span", { class: "arg" },
        h("small", {}, t("role." + a.role)), " ", entityLink(a.entity_id, a.text)))) : null,
      e.id ? eventTools(e) : null)),
    factList(t("facts.entities"), [...seen.values()], (e) => h("li", {}, entityLink(e.kb_id, e.canonical || e.text, e.type), " ",
      h("span", { class: "meta" }, etype(e.type)))),
    factList(t("facts.roles"), doc.roles, (r) => h("li", {}, at(r.start, r.end, r.person || r.text), " — ", r.title || "",
      r.affiliation ? h("span", { class: "meta" }, " · " + r.affiliation) : null)),
    factList(t("facts.quotes"), doc.quotes, (q) => h("li", {}, at(q.start, q.end, "«", q.text.slice(0, 90), q.text.length > 90 ? "…»" : "»"),
      q.speaker ? h("div", { class: "meta" }, "— " + q.speaker) : null)),
    factList(t("facts.dates"), doc.dates, (d) => h("li", {}, at(d.start, d.end, d.text), " → ", h("bdi", {}, d.value || t("unresolved")))),
    factList(t("facts.figures"), doc.figures, (f) => h("li", {}, at(f.start, f.end, f.text), " → ", h("bdi", {}, [f.qualifier, f.value, f.unit, f.currency].filter((x) => x !== null && x !== undefined).join(" ")))),
    factList(t("facts.topics"), doc.topics, (x) => h("li", {}, at(x.start, x.end, topicLabel(x.topic)), " ", h("span", { class: "meta" }, x.text))),
    factList(t("facts.warnings"), doc.warnings, (w) => h("li", { class: "warn" }, at(w.start, w.end, w.text), " ", h("div", { class: "meta", dir: "auto" }, w.message || w.kind))));
}

export async function documentView(id) {
  const doc = await api("/api/documents/" + encodeURIComponent(id));
  const p = qs();
  const cited = p.s !== undefined && p.e !== undefined ? [Number(p.s), Number(p.e)] : null;
  const textRoot = h("div", { class: "doc-text", dir: doc.lang === "ar" || !doc.lang ? "rtl" : "ltr", lang: doc.lang || "ar", id: "doc-text" });
  textRoot.append(renderText(doc, annotations(doc, cited)));
  const url = doc.url || (doc.meta || {}).url;
  const head = h("div", { class: "doc-head" },
    h("h1", { dir: "auto" }, doc.title || doc.label || t("doc.untitled")),
    metaLine(doc.published || t("doc.nodate"), doc.lang, shortSource(doc.source),
      /^https?:\/\//i.test(url || "") ? h("a", { href: safeHref(url), rel: "noopener noreferrer nofollow", target: "_blank", class: "src" }, t("doc.source_link")) : null),
    h("div", { class: "meta mono" }, "id ", doc.id));
  const warnings = doc.warnings.length ? h("div", { class: "alert alert-warn" }, t("doc.warnings", { n: doc.warnings.length })) : null;
  const root = h("div", { class: "docpage" },
    h("section", { class: "card doc-main" }, head, warnings, toggles(textRoot), textRoot),
    sidePanel(doc, textRoot));
  root.onShown = () => { if (cited) jump(textRoot, cited[0], cited[1]); };
  return root;
}
