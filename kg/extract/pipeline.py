"""The extraction pipeline: sentences -> mentions -> entities -> relations.

Pure: an ``Article`` in, an ``Extraction`` out. Each stage is its own module so a test
can feed it one sentence.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..ids import fold
from ..model import Article, Entity, Evidence, Extraction, Relation
from . import mentions as mention_finder
from .lexicon import Lexicon, load_lexicon
from .relations import Context, Ref, RuleSet
from .resolve import main_brand, resolve
from .sentences import Sentence, split

EXTRACTOR_VERSION = "fashion-kg-rules/0.2"
# A paragraph about a campaign: "the campaign", "the images", "in the frame", "the shoot"
CAMPAIGN_PARAGRAPH = re.compile(r"\b(?:campaign|advertising|advertisements?|imagery|ads|images|frames?|stills|shoot)\b",
                                re.I)
STAFF_BYLINE = re.compile(r"\b(staff|desk|service|news|team|editors?|wire|reporters?|correspondents?|agency|"
                          r"bureau|contributors?)\b", re.I)


def byline_people(byline: str | None, lex: Lexicon) -> list[str]:
    """Named people in a byline; desks and staff bylines name nobody."""
    if not byline or STAFF_BYLINE.search(byline) or byline.isupper():
        return []
    names = re.split(r"\s*(?:,|\band\b|&)\s*", byline)
    return [n.strip() for n in names if 2 <= len(n.split()) <= 4 and all(w[:1].isupper() for w in n.split())]


def _collaborations(sentences: list, found: list, anywhere: bool = False) -> dict[str, set[str]]:
    """Houses joined by "A x B" in the headline (or, with ``anywhere``, in any sentence): in
    the headline each one's products and campaigns are both's."""
    pairs: dict[str, set[str]] = {}
    for sent, ms in zip(sentences, found, strict=True):
        if not sent.title and not anywhere:
            continue
        brands = [m for m in ms if m.type == "Brand"]
        for a, b in zip(brands, brands[1:], strict=False):
            if re.fullmatch(r"\s+[x×X]\s+", sent.text[a.end - sent.start:b.start - sent.start]):
                pairs.setdefault(a.name, set()).add(b.name)
                pairs.setdefault(b.name, set()).add(a.name)
    return pairs


def _joined_in_title(sentences: list, found: list, main: str) -> set[str]:
    """The houses the headline joins to ``main`` ("Palace and Rimowa Link Up Again")."""
    joined: set[str] = set()
    for sent, ms in zip(sentences, found, strict=True):
        brands = [m for m in ms if m.type == "Brand"] if sent.title else []
        for a, b in zip(brands, brands[1:], strict=False):
            between = sent.text[a.end - sent.start:b.start - sent.start]
            if main in (a.name, b.name) and re.fullmatch(r"\s+(?:and|&)\s+", between):
                joined.add(b.name if a.name == main else a.name)
    return joined


def _section_houses(article: Article, lex: Lexicon) -> dict[int, str]:
    """Paragraph index -> the house its section is about, in a listicle whose subheads name
    houses ("## 3. Dolce & Gabbana") or open with one ("## Persol casts a face for the 649");
    a subhead naming none ends the last one's section."""
    if not article.subheads:
        return {}
    paragraphs = len(re.split(r"\n\s*\n", article.text))
    starts: list[tuple[int, str | None]] = []
    for index, heading in article.subheads:
        name = re.sub(r"^\s*(?:\d+[.):]|[IVX]+\.)\s*", "", heading).strip()
        brands = [m for m in mention_finder.find(name, 0, lex) if m.type == "Brand"]
        whole = len(brands) == 1 and len(brands[0].surface) >= len(name.rstrip(".:!")) - 1
        # "Brioni: Norbert Stumpfl steps down", "Persol casts a face for the 649": the house leads
        led = bool(brands) and brands[0].start == 0 and (len(brands) == 1 or bool(
            re.match(r"\s*(?::|\s[—–|-])\s", name[brands[0].end:])))
        starts.append((index, brands[0].name if whole or led else None))
    if sum(1 for _, house in starts if house) < 2:
        return {}  # one named subhead is a topic, not a list of houses
    houses: dict[int, str] = {}
    for (index, house), (end, _) in zip(starts, starts[1:] + [(paragraphs, None)], strict=True):
        for n in range(index, end):
            if house:
                houses[n] = house
    return houses


