"""Stable identifiers for stories and chapters, derived from their position in the book."""

from __future__ import annotations

from dataclasses import replace

from bookmaker.model import Book


def assign_ids(book: Book) -> Book:
    """Give each story and chapter an id that is also a safe file stem and XML id."""
    stories = []
    for number, story in enumerate(book.stories, start=1):
        story_id = f"s{number:02d}" if book.anthology else ""
        prefix = f"{story_id}-" if story_id else ""
        chapters = tuple(
            replace(chapter, id=f"{prefix}chapter-{index:03d}")
            for index, chapter in enumerate(story.chapters, start=1)
        )
        stories.append(replace(story, id=story_id, chapters=chapters))
    return replace(book, stories=tuple(stories))
