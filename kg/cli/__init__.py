"""The ``kg`` command: a thin click layer over the ``kg`` library.

Each command module parses options, calls one library function and formats the answer;
library errors become one-line messages with the exit code the contract gives
(0 success, 1 failed input or runtime error, 2 usage error).
"""
from __future__ import annotations

import importlib
import sys

import click

from ..errors import KGError

COMMAND_MODULES = ("extract", "ingest", "load", "query", "export", "view", "admin")


class KGGroup(click.Group):
    """A group that turns library errors into ``Error: ...`` lines and exit codes."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fashion-kg")
def cli() -> None:
    """fashion-kg: fashion and luxury trade news as a knowledge graph.

    Articles go in (kg ingest), brands, people, products and campaigns come out as RDF
    you can query (kg query), export to graph tools (kg export) and look at (kg view).

    Example: kg ingest data/articles && kg query ambassadors --param brand=Balenciaga
    """


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(f"{__name__}.{_name}")
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != f"{__name__}.{_name}":
            raise
        continue
    for _command in getattr(_module, "COMMANDS", ()):
        cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="kg")