def _group_sentence_houses(sentences: list, found: list, main: str | None, lex: Lexicon) -> dict[int, str]:
    """Sentence index -> the house it is about, in an article about a group ("Puig beats
    forecasts"): the group's house a sentence names first, else the one its paragraph named
    last. "Jean Paul Gaultier was the standout, driven by Le Male Elixir" makes the products,
    campaigns and "the brand" that follow Gaultier's, not Puig's."""
    entry = lex.brands.get(main or "")
    if entry is None or entry.kind != "group":
        return {}
    houses: dict[int, str] = {}
    paragraph, current = -1, None
    for index, (sent, ms) in enumerate(zip(sentences, found, strict=True)):
        if sent.title:
            continue
        if sent.paragraph != paragraph and not sent.caption:
            paragraph, current = sent.paragraph, None
        for m in ms:
            house = lex.brands.get(m.name) if m.type in ("Brand", "Person") else None
            if house is None or house.kind != "house" or (m.type == "Person" and house.parent != entry.id):
                continue
            m.type, m.name = "Brand", house.name  # "Jean Paul Gaultier was the standout": the group's house
            current = house.name
            break
        if current:
            houses[index] = current
    return houses


def _add_titles(sentences: list, found: list) -> None:
    """"Joan Smalls in the BE LOVE campaign": a campaign title the article gives in quotes
    elsewhere is that campaign here too, unquoted (over any shorter mention inside it)."""
    titles = {m.name for ms in found for m in ms
              if m.type == "Campaign" and m.name and m.confident and m.surface[:1] in "\"“'‘"}
    _add_named(sentences, found, titles, r"(?<![\w\"“'‘])(", r")(?![\w\"”'’])", replace_inner=True,
               make=lambda name, s, e, _: mention_finder.Mention("Campaign", name, s, e, name))


def _add_surnames(sentences: list, found: list) -> None:
    """"Gosling has been a TAG Heuer ambassador": a lone surname of a person the article
    names in full elsewhere is a mention of them (``resolve`` joins it to the full name)."""
    surnames = {m.name.split()[-1] for ms in found for m in ms
                if m.type == "Person" and m.confident and len(m.name.split()) >= 2 and len(m.name.split()[-1]) > 2}
    _add_named(sentences, found, surnames, r"\b(", r")(?:['’]s)?\b", replace_inner=False, make=_name_part)


def _add_shared_surnames(sentences: list, found: list, lex: Lexicon) -> None:
    """"Dean and Dan Caten": two people sharing the surname named once, both in full."""
    for sent, ms in zip(sentences, found, strict=True):
        for m in [m for m in ms if m.type == "Person" and len(m.name.split()) == 2]:
            hit = re.search(r"\b([A-Z][a-z]+)\s+(?:and|&)\s+$", sent.text[:m.start - sent.start])
            if not hit or not lex.is_given_name(hit.group(1)) or not lex.is_given_name(m.name.split()[0]):
                continue
            start, end = sent.start + hit.start(1), sent.start + hit.end(1)
            if any(x.start < end and start < x.end and (x.start, x.end) != (start, end) for x in ms):
                continue  # "Adut Akech and Jaden Butler": the first name belongs to another person
            ms[:] = [x for x in ms if not (x.start < end and start < x.end)]
            ms.append(mention_finder.Mention("Person", f"{hit.group(1)} {m.name.split()[1]}", start, end,
                                             hit.group(1)))
        ms.sort(key=lambda x: x.start)


