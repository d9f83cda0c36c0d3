"""Ingest: same store whatever --jobs, idempotent, edits replace, copies stored once,
bad files skipped, streaming with a bounded number of articles in flight, and the same
answers from an ``oxigraph serve`` process as from the embedded store.

Articles are small markdown files written here; the extractor may find little in them,
so the assertions are on article graphs and their metadata, not on relations.
"""
from __future__ import annotations

import os
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.extract import extract
from kg.ingest import ingest
from kg.model import Article, Extraction
from kg.store import OxigraphStore, open_store

HOUSES = ["Balenciaga", "Gucci", "Prada", "Loewe", "Dior", "Chanel"]


def write_articles(folder: Path, count: int = 6) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        house = HOUSES[i % len(HOUSES)]
        path = folder / f"a{i:02d}.md"
        path.write_text(f"# {house} story {i}\n\nMarch {i + 1}, 2024\n\n"
                        f"{house} has named Kim Kardashian its new global ambassador (story {i}).\n")
        paths.append(path)
    return paths


def articles(store) -> list[tuple[str, str, str]]:
    """(source, headline, content hash) of every stored article graph."""
    rows = store.query("""SELECT ?source ?headline ?hash WHERE { GRAPH ?g {
        ?g a fkg:Article ; fkg:source ?source ; schema:headline ?headline ; fkg:contentHash ?hash } }
        ORDER BY ?source""").rows
    return [tuple(term.value for term in row) for row in rows]


def triple_count(store) -> int:
    rows = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    return int(next(rows)[0].value)


def quads(store: OxigraphStore) -> set[str]:
    return set(store.dump().decode("utf-8").splitlines())


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # sources are recorded relative to the working directory
    write_articles(tmp_path / "news")
    return Path("news")


def test_ingest_jobs_two_stores_the_same_as_jobs_one(folder):
    with open_store("memory") as one, open_store("memory") as two:
        ingest(one, [folder], jobs=1, batch_size=2)
        report = ingest(two, [folder], jobs=2, batch_size=2)
        assert report.stored == 6
        assert quads(one) == quads(two)


def test_ingest_same_folder_twice_keeps_the_triple_count(folder):
    with open_store("memory") as store:
        ingest(store, [folder])
        before = triple_count(store)
        again = ingest(store, [folder])
        assert (again.stored, again.unchanged) == (0, 6)
        assert triple_count(store) == before


def test_ingest_edited_file_replaces_its_graph(folder):
    with open_store("memory") as store:
        ingest(store, [folder])
        (folder / "a01.md").write_text("# Gucci story, corrected\n\nGucci has named a new ambassador.\n")
        report = ingest(store, [folder])
        assert (report.stored, report.replaced, report.unchanged) == (1, 1, 5)
        stored = articles(store)
        assert len(stored) == 6
        assert ("news/a01.md", "Gucci story, corrected") in [(s, h) for s, h, _ in stored]


def test_ingest_same_text_under_two_names_is_stored_once(folder):
    (folder / "copy.md").write_bytes((folder / "a03.md").read_bytes())
    with open_store("memory") as store:
        report = ingest(store, [folder], jobs=2, batch_size=2)
        assert report.stored == 6
        assert [source for source, _ in report.duplicates] == ["news/copy.md"]
        assert report.duplicates[0][1] in store.article_hashes(iris=[report.duplicates[0][1]])
        assert "news/copy.md" not in [source for source, _, _ in articles(store)]


def test_ingest_cli_bad_file_in_the_middle_exits_1_and_stores_the_rest(folder):
    (folder / "a02.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00 not an article")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--store", "kg-store", "--jobs", "2", "--batch", "2"])
    assert result.exit_code == 1
    assert "a02.md" in result.stderr
    with open_store("kg-store", read_only=True) as store:
        assert [source for source, _, _ in articles(store)] == [f"news/a0{i}.md" for i in (0, 1, 3, 4, 5)]


def test_ingest_streams_with_a_bounded_number_in_flight(tmp_path):
    files = write_articles(tmp_path / "many", 40)
    pulled = []

    def paths():
        for path in files:
            pulled.append(path)
            yield path

    class Recording(OxigraphStore):
        first_write_after: int | None = None

        def write(self, graphs):
            if self.first_write_after is None:
                self.first_write_after = len(pulled)
            super().write(graphs)

    with Recording(ox.Store(), "memory") as store:
        report = ingest(store, paths(), jobs=2, batch_size=2)
    assert report.stored == 40
    assert store.first_write_after <= 2 * (2 + 2)  # jobs + 1 batches in flight, plus the one being read


def explode_on_a03(article: Article) -> Extraction:
    """An extractor whose worker process dies on one article (as under the OOM killer)."""
    if article.source.endswith("a03.md"):
        os._exit(1)
    return extract(article)


def test_ingest_dead_worker_fails_only_its_article(folder):
    with open_store("memory") as store:
        report = ingest(store, [folder], jobs=2, batch_size=3, extractor=explode_on_a03)
        assert [(f.source, f.reason) for f in report.failures] == [("news/a03.md", "extraction worker process died")]
        assert len(articles(store)) == 5


@pytest.mark.server
def test_remote_ingest_answers_as_the_embedded_store(folder, server):
    (folder / "copy.md").write_bytes((folder / "a03.md").read_bytes())
    with open_store("memory") as embedded, open_store(server.url) as remote:
        local_report = ingest(embedded, [folder], jobs=1, batch_size=2)
        remote_report = ingest(remote, [folder], jobs=2, batch_size=2)
        assert (remote_report.stored, remote_report.duplicates) == (local_report.stored, local_report.duplicates)
        assert articles(remote) == articles(embedded)
        assert triple_count(remote) == triple_count(embedded)
        bound = "SELECT ?source ?g WHERE { GRAPH ?g { ?g fkg:source ?source } }"
        source = {"source": ox.Literal("news/a02.md")}
        assert list(remote.query(bound, source).rows) == list(embedded.query(bound, source).rows)
        (folder / "a01.md").write_text("# Gucci story, corrected\n\nGucci has named a new ambassador.\n")
        assert ingest(remote, [folder]).replaced == 1
        assert ingest(embedded, [folder]).replaced == 1
        assert articles(remote) == articles(embedded)
        assert triple_count(remote) == triple_count(embedded)
    with urllib.request.urlopen(f"{server.url}/query?query=ASK%7B%7D") as response:
        assert response.status == 200
