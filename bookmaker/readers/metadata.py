"""Metadata keys: the many spellings fans use, mapped to one canonical name each.

Unknown keys are kept as written; only known spellings are renamed.
"""

from __future__ import annotations

import re

CANONICAL_KEYS: dict[str, tuple[str, ...]] = {
    "Title": ("title", "story title", "fic title", "name of story"),
    "Author": (
        "author",
        "authors",
        "by",
        "writer",
        "written by",
        "pen name",
        "penname",
        "creator",
        "creators",
    ),
    "Fandom": ("fandom", "fandoms"),
    "Character/Pairing": (
        "character/pairing",
        "characters/pairing",
        "character/pairings",
        "characters/pairings",
        "pairing",
        "pairings",
        "pairing/characters",
    ),
    "Relationship(s)": ("relationship", "relationships"),
    "Characters": ("character", "characters"),
    "Rating": ("rating", "rated", "ratings"),
    "Challenge/Prompt": (
        "challenge/prompt",
        "challenge",
        "prompt",
        "prompts",
        "written for",
        "prompt/challenge",
        "challenge/prompts",
    ),
    "Warning(s)": (
        "warning",
        "warnings",
        "archive warning",
        "archive warnings",
        "content warning",
        "content warnings",
        "cw",
        "tw",
        "trigger warning",
        "trigger warnings",
    ),
    "Word Count": ("word count", "wordcount", "words", "length"),
    "Date Written": (
        "date written",
        "date",
        "written",
        "written on",
        "posted",
        "published",
        "date posted",
    ),
    "Summary": ("summary", "description", "blurb"),
    "Disclaimer": ("disclaimer", "disclaimers"),
    "Notes": (
        "notes",
        "note",
        "author's note",
        "author's notes",
        "authors note",
        "authors notes",
        "author note",
        "author notes",
        "a/n",
        "an",
    ),
    "Tags": ("tags", "tag", "additional tags", "freeform tags", "keywords"),
    "Series": ("series", "part of series", "series/sequel"),
    "Language": ("language", "lang"),
}

# "A/N: …" at the top of a story is an author's note paragraph, not a metadata field.
NOTE_KEYS = frozenset(
    {
        "a/n",
        "an",
        "a.n.",
        "author's note",
        "author's notes",
        "authors note",
        "authors notes",
        "author note",
        "author notes",
    }
)

_BY_SPELLING = {
    spelling: canonical for canonical, spellings in CANONICAL_KEYS.items() for spelling in spellings
}
_PLURAL_SUFFIX = re.compile(r"\((?:s|es)\)$")


def _normalise(key: str) -> str:
    key = key.strip().lower().replace("\u2019", "'").replace("\u2018", "'")
    key = _PLURAL_SUFFIX.sub("", key)
    key = re.sub(r"\s*/\s*", "/", key)
    return re.sub(r"\s+", " ", key)


def is_note_key(key: str) -> bool:
    """Whether a `Key:` is really an author's-note label such as `A/N:`."""
    return _normalise(key) in NOTE_KEYS


def canonical_key(key: str) -> str | None:
    """Return the canonical name for a metadata key, or None when the key is not a known one."""
    normal = _normalise(key)
    if normal in _BY_SPELLING:
        return _BY_SPELLING[normal]
    # "Warning(s)" normalises to "warning"; "Relationship(s)" to "relationship".
    return _BY_SPELLING.get(normal.removesuffix("s"))


def split_list(value: str) -> list[str]:
    """Split a comma- or semicolon-separated metadata value (tags, authors) into items."""
    return [item.strip() for item in re.split(r"[;,]", value) if item.strip()]


def split_authors(value: str) -> list[str]:
    """Split an author line into names: "A and B", "A & B", "A, B"."""
    return [name.strip() for name in re.split(r",|;|\s+&\s+|\s+and\s+", value) if name.strip()]


_LANGUAGE_NAMES = {
    "english": "en",
    "french": "fr",
    "français": "fr",
    "german": "de",
    "deutsch": "de",
    "spanish": "es",
    "español": "es",
    "italian": "it",
    "portuguese": "pt",
    "russian": "ru",
    "japanese": "ja",
    "chinese": "zh",
    "dutch": "nl",
    "polish": "pl",
    "swedish": "sv",
    "danish": "da",
    "norwegian": "no",
    "finnish": "fi",
    "czech": "cs",
    "turkish": "tr",
    "korean": "ko",
    "vietnamese": "vi",
    "indonesian": "id",
    "hebrew": "he",
    "arabic": "ar",
}
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def language_tag(value: str | None) -> str:
    """A BCP 47 tag for a declared language ('English', 'en-GB'); English when unknown."""
    if not value:
        return "en"
    value = value.strip()
    if value.lower() in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[value.lower()]
    return value if _LANGUAGE_TAG.match(value) else "en"
