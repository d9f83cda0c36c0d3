"""The digest: one graph of precomputed summaries, so listings answer without a full scan.

Every article is its own graph, so "every ambassador of every house, how many articles
say so, current or former" means aggregating over all article graphs: seconds at 10,000
articles. The digest graph (``DIGEST``) holds that aggregate once per fact and per entity,
and the named queries read it:

- a fact node per distinct relation ``(s, p, o)``: ``fkg:factSubject``/``factPredicate``/
  ``factObject`` and ``fkg:articleCount``; for ``ambassadorOf`` and ``creativeDirectorOf``
  also ``fkg:status`` ("current" or "former", after the latest report), ``fkg:factSince``
  (the earliest "since" date), ``fkg:lastReported``, and ``fkg:announced`` with
  ``fkg:announcedArticles`` (the first report not calling it past, for timelines); for
  ``photographedBy`` and ``features`` also ``fkg:factHouse``, the campaign's house(s);
- per entity: ``fkg:name`` (its label; the smallest when articles differ), ``fkg:kind``
  (its types), ``fkg:articleCount``, ``fkg:connections`` (distinct neighbours) and
  ``fkg:recentMention`` (the ``RECENT`` latest articles mentioning it); and an attribute
  node per value the articles give it for a property that is not a relation (labels,
  types, occupation ...): ``fkg:attributeOf``/``attributeProperty``/``attributeValue``
  and ``fkg:articleCount``, so one entity's page needs no pass over its articles; for a
  person, ``fkg:fronts`` to each house they front (its ambassador, or the face of one of
  its campaigns), so listings of talent across houses start from those few edges;
- a tie node per row of the two whole-store listings, so they read rows instead of
  joining thousands of facts: a person's tie to a house in one role (``fkg:tieOf`` the
  person, ``fkg:tieTo`` the house, ``fkg:tieRole`` "ambassador", "creative director",
  "campaign photographer" or "campaign talent", ``fkg:tieArticles`` summed over the facts
  behind it, ``fkg:tieStatus``; for a role its ``fkg:tieSince``, for a campaign role
  ``fkg:tieCampaigns``, how many of the house's campaigns), and a product's tie to each campaign featuring it (role
  "featured in", with ``fkg:tieHouse`` the product's houses). Ties are computed from the
  fresh facts when their person or product is recomputed.

The digest uses only these properties, so no query over the article graphs matches it.
It is kept in step by marks: writing an article marks its entities stale in the digest
in the same atomic step (replacing or dropping one marks the entities it held), and
``refresh`` recomputes the marked entities and every fact whose subject is one of them,
from the article graphs. Every fact's subject is an entity of the article stating it, so
nothing is missed. A crash between the two leaves marks, which the next ``refresh``
clears; figures never drift because they are recomputed, not incremented.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .ids import assertion_iri_sparql
from .vocab import ENTITY_TYPES, FKG, ID, RDF, RELATIONS

if TYPE_CHECKING:
    from .store import Store, Term

DIGEST = f"{ID}graph/digest"
CHUNK = 2000  # facts or entities recomputed per update
RECENT = 25  # latest mentioning articles kept per entity
_FACT = f"{ID}fact/"
_ATTRIBUTE = f"{ID}attribute/"
_TIE = f"{ID}tie/"
_RELATIONS = {f"<{FKG[r]}>" for r in RELATIONS}
_TYPE = f"<{RDF.type}>"
_TYPES = {f"<{FKG[t]}>" for t in ENTITY_TYPES}
_STALE = f'<{FKG.stale}> "true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
_P = {name: ox.NamedNode(FKG[name]) for name in (
    "factSubject", "factPredicate", "factObject", "articleCount", "status", "factSince", "lastReported",
    "announced", "announcedArticles", "name", "kind", "connections", "factHouse", "recentMention",
    "attributeOf", "attributeProperty", "attributeValue", "fronts",
    "tieOf", "tieTo", "tieRole", "tieArticles", "tieStatus", "tieHouse", "tieCampaigns", "tieSince")}
_CAST = {str(FKG.photographedBy), str(FKG.features)}  # facts that get the campaign's house
_CAMPAIGN_HOUSES = "SELECT DISTINCT ?c ?b WHERE {{ VALUES ?c {{ {campaigns} }} GRAPH ?g {{ ?c fkg:brand ?b }} }}"
_ROLES = {str(FKG.ambassadorOf), str(FKG.creativeDirectorOf)}  # facts with a status
_VALUES_P = " ".join(f"fkg:{r}" for r in RELATIONS)
_VALUES_T = " ".join(f"fkg:{t}" for t in ENTITY_TYPES)


def fact_iri(subject: str, predicate: str, obj: str) -> str:
    """The digest's node for the fact ``(subject, predicate, object)``."""
    return _FACT + hashlib.md5(f"{subject} {predicate} {obj}".encode()).hexdigest()


