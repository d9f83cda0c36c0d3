"""The ontology, the SHACL shapes, ``kg.validate`` and ``kg validate``."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from kg.cli import cli
from kg.rdfmap import to_dataset
from kg.resources import resource
from kg.store import open_store
from kg.validate import Violation, validate, validate_graph
from kg.vocab import FKG, ID, PROV, RDF, RDFS, SDO, XSD

KIM = URIRef(f"{ID}person/kim-kardashian")
BALENCIAGA = URIRef(f"{ID}brand/balenciaga")
LE_CITY = URIRef(f"{ID}product/balenciaga/le-city")
CLOSET = URIRef(f"{ID}campaign/balenciaga/closet")
ARTICLE = URIRef(f"{ID}article/closet-123")
ASSERTION = URIRef(f"{ID}assertion/abc")


def graph(*triples) -> Graph:
    g = Graph()
    for triple in triples:
        g.add(triple)
    return g


def named(node: URIRef, kind: str, name: str) -> list[tuple]:
    return [(node, RDF.type, FKG[kind]), (node, RDFS.label, Literal(name))]


KIM_PERSON = named(KIM, "Person", "Kim Kardashian")
BALENCIAGA_BRAND = named(BALENCIAGA, "Brand", "Balenciaga")
LE_CITY_PRODUCT = named(LE_CITY, "Product", "Le City")
CLOSET_CAMPAIGN = named(CLOSET, "Campaign", "Closet")


def article(node: URIRef = ARTICLE) -> list[tuple]:
    return [(node, RDF.type, FKG.Article), (node, FKG.source, Literal("closet.md")),
            (node, FKG.contentHash, Literal("0" * 64))]


def assertion(**overrides) -> list[tuple]:
    """A well-formed provenance record of Kim ambassadorOf Balenciaga; ``overrides`` replace values."""
    values = {"subject": KIM, "predicate": FKG.ambassadorOf, "object": BALENCIAGA, "wasDerivedFrom": ARTICLE,
              "evidenceText": Literal("Balenciaga names Kim Kardashian ambassador."),
              "startOffset": Literal(0), "endOffset": Literal(43),
              "confidence": Literal("0.9", datatype=XSD.decimal)} | overrides
    props = {"subject": RDF.subject, "predicate": RDF.predicate, "object": RDF.object,
             "wasDerivedFrom": PROV.wasDerivedFrom}
    return [(ASSERTION, RDF.type, FKG.Assertion)] + [
        (ASSERTION, props.get(key, FKG[key]), value) for key, value in values.items() if value is not None]


def ambassadorship(**overrides) -> Graph:
    return graph(*KIM_PERSON, *BALENCIAGA_BRAND,
                 (KIM, FKG.ambassadorOf, BALENCIAGA), *article(), *assertion(**overrides))


def lines(report) -> list[str]:
    return [str(v) for v in report.violations]


# --- the ontology -------------------------------------------------------------------

@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource("ontology", "fashion.ttl"))


def test_ontology_declares_version_and_license(ontology):
    onto = URIRef("https://w3id.org/fashion-kg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionIRI) == URIRef("https://w3id.org/fashion-kg/ontology/0.1.0")
    assert ontology.value(onto, OWL.versionInfo) == Literal("0.1.0")


def test_ontology_terms_have_label_and_comment(ontology):
    terms = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(FKG))}
    assert len(terms) >= 25
    assert [t for t in sorted(terms) if ontology.value(t, RDFS.label) is None] == []
    assert [t for t in sorted(terms) if ontology.value(t, RDFS.comment) is None] == []


def test_ontology_declares_every_term_the_mapping_writes(ontology, sample_extractions):
    used = set()
    for _, p, o, _ in to_dataset(sample_extractions).quads():
        used |= {t for t in (p, o if p == RDF.type else None) if t is not None and t.startswith(str(FKG))}
    assert sorted(t for t in used if (t, RDF.type, None) not in ontology) == []


def test_ontology_aligns_classes_to_schema_org(ontology):
    assert (FKG.Brand, RDFS.subClassOf, SDO.Organization) in ontology
    assert (FKG.Campaign, RDFS.subClassOf, SDO.CreativeWork) in ontology
    assert (FKG.brand, RDFS.subPropertyOf, SDO.brand) in ontology


# --- shapes on hand-made graphs -----------------------------------------------------

def test_validate_graph_sample_extractions_conform(sample_extractions):
    report = validate_graph(to_dataset(sample_extractions))
    assert lines(report) == []
    assert report.conforms
    assert (report.entities, report.relations) == (12, 13)


def test_validate_graph_person_without_label_fails():
    report = validate_graph(graph((KIM, RDF.type, FKG.Person)))
    assert not report.conforms
    assert report.violations == [Violation(
        focus=str(KIM), label="", path="rdfs:label",
        message="has no rdfs:label: every entity needs its canonical name")]
    assert lines(report) == [f"<{KIM}>: rdfs:label: has no rdfs:label: every entity needs its canonical name"]


def test_validate_graph_person_with_two_labels_fails():
    report = validate_graph(graph(*KIM_PERSON, (KIM, RDFS.label, Literal("Kim"))))
    assert lines(report) == [
        f"Kim / Kim Kardashian <{KIM}>: rdfs:label: has more than one rdfs:label: keep one canonical name "
        "and put the other forms in skos:altLabel"]


def test_validate_graph_ambassador_of_product_fails():
    report = validate_graph(graph(*KIM_PERSON, *LE_CITY_PRODUCT,
                                  (KIM, FKG.ambassadorOf, LE_CITY)))
    assert lines(report) == [
        f"Kim Kardashian <{KIM}>: fkg:ambassadorOf: the object of fkg:ambassadorOf must be a Brand "
        f"(got Le City <{LE_CITY}>)"]
    assert report.violations[0].value_label == "Le City"


def test_validate_graph_relation_from_wrong_subject_names_the_node():
    report = validate_graph(graph(*LE_CITY_PRODUCT, *KIM_PERSON,
                                  (LE_CITY, FKG.photographedBy, KIM)))
    assert lines(report) == [
        f"Le City <{LE_CITY}>: is the subject of fkg:photographedBy but is not a Campaign"]


def test_validate_graph_features_accepts_person_and_product():
    report = validate_graph(graph(*CLOSET_CAMPAIGN, *KIM_PERSON,
                                  *LE_CITY_PRODUCT,
                                  (CLOSET, FKG.features, KIM), (CLOSET, FKG.features, LE_CITY)))
    assert report.conforms


def test_validate_graph_features_rejects_brand():
    report = validate_graph(graph(*CLOSET_CAMPAIGN, *BALENCIAGA_BRAND,
                                  (CLOSET, FKG.features, BALENCIAGA)))
    assert [v.message for v in report.violations] == [
        "the object of fkg:features must be a Person or a Product"]


def test_validate_graph_mentions_needs_an_entity():
    report = validate_graph(graph(*article(), (ARTICLE, FKG.mentions, URIRef("https://example.com/x"))))
    assert lines(report) == [
        f"closet.md <{ARTICLE}>: fkg:mentions: the object of fkg:mentions must be a Brand, Person, Product "
        "or Campaign (got <https://example.com/x>)"]


def test_validate_graph_article_needs_source_and_hash():
    headline = (ARTICLE, SDO.headline, Literal("Closet"))
    report = validate_graph(graph((ARTICLE, RDF.type, FKG.Article), headline))
    assert [(v.label, v.path) for v in report.violations] == [
        ("Closet", "fkg:contentHash"), ("Closet", "fkg:source")]


def test_validate_graph_article_date_must_be_xsd_date():
    report = validate_graph(graph(*article(), (ARTICLE, SDO.datePublished, Literal("23 January 2024"))))
    assert [v.path for v in report.violations] == ["schema:datePublished"]


def test_validate_graph_article_title_is_optional():
    assert validate_graph(graph(*article())).conforms


def test_validate_graph_well_formed_assertion_conforms():
    report = validate_graph(ambassadorship())
    assert lines(report) == []


def test_validate_graph_assertion_confidence_out_of_range_fails():
    report = validate_graph(ambassadorship(confidence=Literal("1.5", datatype=XSD.decimal)))
    assert lines(report) == [
        f"Kim Kardashian ambassadorOf Balenciaga <{ASSERTION}>: fkg:confidence: an assertion needs "
        'exactly one fkg:confidence, an xsd:decimal from 0 to 1 (got "1.5"^^xsd:decimal)']


def test_validate_graph_assertion_negative_offset_fails():
    report = validate_graph(ambassadorship(startOffset=Literal(-1)))
    assert [v.path for v in report.violations] == ["fkg:startOffset"]


def test_validate_graph_assertion_start_after_end_fails():
    report = validate_graph(ambassadorship(startOffset=Literal(50)))
    assert [v.path for v in report.violations] == ["fkg:startOffset"]


def test_validate_graph_assertion_without_article_fails():
    report = validate_graph(ambassadorship(wasDerivedFrom=None))
    assert [v.path for v in report.violations] == ["prov:wasDerivedFrom"]


def test_validate_graph_assertion_predicate_must_be_a_relation():
    report = validate_graph(ambassadorship(predicate=FKG.mentions))
    assert [(v.path, v.value) for v in report.violations] == [("rdf:predicate", "fkg:mentions")]


def test_validate_graph_leaves_input_unchanged():
    g = graph((KIM, RDF.type, FKG.Person))
    validate_graph(g)
    assert len(g) == 1


# --- the store ----------------------------------------------------------------------

def test_validate_sample_store_conforms(memory_store):
    report = validate(memory_store)
    assert (report.conforms, report.violations) == (True, [])
    assert (report.entities, report.relations) == (12, 13)


def test_validate_entity_in_two_articles_has_one_label(memory_store):
    # Kim Kardashian and Kering are in both sample articles: two stored rdfs:label quads each
    rows = memory_store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{KIM}> rdfs:label ?l }} }}").rows
    assert len(list(rows)) == 2
    assert validate(memory_store).conforms


def test_validate_store_reports_labels_across_articles(memory_store):
    memory_store.update(f'INSERT DATA {{ GRAPH <{ID}article/other> {{ <{KIM}> rdfs:label "Kim K." }} }}')
    report = validate(memory_store)
    assert lines(report) == [
        f"Kim K. / Kim Kardashian <{KIM}>: rdfs:label: has more than one rdfs:label: keep one canonical name "
        "and put the other forms in skos:altLabel"]


# --- kg validate --------------------------------------------------------------------

def test_validate_command_valid_store_exits_0(disk_store):
    result = CliRunner().invoke(cli, ["validate", "--store", str(disk_store)])
    assert result.exit_code == 0
    assert result.stdout == "Valid: 12 entities, 13 relations conform to ontology/shapes.ttl\n"


def test_validate_command_violation_exits_1(disk_store):
    with open_store(disk_store) as store:
        store.update(f"INSERT DATA {{ GRAPH <{ID}article/x> {{ <{KIM}> fkg:ambassadorOf <{LE_CITY}> }} }}")
    result = CliRunner().invoke(cli, ["validate", "--store", str(disk_store)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"Kim Kardashian <{KIM}>: fkg:ambassadorOf: the object of fkg:ambassadorOf must be a Brand "
        f"(got Le City <{LE_CITY}>)\n"
        "Invalid: 1 violation on 1 node (12 entities, 14 relations checked against ontology/shapes.ttl)\n")


def test_validate_command_missing_store_exits_1(tmp_path):
    result = CliRunner().invoke(cli, ["validate", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "Error: no store at" in result.stderr


def test_validate_command_reads_a_store_held_by_a_writer(disk_store):
    with open_store(disk_store):  # an ingest holding the store
        result = CliRunner().invoke(cli, ["validate", "--store", str(disk_store)])
    assert result.exit_code == 0, result.output
