"""Segmentation: chapter headings, chapter titles, scene breaks and the story's end mark.

Works on paragraphs as read (each may still hold its source line breaks as '\\n') and returns
chapters of unwrapped paragraphs. Each decision comes from a small named rule with a reason.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bookmaker.inlines import paragraph_text
from bookmaker.model import Block, Book, Chapter, Paragraph, SceneBreak, Story, Text

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred"
)
_NUMBER = rf"(?:\d+|[ivxlcdm]+|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))*)"
_SEPARATOR = r"\s*(?:[.:\-\u2013\u2014)]\s*|\s+)"

# (name, pattern, reason); group "label" is the heading as written, group "title" an inline title.
HEADING_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "numbered_chapter",
        re.compile(
            rf"^(?P<label>(?:chapter|chap\.?|ch\.)\s*{_NUMBER})(?:{_SEPARATOR}(?P<title>.*))?$",
            re.IGNORECASE,
        ),
        "a line starting 'Chapter' and a number, in digits, words or roman numerals",
    ),
    (
        "numbered_part",
        re.compile(
            rf"^(?P<label>(?:part|book|stave|act)\s+{_NUMBER})(?:{_SEPARATOR}(?P<title>.*))?$",
            re.IGNORECASE,
        ),
        "'Part Two', 'Book 3', 'Stave I' divide a story like chapters",
    ),
    (
        "named_section",
        re.compile(
            r"^(?P<label>prologue|epilogue|interlude|afterword|foreword|coda)"
            rf"(?:{_SEPARATOR}(?P<title>.*))?$",
            re.IGNORECASE,
        ),
        "a prologue or epilogue is a chapter of its own",
    ),
)

# A line of only these, three or more, is a scene-break marker: ***, * * *, ~~~, xXx, o0o, <3<3<3.
_BREAK_LINE = re.compile(r"^(?:[*~#=_+\-\u2022\u00b7\u2013\u2014xXoO0\u25c6\u25c7\u00a7]|<3){3,}$")
_BREAK_HAS_SYMBOL = re.compile(r"[*~#=_+\-\u2022\u00b7\u2013\u2014\u25c6\u25c7\u00a7<]")
_BREAK_LETTERS = re.compile(r"^(?:[xX][xXoO0]*[xX]|[oO][oO0xX]*[oO])$")  # xXx, oOo, o0o
_HTML_RULE = re.compile(r"^<hr\s*/?>$", re.IGNORECASE)
_END_MARK = re.compile(
    r"^[\W_]*(?:the\s+end|end|fin|finis|end\s+of\s+story|to\s+be\s+continued|tbc)[\W_]*$",
    re.IGNORECASE,
)
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "from",
    "into",
    "nor",
    "is",
    "no",
}


def segment_book(book: Book) -> Book:
    """Segment every story of the book into chapters."""
    return replace(book, stories=tuple(segment_story(story) for story in book.stories))


def segment_story(story: Story) -> Story:
    """Split a story's paragraphs into chapters, scene breaks and an end mark."""
    blocks: list[Block] = []
    for chapter in story.chapters:
        blocks.extend(chapter.blocks)
    blocks = [b for block in blocks for b in _split_heading_lines(block)]
    blocks = [_as_scene_break(block) for block in blocks]
    end_mark, blocks = _take_end_mark(blocks)
    chapters = _split_chapters(blocks) if len(story.chapters) == 1 else list(story.chapters)
    chapters = [_finish_chapter(chapter) for chapter in chapters]
    chapters = [c for c in chapters if c.blocks or c.title or c.heading]
    return replace(story, chapters=tuple(chapters), end_mark=story.end_mark or end_mark)


def match_heading(line: str) -> tuple[str | None, str | None] | None:
    """Return (numbered label, title) when a line is a chapter heading, else None."""
    line = line.strip()
    if len(line) > 100:
        return None
    for name, pattern, _reason in HEADING_RULES:
        match = pattern.match(line)
        if match:
            label = match.group("label").strip()
            title = (match.group("title") or "").strip() or None
            if title and (len(title.split()) > 12 or title[0].islower()):
                return None  # "Chapter one of his life was over." is prose
            if name == "named_section" and title is None:
                return None, label  # "Prologue" is the chapter's title, not a number
            return label, title
    return None


