"""The HTML page: template, inlined assets and the Content-Security-Policy that pins them.

Every script and the stylesheet are inline and allowed by their SHA-256 hash; nothing
else may load or run (``default-src 'none'``). Text goes into the page only through
Jinja's autoescaping or inside the JSON data block, whose ``<``, ``>`` and ``&`` are
escaped so no string can close the block.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import jinja2
from markupsafe import Markup

PACKAGE = Path(__file__).resolve().parent.parent  # kg/, holding templates/ and static/
VIS_JS = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")


def page(title: str, notice: str, data: dict, nodes: int, edges: int) -> str:
    """The complete page for the payload ``data``."""
    css, app_js, vis_js = asset("view.css"), asset("view.js"), vis_network_js()
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {_hash(vis_js)} {_hash(app_js)}",
        f"style-src {_hash(css)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return _template().render(
        title=title, notice=notice, csp=Markup(csp), version=_version(), node_count=f"{nodes:,}",
        edge_count=f"{edges:,}", css=Markup(css), vis_js=Markup(vis_js), app_js=Markup(app_js),
        data=Markup(json_block(data)),
    )


def json_block(data: dict) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment, whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def _template() -> jinja2.Template:
    source = (PACKAGE / "templates" / "view.html").read_text(encoding="utf-8")
    return jinja2.Environment(autoescape=True, keep_trailing_newline=True).from_string(source)


@cache
def asset(name: str) -> str:
    """A file of ``kg/static/``."""
    return (PACKAGE / "static" / name).read_text(encoding="utf-8")


@cache
def vis_network_js() -> str:
    """vis-network's standalone build, read from pyvis's package, minus its source-map comment."""
    package, path = VIS_JS
    text = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    body, _, last = text.rstrip().rpartition("\n")  # not splitlines(): the code holds U+2028
    return body if last.startswith("//# sourceMappingURL=") else text


@cache
def _version() -> str:
    try:
        return metadata.version("fashion-kg")
    except metadata.PackageNotFoundError:
        return "dev"
