// Corrections (with the operator's token): list, add, withdraw; entity corrections panel;
// token settings; adding an article by upload.
import { h, t, api, card, badge, link, empty, errorBox, postJSON, token, setToken, toast, state, etype, ApiError } from "./core.js";

const TYPES = ["PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "MISC"];

async function submit(kind, target, payload, after) {
  try {
    await postJSON("/api/corrections", { kind, target, payload });
    toast(t("corr.saved"), "ok");
    if (after) after();
  } catch (e) {
    toast((e instanceof ApiError ? e.message : String(e)), "err");
  }
}

export function payloadText(p) {
  return Object.entries(p || {}).filter(([k]) => k !== "entity_id").map(([k, v]) => `${k}: ${v}`).join("، ");
}

function reload() { window.marsadNavigate(location.pathname + location.search); }

export function entityCorrections(e) {
  const typeSel = h("select", { name: "type", "aria-label": t("corr.retype") }, TYPES.map((x) => h("option", { value: x, selected: x === e.type }, etype(x))));
  const name = h("input", { name: "canonical", value: e.canonical, dir: "auto", "aria-label": t("corr.rename") });
  const list = h("datalist", { id: "merge-candidates" });
  const into = h("input", { name: "into", placeholder: t("corr.into_ph"), "aria-label": t("corr.merge"), list: "merge-candidates", autocomplete: "off" });
  let pending = 0;
  into.addEventListener("input", async () => {  // suggest entities by name (any alias)
    const q = into.value.trim(), mine = ++pending;
    if (q.length < 2 || q.includes(":")) return;
    try {
      const res = await api("/api/entities", { q, limit: 8 });
      if (mine !== pending) return;
      list.replaceChildren(...res.items.filter((x) => x.id !== e.id).map((x) =>
        h("option", { value: x.id, label: `${x.canonical} · ${etype(x.type)} · ${x.documents}` })));
    } catch (err) { /* suggestions are optional */ }
  });
  const form = (label, input, go, cls) => {
    const f = h("form", { class: "corr-row " + (cls || "") }, h("span", { class: "lbl" }, label), input, h("button", { class: "btn", type: "submit" }, t("corr.apply")));
    f.addEventListener("submit", (ev) => { ev.preventDefault(); go(); });
    return f;
  };
  const mentions = (e.mentions || []).slice(0, 30);
  return card(t("corr.title"),
    h("p", { class: "muted small" }, t("corr.note")),
    form(t("corr.retype"), typeSel, () => submit("retype", e.id, { type: typeSel.value }, reload), "retype"),
    form(t("corr.rename"), name, () => submit("rename", e.id, { canonical: name.value.trim() }, reload), "rename"),
    list,
    form(t("corr.merge"), into, () => submit("merge", e.id, { into: into.value.trim() }, () => window.marsadNavigate("/entities/" + encodeURIComponent(into.value.trim()))), "merge"),
    mentions.length > 1 ? h("details", { class: "split" }, h("summary", {}, t("corr.split")),
      h("ul", { class: "list small" }, mentions.map((m) => h("li", {}, h("span", { dir: "auto" }, m.text), " ",
        h("span", { class: "meta" }, (m.title || m.doc_id).slice(0, 40)), " ",
        h("button", { type: "button", class: "btn btn-small", onclick: () => submit("split", `${m.doc_id}:${m.start}:${m.end}`, { canonical: m.text }, reload) }, t("corr.split_one")))))) : null);
}

// Inline corrections of one event (for a user with the token): change its date or type, delete it.
export function eventTools(e) {
  if (!(token() && state.config && state.config.writes)) return null;
  const date = h("input", { name: "date", value: e.date || "", size: 10, dir: "ltr", "aria-label": t("role.date") });
  const type = h("select", { name: "type" }, ["MEMBERSHIP", "AGREEMENT", "MEETING", "CONFERENCE", "ADOPTION", "LAUNCH"]
    .map((x) => h("option", { value: x, selected: x === e.type }, t("event." + x))));
  const save = h("form", { class: "corr-row ev-edit" }, date, type, h("button", { class: "btn btn-small", type: "submit" }, t("corr.apply")));
  save.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const payload = {};
    if (date.value.trim() !== (e.date || "")) payload.date = date.value.trim();
    if (type.value !== e.type) payload.type = type.value;
    if (Object.keys(payload).length) submit("edit_event", e.id, payload, reload);
  });
  const del = h("button", { class: "btn btn-small btn-danger ev-delete", type: "button" }, t("corr.delete_event"));
  del.addEventListener("click", () => {
    if (!del.classList.contains("armed")) { del.classList.add("armed"); del.textContent = t("corr.confirm_delete"); return; }
    submit("delete_event", e.id, {}, reload);
  });
  return h("details", { class: "ev-tools" }, h("summary", {}, t("corr.event")), save, del);
}

