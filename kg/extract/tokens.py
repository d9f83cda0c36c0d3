"""Word tokens with offsets, and runs of capitalised words that may be names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"[#@]?[^\W_](?:[\w'’\-.&$!]*[^\W_$!])?[!$]?\.?|\([A-Z]\)[\w\-]+")
PARTICLES = {"van", "von", "de", "der", "den", "du", "di", "da", "del", "della", "le", "la", "des", "dos",
             "das", "y", "bin", "ter", "zu", "af", "al", "el", "e", "un", "une"}
FUNCTION_WORDS = {
    "the", "a", "an", "and", "or", "but", "while", "when", "where", "after", "before", "as", "at", "in",
    "on", "for", "from", "with", "without", "by", "of", "to", "into", "onto", "its", "his", "her", "their",
    "our", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "there", "here",
    "then", "than", "since", "until", "though", "although", "because", "if", "so", "yet", "also", "both",
    "each", "every", "all", "some", "most", "many", "more", "such", "other", "another", "first", "last",
    "new", "now", "today", "yesterday", "earlier", "later", "once", "still", "even", "just", "only",
    "not", "no", "never", "meanwhile", "however", "instead", "besides", "elsewhere", "together",
    "like", "unlike", "among", "between", "during", "through", "under", "over", "about", "above",
    "below", "across", "around", "behind", "beyond", "despite", "inside", "outside", "via", "per",
    "what", "which", "who", "whom", "whose", "why", "how", "is", "was", "are", "were", "be", "been",
    "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might", "must",
    "shall", "should", "my", "me", "him", "them", "us", "your", "titled", "dubbed", "named", "called",
    "released", "launched", "framed", "granting", "speaking", "asked", "according", "read", "see",
    "watch", "from left", "left", "right", "top", "bottom", "pictured", "photo", "image",
    "vintage", "designs", "three", "two", "four", "five", "six", "seven", "eight", "nine", "ten", "one",
    "several", "few", "half", "fans", "rather", "whether", "nor", "neither", "either", "not every",
}


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the sentence
    end: int

    @property
    def capitalised(self) -> bool:
        t = self.text.lstrip("#@(")
        return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isalpha() for c in t)) or (
            len(t) > 2 and t[0] == "d" and t[1] in "'’" and t[2].isupper()))  # "Bal d'Afrique"

    @property
    def lower(self) -> str:
        return self.text.lower()


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[Token, ...]:
    """Word tokens; a trailing period is kept only on initials and abbreviations."""
    out = []
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(0), m.start(), m.end()
        if word.endswith(".") and len(word) > 2 and not re.fullmatch(r"(?:[A-Z]\.)+|Mr\.|Ms\.|Mrs\.|Dr\.|Jr\.|Sr\.|"
                                                                   r"St\.|Inc\.|Co\.|Corp\.|Mx\.", word):
            word, end = word[:-1], end - 1
        out.append(Token(word, start, end))
    return tuple(out)


def split_possessive(word: str) -> tuple[str, bool]:
    """('Balenciaga', True) for "Balenciaga's" or "Balenciaga’s"."""
    for suffix in ("'s", "’s", "'S", "’S"):
        if word.endswith(suffix) and len(word) > 2:
            return word[: -len(suffix)], True
    if word.endswith(("s'", "s’")):
        return word[:-1], True
    return word, False


@dataclass(frozen=True)
class Run:
    """Adjacent capitalised tokens (with name particles), possibly ending in a possessive."""

    tokens: tuple[Token, ...]
    start: int
    end: int  # end of the name, before any possessive
    text: str
    possessive: bool
    sentence_initial: bool


def capital_runs(text: str, toks: tuple[Token, ...] | list[Token]) -> list[Run]:
    """Maximal runs of capitalised words separated only by single spaces."""
    runs: list[Run] = []
    current: list[Token] = []

    def close() -> None:
        while current and current[-1].lower in PARTICLES and not (
                current[-1].text in ("Un", "Une") and len(current) > 1):  # "the Numéro Un" ends with its number
            current.pop()
        if not current:
            return
        last_word, possessive = split_possessive(current[-1].text)
        start, end = current[0].start, current[-1].start + len(last_word)
        initial = not text[:start].strip(" \"'“‘(*")
        runs.append(Run(tuple(current), start, end, text[start:end], possessive, initial))
        current.clear()

    for i, tok in enumerate(toks):
        gap = text[current[-1].end:tok.start] if current else ""
        gap_ok = bool(current) and (gap == " " or (  # "the Viv' Choc": an elided word, not a possessive
            gap in ("' ", "’ ") and not current[-1].text.lower().endswith("s"))) and not split_possessive(
            current[-1].text)[1]
        is_particle = tok.lower in PARTICLES and i + 1 < len(toks) and toks[i + 1].capitalised and current
        if tok.capitalised or is_particle:
            if current and not gap_ok:
                close()
            current.append(tok)
        else:
            close()
    close()
    return runs
