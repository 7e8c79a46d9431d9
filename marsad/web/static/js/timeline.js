// Events timeline with filters (type, entity, topic, date range) and a month histogram.
import { h, t, api, card, badge, entityLink, evtype, link, docHref, empty, num, qs, topicLabel, state, pager } from "./core.js";
import { eventTools } from "./corrections.js";

export const EVENT_TYPES = ["MEMBERSHIP", "AGREEMENT", "MEETING", "CONFERENCE", "ADOPTION", "LAUNCH"];
const NS = "http://www.w3.org/2000/svg";

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// Bars of events per month (stacked by type) from /api/timeline/months rows {month, type, events};
// time runs with the reading direction.
export function monthChart(rows) {
  const months = new Map();
  for (const r of rows) {
    if (!months.has(r.month)) months.set(r.month, {});
    months.get(r.month)[r.type] = (months.get(r.month)[r.type] || 0) + r.events;
  }
  let keys = [...months.keys()].sort();
  if (!keys.length) return null;
  // dates far from the bulk (history recalled, "vision 2030") would flatten the chart: keep the
  // months between the 2nd and 98th percentile of events
  const total = rows.reduce((a, r) => a + r.events, 0);
  let seen = 0, lo = keys[0], hi = keys[keys.length - 1];
  for (const k of keys) {
    const n = Object.values(months.get(k)).reduce((a, b) => a + b, 0);
    if (seen <= total * 0.05) lo = k;
    seen += n;
    if (seen >= total * 0.97) { hi = k; break; }
  }
  keys = keys.filter((k) => k >= lo && k <= hi);
  if (keys.length > 1) {  // at most the last 60 months of that span
    const [hy, hm] = hi.split("-").map(Number);
    const floor = `${hy - 5}-${String(hm).padStart(2, "0")}`;
    keys = keys.filter((k) => k > floor);
  }
  // fill gaps between first and last month
  const all = [];
  let [y, mo] = keys[0].split("-").map(Number);
  const [ly, lm] = keys[keys.length - 1].split("-").map(Number);
  while ((y < ly || (y === ly && mo <= lm)) && all.length < 120) {
    all.push(`${y}-${String(mo).padStart(2, "0")}`);
    mo++; if (mo > 12) { mo = 1; y++; }
  }
  const rtl = document.documentElement.dir === "rtl";  // time runs with the reading direction
  const W = 640, H = 120, pad = 18, bw = Math.max(2, (W - 2 * pad) / all.length - 2);
  const max = Math.max(...all.map((m) => Object.values(months.get(m) || {}).reduce((a, b) => a + b, 0)), 1);
  const bars = [];
  all.forEach((m, i) => {
    let yb = H - pad;
    for (const ty of EVENT_TYPES) {
      const n = (months.get(m) || {})[ty] || 0;
      if (!n) continue;
      const hgt = (n / max) * (H - 2 * pad);
      yb -= hgt;
      const x = rtl ? W - pad - (i + 1) * (bw + 2) : pad + i * (bw + 2);
      bars.push(svg("rect", { x, y: yb, width: bw, height: hgt, class: "bar ev-" + ty },
        svg("title", {}, `${m} · ${evtype(ty)}: ${n}`)));
    }
  });
  const ends = rtl ? [all[all.length - 1], all[0]] : [all[0], all[all.length - 1]];
  const labels = ends.map((m, i) => svg("text", { x: i ? W - pad : pad, y: H - 3, "text-anchor": i ? "end" : "start", class: "axis" }, m));
  const present = EVENT_TYPES.filter((ty) => all.some((m) => (months.get(m) || {})[ty]));
  const legend = h("div", { class: "legend chart-legend" }, present.map((ty) => h("span", { class: "lg" }, h("i", { class: "dot bar-" + ty }), evtype(ty))));
  return h("div", { class: "chart" }, legend, svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "months", role: "img", "aria-label": t("timeline.chart") },
    svg("line", { x1: pad, x2: W - pad, y1: H - pad, y2: H - pad, class: "baseline" }), bars, labels));
}

