"""p50 and p95 of every named query, each case with a time limit.

A query cannot be interrupted inside Oxigraph, so the cases run in a child process that
prints one JSON line per case; when a case overruns the limit the child is killed, the
case recorded as over the limit, and a new child carries on with the next case.

Each named query is timed unbound (when all its parameters are optional: every house,
every person) and as its ``# example:`` runs it, with a value of the declared type taken
from the store (its most-mentioned brand, person, product or campaign).
"""
from __future__ import annotations

import json
import math
import queue
import re
import statistics
import subprocess
import sys
import threading
import time

import pyoxigraph as ox

from kg.query import Query, named_queries, run
from kg.store import Store, open_store
from kg.vocab import ENTITY_TYPES

_EXAMPLE_PARAM = re.compile(r"--param\s+(\w+)=(\"[^\"]*\"|\S+)")


def popular_labels(store: Store) -> dict[str, str]:
    """Per type, the entity in most relations (a heavy, realistic parameter value): by its
    label when no other entity of the type has it, else by its IRI."""
    labels = {}
    for kind in ENTITY_TYPES:
        rows = store.query(f"""SELECT ?e ?label (COUNT(*) AS ?n) WHERE {{
            GRAPH ?a {{ {{ ?e ?p ?x }} UNION {{ ?x ?p ?e }} ?e a fkg:{kind} ; rdfs:label ?label }}
            FILTER(?p IN (fkg:ambassadorOf, fkg:photographedBy, fkg:features, fkg:brand, fkg:creativeDirectorOf))
            }} GROUP BY ?e ?label ORDER BY DESC(?n) LIMIT 10""").rows or ()
        candidates = [(row[0].value, row[1].value) for row in rows]
        for _iri, label in candidates:
            same = store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) ?label WHERE {{ ?e a fkg:{kind} ; "
                               "rdfs:label ?label } GROUP BY ?label", {"label": ox.Literal(label)}).rows
            if int(next(same)[0].value) == 1:
                labels[kind] = label
                break
        else:
            if candidates:
                labels[kind] = candidates[0][0]
    return labels


def query_cases(labels: dict[str, str]) -> list[tuple[str, Query, dict[str, str]]]:
    """(case name, query, parameters) for every named query, unbound and as its example."""
    cases = []
    for query in named_queries():
        if not any(p.required for p in query.params) and not query.needs:
            cases.append((query.name, query, {}))
        specs = {p.name: p for p in query.params}
        example = {k: v.strip('"') for k, v in _EXAMPLE_PARAM.findall(query.example)}
        example.update({name: "" for name, spec in specs.items() if spec.required and name not in example})
        params = {}
        for name, value in example.items():
            kind = specs[name].type if name in specs else "auto"
            params[name] = labels.get("Brand" if kind == "entity" else kind, value)
        if params:
            cases.append((f"{query.name} {' '.join(f'{k}={v}' for k, v in params.items())}", query, params))
    return cases


def run_once(store: Store, query: Query, params: dict[str, str]) -> int:
    """Run and consume the answer; the number of rows (or triples)."""
    result = run(store, query, params)
    if result.kind == "select":
        return sum(1 for _ in result.rows or ())
    return len(result.triples or ()) if result.kind == "graph" else 1


def repeat(once, reps: int, budget: float) -> list[float]:
    """Seconds per call of ``once()``: up to ``reps`` calls, stopping after ``budget`` seconds."""
    times: list[float] = []
    deadline = time.perf_counter() + budget
    while len(times) < reps and (not times or time.perf_counter() < deadline):
        started = time.perf_counter()
        once()
        times.append(time.perf_counter() - started)
    return sorted(times)


def percentiles(times: list[float]) -> dict:
    """Median and 95th percentile (nearest rank) of sorted ``times``, in milliseconds."""
    return {"p50_ms": statistics.median(times) * 1000, "p95_ms": times[math.ceil(0.95 * len(times)) - 1] * 1000,
            "runs": len(times)}


def _child(spec: dict) -> None:
    """Time the cases from ``spec['start']`` on, one JSON line each (run in a child process)."""
    location = spec["store"]
    with open_store(location, read_only=not location.startswith("http")) as store:
        labels = spec.get("labels") or popular_labels(store)
        print(json.dumps({"labels": labels}), flush=True)
        for name, query, params in query_cases(labels)[spec["start"]:]:
            print(json.dumps({"case": name}), flush=True)
            try:
                rows = run_once(store, query, params)  # warm up: caches, entity names resolved
                times = repeat(lambda q=query, p=params: run_once(store, q, p), spec["reps"], spec["budget"])
                figures = {**percentiles(times), "rows": rows}
            except Exception as exc:  # a query being rewritten must not stop the others
                figures = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
            print(json.dumps({"name": name, **figures}), flush=True)


def _forward(child: subprocess.Popen, lines: queue.Queue) -> None:
    for line in child.stdout:
        lines.put(line)
    lines.put(None)


def time_queries(location: str, reps: int, budget: float, limit: float) -> dict[str, dict]:
    """Every case's figures; a case (warm-up and runs) past ``limit`` seconds is cut short."""
    results: dict[str, dict] = {}
    start, labels = 0, None
    while True:
        spec = {"store": location, "reps": reps, "budget": budget, "start": start, "labels": labels}
        child = subprocess.Popen([sys.executable, "-m", "benchmarks.query_times", json.dumps(spec)],
                                 stdout=subprocess.PIPE, text=True)
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_forward, args=(child, lines), daemon=True).start()
        running = None
        while True:
            try:
                line = lines.get(timeout=limit if running else 600)
            except queue.Empty:
                child.kill()
                child.wait()
                results[running or "?"] = {"error": f"over {limit:.0f} s"}
                start += 1
                break
            if line is None:
                child.wait()
                return results
            record = json.loads(line)
            if "labels" in record:
                labels = record["labels"]
            elif "case" in record:
                running = record["case"]
            else:
                results[record.pop("name")] = record
                running = None
                start += 1


if __name__ == "__main__":
    _child(json.loads(sys.argv[1]))
