import json
from pathlib import Path

import jsonschema

from marsad.ingest import process

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "marsad" / "schema" / "extract.schema.json").read_text())


def test_at_most_qualifier_reaches_the_contract():
    doc = process("شارك في الدورة عدد لا يزيد على 50 مشاركا، بميزانية لا تزيد على 20 مليون دولار.")
    out = doc.to_contract()
    jsonschema.validate(out, SCHEMA)
    figs = {f["value"]: f for f in out["figures"]}
    assert figs[50]["qualifier"] == "at_most" and figs[50]["unit"] == "مشارك"
    assert figs[20000000]["qualifier"] == "at_most" and figs[20000000]["currency"] == "USD"
