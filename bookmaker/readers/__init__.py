"""Source readers: one module per format, each turning bytes into a `Story`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bookmaker.errors import SourceError
from bookmaker.model import Story
from bookmaker.readers import text
from bookmaker.readers.decode import MAX_BYTES

Reader = Callable[..., Story]

# File suffix -> reader. Plain text is also the reader for files without a suffix.
READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".text": text.read,
    "": text.read,
}


def read_source(path: Path) -> Story:
    """Read one source file into a Story, or raise SourceError naming the file."""
    name = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(s for s in READERS if s))
        raise SourceError(
            f"unsupported source format '{path.suffix}' (bookmaker reads {known})", file=name
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(
                f"file is too large ({path.stat().st_size:,} bytes; the limit is {MAX_BYTES:,})",
                file=name,
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError("no such file", file=name) from exc
    except IsADirectoryError as exc:
        raise SourceError("is a directory, not a story file", file=name) from exc
    except OSError as exc:
        raise SourceError(f"cannot read the file ({exc.strerror or exc})", file=name) from exc
    return reader(data, name=name)
