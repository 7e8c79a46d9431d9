"""Offset maps: where each character of a cleaned text came from in the raw input.

A map is a list of segments tiling the cleaned text, each ``(clean_start, clean_len,
raw_start, raw_len)``. A *linear* segment (``clean_len == raw_len``) maps character by
character; any other segment (a replacement, an insertion with ``raw_len == 0``) maps as a
block. Raw text that was deleted simply falls in a gap between segments.

Every cleaning step is a pure function ``str -> (str, OffsetMap)`` built with
:class:`EditBuilder`; successive steps are chained with :meth:`OffsetMap.compose`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterable

Segment = tuple[int, int, int, int]  # clean_start, clean_len, raw_start, raw_len


class OffsetMap:
    """Maps offsets of a cleaned text back to the raw text it was made from."""

    __slots__ = ("segments", "clean_length", "raw_length", "_starts")

    def __init__(self, segments: Iterable[Segment], clean_length: int, raw_length: int):
        self.segments: list[Segment] = list(segments)
        self.clean_length = clean_length
        self.raw_length = raw_length
        self._starts = [s[0] for s in self.segments]

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls([(0, length, 0, length)] if length else [], length, length)

    def is_identity(self) -> bool:
        return self.clean_length == self.raw_length and (
            not self.segments or self.segments == [(0, self.clean_length, 0, self.raw_length)]
        )

    # -- lookups ---------------------------------------------------------------------
    def _segment_at(self, pos: int) -> int:
        """Index of the segment containing clean character ``pos`` (0 <= pos < clean_length)."""
        return bisect_right(self._starts, pos) - 1

    def to_raw(self, pos: int, side: str = "start") -> int:
        """Raw offset of clean offset ``pos``. ``side='end'`` treats pos as an exclusive end."""
        if not 0 <= pos <= self.clean_length:
            raise ValueError(f"offset {pos} outside 0..{self.clean_length}")
        if not self.segments:
            return 0 if side == "start" or pos == 0 else self.raw_length
        if side == "start":
            if pos == self.clean_length:
                cs, cl, rs, rl = self.segments[-1]
                return rs + rl
            cs, cl, rs, rl = self.segments[self._segment_at(pos)]
            return rs + (pos - cs) if cl == rl else rs
        # exclusive end: look at the character just before pos
        if pos == 0:
            return self.segments[0][2]
        cs, cl, rs, rl = self.segments[self._segment_at(pos - 1)]
        return rs + (pos - cs) if cl == rl else rs + rl

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean span ``[start, end)``."""
        if start == end:
            r = self.to_raw(start, "start")
            return r, r
        return self.to_raw(start, "start"), self.to_raw(end, "end")

    def to_clean(self, raw_pos: int) -> int:
        """Clean offset of raw offset ``raw_pos`` (the nearest following clean character)."""
        for cs, cl, rs, rl in self.segments:
            if raw_pos < rs:
                return cs
            if raw_pos < rs + rl or (rl == 0 and raw_pos == rs):
                return cs + (raw_pos - rs) if cl == rl else cs
        return self.clean_length

    # -- algebra ---------------------------------------------------------------------
    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """Chain maps: ``self`` maps t2→t1 and ``inner`` maps t1→raw; the result maps t2→raw."""
        if inner.is_identity():
            return OffsetMap(self.segments, self.clean_length, inner.raw_length)
        out: list[Segment] = []
        for cs, cl, rs, rl in self.segments:
            if cl == rl and cl > 0:
                # split along inner segments that overlap t1 range [rs, rs+rl)
                j = max(inner._segment_at(rs), 0)
                a = rs
                end = rs + rl
                while a < end and j < len(inner.segments):
                    ics, icl, irs, irl = inner.segments[j]
                    b = min(end, ics + icl)
                    if b <= a:
                        j += 1
                        continue
                    if icl == irl:
                        out.append((cs + (a - rs), b - a, irs + (a - ics), b - a))
                    else:
                        out.append((cs + (a - rs), b - a, irs, irl))
                    a = b
                    j += 1
            else:
                r0 = inner.to_raw(rs, "start")
                r1 = inner.to_raw(rs + rl, "end") if rl else r0
                out.append((cs, cl, r0, max(r1 - r0, 0)))
        return OffsetMap(_merge(out), self.clean_length, inner.raw_length)

    # -- serialisation ---------------------------------------------------------------
    def to_json(self) -> dict:
        return {"clean_length": self.clean_length, "raw_length": self.raw_length,
                "segments": [list(s) for s in self.segments]}

    @classmethod
    def from_json(cls, data: dict) -> "OffsetMap":
        return cls([tuple(s) for s in data["segments"]], data["clean_length"], data["raw_length"])

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, OffsetMap) and self.segments == other.segments
                and self.clean_length == other.clean_length and self.raw_length == other.raw_length)

    def __repr__(self) -> str:
        return f"OffsetMap({len(self.segments)} segments, clean={self.clean_length}, raw={self.raw_length})"


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join adjacent linear segments that are contiguous on both sides."""
    merged: list[Segment] = []
    for seg in segments:
        if seg[1] == 0:
            continue
        if merged:
            cs, cl, rs, rl = merged[-1]
            if cl == rl and seg[1] == seg[3] and cs + cl == seg[0] and rs + rl == seg[2]:
                merged[-1] = (cs, cl + seg[1], rs, rl + seg[3])
                continue
        merged.append(seg)
    return merged


class EditBuilder:
    """Builds a new text from a source text by copies, replacements and deletions.

    >>> b = EditBuilder("aXb"); b.copy(1); b.replace(1, ""); b.copy(1)
    >>> b.finish()[0]
    'ab'
    """

    def __init__(self, source: str):
        self.source = source
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._src = 0
        self._dst = 0

    @property
    def position(self) -> int:
        """Current offset in the source text."""
        return self._src

    def copy(self, n: int) -> None:
        """Copy the next ``n`` source characters unchanged."""
        if n <= 0:
            return
        self._parts.append(self.source[self._src:self._src + n])
        self._segments.append((self._dst, n, self._src, n))
        self._src += n
        self._dst += n

    def copy_to(self, pos: int) -> None:
        """Copy source characters up to offset ``pos``."""
        self.copy(pos - self._src)

    def replace(self, n: int, new: str) -> None:
        """Consume ``n`` source characters and emit ``new`` in their place ('' deletes)."""
        if new:
            self._parts.append(new)
            self._segments.append((self._dst, len(new), self._src, n))
            self._dst += len(new)
        self._src += n

    def finish(self) -> tuple[str, OffsetMap]:
        self.copy_to(len(self.source))
        return "".join(self._parts), OffsetMap(_merge(self._segments), self._dst, len(self.source))


def rewrite(text: str, pattern: "re.Pattern[str]",
            replace: Callable[["re.Match[str]"], str | None]) -> tuple[str, OffsetMap]:
    """Replace each match of ``pattern`` by ``replace(match)`` (None keeps it), tracking offsets."""
    b = EditBuilder(text)
    for m in pattern.finditer(text):
        new = replace(m)
        if new is None or new == m.group(0):
            continue
        b.copy_to(m.start())
        b.replace(m.end() - m.start(), new)
    return b.finish()


def translate(text: str, table: dict[str, str]) -> tuple[str, OffsetMap]:
    """Character-by-character substitution (values may be '' or several characters)."""
    if not table:
        return text, OffsetMap.identity(len(text))
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return rewrite(text, pattern, lambda m: table[m.group(0)])
