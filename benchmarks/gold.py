"""Gold files of the synthetic corpus: as an extractor (to load realistic graphs whatever
state ``kg.extract`` is in) and as the answer key (precision, recall, F1).

Scoring matches names the way the evaluation's ``score.py`` does at its core (case,
accents, quotes, hyphens, "&", a leading "the", a trailing "bag"/"campaign", honorifics,
any alias). Pass ``score_py`` (the path of that script) to score with its own matching.
"""
from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.model import Article, Entity, Evidence, Extraction, Relation
from kg.rdfmap import to_dataset

PREDICATES = ("ambassadorOf", "photographedBy", "features", "brand", "creativeDirectorOf")


def gold_path(article: Article) -> Path:
    return Path(article.source).with_suffix(".gold.json")


def gold_extract(article: Article) -> Extraction:
    """The article's gold entities and relations as an ``Extraction`` (an oracle extractor)."""
    gold = json.loads(gold_path(article).read_text(encoding="utf-8"))
    owner = {s: o for s, p, o in gold["relations"] if p == "brand"}
    entities = {e["name"]: Entity(e["type"], e["name"], set(e["aliases"]), brand=owner.get(e["name"]))
                for e in gold["entities"]}
    relations = []
    for s, p, o in gold["relations"]:
        start, end = _sentence(article.text, o if o in article.text else s)
        evidence = Evidence(article.text[start:end], start, end, 1.0)
        relations.append(Relation(entities[s].key, p, entities[o].key, evidence))
    return Extraction(article, list(entities.values()), relations, "gold")


def _sentence(text: str, name: str) -> tuple[int, int]:
    """The span of the first sentence naming ``name`` (the whole text when none does)."""
    at = text.find(name)
    if at < 0:
        return 0, len(text)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    ends = [i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ı": "i"})


def norm(name: str) -> str:
    """A name folded for matching (a subset of score.py's ``norm``)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_FOLD)
    text = re.sub(r"[\"\u201c\u201d\u2018\u2019'#]", "", text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    text = re.sub(r"\s*&\s*", " and ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)|,", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(the|mr|ms|mrs|dr|dame) ", "", text)
    return re.sub(r" (bag|handbag|campaign)$", "", text)


@dataclass
class Scores:
    """Counts per predicate and for entity types, summed over articles."""

    counts: dict[str, Counter] = field(default_factory=lambda: {p: Counter() for p in PREDICATES})
    types: Counter = field(default_factory=Counter)
    articles: int = 0

    def add(self, key: str | None, gold: set, predicted: set) -> None:
        counter = self.types if key is None else self.counts[key]
        counter["tp"] += len(gold & predicted)
        counter["fp"] += len(predicted - gold)
        counter["fn"] += len(gold - predicted)

    @staticmethod
    def prf(c: Counter) -> tuple[float, float, float]:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def relations(self) -> tuple[float, float, float]:
        return self.prf(sum(self.counts.values(), Counter()))


class Scorer:
    """Scores extractions against gold files, with the built-in matching or score.py's."""

    def __init__(self, score_py: Path | None = None) -> None:
        self.official = _load_module(score_py) if score_py else None
        self.scores = Scores()

    def add(self, extraction: Extraction) -> None:
        path = gold_path(extraction.article)
        self.scores.articles += 1
        if self.official:
            surface, gtypes, grels, campaigns, brands = self.official.load_gold(path)
            prels, ptyped = self.official.predicted(to_dataset([extraction]), surface, campaigns, brands)
        else:
            gtypes, grels, prels, ptyped = _builtin(json.loads(path.read_text(encoding="utf-8")), extraction)
        for p in PREDICATES:
            self.scores.add(p, {r for r in grels if r[1] == p}, {r for r in prels if r[1] == p})
        self.scores.add(None, set(gtypes.items()), set(ptyped))


def _builtin(gold: dict, extraction: Extraction) -> tuple[dict, set, set, set]:
    surface, types = {}, {}
    for entity in gold["entities"]:
        types[norm(entity["name"])] = entity["type"]
        for form in (entity["name"], *entity["aliases"]):
            surface.setdefault(norm(form), norm(entity["name"]))
    grels = {(norm(s), p, norm(o)) for s, p, o in gold["relations"]}

    def key(entity: Entity) -> str:
        for form in (entity.name, *sorted(entity.aliases)):
            if norm(form) in surface:
                return surface[norm(form)]
        return norm(entity.name)

    keys = {e.key: key(e) for e in extraction.entities}
    prels = {(keys[r.subject], r.predicate, keys[r.object]) for r in extraction.relations
             if r.predicate in PREDICATES and r.subject in keys and r.object in keys}
    ptyped = {(keys[e.key], e.type) for e in extraction.entities}
    return types, grels, prels, ptyped


def _load_module(path: Path):
    spec = importlib.util.spec_from_file_location("kg_bench_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
