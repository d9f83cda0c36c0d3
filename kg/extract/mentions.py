"""Find mentions of brands, people, products and campaigns in one sentence.

A mention is a span with a type and a proposed name. Brands come from the lexicon;
people from capitalised runs that look like names (given-name lexicon, descriptors such
as "South Korean actress", honorifics, stage names); products from names followed by a
product noun or quoted; campaigns from names and quotes beside the word "campaign" and
from "<season> <year> campaign" phrases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ids import fold
from .lexicon import Lexicon
from .lookup import lexicon_spans, mononym_forms
from .tokens import FUNCTION_WORDS, Run, Token, capital_runs, tokens

HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Mx|Miss|Dr|Dame|Sir|Madame|Mme)\.?\s+$")
SEASON = re.compile(r"\b(pre-fall|pre-spring|spring(?:/summer|-summer)?|summer|fall(?:/winter|-winter)?|autumn"
                    r"(?:/winter|-winter)?|winter|resort|cruise|holiday|SS|FW|AW)\s*['’]?((?:19|20)\d\d|\d\d)\b", re.I)
COMPOUND_ADJECTIVE = re.compile(r"(?i)-(?:winning|nominated|based|born|owned|backed|led|inspired|era|style|themed|"
                                r"founded|headquartered|listed|raised|bred|designed|made|focused|sized|friendly|"
                                r"like|worthy|ready|free|only)$")
SEASON_WORD = re.compile(r"(?i)pre-fall|spring|summer|fall|autumn|winter|resort|cruise|holiday")
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
PRODUCT_CUE = re.compile(r"\b(?:bags?|handbags?|designs?|styles?|accessories|pieces|silhouettes|models|shoes|"
                         r"sneakers|watch(?:es)?|jewel(?:le)?ry|fragrances?|perfumes?|totes?|clutch(?:es)?|"
                         r"reissue[sd]?|versions?|suitcases?|luggage|silhouette|mules?|runners?|trainers?|"
                         r"footwear)\b", re.I)
# "the new Oyster Perpetual", "the redesigned Portugieser": "the" and an adjective of
# newness or renown before a name, which reads as a product there.
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:(?:new|newest|latest|redesigned|revamped|reworked|reimagined|updated|"
                        r"reissued|relaunched|classic|iconic|signature|cult|bestselling|best-selling|smaller|larger|"
                        r"bigger|slimmer|thinner|lighter|newer|older|original|long-running|best-known|famed|famous|popular|"
                        r"perennial)\s+){0,2}$")
# "a new Seastar 1000": a model number after "a" and an adjective of newness
A_NEW_BEFORE = re.compile(r"\b[Aa]n?\s+(?:new|updated|redesigned|revamped|reworked|reissued|relaunched|smaller|"
                          r"larger|slimmer|thinner|lighter)\s+$")
_PLACE_HOUSE_POSSESSIVE = re.compile(r"\bthe\s+[A-Z][\w\-]+\s+(?:company|house|label|brand|maison|jeweller|jeweler)"
                                     r"['’]s\s+(?:[\w\-]+\s+){0,2}$")
_ITS_OWN = re.compile(r"\b(?:its|their)\s+own\b[^.;]{0,30}$")
_SUBJECT_ITS = re.compile(r"\s+(?:[a-z]+\s+){1,3}its\s+(?:[\w\-]+\s+){0,2}")
NUMBER_LED = re.compile(r"\b[Tt]he\s+(\d{1,4}(?:\s+[A-Z][\w'’\-]*){0,2})(?:\s+([a-z][\w\-]*)\b|(,\s+(?:a|an|the)\s))")
# Product nouns that name a category even when capitalised ("the Tabby Bag" is the Tabby)
CATEGORY_NOUNS = {"bag", "bags", "handbag", "handbags", "tote", "totes", "watch", "watches", "sneaker", "sneakers",
                  "shoe", "shoes", "pump", "pumps", "fragrance", "fragrances", "perfume", "perfumes"}
# "XT-6", "GEL-1130", "PS1", "B01": a model code of letters and digits
# "26240ST", "PAM01312", "16202": a watch's reference number
REFERENCE = re.compile(r"(?!(?:19|20)\d\d$)[A-Z]{0,4}\d{4,6}[A-Z]{0,3}")
MODEL_CODE = re.compile(r"[A-Z]{1,5}-?\d{1,4}[A-Z]?")
# "creative director of Diotima", "the founder of Khaite": what follows names a house
HOUSE_OF = re.compile(r"\b(?:(?:creative|artistic)\s+directors?|(?:co-?)?founders?|designer)\s+(?:of|at)\s+$")
# "Light Blue Pour Homme", "Libre Eau de Parfum": a fragrance's name by its concentration
FRAGRANCE_NAME = re.compile(r"\s(?:Pour\s+(?:Homme|Femme)|Eau\s+de\s+(?:Parfum|Toilette|Cologne)|Parfum|Extrait|"
                            r"Elixir|Absolu)$")
# "the campaign for the Reverso", "a film for the new Land-Dweller": what an ad is for
AD_FOR = re.compile(r"\b(?:campaign|film|ad|advert|advertisement|commercial)\s+for\s+the\s+(?:[a-z][\w\-]*\s+){0,2}$")
NAME_WORDS = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}"
COORDINATED_AFTER = re.compile(rf"^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)(?:the\s+)?({NAME_WORDS})")
COORDINATED_BEFORE = re.compile(rf"(?:the\s+)?({NAME_WORDS})(?:,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?$")
POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[\w\-]+\s+){0,2}|['’]s\s+[\w\s,'’\-]*?(?:and|,)\s+(?:the\s+)?")
# Single-quoted titles may hold an apostrophe between letters ('L'Heure Buissonnière').
QUOTED = re.compile(r"“([^”]{1,80})”|\"([^\"]{1,80})\"|‘((?:[^’]|(?<=\w)’(?=\w)){1,80}?)’(?!\w)|"
                    r"(?<!\w)'((?:[^']|(?<=\w)'(?=\w)){1,80}?)'(?!\w)")
PERSON_BEFORE = re.compile(r"\b(?:(?:shot|lensed|photographed|captured|taken|styled|directed|designed|founded|"
                           r"fronted|led|joined|signed|hired|appointed|named|succeeded|replaced|accompanied)\s+by|"
                           r"starring|stars|featuring|features|cast|casts|ambassador|ambassadors|director|photographer|"
                           r"photographers|designer|founder|successor|predecessor|succeeding|replacing|names|named|"
                           r"taps|tapped|signs|signed|hires|hired|appoints|appointed|welcomes|welcomed|"
                           r"and|with|by)\s+$", re.I)
PERSON_AFTER = re.compile(r"^(?:,\s*(?:who|whose|the\s+\w+\s+(?:behind|of)|(?:its\s+)?(?:co-?)?founder\s+and)\b|"
                          r"\s+(?:said|says|added|told|explained|"
                          r"posted|wrote|noted|recalled|described)\b|\s*\((?:born|née)\b|"
                          r"\s+(?:also\s+)?(?:shot|lensed|photographed)\s+(?:[A-Z]|the\s+campaign)|"
                          r",\s*(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}(?:designer|actor|actress|model|singer|rapper|"
                          r"photographer|founder|co-founder|artist|musician|athlete|footballer)\b|"
                          r"\s+(?:was|has\s+been|had\s+been|is|will\s+be)\s+(?:named|appointed|tapped|hired|promoted|"
                          r"confirmed|unveiled)\s+(?:as\s+)?(?:the\s+|its\s+|a\s+)?(?:new\s+|global\s+)?"
                          r"(?:creative|artistic|design|brand|house|global|ambassador|face|head|chief)|"
                          r",\s*(?:the\s+)?(?:brand|house|label|company|maison)['’]s\s+(?:co-?)?(?:founder|creative|"
                          r"artistic)|"
                          r"\s+(?:is\s+|was\s+|will\s+be\s+)?(?:leaving|exiting|departing|stepping\s+down|"
                          r"to\s+(?:leave|exit|depart|step\s+down))\b|"
                          r",\s*[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}['’]s\s+(?:new\s+|former\s+|longtime\s+)?"
                          r"(?:co-?)?(?:founder|creative\s+director|artistic\s+director|chief|president|chairman|ceo)\b)")


@dataclass
class Mention:
    """A typed span of one sentence, with the name it proposes."""

    type: str
    name: str
    start: int  # offsets within the article text
    end: int
    surface: str
    brand: str | None = None  # for products and campaigns: the brand named with them
    possessive: bool = False
    honorific: bool = False
    nationality: str | None = None
    occupations: list[str] = field(default_factory=list)
    occupation_kinds: set[str] = field(default_factory=set)
    product: str | None = None  # unnamed campaigns named for a product ("2024 Peekaboo campaign")
    season: str | None = None  # unnamed campaigns
    year: str | None = None
    years_back: int = 0  # "last fall's campaign": the year before the article's
    confident: bool = True
    owned: bool = False  # "Salomon's XT-6", "its own campaign": the named house's alone, whatever it works with


_SUBJECT_VERB = re.compile(r"\s+(?:[a-z]+\s+){1,3}[\"“‘']?")
_NAMED_THEN_UNNAMED = re.compile(r"[,\"”’']*\s*,?\s*(?:the|its|their|his|her)\s+(?:[\w\-'’]+\s+){0,3}")
_UNNAMED_THEN_NAMED = re.compile(r"\s*,?\s*(?:titled\s+|called\s+|dubbed\s+)?[\"“‘']?")
_LAST_SEASONS = re.compile(r"\blast\s+(pre-fall|spring|summer|fall|autumn|winter|resort|cruise|holiday|year)['’]s"
                           r"(\s+(?:[a-z\-]+\s+){0,2}campaign\b)?", re.I)
_NAMED_BEFORE_CAMPAIGN = re.compile(r"\s((?:[A-Z][\w'’\-]*)(?:\s[A-Z][\w'’\-]*){0,3})\s+$")
_BRAND_DE = re.compile(r"\s+(?:de|du|des|di|del|della|da)\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?")
# "Femme de Rochas", "Eau d'Hermès": a product named "... of the house", before the house
_DE_BRAND = re.compile(r"\b([A-Z][^\W\d_]+)\s+(?:de|du|d['’])\s*$")
_NAME = r"[A-Z][\w'’\-]*(?:\s+(?:(?:de|di|du|da|la|le|el)\s+)?[A-Z][\w'’\-]*|\s+d['’][A-Z][\w\-]*)*"
# "Gypsy Water, Bal d'Afrique and Mojave Ghost remain its best sellers": names a house sells
SELLERS_AFTER = re.compile(r"(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)" + _NAME + r")*\s+(?:remain|remains|are|is|were|"
                           r"was)\s+(?:still\s+)?(?:among\s+)?(?:its|their|our|the\s+(?:house|brand|label|group)['’]s|"
                           r"[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*)*['’]s?)\s+(?:[a-z\-]+\s+){0,2}"
                           r"(?:best[- ]?sellers?|sellers|best[- ]selling\b)")
# "Goddess Intense, a deeper version of the Goddess fragrance": a version of a product
VERSION_OF = re.compile(r"[\"”’']?\s*,\s*(?:an?|the)\s+(?:[a-z\-]+\s+){0,2}(?:version|edition|flanker|"
                        r"reissue|reformulation|take)\s+of\b")


def normalise_season(word: str) -> str:
    w = word.lower()
    if w.startswith("pre-fall"):
        return "Pre-Fall"
    if w.startswith(("spring", "summer", "ss")):
        return "Spring"
    if w.startswith(("fall", "autumn", "winter", "fw", "aw")):
        return "Fall"
    if w in ("resort", "cruise"):
        return "Resort"
    return word.title()


def _descriptor(before: str, lex: Lexicon) -> tuple[str | None, list[str], set[str]]:
    """Nationality and occupations in the words right before a name."""
    words = re.findall(r"[\w'’\-]+|,|&", before[-120:])
    nationality, occupations, kinds = None, [], set()
    i = len(words)
    while i > 0:
        matched = False
        for size in (3, 2, 1):
            if i - size < 0:
                continue
            phrase = " ".join(words[i - size:i]).lower()
            if phrase in lex.occupations:
                occ, kind = lex.occupations[phrase]
                occupations.insert(0, occ)
                kinds.add(kind)
                i -= size
                matched = True
                break
            nat = _nationality(phrase, lex)
            if nat and occupations:
                nationality = nat
                i -= size
                matched = True
                break
        if matched:
            continue
        if words[i - 1].lower() in ("and", ",", "&", "duo", "pair", "newly-named", "new", "fellow", "late",
                                    "former", "legendary", "renowned", "celebrated", "iconic", "veteran",
                                    "star", "acclaimed", "award-winning", "famed", "young", "rising", "emerging",
                                    "brand", "global", "house", "longtime", "long-time") and i > 1:
            i -= 1
            continue
        break
    return nationality, occupations, kinds


def _nationality(phrase: str, lex: Lexicon) -> str | None:
    """The demonym a phrase spells ("Dutch-American"), or None."""
    cache = _NATIONALITY_CACHE.setdefault(id(lex), {})
    if phrase not in cache:
        parts = re.split(r"-(?=[A-Za-z])", phrase)
        found = None
        if all(fold(p) in lex.nationalities for p in parts):
            found = "-".join(lex.nationalities[fold(p)] for p in parts)
        cache[phrase] = found
    return cache[phrase]


_NATIONALITY_CACHE: dict[int, dict[str, str | None]] = {}


PERSON_CONTEXT_BEFORE = re.compile(r"(?:\b(?:under|by|designer|founder|late|former|then|predecessor|"
                                   r"succeed|succeeding|succeeded|replacing|replaced|from|mr|ms|mrs|sir|dame|director|"
                                   r"officer|designers|directors)\b[\s.,-]*|-)$", re.I)
PERSON_CONTEXT_AFTER = re.compile(r"^(?:,\s*(?:who|whose|the\s+(?:house|brand|label)['’]s|"
                                  r"(?:its\s+)?(?:former\s+|then-)?"
                                  r"(?:creative|artistic|chief|design))|['’]s\s+(?:tenure|time|era|departure|exit|"
                                  r"arrival|debut|successor|predecessor|years|decade|stint|reign|watch)|\s+(?:said|says|told|founded|left|joined|"
                                  r"designed|created|presented|took|who)\b|\s+(?:was|had|has)\b(?!\s+(?:also\s+|just\s+|now\s+)?(?:appointed|named|"
                                  r"tapped|hired|released|unveiled|launched|opened|announced|reported|signed|enlisted|"
                                  r"partnered|teamed|acquired|sold|bought|chosen|picked)\b))", re.I)


def _person_context(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """Whether a house named after a person (Karl Lagerfeld, Tom Ford) means the person here."""
    before, after = text[max(0, s - 40):s], text[e:e + 50]
    if PERSON_CONTEXT_BEFORE.search(before) or PERSON_CONTEXT_AFTER.match(after):
        return True
    _, occ, _ = _descriptor(text[:s], lex)
    return bool(occ)


APPOSITIVE_PRODUCT = re.compile(r"[\"”’']?\s*,\s*(?:an?|the|its|their|the\s+(?:house|brand|label)['’]s)\s+"
                                r"((?:[\w\-'’]+\s+){0,3}[a-zé\-]+)")  # "Arceau, the round Hermès watch"
# Only beside a name ("Happy Diamonds, the collection Chopard first showed in 1976") do these
# make it a product line; after one ("the spring collection") they do not.
_LINE_NOUNS = {"collection", "line", "franchise", "range"}
FOLLOWING_WORDS = re.compile(r"[\"”’']?\s+((?:[a-zé\-]+\s+){0,1}[a-zé\-]+)")


def _adjectival(word: str) -> bool:
    """A word that can describe a product noun: "sports", "1970s-style" (hyphens removed)."""
    return word.isalpha() or (word.isalnum() and word[0].isdigit() and word[-1].isalpha())


def _product_noun_after(text: str, end: int, lex: Lexicon) -> str | None:
    """The product noun that makes the name before ``end`` a product: "Tabby bag",
    "'Les Zizi' derby shoes", "Libre, its best-selling women's fragrance"."""
    tail = text[end:end + 60]
    for pattern in (APPOSITIVE_PRODUCT, FOLLOWING_WORDS):
        m = pattern.match(tail)
        if not m:
            continue
        words = m.group(1).split()
        nouns = lex.product_nouns | (_LINE_NOUNS if pattern is APPOSITIVE_PRODUCT else set())
        for k in range(len(words), 0, -1):
            if words[k - 1] in nouns and all(  # "a 1970s-style sports watch", not "a 2024 watch"
                    _adjectival(w.replace("'", "").replace("’", "").replace("-", "")) for w in words[:k]):
                return words[k - 1]
    m = re.match(r"\s+([a-zé\-]+\s+[a-zé\-]+)", tail)
    if m and m.group(1) in lex.product_nouns:
        return m.group(1)
    return None


def _looks_like_person(run: Run, lex: Lexicon, before: str, after: str) -> tuple[bool, bool]:
    """(is a person, confidently) from the run's words and its context."""
    words = [t.text for t in run.tokens]
    if fold(run.text) in lex.mononyms:
        return True, True
    if HONORIFIC.search(before):
        return True, True
    first = words[0]
    nat, occ, kinds = _descriptor(before, lex)
    if occ:  # "British photographer Harley Weir": the descriptor settles an ambiguous given name
        return True, True
    if PERSON_BEFORE.search(before) and len(words) >= 2:  # "shot by Mason Poole": so does the verb
        return True, True
    if len(words) >= 2:
        if lex.is_given_name(first) and first not in lex.ambiguous_given:
            return True, True
        if first in lex.asian_surnames and all(w[0].isupper() for w in words):
            return True, len(words) >= 2
        if first in lex.ambiguous_given and not run.sentence_initial:
            return True, bool(PERSON_AFTER.match(after))  # "Christian Knoop, IWC's creative director"
    if PERSON_BEFORE.search(before) and len(words) >= 2:
        return True, True
    if PERSON_AFTER.match(after):
        return True, len(words) >= 2
    if len(words) >= 2 and all(re.fullmatch(r"[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.", w) for w in words) and len(words) <= 4:
        return True, False
    return False, False


