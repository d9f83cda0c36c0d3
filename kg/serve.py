"""A read-only SPARQL 1.1 Protocol endpoint over the on-disk store.

The endpoint is Oxigraph's own server (``oxigraph serve-read-only``, from the ``oxigraph``
package), not a hand-written one: it speaks the SPARQL 1.1 Protocol to YASGUI, Protégé,
SPARQLWrapper and curl, refuses updates (HTTP 403), and with ``--union-default-graph``
answers over the union of all article graphs, as ``kg query`` does. It binds 127.0.0.1.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from .errors import NothingToServe, ServeError, StoreMissing
from .store import store_spec

HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program installed beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6'")
    return found


def free_port(port: int = 0) -> int:
    """``port`` (any when 0) on 127.0.0.1, if nothing listens on it right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {HOST}:{port}: {exc.strerror}; try --port N") from None
        return sock.getsockname()[1]


class Endpoint:
    """A running ``oxigraph serve-read-only`` process; a context manager that stops it."""

    def __init__(self, spec: str | None = None, port: int = DEFAULT_PORT, timeout: int = 60) -> None:
        location = store_spec(spec)
        if location == "memory":
            raise NothingToServe("an in-memory store holds nothing to serve; "
                                 "pass --store DIR (an on-disk store)")
        if location.startswith(("http://", "https://")):
            raise NothingToServe(f"{location} is already a SPARQL endpoint; query it directly")
        self.location = Path(location)
        if not self.location.is_dir():
            raise StoreMissing(f"no store at {self.location}: run `kg ingest` first or pass --store")
        self.port = port  # 0 until started: any free port
        self.timeout = timeout
        self._process: subprocess.Popen | None = None
        self._log = None  # the server's output, read when it fails to start

    @property
    def url(self) -> str:
        """The server's root: Oxigraph's YASGUI query editor."""
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return f"{self.url}/query"

    def command(self) -> list[str]:
        """The server's command line."""
        return [oxigraph_binary(), "serve-read-only", "--location", str(self.location),
                "--bind", f"{HOST}:{self.port}", "--union-default-graph", "--timeout-s", str(self.timeout)]

    def start(self, wait: float = 15.0) -> Endpoint:
        """Start the server and return once it answers a query (or raise ``ServeError``)."""
        self.port = free_port(self.port)
        self._log = tempfile.TemporaryFile()
        # its own session: Ctrl-C reaches only kg, which then stops the server in order
        self._process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=self._log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_until_ready(wait)
        except BaseException:  # a failed start or Ctrl-C while starting: leave nothing running
            self.stop()
            raise
        return self

    def _wait_until_ready(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise ServeError(f"the oxigraph server stopped: {self._output() or 'no message'}")
            if self._answers():
                return
            time.sleep(0.05)
        raise ServeError(f"the oxigraph server did not answer on {self.url} within {wait:.0f} s")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=1) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def _output(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def wait(self) -> int:
        """Block until the server exits; its exit status."""
        return self._process.wait() if self._process else 0

    def stop(self) -> None:
        """Stop the server (terminate, then kill if it lingers)."""
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> Endpoint:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
