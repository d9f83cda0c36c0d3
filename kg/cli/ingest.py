"""``kg ingest``: add articles to the store."""
from __future__ import annotations

import sys

import click

from ..ingest import ingest
from ..read import DEFAULT_MAX_BYTES
from ..store import open_store
from ._options import store_option


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Extraction processes.")
@click.option("--batch", type=click.IntRange(1, 10000), default=256, show_default=True,
              help="Articles per store transaction.")
@click.option("--max-size", type=click.FloatRange(0.001), default=DEFAULT_MAX_BYTES / 1e6, show_default=True,
              help="Skip files larger than this many MB.")
def ingest_command(paths: tuple[str, ...], store: str | None, jobs: int, batch: int, max_size: float) -> None:
    """Add the articles under PATHS (files or directories, recursively) to the store.

    Ingesting the same file again changes nothing; an edited file replaces its graph;
    the same text under another name is stored once. Files that fail are named on
    stderr and the command exits 1; every good file is still stored.

    Example: kg ingest data/articles --store ./kg-store --jobs 2
    """
    tty = sys.stderr.isatty()
    with open_store(store) as kg_store:
        if tty:
            with click.progressbar(length=0, label="Ingesting", file=sys.stderr,
                                   item_show_func=lambda s: s and s[-40:]) as bar:
                def progress(source: str) -> None:
                    bar.length = (bar.length or 0) + 1
                    bar.update(1, source)
                report = ingest(kg_store, paths, jobs=jobs, batch_size=batch,
                                max_bytes=int(max_size * 1e6), progress=progress)
        else:
            report = ingest(kg_store, paths, jobs=jobs, batch_size=batch, max_bytes=int(max_size * 1e6))
    for failure in report.failures:
        click.echo(f"Error: {failure}", err=True)
    for source, first in report.duplicates:
        click.echo(f"Duplicate: {source} has the same text as {first}; not stored again", err=True)
    click.echo(
        f"{report.articles} articles ({report.stored} stored, {report.replaced} replaced, "
        f"{report.unchanged} unchanged, {len(report.duplicates)} duplicates), "
        f"{report.entities} entities, {report.relations} relations, {len(report.failures)} failed"
    )
    if report.failures:
        sys.exit(1)


COMMANDS = [ingest_command]
