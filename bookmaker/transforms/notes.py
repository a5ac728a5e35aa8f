"""Author's notes: separating the author talking to readers from the story itself.

Three kinds are found, each by an ordered rule table:
- labelled notes (`A/N:`, `Disclaimer:`, "I don't own…") at a chapter's start or end;
- unlabelled note paragraphs, recognised by the author's voice (`VOICE_SIGNALS`);
- unlabelled notes glued to the first or last sentence of the prose without a space
  ("…by Sunday at least.Spike stood…"), split at the glue point.
A note is never dropped: it moves out of the prose into a `Note` that says why.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bookmaker.inlines import count_words, paragraph_text, split_inlines, strip_inlines
from bookmaker.model import Block, Book, Chapter, Note, Paragraph, SceneBreak, Story

# (name, pattern, reason). Matched at the start of a paragraph, except where noted.
LABEL_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "author_note_label",
        re.compile(
            r"^\W*(?:A\s?/\s?N|A\.N\.|Authors?['\u2019]?s?\s*(?:End\s*)?Notes?|"
            r"Author['\u2019]?s?\s+Endnotes?)\b\W*",
            re.IGNORECASE,
        ),
        "'A/N', 'Author's Note' and 'Author's Endnote' introduce the author speaking",
    ),
    (
        "an_label",
        re.compile(r"^\W*AN\s*[:\-\u2013\u2014]"),
        "'AN:' in capitals is the common short form of A/N",
    ),
    (
        "disclaimer_label",
        re.compile(r"^\W*Disclaimers?\s*[:\-\u2013\u2014.]", re.IGNORECASE),
        "a disclaimer is the author's statement about rights, not story",
    ),
    (
        "note_label",
        re.compile(r"^\W*(?:Notes?|N\.B\.?|PS|P\.S\.)\s*[:\-\u2013\u2014]", re.IGNORECASE),
        "'Note:' and 'P.S.' introduce a remark to readers",
    ),
)
OWNERSHIP = re.compile(
    r"\bI\s+(?:do\s+not|don['\u2019]?t|dont)\s+own\b|\bnot\s+mine\b|\bno\s+(?:copyright\s+)?"
    r"infringement\b|\bbelongs?\s+to\b[^.]*\b(?:not\s+(?:me|the\s+author)|respective)\b",
    re.IGNORECASE,
)
OWNERSHIP_MAX_WORDS = 80  # an ownership disclaimer is a sentence or two, not a scene

# (name, pattern, weight, reason): what an author's voice sounds like. Each counts once.
VOICE_SIGNALS: tuple[tuple[str, re.Pattern[str], int, str], ...] = (
    (
        "fandom_vocabulary",
        re.compile(
            r"\b(?:unbeta['\u2019]?d|beta(?:['\u2019]?d|ed|s)?|fics?|fanfic(?:tion)?|"
            r"one-?shot|drabble|ficlet|wip|kudos|reviews?|reviewers?|reviewing|r&r|"
            r"updates?|updated|updating|cliffhanger|sequel|prequel)\b",
            re.IGNORECASE,
        ),
        2,
        "words of fan-fiction publishing that prose almost never uses",
    ),
    (
        "writing_about_writing",
        re.compile(
            r"\b(?:chapters?|stor(?:y|ies)|writing|posting|posted|plot|readers?|drafts?|"
            r"muse|prompt|thoughts)\b",
            re.IGNORECASE,
        ),
        1,
        "talk about the story and its writing",
    ),
    (
        "author_first_person",
        re.compile(r"\b(?:I|I['\u2019](?:m|ve|ll|d)|my|me)\b"),
        1,
        "the author speaks as 'I'",
    ),
    (
        "addresses_readers",
        re.compile(
            r"\b(?:you guys|y['\u2019]all|hope you|enjoy|thanks|thank you|let me know|"
            r"please|feedback|share)\b",
            re.IGNORECASE,
        ),
        1,
        "the author addresses readers",
    ),
    (
        "plans_and_schedule",
        re.compile(
            r"\b(?:should have|will be|going to add|add more|next (?:chapter|part|week)|"
            r"later|soon|this week|by (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
            re.IGNORECASE,
        ),
        1,
        "the author talks about what is coming",
    ),
    ("dialogue", re.compile(r"[\"\u201c\u201d]"), -1, "quoted speech belongs to the story"),
)
GLUED_THRESHOLD = 2  # glued text is already suspicious: two signals make it a note
PARAGRAPH_THRESHOLD = 4  # a whole unlabelled paragraph needs more before it leaves the prose
MAX_NOTE_SHARE = 0.4  # unlabelled notes at a chapter's end are never much of the chapter
MAX_LABELLED_SHARE = 0.75  # a labelled one may be long, beside a drabble, but not the story

# A sentence end run straight into a capitalised word, with no space: "least.Spike".
_GLUE = re.compile(r"(?<=[a-z0-9)][.!?])(?=[A-Z][a-z'\u2019])|(?<=[.!?][\"\u201d\u2019])(?=[A-Z])")


def extract_book_notes(book: Book) -> Book:
    """Move author's notes out of the prose of every story."""
    return replace(book, stories=tuple(extract_story_notes(s) for s in book.stories))


