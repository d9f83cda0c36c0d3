"""Fast lookups in the lexicons: stage names and house names by token n-grams, and where
trigger phrases occur. A dictionary lookup per n-gram is far faster than one regular
expression of a thousand alternatives."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import Lexicon, trigger_pattern
from .tokens import Token, tokens

_MONONYM_CACHE: dict[int, dict[str, str]] = {}


def mononym_forms(lex: Lexicon) -> dict[str, str]:
    """Stage names that need exact matching: several words or odd capitals."""
    key = id(lex)
    if key not in _MONONYM_CACHE:
        _MONONYM_CACHE[key] = {m: m for m in lex.mononyms.values() if " " in m or "," in m or not m[:1].isupper()
                               or any(c in m for c in "$!-") or (m.isupper() and len(m) > 1)}
    return _MONONYM_CACHE[key]


MAX_FORM_TOKENS = 7


_FIRST_WORDS: dict[int, dict[str, int]] = {}


def _first_words(forms: dict) -> dict[str, int]:
    """First token of every form -> the most tokens a form starting with it has."""
    key = id(forms)
    if key not in _FIRST_WORDS:
        index: dict[str, int] = {}
        for form in forms:
            toks = tokens(form)
            if toks:
                first = toks[0].text
                index[first] = max(index.get(first, 0), len(toks))
        _FIRST_WORDS[key] = index
    return _FIRST_WORDS[key]


@lru_cache(maxsize=65536)
def _base_word(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if "-" in word and word.split("-", 1)[1][:1].islower():
        word = word.split("-", 1)[0]
    return word


def lexicon_spans(text: str, toks: tuple[Token, ...] | list[Token], forms: dict) -> list[tuple[int, int, str]]:
    """Longest non-overlapping spans of ``text`` that are keys of ``forms``, by token n-grams.

    A dictionary lookup per n-gram is far faster than one regex of a thousand alternatives.
    "Balenciaga's" matches "Balenciaga"; "Kering-owned" matches "Kering".
    """
    first = _first_words(forms)
    found: list[tuple[int, int, str]] = []
    i = 0
    n = len(toks)
    while i < n:
        word = toks[i].text
        size = first.get(word) or first.get(_base_word(word))
        hit = None
        if size:
            for j in range(min(n, i + size) - 1, i - 1, -1):
                start, end = toks[i].start, toks[j].end
                span = text[start:end]
                if span in forms:
                    hit = (start, end, span, j)
                    break
                if span.endswith(("'s", "’s")) and span[:-2] in forms:
                    hit = (start, end - 2, span[:-2], j)
                    break
                if j == i:
                    base = _base_word(word)
                    if base != word and base in forms:
                        hit = (start, start + len(base), base, j)
        if hit:
            found.append(hit[:3])
            i = hit[3] + 1
        else:
            i += 1
    return found


@lru_cache(maxsize=32768)
def _trigger_spans(kind: str, text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in trigger_pattern(kind).finditer(text))


def trigger_spans(kind: str, text: str) -> list[tuple[int, int]]:
    """Where the trigger phrases of ``kind`` occur in ``text``."""
    return list(_trigger_spans(kind, text))
