"""Shared fixtures: a tiny hand-made graph, independent of the extractor's rules.

Two articles: Balenciaga's Closet campaign (Kim Kardashian ambassador, shot by Inez van
Lamsweerde and Vinoodh Matadin, features the Le City bag; Demna creative director) and
a Gucci one (Kim Kardashian also ambassador of Gucci; David Sims shoots the Ancora
campaign featuring Kendall Jenner). Kering owns both houses.

And ``server``: a read-write ``oxigraph serve`` process, for ingest and load over HTTP.
"""
from __future__ import annotations

from datetime import date

import pytest

from kg import digest
from kg.ids import text_hash
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdfmap import to_ntriples
from kg.serve import Endpoint, oxigraph_binary
from kg.store import ArticleGraph, open_store


def _rel(s: Entity, p: str, o: Entity, sentence: str, start: int = 0, **kw) -> Relation:
    return Relation(s.key, p, o.key, Evidence(sentence, start, start + len(sentence), 0.9), **kw)


def balenciaga_extraction() -> Extraction:
    text = ("Balenciaga names Kim Kardashian ambassador. The Closet campaign, shot by Inez van "
            "Lamsweerde and Vinoodh Matadin, features the Le City bag. Demna is creative director.")
    article = Article(id="https://example.com/balenciaga-closet", url="https://example.com/balenciaga-closet",
                      title="Balenciaga goes live with new Closet campaign", text=text,
                      published=date(2024, 1, 23), publisher="Luxury Daily", source="balenciaga.md")
    bal = Entity("Brand", "Balenciaga")
    ker = Entity("Brand", "Kering")
    kim = Entity("Person", "Kim Kardashian", {"Ms. Kardashian"}, nationality="American",
                 occupation=["media personality"])
    inez = Entity("Person", "Inez van Lamsweerde", occupation=["photographer"])
    vin = Entity("Person", "Vinoodh Matadin", occupation=["photographer"])
    demna = Entity("Person", "Demna")
    city = Entity("Product", "Le City", {"Le City Bag"}, brand="Balenciaga")
    closet = Entity("Campaign", "Closet", {"Closet campaign"}, brand="Balenciaga")
    s1, s2, s3 = text.split(". ")[0] + ".", text.split(". ")[1] + ".", text.split(". ")[2]
    rels = [
        _rel(kim, "ambassadorOf", bal, s1, since=date(2024, 1, 22)),
        _rel(closet, "photographedBy", inez, s2, 43),
        _rel(closet, "photographedBy", vin, s2, 43),
        _rel(closet, "features", city, s2, 43),
        _rel(closet, "brand", bal, s2, 43),
        _rel(city, "brand", bal, s2, 43),
        _rel(demna, "creativeDirectorOf", bal, s3, 140),
        _rel(bal, "parentCompany", ker, s1),
    ]
    return Extraction(article, [bal, ker, kim, inez, vin, demna, city, closet], rels, "test/1")


def gucci_extraction() -> Extraction:
    text = ("Kim Kardashian is also an ambassador of Gucci. David Sims shot the Ancora campaign, "
            "which stars Kendall Jenner.")
    article = Article(id="gucci.md", title="Gucci Ancora", text=text, published=date(2024, 2, 1), source="gucci.md")
    gucci = Entity("Brand", "Gucci")
    ker = Entity("Brand", "Kering")
    kim = Entity("Person", "Kim Kardashian")
    sims = Entity("Person", "David Sims", occupation=["photographer"])
    kendall = Entity("Person", "Kendall Jenner", nationality="American", occupation=["model"])
    ancora = Entity("Campaign", "Ancora", brand="Gucci")
    s1, s2 = text.split(". ")[0] + ".", text.split(". ")[1]
    rels = [
        _rel(kim, "ambassadorOf", gucci, s1),
        _rel(ancora, "photographedBy", sims, s2, 46),
        _rel(ancora, "features", kendall, s2, 46),
        _rel(ancora, "brand", gucci, s2, 46),
        _rel(gucci, "parentCompany", ker, s1),
    ]
    return Extraction(article, [gucci, ker, kim, sims, kendall, ancora], rels, "test/1")


def load(store, extractions) -> None:
    graphs = []
    for extraction in extractions:
        iri, nt = to_ntriples(extraction)
        graphs.append(ArticleGraph(iri, nt, text_hash(extraction.article.text)))
    store.write(graphs)
    digest.refresh(store)


@pytest.fixture
def sample_extractions() -> list[Extraction]:
    return [balenciaga_extraction(), gucci_extraction()]


@pytest.fixture
def memory_store(sample_extractions):
    """An in-memory store holding the two sample articles."""
    store = open_store("memory")
    load(store, sample_extractions)
    yield store
    store.close()


@pytest.fixture
def disk_store(tmp_path, sample_extractions):
    """An on-disk store (its path) holding the two sample articles, closed again."""
    path = tmp_path / "store"
    with open_store(path) as store:
        load(store, sample_extractions)
    return path


class Server(Endpoint):
    """``oxigraph serve`` (read-write) on a free 127.0.0.1 port."""

    def command(self) -> list[str]:
        return [oxigraph_binary(), "serve", "--location", str(self.location),
                "--bind", f"127.0.0.1:{self.port}", "--union-default-graph"]


@pytest.fixture
def server(tmp_path):
    (tmp_path / "served").mkdir()
    with Server(str(tmp_path / "served"), port=0) as running:
        yield running
