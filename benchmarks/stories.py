"""The story templates of the synthetic corpus: each writes paragraphs and their gold.

A main story returns the headline; a secondary story adds a section about another house.
Every sentence states its facts plainly, the way the dev corpus does; distractors
(directors, stylists, executives, rumours) add people the gold lists with no relation.
People tied to a house (talent, photographers, designers) and its campaigns come from the
house's side of ``corpus.world()``, so the same facts are reported again and again.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.corpus import Writer


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def ambassador(w: Writer, brand: dict) -> str:
    """A house signs a talent; sometimes names the ambassadors already on its roster."""
    b = brand["name"]
    who, intro = w.talent(brand)
    w.person_entity(who, formal=True)
    w.gold.rel(who.name, "ambassadorOf", w.brand_entity(brand))
    lead = w.pick([
        f"{brand['adj']} {brand['kind']} **{b}** has named {intro} as its newest global brand ambassador.",
        f"{intro} is the new face of {b}, the {brand['adj']} {brand['kind']} confirmed this week.",
        f"{b} has signed {intro} as a house ambassador.",
        f"{b} has appointed {intro} as its global ambassador, the {brand['adj']} {brand['kind']} said on Monday.",
    ])
    w.caption(f"{who.name} at a {b} event.", b)
    w.say(lead, w.parent_sentence(brand))
    w.say(f"{who.formal} said in a statement that {who.pronoun} had admired the house for many years.",
          "The appointment was announced on the label's social channels.")
    if w.rng.random() < 0.5:
        roster = [w.talent(brand)[0] for _ in range(w.rng.randint(1, 2))]
        for other in roster:
            w.person_entity(other)
            w.gold.rel(other.name, "ambassadorOf", b)
        w.say(f"{who.formal} joins {_names([p.name for p in roster])}, who "
              f"{'are already ambassadors' if len(roster) > 1 else 'is already an ambassador'} of {w.house(brand)}.")
    return w.pick([f"{b} names {who.name} global ambassador", f"{who.name} is the new face of {b}",
                   f"{b} signs {who.name} as brand ambassador"])


def campaign(w: Writer, brand: dict) -> str:
    """A campaign: named or not, shot by one photographer or a duo, a cast, featured products."""
    b = brand["name"]
    house = w.house_of(brand)
    choices = [c for c in house.campaigns[w.year] if w.fresh(*c.photographers)]
    chosen = w.pick(choices or [c for year in house.campaigns.values() for c in year if w.fresh(*c.photographers)]
                    or house.campaigns[w.year])
    season, year = chosen.season, chosen.year
    when = f"{season.lower()} {year}"
    if chosen.title:
        title = chosen.title
        name = w.campaign_entity(brand, title, f"{title} campaign", f"{when} campaign",
                                 f"{b} {season} {year} campaign")
        opening = f"{b} has released \"{title},\" its {when} campaign"
        called = f"the \"{title}\" campaign"
    else:
        name = w.campaign_entity(brand, f"{b} {season} {year} campaign", f"{when} campaign")
        opening = f"{b} has unveiled its {when} campaign"
        called = f"{b}'s {season} {year} campaign"
    shooters = list(chosen.photographers)
    w.take(*shooters)
    for shooter in shooters:
        w.person_entity(shooter, formal=len(shooters) == 1)
        w.gold.rel(name, "photographedBy", shooter.name)
    shot = (shooters[0].name if len(shooters) == 1
            else f"the photographer duo {shooters[0].name} and {shooters[1].name}")
    faces = [p for p in chosen.cast if w.fresh(p)]
    shown = faces[:1] + w.rng.sample(faces[1:], min(len(faces) - 1, w.rng.randint(0, 3))) if faces else []
    w.take(*shown)
    cast = [(who, w.intro(who)) for who in shown or [w.talent(brand)[0]]]
    for who, _ in cast:
        w.person_entity(who)
        w.gold.rel(name, "features", who.name)
    w.caption(f"{cast[0][0].name} in {called}, photographed by {_names([s.name for s in shooters])}.", b)
    w.say(w.pick([f"{opening}, photographed by {shot}.", f"{opening}. The images were shot by {shot}.",
                  f"{opening}. The pictures were taken by {shot}."]),
          w.parent_sentence(brand))
    w.say(w.pick([f"The campaign stars {_names([intro for _, intro in cast])}.",
                  f"The cast includes {_names([intro for _, intro in cast])}."]))
    products = [list(item) for item in chosen.products]
    for product in products:
        w.gold.rel(name, "features", w.product_entity(brand, product))
    if products:
        shown = _names([f"the {p} {noun}" for p, noun in products])
        w.say(w.pick([f"The images put {shown} at the center of the campaign.",
                      f"The campaign features {shown}."]))
    if len(shooters) == 1 and w.rng.random() < 0.5:
        w.say(f"{shooters[0].formal} has photographed several campaigns for {w.house(brand)}.")
    if w.rng.random() < 0.35:
        crew = w.person("crew")
        w.person_entity(crew)
        w.say(w.pick([f"A short film directed by {crew.name} accompanies the stills.",
                      f"The looks were styled by {crew.name}."]))
    return w.pick([f"{b} unveils its {when} campaign", f"{cast[0][0].name} fronts {b}'s new campaign",
                   f"First look: {b}'s {season} {year} campaign"])


def appointment(w: Writer, brand: dict) -> str:
    """A creative director named, with the predecessor (titled) and often a former house."""
    b = brand["name"]
    steps = [a for a in w.house_of(brand).appointments if w.fresh(a.designer, a.before)]
    if not steps:  # (a later section only) each appointee shares a surname with someone already named
        return ambassador(w, brand)
    if not w.main:  # a later section reports a recent appointment, not one after the article's date
        steps = [a for a in steps if a.year <= w.year] or steps
    step = w.pick(steps)
    designer, before = step.designer, step.before
    w.take(designer, before)
    if w.main:
        w.year = step.year
    w.person_entity(designer, formal=True)
    w.gold.rel(designer.name, "creativeDirectorOf", w.brand_entity(brand))
    w.person_entity(before)
    w.gold.rel(before.name, "creativeDirectorOf", b)
    nationality = w.nationality(designer)
    if brand["parent"]:
        w.gold.add(brand["parent"], "Brand")
        lead = (f"{b}, the {brand['adj']} {brand['kind']} owned by {brand['parent']}, has named "
                f"{nationality} designer {designer.name} as its creative director.")
    else:
        lead = (f"{brand['adj']} {brand['kind']} {b} has named {nationality} designer {designer.name} "
                "as its creative director.")
    w.caption(f"{designer.name} takes up the post immediately.", b)
    w.say(lead)
    w.say(w.pick([f"{designer.formal} succeeds {before.name}, who had been artistic director of {w.house(brand)} "
                  f"since {step.since}.",
                  f"{designer.formal} replaces {before.name}, creative director of {b} from {step.since} to "
                  f"{step.year}."]))
    if step.former:
        w.gold.rel(designer.name, "creativeDirectorOf", w.brand_entity(w.world[step.former].brand))
        w.say(f"{designer.formal} was previously creative director of {step.former}.")
    if w.rng.random() < 0.5:
        boss = w.person("executive")
        w.person_entity(boss)
        w.say(f"{boss.name}, chief executive of {b}, said the designer would present a first collection "
              f"in {w.pick(['March', 'September', 'October'])}.")
    return w.pick([f"{b} appoints {designer.name} as creative director", f"{designer.name} takes the helm at {b}",
                   f"{b} hands the keys to {designer.name}"])


def product(w: Writer, brand: dict) -> str:
    """A product (re)launch, often with its own campaign named for it."""
    b = brand["name"]
    item = w.pick(brand["products"])
    name, noun = item
    w.product_entity(brand, item)
    w.caption(f"The {name} {noun} in its new colors.", b)
    w.say(f"{b} has introduced a new version of its {name} {noun}.", w.parent_sentence(brand))
    w.say(f"The {name} was first launched in {w.year - w.rng.randint(5, 30)} and remains one of the house's "
          f"best-selling designs.")
    chosen = w.house_of(brand).product_campaigns[w.year, name]
    if w.rng.random() < 0.6 and w.fresh(*chosen.photographers, *chosen.cast):
        (shooter,), (who,) = chosen.photographers, chosen.cast
        w.take(shooter, who)
        intro = w.intro(who)
        camp = w.campaign_entity(brand, f"{b} {w.year} {name} campaign", f"{w.year} {name} campaign")
        for rel, target in (("features", name), ("features", w.person_entity(who)),
                            ("photographedBy", w.person_entity(shooter))):
            w.gold.rel(camp, rel, target)
        w.say(w.pick([f"The {w.year} {name} campaign stars {intro} and was photographed by {shooter.name}.",
                      f"{intro[0].upper()}{intro[1:]} stars in the {w.year} {name} campaign, "
                      f"lensed by {shooter.name}."]))
    return w.pick([f"{b} brings back the {name} {noun}", f"The {name} {noun} returns at {b}"])


def roundup(w: Writer, brand: dict) -> None:
    """Two other houses' signings, one sentence."""
    first, second = w.brand(exclude=(brand["name"],)), w.brand(exclude=(brand["name"],))
    if first is second:
        return
    a, b = w.talent(first)[0], w.talent(second)[0]
    for who, house in ((a, first), (b, second)):
        w.person_entity(who)
        w.gold.rel(who.name, "ambassadorOf", w.brand_entity(house))
    w.say(f"Elsewhere, {a.name} was named a global ambassador for {first['name']}, and {second['name']} "
          f"introduced {b.name} as a house ambassador.")


def rumour(w: Writer, brand: dict) -> None:
    """A signing that did not happen: the gold has the people and houses, no relation."""
    other = w.brand(exclude=(brand["name"],))
    who = w.person("talent", exclude=w.house_of(other).talent)  # not one of the house's
    w.person_entity(who)
    w.brand_entity(other)
    w.say(f"For months fans had been convinced that {who.name} would sign with {other['name']}, "
          f"but the house never confirmed talks.")


MAIN = {"ambassador": ambassador, "campaign": campaign, "appointment": appointment, "product": product}
SECONDARY = {"ambassador": ambassador, "campaign": campaign, "appointment": appointment}
