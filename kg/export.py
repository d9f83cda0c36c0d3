"""``kg export``: the store as files other graph tools import.

Graph formats (GraphML, GEXF, Cytoscape.js, node-link, Neo4j CSV) are written from
``kg.graph.to_networkx`` (optionally projected); RDF formats are streamed from the store.
Both honour the same filters. Single-file formats write to a binary stream; ``neo4j``
writes a directory.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from .errors import ExportError, ParamError
from .exporters import graphs, neo4j, rdf
from .graph import brand_brand, person_brand, person_person, to_networkx
from .store import Store

RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml")
GRAPH_FORMATS = ("graphml", "gexf", "cytoscape", "nodelink", "neo4j")
FORMATS = RDF_FORMATS + GRAPH_FORMATS
MULTI_FILE = ("neo4j",)
EXTENSIONS = {"ttl": "ttl", "nt": "nt", "nq": "nq", "trig": "trig", "jsonld": "jsonld", "xml": "rdf",
              "graphml": "graphml", "gexf": "gexf", "cytoscape": "cyjs", "nodelink": "json"}
PROJECTIONS: dict[str, Callable[[nx.MultiDiGraph], nx.Graph]] = {
    "person-brand": person_brand, "brand-brand": brand_brand, "person-person": person_person,
}
_WRITERS: dict[str, Callable[[nx.Graph, BinaryIO], None]] = {
    "graphml": graphs.write_graphml, "gexf": graphs.write_gexf,
    "cytoscape": graphs.write_cytoscape, "nodelink": graphs.write_nodelink,
}

# progress(done_increment, total): total is known once the export has sized its work.
Progress = Callable[[int, int | None], None]


@dataclass
class ExportReport:
    """What was written: node, edge or statement counts and the files."""

    format: str
    nodes: int = 0
    edges: int = 0
    statements: int = 0
    files: list[Path] = field(default_factory=list)


def export(store: Store, fmt: str, output: BinaryIO | Path, *, filters: Mapping[str, Any] | None = None,
           projection: str | None = None, evidence: bool = True,
           progress: Progress | None = None) -> ExportReport:
    """Write the store, filtered as ``to_networkx`` filters, as ``fmt`` into ``output``.

    ``output`` is a binary stream for single-file formats and a directory for ``neo4j``.
    ``projection`` (``person-brand``, ``brand-brand``, ``person-person``) applies to the
    graph formats only.
    """
    if fmt not in FORMATS:
        raise ParamError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    filters = {k: v for k, v in (filters or {}).items() if v is not None and v is not False and v != []}
    if fmt in RDF_FORMATS:
        if projection:
            raise ParamError(f"--projection makes a graph of people and houses, not RDF: use one of "
                             f"{', '.join(GRAPH_FORMATS)}")
        return _export_rdf(store, fmt, _stream(output, fmt), filters, progress)
    graph: nx.Graph = to_networkx(store, evidence=evidence, **filters)
    if projection:
        if projection not in PROJECTIONS:
            raise ParamError(f"unknown projection {projection!r}: use one of {', '.join(PROJECTIONS)}")
        graph = PROJECTIONS[projection](graph)
    return write_graph(graph, fmt, output, progress)


def write_graph(graph: nx.Graph, fmt: str, output: BinaryIO | Path,
                progress: Progress | None = None) -> ExportReport:
    """Write a networkx graph (e.g. from ``to_networkx``) in one of the graph formats."""
    report = ExportReport(fmt, graph.number_of_nodes(), graph.number_of_edges())
    total = report.nodes + report.edges
    if progress:
        progress(0, total)
    try:
        if fmt == "neo4j":
            if not isinstance(output, Path):
                raise ExportError("neo4j export writes several files: give a directory")
            tick = (lambda n: progress(n, total)) if progress else None
            report.files = neo4j.write_neo4j(graph, output, tick)
            return report
        if fmt not in _WRITERS:
            raise ParamError(f"unknown graph format {fmt!r}: use one of {', '.join(GRAPH_FORMATS)}")
        _WRITERS[fmt](graph, _stream(output, fmt))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write {fmt} export: {exc}") from None
    if progress:
        progress(total, total)
    return report


def _export_rdf(store: Store, fmt: str, out: BinaryIO, filters: Mapping[str, Any],
                progress: Progress | None) -> ExportReport:
    selection = None
    if any(key != "articles" for key in filters):  # RDF exports always carry the article records
        graph = to_networkx(store, evidence=False, **{**filters, "articles": True})
        selection = rdf.Selection.of(graph)
    total = rdf.count_quads(store) if progress and selection is None else None
    if progress:
        progress(0, total)
    tick = (lambda n: progress(n, total)) if progress else None
    try:
        statements = rdf.write_rdf(store, fmt, out, selection, tick)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ExportError(f"cannot write {fmt} export: {exc}") from None
    return ExportReport(fmt, statements=statements)


def _stream(output: BinaryIO | Path, fmt: str) -> BinaryIO:
    if isinstance(output, Path):
        raise ExportError(f"{fmt} is a single file: give a file name or '-' for stdout, not a directory")
    return output
