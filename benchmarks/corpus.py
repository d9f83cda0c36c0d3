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

The articles report on one fixed world (``world()``, built once from the pools with its own
seed): each house has a roster of 25-40 talents drawn with a skew towards a shared tier of
stars (so some talents work for several houses and groups), 6-10 campaign photographers, a
succession of creative directors (appointed ones often come from a house they left), and a
few season campaigns a year plus one per product and year, each with a fixed cast, photographer
and products. Stories pick from these, so distinct facts saturate as the corpus grows, the way
trade press reports the same relations again and again; executives, journalists and crew stay
drawn from the global pools.

    python -m benchmarks.corpus OUT --count 1000 [--seed 7] [--shard-size 1000]
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections.abc import Collection, Iterator
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


WORLD_SEED = 2024
YEARS = range(2019, 2026)
STARS = 400  # the first talents of the pool: the names several houses want


@dataclass(frozen=True)
class Campaign:
    """A campaign of the world: a season's (``season`` set, maybe titled) or a product's (``season`` None)."""

    brand: str
    year: int
    photographers: tuple[Person, ...]
    cast: tuple[Person, ...]  # the lead first
    products: tuple[tuple[str, str], ...]
    season: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Appointment:
    """A creative director named in ``year``, succeeding ``before`` (in post since ``since``)."""

    designer: Person
    before: Person
    since: int
    year: int
    former: str | None  # the house the designer led before, when there was one


@dataclass
class House:
    """One brand's fixed side of the world: who it works with, what it launched, and when."""

    brand: dict
    talent: list[Person]  # ambassadors and campaign faces, most popular first
    photographers: list[Person]
    appointments: list[Appointment]  # those within YEARS, oldest first
    campaigns: dict[int, list[Campaign]]  # season campaigns by year
    product_campaigns: dict[tuple[int, str], Campaign]  # by (year, product name)


def _skewed(rng: random.Random, people: list[Person], size: int, power: float, stars: float = 0) -> list[Person]:
    """``size`` people with distinct surnames, in pool order, early (popular) ones likelier: drawn
    with a ``power`` skew from the whole pool, or with chance ``stars`` from its first STARS only
    (and then uniformly from the whole pool otherwise)."""
    chosen: dict[int, Person] = {}
    surnames: set[str] = set()
    while len(chosen) < size:
        if not stars:
            index = int(len(people) * rng.random() ** power)
        elif rng.random() < stars:
            index = int(STARS * rng.random() ** power)
        else:
            index = rng.randrange(len(people))
        if index not in chosen and people[index].last not in surnames:
            chosen[index] = people[index]
            surnames.add(people[index].last)
    return [chosen[i] for i in sorted(chosen)]


def _roster_pick(rng: random.Random, people: list[Person], size: int) -> tuple[Person, ...]:
    """``size`` of a house's people, its leading names likelier, with distinct surnames."""
    return tuple(_skewed(rng, people, min(size, len(people)), 2)) if size else ()


def _successions(rng: random.Random, brands: list[dict], designers: list[Person]) -> dict[str, list[Appointment]]:
    """Each house's creative directors: one in post before YEARS, then one to three appointments
    within them. An appointed designer often comes from another house they had left."""
    fresh = iter(designers)
    history: dict[str, list[tuple[Person, int]]] = {}  # house -> [(designer, since)], oldest first
    slots = []
    for brand in brands:
        changes = sorted(rng.sample(list(YEARS), rng.choice([1, 1, 2, 2, 3])))
        history[brand["name"]] = [(next(fresh), changes[0] - rng.randint(3, 9))]
        slots += [(year, brand["name"]) for year in changes]
    left: dict[Person, tuple[str, int]] = {}  # designers without a post: the house they left, when
    appointments: dict[str, list[Appointment]] = {brand["name"]: [] for brand in brands}
    for year, house in sorted(slots, key=lambda slot: (slot[0], rng.random())):
        before, since = history[house][-1]
        movers = [d for d, (old, when) in left.items() if old != house and when <= year and d.last != before.last]
        if movers and rng.random() < 0.6:
            designer = rng.choice(movers)
            former = left.pop(designer)[0]
        else:
            designer = next(p for p in fresh if p.last != before.last)
            former = None
        history[house].append((designer, year))
        left[before] = (house, year)
        appointments[house].append(Appointment(designer, before, since, year, former))
    return appointments


