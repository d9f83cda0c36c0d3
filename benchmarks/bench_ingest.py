"""Ingest and query at scale: synthetic corpora of 1k and 10k (or 100k) articles.

For each size: articles/s, triples/s, peak RSS, store size on disk, and p50/p95 of every
named query, for the embedded store and for a running ``oxigraph serve``; the same
N-Quads loaded into pyoxigraph and into rdflib's in-memory store, with three named
queries, as ratios; precision, recall and F1 of ``kg.extract`` against the corpus's gold;
then the targets, met or missed. Each measurement runs in its own process.

    python -m benchmarks.bench_ingest                      # 1,000 and 10,000 articles
    python -m benchmarks.bench_ingest --sizes 1000,10000,100000 --workdir /tmp/kg-bench
    python -m benchmarks.bench_ingest --corpus DIR         # any folder of articles instead
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.gold import PREDICATES, Scorer
from kg.extract import extract
from kg.model import Article
from kg.query import named_queries
from kg.read import read_paths
from kg.store import open_store

TARGETS = {"articles_per_s": 100, "minutes_100k": 20, "rss_mb": 1500, "query_p50_ms": 100, "ratio": 10,
           "f1": 0.95}


def child(mode: str, spec: dict) -> dict:
    """Run one measurement in a fresh Python process and return its figures."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.measure", mode, json.dumps(spec)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout)


def corpus_paths(root: Path, size: int, seed: int, shard: int) -> list[str]:
    """Generate what is missing; whole shard folders, plus single files of a partial shard."""
    paths: list[str] = []
    for index, path in enumerate(write_corpus(root, size, seed, shard)):
        if index % shard == 0 and index + shard <= size:
            paths.append(str(path.parent))
        elif index // shard * shard + shard > size:
            paths.append(str(path))
    return paths


def aggregate_queries(count: int = 3) -> list[str]:
    """Named queries that need no parameter, aggregates first: the baseline's three."""
    usable = [q for q in named_queries() if not any(p.required for p in q.params) and "SERVICE" not in q.text]
    usable.sort(key=lambda q: ("GROUP BY" not in q.text.upper(), q.name))
    return [q.name for q in usable[:count]]


def baselines(work: Path, size: int, store_dir: Path, reps: int) -> dict:
    """Dump the embedded store, load the dump into pyoxigraph and into rdflib."""
    dump = work / f"dump-{size}.nq"
    with open_store(store_dir, read_only=True) as store, dump.open("wb") as out:
        store.dump(output=out)
    queries = aggregate_queries()
    spec = {"nquads": str(dump), "queries": queries, "reps": reps, "budget": 30.0}
    shutil.rmtree(work / f"baseline-{size}", ignore_errors=True)
    result = {"queries": queries, "quads": sum(1 for _ in dump.open("rb")),
              "oxigraph": child("baseline", {**spec, "engine": "oxigraph", "store": str(work / f"baseline-{size}")}),
              "rdflib": child("baseline", {**spec, "engine": "rdflib"})}
    dump.unlink()
    return result


def score(paths: list[str], count: int, score_py: Path | None) -> dict:
    """kg.extract against the gold, on the first ``count`` articles."""
    scorer, seconds = Scorer(score_py), 0.0
    for article in islice((a for a in read_paths(paths) if isinstance(a, Article)), count):
        started = time.perf_counter()
        extraction = extract(article)
        seconds += time.perf_counter() - started
        if Path(article.source).with_suffix(".gold.json").is_file():
            scorer.add(extraction)
    s = scorer.scores
    return {"articles": s.articles, "ms_per_article": seconds / max(count, 1) * 1000,
            "relations": s.relations(), "types": s.prf(s.types),
            "predicates": {p: s.prf(s.counts[p]) for p in PREDICATES}}


def measure(args: argparse.Namespace, work: Path, size: int, paths: list[str]) -> dict:
    common = {"paths": paths, "jobs": args.jobs, "batch": args.batch, "extractor": args.extractor,
              "reps": args.reps, "budget": args.budget, "limit": args.limit}
    figures: dict = {"size": size}
    for mode in ("embedded", "remote") if args.remote else ("embedded",):
        store = work / f"{mode}-{size}"
        shutil.rmtree(store, ignore_errors=True)
        print(f"  {mode} ingest of {size:,} articles ...", file=sys.stderr, flush=True)
        figures[mode] = child(mode, {**common, "store": str(store)})
    if size <= args.rdflib_max and "error" not in figures["embedded"]:
        print("  rdflib baseline ...", file=sys.stderr, flush=True)
        figures["baseline"] = baselines(work, size, work / f"embedded-{size}", args.baseline_reps)
    if args.score:
        figures["extraction"] = score(paths, min(size, args.score), args.score_py)
    if not args.keep:
        for mode in ("embedded", "remote"):
            shutil.rmtree(work / f"{mode}-{size}", ignore_errors=True)
        shutil.rmtree(work / f"baseline-{size}", ignore_errors=True)
    return figures


