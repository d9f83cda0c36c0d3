"""kg.view and ``kg view``: the page's content, safety and data, without a browser."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import _rel, load

from kg.cli import cli
from kg.errors import ParamError, QueryError
from kg.graph import to_networkx
from kg.model import Article, Entity, Extraction
from kg.view import build_page, query_graph, render_html, view
from kg.view.layout import layout_positions
from kg.view.payload import node_tooltip, trim

ID = "https://w3id.org/fashion-kg/id/"
KIM, BAL, CLOSET = f"{ID}person/kim-kardashian", f"{ID}brand/balenciaga", f"{ID}campaign/balenciaga/closet"
EVIL = "<img src=x onerror=alert(1)>"
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def page_data(page: str) -> dict:
    return json.loads(DATA.search(page).group(1))


def tiny_graph() -> nx.MultiDiGraph:
    """Kim -> Balenciaga, and Closet linked to Kim by two relations (parallel edges)."""
    g = nx.MultiDiGraph()
    g.add_node(KIM, label="Kim Kardashian", type="Person", aliases=["Ms. Kardashian"], nationality="American",
               occupation=["media personality"])
    g.add_node(BAL, label="Balenciaga", type="Brand", aliases=[])
    g.add_node(CLOSET, label="Closet", type="Campaign", aliases=[])
    g.add_edge(KIM, BAL, key="ambassadorOf", articles=[f"{ID}article/a"], article_count=1, first_date="2024-01-23",
               last_date="2024-01-23", evidence=["Balenciaga names Kim Kardashian ambassador."])
    g.add_edge(CLOSET, KIM, key="features", articles=[f"{ID}article/a"], article_count=1, evidence=["x."])
    g.add_edge(CLOSET, KIM, key="photographedBy", articles=[f"{ID}article/a"], article_count=1, evidence=["y."])
    return g


def evil_graph() -> nx.MultiDiGraph:
    g = tiny_graph()
    g.add_node(f"{ID}person/evil", label=EVIL, type="Person", aliases=['<a href="x">href</a>'],
               occupation=["</script><script>alert(2)</script>"])
    g.add_edge(f"{ID}person/evil", BAL, key="ambassadorOf", articles=[], evidence=["<!-- <script>alert(3)"])
    return g


def evil_extraction() -> Extraction:
    """An article whose entity names and evidence are HTML and script."""
    text = f"{EVIL} is an ambassador of Balenciaga."
    article = Article(id="evil.md", title=f"<script>alert(4)</script>{EVIL}", text=text, source="evil.md")
    evil, bal = Entity("Person", EVIL, {'<a href="javascript:alert(5)">href</a>'}), Entity("Brand", "Balenciaga")
    return Extraction(article, [evil, bal], [_rel(evil, "ambassadorOf", bal, text)], "test/1")


def test_render_html_is_one_self_contained_document():
    page = render_html(tiny_graph())
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page and "@import" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)


def test_render_html_csp_allows_exactly_the_inline_scripts_by_hash():
    page = render_html(tiny_graph())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for script in SCRIPT.findall(page):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert len(SCRIPT.findall(page)) == 2  # vis-network and the page's own script


def test_render_html_escapes_title_and_labels():
    page = render_html(evil_graph(), title=f"{EVIL} graph")
    assert "&lt;img src=x onerror=alert(1)&gt; graph" in page
    data_block = DATA.search(page).group(1)
    assert "<" not in data_block and ">" not in data_block
    outside = SCRIPT.sub("", DATA.sub("", page))
    assert outside.count("<script") == 0 and "<img" not in outside


def test_render_html_data_survives_escaping():
    data = page_data(render_html(evil_graph()))
    assert EVIL in [n[1] for n in data["nodes"]]


def test_payload_node_rows_carry_type_size_and_position():
    data = page_data(render_html(tiny_graph()))
    assert [t["name"] for t in data["types"]] == ["Brand", "Person", "Campaign"]
    kim = next(n for n in data["nodes"] if n[0] == KIM)
    assert data["types"][kim[2]]["name"] == "Person"
    bal = next(n for n in data["nodes"] if n[0] == BAL)
    assert kim[3] > bal[3]  # three connections against one


def test_node_tooltip_lists_name_type_aliases_and_attributes():
    g = tiny_graph()
    text = node_tooltip(KIM, g.nodes[KIM], 2, 1)
    assert text.splitlines()[:5] == ["Kim Kardashian", "Person", "Also: Ms. Kardashian", "Nationality: American",
                                     "Occupation: media personality"]


def test_edge_tooltip_names_articles_and_evidence():
    page = build_page(tiny_graph(), articles={f"{ID}article/a": "Balenciaga goes live (2024-01-23)"}).html
    data = page_data(page)
    amb = next(e for e in data["edges"] if data["predicates"][e[2]]["name"] == "ambassadorOf")
    assert amb[4].splitlines() == [
        "Kim Kardashian —ambassadorOf→ Balenciaga", "Reported 2024-01-23", "Articles (1):",
        "  Balenciaga goes live (2024-01-23)", "Evidence:", "  “Balenciaga names Kim Kardashian ambassador.”"]


def test_payload_parallel_edges_get_distinct_curves():
    data = page_data(render_html(tiny_graph()))
    curves = sorted(e[3] for e in data["edges"] if data["nodes"][e[0]][0] == CLOSET)
    assert curves == [-0.2, 0.2]
    assert [e[3] for e in data["edges"] if data["nodes"][e[0]][0] == KIM] == [0]


def test_build_page_physics_only_for_small_graphs():
    assert build_page(tiny_graph()).physics
    big = build_page(tiny_graph(), physics_max_nodes=2)
    assert not big.physics and page_data(big.html)["big"]


def test_trim_keeps_most_connected_and_says_what_left():
    g = nx.path_graph(5, create_using=nx.MultiDiGraph)  # 0-1-2-3-4: the ends have one edge each
    nx.set_node_attributes(g, "Person", "type")
    kept, left = trim(g, max_nodes=3, max_edges=100)
    assert sorted(kept.nodes) == [1, 2, 3]
    notice = left.notice(kept.number_of_nodes(), kept.number_of_edges())
    assert notice.startswith("Showing the 3 most connected of 5 nodes and 2 of 4 edges. "
                             "Left out: 2 nodes (Person 2) and 2 edges.")


def test_build_page_notice_reaches_the_page():
    page = build_page(tiny_graph(), max_nodes=2)
    assert page.nodes == 2 and "Showing the 2 most connected of 3 nodes" in page.notice
    assert 'id="kg-notice">Showing the 2 most connected' in page.html


def test_build_page_empty_graph_says_so():
    page = build_page(nx.MultiDiGraph())
    assert page.nodes == 0 and "Nothing to draw" in page.html


def test_layout_positions_are_deterministic_and_separate_components():
    g = tiny_graph()
    g.add_nodes_from(f"{ID}person/p{i}" for i in range(20))
    first, second = layout_positions(g), layout_positions(g)
    assert first == second and set(first) == set(g.nodes)
    assert len(set(first.values())) == g.number_of_nodes()


def test_view_draws_every_entity_and_relation(memory_store):
    data = page_data(view(memory_store))
    graph = to_networkx(memory_store)
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()


def test_view_focus_depth(memory_store):
    data = page_data(view(memory_store, focus="Kendall Jenner", depth=1))
    assert sorted(n[1] for n in data["nodes"]) == ["Ancora", "Kendall Jenner"]


def test_view_brand_titles_the_page(memory_store):
    assert "<title>fashion-kg: brand Gucci</title>" in view(memory_store, brand="Gucci")


def test_view_unknown_focus_is_a_param_error(memory_store):
    with pytest.raises(ParamError):
        view(memory_store, focus="Nobody Atall")


def test_view_escapes_article_text(memory_store):
    load(memory_store, [evil_extraction()])
    page = view(memory_store)
    assert EVIL not in page and '<a href="javascript' not in page and "<script>alert(4)" not in page
    assert EVIL in [n[1] for n in page_data(page)["nodes"]]


def test_query_graph_construct_names_nodes_from_the_store(memory_store):
    g = query_graph(memory_store, "CONSTRUCT { ?s fkg:ambassadorOf ?o } WHERE { ?s fkg:ambassadorOf ?o }")
    assert g.nodes[KIM]["label"] == "Kim Kardashian" and g.nodes[BAL]["type"] == "Brand"
    assert sorted(k for *_, k in g.edges(keys=True)) == ["ambassadorOf", "ambassadorOf"]


def test_query_graph_select_spo_turns_literals_into_attributes(memory_store):
    g = query_graph(memory_store, f"SELECT ?s ?p ?o WHERE {{ BIND(<{KIM}> AS ?s) ?s ?p ?o }}")
    assert g.nodes[KIM]["type"] == "Person" and g.nodes[KIM]["aliases"] == ["Ms. Kardashian"]
    assert g.nodes[KIM]["nationality"] == ["American"]


def test_query_graph_select_needs_spo(memory_store):
    with pytest.raises(QueryError, match=r"must return \?s \?p \?o"):
        query_graph(memory_store, "SELECT ?x WHERE { ?x a fkg:Brand }")


def test_query_graph_ask_is_refused(memory_store):
    with pytest.raises(QueryError, match="ASK"):
        query_graph(memory_store, "ASK { ?x a fkg:Brand }")


def test_view_named_query_with_params(memory_store):
    data = page_data(view(memory_store, query="entity-graph", params={"entity": "Kendall Jenner"}))
    assert "Kendall Jenner" in [n[1] for n in data["nodes"]]


@pytest.fixture
def disk_store(tmp_path, sample_extractions) -> str:
    from kg.store import open_store

    path = tmp_path / "store"
    with open_store(path) as store:
        load(store, sample_extractions)
    return str(path)


def test_cli_view_writes_the_page(disk_store, tmp_path):
    out = tmp_path / "v.html"
    result = CliRunner().invoke(cli, ["view", "--store", disk_store, "-o", str(out), "--brand", "Gucci"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Wrote 6 nodes and 5 edges to {out}\n"
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_cli_view_stdout(disk_store):
    result = CliRunner().invoke(cli, ["view", "--store", disk_store, "-o", "-", "--focus", "Demna"])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_cli_view_reports_what_was_left_out(disk_store, tmp_path):
    result = CliRunner().invoke(cli, ["view", "--store", disk_store, "-o", str(tmp_path / "v.html"),
                                      "--max-nodes", "3"])
    assert result.exit_code == 0
    assert "Showing the 3 most connected of 12 nodes" in result.stderr


def test_cli_view_query_file(disk_store, tmp_path):
    rq = tmp_path / "amb.rq"
    rq.write_text("CONSTRUCT { ?s fkg:ambassadorOf ?o } WHERE { ?s fkg:ambassadorOf ?o }")
    result = CliRunner().invoke(cli, ["view", "--store", disk_store, "-o", "-", "--query", str(rq)])
    assert result.exit_code == 0, result.output
    assert sorted(n[1] for n in page_data(result.stdout)["nodes"]) == ["Balenciaga", "Gucci", "Kim Kardashian"]


def test_cli_view_query_with_filters_is_a_usage_error(disk_store, tmp_path):
    result = CliRunner().invoke(cli, ["view", "--store", disk_store, "--query", "ambassadors", "--brand", "Gucci"])
    assert result.exit_code == 2
    assert "--query draws the query's answer; it cannot be combined with --brand" in result.stderr


def test_cli_view_param_needs_query(disk_store):
    result = CliRunner().invoke(cli, ["view", "--store", disk_store, "-p", "brand=Gucci"])
    assert result.exit_code == 2 and "--param binds a --query parameter" in result.stderr
