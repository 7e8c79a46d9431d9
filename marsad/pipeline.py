"""Pipeline stages, registered by versioned name, assembled and checked at build time.

A stage is a callable ``stage(doc) -> None`` that adds layers to a :class:`Document`. It
declares the layers it ``requires`` and ``provides``; :func:`build` refuses a pipeline whose
requirements are not met by earlier stages, and says which ones are missing. A stage may also
have ``stage.pipe(docs) -> None``, annotating several documents in one call (the entity tagger:
fewer, fuller batches); :meth:`Pipeline.pipe` uses it, with the same output as one by one.

    @register("segment.v1", requires=(), provides=("sentences", "tokens"))
    def make_segmenter(**config):
        return segment_document

Stages register themselves when their module is imported; :data:`STAGE_MODULES` lists the
modules that define the built-in stages, imported lazily the first time a name is looked up.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from marsad.doc import Document
from marsad.errors import PipelineError

# Layers every document has from construction (cleaning happens before annotation).
BASE_LAYERS = ("text",)

# Modules whose import registers the built-in stages.
STAGE_MODULES = [
    "marsad.text.stages",        # segment, mixed_script
    "marsad.extract.entities",   # entities
    "marsad.extract.dates",      # dates
    "marsad.extract.figures",    # figures
    "marsad.extract.roles",      # roles
    "marsad.extract.quotes",     # quotes
    "marsad.extract.events",     # events
    "marsad.extract.topics",     # topics
]

# The default pipeline, in order. Names not (yet) registered are skipped by `default()`.
DEFAULT_STAGES = [
    "segment",
    "mixed_script",
    "entities",
    "dates",
    "figures",
    "roles",
    "quotes",
    "events",
    "topics",
]


@dataclass
class StageSpec:
    name: str
    factory: Callable[..., Callable[[Document], None]]
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    doc: str = ""


_REGISTRY: dict[str, StageSpec] = {}
_loaded = False


def register(name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
    """Decorator registering a stage factory under ``name`` (e.g. ``"dates"``)."""

    def deco(factory: Callable[..., Callable[[Document], None]]):
        _REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(provides),
                                    (factory.__doc__ or "").strip().split("\n")[0])
        return factory

    return deco


def _load_builtin() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for mod in STAGE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:  # a package not written yet
            if exc.name != mod:
                raise


def registered() -> dict[str, StageSpec]:
    """All registered stages by name."""
    _load_builtin()
    return dict(_REGISTRY)


@dataclass
class Pipeline:
    """An ordered, checked list of stages."""

    specs: list[StageSpec]
    stages: list[Callable[[Document], None]] = field(repr=False)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.specs]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc

    def pipe(self, docs: list[Document]) -> list[Document | Exception]:
        """Annotate several documents: each one, or the exception that stopped it (the others go
        on). Stages run in order; a stage with ``pipe`` gets all documents still going at once
        (if that call fails, they are annotated one by one to find the bad one), the stages
        between two such run document after document."""
        out: list[Document | Exception] = list(docs)
        i = 0
        while i < len(self.stages):
            live = [k for k, d in enumerate(out) if isinstance(d, Document)]
            batch = getattr(self.stages[i], "pipe", None)
            j = i + 1
            if batch is not None and live:
                try:
                    batch([out[k] for k in live])
                    live = []
                except Exception:  # noqa: BLE001 - found again document by document below
                    pass
            elif batch is None:
                while j < len(self.stages) and getattr(self.stages[j], "pipe", None) is None:
                    j += 1
            for k in live:
                try:
                    for stage in self.stages[i:j]:
                        stage(out[k])
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop the others
                    out[k] = exc
            i = j
        return out

    def provides(self) -> set[str]:
        out = set(BASE_LAYERS)
        for s in self.specs:
            out.update(s.provides)
        return out


def build(names: list[str], config: dict[str, dict[str, Any]] | None = None) -> Pipeline:
    """Build a pipeline from stage names; raises :class:`PipelineError` naming what is missing."""
    reg = registered()
    config = config or {}
    available = set(BASE_LAYERS)
    specs, stages = [], []
    for name in names:
        spec = reg.get(name)
        if spec is None:
            raise PipelineError(f"unknown stage {name!r}; registered: {', '.join(sorted(reg)) or 'none'}")
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise PipelineError(
                f"stage {name!r} requires {', '.join(missing)}, which no earlier stage provides "
                f"(available: {', '.join(sorted(available))})")
        specs.append(spec)
        stages.append(spec.factory(**config.get(name, {})))
        available.update(spec.provides)
    return Pipeline(specs, stages)


def default(config: dict[str, dict[str, Any]] | None = None, *, upto: str | None = None) -> Pipeline:
    """The default pipeline: every registered stage of :data:`DEFAULT_STAGES`, in order."""
    reg = registered()
    names = []
    for n in DEFAULT_STAGES:
        if n in reg:
            names.append(n)
        if n == upto:
            break
    return build(names, config)
