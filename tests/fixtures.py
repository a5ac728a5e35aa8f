"""Reading fixture tables: blocks of `< input` / `> expected` lines under a `# reason`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Case:
    """One fixture case: input, expected output, the reason it exists, where it is."""

    input: str
    expected: str
    reason: str
    line: int
    options: dict[str, str]


def load_cases(name: str) -> list:
    """Parse a fixture table into pytest params whose ids carry the file and line number."""
    cases, reason = [], ""
    options: dict[str, str] = {}
    pending: tuple[str, int] | None = None
    path = FIXTURES / name
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith("#"):
            reason = raw.lstrip("# ").strip()
        elif raw.startswith("@ "):
            settings = raw[2:].split()
            options = {} if settings == ["default"] else dict(s.split("=", 1) for s in settings)
        elif raw.startswith("< "):
            pending = (raw[2:], number)
        elif raw.startswith("> ") or raw == ">":
            assert pending is not None, f"{name}:{number}: '>' without '<'"
            text, line = pending
            cases.append(Case(_unescape(text), _unescape(raw[2:]), reason, line, dict(options)))
            pending = None
        elif raw.strip():
            raise AssertionError(f"{name}:{number}: a line must start with #, < or >")
    assert pending is None, f"{name}: the last input has no expected line"
    return [pytest.param(case, id=f"{name}:{case.line}") for case in cases]


def _unescape(text: str) -> str:
    """`\\n` stands for a line break, `\\s` for a trailing space, `\\u00a0` for a no-break space."""
    return text.replace("\\n", "\n").replace("\\s", " ").replace("\\u00a0", "\u00a0")
