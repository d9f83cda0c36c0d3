"""Options shared by many commands, defined once."""
from __future__ import annotations

from collections.abc import Callable

import click

RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml")


def store_option(fn: Callable) -> Callable:
    """``--store``: a directory (default ./kg-store), ``memory``, or an http(s):// SPARQL endpoint."""
    return click.option(
        "--store", "-s", "store", envvar="KG_STORE", default=None, metavar="S",
        help="Store: a directory (default ./kg-store), 'memory', or an http(s):// SPARQL endpoint. "
             "Env: KG_STORE.",
    )(fn)


def format_option(choices: tuple[str, ...], default: str) -> Callable[[Callable], Callable]:
    """``--format``/``-f`` with the given choices."""
    def decorate(fn: Callable) -> Callable:
        return click.option("--format", "-f", "fmt", type=click.Choice(choices), default=default,
                            show_default=True, help="Output format.")(fn)
    return decorate
