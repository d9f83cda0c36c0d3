"""A networkx graph as the compact data the page's script turns into vis-network items.

Nodes and edges travel as arrays indexed into type and predicate tables, so a 10,000-node
page does not repeat a colour object per item. Tooltips are plain text: the page hands
them to vis-network as strings, which it shows with ``innerText``.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

NODE_STYLES = {  # type -> (colour, vis-network shape, legend glyph)
    "Brand": ("#d1495b", "diamond", "◆"),
    "Person": ("#00798c", "dot", "●"),
    "Product": ("#edae49", "square", "■"),
    "Campaign": ("#66a182", "triangle", "▲"),
    "Article": ("#8d96a3", "hexagon", "⬢"),
}
SPARE_NODE_STYLES = [("#6a4c93", "star", "★"), ("#30638e", "triangleDown", "▼"),
                     ("#bc4b51", "hexagon", "⬢"), ("#5b8e7d", "dot", "●")]
EDGE_COLOURS = {
    "ambassadorOf": "#e15759", "photographedBy": "#4e79a7", "features": "#59a14f",
    "brand": "#f28e2b", "creativeDirectorOf": "#b07aa1", "parentCompany": "#9c755f",
    "mentions": "#bab0ac",
}
SPARE_EDGE_COLOURS = ["#76b7b2", "#edc948", "#ff9da7", "#3f51b5", "#8bc34a", "#795548"]
SHOWN_ATTRIBUTES = ("nationality", "occupation")  # first, in this order; others follow sorted
HIDDEN_ATTRIBUTES = {"label", "type", "aliases", "x", "y"}
MAX_EVIDENCE = 3
MAX_ARTICLES = 5
MAX_TEXT = 300


@dataclass
class Trimmed:
    """What was left out to keep the page within what a browser can draw."""

    nodes: int = 0
    edges: int = 0
    node_types: Counter = field(default_factory=Counter)
    top_names: list[str] = field(default_factory=list)

    def notice(self, shown_nodes: int, shown_edges: int) -> str:
        """One sentence for the page, or "" when nothing was left out."""
        if not self.nodes and not self.edges:
            return ""
        parts = [f"Showing the {shown_nodes:,} most connected of {shown_nodes + self.nodes:,} nodes "
                 f"and {shown_edges:,} of {shown_edges + self.edges:,} edges."]
        if self.nodes:
            by_type = ", ".join(f"{t} {n:,}" for t, n in self.node_types.most_common())
            parts.append(f"Left out: {self.nodes:,} nodes ({by_type}) and {self.edges:,} edges.")
            parts.append("Most connected left out: " + ", ".join(self.top_names) + ".")
        else:
            parts.append(f"Left out: the {self.edges:,} edges with the fewest articles.")
        parts.append("Narrow the view with --focus, --brand or the type filters to see them.")
        return " ".join(parts)


def trim(graph: nx.MultiDiGraph, max_nodes: int, max_edges: int) -> tuple[nx.MultiDiGraph, Trimmed]:
    """Keep the ``max_nodes`` most connected nodes and the ``max_edges`` best-attested edges."""
    left = Trimmed()
    if graph.number_of_nodes() > max_nodes:
        ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), _label(graph, n), str(n)))
        dropped = ranked[max_nodes:]
        left.nodes = len(dropped)
        left.node_types = Counter(graph.nodes[n].get("type") or "Other" for n in dropped)
        left.top_names = [_label(graph, n) for n in dropped[:8]]
        kept = graph.subgraph(ranked[:max_nodes]).copy()  # a copy: views are slow to walk
        left.edges = graph.number_of_edges() - kept.number_of_edges()
        graph = kept
    if graph.number_of_edges() > max_edges:
        ranked_edges = sorted(graph.edges(keys=True, data=True),
                              key=lambda e: (-_article_count(e[3]), str(e[0]), str(e[1]), str(e[2])))
        left.edges += len(ranked_edges) - max_edges
        kept_edges = nx.MultiDiGraph(graph.graph)
        kept_edges.add_nodes_from(graph.nodes(data=True))
        kept_edges.add_edges_from(ranked_edges[:max_edges])
        graph = kept_edges
    return graph, left


def payload(graph: nx.MultiDiGraph, positions: Mapping[Hashable, tuple[float, float]],
            articles: Mapping[str, str]) -> dict:
    """The page's data: type and predicate tables, node rows and edge rows."""
    types = _table(
        (graph.nodes[n].get("type") or "Other" for n in graph.nodes), NODE_STYLES, SPARE_NODE_STYLES,
        lambda name, style, count: {"name": name, "color": style[0], "shape": style[1], "glyph": style[2],
                                    "count": count})
    predicates = _table(
        (key for *_, key in graph.edges(keys=True)), EDGE_COLOURS, SPARE_EDGE_COLOURS,
        lambda name, colour, count: {"name": name, "color": colour, "count": count})
    type_index = {t["name"]: i for i, t in enumerate(types)}
    pred_index = {p["name"]: i for i, p in enumerate(predicates)}
    node_index = {n: i for i, n in enumerate(graph.nodes)}
    nodes = []
    for node, attrs in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        degree = graph.degree(node)
        nodes.append([str(node), _label(graph, node), type_index[attrs.get("type") or "Other"],
                      round(min(10 + 4 * math.sqrt(degree), 50), 1), x, y,
                      node_tooltip(node, attrs, graph.in_degree(node), graph.out_degree(node))])
    curves = _curves(graph)
    edges = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        edges.append([node_index[u], node_index[v], pred_index[key], curves.get((u, v, key), 0),
                      edge_tooltip(_label(graph, u), key, _label(graph, v), attrs, articles)])
    return {"types": types, "predicates": predicates, "nodes": nodes, "edges": edges}


