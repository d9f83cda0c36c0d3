"""Read article files (.md, .txt, .html, .jsonl) into ``Article`` values.

Readers never raise for a bad file: they yield ``BadArticle`` values, so one bad file
(or one bad JSONL line) never stops a batch. Boilerplate lines are dropped here, from
the patterns in ``data/patterns/boilerplate.txt``.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

from .dates import looks_like_dateline, parse_date
from .errors import BadArticle
from .model import Article
from .resources import resource

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".jsonl"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_CAPTION = re.compile(r"^\s*[*_](?![*_])(.+?)[*_]\s*$")
_BYLINE = re.compile(r"^\s*(?:by|words by|written by)\s+(.+?)\s*$", re.I)
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@cache
def _boilerplate() -> re.Pattern[str]:
    lines = resource("data", "patterns", "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    rules = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{r})" for r in rules), re.I)


def is_boilerplate(line: str) -> bool:
    """True for share links, embed lines, newsletter and copyright lines."""
    return bool(_boilerplate().fullmatch(line.strip()))


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | BadArticle]:
    """Article files under each path; directories recurse without following link loops."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield Path(root) / name
        elif path.exists():
            yield path
        else:
            yield BadArticle(str(path), "no such file or directory")


def identity_of(path: Path) -> str:
    """The source path as an identity: relative to the working directory when inside it."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def decode(data: bytes, source: str) -> str:
    """UTF-8, else the detected legacy encoding (latin-1, cp1252...); binary is refused."""
    if not data.strip():
        raise BadArticle(source, "empty file")
    if b"\x00" in data[:8192] or data[:8].startswith((b"\x89PNG", b"\x1f\x8b", b"PK\x03\x04", b"%PDF", b"GIF8")):
        raise BadArticle(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise BadArticle(source, "binary file, not text")
    return str(best)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | BadArticle]:
    """The articles in one file (several for JSONL), or why it could not be read."""
    source = identity_of(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield BadArticle(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
            return
        text = decode(path.read_bytes(), source)
    except BadArticle as exc:
        yield exc
        return
    except OSError as exc:
        yield BadArticle(source, exc.strerror or str(exc))
        return
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(text, source)
        return
    try:
        article = read_html(text, source) if suffix in (".html", ".htm") else read_markdown(text, source)
    except BadArticle as exc:
        yield exc
        return
    yield article


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | BadArticle]:
    """Every article under ``paths``, in a stable order."""
    for item in iter_files(paths):
        if isinstance(item, BadArticle):
            yield item
        else:
            yield from read_file(item, max_bytes)


def _clean_inline(line: str) -> str:
    line = _MD_LINK.sub(lambda m: m.group(1), line)
    line = _MD_EMPH.sub(lambda m: m.group(2), line)
    line = re.sub(r"\(\s*see stor(y|ies)\s*\)", "", line, flags=re.I)
    return re.sub(r"[ \t]+", " ", line).strip()


_CREDIT = re.compile(r"\s*\b(?:image|photo|picture)s?\s+(?:credit|courtesy)s?:\s*(.*)$", re.I)
_SHOT_BY = re.compile(r"\b(?:photographed|shot|lensed|captured)\s+by\b.*$", re.I)


def _strip_credit(caption: str) -> str:
    """Drop an 'Image credit:' tail, keeping a 'photographed by X' clause inside it."""
    m = _CREDIT.search(caption)
    if not m:
        return caption
    kept = caption[: m.start()].strip()
    shot = _SHOT_BY.search(m.group(1))
    if shot:
        kept = f"{kept.rstrip('.')}, {shot.group(0).rstrip('.')}." if kept else shot.group(0)
    return kept


def read_markdown(text: str, source: str, defaults: dict | None = None) -> Article:
    """Markdown or plain text as a reader saves it: section, headline, date, byline, body."""
    meta: dict = dict(defaults or {})
    front = _FRONT.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            if value.strip():
                meta.setdefault(key.strip().lower(), value.strip().strip("'\""))
        text = text[front.end():]
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    # Join paragraphs split by a hard wrap, e.g. '..., she\n\nsaid.' stays two paragraphs.
    title = meta.get("title", "")
    section = None
    byline = meta.get("author") or meta.get("byline")
    published = parse_date(str(meta.get("published") or meta.get("date") or ""))
    paragraphs: list[str] = []
    captions: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and not title:
            title = _clean_inline(line[2:])
            continue
        if line.startswith("#"):
            continue  # subheads are page furniture
        in_header = not paragraphs
        if not title and in_header and section is None and len(line) < 60 and any(
                x.startswith("# ") for x in lines):
            section = _clean_inline(line)
            continue
        if published is None and in_header and looks_like_dateline(line):
            published = parse_date(line)
            continue
        m = _BYLINE.match(line)
        if m and not byline and len(line) < 120 and len(paragraphs) <= 1:
            byline = _clean_inline(m.group(1)).split(",")[0].strip()
            continue
        if is_boilerplate(_clean_inline(line)) or is_boilerplate(line):
            continue
        cap = _CAPTION.match(line)
        if cap:
            caption = _clean_inline(cap.group(1))
            caption = _strip_credit(caption)
            if caption:
                captions.append(caption)
                paragraphs.append(caption)
            continue
        cleaned = _clean_inline(line)
        if cleaned and not is_boilerplate(cleaned):
            paragraphs.append(cleaned)
    if not title and not paragraphs:
        raise BadArticle(source, "no article text")
    if not title and paragraphs and len(paragraphs[0]) < 150 and not paragraphs[0].endswith("."):
        title = paragraphs.pop(0)
    body = "\n\n".join(([title] if title else []) + paragraphs)
    return Article(
        id=meta.get("url") or source,
        url=meta.get("url"),
        title=title,
        text=body,
        published=published,
        publisher=meta.get("publisher"),
        byline=byline,
        section=section,
        captions=tuple(captions),
        source=source,
    )


_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe",
              "svg", "button", "template", "object", "embed", "select", "input", "textarea", "canvas")


def read_html(text: str, source: str) -> Article:
    """An HTML page: main text, title, date, canonical URL and og: metadata."""
    soup = BeautifulSoup(text, "html.parser")

    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content"):
                return str(tag["content"]).strip()
        return None

    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else None) or meta("og:url")
    h1 = soup.find("h1")
    title = meta("og:title") or (h1.get_text(" ", strip=True) if h1 else None) or (
        soup.title.get_text(strip=True) if soup.title else "")
    time_tag = soup.find("time")
    date_text = meta("article:published_time", "date", "pubdate", "publish-date", "dc.date") or (
        (time_tag.get("datetime") or time_tag.get_text()) if time_tag else "")
    byline = meta("author", "article:author")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    captions = [c.get_text(" ", strip=True) for c in root.find_all("figcaption")]
    blocks: list[str] = []
    for tag in root.find_all(["p", "li", "blockquote", "figcaption", "h2", "h3"]):
        if tag.find_parent(["p", "li", "blockquote", "figcaption"]):
            continue
        chunk = re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()
        if not chunk or tag.name in ("h2", "h3") or is_boilerplate(chunk):
            continue
        m = _BYLINE.match(chunk)
        if m and not byline and len(chunk) < 80:
            byline = m.group(1)
            continue
        blocks.append(chunk)
    if not blocks:
        fallback = re.sub(r"\s+", " ", root.get_text(" ", strip=True))
        if fallback:
            blocks = [fallback]
    if not blocks and not title:
        raise BadArticle(source, "no article text in the HTML")
    body = "\n\n".join(([title] if title else []) + blocks)
    return Article(
        id=url or source,
        url=url,
        title=title or "",
        text=body,
        published=parse_date(date_text or ""),
        publisher=meta("og:site_name", "publisher"),
        byline=byline,
        captions=tuple(c for c in captions if c),
        source=source,
    )


def read_jsonl(text: str, source: str) -> Iterator[Article | BadArticle]:
    """One article per line: ``url``, ``title``, ``published``, ``text`` (and optionally
    ``publisher``, ``author``). A broken line is reported by number; the others go on."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadArticle(where, f"line {number} is not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            yield BadArticle(where, f"line {number} has no 'text' string")
            continue
        meta = {k: str(record[k]) for k in ("url", "title", "published", "publisher", "author") if record.get(k)}
        try:
            article = read_markdown(record["text"], where, defaults=meta)
        except BadArticle as exc:
            yield exc
            continue
        if not article.url:
            article = Article(**{**article.__dict__, "id": where})
        yield article