def is_scene_break(line: str) -> bool:
    """Whether a line holds only a scene-break marker."""
    compact = re.sub(r"[\s\u00a0]+", "", line)
    if _HTML_RULE.match(compact):
        return True
    if not _BREAK_LINE.match(compact):
        return False
    return bool(_BREAK_HAS_SYMBOL.search(compact) or _BREAK_LETTERS.match(compact))


def _split_heading_lines(block: Block) -> list[Block]:
    """A heading line glued to the next lines (`Chapter 1` then its title) stands alone."""
    if not isinstance(block, Paragraph) or len(block.inlines) != 1:
        return [block]
    node = block.inlines[0]
    if not isinstance(node, Text) or "\n" not in node.text:
        return [block]
    lines = node.text.split("\n")
    out: list[Block] = []
    start = 0
    for i, line in enumerate(lines):
        if i > start and (match_heading(line) or is_scene_break(line)):
            out.append(Paragraph((Text("\n".join(lines[start:i])),), block.line + start))
            start = i
        if (match_heading(line) or is_scene_break(line)) and i + 1 < len(lines):
            out.append(Paragraph((Text(line),), block.line + i))
            start = i + 1
    out.append(Paragraph((Text("\n".join(lines[start:])),), block.line + start))
    return [b for b in out if paragraph_text(b).strip()]


def _as_scene_break(block: Block) -> Block:
    if isinstance(block, Paragraph):
        text = paragraph_text(block)
        if "\n" not in text and is_scene_break(text):
            return SceneBreak(marker=text.strip(), line=block.line)
    return block


def _take_end_mark(blocks: list[Block]) -> tuple[str | None, list[Block]]:
    """A closing 'The End' is an end mark, not prose (it is shown as one)."""
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        block = blocks[i]
        if isinstance(block, Paragraph) and _END_MARK.match(paragraph_text(block).strip()):
            return paragraph_text(block).strip(), blocks[:i] + blocks[i + 1 :]
    return None, blocks


def _split_chapters(blocks: list[Block]) -> list[Chapter]:
    chapters: list[Chapter] = []
    current = Chapter(blocks=())
    pending: list[Block] = []
    for block in blocks:
        heading = match_heading(paragraph_text(block)) if isinstance(block, Paragraph) else None
        if heading and "\n" not in paragraph_text(block):
            chapters.append(replace(current, blocks=tuple(pending)))
            current = Chapter(blocks=(), heading=heading[0], title=heading[1], line=block.line)
            pending = []
            continue
        if current.heading and current.title is None and not pending and _is_title_line(block):
            current = replace(current, title=paragraph_text(block).strip())
            continue
        pending.append(block)
    chapters.append(replace(current, blocks=tuple(pending)))
    return chapters


def _is_title_line(block: Block) -> bool:
    """A short title-case line right after a heading is the chapter's title, not prose."""
    if not isinstance(block, Paragraph):
        return False
    text = paragraph_text(block).strip()
    words = text.split()
    if "\n" in text or not words or len(words) > 15 or len(text) > 100:
        return False
    if text[0] in "\"'\u201c\u2018" or text.endswith((".", ",", ";")):
        return False
    content = [w for w in words if w.lower().strip(",:;!?") not in _SMALL_WORDS]
    capitalised = [w for w in content if w[:1].isupper() or not w[:1].isalpha()]
    return bool(content) and len(capitalised) >= 0.6 * len(content)


def _finish_chapter(chapter: Chapter) -> Chapter:
    """Unwrap hard-wrapped lines and drop breaks at the chapter's edges (they separate nothing)."""
    blocks = [_unwrap(b) for b in chapter.blocks]
    while blocks and isinstance(blocks[0], SceneBreak):
        blocks.pop(0)
    while blocks and isinstance(blocks[-1], SceneBreak):
        blocks.pop()
    merged: list[Block] = []
    for block in blocks:
        if isinstance(block, SceneBreak) and merged and isinstance(merged[-1], SceneBreak):
            continue
        merged.append(block)
    line = chapter.line or (merged[0].line if merged else 0)
    return replace(chapter, blocks=tuple(merged), line=line)


def _unwrap(block: Block) -> Block:
    if not isinstance(block, Paragraph):
        return block
    inlines = tuple(
        Text(re.sub(r"[ \t]*\n[ \t]*", " ", n.text)) if isinstance(n, Text) else n
        for n in block.inlines
    )
    return Paragraph(inlines, block.line)
