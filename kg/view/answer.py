"""A SPARQL query's answer as a graph to draw: a CONSTRUCT's triples or a SELECT's ?s ?p ?o.

Triples between resources become edges keyed by the predicate's local name; ``rdf:type``,
``rdfs:label`` and ``skos:altLabel`` become a node's type, name and aliases, and other
literal values become node attributes shown in its tooltip. Nodes the answer leaves
unnamed get their label and type from the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import networkx as nx
import pyoxigraph as ox

from ..errors import QueryError
from ..store import Store
from ..vocab import FKG, PREFIXES, RDF, RDFS, SDO, SKOS

_TYPE, _LABEL, _ALT, _HEADLINE = str(RDF.type), str(RDFS.label), str(SKOS.altLabel), str(SDO.headline)
LOOKUP_BATCH = 500


def query_graph(store: Store, query: object, params: Mapping[str, object] | None = None) -> nx.MultiDiGraph:
    """Run ``query`` (a ``kg.query.Query``, name, ``.rq`` path or SPARQL text) and draw its answer."""
    from ..query import run

    result = run(store, query, params)  # type: ignore[arg-type]
    if result.kind == "graph":
        triples = [(t.subject, t.predicate, t.object) for t in result.triples or ()]
    elif result.kind == "select":
        if not {"s", "p", "o"} <= set(result.variables):
            raise QueryError("a SELECT query to draw must return ?s ?p ?o (it returns "
                             + " ".join(f"?{v}" for v in result.variables) + ")")
        at = [result.variables.index(v) for v in ("s", "p", "o")]
        triples = [(row[at[0]], row[at[1]], row[at[2]]) for row in result.rows or ()]
    else:
        raise QueryError("an ASK query has nothing to draw: use CONSTRUCT or SELECT ?s ?p ?o")
    graph = triples_graph(triples)
    _name_from_store(store, graph)
    return graph


def article_names(store: Store) -> dict[str, str]:
    """Article IRI -> "headline (date)", for edge tooltips."""
    result = store.query(
        "SELECT ?a (SAMPLE(?h) AS ?title) (SAMPLE(?d) AS ?date) WHERE {\n"
        "  GRAPH ?a { ?a a fkg:Article OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:datePublished ?d } }\n"
        "} GROUP BY ?a")
    names = {}
    for article, title, day in result.rows or ():
        if title is not None:
            names[article.value] = title.value + (f" ({day.value[:10]})" if day is not None else "")
    return names


def triples_graph(triples: list[tuple]) -> nx.MultiDiGraph:
    """Triples (pyoxigraph terms) as a graph in ``kg.graph.to_networkx``'s shape."""
    graph = nx.MultiDiGraph()
    literals: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if s is None or not isinstance(p, ox.NamedNode) or o is None:
            continue
        subject, predicate = _node_id(s), p.value
        if isinstance(o, ox.Literal):
            literals[subject][predicate].append(o.value)
            graph.add_node(subject)
        elif predicate == _TYPE:
            graph.add_node(subject)
            types = graph.nodes[subject].setdefault("types", [])
            types.append(o.value)
        else:
            obj = _node_id(o)
            graph.add_edge(subject, obj, key=local_name(predicate), predicate=predicate,
                           articles=[], article_count=0, evidence=[])
    for node, attrs in graph.nodes(data=True):
        _set_type(attrs, attrs.pop("types", []))
        values = literals.get(node, {})
        if values.get(_LABEL) or values.get(_HEADLINE):
            attrs["label"] = (values.get(_LABEL) or values[_HEADLINE])[0]
        attrs["aliases"] = sorted(set(values.get(_ALT, [])))
        for predicate, found in values.items():
            if predicate not in (_LABEL, _ALT):
                attrs[local_name(predicate)] = sorted(set(found))
    return graph


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def _node_id(term: object) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value  # type: ignore[attr-defined]


def _set_type(attrs: dict, type_iris: list[str]) -> None:
    """The fkg class when there is one, else any class's local name."""
    if not type_iris:
        return
    ours = sorted(t for t in type_iris if t.startswith(str(FKG)))
    attrs["type"] = local_name((ours or sorted(type_iris))[0])


def _name_from_store(store: Store, graph: nx.MultiDiGraph) -> None:
    """Fill in labels and types the query did not return, a batch of IRIs at a time."""
    missing = [n for n, a in graph.nodes(data=True) if not n.startswith("_:") and (not a.get("label") or
                                                                                   not a.get("type"))]
    for start in range(0, len(missing), LOOKUP_BATCH):
        values = " ".join(f"<{iri}>" for iri in missing[start:start + LOOKUP_BATCH] if ">" not in iri)
        result = store.query(
            f"PREFIX fkg: <{PREFIXES['fkg']}>\n"
            "SELECT ?s (SAMPLE(?l) AS ?label) (GROUP_CONCAT(DISTINCT STR(?t); separator=' ') AS ?types) WHERE {\n"
            f"  VALUES ?s {{ {values} }}\n"
            "  OPTIONAL { ?s rdfs:label|schema:headline ?l }\n"
            "  OPTIONAL { ?s a ?t }\n"
            "} GROUP BY ?s")
        for s, label, types in result.rows or ():
            attrs = graph.nodes[s.value]
            if label is not None and not attrs.get("label"):
                attrs["label"] = label.value
            if types is not None and types.value and not attrs.get("type"):
                _set_type(attrs, types.value.split())
