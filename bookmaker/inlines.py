"""Helpers over inline content: plain text of a paragraph, splitting one, counting words."""

from __future__ import annotations

import re

from bookmaker.model import Block, Emphasis, Inline, LineBreak, Paragraph, Strong, Text

_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The plain text of inline content; a line break reads as a newline."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, Emphasis | Strong):
            parts.append(inline_text(node.children))
        elif isinstance(node, LineBreak):
            parts.append("\n")
    return "".join(parts)


def paragraph_text(block: Block) -> str:
    """The plain text of a paragraph; empty for a scene break."""
    return inline_text(block.inlines) if isinstance(block, Paragraph) else ""


def count_words(text: str) -> int:
    """Count words as a reader would: don't, O'Brien and well-known are one word each."""
    return len(_WORD.findall(text))


def split_inlines(
    inlines: tuple[Inline, ...], offset: int
) -> tuple[tuple[Inline, ...], tuple[Inline, ...]]:
    """Split inline content at a character offset of its plain text, keeping formatting."""
    left: list[Inline] = []
    right: list[Inline] = []
    position = 0
    for node in inlines:
        length = len(inline_text((node,)))
        if position + length <= offset:
            left.append(node)
        elif position >= offset:
            right.append(node)
        elif isinstance(node, Text):
            cut = offset - position
            left.append(Text(node.text[:cut]))
            right.append(Text(node.text[cut:]))
        else:
            assert isinstance(node, Emphasis | Strong)
            inner_left, inner_right = split_inlines(node.children, offset - position)
            left.append(type(node)(inner_left))
            right.append(type(node)(inner_right))
        position += length
    return tuple(left), tuple(right)


def strip_inlines(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Remove leading and trailing white space from inline content."""
    items = list(inlines)
    if items and isinstance(items[0], Text):
        items[0] = Text(items[0].text.lstrip())
    if items and isinstance(items[-1], Text):
        items[-1] = Text(items[-1].text.rstrip())
    return tuple(n for n in items if not (isinstance(n, Text) and not n.text))
