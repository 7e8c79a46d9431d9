// Relationship graph: a small force layout in SVG (no library). Click a node to see its
// relations, double-click (or "open") for its page, drag nodes, wheel to zoom, drag to pan.
import { h, t, api, card, badge, entityLink, etype, link, docHref, empty, num, qs } from "./core.js";
import { svg } from "./timeline.js";

const KNOWN = ["signed_with", "met", "joined", "adopted", "launched", "attended", "related", "co_occurs"];

// Fruchterman–Reingold with gravity, then fitted into the W×H box (margins for labels).
export function layout(nodes, edges, W, H, steps) {
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  nodes.forEach((n, i) => {
    const a = i * 2.399963, r = 10 * Math.sqrt(i + 1);  // sunflower start: deterministic, spread
    if (n.x === undefined) { n.x = W / 2 + r * Math.cos(a); n.y = H / 2 + r * Math.sin(a); }
  });
  const links = edges.map((e) => [idx.get(e.source), idx.get(e.target), e]).filter(([a, b]) => a !== undefined && b !== undefined);
  const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 1.0;
  let temp = W / 8;
  const grav = 0.15 * Math.min(1, 25 / Math.max(nodes.length, 1));  // big graphs need room
  for (let step = 0; step < steps; step++) {
    const dx = new Float64Array(nodes.length), dy = new Float64Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
        const d = Math.max(Math.sqrt(ex * ex + ey * ey), 0.5);
        if (d > 6 * k) continue;  // far apart: no push (keeps components together)
        const f = (k * k) / d;
        dx[i] += (ex / d) * f; dy[i] += (ey / d) * f; dx[j] -= (ex / d) * f; dy[j] -= (ey / d) * f;
      }
    }
    for (const [i, j, e] of links) {
      const ex = nodes[i].x - nodes[j].x, ey = nodes[i].y - nodes[j].y;
      const d = Math.max(Math.sqrt(ex * ex + ey * ey), 0.5), f = ((d * d) / k) * (e.kind === "co_occurs" ? 0.3 : 1);
      dx[i] -= (ex / d) * f; dy[i] -= (ey / d) * f; dx[j] += (ex / d) * f; dy[j] += (ey / d) * f;
    }
    nodes.forEach((n, i) => {
      if (n.pinned) return;
      dx[i] += (W / 2 - n.x) * grav; dy[i] += (H / 2 - n.y) * grav;  // gravity
      const d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1, m = Math.min(d, temp);
      n.x += (dx[i] / d) * m; n.y += (dy[i] / d) * m;
    });
    temp = Math.max(temp * 0.985, 1);
  }
  fit(nodes, W, H, 70);
  return links;
}

function fit(nodes, W, H, margin) {
  if (!nodes.length) return;
  const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const s = Math.min((W - 2 * margin) / Math.max(x1 - x0, 1), (H - 2 * margin) / Math.max(y1 - y0, 1), 2.5);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  for (const n of nodes) { n.x = W / 2 + (n.x - cx) * s; n.y = H / 2 + (n.y - cy) * s; }
}

function panel(node, g, byId) {
  if (!node) return h("div", { class: "graph-side" }, h("p", { class: "muted" }, t("graph.hint")));
  const rel = g.edges.filter((e) => e.source === node.id || e.target === node.id)
    .sort((a, b) => (a.kind === "co_occurs") - (b.kind === "co_occurs") || b.weight - a.weight);
  return h("div", { class: "graph-side" },
    h("h3", { dir: "auto" }, node.label), badge(etype(node.type), "type type-" + node.type),
    h("p", {}, link("/entities/" + encodeURIComponent(node.id), t("graph.open")), " · ",
      link("/graph?entity=" + encodeURIComponent(node.id), t("graph.focus"))),
    h("ul", { class: "list small rels" }, rel.slice(0, 40).map((e) => {
      const other = byId.get(e.source === node.id ? e.target : e.source);
      return h("li", {}, h("span", { class: "kind k-" + e.kind }, t("edge." + e.kind)), " ",
        entityLink(other && other.id, other ? other.label : "?", other && other.type),
        h("span", { class: "meta" }, " ×" + num(e.weight)));
    })));
}

// A name box with suggestions (any alias) that opens the graph around the chosen entity.
function focusBox(current) {
  const list = h("datalist", { id: "graph-entities" });
  const input = h("input", { type: "search", list: "graph-entities", placeholder: t("graph.find"), "aria-label": t("graph.find"), id: "graph-find", autocomplete: "off" });
  let pending = 0;
  input.addEventListener("input", async () => {
    const q = input.value.trim(), mine = ++pending;
    if (q.length < 2) return;
    try {
      const res = await api("/api/entities", { q, limit: 8 });
      if (mine === pending) list.replaceChildren(...res.items.map((x) => h("option", { value: x.canonical, label: `${etype(x.type)} · ${x.documents}`, "data-id": x.id })));
    } catch (e) { /* suggestions are optional */ }
  });
  const form = h("form", { class: "graph-find" }, input, list, h("button", { class: "btn btn-small", type: "submit" }, t("graph.focus")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const opt = [...list.children].find((o) => o.value === input.value);
    const target = opt ? opt.dataset.id : input.value.trim();
    if (target) window.marsadNavigate("/graph?entity=" + encodeURIComponent(target));
  });
  return form;
}