def _add_given_names(sentences: list, found: list, lex: Lexicon) -> None:
    """"Bella is a friend of the house": a lone given name of the one person the article names
    in full with it is a mention of them (``resolve`` joins it to the full name)."""
    people = {m.name for ms in found for m in ms if m.type == "Person" and m.confident and len(m.name.split()) >= 2}
    firsts: dict[str, int] = {}
    for name in people:
        firsts[name.split()[0]] = firsts.get(name.split()[0], 0) + 1
    given = {g for g, n in firsts.items() if n == 1 and len(g) >= 3 and lex.is_given_name(g)
             and not any(g == p.split()[-1] for p in people)}
    _add_named(sentences, found, given, r"\b(", r")(?:['’]s)?\b(?!\s+[A-Z])", replace_inner=False, make=_name_part)


def _name_part(name: str, start: int, end: int, possessive: bool) -> mention_finder.Mention:
    """A lone surname or given name: a person's mention ``resolve`` joins to the full name."""
    return mention_finder.Mention("Person", name, start, end, name, confident=False, possessive=possessive)


def _add_named(sentences: list, found: list, names: set[str], before: str, after: str, replace_inner: bool,
               make: Callable[[str, int, int, bool], mention_finder.Mention]) -> None:
    """Add a mention (from ``make(name, start, end, possessive)``) wherever one of ``names``
    occurs between the patterns ``before`` and ``after`` and no mention stands: none
    overlapping it, or, with ``replace_inner``, only shorter ones inside it, which it replaces."""
    if not names:
        return
    pattern = re.compile(before + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + after)
    for sent, ms in zip(sentences, found, strict=True):
        for hit in pattern.finditer(sent.text):
            start, end = sent.start + hit.start(1), sent.start + hit.end(1)
            inner = [m for m in ms if start <= m.start and m.end <= end]
            if any(m.start < end and start < m.end and not (replace_inner and m in inner) for m in ms):
                continue  # the name is there already, or crosses another mention
            ms[:] = [m for m in ms if m not in inner]
            ms.append(make(hit.group(1), start, end, hit.group(0) != hit.group(1)))
        ms.sort(key=lambda m: m.start)


def _merge_default_campaign(defaults: list, entities: dict, found: list, refs: dict) -> dict:
    """An unnamed campaign made up before the article named one of the same house is that
    named campaign (in a listicle, another section's campaign is another house's)."""
    if not defaults or defaults[0] not in entities:
        return {}
    default = defaults[0]
    house = entities[default].brand
    for ms in found:
        for m in ms:
            key = refs.get(id(m))
            if key and key[0] == "Campaign" and key != default and key in entities and \
                    fold(entities[key].brand or house or "") == fold(house or ""):
                del entities[default]
                return {default: key}
    return {}


def _merge_season_campaigns(entities: dict) -> dict:
    """"Omega's summer campaign" is the "summer 2024 Seamaster campaign" the article names:
    an unnamed season campaign merges into the one longer campaign of the same house that
    extends its name."""
    campaigns = {k: e for k, e in entities.items() if e.type == "Campaign" and e.name.endswith(" campaign")}
    merged = {}
    for key, entity in campaigns.items():
        stem = fold(entity.name)[:-len("campaign")]
        longer = [k for k, e in campaigns.items() if k != key and e.brand == entity.brand
                  and fold(e.name).startswith(stem) and fold(e.name) != fold(entity.name)]
        if len(longer) == 1 and len(stem.split()) >= 2 and longer[0] not in merged:
            merged[key] = longer[0]
    for key in merged:
        del entities[key]
    return merged


def _retyped(entities: dict, relations: list[Relation], merged: dict) -> dict:
    """A relation's end that names no entity under its type (a sentence took "Le Cœur" for
    a person) is the one entity of that name under another type; with none, or several,
    the relation is dropped (its end is mapped to ``None``)."""
    by_name: dict[str, list] = {}
    for key in entities:
        by_name.setdefault(key[1], []).append(key)
    out: dict = {}
    for r in relations:
        for end in (r.subject, r.object):
            if end not in entities and end not in merged and end not in out:
                same = by_name.get(end[1], [])
                out[end] = same[0] if len(same) == 1 else None
    return out


