"""Synthetic trade-press articles with their gold triples, so scale runs also check correctness.

Each article is ``NAME.md`` beside ``NAME.gold.json`` in the format of the evaluation's dev
corpus (see its GUIDE.md), so its ``score.py`` can score any shard folder. Article ``i``
depends only on ``(seed, i)``: the first 1,000 articles of a 100,000-article corpus are the
1,000-article corpus. Articles go in shard folders of ``--shard-size`` files.

The stories follow what the dev corpus shows: ambassador signings, campaign launches
(named or "<Brand> <Season> <Year> campaign", photographer duos, casts, featured
products), creative-director appointments with predecessors and former houses, product
launches, round-ups of other houses, and distractors the gold leaves out (film directors,
stylists, executives, rumoured signings). Houses are real names; people are made up.

    python -m benchmarks.corpus OUT --count 1000 [--seed 7] [--shard-size 1000]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from benchmarks import stories

POOLS_FILE = Path(__file__).with_name("corpus_pools.json")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


@dataclass(frozen=True)
class Person:
    """A made-up person; the honorific form ("Ms. Hartley") is the alias the text also uses."""

    first: str
    last: str
    female: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def formal(self) -> str:
        return f"{'Ms.' if self.female else 'Mr.'} {self.last}"

    @property
    def pronoun(self) -> str:
        return "she" if self.female else "he"


@dataclass
class Pools:
    """The pools, with people split once into fixed roles (photographers stay photographers)."""

    data: dict
    roles: dict[str, list[Person]]


@cache
def pools() -> Pools:
    data = json.loads(POOLS_FILE.read_text(encoding="utf-8"))
    people = [Person(f, s, True) for f in data["female"] for s in data["surnames"]]
    people += [Person(f, s, False) for f in data["male"] for s in data["surnames"]]
    random.Random(0).shuffle(people)
    roles, start = {}, 0
    for role, size in (("photographer", 300), ("designer", 250), ("executive", 150), ("journalist", 200),
                       ("crew", 300)):
        roles[role] = people[start:start + size]
        start += size
    roles["talent"] = people[start:]
    return Pools(data, roles)


@dataclass
class Gold:
    """What the article states: entities (name -> type, aliases) and relations."""

    entities: dict[str, dict] = field(default_factory=dict)
    relations: list[list[str]] = field(default_factory=list)

    def add(self, name: str, kind: str, *aliases: str) -> str:
        entry = self.entities.setdefault(name, {"name": name, "type": kind, "aliases": []})
        entry["aliases"] += [a for a in aliases if a != name and a not in entry["aliases"]]
        return name

    def rel(self, subject: str, predicate: str, obj: str) -> None:
        if [subject, predicate, obj] not in self.relations:
            self.relations.append([subject, predicate, obj])


class Writer:
    """One article being written: random choices, paragraphs, captions and its gold."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.pools = pools()
        self.gold = Gold()
        self.paragraphs: list[str] = []
        self.year = rng.randint(2019, 2025)
        self.used: set[str] = set()
        self.main = True  # in the main story "the house" is its brand; later sections name theirs

    def house(self, brand: dict) -> str:
        return "the house" if self.main else brand["name"]

    # -- choices --------------------------------------------------------------------------
    def pick(self, items: list):
        return self.rng.choice(items)

    def person(self, role: str) -> Person:
        """A person of a role not yet used in this article; popular ones come up more often."""
        people = self.pools.roles[role]
        while True:
            found = people[int(len(people) * self.rng.random() ** 2)]
            if found.last not in self.used:
                self.used.add(found.last)
                return found

    def brand(self, exclude: tuple[str, ...] = ()) -> dict:
        return self.pick([b for b in self.pools.data["brands"] if b["name"] not in exclude])

    def talent(self) -> tuple[Person, str]:
        """A talent and how the text introduces them ("South Korean actress Mei Tanaka")."""
        who = self.person("talent")
        occupation = self.pick(self.pools.data["talent_occupations"])
        if occupation == "actress" and not who.female:
            occupation = "actor"
        return who, f"{self.pick(self.pools.data['nationalities'])} {occupation} {who.name}"

    # -- gold -----------------------------------------------------------------------------
    def brand_entity(self, brand: dict) -> str:
        return self.gold.add(brand["name"], "Brand")

    def person_entity(self, who: Person, formal: bool = False) -> str:
        return self.gold.add(who.name, "Person", *([who.formal] if formal else []))

    def product_entity(self, brand: dict, product: list[str]) -> str:
        name, noun = product
        self.gold.add(name, "Product", f"{name} {noun}")
        self.gold.rel(name, "brand", self.brand_entity(brand))
        return name

    def campaign_entity(self, brand: dict, name: str, *aliases: str) -> str:
        self.gold.add(name, "Campaign", *aliases)
        self.gold.rel(name, "brand", self.brand_entity(brand))
        return name

    def parent_sentence(self, brand: dict) -> str | None:
        if not brand["parent"]:
            return None
        self.gold.add(brand["parent"], "Brand")
        return self.pick([f"{brand['name']} is part of {brand['parent']}.",
                          f"{brand['name']} is owned by {brand['parent']}."])

    def say(self, *sentences: str | None) -> None:
        self.paragraphs.append(" ".join(s for s in sentences if s))

    def caption(self, text: str, credit: str) -> None:
        self.paragraphs.append(f"*{text} Image credit: {credit}*")

    def filler(self, n: int) -> None:
        self.say(*self.rng.sample(self.pools.data["filler"], n))


