"""No code path touches the network except an explicit remote store URL (kg/store.py) and
the local SPARQL server (kg/serve.py).

Two checks: the commands run with every socket connect and name lookup recording the
attempt and failing; and a scan of kg/ for network modules imported anywhere else.
"""
from __future__ import annotations

import ast
import re
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

KG = Path(__file__).resolve().parent.parent / "kg"
ALLOWED = {"store.py", "serve.py"}
NETWORK_MODULES = {"socket", "ssl", "urllib.request", "http.client", "http.server", "requests", "httpx",
                   "aiohttp", "ftplib", "smtplib", "webbrowser", "xmlrpc.client", "asyncio"}
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import\s+(?:url\()?["']?https?://""", re.I)
PAGE = """<html><head><title>Gucci</title><link rel="stylesheet" href="https://cdn.example/x.css">
<script src="https://cdn.example/x.js"></script><meta property="og:url" content="https://example.com/gucci">
</head><body><article><p>Gucci names Kendall Jenner ambassador.</p>
<img src="https://img.example/a.jpg"><iframe src="https://evil.example/"></iframe></article></body></html>"""


@pytest.fixture
def no_network(monkeypatch) -> list[str]:
    """Every attempted IP connect, bind or send and every name lookup; each also fails.
    Unix-domain sockets (multiprocessing's local IPC) are left alone."""
    attempts: list[str] = []

    def guard(name: str):
        original = getattr(socket.socket, name)

        def guarded(self: socket.socket, *args, **kw):
            if self.family not in (socket.AF_INET, socket.AF_INET6):
                return original(self, *args, **kw)
            attempts.append(f"socket.{name}{args}")
            raise OSError(f"network use in a test: socket.{name}{args}")
        return guarded

    def refuse(name: str):
        def refused(*args, **kw):
            attempts.append(f"{name}{args}")
            raise OSError(f"network use in a test: {name}{args}")
        return refused

    for name in ("connect", "connect_ex", "bind", "sendto"):
        monkeypatch.setattr(socket.socket, name, guard(name))
    for name in ("getaddrinfo", "gethostbyname", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "gucci.html").write_text(PAGE)
    (folder / "balenciaga.md").write_text(
        "---\nurl: https://example.com/balenciaga\n---\n# Balenciaga names Kim Kardashian ambassador\n\n"
        "Balenciaga has named Kim Kardashian ambassador. ![x](https://img.example/b.jpg)\n")
    (folder / "feed.jsonl").write_text('{"text": "Prada names a new ambassador.", "url": "https://example.com/p"}\n')
    return folder


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output + result.stderr
    return result


def test_offline_extract_touches_no_network(no_network, articles):
    run("extract", str(articles), "--format", "nq")
    assert no_network == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_offline_ingest_touches_no_network(no_network, articles, tmp_path, jobs):
    run("ingest", str(articles), "--store", str(tmp_path / "store"), "--jobs", jobs)
    assert no_network == []


def test_offline_read_commands_touch_no_network(no_network, articles, tmp_path):
    store = str(tmp_path / "store")
    run("ingest", str(articles), "--store", store)
    run("query", "-e", "SELECT * WHERE { ?s ?p ?o } LIMIT 5", "--store", store)
    run("stats", "--store", store)
    for fmt in ("ttl", "jsonld", "xml", "graphml"):
        run("export", "--format", fmt, "--store", store)
    CliRunner().invoke(cli, ["validate", "--store", store])
    assert no_network == []


def test_offline_view_loads_nothing_from_the_web(no_network, articles, tmp_path):
    if "view" not in cli.commands:
        pytest.skip("kg view is not written yet")
    store = str(tmp_path / "store")
    run("ingest", str(articles), "--store", store)
    run("view", "-o", str(tmp_path / "view.html"), "--store", store)
    assert no_network == []
    assert EXTERNAL.findall((tmp_path / "view.html").read_text()) == []


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_offline_only_store_and_serve_import_network_modules():
    users = {str(path.relative_to(KG)): sorted(imported_modules(path) & NETWORK_MODULES)
             for path in sorted(KG.rglob("*.py")) if path.name not in ALLOWED or path.parent != KG}
    assert {path: mods for path, mods in users.items() if mods} == {}
