"""Rule tables: a named pattern, its replacement and the reason it exists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bookmaker.transforms.segmented import Replacement, sub_runs


@dataclass(frozen=True)
class Rule:
    """One rule of an ordered table: what it matches, what replaces it, and why."""

    name: str
    pattern: re.Pattern[str]
    replacement: Replacement
    reason: str
    within_runs: bool = False  # True: never match across a run boundary (markup, emphasis)
    needs: tuple[str, ...] = ()  # the rule can only match if one of these occurs (a fast skip)


def rule(
    name: str,
    pattern: str,
    replacement: Replacement,
    reason: str,
    flags: int = 0,
    *,
    within_runs: bool = False,
    needs: str | tuple[str, ...] = (),
) -> Rule:
    """Build a rule from a regular expression; `needs` lists strings one of which it requires."""
    needs = (needs,) if isinstance(needs, str) else needs
    return Rule(name, re.compile(pattern, flags), replacement, reason, within_runs, needs)


def apply_rules(rules: Sequence[Rule], runs: list[str]) -> list[str]:
    """Apply each rule in order to the runs of one paragraph."""
    for item in rules:
        if item.needs:
            joined = "".join(runs)
            if not any(needed in joined for needed in item.needs):
                continue
        if item.within_runs:
            runs = [item.pattern.sub(item.replacement, run) for run in runs]
        else:
            runs = sub_runs(item.pattern, item.replacement, runs)
    return runs
