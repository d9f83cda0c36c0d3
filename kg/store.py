"""Where the graph lives: embedded on-disk Oxigraph, in-memory, or a SPARQL 1.1 server.

Every store answers SPARQL over the union of all article graphs and writes whole
articles, a batch at a time: graphs that may already be stored are replaced in one SPARQL
update (``DROP SILENT GRAPH`` then ``INSERT DATA``), and graphs known to be new are added
in one more atomic step: one ``INSERT DATA`` on a server; on Oxigraph a ``load`` of TriG
(one transaction), or for large batches its bulk loader, which ingests its sorted files
in one atomic step. So a crash leaves only whole articles. New graphs skip the ``DROP``:
it costs about a third of the write time on a server.
"""
from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .digest import DIGEST, mark_stored, stale_marks
from .errors import QueryError, StoreError, StoreLocked, StoreMissing
from .vocab import PREFIXES

DEFAULT_STORE = "./kg-store"
# From this many triples a batch of new graphs goes through Oxigraph's bulk loader: about 3x
# faster than a transaction for 30k triples, but slower for a few thousand (each call
# writes its own set of sorted files).
BULK_MIN_TRIPLES = 20_000
# Transactions fill RocksDB's in-memory tables, which grow to hundreds of MB before RocksDB
# writes them out: flushing after this many triples keeps an ingest's memory flat.
FLUSH_EVERY_TRIPLES = 200_000
Term = ox.NamedNode | ox.BlankNode | ox.Literal


@dataclass
class ArticleGraph:
    """One article's named graph, ready to write."""

    iri: str
    ntriples: str  # the graph's triples, N-Triples/Turtle term syntax
    content_hash: str
    new: bool = False  # known to be absent from the store: written without a DROP

    def trig(self) -> str:
        """The graph as a TriG block, for loading, with its marks for the digest."""
        return f"<{self.iri}> {{\n{self.ntriples}\n}}\n<{DIGEST}> {{\n{stale_marks(self.ntriples)}\n}}"

    def insert_data(self) -> str:
        """The graph and its marks for the digest, as the body of an ``INSERT DATA``."""
        return (f"GRAPH <{self.iri}> {{\n{self.ntriples}\n}}\n"
                f"GRAPH <{DIGEST}> {{\n{stale_marks(self.ntriples)}\n}}")


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

    def optimize(self, force: bool = False) -> None:
        """Tidy the store after a large write, if it gains from it (ingest calls this last);
        with ``force``, whatever was written (after the digest is rebuilt)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, graphs: Iterable[ArticleGraph]) -> None:
        """Replace each article's graph: at most two atomic updates per batch."""
        graphs = _last_of_each(graphs)
        self._replace([g for g in graphs if not g.new])
        self._insert([g for g in graphs if g.new])

    def _replace(self, graphs: list[ArticleGraph]) -> None:
        """Drop and rewrite graphs that may exist, in one update."""
        if not graphs:
            return
        parts = [mark_stored(g.iri for g in graphs)]  # what they held is recounted too
        for graph in graphs:
            parts.append(f"DROP SILENT GRAPH <{graph.iri}>")
            parts.append(f"INSERT DATA {{ {graph.insert_data()} }}")
        self.update(" ;\n".join(parts))

    def _insert(self, graphs: list[ArticleGraph]) -> None:
        """Add graphs known to be new, in one update."""
        if graphs:
            body = "\n".join(g.insert_data() for g in graphs)
            self.update(f"INSERT DATA {{\n{body}\n}}")

    def change(self, remove: list[ox.Quad], add: list[ox.Quad]) -> None:
        """Remove and add these quads, in one update."""
        parts = [f"{verb} {{\n{_quad_block(quads)}\n}}" for verb, quads in (("DELETE DATA", remove),
                                                                            ("INSERT DATA", add)) if quads]
        if parts:
            self.update(" ;\n".join(parts))

    def bulk_load_files(self, paths: Sequence[Path], progress: Callable[[str], None] | None = None
                        ) -> dict[Path, str]:
        """Add the quads of N-Quads files, each file in one atomic step; the error of each
        file that failed (its quads are not stored). ``progress`` gets each file done."""
        raise StoreError(f"{self.location} cannot load files: use the server's own bulk loader")

    def remove(self, iris: Iterable[str]) -> None:
        """Drop article graphs."""
        iris = list(iris)
        if iris:
            self.update(" ;\n".join([mark_stored(iris), *(f"DROP SILENT GRAPH <{iri}>" for iri in iris)]))

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


def _last_of_each(graphs: Iterable[ArticleGraph]) -> list[ArticleGraph]:
    """One graph per IRI, the last given; a graph given twice is no longer known to be new."""
    last: dict[str, ArticleGraph] = {}
    for graph in graphs:
        if graph.iri in last:
            graph.new = False
            del last[graph.iri]
        last[graph.iri] = graph
    return list(last.values())


