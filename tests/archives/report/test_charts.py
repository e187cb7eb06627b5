"""The report's charts (service/archives/report/charts.py): inline SVG, escaped, one mark per figure."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from service.archives.report.charts import WIDTH, Item, Series, _nice, bars, lines, stacked

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script> & “quotes”'


def parsed(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def test_bars_draw_a_bar_and_a_figure_an_item_longest_for_the_largest() -> None:
    svg = parsed(bars("Sources by kind", [Item("named people", 30, "30", "person"), Item("groups", 10, "10", "group"), Item("none", 0, "0")]))
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "Sources by kind"  # type: ignore[union-attr]
    assert svg.get("aria-labelledby") == svg.find(f"{SVG}title").get("id")  # type: ignore[union-attr]
    rects = svg.findall(f".//{SVG}rect")
    widths = [float(rect.get("width") or 0) for rect in rects]
    assert len(rects) == 3 and widths[0] == pytest.approx(3 * widths[1], abs=0.2) and widths[2] == 0
    assert [rect.get("class") for rect in rects] == ["fill-person", "fill-group", "fill-bar"]
    assert [title.text for title in svg.findall(f".//{SVG}g/{SVG}title")] == ["named people: 30", "groups: 10", "none: 0"]
    assert max(float(rect.get("x") or 0) + width for rect, width in zip(rects, widths)) <= WIDTH


def test_a_label_from_an_article_is_text_never_markup() -> None:
    markup = bars(HOSTILE, [Item(HOSTILE, 1, "1")]) + stacked(HOSTILE, [(HOSTILE, [Item(HOSTILE, 1, "1")])], [("bar", HOSTILE)])
    assert "<script" not in markup and "&lt;script&gt;" in markup
    labels = [text.text for text in parsed(bars("t", [Item(HOSTILE, 1, "1")])).iter(f"{SVG}text")]
    assert labels[0] == HOSTILE[:27] + "…"  # cut, with the whole label in the bar's title


def test_a_stacked_bar_splits_its_row_by_share_and_skips_what_is_nothing() -> None:
    svg = parsed(stacked("By outlet", [("Post", [Item("a", 1, "1", "person"), Item("b", 0, "0"), Item("c", 3, "3", "group")])], [("person", "a"), ("group", "c")]))
    bar_rects = [rect for rect in svg.iter(f"{SVG}rect") if float(rect.get("height") or 0) > 12]
    assert [rect.get("class") for rect in bar_rects] == ["fill-person", "fill-group"]
    assert float(bar_rects[1].get("width") or 0) == pytest.approx(3 * float(bar_rects[0].get("width") or 0), abs=0.3)


def test_a_long_legend_wraps_inside_the_chart() -> None:
    keys = [(f"k{n}", f"a rather long legend label {n}") for n in range(8)]
    svg = parsed(stacked("t", [("row", [Item("a", 1, "1", "k0")])], keys))
    legend = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("width") == "12"]
    assert len({rect.get("y") for rect in legend}) > 1
    assert all(float(rect.get("x") or 0) + 12 <= WIDTH for rect in legend)


def test_a_line_breaks_where_a_period_is_missing_and_keeps_a_dot_for_each_point() -> None:
    points = [(1, 0.1, "10%", "2019-01"), (2, 0.2, "20%", "2019-02"), (4, 0.4, "40%", "2019-04"), (5, 0.1, "10%", "2019-05")]
    svg = parsed(lines("Unnamed by month", [Series("unnamed", "unnamed", points)], percent=True))
    assert len(svg.findall(f".//{SVG}polyline")) == 2
    assert len(svg.findall(f".//{SVG}circle")) == 4
    axis = [text.text for text in svg.iter(f"{SVG}text") if text.get("class") == "axis"]
    assert axis[:5] == ["0%", "25%", "50%", "75%", "100%"] and axis[5:] == ["2019-01", "2019-05"]


def test_lines_with_nothing_to_draw_are_an_empty_chart() -> None:
    assert parsed(lines("nothing", [Series("unnamed", "unnamed", [])])).find(f"{SVG}polyline") is None


@pytest.mark.parametrize(("value", "nice"), [(4.7, 5), (0.37, 0.4), (130, 150), (1, 1), (9.1, 10), (0.021, 0.025)])
def test_an_axis_steps_by_round_numbers(value: float, nice: float) -> None:
    assert _nice(value) == pytest.approx(nice)
