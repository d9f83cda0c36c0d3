"""What the store holds, in figures: articles, triples, entities, relations, dates.

The store answers over the union of the article graphs, which does not merge a triple
stated in several articles (an entity named in two articles has its type twice), so
every figure here counts distinct things: distinct triples, distinct entities, distinct
relation triples. Articles and assertions are counted inside their own graph, where
each occurs once. One SPARQL query per group of figures, all on the store's engine.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from .digest import DIGEST
from .rows import to_python
from .store import Store
from .vocab import ENTITY_TYPES, FKG, RELATIONS

_ARTICLES = """
SELECT (COUNT(DISTINCT ?a) AS ?articles) (MIN(?d) AS ?first) (MAX(?d) AS ?last)
WHERE { GRAPH ?a { ?a a fkg:Article OPTIONAL { ?a schema:datePublished ?d } } }
"""
_ARTICLE_QUADS = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DIGEST}>)"  # not the digest's summaries
_TRIPLES = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {_ARTICLE_QUADS} }} }}"
_QUADS = f"SELECT (COUNT(*) AS ?n) WHERE {{ {_ARTICLE_QUADS} }}"
_ENTITIES = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n)
WHERE { VALUES ?type { TYPES } ?e a ?type } GROUP BY ?type
""".replace("TYPES", " ".join(f"fkg:{t}" for t in ENTITY_TYPES))
_RELATIONS = """
SELECT ?p (COUNT(*) AS ?n)
WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { PREDICATES } ?s ?p ?o } } GROUP BY ?p
""".replace("PREDICATES", " ".join(f"fkg:{r}" for r in RELATIONS))
_ASSERTIONS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?r a fkg:Assertion } }"


@dataclass
class Stats:
    """The store's figures; ``entities`` and ``relations`` list every type and predicate, zeros too."""

    articles: int
    triples: int  # distinct triples in the union of the article graphs
    quads: int  # stored statements: a triple stated in n articles counts n times
    entities: dict[str, int] = field(default_factory=dict)  # type -> distinct entities
    relations: dict[str, int] = field(default_factory=dict)  # predicate -> distinct triples
    assertions: int = 0  # provenance records, one per relation per article
    first_published: date | None = None
    last_published: date | None = None

    def as_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, totals beside the breakdowns."""
        out = asdict(self)
        out["first_published"] = self.first_published and self.first_published.isoformat()
        out["last_published"] = self.last_published and self.last_published.isoformat()
        out["entities_total"] = sum(self.entities.values())
        out["relations_total"] = sum(self.relations.values())
        return out

    def figures(self) -> list[tuple[str, str]]:
        """(figure, value) rows in reading order, for a table."""
        rows = [("articles", str(self.articles))]
        if self.first_published:
            rows.append(("published", f"{self.first_published} .. {self.last_published}"))
        rows += [("triples", str(self.triples)), ("quads", str(self.quads)),
                 ("entities", str(sum(self.entities.values())))]
        rows += [(f"entities.{kind}", str(n)) for kind, n in self.entities.items()]
        rows.append(("relations", str(sum(self.relations.values()))))
        rows += [(f"relations.{pred}", str(n)) for pred, n in self.relations.items()]
        rows.append(("assertions", str(self.assertions)))
        return rows


def stats(store: Store) -> Stats:
    """Count what ``store`` holds (read-only; works on a store another process is writing)."""
    articles, first, last = _one_row(store, _ARTICLES)
    entities = dict.fromkeys(ENTITY_TYPES, 0)
    for kind, n in _rows(store, _ENTITIES):
        entities[str(kind).removeprefix(str(FKG))] = int(n)
    relations = dict.fromkeys(RELATIONS, 0)
    for pred, n in _rows(store, _RELATIONS):
        relations[str(pred).removeprefix(str(FKG))] = int(n)
    return Stats(
        articles=int(articles or 0),
        triples=int(_one_row(store, _TRIPLES)[0] or 0),
        quads=int(_one_row(store, _QUADS)[0] or 0),
        entities=entities,
        relations=relations,
        assertions=int(_one_row(store, _ASSERTIONS)[0] or 0),
        first_published=first if isinstance(first, date) else None,
        last_published=last if isinstance(last, date) else None,
    )


def _rows(store: Store, sparql: str) -> list[tuple]:
    result = store.query(sparql)
    return [tuple(to_python(term) for term in row) for row in result.rows or ()]


def _one_row(store: Store, sparql: str) -> tuple:
    rows = _rows(store, sparql)
    return rows[0] if rows else (None, None, None)
