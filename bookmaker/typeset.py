"""`bookmaker typeset`: the typography engine on plain text, as a filter and in batches."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from bookmaker.errors import SourceError
from bookmaker.model import TypographyOptions
from bookmaker.transforms.segment import is_scene_break
from bookmaker.transforms.typography import typeset_text

SCENE_BREAK = '<hr class="scene-break"/>'
_PARAGRAPH_GAP = re.compile(r"(\n[ \t\u00a0]*\n\s*)")


def typeset_plain(text: str, options: TypographyOptions, *, language: str = "en") -> str:
    """Typeset text whose paragraphs are separated by blank lines, keeping its shape."""
    pieces = _PARAGRAPH_GAP.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2 or not piece.strip():  # separators and blank stretches stay as they are
            out.append(piece)
        elif "\n" not in piece.strip() and is_scene_break(piece):
            out.append(SCENE_BREAK)
        else:
            out.append(typeset_text(piece, options, language=language, markup=True))
    return "".join(out)


def typeset_jsonl(
    lines: Iterable[str], options: TypographyOptions, *, language: str = "en", name: str = "<stdin>"
) -> Iterator[str]:
    """Typeset `{"id": …, "input": "…"}` lines into `{"id": …, "output": "…"}` lines."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SourceError(f"not valid JSON ({exc.msg})", file=name, line=number) from exc
        if not isinstance(record, dict) or not isinstance(record.get("input"), str):
            raise SourceError(
                'each line must be an object with a string "input"', file=name, line=number
            )
        output = typeset_plain(record["input"], options, language=language)
        yield json.dumps({"id": record.get("id"), "output": output}, ensure_ascii=False)