def _quad_block(quads: list[ox.Quad]) -> str:
    """Quads as ``GRAPH <g> { s p o . ... }`` blocks, for INSERT DATA and DELETE DATA."""
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.triple} .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())


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
        self._unflushed = 0  # triples written by transactions since the last flush
        self._bulk_bytes = 0  # TriG bytes through the bulk loader since the last optimize

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
            path.parent.mkdir(parents=True, exist_ok=True)
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
        except (OSError, RuntimeError) as exc:  # RuntimeError: a binding the query cannot take
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
        for graph in _last_of_each(graphs):
            (fresh if graph.new or not self._stored(graph.iri) else stored).append(graph)
        self._replace(stored)
        self._insert(fresh)
        self._unflushed += sum(g.ntriples.count("\n") + 1 for g in stored)
        if self._unflushed >= FLUSH_EVERY_TRIPLES and self.location != "memory":
            self._store.flush()
            self._unflushed = 0

    def change(self, remove: list[ox.Quad], add: list[ox.Quad]) -> None:
        """Add, then remove: many additions go through the bulk loader (atomic on its own),
        the rest in one transaction."""
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        try:
            if len(add) >= BULK_MIN_TRIPLES:
                self._store.bulk_extend(add)
                add = []
            if remove:
                super().change(remove, add)
            elif add:
                self._store.extend(add)
        except OSError as exc:
            raise StoreError(f"write to {self.location} failed: {exc}") from None
        self._unflushed += len(add) + len(remove)

    def _stored(self, iri: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(iri))

    def _insert(self, graphs: list[ArticleGraph]) -> None:
        if not graphs:
            return
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        data = "\n".join(g.trig() for g in graphs)
        triples = sum(g.ntriples.count("\n") + 1 for g in graphs)
        try:  # both are atomic: ``load`` a transaction, ``bulk_load`` one ingestion of sorted files
            if triples >= BULK_MIN_TRIPLES:
                self._store.bulk_load(data, ox.RdfFormat.TRIG)
                self._bulk_bytes += len(data)
            else:
                self._store.load(data, ox.RdfFormat.TRIG)
                self._unflushed += triples
        except SyntaxError as exc:
            raise StoreError(f"write to {self.location} failed: bad RDF: {exc}") from None
        except OSError as exc:
            raise StoreError(f"write to {self.location} failed: {exc}") from None

    def optimize(self, force: bool = False) -> None:
        """Compact after bulk loads that added a tenth of the store or more: each bulk load
        leaves its own sorted files, and queries read 2 to 3 times faster once they are
        merged (2 s for 10,000 articles). A rebuilt digest leaves a tombstone for each
        quad it replaced, which slow its reads as much until compacted (``force``: 19 s
        at 100,000 articles)."""
        if self.location == "memory" or self.read_only:
            return
        if force:
            self._store.optimize()
        elif self._bulk_bytes:
            on_disk = sum(f.stat().st_size for f in Path(self.location).iterdir() if f.is_file())
            if self._bulk_bytes * 10 >= on_disk:
                self._store.optimize()
        self._bulk_bytes = 0

    def bulk_load_files(self, paths: Sequence[Path], progress: Callable[[str], None] | None = None
                        ) -> dict[Path, str]:
        """Oxigraph's bulk loader, one file per core at a time: it writes its sorted files on
        one core, so two files load in about half the time of one file twice their size."""
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")

        def one(path: Path) -> str:
            try:
                self._store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            except SyntaxError as exc:
                return f"bad N-Quads: {exc}"
            except OSError as exc:
                return str(exc).splitlines()[0]
            return ""

        errors: dict[Path, str] = {}
        with ThreadPoolExecutor(max_workers=max(1, min(len(paths), os.cpu_count() or 1))) as pool:
            for future in as_completed(futures := {pool.submit(one, path): path for path in paths}):
                if error := future.result():
                    errors[futures[future]] = error
                if progress:
                    progress(str(futures[future]))
        self._bulk_bytes += sum(path.stat().st_size for path in paths if path not in errors)
        return errors

    def bulk_load(self, nquads: bytes) -> None:
        """Load N-Quads fast, without a transaction (for initial loads of large dumps)."""
        self._store.bulk_load(nquads, ox.RdfFormat.N_QUADS)

    def load_file(self, path: Path, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS, bulk: bool = False) -> None:
        """Load an RDF file: in one transaction, or with ``bulk`` by the bulk loader (also
        all or nothing, several times faster, memory bounded: for first loads of large dumps)."""
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
    """A SPARQL 1.1 server over HTTP (the Query and Update Protocols, form-encoded POSTs).

    The URL's path tells the layout: ``http://host:7878`` is an Oxigraph server
    (``/query``, ``/update``); ``http://host:3030/ds`` a Fuseki dataset (``/ds/query``,
    ``/ds/update``); ``http://host:7200/repositories/ID`` GraphDB or RDF4J (updates to
    ``/statements``); a URL ending in ``/sparql`` one endpoint for both (Amazon Neptune,
    Virtuoso, Blazegraph). Queries need the union of all graphs as the default graph:
    asked of Oxigraph per query, the default on GraphDB and Neptune, a dataset setting
    on Fuseki (``tdb2:unionDefaultGraph true``).
    """

    def __init__(self, url: str, timeout: float = 300) -> None:
        self.location = url.rstrip("/")
        self.query_url, self.update_url, self.oxigraph = endpoints(self.location)
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
        form = {"query": text, **({"union-default-graph": "true"} if self.oxigraph else {})}
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        body = self._post(self.query_url, urllib.parse.urlencode(form).encode("ascii"), _FORM, accept)
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
        self._post(self.update_url, urllib.parse.urlencode({"update": _prefixed(sparql)}).encode("ascii"), _FORM)

    def bulk_load_files(self, paths: Sequence[Path], progress: Callable[[str], None] | None = None
                        ) -> dict[Path, str]:
        """POST each file to the server's Graph Store Protocol endpoint, one request (and on
        Oxigraph, GraphDB and Fuseki one transaction) per file."""
        target = data_endpoint(self.location, self.update_url, self.oxigraph)
        errors: dict[Path, str] = {}
        for path in paths:
            try:
                with path.open("rb") as body:
                    request = urllib.request.Request(target, data=body, method="POST", headers={
                        "Content-Type": "application/n-quads", "Content-Length": str(path.stat().st_size)})
                    with urllib.request.urlopen(request, timeout=self.timeout) as response:
                        response.read()
            except urllib.error.HTTPError as exc:
                detail = exc.read().decode("utf-8", "replace").strip().splitlines()
                errors[path] = f"{target}: HTTP {exc.code}: {detail[0] if detail else exc.reason}"
            except (urllib.error.URLError, OSError) as exc:
                errors[path] = f"cannot load into {target}: {getattr(exc, 'reason', exc)}"
            if progress:
                progress(str(path))
        return errors


