"""Plain-text stories: a `Key: Value` header, paragraphs separated by blank lines.

The reader owns what is specific to plain text: header and trailer metadata lines, blank-line
paragraphs and hard-wrapped lines. It keeps each paragraph's source line breaks as '\\n' so
that segmentation can still see heading lines; everything else (chapters, notes, breaks) is
decided by the transforms, which work the same for every source format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bookmaker.model import Chapter, Note, Paragraph, Story, Text
from bookmaker.readers.decode import decode_source
from bookmaker.readers.metadata import canonical_key, is_note_key, language_tag, split_authors

# "Key: Value" with a short key that starts with a letter; the value may be empty.
_KEY_LINE = re.compile(r"^\s*([A-Za-z][\w '\u2019/()&.-]{0,39}?)\s*:(?:\s+(.*)|\s*)$")
_CHAPTER_LIKE = re.compile(r"^\s*(chapter|part|prologue|epilogue)\b", re.IGNORECASE)
# A line this much shorter than the block's longest, ending a sentence, ends its paragraph.
_SHORT_LINE_RATIO = 0.6
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")


@dataclass(frozen=True)
class _Line:
    number: int
    text: str


Entry = tuple[str, str, int]  # a metadata line: (key, value, line number)


def read(data: bytes, *, name: str) -> Story:
    """Read a plain-text story from its bytes; `name` is used in messages."""
    decoded = decode_source(data, name=name)
    lines = [_Line(i + 1, text) for i, text in enumerate(decoded.text.split("\n"))]
    header, body = _take_header(lines)
    body, trailer = _take_trailer(body)
    metadata = tuple((key, value) for key, value, _line in header + trailer)
    paragraphs = tuple(_paragraphs(body))
    title = next((v for k, v in metadata if k == "Title" and v), None)
    authors = tuple(name for k, v in metadata if k == "Author" for name in split_authors(v))
    language = language_tag(next((v for k, v in metadata if k == "Language"), None))
    notes = _declared_notes(header, "before") + _declared_notes(trailer, "after")
    return Story(
        source=name,
        chapters=(Chapter(blocks=paragraphs, line=paragraphs[0].line if paragraphs else 0),),
        title=title,
        authors=authors,
        metadata=metadata,
        notes=notes,
        encoding=decoded.encoding,
        language=language,
        fingerprint=decoded.fingerprint,
    )


def _declared_notes(entries: list[Entry], position: str) -> tuple[Note, ...]:
    """A `Notes:` header line is an author's note for the whole story."""
    return tuple(
        Note((Paragraph((Text(value),), line),), position, "Notes", "a Notes: field", line)
        for key, value, line in entries
        if key == "Notes" and value
    )


def _key_value(line: str) -> tuple[str, str, bool] | None:
    """Split a `Key: Value` line: (canonical or original key, value, key is known)."""
    match = _KEY_LINE.match(line)
    if not match or _CHAPTER_LIKE.match(line) or is_note_key(match.group(1)):
        return None
    key = match.group(1).strip()
    canonical = canonical_key(key)
    return (canonical or key, (match.group(2) or "").strip(), canonical is not None)


def _take_header(lines: list[_Line]) -> tuple[list[Entry], list[_Line]]:
    """Take the leading block of `Key: Value` lines (blank lines may separate groups).

    A group counts only if one of its keys is a known one; lines inside a group that are not
    key lines continue the previous value (a wrapped summary).
    """
    entries: list[list] = []
    index = 0
    while True:
        while index < len(lines) and not lines[index].text.strip():
            index += 1
        group, end = _header_group(lines, index)
        if not group:
            break
        entries.extend(group)
        index = end
    return [(k, v, n) for k, v, n in entries], lines[index:]


def _header_group(lines: list[_Line], start: int) -> tuple[list[list], int]:
    group: list[list[str]] = []
    known = False
    index = start
    while index < len(lines) and lines[index].text.strip():
        parsed = _key_value(lines[index].text)
        if parsed:
            key, value, is_known = parsed
            known = known or is_known
            group.append([key, value, lines[index].number])
        elif group and _ends_header(lines[index].text):
            break
        elif group:
            group[-1][1] = f"{group[-1][1]} {lines[index].text.strip()}".strip()
        else:
            return [], start
        index += 1
    return (group, index) if known else ([], start)


def _ends_header(line: str) -> bool:
    """A chapter heading or an author's-note label is never a wrapped header value."""
    match = _KEY_LINE.match(line)
    return bool(_CHAPTER_LIKE.match(line) or (match and is_note_key(match.group(1))))


def _take_trailer(lines: list[_Line]) -> tuple[list[_Line], list[Entry]]:
    """Take trailing known `Key: Value` lines after the story's end (`Tags: …`)."""
    end = len(lines)
    while end and not lines[end - 1].text.strip():
        end -= 1
    trailer: list[Entry] = []
    while end:
        parsed = _key_value(lines[end - 1].text)
        if not parsed or not parsed[2]:
            break
        trailer.insert(0, (parsed[0], parsed[1], lines[end - 1].number))
        end -= 1
    return lines[:end], trailer


def _paragraphs(lines: list[_Line]):
    """Yield paragraphs: blocks between blank lines, split again at lines that end a paragraph."""
    block: list[_Line] = []
    for line in [*lines, _Line(0, "")]:
        if line.text.strip():
            block.append(line)
            continue
        if block:
            yield from _split_block(block)
            block = []


def _split_block(block: list[_Line]):
    """Split a block of lines into paragraphs, joining hard-wrapped lines with '\\n'.

    A line that ends a sentence well short of the block's width ends a paragraph: that is how
    pasted text with one paragraph per line, and wrapped text, can both be read.
    """
    width = max(len(line.text.rstrip()) for line in block)
    current: list[_Line] = []
    for i, line in enumerate(block):
        current.append(line)
        text = line.text.strip()
        is_last = i == len(block) - 1
        short = len(line.text.rstrip()) < width * _SHORT_LINE_RATIO
        if is_last or (short and _SENTENCE_END.search(text)) or width > 120:
            yield Paragraph((Text("\n".join(x.text.strip() for x in current)),), current[0].number)
            current = []
