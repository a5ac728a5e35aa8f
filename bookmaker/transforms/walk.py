"""Mapping a function over every paragraph or every short text of a book, immutably."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bookmaker.model import Block, Book, Chapter, Note, Paragraph, Story

ParagraphFn = Callable[[Paragraph], Paragraph]
TextFn = Callable[[str], str]


def map_paragraphs(book: Book, fn: ParagraphFn) -> Book:
    """Return the book with `fn` applied to every paragraph of prose and of notes."""
    return replace(book, stories=tuple(_map_story(story, fn) for story in book.stories))


def _map_story(story: Story, fn: ParagraphFn) -> Story:
    return replace(
        story,
        notes=_map_notes(story.notes, fn),
        chapters=tuple(_map_chapter(chapter, fn) for chapter in story.chapters),
    )


def _map_chapter(chapter: Chapter, fn: ParagraphFn) -> Chapter:
    return replace(
        chapter,
        blocks=_map_blocks(chapter.blocks, fn),
        notes_before=_map_notes(chapter.notes_before, fn),
        notes_after=_map_notes(chapter.notes_after, fn),
    )


def _map_notes(notes: tuple[Note, ...], fn: ParagraphFn) -> tuple[Note, ...]:
    return tuple(replace(note, blocks=tuple(fn(p) for p in note.blocks)) for note in notes)


def _map_blocks(blocks: tuple[Block, ...], fn: ParagraphFn) -> tuple[Block, ...]:
    return tuple(fn(b) if isinstance(b, Paragraph) else b for b in blocks)


def map_story_texts(book: Book, fn: TextFn) -> Book:
    """Return the book with `fn` applied to titles, author names, metadata values and end marks."""

    def opt(value: str | None) -> str | None:
        return None if value is None else fn(value)

    stories = tuple(
        replace(
            story,
            title=opt(story.title),
            authors=tuple(fn(a) for a in story.authors),
            metadata=tuple((key, fn(value)) for key, value in story.metadata),
            end_mark=opt(story.end_mark),
            chapters=tuple(
                replace(c, title=opt(c.title), heading=opt(c.heading)) for c in story.chapters
            ),
        )
        for story in book.stories
    )
    return replace(
        book, title=opt(book.title), editors=tuple(fn(e) for e in book.editors), stories=stories
    )
