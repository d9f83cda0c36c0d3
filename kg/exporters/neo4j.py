"""Neo4j: nodes and relationships CSV for ``neo4j-admin database import``, plus Cypher.

The CSV headers follow the neo4j-admin import format (``id:ID``, ``:LABEL``,
``:START_ID``, ``:END_ID``, ``:TYPE``, typed columns like ``aliases:string[]``); arrays use
neo4j-admin's default delimiter ``;`` (a ``;`` inside an item, rare, becomes ``,``).
``import.cypher`` loads the same files with ``LOAD CSV`` for a running server.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from ..rows import text

ARRAY = ";"
BASE_LABEL = "Resource"  # every node has it, so one uniqueness constraint serves all
NODE_COLUMNS = [("id:ID", None), ("label", "label"), ("type", "type"), ("aliases:string[]", "aliases"),
                ("nationality", "nationality"), ("occupation:string[]", "occupation"),
                ("date:date", "date"), ("url", "url"), ("publisher", "publisher"), (":LABEL", None)]
EDGE_COLUMNS = [(":START_ID", None), (":END_ID", None), (":TYPE", None), ("articles:int", "article_count"),
                ("predicate", "predicate"), ("article_iris:string[]", "articles"),
                ("first_date:date", "first_date"), ("last_date:date", "last_date"),
                ("past:boolean", "past"), ("evidence:string[]", "evidence")]
FILES = ("nodes.csv", "relationships.csv", "import.cypher")


def write_neo4j(graph: nx.MultiDiGraph, directory: Path,
                tick: Callable[[int], None] | None = None) -> list[Path]:
    """Write ``nodes.csv``, ``relationships.csv`` and ``import.cypher`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / name for name in FILES]
    with paths[0].open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(name for name, _ in NODE_COLUMNS)
        for node, data in graph.nodes(data=True):
            labels = ARRAY.join([BASE_LABEL, str(data.get("type") or "Thing")])
            writer.writerow([node, *(_cell(data.get(attr)) for _, attr in NODE_COLUMNS[1:-1]), labels])
            if tick:
                tick(1)
    with paths[1].open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(name for name, _ in EDGE_COLUMNS)
        for start, end, key, data in graph.edges(keys=True, data=True):
            writer.writerow([start, end, key, *(_cell(data.get(attr)) for _, attr in EDGE_COLUMNS[3:])])
            if tick:
                tick(1)
    types = sorted({str(t or "Thing") for _, t in graph.nodes(data="type")})
    predicates = sorted({k for _, _, k in graph.edges(keys=True)})
    paths[2].write_text(cypher(types, predicates), encoding="utf-8")
    return paths


def _cell(value: object) -> str:
    """A value as one CSV cell: lists joined with Neo4j's array separator."""
    if isinstance(value, list | tuple | set):
        return ARRAY.join(_text(v).replace(ARRAY, ",") for v in value)
    return _text(value)


def _text(value: object) -> str:
    return " ".join(text(value).split())  # one line per record: no embedded newlines


def cypher(types: Iterable[str], predicates: Iterable[str]) -> str:
    """``LOAD CSV`` statements creating every node type and relationship type present."""
    lines = [
        "// Load nodes.csv and relationships.csv (copied into Neo4j's import directory) into a",
        "// running server: cypher-shell -u neo4j -p PASSWORD -f import.cypher",
        "// For a new, empty database neo4j-admin is faster (see docs/export.md):",
        "//   neo4j-admin database import full --nodes=import/nodes.csv "
        "--relationships=import/relationships.csv neo4j",
        f"CREATE CONSTRAINT fkg_resource_id IF NOT EXISTS FOR (n:{BASE_LABEL}) REQUIRE n.id IS UNIQUE;",
    ]
    for kind in types:
        lines += [
            "",
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row",
            f"WITH row WHERE row.`:LABEL` = '{BASE_LABEL}{ARRAY}{kind}'",
            f"MERGE (n:{BASE_LABEL}:`{kind}` {{id: row.`id:ID`}})",
            "SET n.label = row.label, n.type = row.type, n.nationality = row.nationality,",
            f"    n.aliases = {_split('row.`aliases:string[]`')},",
            f"    n.occupation = {_split('row.`occupation:string[]`')},",
            "    n.date = date(row.`date:date`), n.url = row.url, n.publisher = row.publisher;",
        ]
    for predicate in predicates:
        lines += [
            "",
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row",
            f"WITH row WHERE row.`:TYPE` = '{predicate}'",
            f"MATCH (a:{BASE_LABEL} {{id: row.`:START_ID`}}), (b:{BASE_LABEL} {{id: row.`:END_ID`}})",
            f"MERGE (a)-[r:`{predicate}`]->(b)",
            "SET r.articles = toInteger(row.`articles:int`), r.predicate = row.predicate,",
            f"    r.article_iris = {_split('row.`article_iris:string[]`')},",
            "    r.first_date = date(row.`first_date:date`), r.last_date = date(row.`last_date:date`),",
            f"    r.past = row.`past:boolean` = 'true', r.evidence = {_split('row.`evidence:string[]`')};",
        ]
    return "\n".join(lines) + "\n"


def _split(column: str) -> str:
    return f"CASE WHEN coalesce({column}, '') = '' THEN [] ELSE split({column}, '{ARRAY}') END"
