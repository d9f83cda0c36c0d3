"""RDF exports streamed from the store: N-Quads, TriG, N-Triples, Turtle, RDF/XML, JSON-LD.

Quads come from a SPARQL ``GRAPH ?g`` query and go straight into pyoxigraph's streaming
serializers, so no rdflib graph is built. Triple formats merge the article graphs
(``SELECT DISTINCT``). JSON-LD is written one article graph at a time under one ``@context`` of the
project's prefixes.
A ``Selection`` (from a filtered ``to_networkx`` graph) keeps only the quads about it.
"""
from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import networkx as nx
import pyoxigraph as ox

from ..digest import DIGEST
from ..ids import assertion_iri
from ..store import OxigraphStore, Store
from ..vocab import FKG, PREFIXES, RDF

Tick = Callable[[int], None]
SERIALIZERS = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "nt": ox.RdfFormat.N_TRIPLES,
               "ttl": ox.RdfFormat.TURTLE, "xml": ox.RdfFormat.RDF_XML}
QUAD_FORMATS = ("nq", "trig", "jsonld")
CONTEXT = dict(PREFIXES)
# The article graphs only: the digest is derived from them, and rebuilt where they are loaded.
_ARTICLES = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DIGEST}>)"
_ALL = f"SELECT ?s ?p ?o ?g WHERE {{ {_ARTICLES} }}"
_DISTINCT = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {_ARTICLES} }}"
_ONE = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"  # with ?g bound
_COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ {_ARTICLES} }}"


@dataclass
class Selection:
    """What a filtered graph covers: its nodes, its relation triples, their articles."""

    nodes: set[str] = field(default_factory=set)
    triples: set[tuple[str, str, str]] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    assertions: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> Selection:
        """The selection of a ``to_networkx(..., articles=True)`` graph."""
        sel = cls(nodes=set(graph))
        sel.articles = {n for n, kind in graph.nodes(data="type") if kind == "Article"}
        for s, o, data in graph.edges(data=True):
            sel.triples.add((s, data["predicate"], o))
            for article in data.get("articles", ()):
                sel.articles.add(article)
                sel.assertions.add(assertion_iri(article, s, data["predicate"], o))
        return sel

    def keeps(self, s: str, p: str, o: str, g: str) -> bool:
        if g not in self.articles:
            return False
        if s == g:  # the article's own record; mentions only of kept entities
            return p != str(FKG.mentions) or o in self.nodes
        if s in self.assertions:
            return True
        if (s, p, o) in self.triples:
            return True
        return s in self.nodes and (p == str(RDF.type) or not o.startswith("http"))


def count_quads(store: Store) -> int:
    """How many quads an unfiltered export writes (for a progress bar's length)."""
    rows = list(store.query(_COUNT).rows or ())
    return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


def write_rdf(store: Store, fmt: str, out: BinaryIO, selection: Selection | None = None,
              tick: Tick | None = None) -> int:
    """Serialise the store (or the selection) as ``fmt`` into ``out``; the number of statements."""
    counter = _Counter(tick)
    if fmt == "jsonld":
        _write_jsonld(store, out, selection, counter)
    elif fmt == "nq" and selection is None and isinstance(store, OxigraphStore):
        with _WithoutGraph(out, DIGEST) as kept:  # streamed by pyoxigraph itself, 3x faster
            store.dump(SERIALIZERS[fmt], kept, PREFIXES)
        counter.total = count_quads(store)
        if tick:
            tick(counter.total)
    elif fmt in ("nq", "trig"):
        ox.serialize(counter.each(_quads(store, selection)), out, SERIALIZERS[fmt], prefixes=PREFIXES)
    else:
        ox.serialize(counter.each(_triples(store, selection)), out, SERIALIZERS[fmt], prefixes=PREFIXES)
    counter.flush()
    return counter.total


def _quads(store: Store, selection: Selection | None) -> Iterator[ox.Quad]:
    if selection is None:
        for s, p, o, g in store.query(_ALL).rows or ():
            yield ox.Quad(s, p, o, g)
        return
    for article in sorted(selection.articles):
        yield from _graph_quads(store, article, selection)


def _graph_quads(store: Store, graph: str, selection: Selection | None) -> Iterator[ox.Quad]:
    for s, p, o, g in store.query(_ONE, {"g": ox.NamedNode(graph)}).rows or ():
        if selection is None or selection.keeps(s.value, p.value, _text(o), g.value):
            yield ox.Quad(s, p, o, g)


