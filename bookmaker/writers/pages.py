"""The page plan of a book: which XHTML pages it has, in what order, and its navigation.

Independent of any container format: the EPUB writer packs this plan, and any other
XHTML-based writer can reuse it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup

from bookmaker.model import Book, Note, Story
from bookmaker.templating import render
from bookmaker.writers.frontmatter import (
    book_title,
    chapter_label,
    default_disclaimer,
    disclaimer,
    display_title,
    title_page,
)
from bookmaker.writers.xhtml import render_blocks, render_notes

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%B %Y",
    "%Y",
)


@dataclass(frozen=True)
class Page:
    """One XHTML page: its id, file, navigation title, language and rendered body."""

    id: str
    file_name: str
    title: str
    language: str
    body: str


@dataclass(frozen=True)
class TocEntry:
    """A navigation entry and the entries nested under it."""

    page: Page
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class BookPlan:
    """Everything a packer needs: metadata, pages in reading order, navigation."""

    title: str
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    subjects: tuple[str, ...]
    description: str | None
    date: str | None
    accessibility_summary: str
    declared: tuple[tuple[str, str], ...]  # every source field, kept in the package metadata
    pages: tuple[Page, ...]
    toc: tuple[TocEntry, ...]
    landmarks: tuple[tuple[str, str, str], ...]  # (type, page id, title)


def plan_pages(book: Book) -> BookPlan:
    """Lay out the book's pages: front matter, then each story's pages."""
    pages: list[Page] = []
    toc: list[TocEntry] = []
    landmarks: list[tuple[str, str, str]] = []
    if book.anthology:
        front = _anthology_front(book)
        pages.extend(front)
        landmarks.append(("title-page", front[0].id, "Title Page"))
    for story in book.stories:
        story_pages, entries = _story_pages(story, book)
        pages.extend(story_pages)
        if book.anthology:  # a one-chapter story is one entry; longer ones nest their chapters
            toc.append(TocEntry(story_pages[0], tuple(entries) if len(entries) > 1 else ()))
        else:
            toc.extend(entries)
            landmarks.append(("title-page", story_pages[0].id, "Title Page"))
    contents = _contents_page(book, toc)
    if contents:
        pages.insert(2, contents)  # after the (anthology's or story's) title and disclaimer
        landmarks.append(("toc", contents.id, "Contents"))
    first_chapter = book.stories[0].chapters[0].id
    landmarks.append(("bodymatter", first_chapter, "Start of Content"))
    return BookPlan(
        title=book_title(book),
        authors=_unique(a for s in book.stories for a in s.authors),
        editors=book.editors,
        subjects=_unique(
            value
            for s in book.stories
            for key, value in s.metadata
            for value in _subject_values(key, value)
        ),
        description=None if book.anthology else book.stories[0].meta("Summary"),
        date=None if book.anthology else iso_date(book.stories[0].meta("Date Written")),
        accessibility_summary="Text-only book with a navigable table of contents; headings "
        "mark each chapter, and author's notes are set apart from the story.",
        declared=tuple(
            (f"bookmaker:{story.id + ':' if story.id else ''}{_slug(key)}", value)
            for story in book.stories
            for key, value in story.metadata
            if value
        ),
        pages=tuple(pages),
        toc=tuple(toc),
        landmarks=tuple(landmarks),
    )


def iso_date(value: str | None) -> str | None:
    """Parse a human date ('9 October 2018') into an ISO date, or None."""
    if not value:
        return None
    cleaned = " ".join(value.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
        return parsed.strftime({"%Y": "%Y", "%B %Y": "%Y-%m"}.get(fmt, "%Y-%m-%d"))
    return None


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def _subject_values(key: str, value: str) -> list[str]:
    if key == "Fandom":
        return [value]
    if key == "Tags":
        return [tag.strip() for tag in value.split(",") if tag.strip()]
    return []


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _anthology_front(book: Book) -> list[Page]:
    works = [{"title": display_title(s), "authors": s.authors} for s in book.stories]
    title = book_title(book)
    fandoms = [s.meta("Fandom") for s in book.stories]
    return [
        Page(
            "titlepage",
            "titlepage.xhtml",
            title,
            book.language,
            render("anthology.xhtml.j2", title=title, editors=book.editors, works=works),
        ),
        Page(
            "disclaimer",
            "disclaimer.xhtml",
            "Disclaimer",
            book.language,
            render("disclaimer.xhtml.j2", text=default_disclaimer(fandoms)),
        ),
    ]


def _story_pages(story: Story, book: Book) -> tuple[list[Page], list[TocEntry]]:
    prefix = f"{story.id}-" if story.id else ""
    level = 2 if book.anthology else 1
    lang = story.language
    title = display_title(story)
    before, after = notes_of(story, "before"), notes_of(story, "after")
    pages = [
        Page(
            f"{prefix}titlepage",
            f"{prefix}titlepage.xhtml",
            title,
            lang,
            render(
                "titlepage.xhtml.j2",
                page=title_page(story),
                level=level,
                notes=render_notes(before),
            ),
        ),
        Page(
            f"{prefix}disclaimer",
            f"{prefix}disclaimer.xhtml",
            "Disclaimer",
            lang,
            render("disclaimer.xhtml.j2", text=disclaimer(story)[0]),
        ),
    ]
    entries = []
    for index, chapter in enumerate(story.chapters, start=1):
        last = index == len(story.chapters)
        label = chapter_label(chapter, index, story)
        body = render(
            "chapter.xhtml.j2",
            chapter_id=f"{chapter.id}-body",
            level=level + 1,
            heading=chapter.heading,
            title=chapter.title,
            label=label,
            notes_before=render_notes(chapter.notes_before),
            body=render_blocks(chapter.blocks),
            notes_after=render_notes(chapter.notes_after),
            end_mark=story.end_mark if last else None,
            story_notes_after=render_notes(after) if last else Markup(""),
        )
        page = Page(chapter.id, f"{chapter.id}.xhtml", label, lang, body)
        pages.append(page)
        entries.append(TocEntry(page))
    return pages, entries


def _contents_page(book: Book, toc: list[TocEntry]) -> Page | None:
    chapters = sum(len(s.chapters) for s in book.stories)
    if not book.anthology and chapters < 2:
        return None

    def entry(item: TocEntry) -> dict:
        return {
            "href": item.page.file_name,
            "label": item.page.title,
            "children": [entry(child) for child in item.children],
        }

    body = render("contents.xhtml.j2", entries=[entry(e) for e in toc], level=1)
    return Page("contents", "contents.xhtml", "Contents", book.language, body)


def notes_of(story: Story, position: str) -> tuple[Note, ...]:
    """The story-level notes at a position ('before' or 'after')."""
    return tuple(n for n in story.notes if n.position == position)