def dateline(rng: random.Random, year: int) -> tuple[str, str]:
    """A printed date in one of the forms trade sites use, and its ISO form."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    full, short = MONTHS[month - 1], MONTHS[month - 1][:3]
    forms = [f"{full} {day}, {year}", f"{day} {full} {year}", f"{short}. {day}, {year}" if month != 5 else
             f"May {day}, {year}", f"{year}-{month:02d}-{day:02d}", f"Published {full} {day}, {year} at 10:42 am",
             f"{day:02d} {short} {year} · 4 min read"]
    return rng.choice(forms), f"{year}-{month:02d}-{day:02d}"


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower().replace("&", "and")).strip("-")


def article(index: int, seed: int = 7) -> tuple[str, str, dict]:
    """Article ``index``: (file stem, markdown text, gold record)."""
    rng = random.Random(seed * 1_000_003 + index)
    w = Writer(rng)
    kind = rng.choices(list(stories.MAIN), weights=[3, 4, 2, 2])[0]
    brand = w.brand()
    section = w.pick(w.pools.data["sections"][kind])
    headline = stories.MAIN[kind](w, brand)
    if rng.random() < 0.3:
        other = w.brand(exclude=(brand["name"],))
        w.main = False
        w.paragraphs.append("## " + w.pick(["Elsewhere", "Also this season", "In other news"]))
        stories.SECONDARY[rng.choice(list(stories.SECONDARY))](w, other)
    w.main = False
    if rng.random() < 0.35:
        stories.roundup(w, brand)
    if rng.random() < 0.1:
        stories.rumour(w, brand)
    w.filler(rng.randint(1, 3))
    printed, published = dateline(rng, w.year)
    if rng.random() < 0.7:
        writer = w.person("journalist")
        byline = f"By {writer.name}" + rng.choice(["", ", Paris", ", Senior Reporter", ", Milan"])
        w.person_entity(writer)
    else:
        byline = w.pick(w.pools.data["staff_bylines"])
    publisher = w.pick(w.pools.data["publishers"])
    stem = f"{index:06d}-{slug(brand['name'])}-{kind}"
    lines = [section, "", f"# {headline}", "", printed, "", byline, ""]
    for paragraph in w.paragraphs:
        lines += [paragraph, ""]
    lines += ["[View this post on Instagram](#)", "", f"A post shared by {brand['name']} (@{brand['handle']})", "",
              f"Story {seed}-{index:06d}", "", "---", "",
              f"© {w.year} {publisher}. All rights reserved.", ""]
    gold = {"article": f"{stem}.md", "published": published,
            "entities": list(w.gold.entities.values()), "relations": w.gold.relations}
    return stem, "\n".join(lines), gold


def shard_dir(root: Path, index: int, shard_size: int) -> Path:
    return root / f"{index // shard_size:03d}"


def write_corpus(root: Path, count: int, seed: int = 7, shard_size: int = 1000) -> Iterator[Path]:
    """Write (or keep, when already there) articles 0..count-1; yields each article's path."""
    for index in range(count):
        folder = shard_dir(root, index, shard_size)
        stem, text, gold = article(index, seed)
        path = folder / f"{stem}.md"
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
            path.write_text(text, encoding="utf-8")
        yield path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write shards into")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shard-size", type=int, default=1000)
    args = parser.parse_args(argv)
    written = sum(1 for _ in write_corpus(args.out, args.count, args.seed, args.shard_size))
    print(f"{written} articles under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
