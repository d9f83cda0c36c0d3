"""One measurement each, run in a fresh process so its peak memory is its own.

``python -m benchmarks.measure MODE JSON`` prints one JSON object: the figures of an
embedded ingest, a remote ingest into ``oxigraph serve``, or a load of the same N-Quads
into pyoxigraph or rdflib's in-memory store with three named queries. The parent
(``bench_ingest``) starts these and prints the tables.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.query_times import percentiles, repeat, run_once, time_queries
from kg.ingest import IngestReport, ingest
from kg.query import Query, named_queries
from kg.serve import Endpoint, oxigraph_binary
from kg.store import Store, open_store
from kg.vocab import PREFIXES


class Server(Endpoint):
    """``oxigraph serve`` (read-write) on a free 127.0.0.1 port, for remote-mode runs."""

    def __init__(self, location: Path, timeout: float) -> None:
        location.mkdir(parents=True, exist_ok=True)
        super().__init__(str(location), port=0, timeout=int(timeout))

    def command(self) -> list[str]:
        return [oxigraph_binary(), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
                "--union-default-graph", "--timeout-s", str(self.timeout)]

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def peak_rss_mb(self) -> float | None:
        return _vm_hwm(self._process.pid) if self._process else None


class TreeMemory:
    """Samples the summed RSS of this process and its descendants (worker pools) on Linux,
    leaving out ``exclude`` (a server this process started)."""

    def __init__(self, every: float = 0.2, exclude: int | None = None) -> None:
        self.peak_mb = 0.0
        self.exclude = exclude
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(every,), daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self, every: float) -> None:
        while not self._stop.wait(every):
            self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in _tree(os.getpid(), self.exclude)))


def _tree(root: int, exclude: int | None = None) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        if pid == exclude:
            continue
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _status_mb(pid: int, field: str) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _rss_mb(pid: int) -> float:
    return _status_mb(pid, "VmRSS")


def _vm_hwm(pid: int) -> float | None:
    return _status_mb(pid, "VmHWM") or None


def own_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time of this process and its reaped children (forked workers), or of ``pid``."""
    if pid is not None:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_ingest(store: Store, paths: list[str], jobs: int, batch: int, extractor: Callable,
                 server_pid: int | None = None) -> dict:
    """Ingest with wall time, CPU time of every process involved and peak memory."""
    cpu = cpu_seconds() + (cpu_seconds(server_pid) if server_pid else 0)
    with TreeMemory(exclude=server_pid) as memory:
        started = time.perf_counter()
        report: IngestReport = ingest(store, paths, jobs=jobs, batch_size=batch, extractor=extractor)
        seconds = time.perf_counter() - started
    cpu = cpu_seconds() + (cpu_seconds(server_pid) if server_pid else 0) - cpu
    seen = report.articles + len(report.duplicates) + len(report.failures)
    return {"seconds": seconds, "articles": seen, "stored": report.stored, "failed": len(report.failures),
            "duplicates": len(report.duplicates), "triples": report.triples,
            "articles_per_s": seen / seconds, "triples_per_s": report.triples / seconds,
            "cpu_ms_per_article": cpu / max(seen, 1) * 1000, "load_average": os.getloadavg()[0],
            "peak_rss_mb_tree": memory.peak_mb}


# -- the modes ---------------------------------------------------------------------------------
def embedded(spec: dict) -> dict:
    store_dir = Path(spec["store"])
    with open_store(store_dir) as store:
        figures = timed_ingest(store, spec["paths"], spec["jobs"], spec["batch"], _extractor(spec))
    figures["peak_rss_mb_main"] = own_peak_mb()
    figures["store_mb"] = disk_mb(store_dir)
    figures["queries"] = time_queries(str(store_dir), spec["reps"], spec["budget"], spec["limit"])
    return figures


