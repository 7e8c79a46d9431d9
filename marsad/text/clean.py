"""Cleanup of a decoded input into the text every offset indexes into.

:func:`clean` chains :func:`~marsad.text.normalise.normalise`, :func:`remove_boilerplate`
(line patterns from ``data/boilerplate.json``) and :func:`tidy_whitespace`, composing their
offset maps, so any span of the cleaned text maps back to the raw input.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.offsets import EditBuilder, OffsetMap, rewrite
from marsad.text.normalise import normalise

DATA = Path(__file__).with_name("data") / "boilerplate.json"
_SENTENCE_END = re.compile(r"[.!?؟…:؛]\W*$")


@dataclass(frozen=True)
class BoilerplateRules:
    line: re.Pattern[str]
    blocks: list[tuple[re.Pattern[str], int]]


@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    line = re.compile("|".join(f"(?:{p['pattern']})" for p in data["line_patterns"]),
                      re.IGNORECASE)
    blocks = [(re.compile(b["pattern"], re.IGNORECASE), int(b["max_lines"]))
              for b in data["block_starts"]]
    return BoilerplateRules(line, blocks)


def _is_link_title(line: str) -> bool:
    """A short line without final punctuation: the kind listed under 'read also'."""
    s = line.strip()
    return bool(s) and len(s.split()) <= 18 and not _SENTENCE_END.search(s)


def remove_boilerplate(text: str) -> tuple[str, OffsetMap]:
    """Delete boilerplate lines (and read-also blocks) with their line ends."""
    rules = boilerplate_rules()
    lines = text.split("\n")
    drop = [False] * len(lines)
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s:
            for pat, max_lines in rules.blocks:
                if pat.fullmatch(s):
                    drop[i] = True
                    j = i + 1
                    while j < len(lines) and j <= i + max_lines and _is_link_title(lines[j]):
                        drop[j] = True
                        j += 1
                    i = j - 1
                    break
            else:
                if len(s) <= 400 and rules.line.fullmatch(s):
                    drop[i] = True
        i += 1
    if not any(drop):
        return text, OffsetMap.identity(len(text))
    b = EditBuilder(text)
    pos = 0
    for line, dropped in zip(lines, drop):
        n = len(line) + 1 if pos + len(line) < len(text) else len(line)
        if dropped:
            b.copy_to(pos)
            b.replace(n, "")
        pos += len(line) + 1
    return b.finish()


_WS = re.compile(r"[ \t]+\n|[ \t]{2,}|\n{3,}|^[ \t\n]+|[ \t\n]+$")


def tidy_whitespace(text: str) -> tuple[str, OffsetMap]:
    """Trailing spaces, runs of spaces, more than one blank line, leading/trailing space."""
    def fix(m: re.Match[str]) -> str:
        s = m.group(0)
        if m.start() == 0 or m.end() == len(text):
            return ""
        if s.endswith("\n") and s.strip(" \t") == "\n":
            return "\n"
        if "\n" in s:
            return "\n\n"
        return " "
    return rewrite(text, _WS, fix)


def clean(raw: str) -> tuple[str, OffsetMap]:
    """Cleaned text of ``raw`` and the map from cleaned offsets back to ``raw``."""
    t1, m1 = normalise(raw)
    t2, m2 = remove_boilerplate(t1)
    t3, m3 = tidy_whitespace(t2)
    return t3, m3.compose(m2.compose(m1))
