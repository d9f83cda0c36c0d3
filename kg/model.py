"""The values that flow through the pipeline: read -> extract -> map -> store."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article as read from a file, before any extraction."""

    id: str  # identity: the URL when known, else the source path
    text: str  # body text, boilerplate already removed by the reader where it can
    title: str = ""
    url: str | None = None
    published: date | None = None
    publisher: str | None = None
    byline: str | None = None
    section: str | None = None
    captions: tuple[str, ...] = ()
    source: str = ""  # the file it came from (with ``#line`` for JSONL)
    subheads: tuple[tuple[int, str], ...] = ()  # (index of the paragraph of ``text`` it opens, subhead)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was stated: the sentence and its character span in the article text."""

    sentence: str
    start: int
    end: int
    confidence: float


@dataclass
class Entity:
    """A brand, person, product or campaign named in one article."""

    type: str  # Brand | Person | Product | Campaign
    name: str  # the fullest proper name the text uses
    aliases: set[str] = field(default_factory=set)
    brand: str | None = None  # owning brand's name, for products and campaigns
    nationality: str | None = None
    occupation: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        from .ids import fold

        return (self.type, fold(self.name))


@dataclass(frozen=True)
class Relation:
    """subject -predicate-> object between two entities of one article."""

    subject: tuple[str, str]  # Entity.key
    predicate: str
    object: tuple[str, str]
    evidence: Evidence
    past: bool = False
    since: date | None = None


@dataclass
class Extraction:
    """Everything one article yields: its entities and the relations among them."""

    article: Article
    entities: list[Entity]
    relations: list[Relation]
    extractor_version: str = ""
