"""``kg load``: N-Quads of article graphs into the store, by the bulk loader."""
from __future__ import annotations

import sys

import click

from ..load import load
from ..store import open_store
from ._options import store_option


@click.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@store_option
def load_command(files: tuple[str, ...], store: str | None) -> None:
    """Bulk-load N-Quads FILES written by `kg extract --format nq` (or `kg export`).

    For extraction spread over machines: each shard's N-Quads are loaded by Oxigraph's
    bulk loader, several files at once (one per core), each file all or nothing. As with
    `kg ingest`, an article already stored unchanged is skipped, one stored with other
    content is replaced, and the same text under two names is stored once; the digest
    is brought up to date at the end. Into a SPARQL server, each file goes in one
    Graph Store Protocol request. Files that fail are named on stderr and the command
    exits 1; every good file is still loaded.

    Example: kg load shards/*.nq --store ./kg-store
    """
    with open_store(store) as kg_store:
        if sys.stderr.isatty():
            with click.progressbar(length=len(files), label="Loading", file=sys.stderr,
                                   item_show_func=lambda s: s and s[-40:]) as bar:
                report = load(kg_store, files, progress=lambda path: bar.update(1, path))
        else:
            report = load(kg_store, files)
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    for source, first in report.duplicates:
        click.echo(f"Duplicate: {source} has the same text as {first}; not stored again", err=True)
    click.echo(f"{report.files} files, {report.articles} articles ({report.loaded} loaded, {report.replaced} "
               f"replaced, {report.unchanged} unchanged, {len(report.duplicates)} duplicates), "
               f"{report.quads:,} quads, {len(report.failures)} failed")
    if report.failures:
        sys.exit(1)


COMMANDS = [load_command]
