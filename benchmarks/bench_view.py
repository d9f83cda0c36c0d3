"""How long `kg view` takes to write a page and how long Chromium takes to make it usable.

Synthetic news-like graphs (brands as hubs, people, products and campaigns around them,
about 1.4 edges per node) of 500, 2,000 and 10,000 nodes. For each size: the time to
generate the HTML (layout included), the page size, the time from navigation until the
page is interactive (the page sets data-kg-ready after its first complete drawing), and
the time for a neighbourhood highlight and a search once it is.

Also 10,000 nodes with 30,000 edges (the most a page draws), and 20,000 nodes with 60,000
edges, of which the page keeps the 10,000 most connected nodes.

Needs Debian's chromium (apt-get install chromium). Run:
    .venv/bin/python benchmarks/bench_view.py [NODES[:EDGES] ...]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright

from kg.view import render_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ID = "https://w3id.org/fashion-kg/id/"


def synthetic_graph(n: int, seed: int = 1, edges: int | None = None) -> nx.MultiDiGraph:
    """A graph shaped like kg.graph.to_networkx's: hubs of brands with talent and campaigns.

    About 1.4 edges a node; ``edges`` tops it up with random ``features`` edges.
    """
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    counts = {"Brand": max(n // 12, 2), "Campaign": n // 6, "Product": n // 6}
    counts["Person"] = n - sum(counts.values())
    names: dict[str, list[str]] = {}
    for kind, count in counts.items():
        names[kind] = []
        for i in range(count):
            iri = f"{ID}{kind.lower()}/{kind.lower()}-{i}"
            graph.add_node(iri, label=f"{kind} {i}", type=kind, aliases=[f"{kind[0]}{i}"],
                           nationality="French" if kind == "Person" and i % 3 == 0 else None,
                           occupation=["model"] if kind == "Person" else [])
            names[kind].append(iri)
    brands = names["Brand"]
    weights = list(accumulate(1 / (i + 1) ** 0.8 for i in range(len(brands))))  # a few houses dominate

    def edge(s: str, p: str, o: str) -> None:
        articles = [f"{ID}article/a{rng.randrange(n * 2)}" for _ in range(rng.randint(1, 3))]
        graph.add_edge(s, o, key=p, predicate=p, articles=articles, article_count=len(articles),
                       first_date="2024-01-02", last_date="2024-03-04", past=False,
                       evidence=[f"{graph.nodes[s]['label']} {p} {graph.nodes[o]['label']}."])

    def brand() -> str:
        return rng.choices(brands, cum_weights=weights)[0]

    for person in names["Person"]:
        edge(person, rng.choice(["ambassadorOf", "ambassadorOf", "creativeDirectorOf"]), brand())
    for campaign in names["Campaign"]:
        edge(campaign, "brand", brand())
        edge(campaign, "photographedBy", rng.choice(names["Person"]))
        edge(campaign, "features", rng.choice(names["Person"]))
        edge(campaign, "features", rng.choice(names["Product"]))
    for product in names["Product"]:
        edge(product, "brand", brand())
    for b in brands[5:]:
        if rng.random() < 0.3:
            edge(b, "parentCompany", rng.choice(brands[:5]))
    nodes = list(graph.nodes)
    for _ in range((edges or 0) - graph.number_of_edges()):
        edge(rng.choice(names["Campaign"]), "features", rng.choice(nodes))
    return graph


def measure(browser, n: int, edges: int | None, folder: Path) -> None:
    graph = synthetic_graph(n, edges=edges)
    start = time.perf_counter()
    page_html = render_html(graph, title=f"synthetic {n}")
    generate = time.perf_counter() - start
    path = folder / f"view-{n}.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-kg-ready=true]", state="attached", timeout=600_000)
    interactive = time.perf_counter() - start
    physics, drawn = page.evaluate("[kgView.data.physics, [kgView.nodes.length, kgView.edges.length]]")
    redraw = page.evaluate("() => { const t = []; for (let i = 0; i < 3; i++) { const s = performance.now();"
                           " kgView.network.redraw(); t.push(performance.now() - s); }"
                           " return t.sort((a, b) => a - b)[1] / 1000; }")
    start = time.perf_counter()
    found = page.evaluate("kgView.focus('Campaign 1')")  # search, zoom in, highlight the neighbourhood
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    search = time.perf_counter() - start
    page.close()
    print(f"{n:>6} nodes {graph.number_of_edges():>6} edges | generate {generate:5.2f} s | "
          f"{len(page_html) / 1e6:4.1f} MB | interactive {interactive:5.2f} s | full redraw {redraw:4.2f} s | "
          f"search+highlight {search:4.2f} s | physics {'on' if physics else 'off'} | "
          f"drew {drawn[0]}/{drawn[1]}" + ("" if found is not None else " | SEARCH FAILED")
          + (f" | ERRORS {errors}" if errors else ""), flush=True)


def main(sizes: list[str]) -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} not found: apt-get install chromium")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size in sizes:
            n, _, edges = size.partition(":")
            measure(browser, int(n), int(edges) if edges else None, Path(folder))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:] or ["500", "2000", "10000", "10000:30000", "20000:60000"])