def show(figures: dict, args: argparse.Namespace) -> None:
    modes = [m for m in ("embedded", "remote") if m in figures]
    names = {"embedded": "embedded", "remote": "oxigraph serve"}
    print(f"\n== {figures['size']:,} articles · --jobs {args.jobs} · --batch {args.batch} · "
          f"extractor {args.extractor} ==")
    print(f"{'':36}" + "".join(f"{names[m]:>20}" for m in modes))
    for m in modes:
        if "error" in figures[m]:
            print(f"  {names[m]} failed: {figures[m]['error']}")
    ok = [m for m in modes if "error" not in figures[m]]

    def row(label: str, fmt) -> None:
        print(f"{label:36}" + "".join(f"{fmt(figures[m]):>20}" for m in ok))

    row("ingest wall time", lambda f: f"{f['seconds']:.1f} s")
    row("articles/s (end to end)", lambda f: f"{f['articles_per_s']:,.0f}")
    row("triples/s", lambda f: f"{f['triples_per_s']:,.0f}")
    row("triples written", lambda f: f"{f['triples']:,}")
    row("CPU per article, all processes", lambda f: f"{f['cpu_ms_per_article']:.1f} ms")
    row("load average during the run", lambda f: f"{f['load_average']:.1f}")
    row("peak RSS, all kg processes", lambda f: f"{f['peak_rss_mb_tree']:,.0f} MB")
    row("peak RSS, main process", lambda f: f"{f['peak_rss_mb_main']:,.0f} MB")
    if "remote" in ok:
        print(f"{'peak RSS, oxigraph server':36}{'':>20}{figures['remote']['peak_rss_mb_server'] or 0:>17,.0f} MB")
    row("store on disk", lambda f: f"{f['store_mb']:,.0f} MB")
    print("named queries, p50 / p95 ms")
    for name in sorted({n for m in ok for n in figures[m]["queries"]}):
        cells = []
        for m in ok:
            q = figures[m]["queries"].get(name, {})
            cells.append(f"{q['p50_ms']:.1f} / {q['p95_ms']:.1f}" if "p50_ms" in q else q.get("error", "-")[:18])
        print(f"  {name[:34]:34}" + "".join(f"{c:>20}" for c in cells))
    if "baseline" in figures:
        b = figures["baseline"]
        print(f"rdflib in-memory baseline: the same {b['quads']:,} quads      oxigraph      rdflib   rdflib/oxigraph")
        show_ratio("  load (bulk loader, a file per core)", b["oxigraph"].get("load_s"),
                   b["rdflib"].get("load_s"), "s")
        show_ratio("  load (bulk loader, one file)", b["oxigraph"].get("load_one_file_s"),
                   b["rdflib"].get("load_s"), "s")
        show_ratio("  load (oxigraph, one transaction)", b["oxigraph"].get("load_transaction_s"),
                   b["rdflib"].get("load_s"), "s")
        show_ratio("  load (oxigraph in memory, as rdflib)", b["oxigraph"].get("load_memory_s"),
                   b["rdflib"].get("load_s"), "s")
        show_ratio("  next session: reopen vs parse again", b["oxigraph"].get("reopen_s"),
                   b["rdflib"].get("load_s"), "s")
        for name in b["queries"]:
            ox_q, rd_q = b["oxigraph"].get("queries", {}).get(name, {}), b["rdflib"].get("queries", {}).get(name, {})
            show_ratio(f"  {name} p50", ox_q.get("p50_ms"), rd_q.get("p50_ms"), "ms", rd_q.get("error"))
        print(f"  peak RSS: oxigraph {b['oxigraph'].get('peak_rss_mb_main', 0):,.0f} MB, "
              f"rdflib {b['rdflib'].get('peak_rss_mb_main', 0):,.0f} MB")
    if figures.get("extraction", {}).get("articles"):
        e = figures["extraction"]
        p, r, f1 = e["relations"]
        print(f"extraction (kg.extract) on {e['articles']:,} articles: relations P {p:.3f} R {r:.3f} F1 {f1:.3f}; "
              f"entity types F1 {e['types'][2]:.3f}; {e['ms_per_article']:.1f} ms/article in one process")
        print("  " + "  ".join(f"{k} {v[2]:.3f}" for k, v in e["predicates"].items()))


def show_ratio(label: str, ours: float | None, theirs: float | None, unit: str, error: str | None = None) -> None:
    if error or ours is None or theirs is None:
        print(f"{label[:44]:44}{'':>10}  {(error or 'failed')[:40]}")
        return
    print(f"{label[:44]:44}{ours:>10.2f}{theirs:>12.2f} {unit}{theirs / ours:>10.1f}x")


