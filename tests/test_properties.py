"""Property-based tests (hypothesis) on the reader and the extractor: arbitrary input never
crashes them, every IRI produced is valid, and every article graph can be stored.

Two kinds of input: arbitrary text and bytes (to find crashes), and fashion-news-shaped
text built from names and trigger phrases with arbitrary noise between (so the extractor
actually finds entities and relations whose IRIs and literals can be checked).
"""
from __future__ import annotations

import html
import json
import unicodedata

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

from kg.decode import clean_url, decode
from kg.errors import BadArticle
from kg.extract import extract
from kg.ids import entity_iri
from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdfmap import quads, to_ntriples
from kg.read import read_html, read_jsonl, read_markdown
from kg.store import ArticleGraph, open_store
from kg.vocab import ENTITY_TYPES, RELATIONS

SOME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BRANDS = ["Gucci", "Balenciaga", "Chloé", "Hermès", "Saint Laurent", "Dolce & Gabbana", "Miu Miu", "Loewe"]
PEOPLE = ["Kendall Jenner", "Kim Kardashian", "Zoë Kravitz", "Timothée Chalamet", "Rosalía", "David Sims",
          "Inez van Lamsweerde", "Demna"]
TEMPLATES = [
    "{b} names {p} ambassador.", "{b} has named {p} its new global ambassador.",
    "The {c} campaign was shot by {p}.", "{p} stars in the {c} campaign for {b}.",
    "{p} is creative director of {b}.", "{b}, owned by Kering, unveiled the {x} bag.",
    "The {c} campaign features the {x} bag by {b}.", "{p}, the former face of {b}, left in 2021.",
]
CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f", "\ud800", "\ufffe"}

word = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=12)
name = st.one_of(word.map(str.title), st.sampled_from(["<script>x</script>", "a\"b", "%zz", "Ω̈", "x\ny"]))
sentence = st.builds(lambda t, b, p, c, x: t.format(b=b, p=p, c=c, x=x), st.sampled_from(TEMPLATES),
                     st.sampled_from(BRANDS), st.sampled_from(PEOPLE), name, name)
noise = st.text(max_size=40)
body = st.lists(st.one_of(sentence, sentence, noise), min_size=1, max_size=8).map(" ".join)
url = st.one_of(st.text(max_size=30), st.sampled_from(["https://e.com/a b", "javascript:alert(1)", "http://",
                                                      "https://e.com/café?q=<1>", "https://[::1]/x"]))
markdown_doc = st.builds(lambda u, t, d, b: f"---\nurl: {u}\ntitle: {t}\npublished: {d}\n---\n# {t}\n\n{b}\n",
                         url.map(lambda s: s.replace("\n", " ")), word, st.dates().map(str), body)


