"""``kg extract``: RDF for articles on stdout, touching no store."""
from __future__ import annotations

import sys

import click

from ..errors import BadArticle
from ..extract import extract as extract_article
from ..rdfmap import to_dataset
from ..read import read_paths
from ._options import format_option

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@format_option(tuple(RDFLIB_FORMATS), "ttl")
def extract_command(files: tuple[str, ...], fmt: str) -> None:
    """Print the RDF extracted from FILES (md, txt, html, jsonl); no store is touched.

    Each article is its own named graph in nq, trig and jsonld; nt and ttl merge them.

    Example: kg extract data/articles/balenciaga-closet-campaign.md --format nt
    """
    extractions, failed = [], 0
    for item in read_paths(files):
        if isinstance(item, BadArticle):
            click.echo(f"Error: {item}", err=True)
            failed += 1
            continue
        extractions.append(extract_article(item))
    ds = to_dataset(extractions)
    if fmt in ("nt", "ttl"):
        from rdflib import Graph

        merged = Graph(namespace_manager=ds.namespace_manager)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        out = merged.serialize(format=RDFLIB_FORMATS[fmt])
    else:
        out = ds.serialize(format=RDFLIB_FORMATS[fmt])
    sys.stdout.write(out if out.endswith("\n") or not out else out + "\n")
    if failed:
        sys.exit(1)


COMMANDS = [extract_command]
