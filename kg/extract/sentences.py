"""Split article text into sentences with character offsets.

Paragraphs (blank-line separated) are hard boundaries; inside one, a sentence ends at
., ! or ? (plus closing quotes) before a capital, unless the period closes an
abbreviation or an initial ("Ms.", "Jan.", "Michael B. Jordan").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {
    "mr", "ms", "mrs", "mx", "dr", "st", "sr", "jr", "prof", "sen", "gov", "rev", "gen", "col", "lt",
    "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "dept", "u.s", "u.k", "e.g", "i.e",
}
_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text, span in the article text, and where it stands."""

    text: str
    start: int
    end: int
    paragraph: int
    caption: bool = False
    title: bool = False


def split_paragraph(text: str, offset: int) -> list[tuple[str, int, int]]:
    """(text, start, end) of each sentence of one paragraph."""
    spans = []
    begin = 0
    for m in _END.finditer(text):
        before = text[begin:m.start()]
        last = re.search(r"([\w.]+)$", before)
        word = last.group(1).lower().rstrip(".") if last else ""
        if (word in ABBREVIATIONS and not (word == "no" and not text[m.end():m.end() + 1].isdigit())) or \
                (last and re.fullmatch(r"[A-Z]", last.group(1))):
            continue  # "No." abbreviates only before a number ("No. 5"); "No. Bella is ..." ends a sentence
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((stripped, offset + s + lead, offset + s + lead + len(stripped)))
    return out


def split(text: str, title: str = "", captions: tuple[str, ...] = ()) -> list[Sentence]:
    """Every sentence of the article text, marked as title or caption where it is one."""
    sentences: list[Sentence] = []
    caption_set = set(captions)
    pos = 0
    for number, para in enumerate(re.split(r"\n\s*\n", text)):
        start = text.find(para, pos)
        pos = start + len(para)
        is_title = number == 0 and bool(title) and para.strip() == title.strip()
        is_caption = para.strip() in caption_set
        for chunk, s, e in split_paragraph(para, start):
            sentences.append(Sentence(chunk, s, e, number, is_caption, is_title))
    return sentences