def html_tree(leaf: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """HTML from safe tags holding text and dangerous tags holding MARKER."""
    safe = st.sampled_from(["p", "div", "article", "span", "b", "li", "blockquote", "main", "figcaption"])
    danger = st.sampled_from(["script", "style", "iframe", "form", "noscript", "template", "textarea", "svg",
                              "select", "button"])
    return st.recursive(
        leaf.map(html.escape),
        lambda inner: st.one_of(
            st.builds(lambda t, kids: f"<{t}>{''.join(kids)}</{t}>", safe, st.lists(inner, max_size=4)),
            st.builds(lambda t, kids: f"<{t}>MARKER{''.join(kids)}</{t}>", danger, st.lists(inner, max_size=3)),
        ),
        max_leaves=12,
    )


def article_of(text: str) -> Article:
    return Article(id="https://e.com/a", url="https://e.com/a", title=text[:20], text=text, source="a.md")


def assert_valid_rdf(extraction: Extraction) -> None:
    """Every IRI parses as an IRI, and the graph's triples (N-Triples terms, with Turtle's
    long strings for multi-line text) parse and load into a store."""
    for quad in quads(extraction):
        for term in quad:
            if isinstance(term, URIRef):
                ox.NamedNode(str(term))
    iri, ntriples = to_ntriples(extraction)
    list(ox.parse(ntriples.encode("utf-8"), ox.RdfFormat.TURTLE))
    with open_store("memory") as store:
        store.write([ArticleGraph(iri, ntriples, "h")])


@SOME
@given(st.text())
def test_read_markdown_never_crashes_and_leaves_no_controls(text):
    try:
        article = read_markdown(text, "a.md")
    except BadArticle:
        return
    assert not CONTROL & set(article.text + article.title)


@SOME
@given(st.text())
def test_read_html_never_crashes_on_arbitrary_text(text):
    try:
        read_html(text, "a.html")
    except BadArticle:
        pass


@SOME
@given(html_tree(st.text(max_size=20).filter(lambda s: "MARKER" not in s)))
def test_read_html_dangerous_tag_content_never_becomes_text(page):
    try:
        article = read_html(f"<html><body>{page}</body></html>", "a.html")
    except BadArticle:
        return
    assert "MARKER" not in article.text


@SOME
@given(st.text())
def test_read_markdown_html_block_content_never_becomes_text(text):
    doc = f"# T\n\n{text}\n<script>MARKER</script>\n<iframe src=x>MARKER</iframe>\n<!-- MARKER -->\nEnd."
    try:
        article = read_markdown(doc, "a.md")
    except BadArticle:
        return
    assert "MARKER" not in article.text.replace(text, "")


@SOME
@given(st.text())
def test_read_jsonl_never_crashes_on_arbitrary_text(text):
    assert all(isinstance(item, Article | BadArticle) for item in read_jsonl(text, "f.jsonl"))


json_value = st.recursive(st.none() | st.booleans() | st.floats() | st.integers() | st.text(),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                          max_leaves=8)
record = st.fixed_dictionaries({}, optional={k: json_value for k in ("text", "url", "title", "published")})


@SOME
@given(st.lists(record, max_size=5))
def test_read_jsonl_never_crashes_on_odd_records(records):
    lines = "\n".join(json.dumps(r) for r in records)
    assert all(isinstance(item, Article | BadArticle) for item in read_jsonl(lines, "f.jsonl"))


@SOME
@given(st.binary(max_size=300))
def test_decode_never_crashes_and_leaves_no_controls(data):
    try:
        text = decode(data, "a.md")
    except BadArticle:
        return
    assert not CONTROL & set(text)


@SOME
@given(st.text())
def test_clean_url_returns_only_valid_http_iris(value):
    result = clean_url(value)
    if result is not None:
        ox.NamedNode(result)
        assert result.lower().startswith(("http://", "https://"))


@FEW
@given(st.text())
def test_extract_never_crashes_on_arbitrary_text(text):
    extract(article_of(text))


@FEW
@given(markdown_doc)
def test_extract_of_read_markdown_gives_valid_iris_and_storable_rdf(doc):
    try:
        article = read_markdown(doc, "dir with space/naïve.md")
    except BadArticle:
        return
    assert_valid_rdf(extract(article))


@FEW
@given(html_tree(sentence))
def test_extract_of_read_html_gives_valid_iris_and_storable_rdf(page):
    try:
        article = read_html(f"<html><body><article>{page}</article></body></html>", "a.html")
    except BadArticle:
        return
    assert_valid_rdf(extract(article))


@SOME
@given(st.sampled_from(ENTITY_TYPES), st.text(), st.one_of(st.none(), st.text()))
def test_entity_iri_is_always_valid(kind, entity_name, brand):
    ox.NamedNode(entity_iri(kind, entity_name, brand))


entity = st.builds(Entity, st.sampled_from(ENTITY_TYPES), st.text(min_size=1), st.sets(st.text(), max_size=2),
                   st.one_of(st.none(), st.text()), st.one_of(st.none(), st.text()), st.lists(st.text(), max_size=2))


@FEW
@given(st.lists(entity, min_size=2, max_size=5), st.text(), url, st.text())
def test_any_extraction_maps_to_valid_iris_and_storable_rdf(entities, text, article_url, sentence_text):
    pairs = [(a.key, b.key) for a, b in zip(entities, entities[1:], strict=False)]
    relations = [Relation(s, RELATIONS[i % len(RELATIONS)], o, Evidence(sentence_text, 0, 5, 0.5))
                 for i, (s, o) in enumerate(pairs)]
    article_url = clean_url(article_url)  # as every reader does
    article = Article(id=article_url or "a.md", url=article_url, title=text[:30], text=text,
                      source=unicodedata.normalize("NFC", text[:10]) + ".md")
    assert_valid_rdf(Extraction(article, entities, relations, "test/1"))


@FEW
@given(markdown_doc)
def test_extract_of_read_markdown_passes_the_shapes(doc):
    from kg.validate import validate_graph

    try:
        article = read_markdown(doc, "a.md")
    except BadArticle:
        return
    graph = Graph()
    graph.addN((s, p, o, graph) for s, p, o, _ in quads(extract(article)))
    report = validate_graph(graph)
    assert report.conforms, "\n".join(map(str, report.violations))
