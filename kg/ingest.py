"""Ingest: read -> extract -> map -> store, in batches, optionally across processes.

Re-ingesting a source with the same text leaves the store unchanged; an edited source
replaces its graph; the same text under another name is stored once and reported as a
duplicate of the first. Every good article is stored even when others fail.

The work streams: files are read one at a time, grouped in batches, and each batch is
checked against the store *before* extraction, so unchanged files and duplicates cost a
read and a hash, not an extraction. Extraction runs in worker processes with ``jobs`` > 1;
at most ``jobs + 1`` batches are in flight, so memory stays flat however many files come.
Results are written in input order, so ``jobs`` never changes what is stored.
"""
from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .digest import refresh as refresh_digest
from .errors import BadArticle
from .extract import extract
from .ids import text_hash
from .model import Article, Extraction
from .rdfmap import iri_of_article, to_ntriples
from .read import DEFAULT_MAX_BYTES, read_paths
from .store import ArticleGraph, Store

Extractor = Callable[[Article], Extraction]


@dataclass
class Processed:
    """One article after extraction and mapping, ready for the store."""

    source: str
    graph: ArticleGraph
    entities: int
    relations: int

    @property
    def triples(self) -> int:
        return self.graph.ntriples.count("\n") + 1 if self.graph.ntriples else 0


@dataclass
class IngestReport:
    """What an ingest did, for the summary line and the exit code."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0  # triples written (each article graph counted in full)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source, first article IRI)
    failures: list[BadArticle] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.stored + self.unchanged


def process(article: Article, extractor: Extractor = extract) -> Processed | BadArticle:
    """Extract and map one article (runs in a worker process with --jobs)."""
    try:
        extraction = extractor(article)
        iri, ntriples = to_ntriples(extraction)
    except Exception as exc:  # a bug in one article must not stop the batch
        return BadArticle(article.source or article.id, f"extraction failed: {type(exc).__name__}: {exc}")
    graph = ArticleGraph(iri=iri, ntriples=ntriples, content_hash=text_hash(article.text))
    return Processed(article.source or article.id, graph, len(extraction.entities), len(extraction.relations))


def _process_all(articles: list[Article], extractor: Extractor) -> list[Processed | tuple[str, str]]:
    """A worker's task; failures come back as (source, reason), as BadArticle does not pickle."""
    results: list[Processed | tuple[str, str]] = []
    for article in articles:
        result = process(article, extractor)
        results.append(result if isinstance(result, Processed) else (result.source, result.reason))
    return results


@dataclass
class _Todo:
    """An article to extract and write."""

    article: Article
    digest: str
    new: bool  # its IRI is not in the store yet


@dataclass
class _Batch:
    """Articles read together, triaged against the store, on their way to it."""

    todo: list[_Todo] = field(default_factory=list)
    chunks: list[tuple[Future, list[Article]]] = field(default_factory=list)


