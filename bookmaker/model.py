"""The document model: frozen dataclasses every reader produces and every writer consumes.

Standard library only. Readers build a `Story`; transforms return new values with
`dataclasses.replace`; writers never see source text, only this model.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A run of plain text. May hold '\\n' for a source line break not yet unwrapped."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Italic text (`*word*`, `_word_`, `<i>`, `<em>`)."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    """Bold text (`**word**`, `<b>`, `<strong>`)."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class LineBreak:
    """A deliberate line break inside a paragraph (verse, letters, lyrics)."""


Inline = Text | Emphasis | Strong | LineBreak


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inline content; `line` is its first line in the source (1-based)."""

    inlines: tuple[Inline, ...]
    line: int = 0


@dataclass(frozen=True)
class SceneBreak:
    """A break between scenes; `marker` is what the source used (`***`, `xXx`, …)."""

    marker: str = ""
    line: int = 0


Block = Paragraph | SceneBreak


@dataclass(frozen=True)
class Note:
    """An author's note: the author speaking to readers rather than telling the story.

    `label` is the marker that introduced it (`A/N`, `Disclaimer`) or None when it was
    recognised by what it says; `reason` names the rule that made the call.
    """

    blocks: tuple[Paragraph, ...]
    position: str  # "before" or "after" the chapter or story it belongs to
    label: str | None = None
    reason: str = ""
    line: int = 0


@dataclass(frozen=True)
class Chapter:
    """A chapter: its heading as written, its title, its notes and its prose."""

    blocks: tuple[Block, ...]
    title: str | None = None
    heading: str | None = None  # "Chapter 1", "Prologue" — the label line as written
    notes_before: tuple[Note, ...] = ()
    notes_after: tuple[Note, ...] = ()
    line: int = 0
    id: str = ""


@dataclass(frozen=True)
class Story:
    """One work: what its source declares, its notes and its chapters."""

    source: str  # the file name, for messages and reports
    chapters: tuple[Chapter, ...]
    title: str | None = None
    authors: tuple[str, ...] = ()
    metadata: tuple[tuple[str, str], ...] = ()  # canonical key -> value, in source order
    notes: tuple[Note, ...] = ()
    end_mark: str | None = None  # "The End" and the like, shown as an end mark
    encoding: str = "utf-8"
    language: str = "en"
    fingerprint: str = ""  # hash of the decoded source text; stable identifiers derive from it
    id: str = ""

    def meta(self, key: str) -> str | None:
        """Return the first value declared for a canonical metadata key, or None."""
        for name, value in self.metadata:
            if name == key:
                return value
        return None


@dataclass(frozen=True)
class TypographyOptions:
    """How typography treats a book: quote style and dash spacing."""

    quotes: str = "auto"  # auto (from the language), english, british, german, french
    dashes: str = "closed"  # closed: word—word; spaced: keep the author's spaces, word — word


@dataclass(frozen=True)
class Book:
    """What a writer turns into one file: a single story or an anthology of several."""

    stories: tuple[Story, ...]
    title: str | None = None  # set for an anthology; a single story's book uses its own
    editors: tuple[str, ...] = ()
    anthology: bool = False
    language: str = "en"
    typography: TypographyOptions = TypographyOptions()
