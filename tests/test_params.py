"""--param values become typed RDF terms; entity names resolve to one IRI or say why not;
injection attempts are data, never query text, and never change the store."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from conftest import load

from kg.cli import cli
from kg.errors import ParamError
from kg.model import Article, Entity, Extraction
from kg.params import ParamSpec, infer_kind, iri_term, parse_spec, resolve_entity, split_assignment, to_term
from kg.query import run, select
from kg.store import open_store
from kg.vocab import ID

XSD = "http://www.w3.org/2001/XMLSchema#"


def hourglass_extraction() -> Extraction:
    """Two houses' bags both called Hourglass: one name, two products."""
    text = "Balenciaga's Hourglass and Gucci's Hourglass are both bags."
    bags = [Entity("Product", "Hourglass", brand="Balenciaga"), Entity("Product", "Hourglass", brand="Gucci")]
    return Extraction(Article(id="hourglass.md", text=text, source="hourglass.md"), bags, [], "test/1")


def quad_count(store) -> int:
    return next(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows)[0].value


def test_split_assignment_name_and_value():
    assert split_assignment("brand=Saint Laurent=YSL") == ("brand", "Saint Laurent=YSL")


@pytest.mark.parametrize("text", ["brand", "=x", "my brand=x", "b}=x", "1st=x"])
def test_split_assignment_rejects_bad_names(text):
    with pytest.raises(ParamError):
        split_assignment(text)


def test_parse_spec_reads_type_optional_and_description():
    assert parse_spec("brand Brand optional  the house") == ParamSpec("brand", "Brand", False, "the house")
    assert parse_spec("year integer") == ParamSpec("year", "integer", True, "")


@pytest.mark.parametrize("value, kind", [
    ("<https://example.com/a>", "iri"), ("https://example.com/a", "iri"), ("fkg:ambassadorOf", "iri"),
    ("42", "integer"), ("-1.5", "decimal"), ("2024-01-31", "date"), ("true", "boolean"),
    ('"Kim Kardashian"', "quoted"), ("Kim Kardashian", "entity"), ("Balenciaga: Closet", "entity"),
])
def test_infer_kind(value, kind):
    assert infer_kind(value) == kind


def test_to_term_typed_literals():
    assert to_term("42") == ox.Literal("42", datatype=ox.NamedNode(XSD + "integer"))
    assert to_term("2024-01-31") == ox.Literal("2024-01-31", datatype=ox.NamedNode(XSD + "date"))
    assert to_term("TRUE") == ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
    assert to_term("0.50") == ox.Literal("0.50", datatype=ox.NamedNode(XSD + "decimal"))
    assert to_term('"a } b"') == ox.Literal("a } b")
    assert to_term("Kim", "literal") == ox.Literal("Kim")


def test_to_term_python_values():
    assert to_term(date(2024, 1, 31)) == ox.Literal("2024-01-31", datatype=ox.NamedNode(XSD + "date"))
    assert to_term(2023) == ox.Literal("2023", datatype=ox.NamedNode(XSD + "integer"))


def test_to_term_curie_expands():
    assert to_term("fkg:ambassadorOf") == ox.NamedNode("https://w3id.org/fashion-kg/ontology#ambassadorOf")


def test_to_term_invalid_date_is_an_error():
    with pytest.raises(ParamError, match="not a valid date"):
        to_term("2024-02-30")


def test_to_term_declared_type_is_enforced():
    with pytest.raises(ParamError, match="not a valid integer"):
        to_term("twenty", "integer")


@pytest.mark.parametrize("bad", ["http://x.com/a b", "http://x.com/a>b", "<http://x.com/a>b>", 'http://x.com/"',
                                 "http://x.com/{", "http://x.com/}", "http://x.com/|", "http://x.com/^",
                                 "http://x.com/`", "http://x.com/\\", "http://x.com/a\nb", "<no-scheme>"])
def test_iri_term_rejects_unsafe_iris(bad):
    with pytest.raises(ParamError, match="not a valid IRI"):
        iri_term(bad)


def test_resolve_entity_exact_label(memory_store):
    assert resolve_entity(memory_store, "Balenciaga") == ox.NamedNode(ID + "brand/balenciaga")


def test_resolve_entity_folds_case_and_accents(memory_store):
    assert resolve_entity(memory_store, "BALENCIÁGA", "Brand") == ox.NamedNode(ID + "brand/balenciaga")


def test_resolve_entity_by_alt_label(memory_store):
    assert resolve_entity(memory_store, "ms. kardashian") == ox.NamedNode(ID + "person/kim-kardashian")


def test_resolve_entity_product_by_folded_label(memory_store):
    bag = ox.NamedNode(ID + "product/balenciaga/le-city")
    assert resolve_entity(memory_store, "le city", "Product") == bag


def test_resolve_entity_respects_type(memory_store):
    with pytest.raises(ParamError, match="no person named 'Kering'"):
        resolve_entity(memory_store, "Kering", "Person")


def test_resolve_entity_none_lists_close_matches(memory_store):
    with pytest.raises(ParamError) as info:
        resolve_entity(memory_store, "Kim Kardashain")
    assert str(info.value) == "no entity named 'Kim Kardashain'; close matches: Kim Kardashian (Person)"


def test_resolve_entity_several_lists_them(memory_store):
    load(memory_store, [hourglass_extraction()])
    with pytest.raises(ParamError) as info:
        resolve_entity(memory_store, "hourglass")
    assert str(info.value) == (
        f"2 entities are named 'hourglass': Hourglass (Product) <{ID}product/balenciaga/hourglass>; "
        f"Hourglass (Product) <{ID}product/gucci/hourglass>; pass the IRI instead")


INJECTIONS = ['} ; DROP ALL ; #', '"} ; DROP ALL ; #"', "Balenciaga' } DROP ALL { '",
              "Balenciaga\" } ; CLEAR ALL",
              "{ ?s ?p ?o }", "Balenciaga\nDROP ALL", "Balenciaga>", "<http://x.com/a> } ; DROP ALL ; #",
              "http://x.com/a>DROP ALL", "<http://x.com/a>", "Balenciaga#"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_through_entity_param_returns_nothing(memory_store, value):
    before = quad_count(memory_store)
    try:
        assert select(memory_store, "ambassadors", brand=value) == []
    except ParamError:
        pass
    assert quad_count(memory_store) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_through_untyped_param_returns_nothing(memory_store, value):
    before = quad_count(memory_store)
    query = "SELECT ?label ?e WHERE { ?e rdfs:label ?label }"
    try:
        assert list(run(memory_store, query, {"label": value}).rows) == []
    except ParamError:
        pass
    assert quad_count(memory_store) == before


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    from conftest import balenciaga_extraction, gucci_extraction

    path = tmp_path_factory.mktemp("params") / "store"
    with open_store(path) as store:
        load(store, [balenciaga_extraction(), gucci_extraction()])
    return path


@pytest.mark.parametrize("value", INJECTIONS[:2] + INJECTIONS[4:8])
def test_injection_through_cli_never_changes_disk_store(disk_store, value):
    path = disk_store
    with open_store(path, read_only=True) as store:
        before = quad_count(store)
    result = CliRunner().invoke(cli, ["query", "ambassadors", "--store", str(path),
                                      "--param", f"brand={value}", "--format", "csv"])
    assert result.exit_code in (0, 2)
    header = "personName,brandName,since,status,articles,person,brand\n"
    assert result.exit_code == 2 or result.output == header
    with open_store(path, read_only=True) as store:
        assert quad_count(store) == before
