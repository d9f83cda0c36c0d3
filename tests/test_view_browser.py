"""``kg view`` pages in a real browser: Debian's chromium driven by Playwright, offline.

One browser for the module; each test opens the page from a file and records every
request, console message, page error and dialog.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from conftest import _rel, load

from kg.graph import to_networkx
from kg.model import Article, Entity, Extraction
from kg.view import build_page, view

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVIL = "<img src=x onerror=alert(1)>"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                                                     "(apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page opened from a file, with what it asked for and said."""

    def __init__(self, browser, html: str, folder: Path) -> None:
        self.file = folder / "view.html"
        self.file.write_text(html, encoding="utf-8")
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.file.as_uri())
        self.page.wait_for_selector("html[data-kg-ready=true]", state="attached", timeout=60_000)

    def node_id(self, label: str) -> int:
        return self.page.evaluate("l => kgView.nodes.get({filter: n => n.label === l})[0].id", label)

    def hover(self, label: str) -> str:
        """Move the mouse onto the node and return the tooltip's text."""
        x, y = self.page.evaluate(
            """id => { const net = kgView.network, p = net.canvasToDOM(net.getPosition(id));
                       const r = document.querySelector('#kg-graph canvas').getBoundingClientRect();
                       return [r.left + p.x, r.top + p.y]; }""", self.node_id(label))
        self.page.mouse.move(x - 3, y - 3)
        self.page.mouse.move(x, y)
        tooltip = self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        return tooltip.inner_text()


@pytest.fixture
def opened(browser, tmp_path):
    pages: list[Opened] = []

    def open_html(html: str) -> Opened:
        pages.append(Opened(browser, html, tmp_path))
        return pages[-1]
    yield open_html
    for page in pages:
        page.page.close()


def evil_extraction() -> Extraction:
    text = f"{EVIL} is an ambassador of Balenciaga."
    article = Article(id="evil.md", title=f"<script>alert(2)</script>{EVIL}", text=text, source="evil.md")
    evil = Entity("Person", EVIL, {'<a href="javascript:alert(3)">href</a>'}, occupation=["<svg onload=alert(4)>"])
    bal = Entity("Brand", "Balenciaga")
    return Extraction(article, [evil, bal], [_rel(evil, "ambassadorOf", bal, f"<b onmouseover=alert(5)>{text}")],
                      "test/1")


def test_view_loads_offline_without_errors(opened, memory_store, tmp_path):
    page = opened(view(memory_store))
    assert page.requests == [page.file.as_uri()]
    assert page.console == []
    page.page.screenshot(path=str(tmp_path / "view.png"))
    assert (tmp_path / "view.png").stat().st_size > 10_000


def test_view_draws_every_node_and_edge(opened, memory_store):
    graph = to_networkx(memory_store)
    page = opened(view(memory_store))
    counts = page.page.evaluate("""() => [kgView.nodes.length, kgView.edges.length,
        kgView.nodes.get({filter: n => !n.hidden}).length, kgView.edges.get({filter: e => !e.hidden}).length,
        kgView.network.body.nodeIndices.length, kgView.network.body.edgeIndices.length]""")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] * 3


def test_view_physics_stops_after_stabilising(opened, memory_store):
    page = opened(view(memory_store))
    assert page.page.evaluate("kgView.network.physics.physicsEnabled") is False


def test_view_hover_shows_node_tooltip(opened, memory_store):
    page = opened(view(memory_store))
    text = page.hover("Kim Kardashian")
    assert text.splitlines()[:4] == ["Kim Kardashian", "Person", "Also: Ms. Kardashian", "Nationality: American"]


def test_view_hover_shows_edge_articles_and_evidence(opened, memory_store):
    page = opened(view(memory_store))
    x, y = page.page.evaluate(
        """() => { const net = kgView.network, e = kgView.edges.get({filter: e => e.label === 'parentCompany'})
                     .find(e => kgView.nodes.get(e.from).label === 'Gucci');
                   const a = net.getPosition(e.from), b = net.getPosition(e.to);
                   const p = net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
                   const r = document.querySelector('#kg-graph canvas').getBoundingClientRect();
                   return [r.left + p.x, r.top + p.y]; }""")
    page.page.mouse.move(x - 2, y - 2)
    page.page.mouse.move(x, y)
    text = page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000).inner_text()
    assert text.splitlines() == ["Gucci —parentCompany→ Kering", "Reported 2024-02-01", "Articles (1):",
                                 "  Gucci Ancora (2024-02-01)", "Evidence:",
                                 "  “Kim Kardashian is also an ambassador of Gucci.”"]