def attribute_iri(entity: str, prop: str, value: ox.NamedNode | ox.Literal) -> str:
    """The digest's node for the value ``value`` of ``entity``'s property ``prop``."""
    return _ATTRIBUTE + hashlib.md5(f"{entity} {prop} {value}".encode()).hexdigest()


def tie_iri(entity: str, other: str, role: str) -> str:
    """The digest's node for ``entity``'s tie to ``other`` in ``role``."""
    return _TIE + hashlib.md5(f"{entity} {other} {role}".encode()).hexdigest()


def stale_marks(ntriples: str) -> str:
    """N-Triples, for the digest graph, marking stale the entities of an article graph
    given as N-Triples (one triple a line, as ``kg.rdfmap`` writes them)."""
    marks = []
    for line in ntriples.splitlines():
        parts = line.split(" ", 3)
        if len(parts) >= 3 and parts[1] == _TYPE and parts[2] in _TYPES:
            marks.append(f"{parts[0]} {_STALE} .")
    return "\n".join(marks)


def mark_entities(entities: Iterable[str]) -> str:
    """A SPARQL update marking these entities stale (before their facts arrive by another
    road than ``ArticleGraph.trig``, such as the bulk loading of ``kg load``)."""
    marks = "\n".join(f"<{e}> {_STALE} ." for e in entities)
    return f"INSERT DATA {{ GRAPH <{DIGEST}> {{\n{marks}\n}} }}" if marks else ""


def mark_stored(graphs: Iterable[str]) -> str:
    """A SPARQL update marking stale the entities of stored graphs (before they are
    replaced or dropped: the facts they stated must be recounted)."""
    values = " ".join(f"<{g}>" for g in graphs)
    return (f"INSERT {{ GRAPH <{DIGEST}> {{ ?e fkg:stale true }} }}\nWHERE {{ VALUES ?g {{ {values} }}"
            f" GRAPH ?g {{ ?e a ?t }} FILTER(?t IN ({', '.join(_TYPES)})) }}") if values else ""


_STALE_ENTITIES = f"SELECT ?e WHERE {{ GRAPH <{DIGEST}> {{ ?e fkg:stale true }} }}"
# FILTER, not VALUES, for ?p: with VALUES Oxigraph scans every quad of each predicate.
_FACTS_OF = """SELECT DISTINCT ?s ?p ?o WHERE {{
  {{ VALUES ?s {{ {entities} }} ?s ?p ?o FILTER(?p IN (""" + ", ".join(f"fkg:{r}" for r in RELATIONS) + """)) }}
  UNION {{ VALUES ?s {{ {entities} }}
           GRAPH <""" + DIGEST + """> {{ ?f fkg:factSubject ?s ; fkg:factPredicate ?p ; fkg:factObject ?o }} }} }}"""
_ALL_FACTS = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {_VALUES_P} }} GRAPH ?g {{ ?s ?p ?o }} }}"
_ALL_ENTITIES = f"SELECT DISTINCT ?e WHERE {{ VALUES ?t {{ {_VALUES_T} }} GRAPH ?g {{ ?e a ?t }} }}"

