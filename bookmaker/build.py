"""The pipeline: read sources, apply the transforms in order, write books to disk.

With cli.py, the only code that touches the filesystem. Every source is read and transformed
before anything is written, and each output is written atomically, so bad input never leaves
a partial book behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from bookmaker.errors import OptionError
from bookmaker.model import Book, Story, TypographyOptions
from bookmaker.readers import read_source
from bookmaker.transforms.ids import assign_ids
from bookmaker.transforms.notes import extract_book_notes
from bookmaker.transforms.segment import segment_book
from bookmaker.transforms.typography import apply_typography
from bookmaker.writers.epub import DEFAULT_MODIFIED, write_epub

DEFAULT_TYPOGRAPHY = TypographyOptions()

# (name, transform), applied in order; each is a pure Book -> Book function.
TRANSFORMS: tuple[tuple[str, Callable[[Book], Book]], ...] = (
    ("segment", segment_book),
    ("notes", extract_book_notes),
    ("typography", apply_typography),
    ("ids", assign_ids),
)


def transform(book: Book) -> Book:
    """Apply every transform to a freshly read book."""
    for _name, step in TRANSFORMS:
        book = step(book)
    return book


def load_book(
    paths: Sequence[Path],
    *,
    anthology: str | None = None,
    editors: Sequence[str] = (),
    typography: TypographyOptions = DEFAULT_TYPOGRAPHY,
) -> Book:
    """Read sources and return the transformed book (an anthology when a title is given)."""
    stories = tuple(read_source(path) for path in paths)
    return make_book(stories, anthology=anthology, editors=editors, typography=typography)


def make_book(
    stories: Sequence[Story],
    *,
    anthology: str | None = None,
    editors: Sequence[str] = (),
    typography: TypographyOptions = DEFAULT_TYPOGRAPHY,
) -> Book:
    """Assemble read stories into a book and transform it."""
    language = stories[0].language if stories else "en"
    book = Book(
        stories=tuple(stories),
        title=anthology,
        editors=tuple(editors),
        anthology=anthology is not None,
        language=language,
        typography=typography,
    )
    return transform(book)


def build(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    anthology: str | None = None,
    editors: Sequence[str] = (),
    typography: TypographyOptions = DEFAULT_TYPOGRAPHY,
) -> list[Path]:
    """Build one EPUB per source, or one anthology EPUB of all; return the files written."""
    if anthology is not None and not anthology.strip():
        raise OptionError("--anthology needs a title")
    if editors and anthology is None:
        raise OptionError("--editor only applies to an anthology (add --anthology TITLE)")
    modified = _modified_time()
    if anthology is not None:
        book = load_book(paths, anthology=anthology.strip(), editors=editors, typography=typography)
        outputs = {out_dir / f"{slugify(anthology)}.epub": book}
    else:
        outputs = {}
        for path in paths:
            target = out_dir / f"{path.stem}.epub"
            if target in outputs:
                raise OptionError(f"two sources would both be written to {target}", file=str(path))
            outputs[target] = load_book([path], typography=typography)
    rendered = {target: write_epub(book, modified=modified) for target, book in outputs.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    for target, data in rendered.items():
        write_atomically(target, data)
    return list(rendered)


def write_atomically(target: Path, data: bytes) -> None:
    """Write a file so that it is either complete or absent, never partial."""
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual file mode
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def slugify(title: str) -> str:
    """A file-name stem for a title: lower case, ASCII letters and digits joined by hyphens."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug or "anthology"


def _modified_time() -> dt.datetime:
    """The book's modification time: SOURCE_DATE_EPOCH when set, else a fixed date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return DEFAULT_MODIFIED
    try:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    except (ValueError, OverflowError) as exc:
        raise OptionError(f"SOURCE_DATE_EPOCH is not a Unix time: {epoch!r}") from exc
