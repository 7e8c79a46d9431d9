// The application: labels, router, language switch.
import { state, h, t, api, errorBox, spinner } from "./core.js";
import { homeView } from "./home.js";
import { searchView, documentsView } from "./search.js";
import { documentView } from "./document.js";
import { entityView, entitiesView } from "./entity.js";
import { timelineView } from "./timeline.js";
import { graphView } from "./graph.js";
import { correctionsView } from "./corrections.js";
import { apiDocsView } from "./apidocs.js";

const routes = [
  [/^\/$/, homeView, "nav.home"],
  [/^\/search$/, searchView, "nav.search"],
  [/^\/documents$/, documentsView, "nav.documents"],
  [/^\/documents\/([^/]+)$/, documentView, "nav.documents"],
  [/^\/entities$/, entitiesView, "nav.entities"],
  [/^\/entities\/([^/]+)$/, entityView, "nav.entities"],
  [/^\/timeline$/, timelineView, "nav.timeline"],
  [/^\/graph$/, graphView, "nav.graph"],
  [/^\/corrections$/, correctionsView, "nav.corrections"],
  [/^\/docs$/, apiDocsView, "API"],
];

function applyLang() {
  const dir = state.lang === "ar" ? "rtl" : "ltr";
  document.documentElement.lang = state.lang;
  document.documentElement.dir = dir;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const b of document.querySelectorAll("[data-lang]")) b.classList.toggle("on", b.dataset.lang === state.lang);
}

let renderSeq = 0;
export async function render() {
  const seq = ++renderSeq;
  const main = document.getElementById("app");
  const path = decodeURIComponent(location.pathname);
  for (const a of document.querySelectorAll(".mainnav a")) {
    const href = a.getAttribute("href");
    a.classList.toggle("active", href === "/" ? path === "/" : path.startsWith(href));
  }
  main.replaceChildren(spinner());
  for (const [re, view, title] of routes) {
    const m = path.match(re);
    if (!m) continue;
    try {
      const node = await view(...m.slice(1));
      if (seq !== renderSeq) return;
      main.replaceChildren(node);
      document.title = t(title) + " — " + t("brand");
      if (node.onShown) node.onShown();
    } catch (err) {
      if (seq !== renderSeq) return;
      main.replaceChildren(h("section", { class: "card" }, errorBox(err)));
    }
    return;
  }
  main.replaceChildren(h("section", { class: "card" }, h("h2", {}, t("not_found"))));
}

export function navigate(href) {
  history.pushState({}, "", href);
  render().then(() => { if (!location.search.includes("s=")) window.scrollTo(0, 0); });
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-nav]");
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  const href = a.getAttribute("href");
  if (!href || !href.startsWith("/")) return;
  ev.preventDefault();
  navigate(href);
});
window.addEventListener("popstate", render);
window.marsadNavigate = navigate;

async function boot() {
  try {
    state.labels = await (await fetch("/static/i18n.json")).json();
  } catch (e) { state.labels = {}; }
  try { state.config = await api("/api/config"); } catch (e) { state.config = { writes: false }; }
  try { state.topics = (await api("/api/topics")).items; } catch (e) { state.topics = []; }
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.addEventListener("click", () => {
      state.lang = b.dataset.lang;
      localStorage.setItem("marsad.lang", state.lang);
      applyLang();
      render();
    });
  }
  applyLang();
  await render();
  document.body.classList.add("ready");
}
boot();
