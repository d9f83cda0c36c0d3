"""kg.graph: the store as a networkx MultiDiGraph, its filters and projections."""
from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest
import rdflib
from conftest import _rel, load

from kg.errors import ParamError
from kg.graph import brand_brand, person_brand, person_person, resolve_entity, to_networkx
from kg.model import Article, Entity, Extraction

ID = "https://w3id.org/fashion-kg/id/"
KIM, BAL, GUCCI = f"{ID}person/kim-kardashian", f"{ID}brand/balenciaga", f"{ID}brand/gucci"
DEMNA, CLOSET = f"{ID}person/demna", f"{ID}campaign/balenciaga/closet"


def later_extraction() -> Extraction:
    """A March article: Kim was (past) Balenciaga's ambassador; a Gucci bag also named Ancora."""
    text = "Kim Kardashian was the face of Balenciaga. Gucci's Ancora bag sold out."
    article = Article(id="later.md", text=text, title="Later", published=date(2024, 3, 5), source="later.md")
    kim, bal = Entity("Person", "Kim Kardashian"), Entity("Brand", "Balenciaga")
    gucci, bag = Entity("Brand", "Gucci"), Entity("Product", "Ancora", brand="Gucci")
    rels = [_rel(kim, "ambassadorOf", bal, text.split(". ")[0] + ".", past=True),
            _rel(bag, "brand", gucci, text.split(". ")[1], 43)]
    return Extraction(article, [kim, bal, gucci, bag], rels, "test/1")


@pytest.fixture
def graph(memory_store):
    return to_networkx(memory_store)


@pytest.fixture
def later_store(memory_store):
    load(memory_store, [later_extraction()])
    return memory_store


def test_to_networkx_has_one_node_per_entity(graph):
    assert graph.number_of_nodes() == 12
    assert graph.nodes[KIM] == {"label": "Kim Kardashian", "type": "Person", "aliases": ["Ms. Kardashian"],
                                "nationality": "American", "occupation": ["media personality"]}


def test_to_networkx_edge_key_is_predicate_with_support(graph):
    edge = graph.edges[KIM, BAL, "ambassadorOf"]
    assert edge == {
        "predicate": "https://w3id.org/fashion-kg/ontology#ambassadorOf",
        "articles": [f"{ID}article/balenciaga-closet-4d04f1fcd86b"], "article_count": 1,
        "first_date": "2024-01-23", "last_date": "2024-01-23", "past": False,
        "evidence": ["Balenciaga names Kim Kardashian ambassador."],
    }
    assert graph.number_of_edges() == 13


def test_to_networkx_merges_support_across_articles(later_store):
    edge = to_networkx(later_store).edges[KIM, BAL, "ambassadorOf"]
    assert (edge["article_count"], edge["first_date"], edge["last_date"], edge["past"]) == \
        (2, "2024-01-23", "2024-03-05", True)
    assert len(edge["evidence"]) == 2


def test_to_networkx_values_are_plain_python(graph):
    values = [v for _, d in graph.nodes(data=True) for v in d.values()]
    values += [v for *_, d in graph.edges(data=True) for v in d.values()]
    flat = [x for v in values for x in (v if isinstance(v, list) else [v])]
    assert not [x for x in flat if isinstance(x, rdflib.term.Node | ox.NamedNode | ox.Literal)]
    assert {type(x) for x in flat} <= {str, int, bool, type(None)}


def test_to_networkx_without_evidence_omits_sentences(memory_store):
    assert "evidence" not in to_networkx(memory_store, evidence=False).edges[KIM, BAL, "ambassadorOf"]


def test_to_networkx_articles_become_nodes_with_mentions(memory_store):
    g = to_networkx(memory_store, articles=True)
    articles = [n for n, t in g.nodes(data="type") if t == "Article"]
    assert len(articles) == 2
    gucci_article = next(a for a in articles if g.nodes[a]["label"] == "Gucci Ancora")
    assert g.nodes[gucci_article]["date"] == "2024-02-01"
    assert g.has_edge(gucci_article, KIM, "mentions")


