"""The one Jinja2 environment: autoescaping always on, undefined names an error."""

from __future__ import annotations

from functools import cache

import jinja2

from bookmaker.resources import resource_dir


@cache
def environment() -> jinja2.Environment:
    """Return the shared environment loading from `templates/`."""
    # autoescape=True, not select_autoescape: names like page.xhtml.j2 would not match it.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_dir("templates"))),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(template: str, **context: object) -> str:
    """Render a template from `templates/` with the given context."""
    return environment().get_template(template).render(**context)
