"""Mapping extractions to RDF: graphs, IRIs and provenance records."""
from __future__ import annotations

from rdflib import Dataset, Literal, URIRef

from kg.ids import entity_iri, slugify
from kg.rdfmap import iri_of_article, quads, to_dataset
from kg.vocab import FKG, PROV, RDF, RDFS, SKOS


def test_slugify_folds_case_accents_and_punctuation():
    assert slugify("Chloé") == "chloe"
    assert slugify("Inez van Lamsweerde") == "inez-van-lamsweerde"
    assert slugify("Dolce & Gabbana") == "dolce-and-gabbana"


def test_entity_iris_follow_the_contract():
    assert entity_iri("Brand", "Balenciaga") == "https://w3id.org/fashion-kg/id/brand/balenciaga"
    assert entity_iri("Person", "Kim Kardashian") == "https://w3id.org/fashion-kg/id/person/kim-kardashian"
    assert entity_iri("Product", "Le City", "Balenciaga") == "https://w3id.org/fashion-kg/id/product/balenciaga/le-city"


def test_products_of_two_houses_with_one_name_stay_apart():
    assert entity_iri("Product", "Hourglass", "Balenciaga") != entity_iri("Product", "Hourglass", "Other House")


def test_every_quad_is_in_the_article_graph(sample_extractions):
    extraction = sample_extractions[0]
    graph = URIRef(iri_of_article(extraction.article))
    assert {g for *_, g in quads(extraction)} == {graph}


def test_article_iri_is_stable_across_runs(sample_extractions):
    a = sample_extractions[0].article
    assert iri_of_article(a) == iri_of_article(a)
    assert iri_of_article(a).startswith("https://w3id.org/fashion-kg/id/article/")


def test_entities_carry_type_label_and_aliases(sample_extractions):
    ds = to_dataset(sample_extractions[:1])
    kim = URIRef(entity_iri("Person", "Kim Kardashian"))
    assert (kim, RDF.type, FKG.Person) in ds.quads((kim, RDF.type, None, None)) or \
        any(True for _ in ds.quads((kim, RDF.type, FKG.Person, None)))
    labels = {str(o) for _, _, o, _ in ds.quads((kim, RDFS.label, None, None))}
    aliases = {str(o) for _, _, o, _ in ds.quads((kim, SKOS.altLabel, None, None))}
    assert labels == {"Kim Kardashian"}
    assert aliases == {"Ms. Kardashian"}


def test_each_relation_has_a_provenance_record_with_its_sentence(sample_extractions):
    ds = to_dataset(sample_extractions[:1])
    records = list(ds.quads((None, RDF.type, FKG.Assertion, None)))
    relations = [q for q in ds.quads((None, None, None, None))
                 if q[1] in (FKG.ambassadorOf, FKG.photographedBy, FKG.features, FKG.brand,
                             FKG.creativeDirectorOf, FKG.parentCompany)]
    assert len(records) == len(relations)
    record = records[0][0]
    assert any(True for _ in ds.quads((record, PROV.wasDerivedFrom, None, None)))
    assert any(True for _ in ds.quads((record, FKG.evidenceText, None, None)))


def test_since_date_is_kept_on_the_provenance_record(sample_extractions):
    ds = to_dataset(sample_extractions[:1])
    since = [o for _, _, o, _ in ds.quads((None, FKG.since, None, None))]
    assert since == [Literal("2024-01-22", datatype=since[0].datatype)]


def test_dataset_round_trips_through_nquads(sample_extractions):
    ds = to_dataset(sample_extractions)
    again = Dataset()
    again.parse(data=ds.serialize(format="nquads"), format="nquads")
    assert len(list(again.quads((None, None, None, None)))) == len(list(ds.quads((None, None, None, None))))
