"""Map an ``Extraction`` to RDF: one named graph per article, named by the article's IRI.

The graph holds the article's metadata, every entity it mentions (type, label, altLabels,
attributes), every relation, and for each relation an ``fkg:Assertion`` record (standard
RDF reification) carrying the evidence sentence, its character span, the confidence, the
extractor version and, where the text says so, ``fkg:past`` and ``fkg:since``.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from .ids import article_iri, assertion_iri, entity_iri, text_hash
from .model import Article, Entity, Extraction
from .vocab import FKG, PREFIXES, PROV, RDF, RDFS, SDO, SKOS, XSD

Quad = tuple[Node, Node, Node, URIRef]


def iri_of_article(article: Article) -> str:
    """The article's IRI from its identity (URL, else source path)."""
    stem = article.source.rsplit("/", 1)[-1].rsplit(".", 1)[0] if article.source else ""
    if article.url:
        stem = article.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or stem
    return article_iri(article.id, stem)


def iri_of_entity(entity: Entity) -> str:
    """The entity's IRI: products and campaigns are scoped by their brand."""
    return entity_iri(entity.type, entity.name, entity.brand)


def _safe_iri(url: str) -> URIRef | None:
    if any(c in url for c in '<>"{}|\\^` \n\t') or ":" not in url:
        return None
    return URIRef(url)


def quads(extraction: Extraction) -> Iterator[Quad]:
    """The quads of one article's named graph."""
    article = extraction.article
    a = URIRef(iri_of_article(article))
    g = a

    def q(s: Node, p: Node, o: Node) -> Quad:
        return (s, p, o, g)

    yield q(a, RDF.type, FKG.Article)
    if article.title:
        yield q(a, SDO.headline, Literal(article.title))
    if article.published:
        yield q(a, SDO.datePublished, Literal(article.published.isoformat(), datatype=XSD.date))
    if article.publisher:
        yield q(a, SDO.publisher, Literal(article.publisher))
    if article.url and (url := _safe_iri(article.url)):
        yield q(a, SDO.url, url)
    if article.section:
        yield q(a, SDO.articleSection, Literal(article.section))
    yield q(a, FKG.source, Literal(article.source or article.id))
    yield q(a, FKG.contentHash, Literal(text_hash(article.text)))
    if extraction.extractor_version:
        yield q(a, FKG.extractorVersion, Literal(extraction.extractor_version))

    iris: dict[tuple[str, str], URIRef] = {}
    for entity in extraction.entities:
        e = URIRef(iri_of_entity(entity))
        iris[entity.key] = e
        yield q(e, RDF.type, FKG[entity.type])
        yield q(e, RDFS.label, Literal(entity.name))
        for alias in sorted(entity.aliases - {entity.name}):
            yield q(e, SKOS.altLabel, Literal(alias))
        if entity.nationality:
            yield q(e, FKG.nationality, Literal(entity.nationality))
        for occupation in entity.occupation:
            yield q(e, FKG.occupation, Literal(occupation))
        yield q(a, FKG.mentions, e)
        if article.byline and entity.type == "Person" and entity.name == article.byline:
            yield q(a, SDO.author, e)

    for rel in extraction.relations:
        s, o = iris.get(rel.subject), iris.get(rel.object)
        if s is None or o is None:
            continue
        p = FKG[rel.predicate]
        yield q(s, p, o)
        r = URIRef(assertion_iri(str(a), str(s), str(p), str(o)))
        yield q(r, RDF.type, FKG.Assertion)
        yield q(r, RDF.subject, s)
        yield q(r, RDF.predicate, p)
        yield q(r, RDF.object, o)
        yield q(r, PROV.wasDerivedFrom, a)
        yield q(r, FKG.evidenceText, Literal(rel.evidence.sentence))
        yield q(r, FKG.startOffset, Literal(rel.evidence.start))
        yield q(r, FKG.endOffset, Literal(rel.evidence.end))
        yield q(r, FKG.confidence, Literal(Decimal(str(round(rel.evidence.confidence, 3))), datatype=XSD.decimal))
        if extraction.extractor_version:
            yield q(r, FKG.extractorVersion, Literal(extraction.extractor_version))
        if rel.past:
            yield q(r, FKG.past, Literal(True))
        if rel.since:
            yield q(r, FKG.since, Literal(rel.since.isoformat(), datatype=XSD.date))


def to_dataset(extractions: list[Extraction]) -> Dataset:
    """An rdflib Dataset of the given articles, prefixes bound, for serialising."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for extraction in extractions:
        for s, p, o, g in quads(extraction):
            ds.graph(g).add((s, p, o))
    return ds


def to_ntriples(extraction: Extraction) -> tuple[str, str]:
    """(graph IRI, the graph's triples as N-Triples text), for the store's INSERT DATA."""
    lines = []
    graph = ""
    for s, p, o, g in quads(extraction):
        graph = str(g)
        lines.append(f"{s.n3()} {p.n3()} {o.n3()} .")
    return graph, "\n".join(lines)
