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
from bookmaker.model import TypographyOptions
from bookmaker.readers.decode import decode_source
from bookmaker.typeset import typeset_jsonl, typeset_plain
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
    _typography_options(build_cmd)
    build_cmd.set_defaults(run=_run_build)

    inspect_cmd = commands.add_parser("inspect", help="show what was detected in a source")
    inspect_cmd.add_argument("source", type=Path, metavar="SOURCE")
    inspect_cmd.add_argument("--json", action="store_true", help="print stable JSON")
    _typography_options(inspect_cmd)
    inspect_cmd.set_defaults(run=_run_inspect)

    typeset_cmd = commands.add_parser(
        "typeset", help="typeset text from standard input (paragraphs split by blank lines)"
    )
    typeset_cmd.add_argument(
        "--jsonl",
        action="store_true",
        help='batch form: {"id", "input"} lines in, {"id", "output"} out',
    )
    _typography_options(typeset_cmd)
    typeset_cmd.add_argument(
        "--lang",
        default="en",
        metavar="TAG",
        help="language of the text, for --quotes auto (default: en)",
    )
    typeset_cmd.set_defaults(run=_run_typeset)
    return parser


def _typography_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--quotes",
        choices=["auto", "english", "british", "german", "french"],
        default="auto",
        help="quote style (default: from the language)",
    )
    command.add_argument(
        "--dashes",
        choices=["closed", "spaced"],
        default="closed",
        help="closed: word\u2014word; spaced: keep the author's spaces",
    )


def _options(args: argparse.Namespace) -> TypographyOptions:
    return TypographyOptions(quotes=args.quotes, dashes=args.dashes)


def _run_build(args: argparse.Namespace) -> int:
    written = build(
        args.sources,
        args.output,
        anthology=args.anthology,
        editors=args.editor,
        typography=_options(args),
    )
    for path in written:
        print(f"wrote {path}")
    return 0


def _run_typeset(args: argparse.Namespace) -> int:
    data = sys.stdin.buffer.read()
    if not data.strip():
        return 0
    text = decode_source(data, name="<stdin>").text
    if args.jsonl:
        for line in typeset_jsonl(text.splitlines(), _options(args), language=args.lang):
            print(line)
    else:
        sys.stdout.write(typeset_plain(text, _options(args), language=args.lang))
    return 0


def _run_inspect(args: argparse.Namespace) -> int:
    story = load_book([args.source], typography=_options(args)).stories[0]
    if args.json:
        print(json.dumps(story_json(story), ensure_ascii=False, indent=2))
    else:
        print(story_report(story))
    return 0
