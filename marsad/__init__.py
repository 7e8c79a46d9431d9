"""marsad — an offline, Arabic-first news observatory for AI and digital policy."""
__version__ = "0.1.0"

from marsad.doc import Document, OffsetMap, Span  # noqa: E402

__all__ = ["Document", "OffsetMap", "Span", "__version__"]