def targets(results: list[dict], args: argparse.Namespace) -> None:
    """The issue's targets against what this run measured."""
    print("\n== targets (this machine) ==")
    embedded = [r["embedded"] for r in results if "error" not in r.get("embedded", {"error": 1})]

    def line(text: str, value: str, ok: bool | None) -> None:
        print(f"  {text:58}{value:>18}  {'-' if ok is None else 'met' if ok else 'MISSED'}")

    if embedded:
        rate = min(e["articles_per_s"] for e in embedded)
        line(f">= {TARGETS['articles_per_s']} articles/s end to end, --jobs {args.jobs}", f"{rate:,.0f}/s",
             rate >= TARGETS["articles_per_s"])
        rss = max(max(e["peak_rss_mb_tree"], e["peak_rss_mb_main"]) for e in embedded)
        line(f"peak RSS < {TARGETS['rss_mb']:,} MB", f"{rss:,.0f} MB", rss < TARGETS["rss_mb"])
    big = next((r for r in results if r["size"] >= 100_000 and "error" not in r["embedded"]), None)
    line("100k articles in < 20 minutes", f"{big['embedded']['seconds'] / 60:.1f} min" if big else "not run",
         big["embedded"]["seconds"] / 60 < TARGETS["minutes_100k"] if big else None)
    if embedded:
        last = results[-1]["embedded"] if "error" not in results[-1]["embedded"] else embedded[-1]
        worst = max((q["p50_ms"], n) for n, q in last["queries"].items() if "p50_ms" in q)
        line(f"every named query p50 < 100 ms (at {results[-1]['size']:,})", f"{worst[0]:.0f} ms",
             worst[0] < TARGETS["query_p50_ms"])
        print(f"    slowest: {worst[1]}")
    with_base = [r["baseline"] for r in results if "baseline" in r]
    if with_base:
        b = with_base[-1]
        ours, theirs = b["oxigraph"], b["rdflib"]
        ratios = [theirs["load_s"] / ours["load_s"]] if "load_s" in theirs and "load_s" in ours else []
        ratios += [theirs["queries"][n]["p50_ms"] / ours["queries"][n]["p50_ms"] for n in b["queries"]
                   if "p50_ms" in theirs.get("queries", {}).get(n, {})
                   and "p50_ms" in ours.get("queries", {}).get(n, {})]
        if ratios:
            line(">= 10x rdflib in-memory on load and aggregates (lowest)", f"{min(ratios):.1f}x",
                 min(ratios) >= TARGETS["ratio"])
        if "load_s" in theirs and ours.get("load_memory_s"):
            ratio = theirs["load_s"] / ours["load_memory_s"]
            line("  the load, both stores in memory", f"{ratio:.1f}x", ratio >= TARGETS["ratio"])
    scored = [r["extraction"] for r in results if r.get("extraction", {}).get("articles")]
    if scored:
        f1 = scored[-1]["relations"][2]
        line(f"extraction F1 >= {TARGETS['f1']} on the synthetic corpus", f"{f1:.3f}", f1 >= TARGETS["f1"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--corpus", type=Path, help="ingest this folder instead of a synthetic corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=256, help="articles per store write (as kg ingest)")
    parser.add_argument("--extractor", choices=("kg", "gold"), default="kg",
                        help="kg: kg.extract as it is now; gold: the corpus's gold triples (store-only figures)")
    parser.add_argument("--no-remote", dest="remote", action="store_false", help="skip the oxigraph serve runs")
    parser.add_argument("--rdflib-max", type=int, default=1000, help="largest size for the rdflib baseline")
    parser.add_argument("--reps", type=int, default=20, help="runs per named query")
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per named query before stopping early")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a named query is cut short")
    parser.add_argument("--baseline-reps", type=int, default=3)
    parser.add_argument("--score", type=int, default=1000, help="articles to score extraction on (0: skip)")
    parser.add_argument("--score-py", type=Path, help="the evaluation's score.py, to score with its matching")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="keep corpora here between runs (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the stores after the run")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        if args.corpus:
            count = sum(1 for _ in read_paths([args.corpus]))
            results.append(measure(args, work, count, [str(args.corpus)]))
            show(results[-1], args)
        for size in ([] if args.corpus else [int(s) for s in args.sizes.split(",")]):
            print(f"corpus of {size:,} articles ...", file=sys.stderr, flush=True)
            paths = corpus_paths(work / f"corpus-{args.seed}", size, args.seed, 1000)
            results.append(measure(args, work, size, paths))
            show(results[-1], args)
        targets(results, args)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