# How many articles state each fact.
_FACT_COUNTS = """SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n)
WHERE {{ VALUES (?s ?p ?o) {{ {triples} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?s ?p ?o"""
# Each statement of a role fact, with its provenance record's dates and past flag. The
# record is found by its IRI (``kg.ids.assertion_iri``): much faster than matching it by
# subject, predicate and object.
_RECORD = assertion_iri_sparql("?g", "?s", "?p", "?o")
_ROLE_STATEMENTS = """SELECT ?s ?p ?o ?g ?recorded ?start ?past ?published
WHERE {{
  VALUES (?s ?p ?o) {{ {triples} }}
  GRAPH ?g {{ ?s ?p ?o }}
  BIND({record} AS ?record)
  OPTIONAL {{ GRAPH ?g {{ ?record rdf:subject ?s }} BIND(true AS ?recorded) }}
  OPTIONAL {{ GRAPH ?g {{ ?record fkg:since ?start }} }}
  OPTIONAL {{ GRAPH ?g {{ ?record fkg:past ?past }} }}
  OPTIONAL {{ GRAPH ?g {{ ?g schema:datePublished ?published }} }}
}}"""
_ENTITY_NAMES = """SELECT ?e (MIN(?label) AS ?name) (COUNT(DISTINCT ?g) AS ?n)
WHERE {{ VALUES ?e {{ {entities} }} GRAPH ?g {{ ?e rdfs:label ?label }} }} GROUP BY ?e"""
_ENTITY_ATTRIBUTES = """SELECT ?e ?p ?v (COUNT(DISTINCT ?g) AS ?n)
WHERE {{ VALUES ?e {{ {entities} }} GRAPH ?g {{ ?e ?p ?v }}
  FILTER(?g != <""" + DIGEST + """> && ?p NOT IN (""" + ", ".join(f"fkg:{r}" for r in RELATIONS) + """)) }}
GROUP BY ?e ?p ?v"""
_ENTITY_MENTIONS = """SELECT ?e ?g ?published
WHERE {{ VALUES ?e {{ {entities} }}
  GRAPH ?g {{ ?g fkg:mentions ?e OPTIONAL {{ ?g schema:datePublished ?published }} }} }}"""
_OLD_NODES = ("SELECT ?a WHERE {{ VALUES ?e {{ {entities} }} GRAPH <" + DIGEST + "> {{ {{ ?a fkg:attributeOf ?e }}"
              " UNION {{ ?a fkg:tieOf ?e }} }} }}")
_ENTITY_CONNECTIONS = """SELECT ?e (COUNT(DISTINCT ?other) AS ?c)
WHERE {{ VALUES ?e {{ {entities} }}
  {{ GRAPH <{digest}> {{ ?f fkg:factSubject ?e ; fkg:factObject ?other }} }}
  UNION {{ GRAPH <{digest}> {{ ?f fkg:factObject ?e ; fkg:factSubject ?other }} }} }}
GROUP BY ?e"""
# A person's ties to houses: the role facts they are the subject of, and the campaign facts
# naming them, by the campaign's house (summed over its campaigns).
_PERSON_TIES = """SELECT ?e ?b ?role (SUM(?n) AS ?articles) (SAMPLE(?state) AS ?status)
  (COUNT(DISTINCT ?c) AS ?campaigns) (MIN(?start) AS ?since)
WHERE {{ VALUES ?e {{ {entities} }} GRAPH <""" + DIGEST + """> {{
  {{ ?f fkg:factSubject ?e ; fkg:factPredicate ?p ; fkg:factObject ?b ; fkg:articleCount ?n
     FILTER(?p IN (fkg:ambassadorOf, fkg:creativeDirectorOf))
     OPTIONAL {{ ?f fkg:status ?state }}
     OPTIONAL {{ ?f fkg:factSince ?start }}
     BIND(IF(?p = fkg:ambassadorOf, "ambassador", "creative director") AS ?role) }}
  UNION {{ ?f fkg:factObject ?e ; fkg:factPredicate ?p ; fkg:factHouse ?b ; fkg:articleCount ?n ; fkg:factSubject ?c
     FILTER(?p IN (fkg:photographedBy, fkg:features))
     BIND(IF(?p = fkg:photographedBy, "campaign photographer", "campaign talent") AS ?role) }} }} }}
GROUP BY ?e ?b ?role"""
_PRODUCT_TIES = """SELECT ?e ?c ?n WHERE {{ VALUES ?e {{ {entities} }} GRAPH <""" + DIGEST + """> {{
  ?f fkg:factObject ?e ; fkg:factPredicate ?p ; fkg:factSubject ?c ; fkg:articleCount ?n
  FILTER(?p = fkg:features) }} }}"""