def extract_story_notes(story: Story) -> Story:
    """Move author's notes out of each chapter; notes outside any chapter become story notes."""
    chapters = [
        _extract_chapter_notes(c, preamble=i == 0 and c.heading is None and len(story.chapters) > 1)
        for i, c in enumerate(story.chapters)
    ]
    before, after = list(story.notes), []
    first = chapters[0] if chapters else None
    if first is not None and first.heading is None:
        if len(chapters) == 1:  # a story without headings: its notes are the story's
            before.extend(first.notes_before)
            after.extend(first.notes_after)
            chapters[0] = replace(first, notes_before=(), notes_after=())
        elif not first.blocks:  # a preamble before the first heading, holding only notes
            before.extend(first.notes_before + first.notes_after)
            chapters.pop(0)
    return replace(story, notes=tuple(before + after), chapters=tuple(chapters))


def label_of(text: str) -> tuple[str, str] | None:
    """Return (rule name, label as written) when a paragraph opens with a note label."""
    for name, pattern, _reason in LABEL_RULES:
        match = pattern.match(text)
        if match:
            return name, match.group(0).strip(" :-\u2013\u2014.")
    if OWNERSHIP.search(text) and count_words(text) <= OWNERSHIP_MAX_WORDS:
        return "ownership_disclaimer", ""
    return None


def voice_score(text: str) -> tuple[int, list[str]]:
    """Score how much a text sounds like the author talking; return it with the signals."""
    score, hits = 0, []
    for name, pattern, weight, _reason in VOICE_SIGNALS:
        if pattern.search(text):
            score += weight
            hits.append(name)
    return score, hits


def _extract_chapter_notes(chapter: Chapter, *, preamble: bool) -> Chapter:
    """Labelled notes first, then notes glued to the prose, then unlabelled note paragraphs."""
    blocks = list(chapter.blocks)
    before: list[Note] = []
    after: list[Note] = []
    for voice in (False, True):
        if voice:
            glued, blocks = _split_glued(blocks, at_start=True)
            before.extend(glued)
            glued, blocks = _split_glued(blocks, at_start=False)
            after[:0] = glued
        found, blocks = _take_leading_notes(blocks, preamble=preamble, voice=voice)
        before.extend(found)
        found, blocks = _take_trailing_notes(blocks, voice=voice)
        after[:0] = found
    return replace(
        chapter,
        blocks=tuple(_trim_breaks(blocks)),
        notes_before=chapter.notes_before + tuple(before),
        notes_after=tuple(after) + chapter.notes_after,
    )


