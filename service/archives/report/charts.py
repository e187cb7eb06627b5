"""The report's charts as inline SVG, drawn here: no script, no font, nothing fetched.

Three shapes cover every figure: ``bars`` (one horizontal bar a value: the
kinds of sources, pronouns, quotes per article, the most quoted),
``stacked`` (one bar a group, split by share: the kinds of sources per
outlet) and ``lines`` (values over time, spaced as time is: the share of
quotes on unnamed sources per month). Each is built with ElementTree, which
escapes whatever an article's names hold, and is an ``img`` to assistive
technology, named by its ``<title>``; each bar and point has its own
``<title>`` with its figure, shown on hover. The HTML puts a table of the
same figures beside each chart. Colours come from the page's style by class
(``fill-<key>``), so that one palette serves every chart.
"""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 640
"""Every chart's width in CSS pixels; the page scales it down on a narrow screen."""
BAR = 22
GAP = 8
LABEL_CHARS = 28
"""Longer labels are cut with an ellipsis (the whole label is in the bar's title)."""
CHAR_WIDTH = 7.8
"""About how wide a character of the page's 13 px labels is, to leave room for the labels."""
VALUE_ROOM = 86
"""Room right of the longest bar for its figure."""
LINE_HEIGHT = 240
AXIS_ROOM = 36
TICKS = 4
ids = itertools.count(1)
"""Ids for the charts' titles, unique within a page."""


@dataclass(frozen=True)
class Item:
    """One bar: its label, its value, how its value reads, and the key of its colour."""

    label: str
    value: float
    shown: str
    key: str = "bar"


@dataclass(frozen=True)
class Series:
    """One line over time: its name, colour key, and its points (x in periods, y, how y reads, the period's label)."""

    name: str
    key: str
    points: Sequence[tuple[int, float, str, str]]


def bars(title: str, items: Sequence[Item]) -> Markup:
    """A horizontal bar per item, longest for the largest value, its figure at its end."""
    label_room = _label_room(item.label for item in items)
    height = len(items) * (BAR + GAP) + GAP
    svg, _ = _svg(title, height)
    top = max((item.value for item in items), default=0) or 1
    room = WIDTH - label_room - VALUE_ROOM
    for n, item in enumerate(items):
        y = GAP + n * (BAR + GAP)
        group = ET.SubElement(svg, "g", {"class": "bar"})
        ET.SubElement(group, "title").text = f"{item.label}: {item.shown}"
        _text(group, label_room - 8, y + BAR / 2, _cut(item.label), "label", anchor="end")
        width = room * item.value / top
        ET.SubElement(group, "rect", {"x": _n(label_room), "y": _n(y), "width": _n(max(width, 0)), "height": str(BAR), "class": f"fill-{item.key}"})
        _text(group, label_room + width + 6, y + BAR / 2, item.shown, "value")
    return _markup(svg)


def stacked(title: str, rows: Sequence[tuple[str, Sequence[Item]]], keys: Sequence[tuple[str, str]]) -> Markup:
    """A bar per row split into its items' shares of the row's total, with a legend of ``keys`` (key, label)."""
    label_room = _label_room(label for label, _ in rows)
    legend = _legend_height(label_room, keys)
    height = legend + len(rows) * (BAR + GAP) + GAP
    svg, _ = _svg(title, height)
    _legend(svg, label_room, keys)
    room = WIDTH - label_room - 16
    for n, (label, items) in enumerate(rows):
        y = legend + GAP + n * (BAR + GAP)
        total = sum(item.value for item in items)
        _text(svg, label_room - 8, y + BAR / 2, _cut(label), "label", anchor="end")
        x = float(label_room)
        for item in items:
            if not item.value:
                continue
            width = room * item.value / total
            part = ET.SubElement(svg, "g", {"class": "bar"})
            ET.SubElement(part, "title").text = f"{label}, {item.label}: {item.shown}"
            ET.SubElement(part, "rect", {"x": _n(x), "y": _n(y), "width": _n(width), "height": str(BAR), "class": f"fill-{item.key}"})
            x += width
    return _markup(svg)


