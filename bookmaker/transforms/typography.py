"""Typography: typewriter text to book punctuation, on the model's text, never on markup.

The engine is three ordered rule tables around smartypants (the base for quote curling):
`BEFORE_QUOTES` settles apostrophes smartypants gets wrong, smartypants curls the quotes, and
`AFTER_QUOTES` sets dashes, ellipses and spaces. Every rule is (name, pattern, replacement,
reason). Rules run over a paragraph's text runs joined, so context crosses emphasis.
Every rule is idempotent: typeset text passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import smartypants

from bookmaker.model import Book, Emphasis, Inline, LineBreak, Paragraph, Strong, Text
from bookmaker.transforms.segmented import Replacement, sub_runs
from bookmaker.transforms.walk import map_paragraphs, map_story_texts

APOSTROPHE = "\u2019"
NBSP = "\u00a0"
ELISIONS = "em|cause|cos|coz|cuz|til|tis|twas|twere|twill|twould|bout|round|kay|course|nother|n"


@dataclass(frozen=True)
class Rule:
    """One typographic rule: a pattern, what replaces it, and why."""

    name: str
    pattern: re.Pattern[str]
    replacement: Replacement
    reason: str


def _rule(name: str, pattern: str, replacement: Replacement, reason: str, flags: int = 0) -> Rule:
    return Rule(name, re.compile(pattern, flags), replacement, reason)


BEFORE_QUOTES: tuple[Rule, ...] = (
    _rule(
        "rock_n_roll",
        r"(?<=\s)'n'(?=\s)",
        "\u2019n\u2019",
        "both marks in rock 'n' roll are elisions; smartypants opens the first",
    ),
    _rule(
        "word_initial_elision",
        rf"(?<![\w\u2019'])'(?=(?:{ELISIONS})\b)",
        APOSTROPHE,
        "'em, 'cause, 'til: smartypants curls a leading apostrophe as an opening quote",
        re.IGNORECASE,
    ),
    _rule(
        "decade",
        r"(?<![\w\u2019'])'(?=\d\d(?:s\b|\b))",
        APOSTROPHE,
        "'90s and '07 elide the century; smartypants opens them",
    ),
    _rule(
        "inner_apostrophe",
        r"(?<=[^\W_])'(?=[^\W_])",
        APOSTROPHE,
        "a quote between two letters is always an apostrophe (don't, O'Brien)",
    ),
)

AFTER_QUOTES: tuple[Rule, ...] = (
    _rule(
        "collapse_spaces",
        r"(?<=\S)[ \t]{2,}(?=\S)",
        " ",
        "typists' double spaces after full stops are not set in books",
    ),
    _rule(
        "em_dash",
        r"[ \t]*-{2,}[ \t]*",
        "\u2014",
        "two or more hyphens are a typed em dash; book style closes it up",
    ),
    _rule(
        "closing_double_at_end",
        r"\u201c(?=[ \t\n]|$)",
        "\u201d",
        "an opening quote never ends a paragraph or precedes a space (after I didn't--)",
    ),
    _rule(
        "closing_single_at_end",
        r"(?<=\S)\u2018(?=[ \t\n]|$)",
        "\u2019",
        "likewise a single quote after a word or dash at a paragraph's end closes",
    ),
    _rule(
        "ellipsis",
        r"(?<!\.)\.(?:[ \u00a0]?\.){2}(?![ \u00a0]?\.)",
        "\u2026",
        "three dots, spaced or not, are one ellipsis character",
    ),
    _rule(
        "four_dot_ellipsis",
        r"(?<=\w)\.(?:[ \u00a0]?\.){3}(?![ \u00a0]?\.)",
        ".\u2026",
        "four dots after a word are a full stop followed by an ellipsis",
    ),
    _rule(
        "honorific_nbsp",
        r"\b(Mr|Mrs|Ms|Dr|St|Prof)\. (?=[A-Z])",
        "\\1.\u00a0",
        "a title must not be left at a line end apart from its name",
    ),
)

_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\\", "&#92;"))
_RUN_SEPARATOR = "<span>"  # a tag smartypants skips, so quote context crosses runs


def typeset_runs(runs: Sequence[str]) -> list[str]:
    """Typeset the text runs of one paragraph together; return the runs in the same order."""
    out = list(runs)
    for rule in BEFORE_QUOTES:
        out = sub_runs(rule.pattern, rule.replacement, out)
    out = _curl_quotes(out)
    for rule in AFTER_QUOTES:
        out = sub_runs(rule.pattern, rule.replacement, out)
    return out


def typeset_text(text: str) -> str:
    """Typeset a single string (a title, a metadata value, a paragraph without markup)."""
    return typeset_runs([text])[0]


def _curl_quotes(runs: list[str]) -> list[str]:
    escaped = [_escape(run) for run in runs]
    curled = smartypants.smartypants(
        _RUN_SEPARATOR.join(escaped), smartypants.Attr.q | smartypants.Attr.b | smartypants.Attr.u
    )
    parts = curled.split(_RUN_SEPARATOR)
    if len(parts) != len(runs):  # cannot happen: escaping removed every '<' from the text
        raise AssertionError("smartypants changed the run separators")
    return [_unescape(part) for part in parts]


def _escape(text: str) -> str:
    for raw, entity in _ESCAPES:
        text = text.replace(raw, entity)
    return text


def _unescape(text: str) -> str:
    for raw, entity in reversed(_ESCAPES):
        text = text.replace(entity, raw)
    return text


def typeset_inlines(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Typeset a paragraph's inline tree, keeping its shape."""
    texts: list[str] = []
    _collect(inlines, texts)
    if not texts:
        return inlines
    return _rebuild(inlines, iter(typeset_runs(texts)))


def _collect(inlines: tuple[Inline, ...], texts: list[str]) -> None:
    for node in inlines:
        if isinstance(node, Text):
            texts.append(node.text)
        elif isinstance(node, Emphasis | Strong):
            _collect(node.children, texts)


def _rebuild(inlines: tuple[Inline, ...], typeset: object) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(Text(next(typeset)))  # type: ignore[call-overload]
        elif isinstance(node, Emphasis):
            out.append(Emphasis(_rebuild(node.children, typeset)))
        elif isinstance(node, Strong):
            out.append(Strong(_rebuild(node.children, typeset)))
        else:
            assert isinstance(node, LineBreak)
            out.append(node)
    return tuple(out)


def apply_typography(book: Book) -> Book:
    """Typeset every paragraph, note, title and metadata value of the book."""

    def paragraph(p: Paragraph) -> Paragraph:
        return Paragraph(typeset_inlines(p.inlines), p.line)

    book = map_paragraphs(book, paragraph)
    return map_story_texts(book, typeset_text)
