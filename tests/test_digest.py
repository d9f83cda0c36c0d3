"""The digest graph: per-fact and per-entity figures that follow every write and removal."""
from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from click.testing import CliRunner
from conftest import gucci_extraction, load

from kg import digest
from kg.cli import cli
from kg.export import export
from kg.ids import ID, assertion_iri, assertion_iri_sparql, text_hash
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdfmap import iri_of_article, to_ntriples
from kg.store import ArticleGraph, open_store

KIM, BAL, GUC, KER = (f"{ID}person/kim-kardashian", f"{ID}brand/balenciaga", f"{ID}brand/gucci",
                      f"{ID}brand/kering")
AMB, PARENT = "https://w3id.org/fashion-kg/ontology#ambassadorOf", "https://w3id.org/fashion-kg/ontology#parentCompany"


def fact(store, s: str, p: str, o: str) -> dict[str, str]:
    """The digest's figures for one fact, by local property name ({} when it has no node)."""
    rows = store.query(f"SELECT ?k ?v WHERE {{ GRAPH <{digest.DIGEST}> {{ <{digest.fact_iri(s, p, o)}> ?k ?v }} }}")
    return {k.value.rsplit("#", 1)[-1]: v.value for k, v in rows.rows}


def entity(store, e: str) -> dict[str, str]:
    """The digest's one-valued figures for an entity (not its recent mentions)."""
    rows = store.query(f"SELECT ?k ?v WHERE {{ GRAPH <{digest.DIGEST}> {{ <{e}> ?k ?v }} }}")
    return {k.value.rsplit("#", 1)[-1]: v.value for k, v in rows.rows if not k.value.endswith("recentMention")}


def attributes(store, e: str) -> set[tuple[str, str, int]]:
    """(property, value, article count) of each attribute node of ``e``."""
    rows = store.query(f"""SELECT ?p ?v ?n WHERE {{ GRAPH <{digest.DIGEST}> {{
        ?a fkg:attributeOf <{e}> ; fkg:attributeProperty ?p ; fkg:attributeValue ?v ; fkg:articleCount ?n }} }}""")
    return {(p.value.rsplit("#", 1)[-1], v.value, int(n.value)) for p, v, n in rows.rows}


def recent(store, e: str) -> list[str]:
    rows = store.query(f"SELECT ?a WHERE {{ GRAPH <{digest.DIGEST}> {{ <{e}> fkg:recentMention ?a }} }} ORDER BY ?a")
    return [row[0].value for row in rows.rows]


def ties(store, e: str) -> set[tuple]:
    """(other end, role, articles, status or None, houses) of each tie of ``e``."""
    rows = store.query(f"""SELECT ?to ?role ?n ?status (GROUP_CONCAT(STR(?h)) AS ?houses) WHERE {{
        GRAPH <{digest.DIGEST}> {{ ?t fkg:tieOf <{e}> ; fkg:tieTo ?to ; fkg:tieRole ?role ; fkg:tieArticles ?n
        OPTIONAL {{ ?t fkg:tieStatus ?status }} OPTIONAL {{ ?t fkg:tieHouse ?h }} }} }}
        GROUP BY ?to ?role ?n ?status""")
    return {(to.value, role.value, int(n.value), status.value if status else None, houses.value if houses else "")
            for to, role, n, status, houses in rows.rows}


def digest_quads(store) -> set[str]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{digest.DIGEST}> {{ ?s ?p ?o }} }}").rows
    return {" ".join(str(t) for t in row) for row in rows}


def test_digest_counts_each_fact_and_entity(memory_store):
    assert fact(memory_store, KIM, AMB, BAL) == {
        "factSubject": KIM, "factPredicate": AMB, "factObject": BAL, "articleCount": "1", "status": "current",
        "factSince": "2024-01-22", "lastReported": "2024-01-23", "announced": "2024-01-22",
        "announcedArticles": "1"}
    assert fact(memory_store, BAL, PARENT, KER)["articleCount"] == "1"
    assert entity(memory_store, KER) == {"name": "Kering", "kind": "https://w3id.org/fashion-kg/ontology#Brand",
                                         "articleCount": "2", "connections": "2"}


