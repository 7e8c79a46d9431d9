"""Batch ingestion with resume, per-input error reports and a progress bar."""
from __future__ import annotations

import gc
import hashlib
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from marsad import __version__
from marsad.doc import Document, content_id
from marsad.errors import InputError
from marsad.ingest import prepare_record, process_record
from marsad.ingest.readers import expand, iter_records
from marsad.pipeline import Pipeline, default

BATCH = 64
# SQLite page cache of the writer while it ingests, in KiB (SQLite's default is 2 MiB; the
# knowledge base's and search index's B-trees outgrow it after a few hundred articles, and the
# pages are read again: first 5,000 ANT articles, system time 3.1 -> 1.7 s, save 4.2 -> 4.0 ms/doc)
INGEST_CACHE_KIB = 65_536


# what makes a stored document's annotations: the models and language data, and the code of the
# stages that write them (an edited rule is an upgrade too, as a retrained model is)
_DATA_FOLDERS = ("models", "text/data", "extract/data", "search/data")
_CODE = ("text", "extract", "resolve", "search", "ingest", "doc.py", "offsets.py", "pipeline.py")


def resources_digest(root: Path | None = None) -> str:
    """Short hash of the shipped models, the language data and the annotating code: retraining,
    editing a data file or changing a rule counts as an upgrade (a re-ingest re-annotates)."""
    root = root or Path(__file__).resolve().parents[1]
    return _digest(str(root), tuple(_stamps(root)))


def _stamps(root: Path) -> list[tuple[str, float, int]]:
    files = [f for folder in _DATA_FOLDERS for f in (root / folder).rglob("*")
             if f.is_file() and f.suffix not in (".py", ".pyc")]
    for name in _CODE:
        files += [root / name] if name.endswith(".py") else list((root / name).rglob("*.py"))
    return sorted((f.relative_to(root).as_posix(), f.stat().st_mtime, f.stat().st_size) for f in files if f.is_file())


@lru_cache(maxsize=8)
def _digest(root: str, stamps: tuple) -> str:
    """The hash itself, read once per state of the files (their times and sizes)."""
    h = hashlib.sha256()
    for rel, _, _ in stamps:
        h.update(rel.encode())
        h.update((Path(root) / rel).read_bytes())
    return h.hexdigest()[:12]


def pipeline_version(pipeline: Pipeline) -> str:
    """What a stored document's annotations were made with (code version, stages, models and
    data); any change makes a re-ingest re-annotate instead of skipping."""
    return f"marsad-{__version__}:" + ",".join(pipeline.names) + ":" + resources_digest()


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    resolved_again: int = 0      # documents whose references were resolved again after the batch
    errors: list[InputError] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        return (f"{self.new} new, {self.updated} re-annotated, {self.unchanged} unchanged, "
                f"{self.skipped} skipped")


def _records(paths: list[str], skip: Callable[[str], bool] | None):
    """Every record of the inputs, or the InputError that stands for an unreadable or unchanged one."""
    for path in expand(paths):
        for rec in iter_records(path):
            if isinstance(rec, InputError):
                yield rec
            elif skip is not None and skip(content_id(rec.raw)):
                yield InputError(rec.source, "unchanged", code="M000")
            else:
                yield rec


def _annotate(rec, pipeline: Pipeline, published: str | None) -> Document | InputError:
    """One record through the pipeline; any failure becomes an InputError naming the record."""
    try:
        return process_record(rec, pipeline, published)
    except Exception as exc:  # one bad document must never stop a batch
        return _failure(rec, exc)


def _failure(rec, exc: Exception) -> InputError:
    """The InputError reporting that ``rec`` failed with ``exc``."""
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, RecursionError):
        return InputError(rec.source, "input too deeply nested to process", code="M109")
    return InputError(rec.source, f"could not be processed ({type(exc).__name__}: {exc})", code="M199")


