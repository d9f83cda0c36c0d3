"""Check the graph against ``ontology/shapes.ttl`` with pySHACL, and say what fails in words.

pySHACL is about 80x slower on an oxrdflib-backed graph than on rdflib's memory store,
so :func:`validate` copies the union of the article graphs into memory first. The copy
is a set: a triple stated by several articles (an entity's type and label) is held once,
which is what the shapes' "exactly one rdfs:label" means.

The ontology is added to the copy for its ``rdfs:subClassOf`` links (``sh:class
fkg:Entity`` accepts a Brand), but no RDFS inference runs: ``rdfs:range fkg:Brand`` on
``fkg:ambassadorOf`` would make a Product wrongly named as a brand into a Brand and hide
the very error the shapes look for. (Measured: inference also costs about 5x the time.)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from .digest import DIGEST
from .resources import resource
from .store import Store
from .vocab import ENTITY_TYPES, FKG, PREFIXES, RDF, RDFS, RELATIONS, SDO, XSD

SHAPES = ("ontology", "shapes.ttl")
ONTOLOGY = ("ontology", "fashion.ttl")


@dataclass(frozen=True)
class Violation:
    """One failed constraint: which node, which property, what is wrong."""

    focus: str  # the IRI of the node that fails
    label: str  # its name (rdfs:label, an article's headline, an assertion's triple); "" if none
    path: str  # the property, prefixed ("fkg:ambassadorOf"); "" when the node itself fails
    message: str  # the shape's sh:message
    severity: str = "Violation"  # Violation | Warning | Info
    value: str = ""  # the offending value in Turtle syntax, when the constraint names one
    value_label: str = ""  # the offending value's name, when it has one

    def __str__(self) -> str:
        """``label <iri>: path: message (got value)``: one line for a terminal or a log."""
        parts = [f"{self.label} <{self.focus}>" if self.label else f"<{self.focus}>"]
        if self.path:
            parts.append(self.path)
        message = self.message
        if self.value:
            got = f"{self.value_label} {self.value}" if self.value_label else self.value
            message += f" (got {got})"
        parts.append(message if self.severity == "Violation" else f"{self.severity.lower()}: {message}")
        return ": ".join(parts)


@dataclass
class ValidationReport:
    """The verdict, the failures in reading order, and the size of what was checked."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    entities: int = 0  # distinct Brand, Person, Product and Campaign nodes checked
    relations: int = 0  # distinct relation triples checked


def validate(store: Store) -> ValidationReport:
    """Validate everything ``store`` holds (read-only; the store is copied into memory)."""
    graph = union_graph(store)
    graph += ontology_graph()
    return _run(graph)


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate an rdflib graph (one article's extraction, a test's hand-made data).

    ``graph`` is not modified. A Dataset is validated as the union of its graphs.
    Typed literals are checked as the store would hold them, re-read from their
    lexical form: pySHACL rejects ``Literal(0.9, datatype=XSD.decimal)`` because its
    Python value is a float, though it is written, and stored, as the decimal 0.9.
    """
    triples = ((s, p, o) for s, p, o, _ in graph.quads()) if isinstance(graph, Dataset) else iter(graph)
    copy = Graph()
    copy.addN((s, p, _as_stored(o), copy) for s, p, o in triples)
    copy += ontology_graph()
    return _run(copy)


def union_graph(store: Store) -> Graph:
    """The union of the store's article graphs as one in-memory rdflib graph, duplicates merged."""
    result = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DIGEST}>) }}")
    graph = Graph()
    term = _term_converter()
    graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in result.triples or ())
    return graph


@cache
def shapes_graph() -> Graph:
    """``ontology/shapes.ttl``, parsed once per process."""
    return Graph().parse(resource(*SHAPES), format="turtle")


@cache
def ontology_graph() -> Graph:
    """``ontology/fashion.ttl``, parsed once per process."""
    return Graph().parse(resource(*ONTOLOGY), format="turtle")


