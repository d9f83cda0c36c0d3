"""The domain's exceptions. The CLI maps them to exit codes; the library never prints."""
from __future__ import annotations


class KGError(Exception):
    """Base class: a failure the user can act on, shown as one line."""

    exit_code = 1


class BadArticle(KGError):
    """An input file could not be read as an article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class LexiconError(KGError):
    """A lexicon or pattern file under data/ is malformed."""


class StoreError(KGError):
    """The store could not be opened, read or written."""


class StoreLocked(StoreError):
    """Another kg process holds the on-disk store for writing."""


class StoreMissing(StoreError):
    """A read-only command was pointed at a store that does not exist."""


class QueryError(KGError):
    """A SPARQL query failed to parse or to run."""

    exit_code = 2


class UnknownQuery(QueryError):
    """A named query that is not in queries/."""


class ParamError(QueryError):
    """A --param value could not be bound to a query variable."""


class ReadOnlyViolation(QueryError):
    """An update was sent without asking for write access."""


class ExportError(KGError):
    """An export could not be written."""


class ServeError(KGError):
    """The SPARQL endpoint could not be started."""


class NothingToServe(ServeError):
    """``kg serve`` was pointed at a store that has nothing on disk to serve."""

    exit_code = 2
