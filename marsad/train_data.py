"""NER corpus converters (one per corpus) to (tokens, BIO tags) sentences in the benchmark types.

Benchmark types are ANERcorp's: PERS, LOC, ORG, MISC.
* ANERcorp (CAMeL split): ``token TAG`` per line, blank line between sentences; tags as is.
* AQMAR: ``token TAG`` per line; PER → PERS, MIS → MISC, other tags kept if benchmark types,
  anything else → O.
* WikiFANE/NewsFANE: ``token<TAB>TAG``; U+200E/U+200F, BOM and CRLF stripped; fine classes
  mapped by FANE_MAP (below).
* Wojood (sample): ``token TAG [TAG…]`` with nested entities; the outermost (first) tag is kept
  and mapped by WOJOOD_MAP (below) — PERS → PERS; ORG → ORG; GPE, LOC, FAC → LOC (ANERcorp tags
  every place as LOC); EVENT, NORP, PRODUCT, LAW, LANGUAGE → MISC; OCC (job titles), dates,
  times, numbers, money, units, websites → O (not benchmark entities).
"""
from __future__ import annotations

from pathlib import Path

MAP = {"PER": "PERS", "PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "MIS": "MISC", "MISC": "MISC"}

Sentence = tuple[list[str], list[str]]


def read_conll(path: Path, tag_map: dict[str, str] = MAP, column: int = -1) -> list[Sentence]:
    """Sentences of a CoNLL file (token first, tag in ``column``), tags mapped to the benchmark
    types by ``tag_map`` (BIO repaired)."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.replace("\u200e", "").replace("\u200f", "").rstrip("\r")
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split()
        word, tag = (parts[0], parts[column]) if len(parts) >= 2 else (parts[0], "O")
        if tag != "O":
            prefix, _, typ = tag.partition("-")
            typ = tag_map.get(typ)
            tag = f"{prefix}-{typ}" if typ and prefix in ("B", "I") else "O"
        words.append(word)
        tags.append(tag)
    if words:
        sents.append((words, tags))
    return _repair_bio(sents)


def _repair_bio(sents: list[Sentence]) -> list[Sentence]:
    """An I- tag after O (or after another type) becomes B-."""
    for _, t in sents:
        for i, tag in enumerate(t):
            if tag.startswith("I-") and (i == 0 or t[i - 1][2:] != tag[2:]):
                t[i] = "B-" + tag[2:]
    return sents


def anercorp(split: str, shared: Path) -> list[Sentence]:
    name = {"train": "ANERCorp_CamelLab_train.txt", "test": "ANERCorp_CamelLab_test.txt"}[split]
    return read_conll(shared / "data" / "ner" / "anercorp-camel" / name)


def aqmar(split: str, shared: Path) -> list[Sentence]:
    return read_conll(shared / "data" / "ner" / "aqmar" / f"{split}.txt")


# WikiFANE/NewsFANE fine classes → benchmark types (None → O). Persons by role, places and
# facilities as LOC (ANERcorp tags facilities as places), organisations by kind, works and
# products as MISC; ACE-style PER.Group and rare classes are not benchmark entities.
FANE_MAP = {
    **dict.fromkeys(["Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist",
                     "Businessperson", "Lawyer", "Engineer", "Police_PER"], "PERS"),
    **dict.fromkeys(["Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "County-or-District",
                     "Continent", "Water-Body", "Land", "Land-Region-Natural", "Celestial", "Building-Grounds",
                     "Airport", "Path", "Subarea-Facility", "Water"], "LOC"),
    **dict.fromkeys(["Non-Governmental", "Sports", "Government", "Media", "Commercial", "Educational",
                     "Medical-Science", "Police", "Entertainment", "Religious_ORG"], "ORG"),
    **dict.fromkeys(["Book", "Movie", "Software", "Hardware"], "MISC"),
}


WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "EVENT": "MISC",
              "NORP": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood nested NER: the outermost tag of each token, mapped by WOJOOD_MAP (BIO repaired)."""
    return read_conll(path, WOJOOD_MAP, column=1)


def wojood(split: str, shared: Path) -> list[Sentence]:
    """The Wojood sample's ``train``, ``val`` or ``test`` split."""
    return read_wojood(shared / "data" / "ner" / "wojood-sample" / f"{split}.txt")


def wikifane(shared: Path, exclude: list[Sentence] | None = None) -> list[Sentence]:
    """WikiFANE gold (Wikipedia text), optionally without sentences overlapping ``exclude``."""
    sents = read_fane(shared / "data" / "ner" / "fane" / "WikiFANE_Gold_2014_500K.txt")
    return drop_overlapping(sents, exclude) if exclude else sents


def read_fane(path: Path) -> list[Sentence]:
    """WikiFANE/NewsFANE gold: strips U+200E, the BOM and CRLF; maps fine classes (FANE_MAP)."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.replace("\u200e", "").replace("\u200f", "").replace("\ufeff", "").rstrip("\r")
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        word, _, tag = line.partition("\t")
        tag = tag.strip() or "O"
        if tag != "O":
            prefix, _, fine = tag.partition("-")
            typ = FANE_MAP.get(fine)
            tag = f"{prefix}-{typ}" if typ else "O"
        words.append(word.strip())
        tags.append(tag)
    if words:
        sents.append((words, tags))
    return _repair_bio(sents)


def _letters(words: list[str]) -> str:
    """Sentence as letters only, hamza/alef/yeh/teh-marbuta folded (spacing and clitic splits ignored)."""
    import re
    s = re.sub(r"[^\w]|[\d_]", "", "".join(words))
    return s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": ""}))


def drop_overlapping(sents: list[Sentence], reference: list[Sentence], n: int = 30) -> list[Sentence]:
    """Sentences of ``sents`` sharing no ``n``-letter run with ``reference`` (benchmark hygiene).

    Letters are compared after folding hamza forms and removing spaces, so a re-annotated copy
    of a test sentence with other spelling or clitic splitting is still caught.
    """
    grams = set()
    for w, _ in reference:
        s = _letters(w)
        grams.update(s[i:i + n] for i in range(0, max(len(s) - n + 1, 0)))
    out = []
    for w, t in sents:
        s = _letters(w)
        if not any(s[i:i + n] in grams for i in range(0, max(len(s) - n + 1, 0))):
            out.append((w, t))
    return out


def newsfane(shared: Path, exclude: list[Sentence] | None = None) -> list[Sentence]:
    sents = read_fane(shared / "data" / "ner" / "fane" / "NewsFANE_Gold_2014_170K.txt")
    return drop_overlapping(sents, exclude) if exclude else sents
