"""Relation rules: trigger phrases plus where the people, brands and campaigns stand.

Each rule reads one sentence (its mentions already resolved to entities) and the
article's running context (its main brand, the campaign being talked about). Sentences
that deny or speculate produce nothing; past roles are kept and marked past.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..dates import parse_date
from ..ids import fold
from ..model import Evidence, Relation
from .lexicon import Lexicon
from .lookup import trigger_spans
from .mentions import Mention
from .sentences import Sentence

Key = tuple[str, str]
PASSIVE_SHOT = re.compile(r"\b(?:[Ss]hot|[Ll]ensed|[Pp]hotographed|[Cc]aptured)\b"
                          r"(?:(?!\b(?:directed|styled|filmed)\b)[^.;]){1,50}?\bby\s+|"
                          r"\b(?:[Pp]hotographs|[Pp]ictures|[Ss]tills|[Pp]ortraits),\s+by\s+")  # "The stills, by X,"
LIST_WORDS = {"duo", "pair", "twin", "twins", "brothers", "sisters", "fellow", "newcomer", "newcomers", "star", "stars",
              "rising", "veteran", "longtime", "former", "also", "both", "plus", "finally", "lastly", "then",
              "new", "young", "legendary", "iconic", "emerging", "k-pop", "idol", "member", "members", "designer",
              # "Penélope Cruz and her sister Mónica Cruz": kin named in the same list
              "her", "his", "their", "sister", "brother", "daughter", "son", "wife", "husband", "mother", "father",
              "cousin", "niece", "nephew", "sibling"}
SINCE = re.compile(r"\b(?:since|on|in|from)\s+((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|"
                   r"\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?|[A-Z][a-z]{2,8}\s+\d{4}))")
# "the collaboration campaign", "a second set of images, for the Tod's x Ducati capsule"
COLLABORATION_CUE = re.compile(r"\b(?:collaboration|collab|capsule|partnership)\s+(?:campaign|images|imagery|shoot|"
                               r"lookbook|visuals)\b|\b(?:images|imagery|pictures|photos|campaign|shoot|visuals)"
                               r",?\s+for\s+the\s+[^,.;]{0,40}?\b(?:capsule|collaboration|collab)\b", re.I)
SHOT_AFTER = re.compile(r"\s+(?:also\s+)?(?:shot|shoots|lensed|lenses|photographed|photographs|captured)\b")


@dataclass
class Context:
    """What the article has established so far."""

    main_brand: Key | None
    current_campaign: Key | None = None
    default_campaign: Key | None = None
    cue_paragraph: int = -1
    campaign_paragraphs: set[int] = field(default_factory=set)
    year: int | None = None
    topic_person: Ref | None = None
    prev_subject: tuple[int, Ref] | None = None  # (paragraph, person) opening the sentence before: "Mike is family."
    last_people: list[Ref] = field(default_factory=list)
    people_seen: list[Ref] = field(default_factory=list)
    make_default_campaign: object = None  # callable () -> Key | None, set by the pipeline
    collaborations: list[tuple[str, str]] = field(default_factory=list)  # (house, partner) named "A x B"
    make_collaboration_campaign: object = None  # callable (house, partner, sentence) -> Key, set by the pipeline
    collaboration_paragraph: int = -1  # where the text turned to the collaboration's own images
    before_collaboration: Key | None = None
    main_name: str | None = None  # the house as written, for an unnamed campaign's name
    section_houses: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # paragraph -> (Brand, key, name)
    sentence_houses: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # a group's: sentence start -> ...
    article_house: tuple[Key | None, str | None] | None = None  # main_brand and main_name before any section
    relations: dict[tuple[Key, str, Key], Relation] = field(default_factory=dict)
    pending_title: Key | None = None  # "Marni has a new creative director.": whose title the next sentence names
    last_brands: list[Key] = field(default_factory=list)  # houses the last sentence naming any named


@dataclass
class Ref:
    """A resolved mention: the mention and the entity it denotes."""

    mention: Mention
    key: Key

    @property
    def type(self) -> str:
        return self.key[0]


_CAST_VERB = r"(?:stars?|starred|starring|features?|featured|featuring|puts|casts?|cast)\b"  # "shot by X, stars Y"
# "ending weeks of speculation", "confirming rumours": the rumour is over, the fact stated
_ENDED_RUMOUR = re.compile(r"\b(?:end(?:ing|ed|s)?|put(?:ting|s)?\s+an\s+end\s+to|after|following|confirm(?:ing|ed|s)?)"
                           r"(?:\s+[\w\-]+){0,3}\s*$", re.I)
# Where one clause ends and another, with its own assertion, begins
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|,\s+(?:whose|which|while|whereas|but|although|though|"
                           r"and\s+(?:he|she|they|it))\b")
# "Photo: Kevin Mazur/Getty Images", "Photograph by X for WWD": a press photo's credit
_CREDIT_BEFORE = re.compile(r"\b(?:photo|photograph|image|picture)s?(?:\s+credit)?\s*(?::|by)\s*$", re.I)
_AGENCY_AFTER = re.compile(r"\s*(?:/|for)\s*(?:Getty|WireImage|AFP|Shutterstock|Reuters|AP\b|Associated Press|"
                           r"Splash|Backgrid|Bauer|Rex|Penske|WWD|Vogue Runway|Launchmetrics|GoRunway|Imaxtree)")
# "In early 2024 he was named creative director": a pronoun right before the title
_SHE_WAS_NAMED = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:was|is|had\s+been|has\s+been|became)\s+(?:(?:named|appointed|"
                            r"made|promoted|hired)\s+(?:as\s+|to\s+)?)?(?:the\s+|its\s+|a\s+)?(?:new\s+)?$")
# "the face of the new Idôle": a name after "face of"
_NAME_AFTER_FACE = re.compile(r"\s+(?:the\s+)?(?:(?:new|latest|original|reformulated|relaunched|iconic|signature)\s+)?"
                              r"[A-Z]")
# "the star", "the newcomer": nouns for a person the occupations lexicon does not list
_PERSON_NOUNS = {"star", "stars", "talent", "muse", "newcomer", "veteran", "native", "teenager", "duo", "trio",
                 "pair", "couple", "siblings", "sisters", "brothers", "winner", "champion", "star's", "icon"}
# "succeeds supermodel Karlie Kloss": a predecessor, not the cast
_SUCCEEDS = re.compile(r"\b(?:succeeds|succeeded|succeeding|replaces|replaced|replacing)\s+(?:[\w\-]+\s+){0,2}$")
# "Karlie Kloss, who was the face of Swarovski from 2016 to 2018": a former face
_FORMER_FACE_AFTER = re.compile(r"\s*,\s*who\s+(?:was|had\s+been)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,2}"
                                r"(?:face|ambassador|muse)\b")
# "Engelbert, who joined in 2020 and reshaped the brand, said": a speaker
_SPEAKS_AFTER = re.compile(r"\s*,\s*(?:who|whose)\b[^;]*?,\s*(?:said|says|told|added|explained)\b")
# "a longtime collaborator of", "the daughter of": a person named through another
_KIN_OF = re.compile(r"\b(?:collaborators?|friends?|partners?|wife|husband|sons?|daughters?|sisters?|brothers?|"
                     r"mother|father|parents?|protégée?|protegee?|assistants?|students?|colleagues?|widow|"
                     r"niece|nephew|cousin|granddaughter|grandson|grandchild)\s+of\s+(?:the\s+(?:late\s+)?)?"
                     r"(?:(?!(?:house|brand|label|maison)\b)[\w\-]+\s+){0,3}$")  # "the daughter of Australian model X"
# "look as if they had been bleached", "even if": a comparison or concession, not a doubt
_COMPARISON_IF = re.compile(r"\b(?:as|even)\s+$", re.I)
# "the house's face", "its longtime face": a face of the house itself (group 1 is "face")
_POSSESSIVE_FACE = re.compile(r"\b(?:the\s+(?:house|brand|label|maison)['’]s|its)\s+(?:[a-z][\w\-]*\s+){0,2}?"
                              r"(face)\b(?!\s+(?:of|for)\b)")


# "I asked him not to make it look like fashion": an instruction, not a denial
_INSTRUCTED = re.compile(r"\b(?:asked|told|urged|begged|instructed|reminded)\s+(?:him|her|them|us|me|everyone|"
                         r"[A-Z][\w\-]+)\s+$")
_FORMERLY_AT = re.compile(r"\b(?:(?:after|following)\s+(?:[\w\-]+\s+){0,4}(?:at|with)|(?:previously|formerly)\s+"
                          r"(?:[\w\-]+\s+){0,2}(?:at|with))\s+$")
_NAMES_ITS_PEOPLE = re.compile(r"\s+(?:co-?)?(?:founders|designers|duo)\b")
_OWNED = re.compile(r"-(?:owned|backed|controlled)\b")  # "the Nike-owned brand": Nike is its owner
_ROSTER = re.compile(r"\b(?:roster|family|line-?up|stable)\s+(?:of\s+(?:ambassadors|faces|talent)\s+)?"
                     r"(?:that|which|including|includes|included|of)\b")
_TAKES_THE_HELM = re.compile(r"\b(?:will\s+|to\s+)?(?:take|takes|taking|took)\s+"
                             r"(?:the\s+helm|over|the\s+reins|charge)\b|"
                             r"\b(?:has\s+been|was|is|will\s+be)\s+(?:appointed|named|hired|tapped)\b|"
                             r"\b(?:will\s+)?(?:joins?|arrives?)\b")
_SHE_FRONTS = re.compile(r"(?:^|,\s*(?:and|but)\s+)(She|He|she|he)\s*(?:also\s+)?(?:fronts|stars\s+in|appears\s+in|"
                         r"(?:\s+is|['’]s)\s+(?:also\s+)?in|"
                        r"leads|headlines|features\s+in|is\s+the\s+face\s+of|makes\s+(?:her|his)\s+debut\s+in)\s+"
                        r"(?:(?:the|its|a|an|her|his)\s+(?:[\w\-’']+\s+){0,4}?(?:campaign|ads?|film|images|visuals)\b|"
                        r"[\"“])")
_FACE_OF_THING = re.compile(r"\s+(?:the|a|an|its|each|every|his|her|their|this|that)\s+[a-z]")
_FACE_OF_HOUSE = re.compile(r"\s+(?:the|a|an|its|each|every|his|her|their|this|that)\s+(?:[\w\-’']+\s+){0,3}?"
                            r"(?:house|brand|label|maison|company|group|jeweller|watchmaker|manufacture|"
                            r"fashion\s+house|couturier|atelier)s?\b")


def _described_by_appositive(text: str, p: int, ref: Ref, brands: list[tuple[int, Ref]], limit: int) -> bool:
    """Whether the house at ``p`` only describes an earlier one, in a phrase closed before
    ``limit``: "BOSS, the flagship label of fashion group Hugo Boss, has signed X" is BOSS's."""
    end = p + len(ref.mention.surface)
    closed = text.find(",", end)
    if closed == -1 or closed >= limit or re.search(r"[;:()]", text[end:closed]):
        return False
    return any(q < p and re.fullmatch(r",\s+(?:the|a|an|its|which|whose)\s[^,;:()]*",
                                      text[q + len(r.mention.surface):p]) for q, r in brands)


