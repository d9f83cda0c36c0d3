"""kg load: N-Quads from ``kg extract`` on shards give the store ``kg ingest`` gives, digest
included; loading again changes nothing, an edited article is replaced, a copied text is
stored once, a bad file is named and the good ones still load; a SPARQL server takes the
files too.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_ingest import articles, quads, triple_count, write_articles

from kg.cli import cli
from kg.ingest import ingest
from kg.load import load
from kg.store import open_store


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)  # sources are recorded relative to the working directory
    write_articles(tmp_path / "news")
    return tmp_path / "news"


def shards(folder: Path, *groups: list[str]) -> list[Path]:
    """One N-Quads file per group of article names, written by ``kg extract --format nq``."""
    paths = []
    for index, names in enumerate(groups):
        out = folder.parent / f"shard-{index}.nq"
        result = CliRunner().invoke(cli, ["extract", "--format", "nq", *(f"news/{n}" for n in names)])
        assert result.exit_code == 0, result.output
        out.write_text(result.stdout)
        paths.append(out)
    return paths


TWO_SHARDS = (["a00.md", "a01.md", "a02.md"], ["a03.md", "a04.md", "a05.md"])


def test_load_of_shards_gives_the_store_ingest_gives(folder, tmp_path):
    with open_store(tmp_path / "loaded") as loaded, open_store(tmp_path / "ingested") as ingested:
        report = load(loaded, shards(folder, *TWO_SHARDS))
        ingest(ingested, [folder])
        assert (report.files, report.loaded, report.failures) == (2, 6, [])
        assert quads(loaded) == quads(ingested)  # the digest too


def test_loading_the_same_files_again_changes_nothing(folder):
    files = shards(folder, *TWO_SHARDS)
    with open_store("memory") as store:
        load(store, files)
        before = quads(store)
        report = load(store, files)
        assert (report.loaded, report.unchanged, report.files) == (0, 6, 0)
        assert quads(store) == before


def test_an_article_stored_by_ingest_is_not_loaded_again(folder):
    with open_store("memory") as store:
        ingest(store, [folder])
        before = quads(store)
        assert load(store, shards(folder, *TWO_SHARDS)).unchanged == 6
        assert quads(store) == before


def test_an_edited_article_replaces_the_stored_one(folder):
    with open_store("memory") as loaded, open_store("memory") as ingested:
        load(loaded, shards(folder, *TWO_SHARDS))
        ingest(ingested, [folder])
        (folder / "a01.md").write_text("# Gucci story, corrected\n\nGucci has named Zendaya its ambassador.\n")
        report = load(loaded, shards(folder, *TWO_SHARDS))
        assert (report.replaced, report.unchanged, report.loaded) == (1, 5, 0)
        ingest(ingested, [folder])
        assert quads(loaded) == quads(ingested)


def test_a_copied_text_is_stored_once(folder):
    (folder / "copy.md").write_bytes((folder / "a03.md").read_bytes())
    with open_store("memory") as store:
        report = load(store, shards(folder, *TWO_SHARDS, ["copy.md"]))
        assert [first for _, first in report.duplicates] == [a for a in report_iris(store) if "a03" in a]
        assert "copy.md" not in {source for source, _, _ in articles(store)}
        assert len(articles(store)) == 6


def report_iris(store) -> list[str]:
    return [row[0].value for row in store.query("SELECT ?g WHERE { GRAPH ?g { ?g a fkg:Article } }").rows]


def test_a_bad_file_is_named_and_the_good_ones_load(folder, tmp_path):
    good, bad = shards(folder, *TWO_SHARDS)
    bad.write_text(bad.read_text() + "<http://example.org/s> <broken\n")
    result = CliRunner().invoke(cli, ["load", str(good), str(bad), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert f"Error: {bad}: bad N-Quads" in result.stderr
    with open_store(tmp_path / "store", read_only=True) as store:
        assert len(articles(store)) == 3  # the bad file's articles are not half there


def test_a_file_of_no_articles_is_refused_by_name(tmp_path):
    plain = tmp_path / "plain.nq"
    plain.write_text("<http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n")
    result = CliRunner().invoke(cli, ["load", str(plain), "--store", "memory"])
    assert result.exit_code == 1
    assert f"Error: {plain}: no article graphs" in result.stderr


def test_a_store_dump_with_its_digest_is_refused(folder, tmp_path):
    with open_store(tmp_path / "first") as first:
        ingest(first, [folder])
        dump = tmp_path / "dump.nq"
        dump.write_bytes(first.dump())
    result = CliRunner().invoke(cli, ["load", str(dump), "--store", str(tmp_path / "second")])
    assert result.exit_code == 1
    assert "holds kg's digest graph" in result.stderr


def test_a_missing_file_is_named(tmp_path):
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "nowhere.nq"), "--store", "memory"])
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'nowhere.nq'}: No such file or directory" in result.stderr


def test_load_prints_what_it_did(folder, tmp_path):
    files = [str(f) for f in shards(folder, *TWO_SHARDS)]
    result = CliRunner().invoke(cli, ["load", *files, "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 files, 6 articles (6 loaded, 0 replaced, 0 unchanged, 0 duplicates)")


@pytest.mark.server
def test_remote_load_answers_as_the_embedded_store(folder, server):
    files = shards(folder, *TWO_SHARDS)
    with open_store("memory") as embedded, open_store(server.url) as remote:
        assert load(remote, files).loaded == 6
        load(embedded, files)
        assert articles(remote) == articles(embedded)
        assert triple_count(remote) == triple_count(embedded)
        assert load(remote, files).unchanged == 6
