"""Fuzz the readers and the extractor for a bounded time and print what was found.

A seeded mutation fuzzer (not coverage-guided): it takes the sample articles and a few
hostile seeds (HTML with scripts, JSONL, legacy encodings), mutates them (byte flips,
splices, hostile snippets, long runs of markup characters, re-encoding, truncation) and
runs each input through the whole read -> extract -> RDF path as a file of each kind
(.md, .html, .jsonl). A finding is an exception other than ``BadArticle``, an invalid IRI,
RDF the store cannot parse, script or iframe content that became text, or an input that
takes longer than ``--timeout`` seconds. Findings are grouped by where they happened.

    python -m benchmarks.fuzz --seconds 60
    python -m benchmarks.fuzz --seconds 600 --seed 7 --save /tmp/fuzz-findings --shacl
"""
from __future__ import annotations

import argparse
import io
import random
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.decode import decode
from kg.errors import BadArticle
from kg.extract import extract
from kg.rdfmap import quads, to_ntriples
from kg.read import read_html, read_jsonl_stream, read_markdown
from kg.resources import resource

MARKER = "FUZZMARKER"
HOSTILE_SEEDS = [
    f"<html><head><title>Dior</title><script>var a='{MARKER}';</script></head><body><article>"
    f"<p>Dior names Rosalía ambassador.</p><iframe>{MARKER}</iframe><form><input value='{MARKER}'>"
    f"<label>{MARKER}</label></form><p>The Lady campaign was shot by Inez van Lamsweerde.</p></article>"
    "</body></html>",
    '{"text": "Gucci names Kendall Jenner ambassador.", "url": "https://e.com/g", "title": "G"}\n'
    '{"text": "Loewe\'s Puzzle bag stars in the campaign shot by Tyler Mitchell."}\n',
    "---\nurl: https://e.com/x\ntitle: Chloé\npublished: 2024-03-05\n---\n# Chloé names Zoë Kravitz face\n\n"
    "Chloé has named Zoë Kravitz the face of its Paddington campaign, photographed by David Sims.\n",
]
SNIPPETS = ["<script>", f"{MARKER}</script>", "<iframe>", "</p>", "<!--", "]]>", "\x00", "\ufeff", "\u2028",
            "\u202e", "\ud800", '"""', "\\", "[", "](", "**", "__", "\n# ", "\n---\n", "{", "}", "\"", "\n\n",
            "Ms. ", "Jan. 5, 2024", " by ", " ambassador ", " campaign ", "Hermès", "&amp;", "&#0;", "%zz",
            "javascript:", "https://e.com/a b", "\r", "\t", "\x85", "\uffff"]
STOP_SCRIPT = {"script", "iframe", "form", "style", "template", "noscript"}


class Timeout(Exception):
    """One input ran longer than --timeout."""


@dataclass
class Findings:
    runs: Counter = field(default_factory=Counter)
    found: dict[str, tuple[int, bytes, str]] = field(default_factory=dict)  # key -> (count, input, detail)

    def add(self, key: str, data: bytes, detail: str) -> None:
        count, best, _ = self.found.get(key, (0, data, detail))
        smaller = data if len(data) < len(best) else best
        self.found[key] = (count + 1, smaller, detail)


def seeds() -> list[bytes]:
    """The sample articles and the hostile seeds, as bytes."""
    folder = resource("data", "articles")
    found = [p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()] if folder.is_dir() else []
    return found + [s.encode("utf-8") for s in HOSTILE_SEEDS]