def test_to_networkx_types_keeps_only_those_types(memory_store):
    g = to_networkx(memory_store, types=["Brand"])
    assert sorted(d["label"] for _, d in g.nodes(data=True)) == ["Balenciaga", "Gucci", "Kering"]
    assert g.number_of_edges() == 2  # the parentCompany links


def test_to_networkx_predicates_drops_unlinked_entities(memory_store):
    g = to_networkx(memory_store, predicates=["ambassadorOf"])
    assert sorted(g.nodes) == sorted([KIM, BAL, GUCCI])
    assert {k for *_, k in g.edges(keys=True)} == {"ambassadorOf"}


def test_to_networkx_unknown_predicate_raises(memory_store):
    with pytest.raises(ParamError, match="unknown predicate 'wears'"):
        to_networkx(memory_store, predicates=["wears"])


def test_to_networkx_date_range_keeps_support_in_range(later_store):
    g = to_networkx(later_store, since="2024-02-01", until=date(2024, 2, 28))
    assert "Balenciaga" not in {d["label"] for _, d in g.nodes(data=True)}
    assert g.edges[KIM, GUCCI, "ambassadorOf"]["article_count"] == 1


def test_to_networkx_brand_keeps_house_neighbourhood(memory_store):
    g = to_networkx(memory_store, brand="balenciaga")
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert {"Closet", "Le City", "Inez van Lamsweerde", "Demna", "Kim Kardashian", "Kering"} <= labels
    assert not labels & {"Gucci", "Ancora", "David Sims", "Kendall Jenner"}


def test_to_networkx_brand_then_type_keeps_people_via_campaigns(memory_store):
    g = to_networkx(memory_store, brand="Balenciaga", types=["Person"])
    assert f"{ID}person/vinoodh-matadin" in g


def test_to_networkx_focus_depth_counts_undirected_hops(memory_store):
    assert sorted(to_networkx(memory_store, focus="Kim Kardashian")) == sorted([KIM, BAL, GUCCI])
    two = to_networkx(memory_store, focus="Kim Kardashian", depth=2)
    assert DEMNA in two and CLOSET in two and f"{ID}person/david-sims" not in two


def test_resolve_entity_folds_case_accents_and_aliases(graph):
    assert resolve_entity(graph, "KIM KARDASHIAN") == KIM
    assert resolve_entity(graph, "ms. kardashian") == KIM
    assert resolve_entity(graph, "Balénciaga") == BAL
    assert resolve_entity(graph, KIM) == KIM


def test_resolve_entity_unknown_names_close_matches(graph):
    with pytest.raises(ParamError, match=r"no entity named 'Kim Kardashain'.*Kim Kardashian"):
        resolve_entity(graph, "Kim Kardashain")


def test_resolve_entity_ambiguous_lists_candidates(later_store):
    with pytest.raises(ParamError, match="'ancora' names more than one entity"):
        to_networkx(later_store, focus="ancora")


def test_resolve_entity_respects_type(graph):
    with pytest.raises(ParamError, match="no brand named 'Kim Kardashian'"):
        resolve_entity(graph, "Kim Kardashian", "Brand")


def test_person_brand_links_people_directly_and_via_campaigns(graph):
    pb = person_brand(graph)
    assert pb.edges[KIM, BAL]["relations"] == ["ambassadorOf"]
    assert pb.edges[f"{ID}person/david-sims", GUCCI]["relations"] == ["photographedBy via Ancora"]
    assert {pb.nodes[n]["bipartite"] for n in (KIM, BAL)} == {0, 1}
    assert all(d["type"] in ("Person", "Brand") for _, d in pb.nodes(data=True))


def test_brand_brand_weights_shared_talent(graph):
    bb = brand_brand(graph)
    assert list(bb.edges(data=True)) in (
        [(GUCCI, BAL, {"people": [KIM], "weight": 1})], [(BAL, GUCCI, {"people": [KIM], "weight": 1})])


def test_person_person_links_campaign_crews(graph):
    pp = person_person(graph)
    assert pp.edges[f"{ID}person/david-sims", f"{ID}person/kendall-jenner"] == \
        {"campaigns": [f"{ID}campaign/gucci/ancora"], "weight": 1}
    assert pp.number_of_edges() == 2 and KIM not in pp