def _run(graph: Graph) -> ValidationReport:
    """pySHACL on ``graph`` (which it may annotate: callers pass a private copy)."""
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none",
                                            allow_warnings=True, inplace=True)
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    violations = sorted(
        (_violation(graph, results, r) for r in results.subjects(RDF.type, SH.ValidationResult)),
        key=lambda v: (v.label.casefold(), v.focus, v.path, v.message, v.value),
    )
    entities = {s for kind in ENTITY_TYPES for s in graph.subjects(RDF.type, FKG[kind])}
    relations = sum(1 for pred in RELATIONS for _ in graph.triples((None, FKG[pred], None)))
    return ValidationReport(bool(conforms), violations, len(entities), relations)


def _violation(data: Graph, results: Graph, result: Node) -> Violation:
    focus = results.value(result, SH.focusNode)
    value = results.value(result, SH.value)
    severity = results.value(result, SH.resultSeverity)
    # the value is worth showing unless it is the focus node itself (a node-level sh:class)
    value_text = value.n3(data.namespace_manager) if value is not None and value != focus else ""
    return Violation(
        focus=str(focus),
        label=describe(data, focus),
        path=_path_text(data, results, results.value(result, SH.resultPath)),
        message=str(results.value(result, SH.resultMessage) or "does not conform to its shape"),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        value=value_text,
        value_label=describe(data, value) if _is_instance(value) else "",
    )


def _is_instance(node: Node | None) -> bool:
    """An IRI or blank node of the data, not a term of the ontology (whose labels name classes)."""
    return isinstance(node, URIRef | BNode) and not str(node).startswith(str(FKG))


def describe(graph: Graph, node: Node | None) -> str:
    """A node's name for people: its label, an article's headline or source, an assertion's triple."""
    if node is None:
        return ""
    for prop in (RDFS.label, SDO.headline, FKG.source):
        if names := sorted(str(name) for name in graph.objects(node, prop)):
            return " / ".join(names)  # all of them: "two labels" is itself a violation
    if (node, RDF.type, FKG.Assertion) in graph:
        s, p, o = (graph.value(node, prop) for prop in (RDF.subject, RDF.predicate, RDF.object))
        if s is not None and p is not None and o is not None:
            pred = str(p).removeprefix(str(FKG))
            return f"{describe(graph, s) or s} {pred} {describe(graph, o) or o}"
    return ""


def _path_text(data: Graph, results: Graph, path: Node | None) -> str:
    """A SHACL property path in SPARQL syntax: ``fkg:brand``, ``^fkg:brand``, ``a/b``."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return path.n3(data.namespace_manager)
    if (inverse := results.value(path, SH.inversePath)) is not None:
        return "^" + _path_text(data, results, inverse)
    if (path, RDF.first, None) in results:
        return "/".join(_path_text(data, results, step) for step in results.items(path))
    return "(complex path)"


def _as_stored(term: Node) -> Node:
    """A typed literal rebuilt from its lexical form; any other term as it is."""
    if isinstance(term, Literal) and term.datatype is not None:
        return Literal(str(term), datatype=term.datatype)
    return term


def _term_converter() -> Callable[[ox.NamedNode | ox.BlankNode | ox.Literal], Node]:
    """pyoxigraph term -> rdflib term, memoised: entities and predicates repeat a lot.

    Twice as fast as serialising to N-Triples and parsing that with rdflib.
    """
    seen: dict[object, Node] = {}
    string = str(XSD.string)

    def convert(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        try:
            return seen[term]
        except KeyError:
            pass
        if isinstance(term, ox.NamedNode):
            out: Node = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            out = BNode(term.value)
        elif term.language:
            out = Literal(term.value, lang=term.language)
        elif term.datatype.value == string:
            out = Literal(term.value)
        else:
            out = Literal(term.value, datatype=URIRef(term.datatype.value))
        seen[term] = out
        return out

    return convert