def _is_note_paragraph(
    block: Block, *, voice: bool, continuing: bool = False
) -> tuple[str, str | None] | None:
    """(reason, label) if the block reads as a note; `voice` admits unlabelled ones."""
    if not isinstance(block, Paragraph):
        return None
    text = paragraph_text(block)
    labelled = label_of(text)
    if labelled:
        return f"labelled ({labelled[0]})", labelled[1] or None
    if not (voice or continuing):
        return None
    score, hits = voice_score(text)
    if score >= (GLUED_THRESHOLD if continuing else PARAGRAPH_THRESHOLD):
        return f"author's voice ({', '.join(hits)})", None
    return None


def _take_leading_notes(
    blocks: list[Block], *, preamble: bool, voice: bool
) -> tuple[list[Note], list[Block]]:
    """Notes opening a chapter; only a preamble before the first chapter may be all notes."""
    taken: list[Paragraph] = []
    reason, label = "", None
    for block in blocks:
        found = _is_note_paragraph(block, voice=voice, continuing=bool(taken))
        if not found:
            break
        if not taken:
            reason, label = found
        taken.append(block)  # type: ignore[arg-type]
    all_notes = len(taken) == len([b for b in blocks if isinstance(b, Paragraph)])
    if not taken or (all_notes and not preamble):
        return [], blocks
    note = Note(tuple(taken), "before", label, reason, taken[0].line)
    return [note], blocks[len(taken) :]


def _take_trailing_notes(blocks: list[Block], *, voice: bool) -> tuple[list[Note], list[Block]]:
    """A labelled note near the end takes the rest; unlabelled ones must reach the end."""
    total = sum(count_words(paragraph_text(b)) for b in blocks) or 1
    tail_words, start, contiguous = 0, None, True
    reason, label = "", None
    for i in range(len(blocks) - 1, 0, -1):
        block = blocks[i]
        tail_words += count_words(paragraph_text(block))
        if tail_words > total * MAX_LABELLED_SHARE:
            break
        if not isinstance(block, Paragraph):
            continue
        found = _is_note_paragraph(block, voice=False)
        if not found and voice and contiguous and tail_words <= total * MAX_NOTE_SHARE:
            found = _is_note_paragraph(block, voice=True)
        if found:
            start, (reason, label) = i, found
            continue
        contiguous = False
    if start is None:
        return [], blocks
    paragraphs = tuple(b for b in blocks[start:] if isinstance(b, Paragraph))
    return [Note(paragraphs, "after", label, reason, paragraphs[0].line)], blocks[:start]


def _split_glued(blocks: list[Block], *, at_start: bool) -> tuple[list[Note], list[Block]]:
    """Split an author's note glued onto the first or last sentence of the prose."""
    paragraphs = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
    if not paragraphs:
        return [], blocks
    index = paragraphs[0] if at_start else paragraphs[-1]
    block = blocks[index]
    assert isinstance(block, Paragraph)
    text = paragraph_text(block)
    best: tuple[int, int, list[str]] | None = None
    for match in _GLUE.finditer(text):
        cut = match.start()
        fragment = text[:cut] if at_start else text[cut:]
        if not 4 <= count_words(fragment) <= 0.6 * count_words(text):
            continue
        score, hits = voice_score(fragment)
        if score >= GLUED_THRESHOLD and (best is None or score > best[1]):
            best = (cut, score, hits)
    if best is None:
        return [], blocks
    cut, _score, hits = best
    left, right = split_inlines(block.inlines, cut)
    note_part, prose_part = (left, right) if at_start else (right, left)
    reason = f"glued to the {'first' if at_start else 'last'} sentence ({', '.join(hits)})"
    note = Note(
        (Paragraph(strip_inlines(note_part), block.line),),
        "before" if at_start else "after",
        None,
        reason,
        block.line,
    )
    out = list(blocks)
    out[index] = Paragraph(strip_inlines(prose_part), block.line)
    return [note], out


def _trim_breaks(blocks: list[Block]) -> list[Block]:
    while blocks and isinstance(blocks[0], SceneBreak):
        blocks = blocks[1:]
    while blocks and isinstance(blocks[-1], SceneBreak):
        blocks = blocks[:-1]
    return blocks
