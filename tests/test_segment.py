"""Segmentation: chapter headings, titles, scene breaks, end marks."""

from __future__ import annotations

import pytest
from fixtures import load_cases

from bookmaker.model import Chapter, Paragraph, SceneBreak, Story, Text
from bookmaker.transforms.segment import is_scene_break, match_heading, segment_story


@pytest.mark.parametrize("case", load_cases("headings.txt"))
def test_heading(case):
    found = match_heading(case.input)
    if case.expected == "prose":
        assert found is None, case.reason
    else:
        label, title = (part.strip() or None for part in case.expected.split("|"))
        assert found == (label, title), case.reason


@pytest.mark.parametrize("case", load_cases("scene_breaks.txt"))
def test_scene_break(case):
    assert is_scene_break(case.input) == (case.expected == "break"), case.reason


def _story(*texts: str) -> Story:
    blocks = tuple(Paragraph((Text(t),), line=i + 1) for i, t in enumerate(texts))
    return Story(source="t.txt", chapters=(Chapter(blocks=blocks),))


def _texts(chapter: Chapter) -> list[str]:
    return [b.inlines[0].text if isinstance(b, Paragraph) else "<break>" for b in chapter.blocks]


def test_no_heading_means_one_chapter():
    story = segment_story(_story("One.", "Two."))
    assert len(story.chapters) == 1
    assert story.chapters[0].heading is None and story.chapters[0].title is None


def test_chapters_split_at_headings_with_title_lines():
    story = segment_story(
        _story("Chapter 1\nThe Beginning", "First.", "***", "Second.", "Chapter 2", "Third.")
    )
    first, second = story.chapters
    assert (first.heading, first.title) == ("Chapter 1", "The Beginning")
    assert _texts(first) == ["First.", "<break>", "Second."]
    assert (second.heading, second.title) == ("Chapter 2", None)
    assert _texts(second) == ["Third."]


def test_title_line_in_its_own_paragraph():
    story = segment_story(_story("Chapter 1", "A Stream of Silent Love", "He walked."))
    assert story.chapters[0].title == "A Stream of Silent Love"
    assert _texts(story.chapters[0]) == ["He walked."]


def test_dialogue_after_a_heading_is_not_a_title():
    story = segment_story(_story("Chapter 1", '"Run!"', "He ran."))
    assert story.chapters[0].title is None
    assert _texts(story.chapters[0])[0] == '"Run!"'


def test_sentence_after_a_heading_is_not_a_title():
    story = segment_story(_story("Chapter 1", "It was late.", "He ran."))
    assert story.chapters[0].title is None


def test_hard_wrapped_lines_are_joined():
    story = segment_story(_story("a line\nwrapped here\nand here."))
    assert _texts(story.chapters[0]) == ["a line wrapped here and here."]


def test_breaks_at_chapter_edges_are_dropped_and_runs_merged():
    story = segment_story(_story("***", "One.", "***", "* * *", "Two.", "~~~"))
    assert _texts(story.chapters[0]) == ["One.", "<break>", "Two."]
    assert isinstance(story.chapters[0].blocks[1], SceneBreak)


def test_end_mark_is_taken_from_the_end():
    story = segment_story(_story("One.", "The End"))
    assert story.end_mark == "The End"
    assert _texts(story.chapters[0]) == ["One."]


def test_end_in_the_middle_of_prose_is_prose():
    story = segment_story(_story("One.", "The End", "More prose.", "More.", "Even more."))
    assert story.end_mark is None
