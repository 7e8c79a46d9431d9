"""Offline language identification: Arabic by script, others with py3langid (restricted)."""
from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ["ar", "fr", "en", "es", "de", "it"]
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(LANGUAGES)
    return ident


def detect(text: str) -> str:
    """ISO 639-1 code of the main language of ``text`` ('und' when it cannot tell)."""
    sample = text[:3000]
    letters = len(_LETTER.findall(sample))
    if letters < 12:
        return "und"
    if len(_ARABIC.findall(sample)) / letters > 0.5:
        return "ar"
    lang, prob = _identifier().classify(sample)
    return lang if prob > 0.5 else "und"
