"""Each named query in queries/ against small hand-made stores, asserting its exact rows.

``memory_store`` (conftest) holds the Balenciaga and Gucci sample articles. ``rich_store``
adds a Dior article (LVMH house, a current and a former creative director, a dated
ambassadorship, a campaign shot by Inez van Lamsweerde) and a later Gucci article (Kim
Kardashian as a former ambassador, a new creative director with a start date).
"""
from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import load

from kg.digest import DIGEST
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.query import Query, load_query, named_queries, run, select, serialize_graph
from kg.vocab import ID


def _rel(s: Entity, p: str, o: Entity, sentence: str, start: int = 0, **kw) -> Relation:
    return Relation(s.key, p, o.key, Evidence(sentence, start, start + len(sentence), 0.8), **kw)


def dior_extraction() -> Extraction:
    text = ("Dior names Kim Kardashian ambassador. Maria Grazia Chiuri is creative director; "
            "John Galliano was creative director. The Lady Dior Icons campaign, shot by Inez van "
            "Lamsweerde, stars Kendall Jenner and the Lady Dior bag. Dior belongs to LVMH.")
    article = Article(id="dior.md", title="Dior signs Kim Kardashian", text=text,
                      published=date(2023, 6, 1), publisher="WWD", source="dior.md")
    dior, lvmh = Entity("Brand", "Dior"), Entity("Brand", "LVMH")
    kim, kendall = Entity("Person", "Kim Kardashian"), Entity("Person", "Kendall Jenner")
    chiuri, galliano = Entity("Person", "Maria Grazia Chiuri"), Entity("Person", "John Galliano")
    inez = Entity("Person", "Inez van Lamsweerde")
    icons = Entity("Campaign", "Lady Dior Icons", brand="Dior")
    bag = Entity("Product", "Lady Dior", brand="Dior")
    s = [part + "." for part in text.rstrip(".").split(". ")]
    rels = [
        _rel(kim, "ambassadorOf", dior, s[0], since=date(2023, 5, 30)),
        _rel(chiuri, "creativeDirectorOf", dior, s[1], 38),
        _rel(galliano, "creativeDirectorOf", dior, s[1], 38, past=True),
        _rel(icons, "photographedBy", inez, s[2], 118),
        _rel(icons, "features", kendall, s[2], 118),
        _rel(icons, "features", bag, s[2], 118),
        _rel(icons, "brand", dior, s[2], 118),
        _rel(bag, "brand", dior, s[2], 118),
        _rel(dior, "parentCompany", lvmh, s[3], 232),
    ]
    return Extraction(article, [dior, lvmh, kim, kendall, chiuri, galliano, inez, icons, bag], rels, "test/1")


def gucci_later_extraction() -> Extraction:
    text = ("Former Gucci ambassador Kim Kardashian was not at the show. Sabato De Sarno, creative "
            "director since January 2023, succeeded Alessandro Michele.")
    article = Article(id="gucci-later.md", title="Gucci after Michele", text=text,
                      published=date(2024, 6, 1), source="gucci-later.md")
    gucci, kering = Entity("Brand", "Gucci"), Entity("Brand", "Kering")
    kim = Entity("Person", "Kim Kardashian")
    sarno, michele = Entity("Person", "Sabato De Sarno"), Entity("Person", "Alessandro Michele")
    s1, s2 = text.split(". ")[0] + ".", text.split(". ")[1]
    rels = [
        _rel(kim, "ambassadorOf", gucci, s1, past=True),
        _rel(sarno, "creativeDirectorOf", gucci, s2, 60, since=date(2023, 1, 28)),
        _rel(michele, "creativeDirectorOf", gucci, s2, 60, past=True),
        _rel(gucci, "parentCompany", kering, s1),
    ]
    return Extraction(article, [gucci, kering, kim, sarno, michele], rels, "test/1")


@pytest.fixture
def rich_store(memory_store):
    load(memory_store, [dior_extraction(), gucci_later_extraction()])
    return memory_store


def rows(store, name: str, **params) -> list[tuple]:
    """The query's rows as tuples, entity IRIs shortened to what follows .../id/."""
    return [tuple(v.removeprefix(ID) if isinstance(v, str) else v for v in row.values())
            for row in select(store, name, **params)]


KIM, BAL, GUC, DIOR = "person/kim-kardashian", "brand/balenciaga", "brand/gucci", "brand/dior"
INEZ, VIN, SIMS = "person/inez-van-lamsweerde", "person/vinoodh-matadin", "person/david-sims"
KENDALL, DEMNA = "person/kendall-jenner", "person/demna"
CLOSET, ANCORA, ICONS = "campaign/balenciaga/closet", "campaign/gucci/ancora", "campaign/dior/lady-dior-icons"
BAL_ARTICLE, GUC_ARTICLE = "article/balenciaga-closet-4d04f1fcd86b", "article/gucci-108c8209ac29"