function tokenCard() {
  const input = h("input", { type: "password", value: token(), placeholder: t("token.ph"), autocomplete: "off", id: "token" });
  const f = h("form", { class: "corr-row" }, h("span", { class: "lbl" }, t("token.label")), input,
    h("button", { class: "btn btn-primary", type: "submit" }, t("token.save")),
    token() ? h("button", { class: "btn btn-ghost", type: "button", onclick: () => { setToken(""); reload(); } }, t("token.clear")) : null);
  f.addEventListener("submit", (ev) => { ev.preventDefault(); setToken(input.value.trim()); toast(t("token.saved"), "ok"); reload(); });
  const writes = state.config && state.config.writes;
  return card(t("token.title"), writes ? null : h("div", { class: "alert alert-warn" }, t("token.disabled")), f,
    h("p", { class: "muted small" }, t("token.note")));
}

function uploadCard() {
  const file = h("input", { type: "file", name: "file", accept: ".txt,.html,.htm,text/plain,text/html", id: "upload-file" });
  const out = h("div", { class: "upload-out", id: "upload-out" });
  const f = h("form", { class: "corr-row" }, h("span", { class: "lbl" }, t("upload.label")), file, h("button", { class: "btn btn-primary", type: "submit" }, t("upload.go")));
  f.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (!file.files.length) return;
    const fd = new FormData();
    fd.append("file", file.files[0]);
    out.replaceChildren(t("loading"));
    try {
      const res = await api("/api/upload", null, { method: "POST", body: fd });
      out.replaceChildren(h("div", { class: "alert alert-ok" }, t(res.created ? "upload.created" : "upload.updated"), " ", link("/documents/" + res.id, res.id)));
    } catch (e) {
      const why = { 413: t("upload.err413"), 415: t("upload.err415"), 401: t("upload.err401") }[e.status];
      out.replaceChildren(h("div", {}, why ? h("p", { class: "upload-why" }, why) : null, errorBox(e)));
    }
  });
  const limit = state.config && state.config.max_upload;
  return card(t("upload.title"), f, h("p", { class: "muted small" }, t("upload.note", { n: limit ? Math.round(limit / 1024) : "?" })), out);
}

function eventForm() {
  const id = h("input", { name: "target", placeholder: "ev-…", size: 24, dir: "ltr" });
  const kind = h("select", { name: "kind" }, h("option", { value: "delete_event" }, t("corr.delete_event")), h("option", { value: "edit_event" }, t("corr.edit_event")));
  const date = h("input", { name: "date", placeholder: "YYYY-MM-DD", size: 10, dir: "ltr" });
  const f = h("form", { class: "corr-row" }, h("span", { class: "lbl" }, t("corr.event")), id, kind, date, h("button", { class: "btn", type: "submit" }, t("corr.apply")));
  f.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const payload = kind.value === "edit_event" && date.value ? { date: date.value } : {};
    submit(kind.value, id.value.trim(), payload, reload);
  });
  return f;
}

export async function correctionsView() {
  let list = null, err = null;
  try { list = await api("/api/corrections"); } catch (e) { err = e; }
  const canWrite = token() && state.config && state.config.writes;
  const rows = list ? list.items.slice().reverse() : [];
  const listCard = card(t("corr.list") + (list ? ` (${list.total})` : ""), err ? errorBox(err) : rows.length ?
    h("table", { class: "table" }, h("thead", {}, h("tr", {}, ["#", t("corr.kind"), t("corr.target"), t("corr.payload"), t("corr.when"), ""].map((x) => h("th", {}, x)))),
      h("tbody", {}, rows.map((c) => h("tr", { "data-id": c.id }, h("td", {}, c.id), h("td", {}, badge(t("corr." + c.kind), "corr")),
        h("td", { class: "mono" }, c.target.startsWith("ev-") || c.target.includes(":") ? c.target : link("/entities/" + encodeURIComponent(c.target), c.target)),
        h("td", { class: "small", dir: "auto" }, payloadText(c.payload)), h("td", { class: "meta" }, c.created_at || ""),
        h("td", {}, canWrite ? h("button", { class: "btn btn-small btn-danger", type: "button", onclick: async () => {
          try { await api("/api/corrections/" + c.id, null, { method: "DELETE" }); toast(t("corr.deleted"), "ok"); reload(); }
          catch (e) { toast(e.message, "err"); }
        } }, t("corr.withdraw")) : null))))) : empty(t("corr.none")));
  return h("div", { class: "corrpage" }, tokenCard(), listCard, canWrite ? card(t("corr.event"), eventForm()) : null, canWrite ? uploadCard() : null);
}
