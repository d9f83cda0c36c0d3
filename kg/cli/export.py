"""``kg export``: the graph as files for Gephi, Cytoscape, D3, Neo4j, igraph or RDF tools."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

import click

from ..export import FORMATS, MULTI_FILE, PROJECTIONS, ExportReport, export
from ..store import Store, open_store
from ._options import format_option, graph_filter_options, store_option


@click.command("export")
@format_option(FORMATS, "ttl")
@click.option("--output", "-o", default="-", show_default=True, metavar="PATH",
              help="File to write, '-' for stdout; a directory for neo4j.")
@click.option("--projection", type=click.Choice(tuple(PROJECTIONS)),
              help="Export a derived graph: people-houses, houses sharing talent, people "
                   "sharing campaigns (graph formats only).")
@click.option("--evidence/--no-evidence", default=True, show_default=True,
              help="Put each relation's evidence sentences on its edge (graph formats).")
@graph_filter_options
@store_option
def export_command(fmt: str, output: str, projection: str | None, evidence: bool, filters: dict,
                   store: str | None) -> None:
    """Write the graph as files another tool opens (--format).

    Graph formats: graphml, gexf (coloured by type for Gephi), cytoscape (Cytoscape.js
    JSON), nodelink (D3 JSON), neo4j (CSV for neo4j-admin import plus a LOAD CSV script,
    into the directory -o names). RDF formats, streamed from the store: ttl, nt, nq,
    trig, jsonld, xml. Filters narrow both kinds. Lists in GraphML and GEXF attributes are
    JSON array strings. A progress bar shows on a terminal.

    Example: kg export --format gexf --brand Balenciaga -o balenciaga.gexf
    """
    if fmt in MULTI_FILE and output == "-":
        raise click.UsageError(f"{fmt} writes several files: pass -o DIRECTORY")
    tty = sys.stderr.isatty() and output != "-"
    with open_store(store, read_only=True) as kg_store:
        if fmt in MULTI_FILE:
            target = Path(output)
            if target.exists() and not target.is_dir():
                raise click.UsageError(f"{output} is a file; {fmt} needs a directory")
            report = _run(kg_store, fmt, target, filters, projection, evidence, tty)
        elif output == "-":
            report = _run(kg_store, fmt, sys.stdout.buffer, filters, projection, evidence, False)
            sys.stdout.flush()
        else:
            if Path(output).is_dir():
                raise click.UsageError(f"{output} is a directory; {fmt} writes one file")
            with open(output, "wb") as fh:
                report = _run(kg_store, fmt, fh, filters, projection, evidence, tty)
    if output != "-":
        what = (f"{report.statements} statements" if report.statements
                else f"{report.nodes} nodes, {report.edges} edges")
        click.echo(f"Exported {what} as {fmt} to {output}", err=True)


def _run(store: Store, fmt: str, output: BinaryIO | Path, filters: dict, projection: str | None,
         evidence: bool, tty: bool) -> ExportReport:
    """Export, with a progress bar on stderr when it is a terminal."""
    if not tty:
        return export(store, fmt, output, filters=filters, projection=projection, evidence=evidence)
    with click.progressbar(length=0, label=f"Exporting {fmt}", file=sys.stderr) as bar:
        def progress(done: int, total: int | None) -> None:
            if total:
                bar.length = total
            bar.update(done)
        return export(store, fmt, output, filters=filters, projection=projection, evidence=evidence,
                      progress=progress)


COMMANDS = [export_command]
