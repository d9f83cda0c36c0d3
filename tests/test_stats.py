"""``kg.stats`` and ``kg stats`` on the two sample articles."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from click.testing import CliRunner
from conftest import load

from kg.cli import cli
from kg.stats import Stats, stats
from kg.store import open_store

SAMPLE = Stats(
    articles=2,
    triples=206,
    quads=210,  # Kim Kardashian's and Kering's type and label are stated by both articles
    entities={"Brand": 3, "Person": 6, "Product": 1, "Campaign": 2},
    relations={"ambassadorOf": 2, "photographedBy": 3, "features": 2, "brand": 3,
               "creativeDirectorOf": 1, "parentCompany": 2},
    assertions=13,
    first_published=date(2024, 1, 23),
    last_published=date(2024, 2, 1),
)


def test_stats_sample_figures_exact(memory_store):
    assert stats(memory_store) == SAMPLE


def test_stats_empty_store_is_all_zeros():
    with open_store("memory") as store:
        figures = stats(store)
    assert figures == Stats(articles=0, triples=0, quads=0,
                            entities=dict.fromkeys(SAMPLE.entities, 0),
                            relations=dict.fromkeys(SAMPLE.relations, 0))


def test_stats_relation_in_two_articles_counts_once(memory_store, sample_extractions):
    # the same Balenciaga article under a second identity restates all its relations
    copy = sample_extractions[0]
    copy = replace(copy, article=replace(copy.article, id="copy.md", url=None, source="copy.md"))
    load(memory_store, [copy])
    figures = stats(memory_store)
    assert (figures.articles, figures.relations, figures.entities) == (3, SAMPLE.relations, SAMPLE.entities)
    assert figures.assertions == SAMPLE.assertions + 8


def test_stats_as_dict_is_json_ready(memory_store):
    data = json.loads(json.dumps(stats(memory_store).as_dict()))
    assert data["first_published"] == "2024-01-23"
    assert (data["entities_total"], data["relations_total"]) == (12, 13)


def test_stats_command_prints_a_table(disk_store):
    result = CliRunner().invoke(cli, ["stats", "--store", str(disk_store)])
    assert result.exit_code == 0
    assert result.stdout == """\
figure                        value
----------------------------  ------------------------
articles                      2
published                     2024-01-23 .. 2024-02-01
triples                       206
quads                         210
entities                      12
entities.Brand                3
entities.Person               6
entities.Product              1
entities.Campaign             2
relations                     13
relations.ambassadorOf        2
relations.photographedBy      3
relations.features            2
relations.brand               3
relations.creativeDirectorOf  1
relations.parentCompany       2
assertions                    13
(17 rows)
"""


def test_stats_command_prints_json(disk_store):
    result = CliRunner().invoke(cli, ["stats", "--store", str(disk_store), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["articles"] == 2 and data["triples"] == 206
    assert data["entities"] == SAMPLE.entities and data["relations"] == SAMPLE.relations


def test_stats_command_reads_a_store_held_by_a_writer(disk_store):
    with open_store(disk_store):  # an ingest holding the store
        result = CliRunner().invoke(cli, ["stats", "--store", str(disk_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 2