def test_digest_keeps_each_attribute_value_with_its_article_count(memory_store):
    assert attributes(memory_store, KER) == {
        ("label", "Kering", 2), ("type", "https://w3id.org/fashion-kg/ontology#Brand", 2)}


def test_digest_keeps_the_articles_mentioning_an_entity(memory_store):
    gucci = iri_of_article(gucci_extraction().article)
    assert len(recent(memory_store, KER)) == 2 and gucci in recent(memory_store, KER)
    assert recent(memory_store, GUC) == [gucci]


def test_recent_mentions_are_the_latest_few(monkeypatch):
    monkeypatch.setattr(digest, "RECENT", 1)
    store = open_store("memory")
    load(store, [gucci_extraction()])
    older = gucci_extraction()
    older.article = replace(older.article, id="https://example.org/older", url="https://example.org/older",
                            text=older.article.text + " Again.", published=date(2020, 1, 1))
    load(store, [older])
    assert recent(store, GUC) == [iri_of_article(gucci_extraction().article)]


def test_replacing_an_article_recounts_what_it_stated(memory_store):
    edited = gucci_extraction()
    edited.relations[:] = [r for r in edited.relations if r.predicate != "ambassadorOf"]
    load(memory_store, [edited])
    assert fact(memory_store, KIM, AMB, GUC) == {}
    assert fact(memory_store, KIM, AMB, BAL)["articleCount"] == "1"
    assert entity(memory_store, KIM)["connections"] == "1"


def test_removing_an_article_drops_what_only_it_stated(memory_store):
    memory_store.remove([iri_of_article(gucci_extraction().article)])
    digest.refresh(memory_store)
    assert fact(memory_store, GUC, PARENT, KER) == {}
    assert entity(memory_store, GUC) == {} and attributes(memory_store, GUC) == set() == set(recent(memory_store, GUC))
    assert entity(memory_store, KER)["articleCount"] == "1"
    assert attributes(memory_store, KER) == {
        ("label", "Kering", 1), ("type", "https://w3id.org/fashion-kg/ontology#Brand", 1)}


def test_marks_left_unrefreshed_are_cleared_by_the_next_refresh(sample_extractions):
    store = open_store("memory")
    graphs = [ArticleGraph(*to_ntriples(e), text_hash(e.article.text)) for e in sample_extractions]
    store.write(graphs)  # as an ingest killed before its refresh leaves the store
    assert digest.stale(store)
    assert fact(store, KIM, AMB, BAL) == {}
    digest.refresh(store)
    assert not digest.stale(store)
    assert fact(store, KIM, AMB, BAL)["articleCount"] == "1"


def test_rebuild_computes_what_refresh_kept(memory_store):
    kept = digest_quads(memory_store)
    assert digest.rebuild(memory_store) == (13, 12)
    assert digest_quads(memory_store) == kept


def test_update_by_hand_rebuilds_the_digest(disk_store):
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "--store", str(disk_store), "--update", "-e",
                                 "DELETE WHERE { GRAPH ?g { ?p fkg:ambassadorOf ?b } }"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["query", "ambassadors", "--store", str(disk_store), "-f", "csv"])
    assert result.output.splitlines() == ["personName,brandName,since,status,articles,person,brand"]


def test_digest_command_recomputes_everything(disk_store):
    result = CliRunner().invoke(cli, ["digest", "--rebuild", "--store", str(disk_store)])
    assert result.exit_code == 0
    assert result.output == "Digest up to date: 13 facts and 12 entities recomputed\n"


def test_a_person_has_a_tie_per_house_and_role(memory_store):
    assert ties(memory_store, KIM) == {(BAL, "ambassador", 1, "current", ""), (GUC, "ambassador", 1, "current", "")}
    assert ties(memory_store, f"{ID}person/inez-van-lamsweerde") == {(BAL, "campaign photographer", 1, "", "")}
    assert ties(memory_store, f"{ID}person/kendall-jenner") == {(GUC, "campaign talent", 1, "", "")}


