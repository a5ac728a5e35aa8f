"""Model to XHTML fragments: escaped markup for inlines, blocks and notes.

Every string from a source passes through `markupsafe.escape` here; templates receive only
`Markup` built by this module or plain strings that Jinja2 escapes itself.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from bookmaker.model import Block, Emphasis, Inline, LineBreak, Note, Paragraph, Strong, Text

NOTE_LABELS = {"before": "Notes", "after": "End Notes"}


def render_inlines(inlines: tuple[Inline, ...]) -> Markup:
    """Render inline content as escaped XHTML."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(escape(node.text))
        elif isinstance(node, Emphasis):
            parts.append(Markup("<em>%s</em>") % render_inlines(node.children))
        elif isinstance(node, Strong):
            parts.append(Markup("<strong>%s</strong>") % render_inlines(node.children))
        elif isinstance(node, LineBreak):
            parts.append(Markup("<br/>"))
    return Markup("").join(parts)


def render_blocks(blocks: tuple[Block, ...], *, first_class: str = "first") -> Markup:
    """Render paragraphs and scene breaks; the paragraph after a break or heading is marked."""
    out: list[str] = []
    after_break = True
    for block in blocks:
        if isinstance(block, Paragraph):
            attr = Markup(' class="%s"') % first_class if after_break and first_class else ""
            out.append(Markup("<p%s>%s</p>") % (attr, render_inlines(block.inlines)))
            after_break = False
        else:
            out.append(Markup('<hr class="scene-break"/>'))
            after_break = True
    return Markup("\n").join(out)


def render_note(note: Note) -> Markup:
    """Render an author's note as a labelled aside, kept apart from the prose."""
    label = NOTE_LABELS[note.position]
    body = render_blocks(note.blocks, first_class="")
    return Markup(
        '<aside class="author-note author-note-%s" aria-label="%s">\n'
        '<p class="note-label">%s</p>\n%s\n</aside>'
    ) % (note.position, label, label, body)


def render_notes(notes: tuple[Note, ...]) -> Markup:
    """Render several notes in order."""
    return Markup("\n").join(render_note(note) for note in notes)
