"""What `bookmaker inspect` reports: the detected structure, as text or as stable JSON."""

from __future__ import annotations

from typing import Any

from bookmaker.inlines import count_words, paragraph_text
from bookmaker.model import Chapter, Note, Paragraph, Story
from bookmaker.writers.frontmatter import chapter_label, display_title

_FIRST_WORDS = 10


def story_json(story: Story) -> dict[str, Any]:
    """The inspect JSON of a story; its shape is a public interface and must stay stable."""
    return {
        "title": story.title,
        "authors": list(story.authors),
        "metadata": metadata_dict(story),
        "notes": [{"position": n.position, "text": note_text(n)} for n in story.notes],
        "chapters": [_chapter_json(c) for c in story.chapters],
    }


def metadata_dict(story: Story) -> dict[str, str]:
    """Metadata as a mapping; a key declared twice keeps both values, joined."""
    merged: dict[str, str] = {}
    for key, value in story.metadata:
        if key in merged and value:
            separator = ", " if key == "Tags" else "; "
            merged[key] = f"{merged[key]}{separator}{value}" if merged[key] else value
        else:
            merged.setdefault(key, value)
    return merged


def note_text(note: Note) -> str:
    """A note's plain text, paragraphs separated by blank lines."""
    return "\n\n".join(paragraph_text(p) for p in note.blocks)


def _chapter_json(chapter: Chapter) -> dict[str, Any]:
    return {
        "title": chapter.title,
        "notes_before": [note_text(n) for n in chapter.notes_before],
        "notes_after": [note_text(n) for n in chapter.notes_after],
        "blocks": [
            {"kind": "paragraph", "text": paragraph_text(b)}
            if isinstance(b, Paragraph)
            else {"kind": "scene_break"}
            for b in chapter.blocks
        ],
    }


def story_report(story: Story) -> str:
    """A human-readable account of what was detected, with reasons and source lines."""
    lines = [story.source, f"  encoding: {story.encoding}"]
    lines.append(
        f"  title: {story.title or '(none declared)'}"
        + ("" if story.title else f" -- the book will use: {display_title(story)}")
    )
    lines.append(f"  authors: {', '.join(story.authors) or '(none declared)'}")
    lines.append(f"  language: {story.language}")
    meta = metadata_dict(story)
    lines.append("  metadata:" + ("" if meta else " (none)"))
    lines.extend(f"    {key}: {_clip(value, 70)}" for key, value in meta.items())
    lines.extend(_notes_lines(story.notes, "  ", "story "))
    words = sum(_chapter_words(c) for c in story.chapters)
    lines.append(f"  chapters: {len(story.chapters)} ({words:,} words of prose)")
    for index, chapter in enumerate(story.chapters, start=1):
        breaks = sum(1 for b in chapter.blocks if not isinstance(b, Paragraph))
        lines.append(
            f"    {index}. {chapter_label(chapter, index, story)} -- line "
            f"{chapter.line}, {_chapter_words(chapter):,} words, "
            f"{len(chapter.blocks) - breaks} paragraphs, {breaks} scene breaks"
        )
        lines.extend(_notes_lines(chapter.notes_before + chapter.notes_after, "       "))
        breaks_at = [str(b.line) for b in chapter.blocks if not isinstance(b, Paragraph)]
        if breaks_at:
            lines.append(f"       scene breaks at lines {', '.join(breaks_at)}")
    lines.append(f"  end mark: {story.end_mark or '(none)'}")
    return "\n".join(lines)


def _notes_lines(notes: tuple[Note, ...], indent: str, scope: str = "") -> list[str]:
    lines = []
    for note in notes:
        first = _first_words(note_text(note))
        lines.append(f'{indent}{scope}note {note.position}, line {note.line}: "{first}"')
        lines.append(f"{indent}  why: {note.reason}")
    return lines


def _chapter_words(chapter: Chapter) -> int:
    return sum(count_words(paragraph_text(b)) for b in chapter.blocks)


def _first_words(text: str) -> str:
    words = text.split()
    head = " ".join(words[:_FIRST_WORDS])
    return head + (" ..." if len(words) > _FIRST_WORDS else "")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