export async function graphView() {
  const p = qs();
  const g = await api("/api/graph", { entity: p.entity, limit: p.limit || 80, cooccur: 30 });
  const root = h("div", { class: "graphpage" });
  const W = 900, H = 600;
  const present = [...new Set(g.edges.map((e) => e.kind))];
  const KINDS = [...KNOWN.filter((k) => present.includes(k)), ...present.filter((k) => !KNOWN.includes(k))];
  const kinds = new Set(KINDS);
  const side = h("div", {});
  const stage = h("div", { class: "graph-stage", dir: "ltr" });
  const controls = h("div", { class: "graph-controls" },
    KINDS.map((k) => {
      const cb = h("input", { type: "checkbox", checked: kinds.has(k), "data-kind": k });
      cb.addEventListener("change", () => { cb.checked ? kinds.add(k) : kinds.delete(k); draw(); });
      return h("label", { class: "toggle" }, cb, h("span", { class: "swatch k-" + k }), t("edge." + k));
    }),
    h("span", { class: "legend" }, ["PERSON", "ORG", "GPE", "EVENT"].map((ty) => h("span", { class: "lg" }, h("i", { class: "dot type-" + ty }), etype(ty)))),
    focusBox(p.entity),
    p.entity ? link("/graph", t("graph.all")) : null);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  layout(g.nodes, g.edges, W, H, 300);
  let selected = p.entity ? byId.get(p.entity) || null : null;
  let view = { x: 0, y: 0, s: 1 };

  function draw() {
    const edges = g.edges.filter((e) => kinds.has(e.kind) && byId.has(e.source) && byId.has(e.target));
    const deg = new Map();
    for (const e of edges) { deg.set(e.source, (deg.get(e.source) || 0) + e.weight); deg.set(e.target, (deg.get(e.target) || 0) + e.weight); }
    const rankOf = new Map([...g.nodes].sort((a, b) => (deg.get(b.id) || 0) - (deg.get(a.id) || 0)).map((n, i) => [n.id, i]));
    const near = new Set(selected ? edges.filter((e) => e.source === selected.id || e.target === selected.id).flatMap((e) => [e.source, e.target]) : []);
    const gEl = svg("g", { transform: `translate(${view.x},${view.y}) scale(${view.s})` });
    for (const e of edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      const dim = selected && !(near.has(a.id) && near.has(b.id) && (a === selected || b === selected));
      gEl.append(svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: `edge k-${e.kind}${dim ? " dim" : ""}`,
        "stroke-width": Math.min(1 + Math.log2(e.weight || 1), 5) }, svg("title", {}, `${a.label} — ${t("edge." + e.kind)} — ${b.label}`)));
    }
    for (const n of g.nodes) {
      const r = 5 + Math.min(Math.sqrt(deg.get(n.id) || 0) * 1.6, 12);
      const labelled = n === selected || near.has(n.id) || rankOf.get(n.id) < 30;
      const dim = selected && n !== selected && !near.has(n.id);
      const node = svg("g", { class: `node type-${n.type}${n === selected ? " sel" : ""}${dim ? " dim" : ""}`, transform: `translate(${n.x},${n.y})`, "data-id": n.id, tabindex: 0 },
        svg("circle", { r }, svg("title", {}, n.label)),
        labelled ? svg("text", { y: r + 13, "text-anchor": "middle" }, n.label.length > 28 ? n.label.slice(0, 27) + "…" : n.label) : null);
      node.addEventListener("pointerdown", (ev) => startDrag(ev, n));
      node.addEventListener("click", () => { selected = n; draw(); });
      node.addEventListener("dblclick", () => window.marsadNavigate("/entities/" + encodeURIComponent(n.id)));
      node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { selected = n; draw(); } });
      gEl.append(node);
    }
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "graph", role: "img", "aria-label": t("nav.graph") }, svg("rect", { width: W, height: H, class: "bg" }), gEl);
    s.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const f = ev.deltaY < 0 ? 1.15 : 1 / 1.15;
      const pt = toSvg(s, ev);
      view = { s: view.s * f, x: pt.x - (pt.x - view.x) * f, y: pt.y - (pt.y - view.y) * f };
      draw();
    }, { passive: false });
    s.querySelector(".bg").addEventListener("pointerdown", (ev) => startPan(ev, s));
    stage.replaceChildren(s);
    side.replaceChildren(panel(selected, g, byId));
  }

  function toSvg(s, ev) {
    const r = s.getBoundingClientRect();
    return { x: ((ev.clientX - r.left) / r.width) * W, y: ((ev.clientY - r.top) / r.height) * H };
  }
  function startDrag(ev, n) {
    ev.stopPropagation();
    const s = stage.querySelector("svg");
    const move = (e2) => { const pt = toSvg(s, e2); n.x = (pt.x - view.x) / view.s; n.y = (pt.y - view.y) / view.s; n.pinned = true; draw(); };
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
  }
  function startPan(ev, s) {
    const start = toSvg(s, ev), v0 = Object.assign({}, view);
    const move = (e2) => { const pt = toSvg(s, e2); view = Object.assign({}, v0, { x: v0.x + pt.x - start.x, y: v0.y + pt.y - start.y }); draw(); };
    const up = () => { window.removeEventListener("pointermove", move); window.removeEventListener("pointerup", up); };
    window.addEventListener("pointermove", move); window.addEventListener("pointerup", up);
  }

  if (!g.nodes.length) return card(t("nav.graph"), empty(t("graph.none")));
  draw();
  root.append(card(p.entity && byId.get(p.entity) ? t("graph.around", { name: byId.get(p.entity).label }) : t("nav.graph"),
    controls, h("div", { class: "graph-wrap" }, stage, side),
    h("p", { class: "meta" }, t("graph.stats", { n: num(g.nodes.length), m: num(g.edges.length) }))));
  return root;
}
