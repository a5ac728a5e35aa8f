"""bookmaker: compile fan fiction sources into books."""

__version__ = "0.1.0"