def node_tooltip(node: Hashable, attrs: dict, in_degree: int, out_degree: int) -> str:
    """Name, type, aliases and attributes as lines of plain text."""
    lines = [_clip(attrs.get("label") or _local_name(str(node))), attrs.get("type") or "Other"]
    aliases = [a for a in _as_list(attrs.get("aliases")) if a != attrs.get("label")]
    if aliases:
        lines.append("Also: " + _clip("; ".join(sorted(aliases))))
    extra = sorted(k for k in attrs if k not in HIDDEN_ATTRIBUTES and k not in SHOWN_ATTRIBUTES)
    for key in (*SHOWN_ATTRIBUTES, *extra):
        values = _as_list(attrs.get(key))
        if values:
            lines.append(f"{key.capitalize()}: " + _clip("; ".join(map(str, values))))
    lines.append(f"Connections: {in_degree + out_degree} ({out_degree} out, {in_degree} in)")
    lines.append(str(node))
    return "\n".join(lines)


def edge_tooltip(subject: str, predicate: str, obj: str, attrs: dict, articles: Mapping[str, str]) -> str:
    """The statement, its dates, and the articles and sentences behind it."""
    lines = [f"{_clip(subject)} —{predicate}→ {_clip(obj)}"]
    if attrs.get("past"):
        lines.append("(past)")
    first, last = attrs.get("first_date"), attrs.get("last_date")
    if first or last:
        lines.append(f"Reported {first}" + (f" to {last}" if last and last != first else ""))
    sources = _as_list(attrs.get("articles"))
    count = attrs.get("article_count") or len(sources)
    if count:
        lines.append(f"Articles ({count}):")
        lines.extend("  " + _clip(articles.get(str(a)) or a) for a in sources[:MAX_ARTICLES])
        if count > MAX_ARTICLES:
            lines.append(f"  … and {count - MAX_ARTICLES} more")
    evidence = _as_list(attrs.get("evidence"))
    if evidence:
        lines.append("Evidence:")
        lines.extend(f"  “{_clip(s)}”" for s in evidence[:MAX_EVIDENCE])
        if len(evidence) > MAX_EVIDENCE:
            lines.append(f"  … and {len(evidence) - MAX_EVIDENCE} more sentences")
    return "\n".join(lines)


def _table(names: Iterable[str], styles: dict, spares: list, make) -> list[dict]:
    """Legend rows: known names in the contract's order, then the rest by name."""
    counts = Counter(names)
    known = [n for n in styles if n in counts]
    others = sorted(n for n in counts if n not in styles)
    rows = [make(n, styles[n], counts[n]) for n in known]
    rows += [make(n, spares[i % len(spares)], counts[n]) for i, n in enumerate(others)]
    return rows


def _curves(graph: nx.MultiDiGraph) -> dict[tuple, float]:
    """Signed roundness per edge (positive: clockwise) so parallel edges never overlap.

    A node's loops (one per predicate) get their number instead, which turns each one.
    """
    groups: dict[frozenset, list[tuple]] = defaultdict(list)
    for u, v, key in graph.edges(keys=True):
        groups[frozenset((u, v))].append((u, v, key))
    curves = {}
    for edges in groups.values():
        if len(edges) < 2:
            continue
        edges.sort(key=lambda e: (str(e[0]), str(e[1]), e[2]))
        first = edges[0][0]
        for slot, (u, v, key) in enumerate(edges):
            if u == v:
                curves[(u, v, key)] = slot
                continue
            side = 1 if slot % 2 == 0 else -1
            if u != first:  # vis-network curves relative to the edge's own direction
                side = -side
            curves[(u, v, key)] = round(side * min(0.2 + 0.25 * (slot // 2), 0.95), 2)
    return curves


def _label(graph: nx.MultiDiGraph, node: Hashable) -> str:
    return str(graph.nodes[node].get("label") or _local_name(str(node)))


def _local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def _as_list(value: object) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return [v for v in value if v not in (None, "")]
    return [value]


def _article_count(attrs: dict) -> int:
    return attrs.get("article_count") or len(_as_list(attrs.get("articles")))


def _clip(text: object) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"
