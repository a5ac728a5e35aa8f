"""Throughput of the typography stage, in words per second, against references.

Run: .venv/bin/python bench/typography.py [--words 500000] [--repeat 5]

Figures are medians of several runs and ratios against references measured in the same
run, because the machines are shared and noisy:
- smartypants alone on the same paragraphs (the library our engine wraps);
- the whole build of the seeds (read, transform, write EPUB), to show typography's share.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import smartypants

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bookmaker.build import load_book, transform  # noqa: E402
from bookmaker.inlines import count_words, paragraph_text  # noqa: E402
from bookmaker.model import Book  # noqa: E402
from bookmaker.readers import read_source  # noqa: E402
from bookmaker.transforms.typography import typeset_text  # noqa: E402
from bookmaker.writers.epub import write_epub  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = ROOT / "tests" / "fixtures" / "typography.txt"


def seed_paragraphs() -> list[str]:
    """Raw (untypeset) paragraphs of the seeds, as the reader produces them."""
    paragraphs = []
    for path in SEEDS:
        story = read_source(path)
        paragraphs += [paragraph_text(b) for c in story.chapters for b in c.blocks]
    return [p.replace("\n", " ") for p in paragraphs if p.strip()]


def generated_paragraphs(words: int) -> list[str]:
    """A deterministic text of about `words` words: seed prose mixed with fixture inputs."""
    base = seed_paragraphs()
    base += [line[2:] for line in FIXTURES.read_text("utf-8").splitlines() if line.startswith("< ")]
    out, total, index = [], 0, 0
    while total < words:
        paragraph = base[index % len(base)]
        out.append(paragraph)
        total += count_words(paragraph)
        index += 1
    return out


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(name: str, paragraphs: list[str], repeat: int) -> None:
    words = sum(count_words(p) for p in paragraphs)
    ours = median_seconds(lambda: [typeset_text(p) for p in paragraphs], repeat)
    attrs = smartypants.Attr.q | smartypants.Attr.u
    base = median_seconds(lambda: [smartypants.smartypants(p, attrs) for p in paragraphs], repeat)
    print(
        f"{name:<22} {words:>9,} words  {words / ours:>12,.0f} words/s  "
        f"{ours / base:>6.2f}x smartypants alone"
    )


def build_share(repeat: int) -> None:
    """Typography's share of a whole seed build (read + all transforms + EPUB)."""

    def whole() -> None:
        for path in SEEDS:
            write_epub(load_book([path]))

    stories = tuple(read_source(path) for path in SEEDS)
    book = transform(Book(stories=stories))
    paragraphs = [paragraph_text(b) for s in book.stories for c in s.chapters for b in c.blocks]
    total = median_seconds(whole, repeat)
    typo = median_seconds(lambda: [typeset_text(p) for p in paragraphs], repeat)
    print(
        f"{'seed build':<22} {total * 1000:>9.1f} ms total; typography "
        f"{typo * 1000:.1f} ms = {typo / total:.0%} of the build"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    measure("seeds", seed_paragraphs(), args.repeat)
    measure(
        f"generated {args.words // 1000}k",
        generated_paragraphs(args.words),
        max(1, args.repeat // 2),
    )
    build_share(args.repeat)


if __name__ == "__main__":
    main()
