"""Extraction: an ``Article`` in, an ``Extraction`` out. Pure: no I/O beyond loading the
lexicons under ``data/`` once."""
from __future__ import annotations

from ..model import Article, Extraction
from .pipeline import EXTRACTOR_VERSION, extract

__all__ = ["extract", "EXTRACTOR_VERSION", "Article", "Extraction"]
