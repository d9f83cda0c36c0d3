"""``kg stats``, ``kg validate`` and ``kg digest``: what the store holds, whether it fits the
ontology, and keeping its precomputed summaries up to date."""
from __future__ import annotations

import json
import sys

import click
import pyoxigraph as ox

from .. import digest
from ..rows import format_rows, terminal_width
from ..stats import stats
from ..store import open_store
from ..validate import SHAPES, validate
from ._options import format_option, store_option


@click.command("stats")
@store_option
@format_option(("table", "json"), "table")
def stats_command(store: str | None, fmt: str) -> None:
    """Print the store's figures: articles, triples, entities, relations.

    Articles with their date range, distinct triples, entities per type, relations per
    predicate and provenance records (assertions). "triples" counts each distinct
    triple once; "quads" counts what is stored, where a triple stated by n articles
    is n quads. Opens the store read-only, so it works while an ingest is running.

    Example: kg stats --store ./kg-store --format json
    """
    with open_store(store, read_only=True) as kg_store:
        figures = stats(kg_store)
    if fmt == "json":
        click.echo(json.dumps(figures.as_dict(), indent=2))
        return
    rows = [(ox.Literal(name), ox.Literal(value)) for name, value in figures.figures()]
    for chunk in format_rows(["figure", "value"], rows, "table", terminal_width()):
        click.echo(chunk, nl=False)


@click.command("validate")
@store_option
def validate_command(store: str | None) -> None:
    """Check the store against the SHACL shapes of ontology/shapes.ttl.

    Prints one line per violation: the node's name and IRI, the property, what is
    wrong (and the offending value), then a count. Exits 1 when anything fails.
    Opens the store read-only, so it works while an ingest is running.

    Example: kg validate --store ./kg-store
    """
    with open_store(store, read_only=True) as kg_store:
        report = validate(kg_store)
    shapes = "/".join(SHAPES)
    if report.conforms:
        click.echo(f"Valid: {report.entities} entities, {report.relations} relations conform to {shapes}")
        return
    for violation in report.violations:
        click.echo(str(violation))
    failing = [v for v in report.violations if v.severity == "Violation"]
    nodes = len({v.focus for v in failing})
    click.echo(f"Invalid: {len(failing)} violation{'s' if len(failing) != 1 else ''} on {nodes} "
               f"node{'s' if nodes != 1 else ''} ({report.entities} entities, {report.relations} "
               f"relations checked against {shapes})")
    sys.exit(1)


@click.command("digest")
@store_option
@click.option("--rebuild", is_flag=True, help="Recompute it all, not only what is marked out of date.")
def digest_command(store: str | None, rebuild: bool) -> None:
    """Bring the digest, the summaries the named queries read, up to date.

    `kg ingest` does this itself. Run it after loading N-Quads into the store with another
    tool (oxigraph load, a server's bulk loader) with --rebuild, or to finish the work of
    an ingest that was interrupted.

    Example: kg digest --rebuild --store ./kg-store
    """
    with open_store(store) as kg_store:
        facts, entities = (digest.rebuild if rebuild else digest.refresh)(kg_store)
        kg_store.optimize(force=rebuild)  # a rebuild replaced every digest quad
    click.echo(f"Digest up to date: {facts} facts and {entities} entities recomputed")


COMMANDS = [stats_command, validate_command, digest_command]
