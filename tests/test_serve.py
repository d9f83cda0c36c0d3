"""``kg serve``: Oxigraph's read-only SPARQL endpoint over the on-disk store, started,
queried over HTTP (union of all article graphs), refusing updates, stopped cleanly."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import load

from kg.cli import cli
from kg.errors import NothingToServe, ServeError, StoreMissing
from kg.query import select
from kg.serve import Endpoint
from kg.store import open_store

KG = [sys.executable, "-c", "from kg.cli import main; main()"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    from conftest import balenciaga_extraction, gucci_extraction

    path = tmp_path_factory.mktemp("serve") / "store"
    with open_store(path) as store:
        load(store, [balenciaga_extraction(), gucci_extraction()])
    return str(path)


def start_serving(store_path: str) -> tuple[subprocess.Popen, str]:
    """A `kg serve --port 0` process and its base URL."""
    process = subprocess.Popen([*KG, "serve", "--store", store_path, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    first = process.stdout.readline()
    assert first.startswith("SPARQL endpoint: http://127.0.0.1:"), first + process.stderr.read()
    return process, first.split()[-1].removesuffix("/query")


def stop_serving(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=10)
    process.stdout.close()
    process.stderr.close()


@pytest.fixture(scope="module")
def base(store_path):
    """The base URL of one endpoint shared by the read tests."""
    process, url = start_serving(store_path)
    yield url
    stop_serving(process)


@pytest.fixture
def served(store_path):
    """An endpoint of one's own, to stop."""
    process, url = start_serving(store_path)
    yield process, url
    stop_serving(process)


def http_query(base: str, sparql: str) -> dict:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def listening(base: str) -> bool:
    try:
        http_query(base, "ASK {}")
    except OSError:
        return False
    return True


def test_endpoint_refuses_memory_store():
    with pytest.raises(NothingToServe, match="in-memory store holds nothing to serve"):
        Endpoint("memory")


def test_endpoint_refuses_remote_store():
    with pytest.raises(NothingToServe, match="already a SPARQL endpoint"):
        Endpoint("http://127.0.0.1:7878")


def test_endpoint_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreMissing):
        Endpoint(str(tmp_path / "nowhere"))


def test_cli_serve_memory_is_a_usage_error():
    result = CliRunner().invoke(cli, ["serve", "--store", "memory"])
    assert (result.exit_code, result.output) == (2, "Error: an in-memory store holds nothing to serve; "
                                                   "pass --store DIR (an on-disk store)\n")


@pytest.mark.server
def test_serve_answers_over_the_union_of_article_graphs(base):
    brand = "<https://w3id.org/fashion-kg/ontology#Brand>"
    data = http_query(base, f"SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE {{ ?b a {brand} }}")
    # Balenciaga and Kering from one article graph, Gucci from the other
    assert data["results"]["bindings"][0]["n"]["value"] == "3"


@pytest.mark.server
def test_serve_refuses_updates(base):
    request = urllib.request.Request(f"{base}/update", data=b"DROP ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 403
    info.value.close()
    assert http_query(base, "ASK { ?s ?p ?o }")["boolean"] is True


@pytest.mark.server
def test_serve_named_queries_through_remote_store(base):
    with open_store(base) as remote:
        assert [r["personName"] for r in select(remote, "ambassadors", brand="Gucci")] == ["Kim Kardashian"]


@pytest.mark.server
def test_serve_injection_through_remote_store_is_data(base):
    with open_store(base) as remote:
        query = "SELECT ?e ?l WHERE { ?e rdfs:label ?l }"
        assert select(remote, query, l='"} ; DROP ALL ; #"') == []
        assert select(remote, query, l='"x\" } } ; DROP ALL ; #\nCLEAR ALL"') == []
    assert http_query(base, "ASK { ?s ?p ?o }")["boolean"] is True


@pytest.mark.server
def test_serve_stops_cleanly_on_ctrl_c(served):
    process, base = served
    os.kill(process.pid, signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert process.stderr.read() == "Stopped.\n"
    assert not listening(base)


@pytest.mark.server
def test_serve_stops_its_server_on_terminate(served):
    process, base = served
    process.terminate()
    process.wait(timeout=10)
    assert not listening(base)


def test_serve_help_names_the_url_and_example():
    text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "127.0.0.1" in text and "Example: kg serve" in text
    assert Path(sys.executable).parent.joinpath("oxigraph").exists()


@pytest.mark.server
def test_endpoint_port_in_use_says_why(store_path):
    with Endpoint(store_path, 0) as first:
        with pytest.raises(ServeError, match=f"cannot listen on 127.0.0.1:{first.port}: .*; try --port N"):
            Endpoint(store_path, first.port).start()
