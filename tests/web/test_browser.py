"""End-to-end tests in headless Chromium: what an analyst does, on the example corpus."""
# ruff: noqa: F811  (pytest fixtures imported from the helpers module are redefined as arguments)
import json
import urllib.request
from pathlib import Path

from web_helpers import browser, live, open_page, page, shot  # noqa: F401  (fixtures)

from marsad.doc import content_id

TOKEN = "web-test-token"


def test_home_search_and_languages(page):
    open_page(page, "/", ".tiles .tile")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator(".tile-n").first.inner_text().strip() not in ("", "0")
    assert page.locator(".doclist li").count() >= 5 and page.locator(".rank li").count() >= 5
    assert page.locator(".months rect").count() >= 3  # events per month
    shot(page, "01-home")
    page.fill("#q", "الذكاء الاصطناعي")
    page.click("button[value=search]")
    page.wait_for_selector(".hit mark")
    assert "/search?q=" in page.url and page.locator(".hit").count() >= 3
    first = page.locator(".hit .snippet").first
    assert first.locator("mark").count() >= 1
    shot(page, "02-search")
    page.click("[data-lang=fr]")
    page.wait_for_selector(".hit")
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert page.locator(".mainnav a[href='/search']").inner_text() == "Recherche"
    page.click("[data-lang=en]")
    assert page.locator(".mainnav a[href='/timeline']").inner_text() == "Timeline"
    page.click("[data-lang=ar]")
    assert page.locator(".mainnav a[href='/timeline']").inner_text() == "الخط الزمني"


def test_ask_citation_opens_the_cited_sentence(page):
    q = "من وقع الإعلان الختامي لقمة العمل من أجل الذكاء الاصطناعي؟"
    open_page(page, "/", "#q")
    page.fill("#q", q)
    page.click("button[value=ask]")
    page.wait_for_selector("#answer .cite")
    shot(page, "03-ask")
    cite = page.locator("#answer .cite").first
    cited_text = cite.locator(".cite-text").inner_text()
    cite.click()
    page.wait_for_selector("#doc-text .l-CITED")
    assert "/documents/" in page.url and "s=" in page.url
    marked = "".join(page.locator("#doc-text .l-CITED").all_inner_texts())
    assert marked.strip() == cited_text.strip()
    page.wait_for_timeout(400)
    box = page.locator("#doc-text .l-CITED").first.bounding_box()
    assert box and 0 <= box["y"] <= 900  # scrolled into view
    shot(page, "04-citation")


