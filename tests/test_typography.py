"""Typography rules, from the fixture table, plus properties that must always hold."""

from __future__ import annotations

import re

import pytest
from fixtures import load_cases
from hypothesis import given, settings
from hypothesis import strategies as st

from bookmaker.model import Emphasis, Paragraph, Text
from bookmaker.transforms.typography import (
    AFTER_QUOTES,
    BEFORE_QUOTES,
    typeset_inlines,
    typeset_text,
)


@pytest.mark.parametrize("case", load_cases("typography.txt"))
def test_fixture(case):
    assert typeset_text(case.input) == case.expected, case.reason


@pytest.mark.parametrize("case", load_cases("typography.txt"))
def test_fixture_is_idempotent(case):
    assert typeset_text(case.expected) == case.expected, case.reason


def test_every_rule_states_its_reason():
    for rule in BEFORE_QUOTES + AFTER_QUOTES:
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
