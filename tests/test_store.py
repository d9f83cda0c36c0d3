"""The store: embedded on disk or in memory, whole-article writes, hashes, locks."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

import kg.store
from kg.errors import QueryError, StoreError, StoreLocked, StoreMissing
from kg.store import ArticleGraph, _with_values, endpoints, open_store

ID = "https://w3id.org/fashion-kg/id/"
FKG = "https://w3id.org/fashion-kg/ontology#"


def graph(name: str, headline: str, digest: str = "", new: bool = False) -> ArticleGraph:
    iri = f"{ID}article/{name}"
    triples = (f'<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{FKG}Article> .\n'
               f'<{iri}> <https://schema.org/headline> "{headline}" .\n'
               f'<{iri}> <{FKG}contentHash> "{digest or name}" .')
    return ArticleGraph(iri, triples, digest or name, new=new)


def headlines(store) -> list[tuple[str, str]]:
    rows = store.query("SELECT ?g ?h WHERE { GRAPH ?g { ?g schema:headline ?h } } ORDER BY ?g ?h").rows
    return [(g.value.rsplit("/", 1)[1], h.value) for g, h in rows]


@pytest.fixture
def store():
    with open_store("memory") as memory:
        yield memory


def test_write_then_query_sees_union_of_graphs(store):
    store.write([graph("a", "One"), graph("b", "Two")])
    assert headlines(store) == [("a", "One"), ("b", "Two")]
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s schema:headline ?h }").rows.__next__()[0].value == "2"


def test_write_replaces_a_stored_graph(store):
    store.write([graph("a", "Old")])
    store.write([graph("a", "New")])
    assert headlines(store) == [("a", "New")]


def test_write_new_graphs_skip_the_drop(store):
    store.write([graph("a", "One", new=True), graph("b", "Two", new=True)])
    assert headlines(store) == [("a", "One"), ("b", "Two")]


def test_write_same_graph_twice_in_a_batch_keeps_the_last(store):
    store.write([graph("a", "First", new=True), graph("a", "Second", new=True)])
    assert headlines(store) == [("a", "Second")]


def test_write_on_disk_large_batch_uses_bulk_loader(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.store, "BULK_MIN_TRIPLES", 1)
    with open_store(tmp_path / "store") as disk:
        disk.write([graph("a", "One", new=True), graph("b", "Two", new=True)])
        disk.optimize()
        disk.write([graph("a", "Three")])
    with open_store(tmp_path / "store", read_only=True) as disk:
        assert headlines(disk) == [("a", "Three"), ("b", "Two")]


def test_article_hashes_by_iri_and_by_hash(store):
    store.write([graph("a", "One", digest="h1"), graph("b", "Two", digest="h2")])
    assert store.article_hashes(iris=[f"{ID}article/a"]) == {f"{ID}article/a": "h1"}
    assert store.article_hashes(hashes=["h2", "h9"]) == {f"{ID}article/b": "h2"}
    assert store.article_hashes() == {}


def test_query_binds_terms(store):
    store.write([graph("a", "One"), graph("b", "Two")])
    result = store.query("SELECT ?g ?h WHERE { GRAPH ?g { ?g schema:headline ?h } }", {"h": ox.Literal("Two")})
    assert [row[0].value for row in result.rows] == [f"{ID}article/b"]


def test_query_syntax_error_is_query_error(store):
    with pytest.raises(QueryError, match="syntax"):
        store.query("SELECT WHERE {")


def test_query_binding_a_variable_not_selected_is_query_error(store):
    with pytest.raises(QueryError):
        store.query("SELECT ?g WHERE { GRAPH ?g { ?g schema:headline ?h } }", {"h": ox.Literal("Two")})


def test_on_disk_store_in_use_is_locked(tmp_path):
    with open_store(tmp_path / "store"):
        with pytest.raises(StoreLocked, match="in use"):
            open_store(tmp_path / "store")


def test_read_only_store_refuses_writes(tmp_path):
    open_store(tmp_path / "store").close()
    with open_store(tmp_path / "store", read_only=True) as reader:
        with pytest.raises(StoreError, match="read-only"):
            reader.write([graph("a", "One", new=True)])


def test_read_only_missing_store_says_so(tmp_path):
    with pytest.raises(StoreMissing, match="no store"):
        open_store(tmp_path / "absent", read_only=True)


def test_load_file_loads_nquads(tmp_path):
    dump = tmp_path / "dump.nq"
    dump.write_text(f'<{ID}x> <{FKG}p> "1" <{ID}article/a> .\n')
    with open_store(tmp_path / "store") as disk:
        disk.load_file(dump, bulk=True)
        assert disk.article_hashes() == {}
        assert len(list(disk.query(f"SELECT * WHERE {{ <{ID}x> ?p ?o }}").rows)) == 1


def test_remote_bindings_open_the_where_group():
    text = _with_values("# where { not here\nSELECT ?g WHERE { ?g ?p ?o }", {"g": ox.NamedNode(f"{ID}a")})
    assert text == f"# where {{ not here\nSELECT ?g WHERE {{\n  VALUES (?g) {{ (<{ID}a>) }}\n ?g ?p ?o }}"


def test_remote_bindings_of_an_alias_follow_the_query():
    text = _with_values("SELECT (MIN(?l) AS ?name) WHERE { ?s rdfs:label ?l }", {"name": ox.Literal("x")})
    assert text.endswith('}\nVALUES (?name) { ("x") }')


def test_remote_bindings_split_between_the_where_group_and_after_the_query():
    text = _with_values("SELECT ?s (STR(?l) AS ?name) WHERE { ?s rdfs:label ?l }",
                        {"s": ox.NamedNode(f"{ID}a"), "name": ox.Literal("x")})
    assert text == (f"SELECT ?s (STR(?l) AS ?name) WHERE {{\n  VALUES (?s) {{ (<{ID}a>) }}\n ?s rdfs:label ?l }}"
                    '\nVALUES (?name) { ("x") }')


@pytest.mark.parametrize(("url", "query", "update", "oxigraph"), [
    ("http://h:7878", "http://h:7878/query", "http://h:7878/update", True),
    ("http://h:7878/query", "http://h:7878/query", "http://h:7878/update", True),
    ("http://h:3030/ds", "http://h:3030/ds/query", "http://h:3030/ds/update", False),
    ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg", "http://h:7200/repositories/kg/statements",
     False),
    ("https://db.neptune.amazonaws.com:8182/sparql", "https://db.neptune.amazonaws.com:8182/sparql",
     "https://db.neptune.amazonaws.com:8182/sparql", False),
])
def test_remote_endpoints_follow_the_server_layout(url, query, update, oxigraph):
    assert endpoints(url) == (query, update, oxigraph)