def test_document_view_layers_and_facts(page):
    open_page(page, "/documents", ".table tbody tr")
    page.locator(".table tbody tr a", has_text="الشراكة العالمية").first.click() if page.locator(
        ".table tbody tr a", has_text="الشراكة العالمية").count() else page.locator(".table tbody tr a").first.click()
    page.wait_for_selector("#doc-text .seg")
    assert page.locator("#doc-text").get_attribute("dir") == "rtl"
    for layer in ("ORG", "PLACE", "DATE"):
        assert page.locator(f"#doc-text .l-{layer}").count() >= 1, layer
    org = page.locator("#doc-text .l-ORG").first
    colour = org.evaluate("e => getComputedStyle(e).backgroundColor")
    page.uncheck("input[data-layer=ORG]")
    assert org.evaluate("e => getComputedStyle(e).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
    page.check("input[data-layer=ORG]")
    assert org.evaluate("e => getComputedStyle(e).backgroundColor") == colour
    assert page.locator(".side .facts").count() >= 3
    shot(page, "05-document")
    # a fact in the side panel jumps to its words; an entity opens its page
    page.locator(".side .fact-jump").first.click()
    assert page.locator("#doc-text .flash").count() >= 1
    page.locator("#doc-text a.seg.l-ORG").first.click()
    page.wait_for_selector(".ent-head h1")
    assert "/entities/" in page.url


def test_entity_page(page):
    open_page(page, "/entities/country:MA", ".ent-head h1")
    assert page.locator(".ent-head h1").inner_text() == "المغرب"
    assert page.locator(".ent-head .badge").first.inner_text()  # type
    assert page.locator(".aliases .chip").count() >= 1
    assert page.locator(".entpage .chips .chip").count() >= 3  # co-occurring entities
    docs = page.locator(".entpage .list li a")
    assert docs.count() >= 3
    shot(page, "06-entity")
    open_page(page, "/entities", ".table tbody tr")
    assert page.locator(".table tbody tr").count() >= 10


def test_timeline_with_filters(page):
    open_page(page, "/timeline", ".timeline .tl-item")
    dates = page.locator(".tl-item .tl-date").all_inner_texts()
    assert len(dates) >= 3 and dates == sorted(dates, reverse=True)  # newest first by default
    shot(page, "07-timeline")
    page.select_option("#tl-filters select[name=type]", "CONFERENCE")
    page.click("#tl-filters button[type=submit]")
    page.wait_for_url("**type=CONFERENCE**")
    page.wait_for_selector(".timeline .tl-item")
    badges = page.locator(".tl-item .badge.ev").all_inner_texts()
    assert badges and set(badges) == {"مؤتمر"}
    page.fill("#tl-filters input[name=from]", "2025-02")
    page.click("#tl-filters button[type=submit]")
    page.wait_for_url("**from=2025-02**")
    page.wait_for_selector(".timeline .tl-item")
    assert all(d >= "2025-02" for d in page.locator(".tl-item .tl-date").all_inner_texts())
    page.locator(".tl-item a", has_text="فتح").first.click()
    page.wait_for_selector("#doc-text .l-CITED")


def test_graph_can_be_explored(page):
    open_page(page, "/graph", "svg.graph g.node")
    n = page.locator("svg.graph g.node").count()
    assert n >= 10 and page.locator("svg.graph line.edge").count() >= 5
    # every node is inside the drawing area
    box = page.locator("svg.graph").bounding_box()
    for b in page.locator("svg.graph g.node circle").evaluate_all("cs => cs.map(c => c.getBoundingClientRect().toJSON())"):
        assert box["x"] - 1 <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 1
    node = page.locator("svg.graph g.node[data-id='country:MA']")
    node.click()
    page.wait_for_selector(".graph-side h3")
    assert page.locator(".graph-side h3").inner_text() == "المغرب"
    assert page.locator(".graph-side .rels li").count() >= 1
    assert page.locator("svg.graph g.node.dim").count() >= 1  # the rest fades
    shot(page, "08-graph")
    page.uncheck("input[data-kind=co_occurs]")
    assert page.locator("svg.graph line.k-co_occurs").count() == 0
    page.locator(".graph-side a", has_text="التركيز").click()
    page.wait_for_url("**entity=country**")
    page.wait_for_selector("svg.graph g.node.sel")
    # find another entity by name and explore around it
    page.locator("#graph-find").press_sequentially("فرنسا", delay=30)
    page.wait_for_selector("#graph-entities option", state="attached")
    page.click(".graph-find button")
    page.wait_for_selector(".card-title:has-text('فرنسا')")
    assert page.locator("svg.graph g.node.sel").count() == 1


def test_correction_survives_reingest(page, live):
    base, _ = live
    open_page(page, "/corrections", "#token")
    page.fill("#token", TOKEN)
    page.click("form:has(#token) button[type=submit]")
    page.wait_for_selector("#upload-file")
    open_page(page, "/entities/org:fr-meae", "form.rename input")
    page.fill("form.rename input", "وزارة الخارجية الفرنسية")
    page.click("form.rename button")
    page.wait_for_selector(".ent-head h1:text-is('وزارة الخارجية الفرنسية')")
    # re-ingest the same article through the API: the document is saved again from scratch
    text = (Path(__file__).resolve().parents[2] / "examples" / "01_gpai_morocco.txt").read_text(encoding="utf-8")
    req = urllib.request.Request(base + "/api/documents", data=json.dumps({"text": text}).encode(), method="POST",
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        assert json.loads(res.read())["created"] is False
    page.reload()
    page.wait_for_selector(".ent-head h1")
    assert page.locator(".ent-head h1").inner_text() == "وزارة الخارجية الفرنسية"
    shot(page, "09-corrected-entity")
    open_page(page, "/corrections", ".corrpage table tbody tr")
    row = page.locator(".corrpage table tbody tr").first
    assert "org:fr-meae" in row.inner_text()
    shot(page, "10-corrections")


def test_upload_rejected_with_a_clear_error(page, tmp_path):
    open_page(page, "/corrections", "#token")
    page.fill("#token", TOKEN)
    page.click("form:has(#token) button[type=submit]")
    page.wait_for_selector("#upload-file")
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    page.set_input_files("#upload-file", str(png))
    page.click("form:has(#upload-file) button[type=submit]")
    page.wait_for_selector("#upload-out .alert-error")
    msg = page.locator("#upload-out .alert-error").inner_text()
    assert "photo.png" in msg and "binary" in msg and "415" in msg
    shot(page, "11-upload-rejected")
    big = tmp_path / "big.txt"
    big.write_text("خبر " * 20_000, encoding="utf-8")
    page.set_input_files("#upload-file", str(big))
    page.click("form:has(#upload-file) button[type=submit]")
    page.wait_for_selector("#upload-out .alert-error >> text=too large")
    ok = tmp_path / "news.txt"
    ok.write_text("أعلنت وزارة الانتقال الرقمي عن إطلاق منصة وطنية للبيانات المفتوحة يوم 3 مارس 2025.", encoding="utf-8")
    page.set_input_files("#upload-file", str(ok))
    page.click("form:has(#upload-file) button[type=submit]")
    page.wait_for_selector("#upload-out .alert-ok a")
    page.locator("#upload-out .alert-ok a").click()
    page.wait_for_selector("#doc-text .seg")


def test_hostile_article_never_runs(page, live):
    base, _ = live
    hostile = ('خبر عاجل <script>alert("xss")</script> <img src=x onerror="alert(1)"> '
               '<a href="javascript:alert(2)">رابط</a> نهاية الخبر.')
    req = urllib.request.Request(base + "/api/documents", method="POST",
                                 data=json.dumps({"text": hostile, "title": "<img src=y onerror=alert(3)>",
                                                  "url": "javascript:alert(4)"}).encode(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        did = json.loads(res.read())["id"]
    open_page(page, f"/documents/{did}", "#doc-text")
    assert "<script>" in page.locator("#doc-text").inner_text()  # shown as text
    assert page.locator("#doc-text script, #doc-text img, .doc-head img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    open_page(page, "/search?q=" + "عاجل", ".hit")
    page.wait_for_timeout(300)
    assert page.locator("main img, main script").count() == 0  # the fixture fails the test on any dialog


def test_mixed_script_warning_is_shown(page, live):
    base, _ = live
    text = "أعلنت الوزارة عن برنامج الذكاء\u0430 الاصطناعي الجديد في الرباط يوم 3 مارس 2025."
    req = urllib.request.Request(base + "/api/documents", method="POST",
                                 data=json.dumps({"text": text, "title": "تحذير"}).encode(),
                                 headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as res:
        did = json.loads(res.read())["id"]
    open_page(page, f"/documents/{did}", "#doc-text .l-WARNING")
    assert page.locator(".doc-main .alert-warn").count() == 1
    assert page.locator("#doc-text .l-WARNING").inner_text() == "الذكاء\u0430"
    assert "Cyrillic" in page.locator(".side .warn").inner_text()
    shot(page, "12-warning")


def test_event_corrections_from_the_timeline_survive_reingest(page, live):
    base, _ = live
    open_page(page, "/corrections", "#token")
    page.fill("#token", TOKEN)
    page.click("form:has(#token) button[type=submit]")
    page.wait_for_selector("#upload-file")
    with urllib.request.urlopen(base + "/api/events?limit=500") as res:
        events = json.loads(res.read())["items"]
    texts = {}  # example articles we can post again as they are, by document id
    for f in sorted((Path(__file__).resolve().parents[2] / "examples").glob("0*.txt")):
        try:
            t = f.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        texts[content_id(t)] = t
    mine = [e for e in events if e["doc_id"] in texts and e["date"]]
    assert len(mine) >= 2
    gone, edited = mine[0], mine[1]
    open_page(page, "/timeline?order=asc", ".timeline .tl-item")
    item = page.locator(f".tl-item[data-id='{edited['id']}']")
    item.locator(".ev-tools summary").click()
    item.locator(".ev-edit input[name=date]").fill("2019-05-22")
    item.locator(".ev-edit button").click()
    page.wait_for_selector(f".tl-item[data-id='{edited['id']}'] .badge.corr")
    item = page.locator(f".tl-item[data-id='{gone['id']}']")
    item.locator(".ev-tools summary").click()
    item.locator(".ev-delete").click()
    item.locator(".ev-delete.armed").click()
    page.wait_for_selector(f".tl-item[data-id='{gone['id']}']", state="detached")
    shot(page, "13-event-corrected")
    for did in {gone["doc_id"], edited["doc_id"]}:  # re-ingest both articles
        req = urllib.request.Request(base + "/api/documents", data=json.dumps({"text": texts[did]}).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        assert json.loads(urllib.request.urlopen(req).read())["created"] is False
    with urllib.request.urlopen(base + "/api/events?limit=500") as res:
        after = {e["id"]: e for e in json.loads(res.read())["items"]}
    assert gone["id"] not in after
    assert after[edited["id"]]["date"] == "2019-05-22" and after[edited["id"]]["corrected"]


def test_merge_with_suggestions(page):
    open_page(page, "/corrections", "#token")
    page.fill("#token", TOKEN)
    page.click("form:has(#token) button[type=submit]")
    page.wait_for_selector("#upload-file")
    open_page(page, "/entities/country:KH", "form.merge input")
    page.locator("form.merge input").press_sequentially("مالطا", delay=30)
    page.wait_for_selector("#merge-candidates option[value='country:MT']", state="attached")
    page.fill("form.merge input", "country:MT")
    page.click("form.merge button")
    page.wait_for_url("**/entities/country%3AMT")
    page.wait_for_selector(".ent-head h1:text-is('مالطا')")
    assert "كمبوديا" in page.locator(".aliases").inner_text()  # the merged entity's names
    shot(page, "14-merged")
