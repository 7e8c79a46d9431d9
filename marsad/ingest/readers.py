"""Readers: turn files (txt, html, jsonl/json, TREC <DOC>, and .gz of these) into records.

:func:`iter_records` yields :class:`Record` objects, or :class:`~marsad.errors.InputError`
objects for the parts that cannot be read (the caller reports them and goes on).

A text or HTML file may have a metadata sidecar next to it, ``NAME.meta.json`` (for
``NAME.txt`` or ``NAME.html``): a JSON object whose ``published``, ``title`` and ``url`` describe
the document and whose other plain fields go to its metadata. Folders are read without their
sidecars; a sidecar that cannot be read is reported and the document is read without it.
"""
from __future__ import annotations

import glob
import gzip
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from marsad.config import max_bytes
from marsad.errors import InputError, UsageError
from marsad.ingest.decode import decode

SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
            ".xml": "trec", ".trec": "trec", ".sgml": "trec"}


@dataclass
class Record:
    """One document to ingest: its raw text and what is known about it."""

    raw: str
    source: str
    fmt: str = "txt"  # txt | html
    title: str | None = None
    published: str | None = None
    url: str | None = None
    doc_id: str | None = None
    meta: dict = field(default_factory=dict)


def expand(paths: list[str]) -> list[Path]:
    """Files named by paths, folders (recursively) and globs, in a stable order."""
    out: list[Path] = []
    for p in paths:
        matches = sorted(glob.glob(p, recursive=True)) if any(c in p for c in "*?[") else [p]
        if not matches:
            raise UsageError(f"{p}: no such file or folder")
        for m in matches:
            path = Path(m)
            if path.is_dir():
                # inside folders, only files of a format marsad reads (README.md and the like stay
                # out), without the metadata sidecars of the files they describe
                out += sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
                              and _format_of(f.name)[0] is not None and not _is_sidecar(f))
            elif path.exists():
                out.append(path)
            else:
                raise UsageError(f"{p}: no such file or folder")
    return out


SIDECAR = ".meta.json"


def sidecar_of(path: Path) -> Path:
    """The metadata sidecar a text or HTML file may have: ``NAME.meta.json`` beside ``NAME.txt``."""
    name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name
    return path.with_name(os.path.splitext(name)[0] + SIDECAR)


def _is_sidecar(path: Path) -> bool:
    if not path.name.lower().endswith(SIDECAR):
        return False
    stem = path.name[: -len(SIDECAR)]
    return any(f.name != path.name and f.name.startswith(stem + ".") and _format_of(f.name)[0] in ("txt", "html")
               for f in path.parent.glob(glob.escape(stem) + ".*"))


def _with_sidecar(rec: Record, path: Path) -> Iterator[Record | InputError]:
    """The record with what its sidecar says (an unreadable sidecar is reported, not fatal)."""
    side = sidecar_of(path)
    if side.exists():
        try:
            obj = json.loads(side.read_text(encoding="utf-8"))
            if not isinstance(obj, dict):
                raise ValueError("not a JSON object")
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield InputError(str(side), f"metadata sidecar ignored ({reason})", code="M107")
        else:
            rec.title = _str(obj.get("title")) or rec.title
            rec.published = _str(obj.get("published")) or rec.published
            rec.url = _str(obj.get("url")) or rec.url
            rec.meta.update({k: v for k, v in obj.items() if k not in ("title", "published", "url", "id", "text")
                             and isinstance(v, (str, int, float, bool))})
    yield rec


def _format_of(name: str) -> tuple[str | None, bool]:
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return SUFFIXES.get(os.path.splitext(lower)[1]), gz


def _read_bytes(path: Path, gz: bool) -> bytes:
    limit = max_bytes()
    if path.stat().st_size > limit and not gz:
        raise InputError(str(path), f"file too large ({path.stat().st_size:,} bytes > limit {limit:,})",
                         code="M105")
    if not gz:
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(str(path), f"corrupt gzip ({exc})", code="M106")
    if len(data) > limit:
        raise InputError(str(path), f"file too large once decompressed (> limit {limit:,} bytes)",
                         code="M105")
    return data


