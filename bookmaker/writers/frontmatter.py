"""What the generated front matter says: display titles, title-page fields, disclaimers.

Shared by every writer, so the EPUB and the print edition agree on their front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bookmaker.inlines import count_words, paragraph_text
from bookmaker.model import Book, Chapter, Paragraph, Story
from bookmaker.readers.metadata import split_list

# Title-page fields in display order: (canonical key, label).
TITLE_PAGE_FIELDS = (
    ("Fandom", "Fandom"),
    ("Character/Pairing", "Characters/Pairing"),
    ("Relationship(s)", "Relationships"),
    ("Characters", "Characters"),
    ("Rating", "Rating"),
    ("Warning(s)", "Warnings"),
    ("Challenge/Prompt", "Prompt"),
    ("Series", "Series"),
    ("Date Written", "Date"),
)
# Keys shown elsewhere (title, by-line, summary, tags, disclaimer page, notes) or recomputed.
_SHOWN_ELSEWHERE = {
    "Title",
    "Author",
    "Summary",
    "Tags",
    "Disclaimer",
    "Notes",
    "Word Count",
    "Language",
}
DEFAULT_DISCLAIMER = (
    "This is a work of fan fiction{based_on}, written for love and shared without charge. "
    "The characters, settings and stories it draws on belong to their creators and rights "
    "holders; no claim to them is made and no infringement is intended."
)


@dataclass(frozen=True)
class TitlePage:
    """The fields of a story's title page, only those present."""

    title: str
    authors: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]
    tags: tuple[str, ...]
    summary: str | None
    words: int


def display_title(story: Story) -> str:
    """The title to show: declared, else a lone chapter's title, else from the file name."""
    if story.title:
        return story.title
    if len(story.chapters) == 1 and story.chapters[0].title:
        return story.chapters[0].title
    stem = re.sub(r"\.[^.]+$", "", story.source.rsplit("/", 1)[-1])
    words = re.sub(r"[-_]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def book_title(book: Book) -> str:
    """The title of the whole book: the anthology's, or its single story's."""
    if book.anthology or not book.stories:
        return book.title or "Anthology"
    return display_title(book.stories[0])


def prose_words(story: Story) -> int:
    """Words of prose in the story, notes and metadata excluded."""
    return sum(
        count_words(paragraph_text(block))
        for chapter in story.chapters
        for block in chapter.blocks
        if isinstance(block, Paragraph)
    )


def title_page(story: Story) -> TitlePage:
    """Collect the title page of a story from its metadata and prose."""
    fields = [(label, story.meta(key)) for key, label in TITLE_PAGE_FIELDS]
    known = {key for key, _label in TITLE_PAGE_FIELDS} | _SHOWN_ELSEWHERE
    fields += [(key, value) for key, value in story.metadata if key not in known]
    tags = tuple(tag for key, value in story.metadata if key == "Tags" for tag in split_list(value))
    return TitlePage(
        title=display_title(story),
        authors=story.authors,
        fields=tuple((label, value) for label, value in fields if value),
        tags=tags,
        summary=story.meta("Summary") or None,
        words=prose_words(story),
    )


def disclaimer(story: Story) -> tuple[str, bool]:
    """The story's own disclaimer, or the default notice; True when it is the source's own."""
    own = story.meta("Disclaimer")
    if own:
        return own, True
    return default_disclaimer([story.meta("Fandom")]), False


def default_disclaimer(fandoms: list[str | None]) -> str:
    """A notice for a non-commercial fan work, naming the fandoms when known."""
    names = sorted({f for f in fandoms if f})
    based_on = f" based on {_join_names(names)}" if names else ""
    return DEFAULT_DISCLAIMER.format(based_on=based_on)


def chapter_label(chapter: Chapter, index: int, story: Story) -> str:
    """The name of a chapter in contents and navigation."""
    if chapter.title and chapter.heading and chapter.heading.lower() != chapter.title.lower():
        return f"{chapter.heading}: {chapter.title}"
    if chapter.title or chapter.heading:
        return chapter.title or chapter.heading or ""
    if len(story.chapters) == 1:
        return display_title(story)
    return f"Chapter {index}"


def _join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]