function eventCard(e) {
  const args = (e.args || []);
  const byRole = new Map();
  for (const a of args) { if (!byRole.has(a.role)) byRole.set(a.role, []); byRole.get(a.role).push(a); }
  return h("li", { class: "tl-item ev-" + e.type, "data-id": e.id },
    h("div", { class: "tl-dot" }),
    h("div", { class: "tl-body" },
      h("div", { class: "tl-top" }, h("span", { class: "tl-date" }, e.date || "—"), badge(evtype(e.type), "ev ev-" + e.type),
        e.place ? h("span", { class: "meta" }, t("role.place") + ": " + e.place) : null, e.corrected ? badge(t("corrected"), "corr") : null,
        (e.topics || []).map((x) => h("span", { class: "chip topic small" }, topicLabel(x)))),
      byRole.size ? h("div", { class: "args" }, [...byRole].map(([role, as]) => h("span", { class: "arg" },
        h("small", {}, t("role." + role)), " ", as.map((a, i) => [i ? "، " : "", entityLink(a.entity_id, a.text)])))) : null,
      h("p", { class: "evidence", dir: "auto" }, (e.evidence_text || "").slice(0, 260)),
      link(docHref(e.doc_id, (e.evidence || [])[0], (e.evidence || [])[1]), t("timeline.open")), eventTools(e)));
}

export async function timelineView() {
  const p = qs();
  const limit = 50, offset = Number(p.offset || 0);
  const filters = { type: p.type, from: p.from, to: p.to, entity: p.entity, topic: p.topic };
  const order = p.order === "asc" ? "asc" : "desc";
  const [res, months] = await Promise.all([api("/api/timeline", Object.assign({ limit, offset, order }, filters)),
    api("/api/timeline/months", filters)]);
  const sel = (name, opts, label) => h("label", {}, h("span", {}, label), h("select", { name }, h("option", { value: "" }, t("any")),
    opts.map(([v, l]) => h("option", { value: v, selected: p[name] === v }, l))));
  const inp = (name, label, ph) => h("label", {}, h("span", {}, label), h("input", { name, value: p[name] || "", placeholder: ph || "", size: 12 }));
  const form = h("form", { class: "filters", id: "tl-filters" },
    sel("type", EVENT_TYPES.map((x) => [x, evtype(x)]), t("filter.type")),
    inp("entity", t("filter.entity"), t("filter.entity_ph")),
    sel("topic", (state.topics || []).map((x) => [x.topic, topicLabel(x.topic)]), t("filter.topic")),
    inp("from", t("filter.from"), "YYYY-MM"), inp("to", t("filter.to"), "YYYY-MM"),
    h("label", {}, h("span", {}, t("timeline.order")), h("select", { name: "order" },
      h("option", { value: "desc", selected: order === "desc" }, t("timeline.newest")),
      h("option", { value: "asc", selected: order === "asc" }, t("timeline.oldest")))),
    h("button", { class: "btn btn-primary", type: "submit" }, t("apply")),
    h("a", { href: "/timeline", "data-nav": "", class: "btn btn-ghost" }, t("reset")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) f.set(k, v);
    window.marsadNavigate("/timeline?" + f.toString());
  });
  const shown = res.items;
  const groups = new Map();
  for (const e of shown) { const y = (e.date || "").slice(0, 4); if (!groups.has(y)) groups.set(y, []); groups.get(y).push(e); }
  const go = (o) => window.marsadNavigate("/timeline?" + new URLSearchParams(Object.assign({}, p, { offset: o })).toString());
  return h("div", { class: "tlpage" },
    card(t("nav.timeline"), form, months.items.length ? monthChart(months.items) : null),
    card(t("timeline.count", { n: num(res.total) }), shown.length ? [...groups].map(([y, evs]) =>
      h("div", { class: "tl-year" }, h("h3", {}, y), h("ol", { class: "timeline" }, evs.map(eventCard)))) : empty(t("timeline.none")),
      pager(res.total, limit, offset, go)));
}
