"""The EPUB 3 writer: the only module that imports ebooklib, with every workaround it needs.

ebooklib traps handled here (DESIGN.md): write errors are raised (`raise_exceptions`), the
page-list guess is off (`epub3_pages`), each creator gets its own id, `dcterms:modified` is
fixed, body fragments are passed without <head>, and the zip is repacked with fixed
timestamps and double-quoted XML declarations so that the same book gives the same bytes.
The written files are checked for emptiness, since ebooklib writes a 0-byte document when it
cannot parse one.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile

from ebooklib import epub

from bookmaker.model import Book
from bookmaker.resources import read_style
from bookmaker.writers.pages import BookPlan, TocEntry, plan_pages

MIMETYPE = "application/epub+zip"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)
DEFAULT_MODIFIED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_XML_DECLARATION = re.compile(rb"^<\?xml[^>]*\?>")
_GOOD_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>'
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
)


class EpubWriteError(RuntimeError):
    """ebooklib produced something broken; a bug in bookmaker, never the user's fault."""


def write_epub(book: Book, *, modified: dt.datetime = DEFAULT_MODIFIED) -> bytes:
    """Return the bytes of a valid, reproducible EPUB 3 for the book."""
    plan = plan_pages(book)
    ebook = epub.EpubBook()
    ebook.set_identifier(book_identifier(book))
    ebook.set_title(plan.title)
    ebook.set_language(book.language)
    _add_metadata(ebook, plan)
    css = epub.EpubItem(
        uid="style",
        file_name="styles/book.css",
        media_type="text/css",
        content=read_style("epub.css").encode("utf-8"),
    )
    ebook.add_item(css)
    items = {}
    for page in plan.pages:
        item = epub.EpubHtml(
            uid=page.id, file_name=page.file_name, title=page.title, lang=page.language
        )
        item.content = page.body
        item.add_item(css)
        ebook.add_item(item)
        items[page.id] = item
    ebook.toc = [_toc_entry(entry, items) for entry in plan.toc]
    ebook.spine = [items[page.id] for page in plan.pages]
    ebook.guide = [
        {"type": kind, "href": items[pid].file_name, "title": title}
        for kind, pid, title in plan.landmarks
    ]
    ebook.add_item(epub.EpubNcx())
    ebook.add_item(epub.EpubNav(title="Contents"))
    buffer = io.BytesIO()
    epub.write_epub(
        buffer,
        ebook,
        {
            "epub3_pages": False,
            "raise_exceptions": True,
            "mtime": modified,
            "landmark_title": "Landmarks",
        },
    )
    return _repack(buffer.getvalue())


def book_identifier(book: Book) -> str:
    """A URN derived from the sources' content, so the same book keeps the same identifier."""
    basis = "\n".join([book.title or "", *(story.fingerprint for story in book.stories)])
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'bookmaker:' + basis)}"


def _add_metadata(ebook: epub.EpubBook, plan: BookPlan) -> None:
    for index, author in enumerate(plan.authors, start=1):
        ebook.add_author(author, uid=f"creator-{index}")
    for index, editor in enumerate(plan.editors, start=1):
        ebook.add_author(editor, role="edt", uid=f"editor-{index}")
    for subject in plan.subjects:
        ebook.add_metadata("DC", "subject", subject)
    if plan.description:
        ebook.add_metadata("DC", "description", plan.description)
    if plan.date:
        ebook.add_metadata("DC", "date", plan.date)
    for name, value in plan.declared:  # nothing the source declared is lost
        ebook.add_metadata(None, "meta", "", {"name": name, "content": value})
    for prop, value in ACCESSIBILITY:
        ebook.add_metadata(None, "meta", value, {"property": prop})
    ebook.add_metadata(
        None, "meta", plan.accessibility_summary, {"property": "schema:accessibilitySummary"}
    )


def _toc_entry(entry: TocEntry, items: dict[str, epub.EpubHtml]) -> object:
    link = epub.Link(items[entry.page.id].file_name, entry.page.title, entry.page.id)
    if not entry.children:
        return link
    return (link, [_toc_entry(child, items) for child in entry.children])


def _repack(data: bytes) -> bytes:
    """Rewrite the zip: mimetype first and stored, fixed dates, one XML declaration style."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = ["mimetype"] + [n for n in source.namelist() if n != "mimetype"]
        for name in names:
            content = source.read(name)
            if name.endswith((".xhtml", ".opf", ".ncx")):
                if not content.strip():
                    raise EpubWriteError(f"ebooklib wrote an empty {name}")
                content = _XML_DECLARATION.sub(_GOOD_DECLARATION, content, count=1)
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            target.writestr(info, content)
    return out.getvalue()