def lines(title: str, series: Sequence[Series], percent: bool = False) -> Markup:
    """Lines over time, x spaced by period (a gap in the periods is a gap in the line), y from 0."""
    points = [point for line in series for point in line.points]
    keys = [(line.key, line.name) for line in series]
    legend = _legend_height(56, keys)
    svg, _ = _svg(title, LINE_HEIGHT + legend)
    _legend(svg, 56, keys)
    if not points:
        return _markup(svg)
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    high = max(max(p[1] for p in points), 1e-9)
    top = 1.0 if percent else _nice(high / TICKS) * TICKS
    left, right, bottom, ceiling = 56.0, WIDTH - 16.0, legend + LINE_HEIGHT - AXIS_ROOM, legend + 12.0

    def at(x: int, y: float) -> tuple[float, float]:
        across = left + (right - left) * ((x - first) / (last - first) if last > first else 0.5)
        return across, bottom - (bottom - ceiling) * y / top

    for tick in range(TICKS + 1):
        value = top * tick / TICKS
        _, y = at(first, value)
        ET.SubElement(svg, "line", {"x1": _n(left), "x2": _n(right), "y1": _n(y), "y2": _n(y), "class": "grid"})
        _text(svg, left - 6, y, f"{value:.0%}" if percent else f"{value:g}", "axis", anchor="end")
    ends = sorted({(p[0], p[3]) for p in points})
    for x, label in (ends[0], ends[-1]) if len(ends) > 1 else ends:
        across, _ = at(x, 0)
        _text(svg, across, bottom + 16, label, "axis", anchor="middle" if len(ends) == 1 else "start" if x == first else "end")
    for line in series:
        _line(svg, line, at)
    return _markup(svg)


def _line(svg: ET.Element, line: Series, at: Callable[[int, float], tuple[float, float]]) -> None:
    """A series as runs of consecutive periods (a missing period breaks the line), and a dot a point."""
    ordered = sorted(line.points)
    runs: list[list[tuple[int, float, str, str]]] = []
    for point in ordered:
        if runs and point[0] == runs[-1][-1][0] + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    for run in runs:
        if len(run) > 1:
            ET.SubElement(svg, "polyline", {"points": " ".join(f"{_n(x)},{_n(y)}" for x, y in (at(p[0], p[1]) for p in run)), "class": f"stroke-{line.key}"})
    for x, y, shown, label in ordered:
        across, down = at(x, y)
        dot = ET.SubElement(svg, "g", {"class": "point"})
        ET.SubElement(dot, "title").text = f"{label}, {line.name}: {shown}"
        ET.SubElement(dot, "circle", {"cx": _n(across), "cy": _n(down), "r": "3.5", "class": f"fill-{line.key}"})


def _svg(title: str, height: float) -> tuple[ET.Element, str]:
    title_id = f"chart-{next(ids)}"
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "chart",
            "role": "img",
            "aria-labelledby": title_id,
            "viewBox": f"0 0 {WIDTH} {_n(height)}",
            "width": str(WIDTH),
            "height": _n(height),
        },
    )
    ET.SubElement(svg, "title", {"id": title_id}).text = title
    return svg, title_id


LEGEND_ROW = 22


def _legend_places(x: float, keys: Sequence[tuple[str, str]]) -> list[tuple[float, float]]:
    """Where each key of a legend goes: in rows from ``x``, a new row where the chart's width ends."""
    places, left, y = [], x, 6.0
    for _, label in keys:
        width = 16 + len(label) * CHAR_WIDTH + 18
        if left + width > WIDTH and left > x:
            left, y = x, y + LEGEND_ROW
        places.append((left, y))
        left += width
    return places


def _legend_height(x: float, keys: Sequence[tuple[str, str]]) -> float:
    return max((y for _, y in _legend_places(x, keys)), default=6.0) + LEGEND_ROW


def _legend(svg: ET.Element, x: float, keys: Sequence[tuple[str, str]]) -> None:
    for (key, label), (left, y) in zip(keys, _legend_places(x, keys)):
        ET.SubElement(svg, "rect", {"x": _n(left), "y": _n(y), "width": "12", "height": "12", "class": f"fill-{key}"})
        _text(svg, left + 16, y + 6, label, "legend")


def _text(parent: ET.Element, x: float, y: float, text: str, kind: str, anchor: str = "start") -> None:
    ET.SubElement(parent, "text", {"x": _n(x), "y": _n(y), "class": kind, "text-anchor": anchor, "dominant-baseline": "central"}).text = text


def _label_room(labels: Iterable[str]) -> int:
    """Room left of the bars for the longest label (cut at ``LABEL_CHARS``)."""
    longest = max((min(len(label), LABEL_CHARS) for label in labels), default=4)
    return int(longest * CHAR_WIDTH) + 16


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _nice(value: float) -> float:
    """A round number at or above ``value``, for the step between an axis's ticks: 4.7 -> 5, 0.37 -> 0.4, 130 -> 150."""
    magnitude = 10.0 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * magnitude >= value)


def _n(value: float) -> str:
    """A coordinate, short: 12.0 -> "12", 12.345 -> "12.3"."""
    return f"{value:.1f}".removesuffix(".0")


def _markup(svg: ET.Element) -> Markup:
    return Markup(ET.tostring(svg, encoding="unicode"))
