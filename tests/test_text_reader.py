"""The plain-text reader: header and trailer metadata, paragraphs, wrapped lines."""

from __future__ import annotations

from bookmaker.inlines import paragraph_text
from bookmaker.readers.metadata import canonical_key, language_tag
from bookmaker.readers.text import read


def _read(text: str):
    return read(text.encode("utf-8"), name="story.txt")


def _paragraphs(story) -> list[str]:
    return [paragraph_text(b) for b in story.chapters[0].blocks]


def test_header_keys_are_canonical_and_unknown_keys_kept():
    story = _read(
        "Title: A Story\nAuthors: Ann and Bob\nPairing: A/B\nRated: T\nPrompt: rain\n"
        "Warnings: none\nWords: 100\nDate: 2020\nBlurb: A tale.\nBeta: Cat\nSpoilers: S5\n\n"
        "Prose here.\n"
    )
    assert story.title == "A Story"
    assert story.authors == ("Ann", "Bob")
    assert story.metadata == (
        ("Title", "A Story"),
        ("Author", "Ann and Bob"),
        ("Character/Pairing", "A/B"),
        ("Rating", "T"),
        ("Challenge/Prompt", "rain"),
        ("Warning(s)", "none"),
        ("Word Count", "100"),
        ("Date Written", "2020"),
        ("Summary", "A tale."),
        ("Beta", "Cat"),
        ("Spoilers", "S5"),
    )
    assert _paragraphs(story) == ["Prose here."]


def test_spellings_map_to_one_name():
    assert canonical_key("Character/Pairing") == "Character/Pairing"
    assert canonical_key("Characters / Pairings") == "Character/Pairing"
    assert canonical_key("Relationship(s)") == "Relationship(s)"
    assert canonical_key("Warning(s)") == "Warning(s)"
    assert canonical_key("Author\u2019s Notes") == "Notes"
    assert canonical_key("Challenge") == "Challenge/Prompt"
    assert canonical_key("Spoilers") is None


def test_header_groups_may_be_separated_by_blank_lines_and_wrap():
    story = _read("Title: X\n\nSummary: A long summary\nthat wraps.\nRating: G\n\nStory.\n")
    assert story.meta("Summary") == "A long summary that wraps."
    assert story.meta("Rating") == "G"
    assert _paragraphs(story) == ["Story."]


def test_a_prose_line_with_a_colon_is_not_a_header():
    story = _read("He said: go away.\n\nShe left.\n")
    assert story.metadata == ()
    assert _paragraphs(story) == ["He said: go away.", "She left."]


def test_trailing_tags_are_metadata():
    story = _read("Title: X\n\nProse.\n\nThe End\nTags: one, two\n")
    assert story.meta("Tags") == "one, two"
    assert _paragraphs(story) == ["Prose.", "The End"]


def test_notes_field_becomes_a_story_note():
    story = _read("Title: X\nNotes: Thanks to my beta.\n\nProse.\n")
    assert [(n.position, paragraph_text(n.blocks[0])) for n in story.notes] == [
        ("before", "Thanks to my beta.")
    ]


def test_language_field():
    assert _read("Title: X\nLanguage: German\n\nText.\n").language == "de"
    assert language_tag("en-GB") == "en-GB"
    assert language_tag("Klingon!") == "en"


def test_one_paragraph_per_line_when_lines_are_long():
    long_a = "A" + " word" * 30 + "."
    long_b = "B" + " word" * 30 + "."
    story = _read(f"{long_a}\n{long_b}\n")
    assert len(_paragraphs(story)) == 2


def test_short_sentence_lines_end_paragraphs_in_a_block():
    text = (
        "He walked along the road that led from the town to the old\n"
        "mill by the river, thinking of nothing at all, until the\n"
        "rain came.\n"
        "Yes.\n"
    )
    assert _paragraphs(_read(text)) == [
        "He walked along the road that led from the town to the old\n"
        "mill by the river, thinking of nothing at all, until the\n"
        "rain came.",
        "Yes.",
    ]


def test_paragraph_lines_are_recorded():
    story = _read("Title: X\n\nOne.\n\n\nTwo.\n")
    assert [b.line for b in story.chapters[0].blocks] == [3, 6]
