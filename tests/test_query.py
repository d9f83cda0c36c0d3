"""The query library (load, parse, bind, run, refuse updates) and the ``kg query`` and
``kg queries`` commands, with their exact output and error text."""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from conftest import balenciaga_extraction, gucci_extraction, load

from kg.cli import cli
from kg.errors import ParamError, QueryError, ReadOnlyViolation, UnknownQuery
from kg.query import Query, ask, detect_form, load_query, named_queries, queries_dir, run, select
from kg.store import open_store
from kg.vocab import FKG, XSD

ID = "https://w3id.org/fashion-kg/id/"
KIM_GUCCI_CSV = ("personName,brandName,since,status,articles,person,brand\n"
                 f"Kim Kardashian,Gucci,,current,1,{ID}person/kim-kardashian,{ID}brand/gucci\n")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """An on-disk store of the two sample articles, shared by read-only tests."""
    path = tmp_path_factory.mktemp("query") / "store"
    with open_store(path) as store:
        load(store, [balenciaga_extraction(), gucci_extraction()])
    return str(path)


@pytest.fixture
def writable_store_path(tmp_path, sample_extractions):
    path = tmp_path / "store"
    with open_store(path) as store:
        load(store, sample_extractions)
    return str(path)


def kg(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def brand_count(path: str) -> int:
    with open_store(path, read_only=True) as store:
        return len(select(store, "SELECT DISTINCT ?b WHERE { ?b a fkg:Brand }"))


# library

def test_load_query_by_name():
    query = load_query("ambassadors")
    assert (query.name, query.title) == ("ambassadors", "Ambassadors of a brand")
    assert [p.name for p in query.params] == ["brand"]


def test_load_query_by_path(tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# title: Mine\nSELECT * WHERE { ?s ?p ?o }\n")
    assert load_query(str(path)).title == "Mine"


def test_load_query_unknown_lists_nearest_names():
    with pytest.raises(UnknownQuery) as info:
        load_query("ambasadors")
    assert str(info.value) == ("no named query 'ambasadors'; nearest: ambassadors, ambassador-timeline "
                               "(`kg queries` lists them)")


def test_query_header_continuation_lines():
    query = Query.from_text("# title: T\n# answers: one\n#   two\n# param: x integer optional  n\nASK {}")
    assert (query.answers, str(query.params[0])) == ("one two", "x (integer, optional)")


@pytest.mark.parametrize("text, kind", [
    ("SELECT ?s WHERE { ?s ?p ?o }", "select"), ("ASK { ?s ?p ?o }", "ask"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "graph"), ("DESCRIBE <http://x.com/a>", "graph"),
    ("DROP ALL", "update"), ("INSERT DATA { <http://x.com/a> <http://x.com/b> 1 }", "update"),
    ("PREFIX ex: <http://x.com/>\nDELETE WHERE { ?s ex:p ?o }", "update"),
])
def test_detect_form(text, kind):
    assert detect_form(text).kind == kind


def test_detect_form_select_variables():
    assert detect_form("SELECT ?b (COUNT(*) AS ?n) WHERE { ?b ?p ?o } GROUP BY ?b").variables == ("b", "n")


def test_syntax_error_shows_line_column_and_text():
    with pytest.raises(QueryError) as info:
        detect_form("SELECT ?s\nWHERE { ?s ?p ?o . FILTER(?s = ) }\n")
    message = str(info.value)
    assert message.startswith("SPARQL syntax error at line 2, column 20: "
                              "at the end of the query, expected one of ")
    assert message.endswith("; near: 'FILTER(?s = ) }'")


def test_syntax_error_points_at_offending_token():
    with pytest.raises(QueryError, match=r"line 1, column 35: expected one of HAVING, .*; near: 'x'$"):
        detect_form("SELECT * WHERE { ?s ?p ?o } LIMIT x")


def test_syntax_error_in_update_points_into_the_update():
    with pytest.raises(QueryError, match=r"line 1, column 49: .*near: '}'$"):
        detect_form("INSERT DATA { <http://x.com/a> <http://x.com/b> }")


def test_run_refuses_update_without_flag(memory_store):
    with pytest.raises(ReadOnlyViolation, match="pass --update"):
        run(memory_store, "DELETE WHERE { ?s ?p ?o }")
    assert ask(memory_store, "ASK { ?s ?p ?o }")


def test_run_update_with_flag(memory_store):
    run(memory_store, "DROP ALL", update=True)
    assert not ask(memory_store, "ASK { ?s ?p ?o }")


def test_select_returns_python_values(memory_store):
    assert select(memory_store, "ambassadors", brand="Balenciaga") == [{
        "personName": "Kim Kardashian", "brandName": "Balenciaga", "since": date(2024, 1, 22),
        "status": "current", "articles": 1, "person": ID + "person/kim-kardashian",
        "brand": ID + "brand/balenciaga"}]


def test_select_binds_dates_and_literals(memory_store):
    query = "SELECT ?a ?d WHERE { ?a schema:datePublished ?d }"
    assert select(memory_store, query, d="2024-02-01") == [{"a": ID + "article/gucci-108c8209ac29",
                                                            "d": date(2024, 2, 1)}]


def test_param_must_be_declared_by_named_query(memory_store):
    with pytest.raises(ParamError, match="no parameter 'person'; its parameters: brand"):
        select(memory_store, "ambassadors", person="Kim Kardashian")


def test_param_must_be_a_result_variable(memory_store):
    with pytest.raises(ParamError, match=r"\?s is not among the query's result variables \(o\)"):
        select(memory_store, "SELECT ?o WHERE { ?s ?p ?o }", s="Gucci")


def test_param_must_be_in_the_query(memory_store):
    with pytest.raises(ParamError, match=r"the query has no variable \?x to bind"):
        select(memory_store, "SELECT * WHERE { ?s ?p ?o }", x="1")


def test_named_queries_listed_in_name_order():
    names = [q.name for q in named_queries()]
    assert names == sorted(names) and len(names) == len(list(queries_dir().glob("*.rq")))


# kg query

def test_cli_query_named_csv(store_path):
    result = kg("query", "ambassadors", "--store", store_path, "-p", "brand=gucci", "-f", "csv")
    assert (result.exit_code, result.output) == (0, KIM_GUCCI_CSV)


def test_cli_query_table_in_a_pipe_is_not_truncated(store_path):
    result = kg("query", "ambassadors", "--store", store_path, "-p", "brand=Gucci")
    assert result.output.splitlines() == [
        "personName      brandName  since  status   articles  person                                  "
        "              brand",
        "--------------  ---------  -----  -------  --------  " + "-" * 52 + "  " + "-" * 42,
        f"Kim Kardashian  Gucci             current  1         {ID}person/kim-kardashian  {ID}brand/gucci",
        "(1 row)",
    ]


def test_cli_query_tsv_and_md(store_path):
    tsv = kg("query", "ambassadors", "--store", store_path, "-p", "brand=Gucci", "-f", "tsv").output
    md = kg("query", "ambassadors", "--store", store_path, "-p", "brand=Gucci", "-f", "md").output
    assert tsv == KIM_GUCCI_CSV.replace(",", "\t")
    assert md.splitlines()[:2] == ["| personName | brandName | since | status | articles | person | brand |",
                                   "|---|---|---|---|---|---|---|"]


def test_cli_query_json_is_sparql_results_json(store_path):
    result = kg("query", "ambassadors", "--store", store_path, "-p", "brand=Balenciaga", "-f", "json")
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["personName", "brandName", "since", "status", "articles", "person",
                                    "brand"]
    assert data["results"]["bindings"][0]["since"] == {
        "type": "literal", "value": "2024-01-22", "datatype": "http://www.w3.org/2001/XMLSchema#date"}


def test_cli_query_file(store_path, tmp_path):
    path = tmp_path / "brands.rq"
    path.write_text("SELECT DISTINCT ?name WHERE { ?b a fkg:Brand ; rdfs:label ?name } ORDER BY ?name\n")
    result = kg("query", str(path), "--store", store_path, "-f", "csv")
    assert result.output == "name\nBalenciaga\nGucci\nKering\n"


def test_cli_query_expression_with_param(store_path):
    result = kg("query", "--store", store_path, "-f", "csv", "-p", 'name="Gucci"',
                "-e", "SELECT ?b ?name WHERE { ?b rdfs:label ?name }")
    assert result.output == f"b,name\n{ID}brand/gucci,Gucci\n"


def test_cli_query_stdin(store_path):
    result = kg("query", "-", "--store", store_path, input="ASK { ?p fkg:ambassadorOf ?b }")
    assert (result.exit_code, result.output) == (0, "true\n")


def test_cli_query_ask_json(store_path):
    result = kg("query", "--store", store_path, "-f", "json", "-e", "ASK { ?p fkg:creativeDirectorOf ?b }")
    assert json.loads(result.output) == {"head": {}, "boolean": True}


def test_cli_query_construct_prints_turtle(store_path):
    result = kg("query", "--store", store_path, "-e",
                "CONSTRUCT { ?b rdfs:label ?l } WHERE { ?b fkg:parentCompany ?k . ?k rdfs:label ?l }")
    assert result.output.splitlines()[-1] == f'<{ID}brand/gucci> rdfs:label "Kering" .'
    assert result.output.startswith("@prefix")


def test_cli_query_describe_ntriples(store_path):
    result = kg("query", "--store", store_path, "-f", "nt", "-p", "b=Kering",
                "-e", "DESCRIBE ?b WHERE { ?b a fkg:Brand }")
    assert result.output == (f"<{ID}brand/kering> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                             "<https://w3id.org/fashion-kg/ontology#Brand> .\n"
                             f'<{ID}brand/kering> <http://www.w3.org/2000/01/rdf-schema#label> "Kering" .\n'
                             # and what the digest sums up
                             f'<{ID}brand/kering> <{FKG}articleCount> "2"^^<{XSD}integer> .\n'
                             f'<{ID}brand/kering> <{FKG}connections> "2"^^<{XSD}integer> .\n'
                             f'<{ID}brand/kering> <{FKG}kind> <{FKG}Brand> .\n'
                             f'<{ID}brand/kering> <{FKG}name> "Kering" .\n'
                             f"<{ID}brand/kering> <{FKG}recentMention> <{ID}article/balenciaga-closet-4d04f1fcd86b> .\n"
                             f"<{ID}brand/kering> <{FKG}recentMention> <{ID}article/gucci-108c8209ac29> .\n")


def test_cli_query_rdf_format_for_select_is_a_usage_error(store_path):
    result = kg("query", "ambassadors", "--store", store_path, "-f", "ttl")
    assert result.exit_code == 2
    assert "--format ttl is for CONSTRUCT and DESCRIBE" in result.output


def test_cli_query_syntax_error_exits_2(store_path):
    result = kg("query", "--store", store_path, "-e", "SELECT ?x WHERE { ?x ?y }")
    assert (result.exit_code, result.output) == (2, "Error: SPARQL syntax error at line 1, column 19: "
                                                   "at the end of the query, expected one of LATERAL, "
                                                   "SERVICE, [_]; near: '?x ?y }'\n")


def test_cli_query_unknown_name_exits_2(store_path):
    result = kg("query", "photographer", "--store", store_path)
    assert (result.exit_code, result.output) == (2, "Error: no named query 'photographer'; "
                                                   "nearest: photographers (`kg queries` lists them)\n")


def test_cli_query_unknown_entity_lists_close_matches(store_path):
    result = kg("query", "ambassadors", "--store", store_path, "-p", "brand=Balenciag")
    assert (result.exit_code, result.output) == (2, "Error: --param brand: no brand named 'Balenciag'; "
                                                   "close matches: Balenciaga (Brand)\n")


def test_cli_query_needs_query_or_expression(store_path):
    assert kg("query", "--store", store_path).exit_code == 2


def test_cli_query_refuses_update(writable_store_path):
    result = kg("query", "--store", writable_store_path, "-e", "DELETE WHERE { ?b a fkg:Brand }")
    assert (result.exit_code, result.output) == (2, "Error: this is a SPARQL update and queries are "
                                                   "read-only; pass --update to change the store\n")
    assert brand_count(writable_store_path) == 3


def test_cli_query_update_with_flag(writable_store_path):
    result = kg("query", "--store", writable_store_path, "--update", "-e",
                "DELETE WHERE { GRAPH ?g { ?b a fkg:Brand } }")
    assert result.exit_code == 0
    assert brand_count(writable_store_path) == 0


def test_cli_query_missing_store_is_an_error(tmp_path):
    result = kg("query", "ambassadors", "--store", str(tmp_path / "nowhere"))
    assert result.exit_code == 1 and "no store at" in result.output


# kg queries

def test_cli_queries_lists_names_and_parameters():
    result = kg("queries", "-f", "csv")
    lines = result.output.splitlines()
    assert lines[0] == "name,title,parameters,answers,example"
    assert [line.split(",")[0] for line in lines[1:]] == [q.name for q in named_queries()]
    assert any(line.startswith('ambassadors,Ambassadors of a brand,"brand (Brand, optional)"')
               for line in lines)


def test_cli_queries_name_prints_the_file():
    result = kg("queries", "provenance")
    assert result.output == (queries_dir() / "provenance.rq").read_text()