def _triples(store: Store, selection: Selection | None) -> Iterator[ox.Triple]:
    if selection is None:
        for s, p, o in store.query(_DISTINCT).rows or ():
            yield ox.Triple(s, p, o)
        return
    seen: set[ox.Triple] = set()
    for quad in _quads(store, selection):
        triple = quad.triple
        if triple not in seen:
            seen.add(triple)
            yield triple


def _write_jsonld(store: Store, out: BinaryIO, selection: Selection | None, counter: _Counter) -> None:
    """``{"@context": ..., "@graph": [{"@id": article, "@graph": [...]}, ...]}``, graph by graph.

    pyoxigraph writes each graph as expanded JSON-LD (it ignores prefixes); ``_compact``
    then shortens property and type IRIs to the ``@context``'s prefixes (rdflib's JSON-LD
    writer does the same but was 60 times slower: 17 ms a graph).
    """
    out.write(b'{\n"@context": ' + json.dumps(CONTEXT, indent=1).encode() + b',\n"@graph": [')
    first = True
    quads = counter.each(_quads(store, selection))
    for _, group in itertools.groupby(quads, key=lambda quad: quad.graph_name):
        by_subject = sorted(group, key=lambda quad: (str(quad.subject), str(quad.predicate)))
        expanded = json.loads(ox.serialize(by_subject, None, ox.RdfFormat.JSON_LD))
        for graph in expanded if isinstance(expanded, list) else [expanded]:
            body = json.dumps(_compact(graph), ensure_ascii=False, indent=1)
            out.write((b"\n" if first else b",\n") + body.encode("utf-8"))
            first = False
    out.write(b"\n]\n}\n")


_NAMESPACES = sorted(CONTEXT.items(), key=lambda item: -len(item[1]))
_RDF_TYPE = str(RDF.type)


def _curie(iri: str) -> str:
    for prefix, namespace in _NAMESPACES:
        rest = iri[len(namespace):]
        if iri.startswith(namespace) and rest and not rest.startswith("//"):
            return f"{prefix}:{rest}"
    return iri


def _compact(node: Any) -> Any:
    """Expanded JSON-LD with vocabulary IRIs as ``prefix:name`` and one-item lists unwrapped."""
    if isinstance(node, list):
        items = [_compact(item) for item in node]
        return items[0] if len(items) == 1 else items
    if not isinstance(node, dict):
        return node
    if set(node) == {"@value"} and isinstance(node["@value"], str):
        return node["@value"]  # a plain string literal
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == _RDF_TYPE and all(isinstance(v, dict) and set(v) == {"@id"} for v in value):
            out["@type"] = _compact([_curie(v["@id"]) for v in value])
        elif key == "@type":
            out[key] = _compact([_curie(v) for v in value]) if isinstance(value, list) else _curie(value)
        elif key.startswith("@"):
            out[key] = value if key == "@id" else _compact(value)
        else:
            out[_curie(key)] = _compact(value)
    return out


def _text(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """An IRI as itself; any literal as a string that does not start with ``http``."""
    return term.value if isinstance(term, ox.NamedNode) else f'"{term.value}"'


class _WithoutGraph:
    """A binary stream that passes N-Quads through, less the lines of one graph."""

    def __init__(self, out: BinaryIO, graph: str) -> None:
        self.out = out
        self.suffix = f" <{graph}> .".encode()
        self.rest = b""

    def write(self, data: bytes) -> int:
        lines = (self.rest + bytes(data)).split(b"\n")
        self.rest = lines.pop()
        kept = [line for line in lines if not line.endswith(self.suffix)]
        if kept:
            self.out.write(b"\n".join(kept) + b"\n")
        return len(data)

    def flush(self) -> None:
        self.out.flush()

    def __enter__(self) -> _WithoutGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.rest and not self.rest.endswith(self.suffix):
            self.out.write(self.rest)
        self.rest = b""


class _Counter:
    """Counts statements as they stream past, telling ``tick`` every few thousand."""

    def __init__(self, tick: Tick | None, every: int = 5000) -> None:
        self.tick, self.every, self.total, self._pending = tick, every, 0, 0

    def each(self, items: Iterator) -> Iterator:
        for item in items:
            self.total += 1
            self._pending += 1
            if self._pending >= self.every:
                self.flush()
            yield item

    def flush(self) -> None:
        if self.tick and self._pending:
            self.tick(self._pending)
        self._pending = 0
