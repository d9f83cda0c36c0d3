"""GraphML, GEXF, Cytoscape.js JSON and node-link JSON, written by networkx.

networkx writers take only ``str``/``int``/``float``/``bool`` attribute values, and
GraphML and GEXF take no lists and no ``None``: ``flat`` drops ``None`` and encodes each
list as a JSON array string (``'["a", "b"]'``, read back with ``json.loads``). The JSON
formats keep lists as JSON arrays.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

import networkx as nx

# Gephi opens a GEXF file coloured by these (the ``viz:color`` of each node).
TYPE_COLOURS = {
    "Brand": (214, 39, 40),
    "Person": (31, 119, 180),
    "Product": (44, 160, 44),
    "Campaign": (255, 127, 14),
    "Article": (127, 127, 127),
}
NODELINK_EDGES = "edges"


def flat(graph: nx.Graph) -> nx.Graph:
    """A copy whose attribute values every networkx writer accepts (no None, no lists).

    A multigraph's edges get unique keys ``e0``, ``e1``... (written as the edge ids, which
    Gephi and Cytoscape need unique) and the old key, the relation's name, as ``label``.
    """
    out = graph.__class__()
    out.graph.update(_flat_attrs(graph.graph))
    out.add_nodes_from((n, _flat_attrs(d)) for n, d in graph.nodes(data=True))
    if graph.is_multigraph():
        out.add_edges_from((u, v, f"e{i}", {"label": str(k), **_flat_attrs(d)})
                           for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True)))
    else:
        out.add_edges_from((u, v, _flat_attrs(d)) for u, v, d in graph.edges(data=True))
    return out


def _flat_attrs(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            value = json.dumps(sorted(value) if isinstance(value, set | frozenset) else list(value),
                               ensure_ascii=False)
        elif not isinstance(value, str | int | float | bool):
            value = str(value)
        out[key] = value
    return out


def write_graphml(graph: nx.Graph, out: BinaryIO) -> None:
    """GraphML, readable by networkx, igraph, Gephi, yEd and Cytoscape."""
    _write_lines(nx.generate_graphml(flat(graph), encoding="utf-8", prettyprint=True), out)


def write_gexf(graph: nx.Graph, out: BinaryIO) -> None:
    """GEXF 1.2 with a ``viz:color`` per node type, so Gephi opens it coloured."""
    coloured = flat(graph)
    for _, data in coloured.nodes(data=True):
        r, g, b = TYPE_COLOURS.get(str(data.get("type")), (160, 160, 160))
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
    for *_, data in coloured.edges(data=True):
        if "article_count" in data:
            data.setdefault("weight", data["article_count"])  # Gephi's edge thickness
    _write_lines(nx.generate_gexf(coloured, encoding="utf-8", prettyprint=True), out)


def write_cytoscape(graph: nx.Graph, out: BinaryIO) -> None:
    """Cytoscape.js ``elements`` JSON; each node's ``name`` is its label."""
    data = nx.cytoscape_data(graph, name="name", ident="id")
    for node in data["elements"]["nodes"]:
        node["data"]["name"] = graph.nodes[node["data"]["value"]].get("label") or node["data"]["id"]
        if node["data"].get("type"):
            node["classes"] = node["data"]["type"]
    _write_json(data, out)


def write_nodelink(graph: nx.Graph, out: BinaryIO) -> None:
    """D3-style node-link JSON; the edge list's key is named in ``edges_key`` (``edges``)."""
    data = nx.node_link_data(graph, edges=NODELINK_EDGES)
    data = {"edges_key": NODELINK_EDGES, **data}
    _write_json(data, out)


def _write_lines(lines: Iterator[str], out: BinaryIO) -> None:
    """XML lines from networkx's generators, after the declaration they leave out."""
    out.write(b"<?xml version='1.0' encoding='utf-8'?>\n")
    for line in lines:
        out.write(line.encode("utf-8"))
        out.write(b"\n")


def _write_json(data: dict, out: BinaryIO) -> None:
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=1).iterencode(data):
        out.write(chunk.encode("utf-8"))
    out.write(b"\n")
