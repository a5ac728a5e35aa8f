"""Author's notes: labelled, unlabelled and glued, at chapter and story level."""

from __future__ import annotations

import pytest

from bookmaker.build import make_book
from bookmaker.readers.text import read
from bookmaker.transforms.notes import label_of, voice_score
from bookmaker.writers.summary import story_json

PROSE = [
    "The rain had not stopped for three days, and the river was rising.",
    "She walked to the window and watched the water creep over the road.",
    "Somewhere a dog barked, and the lights of the town went out one by one.",
    "By morning the bridge was gone, and nobody in the village spoke of it.",
]


def _inspect(text: str) -> dict:
    story = read(text.encode("utf-8"), name="s.txt")
    return story_json(make_book([story]).stories[0])


def _prose(data: dict) -> list[str]:
    return [b["text"] for c in data["chapters"] for b in c["blocks"] if b["kind"] == "paragraph"]


@pytest.mark.parametrize(
    "label",
    [
        "A/N: Thanks for reading!",
        "AN: short note.",
        "Author's Note: hello.",
        "Disclaimer: I own nothing.",
        "Author\u2019s Notes - more soon",
        "(A/N: aside)",
        "I don't own Buffy, Joss does.",
    ],
)
def test_labels(label):
    assert label_of(label) is not None


@pytest.mark.parametrize(
    "prose",
    [
        "An hour passed.",
        "Note the time.",
        "Disclaimers were his trade, once.",
        "I don't own a car, she thought, and the bus is late again as it always is and "
        "it always will be " + "again " * 80,
    ],
)
def test_not_labels(prose):
    assert label_of(prose) is None


def test_labelled_notes_at_chapter_start_and_end():
    text = (
        "\n\n".join(
            [
                "Chapter 1",
                "A/N: This is my first fic!",
                *PROSE,
                "A/N: Please review.",
                "More thanks to my beta.",
            ]
        )
        + "\n"
    )
    data = _inspect(text)
    chapter = data["chapters"][0]
    assert chapter["notes_before"] == ["A/N: This is my first fic!"]
    assert chapter["notes_after"] == ["A/N: Please review.\n\nMore thanks to my beta."]
    assert _prose(data) == PROSE


def test_notes_before_the_first_heading_are_story_notes():
    text = "\n\n".join(["A/N: For my sister.", "Chapter 1", *PROSE, "Chapter 2", *PROSE])
    data = _inspect(text + "\n")
    assert data["notes"] == [{"position": "before", "text": "A/N: For my sister."}]
    assert len(data["chapters"]) == 2


def test_a_disclaimer_line_at_the_top_is_the_disclaimer_field():
    data = _inspect("\n\n".join(["Disclaimer: not mine.", "Chapter 1", *PROSE]) + "\n")
    assert data["metadata"] == {"Disclaimer": "not mine."}
    assert data["notes"] == []


def test_notes_in_a_story_without_headings_are_story_notes():
    data = _inspect("\n\n".join(["A/N: hi there", *PROSE]) + "\n")
    assert data["notes"] == [{"position": "before", "text": "A/N: hi there"}]
    assert data["chapters"][0]["notes_before"] == []


def test_glued_notes_are_split_from_the_prose():
    text = (
        "Just a quick drabble I wrote for my friend, hope you enjoy.The rain had not stopped "
        "for three days, and the river was rising higher every hour of the night.\n\n"
        + "\n\n".join(PROSE[1:])
        + "Thanks for reading, please review if you liked it!\n"
    )
    data = _inspect(text)
    assert [n["text"] for n in data["notes"]] == [
        "Just a quick drabble I wrote for my friend, hope you enjoy.",
        "Thanks for reading, please review if you liked it!",
    ]
    prose = _prose(data)
    assert prose[0].startswith("The rain had not stopped")
    assert prose[-1].endswith("spoke of it.")


def test_glued_prose_without_an_authors_voice_stays_prose():
    text = "He ran.She followed him down the long road to the sea and back again.\n"
    data = _inspect(text + "\n\n".join(PROSE))
    assert data["notes"] == []


def test_unlabelled_note_paragraph_at_the_end():
    note = "Thanks so much for reading! I'll update the next chapter soon, please review."
    data = _inspect("\n\n".join([*PROSE, note]) + "\n")
    assert data["notes"] == [{"position": "after", "text": note.replace("'", "\u2019")}]
    assert _prose(data) == PROSE


def test_first_person_prose_is_not_a_note():
    prose = [
        "I remember the night my father left. The door slammed and my mother cried.",
        *PROSE,
        "I never saw him again, and I never asked where he had gone.",
    ]
    data = _inspect("\n\n".join(prose) + "\n")
    assert data["notes"] == [] and _prose(data) == prose


def test_voice_score_counts_each_signal_once():
    score, hits = voice_score("Unbeta'd. I'm going to add more later, reviews welcome!")
    assert "fandom_vocabulary" in hits and "author_first_person" in hits
    assert score >= 4


def test_notes_are_never_the_whole_chapter():
    data = _inspect("A/N: one\n\nA/N: two\n")
    assert _prose(data) or data["notes"]
    total = len(_prose(data)) + sum(len(n["text"].split("\n\n")) for n in data["notes"])
    assert total == 2
