"""Where the graph lives: embedded on-disk Oxigraph, in-memory, or a SPARQL 1.1 server.

Every store answers SPARQL over the union of all article graphs and writes whole
articles, a batch at a time: graphs that may already be stored are replaced in one SPARQL
update (``DROP SILENT GRAPH`` then ``INSERT DATA``) and graphs known to be new are added
in one more transaction (an Oxigraph ``load`` of TriG, or one ``INSERT DATA`` on a
server). Oxigraph and any SPARQL 1.1 server apply each atomically, so a crash leaves only
whole articles. The ``DROP`` is skipped for new graphs because it costs about a third of
the write time on a server.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .errors import QueryError, StoreError, StoreLocked, StoreMissing
from .vocab import PREFIXES

DEFAULT_STORE = "./kg-store"
Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class ArticleGraph:
    """One article's named graph, ready to write."""

    iri: str
    ntriples: str  # the graph's triples, N-Triples/Turtle term syntax
    content_hash: str
    new: bool = False  # known to be absent from the store: written without a DROP

    def trig(self) -> str:
        """The graph as a TriG block, for loading."""
        return f"<{self.iri}> {{\n{self.ntriples}\n}}"


@dataclass
class Result:
    """A query's answer: rows of terms (SELECT), a boolean (ASK) or RDF bytes (CONSTRUCT)."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str]
    rows: Iterator[tuple[Term | None, ...]] | None = None
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None


def store_spec(spec: str | os.PathLike | None = None) -> str:
    """The store location: the argument, else ``KG_STORE``, else ``./kg-store``."""
    return str(spec or os.environ.get("KG_STORE") or DEFAULT_STORE)


def open_store(spec: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """Open a store from a directory path, ``memory``, or an ``http(s)://`` endpoint URL."""
    spec = store_spec(spec)
    if spec == "memory":
        return OxigraphStore(ox.Store(), "memory")
    if spec.startswith(("http://", "https://")):
        return RemoteStore(spec)
    return OxigraphStore.on_disk(Path(spec), read_only=read_only)


class Store:
    """The operations every store offers."""

    location: str
    read_only: bool = False

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result:
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Release the store (the on-disk lock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, graphs: Iterable[ArticleGraph]) -> None:
        """Replace each article's graph: at most two atomic updates per batch."""
        graphs = list(graphs)
        self._replace([g for g in graphs if not g.new])
        self._insert([g for g in graphs if g.new])

    def _replace(self, graphs: list[ArticleGraph]) -> None:
        """Drop and rewrite graphs that may exist, in one update."""
        parts = []
        for graph in graphs:
            parts.append(f"DROP SILENT GRAPH <{graph.iri}>")
            parts.append(f"INSERT DATA {{ GRAPH <{graph.iri}> {{\n{graph.ntriples}\n}} }}")
        if parts:
            self.update(" ;\n".join(parts))

    def _insert(self, graphs: list[ArticleGraph]) -> None:
        """Add graphs known to be new, in one update."""
        if graphs:
            body = "\n".join(f"GRAPH <{g.iri}> {{\n{g.ntriples}\n}}" for g in graphs)
            self.update(f"INSERT DATA {{\n{body}\n}}")

    def remove(self, iris: Iterable[str]) -> None:
        """Drop article graphs."""
        parts = [f"DROP SILENT GRAPH <{iri}>" for iri in iris]
        if parts:
            self.update(" ;\n".join(parts))

    def article_hashes(self, iris: Iterable[str] = (), hashes: Iterable[str] = ()) -> dict[str, str]:
        """Stored article graphs (IRI -> content hash) among ``iris`` or having one of ``hashes``."""
        iris, hashes = list(iris), list(hashes)
        if not iris and not hashes:
            return {}
        values = " ".join(f"<{i}>" for i in iris)
        hvalues = " ".join(json.dumps(h) for h in hashes)
        filters = []
        if iris:
            filters.append(f"{{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?g fkg:contentHash ?h }} }}")
        if hashes:
            filters.append(f"{{ VALUES ?h {{ {hvalues} }} GRAPH ?g {{ ?g fkg:contentHash ?h }} }}")
        result = self.query(f"PREFIX fkg: <{PREFIXES['fkg']}>\nSELECT ?g ?h WHERE {{ "
                            + " UNION ".join(filters) + " }")
        return {row[0].value: row[1].value for row in result.rows or () if row[0] and row[1]}


def _prefixed(sparql: str) -> str:
    """The query with the product's prefixes declared where it does not declare them."""
    lowered = sparql.lower()
    head = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if f"prefix {p}:" not in lowered]
    return "\n".join(head + [sparql])


