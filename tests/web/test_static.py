"""The web UI's own files: labels complete in three languages, nothing from the internet, no HTML
built from strings."""
import json
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "marsad" / "web"
JS = sorted((WEB / "static" / "js").glob("*.js"))


def test_every_label_used_exists_in_arabic_french_and_english():
    labels = json.loads((WEB / "static" / "i18n.json").read_text(encoding="utf-8"))
    used = set()
    for f in JS:
        src = f.read_text(encoding="utf-8")
        used |= {k for k in re.findall(r'\bt\("([\w.]+)"', src) if not k.endswith(".")}
        used |= {"nav." + k for k in re.findall(r'"nav\.(\w+)"', src)}
    used |= set(re.findall(r'data-i18n="([\w.]+)"', (WEB / "index.html").read_text(encoding="utf-8")))
    assert len(used) > 100
    for lang in ("ar", "fr", "en"):
        missing = sorted(k for k in used if k not in labels[lang])
        assert not missing, (lang, missing)
    assert set(labels["ar"]) == set(labels["fr"]) == set(labels["en"])
    # prefixes built at run time (t("type." + x)) are complete for the known values
    for key in ("type.PERSON", "type.GPE", "event.AGREEMENT", "event.MEETING", "layer.QUOTE", "edge.co_occurs",
                "corr.retype", "corr.split", "role.parties"):
        assert all(key in labels[lang] for lang in ("ar", "fr", "en")), key


def test_nothing_is_loaded_from_the_internet():
    for f in [WEB / "index.html", *JS, *(WEB / "static" / "css").glob("*.css")]:
        src = f.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', src), f
        assert "@import" not in src and not re.search(r"url\(\s*['\"]?(https?:)?//", src), f
        assert not re.search(r'fetch\(\s*["\']https?:', src), f


def test_no_html_from_strings_in_scripts():
    for f in JS:
        src = f.read_text(encoding="utf-8")
        for bad in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert bad not in src, (f.name, bad)
