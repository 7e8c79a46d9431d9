"""Bytes → text: BOMs, UTF-8, UTF-16, Windows-1256 and ISO-8859-6, with binary detection."""
from __future__ import annotations

import codecs
import re

from marsad.errors import InputError

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_COMMON = re.compile(r"ال|في|من|على|أن|إلى")


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 16:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    # Arabic UTF-16 has 0x06 as the high byte rather than NUL
    hi_le = sum(1 for b in sample[1::2] if b in (0x00, 0x06, 0x20)) / max(1, len(sample[1::2]))
    hi_be = sum(1 for b in sample[0::2] if b in (0x00, 0x06, 0x20)) / max(1, len(sample[0::2]))
    if hi_le > 0.9 and sample[1::2].count(6) > 0.2 * len(sample[1::2]):
        return "utf-16-le"
    if hi_be > 0.9 and sample[0::2].count(6) > 0.2 * len(sample[0::2]):
        return "utf-16-be"
    return None


def _score(text: str) -> float:
    """How much ``text`` looks like Arabic (letters and very common words)."""
    if not text:
        return 0.0
    return (len(_ARABIC_LETTER.findall(text)) + 5 * len(_COMMON.findall(text))) / len(text)


def _check_text(text: str, enc: str, source: str) -> tuple[str, str]:
    """Refuse decoded 'text' that is mostly control characters (binary data)."""
    sample = text[:8192]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or 0xD800 <= ord(ch) < 0xE000)
    if controls > max(1, 0.02 * len(sample)):
        raise InputError(source, "binary content, not text", code="M103")
    return text, enc


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding). Raises InputError for binary/undecodable input."""
    if not data or not data.strip(b" \t\r\n\x00"):
        raise InputError(source, "empty file", code="M101")
    if data.startswith(codecs.BOM_UTF8):
        enc = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    else:
        enc = _looks_utf16(data) or ""
    if enc:
        try:
            return _check_text(data.decode(enc), enc, source)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"undecodable {enc} ({exc.reason} at byte {exc.start})", code="M102")
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary content (NUL bytes), not text", code="M103")
    try:
        return _check_text(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("cp1256", "iso-8859-6"):
        try:
            candidates.append((_score(data.decode(enc)), enc))
        except UnicodeDecodeError:
            continue
    if candidates:
        score, enc = max(candidates)
        if score > 0.2:
            return _check_text(data.decode(enc), enc, source)
    controls = sum(1 for b in data[:8192] if b < 9 or 13 < b < 32)
    if controls > 0.01 * min(len(data), 8192):
        raise InputError(source, "binary content, not text", code="M103")
    raise InputError(source, "undecodable: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6", code="M102")
