"""Where a name mention starts: whether its leading و ف ب ك ل is a proclitic or a letter of the
name (``فلورانس``، ``بيونغ يانغ``، ``كوفي``، ``بوروسيا``، ``ليو هي``), read against the gazetteers and
the stop words; and a first name the tagger left untagged with the word after it
(``_first_name_and_word``). Used by :mod:`marsad.extract.entities` when it cuts a mention and
writes its canonical form."""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extract.ner_features import DATA, lexicons, norm, token_info, without_article
from marsad.search.analyzer import stopwords

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


@lru_cache(maxsize=1)
def _gpe_names() -> frozenset[str]:
    """Normalised names (with and without the article) of the countries and cities gazetteers."""
    names = set()
    for fname in ("countries.tsv", "cities.tsv", "cities_marsad.tsv", "cities_world_marsad.tsv"):
        path = DATA / "gazetteers" / fname
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#"):
                    n = norm(line.split("\t")[0])
                    names.add(n)
                    names.add(without_article(n))
    return frozenset(names)


def _whole_name(word: str, rest: str) -> bool:
    """Is the word, leading letters included, a person's name or a place of the gazetteers
    or organisation (``فالنسيا``) while what is left without them is no gazetteer word? Then the
    leading و ف ب ك ل is part of the name (``فلورانس``، ``والتر``، ``كاليفورنيا``), not a proclitic (``وليلى`` stays و + ``ليلى``)."""
    if len(word) < 4 or rest[:1] in "أإآ":      # ``ودي``، ``بإليسا``: a proclitic
        return False
    lex = lexicons()
    key = norm(word)
    if key not in lex["person_names"] and key not in lex["places"] and key not in lex["org_names"]:
        return False
    bare = norm(rest)
    return not any(bare in lex[k] or without_article(bare) in lex[k]
                   for k in ("person_names", "places", "org_names", "org_words", "titles", "demonyms"))


def _whole_place(phrase: str, clitic_len: int) -> bool:
    """Is a several-word phrase, its leading letters included, a place of the GPE gazetteers
    while the phrase without them is none (``بيونغ يانغ``)?"""
    return norm(phrase) in _gpe_names() and norm(phrase[clitic_len:]) not in _gpe_names()