def find(sentence_text: str, offset: int, lex: Lexicon, is_caption: bool = False,
         context: str = "") -> list[Mention]:
    """Every mention in one sentence (offsets are absolute: ``offset`` + position).

    ``context`` is the sentence's paragraph: product cues ("accessories", "watch") there
    make "the Wander" a product."""
    text = sentence_text
    product_context = bool(PRODUCT_CUE.search(context or text))
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(m: Mention, s: int, e: int) -> None:
        out.append(m)
        taken.append((s, e))

    toks = tokens(text)
    # Multi-word and stylised stage names first ("Tyler, the Creator", "FKA twigs", "Lil Nas X").
    for ms, me, form in lexicon_spans(text, toks, mononym_forms(lex)):
        add(Mention("Person", lex.mononyms[fold(form)], offset + ms, offset + me, form), ms, me)

    # Quoted titles next to "campaign" or a product noun.
    for m in QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip().rstrip(",.")
        if not inner or not (inner[0].isupper() or inner[0] in "#@0123456789") or len(inner.split()) > 8 or \
                fold(inner) in lex.non_entities:  # 'the defining "It" bags'
            continue
        s, e = m.start(), m.end()
        if not free(s, e):
            continue
        around_before, around_after = text[max(0, s - 45):s].lower(), text[e:e + 45].lower()
        noun = _product_noun_after(text, e, lex)
        if noun:
            add(Mention("Product", inner, offset + s + 1, offset + s + 1 + len(inner), m.group(0)), s, e)
        elif re.match(r"^\s*,?\s*(?:[\w\-]+,?\s+){0,5}(?:is|was|marks|becomes)\s+(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}"
                      r"campaign\b", around_after + text[e + 45:e + 70].lower()) or (
                re.match(r"^\s*,?\s*(?:campaign\s+)?series\b", around_after) and
                re.search(r"campaign|chapter|ads|advertising|images", text, re.I)) or \
                re.match(r"^\s*,?\s*(?:(?:was|were|is|has\s+been)\s+)?(?:shot|lensed|photographed|captured)\s+"
                         r"(?:[\w\-]+\s+){0,4}?by\s+(?:the\s+(?:[a-z\-]+\s+){1,3})?[A-Z]",  # "by the duo X"
                         text[e:e + 100]) or \
                re.match(r"^\s*,?\s*(?:a\s+|an\s+|the\s+|its\s+)?(?:[\w\-'’]+\s+){0,3}(?:campaign|ad campaign|"
                      r"advertising campaign|series of (?:ads|images)|campaign film)\b", around_after) or re.match(
                r"^\s*,?\s*(?:a\s+|an\s+|the\s+|its\s+)?(?:[\w\-'’]+\s+){0,3}(?:short\s+)?film\s+for\s+(?:the|its|a)\b",
                around_after) or re.search(
                r"\b(?:campaign|campaign,?\s+(?:titled|called|dubbed|named)|titled|dubbed|called|named|"
                r"campaign\s+for\s+(?:the|its|his|her))\s*,?\s*$",
                around_before) or re.search(r"\b(?:campaign)\b", around_after[:25]):
            if re.search(r"\b(?:film|album|song|single|track|series|show|drama|book|magazine|newspaper|movie|"
                         r"documentary|exhibition)\s*,?\s*(?:titled|called|named|dubbed)?\s*$", around_before):
                continue
            add(Mention("Campaign", inner, offset + s + 1, offset + s + 1 + len(inner), m.group(0)), s, e)
        else:  # a title named elsewhere in the article, maybe; resolution decides
            add(Mention("Quoted", inner, offset + s + 1, offset + s + 1 + len(inner), m.group(0),
                        confident=False), s, e)

    # Hashtag campaigns.
    for m in re.finditer(r"#\w+", text):
        if free(m.start(), m.end()) and re.search(r"campaign|initiative|series", text[m.end():m.end() + 40], re.I):
            add(Mention("Campaign", m.group(0), offset + m.start(), offset + m.end(), m.group(0)), m.start(), m.end())

    # Brands from the lexicon (a brand followed by a number is a product: "CHANEL 25").
    for s, e, form in lexicon_spans(text, toks, lex.brands):
        if not free(s, e):
            continue
        entry = lex.brands[form]
        num = re.match(r"\s+(\d[\d.]*)(?![\w.])", text[e:])
        if num and not YEAR.fullmatch(num.group(1)):
            pe = e + num.end()
            tail = re.match(r"(?: [A-Z][a-z][\w'’\-]*){1,2}\b", text[pe:])
            if tail and not _title_cased(text):  # "a Tumi 19 Degree carry-on": the line is "19 Degree"
                add(Mention("Brand", entry.name, offset + s, offset + e, form), s, e)
                a, pe = e + len(num.group(0)) - len(num.group(1)), pe + tail.end()
                add(Mention("Product", text[a:pe], offset + a, offset + pe, text[a:pe], brand=entry.name), a, pe)
                continue
            add(Mention("Product", f"{form} {num.group(1)}", offset + s, offset + pe, text[s:pe],
                        brand=entry.name), s, pe)
            continue
        lead = _DE_BRAND.search(text[max(0, s - 30):s])
        if lead and not lex.is_given_name(lead.group(1)) and lead.group(1).lower() not in FUNCTION_WORDS and not (
                {fold(lead.group(1))} & (lex.non_entities | lex.non_entity_openers)):
            a = s - len(lead.group(0)) + lead.start(1) - lead.start(0)
            if free(a, e):
                add(Mention("Product", text[a:e], offset + a, offset + e, text[a:e], brand=entry.name), a, e)
                continue
        named = _BRAND_DE.match(text[e:])
        if named and (re.search(r"\b(?:the|its|his|her|their)\s+$", text[max(0, s - 8):s]) or
                      _product_noun_after(text, e + named.end(), lex)):
            pe = e + named.end()  # "the Ami de Cœur", "his Ami de Cœur sweater": a product named for the house
            add(Mention("Product", text[s:pe], offset + s, offset + pe, text[s:pe], brand=entry.name), s, pe)
            continue
        possessive = bool(re.match(r"['’]s\b", text[e:]))
        honorific = bool(HONORIFIC.search(text[:s]))
        if honorific or (entry.person_name and _person_context(text, s, e, lex)):
            nat, occ, kinds = _descriptor(text[:s], lex)
            add(Mention("Person", form, offset + s, offset + e, form, nationality=nat,
                        occupations=occ, occupation_kinds=kinds, possessive=possessive, honorific=honorific),
                s, e)
            continue
        add(Mention("Brand", entry.name, offset + s, offset + e, form, possessive=possessive), s, e)

    for run in capital_runs(text, toks):
        _classify_run(run, text, offset, lex, out, taken, is_caption, product_context)

    # "the Le Cagole and Hourglass": a capitalised word joined to a product is a product too.
    for prod in [m for m in out if m.type == "Product"]:
        ps, pe = prod.start - offset, prod.end - offset
        for pattern in (COORDINATED_AFTER,):
            m = pattern.match(text[pe:])
            if m and free(pe + m.start(1), pe + m.end(1)) and fold(m.group(1)) not in lex.non_entities:
                a, b = pe + m.start(1), pe + m.end(1)
                out.append(Mention("Product", m.group(1), offset + a, offset + b, m.group(1), brand=prod.brand,
                                   confident=prod.confident))
                taken.append((a, b))
        del ps

    for prod in [m for m in out if m.type == "Product"]:
        ps = prod.start - offset
        m = COORDINATED_BEFORE.search(text[:ps])
        if m and free(m.start(1), m.end(1)) and fold(m.group(1)) not in lex.non_entities and \
                m.group(1).split()[0].lower() not in FUNCTION_WORDS and \
                not (m.start(1) == 0 and re.fullmatch(r"[A-Z][a-z]+ly", m.group(1))):  # "Notably, Catene, ..."
            out.append(Mention("Product", m.group(1), offset + m.start(1), offset + m.end(1), m.group(1),
                               brand=prod.brand, confident=prod.confident))
            taken.append((m.start(1), m.end(1)))
    brands_possessive = [b for b in out if b.type == "Brand" and b.possessive]
    for prod in [m for m in out if m.type in ("Product", "Campaign") and not m.brand]:
        for b in brands_possessive:
            gap = text[b.end - offset:prod.start - offset]
            if 0 <= len(gap) <= 40 and POSSESSIVE_GAP.fullmatch(gap):
                prod.brand, prod.owned = b.name, True

    # Numbered products: "the 2.55", "Air Force 1" is handled as a run + number.
    for m in re.finditer(r"\bthe\s+(\d+(?:\.\d+)+|\d{2,4}\s[A-Z]{1,3}\b)", text):
        if free(m.start(1), m.end(1)):
            add(Mention("Product", m.group(1), offset + m.start(1), offset + m.end(1), m.group(1)),
                m.start(1), m.end(1))
    # "the 1893 Harness line", "the 212 franchise", "the 1945 Soft, a slouchier version of ..."
    for m in NUMBER_LED.finditer(text):
        words = m.group(1).split()
        noun = m.group(2) or ""
        named = len(words) > 1 or (not YEAR.fullmatch(words[0]) and not noun.endswith("s"))  # not "the 25 bags"
        if free(m.start(1), m.end(1)) and named and (
                noun.lower() in lex.product_nouns or noun.lower() in _LINE_NOUNS or m.group(3)):
            add(Mention("Product", m.group(1), offset + m.start(1), offset + m.end(1), m.group(1)),
                m.start(1), m.end(1))

    # "The campaign follows last fall's, which starred X": the season's campaign a year before
    earlier: list[tuple[int, int]] = []
    for m in _LAST_SEASONS.finditer(text):
        if not m.group(2) and (not re.search(r"\bcampaign\b", text[:m.start()], re.I) or
                               re.match(r"\s*[\"“‘'A-Z]", text[m.end():])):
            continue  # "last fall's" stands for a campaign only after one is named, and not before its name
        word = m.group(1).lower()
        out.append(Mention("Campaign", "", offset + m.start(), offset + m.end(), text[m.start():m.end()],
                           season=None if word == "year" else normalise_season(word), years_back=1, confident=False))
        earlier.append((m.start(), m.end()))

    # Unnamed campaigns: "<season> <year> campaign", "2024 Peekaboo campaign".
    for m in re.finditer(r"campaign", text, re.I):
        if any(a <= m.start() < b for a, b in earlier) or text[m.end():m.end() + 1] == "s":
            continue  # "Holiday 2025 beauty campaigns: MAC, Armani ...": many, not one
        named_for = [p for p in out if p.type == "Product" and re.fullmatch(
            r"\s+(?:[a-z]+\s+)?", text[p.end - offset:m.start()])]
        if named_for and not SEASON.search(text[max(0, named_for[0].start - offset - 20):m.start()]) and not \
                YEAR.search(text[max(0, named_for[0].start - offset - 8):m.start()]):
            p = named_for[0]
            season = SEASON_WORD.search(text[p.end - offset:m.start()])  # "the Idôle spring campaign"
            out.append(Mention("Campaign", "", p.start, offset + m.end(), text[p.start - offset:m.end()],
                               brand=p.brand, confident=False, product=p.name,
                               season=normalise_season(season.group(0)) if season else None))
            continue
        window_start = max(0, m.start() - 60)
        window = text[window_start:m.start()]
        clause = re.split(r"[.;:!?]|,\s(?!\d)", window)[-1]
        made_for = re.match(r"\s+for\s+(?:the|its)\s+(?:new\s+)?", text[m.end():])
        shown = [p for p in out if made_for and p.type == "Product" and p.start - offset == m.end() + made_for.end()]
        if shown and re.search(r"\bthe\s+$", clause) and not (SEASON.search(clause) or YEAR.search(clause)):
            p = shown[0]  # "fronts the campaign for the Spirit Zulu Time": the product's campaign
            out.append(Mention("Campaign", "", offset + m.start(), p.end, text[m.start():p.end - offset],
                               brand=p.brand, confident=False, product=p.name))
            continue
        sm = SEASON.search(clause)
        ym = YEAR.search(clause)
        bare = re.search(r"\b(pre-fall|spring(?:/summer)?|summer|fall(?:/winter)?|autumn(?:/winter)?|winter|resort|"
                         r"cruise|holiday)\s+(?:[a-z\-]+\s+){0,3}$", clause, re.I)
        if not (sm or ym) and bare:
            s = window_start + len(window) - len(clause) + bare.start()
            out.append(Mention("Campaign", "", offset + s, offset + m.end(), text[s:m.end()],
                               season=normalise_season(bare.group(1)), confident=False))
            continue
        later = re.match(r"(?:\s+for\s+(?:the|its)\s+(?:brand|house|label|maison|company))?,?\s+for\s+(?:the\s+)?",
                         text[m.end():])  # "Her first campaign for the brand, for spring 2025, ..."
        later = SEASON.match(text, m.end() + later.end()) if later else None
        if later and re.match(r"\s+(?:[\w'’\-]+\s+){0,2}(?:collection|collections|line|show|range)\b",
                              text[later.end():]):
            later = None  # "the campaign for the spring/summer 2024 women's collection": the season's, named or not
        if not (sm or ym) and later:  # "the first campaign, for spring 2021, was shot by ..."
            out.append(Mention("Campaign", "", offset + m.start(), offset + later.end(), text[m.start():later.end()],
                               season=normalise_season(later.group(1)), year=later.group(2) if len(later.group(2)) == 4
                               else "20" + later.group(2), confident=False))
            continue
        if not (sm or ym):
            continue
        lead = window_start + len(window) - len(clause)
        gap = re.sub(r"[\"“‘'][^\"”’']*[\"”’']", " ", text[lead + (sm or ym).end():m.start()])  # a quoted name
        if len(gap.split()) > 4 or re.search(r"\b(?:of|and|has|have|had|was|were|is|are|in|on|at|to|since)\b", gap):
            continue  # "signed in 2023 and has appeared in every chapter of the campaign": not the 2023 campaign
        s = window_start + len(window) - len(clause) + (sm or ym).start()
        if not free(s, m.end()):
            # a named campaign or product sits between: only attach season/year info
            pass
        inner = [c for c in out if c.type == "Campaign" and c.name and s <= c.start - offset < m.end()]
        if any(c.surface[:1] in "\"'“‘#" for c in inner):
            continue  # 'the spring 2025 "Versace Icons" campaign' is the named one
        product = None
        for p in out:
            if p.type == "Product" and s <= p.start - offset and p.end - offset <= m.start():
                product = p.name
        named = _NAMED_BEFORE_CAMPAIGN.search(text, (sm or ym).end(), m.start())
        if product is None and not inner and named and not any(
                x.start - offset < m.start() and x.end - offset > named.start(1) for x in out) and not any(
                w.lower() in lex.collection_words or SEASON_WORD.fullmatch(w) for w in named.group(1).split()):
            a, b = named.start(1), named.end(1)  # "the 2025 Divine campaign", no run of its own: named for Divine
            out.append(Mention("Product", named.group(1), offset + a, offset + b, named.group(1)))
            taken.append((a, b))
            product = named.group(1)
        for c in inner:
            out.remove(c)
            product = c.name
            if ym and not sm and c.surface[:1] not in "\"'“‘#" and c.name.split()[0].lower() not in FUNCTION_WORDS:
                # "the brand's 2025 Pillow Talk campaign": a year's campaign named for what it sells
                out.append(Mention("Product", c.name, c.start, c.end, c.surface))
        season = normalise_season(sm.group(1)) if sm else None
        year = None
        if sm:
            y = sm.group(2)
            year = y if len(y) == 4 else "20" + y
        elif ym:
            year = ym.group(1)
        out.append(Mention("Campaign", "", offset + s, offset + m.end(), text[s:m.end()], season=season,
                           year=year, confident=False, product=product))
    for c in out:
        if c.type not in ("Product", "Campaign"):
            continue
        head = text[max(0, c.start - offset - 80):c.start - offset]
        brands = [b for b in out if b.type == "Brand" and b.end <= c.start]
        if c.type == "Product" and not c.brand and brands and _PLACE_HOUSE_POSSESSIVE.search(head):
            c.brand = brands[-1].name  # "at Furla, where she reworked the Bologna company's Metropolis bag"
        if c.type == "Campaign" and _ITS_OWN.search(head):
            c.owned = True  # "Salomon released its own, separate Fall 2024 campaign"
        subject = [b for b in brands if not b.possessive]
        if not c.brand and subject and _SUBJECT_ITS.fullmatch(text[subject[-1].end - offset:c.start - offset]):
            c.brand, c.owned = subject[-1].name, True  # "Asics unveiled its GEL-1130 campaign"
    _drop_apposed_unnamed_campaigns(text, offset, out)
    out.sort(key=lambda mm: mm.start)
    return out