def _annotate_many(recs: list, pipeline: Pipeline, published: str | None) -> list[Document | InputError]:
    """Records through the pipeline together (``Pipeline.pipe``: the entity tagger takes all their
    sentences at once), each failure an InputError naming its record, as :func:`_annotate` gives."""
    out: list = []
    for rec in recs:
        try:
            out.append(prepare_record(rec, published))
        except Exception as exc:  # noqa: BLE001
            out.append(_failure(rec, exc))
    live = [k for k, d in enumerate(out) if isinstance(d, Document)]
    for k, res in zip(live, pipeline.pipe([out[k] for k in live])):
        out[k] = res if isinstance(res, Document) else _failure(recs[k], res)
    return out


# Python's cyclic garbage collector walks every live object (models, lexicons, the taggers' and
# the analyzer's caches) at each full collection: ~10% of an ingest's CPU. During an ingest it
# is off; the objects each batch leaves behind (mostly cache entries) are set aside (gc.freeze,
# never walked again), and after every COLLECT_EVERY-th batch that batch's garbage is collected
# first. Documents hold no reference cycles (reference counting frees them): no collection after
# the batches of the first 1,000 ANT articles found anything (0 objects in each of 15), yet each
# walked ~80,000 objects (0.47 s per 1,000 articles). Garbage of a batch set aside without a
# collection waits for the end of the ingest (gc.unfreeze), so it never outgrows one ingest.
# After the first batch everything is set aside without a collection: that walk would visit
# every model loaded on the way (0.13 s) to free a few dozen objects.
COLLECT_EVERY = 8


def _collect_batch() -> None:
    gc.collect()
    gc.freeze()


_GC = {"ingests": 0, "was_enabled": True}   # ingests running in this process (API threads)
_GC_LOCK = threading.Lock()


