"""Extraction speed on one core: articles/s, words/s and peak memory.

Reads the bundled sample articles (and any other folders given), then runs the pure
``extract`` function over them repeatedly in this one process, with no store.

    .venv/bin/python -m benchmarks.bench_extract [--rounds 20] [PATH ...]
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from kg.extract import extract
from kg.extract.lexicon import load_lexicon
from kg.model import Article
from kg.read import read_paths

ROOT = Path(__file__).resolve().parent.parent


def clear_caches() -> None:
    """Forget per-sentence caches, so repeated rounds cost what new articles would."""
    from kg.extract import lookup, tokens

    tokens.tokens.cache_clear()
    lookup._trigger_spans.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "data" / "articles")])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the articles")
    args = parser.parse_args()
    started = time.perf_counter()
    load_lexicon()
    loaded = time.perf_counter() - started
    articles = [a for a in read_paths(args.paths) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in articles)
    extract(articles[0])  # warm caches
    started = time.perf_counter()
    relations = 0
    for _ in range(args.rounds):
        clear_caches()  # every round sees the articles as new: no sentence is remembered
        for article in articles:
            relations += len(extract(article).relations)
    elapsed = time.perf_counter() - started
    done = len(articles) * args.rounds
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"lexicons loaded in {loaded:.2f} s")
    print(f"{done} articles ({len(articles)} x {args.rounds}), {words // len(articles)} words each on average")
    print(f"extraction: {done / elapsed:.0f} articles/s, {words * args.rounds / elapsed:,.0f} words/s "
          f"on one core; {relations / done:.1f} relations per article")
    print(f"peak RSS: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
