"""Deterministic IRIs: the same name and type give the same IRI on any machine."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from .vocab import ID

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "&": " and "})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-folded text, for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().translate(_FOLD)


def slugify(name: str) -> str:
    """The folded name with runs of non-alphanumerics as single hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name).replace("'", "").replace("\u2019", "")).strip("-")
    return slug or "x"


def entity_iri(kind: str, name: str, brand: str | None = None) -> str:
    """``brand/{slug}``, ``person/{slug}``, ``product/{brand}/{slug}``, ``campaign/{brand}/{slug}``."""
    kind = kind.lower()
    if kind in ("product", "campaign"):
        return f"{ID}{kind}/{slugify(brand or 'unknown')}/{slugify(name)}"
    return f"{ID}{kind}/{slugify(name)}"


def article_iri(identity: str, stem: str = "") -> str:
    """``article/{id}``: a readable stem plus a hash of the article's URL or source path."""
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:12]
    return f"{ID}article/{slugify(stem)[:60]}-{digest}" if stem else f"{ID}article/{digest}"


def assertion_iri(article: str, subject: str, predicate: str, obj: str) -> str:
    """The provenance record of one relation in one article."""
    digest = hashlib.sha256(f"{article}|{subject}|{predicate}|{obj}".encode()).hexdigest()[:20]
    return f"{ID}assertion/{digest}"


def assertion_iri_sparql(article: str, subject: str, predicate: str, obj: str) -> str:
    """``assertion_iri`` as a SPARQL expression over the given variables (``"?g"``, ...), so a
    query can go straight to a record instead of matching it by subject and object."""
    parts = ', "|", '.join(f"STR({v})" for v in (article, subject, predicate, obj))
    return f'IRI(CONCAT("{ID}assertion/", SUBSTR(SHA256(CONCAT({parts})), 1, 20)))'


def text_hash(text: str) -> str:
    """A hash of the normalised text, so a copy under another name is recognised."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