def test_named_queries_cover_the_analyst_questions():
    names = {q.name for q in named_queries()}
    assert {"ambassadors", "person-brands", "shared-talent", "rival-groups", "photographers",
            "campaign-cast", "product-campaigns", "creative-directors", "provenance",
            "ambassador-timeline", "most-connected", "entity"} <= names
    assert len(names) >= 12


@pytest.mark.parametrize("query", named_queries(), ids=lambda q: q.name)
def test_named_query_header_documents_it(query):
    assert query.title and query.answers
    assert query.example.startswith(f"kg query {query.name}")
    for spec in query.params:
        assert spec.description, spec.name
        assert f"?{spec.name}" in query.text
    assert query.form().kind in ("select", "graph")


def test_ambassadors_of_a_brand(memory_store):
    assert rows(memory_store, "ambassadors", brand="Balenciaga") == [
        ("Kim Kardashian", "Balenciaga", date(2024, 1, 22), "current", 1, KIM, BAL)]


def test_ambassadors_all_houses_with_former(rich_store):
    assert rows(rich_store, "ambassadors") == [
        ("Kim Kardashian", "Balenciaga", date(2024, 1, 22), "current", 1, KIM, BAL),
        ("Kim Kardashian", "Dior", date(2023, 5, 30), "current", 1, KIM, DIOR),
        ("Kim Kardashian", "Gucci", None, "former", 2, KIM, GUC),
    ]


def test_person_brands_roles(memory_store):
    assert rows(memory_store, "person-brands", person="Kim Kardashian") == [
        ("Kim Kardashian", "Balenciaga", "ambassador", "current", 1, KIM, BAL),
        ("Kim Kardashian", "Gucci", "ambassador", "current", 1, KIM, GUC),
    ]
    assert rows(memory_store, "person-brands", person="Inez van Lamsweerde") == [
        ("Inez van Lamsweerde", "Balenciaga", "campaign photographer", "", 1, INEZ, BAL)]


def test_person_brands_talent_and_former(rich_store):
    assert rows(rich_store, "person-brands", person="Kendall Jenner") == [
        ("Kendall Jenner", "Dior", "campaign talent", "", 1, KENDALL, DIOR),
        ("Kendall Jenner", "Gucci", "campaign talent", "", 1, KENDALL, GUC),
    ]
    assert rows(rich_store, "person-brands", person="John Galliano") == [
        ("John Galliano", "Dior", "creative director", "former", 1, "person/john-galliano", DIOR)]


def test_person_brands_everyone(rich_store):
    listed = rows(rich_store, "person-brands")
    assert len(listed) == len(set(listed)) == 14
    assert ("Kim Kardashian", "Gucci", "ambassador", "former", 2, KIM, GUC) in listed
    assert ("Inez van Lamsweerde", "Dior", "campaign photographer", "", 1, INEZ, DIOR) in listed
    assert [r[:2] for r in listed] == sorted(r[:2] for r in listed)


@pytest.mark.parametrize("query", [q for q in named_queries() if q.unbound], ids=lambda q: q.name)
def test_listing_form_gives_the_rows_of_the_query(rich_store, query):
    as_written = dataclasses.replace(query, unbound="")
    assert select(rich_store, query) == select(rich_store, as_written)


def _entities(store, kind: str) -> list[str]:
    rows = store.query(f"SELECT ?e WHERE {{ GRAPH <{DIGEST}> {{ ?e fkg:kind fkg:{kind} }} }} ORDER BY ?e").rows
    return [row[0].value for row in rows]


@pytest.mark.parametrize("query", [q for q in named_queries() if q.given], ids=lambda q: q.name)
def test_each_given_form_gives_the_rows_of_the_query(rich_store, query):
    as_written = dataclasses.replace(query, given=())
    for param, _ in query.given:
        kind = next(p.type for p in query.params if p.name == param)
        for e in _entities(rich_store, kind):
            assert select(rich_store, query, **{param: e}) == select(rich_store, as_written, **{param: e})


@pytest.mark.parametrize("name", ["person-brands", "product-campaigns", "photographers"])
def test_ties_give_the_rows_the_facts_give(rich_store, name):
    """The digest's ties hold what its facts say: for everyone, and for each entity the
    query can be given, the query over ties answers as the same question asked of facts."""
    query = load_query(name)
    facts = Query.from_text((Path(__file__).parent / "queries_from_facts" / f"{name}.rq").read_text())
    cases = [{}] + [{p.name: e} for p in query.params for e in _entities(rich_store, p.type)]
    assert len(cases) >= 3
    for params in cases:
        assert select(rich_store, query, **params) == select(rich_store, facts, **params), params