def _drop_apposed_unnamed_campaigns(text: str, offset: int, out: list[Mention]) -> None:
    """'its spring 2025 campaign, "Un Dimanche à Paris,"' and '"Mediterranean Light," the
    retailer's fall campaign' name one campaign twice: the quoted title is its name."""
    named = [c for c in out if c.type == "Campaign" and c.name and c.surface[:1] in "\"'“‘"]
    for c in [c for c in out if c.type == "Campaign" and not c.name]:
        for n in named:
            after = text[n.end - offset:c.start - offset] if n.end <= c.start else None
            before = text[c.end - offset:n.start - offset] if c.end <= n.start else None
            if (after is not None and _NAMED_THEN_UNNAMED.fullmatch(after)) or (
                    before is not None and _UNNAMED_THEN_NAMED.fullmatch(before)):
                out.remove(c)
                subject = [b for b in out if b.type == "Brand" and not b.possessive and b.end <= min(n.start, c.start)]
                if c.brand and not n.brand:
                    n.brand, n.owned = c.brand, c.owned
                elif not n.brand and subject and re.search(r"\bits\s+$", text[:c.start - offset]) and \
                        _SUBJECT_VERB.fullmatch(text[subject[-1].end - offset:min(n.start, c.start) - offset]):
                    n.brand, n.owned = subject[-1].name, True  # 'Saint Laurent has released "X," its fall campaign'
                break


