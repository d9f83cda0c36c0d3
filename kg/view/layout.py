"""Node positions computed in Python, so the browser never runs a long physics simulation.

igraph's C Fruchterman-Reingold lays out 10,000 nodes in about 1.5 s (networkx's spring
layout took 44 s for 5,000). Each connected component is laid out on its own and the
components are packed in rows, largest first: laid out together, a news graph's many
small islands drift far apart and squeeze the main component into a dot.
"""
from __future__ import annotations

import math
import random
import statistics
from collections.abc import Hashable, Sequence

import igraph as ig
import networkx as nx

EDGE_LENGTH = 140.0  # typical edge length in vis-network canvas units
GAP = 1.5  # space between packed components, in edge lengths


def layout_positions(graph: nx.MultiDiGraph, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``graph``; the same graph always gets the same layout."""
    nodes = list(graph.nodes)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(index[u], index[v]) for u, v in graph.edges() if u != v}
    whole = ig.Graph(n=len(nodes), edges=sorted({(min(a, b), max(a, b)) for a, b in pairs}))
    rng = random.Random(seed)
    ig.set_random_number_generator(rng)  # igraph draws from it too; the default is the random module
    try:
        boxes = [_component(whole, members, rng) for members in whole.connected_components(mode="weak")]
    finally:
        ig.set_random_number_generator(random)
    boxes.sort(key=lambda box: (-len(box[0]), box[0][0]))
    placed = _pack(boxes)
    return {nodes[i]: (round(x * EDGE_LENGTH, 1), round(y * EDGE_LENGTH, 1)) for i, (x, y) in placed.items()}


Box = tuple[list[int], list[tuple[float, float]]]


def _component(whole: ig.Graph, members: Sequence[int], rng: random.Random) -> Box:
    """One component's node ids and positions, scaled so its median edge is one unit long."""
    members = list(members)
    if len(members) == 1:
        return members, [(0.0, 0.0)]
    if len(members) == 2:
        return members, [(0.0, 0.0), (1.0, 0.0)]
    sub = whole.induced_subgraph(members)
    spread = math.sqrt(len(members)) / 2  # igraph's own start; a tight start makes its grid quadratic
    seed = [[rng.uniform(-spread, spread), rng.uniform(-spread, spread)] for _ in members]
    coords = sub.layout_fruchterman_reingold(seed=seed, niter=500).coords
    lengths = [math.dist(coords[a], coords[b]) for a, b in sub.get_edgelist()]
    unit = statistics.median(lengths) or 1.0
    return members, [(x / unit, y / unit) for x, y in coords]


def _pack(boxes: list[Box]) -> dict[int, tuple[float, float]]:
    """Shelf packing: components left to right in rows about as wide as the whole is tall."""
    sized = []
    for members, coords in boxes:
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        sized.append((members, coords, min(xs), min(ys), max(xs) - min(xs) + GAP, max(ys) - min(ys) + GAP))
    row_width = max(math.sqrt(sum(w * h for *_, w, h in sized)), max(w for *_, w, _h in sized))
    placed: dict[int, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, coords, left, top, width, height in sized:
        if x and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (cx, cy) in zip(members, coords, strict=True):
            placed[node] = (x + cx - left, y + cy - top)
        x += width
        row_height = max(row_height, height)
    return placed
