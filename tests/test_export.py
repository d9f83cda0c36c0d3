"""kg.export and ``kg export``: every file read back by an independent reader."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date

import igraph
import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from conftest import _rel, load

from kg.cli import cli
from kg.digest import DIGEST
from kg.errors import ExportError, ParamError
from kg.export import export
from kg.model import Article, Entity, Extraction
from kg.store import open_store

ID = "https://w3id.org/fashion-kg/id/"
RDFLIB = {"ttl": "turtle", "nt": "nt", "xml": "xml", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


def demna_extraction() -> Extraction:
    """Demna also fronts Balenciaga: a second relation between the same two nodes."""
    text = "Demna also fronts Balenciaga; a first."
    article = Article(id="demna.md", text=text, title="Demna", published=date(2024, 3, 1), source="demna.md")
    demna, bal = Entity("Person", "Demna"), Entity("Brand", "Balenciaga")
    return Extraction(article, [demna, bal], [_rel(demna, "ambassadorOf", bal, text)], "test/1")


@pytest.fixture
def store(memory_store):
    load(memory_store, [demna_extraction()])
    return memory_store


def truth(store) -> tuple[dict[str, tuple[str, str]], int]:
    """Entity IRI -> (label, type), and the number of distinct relation triples, from SPARQL."""
    rows = store.query("SELECT DISTINCT ?e ?l ?t WHERE { VALUES ?t { fkg:Brand fkg:Person fkg:Product "
                       "fkg:Campaign } ?e a ?t ; rdfs:label ?l }").rows
    nodes = {e.value: (lab.value, t.value.rsplit("#", 1)[-1]) for e, lab, t in rows}
    edges = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { "
                        "fkg:ambassadorOf fkg:photographedBy fkg:features fkg:brand fkg:creativeDirectorOf "
                        "fkg:parentCompany } ?s ?p ?o } }").rows
    return nodes, int(next(edges)[0].value)


def written(store, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out, **kw)
    return out.getvalue()


def check_graph(store, g: nx.Graph, label: str = "label") -> None:
    nodes, edges = truth(store)
    assert g.number_of_nodes() == len(nodes)
    assert g.number_of_edges() == edges == 14
    assert {n: (d[label], d["type"]) for n, d in g.nodes(data=True)} == nodes


def test_graphml_reads_back_in_networkx(store, tmp_path):
    (tmp_path / "g.graphml").write_bytes(written(store, "graphml"))
    g = nx.read_graphml(tmp_path / "g.graphml")
    check_graph(store, g)
    assert g.is_multigraph() and g.is_directed()


def test_graphml_reads_back_in_igraph(store, tmp_path):
    (tmp_path / "g.graphml").write_bytes(written(store, "graphml"))
    g = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    nodes, edges = truth(store)
    assert (g.vcount(), g.ecount()) == (len(nodes), edges)
    assert {v["id"]: (v["label"], v["type"]) for v in g.vs} == nodes


def test_graphml_encodes_lists_as_json_strings(store, tmp_path):
    (tmp_path / "g.graphml").write_bytes(written(store, "graphml"))
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert json.loads(g.nodes[f"{ID}person/kim-kardashian"]["aliases"]) == ["Ms. Kardashian"]
    assert "nationality" not in g.nodes[f"{ID}brand/gucci"]  # None values are left out


def test_gexf_reads_back_coloured_by_type(store, tmp_path):
    (tmp_path / "g.gexf").write_bytes(written(store, "gexf"))
    g = nx.read_gexf(tmp_path / "g.gexf")
    check_graph(store, g)
    colours = {d["type"]: tuple(d["viz"]["color"][c] for c in "rgb") for _, d in g.nodes(data=True)}
    assert len(set(colours.values())) == 4


def test_cytoscape_reads_back(store):
    data = json.loads(written(store, "cytoscape"))
    check_graph(store, nx.cytoscape_graph(data))
    kim = next(n for n in data["elements"]["nodes"] if n["data"]["id"] == f"{ID}person/kim-kardashian")
    assert (kim["data"]["name"], kim["classes"], kim["data"]["aliases"]) == \
        ("Kim Kardashian", "Person", ["Ms. Kardashian"])


def test_nodelink_reads_back_with_stated_edges_key(store):
    data = json.loads(written(store, "nodelink"))
    assert data["edges_key"] == "edges"
    g = nx.node_link_graph(data, edges=data["edges_key"])
    check_graph(store, g)
    assert g.edges[f"{ID}person/demna", f"{ID}brand/balenciaga", "ambassadorOf"]["article_count"] == 1


@pytest.mark.parametrize("fmt", ["ttl", "nt", "xml", "nq", "trig", "jsonld"])
def test_rdf_reads_back_in_rdflib(store, fmt):
    ds = rdflib.Dataset()
    ds.parse(data=written(store, fmt), format=RDFLIB[fmt])
    nodes, _ = truth(store)
    triples = {(s, p, o) for s, p, o, _ in ds.quads()}
    labels = {str(s): str(o) for s, p, o in triples if p == rdflib.RDFS.label}
    types = {str(s): str(o).rsplit("#", 1)[-1] for s, p, o in triples if p == rdflib.RDF.type}
    assert {e: (labels[e], types[e]) for e in nodes} == nodes
    stored = {tuple(t.value for t in row) for row in store.query(  # the digest is left out
        f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{DIGEST}>) }}").rows}
    assert {(str(s), str(p), str(o)) for s, p, o in triples} == stored


def test_jsonld_expands_to_the_nquads(store):
    a, b = rdflib.Dataset(), rdflib.Dataset()
    a.parse(data=written(store, "jsonld"), format="json-ld")
    b.parse(data=written(store, "nq"), format="nquads")
    assert set(a.quads()) == set(b.quads())
    assert len({q[3] for q in b.quads()}) == 3


def test_jsonld_has_compact_context(store):
    data = json.loads(written(store, "jsonld"))
    assert data["@context"]["fkg"] == "https://w3id.org/fashion-kg/ontology#"
    kim = next(n for g in data["@graph"] for n in g["@graph"] if n["@id"] == f"{ID}person/kim-kardashian")
    assert (kim["@type"], kim["rdfs:label"]) == ("fkg:Person", "Kim Kardashian")


def test_rdf_export_honours_filters(store):
    ds = rdflib.Dataset()
    ds.parse(data=written(store, "nq", filters={"brand": "Gucci"}), format="nquads")
    subjects = {str(s) for s, *_ in ds.quads()}
    assert f"{ID}brand/gucci" in subjects and f"{ID}campaign/gucci/ancora" in subjects
    assert f"{ID}brand/balenciaga" not in subjects
    assert f"{ID}person/demna" not in {str(o) for _, _, o, _ in ds.quads()}


def test_neo4j_relationships_have_both_ends_in_nodes(store, tmp_path):
    export(store, "neo4j", tmp_path / "neo")
    with open(tmp_path / "neo" / "nodes.csv", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(tmp_path / "neo" / "relationships.csv", newline="") as fh:
        rels = list(csv.DictReader(fh))
    ids = {n["id:ID"] for n in nodes}
    assert len(rels) == 14 and all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert Counter(n[":LABEL"] for n in nodes)["Resource;Person"] == 6


def test_neo4j_headers_follow_admin_import_format(store, tmp_path):
    export(store, "neo4j", tmp_path / "neo")
    nodes = (tmp_path / "neo" / "nodes.csv").read_text().splitlines()[0].split(",")
    rels = (tmp_path / "neo" / "relationships.csv").read_text().splitlines()[0].split(",")
    assert nodes[0] == "id:ID" and nodes[-1] == ":LABEL" and "aliases:string[]" in nodes
    assert rels[:4] == [":START_ID", ":END_ID", ":TYPE", "articles:int"]
    cypher = (tmp_path / "neo" / "import.cypher").read_text()
    assert "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv'" in cypher
    assert "MERGE (a)-[r:`ambassadorOf`]->(b)" in cypher


def test_export_projection_writes_brand_brand(store):
    g = nx.node_link_graph(json.loads(written(store, "nodelink", projection="brand-brand")), edges="edges")
    assert list(g.edges(data="weight")) in ([(f"{ID}brand/gucci", f"{ID}brand/balenciaga", 1)],
                                            [(f"{ID}brand/balenciaga", f"{ID}brand/gucci", 1)])


def test_export_projection_of_rdf_raises(store):
    with pytest.raises(ParamError, match="--projection"):
        written(store, "ttl", projection="brand-brand")


def test_export_neo4j_needs_a_directory(store):
    with pytest.raises(ExportError, match="directory"):
        written(store, "neo4j")


@pytest.fixture
def disk_store(tmp_path, sample_extractions):
    with open_store(tmp_path / "store") as s:
        load(s, sample_extractions)
    return str(tmp_path / "store")


def test_cli_export_writes_stdout(disk_store):
    result = CliRunner().invoke(cli, ["export", "-s", disk_store, "-f", "nodelink", "--type", "Brand"])
    assert result.exit_code == 0, result.output
    assert sorted(n["label"] for n in json.loads(result.stdout)["nodes"]) == ["Balenciaga", "Gucci", "Kering"]


def test_cli_export_writes_file_and_reports(disk_store, tmp_path):
    out = tmp_path / "g.graphml"
    result = CliRunner().invoke(cli, ["export", "-s", disk_store, "-f", "graphml", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stderr == f"Exported 12 nodes, 13 edges as graphml to {out}\n"
    assert nx.read_graphml(out).number_of_nodes() == 12


def test_cli_export_neo4j_to_stdout_is_usage_error(disk_store):
    result = CliRunner().invoke(cli, ["export", "-s", disk_store, "-f", "neo4j"])
    assert result.exit_code == 2
    assert "neo4j writes several files: pass -o DIRECTORY" in result.stderr


def test_cli_export_unknown_focus_exits_2(disk_store):
    result = CliRunner().invoke(cli, ["export", "-s", disk_store, "-f", "gexf", "--focus", "Kim Kardashain"])
    assert result.exit_code == 2
    assert result.stderr == ("Error: no entity named 'Kim Kardashain' in the store; "
                             "did you mean: Kim Kardashian?\n")


def test_export_focus_depth_zero_keeps_one_node(store):
    data = json.loads(written(store, "nodelink", filters={"focus": "Gucci", "depth": 0, "types": None}))
    assert [n["id"] for n in data["nodes"]] == [f"{ID}brand/gucci"]
