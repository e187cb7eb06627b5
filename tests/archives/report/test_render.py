"""A report written out (service/archives/report/render.py): JSON, and HTML that needs nothing from anywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from service.archives.report.build import build
from service.archives.report.render import html, number, percent, write_html, write_json
from service.archives.report.results import open_results
from tests.archives.report.rows import article, source
from tests.archives.report.test_build import ROWS, write_json_lines

HOSTILE = '<img src=x onerror="alert(1)">Ana'


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    rows = [
        *({**row, "url": None} for row in ROWS),
        article("evil", source(HOSTILE, "person", 2), source("a source", "unnamed_person", 1, anonymous=True, reason=HOSTILE), url="javascript:alert(1)", outlet=HOSTILE),
        article("linked", source("Ana Ruiz", "person", 1), source("an aide", "unnamed_person", 9, anonymous=True), url="https://example.org/story?a=1&b=2", outlet="The Tellbridge Post"),
    ]
    path = write_json_lines(tmp_path_factory.mktemp("render") / "results.jsonl", rows)
    return html(build(open_results(path), by="outlet", top=40))


def test_the_html_loads_nothing_and_runs_nothing(page: str) -> None:
    assert "<script" not in page.lower() and "@import" not in page and "url(" not in page
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"<[^>]*\ssrc=", page)
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">" in page


def test_names_and_fields_from_articles_are_text(page: str) -> None:
    assert HOSTILE not in page and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;Ana" in page
    # A kept URL is a link only when it is a web address.
    assert 'href="javascript' not in page and "javascript:alert(1)" in page
    assert '<a href="https://example.org/story?a=1&amp;b=2" rel="noopener noreferrer">' in page


def test_every_section_and_chart_is_there(page: str) -> None:
    for section in ("summary", "kinds", "unnamed", "most-quoted", "pronouns", "per-article", "groups", "about"):
        assert f'<section id="{section}"' in page
    charts = re.findall(r'<svg [^>]*class="chart"[^>]*aria-labelledby="(chart-\d+)"', page)
    assert len(charts) >= 8 and len(set(charts)) == len(charts)
    assert all(f'<title id="{chart}">' in page for chart in charts)


def test_json_and_html_are_written_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = build(open_results(write_json_lines(tmp_path / "r.jsonl", ROWS[:5])))
    write_json(report, tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8")) == report
    write_json(report, None)
    assert json.loads(capsys.readouterr().out) == report
    write_html(report, tmp_path / "report.html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize(("value", "shown"), [(12345, "12,345"), (2.5, "2.5"), (2.0, "2"), (15.43, "15.43"), (None, "–")])
def test_numbers_read_as_people_write_them(value: float | None, shown: str) -> None:
    assert number(value) == shown


@pytest.mark.parametrize(("value", "shown"), [(0.1234, "12.3%"), (0.0, "0.0%"), (1.0, "100.0%"), (None, "–")])
def test_shares_read_as_percentages(value: float | None, shown: str) -> None:
    assert percent(value) == shown
