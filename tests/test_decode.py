"""Decoding source bytes: encodings, line endings, forbidden characters, refusals."""

from __future__ import annotations

import pytest

from bookmaker.errors import SourceError
from bookmaker.readers.decode import decode_source

STORY = (
    "Caf\u00e9 \u201cna\u00efve\u201d d\u00e9j\u00e0 vu \u2014 it\u2019s r\u00e9sum\u00e9 time.\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8"),
        (b"\xff\xfe" + STORY.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16-be"),
        ((STORY * 5).encode("cp1252"), "cp1252"),
        ((STORY * 5).encode("mac_roman"), "mac_roman"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "mac-roman"],
)
def test_encodings_are_detected(data, encoding):
    decoded = decode_source(data, name="story.txt")
    assert decoded.encoding == encoding
    assert decoded.text.startswith("Caf\u00e9 \u201cna\u00efve\u201d")
    assert "\ufeff" not in decoded.text


def test_latin1_without_typographic_characters():
    data = "Caf\u00e9 na\u00efve d\u00e9j\u00e0 vu, r\u00e9sum\u00e9 and ni\u00f1o.\n".encode(
        "latin-1"
    )
    decoded = decode_source(data * 3, name="story.txt")
    assert decoded.text.startswith("Caf\u00e9 na\u00efve d\u00e9j\u00e0 vu")


def test_line_endings_are_unified():
    decoded = decode_source(b"one\r\ntwo\rthree\nfour", name="s.txt")
    assert decoded.text == "one\ntwo\nthree\nfour"


def test_xml_forbidden_characters_are_removed():
    text = b"A bell\x07 rang and a vertical\x0b tab \x1b[0m appeared in the long story. " * 3
    decoded = decode_source(text, name="s.txt")
    assert decoded.text.startswith("A bell rang and a vertical tab [0m appeared")


def test_whitespace_only_lines_are_blank():
    decoded = decode_source("one\n  \u00a0 \t\ntwo   \n".encode(), name="s.txt")
    assert decoded.text == "one\n\ntwo\n"


def test_fingerprint_depends_only_on_text():
    one = decode_source(b"Same text\r\n", name="a.txt")
    two = decode_source(b"\xef\xbb\xbfSame text\n", name="b.txt")
    assert one.fingerprint == two.fingerprint


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "file is empty", None),
        (b"  \n\n\t ", "file is empty", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", 3),
        (bytes(range(1, 32)) * 50, "binary file", None),
        (b"\xff\xfe\x00\xd8", "invalid utf-16-le", 1),
    ],
    ids=["empty", "whitespace", "png", "control-characters", "bad-utf16"],
)
def test_bad_input_is_refused_with_file_and_line(data, message, line):
    with pytest.raises(SourceError) as caught:
        decode_source(data, name="bad.txt")
    assert message in str(caught.value)
    assert caught.value.file == "bad.txt"
    assert caught.value.line == line


def test_undecodable_bytes_are_refused():
    import random

    noise = bytes(random.Random(7).choice(range(0x80, 0x100)) for _ in range(4000))
    with pytest.raises(SourceError, match="undecodable bytes") as caught:
        decode_source(b"Once upon a time\n" + noise, name="noise.txt")
    assert caught.value.line == 2