def test_a_product_has_a_tie_per_campaign_featuring_it(memory_store):
    closet = f"{ID}campaign/balenciaga/closet"
    assert ties(memory_store, f"{ID}product/balenciaga/le-city") == {(closet, "featured in", 1, None, BAL)}


def test_ties_follow_a_campaign_to_a_house_another_article_gives_it(memory_store):
    """The photographer is not named in the new article, yet shot a campaign of that house."""
    text = "Closet is also a Gucci campaign."
    closet, gucci = Entity("Campaign", "Closet", brand="Balenciaga"), Entity("Brand", "Gucci")
    article = Article(id="closet.md", title="Closet", text=text, published=date(2024, 3, 1), source="closet.md")
    rel = Relation(closet.key, "brand", gucci.key, Evidence(text, 0, len(text), 0.9))
    load(memory_store, [Extraction(article, [closet, gucci], [rel], "test/1")])
    assert ties(memory_store, f"{ID}person/inez-van-lamsweerde") == {
        (BAL, "campaign photographer", 1, "", ""), (GUC, "campaign photographer", 1, "", "")}
    kept = digest_quads(memory_store)
    digest.rebuild(memory_store)
    assert digest_quads(memory_store) == kept


def test_a_campaign_tie_counts_the_house_campaigns_naming_the_person(memory_store):
    text = "Inez van Lamsweerde shot the Closet campaign, and the Hourglass one."
    inez, bal = Entity("Person", "Inez van Lamsweerde"), Entity("Brand", "Balenciaga")
    closet, hourglass = (Entity("Campaign", name, brand="Balenciaga") for name in ("Closet", "Hourglass"))
    article = Article(id="hourglass.md", title="Hourglass", text=text, published=date(2024, 4, 1),
                      source="hourglass.md")
    rels = [Relation(c.key, p, o.key, Evidence(text, 0, len(text), 0.9))
            for c in (closet, hourglass) for p, o in (("photographedBy", inez), ("brand", bal))]
    load(memory_store, [Extraction(article, [inez, bal, closet, hourglass], rels, "test/1")])
    tie = digest.tie_iri(f"{ID}person/inez-van-lamsweerde", BAL, "campaign photographer")
    rows = memory_store.query(f"""SELECT ?n ?c WHERE {{ GRAPH <{digest.DIGEST}> {{
        <{tie}> fkg:tieArticles ?n ; fkg:tieCampaigns ?c }} }}""").rows
    assert [(n.value, c.value) for n, c in rows] == [("3", "2")]  # Closet in two articles


def test_exports_leave_the_digest_out(memory_store):
    for fmt in ("nq", "trig", "nt"):
        out = io.BytesIO()
        export(memory_store, fmt, out)
        assert digest.DIGEST not in out.getvalue().decode() and "factSubject" not in out.getvalue().decode()


def test_stale_marks_name_each_entity_of_an_article():
    _, ntriples = to_ntriples(gucci_extraction())
    marks = digest.stale_marks(ntriples).splitlines()
    assert len(marks) == 6 and all(m.endswith('"true"^^<http://www.w3.org/2001/XMLSchema#boolean> .') for m in marks)


def test_assertion_iri_in_sparql_is_the_python_one():
    args = ("https://w3id.org/fashion-kg/id/article/a-1", KIM, AMB, BAL)
    store = open_store("memory")
    values = " ".join(f"<{a}>" for a in args)
    record = assertion_iri_sparql("?g", "?s", "?p", "?o")
    sparql = f"SELECT ({record} AS ?r) WHERE {{ VALUES (?g ?s ?p ?o) {{ ({values}) }} }}"
    row = next(store.query(sparql).rows)
    assert row[0].value == assertion_iri(*args)
