"""Golden files for the seeds: the document after transforms, and the EPUB's files.

Regenerate with `pytest --update-golden` and read the diff before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEED_FILES, epub_files

from bookmaker.build import load_book

GOLDEN = Path(__file__).parent / "golden"
# Volatile in the package file: the library version ebooklib writes as the generator.
_VOLATILE = ((re.compile(rb'content="Ebook-lib [^"]*"'), b'content="Ebook-lib (version)"'),)


def dump(value: object) -> object:
    """A JSON-ready dump of the model that names each node's type."""
    if dataclasses.is_dataclass(value):
        fields = {f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": type(value).__name__, **fields}
    if isinstance(value, tuple | list):
        return [dump(item) for item in value]
    return value


def _compare(path: Path, actual: bytes, update: bool) -> None:
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.is_file(), f"missing golden file {path}; run pytest --update-golden"
    expected = path.read_bytes()
    assert actual.decode() == expected.decode(), f"{path} differs from the output"


@pytest.mark.parametrize("source", SEED_FILES, ids=lambda p: p.stem)
def test_document_after_transforms(source, update_golden, monkeypatch):
    monkeypatch.chdir(ROOT)  # sources are named as a user in the checkout would name them
    story = load_book([source.relative_to(ROOT)]).stories[0]
    text = json.dumps(dump(story), ensure_ascii=False, indent=1) + "\n"
    _compare(GOLDEN / source.stem / "book.json", text.encode(), update_golden)


@pytest.mark.parametrize("name", ["a-stream-of-silent-love", "coming-for-her", "seed-stories"])
def test_epub_files(name, seed_books, update_golden):
    files = epub_files(seed_books[name])
    folder = GOLDEN / name / "epub"
    expected = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    if not update_golden:
        assert set(files) == expected | {"mimetype"}
    for inner, data in files.items():
        if inner == "mimetype":
            continue
        for pattern, replacement in _VOLATILE:
            data = pattern.sub(replacement, data)
        _compare(folder / inner, data, update_golden)
