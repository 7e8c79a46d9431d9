"""Named entities: our tagger (trained on ANERcorp) plus the curated authority gazetteer.

The stage ``entities`` reads each sentence's tokens, tags them with the shipped model
(``marsad/models/ner``: the neural BiLSTM-CRF run with NumPy, ``ner_neural.py``, or the CRF;
loaded lazily and checked against the sha256 in ``meta.json``), and turns the BIO spans into
mentions:

* offsets exclude a leading proclitic (و ف ب ك ل) and a leading honorific (السيد، السيدة …);
* the canonical form is the mention without clitics (``للمغرب`` → ``المغرب``);
* PERS → PERSON, ORG → ORG, MISC → MISC; LOC → GPE when it names a country or city
  (gazetteers), else LOC;
* curated institutions, summits and programmes (``data/gazetteers/institutions.json``) are
  matched on normalised tokens, tolerant of clitics, and take precedence over overlapping CRF
  mentions; they carry a stable ``entity_id`` (e.g. ``org:gpai``).
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from marsad.doc import Document, Span
from marsad.errors import ModelError
from marsad.extract.ner_consistency import surnames
from marsad.extract.ner_features import DATA, lexicons, norm, strip_clitics, token_info, without_article
from marsad.extract.name_bounds import (_first_name_and_word, _function_word, _gpe_names, _letter_of_name,  # noqa: F401
                                        _whole_name, _whole_place, hamza_clitic, nisba_surname)
from marsad.extract.ner_filters import (after_darija, before_darija, common_nouns, darija_function_words,
                                         is_darija, nisba_shaped, not_entities, person_heads)
from marsad.pipeline import register

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"
TYPE_MAP = {"PERS": "PERSON", "ORG": "ORG", "MISC": "MISC", "LOC": "LOC"}


class _CRF:
    """The CRF model behind the same interface as the neural tagger: crfsuite's labels, computed
    with NumPy and per-word caches (``ner_crf.py``; python-crfsuite is needed only to train)."""

    def __init__(self, path: Path):
        from marsad.extract.ner_crf import CRFTagger

        self.crf = CRFTagger(path)

    def tag(self, sents: list[list[str]]) -> list[list[str]]:
        return self.crf.tag(sents)

    def tag_groups(self, groups: list[list[list[str]]]) -> list[list[list[str]]]:
        return _regroup(groups, self.crf.tag([s for g in groups for s in g]))


def _regroup(groups: list[list], flat: list) -> list[list]:
    """``flat`` (one item per sentence of ``groups``, in order) cut back into the groups."""
    out, pos = [], 0
    for g in groups:
        out.append(flat[pos:pos + len(g)])
        pos += len(g)
    return out


def tag_groups(model, groups: list[list[list[str]]]) -> list[list[list[str]]]:
    """Labels of several documents' sentences (one group per document) in one call of ``model``:
    a tagger whose labels of a sentence depend on the other sentences of its document
    (``_Consistent``) has ``tag_groups``; for the others the sentences are tagged together
    (each sentence's labels are its own: batching only changes the speed)."""
    if hasattr(model, "tag_groups"):
        return model.tag_groups(groups)
    return _regroup(groups, model.tag([s for g in groups for s in g]))


_GAP_GAZ = frozenset({"PER", "LOC", "ORG", "DEM"})


def _gap_span_kept(words: list[str], s: int, e: int, typ: str) -> bool:
    """Whether a CRF span may fill a gap of the neural tagger: a place, a MISC span, a one-word
    person (a lone surname after a verb: ``أشاد بوريطة``), or a span holding a gazetteer name
    (person name, place, organisation name, demonym). The CRF's other gap fillers, organisations
    and several-word people made of common words, are mostly wrong (ANERcorp dev, with label
    consistency: micro F1 0.7942 → 0.7962; AQMAR dev 0.4802 → 0.4867)."""
    return typ in ("LOC", "MISC") or (typ == "PERS" and e - s == 1) or any(
        not _GAP_GAZ.isdisjoint(token_info(w)["gaz"].split("|")) for w in words[s:e])


class _Union:
    """The neural tagger's spans, plus the CRF's spans where the neural tagger found nothing
    (no shared token, no I- continuation) that ``keep`` accepts (``_gap_span_kept``): ANERcorp
    test F1 0.7355 → 0.7385, AQMAR dev 0.4375 → 0.4531 with every gap filler, at the cost of
    running both."""

    def __init__(self, first, second, keep=_gap_span_kept):
        self.first, self.second, self.keep = first, second, keep

    def tag(self, sents: list[list[str]]) -> list[list[str]]:
        return self._merge(sents, self.first.tag(sents), self.second.tag(sents))

    def tag_groups(self, groups: list[list[list[str]]]) -> list[list[list[str]]]:
        flat = [s for g in groups for s in g]
        first = [t for g in tag_groups(self.first, groups) for t in g]
        second = [t for g in tag_groups(self.second, groups) for t in g]
        return _regroup(groups, self._merge(flat, first, second))

    def _merge(self, sents: list[list[str]], first: list[list[str]], second: list[list[str]]) -> list[list[str]]:
        from marsad.extract.ner_eval import spans

        out = []
        for words, a, b in zip(sents, first, second):
            tags = list(a)
            if b.count("O") == len(b):
                out.append(tags)
                continue
            for s, e, typ in sorted(spans(b)):
                if all(t == "O" for t in tags[s:e]) and (e >= len(tags) or not tags[e].startswith("I-")) \
                        and self.keep(words, s, e, typ):
                    tags[s:e] = ["B-" + typ] + ["I-" + typ] * (e - s - 1)
            out.append(tags)
        return out


class _Consistent:
    """A tagger whose labels are made consistent across neighbouring sentences
    (``ner_consistency.propagate``; meta.json ``consistency``: ``{"window", "max_len", "retype"}``)."""

    def __init__(self, inner, window: int, max_len: int, retype: bool = False):
        self.inner, self.window, self.max_len, self.retype = inner, window, max_len, retype

    def tag(self, sents: list[list[str]]) -> list[list[str]]:
        from marsad.extract.ner_consistency import propagate

        return propagate(sents, self.inner.tag(sents), self.window, self.max_len, self.retype)

    def tag_groups(self, groups: list[list[list[str]]]) -> list[list[list[str]]]:
        """The inner tagger's labels of every group at once, made consistent group by group."""
        from marsad.extract.ner_consistency import propagate

        return [propagate(g, t, self.window, self.max_len, self.retype)
                for g, t in zip(groups, tag_groups(self.inner, groups))]


@lru_cache(maxsize=1)
def tagger():
    """The shipped tagger (``meta.json``'s ``tagger``: ``neural``, ``crf`` or ``neural+crf``), loaded once, with
    ``.tag(list of token lists) → list of BIO label lists``; ModelError if a file is missing or
    does not match its sha256 in meta.json. With ``consistency`` in meta.json the neural tagger's
    labels are made consistent across the sentences tagged together (before the CRF fills gaps); with
    ``neural_members`` (files) the neural tagger is the ensemble of those members (``ner_neural.Ensemble``)."""
    meta_path = MODEL_DIR / "meta.json"
    if not meta_path.exists():
        raise ModelError(f"NER model missing in {MODEL_DIR} (rebuild: python train/ner/train_neural.py --ship)")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    for name, sha in meta.get("files", {}).items():
        path = MODEL_DIR / name
        if not path.exists():
            raise ModelError(f"NER model file {path} missing (rebuild: python train/ner/train_neural.py --ship)")
        if hashlib.sha256(path.read_bytes()).hexdigest() != sha:
            raise ModelError(f"NER model {path} does not match the sha256 in its meta.json")
    kind = meta.get("tagger", "crf")
    if kind in ("neural", "neural+crf"):
        from marsad.extract import ner_neural

        neural = ner_neural.load_members([MODEL_DIR / f for f in meta.get("neural_members", ["neural.npz"])])
        cons = meta.get("consistency")
        if cons:
            neural = _Consistent(neural, int(cons.get("window", 10)), int(cons.get("max_len", 3)),
                                 bool(cons.get("retype", False)))
        return neural if kind == "neural" else _Union(neural, _CRF(MODEL_DIR / "crf.crfsuite"))
    return _CRF(MODEL_DIR / "crf.crfsuite")


_COMPLEMENTISERS = frozenset({"أن", "إن", "بأن", "أنه", "أنها", "لأن"})


def split_joined_names(words: list[str], tags: list[str]) -> list[str]:
    """Tags with two kinds of run-on entity split: a complementiser is never inside a name
    (``تيتي أن نيمار``), and a word ``و`` + a known first name that is not itself a name starts a
    new person (``تياغو سليفا وباولينيو``، ``سارة وسليم``; ``وليد``، ``ولد`` stay inside)."""
    out = list(tags)
    names = lexicons()["person_names"]
    for i in range(1, len(out)):
        if not out[i].startswith("I-"):
            continue
        w = words[i]
        if w in _COMPLEMENTISERS:
            out[i] = "O"
            if i + 1 < len(out) and out[i + 1].startswith("I-"):
                out[i + 1] = "B-" + out[i + 1][2:]
        elif out[i] == "I-PERS" and w.startswith("و") and len(w) > 3 \
                and norm(w[1:]) in names and norm(w) not in names:
            out[i] = "B-PERS"
    return _with_first_names(words, out)


def _with_first_names(words: list[str], tags: list[str]) -> list[str]:
    """A person whose first name the tagger left out takes it in, where the context announces a
    person: a first name of ``people.first_names`` (gendered, curated) right before a B-PERS, itself
    right after a title or honorific (titles.txt), a reporting verb or a comma (``السيدة نادية
    بنعلي``، ``وقالت نادية بنعلي`` → ``نادية بنعلي``, not ``بنعلي``). Common nouns that are also
    first names (حياة، أمل، إمام) are thereby left alone elsewhere; prepositions that fold to a
    name (على → علي) never count."""
    from marsad.extract.people import first_names, fold
    from marsad.extract.quotes_lexicon import _not_first_names, verbs_data

    firsts, nots, titles = first_names(), _not_first_names(), lexicons()["titles"]
    verbs = verbs_data()["verbs"]
    for i in range(2, len(tags)):
        if tags[i] == "B-PERS" and tags[i - 1] == "O" and tags[i - 2] == "O":
            w, before = words[i - 1], words[i - 2]
            if w not in nots and len(w) > 2 and fold(w) in firsts and fold(words[i]) not in firsts \
                    and (before in ("،", ",", ":") or norm(before) in titles or before in verbs
                         or before[:1] in "وف" and before[1:] in verbs):
                tags[i - 1], tags[i] = "B-PERS", "I-PERS"
    return nisba_surname(words, _first_name_and_word(words, tags, firsts, nots, titles))


def tag_sentences(sents: list[list[str]]) -> list[list[str]]:
    """BIO labels (PERS, LOC, ORG, MISC) for token lists, with the shipped model (the sentences read
    as one running text: ``ner_consistency.surnames`` within 20 sentences)."""
    return surnames(sents, [split_joined_names(w, t) for w, t in zip(sents, tagger().tag(sents))])


@lru_cache(maxsize=1)
def _authority() -> dict[tuple[str, ...], dict]:
    """Normalised token tuple → curated entry (every Arabic, French, English name and abbreviation)."""
    data = json.loads((DATA / "gazetteers" / "institutions.json").read_text(encoding="utf-8"))
    table: dict[tuple[str, ...], dict] = {}
    for e in data["entries"]:
        forms = e.get("ar", []) + e.get("fr", []) + e.get("en", []) + e.get("abbr", [])
        canonical = (e.get("ar") or e.get("en") or e.get("abbr"))[0]
        for form in forms:
            key = tuple(norm(w).lower() for w in form.replace("/", " / ").split())
            table.setdefault(key, {**e, "canonical": canonical})
    return table


def _key(word: str) -> str:
    return norm(strip_clitics(word)[1]).lower()


_KEYS: dict[str, str] = {}  # word → _key(word), for every token (a dict: cheaper than an lru_cache)


def _keys(words: list[str]) -> list[str]:
    """``[_key(w) for w in words]``, cached (up to 300,000 words, then afresh)."""
    keys = list(map(_KEYS.get, words))
    if None in keys:
        for i, k in enumerate(keys):
            if k is None:
                if len(_KEYS) >= 300_000:
                    _KEYS.clear()
                keys[i] = _KEYS[words[i]] = _key(words[i])
    return keys


@lru_cache(maxsize=300_000)
def _raw_key(word: str) -> str:
    return norm(word).lower()


@lru_cache(maxsize=1)
def _authority_firsts() -> tuple[frozenset[str], dict[str, int]]:
    """First tokens of curated names, and for each the longest name it starts."""
    longest: dict[str, int] = {}
    for k in _authority():
        longest[k[0]] = max(longest.get(k[0], 0), len(k))
    return frozenset(longest), longest


@lru_cache(maxsize=1)
def _other_body_words() -> frozenset[str]:
    data = json.loads((DATA / "gazetteers" / "institutions.json").read_text(encoding="utf-8"))
    return frozenset(norm(w) for w in data.get("other_body_after", []))


def _other_body(word: str) -> bool:
    """Whether a word right after a curated name makes it another body's name (a nationality
    adjective or ``القومي``، ``الوطني`` …: institutions.json ``other_body_after``)."""
    key = norm(word)
    return key in _other_body_words() or key in lexicons()["demonyms"]


def match_authority(words: list[str]) -> list[tuple[int, int, dict]]:
    """Longest curated-name matches over a token list: ``(first, last_exclusive, entry)``."""
    table = _authority()
    firsts, longest = _authority_firsts()
    keys = _keys(words)
    out, i = [], 0
    while i < len(words):
        found = None
        if keys[i] not in firsts:
            i += 1
            continue
        raw = [_raw_key(w) for w in words[i + 1:i + longest[keys[i]]]]
        for n in range(min(longest[keys[i]], len(words) - i), 0, -1):
            cand = (keys[i],) + tuple(raw[:n - 1])
            if cand in table:
                found = (i, i + n, table[cand])
                break
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _title_phrases() -> frozenset[tuple[str, ...]]:
    """Titles of several words in the titles lexicon (``ولي العهد``), as word tuples."""
    return frozenset(tuple(t.split()) for t in lexicons()["titles"] if " " in t)


def _without_titles(text: str, toks: list[Span], a: int, b: int) -> tuple[int, int]:
    """Tokens a..b-1 of a person span without leading titles (``السيدة``, ``ولي العهد``) and
    without a title phrase that begins in it and runs past its end (``… ولي`` | ``العهد``).
    Returns ``(a, a)`` when only titles and nationality adjectives are left: ``ولي العهد
    السعودي`` names nobody. A leading noun for people or groups (``الوفد``، ``مسؤولان``: data
    ``not_entities.json`` person_heads) is left out as a title is; after one, a word of nisba shape
    counts as a nationality adjective (``الوفد الكوري``، ``مسؤولان أمريكيان`` name nobody)."""
    lex = lexicons()
    titles, demonyms, phrases, heads = lex["titles"], lex["demonyms"], _title_phrases(), person_heads()
    a0, b0, stop = a, b, min(b + 3, len(toks))
    keys = [norm(text[t.start:t.end]) for t in toks[a0:stop]]
    headed = False

    def head(k: str) -> bool:
        return k in heads or (k[:1] in "وف" and k[1:] in heads)

    def phrase_at(i: int) -> int:
        for p in phrases:
            if tuple(keys[i - a0:i - a0 + len(p)]) == p:
                return len(p)
        return 0

    while b - a > 1:
        n = phrase_at(a)
        if n and a + n <= b:
            a += n
        elif keys[a - a0] in titles:
            a += 1
        elif head(keys[a - a0]):
            a, headed = a + 1, True
        else:
            break
    if b - a == 1 and head(keys[a - a0]):
        return a, a
    for i in range(a, b):
        n = phrase_at(i)
        if n and i + n > b:
            b = i
            break
    cut = a > a0 or b < b0
    if cut and all(keys[i - a0] in titles or keys[i - a0] in demonyms or (headed and nisba_shaped(keys[i - a0]))
                   for i in range(a, b)):
        return a, a
    return a, b


def _mention(doc: Document, toks: list[Span], a: int, b: int, etype: str) -> tuple[int, int, str] | None:
    """Offsets and canonical form of tokens a..b-1 without proclitics or a leading honorific."""
    if etype == "PERSON":
        a, b = _without_titles(doc.text, toks, a, b)
        if a >= b:
            return None
    first = doc.text[toks[a].start:toks[a].end]
    pre, rest = strip_clitics(first) if etype not in ("PERSON", "GPE") else hamza_clitic(first) or strip_clitics(first)
    before = doc.text[toks[a - 1].start:toks[a - 1].end] if a > 0 else ""
    if pre and (_whole_name(first, rest) or b - a > 1 and _whole_place(doc.text[toks[a].start:toks[b - 1].end], len(pre))
                or _letter_of_name(pre, rest, before, etype)):
        pre, rest = "", first      # ``فلورانس`` is no ف + ``لورانس``, ``بيونغ يانغ`` no ب + ``يونغ يانغ``
    elif pre and _function_word(rest):   # ``كوفي`` is no ك + ``وفي``, ``وكولن`` is و + ``كولن``
        cut = next((n for n in range(len(pre) - 1, -1, -1) if not _function_word(first[n:])), None)
        if cut is not None:
            pre, rest = first[:cut], first[cut:]
    start = toks[a].start + len(pre)
    end = toks[b - 1].end
    if start >= end:
        return None
    surface = doc.text[start:end]
    canonical = " ".join((rest + surface[len(first) - len(pre):]).split()) if pre else " ".join(surface.split())
    if "#" in canonical or "_" in canonical:      # ``دونالد #ترمب``، ``#دونالد_ترمب``
        canonical = " ".join(canonical.replace("#", " ").replace("_", " ").split())
    return start, end, canonical


def _without_hashtag_marks(text: str, toks: list[Span]) -> list[Span]:
    """The tokens of a sentence without the markup of social-media hashtags: a ``#`` glued to
    the next word and the ``_`` joining a hashtag's words (``#دونالد_ترمب`` → two words), so the
    tagger sees the name as it sees plain text; offsets are untouched."""
    if "#" not in text[toks[0].start:toks[-1].end] if toks else True:
        return toks
    out, in_tag = [], False
    for k, t in enumerate(toks):
        piece = text[t.start:t.end]
        glued = k + 1 < len(toks) and toks[k + 1].start == t.end
        if piece == "#" and glued:
            in_tag = True
            continue
        if piece == "_" and in_tag and glued and out and out[-1].end == t.start:
            continue
        if t.start > 0 and text[t.start - 1] not in "#_":
            in_tag = False
        out.append(t)
    return out


@lru_cache(maxsize=1)
def _facilities() -> tuple[frozenset[str], frozenset[str]]:
    """(facility head words, facility names), normalised (``data/gazetteers/facilities.json``)."""
    data = json.loads((DATA / "gazetteers" / "facilities.json").read_text(encoding="utf-8"))
    return (frozenset(norm(h) for h in data["heads"] if " " not in h),
            frozenset(norm(n) for n in data["names"]) | frozenset(norm(h) for h in data["heads"] if " " in h))


def _type(label: str, canonical: str) -> str:
    etype = TYPE_MAP.get(label, "MISC")
    if etype in ("LOC", "ORG", "MISC"):
        heads, known = _facilities()
        n = norm(canonical)
        first = without_article(n.split()[0]) if n else ""
        if n in known or (etype == "LOC" and (first in heads or n.split()[0] in heads) and " " in n):
            return "FAC"
    if etype == "LOC":
        n = norm(canonical)
        if n in _gpe_names() or without_article(n) in _gpe_names():
            return "GPE"
    elif etype == "PERSON" and " " in canonical.strip() and norm(canonical) in _gpe_names():
        return "GPE"       # ``بيونغ يانغ`` read as a first and a last name
    return etype


def tag_document(doc: Document) -> list[Span]:
    """Entity spans for a segmented document (all its sentences tagged in one batch)."""
    return tag_documents([doc])[0]


def _sentence_tokens(doc: Document) -> list[list[Span]]:
    """The tokens of each sentence of a document (without hashtag marks; empty sentences left out)."""
    tokens = doc.spans("tokens")
    sentences: list[list[Span]] = []
    ti = 0
    for sent in doc.spans("sentences"):
        while ti < len(tokens) and tokens[ti].start < sent.start:
            ti += 1
        toks = []
        while ti < len(tokens) and tokens[ti].end <= sent.end:
            toks.append(tokens[ti])
            ti += 1
        toks = _without_hashtag_marks(doc.text, toks)
        if toks:
            sentences.append(toks)
    return sentences


def tag_documents(docs: list[Document]) -> list[list[Span]]:
    """Entity spans of segmented documents; the sentences of all of them go through the
    statistical taggers in one call (fewer, fuller batches), the labels of each sentence being
    what tagging its document alone gives."""
    model = tagger()
    source = {_CRF: "crf", _Union: "neural+crf"}.get(type(model), "neural")
    per_doc = []
    for doc in docs:
        sentences = _sentence_tokens(doc)
        all_words = [[doc.text[t.start:t.end] for t in toks] for toks in sentences]
        # the statistical tagger knows Arabic only: sentences without Arabic letters (French,
        # English) get curated-name matches alone
        arabic = [i for i, words in enumerate(all_words) if any(_ARABIC_LETTER.search(w) for w in words)]
        per_doc.append((sentences, all_words, arabic))
    groups = [[all_words[i] for i in arabic] for _, all_words, arabic in per_doc]
    tagged = tag_groups(model, [g for g in groups if g])
    tagged.reverse()
    out = []
    for doc, (sentences, all_words, arabic), group in zip(docs, per_doc, groups):
        all_tags: list[list[str]] = [["O"] * len(w) for w in all_words]
        if group:
            doc_tags = [split_joined_names(w, t) for w, t in zip(group, tagged.pop())]
            if not is_darija(doc.text):   # Darija verbs read as names would spread (عندو، هوما)
                doc_tags = surnames(group, doc_tags)
            for i, tags in zip(arabic, doc_tags):
                all_tags[i] = tags
        out.append(_document_spans(doc, sentences, all_words, all_tags, source))
    return out


def _document_spans(doc: Document, sentences: list[list[Span]], all_words: list[list[str]],
                    all_tags: list[list[str]], source: str) -> list[Span]:
    """A document's entity spans from its sentences' labels and the curated names."""
    out: list[Span] = []
    darija = darija_function_words() if is_darija(doc.text) else frozenset()
    for toks, words, tags in zip(sentences, all_words, all_tags):
        taken = [False] * len(toks)
        for a, b, entry in match_authority(words):
            if b < len(words) and _other_body(words[b]):
                continue      # ``مجلس الأمن`` | ``القومي الإيراني``: another body, the tagger's mention stands
            m = _mention(doc, toks, a, b, entry["type"])
            if m:
                out.append(Span(m[0], m[1], entry["type"], {"canonical": entry["canonical"], "entity_id": entry["id"],
                                                            "source": "authority", "confidence": 0.95}))
                for k in range(a, b):
                    taken[k] = True
        i = 0 if tags.count("O") != len(tags) else len(tags)
        while i < len(tags):
            if tags[i] == "O":
                i += 1
                continue
            label = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + label:
                j += 1
            k = after_darija(words, i, j, darija) if darija else i
            e = before_darija(words, k, j, darija) if darija and k < j else j
            if k < e and not any(taken[i:j]):
                etype = TYPE_MAP.get(label, "MISC")
                m = _mention(doc, toks, k, e, etype)
                if m and any(ch.isalpha() for ch in m[2]):
                    out.append(Span(m[0], m[1], _type(label, m[2]), {"canonical": m[2], "entity_id": None,
                                                                     "source": source, "confidence": 0.8}))
            i = j
    spans = _facility_heads(doc.text, _join_hyphenated(doc.text, sorted(out, key=lambda s: (s.start, s.end))))
    months, never = _month_names(), not_entities() | common_nouns()
    keys = [norm(s.attrs.get("canonical") or "") for s in spans]
    return [s for s, k in zip(spans, keys) if (s.label == "PERSON" or k not in months) and k not in never]


@lru_cache(maxsize=1)
def _month_names() -> frozenset[str]:
    """Normalised one-word Gregorian month names of every region (``دجنبر``, ``جويلية``): never a
    place or an organisation (``data/months.json``)."""
    data = json.loads((DATA / "months.json").read_text(encoding="utf-8"))
    return frozenset(norm(n) for forms in data["gregorian"].values() for n in forms if " " not in n)


_WORD_BEFORE = re.compile(r"([\u0621-\u064a]+)\s+$")
_WORD_AFTER = re.compile(r"[ \t]+([\u0621-\u064a]+)")


@lru_cache(maxsize=1)
def _facility_modifiers() -> frozenset[str]:
    """Adjectives that belong to a facility's name after it (``الدولي``), normalised."""
    data = json.loads((DATA / "gazetteers" / "facilities.json").read_text(encoding="utf-8"))
    return frozenset(norm(w) for w in data.get("modifiers", []))


def _facility_heads(text: str, spans: list[Span]) -> list[Span]:
    """A name right after a facility head noun (``مطار`` | ``محمد الخامس``) is the facility
    ``مطار محمد الخامس`` (FAC), the head included and its proclitics left out."""
    heads = _facilities()[0]
    prev_end = 0
    for s in spans:
        m = _WORD_BEFORE.search(text, max(prev_end, s.start - 20), s.start)
        prev_end = s.end
        if not m or s.label in ("GPE", "FAC") or s.attrs.get("source") == "authority":
            continue
        pre, bare = strip_clitics(m.group(1))
        if norm(bare) in heads or without_article(norm(bare)) in heads:
            s.start = m.start(1) + len(pre)
            s.label = "FAC"
            after = _WORD_AFTER.match(text, s.end)  # مطار محمد الخامس | الدولي
            if after and norm(after.group(1)) in _facility_modifiers():
                s.end = after.end(1)
                prev_end = s.end
            s.attrs = {**s.attrs, "canonical": " ".join(text[s.start:s.end].split())}
    return spans


def _join_hyphenated(text: str, spans: list[Span]) -> list[Span]:
    """A person name followed by '-' and a word (توماس-غرينفيلد), or by another person name
    with only a space between (ليندا | توماس-غرينفيلد), is one mention."""
    out: list[Span] = []
    for s in spans:
        if s.label == "PERSON" and text[s.end:s.end + 1] == "-" and text[s.end + 1:s.end + 2].isalpha():
            j = s.end + 1
            while j < len(text) and (text[j].isalpha() or "\u064b" <= text[j] <= "\u0652"):
                j += 1
            s = Span(s.start, j, s.label, {**s.attrs, "canonical": text[s.start:j]})
        prev = out[-1] if out else None
        if (prev is not None and prev.label == "PERSON" and
                (text[prev.end:s.start] == "-" or (s.label == "PERSON" and text[prev.end:s.start] == " "))):
            prev.end = s.end
            prev.attrs["canonical"] = text[prev.start:s.end]
            continue
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


@register("entities", requires=("sentences", "tokens"), provides=("entities",))
def make_entities(**config):
    """Named entities (PERSON, ORG, GPE, LOC, FAC, EVENT, MISC) with canonical forms."""
    def stage(doc: Document) -> None:
        doc.set_layer("entities", tag_document(doc))

    def pipe(docs: list[Document]) -> None:
        for doc, spans in zip(docs, tag_documents(docs)):
            doc.set_layer("entities", spans)
    stage.pipe = pipe
    return stage
