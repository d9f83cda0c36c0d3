"""The public Python API a notebook uses."""
from __future__ import annotations

import networkx as nx

import kg


def test_every_public_name_resolves():
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name


def test_notebook_round_trip_from_articles_to_rows_and_graph(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# Loewe names Penélope Cruz ambassador\n\nMarch 5, 2024\n\n"
                       "Spanish fashion house Loewe has named Spanish actress Penélope Cruz as its newest global "
                       "ambassador.\n", encoding="utf-8")
    store = kg.open_store("memory")
    report = kg.ingest(store, [article])
    assert report.stored == 1
    rows = kg.select(store, "SELECT ?p WHERE { ?p fkg:ambassadorOf ?b }")
    assert rows == [{"p": "https://w3id.org/fashion-kg/id/person/penelope-cruz"}]
    graph = kg.to_networkx(store)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.has_edge("https://w3id.org/fashion-kg/id/person/penelope-cruz",
                          "https://w3id.org/fashion-kg/id/brand/loewe", key="ambassadorOf")
