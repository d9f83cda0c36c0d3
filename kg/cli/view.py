"""``kg view``: the graph as one interactive HTML page that works offline."""
from __future__ import annotations

import sys

import click

from ..query import load_query, parse_params
from ..store import open_store
from ..view import MAX_NODES, view_page
from ._options import graph_filter_options, store_option


@click.command("view")
@click.option("--output", "-o", default="kg-view.html", show_default=True, metavar="FILE.html",
              help="File to write, '-' for stdout.")
@click.option("--query", "-q", "query_ref", metavar="QUERY",
              help="Draw a query's answer instead: a .rq file or a name from queries/; a CONSTRUCT "
                   "draws its triples, a SELECT its ?s ?p ?o rows.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a --query parameter, as in kg query (repeatable).")
@click.option("--title", metavar="TEXT", help="Page heading (default: what the view shows).")
@click.option("--max-nodes", type=click.IntRange(1), default=MAX_NODES, show_default=True,
              help="Keep at most this many nodes, the most connected; the page names what was left out.")
@graph_filter_options
@store_option
def view_command(output: str, query_ref: str | None, params: tuple[str, ...], title: str | None,
                 max_nodes: int, filters: dict, store: str | None) -> None:
    """Write the graph as one self-contained interactive HTML page.

    Nodes are coloured and shaped by type and sized by connections; edges are coloured
    and labelled by relation. Hover for names, attributes, articles and evidence; click
    a node to highlight its neighbours; find a node by name; tick types and relations on
    and off. The page loads nothing from the network and opens from a file. Narrow it
    with the filters of kg export (--focus NAME --depth N, --brand NAME, ...) or draw a
    query's answer with --query.

    Example: kg view --focus "Kim Kardashian" --depth 2 -o kim.html
    """
    used = [f"--{name}" for name, value in filters.items() if value not in (None, False)]
    if query_ref is not None and used:
        raise click.UsageError(f"--query draws the query's answer; it cannot be combined with {', '.join(used)}")
    if params and query_ref is None:
        raise click.UsageError("--param binds a --query parameter; give --query too")
    query = load_query(query_ref) if query_ref is not None else None
    with open_store(store, read_only=True) as kg_store:
        page = view_page(kg_store, title=title, query=query, params=parse_params(params),
                         max_nodes=max_nodes, **({} if query else filters))
    if output == "-":
        sys.stdout.write(page.html)
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(page.html)
        click.echo(f"Wrote {page.nodes:,} nodes and {page.edges:,} edges to {output}", err=True)
    if page.notice:
        click.echo(page.notice, err=True)


COMMANDS = [view_command]
