"""The readers and the decoder: each test feeds one small input and checks one behaviour."""
from __future__ import annotations

import gzip
import io
import json
import os

import pytest

from kg.decode import clean_text, clean_url, decode, shown
from kg.errors import BadArticle
from kg.model import Article
from kg.read import (
    JSONL_ERRORS_SHOWN,
    identity_of,
    iter_files,
    read_html,
    read_jsonl,
    read_jsonl_stream,
    read_markdown,
    read_paths,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32))


def reason(data: bytes) -> str:
    with pytest.raises(BadArticle) as info:
        decode(data, "f.md")
    return info.value.reason


def test_decode_utf8_is_kept():
    assert decode("Hermès “Kelly” — bag".encode(), "f.md") == "Hermès “Kelly” — bag"


def test_decode_latin1_is_detected_not_refused():
    text = "Hermès présente sa collection été à Paris, dit le créateur."
    assert decode(text.encode("latin-1"), "f.md") == text


def test_decode_cp1252_smart_quotes_are_detected():
    text = "Chloé’s “Fall” campaign — shot by Zoë Ghertner…"
    assert decode(text.encode("cp1252"), "f.md") == text


def test_decode_short_latin1_word_is_not_misread():
    assert decode("Café".encode("latin-1"), "f.md") == "Café"


def test_decode_utf16_with_bom_is_read():
    assert decode("Gucci names Kendall Jenner.".encode("utf-16"), "f.md") == "Gucci names Kendall Jenner."


def test_decode_mostly_utf8_keeps_utf8_and_marks_the_bad_byte():
    data = "Hermès and Chloé, café ".encode() + b"\xff" + " déjà vu".encode()
    assert decode(data, "f.md") == "Hermès and Chloé, café \ufffd déjà vu"


def test_decode_cyrillic_cp1251_is_detected():
    text = "Привет, это статья о моде и брендах Гуччи и Прада."
    assert decode(text.encode("cp1251"), "f.md") == text


def test_decode_empty_file_is_refused():
    assert reason(b"") == "empty file"


def test_decode_whitespace_only_is_refused():
    assert reason(b" \n\t\r\n ") == "only whitespace, no text"


def test_decode_png_is_named():
    assert reason(PNG) == "binary file (a PNG image), not text"


def test_decode_gzip_is_named():
    assert reason(gzip.compress(b"hello " * 100)) == "binary file (gzip-compressed), not text"


def test_decode_nul_bytes_mean_binary():
    assert reason(b"abc\x00def\x00") == "binary file, not text"


def test_decode_random_bytes_are_binary():
    assert reason(bytes(range(1, 32)) * 20 + bytes(range(128, 256)) * 4).startswith("binary file")


def test_decode_strips_control_characters():
    assert decode(b"Dior\x1b[31m red\x07\x7f", "f.md") == "Dior[31m red"


def test_clean_text_turns_unicode_line_separators_into_newlines():
    assert clean_text("a\u2028b\u2029c\x0bd\x0ce") == "a\nb\nc\nd\ne"


def test_clean_text_drops_lone_surrogates_and_noncharacters():
    assert clean_text("a\ud800b\uffffc") == "abc"


def test_shown_keeps_error_messages_on_one_line():
    assert shown("evil\nname\x1b.md") == "evil\\nname\\x1b.md"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "/relative/path", "mailto:a@b.c", "http://", "not a url",
                                 "http://[broken/", "https://e.com/%zz"])
def test_clean_url_refuses_non_http_or_malformed(url):
    assert clean_url(url) is None


def test_clean_url_percent_encodes_spaces_and_quotes():
    assert clean_url(' https://e.com/a b"c ') == "https://e.com/a%20b%22c"


def test_clean_url_keeps_non_ascii_iri():
    assert clean_url("https://e.com/café") == "https://e.com/café"


def test_read_markdown_takes_front_matter():
    article = read_markdown("---\ntitle: T\nurl: https://e.com/a\npublished: 2024-03-05\n---\nBody text.\n", "a.md")
    assert (article.title, article.url, article.id, str(article.published)) == (
        "T", "https://e.com/a", "https://e.com/a", "2024-03-05")


def test_read_markdown_finds_the_date_after_a_standfirst_and_byline():
    article = read_markdown("# Spring campaigns\n\nFour houses, four ideas.\n\nBy Helena Brooks\n\n20 March 2025\n\n"
                            "The season began.\n", "a.md")
    assert str(article.published) == "2025-03-20"


def test_read_markdown_refuses_javascript_url_in_front_matter():
    article = read_markdown("---\nurl: javascript:alert(1)\n---\n# T\n\nBody.\n", "a.md")
    assert (article.url, article.id) == (None, "a.md")