_PRODUCT_HOUSES = """SELECT ?e ?h WHERE {{ VALUES ?e {{ {entities} }} GRAPH <""" + DIGEST + """> {{
  ?f fkg:factSubject ?e ; fkg:factPredicate ?p ; fkg:factObject ?h FILTER(?p = fkg:brand) }} }}"""
_ROLE_TIES = {"ambassador", "creative director"}  # ties with a status
_FRONTING = {"ambassador", "campaign talent"}  # ties that make the person front the house
_FEATURED = "featured in"  # a product's tie to a campaign
_PERSON = f"<{FKG.Person}>"
_PRODUCT = f"<{FKG.Product}>"


def _rewrite(store: Store, nodes: list[str], triples: list[tuple[Term, Term, Term]]) -> None:
    """Make ``triples`` all the digest says of ``nodes``: only the differences are written,
    additions first, so a crash between the two steps leaves the marks for the next run."""
    graph = ox.NamedNode(DIGEST)
    values = " ".join(f"<{n}>" for n in nodes)
    old = {ox.Quad(x, y, z, graph) for x, y, z in store.query(
        f"SELECT ?x ?y ?z WHERE {{ VALUES ?x {{ {values} }} GRAPH <{DIGEST}> {{ ?x ?y ?z }} }}").rows or ()}
    new = {ox.Quad(s, p, o, graph) for s, p, o in triples}
    store.change(remove=sorted(old - new, key=str), add=sorted(new - old, key=str))


@dataclass
class _RoleFigures:
    """A role fact's figures, gathered statement by statement."""

    since: ox.Literal | None = None
    last: ox.Literal | None = None
    past_day: str = ""  # the newest publication date of an article calling it past
    current_day: str = ""  # ... of one stating it as current
    announced: ox.Literal | None = None
    announced_in: set[str] = field(default_factory=set)

    def add(self, graph: str, recorded: bool, start: ox.Literal | None, past: bool,
            published: ox.Literal | None) -> None:
        stamp = published.value if published else "0000"
        self.since = _least(self.since, start)
        if published and (self.last is None or published.value > self.last.value):
            self.last = published
        if past:
            self.past_day = max(self.past_day, stamp)
        elif recorded:
            self.current_day = max(self.current_day, stamp)
            if day := start or published:
                self.announced = _least(self.announced, day)
                self.announced_in.add(graph)

    def triples(self, f: ox.NamedNode) -> Iterator[tuple[Term, Term, Term]]:
        if self.past_day or self.current_day:
            status = "former" if self.past_day and self.past_day >= self.current_day else "current"
            yield f, _P["status"], ox.Literal(status)
        for prop, value in (("factSince", self.since), ("lastReported", self.last), ("announced", self.announced)):
            if value is not None:
                yield f, _P[prop], value
        if self.announced_in:
            yield f, _P["announcedArticles"], ox.Literal(len(self.announced_in))


def _least(a: ox.Literal | None, b: ox.Literal | None) -> ox.Literal | None:
    return b if a is None or (b is not None and b.value < a.value) else a


