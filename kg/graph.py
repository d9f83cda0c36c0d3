"""The store as a networkx graph: entities as nodes, relations as edges with their support.

``to_networkx`` reads the store with a few SPARQL queries (never through rdflib) and
returns a ``MultiDiGraph`` whose attribute values are plain ``str``/``int``/``bool``/lists,
so every networkx writer and the HTML view can use it. The projections turn it into the
smaller graphs people ask for: who works with which house, which houses share talent,
who appears together in campaigns.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

import networkx as nx

from .errors import ParamError
from .ids import slugify
from .store import Store
from .vocab import ENTITY_TYPES, FKG, RELATIONS

MENTIONS = "mentions"
_CREW = ("features", "photographedBy")
_TYPES = " ".join(f"fkg:{t}" for t in ENTITY_TYPES)

_ENTITIES = f"SELECT DISTINCT ?e ?t WHERE {{ VALUES ?t {{ {_TYPES} }} ?e a ?t }}"
_LABELS = "SELECT ?e ?l (COUNT(*) AS ?n) WHERE { ?e rdfs:label ?l } GROUP BY ?e ?l"
_ALIASES = "SELECT DISTINCT ?e ?l WHERE { ?e skos:altLabel ?l }"
_NATIONALITIES = "SELECT ?e ?l (COUNT(*) AS ?n) WHERE { ?e fkg:nationality ?l } GROUP BY ?e ?l"
_OCCUPATIONS = "SELECT DISTINCT ?e ?l WHERE { ?e fkg:occupation ?l }"
_ARTICLES = """SELECT ?a (SAMPLE(?h) AS ?title) (SAMPLE(?d) AS ?date) (SAMPLE(?u) AS ?url)
       (SAMPLE(?pub) AS ?publisher) WHERE {
  GRAPH ?a { ?a a fkg:Article
    OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:datePublished ?d }
    OPTIONAL { ?a schema:url ?u } OPTIONAL { ?a schema:publisher ?pub } }
} GROUP BY ?a"""
_MENTIONS = "SELECT DISTINCT ?a ?e WHERE { GRAPH ?a { ?a fkg:mentions ?e } }"
# Relations with the article graphs stating them, and (joined in Python, which is faster
# than an OPTIONAL join here) each graph's evidence records for them.
_RELATIONS = "SELECT ?s ?p ?o ?g WHERE {{ VALUES ?p {{ {predicates} }} GRAPH ?g {{ ?s ?p ?o }} }}"
_EVIDENCE = """SELECT ?s ?p ?o ?g ?text ?past WHERE {{ VALUES ?p {{ {predicates} }}
  GRAPH ?g {{ ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o
    OPTIONAL {{ ?r fkg:evidenceText ?text }} OPTIONAL {{ ?r fkg:past ?past }} }} }}"""


def to_networkx(store: Store, *, types: Iterable[str] | None = None,
                predicates: Iterable[str] | None = None, brand: str | None = None,
                since: date | str | None = None, until: date | str | None = None,
                focus: str | None = None, depth: int | None = None, articles: bool = False,
                evidence: bool = True) -> nx.MultiDiGraph:
    """The store's entities and relations as a ``MultiDiGraph`` keyed by IRI.

    Nodes carry ``label``, ``type``, ``aliases``, ``nationality``, ``occupation``; an
    edge's key is the predicate's local name and it carries ``predicate``, ``articles``,
    ``article_count``, ``first_date``, ``last_date``, ``past`` and (``evidence=True``)
    ``evidence``. ``since``/``until`` keep only support from articles published in that
    range (articles without a date drop out); ``predicates`` drops the other relations and
    the entities left without any; ``brand`` keeps a house with its campaigns, products
    and the people linked to them; ``focus`` keeps the entities within ``depth`` (default
    1) undirected hops of one entity; then ``types`` keeps entities of those types.
    ``articles=True`` adds the articles as nodes with ``mentions`` edges.
    """
    since, until = _day(since), _day(until)
    wanted = _predicates(predicates)
    meta = _article_meta(store)
    in_range = {a for a, m in meta.items() if _within(m.get("date"), since, until)}
    graph = nx.MultiDiGraph()
    _add_entities(store, graph)
    _add_relations(store, graph, wanted, in_range if since or until else None, meta, evidence)
    mentions = _mentions(store, in_range)
    if since or until:
        alive = {e for _, e in mentions} | {n for e in graph.edges for n in e[:2]}
        graph.remove_nodes_from([n for n in list(graph) if n not in alive])
    if predicates:
        graph.remove_nodes_from([n for n, d in list(graph.degree) if d == 0])
    if brand:
        graph = graph.subgraph(_brand_neighbourhood(graph, resolve_entity(graph, brand, "Brand"))).copy()
    if focus:
        centre = resolve_entity(graph, focus)
        hops = 1 if depth is None else depth
        graph = graph.subgraph(nx.ego_graph(graph.to_undirected(as_view=True), centre, hops)).copy()
    if types:  # after the neighbourhoods, so --brand X --type Person keeps people linked via campaigns
        keep = {_type_name(t) for t in types}
        graph.remove_nodes_from([n for n, t in list(graph.nodes(data="type")) if t not in keep])
    if articles:
        _add_articles(graph, meta, mentions)
    return graph


def resolve_entity(graph: nx.Graph, name: str, type_: str | None = None) -> str:
    """The IRI of the one node named ``name`` (IRI, label or alias; case and accents folded).

    Raises ``ParamError`` naming close matches when no node, or more than one, fits.
    """
    nodes = [(n, d) for n, d in graph.nodes(data=True) if type_ is None or d.get("type") == type_]
    if name in graph and (type_ is None or graph.nodes[name].get("type") == type_):
        return name
    key = slugify(name)
    exact = sorted({n for n, d in nodes if slugify(d.get("label") or "") == key})
    hits = exact or sorted({n for n, d in nodes if key in {slugify(a) for a in d.get("aliases", ())}})
    kind = (type_ or "entity").lower()
    if len(hits) == 1:
        return hits[0]
    if hits:
        names = ", ".join(f"{graph.nodes[h]['label']} <{h}>" for h in hits[:5])
        raise ParamError(f"{name!r} names more than one {kind}: {names}; pass the IRI")
    labels = sorted({d.get("label") or n for n, d in nodes})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.6)
    if not close:
        folded = {lab.casefold(): lab for lab in labels}
        close = [folded[c] for c in difflib.get_close_matches(name.casefold(), list(folded), n=5, cutoff=0.5)]
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise ParamError(f"no {kind} named {name!r} in the store{hint}")


def person_brand(graph: nx.MultiDiGraph) -> nx.Graph:
    """Bipartite people-houses graph: direct roles and campaigns shot for or starring in.

    Each edge carries ``relations`` (e.g. ``ambassadorOf``, ``features via Closet``),
    ``weight`` (their number) and ``articles``; nodes keep their attributes plus
    ``bipartite`` (0 person, 1 brand), as ``networkx.algorithms.bipartite`` expects.
    """
    out = nx.Graph()
    links: dict[tuple[str, str], set[str]] = defaultdict(set)
    support: dict[tuple[str, str], set[str]] = defaultdict(set)
    kinds = nx.get_node_attributes(graph, "type")
    owners = _campaign_brands(graph)
    for s, o, key, data in graph.edges(keys=True, data=True):
        pairs: list[tuple[str, str, str]] = []
        if kinds.get(s) == "Person" and kinds.get(o) == "Brand":
            pairs.append((s, o, key))
        elif kinds.get(s) == "Campaign" and kinds.get(o) == "Person" and key in _CREW:
            label = graph.nodes[s].get("label", s)
            pairs.extend((o, b, f"{key} via {label}") for b in owners.get(s, ()))
        for person, house, how in pairs:
            links[person, house].add(how)
            support[person, house].update(data.get("articles", ()))
    for (person, house), how in links.items():
        out.add_node(person, **graph.nodes[person], bipartite=0)
        out.add_node(house, **graph.nodes[house], bipartite=1)
        out.add_edge(person, house, relations=sorted(how), weight=len(how),
                     articles=sorted(support[person, house]))
    return out


def brand_brand(graph: nx.MultiDiGraph) -> nx.Graph:
    """Houses linked by the people they share; ``weight`` is how many, ``people`` who."""
    return _shared(person_brand(graph), 1, 0, "people")


def person_person(graph: nx.MultiDiGraph) -> nx.Graph:
    """People linked by the campaigns they appear in or shoot together; ``weight`` counts them."""
    crews = nx.Graph()
    for s, o, key in graph.edges(keys=True):
        if key in _CREW and graph.nodes[o].get("type") == "Person" \
                and graph.nodes[s].get("type") == "Campaign":
            crews.add_node(s, **graph.nodes[s], bipartite=1)
            crews.add_node(o, **graph.nodes[o], bipartite=0)
            crews.add_edge(o, s)
    return _shared(crews, 0, 1, "campaigns")


def _shared(bipartite: nx.Graph, side: int, via: int, name: str) -> nx.Graph:
    """Project a bipartite graph onto ``side``, recording the shared ``via`` nodes."""
    out = nx.Graph()
    for node, data in bipartite.nodes(data=True):
        if data.get("bipartite") == side:
            out.add_node(node, **{k: v for k, v in data.items() if k != "bipartite"})
    for middle, data in bipartite.nodes(data=True):
        if data.get("bipartite") != via:
            continue
        ends = sorted(bipartite[middle])
        for i, a in enumerate(ends):
            for b in ends[i + 1:]:
                if not out.has_edge(a, b):
                    out.add_edge(a, b, **{name: [], "weight": 0})
                out[a][b][name].append(middle)
                out[a][b]["weight"] += 1
    return out


def _campaign_brands(graph: nx.MultiDiGraph) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for s, o, key in graph.edges(keys=True):
        if key == "brand":
            owners[s].add(o)
    return owners


def _brand_neighbourhood(graph: nx.MultiDiGraph, house: str) -> set[str]:
    """The house, everything linked to it, and what its campaigns and products link to."""
    undirected = graph.to_undirected(as_view=True)
    keep = {house} | set(undirected[house])
    for node in list(keep):
        if graph.nodes[node].get("type") in ("Campaign", "Product") and node != house:
            keep |= set(undirected[node])
    return keep


def _add_entities(store: Store, graph: nx.MultiDiGraph) -> None:
    for e, t in _rows(store, _ENTITIES):
        graph.add_node(e.value, label=_local(e.value), type=_local(t.value), aliases=[],
                       nationality=None, occupation=[])
    for attr, query in (("label", _LABELS), ("nationality", _NATIONALITIES)):
        best: dict[str, tuple[int, str]] = {}
        for e, value, count in _rows(store, query):
            rank = (int(count.value), value.value)
            if e.value in graph and (e.value not in best or rank > best[e.value]):
                best[e.value] = rank
        for iri, (_, value) in best.items():
            graph.nodes[iri][attr] = value
    for attr, query in (("aliases", _ALIASES), ("occupation", _OCCUPATIONS)):
        for e, value in _rows(store, query):
            if e.value in graph:
                graph.nodes[e.value][attr].append(value.value)
    for _, data in graph.nodes(data=True):
        data["aliases"] = sorted(set(data["aliases"]) - {data["label"]})
        data["occupation"] = sorted(set(data["occupation"]))


def _add_relations(store: Store, graph: nx.MultiDiGraph, predicates: list[str], in_range: set[str] | None,
                   meta: dict[str, dict], evidence: bool) -> None:
    values = " ".join(f"<{FKG}{p}>" for p in predicates)
    found: dict[tuple[str, str, str], dict] = {}
    for s, p, o, g in _rows(store, _RELATIONS.format(predicates=values)):
        if (in_range is None or g.value in in_range) and s.value in graph and o.value in graph:
            edge = found.setdefault((s.value, o.value, p.value), {"articles": set(), "evidence": set()})
            edge["articles"].add(g.value)
    for s, p, o, g, text, past in _rows(store, _EVIDENCE.format(predicates=values)):
        edge = found.get((s.value, o.value, p.value))
        if edge is None or g.value not in edge["articles"]:
            continue
        if text is not None:
            edge["evidence"].add(text.value)
        if past is not None and past.value in ("true", "1"):
            edge["past"] = True
    for (s, o, predicate), edge in found.items():
        dates = sorted(d for a in edge["articles"] if (d := meta.get(a, {}).get("date")))
        attrs = {"predicate": predicate, "articles": sorted(edge["articles"]),
                 "article_count": len(edge["articles"]), "first_date": dates[0] if dates else None,
                 "last_date": dates[-1] if dates else None, "past": edge.get("past", False)}
        if evidence:
            attrs["evidence"] = sorted(edge["evidence"])
        graph.add_edge(s, o, key=_local(predicate), **attrs)


def _article_meta(store: Store) -> dict[str, dict]:
    meta = {}
    for a, title, day, url, publisher in _rows(store, _ARTICLES):
        meta[a.value] = {"title": _value(title), "date": day.value[:10] if day else None,
                         "url": _value(url), "publisher": _value(publisher)}
    return meta


def _mentions(store: Store, articles: set[str]) -> list[tuple[str, str]]:
    return [(a.value, e.value) for a, e in _rows(store, _MENTIONS) if a.value in articles]


def _add_articles(graph: nx.MultiDiGraph, meta: dict[str, dict], mentions: list[tuple[str, str]]) -> None:
    """Article nodes for the kept entities, each with a ``mentions`` edge per entity named."""
    mentioned = [(a, e) for a, e in mentions if e in graph]
    for a, e in mentioned:
        if a not in graph:
            m = meta.get(a, {})
            graph.add_node(a, label=m.get("title") or _local(a), type="Article", aliases=[],
                           nationality=None, occupation=[], date=m.get("date"), url=m.get("url"),
                           publisher=m.get("publisher"))
        day = meta.get(a, {}).get("date")
        graph.add_edge(a, e, key=MENTIONS, predicate=f"{FKG}{MENTIONS}", articles=[a], article_count=1,
                       first_date=day, last_date=day, evidence=[], past=False)


def _rows(store: Store, sparql: str) -> Iterable[tuple]:
    return store.query(sparql).rows or ()


def _predicates(names: Iterable[str] | None) -> list[str]:
    if not names:
        return list(RELATIONS)
    out = []
    for name in names:
        local = _local(name)
        if local not in RELATIONS:
            raise ParamError(f"unknown predicate {name!r}: use one of {', '.join(RELATIONS)}")
        out.append(local)
    return out


def _type_name(name: str) -> str:
    for known in (*ENTITY_TYPES, "Article"):
        if _local(name).casefold() == known.casefold():
            return known
    raise ParamError(f"unknown type {name!r}: use one of {', '.join(ENTITY_TYPES)}")


def _day(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ParamError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _within(day: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    return day is not None and (not since or day >= since) and (not until or day <= until)


def _value(term: object) -> str | None:
    return term.value if term is not None else None  # type: ignore[attr-defined]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


__all__ = ["to_networkx", "resolve_entity", "person_brand", "brand_brand", "person_person"]