def test_shared_talent(memory_store):
    assert rows(memory_store, "shared-talent") == [("Kim Kardashian", 2, "Balenciaga, Gucci", KIM)]


def test_shared_talent_counts_campaign_faces(rich_store):
    assert rows(rich_store, "shared-talent") == [
        ("Kim Kardashian", 3, "Balenciaga, Dior, Gucci", KIM),
        ("Kendall Jenner", 2, "Dior, Gucci", KENDALL),
    ]


def test_rival_groups_none_when_one_group(memory_store):
    assert rows(memory_store, "rival-groups") == []


def test_rival_groups_pairs_houses_of_different_groups(rich_store):
    assert rows(rich_store, "rival-groups") == [
        ("Kendall Jenner", "Gucci", "Kering", "Dior", "LVMH", KENDALL),
        ("Kim Kardashian", "Balenciaga", "Kering", "Dior", "LVMH", KIM),
        ("Kim Kardashian", "Gucci", "Kering", "Dior", "LVMH", KIM),
    ]
    assert [r[0] for r in rows(rich_store, "rival-groups", person="Kendall Jenner")] == ["Kendall Jenner"]


def test_photographers_by_brand(memory_store):
    assert rows(memory_store, "photographers") == [
        ("Balenciaga", "Inez van Lamsweerde", 1, BAL, INEZ),
        ("Balenciaga", "Vinoodh Matadin", 1, BAL, VIN),
        ("Gucci", "David Sims", 1, GUC, SIMS),
    ]


def test_photographers_of_one_brand(rich_store):
    assert rows(rich_store, "photographers", brand="Dior") == [("Dior", "Inez van Lamsweerde", 1, DIOR, INEZ)]


def test_campaign_cast(memory_store):
    assert rows(memory_store, "campaign-cast", campaign="Closet") == [
        ("Closet", "Balenciaga", "photographer", "Inez van Lamsweerde", 1, CLOSET, INEZ),
        ("Closet", "Balenciaga", "photographer", "Vinoodh Matadin", 1, CLOSET, VIN),
        ("Closet", "Balenciaga", "product", "Le City", 1, CLOSET, "product/balenciaga/le-city"),
    ]
    assert rows(memory_store, "campaign-cast", campaign="Ancora") == [
        ("Ancora", "Gucci", "photographer", "David Sims", 1, ANCORA, SIMS),
        ("Ancora", "Gucci", "talent", "Kendall Jenner", 1, ANCORA, KENDALL),
    ]


def test_product_campaigns(rich_store):
    assert rows(rich_store, "product-campaigns") == [
        ("Le City", "Balenciaga", "Closet", 1, "product/balenciaga/le-city", CLOSET),
        ("Lady Dior", "Dior", "Lady Dior Icons", 1, "product/dior/lady-dior", ICONS),
    ]
    assert rows(rich_store, "product-campaigns", product="le city bag") == [
        ("Le City", "Balenciaga", "Closet", 1, "product/balenciaga/le-city", CLOSET)]


def test_creative_directors(memory_store):
    assert rows(memory_store, "creative-directors") == [
        ("Balenciaga", "Demna", "current", None, date(2024, 1, 23), 1, BAL, DEMNA)]


def test_creative_directors_past_and_present(rich_store):
    assert rows(rich_store, "creative-directors", brand="Gucci") == [
        ("Gucci", "Sabato De Sarno", "current", date(2023, 1, 28), date(2024, 6, 1), 1, GUC,
         "person/sabato-de-sarno"),
        ("Gucci", "Alessandro Michele", "former", None, date(2024, 6, 1), 1, GUC,
         "person/alessandro-michele"),
    ]
    assert [r[1:3] for r in rows(rich_store, "creative-directors", brand="Dior")] == [
        ("Maria Grazia Chiuri", "current"), ("John Galliano", "former")]


def test_provenance_of_a_fact(memory_store):
    assert rows(memory_store, "provenance", subject="Kim Kardashian", object="Gucci") == [
        ("Kim Kardashian", "ambassadorOf", "Gucci", date(2024, 2, 1), "Gucci Ancora",
         "Kim Kardashian is also an ambassador of Gucci.", 0, 46, Decimal("0.9"), "gucci.md", KIM, GUC,
         GUC_ARTICLE)]


def test_provenance_by_relation(memory_store):
    found = rows(memory_store, "provenance", relation="photographedBy", object="Inez van Lamsweerde")
    assert found == [
        ("Closet", "photographedBy", "Inez van Lamsweerde", date(2024, 1, 23),
         "Balenciaga goes live with new Closet campaign",
         "The Closet campaign, shot by Inez van Lamsweerde and Vinoodh Matadin, features the Le City bag.",
         43, 138, Decimal("0.9"), "balenciaga.md", CLOSET, INEZ, BAL_ARTICLE)]


