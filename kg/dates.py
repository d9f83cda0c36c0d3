"""Dates in the forms trade press prints them."""
from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERN = re.compile(
    rf"\b(?:\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?)\b"
)


def parse_date(text: str, default_year: int | None = None) -> date | None:
    """The first date in ``text``, or None. A date without a year takes ``default_year``."""
    if not text:
        return None
    m = DATE_PATTERN.search(text)
    if not m:
        return None
    found = m.group(0)
    has_year = bool(re.search(r"\d{4}", found))
    if not has_year and default_year is None:
        return None
    try:
        default = datetime(default_year or 2000, 1, 1)
        found = re.sub(r"\bSept\b", "Sep", found.replace(".", " "))
        return dateparser.parse(found, default=default, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def looks_like_dateline(line: str) -> bool:
    """A short line that leads with a date ('Published March 5, 2024 at 9:14 am',
    'Sept. 9, 2024 | PARIS', '06 Feb 2023 · 4 min read', 'Wednesday 30 August 2023')."""
    m = DATE_PATTERN.search(line)
    if not m or len(line) > 80:
        return False
    head = re.sub(r"(?i)\b(published|updated|posted|on|mon|tue|wed|thu|fri|sat|sun)\w*\b", "", line[: m.start()])
    return re.sub(r"[\s,:|·•\-–—]", "", head) == ""