def _function_word(word: str) -> bool:
    """A stop word, with or without a leading و/ف (``وفي``، ``ولن``): what is left of a name's first
    word when a letter of the name was read as a proclitic."""
    stops = stopwords()["ar"]
    return word in stops or (word[:1] in "وف" and word[1:] in stops)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Normalised country names (countries.tsv)."""
    lines = (DATA / "gazetteers" / "countries.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(norm(x.split("\t")[0]) for x in lines if x and not x.startswith("#"))


@lru_cache(maxsize=1)
def _short_names() -> frozenset[str]:
    """Names of one or two letters (``شي``، ``لي``، ``دي``: data/gazetteers/name_parts.json)."""
    import json

    data = json.loads((DATA / "gazetteers" / "name_parts.json").read_text(encoding="utf-8"))
    return frozenset(data["short_names"])


@lru_cache(maxsize=1)
def _not_first_names_as_written() -> frozenset[str]:
    import json

    data = json.loads((DATA / "gazetteers" / "name_parts.json").read_text(encoding="utf-8"))
    return frozenset(data["not_first_names_as_written"])


def _letter_of_name(pre: str, rest: str, before: str, etype: str) -> bool:
    """Is a leading ب ك ل read as a proclitic a letter of the name? Yes when the rest has two letters
    and is no short name of ``name_parts.json`` (``كود``، ``ليو``), when the rest reads as و/ف + a
    country (``بوروسيا`` is no ب + و + ``روسيا``: ب ك ل never come before و ف; not for a city:
    ``لفرانس برس`` is ل + ``فرانس``, not ``رانس``, nor a known name: ``لوحيد``), and, for a
    person, when the word right before is a title or nationality adjective and the rest is no
    known name (``الصيني ليو هي`` is no ل + ``يو هي``; a name follows its title with no
    preposition, ``الرئيس لعلي`` stays ل + ``علي``)."""
    if pre not in ("ب", "ك", "ل"):
        return False
    if len(rest) <= 2 and rest not in _short_names():   # ``كود`` is no ك + ``ود``; ``لشي`` stays ل + ``شي``
        return True
    lex = lexicons()
    if rest[:1] in "وف" and len(rest) > 3 and norm(rest) not in lex["person_names"]:
        tail = norm(rest[1:])
        if tail in _countries() or without_article(tail) in _countries():   # بوروسيا: no ب + و + روسيا
            return True
    if etype != "PERSON" or not before:
        return False
    key = norm(before)
    return (key in lex["titles"] or key in lex["demonyms"]) and norm(rest) not in lex["person_names"] \
        and not _function_word(rest)


def _first_name_and_word(words: list[str], tags: list[str], firsts, nots, titles) -> list[str]:
    """A known first name and the word after it, both untagged, right after a title or a nationality
    adjective (a nisba-shaped word), are a person when that word is no common word (``ner_consistency``'s guards: stop
    words, titles, nationality adjectives, ``common_words.txt``) nor a place or an organisation word
    (``الإيراني علي شمخاني`` → ``علي شمخاني``); a word with the article only when it is a nisba or
    a known name (not ``أمين السر``); the first name no common word (not ``بطل كأس``)."""
    from marsad.extract.ner_consistency import _surname_guards, common_words
    from marsad.extract.ner_filters import nisba_shaped
    from marsad.extract.people import fold

    never = _surname_guards()[2]
    lex = lexicons()
    for i in range(1, len(tags) - 1):
        if tags[i] != "O" or tags[i + 1] != "O" \
                or (i + 2 < len(tags) and tags[i + 2].startswith("I-")):
            continue
        w, nxt = words[i], words[i + 1]
        if w in nots or len(w) <= 2 or fold(w) not in firsts or norm(w) in common_words() \
                or w in _not_first_names_as_written():   # بطل: a common word; أمام: a preposition
            continue
        before = norm(words[i - 1])
        if before not in titles and before not in lex["demonyms"] and not nisba_shaped(before):
            continue
        key = token_info(nxt)["n"]
        if len(key) < 3 or not _ARABIC_LETTER.search(key) or token_info(nxt)["pre"] or key in never \
                or without_article(key) in never or any(key in lex[k] or without_article(key) in lex[k]
                                                        for k in ("places", "org_words", "org_names")) \
                or key.startswith("ال") and not key.endswith("ي") and key not in lex["person_names"]:
            continue      # أمين | السر: a definite word is a surname when it is a nisba or a known name
        tags[i], tags[i + 1] = "B-PERS", "I-PERS"
    return tags


def hamza_clitic(word: str) -> tuple[str, str] | None:
    """(proclitic, rest) of a person's or place's first word whose second letter is a hamza seat
    (``لأخنوش`` → ل + ``أخنوش``, which the segmenter's lexicon does not split): no name has one there;
    None for other words. Common nouns of that shape (كأس، بأس) are no persons or places."""
    if len(word) >= 5 and word[0] in "وفبلك" and word[1] in "أإآ":
        return word[0], word[1:]
    return None


def nisba_surname(words: list[str], tags: list[str]) -> list[str]:
    """A person tagged by a known first name alone takes the definite nisba-shaped word right after
    it as its surname (``حفيظ`` | ``العلمي`` → ``حفيظ العلمي``): a given name takes no adjective but
    a nationality one (``محمد الفرنسي`` stays), which ``lexicons()["demonyms"]`` and the titles rule out."""
    from marsad.extract.ner_filters import nisba_shaped
    from marsad.extract.people import first_names, fold

    firsts, lex = first_names(), lexicons()
    for i in range(len(tags) - 1):
        if tags[i] != "B-PERS" or tags[i + 1] != "O" or fold(words[i]) not in firsts:
            continue
        k = norm(words[i + 1])
        if k.startswith("ال") and nisba_shaped(k) and k not in lex["demonyms"] and k not in lex["titles"] \
                and without_article(k) not in lex["demonyms"]:
            tags[i + 1] = "I-PERS"
    return tags
