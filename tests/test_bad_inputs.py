"""A battery of bad inputs: each bad file costs one line naming it and the reason, the batch
goes on, the command exits 1 and every good article is stored.

The battery folder mixes files that must fail (empty, whitespace, PNG, gzip, 50 MB, symlink
loop, a broken JSONL line, a file deleted and one unreadable mid-run) with files that look
odd but must be stored (latin-1, cp1252, UTF-16, hostile HTML, no entities, the same
article under two names, paths with spaces and non-ASCII).
"""
from __future__ import annotations

import errno
import gzip
import json
import os
import pathlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.read
from kg.cli import cli
from kg.ingest import ingest
from kg.store import open_store

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32))
MARKERS = ("SCRIPTTEXT", "IFRAMETEXT", "FORMTEXT", "INPUTVALUE", "STYLETEXT")

GOOD = {  # file -> articles it holds
    "good.md": 1, "latin1.txt": 1, "cp1252.md": 1, "utf16.txt": 1, "hostile.html": 1,
    "no-entities.md": 1, "same copy.md": 1, "same.md": 0, "dir with space/Chloé naïve.md": 1, "feed.jsonl": 2,
}
BAD = {  # file -> the reason printed
    "empty.md": "empty file",
    "blank.md": "only whitespace, no text",
    "image.md": "binary file (a PNG image), not text",
    "archive.txt": "binary file (gzip-compressed), not text",
    "big.md": "file is 50.0 MB, over the 20 MB limit (--max-size)",
    "loop-a.md": "symlink loop",
    "loop-b.md": "symlink loop",
    "feed.jsonl": "line 2 is not JSON (Expecting value)",
    "deleted.md": "deleted before it could be read",
    "unreadable.md": "permission denied",
}
STORED = sum(GOOD.values())


def make_battery(root: Path) -> Path:
    """The battery folder under ``root``."""
    d = root / "inputs"
    (d / "dir with space").mkdir(parents=True)
    (d / "good.md").write_text("# Balenciaga names Kim Kardashian ambassador\n\n"
                               "Balenciaga has named Kim Kardashian its new ambassador.\n")
    (d / "latin1.txt").write_bytes("Hermès présente sa collection été à Paris.\n".encode("latin-1"))
    (d / "cp1252.md").write_bytes("# Chloé’s “Fall” campaign\n\nShot by Zoë Ghertner… for Chloé.\n"
                                  .encode("cp1252"))
    (d / "utf16.txt").write_bytes("Gucci names Kendall Jenner ambassador.\n".encode("utf-16"))
    (d / "hostile.html").write_text(
        '<html><head><title>Dior news</title><script>var s="SCRIPTTEXT";</script>'
        '<style>/* STYLETEXT */</style><link rel="canonical" href="javascript:alert(1)"></head>'
        '<body><article><p>Dior names a new ambassador.</p><iframe src="x">IFRAMETEXT</iframe>'
        '<form><label>FORMTEXT</label><input value="INPUTVALUE"></form></article></body></html>')
    (d / "no-entities.md").write_text(
        "---\ntitle: A quiet week\nurl: https://example.com/quiet\npublished: 2024-03-05\n"
        "publisher: Example Daily\n---\nThe weather was mild and the shops were busy all week.\n")
    (d / "same.md").write_text("# Same story\n\nPrada opens a store in Milan.\n")
    (d / "same copy.md").write_text("# Same story\n\nPrada opens a store in Milan.\n")
    (d / "dir with space" / "Chloé naïve.md").write_text("# Naïve\n\nChemena Kamali shows at Chloé.\n")
    (d / "feed.jsonl").write_text("\n".join([json.dumps({"text": "Loewe shows in Paris.", "title": "One"}),
                                             '{"text": broken', json.dumps({"text": "Fendi shows in Rome."})]))
    (d / "empty.md").write_bytes(b"")
    (d / "blank.md").write_text("  \n\t\n ")
    (d / "image.md").write_bytes(PNG)
    (d / "archive.txt").write_bytes(gzip.compress(b"Gucci " * 100))
    with open(d / "big.md", "wb") as f:
        f.truncate(50_000_000)
    (d / "loop-a.md").symlink_to(d / "loop-b.md")
    (d / "loop-b.md").symlink_to(d / "loop-a.md")
    (d / "dir with space" / "up").symlink_to(d)  # a directory loop: never followed
    (d / "deleted.md").write_text("# Gone\n\nDeleted before it was read.\n")
    (d / "unreadable.md").write_text("# Locked\n\nNobody may read this.\n")
    return d


