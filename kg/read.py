"""Read article files (.md, .txt, .html, .jsonl) into ``Article`` values.

Readers never raise for a bad file: they yield ``BadArticle`` values, so one bad file
(or one bad JSONL line) never stops a batch. Text is decoded (UTF-8, a UTF-16/32 BOM,
else Windows-1252 or a detected legacy encoding), stripped of control characters, and
HTML markup never becomes text: script, style, iframe and form content is dropped.
Boilerplate lines are dropped from the patterns in ``data/patterns/boilerplate.txt``.
"""
from __future__ import annotations

import errno
import json
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

from .dates import looks_like_dateline, parse_date
from .decode import bad, binary_kind, binary_reason, clean_text, clean_url, decode, legacy
from .errors import BadArticle
from .model import Article
from .resources import resource

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".jsonl"}
DEFAULT_MAX_BYTES = 20_000_000
JSONL_ERRORS_SHOWN = 10  # bad lines named one by one per JSONL file; the rest are counted

# Link text kept, target dropped; no nested brackets and one level of parentheses, so linear time.
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_CAPTION = re.compile(r"^\s*[*_](?![*_])(.+?)[*_]\s*$")
_BYLINE = re.compile(r"^\s*(?:by|words by|written by)\s+(.+?)\s*$", re.I)
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)

# Markup whose content must never become text, and the tags of HTML pasted into Markdown.
_HTML_BLOCK = re.compile(
    r"<(script|style|iframe|form|noscript|template|object|embed|svg|select|textarea|button)\b"
    r".*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)", re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|article|aside|b|blockquote|body|br|caption|cite|code|div|em|figcaption|figure|"
    r"footer|h[1-6]|head|header|hr|html|i|img|input|label|li|link|main|meta|nav|ol|p|picture|pre|"
    r"section|small|source|span|strong|sub|sup|table|tbody|td|th|thead|title|tr|u|ul|video)\b[^<>]*>",
    re.I)


