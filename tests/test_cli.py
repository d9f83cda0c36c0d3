"""The command line: documented commands, RDF on stdout, exit codes."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import cli

ARTICLE = """CAMPAIGNS

# Loewe names Penélope Cruz global ambassador

March 5, 2024

By Jane Doe

Spanish fashion house Loewe has named Spanish actress Penélope Cruz as its newest global ambassador.
The house's 'Crafted World' campaign, shot by photographer David Sims, stars Ms. Cruz with the Puzzle bag.
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "loewe.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_every_command_has_help_ending_with_an_example():
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in (command.help or ""), f"kg {name} --help has no example"


def test_extract_prints_valid_ntriples(article):
    result = CliRunner().invoke(cli, ["extract", str(article), "--format", "nt"])
    assert result.exit_code == 0
    g = Graph()
    g.parse(data=result.output, format="nt")
    assert len(g) > 10


@pytest.mark.parametrize("fmt,parser", [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld"), ("ttl", "turtle")])
def test_extract_formats_parse_back(article, fmt, parser):
    result = CliRunner().invoke(cli, ["extract", str(article), "--format", fmt])
    assert result.exit_code == 0
    ds = Dataset()
    ds.parse(data=result.output, format=parser)
    assert len(list(ds.quads((None, None, None, None)))) > 10


def test_extract_finds_the_ambassador(article):
    result = CliRunner().invoke(cli, ["extract", str(article), "--format", "nt"])
    assert "<https://w3id.org/fashion-kg/id/person/penelope-cruz> " \
           "<https://w3id.org/fashion-kg/ontology#ambassadorOf> " \
           "<https://w3id.org/fashion-kg/id/brand/loewe> ." in result.output


def test_extract_of_a_missing_file_names_it_and_exits_1(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.md")])
    assert result.exit_code == 1
    assert "nope.md: no such file or directory" in result.output


def test_ingest_twice_leaves_the_store_unchanged(article, tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    first = runner.invoke(cli, ["ingest", str(article), "--store", store])
    second = runner.invoke(cli, ["ingest", str(article), "--store", store])
    assert first.exit_code == 0 and second.exit_code == 0
    assert "1 stored" in first.output
    assert "0 stored" in second.output and "1 unchanged" in second.output


def test_unknown_option_is_a_usage_error():
    result = CliRunner().invoke(cli, ["ingest", "--no-such-option"])
    assert result.exit_code == 2


def test_extract_jsonld_has_one_graph_per_article(article, tmp_path):
    other = tmp_path / "other.md"
    other.write_text(ARTICLE.replace("Loewe", "Prada"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article), str(other), "--format", "jsonld"])
    data = json.loads(result.output)
    graphs = data if isinstance(data, list) else data.get("@graph", [])
    assert len([g for g in graphs if "@graph" in g]) == 2
