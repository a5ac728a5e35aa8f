"""Quotes and apostrophes: smartypants curls, our rules fix what it gets wrong.

`APOSTROPHES` run on straight text before smartypants (it opens every leading apostrophe),
`curl` calls smartypants across a paragraph's runs, `QUOTE_FIXES` repair its known misses, and
`restyle` turns English curly quotes into the book's quote style (British, German, French).
"""

from __future__ import annotations

import re

import smartypants

from bookmaker.transforms.rules import Rule, apply_rules, rule
from bookmaker.transforms.segmented import sub_runs

APOSTROPHE = "\u2019"
ELISIONS = (
    "em|cause|cos|coz|cuz|til|tis|twas|twere|twill|twould|bout|round|kay|course|nother|n|"
    "nuff|scuse|cept|fraid|member|sup|ello|ere|im|er|ow|ave|alf|appen|ead"
)
_LETTER = r"[^\W\d_]"
_ALNUM = r"[^\W_]"

TYPED_REPAIRS: tuple[Rule, ...] = (
    rule(
        "typed_elision",
        rf"(?<![\w\u2019'])\u2018(?=(?:{ELISIONS})\b)",
        APOSTROPHE,
        "word processors type \u2018em with an opening quote; it is an apostrophe",
        re.IGNORECASE,
        needs="\u2018",
    ),
    rule(
        "typed_decade",
        r"(?<![\w\u2019'])\u2018(?=\d\d(?:s\b|\b))",
        APOSTROPHE,
        "likewise \u201890s: the elided century takes an apostrophe",
        needs="\u2018",
    ),
)

APOSTROPHES: tuple[Rule, ...] = (
    rule(
        "feet_and_inches",
        r"(?<=\d)'(?=\d{1,2}\")",
        "\u2032",
        "5'10\": a height in feet takes a prime, never a curly quote",
        needs="'",
    ),
    rule(
        "inches_after_feet",
        r"(?<=\d\u2032)(\d{1,2})\"",
        "\\1\u2033",
        "and the inches in 5'10\" take a double prime",
        needs="\u2032",
    ),
    rule(
        "rock_n_roll",
        r"(?<=\s)'n'(?=\s)",
        "\u2019n\u2019",
        "both marks in rock 'n' roll are elisions; smartypants opens the first",
        needs="'",
    ),
    rule(
        "word_initial_elision",
        rf"(?<![\w\u2019])'(?=(?:{ELISIONS})\b)",
        APOSTROPHE,
        "'em, 'cause, 'til: smartypants curls a leading apostrophe as an opening quote",
        re.IGNORECASE,
        needs="'",
    ),
    rule(
        "decade",
        r"(?<![\w\u2019])'(?=\d\d(?:s\b|\b))",
        APOSTROPHE,
        "'90s and '07 elide the century; smartypants opens them",
        needs="'",
    ),
    rule(
        "inner_apostrophe",
        rf"(?<={_ALNUM})'(?={_ALNUM})",
        APOSTROPHE,
        "a quote between two letters is always an apostrophe (don't, O'Brien, o'clock)",
        needs="'",
    ),
    rule(
        "dropped_letter",
        rf"(?<={_LETTER}in)'(?=[\s,.;:!?\u2014-]|$)",
        APOSTROPHE,
        "goin', nothin': a dropped g is an apostrophe even where a quote could close",
        needs="'",
    ),
    rule(
        "double_after_dash",
        r"(?:(?<=[\u2014\u2013\u2026])|(?<=\.\.\.))\"(?=[^\W_])",
        "\u201c",
        "a quote between a dash or ellipsis and a word opens (smartypants closes it)",
        needs='"',
    ),
    rule(
        "single_after_dash",
        r"(?:(?<=[\u2014\u2013\u2026])|(?<=\.\.\.))'(?=[^\W_])",
        "\u2018",
        "likewise for single quotes",
        needs="'",
    ),
)

QUOTE_FIXES: tuple[Rule, ...] = (
    rule(
        "closing_double_at_end",
        r"(?<=\S)\u201c(?=[ \t\n]|$)|^\u201c$",
        "\u201d",
        "an opening quote never ends a paragraph or precedes a space (after I didn't--)",
        needs="\u201c",
    ),
    rule(
        "closing_single_at_end",
        r"(?<=\S)\u2018(?=[ \t\n]|$)",
        "\u2019",
        "likewise a single quote after a word or dash at a paragraph's end closes",
        needs="\u2018",
    ),
)

# Quote styles: (primary open, primary close, secondary open, secondary close).
QUOTE_STYLES = {
    "english": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "british": ("\u2018", "\u2019", "\u201c", "\u201d"),
    "german": ("\u201e", "\u201c", "\u201a", "\u2018"),
    "french": ("\u00ab\u00a0", "\u00a0\u00bb", "\u201c", "\u201d"),
}
_LANGUAGE_STYLES = {"de": "german", "fr": "french"}
_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\\", "&#92;"))
_RUN_SEPARATOR = "<span>"  # a tag smartypants skips, so quote context crosses runs
_STRAIGHT = re.compile("[\"'`]")
_CURLY = re.compile("[\u201c\u201d\u2018\u2019]")


def style_for(option: str, language: str) -> str:
    """The quote style to use: the option, or for 'auto' the one the language calls for."""
    if option != "auto":
        return option
    return _LANGUAGE_STYLES.get(language.split("-")[0].lower(), "english")


def curl(runs: list[str]) -> list[str]:
    """Curl straight quotes with smartypants, treating the runs as one text."""
    runs = apply_rules(APOSTROPHES, runs)
    if not _STRAIGHT.search("".join(runs)):
        return runs  # nothing left for smartypants to curl
    escaped = [_escape(run) for run in runs]
    attrs = smartypants.Attr.q | smartypants.Attr.b | smartypants.Attr.u
    parts = smartypants.smartypants(_RUN_SEPARATOR.join(escaped), attrs).split(_RUN_SEPARATOR)
    if len(parts) != len(runs):  # cannot happen: escaping removed every '<' from the text
        raise AssertionError("smartypants changed the run separators")
    return apply_rules(QUOTE_FIXES, [_unescape(part) for part in parts])


def restyle(runs: list[str], style: str) -> list[str]:
    """Map the English quotes that `curl` made onto another style, pairing them by nesting."""
    if style == "english":
        return runs
    glyphs = QUOTE_STYLES[style]
    stack: list[str] = []

    def swap(match: re.Match[str]) -> str:
        char, after = match.group(0), match.string[match.end() : match.end() + 1]
        if char == "\u201c":
            stack.append("d")
            return glyphs[0]
        if char == "\u2018":
            stack.append("s")
            return glyphs[2]
        if char == "\u201d":
            while stack and stack.pop() != "d":
                pass
            return glyphs[1]
        if stack and stack[-1] == "s" and not re.match(_ALNUM, after):
            stack.pop()
            return glyphs[3]
        return APOSTROPHE  # a ’ that closes nothing is an apostrophe

    return sub_runs(_CURLY, swap, runs)


def _escape(text: str) -> str:
    for raw, entity in _ESCAPES:
        text = text.replace(raw, entity)
    return text


def _unescape(text: str) -> str:
    for raw, entity in reversed(_ESCAPES):
        text = text.replace(entity, raw)
    return text
