"""Errors a user can cause: each carries the file and, where known, the line."""

from __future__ import annotations


class BookmakerError(Exception):
    """A problem with the user's input or options, reported as one line."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SourceError(BookmakerError):
    """A source file cannot be read as a story (empty, binary, undecodable, too large)."""


class OptionError(BookmakerError):
    """A command-line option or manifest setting is invalid."""
