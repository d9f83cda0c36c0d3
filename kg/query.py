"""The SPARQL query library: named queries from ``queries/``, files or text, run safely.

A query is loaded by name, path or text; its form (select, ask, graph, update) is found
by parsing it, never by pattern-matching; parameters become typed RDF terms bound by the
store (``kg.params``), never text pasted into the query. Updates run only when asked for.

    >>> from kg.query import select
    >>> select(store, "ambassadors", brand="Balenciaga")
    [{'personName': 'Kim Kardashian', 'brandName': 'Balenciaga', 'since': date(2024, 1, 22), ...}]
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pyoxigraph as ox

from .errors import ParamError, QueryError, ReadOnlyViolation, UnknownQuery
from .params import ParamSpec, parse_spec, split_assignment, to_term
from .resources import resource
from .rows import to_python
from .store import Result, Store, Term
from .vocab import PREFIXES

GRAPH_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
_HEADER = re.compile(r"#\s*(title|answers|param|needs|example|unbound|given):\s?(.*)")
_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


@dataclass
class Form:
    """What a query is, found by parsing it: its kind and (for SELECT) its variables."""

    kind: str  # "select" | "ask" | "graph" | "update"
    variables: tuple[str, ...] = ()


@dataclass
class Query:
    """A SPARQL query or update and what its header comment says about it."""

    text: str
    name: str = ""  # the file's stem for a named query, "" for text
    source: str = "-e"  # the file it came from
    title: str = ""
    answers: str = ""
    params: tuple[ParamSpec, ...] = ()
    example: str = ""
    needs: tuple[tuple[str, ...], ...] = ()  # ``# needs: a or b``: at least one of these parameters
    unbound: str = ""  # ``# unbound: FILE``: the same answer planned for a whole-store listing
    given: tuple[tuple[str, str], ...] = ()  # ``# given: PARAM FILE``: ... planned to start from PARAM
    form_cache: dict[bool, Form] = field(default_factory=dict, repr=False)
    form_texts: dict[str, str] = field(default_factory=dict, repr=False)  # FILE -> text, read once

    @classmethod
    def from_text(cls, text: str, name: str = "", source: str = "-e") -> Query:
        """A query from SPARQL text, reading the ``# key: value`` header if it has one."""
        header: dict[str, list[str]] = {"title": [], "answers": [], "param": [], "example": [], "needs": [],
                                         "unbound": [], "given": []}
        last = ""
        for line in text.splitlines():
            stripped = line.strip()
            if not stripped:
                continue
            if not stripped.startswith("#"):
                break
            if m := _HEADER.match(stripped):
                last = m.group(1)
                header[last].append(m.group(2).strip())
            elif last in ("title", "answers") and header[last]:
                header[last][-1] += " " + stripped.lstrip("#").strip()
        return cls(text, name, source, " ".join(header["title"]), " ".join(header["answers"]),
                   tuple(parse_spec(p) for p in header["param"]), " ".join(header["example"]),
                   tuple(tuple(n.strip() for n in line.split(" or ")) for line in header["needs"]),
                   " ".join(header["unbound"]), tuple(_given(line) for line in header["given"]))

    @cached_property
    def variables(self) -> set[str]:
        """Every variable name the text mentions (for checking --param names)."""
        return set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", self.text))

    @cached_property
    def listing(self) -> str:
        """The text to run when no parameter is given.

        Oxigraph keeps a query's join order whatever is bound, so a query written to start
        from the one person or house asked about walks every fact by lookups when asked about
        all of them. ``# unbound: FILE`` names the same query written for that case (whole
        properties joined by hash); a test holds the two to the same rows.
        """
        return self._form_text(self.unbound, "the listing form") if self.unbound else self.text

    def text_for(self, given: Iterable[str]) -> str:
        """The text to run with these parameters given: the listing form when none is, the
        form a ``# given: PARAM FILE`` line plans to start from PARAM when that one is (the
        first such line that applies), else the text as written. Each form gives the same
        rows; a test holds them to it."""
        given = set(given)
        if not given:
            return self.listing
        for param, file in self.given:
            if param in given:
                return self._form_text(file, f"the form given {param}")
        return self.text

    def _form_text(self, file: str, what: str) -> str:
        if file not in self.form_texts:
            path = Path(self.source).parent / file
            try:
                self.form_texts[file] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise QueryError(f"cannot read {path}, {what} of {self.name or self.source}: {exc}") from None
        return self.form_texts[file]

    def form(self, allow_update: bool = False) -> Form:
        """Parse the text; raise ``QueryError`` with line, column and text on a syntax error."""
        if allow_update not in self.form_cache:
            self.form_cache[allow_update] = detect_form(self.text, allow_update)
        return self.form_cache[allow_update]