def _house(rng: random.Random, brand: dict, roles: dict[str, list[Person]], titles: Iterator[str],
           seasons: list[str], appointments: list[Appointment]) -> House:
    talent = _skewed(rng, roles["talent"], rng.randint(25, 40), 1.5, stars=0.3)
    photographers = _skewed(rng, roles["photographer"], rng.randint(6, 10), 2)
    campaigns: dict[int, list[Campaign]] = {}
    product_campaigns = {}
    named: set[str] = set()  # titles are shared out across houses, never repeated within one
    for year in YEARS:
        campaigns[year] = []
        for season in sorted(rng.sample(seasons, rng.randint(2, 3)), key=seasons.index):
            title = next(t for t in titles if t not in named) if rng.random() < 0.6 else None
            named.add(title)
            campaigns[year].append(Campaign(
                brand["name"], year, _roster_pick(rng, photographers, 1 if rng.random() < 0.8 else 2),
                _roster_pick(rng, talent, rng.randint(2, 5)),
                tuple(map(tuple, rng.sample(brand["products"], min(len(brand["products"]), rng.randint(0, 2))))),
                season, title))
        for item in brand["products"]:
            product_campaigns[year, item[0]] = Campaign(brand["name"], year, _roster_pick(rng, photographers, 1),
                                                        _roster_pick(rng, talent, 1), (tuple(item),))
    return House(brand, talent, photographers, appointments, campaigns, product_campaigns)


@cache
def world() -> dict[str, House]:
    """The fixed world every article reports on, by house name; the same whatever the article seed."""
    data, roles = pools().data, pools().roles
    rng = random.Random(WORLD_SEED)
    first, second = data["campaign_words"]
    titles = [f"{a} {b}" for a in first for b in second]
    rng.shuffle(titles)
    title_stream = itertools.cycle(titles)
    appointments = _successions(rng, data["brands"], rng.sample(roles["designer"], len(roles["designer"])))
    return {brand["name"]: _house(rng, brand, roles, title_stream, data["seasons"], appointments[brand["name"]])
            for brand in data["brands"]}


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
        self.world = world()
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

    def fresh(self, *people: Person) -> bool:
        """Whether none of these people shares a surname with someone already in the article."""
        return all(p.last not in self.used for p in people)

    def take(self, *people: Person) -> None:
        self.used.update(p.last for p in people)

    def person(self, role: str, exclude: Collection[Person] = ()) -> Person:
        """Anyone of a role not yet used in this article; popular ones come up more often."""
        people = self.pools.roles[role]
        while True:
            found = people[int(len(people) * self.rng.random() ** 2)]
            if self.fresh(found) and found not in exclude:
                self.take(found)
                return found

    def member(self, people: list[Person] | tuple[Person, ...], role: str) -> Person:
        """One of a house's people (its leading names likelier) not yet used in this article;
        anyone of the role in the unlikely case that all of them are."""
        for _ in range(20):
            found = people[int(len(people) * self.rng.random() ** 2)]
            if self.fresh(found):
                self.take(found)
                return found
        left = [p for p in people if self.fresh(p)]
        if not left:
            return self.person(role)
        found = self.pick(left)
        self.take(found)
        return found

    def house_of(self, brand: dict) -> House:
        return self.world[brand["name"]]

    def brand(self, exclude: tuple[str, ...] = ()) -> dict:
        return self.pick([b for b in self.pools.data["brands"] if b["name"] not in exclude])

    def talent(self, brand: dict) -> tuple[Person, str]:
        """One of a house's talent and how the text introduces them."""
        who = self.member(self.house_of(brand).talent, "talent")
        return who, self.intro(who)

    @staticmethod
    def nationality(who: Person) -> str:
        """A person's nationality: fixed, whichever article names them."""
        return random.Random(f"nationality {who.name}").choice(pools().data["nationalities"])

    @classmethod
    def intro(cls, who: Person) -> str:
        """How the text introduces a talent ("South Korean actress Mei Tanaka"): fixed per person."""
        occupation = random.Random(f"occupation {who.name}").choice(pools().data["talent_occupations"])
        if occupation == "actress" and not who.female:
            occupation = "actor"
        return f"{cls.nationality(who)} {occupation} {who.name}"

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