def remote(spec: dict) -> dict:
    location = Path(spec["store"])
    with Server(location, spec["limit"]) as server:
        with open_store(server.url) as store:
            figures = timed_ingest(store, spec["paths"], spec["jobs"], spec["batch"], _extractor(spec),
                                   server.pid)
        figures["queries"] = time_queries(server.url, spec["reps"], spec["budget"], spec["limit"])
        figures["peak_rss_mb_server"] = server.peak_rss_mb()
    figures["peak_rss_mb_main"] = own_peak_mb()
    figures["store_mb"] = disk_mb(location)
    return figures


def split_lines(path: Path, parts: int) -> list[Path]:
    """``path`` cut at line ends into ``parts`` files of about the same size, beside it."""
    size, shards = path.stat().st_size, []
    with path.open("rb") as source:
        for index in range(max(1, parts)):
            shard = path.with_name(f"{path.stem}-part{index}{path.suffix}")
            with shard.open("wb") as out:
                end = size * (index + 1) // max(1, parts)
                while source.tell() < end and (block := source.read(min(1 << 20, end - source.tell()))):
                    out.write(block)
                out.write(source.readline())  # to the end of the line the cut fell in
            shards.append(shard)
    return shards


def baseline(spec: dict) -> dict:
    """Load one N-Quads file into pyoxigraph (on disk) or rdflib (memory); time the queries."""
    nquads, queries = Path(spec["nquads"]), [q for q in named_queries() if q.name in spec["queries"]]
    started, extra = time.perf_counter(), {}
    if spec["engine"] == "rdflib":
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(str(nquads), format="nquads")
        load = time.perf_counter() - started
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

        def once(query: Query) -> None:
            sum(1 for _ in dataset.query(head + query.text))
    else:
        shards = split_lines(nquads, os.cpu_count() or 1)  # as kg extract writes them on shards
        started = time.perf_counter()
        bulk = open_store(Path(spec["store"]) / "bulk")
        if errors := bulk.bulk_load_files(shards):  # the bulk loader, one file per core, as kg load
            raise RuntimeError(f"bulk load failed: {errors}")
        bulk.close()
        load = time.perf_counter() - started
        for shard in shards:
            shard.unlink()
        started = time.perf_counter()
        single = open_store(Path(spec["store"]) / "single")
        single.load_file(nquads, bulk=True)  # one file, as ingest's large batches
        single.close()
        extra["load_one_file_s"] = time.perf_counter() - started
        started = time.perf_counter()  # what a later session pays instead of parsing again
        with open_store(Path(spec["store"]) / "bulk", read_only=True) as again:
            again.query("ASK { ?s ?p ?o }")
        extra["reopen_s"] = time.perf_counter() - started
        started = time.perf_counter()  # like for like with rdflib: a store in memory
        open_store("memory").load_file(nquads, bulk=True)
        extra["load_memory_s"] = time.perf_counter() - started
        started = time.perf_counter()
        store = open_store(Path(spec["store"]) / "transaction")
        store.load_file(nquads)  # one transaction, as ingest uses for small batches
        extra["load_transaction_s"] = time.perf_counter() - started

        def once(query: Query) -> None:
            run_once(store, query, {})
    timings = {}
    for query in queries:
        try:
            timings[query.name] = percentiles(repeat(lambda q=query: once(q), spec["reps"], spec["budget"]))
        except Exception as exc:  # rdflib lacks some SPARQL 1.1 functions Oxigraph has
            timings[query.name] = {"error": f"{type(exc).__name__}: {str(exc)[:120]}"}
    return {"load_s": load, **extra, "peak_rss_mb_main": own_peak_mb(), "queries": timings}


def _extractor(spec: dict) -> Callable:
    if spec.get("extractor") == "gold":
        from benchmarks.gold import gold_extract

        return gold_extract
    from kg.extract import extract

    return extract


MODES = {"embedded": embedded, "remote": remote, "baseline": baseline}

if __name__ == "__main__":
    mode, argument = sys.argv[1], json.loads(sys.argv[2])
    print(json.dumps(MODES[mode](argument)))