def _refresh_facts(store: Store, facts: list[tuple[str, str, str]]) -> None:
    """Recompute these facts' nodes (a fact no article states any more loses its node)."""
    triples = " ".join(f"(<{s}> <{p}> <{o}>)" for s, p, o in facts)
    out: list[tuple[Term, Term, Term]] = []
    for s, p, o, n in store.query(_FACT_COUNTS.format(triples=triples)).rows or ():
        f = ox.NamedNode(fact_iri(s.value, p.value, o.value))
        out += [(f, _P["factSubject"], s), (f, _P["factPredicate"], p), (f, _P["factObject"], o),
                (f, _P["articleCount"], n)]
    roles = " ".join(f"(<{s}> <{p}> <{o}>)" for s, p, o in facts if p in _ROLES)
    figures: dict[tuple[str, str, str], _RoleFigures] = {}
    if roles:
        for s, p, o, g, recorded, start, past, published in store.query(
                _ROLE_STATEMENTS.format(triples=roles, record=_RECORD)).rows or ():
            key = (s.value, p.value, o.value)
            figures.setdefault(key, _RoleFigures()).add(g.value, recorded is not None, start,
                                                        past is not None and past.value == "true", published)
    for key, figure in figures.items():
        out.extend(figure.triples(ox.NamedNode(fact_iri(*key))))
    cast = [(s, p, o) for s, p, o in facts if p in _CAST]
    if cast:  # a campaign's photographer or face works for the campaign's house
        values = " ".join(dict.fromkeys(f"<{s}>" for s, _, _ in cast))
        houses: dict[str, list[Term]] = {}
        for c, b in store.query(_CAMPAIGN_HOUSES.format(campaigns=values)).rows or ():
            houses.setdefault(c.value, []).append(b)
        for s, p, o in cast:
            f = ox.NamedNode(fact_iri(s, p, o))
            out += [(f, _P["factHouse"], b) for b in houses.get(s, ())]
    _rewrite(store, [fact_iri(*fact) for fact in facts], out)


def _refresh_entities(store: Store, entities: list[str]) -> None:
    """Recompute these entities' names, kinds, attributes, article counts, connections,
    ties (from the fresh facts) and latest mentions."""
    values = " ".join(f"<{e}>" for e in entities)
    out: list[tuple[Term, Term, Term]] = []
    for e, name, n in store.query(_ENTITY_NAMES.format(entities=values)).rows or ():
        out += [(e, _P["name"], name), (e, _P["articleCount"], n)]
    nodes = list(entities) + [row[0].value for row in store.query(_OLD_NODES.format(entities=values)).rows or ()]
    for e, p, v, n in store.query(_ENTITY_ATTRIBUTES.format(entities=values)).rows or ():
        a = ox.NamedNode(attribute_iri(e.value, p.value, v))
        nodes.append(a.value)
        out += [(a, _P["attributeOf"], e), (a, _P["attributeProperty"], p), (a, _P["attributeValue"], v),
                (a, _P["articleCount"], n)]
        if p.value == str(RDF.type) and f"<{v.value}>" in _TYPES:
            out.append((e, _P["kind"], v))
    for e, c in store.query(_ENTITY_CONNECTIONS.format(entities=values, digest=DIGEST)).rows or ():
        if e is not None:
            out.append((e, _P["connections"], c))
    people = {e for e, p, kind in out if p == _P["kind"] and str(kind) == _PERSON}
    products = {e for e, p, kind in out if p == _P["kind"] and str(kind) == _PRODUCT}
    ties = [*_person_ties(store, values, people), *_product_ties(store, products)]
    nodes += [t.value for t, p, _ in ties if p == _P["tieOf"]]
    out += ties
    out += _recent_mentions(store, values)
    _rewrite(store, nodes, out)


def _person_ties(store: Store, values: str, people: set[Term]) -> Iterator[tuple[Term, Term, Term]]:
    """Each entity's ties to houses, and a person's ``fkg:fronts`` edges. Campaign ties are
    a person's only (the listing asks for people in campaigns, not products); a role tie
    is whoever the facts make ambassador or creative director."""
    for e, b, role, articles, status, campaigns, since in store.query(_PERSON_TIES.format(entities=values)).rows or ():
        if role.value not in _ROLE_TIES and e not in people:
            continue
        t = ox.NamedNode(tie_iri(e.value, b.value, role.value))
        state = (status.value if status else "current") if role.value in _ROLE_TIES else ""
        yield from ((t, _P["tieOf"], e), (t, _P["tieTo"], b), (t, _P["tieRole"], role),
                    (t, _P["tieArticles"], articles), (t, _P["tieStatus"], ox.Literal(state)))
        if role.value not in _ROLE_TIES:
            yield t, _P["tieCampaigns"], campaigns
        elif since is not None:
            yield t, _P["tieSince"], since
        if role.value in _FRONTING and e in people:
            yield e, _P["fronts"], b


