"""fashion-kg: fashion and luxury trade news as a knowledge graph.

Everything the ``kg`` command does is here for a notebook::

    from kg import open_store, ingest, select, to_networkx, view
    store = open_store("memory")
    ingest(store, ["data/articles"])
    rows = select(store, "ambassadors", brand="Balenciaga")   # list of dicts of Python values
    graph = to_networkx(store, brand="Balenciaga")             # networkx.MultiDiGraph
    html = view(store, focus="Kim Kardashian", depth=2)        # a self-contained HTML page
"""
from __future__ import annotations

from .export import export, write_graph
from .extract import EXTRACTOR_VERSION, extract
from .graph import brand_brand, person_brand, person_person, to_networkx
from .ingest import IngestReport, ingest
from .model import Article, Entity, Evidence, Extraction, Relation
from .query import ask, load_query, named_queries, run, select
from .rdfmap import quads, to_dataset
from .read import read_file, read_paths
from .stats import stats
from .store import Store, open_store
from .validate import validate, validate_graph
from .view import render_html, view

__all__ = [
    "Article", "Entity", "Evidence", "Extraction", "Relation", "EXTRACTOR_VERSION", "IngestReport", "Store",
    "ask", "brand_brand", "export", "extract", "ingest", "load_query", "named_queries", "open_store",
    "person_brand", "person_person", "quads", "read_file", "read_paths", "render_html", "run", "select",
    "stats", "to_dataset", "to_networkx", "validate", "validate_graph", "view", "write_graph",
]
