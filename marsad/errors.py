"""One exception hierarchy for marsad.

Every error carries a short code (``M1xx`` input, ``M2xx`` pipeline, ``M3xx`` store,
``M4xx`` models, ``M5xx`` usage) so that logs, the CLI and the API speak the same language.
User-facing errors render as one line: ``marsad: error M101: <file>: <reason>``.
"""
from __future__ import annotations


class MarsadError(Exception):
    """Base class. ``code`` is stable; ``message`` is one human-readable line."""

    code = "M000"

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code
        self.message = " ".join(str(message).split())  # always one line

    def one_line(self) -> str:
        return f"error {self.code}: {self.message}"


class UsageError(MarsadError):
    """The user asked for something that cannot be done (bad option, missing file...)."""

    code = "M500"


class ConfigError(UsageError):
    code = "M501"


class InputError(MarsadError):
    """One input could not be read; names the file (or record) and the reason."""

    code = "M100"

    def __init__(self, source: str, reason: str, *, code: str | None = None):
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{source}: {reason}", code=code)


class SpanError(MarsadError):
    """A span does not fit the text it annotates (out of bounds, or text mismatch)."""

    code = "M201"


class PipelineError(MarsadError):
    """A pipeline could not be assembled: unknown stage or unmet requirement."""

    code = "M200"


class StoreError(MarsadError):
    code = "M300"


class ModelError(MarsadError):
    """A shipped model file is missing, corrupt (sha256 mismatch) or incompatible."""

    code = "M400"
