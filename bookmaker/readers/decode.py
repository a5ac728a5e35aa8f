"""Turning a source file's bytes into clean text, honestly: refuse what is not text.

Owns encoding detection (BOMs, UTF-8, then legacy 8-bit code pages through charset-normalizer),
line-ending normalisation and removal of characters XML cannot carry.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import charset_normalizer

from bookmaker.errors import SourceError

MAX_BYTES = 32 * 1024 * 1024  # ~5 million words; far beyond any single story or anthology

# Old fan fiction comes from Windows (cp1252), Unix/web (Latin-1) and classic Mac OS editors.
LEGACY_ENCODINGS = ["cp1252", "latin_1", "mac_roman"]
# Western 8-bit text is mostly ASCII; a file that is not UTF-8 and has more high bytes than this
# is in an encoding we do not read (or is not text), and guessing would produce gibberish.
MAX_LEGACY_HIGH_SHARE = 0.3
# A strict first pass, then a lenient one for short or typographically busy texts.
CHAOS_THRESHOLDS = (0.2, 0.5)

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# XML 1.0 forbids C0 controls other than tab/LF/CR, surrogates and U+FFFE/U+FFFF; C1 controls
# are allowed but never meaningful in prose (they are mis-decoded bytes), so they go as well.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BLANKISH_LINE = re.compile(r"^[ \t\u00a0\u2000-\u200b\u202f\u3000\ufeff]+$", re.MULTILINE)
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


@dataclass(frozen=True)
class Decoded:
    """A source's text with `\\n` line endings, and the encoding it was read in."""

    text: str
    encoding: str
    fingerprint: str  # sha256 of the normalised text, for stable identifiers


def decode_source(data: bytes, *, name: str) -> Decoded:
    """Decode a source file's bytes or raise SourceError saying why it is not a story."""
    if len(data) > MAX_BYTES:
        raise SourceError(
            f"file is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})", file=name
        )
    if not data.strip():
        raise SourceError("file is empty", file=name)
    text, encoding = _decode_bytes(data, name=name)
    text = normalise_text(text)
    if not text.strip():
        raise SourceError("file holds no text", file=name)
    return Decoded(text, encoding, hashlib.sha256(text.encode("utf-8")).hexdigest())


def normalise_text(text: str) -> str:
    """Unify line endings, drop XML-forbidden characters and blank out whitespace-only lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\ufeff", "")
    text = _FORBIDDEN.sub("", text)
    text = _BLANKISH_LINE.sub("", text)
    return _TRAILING_SPACE.sub("", text)


def _decode_bytes(data: bytes, *, name: str) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"invalid {encoding} text after its byte-order mark at byte {exc.start}",
                    file=name,
                    line=_line_of(data, exc.start),
                ) from exc
    _refuse_binary(data, name=name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    high = sum(1 for b in data[:65536] if b >= 0x80)
    if high > MAX_LEGACY_HIGH_SHARE * min(len(data), 65536):
        raise SourceError(
            f"undecodable bytes (not UTF-8, and too many non-ASCII bytes for a "
            f"legacy 8-bit text); first bad byte at offset {first_bad}",
            file=name,
            line=_line_of(data, first_bad),
        )
    for threshold in CHAOS_THRESHOLDS:
        match = charset_normalizer.from_bytes(
            data, cp_isolation=LEGACY_ENCODINGS, threshold=threshold
        ).best()
        if match is not None:
            return str(match), match.encoding
    raise SourceError(
        f"undecodable bytes (not UTF-8 and no plausible legacy encoding); first "
        f"bad byte at offset {first_bad}",
        file=name,
        line=_line_of(data, first_bad),
    )


def _refuse_binary(data: bytes, *, name: str) -> None:
    """Refuse files with NUL bytes or mostly control characters: images, archives, documents."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceError(
            "binary file (contains NUL bytes), not a text story",
            file=name,
            line=_line_of(data, nul),
        )
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > len(sample) * 0.05:
        raise SourceError("binary file (mostly control characters), not a text story", file=name)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
