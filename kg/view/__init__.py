"""Interactive HTML views of the graph: one self-contained file, safe with untrusted text.

The page inlines vis-network (read from pyvis's package at run time), its own script and
stylesheet, and the graph as a JSON data block; a Content-Security-Policy allows exactly
those (by hash) and nothing else, so the page works offline from ``file://``, makes no
request to any host, and text from articles can never run as code.

Graphs of up to ``PHYSICS_MAX_NODES`` nodes settle with a short physics run in the browser
and then stop; larger ones are laid out here with igraph and drawn still. Past
``MAX_NODES``/``MAX_EDGES`` the most connected nodes are kept and the page says what was
left out.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .answer import article_names, query_graph
from .layout import layout_positions
from .page import page
from .payload import payload, trim

PHYSICS_MAX_NODES = 500  # above this the browser gets final positions and runs no physics
MAX_NODES = 10_000  # the page stays usable up to here; past it the least connected go
MAX_EDGES = 30_000

__all__ = ["Page", "build_page", "render_html", "view", "view_page", "query_graph",
           "PHYSICS_MAX_NODES", "MAX_NODES", "MAX_EDGES"]


@dataclass
class Page:
    """A rendered view: the HTML and what it shows."""

    html: str
    nodes: int
    edges: int
    physics: bool
    notice: str  # what was left out, or why nothing shows; "" when all is drawn


def build_page(graph: nx.MultiDiGraph, title: str = "fashion-kg graph", *,
               articles: Mapping[str, str] | None = None, max_nodes: int = MAX_NODES,
               max_edges: int = MAX_EDGES, physics_max_nodes: int = PHYSICS_MAX_NODES) -> Page:
    """Draw ``graph`` (node id = IRI, edge key = predicate, as ``kg.graph.to_networkx`` makes).

    ``articles`` names article IRIs (headline and date) in edge tooltips.
    """
    empty = graph.number_of_nodes() == 0
    graph, left_out = trim(graph, max_nodes, max_edges)
    n_nodes, n_edges = graph.number_of_nodes(), graph.number_of_edges()
    data: dict[str, Any] = payload(graph, layout_positions(graph), articles or {})
    physics = 0 < n_nodes <= physics_max_nodes
    data.update(physics=physics, iterations=200 if n_nodes <= 100 else 100, big=n_nodes > physics_max_nodes)
    notice = left_out.notice(n_nodes, n_edges)
    if empty:
        notice = "Nothing to draw: the graph is empty (check the filters or the query)."
    return Page(page(title, notice, data, n_nodes, n_edges), n_nodes, n_edges, physics, notice)


def render_html(graph: nx.MultiDiGraph, title: str = "fashion-kg graph", **options: Any) -> str:
    """The HTML page drawing ``graph``; ``options`` as for ``build_page``."""
    return build_page(graph, title, **options).html


def view_page(store: Any, *, title: str | None = None, query: Any = None,
              params: Mapping[str, object] | None = None, max_nodes: int = MAX_NODES,
              max_edges: int = MAX_EDGES, physics_max_nodes: int = PHYSICS_MAX_NODES,
              **filters: Any) -> Page:
    """The store's graph, narrowed by ``kg.graph.to_networkx`` filters or drawn from a query.

    ``query`` (a ``.rq`` path, a name from ``queries/`` or SPARQL text, with ``params``):
    a CONSTRUCT or DESCRIBE draws its triples, a SELECT its ``?s ?p ?o`` rows. Without it,
    ``filters`` (types, predicates, brand, since, until, focus, depth, articles) go to
    ``to_networkx``.
    """
    if query is not None:
        graph = query_graph(store, query, params)
    else:
        from ..graph import to_networkx

        graph = to_networkx(store, **filters)
    names = article_names(store) if graph.number_of_edges() else {}
    return build_page(graph, title or _title(filters, query), articles=names, max_nodes=max_nodes,
                      max_edges=max_edges, physics_max_nodes=physics_max_nodes)


def view(store: Any, **options: Any) -> str:
    """The HTML page for the store's graph (a string a notebook can show); see ``view_page``."""
    return view_page(store, **options).html


def _title(filters: Mapping[str, Any], query: Any) -> str:
    if query is not None:
        name = getattr(query, "name", "") or (query if isinstance(query, str) and len(query.split()) == 1 else "")
        return f"fashion-kg: {name or 'query result'}"
    parts = [f"{key} {_shown(value)}".strip() for key, value in filters.items()
             if value not in (None, False, (), [], "") and key != "evidence"]
    return "fashion-kg" + (": " + ", ".join(parts) if parts else " graph")


def _shown(value: Any) -> str:
    if value is True:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(map(str, value))
    return str(value)
