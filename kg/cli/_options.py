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


GRAPH_FILTERS = ("types", "predicates", "brand", "since", "until", "focus", "depth", "articles")


def graph_filter_options(fn: Callable) -> Callable:
    """The graph filters of ``kg export`` and ``kg view``, passed on as one ``filters`` dict.

    The dict's keys are ``kg.graph.to_networkx``'s keyword arguments:
    ``to_networkx(store, **filters)``.
    """
    from functools import wraps

    from ..vocab import ENTITY_TYPES, RELATIONS

    @wraps(fn)
    def wrapper(*args: object, **kwargs: object) -> object:
        filters = {name: kwargs.pop(name) for name in GRAPH_FILTERS}
        for name in ("since", "until"):
            filters[name] = filters[name].date() if filters[name] else None
        filters["types"] = list(filters["types"]) or None
        filters["predicates"] = list(filters["predicates"]) or None
        return fn(*args, filters=filters, **kwargs)

    day = click.DateTime(["%Y-%m-%d"])
    options = [
        click.option("--type", "types", multiple=True, type=click.Choice(ENTITY_TYPES, case_sensitive=False),
                     help="Keep only entities of this type (repeatable)."),
        click.option("--predicate", "predicates", multiple=True, type=click.Choice(RELATIONS),
                     help="Keep only this relation (repeatable); entities left unlinked drop out."),
        click.option("--brand", metavar="NAME", help="Keep a house, its campaigns and products, and the "
                     "people linked to them."),
        click.option("--since", type=day, metavar="YYYY-MM-DD",
                     help="Keep only what articles published on or after this date support."),
        click.option("--until", type=day, metavar="YYYY-MM-DD",
                     help="Keep only what articles published on or before this date support."),
        click.option("--focus", metavar="NAME", help="Keep one entity (name, alias or IRI) and its "
                     "neighbourhood."),
        click.option("--depth", type=click.IntRange(0, 20), metavar="N",
                     help="Hops around --focus, ignoring direction (default 1)."),
        click.option("--articles/--no-articles", default=False, show_default=True,
                     help="Add articles as nodes, linked to the entities they mention."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