def test_ambassador_timeline(rich_store):
    assert rows(rich_store, "ambassador-timeline") == [
        (date(2023, 5, 30), "Kim Kardashian", "Dior", 1, 2023, DIOR, KIM),
        (date(2024, 1, 22), "Kim Kardashian", "Balenciaga", 1, 2024, BAL, KIM),
        (date(2024, 2, 1), "Kim Kardashian", "Gucci", 1, 2024, GUC, KIM),
    ]
    assert rows(rich_store, "ambassador-timeline", year=2023) == [
        (date(2023, 5, 30), "Kim Kardashian", "Dior", 1, 2023, DIOR, KIM)]


def test_most_connected(memory_store):
    assert rows(memory_store, "most-connected") == [
        ("Balenciaga", "Brand", 5, 1, BAL),
        ("Gucci", "Brand", 3, 1, GUC),
        ("Kering", "Brand", 2, 2, "brand/kering"),
        ("Kim Kardashian", "Person", 2, 2, KIM),
        ("David Sims", "Person", 1, 1, SIMS),
        ("Demna", "Person", 1, 1, DEMNA),
        ("Inez van Lamsweerde", "Person", 1, 1, INEZ),
        ("Kendall Jenner", "Person", 1, 1, KENDALL),
        ("Vinoodh Matadin", "Person", 1, 1, VIN),
    ]


def test_most_connected_people(rich_store):
    assert rows(rich_store, "most-connected", kind="Person")[:3] == [
        ("Kim Kardashian", "Person", 3, 4, KIM),
        ("Inez van Lamsweerde", "Person", 2, 2, INEZ),
        ("Kendall Jenner", "Person", 2, 2, KENDALL),
    ]


def test_group_houses(rich_store):
    assert rows(rich_store, "group-houses") == [
        ("Kering", "Balenciaga", 1, "brand/kering", BAL),
        ("Kering", "Gucci", 2, "brand/kering", GUC),
        ("LVMH", "Dior", 1, "brand/lvmh", DIOR),
    ]


def test_entity_everything_known(memory_store):
    assert rows(memory_store, "entity", entity="Closet") == [
        ("out", "altLabel", "Closet campaign", 1, CLOSET, "Closet campaign"),
        ("out", "brand", "Balenciaga", 1, CLOSET, BAL),
        ("out", "features", "Le City", 1, CLOSET, "product/balenciaga/le-city"),
        ("out", "label", "Closet", 1, CLOSET, "Closet"),
        ("out", "photographedBy", "Inez van Lamsweerde", 1, CLOSET, INEZ),
        ("out", "photographedBy", "Vinoodh Matadin", 1, CLOSET, VIN),
        ("out", "type", "Campaign", 1, CLOSET, "https://w3id.org/fashion-kg/ontology#Campaign"),
        ("in", "mentions", "Balenciaga goes live with new Closet campaign", 1, CLOSET, BAL_ARTICLE),
    ]


def test_entity_graph_constructs_neighbourhood(memory_store):
    result = run(memory_store, "entity-graph", {"entity": "Kendall Jenner"})
    assert serialize_graph(result.triples, "nt").decode().splitlines() == [
        f"<{ID}{ANCORA}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/fashion-kg/ontology#Campaign> .",
        f'<{ID}{ANCORA}> <http://www.w3.org/2000/01/rdf-schema#label> "Ancora" .',
        f"<{ID}{ANCORA}> <https://w3id.org/fashion-kg/ontology#features> <{ID}{KENDALL}> .",
        f"<{ID}{KENDALL}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/fashion-kg/ontology#Person> .",
        f'<{ID}{KENDALL}> <http://www.w3.org/2000/01/rdf-schema#label> "Kendall Jenner" .',
        f'<{ID}{KENDALL}> <https://w3id.org/fashion-kg/ontology#nationality> "American" .',
        f'<{ID}{KENDALL}> <https://w3id.org/fashion-kg/ontology#occupation> "model" .',
    ]


def test_entity_requires_its_parameter(memory_store):
    from kg.errors import ParamError

    with pytest.raises(ParamError, match=r"needs --param entity="):
        select(memory_store, load_query("entity"))


def test_provenance_needs_a_subject_or_an_object(memory_store):
    from kg.errors import ParamError

    with pytest.raises(ParamError, match=r"needs --param subject=\.\.\. or --param object=\.\.\."):
        select(memory_store, load_query("provenance"), relation="ambassadorOf")