# "B held the title until 2020", "C took over the role": the title the sentence names
_HELD_TITLE = re.compile(r"\b(?:held|shared|inherited|assumed|took\s+over)\s+(?:the|that)\s+(?:same\s+)?"
                         r"(?:title|role|post|job|position)\b")


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: between semicolons, colons, dashes or sentence edges."""
    left = max(text.rfind(c, 0, pos) for c in (";", " — ", " – ", "—"))
    right_candidates = [i for i in (text.find(c, pos) for c in (";", " — ", " – ", "—")) if i != -1]
    return (left + 1 if left != -1 else 0), (min(right_candidates) if right_candidates else len(text))


class RuleSet:
    """Applies every relation rule to the sentences of one article."""

    def __init__(self, lex: Lexicon, ctx: Context) -> None:
        self.lex = lex
        self.ctx = ctx
        self.photographers: set[Key] = set()
        self.known_photographers: set[Key] = set()
        self._subject: Ref | None = None  # who opened the sentence before, in the same paragraph
        self._question: tuple[int, Ref] | None = None  # an interview's last question and the person it names
        self._retailers: set[str] | None = None  # folded names of the houses that are stores

    def emit(self, s: Key, p: str, o: Key, sent: Sentence, confidence: float, past: bool = False,
             since: date | None = None) -> None:
        key = (s, p, o)
        if s == o:
            return
        if key in self.ctx.relations:
            old = self.ctx.relations[key]
            if confidence <= old.evidence.confidence:
                if since and not old.since:
                    self.ctx.relations[key] = Relation(s, p, o, old.evidence, old.past, since)
                return
            since = since or old.since
        self.ctx.relations[key] = Relation(s, p, o, Evidence(sent.text, sent.start, sent.end, confidence),
                                           past=past, since=since)

    def _since(self, text: str) -> date | None:
        """The start date a clause gives: "since March 2021", "named ... on Jan. 22"."""
        m = SINCE.search(text)
        if not m:
            return None
        found = parse_date(m.group(1), self.ctx.year)
        if found is None:
            month_year = re.fullmatch(r"([A-Z][a-z]{2,8})\s+(\d{4})", m.group(1))
            if month_year:
                found = parse_date(f"{month_year.group(1)} 1, {month_year.group(2)}")
        return found

    def sentence(self, sent: Sentence, refs: list[Ref]) -> None:
        text = sent.text
        rel = [(r.mention.start - sent.start, r) for r in refs]
        previous = self.ctx.prev_subject
        self._subject = previous[1] if previous and previous[0] == sent.paragraph else None
        if self._question and self._question[0] == sent.paragraph - 1 and self._subject is None:
            self._subject = self._question[1]  # "So Paul Verrier is not an ambassador?" "No. He is a friend."
        self._section(sent)
        self._collaboration_campaign(sent)
        campaigns = [(pos, r) for pos, r in rel if r.type == "Campaign"]
        if campaigns:
            named = [r for _, r in campaigns if r.mention.name]
            self.ctx.current_campaign = (named or [campaigns[-1][1]])[-1].key
            if self.ctx.default_campaign is None:
                self.ctx.default_campaign = self.ctx.current_campaign
        rumours = [a for a, _ in trigger_spans("rumour", text) if not _ENDED_RUMOUR.search(text[max(0, a - 40):a])
                   and not _COMPARISON_IF.search(text[max(0, a - 6):a])]
        negations = [a for a, _ in trigger_spans("negation", text) if not _INSTRUCTED.search(text[max(0, a - 40):a])]
        named = [(p, p + len(r.mention.surface)) for p, r in rel if r.type in ("Campaign", "Product")]
        rumours, negations = ([a for a in doubts if not any(s <= a < e for s, e in named)]  # "One of Not Many"
                              for doubts in (rumours, negations))
        self.parent_company(sent, rel)
        self.ambassador(sent, rel, rumours + negations)
        self.creative_director(sent, rel, rumours + negations)
        if not self._doubts_cast(text, rumours + negations):
            self.photographer(sent, rel)
            self.features(sent, rel)
        brands = [r.key for _, r in rel if r.type == "Brand"]
        if brands:
            self.ctx.last_brands = brands
        people = [r for _, r in rel if r.type == "Person"]
        if sent.title and people and self.ctx.topic_person is None:
            self.ctx.topic_person = people[0]
        if text.rstrip("*_ ").endswith("?"):
            self._question = (sent.paragraph, people[-1]) if people else None
        opener = [r for p, r in rel if r.type == "Person" and p <= 4 and not r.mention.possessive][:1]
        if not re.match(r"(?:She|He)\b", text):  # "Mike is family. He's been our ambassador": Mike
            self.ctx.prev_subject = (sent.paragraph, opener[0]) if opener else None
        if people:
            self.ctx.last_people = people
            seen = {r.key for r in self.ctx.people_seen}
            self.ctx.people_seen += [r for r in people if r.key not in seen]

    # -- helpers -----------------------------------------------------------------------
    @staticmethod
    def _doubts_cast(text: str, doubts: list[int]) -> bool:
        """Whether a doubt reaches the sentence's campaign words: a negation or rumour in
        another clause ("Neither does anyone from the "Never Still" campaign, whose chapters
        have starred X") leaves those alone."""
        if not doubts:
            return False
        words = [a for kind in ("feature_verb", "shot_by", "shot_verb") for a, _ in trigger_spans(kind, text)]
        if not words:
            return True
        return any(not _CLAUSE_BREAK.search(text[min(d, w):max(d, w)]) for d in doubts for w in words)

    def _section(self, sent: Sentence) -> None:
        """In a listicle of houses, each section is about its own house and campaign."""
        ctx = self.ctx
        if not (ctx.section_houses or ctx.sentence_houses) or sent.title:
            return
        if ctx.article_house is None:
            ctx.article_house = (ctx.main_brand, ctx.main_name)
        house = ctx.section_houses.get(sent.paragraph) or ctx.sentence_houses.get(sent.start)
        brand, name = ((house[0], house[1]), house[2]) if house else ctx.article_house
        if brand != ctx.main_brand:
            ctx.main_brand, ctx.main_name = brand, name
            ctx.current_campaign = ctx.default_campaign = None
            if ctx.section_houses:  # a listicle's new section is about new people too
                ctx.topic_person, ctx.last_people = None, []

    def _collaboration_campaign(self, sent: Sentence) -> None:
        """"The collaboration campaign was shot in Berlin by ...": the paragraph is about the
        "A x B" collaboration's own campaign, not the house's main one; the next paragraph
        goes back to that."""
        ctx = self.ctx
        if ctx.collaboration_paragraph >= 0 and sent.paragraph != ctx.collaboration_paragraph and not sent.caption:
            ctx.current_campaign, ctx.collaboration_paragraph = ctx.before_collaboration, -1
        if ctx.collaborations and callable(ctx.make_collaboration_campaign) and COLLABORATION_CUE.search(sent.text):
            ctx.before_collaboration = ctx.current_campaign or ctx.default_campaign
            ctx.current_campaign = ctx.make_collaboration_campaign(*ctx.collaborations[0], sent)
            ctx.collaboration_paragraph = sent.paragraph

    def _anaphora(self, head: str, role: str | None = None) -> list[Ref]:
        """Who "she", "the rapper" or "the Mosses" at the start of a sentence refers to."""
        family = re.match(r"\s*The\s+([A-Z][\w\-]+s)\b", head)
        if family:  # "the Mosses", "the Hadids", "the Beckhams"
            plural = family.group(1).lower()
            names = {plural[:-1], plural[:-2] if plural.endswith("es") else plural[:-1]}
            members = [r for r in self.ctx.people_seen if r.key[1].split()[-1] in names]
            if members:
                return members
        if re.search(r"(?:^|\s)(?:[Tt]he\s+(?:two|pair|duo)|[Bb]oth|(?:The|Its|Their)\s+(?:(?:label|house|brand|"
                     r"company|maison)['’]s\s+)?(?:co-?)?founders\s+and)\s+(?:[\w\-]+\s+){0,3}(?:co-)?$", head) and \
                len(self.ctx.last_people) >= 2:
            return self.ctx.last_people[-2:]  # "X, who founded the house with Y. The two remain ..."
        the = re.match(r"\s*The\s+((?:[\w\-]+\s+){0,3}[a-z][\w\-]+)\b", head)
        if re.match(r"\s*(?:She|He|They)\b", head) or _SHE_WAS_NAMED.search(head) or (the and any(
                w.lower() in self.lex.occupations or w.lower() in _PERSON_NOUNS for w in the.group(1).split())):
            if _SHE_WAS_NAMED.search(head) and not re.match(r"\s*(?:She|He)\b", head):
                # "In early 2024 he was named creative director of Bally": the person the text follows
                return [self.ctx.topic_person] if self.ctx.topic_person else self.ctx.last_people[:1]  # the subject
            if role and self._subject is not None and re.match(r"\s*(?:She|He)\b", head):
                return [self._subject]  # "He" is whom the sentence before opened with, not its last name
            if role:  # "the American designer" is whoever already holds such a role here
                holders = [r for r in reversed(self.ctx.people_seen)
                           if any(k[0] == r.key and k[1] == role for k in self.ctx.relations)]
                if holders:
                    return holders[:1]
                return self.ctx.last_people[-1:]
            if self._subject is not None and re.match(r"\s*(?:She|He)\b", head):
                return [self._subject]  # the person the sentence before opened with
            if self.ctx.topic_person:
                return [self.ctx.topic_person]
            return self.ctx.last_people[-1:]
        return []

    def _past(self, text: str, lo: int, hi: int) -> bool:
        return any(lo <= a < hi for a, _ in trigger_spans("past", text))

    def _campaign_for(self, pos: int, rel: list[tuple[int, Ref]]) -> Key | None:
        camps = [(p, r) for p, r in rel if r.type == "Campaign"]
        before = [r for p, r in camps if p <= pos]
        if before:
            return before[-1].key
        if camps:
            return camps[0][1].key
        return self._ensure_default_campaign()

    def _brand_near(self, text: str, t_start: int, t_end: int, rel: list[tuple[int, Ref]],
                    lo: int, hi: int, anchor: int | None = None) -> Key | None:
        brands = [(p, r) for p, r in rel if r.type == "Brand" and lo <= p < hi and not self._is_group(r.mention.name)]
        brands = [(p, r) for p, r in brands if not _described_by_appositive(text, p, r, brands, t_start)]
        if re.match(r"\s*(?:of|at|for)\s+(?:the|this|that)\s+(?:house|label|brand|maison|company)\b", text[t_end:]):
            return self.ctx.main_brand
        head = text[max(0, t_start - 40):t_start]
        if re.search(r"\b(?:its|their)\s+(?:[\w\-]+\s+){0,3}$", head):
            doer = [r for p, r in brands if p < t_start and re.match(
                r"\s+(?:has\s+|had\s+)?(?:tapped|named|signed|appointed|enlisted|chose|picked|recruited|hired|added)\s+"
                r"(?:him|her|them\s+)?(?:as\s+|to\s+)?(?:its|their)\b", text[p + len(r.mention.surface):])]
            if doer:  # "actor Devon Achebe, whom Tumi tapped as its global ambassador"
                return doer[-1].key
            limit = min(anchor, t_start) if anchor is not None else t_start
            subject = [r for p, r in brands if p < limit]
            return subject[-1].key if subject else self.ctx.main_brand
        if re.search(r"\bthe\s+(?:house|label|brand|maison|company)['’]s?\s+(?:[\w\-]+\s+){0,3}$", head):
            return self.ctx.main_brand
        owner = [(p, r) for p, r in brands if _OWNED.match(text[p + len(r.mention.surface):])]
        if owner and re.search(r"\bthe\s+[\w\-&’'. ]*?-(?:owned|backed|controlled)\s+"
                               r"(?:house|label|brand|maison|company)['’]s?\s+(?:[\w\-]+\s+){0,3}$",
                               head):  # "the Nike-owned brand's ambassadors"
            earlier = [r for p, r in brands if p < owner[-1][0] and (p, r) not in owner]
            return earlier[-1].key if earlier else self.ctx.main_brand
        brands = [(p, r) for p, r in brands if (p, r) not in owner and not (
            _NAMES_ITS_PEOPLE.match(text[p + len(r.mention.surface):]) and text[:p].endswith("the "))]
        # "the Coperni founders X and Y, who held the title": the title is not Coperni's
        after = re.match(r"\s*(?:(?:of|for)\s+(?:women['’]?s(?:wear)?|men['’]?s(?:wear)?|ready-to-wear|accessories|"
                         r"leather\s+goods|(?:haute\s+)?couture|jewell?ery|fragrances?|beauty)\s+)?"
                         r"(?:of|at|for|with)\s+(?:the\s+)?", text[t_end:])  # "of womenswear at Hermès"
        if after:
            for p, r in brands:
                if t_end <= p <= t_end + after.end() + 2:
                    return r.key
        # "who joined as artistic director after eight years at Jil Sander": where they were before
        brands = [(p, r) for p, r in brands if not _FORMERLY_AT.search(text[max(0, p - 50):p])
                  or re.match(r",?\s+where\b", text[p + len(r.mention.surface):])]  # "with Dior, where she was"
        before = [(p, r) for p, r in brands if p < t_start and t_start - (p + len(r.mention.surface)) <= 30]
        if before:
            return before[-1][1].key
        anywhere = [r for p, r in brands if p < t_start]
        if anywhere:
            return anywhere[-1].key
        later = [r for p, r in brands if p >= t_end and r.mention.possessive is False]
        if later and not re.search(r"\b(its|the (?:house|brand|label|company|maison)['’]s)\b",
                                   text[max(0, t_start - 30):t_start]):
            return later[0].key
        return self.ctx.main_brand

    def _people_after(self, text: str, pos: int, rel: list[tuple[int, Ref]], hi: int) -> list[Ref]:
        """People in the list that starts right after ``pos`` ("X, Y and Z")."""
        people = [(p, r) for p, r in rel if r.type == "Person" and pos <= p < hi]
        out: list[Ref] = []
        cursor = pos
        for p, r in people:
            gap = text[cursor:p]
            aside = re.match(r",\s*(?:who|signed|named|appointed|added|recruited|since)\s[^,;]{1,60},\s*and\s+", gap)
            if out and aside and self._descriptor_gap(gap[aside.end():]):
                out.append(r)  # "David Beckham, who signed in 2017, and Lady Gaga"; "X, signed in 2022, and actress Y"
                cursor = p + len(r.mention.surface)
                continue
            if out and not re.fullmatch(r"\s*(?:,|and|&|,\s*and)?\s*(?:(?:[\w\-]+\s+){0,6})", gap):
                break
            if out and re.search(r"\b(?:with|for|of|by|to|in|at|from|as|alongside|besides|than)\b", gap):
                break
            if not out and len(gap.split()) > 8:
                break
            if out and re.search(r"\b(said|says|who|which|while|but|when)\b", gap):
                break
            if out and re.match(r"\s*,?\s*(?:and\s+)?" + _CAST_VERB, gap):
                break  # "photographed by Tim Walker, stars Zhou Dongyu": a verb, not "fellow stars"
            if out and not self._descriptor_gap(gap):
                break
            out.append(r)
            cursor = p + len(r.mention.surface)
        return out

    def _descriptor_gap(self, gap: str) -> bool:
        """Whether the words between two listed names only describe the next one
        ("and British actor"), rather than starting a new clause ("showed Dutch model")."""
        words = [w for w in re.findall(r"[\w\-']+", gap.lower()) if w not in ("and", "the", "a", "an", "&")]
        text = " ".join(words)
        while text:
            for size in (3, 2, 1):
                head = " ".join(text.split()[:size])
                if len(text.split()) >= size and (head in self.lex.occupations or fold(head) in
                                                  self.lex.nationalities or all(
                            fold(part) in self.lex.nationalities for part in head.split("-")) or
                                                  head in LIST_WORDS):
                    text = " ".join(text.split()[size:])
                    break
            else:
                return False
        return True

    # -- rules -------------------------------------------------------------------------
    def _appositive(self, text: str, a: int, b: int, rel: list[tuple[int, Ref]]) -> tuple[Ref, int] | None:
        """The person a role phrase at ``a:b`` is set beside, and where that phrase ends:
        "Zendaya, the house's most visible ambassador,", "Greene, who remains a Ferragamo
        ambassador," or "X, Angela's daughter and a former face of the brand," (the phrase
        runs to the next comma)."""
        people = [(p, r) for p, r in rel if r.type == "Person" and p + len(r.mention.surface) <= a
                  and not r.mention.possessive]  # "X, Angela's daughter and a former face": X
        if not people:
            return None
        p, person = people[-1]
        gap = text[p + len(person.mention.surface):a]
        if not re.fullmatch(r",\s*(?:(?:who|which)\s+(?:[\w’'\-]+\s+){0,6}?|(?:[\w’'\-]+\s+){1,3}and\s+)?"
                            r"(?:the|its|a|an|their)\s+"
                            r"(?:[\w’'\-&]+\s+){0,4}", gap) or gap.count(",") != 1:
            return None
        comma = text.find(",", b)
        return person, (comma if comma != -1 else len(text))

    def ambassador(self, sent: Sentence, rel: list[tuple[int, Ref]], doubts: list[int] | None = None) -> None:
        """Ambassadors, faces, muses and friends of a house. With a negation or a rumour (at
        ``doubts``) in the role's clause ("She is not a friend of the house: Stone is a Louis
        Vuitton ambassador" negates the first only) only a role set beside a name ("X, the
        house's face since 2022, does not appear") counts, and only when the doubt is outside it."""
        text = sent.text
        spans = trigger_spans("ambassador", text) + [
            (m.start(1), m.end(1)) for m in _POSSESSIVE_FACE.finditer(text)]
        for a, b in sorted(set(spans)):
            beside = self._appositive(text, a, b, rel)
            here = [d for d in doubts or () if not _CLAUSE_BREAK.search(text[min(a, d):max(a, d)])]
            if here and (beside is None or any(
                    beside[0].mention.end - sent.start <= n < beside[1] for n in here)):
                continue
            follow = text[b:b + 40].lower()
            if text[a:b].lower().startswith("face") and re.match(r"\s*(?:the\s+|its\s+|a\s+)?(?:[\w\-’']+\s+){0,3}"
                                                                 r"(?:campaign|collection|line|debut|bag|fragrance|"
                                                                 r"watch)", follow):
                continue
            if text[a:b].lower().startswith("face") and _FACE_OF_THING.match(text[b:]) and \
                    not _FACE_OF_HOUSE.match(text[b:]):
                continue  # "once for each face of the case": a side, not a face of the house
            if re.search(r"\b(?:word|term|title|label|tag)\s+[\"“‘']$", text[:a]):
                continue  # 'He seldom used the word "ambassador"': a word, not a role
            if text[a:b].lower().startswith("athlete") and not any(
                    r.type == "Brand" and 0 <= a - (p + len(r.mention.surface)) <= 1 for p, r in rel):
                continue  # "a Puma athlete" is under contract; "an Olympic athlete" is not
            if re.match(r"\s+(?:program|programme|programs|programmes|scheme|network|strategy|initiative)\b",
                        text[b:]):
                continue  # "the ambassador program was central": no one's role
            if text[a:b].lower().startswith("spokes") and re.match(
                    r"(?:\s+for\s+[\w&'’\s\-]{1,40}?)?,?\s+(?:said|says|told|added|confirmed|declined|did\s+not|"
                    r"didn['’]t|would\s+not|wouldn['’]t)\b", text[b:]):
                continue  # "a spokesperson said": a speaker, not a face
            if any(r.type in ("Product", "Campaign") and b <= p <= b + 25 and not re.search(r"[,;:]|\band\b", text[b:p])
                   for p, r in rel):
                continue  # the face of a product or a campaign, not of the house
            if "face" in text[a:b].lower() and _NAME_AFTER_FACE.match(text[b:]) and not any(
                    r.type == "Brand" and b <= p <= b + 6 for p, r in rel):
                continue  # the face of a product or a campaign, not of the house
            lo, hi = _clause_bounds(text, a)
            people = self._people_after(text, b, rel, hi)
            direct = people if people and (people[0].mention.start - sent.start) - b <= 30 else []
            if not any(w.endswith("s") for w in text[a:b].lower().split()):
                direct = direct[:1]  # "ambassador Kim Kardashian, actress X, ..." names one; "ambassadors X and Y" two
            if direct and re.search(r"\b(?:for|of|at|with|to|in|by|from|since|as|while|after|before|awaits?|"
                                    r"alongside)\b|[;]", text[b:direct[0].mention.start - sent.start]):
                direct = []
            if not direct and beside:
                direct = [beside[0]]
            roster = re.match(r"\s+(?:of\s+the\s+(?:house|brand|maison|label)\s+)?(?:(?:roster|line-?up|family)\s+)?"
                              r"(?:that|which|who)\s+(?:already\s+|now\s+|also\s+)?"
                              r"(?:counts|includes?|boasts|features|has\s+included|included)\s+", text[b:])
            if not direct and roster:  # "an ambassador roster that already counts X and Y", "ambassadors that include"
                direct = self._people_after(text, b + roster.end(), rel, hi)
            if not direct:
                m = re.match(r"\s*(?:and\s+[\w\s]+?)?,?\s*(?:namely|including|such as|:)\s*", text[b:])
                if m:
                    direct = self._people_after(text, b + m.end(), rel, hi)
            if not direct:
                before = [(p, r) for p, r in rel if r.type == "Person" and lo <= p < a]
                if before and re.search(r"\b(?:said|says|added|adds|noted|notes|told|explained)\b",
                                        text[before[-1][0] + len(before[-1][1].mention.surface):a]):
                    before = []  # a speaker, not the ambassador
                if before and re.search(r":\s*['\"“‘]", text[before[-1][0]:a]):
                    before = []  # "Tissot's Valérie Jaquet: 'An ambassador has to wear the watch'": her words
                direct = [before[-1][1]] if before else []
            if not direct:
                direct = self._anaphora(text[:a])
            anchor = direct[0].mention.start - sent.start if direct and direct[0].mention.start >= sent.start else None
            brand = self._brand_near(text, a, b, rel, lo, hi, anchor)
            if not brand:
                continue
            past = self._past(text, lo, b) or bool(
                re.match(r"[^,;]*?\b(?:from|between)\s+\d{4}\s+(?:to|until|and)\s+\d{4}", text[b:]))
            since = self._since(text[lo:hi])
            for person in direct:
                self.emit(person.key, "ambassadorOf", brand, sent, 0.85, past, since)
            if direct:  # "X has been a Cartier ambassador since 2020, Ms. Liu joined in 2022, and Ms. Moreau signed"
                for p, r in rel:
                    end = r.mention.end - sent.start
                    if r.type == "Person" and b < p < hi and r not in direct and \
                            re.match(r"\s+(?:since|joined|signed|came\s+(?:on\s+)?board|followed|was\s+added)\b",
                                     text[end:]) and \
                            re.search(r"(?:,|\band)\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s*)?$", text[b:p]):
                        self.emit(r.key, "ambassadorOf", brand, sent, 0.75, past, self._since(text[end:hi]))
        # "Jimin (Dior), Suga (Valentino)": parenthesised houses after people
        if trigger_spans("ambassador", text):
            for p, r in rel:
                if r.type != "Person":
                    continue
                m = re.match(r"\s*\(([^)]{2,40})\)", text[p + len(r.mention.surface):])
                if m:
                    for q, b in rel:
                        if b.type == "Brand" and p < q < p + len(r.mention.surface) + m.end():
                            self.emit(r.key, "ambassadorOf", b.key, sent, 0.75)

    def creative_director(self, sent: Sentence, rel: list[tuple[int, Ref]], doubts: list[int] | None = None) -> None:
        """Creative and artistic directors. A rumour or denial (at ``doubts``) cancels a title
        only within the stretch from the holder's comma-bounded phrase to the end of the
        title's ("X and Y, the founders and creative directors, reportedly cast ..." keeps it)."""
        text = sent.text
        prev_end = 0
        last_people: list[Ref] = []
        pending, self.ctx.pending_title = self.ctx.pending_title, None
        if pending and not trigger_spans("creative_title", text) and not doubts:
            self._named_to_pending_title(sent, rel, pending)
        last_brand: Key | None = None
        for a, b in trigger_spans("creative_title", text):
            lo_limit, prev_end = prev_end, b
            prev_start = lo_limit
            follow = text[b:b + 60].lower()
            if re.match(r"\s+(?:of|for)\s+(?:the\s+|its\s+|a\s+)?(?:[\w\-]+\s+|[x×]\s+){0,4}(?:capsule|collaboration|"
                        r"partnership|campaign|project|film|collab)", follow):
                continue  # "creative director of the Fenty x Puma partnership": of a project, not a house
            lo, hi = _clause_bounds(text, a)
            after = [r for r in self._people_after(text, b, rel, hi)
                     if re.fullmatch(r"[\s,:]*(?:and\s+(?:co-?)?founder\s+)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s*)?",
                                     text[b:r.mention.start - sent.start])]
            people = after[:1]
            if after and text[a:b].lower().endswith("s"):  # "co-creative directors, A and B"
                people = self._people_after(text, b, rel, hi)
            before = [(p, r) for p, r in rel if r.type == "Person" and max(lo, lo_limit) <= p < a]
            hired = re.search(r"\b(?:which|that|it|they)\s+(?:hired|named|appointed|tapped|recruited|poached|chose)\s+"
                              r"(?:the\s+|a\s+)?(?:(?:former|ex-|onetime|then)\s*)?$", text[:a])
            made_him = re.search(r"\b(?:made|named|appointed|hired|installed)\s+(?:him|her)\s+(?:as\s+)?"
                                 r"(?:(?:the|its|their|his|her)\s+)?(?:[\w\-]+\s+){0,2}$", text[:a])
            if not people and made_him and self.ctx.topic_person:  # "Mr. West made him creative director"
                people, before = [self.ctx.topic_person], []
            if not people and hired:  # "..., which hired the former artistic director of Furla": the article's subject
                subject = self.ctx.topic_person or (self.ctx.people_seen[:1] or [None])[0]
                people, before = ([subject] if subject else []), []
            if not people and len(before) >= 2 and text[a:b].lower().endswith("s"):
                (q, first), (p, second) = before[-2], before[-1]
                if re.fullmatch(r"\s+(?:and|&)\s+", text[q + len(first.mention.surface):p]) and re.fullmatch(
                        r"\s+(?:remain|are|were|have\s+been|became|serve\s+as|served\s+as|(?:will\s+)?step(?:ped)?\s+down\s+as|"
                        r"left\s+as|departed\s+as|joined\s+as|took\s+over\s+as|were\s+(?:named|appointed))\s+"
                        r"(?:the\s+|its\s+)?"
                        r"(?:(?:joint|co-?|house['’]s|label['’]s|brand['’]s)\s*)?",
                        text[p + len(second.mention.surface):a]):
                    people = [first, second]  # "Dean and Dan remain the creative directors of Dsquared2"
            if not people and before:
                p, r = before[-1]
                between = text[p + len(r.mention.surface):a]
                if not re.search(r"\b(said|says|told|under|after|with|and)\b", between) or \
                        re.search(r"\bas\b", between) or re.match(r",\s*who\b", between) or \
                        re.fullmatch(r"(?:,\s*|\s+(?:is|was|remains|has\s+been|became)\s+)"
                                     r"(?:(?:the\s+)?(?:brand|house|label|company|maison)['’]s\s+|the\s+|its\s+|"
                                     r"[A-Z][\w&’'\-]*(?:\s+[A-Z][\w&’'\-]*){0,3}['’]s\s+)?"
                                     r"(?:co-?)?founders?\s+and\s+", between) or \
                        re.search(r"[:;]\s*(?:he|she)\s+(?:was|is|had been|has been|became|served as)\s+$",
                                  between) or \
                        re.fullmatch(r"\s+(?:is|remains)\s+and\s+will\s+(?:remain|stay|be)\s+(?:the\s+|its\s+)?",
                                     between):  # "X is and will remain artistic director of Y"
                    people = [r]
                    if re.match(r",\s*(?:who\b|the\s+\w+['’]s\s+(?:co-?)?founders\b)", between) and len(before) > 1:
                        # "X and Y, who shared the title", "X and Y, the house's founders and creative directors"
                        q, prev = before[-2]
                        if re.fullmatch(r"\s+and\s+", text[q + len(prev.mention.surface):p]):
                            people.append(prev)
                # "Riccardo Tisci, Mr. Lee's predecessor as chief creative officer": both held it
                if re.match(r"['’]s\s+(?:predecessor|successor)\b", between) and len(before) > 1:
                    q, prev = before[-2]
                    if re.fullmatch(r",\s*(?:(?:Mr|Ms|Mrs)\.?\s*)?", text[q + len(prev.mention.surface):p]):
                        people.append(prev)
            if not people and not before and last_people and re.search(
                    r"\b(?:to become|became|becoming|then|and|before that|later|named|appointed|tapped|"
                    r"hired|promoted|joined|joins|went on to|moved to|who)\b", text[prev_start:a]):
                people = last_people  # "X, director of A, left to become (was named) director of B"
            if not people and not before and "," not in text[:a]:
                # "Four years into his tenure as creative director of Diesel, Glenn Martens has ...":
                # the opening phrase's title is the subject's, named right after its comma
                comma = re.match(r"[^,;]*,\s*", text[b:])
                people = [r for p, r in rel if r.type == "Person" and comma and 0 <= p - b - comma.end() <= 4][:1]
            if not people and not before:
                people = self._anaphora(text[:a], role="creativeDirectorOf")
            if people:
                last_people = people
            anchor = people[0].mention.start - sent.start if people else None
            following = [x for x, _ in trigger_spans("creative_title", text) if x > b]
            brand = self._brand_near(text, a, b, rel, lo, min([hi] + following), anchor)
            eponymous = self._eponymous_house(people[0].mention.name) if people else None
            if eponymous and re.match(r"\s+(?:of|at)\s+(?:the\s+(?:[\w\-]+\s+){1,2}|(?:his|her|their)\s+(?:own\s+)?)"
                                      r"(?:label|house|brand|maison)\b", text[b:]):
                brand = eponymous  # "Grace Wales Bonner, founder and creative director of the London label"
            if re.search(r"\bthere\s+(?:[\w\-]+\s+){0,2}$", text[:a]) and self.ctx.last_brands and \
                    not any(r.type == "Brand" for _, r in rel):
                brand = self.ctx.last_brands[-1]  # "What of Courrèges? X does well there as director"
            if not brand:
                continue
            if not people and not doubts and re.search(r"\b(?:a|its)\s+new\s+(?:[\w\-]+\s+)?$", text[:a]):
                self.ctx.pending_title = brand  # "Marni has a new creative director." The next sentence names them
            if doubts:
                first = min([a] + [r.mention.start - sent.start for r in people if r.mention.start >= sent.start])
                lo_doubt = max(text.rfind(c, 0, first) for c in (",", ":", ";")) + 1  # "without one: X, who was"
                hi_doubt = min([i for i in (text.find(",", b), text.find(" and ", b)) if i != -1] + [len(text)])
                beside = self._appositive(text, a, b, rel)
                if beside and beside[0] in people:  # "a report that X, the artistic director of Y, is leaving"
                    lo_doubt, hi_doubt = beside[0].mention.end - sent.start, beside[1]
                if any(lo_doubt <= d < hi_doubt for d in doubts):
                    continue
            past = self._past(text, max(lo, a - 40), b + 20)
            if people and re.search(r"\b(?:succeed(?:ing|ed|s)?|replac(?:e|ing|ed|es))\s+(?:(?:its|the|his|her)\s+)?"
                                    r"(?:(?:late|longtime|house)\s+)?(?:(?:co-?)?founder\s+)?$",
                                    text[:people[0].mention.start - sent.start]) and not re.search(
                    r",\s*who\b", text[people[0].mention.end - sent.start:a]):  # "succeeding X, who left to become"
                subject = [r for p, r in rel if r.type == "Person" and lo <= p < people[0].mention.start - sent.start]
                self.emit(people[0].key, "creativeDirectorOf", brand, sent, 0.8, True)
                people = subject[:1]
            last_brand = brand
            brands = [brand] + self._and_of_brand(text, brand, rel)
            for person in people:
                for house in brands:
                    self.emit(person.key, "creativeDirectorOf", house, sent, 0.85, past)
            # "succeeding Hedi Slimane" with the title in the sentence: the predecessor held it
            for m in re.finditer(r"\b(?:succeed(?:ing|ed|s)?|replac(?:ing|ed|es)|took over from|"
                                 r"taking over from|follows|following)\s+", text):
                for p, r in rel:
                    if r.type == "Person" and m.end() <= p <= m.end() + 2:
                        self.emit(r.key, "creativeDirectorOf", brand, sent, 0.7, True)

        if last_brand and not doubts:
            self._held_the_title(sent, rel, last_brand)

    def _held_the_title(self, sent: Sentence, rel: list[tuple[int, Ref]], brand: Key) -> None:
        """"A was artistic director from 2003, and B held the title until 2020": B held the
        title the sentence names, at the house named after it if any."""
        text = sent.text
        for m in _HELD_TITLE.finditer(text):
            holders = [r for p, r in rel if r.type == "Person" and re.fullmatch(
                r"\s+(?:(?:himself|herself|then|later|also|briefly)\s+)?", text[p + len(r.mention.surface):m.start()])]
            if not holders:
                continue
            at = next((r.key for p, r in rel if r.type == "Brand" and 0 <= p - m.end() <= 4
                       and re.fullmatch(r"\s+at\s+", text[m.end():p])), brand)
            self.emit(holders[-1].key, "creativeDirectorOf", at, sent, 0.75, self._past(text, m.start(), len(text)) or
                      bool(re.search(r"\b(?:from|between)\s+\d{4}\s+(?:to|until|and)\s+\d{4}", text[m.end():])))

    def _eponymous_house(self, name: str) -> Key | None:
        """The house a person's name ends with ("Grace Wales Bonner": Wales Bonner)."""
        words = name.split()
        for n in range(len(words) - 1, 0, -1):
            entry = self.lex.brands.get(" ".join(words[-n:]))
            if entry is not None and entry.kind == "house":
                return ("Brand", fold(entry.name))
        for form in (f"Maison {name}", f"Atelier {name}", f"House of {name}"):  # "Maison Francis Kurkdjian"
            entry = self.lex.brands.get(form)
            if entry is not None and entry.kind == "house":
                return ("Brand", fold(entry.name))
        return None

    def _named_to_pending_title(self, sent: Sentence, rel: list[tuple[int, Ref]], brand: Key) -> None:
        """"Marni has a new creative director. The label said that Meryll Rogge will take the
        helm, succeeding Francesco Risso": the one taking the helm holds the title, the one
        succeeded held it."""
        text = sent.text
        cue = _TAKES_THE_HELM.search(text)
        if not cue:
            return
        before = [r for p, r in rel if r.type == "Person" and p < cue.start()
                  and not re.search(r"\b(?:said|says|told)\b", text[p + len(r.mention.surface):cue.start()])]
        if before:
            self.emit(before[-1].key, "creativeDirectorOf", brand, sent, 0.75)
        for m in re.finditer(r"\b(?:succeed(?:ing|s)?|replac(?:ing|es))\s+", text):
            for p, r in rel:
                if r.type == "Person" and m.end() <= p <= m.end() + 2 and (not before or r is not before[-1]):
                    self.emit(r.key, "creativeDirectorOf", brand, sent, 0.7, True)

    @staticmethod
    def _and_of_brand(text: str, brand: Key, rel: list[tuple[int, Ref]]) -> list[Key]:
        """"director of Nina Ricci and of Oscar de la Renta": the house joined to ``brand``."""
        for p, r in rel:
            if r.key == brand:
                end = p + len(r.mention.surface)
                return [o.key for q, o in rel if o.type == "Brand" and o.key != brand and
                        re.fullmatch(r"\s+and\s+(?:(?:of|at)\s+)?", text[end:q])]
        return []

    def photographer(self, sent: Sentence, rel: list[tuple[int, Ref]]) -> None:
        text = sent.text
        blocked = trigger_spans("not_photographer", text)
        found: list[Ref] = []
        for a, b in trigger_spans("shot_by", text):
            lo, hi = _clause_bounds(text, a)
            cut = min([x for x, _ in blocked if x > b] + [hi])
            people = self._people_after(text, b, rel, cut)
            if people and (people[0].mention.start - sent.start) - b <= 60:
                found += people  # the list after "shot by", however long its descriptions
        for p, r in rel:
            if r.type == "Person" and "photographer" in r.mention.occupation_kinds and r not in found:
                window = text[max(0, p - 60):p]
                asked = re.search(r"\b(?:asked|invited|commissioned|chose|turned\s+to|brought\s+in)\b", window) and \
                    re.search(r"\b(?:shoot|shot|photograph|capture)", text[p:p + 120])  # "asked X to shoot"
                if (re.search(r"\b(?:by|with|tapped|enlisted|hired)\b", window) or asked) and not any(
                        p - 40 <= x <= p for x, _ in blocked):
                    found.append(r)
        for m in PASSIVE_SHOT.finditer(text):
            cut = min([x for x, _ in blocked if x > m.end()] + [len(text)])
            listed = self._people_after(text, m.end(), rel, cut)
            if listed and (listed[0].mention.start - sent.start) - m.end() <= 60:
                found += [r for r in listed if r not in found]
        for p, r in rel:  # "the still photographs ... are by X"
            if r.type == "Person" and re.search(r"\b(?:photographs|pictures|images|stills|portraits|photos|imagery)\b"
                                                r"[^.;]{0,60}?\b(?:are|were|is|was)\s+(?:all\s+)?by\s+$", text[:p]):
                found.append(r)
        for p, r in rel:  # "X shot the campaign", "photographer X shot Y"
            is_photographer = "photographer" in r.mention.occupation_kinds or r.key in self.known_photographers
            tail = text[p + len(r.mention.surface):]
            if r.type == "Person" and is_photographer and SHOT_AFTER.match(tail):
                found.append(r)
            elif r.type == "Person" and re.match(r"(?:,[^,;]{1,80},|,\s*who\s+(?:has\s+|had\s+)?)?\s*(?:also\s+)?"
                                                r"(?:shot|lensed|photographed)\s+(?:the|its|this|their)\b", tail):
                found.append(r)
            elif r.type == "Person" and (self.ctx.current_campaign or sent.paragraph in self.ctx.campaign_paragraphs) \
                    and (m := re.match(r"\s+(?:shot|lensed|photographed)\s+", tail)) and any(
                        q.type == "Person" and q is not r and q.mention.start - sent.start == p + len(r.mention.surface)
                        + m.end() for _, q in rel) and not re.search(r"\bfor\s+(?!the\s+campaign)[A-Z]", tail[:120]):
                found.append(r)  # "Branislav Simoncik photographed Monica Bellucci at a family dinner"
            elif r.type == "Person" and re.match(r"\s+(?:also\s+)?(?:shot|lensed|photographed)\b", tail) and (
                    (re.match(r"\s+\w+\s+(?:it|them)\b", tail) and (
                        self.ctx.current_campaign or sent.paragraph in self.ctx.campaign_paragraphs)) or
                    (re.search(r"\b(?:which|that)\s+$", text[max(0, p - 12):p]) and any(
                        q.type == "Campaign" and p - 80 <= x < p for x, q in rel))):
                found.append(r)  # "McLellan photographed it", "the fall campaign, which X shot in Paris"
        if sent.caption:  # "Photography by Daniel Arnold for The Business Ledger": a publication's portrait
            found = [r for r in found if not self._credited_to_other(text, r.mention.end - sent.start, rel)]
        self.photographers = {r.key for r in found}
        self.known_photographers |= self.photographers
        for r in found:
            camp = self._campaign_for(r.mention.start - sent.start, rel)
            if camp is None:
                camp = self._ensure_default_campaign()
            if camp:
                self.emit(camp, "photographedBy", r.key, sent, 0.85)
            end = r.mention.end - sent.start
            also = re.match(r",\s*who\s+(?:(?:has|had)\s+)?(?:also\s+)?(?:shot|lensed|photographed)\s+", text[end:])
            for p, c in rel if also else ():  # "Jamie Hawkesworth, who also shot A.P.C.'s fall 2023 campaign"
                if c.type == "Campaign" and end + also.end() <= p <= end + also.end() + 40 and c.key != camp:
                    self.emit(c.key, "photographedBy", r.key, sent, 0.8)

    @staticmethod
    def _credited_to_other(text: str, end: int, rel: list[tuple[int, Ref]]) -> bool:
        """Whether a credit's "for ..." after ``end`` names something other than a house."""
        m = re.match(r"\s+for\s+(?:the\s+)?(?=[A-Z])", text[end:], re.I)
        return bool(m) and not any(r.type == "Brand" and p == end + m.end() for p, r in rel)

    def features(self, sent: Sentence, rel: list[tuple[int, Ref]]) -> None:
        text = sent.text
        cues = trigger_spans("campaign_cue", text)
        has_campaign = any(r.type == "Campaign" for _, r in rel)
        cue = bool(cues) or has_campaign
        if cues and not has_campaign and all(text[a:b].lower() == "campaigns" for a, b in cues):
            return  # campaigns in general, not the one being talked about
        if not cue and self.ctx.current_campaign and re.match(r"(?:It|They|The (?:campaign|images|film|ads?))\b", text):
            cue = True
        if not cue and self.photographers and trigger_spans("shot_verb", text):
            cue = True
        verbs = trigger_spans("feature_verb", text) + trigger_spans("shot_verb", text)
        if sent.caption:
            verbs += trigger_spans("caption_link", text)
        verbs_here = bool(verbs) or sent.caption
        people_here = sum(1 for _, r in rel if r.type == "Person")
        if not cue and verbs and people_here >= 2 and self.ctx.cue_paragraph == sent.paragraph:
            cue = True
        if not cue and verbs and self.ctx.current_campaign and self._continues_cast(text, rel):
            cue = True  # "He appears alongside X and Y", "Lowell wears the Padlock pumps"
        if not cue and sent.paragraph in self.ctx.campaign_paragraphs and self.ctx.current_campaign and \
                re.search(r"\b(?:is|are)\s+(?:shown|pictured|seen)\b", text):
            cue = True  # in the campaign's paragraph, "Mizuhara is shown climbing at first light"
        if not cue and sent.paragraph in self.ctx.campaign_paragraphs and self.ctx.current_campaign and \
                self._wears_product(text, rel):
            cue = True  # in the campaign's paragraph, "X wears the new Land-Dweller"
        if trigger_spans("campaign_cue", text):
            self.ctx.cue_paragraph = sent.paragraph
        products_only = False
        if not cue and sent.paragraph in self.ctx.campaign_paragraphs and self.ctx.current_campaign:
            cast = [r for _, r in rel if r.type == "Person" and "talent" in r.mention.occupation_kinds]
            if len(cast) >= 2:  # "Italian actress X, British model Y and Indian actor Z sit among ..."
                cue, verbs_here = True, True
            elif any(r.type == "Product" for _, r in rel):  # "the DeVain bag returns in brocade"
                cue, products_only = True, True
        if not cue:
            return
        shot = trigger_spans("shot_by", text) + trigger_spans("not_photographer", text)
        titles = trigger_spans("creative_title", text)
        for p, r in rel:
            if r.type not in ("Person", "Product"):
                continue
            end = r.mention.end - sent.start  # the surface may open with "Ms."
            if any(a <= p and p - b <= 40 and not re.search(r"[;.]|\b(?:and|with)\b\s+(?!\w+\s+\w+\s+by)|"
                                                              r",\s*(?:(?:it|they|and)\s+)?" + _CAST_VERB,
                                                              text[b:p]) for a, b in shot):
                continue
            if any(abs(p - b) <= 3 or abs(a - end) <= 4 for a, b in titles):
                continue
            if r.type == "Person" and re.match(r"\s*,?\s*(?:said|says|told|added)\b", text[end:]):
                continue
            if r.key in self.photographers or r.key in self.known_photographers:
                continue
            if r.type == "Person" and (r.mention.possessive or products_only):
                continue
            if r.type == "Product" and r.mention.brand and self.ctx.main_brand and \
                    fold(r.mention.brand) != self.ctx.main_brand[1] and not re.search(r"\s[x×]\s", text) and \
                    not self._retailer(self.ctx.main_brand):
                continue  # "jostles with Goyard's Saint Louis tote": another house's product (a store's campaign
                # shows them: "model Inés Álvarez sprays Le Labo's Santal 33" in Selfridges' campaign)
            if sent.caption and not verbs and r.type == "Person" and any(a < p for a, _ in cues):
                continue
            if r.type == "Product" and not verbs_here:
                pass
            elif r.type == "Person" and not verbs_here:
                continue
            if r.type == "Person" and r.mention.occupation_kinds & {"executive", "photographer", "stylist", "crew"}:
                continue  # "Makeup artist Yuki Tanabe handled faces on set": on the shoot, not in it
            if r.type == "Person" and re.search(r"\b(?:said|says|according to)\s*$", text[:p]):
                continue
            if r.type == "Person" and re.search(r"\b(?:that|which|whom)\s+$", text[:p]) and not re.match(
                    r"\s+(?:also\s+|once\s+|(?:has|had)\s+(?:also\s+)?)?(?:fronted|starred|appeared|stars|fronts|"
                    r"appears|modell?ed|led|posed)\b", text[end:]):
                continue  # "a hit that Copping has kept": a relative clause's subject, not its cast
            if r.type == "Person" and re.match(r"\s+(?:years|era|days|tenure|age)\b", text[end:]):
                continue  # "a hit from the Sialelli years"
            if r.type == "Person" and (_CREDIT_BEFORE.search(text[:p]) or _AGENCY_AFTER.match(text[end:])):
                continue  # "Photo: Kevin Mazur/Getty Images": who took a press photo, not the cast
            if r.type == "Person" and p == 0 and re.match(r"\**\s*:", text[end:]):
                continue  # "Vaillant: We cast Ugbad Abdi": an interview's speaker label
            if r.type == "Person" and any(k[0] == r.key and k[1] == "creativeDirectorOf" and
                                          v.evidence.start == sent.start for k, v in self.ctx.relations.items()):
                continue  # "art-directed by its co-creative directors, A and B": given a title here, not cast
            if r.type == "Person" and not cues and not has_campaign and _ROSTER.search(text) and any(
                    k[0] == r.key and k[1] == "ambassadorOf" and v.evidence.start == sent.start
                    for k, v in self.ctx.relations.items()):
                continue  # "joins a roster that has included X, an ambassador from 2010": named as a face, not cast
            if r.type == "Person" and _KIN_OF.search(text[:p]):
                continue  # "a longtime collaborator of Jonathan Anderson": named for someone else's sake
            if r.type == "Person" and (_SUCCEEDS.search(text[:p]) or _SPEAKS_AFTER.match(text[end:]) or
                                       _FORMER_FACE_AFTER.match(text[end:])):
                continue  # "succeeds X"; "Engelbert, who joined in 2020, said"; "Kloss, who was the face of"
            camp = self._campaign_for(p, rel) or self._ensure_default_campaign()
            if camp:
                self.emit(camp, "features", r.key, sent, 0.75 if r.type == "Person" else 0.7)
        if (m := _SHE_FRONTS.search(text)) and (has_campaign or self.ctx.current_campaign):
            camp = self._campaign_for(m.end(), rel) or self._ensure_default_campaign()
            said = [r for p, r in rel if r.type == "Person" and p < m.start()]  # "X signed, and she makes her debut"
            for r in (said[-1:] if m.start() > 0 and said else self._anaphora(m.group(1).capitalize())) if camp else ():
                self.emit(camp, "features", r.key, sent, 0.7)  # "He fronts the campaign for the Spirit Zulu Time"

    @staticmethod
    def _wears_product(text: str, rel: list[tuple[int, Ref]]) -> bool:
        """Whether a person in the sentence wears or carries a product it names."""
        for p, r in rel:
            if r.type != "Person":
                continue
            for q, other in rel:
                if other.type == "Product" and q > p and re.search(
                        r"\b(?:wears|wearing|carries|carrying|holds|holding|sports|sporting)\s+(?:[\w\-]+\s+){0,2}$",
                        text[p:q]):
                    return True
        return False

    def _continues_cast(self, text: str, rel: list[tuple[int, Ref]]) -> bool:
        """Whether the sentence goes on about the current campaign's cast: it opens with a
        pronoun or "the actor" for someone, or with someone, already in that campaign."""
        cast = {k[2] for k in self.ctx.relations if k[0] == self.ctx.current_campaign and k[1] == "features"}
        if not cast:
            return False
        if re.match(r"(?:He|She|They|The\s+(?:[\w\-]+\s+)?(?:actor|actress|model|singer|rapper|star|musician|"
                    r"athlete|player|designer|trio|duo|pair|cast))\b", text):
            return any(r.key in cast for r in self.ctx.last_people)
        first = min(rel, key=lambda pr: pr[0], default=None)
        return first is not None and first[0] <= 4 and first[1].key in cast

    def parent_company(self, sent: Sentence, rel: list[tuple[int, Ref]]) -> None:
        text = sent.text
        if not trigger_spans("parent", text):
            return
        groups = [(p, r) for p, r in rel if r.type == "Brand" and self._is_group(r.mention.name)]
        houses = [(p, r) for p, r in rel if r.type == "Brand" and not self._is_group(r.mention.name)]
        triggers = [a for a, _ in trigger_spans("parent", text)]
        for gp, g in groups:
            targets = [(p, h) for p, h in houses]
            if not targets and self.ctx.main_brand and self.ctx.main_brand != g.key:
                if re.search(r"-owned|owned by|part of|subsidiary|portfolio|stable", text):
                    self.emit(self.ctx.main_brand, "parentCompany", g.key, sent, 0.6)
            nearest = min(targets, key=lambda ph: min(abs(ph[0] - t) for t in triggers + [gp]))[1] if targets else None
            for _, h in targets:
                known = self._parent_of(h.mention.name)
                if known is not None and known != self._group_id(g.mention.name):
                    continue  # the lexicon knows the house's owner, and it is another group
                if known is None and h is not nearest:
                    continue  # "Tiffany, owned by LVMH, has worked with Supreme": only the house it is said of
                self.emit(h.key, "parentCompany", g.key, sent, 0.7)

    def _retailer(self, brand: Key) -> bool:
        """Whether a house is a store (its campaigns sell other houses' products)."""
        if self._retailers is None:
            self._retailers = {fold(e.name) for e in self.lex.brand_by_id.values() if e.category == "retailer"}
        return brand[1] in self._retailers

    def _parent_of(self, name: str) -> str | None:
        """The lexicon's group id for a house ("" when it knows the house is independent)."""
        entry = self.lex.brands.get(name)
        if entry is None:
            return None
        return entry.parent or ("" if entry.kind == "house" else None)

    def _group_id(self, name: str) -> str | None:
        entry = self.lex.brands.get(name)
        return entry.id if entry else None

    def _is_group(self, name: str) -> bool:
        entry = self.lex.brands.get(name)
        return bool(entry and entry.kind == "group")

    def _ensure_default_campaign(self) -> Key | None:
        """The campaign being talked about; an unnamed "<Brand> <Year> campaign" if none is named."""
        if not (self.ctx.current_campaign or self.ctx.default_campaign) and callable(self.ctx.make_default_campaign):
            self.ctx.default_campaign = self.ctx.make_default_campaign()
            self.ctx.current_campaign = self.ctx.default_campaign
        return self.ctx.current_campaign or self.ctx.default_campaign