def test_read_markdown_drops_script_blocks_and_tags():
    text = "# T\n\nBody <b>bold</b>.\n<script>alert('SCRIPTTEXT')</script>\n<iframe src=x>FRAME</iframe>\nEnd."
    article = read_markdown(text, "a.md")
    assert "SCRIPTTEXT" not in article.text and "FRAME" not in article.text and "<" not in article.text
    assert "Body bold ." in article.text


def test_read_markdown_keeps_a_less_than_sign_in_prose():
    assert "prices < 100 euros" in read_markdown("# T\n\nBags at prices < 100 euros.\n", "a.md").text


def test_read_markdown_unclosed_script_drops_the_rest():
    assert "secret" not in read_markdown("# T\n\nBody.\n<script>var secret = 1;\n", "a.md").text


def test_read_markdown_keeps_link_text_not_target():
    article = read_markdown("# T\n\nSee [the show](javascript:alert(1)) now.\n", "a.md")
    assert "See the show now." in article.text and "javascript" not in article.text


def test_read_markdown_with_no_text_is_refused():
    with pytest.raises(BadArticle, match="no article text"):
        read_markdown("## subhead only\n\nShare on Facebook\n", "a.md")


HOSTILE_HTML = """<html><head><title>Dior news</title>
<script>var x = "SCRIPTTEXT";</script><style>p { color: red } /* STYLETEXT */</style>
<link rel="canonical" href="javascript:alert(1)"></head>
<body><article><p>Dior names a new ambassador.</p>
<iframe src="https://ads.example">IFRAMETEXT</iframe>
<form action="/x"><label>FORMTEXT</label><input value="INPUTVALUE"><textarea>AREATEXT</textarea></form>
<p>More <script>INLINESCRIPT</script> text.</p><!-- COMMENTTEXT --><noscript>NOSCRIPTTEXT</noscript>
<template><p>TEMPLATETEXT</p></template></article></body></html>"""


def test_read_html_never_turns_script_iframe_form_content_into_text():
    article = read_html(HOSTILE_HTML, "a.html")
    for marker in ("SCRIPT", "STYLE", "IFRAME", "FORM", "INPUT", "AREA", "COMMENT", "TEMPLATE"):
        assert marker not in article.text
    assert article.text == "Dior news\n\nDior names a new ambassador.\n\nMore text."


def test_read_html_refuses_javascript_canonical_url():
    assert read_html(HOSTILE_HTML, "a.html").url is None


def test_read_html_takes_og_url_when_canonical_is_relative():
    page = ('<link rel="canonical" href="/a"><meta property="og:url" content="https://e.com/a">'
            "<p>Body text.</p>")
    assert read_html(page, "a.html").url == "https://e.com/a"


def test_read_html_with_only_scripts_is_refused():
    with pytest.raises(BadArticle, match="no article text in the HTML"):
        read_html("<script>only()</script>", "a.html")


def jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records)


def test_read_jsonl_broken_line_is_named_and_others_read():
    items = list(read_jsonl(jsonl({"text": "One."}, '{"text": broken', {"text": "Three."}), "f.jsonl"))
    assert [type(i).__name__ for i in items] == ["Article", "BadArticle", "Article"]
    assert str(items[1]) == "f.jsonl: line 2 is not JSON (Expecting value)"
    assert items[2].id == "f.jsonl#3"


@pytest.mark.parametrize(("line", "why"), [
    ("[1, 2]", "line 1 is not a JSON object"),
    ('{"title": "no text"}', "line 1 has no 'text' string"),
    ('{"text": 42}', "line 1 has no 'text' string"),
    ('{"text": "\\u0000 \\u0007"}', "line 1 has no 'text' string"),
    ("[" * 100_000, "line 1 is JSON nested too deeply"),
])
def test_read_jsonl_bad_record_reasons(line, why):
    assert [i.reason for i in read_jsonl(line, "f.jsonl")] == [why]


def test_read_jsonl_lone_surrogate_is_dropped():
    (article,) = read_jsonl('{"text": "Dior\\ud800 news."}', "f.jsonl")
    assert article.text == "Dior news."


def test_read_jsonl_bad_url_and_odd_fields_are_ignored():
    (article,) = read_jsonl(jsonl({"text": "Body.", "url": "javascript:x", "title": {"a": 1}}), "f.jsonl")
    assert (article.url, article.id, article.title) == (None, "f.jsonl#1", "")


def test_read_jsonl_caps_the_errors_listed_per_file():
    items = list(read_jsonl("\n".join(["oops"] * 25), "f.jsonl"))
    assert len(items) == JSONL_ERRORS_SHOWN + 1
    assert items[-1].reason == f"{25 - JSONL_ERRORS_SHOWN} more bad lines (not listed)"


