"""Finding the shipped `templates/` and `styles/` folders, in a wheel or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the folder `templates` or `styles`: inside the installed package, else beside it.

    A wheel carries them as `bookmaker/templates`; an editable install or a checkout keeps
    them at the top of the project, next to the package.
    """
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bookmaker is installed without its {name}/ folder")


def read_style(filename: str) -> str:
    """Return the text of a stylesheet from `styles/`."""
    return (resource_dir("styles") / filename).read_text(encoding="utf-8")
