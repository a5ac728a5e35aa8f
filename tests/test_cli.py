"""The command line as a user meets it: build, inspect, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SEEDS

STREAM = SEEDS / "a-stream-of-silent-love.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bookmaker", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=300,
    )


def test_inspect_json_has_the_stable_shape():
    proc = run("inspect", "--json", str(STREAM))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"title", "authors", "metadata", "notes", "chapters"}
    assert data["title"] is None and data["authors"] == [] and data["metadata"] == {}
    assert data["notes"] == []
    (chapter,) = data["chapters"]
    assert set(chapter) == {"title", "notes_before", "notes_after", "blocks"}
    assert chapter["title"] == "A Stream of Silent Love, No Longer a River of Blood"
    assert chapter["notes_before"] == [
        "Just some quick thoughts, still working on my other story, A Second Chance at Life, "
        "should have next chapter out for that this week, by Sunday at least."
    ]
    assert chapter["notes_after"] == [
        "Unbeta\u2019d and I\u2019m probably going to add more to this later. Wanted to share "
        "it now since it was mostly complete."
    ]
    kinds = {block["kind"] for block in chapter["blocks"]}
    assert kinds == {"paragraph"}
    assert chapter["blocks"][0]["text"].startswith("Spike stood on the streets of San Francisco")
    assert chapter["blocks"][-1]["text"].endswith("He had to get to work.")
    assert len(chapter["blocks"]) == 13


def test_inspect_text_reports_encoding_notes_and_reasons():
    proc = run("inspect", str(STREAM))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "encoding: utf-8" in out
    assert "note before, line 5:" in out and "note after, line 53:" in out
    assert "glued to the first sentence" in out and "glued to the last sentence" in out
    assert "1. Chapter 1: A Stream of Silent Love" in out


def test_build_writes_one_epub_per_source(tmp_path):
    proc = run("build", *(str(p) for p in sorted(SEEDS.glob("*.txt"))), "-o", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a-stream-of-silent-love.epub",
        "coming-for-her.epub",
    ]


def test_build_defaults_to_the_build_folder(tmp_path):
    source = tmp_path / "tale.txt"
    source.write_text("Title: Tale\n\nOnce upon a time.\n", encoding="utf-8")
    proc = run("build", "tale.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "build" / "tale.epub").is_file()


def test_anthology(tmp_path):
    proc = run(
        "build",
        *(str(p) for p in sorted(SEEDS.glob("*.txt"))),
        "--anthology",
        "Best of Spike",
        "--editor",
        "Ed One",
        "--editor",
        "Ed Two",
        "-o",
        str(tmp_path),
    )
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["best-of-spike.epub"]


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"GIF89a\x01\x00\x01\x00\x00\xff\x00,",
    "undecodable.txt": b"Hello\n" + bytes(range(0x80, 0x100)) * 20,
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line_and_no_output(tmp_path, name):
    source = tmp_path / name
    source.write_bytes(BAD_INPUTS[name])
    good = STREAM
    out = tmp_path / "out"
    proc = run("build", str(good), str(source), "-o", str(out))
    assert proc.returncode == 1
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"bookmaker: error: {source}")
    assert "Traceback" not in proc.stderr
    assert not out.exists() or not any(out.iterdir())  # not even the good source's book


def test_missing_file_and_unknown_format(tmp_path):
    proc = run("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path))
    assert proc.returncode == 1 and "nope.txt: no such file" in proc.stderr
    odd = tmp_path / "story.docx"
    odd.write_bytes(b"PK\x03\x04")
    proc = run("inspect", str(odd))
    assert proc.returncode == 1 and "unsupported source format '.docx'" in proc.stderr


def test_editor_without_anthology_is_refused(tmp_path):
    proc = run("build", str(STREAM), "--editor", "X", "-o", str(tmp_path))
    assert proc.returncode == 1 and "--editor only applies to an anthology" in proc.stderr


def test_existing_book_is_replaced_whole_or_not_at_all(tmp_path):
    assert run("build", str(STREAM), "-o", str(tmp_path)).returncode == 0
    book = tmp_path / "a-stream-of-silent-love.epub"
    before = book.read_bytes()
    bad = tmp_path / "a-stream-of-silent-love"
    bad.mkdir()
    proc = run("build", str(bad / "a-stream-of-silent-love.txt"), "-o", str(tmp_path))
    assert proc.returncode == 1
    assert book.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def run_stdin(args: list[str], data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bookmaker", *args],
        input=data,
        capture_output=True,
        check=False,
        timeout=120,
    )


def test_typeset_keeps_the_shape_of_the_text():
    text = (
        "\"Hello,\" he said -- it's the '90s...\n\n"
        "***\n\n\n"
        "<i>Harry</i>'s *wand*... see http://x.com/a--b\n"
        "second line of the same paragraph.\n"
    )
    proc = run_stdin(["typeset"], text.encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == (
        "\u201cHello,\u201d he said\u2014it\u2019s the \u201990s\u2026\n\n"
        '<hr class="scene-break"/>\n\n\n'
        "<i>Harry</i>\u2019s *wand*\u2026 see http://x.com/a--b\n"
        "second line of the same paragraph.\n"
    )


def test_typeset_jsonl_batch():
    lines = [
        json.dumps({"id": 1, "input": '"Hi" -- \'em'}),
        json.dumps({"id": "b", "input": "Wait..."}),
    ]
    proc = run_stdin(["typeset", "--jsonl", "--quotes", "british"], "\n".join(lines).encode())
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert out == [
        {"id": 1, "output": "\u2018Hi\u2019\u2014\u2019em"},
        {"id": "b", "output": "Wait\u2026"},
    ]


def test_typeset_jsonl_bad_line_names_the_line():
    proc = run_stdin(["typeset", "--jsonl"], b'{"id": 1, "input": "ok"}\n{bad\n')
    assert proc.returncode == 1
    assert proc.stderr.decode().strip().startswith("bookmaker: error: <stdin>:2: not valid JSON")


def test_typeset_language_and_dash_options():
    proc = run_stdin(["typeset", "--lang", "de", "--dashes", "spaced"], b'"Ja" -- sagte sie.')
    assert proc.stdout.decode() == "\u201eJa\u201c\u00a0\u2014 sagte sie."


def test_typeset_empty_input_gives_empty_output():
    proc = run_stdin(["typeset"], b"")
    assert proc.returncode == 0 and proc.stdout == b""


def test_build_with_british_quotes(tmp_path):
    source = tmp_path / "brit.txt"
    source.write_text('Title: Brit\n\n"Hello," said Mr Weasley.\n', encoding="utf-8")
    proc = run("build", str(source), "--quotes", "british", "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    with zipfile.ZipFile(tmp_path / "out" / "brit.epub") as book:
        chapter = book.read("EPUB/chapter-001.xhtml").decode()
    assert "\u2018Hello,\u2019 said Mr\u00a0Weasley." in chapter
    proc = run("inspect", "--json", "--quotes", "british", str(source))
    first = json.loads(proc.stdout)["chapters"][0]["blocks"][0]["text"]
    assert first == "\u2018Hello,\u2019 said Mr\u00a0Weasley."
    proc = run("inspect", "--json", str(source))
    first = json.loads(proc.stdout)["chapters"][0]["blocks"][0]["text"]
    assert first == "\u201cHello,\u201d said Mr\u00a0Weasley."