def queries_dir() -> Path:
    """The folder of named queries."""
    return resource("queries")


def named_queries() -> list[Query]:
    """Every named query, by name."""
    return [_read(path) for path in sorted(queries_dir().glob("*.rq"), key=lambda p: p.stem)]


def load_query(ref: str) -> Query:
    """A query from a ``.rq`` path or a name from ``queries/``; ``UnknownQuery`` lists near names."""
    path = Path(ref)
    if path.is_file():
        return _read(path)
    named = queries_dir() / f"{path.stem if ref.endswith('.rq') else ref}.rq"
    if "/" not in ref and named.is_file():
        return _read(named)
    if ref.endswith(".rq") or "/" in ref:
        raise UnknownQuery(f"no query file {ref}")
    names = sorted(p.stem for p in queries_dir().glob("*.rq"))
    near = difflib.get_close_matches(ref, names, n=3, cutoff=0.6)
    near += [n for n in names if (ref in n or n in ref) and n not in near]
    hint = f"nearest: {', '.join(near[:4])}" if near else f"known: {', '.join(names)}"
    raise UnknownQuery(f"no named query {ref!r}; {hint} (`kg queries` lists them)")


def as_query(query: Query | str) -> Query:
    """A ``Query`` from itself, a name, a ``.rq`` path, or SPARQL text (anything with spaces)."""
    if isinstance(query, Query):
        return query
    if query.endswith(".rq") or not any(c.isspace() or c == "{" for c in query):
        return load_query(query)
    return Query.from_text(query)


def _read(path: Path) -> Query:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read {path}: {exc}") from None
    return Query.from_text(text, path.stem, str(path))


def detect_form(text: str, allow_update: bool = False) -> Form:
    """Parse ``text`` as a query, else as an update, without touching any store of ours.

    Queries are parsed by Oxigraph (against an empty in-memory store). An update is
    recognised by rdflib's parser, which executes nothing; Oxigraph is only asked to
    parse it (on an empty in-memory store) to locate an error, or when updates are allowed.
    """
    try:
        answer = ox.Store().query(text, prefixes=PREFIXES)
    except SyntaxError as query_error:
        if not allow_update and _rdflib_parses_update(text):
            return Form("update")
        try:
            ox.Store().update(text, prefixes=PREFIXES)
        except SyntaxError as update_error:
            raise _furthest(text, query_error, update_error) from None
        return Form("update")
    if isinstance(answer, ox.QuerySolutions):
        return Form("select", tuple(v.value for v in answer.variables))
    if isinstance(answer, ox.QueryBoolean | bool):
        return Form("ask")
    return Form("graph")


def _rdflib_parses_update(text: str) -> bool:
    return _rdflib_failure(text, update=True) is None