def _sniff(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith("<doc>") or head.startswith("<doc "):
        return "trec"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith(("{", "[")):
        return "jsonl" if "\n{" in text[:100000] else "json"
    return "txt"


def _from_object(obj: object, source: str) -> Record | InputError:
    if not isinstance(obj, dict):
        return InputError(source, "JSON value is not an object", code="M107")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(source, "JSON object has no 'text' string", code="M107")
    if not text.strip():
        return InputError(source, "empty text", code="M101")
    meta = {k: v for k, v in obj.items() if k not in ("text", "title", "published", "url", "id")
            and isinstance(v, (str, int, float, bool))}
    return Record(raw=text, source=source, title=_str(obj.get("title")),
                  published=_str(obj.get("published")), url=_str(obj.get("url")),
                  doc_id=_str(obj.get("id")), meta=meta)


def _str(v: object) -> str | None:
    return v if isinstance(v, str) and v.strip() else None


_TREC_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_TREC_FIELD = re.compile(r"<(DOCNO|DOCID|TITLE|HEADLINE|HEADER|DATE|DATE_TIME|URL|TEXT|BODY)>(.*?)</\1>",
                         re.S | re.I)


def _trec(text: str, source: str) -> Iterator[Record | InputError]:
    found = False
    for i, m in enumerate(_TREC_DOC.finditer(text), 1):
        found = True
        fields = {k.upper(): v.strip() for k, v in _TREC_FIELD.findall(m.group(1))}
        body = fields.get("TEXT") or fields.get("BODY") or ""
        label = f"{source}#{fields.get('DOCNO') or i}"
        if not body.strip():
            yield InputError(label, "TREC document without <TEXT>", code="M108")
            continue
        yield Record(raw=body, source=label, title=fields.get("TITLE") or fields.get("HEADLINE"),
                     published=fields.get("DATE") or fields.get("DATE_TIME"), url=fields.get("URL"),
                     doc_id=fields.get("DOCNO") or fields.get("DOCID"))
    if not found:
        yield InputError(source, "no <DOC> element found", code="M108")


def _jsonl_stream(path: Path, gz: bool) -> Iterator[Record | InputError]:
    """Records of a JSON Lines file read line by line (the size limit applies per line)."""
    source = str(path)
    limit = max_bytes()
    try:
        fh = gzip.open(path, "rb") if gz else open(path, "rb")
        with fh:
            n = 0
            for n, line in enumerate(fh, 1):
                if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                label = f"{source}:{n}"
                if len(line) > limit:
                    yield InputError(label, f"line too large ({len(line):,} bytes > limit {limit:,})", code="M105")
                    continue
                try:
                    obj = json.loads(line.decode("utf-8").strip())
                except UnicodeDecodeError as exc:
                    yield InputError(label, f"not UTF-8 ({exc.reason} at byte {exc.start})", code="M102")
                    continue
                except json.JSONDecodeError as exc:
                    yield InputError(label, f"malformed JSON line ({exc.msg} at column {exc.colno})", code="M107")
                    continue
                yield _from_object(obj, label)
            if n == 0:
                yield InputError(source, "empty file", code="M101")
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(source, f"cannot read ({exc})", code="M106")


def iter_records(path: Path) -> Iterator[Record | InputError]:
    """Records of one file (several for JSONL/JSON lists/TREC); errors are yielded, not raised."""
    source = str(path)
    fmt, gz = _format_of(path.name)
    if fmt == "jsonl":
        yield from _jsonl_stream(path, gz)
        return
    try:
        text, _enc = decode(_read_bytes(path, gz), source)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(source, f"cannot read ({exc.strerror or exc})", code="M100")
        return
    fmt = fmt or _sniff(text)
    if fmt == "jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(f"{source}:{n}", f"malformed JSON line ({exc.msg} at column {exc.colno})",
                                 code="M107")
                continue
            yield _from_object(obj, f"{source}:{n}")
    elif fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"malformed JSON ({exc.msg} at line {exc.lineno})", code="M107")
            return
        items = data if isinstance(data, list) else [data]
        for n, obj in enumerate(items, 1):
            yield _from_object(obj, f"{source}[{n}]" if isinstance(data, list) else source)
    elif fmt == "trec":
        yield from _trec(text, source)
    elif fmt == "html":
        yield from _with_sidecar(Record(raw=text, source=source, fmt="html"), path)
    else:
        if not text.strip():
            yield InputError(source, "empty file", code="M101")
            return
        yield from _with_sidecar(Record(raw=text, source=source), path)
