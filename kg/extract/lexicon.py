"""The lexicons and trigger phrases under ``data/``, validated and loaded once.

Rules are data: adding a brand, an occupation or a trigger phrase is a one-line change
to a file, never to code. A malformed line raises ``LexiconError`` naming file and line.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import LexiconError
from ..ids import fold
from ..resources import resource

TRIGGER_KINDS = {"ambassador", "creative_title", "shot_by", "shot_verb", "not_photographer", "feature_verb",
                 "caption_link", "campaign_cue", "negation", "rumour", "past", "parent"}


@dataclass(frozen=True)
class BrandEntry:
    """One house or group: its canonical name, and whether it is also a person's name."""

    id: str
    name: str
    kind: str = "house"
    parent: str | None = None
    person_name: bool = False
    category: str = ""  # fashion, watch, retailer ...: a retailer's campaigns show other houses' products


@dataclass
class Lexicon:
    """Everything the extractor looks up, keyed for fast matching."""

    brands: dict[str, BrandEntry] = field(default_factory=dict)  # surface form -> entry
    brand_by_id: dict[str, BrandEntry] = field(default_factory=dict)
    nationalities: dict[str, str] = field(default_factory=dict)  # folded demonym -> demonym
    occupations: dict[str, tuple[str, str]] = field(default_factory=dict)  # phrase -> (occupation, kind)
    given_names: set[str] = field(default_factory=set)
    ambiguous_given: set[str] = field(default_factory=set)
    mononyms: dict[str, str] = field(default_factory=dict)  # folded -> as written
    asian_surnames: set[str] = field(default_factory=set)
    surname_particles: set[str] = field(default_factory=set)  # folded: de, van, di ...
    non_entities: set[str] = field(default_factory=set)  # folded
    non_entity_heads: set[str] = field(default_factory=set)  # folded last words of place and event names
    place_nouns: set[str] = field(default_factory=set)  # folded: "the Khumbu glacier" is a place
    non_entity_openers: set[str] = field(default_factory=set)  # folded first words of place names
    places: set[str] = field(default_factory=set)  # folded: never entities, save as a product's name ("Sicily bag")
    product_nouns: set[str] = field(default_factory=set)
    collection_words: set[str] = field(default_factory=set)  # "Couture", "Holiday": kinds of collection
    triggers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def is_given_name(self, token: str) -> bool:
        """Whether a token is a given name; "Sarah-Linh" and "Jean-Baptiste" are, by their first part."""
        if token in self.given_names or token.capitalize() in self.given_names:
            return True
        first, dash, rest = token.partition("-")
        return bool(dash) and rest[:1].isupper() and (first in self.given_names or first.capitalize() in
                                                      self.given_names)


def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def _load_brands(lex: Lexicon, path: Path) -> None:
    entries: list[tuple[BrandEntry, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            entry = BrandEntry(id=rec["id"], name=rec["name"], kind=rec.get("kind", "house"),
                               parent=rec.get("parent"), person_name=bool(rec.get("person_name")),
                               category=str(rec.get("category") or ""))
            aliases = [str(a) for a in rec.get("aliases") or []]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise LexiconError(f"{path}:{number}: bad brand entry ({exc})") from None
        if any(e.id == entry.id for e, _ in entries):
            raise LexiconError(f"{path}:{number}: brand id {entry.id!r} is given twice")
        entries.append((entry, aliases))
    groups = {e.id for e, _ in entries if e.kind == "group"}
    for entry, _ in entries:
        if entry.parent and entry.parent not in groups:
            raise LexiconError(f"{path}: {entry.id!r} has parent {entry.parent!r}, which is no group entry")
    for entry, aliases in entries:
        lex.brand_by_id[entry.id] = entry
        for form in {entry.name, entry.name.upper(), *aliases}:
            if len(form) < 2:
                continue
            lex.brands.setdefault(form, entry)
            plain = fold(form)
            if plain != form.casefold():  # accent-free spelling: Chloe for Chloé
                lex.brands.setdefault(form.translate(str.maketrans("éèêëáàâäíïîóöôúüûçñ", "eeeeaaaaiiiooouuucn")),
                                      entry)


@cache
def load_lexicon() -> Lexicon:
    """Load and validate every lexicon file (once per process)."""
    lex = Lexicon()
    lexicons = resource("data", "lexicons")
    patterns = resource("data", "patterns")
    brands = lexicons / "brands.jsonl"
    if not brands.exists():
        raise LexiconError(f"{brands}: brand lexicon missing")
    _load_brands(lex, brands)
    for path, target in ((lexicons / "nationalities.csv", "nat"), (lexicons / "occupations.csv", "occ")):
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    if target == "nat":
                        lex.nationalities[fold(row["demonym"].strip())] = row["demonym"].strip()
                    else:
                        lex.occupations[row["phrase"].strip().lower()] = (row["occupation"].strip(),
                                                                          row["kind"].strip())
                except (KeyError, AttributeError):
                    raise LexiconError(f"{path}:{number}: missing column") from None
    lex.given_names = set(_lines(lexicons / "given_names.txt"))
    lex.ambiguous_given = set(_lines(lexicons / "ambiguous_given_names.txt"))
    lex.mononyms = {fold(m): m for m in _lines(lexicons / "mononyms.txt")}
    lex.asian_surnames = set(_lines(lexicons / "surnames_east_asian.txt"))
    lex.surname_particles = {fold(w) for w in _lines(lexicons / "surname_particles.txt")}
    lex.non_entities = {fold(w) for w in _lines(lexicons / "non_entities.txt")}
    lex.non_entity_heads = {fold(w) for w in _lines(lexicons / "non_entity_heads.txt")}
    lex.place_nouns = {fold(w) for w in _lines(lexicons / "place_nouns.txt")}
    lex.non_entity_openers = {fold(w) for w in _lines(lexicons / "non_entity_openers.txt")}
    lex.places = {fold(w) for w in _lines(lexicons / "places.txt")}
    lex.product_nouns = {w.lower() for w in _lines(patterns / "product_nouns.txt")}
    lex.collection_words = {w.lower() for w in _lines(patterns / "collection_words.txt")}
    trig = patterns / "triggers.jsonl"
    for number, line in enumerate(_lines(trig), start=1):
        try:
            rec = json.loads(line)
            kind, phrase = rec["kind"], rec["phrase"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise LexiconError(f"{trig}:{number}: bad trigger ({exc})") from None
        if kind not in TRIGGER_KINDS:
            raise LexiconError(f"{trig}:{number}: unknown trigger kind {kind!r}")
        lex.triggers[kind].append(phrase.lower())
    return lex


@cache
def trigger_pattern(kind: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any trigger phrase of ``kind`` as whole words."""
    phrases = sorted(load_lexicon().triggers.get(kind, []), key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])" if not any(p.endswith("-") for p in phrases)
                      else rf"(?<![\w])(?:{alts})(?:(?<=-)|(?![\w]))", re.I)