def mutate(data: bytes, pool: list[bytes], rng: random.Random) -> bytes:
    """One to four random edits of ``data``."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        where = rng.randint(0, len(data))
        choice = rng.randrange(9)
        if choice == 0 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif choice == 1:
            data[where:where] = rng.choice(SNIPPETS).encode("utf-8", "surrogatepass")
        elif choice == 2:
            data[where:where] = rng.choice(["[", "*", "<", "(", "_", "#", "<div>", "a ", "\\"]).encode() * rng.choice(
                [10, 100, 1000, 5000])
        elif choice == 3:
            other = rng.choice(pool)
            start = rng.randint(0, len(other))
            data[where:where] = other[start:start + rng.randint(1, 400)]
        elif choice == 4 and data:
            del data[where:where + rng.randint(1, 200)]
        elif choice == 5:
            data = bytearray(data[:where])
        elif choice == 6:
            text = bytes(data).decode("utf-8", "ignore")
            data = bytearray(text.encode(rng.choice(["cp1252", "latin-1", "utf-16", "utf-8-sig"]), "ignore"))
        elif choice == 7:
            data[where:where] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            chunk = data[where:where + rng.randint(1, 60)]
            data[where:where] = bytes(chunk) * rng.randint(2, 50)
    return bytes(data)


def run_one(data: bytes, kind: str, shacl: bool) -> str | None:
    """Read ``data`` as a ``kind`` file, extract and map every article; a problem or None."""
    if kind == "jsonl":
        items = list(read_jsonl_stream(io.BytesIO(data), "fuzz.jsonl", 2_000_000))
    else:
        try:
            text = decode(data, f"fuzz.{kind}")
            items = [read_html(text, "fuzz.html") if kind == "html" else read_markdown(text, "fuzz.md")]
        except BadArticle:
            return None
    for article in items:
        if isinstance(article, BadArticle):
            continue
        if kind == "html" and MARKER in article.text and not _marker_in_plain_text(data):
            return "script/iframe/form content became text"
        extraction = extract(article)
        for quad in quads(extraction):
            for term in quad:
                if isinstance(term, URIRef):
                    ox.NamedNode(str(term))  # ValueError: an invalid IRI
        _, triples = to_ntriples(extraction)
        list(ox.parse(triples.encode("utf-8"), ox.RdfFormat.TURTLE))
        if shacl:
            from kg.validate import validate_graph

            graph = Graph()
            graph.addN((s, p, o, graph) for s, p, o, _ in quads(extraction))
            report = validate_graph(graph)
            if not report.conforms:
                return "SHACL: " + str(report.violations[0])
    return None


def _marker_in_plain_text(data: bytes) -> bool:
    """The marker also stands outside any dropped element (mutations move it around)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode(data, "fuzz.html"), "html.parser")
    for tag in soup(list(STOP_SCRIPT)):
        tag.decompose()
    return MARKER in soup.get_text()


def where_from(exc: BaseException) -> str:
    """The innermost frame inside kg/ (file:line function), else the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if "/kg/" in f.filename] or frames
    frame = inside[-1]
    return f"{frame.filename.rsplit('/kg/', 1)[-1]}:{frame.lineno} {frame.name}"


def _alarm(signum: int, frame: object) -> None:
    raise Timeout()


def fuzz(seconds: float, seed: int, timeout: float, shacl: bool, save: Path | None) -> Findings:
    """Run until ``seconds`` have passed."""
    rng = random.Random(seed)
    pool = seeds()
    findings = Findings()
    signal.signal(signal.SIGALRM, _alarm)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng.choice(pool), pool, rng)
        kind = rng.choice(["md", "html", "jsonl", "txt"])
        findings.runs[kind] += 1
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            problem = run_one(data, kind, shacl)
            key, detail = (f"{kind}: {problem}" if problem else None), ""
        except Timeout:
            key, detail = f"{kind}: slower than {timeout:g} s", ""
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            key, detail = f"{kind}: {type(exc).__name__} at {where_from(exc)}", str(exc)[:200]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if key:
            findings.add(key, data, detail)
        elif rng.random() < 0.02 and len(pool) < 400 and len(data) < 200_000:
            pool.append(data)  # keep some survivors as new seeds
    if save:
        save.mkdir(parents=True, exist_ok=True)
        for number, (key, (_, data, _)) in enumerate(sorted(findings.found.items()), start=1):
            (save / f"finding-{number:02d}.{key.split(':')[0]}").write_bytes(data)
    return findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to fuzz (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="random seed, for a repeatable run")
    parser.add_argument("--timeout", type=float, default=5, help="seconds one input may take (default 5)")
    parser.add_argument("--shacl", action="store_true", help="also validate each graph against shapes.ttl")
    parser.add_argument("--save", type=Path, help="write the smallest input of each finding here")
    args = parser.parse_args(argv)
    started = time.monotonic()
    findings = fuzz(args.seconds, args.seed, args.timeout, args.shacl, args.save)
    elapsed = time.monotonic() - started
    total = sum(findings.runs.values())
    runs = ", ".join(f"{kind} {n:,}" for kind, n in sorted(findings.runs.items()))
    print(f"fuzzed {total:,} inputs in {elapsed:.0f} s ({total / elapsed:,.0f}/s; {runs}), seed {args.seed}")
    if not findings.found:
        print("found nothing: no crash, invalid IRI, unparsable RDF, leaked script text or slow input")
        return 0
    print(f"found {len(findings.found)} distinct problem(s):")
    for key, (count, data, detail) in sorted(findings.found.items(), key=lambda kv: -kv[1][0]):
        print(f"  {count:5d} x {key}" + (f": {detail}" if detail else ""))
        print(f"          smallest input ({len(data):,} bytes): {data[:160]!r}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
