"""Ingest: read -> extract -> map -> store, in batches, optionally across processes.

Re-ingesting a source with the same text leaves the store unchanged; an edited source
replaces its graph; the same text under another name is stored once and reported as a
duplicate of the first. Every good article is stored even when others fail.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BadArticle
from .extract import extract
from .ids import text_hash
from .model import Article
from .rdfmap import to_ntriples
from .read import DEFAULT_MAX_BYTES, read_paths
from .store import ArticleGraph, Store


@dataclass
class Processed:
    """One article after extraction and mapping, ready for the store."""

    source: str
    graph: ArticleGraph
    entities: int
    relations: int


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and the exit code."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    entities: int = 0
    relations: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, first article IRI)
    failures: list[BadArticle] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.stored + self.unchanged


def process(article: Article) -> Processed | BadArticle:
    """Extract and map one article (runs in a worker process with --jobs)."""
    try:
        extraction = extract(article)
        iri, ntriples = to_ntriples(extraction)
    except Exception as exc:  # a bug in one article must not stop the batch
        return BadArticle(article.source or article.id, f"extraction failed: {type(exc).__name__}: {exc}")
    graph = ArticleGraph(iri=iri, ntriples=ntriples, content_hash=text_hash(article.text))
    return Processed(article.source or article.id, graph, len(extraction.entities), len(extraction.relations))


def _processed(items: Iterable[Article | BadArticle], jobs: int) -> Iterator[Processed | BadArticle]:
    def articles() -> Iterator[Article | BadArticle]:
        yield from items

    if jobs <= 1:
        for item in articles():
            yield item if isinstance(item, BadArticle) else process(item)
        return
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_process_or_pass, articles(), chunksize=8)


def _process_or_pass(item: Article | BadArticle) -> Processed | BadArticle:
    return item if isinstance(item, BadArticle) else process(item)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    jobs: int = 1,
    batch_size: int = 64,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Add the articles under ``paths`` to ``store`` and report what happened."""
    report = IngestReport()
    batch: list[Processed] = []
    for item in _processed(read_paths(paths, max_bytes), jobs):
        if isinstance(item, BadArticle):
            report.failures.append(item)
        else:
            batch.append(item)
            if len(batch) >= batch_size:
                _flush(store, batch, report)
                batch = []
        if progress:
            progress(item.source)
    _flush(store, batch, report)
    return report


def _flush(store: Store, batch: list[Processed], report: IngestReport) -> None:
    """Write one batch in one transaction, skipping unchanged articles and duplicates."""
    if not batch:
        return
    known = store.article_hashes(iris=[p.graph.iri for p in batch], hashes=[p.graph.content_hash for p in batch])
    by_hash = {h: iri for iri, h in known.items()}
    to_write: list[ArticleGraph] = []
    for item in batch:
        graph = item.graph
        if known.get(graph.iri) == graph.content_hash:
            report.unchanged += 1
            continue
        first = by_hash.get(graph.content_hash)
        if first and first != graph.iri:
            report.duplicates.append((item.source, first))
            continue
        if graph.iri in known:
            report.replaced += 1
        by_hash[graph.content_hash] = graph.iri
        known[graph.iri] = graph.content_hash
        to_write.append(graph)
        report.stored += 1
        report.entities += item.entities
        report.relations += item.relations
    store.write(to_write)
