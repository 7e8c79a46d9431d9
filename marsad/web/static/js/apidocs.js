// API reference rendered from /openapi.json (offline; no Swagger UI from a CDN).
import { h, t, api, card, badge } from "./core.js";

export async function apiDocsView() {
  const spec = await api("/openapi.json");
  const ops = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [m, op] of Object.entries(methods)) ops.push({ path, m: m.toUpperCase(), op });
  }
  const tags = new Map();
  for (const o of ops) { const tg = (o.op.tags || ["other"])[0]; if (!tags.has(tg)) tags.set(tg, []); tags.get(tg).push(o); }
  return h("div", { class: "apidocs", dir: "ltr" },
    card(`${spec.info.title} API ${spec.info.version}`, h("p", {}, spec.info.description),
      h("p", {}, h("a", { href: "/openapi.json" }, "openapi.json"))),
    [...tags].map(([tg, list]) => card(tg, list.map((o) => h("div", { class: "op" },
      h("div", { class: "op-head" }, badge(o.m, "m-" + o.m), h("code", {}, o.path)),
      h("p", { class: "muted" }, (o.op.description || o.op.summary || "").split("\n")[0]),
      (o.op.parameters || []).length ? h("ul", { class: "params" }, o.op.parameters.map((p) => h("li", {},
        h("code", {}, p.name), ` (${p.in}${p.required ? ", required" : ""}) `, (p.schema && (p.schema.type || (p.schema.anyOf || []).map((x) => x.type).join("|"))) || ""))) : null)))));
}