def test_read_jsonl_stream_limits_each_line_not_the_file():
    lines = [json.dumps({"text": f"Article {i} body."}) for i in range(50)] + [json.dumps({"text": "x" * 500})]
    items = list(read_jsonl_stream(io.BytesIO("\n".join(lines).encode()), "f.jsonl", max_bytes=200))
    assert sum(isinstance(i, Article) for i in items) == 50
    assert items[-1].reason == "line 51 is over the size limit (--max-size)"


def test_read_jsonl_stream_refuses_gzip():
    (item,) = read_jsonl_stream(io.BytesIO(gzip.compress(b'{"text": "x"}\n')), "f.jsonl")
    assert item.reason == "binary file (gzip-compressed), not text"


def test_read_jsonl_stream_reads_a_cp1252_line():
    data = '{"text": "Chloé’s campaign."}\n'.encode("cp1252")
    (article,) = read_jsonl_stream(io.BytesIO(data), "f.jsonl")
    assert article.text == "Chloé’s campaign."


def test_read_jsonl_stream_empty_file_is_refused():
    assert [i.reason for i in read_jsonl_stream(io.BytesIO(b""), "f.jsonl")] == ["empty file"]


def test_iter_files_survives_a_symlink_loop(tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "sub" / "ok.md").write_text("# T\n\nBody.\n")
    items = list(read_paths([tmp_path]))
    assert [str(i) for i in items if isinstance(i, BadArticle)] == [
        f"{tmp_path}/a.md: symlink loop", f"{tmp_path}/b.md: symlink loop"]
    assert [i.title for i in items if isinstance(i, Article)] == ["T"]


def test_iter_files_names_a_looping_argument(tmp_path):
    (tmp_path / "x").symlink_to(tmp_path / "x")
    assert [str(i) for i in iter_files([tmp_path / "x"])] == [f"{tmp_path}/x: symlink loop"]


def test_iter_files_names_a_missing_argument(tmp_path):
    assert [i.reason for i in iter_files([tmp_path / "nope.md"])] == ["no such file or directory"]


def test_iter_files_skips_hidden_and_other_suffixes(tmp_path):
    for name in (".git/x.md", ".hidden.md", "photo.png", "a.md", "b.HTML"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.name for p in iter_files([tmp_path])] == ["a.md", "b.HTML"]


def test_iter_files_yields_a_file_named_twice_once(tmp_path):
    (tmp_path / "a.md").write_text("x")
    assert len(list(iter_files([tmp_path, tmp_path / "a.md", tmp_path]))) == 1


def test_read_paths_refuses_a_fifo_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    assert [i.reason for i in read_paths([tmp_path])] == ["not a regular file (a FIFO, device or socket)"]


def test_read_paths_size_limit_names_the_option(tmp_path):
    with open(tmp_path / "big.md", "wb") as f:
        f.truncate(3_000_000)
    (item,) = read_paths([tmp_path / "big.md"], max_bytes=1_000_000)
    assert item.reason == "file is 3.0 MB, over the 1 MB limit (--max-size)"


def test_identity_of_keeps_undecodable_file_name_bytes_readable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"caf\xe9.md")
    assert identity_of(tmp_path / name) == "caf\\xe9.md"


def test_read_html_unclosed_title_does_not_swallow_a_script():
    article = read_html("<title>Dior</title<p>x</p><script>SCRIPTTEXT</script><p>Body.</p>", "a.html")
    assert "SCRIPTTEXT" not in article.title + article.text


def test_read_html_title_is_one_line():
    assert read_html("<h1>Dior\n  names\tRosalía</h1><p>Body.</p>", "a.html").title == "Dior names Rosalía"


@pytest.mark.parametrize("page", [".TXT", "https://example.com/a", '<?xml version="1.0"?><p>Body.</p>'])
def test_read_html_odd_pages_raise_no_warning(page):
    try:
        read_html(page, "a.html")  # warnings are errors in this suite
    except BadArticle:
        pass


def test_read_markdown_keeps_where_each_subhead_opens_a_paragraph():
    art = read_markdown("# Five holiday campaigns\n\nIntro text here.\n\n## 1. Swarovski\n\nShot by X.\n\n"
                        "## 2. Uniqlo\n\nFederer returns.", "f.md")
    paragraphs = art.text.split("\n\n")
    assert [(paragraphs[i], h) for i, h in art.subheads] == [("Shot by X.", "1. Swarovski"),
                                                            ("Federer returns.", "2. Uniqlo")]


def test_read_markdown_drops_read_next_lines_in_emphasis():
    art = read_markdown("# Fall campaigns\n\nZara's campaign is out.\n\n*Read next: The best fall campaigns*\n\n"
                        "**Read next:** [More](#)", "f.md")
    assert "Read next" not in art.text