@contextmanager
def _collect_by_batch() -> Iterator[None]:
    """Automatic collection off while any ingest of this process runs; restored by the last one."""
    with _GC_LOCK:
        if _GC["ingests"] == 0:
            _GC["was_enabled"] = gc.isenabled()
            gc.disable()
        _GC["ingests"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC["ingests"] -= 1
            if _GC["ingests"] == 0:
                gc.unfreeze()
                if _GC["was_enabled"]:
                    gc.enable()


_WORKER: dict = {}


def _worker_task(task):
    """In a worker process: annotate one record (errors travel back as plain tuples)."""
    rec, published = task
    if isinstance(rec, tuple):
        return rec
    if "pipeline" not in _WORKER:
        _WORKER["pipeline"] = default()
    out = _annotate(rec, _WORKER["pipeline"], published)
    _WORKER["n"] = n = _WORKER.get("n", 0) + 1
    if n == 1:
        gc.disable()
    if n % BATCH == 0:
        _collect_batch()
    return ("error", out.source, out.reason, out.code) if isinstance(out, InputError) else out


def _handed_over(items: list) -> Iterator:
    """The items of a list in order, each taken out of it as it is yielded: nothing here keeps a
    document the caller is done with (an ingest collects garbage after saving each batch, while
    this generator is suspended on the batch's last document; the collector then walks none of
    the saved documents' objects)."""
    items.reverse()
    while items:
        yield items.pop()


def iter_documents(paths: list[str], *, published: str | None = None, pipeline: Pipeline | None = None,
                   skip: Callable[[str], bool] | None = None, workers: int = 1) -> Iterator[Document | InputError]:
    """Documents of every input (InputError for each part that could not be read or processed).

    ``skip(doc_id)`` lets a caller pass over documents it already has, before any processing.
    With ``workers`` > 1, annotation runs in that many processes (order is kept).
    """
    if workers <= 1:
        pipeline = pipeline or default()
        chunk: list = []
        for rec in _records(paths, skip):
            if not isinstance(rec, InputError):
                chunk.append(rec)
                if len(chunk) < BATCH:
                    continue
            if chunk:  # annotated together; the order of the inputs is kept
                yield from _handed_over(_annotate_many(chunk, pipeline, published))
                chunk = []
            if isinstance(rec, InputError):
                yield rec
        if chunk:
            yield from _handed_over(_annotate_many(chunk, pipeline, published))
        return
    import multiprocessing

    def tasks():
        for rec in _records(paths, skip):
            if isinstance(rec, InputError):
                yield (("error", rec.source, rec.reason, rec.code), published)
            else:
                yield (rec, published)

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for out in pool.imap(_worker_task, tasks(), chunksize=4):
            if isinstance(out, tuple):
                yield InputError(out[1], out[2], code=out[3])
            else:
                yield out


def ingest(paths: list[str], store, *, published: str | None = None, progress: bool | None = None,
           on_error: Callable[[InputError], None] | None = None, index: bool = True,
           workers: int = 1) -> IngestReport:
    """Ingest files, folders and globs into ``store``; returns what happened.

    Documents already stored with the same pipeline version are skipped (so a re-run resumes
    an interrupted ingest); others are (re-)annotated and saved in batches, each batch one
    transaction. With ``index`` (the default) documents are also put in the search index, in
    the same transaction. ``workers`` > 1 annotates in that many processes; one process writes.
    """
    if index:
        from marsad.search.index import install

        install(store)
    conn = getattr(store, "conn", None)
    cache = conn.execute("PRAGMA cache_size").fetchone()[0] if conn is not None else 0
    grow = cache < 0 and -cache < INGEST_CACHE_KIB      # the default (-2000 KiB); page counts kept
    if grow:
        conn.execute(f"PRAGMA cache_size = -{INGEST_CACHE_KIB}")
    try:
        return _ingest(paths, store, published, progress, on_error, workers)
    finally:
        if grow:
            conn.execute(f"PRAGMA cache_size = {cache}")


def _ingest(paths, store, published, progress, on_error, workers) -> IngestReport:
    """:func:`ingest` once the store is set up."""
    from tqdm import tqdm

    pipeline = default()
    version = pipeline_version(pipeline)
    known = store.versions()
    report = IngestReport()
    batch: dict[str, Document] = {}
    saved: list[str] = []

    flushed = [0]

    def flush() -> None:
        if batch:
            store.save_many(list(batch.values()), version)
            batch.clear()
        flushed[0] += 1
        if flushed[0] > 1 and flushed[0] % COLLECT_EVERY == 0:
            _collect_batch()
        else:  # the first batch (the models and data it loaded), and those between collections
            gc.freeze()

    bar = tqdm(unit=" docs", disable=(not sys.stderr.isatty()) if progress is None else not progress,
               file=sys.stderr, dynamic_ncols=True)
    quiet = bar.disable  # (a closed bar reads as disabled)
    try:
        with _collect_by_batch():
            for item in iter_documents(paths, published=published, pipeline=pipeline,
                                       skip=lambda did: known.get(did) == version, workers=workers):
                bar.update(1)
                if isinstance(item, InputError):
                    if item.code == "M000":
                        report.unchanged += 1
                    else:
                        report.errors.append(item)
                        if on_error:
                            on_error(item)
                    continue
                if item.id in batch or known.get(item.id) == version:
                    report.unchanged += 1
                    continue
                if item.id in known:
                    report.updated += 1
                else:
                    report.new += 1
                known[item.id] = version
                saved.append(item.id)
                batch[item.id] = item
                if len(batch) >= BATCH:
                    flush()
            flush()
            bar.close()
            if saved and hasattr(store, "conn"):
                # with the collector still off: switched back on, its full collections walked every
                # model and cache again and again while the stored documents were read back (0.4 s
                # of re-resolving 78 of the first 1,000 ANT articles)
                _resolve_pending(store, saved, quiet, report)
    finally:
        bar.close()
    return report


def _resolve_pending(store, saved: list[str], quiet: bool, report: IngestReport) -> None:
    """Resolve again the stored documents whose references the ``saved`` ones may resolve, then
    rename the people these name (an ingest's last step)."""
    from tqdm import tqdm

    from marsad.store.kb_write import pending_for, refresh_canonicals, resolve_again

    pending = pending_for(store.conn, saved)
    # earlier documents whose references these ones resolve: a second bar, the work can be long
    again = tqdm(total=len(pending), unit=" docs", desc="re-resolving", file=sys.stderr, dynamic_ncols=True,
                 disable=quiet or not pending)

    def done(n: int) -> None:
        again.update(n)
        _collect_batch()

    try:
        report.resolved_again = resolve_again(store, pending, on_batch=done)
    finally:
        again.close()
    with store.transaction() as c:
        refresh_canonicals(c, saved)
