"""Bulk-load article graphs as N-Quads (``kg extract --format nq`` on shards, ``kg export
--format nq`` from another store) with Oxigraph's bulk loader, several files at once.

``oxigraph load`` is as fast but knows nothing of articles: this first reads each file for
its articles (their IRIs and content hashes) and entities, so that, as with ``kg ingest``,
an article already stored unchanged is skipped, one stored with other content is replaced,
and the same text under two names is stored once; then it marks the entities stale in
the digest, bulk-loads each file in one atomic step (two or more files in parallel
threads, one per core), and brings the digest up to date. A crash leaves whole files and
marks the next ``kg digest`` or ``kg ingest`` clears.
"""
from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import digest
from .digest import DIGEST
from .store import ArticleGraph, Store
from .vocab import ENTITY_TYPES, FKG, RDF

_HASH_LINE = re.compile(rb'^<([^>]+)> <' + str(FKG.contentHash).encode() + rb'> "([^"]+)"')
_HASH_P = f"<{FKG.contentHash}>".encode()
_TYPE_P = f" <{RDF.type}> ".encode()
_TYPES = tuple(f"<{FKG[t]}>".encode() for t in ENTITY_TYPES)
_DIGEST = f"<{DIGEST}>".encode()
_CHUNK = 2000  # IRIs per lookup or marking update


@dataclass
class LoadReport:
    """What ``load`` did: per article, loaded, unchanged, replaced or a duplicate."""

    files: int = 0  # files loaded (whole or without their skipped articles)
    loaded: int = 0  # articles bulk-loaded
    replaced: int = 0  # articles stored before with other content, now replaced
    unchanged: int = 0
    quads: int = 0  # quads read from the files loaded
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file: article, the article kept)
    failures: list[str] = field(default_factory=list)  # "file: why", one per file not loaded

    @property
    def articles(self) -> int:
        return self.loaded + self.replaced + self.unchanged + len(self.duplicates)


@dataclass
class _Scan:
    """One file, read once: its articles (IRI -> content hash), entities and quads."""

    path: Path
    articles: dict[str, str]
    entities: set[str]
    quads: int


def scan(path: Path) -> _Scan:
    """Read an N-Quads file line by line (memory stays flat) for what ``load`` checks."""
    articles: dict[str, str] = {}
    entities: set[str] = set()
    quads = 0
    with path.open("rb") as lines:
        for line in lines:
            if not line.strip() or line.startswith(b"#"):
                continue
            quads += 1
            if _DIGEST in line and line.rstrip().endswith(_DIGEST + b" ."):
                raise ValueError("holds kg's digest graph: load the article graphs only "
                                 "(kg extract or kg export --format nq)")
            if _HASH_P in line and (match := _HASH_LINE.match(line)):
                articles[match.group(1).decode()] = match.group(2).decode()
            elif _TYPE_P in line:
                subject, _, rest = line.partition(_TYPE_P)
                if rest.startswith(_TYPES):
                    entities.add(subject.decode()[1:-1])
    if not articles:
        raise ValueError("no article graphs (no fkg:contentHash): kg load takes the N-Quads "
                         "kg extract --format nq writes")
    return _Scan(path, articles, entities, quads)


def load(store: Store, paths: Sequence[str | os.PathLike], progress: Callable[[str], None] | None = None
         ) -> LoadReport:
    """Load N-Quads files of article graphs into ``store``; bad files are reported, not raised."""
    report = LoadReport()
    scans = []
    for path in map(Path, paths):
        try:
            scans.append(scan(path))
        except (OSError, ValueError) as exc:
            report.failures.append(f"{path}: {getattr(exc, 'strerror', None) or exc}")
    skip, replace = _triage(store, scans, report)
    with tempfile.TemporaryDirectory(prefix="kg-load-") as work:
        files, replacements = _without(scans, skip | set(replace), replace, Path(work))
        _mark_stale(store, set().union(*(s.entities for s in scans)) if scans else set())
        errors = store.bulk_load_files([f for f, _ in files], progress=progress)
    for (loaded, scanned) in files:
        if errors.get(loaded):
            report.failures.append(f"{scanned.path}: {errors[loaded]}")
            continue
        report.files += 1
        report.quads += scanned.quads
        report.loaded += sum(1 for iri in scanned.articles if iri not in skip and iri not in replace)
    graphs = [ArticleGraph(iri, "\n".join(replacements[iri]), replace[iri]) for iri in replace
              if replacements.get(iri)]
    for start in range(0, len(graphs), 256):
        store.write(graphs[start:start + 256])
    report.replaced = len(graphs)
    digest.refresh(store)
    store.optimize()
    return report


def _triage(store: Store, scans: list[_Scan], report: LoadReport) -> tuple[set[str], dict[str, str]]:
    """The articles to skip (unchanged, duplicates) and to replace (IRI -> new hash)."""
    iris = [iri for s in scans for iri in s.articles]
    hashes = [h for s in scans for h in s.articles.values()]
    stored: dict[str, str] = {}
    for start in range(0, max(len(iris), len(hashes)), _CHUNK):
        stored.update(store.article_hashes(iris[start:start + _CHUNK], hashes[start:start + _CHUNK]))
    stored_by_hash = {h: iri for iri, h in stored.items()}
    skip: set[str] = set()
    replace: dict[str, str] = {}
    first_of: dict[str, str] = {}  # content hash -> the article that stores it in this load
    taken: set[str] = set()  # the articles this load stores
    for s in scans:
        for iri, content in s.articles.items():
            if iri in taken:
                report.duplicates.append((f"{s.path}: {iri}", iri))
                skip.add(iri)
            elif stored.get(iri) == content:
                report.unchanged += 1
                skip.add(iri)
            elif content in first_of or (content in stored_by_hash and stored_by_hash[content] != iri):
                report.duplicates.append((f"{s.path}: {iri}", first_of.get(content) or stored_by_hash[content]))
                skip.add(iri)
            else:
                if iri in stored:
                    replace[iri] = content
                first_of[content] = iri
                taken.add(iri)
    return skip, replace


def _without(scans: list[_Scan], dropped: set[str], replace: dict[str, str], work: Path
             ) -> tuple[list[tuple[Path, _Scan]], dict[str, list[str]]]:
    """The files to bulk-load, each as given or, when some of its articles are not to be
    loaded, as a copy without them; and the N-Triples lines of the articles to replace."""
    files: list[tuple[Path, _Scan]] = []
    replacements: dict[str, list[str]] = {}
    for index, s in enumerate(scans):
        if not dropped.intersection(s.articles):
            files.append((s.path, s))
            continue
        graphs = {f"<{iri}>".encode(): iri for iri in s.articles if iri in dropped}
        copy = work / f"{index}.nq"
        kept = 0
        with s.path.open("rb") as lines, copy.open("wb") as out:
            for line in lines:
                parts = line.rstrip().rsplit(b" ", 2)
                iri = graphs.get(parts[1]) if len(parts) == 3 else None
                if iri is None:
                    out.write(line)
                    kept += line.strip() != b""
                elif iri in replace:
                    replacements.setdefault(iri, []).append(parts[0].decode() + " .")
        if kept:
            files.append((copy, s))
    return files, replacements


def _mark_stale(store: Store, entities: Iterable[str]) -> None:
    """Mark the entities of the files stale before loading: the digest recounts them after,
    or, after a crash, at the next refresh."""
    entities = sorted(entities)
    for start in range(0, len(entities), _CHUNK * 5):
        store.update(digest.mark_entities(entities[start:start + _CHUNK * 5]))
