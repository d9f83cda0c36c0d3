"""Crash safety: SIGKILL ``kg ingest`` midway; the store opens, holds only whole articles,
and a rerun reaches the same state as an uninterrupted run.

One module-scoped run: 400 small articles ingested with ``--batch 8`` by a real ``kg``
process (its file reads slowed by 2 ms so the run lasts a few seconds), killed once a few
batches are visible to a read-only reader. The reference is an uninterrupted ingest.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.digest import DIGEST
from kg.ingest import ingest
from kg.store import open_store

ARTICLES = 400
BRANDS = ["Balenciaga", "Gucci", "Prada", "Loewe", "Dior", "Chanel", "Fendi", "Celine"]
PEOPLE = ["Kim Kardashian", "Kendall Jenner", "Zendaya", "Jennie Kim", "Rosalia", "Jeremy Allen White"]
KG = "from kg.cli import main; main()"
SLOW_KG = """
import sys, time
import kg.read
read_file = kg.read.read_file
def slow_read_file(*args, **kw):
    time.sleep(0.002)
    return read_file(*args, **kw)
kg.read.read_file = slow_read_file
from kg.cli import main
sys.argv = ["kg", *sys.argv[1:]]
main()
"""


def write_articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(ARTICLES):
        brand, person = BRANDS[i % len(BRANDS)], PEOPLE[i % len(PEOPLE)]
        (folder / f"a{i:03d}.md").write_text(
            f"# {brand} names {person} ambassador ({i})\n\n"
            f"{brand} has named {person} its new global ambassador, story {i}. "
            f"The campaign was shot by David Sims and features the bag number {i}.\n")


def graphs_of(nquads: bytes) -> dict[str, set[str]]:
    """Quads grouped by graph name, each quad as its N-Quads text."""
    graphs: dict[str, set[str]] = defaultdict(set)
    for quad in ox.parse(nquads, ox.RdfFormat.N_QUADS):
        if str(quad.graph_name) != f"<{DIGEST}>":  # derived, recomputed by the next ingest
            graphs[str(quad.graph_name)].add(str(quad))
    return dict(graphs)


def dump(path: Path) -> bytes:
    return ox.Store.read_only(str(path)).dump(format=ox.RdfFormat.N_QUADS)


def visible_graphs(path: Path) -> int:
    try:
        return sum(1 for _ in ox.Store.read_only(str(path)).named_graphs())
    except (OSError, RuntimeError):  # not created yet, or half-created
        return 0


@pytest.fixture(scope="module")
def crash(tmp_path_factory):
    """(work folder, reference N-Quads, N-Quads right after the kill, kill exit code)."""
    root = tmp_path_factory.mktemp("crash")
    write_articles(root / "articles")
    cwd = os.getcwd()
    os.chdir(root)  # sources are named relative to the working directory
    try:
        with open_store("memory") as store:
            ingest(store, ["articles"], batch_size=8)
            reference = store.dump()
    finally:
        os.chdir(cwd)
    child = subprocess.Popen([sys.executable, "-c", SLOW_KG, "ingest", "articles", "--store", "store",
                              "--batch", "8"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while child.poll() is None and visible_graphs(root / "store") < 24 and time.monotonic() < deadline:
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stderr.close()
    return root, reference, dump(root / "store"), child.returncode


def test_crash_kill_lands_midway(crash):
    _, reference, killed, returncode = crash
    assert returncode == -signal.SIGKILL
    assert 0 < len(graphs_of(killed)) < len(graphs_of(reference))


def test_crash_store_holds_only_whole_articles(crash):
    _, reference, killed, _ = crash
    whole = graphs_of(reference)
    assert {g: quads == whole.get(g) for g, quads in graphs_of(killed).items()} == dict.fromkeys(
        graphs_of(killed), True)


def test_crash_every_article_keeps_its_content_hash(crash):
    _, _, killed, _ = crash
    hashes = [g for g, quads in graphs_of(killed).items()
              if not any("/ontology#contentHash>" in q for q in quads)]
    assert hashes == []


def test_crash_rerun_equals_an_uninterrupted_run(crash):
    root, reference, _, _ = crash
    rerun = subprocess.run([sys.executable, "-c", KG, "ingest", "articles", "--store", "store"],
                           cwd=root, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(dump(root / "store").splitlines()) == sorted(reference.splitlines())


def test_crash_store_opens_for_writing_after_the_kill(crash):
    root, _, _, _ = crash
    with open_store(root / "store") as store:
        assert store.query("ASK { ?a a fkg:Article }").boolean


@pytest.mark.parametrize("command", ["stats", "validate"])
def test_crash_admin_commands_see_a_consistent_store(crash, command):
    if command not in cli.commands:
        pytest.skip(f"kg {command} is not written yet")
    root, _, _, _ = crash
    result = CliRunner().invoke(cli, [command, "--store", str(root / "store")])
    assert result.exit_code == 0, result.output + result.stderr


BIG_BATCHES = """
import sys
from kg.store import ArticleGraph, open_store
with open_store(sys.argv[1]) as store:
    for batch in range(3):
        graphs = []
        for number in range(40):
            iri = f"https://w3id.org/fashion-kg/id/article/b{batch}-{number}"
            triples = (f'<{iri}> <urn:p{i}> "value {i} {"x" * 40}" .' for i in range(1000))
            graphs.append(ArticleGraph(iri, "\\n".join(triples), f"hash-{batch}-{number}"))
        print("writing", flush=True)
        store.write(graphs)  # 40,000 triples: large enough for the bulk loader, if the store uses it
"""


@pytest.mark.parametrize("delay", [0.05, 0.3, 0.9])
def test_crash_during_a_large_batch_write_leaves_whole_graphs(tmp_path, delay):
    child = subprocess.Popen([sys.executable, "-c", BIG_BATCHES, str(tmp_path / "store")],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "writing\n"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    store = ox.Store.read_only(str(tmp_path / "store"))
    sizes = {int(row["n"].value) for row in store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    assert sizes <= {1000}
