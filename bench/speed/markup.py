"""Row 6b: hostile HTML through the door (``door.read``: decoded, checked, rendered), time per character at 25k and 100k.

Each shape is markup built to find a quadratic step in the reader: elements
left open inside an unshown one (``<template>`` then 16,000 ``<a>`` and
12,000 ``</b>``, scaled to the length), thousands of open ``<a>``, stray
end tags, stray ``<``. Linear time is a ratio near 1 between the lengths.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

from bench.common.progress import log
from bench.common.stats import timed
from service.intake import door
from service.intake.door import Form, Sent
from service.intake.problems import ProblemError

HTML_LENGTHS = (25_000, 100_000)
SHAPES: dict[str, Callable[[int], str]] = {
    "template, 16k <a>, 12k </b>": lambda n: "<template>" + "<a>" * (16 * n // 100) + "</b>" * (12 * n // 100),
    "<a>x open": lambda n: "<p>" + "<a>x" * (n // 4),
    "</b> stray": lambda n: "<p>x" + "</b>" * (n // 4),
    "< stray": lambda n: "<p>x" + "<" * n,
    "nested <div><span>": lambda n: "<div><span>x " * (n // 14),
}


def markup_section(repeat: int) -> dict[str, Any]:
    """Each shape's CPU time per character at each of ``HTML_LENGTHS``, and the ratio of the longest to the shortest."""
    shapes: dict[str, Any] = {}
    for name, build in SHAPES.items():
        per_char = {}
        for length in HTML_LENGTHS:
            html = build(length)
            log(f"HTML {name!r}, {len(html):,} characters, {repeat} repetition(s)")
            runs = [timed(lambda: _read(html)) for _ in range(repeat)]
            per_char[str(length)] = statistics.median(run.cpu_seconds for run in runs) / len(html) * 1e6
        shortest, longest = (per_char[str(length)] for length in (HTML_LENGTHS[0], HTML_LENGTHS[-1]))
        shapes[name] = {"us_per_char": per_char, "ratio": longest / shortest if shortest else None}
    return {"shapes": shapes}


def _read(html: str) -> None:
    try:
        door.read(Sent(html, Form.HTML, "html"), max_chars=len(html))
    except ProblemError:
        pass  # a page that shows no text is refused: its reading is what is timed
