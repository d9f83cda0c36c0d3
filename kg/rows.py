"""SPARQL terms to Python values, and rows to table, CSV, TSV, JSON or Markdown.

One module formats every command's rows, so the formats agree everywhere.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
ROW_FORMATS = ("table", "csv", "tsv", "json", "md")


def to_python(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """A term as a Python value: IRIs as strings, typed literals as int, float, date, bool."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, ox.Literal):
        return str(term)
    dt = term.datatype.value if term.datatype else ""
    value = term.value
    try:
        if dt in (XSD + "integer", XSD + "int", XSD + "long", XSD + "short", XSD + "nonNegativeInteger"):
            return int(value)
        if dt in (XSD + "double", XSD + "float"):
            return float(value)
        if dt == XSD + "decimal":
            return Decimal(value)
        if dt == XSD + "boolean":
            return value in ("true", "1")
        if dt == XSD + "date":
            return date.fromisoformat(value[:10])
        if dt == XSD + "dateTime":
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return value


def text(value: object) -> str:
    """A Python value as the text a table cell shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _jsonable(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> dict | None:
    """A term in SPARQL 1.1 Query Results JSON form."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if not isinstance(term, ox.Literal):  # a plain Python value (rows built in Python)
        return {"type": "literal", "value": text(term)}
    out: dict = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def format_rows(variables: Sequence[str], rows: Iterable[Sequence], fmt: str,
                width: int | None = None) -> Iterator[str]:
    """Text chunks of ``rows`` (sequences of terms) in ``fmt``; ``width`` truncates tables."""
    if fmt == "json":
        bindings = [{v: t for v, t in zip(variables, map(_jsonable, row), strict=False) if t is not None}
                    for row in rows]
        yield json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                         ensure_ascii=False, indent=2) + "\n"
        return
    values = ([text(to_python(t)) for t in row] for row in rows)
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(variables)
        for row in values:
            writer.writerow(row if fmt == "csv" else [c.replace("\t", " ").replace("\n", " ") for c in row])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()
        return
    table = [list(variables)] + [[c.replace("\n", " ") for c in row] for row in values]
    if fmt == "md":
        esc = [[c.replace("|", "\\|") for c in row] for row in table]
        yield "| " + " | ".join(esc[0]) + " |\n"
        yield "|" + "|".join("---" for _ in esc[0]) + "|\n"
        for row in esc[1:]:
            yield "| " + " | ".join(row) + " |\n"
        return
    yield from _aligned(table, width)


def format_boolean(value: bool, fmt: str) -> str:
    """An ASK answer: SPARQL 1.1 Query Results JSON in ``json``, else ``true`` or ``false``."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}) + "\n"
    return ("true" if value else "false") + "\n"


def _aligned(table: list[list[str]], width: int | None) -> Iterator[str]:
    if not table[0]:
        return
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    if width:
        budget = max(width - 2 * (len(widths) - 1), 10 * len(widths))
        while sum(widths) > budget and max(widths) > 10:
            widest = widths.index(max(widths))
            widths[widest] -= 1
    for n, row in enumerate(table):
        cells = [c if len(c) <= w else c[: max(w - 1, 1)] + "…" for c, w in zip(row, widths, strict=False)]
        yield "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip() + "\n"
        if n == 0:
            yield "  ".join("-" * w for w in widths) + "\n"
    yield f"({len(table) - 1} row{'s' if len(table) != 2 else ''})\n"


def terminal_width() -> int:
    return shutil.get_terminal_size((120, 24)).columns
