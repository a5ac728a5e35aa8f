"""Text split into runs (one per inline node) that regex rules can rewrite as one string.

A paragraph like `*Harry*'s` is two runs, `Harry` and `'s`; a rule must see them together to
know the apostrophe follows a letter, yet its result must land back in the right run. Each
replacement goes to the run that holds the first character of its match.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

Replacement = str | Callable[[re.Match[str]], str]


def sub_runs(pattern: re.Pattern[str], repl: Replacement, runs: Sequence[str]) -> list[str]:
    """Apply `pattern.sub(repl, …)` to the joined runs and split the result back into runs."""
    joined = "".join(runs)
    if len(runs) == 1:
        return [pattern.sub(repl, joined)]
    starts, offset = [], 0
    for run in runs:
        starts.append(offset)
        offset += len(run)
    out: list[list[str]] = [[] for _ in runs]

    def owner(index: int) -> int:
        # The last run starting at or before `index` is the non-empty one holding it.
        return max(0, bisect.bisect_right(starts, index) - 1)

    def copy(begin: int, end: int) -> None:
        while begin < end:
            run = owner(begin)
            stop = min(end, starts[run] + len(runs[run]))
            out[run].append(joined[begin:stop])
            begin = stop

    pos = 0
    for match in pattern.finditer(joined):
        copy(pos, match.start())
        text = repl(match) if callable(repl) else match.expand(repl)
        begin = match.start()
        # An insertion (empty match) joins the text before it; a replacement, its first character.
        target = owner(begin - 1) if begin == match.end() and begin > 0 else owner(begin)
        out[target].append(text)
        pos = match.end()
    copy(pos, len(joined))
    return ["".join(parts) for parts in out]