@cache
def _boilerplate() -> re.Pattern[str]:
    lines = resource("data", "patterns", "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    rules = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return re.compile("|".join(f"(?:{r})" for r in rules), re.I)


def is_boilerplate(line: str) -> bool:
    """True for share links, embed lines, newsletter and copyright lines."""
    return bool(_boilerplate().fullmatch(line.strip()))


def _os_reason(exc: OSError, path: Path) -> str:
    """An OSError as a short lower-case reason ('permission denied', 'symlink loop')."""
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        return "broken symlink" if path.is_symlink() else "no such file or directory"
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | BadArticle]:
    """Article files under each path, each once. Directories recurse without following
    directory symlinks (so a link loop cannot recurse) and skip hidden entries."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield bad(str(path), _os_reason(exc, path))
            continue
        if not stat.S_ISDIR(mode):
            candidates: Iterable[Path | BadArticle] = [path]
        else:
            candidates = _walk(path)
        for item in candidates:
            if isinstance(item, Path):
                key = _real(item)
                if key in seen:
                    continue
                seen.add(key)
            yield item


def _walk(top: Path) -> Iterator[Path | BadArticle]:
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, followlinks=False, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield from (bad(str(e.filename), _os_reason(e, Path(str(e.filename)))) for e in errors)
        errors.clear()
        for name in sorted(files):
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                yield Path(root) / name
    yield from (bad(str(e.filename), _os_reason(e, Path(str(e.filename)))) for e in errors)


def _real(path: Path) -> str:
    try:
        return str(path.resolve(strict=False))
    except (OSError, RuntimeError):  # a symlink loop: the error comes when it is read
        return os.path.abspath(path)


def identity_of(path: Path) -> str:
    """The source path as an identity: relative to the working directory when inside it.
    Undecodable bytes in a file name are kept as backslash escapes."""
    resolved = Path(_real(path))
    try:
        text = resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        text = resolved.as_posix()
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | BadArticle]:
    """The articles in one file (several for JSONL), or why it could not be read.

    Only regular files are read (a FIFO or device would block or never end); a JSONL
    file is streamed line by line, so ``max_bytes`` limits each record, not the file.
    """
    source = identity_of(path)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield bad(source, "not a regular file (a FIFO, device or socket)")
            return
        if suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl_stream(stream, source, max_bytes)
            return
        if info.st_size > max_bytes:
            yield bad(source, _too_big(info.st_size, max_bytes))
            return
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:  # it grew after stat()
            yield bad(source, _too_big(len(data), max_bytes))
            return
        text = decode(data, source)
    except BadArticle as exc:
        yield exc
        return
    except FileNotFoundError:  # it was listed, so it vanished since
        yield bad(source, "broken symlink" if path.is_symlink() else "deleted before it could be read")
        return
    except OSError as exc:
        yield bad(source, _os_reason(exc, path))
        return
    try:
        yield read_html(text, source) if suffix in (".html", ".htm") else read_markdown(text, source)
    except BadArticle as exc:
        yield exc
    except Exception as exc:  # a reader bug must cost one file, not the batch
        yield bad(source, f"could not be parsed ({type(exc).__name__}: {exc})")


def _too_big(size: int, limit: int) -> str:
    return f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit (--max-size)"


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
               ) -> Iterator[Article | BadArticle]:
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
    """Markdown or plain text as a reader saves it: section, headline, date, byline, body.

    HTML pasted into the text loses its tags, and script, style, iframe and form blocks
    lose their content too.
    """
    meta: dict = dict(defaults or {})
    text = clean_text(text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", _HTML_BLOCK.sub("\n", text))
    front = _FRONT.match(text)
    if front:
        for line in front.group(1).splitlines():
            key, _, value = line.partition(":")
            if value.strip():
                meta.setdefault(key.strip().lower(), value.strip().strip("'\""))
        text = text[front.end():]
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    has_headline = any(x.startswith("# ") for x in lines)
    title = " ".join(meta.get("title", "").split())
    section = None
    byline = meta.get("author") or meta.get("byline")
    published = parse_date(str(meta.get("published") or meta.get("date") or ""))
    paragraphs: list[str] = []
    captions: list[str] = []
    subheads: list[tuple[int, str]] = []  # (index in paragraphs, text): "## 3. Dolce & Gabbana"
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# ") and not title:
            title = _clean_inline(line[2:])
            continue
        if line.startswith("#"):
            heading = _clean_inline(line.lstrip("#"))
            if heading and paragraphs:  # not text, but they say where a listicle turns to another house
                subheads.append((len(paragraphs), heading))
            continue
        in_header = not paragraphs
        if not title and in_header and section is None and len(line) < 60 and has_headline:
            section = _clean_inline(line)
            continue
        if published is None and len(paragraphs) <= 1 and looks_like_dateline(line):  # after a standfirst too
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
        raise bad(source, "no article text")
    shift = 1 if title else 0  # the title opens the text
    if not title and paragraphs and len(paragraphs[0]) < 150 and not paragraphs[0].endswith("."):
        title = paragraphs.pop(0)  # and the paragraphs stay where they were
    body = "\n\n".join(([title] if title else []) + paragraphs)
    url = clean_url(meta.get("url"))
    return Article(
        id=url or source,
        url=url,
        title=title,
        text=body,
        published=published,
        publisher=meta.get("publisher"),
        byline=byline,
        section=section,
        captions=tuple(captions),
        source=source,
        subheads=tuple((index + shift, heading) for index, heading in subheads),
    )


# Elements whose content is never text (dropped before anything is read, the title too),
# then page furniture (dropped once the title, often in <header>, has been read).
_NEVER_TEXT = ("script", "style", "noscript", "form", "iframe", "svg", "button", "template", "object",
               "embed", "select", "input", "textarea", "canvas")
_FURNITURE = ("nav", "footer", "header", "aside")


def read_html(text: str, source: str) -> Article:
    """An HTML page: main text, title, date, canonical URL and og: metadata."""
    with warnings.catch_warnings():  # bs4 warns when a page looks like a file name, URL or XML
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "html.parser")
    for tag in soup(_NEVER_TEXT):
        tag.decompose()

    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
            if tag and tag.get("content"):
                return str(tag["content"]).strip()
        return None

    canonical = soup.find("link", rel="canonical")
    url = clean_url(canonical.get("href") if canonical else None) or clean_url(meta("og:url"))
    h1 = soup.find("h1")
    title = meta("og:title") or (h1.get_text(" ", strip=True) if h1 else None) or (
        soup.title.get_text(" ", strip=True) if soup.title else "")
    title = " ".join(title.split())
    time_tag = soup.find("time")
    date_text = meta("article:published_time", "date", "pubdate", "publish-date", "dc.date") or (
        (time_tag.get("datetime") or time_tag.get_text()) if time_tag else "")
    byline = meta("author", "article:author")
    for tag in soup(_FURNITURE):
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
        raise bad(source, "no article text in the HTML")
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
    """One article per line: ``text`` (required), ``url``, ``title``, ``published``,
    ``publisher``, ``author``. A broken line is reported by number; the others go on."""
    yield from _jsonl_records(enumerate(text.splitlines(), start=1), source)


def read_jsonl_stream(stream: BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES,
                      ) -> Iterator[Article | BadArticle]:
    """The articles of a seekable JSONL byte stream, read a line at a time, so a file of
    any size streams; ``max_bytes`` limits one line."""
    kind = binary_kind(stream.read(8192))
    if kind:
        yield bad(source, binary_reason(kind))
        return
    stream.seek(0)

    def lines() -> Iterator[tuple[int, bytes | None]]:
        number = 0
        while line := stream.readline(max_bytes + 1):
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of an over-long line
                line = None
            yield number, line

    yield from _jsonl_records(lines(), source)


def _jsonl_records(lines: Iterable[tuple[int, str | bytes | None]], source: str,
                   ) -> Iterator[Article | BadArticle]:
    """Articles from numbered lines; the first bad lines are named, the rest counted."""
    articles = failed = blank = 0
    for number, line in lines:
        text = _decode_line(line, number) if isinstance(line, bytes) else line
        if text is not None and not text.strip():
            blank += 1
            continue
        if line is None:
            outcome: Article | str = f"line {number} is over the size limit (--max-size)"
        elif text is None:
            outcome = f"line {number} is neither UTF-8 nor legacy text"
        else:
            outcome = _jsonl_record(text, number, source)
        if isinstance(outcome, Article):
            articles += 1
            yield outcome
            continue
        failed += 1
        if failed <= JSONL_ERRORS_SHOWN:
            yield bad(source, outcome)
    if failed > JSONL_ERRORS_SHOWN:
        yield bad(source, f"{failed - JSONL_ERRORS_SHOWN} more bad lines (not listed)")
    if not articles and not failed:
        yield bad(source, "only whitespace, no JSON lines" if blank else "empty file")


def _decode_line(line: bytes, number: int) -> str | None:
    """A JSONL line as text (UTF-8, else a legacy 8-bit encoding), or None."""
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return legacy(line)


_JSONL_FIELDS = ("url", "title", "published", "publisher", "author")


def _jsonl_record(line: str, number: int, source: str) -> Article | str:
    """The article on one JSONL line, or the reason it is not one."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"line {number} is not JSON ({exc.msg})"
    except RecursionError:
        return f"line {number} is JSON nested too deeply"
    if not isinstance(record, dict):
        return f"line {number} is not a JSON object"
    text = record.get("text")
    if not isinstance(text, str) or not clean_text(text).strip():
        return f"line {number} has no 'text' string"
    meta = {key: clean_text(str(value)).strip() for key in _JSONL_FIELDS
            if isinstance(value := record.get(key), str | int | float) and not isinstance(value, bool)}
    where = f"{source}#{number}"
    try:
        article = read_markdown(text, where, defaults={k: v for k, v in meta.items() if v})
    except BadArticle:
        return f"line {number} has no article text"
    except Exception as exc:  # a reader bug must cost one line, not the file
        return f"line {number} could not be parsed ({type(exc).__name__}: {exc})"
    return article if article.url else replace(article, id=where)