class OxigraphStore(Store):
    """pyoxigraph, on disk or in memory."""

    def __init__(self, store: ox.Store, location: str, read_only: bool = False) -> None:
        self._store = store
        self.location = location
        self.read_only = read_only

    @classmethod
    def on_disk(cls, path: Path, read_only: bool = False) -> OxigraphStore:
        if read_only:
            if not path.is_dir():
                raise StoreMissing(f"no store at {path}: run `kg ingest` first or pass --store")
            try:
                return cls(ox.Store.read_only(str(path)), str(path), read_only=True)
            except OSError as exc:
                raise StoreError(f"cannot open store {path}: {str(exc).splitlines()[0]}") from None
            except RuntimeError:  # RocksDB's column families are not all there yet
                raise StoreError(f"store {path} is being created by another kg process; "
                                 "try again in a moment") from None
        if path.exists() and not path.is_dir():
            raise StoreError(f"store path {path} is a file, not a directory")
        try:
            return cls(ox.Store(str(path)), str(path))
        except OSError as exc:
            if "LOCK" in str(exc) or "lock" in str(exc):
                raise StoreLocked(f"store {path} is in use by another kg process") from None
            raise StoreError(f"cannot open store {path}: {str(exc).splitlines()[0]}") from None

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result:
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            answer = self._store.query(_prefixed(sparql), use_default_graph_as_union=True,
                                       substitutions=subs or None)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from None
        if isinstance(answer, bool | ox.QueryBoolean):  # pyoxigraph 0.5 answers ASK with QueryBoolean
            return Result("ask", [], boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            return Result("select", variables, rows=(tuple(row) for row in answer))
        return Result("graph", ["subject", "predicate", "object"], triples=list(answer))

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        try:
            self._store.update(_prefixed(sparql))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from None
        except OSError as exc:
            raise StoreError(f"write to {self.location} failed: {exc}") from None

    def write(self, graphs: Iterable[ArticleGraph]) -> None:
        """Replace each article's graph; graphs not stored yet go in by one TriG ``load``."""
        fresh: list[ArticleGraph] = []
        stored: list[ArticleGraph] = []
        for graph in graphs:
            (fresh if graph.new or not self._stored(graph.iri) else stored).append(graph)
        self._replace(stored)
        self._insert(fresh)

    def _stored(self, iri: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(iri))

    def _insert(self, graphs: list[ArticleGraph]) -> None:
        if not graphs:
            return
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        try:  # ``load`` is one transaction, about twice as fast as INSERT DATA
            self._store.load("\n".join(g.trig() for g in graphs), ox.RdfFormat.TRIG)
        except SyntaxError as exc:
            raise StoreError(f"write to {self.location} failed: bad RDF: {exc}") from None
        except OSError as exc:
            raise StoreError(f"write to {self.location} failed: {exc}") from None

    def bulk_load(self, nquads: bytes) -> None:
        """Load N-Quads fast, without a transaction (for initial loads of large dumps)."""
        self._store.bulk_load(nquads, ox.RdfFormat.N_QUADS)

    def load_file(self, path: Path, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, bulk: bool = False) -> None:
        """Load an RDF file: in one transaction, or with ``bulk`` by the bulk loader (not atomic,
        several times faster, memory bounded: for a first load of large dumps)."""
        try:
            if bulk:
                self._store.bulk_load(path=str(path), format=fmt)
            else:
                self._store.load(path=str(path), format=fmt)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"cannot load {path}: {exc}") from None

    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, output: BinaryIO | None = None,
             prefixes: Mapping[str, str] | None = None) -> bytes | None:
        """All named graphs, serialised: returned, or streamed into ``output`` when given."""
        return self._store.dump(output, format=fmt, prefixes=dict(prefixes) if prefixes else None)

    def close(self) -> None:
        if not self.read_only and self.location != "memory":
            try:
                self._store.flush()
            except OSError:
                pass
        self._store = None  # type: ignore[assignment]  # releases the RocksDB lock


class RemoteStore(Store):
    """A SPARQL 1.1 server over HTTP (Query, Update and Graph Store Protocols).

    ``http://host:7878`` is an Oxigraph server (``/query``, ``/update``, ``/store``);
    ``http://host:3030/ds`` a Fuseki dataset (``/ds/query``, ``/ds/update``, ``/ds/data``).
    Queries ask for the union of all graphs as the default graph.
    """

    def __init__(self, url: str, timeout: float = 300) -> None:
        self.location = url.rstrip("/")
        base = self.location
        for tail in ("/query", "/sparql"):
            if base.endswith(tail):
                base = base[: -len(tail)]
        path = urllib.parse.urlparse(base).path
        self.oxigraph = path in ("", "/")
        self.query_url = base + "/query"
        self.update_url = base + "/update"
        self.timeout = timeout

    def _post(self, url: str, body: bytes, content_type: str, accept: str = "*/*") -> bytes:
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            message = detail[0] if detail else exc.reason
            if exc.code == 400:
                raise QueryError(f"{url}: {message}") from None
            raise StoreError(f"{url}: HTTP {exc.code}: {message}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {getattr(exc, 'reason', exc)}") from None

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> Result:
        text = _prefixed(sparql)
        if bindings:
            text = _with_values(text, bindings)
        url = self.query_url + ("?union-default-graph" if self.oxigraph else "")
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        body = self._post(url, text.encode("utf-8"), "application/sparql-query", accept)
        if body.lstrip().startswith(b"{"):
            data = json.loads(body)
            if "boolean" in data:
                return Result("ask", [], boolean=bool(data["boolean"]))
            variables = data["head"].get("vars", [])
            rows = (tuple(_json_term(b.get(v)) for v in variables) for b in data["results"]["bindings"])
            return Result("select", variables, rows=rows)
        triples = [q.triple for q in ox.parse(body, ox.RdfFormat.N_TRIPLES)]
        return Result("graph", ["subject", "predicate", "object"], triples=triples)

    def update(self, sparql: str) -> None:
        self._post(self.update_url, _prefixed(sparql).encode("utf-8"), "application/sparql-update")


def _with_values(sparql: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables with a trailing VALUES block of serialised terms (remote stores)."""
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())
    return f"{sparql}\nVALUES ({names}) {{ ({terms}) }}"


def _json_term(value: dict | None) -> Term | None:
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if "xml:lang" in value:
        return ox.Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
    return ox.Literal(value["value"])
