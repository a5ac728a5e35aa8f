"""Typography rules, from the fixture table, plus properties that must always hold."""

from __future__ import annotations

import re

import pytest
from fixtures import load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from bookmaker.model import Emphasis, Paragraph, Text, TypographyOptions
from bookmaker.transforms.typography import all_rules, typeset_inlines, typeset_text

CASES = load_cases("typography.txt")


def _typeset(case, text: str) -> str:
    options = TypographyOptions(
        quotes=case.options.get("quotes", "auto"), dashes=case.options.get("dashes", "closed")
    )
    return typeset_text(text, options, language=case.options.get("lang", "en"), markup=True)


def test_the_table_is_large_enough():
    assert len(CASES) >= 200


@pytest.mark.parametrize("case", CASES)
def test_fixture(case):
    assert _typeset(case, case.input) == case.expected, case.reason


@pytest.mark.parametrize("case", CASES)
def test_fixture_is_idempotent(case):
    assert _typeset(case, case.expected) == case.expected, case.reason


def test_every_rule_states_its_reason():
    for rule in all_rules():
        assert rule.reason and rule.name, rule


def test_context_crosses_emphasis():
    inlines = (Emphasis((Text("Harry"),)), Text("'s wand, "), Text('"go!"'))
    out = typeset_inlines(inlines)
    assert out == (Emphasis((Text("Harry"),)), Text("\u2019s wand, "), Text("\u201cgo!\u201d"))


def test_quote_opening_before_emphasis_closes_after_it():
    inlines = (Text('"'), Emphasis((Text("Now"),)), Text('," she said.'))
    assert typeset_inlines(inlines) == (
        Text("\u201c"),
        Emphasis((Text("Now"),)),
        Text(",\u201d she said."),
    )


_ALNUM = re.compile(r"[^\W_]")
_TOKENS = [*"abcXYZ019 '\"-.,!?…—“”‘’", "--", "...", "'em", "<3", " - ", "O'B", "'90s"]
prose = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(prose)
def test_idempotent(text):
    once = typeset_text(text)
    assert typeset_text(once) == once


@settings(max_examples=300, deadline=None)
@given(prose)
def test_no_letter_or_digit_added_or_lost(text):
    assert _ALNUM.findall(typeset_text(text)) == _ALNUM.findall(text)


def test_paragraph_shape_is_kept():
    paragraph = Paragraph((Text("a "), Emphasis((Text("b"),)), Text(" c")), line=3)
    assert len(typeset_inlines(paragraph.inlines)) == 3


_PROTECTED = [
    "http://example.com/a--b...c?q=1",
    "www.fanfiction.net/s/1--2",
    "spike--fan@example.com",
    "`code 'x' -- \"y\"`",
    '<span class="a--b" title=\'x "y"\'>',
    "</span>",
    "<!-- a -- 'b' -->",
    "&amp;",
    ":'(",
    "-_-",
    "<3",
]
_PROSE_TOKENS = [*"abc '\"-.,!?", " ", "--", "...", "'em", " - ", "O'B"]
_MIXED = st.lists(
    st.one_of(st.sampled_from(_PROSE_TOKENS), st.sampled_from(_PROTECTED).map(lambda t: f" {t} ")),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_MIXED)
def test_nothing_inside_tags_urls_or_code_changes(tokens):
    text = "".join(tokens)
    out = typeset_text(text, markup=True)
    position = 0
    for token in tokens:
        if token.strip() in _PROTECTED:
            found = out.find(token.strip(), position)
            assert found >= 0, (token, out)
            position = found + len(token.strip())


@settings(max_examples=200, deadline=None)
@given(_MIXED)
def test_markup_mode_is_idempotent_and_keeps_letters(tokens):
    text = "".join(tokens)
    once = typeset_text(text, markup=True)
    assert typeset_text(once, markup=True) == once
    assert _ALNUM.findall(once) == _ALNUM.findall(text)