def _classify_run(run: Run, text: str, offset: int, lex: Lexicon, out: list[Mention],
                  taken: list[tuple[int, int]], is_caption: bool, product_context: bool = False) -> None:
    """Turn one capitalised run into person, product or campaign mentions (or nothing)."""
    toks: list[Token] = list(run.tokens)
    # Split the run around brands already found inside it.
    inside = [(a, b) for a, b in taken if a < run.end and b > run.start]
    brand_spans = [m for m in out if m.type == "Brand" and run.start <= m.start - offset < run.end]
    if inside and not brand_spans:
        return  # covered by a quote or stage name
    lead_brand: str | None = None
    if brand_spans:
        b = brand_spans[0]
        bs, be = b.start - offset, b.end - offset
        before_toks = [t for t in toks if t.end <= bs]
        after_toks = [t for t in toks if t.start >= be]
        lead = [t for t in before_toks if not re.fullmatch(r"(?:Mr|Ms|Mrs|Mx|Dr|Dame|Sir)\.?", t.text)]
        after_run = text[run.end:]
        person_cue = bool(before_toks) and (PERSON_BEFORE.search(text[:run.start]) or _descriptor(
            text[:run.start], lex)[1] or PERSON_AFTER.match(after_run)) and not re.search(r"\bthe\s+$",
                                                                                        text[:run.start])
        if before_toks and (not lead or lex.is_given_name(lead[0].text) or len(lead) < len(before_toks)
                            or person_cue) and not after_toks:
            # "Simon Porte Jacquemus", "Silvia Venturini Fendi": a person bearing the house's name
            out.remove(b)
            taken.remove((bs, be))
        elif after_toks and lex.is_given_name(toks[0].text) and not before_toks and len(after_toks) == 1 and \
                not _product_noun_after(text, after_toks[-1].end, lex) and \
                not re.match(r"\s+campaign", text[after_toks[-1].end:]) and \
                after_toks[0].text[0].isupper() and after_toks[0].text not in lex.brands and \
                fold(after_toks[0].text) not in lex.non_entities and not SEASON_WORD.fullmatch(after_toks[0].text):
            # "Kenzo Takada": the founder, not a product
            out.remove(b)
            taken.remove((bs, be))
        elif before_toks and not after_toks:
            # "Lady Dior", "Pillow Tabby"-style: a product named with the house inside it
            if before_toks[0].lower in FUNCTION_WORDS or fold(" ".join(t.text for t in before_toks)) in \
                    lex.non_entities or _is_descriptor_words(before_toks, lex):
                return
            if _product_noun_after(text, be, lex) or re.match(r"\s+(?:\d{4}\s+)?campaign", text[be:]) or (
                    product_context and re.search(r"\bthe\s+$", text[:run.start])):
                out.remove(b)
                taken.remove((bs, be))
            else:
                return
        else:
            toks = after_toks
            lead_brand = b.name
            if not toks:
                return
    honorific = False
    if toks and re.fullmatch(r"(Mr|Ms|Mrs|Mx|Miss|Dr|Dame|Sir|Madame|Mme)\.?", toks[0].text) and len(toks) > 1:
        toks, honorific = toks[1:], True
    # Drop sentence-initial function words and descriptor words from the front.
    for size in (3, 2):
        if len(toks) > size and _nationality(" ".join(t.text for t in toks[:size]).lower(), lex):
            toks = toks[size:]
            break
    if toks and _nationality(" ".join(t.text for t in toks).lower(), lex):
        return
    after_the = bool(toks) and bool(THE_BEFORE.search(text[max(0, toks[0].start - 160):toks[0].start]))
    # "the Mexico 66": a model named for a place and a number
    numbered = after_the and fold(" ".join(tk.text for tk in toks)) in lex.places and bool(
        re.match(r" \d{1,3}(?![\w.])", text[toks[-1].end:]))
    # "the new So Nude boot", "Louboutin's So Kate": a capitalised function word after "the" or a
    # house opens the name
    after_house = bool(lead_brand) or _owner_before(out, text, offset, run.start) is not None
    named_after_the = (after_the or after_house) and len(toks) >= 2 and not run.sentence_initial and \
        toks[0].lower in FUNCTION_WORDS and toks[0].lower not in ("the", "a", "an")
    while toks and not numbered and not named_after_the and (
            toks[0].lower in FUNCTION_WORDS or fold(toks[0].text) in lex.non_entities
                    or _nationality(toks[0].text.lower(), lex) or toks[0].lower in lex.occupations
                    or re.fullmatch(r"\d+(?:\.\d+)?(?:mm|cm|ml)", toks[0].lower)  # "the 39mm Carrera"
                    or re.fullmatch(r"\d+-(?:year|month)s?-old", toks[0].lower)):  # "82-year-old Parisienne X"
        toks = toks[1:]
    if not toks:
        return
    s, e = toks[0].start, min(run.end, toks[-1].end)
    name = text[s:e]
    if name and len(name.split()) >= 2 and (fold(name.split()[-1]) in lex.non_entity_heads or
                                            fold(name.split()[0]) in lex.non_entity_openers) and \
            not _descriptor(text[max(0, s - 160):s], lex)[1]:  # "Hyde Park" is a place, "actress Ashley Park" a person
        return
    if not name or (fold(name) in lex.non_entities and not numbered) or any(
            (a < e and b > s) for a, b in taken):
        return
    if fold(name) in lex.places and not _product_noun_after(text, e, lex) and not numbered:
        return  # "the United Kingdom", "the Geneva company"; but the "Sicily bag" is a product
    if re.fullmatch(r"['’]?\d+s?|\d+(?:st|nd|rd|th)", name) or any(COMPOUND_ADJECTIVE.search(t.text) for t in toks):
        return
    after_number = bool(re.search(r"\d\s+$", text[:s]))  # "the 530 SL", "the 1945 Soft": the number names it
    if name.isupper() and not any(c.isdigit() for c in name) and len(name) <= 3 and fold(name) not in lex.mononyms \
            and not (_product_noun_after(text, e, lex) and not after_number):
        return  # acronyms: CEO, LVMH is a brand (lexicon), others are noise; "the PRX, a sports watch" is not
    before, after = text[max(0, s - 160):s], text[e:]  # end-anchored checks need only the last words
    num = re.match(r" ((?:['’]\d{2}|\d{1,4}(?:\.\d+)?|\d{4,6}[A-Z]{1,3})(?: [A-Z]{1,3}\b)?)(?![\w-])(?!\.\w)", after)
    if num and YEAR.fullmatch(num.group(1)) and re.match(r"\s+(?:[\w\-]+\s+){0,2}(?:campaign|collection|season|show|"
                                                         r"film|ads?)\b", after[num.end():]):
        num = None
    owner = _owner_before(out, text, offset, s)  # "Le Labo's Santal 33"
    if num and (_product_noun_after(text, e + num.end(), lex) or THE_BEFORE.search(before) or owner
                or A_NEW_BEFORE.search(before)) and \
            not (lex.is_given_name(toks[0].text) and len(toks) >= 2 and not product_context):
        e += num.end()
        tail = re.match(r"(?: [A-Z][a-z][\w'’\-]*){1,3}(?=[,.;:)]|\s+[a-z(]|$)", text[e:])
        if tail and not _title_cased(text) and not any(
                w.lower() in FUNCTION_WORDS or lex.is_given_name(w) for w in tail.group().split()[:1]):
            e += tail.end()  # "the Chuck 70 Double Layer, a high-top": words after the number end the name
        name = text[s:e]
        before, after = text[max(0, s - 160):s], text[e:]
    if owner and not lead_brand and len(toks) <= 4 and not honorific and not lex.is_given_name(toks[0].text) and \
            fold(name) not in lex.mononyms and fold(name) not in lex.places and fold(name) not in lex.non_entities \
            and not any(t.lower in lex.collection_words or SEASON_WORD.fullmatch(t.text) or t.lower in FUNCTION_WORDS
                        or t.lower in lex.occupations for t in toks) and not _nationality(toks[0].text.lower(), lex) \
            and not run.sentence_initial and toks[0].text[:1].isupper() and not re.match(
                r"\s+(?:(?:(?:ad\s+|advertising\s+)?campaigns?|collections?|shows?|films?|ads?|stores?|boutiques?|"
                r"flagships?|foundation|museum|team|group)\b|(?:in|of|de|di|du|la|le|des|the|and|&)\s+[A-Z])", after):
        # "Byredo's Mojave Ghost", "Le Labo's Santal 33": a house's named thing (not its "Closet campaign",
        # nor the first word of "Born in Roma")
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=owner.name, owned=True))
        taken.append((s, e))
        return
    if FRAGRANCE_NAME.search(name) or (re.search(r"\bface\s+of\s+(?:the\s+(?:(?:new|latest|original|reformulated|"
                                                 r"relaunched)\s+)?)?$", before) and not lex.is_given_name(toks[0].text)
                                       and fold(name) not in lex.mononyms):
        # "Light Blue Pour Homme"; "the new face of Light Blue" (a house would be a brand mention)
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if re.search(r"(?i)\bthe\s+(?:[A-Z][\w'’\-]*\s+){0,3}?(?:(?:and|&)\s+)?$", before) and \
            re.match(r"\s+(?:lines?|collections?|ranges?)\b", after) and len(toks) <= 2 \
            and not any(t.lower in lex.collection_words or SEASON_WORD.fullmatch(t.text) or t.text[:1].isdigit()
                        for t in toks) and not lex.is_given_name(toks[0].text) and fold(name) not in lex.places \
            and not _nationality(name.lower(), lex):
        # "from the Millenia line", "The Constella line": a named product line
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    core = toks[:-1] if len(toks) >= 3 and REFERENCE.fullmatch(toks[-1].text) else toks  # "... Chronograph 26240ST"
    if len(core) >= 2 and core[-1].lower in lex.product_nouns and len(core) < len(toks):
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if len(toks) >= 2 and toks[-1].lower in lex.product_nouns:
        if e > toks[-1].end or (toks[-1].text[:1].isupper() and toks[-1].lower not in CATEGORY_NOUNS
                                and not run.sentence_initial and not is_caption and len(toks) >= 2):
            # "Navitimer B01 Chronograph 43", "the Carrera Chronograph", "the Speedcross Mule": a model's
            # capitalised noun (and size) are its name; "the Tabby Bag" is the Tabby
            out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
            taken.append((s, e))
            return
        e = toks[-2].end
        out.append(Mention("Product", text[s:e], offset + s, offset + e, text[s:toks[-1].end], brand=lead_brand))
        taken.append((s, toks[-1].end))
        return
    noun = _product_noun_after(text, e, lex)
    shared = re.match(r"\s+(?:and|or|&)\s+(?:[A-Z][\w'’\-]*\s+){1,3}([a-z]+s)\b", after)
    if not noun and shared and shared.group(1) in lex.product_nouns and not lex.is_given_name(toks[0].text):
        noun = shared.group(1)  # "the Pouch and Cassette bags": the plural noun names both
    if noun:
        namesake = re.search(r"\b([A-Z][a-z]+)['’]s\s+$", text[:s])
        if namesake and lex.is_given_name(namesake.group(1)) and not lead_brand and not any(
                m.type == "Brand" and m.start == offset + namesake.start() for m in out):
            # "Paula's Ibiza, the summer line": a given name's possessive is part of the product's name
            out[:] = [m for m in out if m.start != offset + namesake.start()]
            taken[:] = [(a, b) for a, b in taken if a != namesake.start()]
            s = namesake.start()
            name = text[s:e]
        joined = re.search(r"(?<![\w'’])([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+&\s+$", text[max(0, s - 60):s])
        brand = lead_brand
        if joined and not lead_brand:  # "Jo Malone London's Wood Sage & Sea Salt cologne": one name
            start = s - len(joined.group(0)) + joined.start(1) - joined.start(0)
            guess = [m for m in out if m.type == "Person" and m.start - offset == start and not m.honorific]
            if guess and _owner_before(out, text, offset, start) is not None:
                out.remove(guess[0])  # "Jo Malone London's Wood Sage &": no person after a house's possessive
                taken[:] = [(a, b) for a, b in taken if a != start]
            if not any(a < s and b > start for a, b in taken):
                s, name = start, text[start:e]
                house = _owner_before(out, text, offset, s)
                brand = house.name if house else None
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=brand))
        taken.append((s, e))
        return
    cat = re.match(r"\s+(?:jewelry|jewellery|fragrance|perfume|handbag|bag|eyewear|watch|sneaker|shoe|"
                   r"footwear|beauty|makeup|lipstick)\s+campaign\b", after)
    if cat:
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if re.match(r"\s+(?:ad\s+|advertising\s+)?campaign\b", after) and re.search(r"[A-Za-z]-?\d", name) and \
            not SEASON.fullmatch(name):
        # "its GEL-1130 campaign": a model number names the product the campaign is for
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if re.match(r"\s+(?:ad\s+|advertising\s+)?campaign\b", after) and \
            not SEASON.fullmatch(name) and not YEAR.fullmatch(name):
        out.append(Mention("Campaign", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if lead_brand and toks[-1].lower not in FUNCTION_WORDS:  # not "Salomon Return With" in a headline
        # "Gucci Signoria", "Balenciaga Le City": a house's named thing
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand, confident=False))
        taken.append((s, e))
        return
    if re.search(r"\bthe\s+(?:house|brand|label|maison)['’]s\s+$", before) and not honorific and \
            not lex.is_given_name(toks[0].text) and fold(name) not in lex.mononyms and not SEASON_WORD.search(name):
        # "alongside the house's La Medusa": a house's named thing
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if HOUSE_OF.search(before) and len(toks) <= 3 and not lex.is_given_name(toks[0].text) and \
            fold(name) not in lex.mononyms and not honorific:
        # "the founder and creative director of Diotima": a house the brand lexicon lacks
        out.append(Mention("Brand", name, offset + s, offset + e, text[s:e], possessive=run.possessive))
        taken.append((s, e))
        return
    if MODEL_CODE.fullmatch(name) and re.search(r"['’]s\s+$|\bthe\s+$", before):
        # "Salomon's XT-6", "the PS1": a model code
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    if not honorific and not after_number and (SELLERS_AFTER.match(after) or VERSION_OF.match(after)):
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], brand=lead_brand))
        taken.append((s, e))
        return
    is_person, confident = _looks_like_person(run if toks == list(run.tokens) else _sub_run(run, toks, text),
                                              lex, before, after)
    if is_person and THE_BEFORE.search(before) and not honorific and (not (
            fold(name) in lex.mononyms or lex.is_given_name(toks[0].text)) or product_context):
        is_person = False
    if is_person or honorific:
        nat, occ, kinds = _descriptor(before, lex)
        honorific = honorific or bool(HONORIFIC.search(before))
        surface = text[run.start:e] if honorific else text[s:e]
        out.append(Mention("Person", name, offset + s, offset + e, surface, nationality=nat, occupations=occ,
                           occupation_kinds=kinds, honorific=honorific, confident=confident or honorific,
                           possessive=run.possessive))
        taken.append((s, e))
        return
    # A capitalised name after "the" with no other reading: maybe a product ("the Le Cagole").
    words = [tk for tk in toks if not re.fullmatch(r"\d+(?:\.\d+)?(?:mm|cm|ml)?", tk.lower)
             and not REFERENCE.fullmatch(tk.text)]  # "... Sapphire 42mm", "... Luna Rossa PAM01543"
    a_new_model = bool(A_NEW_BEFORE.search(before)) and bool(re.search(r"\d", name))  # "a new Seastar 1000"
    head = re.match(r"\s+([a-z]+)\b", after)
    if head and fold(head.group(1)) in lex.place_nouns:
        return  # "the Khumbu glacier", "the Atlas mountains": a place
    if (THE_BEFORE.search(before) or a_new_model) and (len(toks) <= 3 or (len(words) <= 4 and (len(words) < len(toks) or
                                                                             product_context))) and \
            not re.match(r"\d", name) and \
            not re.match(r"\s+(?:in|at|on)\s+[A-Z]|\s+(?:years|era|days|tenure|regime|reign|age|house|label|brand|"
                         r"company|maison|group|designer|jeweller|jeweler|retailer|department|floor|hall|room|"
                         r"counter|concession|section|windows?|store|boutique|family['’]s|clan|dynasty)(?!\w)", after):
        # "the Mexico 66 SD": a model number; "the Luminor Marina PAM01312": a reference number
        cue = product_context or bool(AD_FOR.search(before)) or numbered or a_new_model or any(
            REFERENCE.fullmatch(tk.text) for tk in toks)
        out.append(Mention("Product", name, offset + s, offset + e, text[s:e], confident=cue))
        taken.append((s, e))


def _owner_before(out: list[Mention], text: str, offset: int, pos: int) -> Mention | None:
    """The house whose possessive ends right before ``pos`` ("Le Labo's |Santal 33")."""
    return next((m for m in reversed(out) if m.type == "Brand" and m.possessive and m.end - offset <= pos
                 and re.fullmatch(r"['’]s?\s+", text[m.end - offset:pos])), None)


def _title_cased(text: str) -> bool:
    """Whether a sentence capitalises nearly every word (a headline), so capitals do not
    mark names."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_descriptor_words(toks: list[Token], lex: Lexicon) -> bool:
    return all(_nationality(t.text.lower(), lex) or t.lower in lex.occupations for t in toks)


def _sub_run(run: Run, toks: list[Token], text: str) -> Run:
    s, e = toks[0].start, min(run.end, toks[-1].end)
    return Run(tuple(toks), s, e, text[s:e], run.possessive, not text[:s].strip(" \"'“‘(*"))
