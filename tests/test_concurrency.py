"""Concurrency: while one process holds the on-disk store for writing, a second writer gets
"store in use by another kg process" (never a RocksDB traceback), and the read-only
commands (query, stats, validate, export, view, serve) still work.
"""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from conftest import balenciaga_extraction, gucci_extraction, load

from kg.cli import cli
from kg.errors import StoreLocked
from kg.store import open_store

HOLD = """
import sys, time
from kg.store import open_store
store = open_store(sys.argv[1])
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture(scope="module")
def held_store(tmp_path_factory):
    """An on-disk store of the two sample articles, held open for writing by another process."""
    path = tmp_path_factory.mktemp("held") / "store"
    with open_store(path) as store:
        load(store, [balenciaga_extraction(), gucci_extraction()])
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        yield path
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        holder.stdout.close()


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_second_writer_is_told_store_in_use(held_store):
    with pytest.raises(StoreLocked) as info:
        open_store(held_store)
    assert str(info.value) == f"store {held_store} is in use by another kg process"


def test_cli_ingest_while_held_prints_one_error_line(held_store, tmp_path):
    (tmp_path / "a.md").write_text("# Dior\n\nDior names a new ambassador.\n")
    result = run("ingest", str(tmp_path / "a.md"), "--store", str(held_store))
    assert (result.exit_code, result.stderr) == (1, f"Error: store {held_store} is in use by another kg process\n")


def test_cli_update_while_held_prints_one_error_line(held_store):
    result = run("query", "--update", "-e", "CLEAR ALL", "--store", str(held_store))
    assert (result.exit_code, result.stderr) == (1, f"Error: store {held_store} is in use by another kg process\n")


def test_read_only_open_works_while_held(held_store):
    with open_store(held_store, read_only=True) as store:
        assert store.query("ASK { ?b rdfs:label 'Balenciaga' }").boolean


def test_cli_query_works_while_held(held_store):
    result = run("query", "-e", "ASK { ?b rdfs:label 'Balenciaga' }", "--store", str(held_store))
    assert (result.exit_code, result.output.strip()) == (0, "true")


def test_cli_stats_works_while_held(held_store):
    result = run("stats", "--format", "json", "--store", str(held_store))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.output)


def test_cli_validate_works_while_held(held_store):
    result = run("validate", "--store", str(held_store))
    assert result.output.splitlines()[-1].startswith(("Valid:", "Invalid:")), result.stderr


def test_cli_export_works_while_held(held_store):
    result = run("export", "--format", "nt", "--store", str(held_store))
    assert result.exit_code == 0, result.stderr
    assert '"Balenciaga"' in result.output


def test_cli_view_works_while_held(held_store, tmp_path):
    if "view" not in cli.commands:
        pytest.skip("kg view is not written yet")
    result = run("view", "-o", str(tmp_path / "view.html"), "--store", str(held_store))
    assert result.exit_code == 0, result.stderr
    assert "Balenciaga" in (tmp_path / "view.html").read_text()


@pytest.mark.server
def test_serve_answers_while_held(held_store):
    from kg.serve import Endpoint

    with Endpoint(str(held_store), port=0) as endpoint:
        query = urllib.parse.quote("ASK { ?b <http://www.w3.org/2000/01/rdf-schema#label> 'Balenciaga' }")
        request = urllib.request.Request(f"{endpoint.query_url}?query={query}",
                                         headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert json.loads(response.read())["boolean"] is True


def test_writer_opens_once_the_holder_is_killed(tmp_path):
    path = tmp_path / "store"
    open_store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "holding\n"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    holder.stdout.close()
    with open_store(path) as store:
        store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")
