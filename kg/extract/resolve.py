"""Resolve mentions into the entities of one article.

"Ms. Kardashian" and "Kardashian" join "Kim Kardashian"; a bare "Le City" joins the
product named earlier; unnamed campaigns get the name "<Brand> <Season> <Year> campaign";
uncertain names are kept only when the article backs them up (an honorific later, or a
list they share with people).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..ids import fold
from ..model import Entity
from .lexicon import Lexicon
from .mentions import Mention


@dataclass
class Resolved:
    """Entities of the article and, for each mention, the entity key it refers to."""

    entities: dict[tuple[str, str], Entity] = field(default_factory=dict)
    refs: dict[int, tuple[str, str]] = field(default_factory=dict)  # id(mention) -> entity key
    main_brand: str | None = None
    campaign_products: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    owned: set[tuple[str, str]] = field(default_factory=set)  # products and campaigns said to be one house's
    campaign_names: dict[str, Mention] = field(default_factory=dict)  # folded -> a mention naming that campaign
    brand_forms: dict[str, str] = field(default_factory=dict)  # house -> as the article writes it ("Armani Beauty")

    def add(self, entity: Entity) -> tuple[str, str]:
        key = entity.key
        if key in self.entities:
            known = self.entities[key]
            known.aliases |= entity.aliases
            known.nationality = known.nationality or entity.nationality
            for occ in entity.occupation:
                if occ not in known.occupation:
                    known.occupation.append(occ)
        else:
            self.entities[key] = entity
        return key


_TEXT: dict[str, str] = {}


def _between(a: Mention, b: Mention) -> str:
    """The article text between two mentions of one sentence (set by ``resolve``)."""
    text = _TEXT.get("text", "")
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return text[lo:hi] if 0 <= lo <= hi else "x"


def _last_names(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[i:]) for i in range(1, len(words))]


def main_brand(title_mentions: list[Mention], all_mentions: list[Mention], lex: Lexicon | None = None) -> str | None:
    """The article's house: the first brand in the headline, else the most mentioned house
    (a group only when no house is named)."""
    if lex is not None:
        _know_groups(lex)
    for m in title_mentions:
        if m.type == "Brand":
            return m.name
    counts = Counter(m.name for m in all_mentions if m.type == "Brand")
    houses = Counter({name: n for name, n in counts.items() if not GROUPS.get(fold(name))})
    return (houses or counts).most_common(1)[0][0] if counts else None  # a group's interview is about its house


def resolve(sentences_mentions: list[list[Mention]], lex: Lexicon, main: str | None,
            article_year: int | None, text: str = "", mains: list[str | None] | None = None) -> Resolved:
    """Cluster the mentions of every sentence into entities. ``mains`` gives, sentence by
    sentence, the house a listicle's section is about, where it differs from ``main``."""
    _TEXT["text"] = text
    res = Resolved(main_brand=main)
    if not ASIAN_SURNAMES:
        ASIAN_SURNAMES.update(fold(n) for n in lex.asian_surnames)
    _know_groups(lex)
    flat = [m for ms in sentences_mentions for m in ms]
    res.campaign_names = {fold(m.name): m for m in reversed(flat) if m.type == "Campaign" and m.name and m.confident}
    res.brand_forms = _brand_forms(flat)
    products = {fold(m.name): m for m in flat if m.type == "Product" and m.confident}
    persons_full = {fold(m.name): m for m in flat if m.type == "Person" and len(m.name.split()) >= 2
                    and m.confident and not m.honorific}
    honorific_surnames = {fold(m.name) for m in flat if m.type == "Person" and m.honorific}

    # Which uncertain people does the article back up?
    def backed(m: Mention, sentence: list[Mention]) -> bool:
        if m.confident:
            return True
        last = fold(m.name.split()[-1])
        if last in honorific_surnames or any(fold(h).endswith(last) for h in honorific_surnames):
            return True
        others = [o for o in sentence if o is not m and o.type == "Person" and o.confident]
        if len(others) >= 2:
            return True
        return any(re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*", _between(o, m)) for o in others)

    for i, sentence in enumerate(sentences_mentions):
        res.main_brand = (mains[i] if mains else None) or main
        for m in sentence:
            key = _resolve_one(m, sentence, res, lex, products, persons_full, backed, article_year)
            if key:
                res.refs[id(m)] = key
                if m.owned:
                    res.owned.add(key)
    res.main_brand = main
    return res


def _brand_forms(mentions: list[Mention]) -> dict[str, str]:
    """Each house as the article most often writes it, so an unnamed campaign is named the way
    the article would ("Armani Beauty Holiday 2025", not the lexicon's "Giorgio Armani Beauty")."""
    seen: dict[str, Counter] = {}
    for m in mentions:
        if m.type == "Brand" and m.surface and not (m.surface.isupper() and len(m.surface) > 4):
            seen.setdefault(m.name, Counter())[m.surface] += 1
    return {name: forms.most_common(1)[0][0] for name, forms in seen.items()}


def _person_key(name: str, persons_full: dict, res: Resolved) -> tuple[str, str] | None:
    """The full-name person a short or honorific form refers to (the most recent if several)."""
    f = fold(name)
    candidates = [full for full in persons_full
                  if full != f and any(fold(ln) == f for ln in _last_names(persons_full[full].name))]
    if not candidates:  # "Ms. Liu" for "Liu Mengxi": East Asian names put the surname first
        candidates = [full for full in persons_full if full.split()[0] == f and f in ASIAN_SURNAMES]
    if not candidates:
        candidates = [full for full in persons_full if full.split()[0] == f and len(f) >= 3]
        if len(candidates) != 1:
            return None
    if not candidates and f in persons_full:
        return ("Person", f)
    known = [c for c in candidates if ("Person", c) in res.entities]
    pick = known[-1] if known else candidates[0]
    return ("Person", pick)


def _with_middle_name(name: str, persons_full: dict) -> str | None:
    """The one fuller name in the article with the same first and last names."""
    words = fold(name).split()
    if len(words) != 2:
        return None
    found = [full for full in persons_full
             if len(full.split()) >= 3 and full.split()[0] == words[0] and full.split()[-1] == words[1]]
    return found[0] if len(found) == 1 else None


def _resolve_one(m: Mention, sentence: list[Mention], res: Resolved, lex: Lexicon, products: dict,
                 persons_full: dict, backed, article_year: int | None) -> tuple[str, str] | None:
    if m.type == "Brand":
        return res.add(Entity("Brand", m.name, {m.surface} if m.surface != m.name else set()))
    if m.type == "Quoted":
        f = fold(m.name)
        if ("Campaign", f) in res.entities:
            return ("Campaign", f)
        if f in products:
            return ("Product", f)
        if f in res.campaign_names:  # '"Glimmer Season" is a glitter bomb' before a caption calls it a campaign
            return _resolve_one(res.campaign_names[f], sentence, res, lex, products, persons_full, backed,
                                article_year)
        return None
    if m.type == "Person":
        if not m.confident and not m.honorific:
            tail = [p for p in products.values() if fold(m.name).endswith(" " + fold(p.name))]
            if tail:
                return res.add(Entity("Product", m.name, set(), brand=tail[0].brand or res.main_brand))
        if fold(m.name) in products and not m.honorific:
            p = products[fold(m.name)]
            return res.add(Entity("Product", p.name, set(), brand=p.brand or res.main_brand))
        longer = _with_middle_name(m.name, persons_full)
        if longer and not m.honorific:  # "Lila Moss" is the "Lila Grace Moss" the article names
            return res.add(Entity("Person", persons_full[longer].name, {m.surface}))
        particle = fold(m.name.split()[0]) in lex.surname_particles  # "De Sarno" for "Sabato De Sarno"
        if len(m.name.split()) == 1 or m.honorific or fold(m.name) not in persons_full or particle:
            key = _person_key(m.name, persons_full, res)
            if key and key[1] != fold(m.name):
                surface = m.surface if not m.honorific else _with_honorific(m)
                full = persons_full[key[1]]
                return res.add(Entity("Person", full.name, {surface}))
        if not backed(m, sentence):
            return None
        if len(m.name.split()) == 1 and not m.confident:
            return None
        return res.add(Entity("Person", m.name, {_with_honorific(m)} if m.honorific else set(),
                              nationality=m.nationality, occupation=list(m.occupations)))
    if m.type == "Product":
        if not m.confident:
            key = _person_key(m.name, persons_full, res)
            if key:
                return res.add(Entity("Person", persons_full[key[1]].name))
            if fold(m.name) not in products:
                return None
        if fold(m.name) in persons_full:
            return ("Person", fold(m.name))
        known = products.get(fold(m.name))
        brand = m.brand or (known.brand if known else None) or res.main_brand
        aliases = {m.surface} if m.surface not in (m.name, f"'{m.name}'", f"“{m.name}”") else set()
        return res.add(Entity("Product", m.name, aliases, brand=brand))
    if m.type == "Campaign":
        brand = m.brand or _nearest_brand(m, sentence) or res.main_brand
        if m.name:
            if fold(m.name) in products or fold(m.name) == fold(brand or ""):
                product = products.get(fold(m.name))
                written = res.brand_forms.get(brand or "", brand)
                name = " ".join(x for x in (written, m.season, m.year, product.name if product else None) if x)
                return res.add(Entity("Campaign", f"{name} campaign", {m.surface}, brand=brand))
            name = m.name
            if brand and fold(name).startswith(fold(brand) + " "):
                short = name[len(brand) + 1:]
                key = ("Campaign", fold(short))
                entity = Entity("Campaign", name, {short}, brand=brand)
                if key in res.entities:
                    known = res.entities[key]
                    known.aliases |= {known.name, short}
                    known.name = name
                    return key
                res.entities[key] = entity
                return key
            short_key = ("Campaign", fold(name))
            for key, known in res.entities.items():
                if known.type == "Campaign" and key != short_key and fold(name) in {fold(a) for a in known.aliases}:
                    return key
            key = res.add(Entity("Campaign", m.name, {m.surface} if m.surface != m.name else set(), brand=brand))
            if m.owned and m.brand:  # 'Saint Laurent has released "X," its campaign' outranks a caption's guess
                res.entities[key].brand = m.brand
            return key
        year = m.year or (str(article_year - m.years_back) if article_year else None)
        product = products.get(fold(m.product)) if m.product else None
        name = " ".join(x for x in (res.brand_forms.get(brand or "", brand), m.season, year, m.product) if x)
        entity = Entity("Campaign", f"{name} campaign", {m.surface}, brand=brand)
        key = res.add(entity)
        if product is not None:
            res.campaign_products[key] = ("Product", fold(product.name))
        return key
    return None


def _with_honorific(m: Mention) -> str:
    return m.surface if re.match(r"(Mr|Ms|Mrs|Mx|Miss|Dr|Dame|Sir)\b", m.surface) else m.surface


GROUPS: dict[str, bool] = {}


def _know_groups(lex: Lexicon) -> None:
    if not GROUPS:
        GROUPS.update({fold(e.name): True for e in lex.brand_by_id.values() if e.kind == "group"})
ASIAN_SURNAMES: set[str] = set()  # folded; filled from the lexicon by ``resolve``


def _nearest_brand(m: Mention, sentence: list[Mention]) -> str | None:
    text = _TEXT.get("text", "")
    before = [b for b in sentence if b.type == "Brand" and b.end <= m.start and m.start - b.end < 40
              and not (GROUPS.get(fold(b.name)))  # "the Prada Group-owned label": an owner, not the house
              and not re.match(r"(?:\s+Group)?-(?:owned|backed|controlled)\b", text[b.end:b.end + 20])
              and not text[b.end:m.start].startswith(",")]  # "X, co-founder of Skims, is not in the holiday campaign"
    if m.name:
        for b in sentence:
            if b.type == "Brand" and fold(m.name).startswith(fold(b.name) + " "):
                return b.name
    return before[-1].name if before else None