def test_view_search_focuses_named_node(opened, memory_store):
    page = opened(view(memory_store))
    page.page.fill("#kg-search", "kendall jenner")
    page.page.press("#kg-search", "Enter")
    node = page.node_id("Kendall Jenner")
    assert page.page.evaluate("kgView.network.getSelectedNodes()") == [node]
    centre, at = page.page.evaluate("id => [kgView.network.getViewPosition(), kgView.network.getPosition(id)]", node)
    assert abs(centre["x"] - at["x"]) < 1 and abs(centre["y"] - at["y"]) < 1
    assert page.page.inner_text("#kg-status") == "Found: Kendall Jenner (Person)"


def test_view_click_dims_all_but_the_neighbourhood(opened, memory_store):
    page = opened(view(memory_store))
    page.page.evaluate("kgView.focus('Ancora')")
    dimmed = page.page.evaluate("kgView.nodes.get({filter: n => !n.kgDim}).map(n => n.label).sort()")
    assert dimmed == ["Ancora", "David Sims", "Gucci", "Kendall Jenner"]


def test_view_type_checkbox_hides_nodes_and_their_edges(opened, memory_store):
    page = opened(view(memory_store))
    page.page.uncheck("input[data-kg-filter=type][value=Person]")
    shown = page.page.evaluate("""() => [kgView.nodes.get({filter: n => !n.hidden}).map(n => n.label).sort(),
        kgView.edges.get({filter: e => !e.hidden}).length]""")
    assert shown == [["Ancora", "Balenciaga", "Closet", "Gucci", "Kering", "Le City"], 6]
    assert page.page.inner_text("#kg-count") == "6 of 12 nodes, 6 of 13 edges shown"


def test_view_predicate_checkbox_hides_edges(opened, memory_store):
    page = opened(view(memory_store))
    page.page.uncheck("input[data-kg-filter=predicate][value=features]")
    assert page.page.evaluate("kgView.edges.get({filter: e => !e.hidden}).length") == 11


def test_view_malicious_text_shows_as_text_and_runs_nothing(opened, memory_store):
    load(memory_store, [evil_extraction()])
    page = opened(view(memory_store, title=f"{EVIL} <script>alert(6)</script>"))
    assert page.page.inner_text("#kg-title") == f"{EVIL} <script>alert(6)</script>"
    text = page.hover(EVIL)
    assert text.splitlines()[:3] == [EVIL, "Person", 'Also: <a href="javascript:alert(3)">href</a>']
    assert page.page.evaluate("document.querySelectorAll('img, svg, b, a').length") == 0
    page.page.evaluate("kgView.focus('Balenciaga')")
    assert page.dialogs == [] and page.console == []
    assert page.requests == [page.file.as_uri()]


def test_view_large_graph_mode_draws_still_and_highlights_by_selection(opened):
    graph = nx.MultiDiGraph()
    for i in range(30):
        graph.add_node(f"n{i}", label=f"Node {i}", type="Person")
        graph.add_edge(f"n{i}", f"n{(i * 7) % 30}", key="features")
    page = opened(build_page(graph, physics_max_nodes=10).html)
    assert page.page.evaluate("[kgView.data.big, kgView.network.physics.physicsEnabled]") == [True, False]
    page.page.evaluate("kgView.focus('Node 1')")
    assert sorted(page.page.evaluate("kgView.network.getSelectedNodes()")) == sorted(
        page.node_id(f"Node {i}") for i in (1, 7, 13))
    assert page.console == []


def test_view_notice_names_what_was_left_out(opened, memory_store):
    page = opened(build_page(to_networkx(memory_store), max_nodes=5).html)
    assert page.page.inner_text("#kg-notice").startswith("Showing the 5 most connected of 12 nodes")
    assert page.page.evaluate("kgView.nodes.length") == 5


def test_view_empty_graph_loads_and_says_so(opened):
    page = opened(build_page(nx.MultiDiGraph()).html)
    assert page.page.inner_text("#kg-notice").startswith("Nothing to draw")
    assert page.console == []