_FORM = "application/x-www-form-urlencoded"


def endpoints(url: str) -> tuple[str, str, bool]:
    """(query URL, update URL, whether it is an Oxigraph server) for a server's URL."""
    path = urllib.parse.urlparse(url).path.rstrip("/")
    if re.search(r"/repositories/[^/]+$", path):
        return url, url + "/statements", False
    if path.endswith("/sparql"):
        return url, url, False
    base = url[: -len("/query")] if path.endswith("/query") else url
    return base + "/query", base + "/update", urllib.parse.urlparse(base).path in ("", "/")


def data_endpoint(url: str, update_url: str, oxigraph: bool) -> str:
    """Where a server takes N-Quads by POST: Oxigraph's ``/store``, RDF4J and GraphDB's
    ``/statements``, a Fuseki dataset's ``/data``; one SPARQL endpoint (Neptune, Virtuoso)
    has none kg knows."""
    if oxigraph:
        return url.rstrip("/") + "/store"
    if update_url.endswith("/statements"):
        return update_url
    if update_url == url:
        raise StoreError(f"{url} takes no files kg knows how to send: use the server's own bulk loader")
    return update_url[: -len("/update")] + "/data"


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)
_COMMENT_LINE = re.compile(r"(?m)^\s*#.*$")


def _with_values(sparql: str, bindings: Mapping[str, Term]) -> str:
    """Bind variables with VALUES blocks of serialised terms (remote stores).

    A block opening the WHERE group is joined first, as pyoxigraph's substitutions are (on
    Oxigraph up to 70x faster than a block after the query). A variable that is also an
    alias (``AS ?relation``) goes in a block after the query, as do all of them when there
    is no WHERE.
    """
    code = _COMMENT_LINE.sub(lambda m: " " * len(m.group()), sparql)
    where = _WHERE.search(code)
    aliased = {k for k in bindings if re.search(rf"\bAS\s+[?$]{k}\b", code, re.I)}
    first = {k: v for k, v in bindings.items() if where and k not in aliased}
    last = {k: v for k, v in bindings.items() if k not in first}
    if first:
        sparql = f"{sparql[:where.end()]}\n  {_values_block(first)}\n{sparql[where.end():]}"
    return f"{sparql}\n{_values_block(last)}" if last else sparql


def _values_block(bindings: Mapping[str, Term]) -> str:
    names = " ".join(f"?{k}" for k in bindings)
    return f"VALUES ({names}) {{ ({' '.join(str(v) for v in bindings.values())}) }}"


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