def _rekey(entities: dict, relations: list[Relation], merged: dict) -> list[Relation]:
    """Point relations at each entity's final key (a campaign renamed "Gucci Ancora" keeps its facts),
    keeping one relation per (subject, predicate, object): the best-evidenced."""
    moved = {k: e.key for k, e in entities.items() if k != e.key}
    moved.update({a: moved.get(b, b) for a, b in merged.items()})
    best: dict[tuple, Relation] = {}
    for r in relations:
        r = Relation(moved.get(r.subject, r.subject), r.predicate, moved.get(r.object, r.object),
                     r.evidence, r.past, r.since)
        key = (r.subject, r.predicate, r.object)
        if r.subject == r.object or r.subject is None or r.object is None:
            continue
        if key not in best or r.evidence.confidence > best[key].evidence.confidence:
            best[key] = r
    return list(best.values())


def extract(article: Article) -> Extraction:
    """Entities and relations of one article, each relation with its evidence sentence."""
    lex = load_lexicon()
    sentences = split(article.text, article.title, article.captions)
    paragraphs = re.split(r"\n\s*\n", article.text)
    found = [mention_finder.find(s.text, s.start, lex, s.caption,
                                 paragraphs[s.paragraph] if s.paragraph < len(paragraphs) else s.text)
             for s in sentences]
    _add_surnames(sentences, found)
    _add_shared_surnames(sentences, found, lex)
    _add_given_names(sentences, found, lex)
    _add_titles(sentences, found)
    title_mentions = [m for s, ms in zip(sentences, found, strict=True) if s.title for m in ms]
    says_campaign = bool(re.search(r"\bcampaign\b", article.text, re.I))
    if says_campaign:  # a quoted title in the headline names the campaign
        for m in title_mentions:  # ... but a quoted sentence ('X: "We never wanted ..."') is somebody's words
            spoken = re.match(r"(?:I|We|You|It|It's|This|That|There|My|Our)\b", m.name) and not all(
                w[:1].isupper() for w in m.name.split())  # 'My Move' is a title, 'We never wanted it' words
            if m.type == "Quoted" and not spoken and \
                    not re.search(r":\s*$", article.text[max(0, m.start - 4):m.start - 1]):
                m.type, m.confident = "Campaign", True
    main = main_brand(title_mentions, [m for ms in found for m in ms], lex)
    collaborations = _collaborations(sentences, found)
    year = article.published.year if article.published else None
    houses = _section_houses(article, lex)
    by_sentence = {} if houses else _group_sentence_houses(sentences, found, main, lex)
    mains = [houses.get(s.paragraph) for s in sentences] if houses else \
        [by_sentence.get(i) for i in range(len(sentences))] if by_sentence else None
    resolved = resolve(found, lex, main, year, article.text, mains)
    entities = resolved.entities
    main_key = ("Brand", fold(main)) if main else None
    ctx = Context(main_brand=main_key, year=year, main_name=main)
    ctx.section_houses = {n: ("Brand", fold(h), h) for n, h in houses.items()}
    ctx.sentence_houses = {sentences[i].start: ("Brand", fold(h), h) for i, h in by_sentence.items()}
    ctx.campaign_paragraphs = {n for n, para in enumerate(paragraphs) if CAMPAIGN_PARAGRAPH.search(para)}

    defaults: list[tuple[str, str]] = []

    def make_default_campaign() -> tuple[str, str] | None:
        house = ctx.main_name  # a listicle's section's house, or the article's
        if not house or not says_campaign:
            return None
        written = resolved.brand_forms.get(house, house)  # as the article writes the house
        name = " ".join(x for x in (written, str(year) if year else None) if x) + " campaign"
        entity = Entity("Campaign", name, brand=house)
        entities.setdefault(entity.key, entity)
        defaults.append(entity.key)
        return entity.key

    ctx.make_default_campaign = make_default_campaign
    partnered: dict[tuple[str, str], set[str]] = {}  # a collaboration's own campaign -> its partner
    cue_sentence: dict[tuple[str, str], Sentence] = {}  # ... and the sentence that turned to it

    def make_collaboration_campaign(house: str, partner: str, sent: Sentence) -> tuple[str, str]:
        name = " ".join(x for x in (f"{house} x {partner}", str(year) if year else None) if x) + " campaign"
        entity = Entity("Campaign", name, brand=house)
        entities.setdefault(entity.key, entity)
        partnered.setdefault(entity.key, set()).add(partner)
        cue_sentence.setdefault(entity.key, sent)
        return entity.key

    ctx.make_collaboration_campaign = make_collaboration_campaign
    if main:
        partners = _collaborations(sentences, found, anywhere=True).get(main, ())
        ctx.collaborations = [(main, partner) for partner in sorted(partners)]
        joined = _joined_in_title(sentences, found, main) & set(partners)
        if not collaborations.get(main) and joined:
            # "Palace and Rimowa link up" over "the Palace x Rimowa Chrome Cabin": the article is the collaboration's
            collaborations = {main: joined, **{p: {main} for p in joined}}
    rules = RuleSet(lex, ctx)
    for sent, ms in zip(sentences, found, strict=True):
        refs = [Ref(m, resolved.refs[id(m)]) for m in ms if id(m) in resolved.refs]
        rules.sentence(sent, refs)
    relations = list(ctx.relations.values())
    # Every product and campaign belongs to its brand.
    first_sentence = {}
    for sent, ms in zip(sentences, found, strict=True):
        for m in ms:
            key = resolved.refs.get(id(m))
            if key and key not in first_sentence:
                first_sentence[key] = sent
    for key, sent in cue_sentence.items():
        first_sentence.setdefault(key, sent)
    for r in relations:  # a campaign no sentence names (a listicle section's) is first seen in its facts
        if r.subject[0] == "Campaign" and r.subject not in first_sentence:
            first_sentence[r.subject] = Sentence(r.evidence.sentence, r.evidence.start, r.evidence.end, -1)
    have = {(r.subject, r.predicate, r.object) for r in relations}
    for key, entity in list(entities.items()):
        if entity.type not in ("Product", "Campaign") or not entity.brand:
            continue
        brand_key = ("Brand", fold(entity.brand))
        if brand_key not in entities:
            entities[brand_key] = Entity("Brand", entity.brand)
        sent = first_sentence.get(key)
        if (key, "brand", brand_key) not in have and sent is not None:
            relations.append(Relation(key, "brand", brand_key, Evidence(sent.text, sent.start, sent.end, 0.8)))
    for key, entity in list(entities.items()):  # "Tiffany & Co. x Nike": the collaboration's things are both's
        if key in resolved.owned:
            continue  # "Salomon's XT-6", "its own, separate campaign"
        partners = collaborations.get(entity.brand or "") if entity.type in ("Product", "Campaign") else None
        partners = set(partners or ()) | partnered.get(key, set())
        sent = first_sentence.get(key)
        for partner in partners:
            partner_key = ("Brand", fold(partner))
            if partner_key in entities and sent is not None and (key, "brand", partner_key) not in have:
                relations.append(Relation(key, "brand", partner_key, Evidence(sent.text, sent.start, sent.end, 0.7)))
    for camp, product in resolved.campaign_products.items():
        sent = first_sentence.get(camp)
        if product in entities and sent is not None and (camp, "features", product) not in have:
            relations.append(Relation(camp, "features", product, Evidence(sent.text, sent.start, sent.end, 0.8)))
    for name in byline_people(article.byline, lex):
        person = Entity("Person", name, occupation=["journalist"])
        entities.setdefault(person.key, person)
    merged = _merge_default_campaign(defaults, entities, found, resolved.refs)
    merged.update(_merge_season_campaigns(entities))
    merged.update(_retyped(entities, relations, merged))
    relations = _rekey(entities, relations, merged)
    used = {k for r in relations for k in (r.subject, r.object)}
    kept = [e for k, e in entities.items() if e.type != "Campaign" or k in used or e.name]
    return Extraction(article, kept, relations, EXTRACTOR_VERSION)
