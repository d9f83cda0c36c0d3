"""Find the ontology, lexicons and named queries, installed or in a source checkout.

A wheel carries them under ``kg/_resources/``; a source checkout keeps them at the
top level beside ``kg/``. Callers ask for a logical path and get a real one.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_root() -> Path:
    """The folder holding ``ontology/``, ``queries/`` and ``data/``."""
    installed = _PACKAGE / "_resources"
    if (installed / "ontology").is_dir():
        return installed
    return _PACKAGE.parent


def resource(*parts: str) -> Path:
    """A path under the resource root, e.g. ``resource("ontology", "fashion.ttl")``."""
    return resource_root().joinpath(*parts)