class _Pipeline:
    """Triage, extraction and writing of batches, with at most ``jobs + 1`` in flight."""

    def __init__(self, store: Store, report: IngestReport, jobs: int, extractor: Extractor,
                 progress: Callable[[str], None] | None) -> None:
        self.store, self.report, self.jobs, self.extractor = store, report, jobs, extractor
        self.progress = progress
        self.pending: dict[str, str] = {}  # content hash -> IRI, for articles read but not yet written
        self.pending_iris: set[str] = set()
        self.pool = _new_pool(jobs) if jobs > 1 else None
        self.in_flight: deque[_Batch] = deque()

    def close(self) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    def feed(self, items: list[Article | BadArticle]) -> None:
        """Triage one batch, start its extraction, and write the batches that are due."""
        batch = self._triage(items)
        articles = [t.article for t in batch.todo]
        if self.pool is None:
            self._write(batch, _process_all(articles, self.extractor))
            return
        size = -(-len(articles) // self.jobs)
        for start in range(0, len(articles), size or 1):
            chunk = articles[start:start + size]
            batch.chunks.append((self._submit(chunk), chunk))
        self.in_flight.append(batch)
        while len(self.in_flight) > self.jobs:
            self._finish_one()

    def finish(self) -> None:
        while self.in_flight:
            self._finish_one()

    def _finish_one(self) -> None:
        batch = self.in_flight.popleft()
        results: list[Processed | tuple[str, str]] = []
        for future, chunk in batch.chunks:
            try:
                results.extend(future.result())
            except BrokenProcessPool:
                results.extend(self._one_by_one(chunk))
        self._write(batch, results)

    def _submit(self, articles: list[Article]) -> Future:
        """Start extracting ``articles``, on a fresh pool if a worker died since the last call."""
        try:
            return self.pool.submit(_process_all, articles, self.extractor)
        except BrokenProcessPool:
            self.pool.shutdown(cancel_futures=True)
            self.pool = _new_pool(self.jobs)
            return self.pool.submit(_process_all, articles, self.extractor)

    def _one_by_one(self, chunk: list[Article]) -> Iterator[Processed | tuple[str, str]]:
        """After a worker died (a crash, the OOM killer), retry alone to find the culprit."""
        for article in chunk:
            try:
                yield from self._submit([article]).result()
            except BrokenProcessPool:
                yield (article.source or article.id, "extraction worker process died")

    def _triage(self, items: list[Article | BadArticle]) -> _Batch:
        """Report failures, unchanged articles and duplicates; keep the rest to extract."""
        articles = [item for item in items if isinstance(item, Article)]
        keys = [(iri_of_article(a), text_hash(a.text)) for a in articles]
        known = self.store.article_hashes(iris=[k[0] for k in keys], hashes=[k[1] for k in keys])
        by_hash = {h: iri for iri, h in known.items()}
        batch = _Batch()
        for article, (iri, digest) in zip(articles, keys, strict=True):
            first = self.pending.get(digest) or by_hash.get(digest)
            if known.get(iri) == digest or first == iri:
                self.report.unchanged += 1
                self._tick(article.source)
            elif first:
                self.report.duplicates.append((article.source or article.id, first))
                self._tick(article.source)
            else:  # new, unless stored or an earlier version is on its way (the later one wins)
                batch.todo.append(_Todo(article, digest, new=iri not in known and iri not in self.pending_iris))
                self.pending[digest] = iri
                self.pending_iris.add(iri)
        for item in items:
            if isinstance(item, BadArticle):
                self._fail(item)
        return batch

    def _write(self, batch: _Batch, results: list[Processed | tuple[str, str]]) -> None:
        """Write the batch's graphs in one go and count them."""
        graphs = []
        for todo, result in zip(batch.todo, results, strict=True):
            if not isinstance(result, Processed):
                self._fail(BadArticle(*result))
                continue
            result.graph.new = todo.new
            graphs.append(result.graph)
            self.report.stored += 1
            self.report.replaced += not todo.new
            self.report.entities += result.entities
            self.report.relations += result.relations
            self.report.triples += result.triples
        self.store.write(graphs)
        for todo, result in zip(batch.todo, results, strict=True):
            self.pending.pop(todo.digest, None)
            if isinstance(result, Processed):
                self.pending_iris.discard(result.graph.iri)
            self._tick(todo.article.source)

    def _fail(self, failure: BadArticle) -> None:
        self.report.failures.append(failure)
        self._tick(failure.source)

    def _tick(self, source: str) -> None:
        if self.progress:
            self.progress(source)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes: forked on Linux (fast to start, the extractor already imported,
    and safe: workers never touch the parent's store); spawned elsewhere, which needs the
    calling script to guard its entry point with ``if __name__ == "__main__":``."""
    method = "fork" if sys.platform == "linux" else "spawn"
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method))


def _batches(items: Iterable[Article | BadArticle], size: int) -> Iterator[list[Article | BadArticle]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    jobs: int = 1,
    batch_size: int = 256,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[str], None] | None = None,
    extractor: Extractor = extract,
) -> IngestReport:
    """Add the articles under ``paths`` to ``store`` and report what happened.

    ``batch_size`` articles are written at a time; from about 150 articles a batch the
    embedded store takes them through Oxigraph's bulk loader (faster, flatter memory).

    Last, the digest (``kg.digest``) is brought up to date for what the run changed.

    ``extractor`` replaces ``kg.extract.extract`` (benchmarks load gold extractions with
    it); with ``jobs`` > 1 it must be a module-level function, so workers can import it.
    """
    report = IngestReport()
    pipeline = _Pipeline(store, report, jobs, extractor, progress)
    try:
        for batch in _batches(read_paths(paths, max_bytes), batch_size):
            pipeline.feed(batch)
        pipeline.finish()
    finally:
        pipeline.close()
    refresh_digest(store)  # also what an interrupted earlier run left marked
    store.optimize()
    return report