def _product_ties(store: Store, products: set[Term]) -> Iterator[tuple[Term, Term, Term]]:
    """Each product's tie to every campaign featuring it, with the product's houses."""
    if not products:
        return
    values = " ".join(f"<{e.value}>" for e in sorted(products, key=str))
    houses: dict[Term, list[Term]] = {}
    for e, h in store.query(_PRODUCT_HOUSES.format(entities=values)).rows or ():
        houses.setdefault(e, []).append(h)
    for e, c, n in store.query(_PRODUCT_TIES.format(entities=values)).rows or ():
        t = ox.NamedNode(tie_iri(e.value, c.value, _FEATURED))
        yield from ((t, _P["tieOf"], e), (t, _P["tieTo"], c), (t, _P["tieRole"], ox.Literal(_FEATURED)),
                    (t, _P["tieArticles"], n))
        yield from ((t, _P["tieHouse"], h) for h in houses.get(e, ()))


def _recent_mentions(store: Store, values: str) -> Iterator[tuple[Term, Term, Term]]:
    """Each entity's ``RECENT`` latest mentioning articles: newest first, then by IRI."""
    mentions: dict[ox.NamedNode, list[tuple[str, str, ox.NamedNode]]] = {}
    for e, g, published in store.query(_ENTITY_MENTIONS.format(entities=values)).rows or ():
        mentions.setdefault(e, []).append((published.value if published else "", g.value, g))
    for e, found in mentions.items():
        found.sort(key=lambda m: m[1])
        found.sort(key=lambda m: m[0], reverse=True)  # stable: ties stay in IRI order
        for _, _, g in found[:RECENT]:
            yield e, _P["recentMention"], g


def _recompute(store: Store, facts: list[tuple[str, str, str]], entities: list[str]) -> None:
    """Facts first, then entities: an entity's connections and ties count the fresh facts.
    The people and products of recounted campaign facts are recomputed too: their ties
    follow the campaign and its house, which may have changed in an article that does not
    name them."""
    entities = list(dict.fromkeys(entities + [o for _, p, o in facts if p in _CAST]))
    for start in range(0, len(facts), CHUNK):
        _refresh_facts(store, facts[start:start + CHUNK])
    for start in range(0, len(entities), CHUNK):
        _refresh_entities(store, entities[start:start + CHUNK])


def refresh(store: Store) -> tuple[int, int]:
    """Recompute the marked entities and the facts whose subject is one of them; the
    numbers of facts and entities recomputed."""
    entities = [row[0].value for row in store.query(_STALE_ENTITIES).rows or () if row[0] is not None]
    facts = []
    for start in range(0, len(entities), CHUNK):
        values = " ".join(f"<{e}>" for e in entities[start:start + CHUNK])
        facts += [(s.value, p.value, o.value) for s, p, o in store.query(_FACTS_OF.format(entities=values)).rows or ()]
    _recompute(store, facts, entities)
    return len(facts), len(entities)


def stale(store: Store) -> bool:
    """Whether anything awaits ``refresh``."""
    result = store.query(f"ASK {{ GRAPH <{DIGEST}> {{ ?x fkg:stale true }} }}")
    return bool(result.boolean)


def rebuild(store: Store) -> tuple[int, int]:
    """Drop the digest and compute it again from every article graph (after a bulk load of
    N-Quads, or an update run by hand)."""
    store.update(f"DROP SILENT GRAPH <{DIGEST}>")
    facts = [(s.value, p.value, o.value) for s, p, o in store.query(_ALL_FACTS).rows or ()]
    entities = [row[0].value for row in store.query(_ALL_ENTITIES).rows or ()]
    _recompute(store, facts, entities)
    return len(facts), len(entities)
