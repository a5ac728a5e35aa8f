"""Nothing lost: every word of a source is in its book, as prose, note or metadata."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import CORPUS, SEED_FILES, assert_valid_epub, epub_files
from lxml import etree

from bookmaker.build import build
from bookmaker.readers import read_source

_WORD = re.compile(r"[^\W_]+")
_KEY = re.compile(r"^\s*([A-Za-z][\w '\u2019/()&.-]{0,39}?)\s*:")
CORPUS_TEXTS = sorted((CORPUS / "texts").glob("*.txt"))


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def book_words(path: Path) -> Counter[str]:
    """Words a reader can find in the book: page text and the package metadata."""
    found: Counter[str] = Counter()
    for name, data in epub_files(path).items():
        if name.endswith((".xhtml", ".opf")) and not name.endswith("nav.xhtml"):
            root = etree.fromstring(data)
            found += words(" ".join(root.itertext()))
            if name.endswith(".opf"):  # declared fields kept as <meta name=… content=…>
                found += words(" ".join(e.get("content", "") for e in root.iter()))
    return found


def source_words(path: Path) -> Counter[str]:
    """The source's words, less the field names of its metadata lines (`Title:`)."""
    story = read_source(path)
    keys = {key.lower() for key, _value in story.metadata}
    text = path.read_bytes().decode(story.encoding if story.encoding != "utf-16-le" else "utf-16")
    counted: Counter[str] = Counter()
    for line in text.splitlines():
        match = _KEY.match(line)
        if match and _is_metadata_key(match.group(1), keys):
            line = line[match.end() :]
        counted += words(line)
    return counted


def _is_metadata_key(key: str, keys: set[str]) -> bool:
    from bookmaker.readers.metadata import canonical_key

    return (canonical_key(key) or key).lower() in keys


@pytest.mark.parametrize("source", SEED_FILES + CORPUS_TEXTS, ids=lambda p: p.name)
def test_every_source_word_is_in_the_book(source, tmp_path):
    assert CORPUS.is_dir(), f"the development corpus is missing at {CORPUS}"
    (book,) = build([source], tmp_path)
    missing = source_words(source) - book_words(book)
    assert not missing, f"words lost from {source.name}: {dict(missing.most_common(20))}"


@pytest.mark.parametrize("source", CORPUS_TEXTS, ids=lambda p: p.name)
def test_corpus_text_books_are_valid(source, tmp_path):
    (book,) = build([source], tmp_path)
    assert_valid_epub(book)
