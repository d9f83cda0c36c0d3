"""How fast the named queries answer on an on-disk store of N synthetic articles.

Articles come from ``benchmarks.corpus`` (made-up people, real houses); their gold records
become ``Extraction`` values directly, with no extractor in the loop, so the store holds
exactly what the generator wrote, mapped by ``kg.rdfmap`` and bulk-loaded. Each named
query runs as ``benchmarks.query_times`` runs it in the ingest benchmark: with parameters
taken from the data (the most-connected house, person, campaign, product) and, where
its parameters are optional, with none; the times include entity name resolution and
reading every row.

    python -m benchmarks.bench_queries --count 10000 [--store DIR] [--repeat 20]

With ``--store DIR`` the store is built once and reused by later runs.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.corpus import article, pools
from benchmarks.query_times import time_queries
from kg.digest import rebuild
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdfmap import quads
from kg.store import open_store


def extraction(index: int) -> Extraction:
    """Article ``index`` of the synthetic corpus as the extraction its gold record describes."""
    stem, text, gold = article(index)
    rng = random.Random(index)
    published = date.fromisoformat(gold["published"])
    brands = {s: o for s, p, o in gold["relations"] if p == "brand"}
    entities = {e["name"]: Entity(e["type"], e["name"], set(e["aliases"]), brand=brands.get(e["name"]))
                for e in gold["entities"]}
    parents = {b["name"]: b["parent"] for b in pools().data["brands"] if b["parent"]}
    owned = [[name, "parentCompany", parents[name]] for name, e in entities.items()
             if e.type == "Brand" and parents.get(name) in entities]
    sentences = [s.strip() + "." for s in text.replace("\n", " ").split(". ") if s.strip()]
    relations = []
    for subject, predicate, obj in gold["relations"] + owned:
        sentence = next((s for s in sentences if obj in s), sentences[0])
        start = max(text.find(sentence[:40]), 0)
        since = published - timedelta(days=rng.randint(0, 30)) if predicate == "ambassadorOf" and rng.random() < .5 \
            else None
        past = predicate in ("ambassadorOf", "creativeDirectorOf") and rng.random() < 0.1
        relations.append(Relation(entities[subject].key, predicate, entities[obj].key,
                                  Evidence(sentence, start, start + len(sentence), 0.85), past=past, since=since))
    meta = Article(id=f"https://bench.example/{stem}", url=f"https://bench.example/{stem}", text=text,
                   title=stem.replace("-", " "), published=published, publisher="Bench Daily", source=f"{stem}.md")
    return Extraction(meta, list(entities.values()), relations, "bench/1")


def build(path: Path, count: int) -> float:
    """Write ``count`` articles into a new on-disk store at ``path``; seconds taken."""
    started = time.perf_counter()
    store = open_store(path)
    batch: list[str] = []
    for index in range(count):
        batch.extend(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} ." for s, p, o, g in quads(extraction(index)))
        if len(batch) > 200_000 or index == count - 1:
            store.bulk_load("\n".join(batch).encode("utf-8"))
            batch.clear()
        if index % 1000 == 999:
            print(f"  {index + 1} articles", file=sys.stderr)
    rebuild(store)  # the digest the named queries read (kg ingest keeps it; a bulk load does not)
    store.optimize(force=True)  # as `kg digest --rebuild` does: merged files, no tombstones
    store.close()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--store", type=Path, help="store folder, built if absent and reused if present")
    parser.add_argument("--repeat", type=int, default=20, help="runs per query (default 20)")
    parser.add_argument("--budget", type=float, default=10, help="seconds of runs per query at most (default 10)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.store or Path(scratch) / "store"
        if not path.exists():
            print(f"building {args.count} articles into {path}", file=sys.stderr)
            print(f"build: {build(path, args.count):.1f} s")
        with open_store(path, read_only=True) as store:
            stored = next(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows)[0].value
            articles = next(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a fkg:Article }").rows)[0].value
        print(f"store: {articles} articles, {stored} quads")
        print(f"{'query':<58} {'rows':>6} {'p50 ms':>7} {'p95 ms':>7}")
        for case, figures in time_queries(str(path), args.repeat, args.budget, limit=120).items():
            if "p50_ms" in figures:
                print(f"{case[:58]:<58} {figures['rows']:>6} {figures['p50_ms']:>7.1f} {figures['p95_ms']:>7.1f}")
            else:
                print(f"{case[:58]:<58} {figures['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
