"""Bytes to clean text: the reader's defence against binary files, legacy encodings and
characters that no article needs (and that break RDF/XML, terminals or one-line errors).
"""
from __future__ import annotations

import codecs
import re
from urllib.parse import urlsplit

import pyoxigraph as ox
from charset_normalizer import from_bytes

from .errors import BadArticle

# Leading bytes of binary formats people drop into article folders, and what to call them.
SIGNATURES = {
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed", b"\xfd7zXZ\x00": "xz-compressed", b"\x28\xb5\x2f\xfd": "zstd-compressed",
    b"PK\x03\x04": "a ZIP archive or Office document", b"%PDF": "a PDF document",
    b"\x7fELF": "an executable", b"SQLite format 3\x00": "an SQLite database",
}
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# C0/C1 controls, lone surrogates and non-characters; vertical breaks become newlines.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def shown(text: str) -> str:
    """``text`` safe to print on one line: control characters and newlines escaped."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def bad(source: str, reason: str) -> BadArticle:
    """A ``BadArticle`` whose source prints on one line."""
    return BadArticle(shown(source), reason)


def clean_text(text: str) -> str:
    """``text`` without control characters; vertical tabs, form feeds and Unicode line
    separators become newlines. Keeps RDF literals writable in every format (XML too)."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def clean_url(value: object) -> str | None:
    """An absolute http(s) URL that is a valid IRI, else None (relative, javascript:, junk).
    Spaces and other characters IRIs forbid are percent-encoded."""
    if not isinstance(value, str):
        return None
    value = _IRI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", clean_text(value).strip())
    try:
        parts = urlsplit(value)
        ox.NamedNode(value)
        host = parts.hostname
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and host else None


def binary_kind(head: bytes) -> str | None:
    """What a file's first bytes say it is, when that is not text ("binary" if unknown)."""
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    return "binary" if b"\x00" in head[:8192] else None


def binary_reason(kind: str) -> str:
    return "binary file, not text" if kind == "binary" else f"binary file ({kind}), not text"


def _western(text: str) -> bool:
    """Looks like Western European text: at most 30% of its letters are non-ASCII."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(ord(c) > 127 for c in letters) <= 0.3 * len(letters)


def legacy(data: bytes) -> str | None:
    """Text in an 8-bit encoding: Windows-1252 (a superset of Latin-1's printable range)
    when it reads as Western European text, else what charset-normalizer detects."""
    try:
        text = data.decode("cp1252")
        if _western(text):
            return text
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        return None
    return str(best)


def decode(data: bytes, source: str) -> str:
    """The clean text of a file's bytes; raises ``BadArticle`` for empty or binary data.

    UTF-8 first; a BOM selects UTF-16/32; mostly-UTF-8 with a few bad bytes stays UTF-8
    (bad bytes become U+FFFD); else Windows-1252 or a detected legacy encoding.
    """
    if not data.strip():
        raise bad(source, "empty file" if not data else "only whitespace, no text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), source)
            except UnicodeDecodeError:
                raise bad(source, f"not valid {codec.upper()} despite its byte-order mark") from None
    kind = binary_kind(data)
    if kind:
        raise bad(source, binary_reason(kind))
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if sum(ord(c) > 127 for c in lenient) - broken > broken:
        return _checked(lenient, source)
    text = legacy(data)
    if text is None:
        raise bad(source, "binary file or unknown text encoding")
    return _checked(text, source)


def _checked(text: str, source: str) -> str:
    """Refuse text that is mostly control characters (binary data decoded as text)."""
    sample = text[:65536]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    if controls > 2 and controls > 0.02 * len(sample):
        raise bad(source, "binary file, not text")
    text = clean_text(text)
    if not text.strip():
        raise bad(source, "no text after removing control characters")
    return text
