"""Build the gazetteer files in marsad/extract/data/gazetteers from ../shared/data/lexicons.

    python train/ner/build_gazetteers.py

Sources and licences (also in marsad/extract/data/gazetteers/SOURCES.md):
  arabic-names (MIT) → person_names.txt; world-cities-ar (CC BY 4.0) → cities.tsv, places.txt;
  countries-mledoze (ODbL) → countries.tsv, places.txt; Unicode CLDR territory names (Babel) → countries.tsv; ANERGazet (research use) → person_names.txt,
  places.txt, org_names.txt.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from marsad.config import shared_path  # noqa: E402

OUT = ROOT / "marsad" / "extract" / "data" / "gazetteers"


def lines(*parts: str) -> list[str]:
    p = shared_path("data", "lexicons", *parts)
    if p is None:
        raise SystemExit(f"missing lexicon {'/'.join(parts)}")
    return [ln.strip().lstrip("\ufeff") for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]


def write(name: str, header: str, items) -> None:
    items = sorted(set(i for i in items if i))
    (OUT / name).write_text(f"# {header}\n" + "\n".join(items) + "\n", encoding="utf-8")
    print(f"{name}: {len(items)}")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    names = set()
    for f in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt", "last-names-in-arabic.txt"):
        names.update(lines("arabic-names", f))
    for full in lines("arabic-names", "400-Arabic-Names.txt"):
        names.update(full.split())
    names.update(w for ln in lines("anergazet", "people") for w in ln.split() if len(w) > 2)
    write("person_names.txt", "single-word person names — arabic-names (MIT) + ANERGazet people (research)", names)

    countries = json.loads(shared_path("data", "lexicons", "countries-mledoze", "countries.json").read_text(encoding="utf-8"))
    rows, places = [], set()
    for c in countries:
        ar = c.get("translations", {}).get("ara") or {}
        for form in {ar.get("common"), ar.get("official")} - {None}:
            rows.append((form, c["cca2"], c["name"]["common"]))
            places.add(form)
    # CLDR's Arabic territory names (through Babel), for the common forms countries-mledoze lacks
    # (صربيا, ساحل العاج); only to countries.tsv, so the NER features (places.txt) do not change
    from babel import Locale

    english = Locale("en").territories
    for code, name in Locale("ar").territories.items():
        if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"):
            rows.append((name, code, english.get(code, code)))
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# arabic_name\tiso2\tenglish — countries-mledoze (ODbL) and Unicode CLDR via Babel (Unicode licence)\n")
        for r in sorted(set(rows)):
            fh.write("\t".join(r) + "\n")
    cities = []
    with open(shared_path("data", "lexicons", "world-cities-ar", "world-cities.csv"), encoding="utf-8-sig") as fh:
        for r in csv.DictReader(fh):
            cities.append((r["CityNameAr"], r["CityNameEn"], r["CountryNameEn"]))
            places.add(r["CityNameAr"])
            places.add(r["CountryNameAr"])
    with open(OUT / "cities.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# arabic_name\tenglish\tcountry — world-cities-ar (CC BY 4.0)\n")
        for r in sorted(set(cities)):
            fh.write("\t".join(r) + "\n")
    places.update(lines("anergazet", "locations"))
    write("places.txt", "place names — countries-mledoze (ODbL), world-cities-ar (CC BY 4.0), ANERGazet (research)",
          [p for p in places if " " not in p] + [w for p in places if " " in p for w in p.split() if len(w) > 3])
    write("org_names.txt", "organisation names (single words) — ANERGazet orgs (research)",
          [o for o in lines("anergazet", "orgs") if " " not in o and len(o) > 2])


if __name__ == "__main__":
    main()
