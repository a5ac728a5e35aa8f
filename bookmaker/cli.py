"""Command line: argument parsing and messages only; the work is done in build.py."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bookmaker import __version__
from bookmaker.build import build, load_book
from bookmaker.errors import BookmakerError
from bookmaker.writers.summary import story_json, story_report


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BookmakerError as error:
        print(f"bookmaker: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug, not the user's fault: still one line, no traceback
        if os.environ.get("BOOKMAKER_DEBUG"):
            raise
        print(
            f"bookmaker: internal error: {type(error).__name__}: {error} "
            "(set BOOKMAKER_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bookmaker", description="Compile fan fiction sources into books."
    )
    parser.add_argument("--version", action="version", version=f"bookmaker {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_cmd = commands.add_parser("build", help="build EPUB books from story sources")
    build_cmd.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    build_cmd.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("build"),
        metavar="DIR",
        help="output folder (default: build)",
    )
    build_cmd.add_argument(
        "--anthology", metavar="TITLE", help="build one anthology of all sources with this title"
    )
    build_cmd.add_argument(
        "--editor",
        action="append",
        default=[],
        metavar="NAME",
        help="anthology editor (repeat for several)",
    )
    build_cmd.set_defaults(run=_run_build)

    inspect_cmd = commands.add_parser("inspect", help="show what was detected in a source")
    inspect_cmd.add_argument("source", type=Path, metavar="SOURCE")
    inspect_cmd.add_argument("--json", action="store_true", help="print stable JSON")
    inspect_cmd.set_defaults(run=_run_inspect)
    return parser


def _run_build(args: argparse.Namespace) -> int:
    written = build(args.sources, args.output, anthology=args.anthology, editors=args.editor)
    for path in written:
        print(f"wrote {path}")
    return 0


def _run_inspect(args: argparse.Namespace) -> int:
    story = load_book([args.source]).stories[0]
    if args.json:
        print(json.dumps(story_json(story), ensure_ascii=False, indent=2))
    else:
        print(story_report(story))
    return 0
