"""Dashes, ellipses and spaces: the rules that run after quotes are curled."""

from __future__ import annotations

import re

from bookmaker.transforms.rules import Rule, rule

NBSP = "\u00a0"
EM_DASH = "\u2014"
EN_DASH = "\u2013"
_RANGE_WORDS = (
    r"pages?|pp?\.|chapters?|chs?\.|verses?|years?|ages?|aged|from|between|nos?\.|numbers?|"
    r"episodes?|seasons?|books?|volumes?|vols?\.|parts?|issues?|rooms?|sizes?|levels?|grades?|"
    r"steps?|lines?|scenes?|acts?|c\.|circa|ca\."
)
_UNIT_WORDS = (
    r"days?|weeks?|months?|years?|hours?|minutes?|seconds?|pages?|times?|percent|per\s+cent|"
    r"people|men|women|kids|children|miles?|feet|inches|meters?|metres?|km|kg|lbs?|pounds?|"
    r"dollars?|euros?|chapters?|words?|centuries|century|decades?|nights?|mornings?"
)
_RANGE_BEFORE = re.compile(rf"(?:\b(?:{_RANGE_WORDS})\s*)$", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"^\s*(?:{_UNIT_WORDS})\b|^%", re.IGNORECASE)


def _en_dash_range(match: re.Match[str]) -> str:
    """10-20 and 1914-1918 are ranges; 555-1234, 2020-01-15, v1.2-3 and a 3-2 score are not."""
    first, second = match.group(1), match.group(2)
    text, start, end = match.string, match.start(), match.end()
    before, after = text[max(0, start - 30) : start], text[end : end + 20]
    if len(first) == 3 and len(second) == 4:
        return match.group(0)  # 555-1234 is a phone number
    if _RANGE_BEFORE.search(before) or _UNIT_AFTER.match(after):
        return f"{first}{EN_DASH}{second}"  # from 9-5, 2-3 days
    low = int(first[2:]) if len(first) == 4 and len(second) == 2 else int(first)
    same_width = len(first) == len(second) >= 2 or (len(first) == 4 and len(second) == 2)
    if same_width and low < int(second):  # 10-20, 1914-1918, 1990-95; not a 3-2 score
        return f"{first}{EN_DASH}{second}"
    return match.group(0)


def em_dash(spaced: bool):
    """The replacement for a typed dash: closed up, or keeping the author's spacing."""

    def replace(match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        if spaced and before and after:
            return f"{NBSP}{EM_DASH} "
        return EM_DASH

    return replace


def dash_rules(spaced: bool) -> tuple[Rule, ...]:
    """The dash rules; `spaced` keeps an author's spaced dash spaced."""
    return (
        rule(
            "spaced_hyphen_as_dash",
            r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][,;:!?]))[ \t]+-[ \t]+(?=[^\W\d_\"'\u201c\u2018])",
            " -- ",
            "a lone hyphen between spaces is a typed dash (word - word)",
            needs="-",
        ),
        rule(
            "hyphen_before_closing_quote",
            r"(?<=[^\W_]) ?-(?=[\u201d\u2019](?:\s|$|[,.]))",
            "--",
            "'I didn't -' is interrupted speech: it ends in a dash",
            needs="-",
        ),
        rule(
            "em_dash",
            r"([ \t]*)-{2,}([ \t]*)",
            em_dash(spaced),
            "two or more hyphens are one em dash; book style closes it up",
            needs="--",
        ),
        rule(
            "en_dash_range",
            r"(?<![\w.\-\u2013/:])(\d{1,4})-(\d{1,4})(?![\w\-\u2013/]|\.\d)",
            _en_dash_range,
            "a number range takes an en dash (pages 10\u201320, 1914\u20131918)",
            needs="-",
        ),
    )


ELLIPSIS_RULES: tuple[Rule, ...] = (
    rule(
        "four_dot_ellipsis",
        r"(?<=[^\W_])\.(?:[ \u00a0]?\.){3}(?![ \u00a0]?\.)",
        ".\u2026",
        "four dots after a word are a full stop followed by an ellipsis",
        needs=("..", ". ."),
    ),
    rule(
        "ellipsis",
        r"(?<![.\u2026])\.(?:[ \u00a0]?\.){2}(?![ \u00a0]?[.\u2026])",
        "\u2026",
        "three dots, spaced or not, are one ellipsis character",
        needs=("..", ". ."),
    ),
    rule(
        "long_ellipsis",
        r"\.{5,}",
        "\u2026",
        "a run of dots is one ellipsis; books do not stretch it",
        needs=".....",
    ),
    rule(
        "ellipsis_close_up",
        r"\u2026[ \u00a0]+(?=[?!,;]|[\u201d\u2019](?![^\W_]))",
        "\u2026",
        "an ellipsis is closed up to a following ?, !, comma or closing quote",
        needs="\u2026",
    ),
)

COLLAPSE_SPACES = rule(
    "collapse_spaces",
    r"(?<=\S)[ \t]{2,}(?=\S)",
    " ",
    "typists' double spaces after full stops are not set in books",
    within_runs=True,
    needs=("  ", "\t"),
)
SPACE_RULES: tuple[Rule, ...] = (
    rule(
        "honorific_nbsp",
        r"\b(Mr|Mrs|Ms|Dr|St|Prof|Mx)(\.?) (?=[A-Z])",
        "\\1\\2\u00a0",
        "a title must not be left at a line end apart from its name (Mr Weasley too)",
        needs=("Mr", "Mrs", "Ms", "Dr", "St", "Prof", "Mx"),
    ),
    rule(
        "number_nbsp",
        r"\b(No|no|Nos|nos)\. (?=\d)",
        "\\1.\u00a0",
        "No. and its numeral stay on one line",
        needs=("No", "no"),
    ),
)