def _rdflib_failure(text: str, update: bool) -> tuple[int, int] | None:
    """Where rdflib's parser (which executes nothing) fails on ``text``: (line, column), or None."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    head = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
    try:
        (parseUpdate if update else parseQuery)(head + text)
    except Exception as exc:  # any parse failure; pyparsing's carries lineno and col
        return (getattr(exc, "lineno", 1) - 1, getattr(exc, "col", 0))
    return None


def _position(error: SyntaxError) -> tuple[int, int]:
    m = _POSITION.match(str(error))
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def _offset(text: str, line: int, column: int) -> int:
    return sum(len(x) for x in text.splitlines(keepends=True)[:line - 1]) + column - 1


def _furthest(text: str, query_error: SyntaxError, update_error: SyntaxError) -> QueryError:
    """The error that got further into the text, as line, column, message and the text there.

    Oxigraph often reports the end of the text (where its look-ahead stopped); rdflib's
    parser then usually points at the offending token, so its position is shown instead.
    """
    error = max(query_error, update_error, key=_position)
    m = _POSITION.match(str(error))
    if not m:
        return QueryError(f"SPARQL syntax error: {error}")
    line, column, message = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if len(message) > 120:  # Oxigraph lists every character class it would accept
        message = message[:message.rfind(", ", 0, 120)] + ", ..."
    if not text[_offset(text, line, column):].strip():
        spot = _rdflib_failure(text, update=error is update_error)
        if spot and spot[0] >= 1 and text[_offset(text, *spot):].strip():
            line, column = spot
            message = f"at the end of the query, {message}"
    after = text[_offset(text, line, column):]
    near = after.split("\n", 1)[0][:30].strip()
    if near:
        near = repr(near)
    else:
        before = " ".join(text[:_offset(text, line, column)].split())[-30:]
        near = f"end of {'line' if after.strip() else 'query'}, after {before!r}"
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {message}; near: {near}")


def bindings(store: Store, query: Query, params: Mapping[str, object]) -> dict[str, Term]:
    """``params`` (name -> text or Python value) as terms, checked against the query."""
    form = query.form()
    declared = {p.name: p for p in query.params}
    for name in params:
        if declared and name not in declared:
            listed = ", ".join(declared) or "none"
            raise ParamError(f"query {query.name or query.source} has no parameter {name!r}; "
                             f"its parameters: {listed}")
        if not declared and name not in query.variables:
            raise ParamError(f"the query has no variable ?{name} to bind")
        if form.kind == "select" and name not in form.variables:
            raise ParamError(f"?{name} is not among the query's result variables "
                             f"({', '.join(form.variables)}); only those can be bound")
    for names in query.needs:
        if not any(n in params for n in names):
            raise ParamError(f"query {query.name or query.source} needs "
                             + " or ".join(f"--param {n}=..." for n in names))
    missing = [p for p in query.params if p.required and p.name not in params]
    if missing:
        needs = " ".join(f"--param {p.name}=..." for p in missing)
        raise ParamError(f"query {query.name or query.source} needs {needs}"
                         + "".join(f" ({p.name}: {p.description})" for p in missing if p.description))
    terms = {}
    for name, value in params.items():
        spec = declared.get(name, ParamSpec(name))
        try:
            terms[name] = to_term(value, spec.type, store)
        except ParamError as exc:
            raise ParamError(f"--param {name}: {exc}") from None
    return terms


def parse_params(assignments: Iterable[str]) -> dict[str, str]:
    """``NAME=VALUE`` strings as a dict; a name given twice is an error."""
    params: dict[str, str] = {}
    for text in assignments:
        name, value = split_assignment(text)
        if name in params:
            raise ParamError(f"--param {name} given twice")
        params[name] = value
    return params


def _given(line: str) -> tuple[str, str]:
    """``PARAM FILE`` of a ``# given:`` header line."""
    param, _, file = line.partition(" ")
    return param.strip(), file.strip()


def check(query: Query, update: bool = False) -> Form:
    """Parse the query (``QueryError`` on bad syntax) and refuse an update unless ``update``."""
    form = query.form(allow_update=update)
    if form.kind == "update" and not update:
        raise ReadOnlyViolation("this is a SPARQL update and queries are read-only; "
                                "pass --update to change the store")
    return form


def run(store: Store, query: Query | str, params: Mapping[str, object] | None = None,
        update: bool = False) -> Result:
    """Run a query (kind select, ask or graph) or, only when ``update`` is true, an update."""
    query = as_query(query)
    if check(query, update).kind == "update":
        if params:
            raise ParamError("--param cannot be used with an update")
        store.update(query.text)
        return Result("update", [])
    terms = bindings(store, query, params or {})
    return store.query(query.text_for(terms), terms)


def records(result: Result) -> Iterator[dict[str, object]]:
    """A SELECT result's rows as dicts of Python values (str, int, Decimal, date, bool)."""
    for row in result.rows or ():
        yield {v: to_python(t) for v, t in zip(result.variables, row, strict=False)}


def select(store: Store, query: Query | str, **params: object) -> list[dict[str, object]]:
    """Rows of a SELECT as dicts of Python values; IRIs are strings, unbound values None."""
    result = run(store, query, params)
    if result.kind != "select":
        raise QueryError(f"select() needs a SELECT query, not a {result.kind} one; use run()")
    return list(records(result))


def ask(store: Store, query: Query | str, **params: object) -> bool:
    """The answer of an ASK query."""
    result = run(store, query, params)
    if result.kind != "ask":
        raise QueryError(f"ask() needs an ASK query, not a {result.kind} one; use run()")
    return bool(result.boolean)


def serialize_graph(triples: Iterable[ox.Triple], fmt: str = "ttl") -> bytes:
    """CONSTRUCT/DESCRIBE triples, each once and sorted, as Turtle, N-Triples or JSON-LD.

    The ``id:`` prefix is left out: its local names need escaped slashes in Turtle.
    """
    unique = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    prefixes = None if fmt == "nt" else {p: ns for p, ns in PREFIXES.items() if p != "id"}
    return ox.serialize(unique, format=GRAPH_FORMATS[fmt], prefixes=prefixes)
