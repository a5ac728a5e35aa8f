"""Shielding what typography must never touch: markup, code, URLs, addresses, emoticons.

A paragraph's runs are cut at zero-width tokens (tags, comments, emphasis markers), which
vanish for the rules so that context flows across them (`<i>Harry</i>'s`), and atomic tokens
(URLs, code, entities, emoticons, quotes the author already typed) become one placeholder
character each, a non-space the rules cannot change. `unshield` puts everything back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_PLACEHOLDER_BASE = 0xF0000  # Supplementary Private Use Area-A: never in real text

# (name, pattern, reason). Zero-width tokens: invisible to the rules, kept exactly.
MARKUP_ZERO_WIDTH: tuple[tuple[str, str, str], ...] = (
    ("html_comment", r"<!--.*?-->", "comments are not text; their -- must stay"),
    ("html_tag", r"</?[A-Za-z][^<>]*>", "tags and attributes are markup, not prose"),
    (
        "emphasis_marker",
        r"(?<![\w*_])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*_])",
        "*word* and _word_ mark emphasis; quotes must see through them",
    ),
)
# Atomic tokens, in plain text as well as markup: each becomes one opaque character.
ATOMIC: tuple[tuple[str, str, str], ...] = (
    ("code_span", r"(?<!`)`[^`\n]+`(?!`)", "code is quoted verbatim"),
    (
        "url",
        r"\b(?:https?://|ftp://|www\.)[\w\-.~:/?#\[\]@!$&'()*+,;=%]*[\w/#=&%~+\-]",
        "URLs must stay usable",
    ),
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "addresses must stay usable"),
    (
        "emoticon",
        r"(?<!\w)(?:<3+|</3|[:;=8][-'^o]?[)(\]\[dDpPoO0/\\|*3@$]+|\^_*\^|[-oO0xXT>;]_+[-oO0xXT<;]"
        r"|XD|xD)(?![\w])",
        "emoticons and hearts are pictures, not punctuation",
    ),
    ("private_use", "[\U000f0000-\U000ffffd]", "our placeholders must not be forged by input"),
)
TYPED_QUOTES = re.compile("[\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u203a]")
MARKUP_ATOMIC: tuple[tuple[str, str, str], ...] = (
    ("entity", r"&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);", "entities are markup"),
)


def _alternation(table: Sequence[tuple[str, str, str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for _name, pattern, _reason in table), re.S)


_ZERO = _alternation(MARKUP_ZERO_WIDTH)
_ATOMS = _alternation(ATOMIC)
_ATOMS_MARKUP = _alternation(MARKUP_ATOMIC + ATOMIC)


@dataclass
class Shielded:
    """Runs ready for the rules, and how to rebuild the original runs from them."""

    runs: list[str] = field(default_factory=list)
    layout: list[list[int | str]] = field(default_factory=list)  # run index or literal token
    atoms: list[str] = field(default_factory=list)
    spaces: str = ""  # placeholders that stand for white space (&nbsp;), for quote context


def shield(runs: Sequence[str], *, markup: bool) -> Shielded:
    """Cut runs at zero-width tokens (markup only) and replace atomic tokens by placeholders."""
    out = Shielded()
    atoms = _ATOMS_MARKUP if markup else _ATOMS
    for run in runs:
        layout: list[int | str] = []
        # Atoms first: an emoticon like -_- must not be read as emphasis markers.
        run = atoms.sub(lambda m: _placeholder(out, m.group(0)), run)
        pieces = _split_zero_width(run) if markup else [run]
        for index, piece in enumerate(pieces):
            if index % 2:  # odd pieces are the zero-width tokens
                layout.append(piece)
            else:
                layout.append(len(out.runs))
                out.runs.append(piece)
        out.layout.append(layout)
    return out


def shield_typed_quotes(shielded: Shielded) -> None:
    """Turn quotes the author already typed into placeholders: typeset text stays as it is."""
    shielded.runs = [
        TYPED_QUOTES.sub(lambda m: _placeholder(shielded, m.group(0)), run) for run in shielded.runs
    ]


def unshield(shielded: Shielded, runs: Sequence[str]) -> list[str]:
    """Rebuild the original runs from typeset runs, restoring every protected token."""
    result = []
    for layout in shielded.layout:
        parts = [item if isinstance(item, str) else runs[item] for item in layout]
        result.append(_restore("".join(parts), shielded.atoms))
    return result


def _split_zero_width(text: str) -> list[str]:
    pieces, pos = [], 0
    for match in _ZERO.finditer(text):
        pieces.extend([text[pos : match.start()], match.group(0)])
        pos = match.end()
    pieces.append(text[pos:])
    return pieces


def _placeholder(shielded: Shielded, token: str) -> str:
    shielded.atoms.append(token)
    char = chr(_PLACEHOLDER_BASE + len(shielded.atoms) - 1)
    if _SPACE_ENTITY.fullmatch(token):
        shielded.spaces += char
    return char


_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#820[1-3]|#x200[2-9]);")


_PLACEHOLDER = re.compile("[\U000f0000-\U000ffffd]")


def _restore(text: str, atoms: list[str]) -> str:
    if not atoms:
        return text
    return _PLACEHOLDER.sub(lambda m: atoms[ord(m.group(0)) - _PLACEHOLDER_BASE], text)