@pytest.fixture
def battery(tmp_path, monkeypatch) -> Path:
    """The battery, with deleted.md deleted and unreadable.md refused once the run reaches them."""
    monkeypatch.chdir(tmp_path)
    folder = make_battery(tmp_path)
    read_file, path_open = kg.read.read_file, pathlib.Path.open

    def deleting_read_file(path: Path, *args, **kw):
        if path.name == "deleted.md":
            path.unlink()
        return read_file(path, *args, **kw)

    def refusing_open(self: Path, *args, **kw):
        if self.name == "unreadable.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return path_open(self, *args, **kw)

    monkeypatch.setattr(kg.read, "read_file", deleting_read_file)
    monkeypatch.setattr(pathlib.Path, "open", refusing_open)
    return folder


def count_articles(store) -> int:
    result = store.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a fkg:Article } }")
    return int(next(result.rows)[0].value)


def literals(store) -> list[str]:
    return [row[0].value for row in store.query("SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER isLiteral(?o) }").rows]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_battery_stores_every_good_article(battery, tmp_path, jobs):
    with open_store(tmp_path / "store") as store:
        report = ingest(store, [battery], jobs=jobs, batch_size=4)
        assert count_articles(store) == STORED
    assert report.stored == STORED and len(report.duplicates) == 1


def test_ingest_battery_names_each_bad_file_and_reason(battery, tmp_path):
    with open_store("memory") as store:
        report = ingest(store, [battery])
    assert sorted(str(f) for f in report.failures) == sorted(f"inputs/{name}: {why}" for name, why in BAD.items())


def test_ingest_battery_duplicate_is_stored_once(battery):
    with open_store("memory") as store:
        report = ingest(store, [battery])
    assert [source for source, _ in report.duplicates] == ["inputs/same.md"]  # sorted: "same copy.md" comes first


def test_ingest_hostile_html_content_never_becomes_text(battery):
    with open_store("memory") as store:
        ingest(store, [battery])
        stored = literals(store)
    assert not [text for text in stored for marker in MARKERS if marker in text]
    assert not [text for text in stored if "javascript:" in text]


def test_ingest_article_without_entities_keeps_its_metadata(battery):
    with open_store("memory") as store:
        ingest(store, [battery])
        result = store.query("""SELECT ?title ?date ?publisher (COUNT(?r) AS ?relations) WHERE {
            GRAPH ?g { ?g schema:url <https://example.com/quiet> ; schema:headline ?title ;
                          schema:datePublished ?date ; schema:publisher ?publisher .
                       OPTIONAL { ?r a fkg:Assertion } } } GROUP BY ?title ?date ?publisher""")
        rows = [tuple(term.value for term in row) for row in result.rows]
    assert rows == [("A quiet week", "2024-03-05", "Example Daily", "0")]


def test_ingest_non_ascii_path_keeps_its_name(battery):
    with open_store("memory") as store:
        ingest(store, [battery])
        assert "inputs/dir with space/Chloé naïve.md" in literals(store)


def test_cli_ingest_battery_one_line_per_bad_file_and_exit_1(battery, tmp_path):
    result = CliRunner().invoke(cli, ["ingest", "inputs", "--store", str(tmp_path / "store")])
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert result.exit_code == 1
    assert sorted(errors) == sorted(f"Error: inputs/{name}: {why}" for name, why in BAD.items())
    assert result.output.endswith(f"{len(BAD)} failed\n")


def test_cli_ingest_battery_rerun_keeps_the_article_count(battery, tmp_path):
    store = str(tmp_path / "store")
    for _ in range(2):
        assert CliRunner().invoke(cli, ["ingest", "inputs", "--store", store]).exit_code == 1
    with open_store(store, read_only=True) as kg_store:
        assert count_articles(kg_store) == STORED


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_really_unreadable_file_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "locked.md").write_text("# Locked\n\nText.\n")
    (tmp_path / "locked.md").chmod(0)
    with open_store("memory") as store:
        report = ingest(store, [tmp_path])
    assert [str(f) for f in report.failures] == ["locked.md: permission denied"]


def test_cli_ingest_file_name_with_newline_and_escape_stays_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil\nname\x1b[31m.md").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", ".", "--store", "memory"])
    assert result.stderr == "Error: evil\\nname\\x1b[31m.md: empty file\n"
