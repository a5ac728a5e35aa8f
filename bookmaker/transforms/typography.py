"""Typography: typewriter text to book punctuation, on the model's text, never on markup.

The engine, for one paragraph: shield what must not change (protect.py), repair typed
apostrophes, curl quotes with smartypants and our fixes (quotes.py), set dashes, ellipses and
spaces (punctuation.py), restyle quotes for the book's language, and restore what was
shielded. Every rule is idempotent, so typeset text passes through unchanged. The same engine
serves every writer and `bookmaker typeset`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from bookmaker.model import (
    Book,
    Emphasis,
    Inline,
    LineBreak,
    Paragraph,
    Story,
    Strong,
    Text,
    TypographyOptions,
)
from bookmaker.transforms.protect import shield, shield_typed_quotes, unshield
from bookmaker.transforms.punctuation import (
    COLLAPSE_SPACES,
    ELLIPSIS_RULES,
    SPACE_RULES,
    dash_rules,
)
from bookmaker.transforms.quotes import TYPED_REPAIRS, curl, restyle, style_for
from bookmaker.transforms.rules import Rule, apply_rules
from bookmaker.transforms.segmented import sub_runs
from bookmaker.transforms.walk import map_paragraphs, map_story_texts

DEFAULT = TypographyOptions()


@cache
def _after_quotes(spaced: bool) -> tuple[Rule, ...]:
    return (COLLAPSE_SPACES, *dash_rules(spaced), *ELLIPSIS_RULES, *SPACE_RULES)


def all_rules() -> tuple[Rule, ...]:
    """Every rule of the engine, for listing and for checking each states its reason."""
    from bookmaker.transforms.quotes import APOSTROPHES, QUOTE_FIXES

    return (*TYPED_REPAIRS, *APOSTROPHES, *QUOTE_FIXES, *_after_quotes(False))


def typeset_runs(
    runs: Sequence[str],
    options: TypographyOptions = DEFAULT,
    *,
    language: str = "en",
    markup: bool = False,
) -> list[str]:
    """Typeset the text runs of one paragraph together; return the runs in the same order.

    With `markup`, the text may hold inline HTML and `*emphasis*` markers, kept as typed.
    """
    shielded = shield(runs, markup=markup)
    shielded.runs = apply_rules(TYPED_REPAIRS, shielded.runs)
    shield_typed_quotes(shielded)
    out = curl(_open_after_spaces(shielded.runs, shielded.spaces))
    out = apply_rules(_after_quotes(options.dashes == "spaced"), out)
    out = restyle(out, style_for(options.quotes, language))
    return unshield(shielded, out)


def _open_after_spaces(runs: list[str], spaces: str) -> list[str]:
    """A quote after a shielded space entity (&nbsp;) opens, as it would after a space."""
    if not spaces:
        return runs
    pattern = re.compile(f"(?<=[{re.escape(spaces)}])([\"'])(?=[^\\W_])")
    return sub_runs(pattern, lambda m: "\u201c" if m.group(1) == '"' else "\u2018", runs)


def typeset_text(
    text: str, options: TypographyOptions = DEFAULT, *, language: str = "en", markup: bool = False
) -> str:
    """Typeset a single string (a title, a metadata value, a line of marked-up text)."""
    return typeset_runs([text], options, language=language, markup=markup)[0]


def typeset_inlines(
    inlines: tuple[Inline, ...], options: TypographyOptions = DEFAULT, *, language: str = "en"
) -> tuple[Inline, ...]:
    """Typeset a paragraph's inline tree, keeping its shape."""
    texts: list[str] = []
    _collect(inlines, texts)
    if not texts:
        return inlines
    return _rebuild(inlines, iter(typeset_runs(texts, options, language=language)))


def _collect(inlines: tuple[Inline, ...], texts: list[str]) -> None:
    for node in inlines:
        if isinstance(node, Text):
            texts.append(node.text)
        elif isinstance(node, Emphasis | Strong):
            _collect(node.children, texts)
        elif isinstance(node, LineBreak):
            texts.append("\n")  # a line break separates words for the rules


def _rebuild(inlines: tuple[Inline, ...], typeset: Iterator[str]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(Text(next(typeset)))
        elif isinstance(node, Emphasis):
            out.append(Emphasis(_rebuild(node.children, typeset)))
        elif isinstance(node, Strong):
            out.append(Strong(_rebuild(node.children, typeset)))
        else:
            next(typeset)
            out.append(node)
    return tuple(out)


def apply_typography(book: Book) -> Book:
    """Typeset every paragraph, note, title and metadata value, each story in its language."""
    stories = []
    for story in book.stories:
        single = replace(book, stories=(story,))

        def paragraph(p: Paragraph, story: Story = story) -> Paragraph:
            return Paragraph(
                typeset_inlines(p.inlines, book.typography, language=story.language), p.line
            )

        def text(value: str, story: Story = story) -> str:
            return typeset_text(value, book.typography, language=story.language)

        single = map_story_texts(map_paragraphs(single, paragraph), text)
        stories.append(single.stories[0])
    title = (
        None
        if book.title is None
        else typeset_text(book.title, book.typography, language=book.language)
    )
    editors = tuple(typeset_text(e, book.typography) for e in book.editors)
    return replace(book, stories=tuple(stories), title=title, editors=editors)
