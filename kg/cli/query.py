"""``kg query``, ``kg queries`` and ``kg serve``: SPARQL over the store."""
from __future__ import annotations

import signal
import sys

import click

from .. import digest
from ..query import GRAPH_FORMATS, Query, check, load_query, named_queries, parse_params, run, serialize_graph
from ..rows import ROW_FORMATS, format_boolean, format_rows, terminal_width
from ..serve import DEFAULT_PORT, Endpoint
from ..store import Result, open_store
from ._options import format_option, store_option


@click.command("query")
@click.argument("query", required=False, metavar="QUERY")
@click.option("--expression", "-e", "text", metavar="SPARQL", help="Run this SPARQL text instead of QUERY.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a typed value: an entity name, <iri>, 42, 1.5, 2024-01-31, "
                   "true, or \"quoted text\". Repeatable.")
@store_option
@format_option((*ROW_FORMATS, *GRAPH_FORMATS), None)
@click.option("--update", is_flag=True, help="Allow a SPARQL update; opens the store for writing.")
def query_command(query: str | None, text: str | None, params: tuple[str, ...], store: str | None,
                  fmt: str | None, update: bool) -> None:
    """Run a SPARQL query: a .rq file, a name from queries/ (see `kg queries`), - for stdin, or -e TEXT.

    SELECT prints rows (table on a terminal, truncated to fit; csv, tsv, json as SPARQL
    1.1 Query Results JSON, md); ASK prints true or false; CONSTRUCT and DESCRIBE print
    RDF (ttl by default, nt, jsonld). Queries see every article graph as one default
    graph; the prefixes fkg, schema, rdf, rdfs, skos, xsd, prov and id are declared.
    The store is opened read-only and an update is refused unless --update is given.

    Example: kg query ambassadors --param brand=Balenciaga --format csv
    """
    if (query is None) == (text is None):
        raise click.UsageError("give a QUERY (file, name or -) or -e 'SPARQL text', one of them")
    if text is not None:
        chosen = Query.from_text(text)
    elif query == "-":
        chosen = Query.from_text(sys.stdin.read(), source="stdin")
    else:
        chosen = load_query(query)
    values = parse_params(params)
    kind = check(chosen, update).kind
    if kind == "select" and fmt in GRAPH_FORMATS:
        raise click.UsageError(f"--format {fmt} is for CONSTRUCT and DESCRIBE; a SELECT prints "
                               f"{', '.join(ROW_FORMATS)}")
    with open_store(store, read_only=not update) as kg_store:
        result = run(kg_store, chosen, values, update=update)
        _emit(result, fmt)
        if result.kind == "update":
            digest.rebuild(kg_store)  # the update may have changed any article graph
            kg_store.optimize(force=True)
            click.echo(f"Update applied to {kg_store.location}", err=True)


def _emit(result: Result, fmt: str | None) -> None:
    """Write a result to stdout in ``fmt`` (or the form's default)."""
    if result.kind == "ask":
        click.echo(format_boolean(bool(result.boolean), fmt or "table"), nl=False)
    elif result.kind == "graph" and (fmt or "ttl") in GRAPH_FORMATS:
        data = serialize_graph(result.triples or [], fmt or "ttl").decode("utf-8")
        click.echo(data, nl=bool(data) and not data.endswith("\n"))
    elif result.kind == "graph":
        rows = ((t.subject, t.predicate, t.object) for t in dict.fromkeys(result.triples or []))
        _write_rows(result.variables, rows, fmt or "table")
    elif result.kind == "select":
        _write_rows(result.variables, result.rows or iter(()), fmt or "table")


def _write_rows(variables: list[str], rows, fmt: str) -> None:
    width = terminal_width() if fmt == "table" and sys.stdout.isatty() else None
    for chunk in format_rows(variables, rows, fmt, width):
        click.echo(chunk, nl=False)


@click.command("queries")
@click.argument("name", required=False)
@format_option(ROW_FORMATS, "table")
def queries_command(name: str | None, fmt: str) -> None:
    """List the named queries in queries/ with what they answer and their parameters.

    With NAME, print that query's file: its header (title, what it answers, parameters,
    an example) and its SPARQL.

    Example: kg queries ambassadors
    """
    if name:
        click.echo(load_query(name).text, nl=False)
        return
    rows = ([q.name, q.title, ", ".join(map(str, q.params))
             + "".join(f"; needs {' or '.join(names)}" for names in q.needs), q.answers, q.example]
            for q in named_queries())
    _write_rows(["name", "title", "parameters", "answers", "example"], rows, fmt)


@click.command("serve")
@store_option
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
              help="Port on 127.0.0.1; 0 picks a free one.")
@click.option("--timeout", type=click.IntRange(1), default=60, show_default=True,
              help="Seconds a query may run.")
def serve_command(store: str | None, port: int, timeout: int) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint on 127.0.0.1 until Ctrl-C.

    It is Oxigraph's server: YASGUI at the root URL, the SPARQL 1.1 Protocol at /query
    for SPARQLWrapper, Protégé, curl or `kg query --store URL`. Queries see all article
    graphs as the default graph; updates are refused (HTTP 403).

    Example: kg serve --store ./kg-store --port 7878
    """
    with Endpoint(store, port, timeout) as endpoint:
        signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` stops the server too
        try:
            click.echo(f"SPARQL endpoint: {endpoint.query_url}")
            click.echo(f"Query editor:    {endpoint.url}/   (read-only; Ctrl-C to stop)")
            status = endpoint.wait()
        except KeyboardInterrupt:
            click.echo("Stopped.", err=True)
            return
    if status:
        raise click.ClickException(f"the oxigraph server exited with status {status}")


COMMANDS = [query_command, queries_command, serve_command]
