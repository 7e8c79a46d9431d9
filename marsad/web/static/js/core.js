// Core helpers: DOM building (text nodes only — never HTML from data), API calls, labels, token.
export const state = { lang: localStorage.getItem("marsad.lang") || "ar", labels: {}, topics: null, config: null };

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "href") el.setAttribute("href", safeHref(v));
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Only same-origin paths and http(s) links; anything else (javascript:, data:) becomes inert.
export function safeHref(v) {
  const s = String(v);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  if (/^https?:\/\//i.test(s)) return s;
  return "#";
}

export function t(key, vars) {
  const lab = state.labels[state.lang] || {};
  let s = lab[key] ?? (state.labels.ar || {})[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace(`{${k}}`, v);
  return s;
}

export function etype(type) { return t("type." + type); }
export function evtype(type) { return t("event." + type); }
export function topicLabel(id) {
  const tp = (state.topics || []).find((x) => x.topic === id);
  if (!tp) return id;
  return tp["label_" + state.lang] || tp.label_ar || id;
}

export function token() { return localStorage.getItem("marsad.token") || ""; }
export function setToken(v) { v ? localStorage.setItem("marsad.token", v) : localStorage.removeItem("marsad.token"); }

export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

export async function api(path, params, opts) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
  const headers = Object.assign({}, (opts || {}).headers);
  if (token()) headers["Authorization"] = "Bearer " + token();
  const res = await fetch(url, Object.assign({}, opts, { headers }));
  const type = res.headers.get("content-type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) {
    const e = (body && body.error) || { status: res.status, code: "HTTP" + res.status, message: String(body) };
    throw new ApiError(e.status, e.code, e.message);
  }
  return body;
}

export function postJSON(path, data, method) {
  return api(path, null, { method: method || "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
}

export function link(path, ...children) { return h("a", { href: path, "data-nav": "" }, ...children); }
export function entityLink(id, name, type) {
  if (!id) return h("span", { class: "ent ent-" + (type || "MISC") }, name);
  return h("a", { href: "/entities/" + encodeURIComponent(id), "data-nav": "", class: "ent ent-" + (type || "MISC") }, name);
}
export function docHref(docId, start, end) {
  let p = "/documents/" + encodeURIComponent(docId);
  if (start !== undefined && start !== null) p += `?s=${start}&e=${end}`;
  return p;
}

// "a · b · c" with each part isolated for the bidi algorithm; source paths shortened to their file name.
export function metaLine(...parts) {
  const out = [];
  for (const p of parts.flat()) {
    if (p === null || p === undefined || p === "") continue;
    if (out.length) out.push(" · ");
    out.push(h("bdi", {}, p));
  }
  return h("div", { class: "meta" }, out);
}
export function shortSource(src) {
  if (!src) return null;
  return /^https?:/i.test(src) ? src : String(src).split("/").pop();
}

export function badge(text, cls) { return h("span", { class: "badge " + (cls || "") }, text); }
export function card(title, ...body) {
  return h("section", { class: "card" }, title ? h("h2", { class: "card-title" }, title) : null, ...body);
}
export function empty(msg) { return h("p", { class: "empty" }, msg); }
export function spinner() { return h("div", { class: "loading" }, h("span", { class: "dot" }), t("loading")); }

export function errorBox(err) {
  const msg = err instanceof ApiError ? err.message : String(err && err.message || err);
  const code = err instanceof ApiError ? `${err.status} · ${err.code}` : "";
  return h("div", { class: "alert alert-error", role: "alert" }, h("strong", {}, t("error")), " ", msg, code ? h("span", { class: "muted" }, "  (" + code + ")") : null);
}

export function toast(msg, kind) {
  const el = document.getElementById("toast");
  el.textContent = msg;
  el.className = "show " + (kind || "");
  clearTimeout(el._t);
  el._t = setTimeout(() => (el.className = ""), 3500);
}

export function fmtDate(d) { return d || "—"; }
export function num(n) { return new Intl.NumberFormat(state.lang === "fr" ? "fr" : "en").format(n || 0); }

// Text with highlights: `hl` is [[start, end], …] in the coordinates of `base` (offset of text[0]).
export function highlighted(text, hl, base) {
  const out = [];
  let pos = 0;
  for (const [s, e] of (hl || []).slice().sort((a, b) => a[0] - b[0])) {
    const a = s - (base || 0), b = e - (base || 0);
    if (a < pos || b > text.length) continue;
    out.push(text.slice(pos, a), h("mark", {}, text.slice(a, b)));
    pos = b;
  }
  out.push(text.slice(pos));
  return out;
}

export function qs() { return Object.fromEntries(new URLSearchParams(location.search)); }

export function pager(total, limit, offset, go) {
  if (total <= limit) return null;
  const pages = Math.ceil(total / limit), cur = Math.floor(offset / limit);
  return h("nav", { class: "pager" },
    h("button", { type: "button", disabled: cur === 0, onclick: () => go(Math.max(0, offset - limit)) }, t("prev")),
    h("span", { class: "muted" }, t("page_of", { n: cur + 1, m: pages, total: num(total) })),
    h("button", { type: "button", disabled: cur >= pages - 1, onclick: () => go(offset + limit) }, t("next")));
}
