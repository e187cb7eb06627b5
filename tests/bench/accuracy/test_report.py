"""``bench/accuracy/report.py``: the tables, on figures made up in the scorer's shape."""

from __future__ import annotations

from typing import Any

from bench.accuracy.report import report
from bench.accuracy.sets import RUNS


def figures(quote_f1: float, by: bool = False) -> dict[str, Any]:
    """A scorer's output for one run, with a speaker table."""
    made_up: dict[str, Any] = {
        "documents": 4,
        "gold_quotes": 10,
        "quote_precision": 0.9,
        "quote_recall": 0.8,
        "quote_f1": quote_f1,
        "exact_span_share": 0.75,
        "speaker_accuracy": 0.5,
        "canonical_name_accuracy": 0.25,
        "attribution_f1": 0.4,
        "affiliation_accuracy": None,
        "spurious_affiliations": 3,
        "speakers": {
            "gold_speakers": 6,
            "speaker_recall": 0.5,
            "affiliation_accuracy": 1.0,
            "affiliation_wrong_or_spurious": 1,
            "affiliations_given": 2,
            "title_accuracy": None,
            "title_wrong_or_spurious": 0,
            "kind_accuracy": 0.0,
        },
        "failed_requests": 0,
    }
    if by:
        made_up["by"] = {"b_shape": {**made_up, "quote_precision": 0.125}, "a_shape": {**made_up, "speakers": None}}
    return made_up


def rows(text: str) -> dict[str, list[str]]:
    """Every table line by its first cell."""
    return {
        cells[0]: cells[1:]
        for line in text.splitlines()
        if line.startswith("| ") and (cells := [cell.strip() for cell in line.strip("|").split("|")])
    }


def whole(mode: str = "offline") -> dict[str, Any]:
    meta = {
        "date": "2026-12-07",
        "shared": "../shared",
        "project_commit": "abc1234",
        "service_code": "def5678+changes.0a1b2c3d",
        "mode": mode,
        "url": "http://127.0.0.1:8000",
        "model": {"name": "en_core_web_sm", "version": "3.8.0"},
    }
    return {"meta": meta, "runs": {run.name: figures(0.5 + n / 100, by=bool(run.by)) for n, run in enumerate(RUNS)}}


def test_the_quote_table_has_a_row_per_real_text_run_with_what_its_set_cannot_measure_as_na() -> None:
    lines = rows(report(whole()).split("### Speaker tables")[0])
    assert lines["seeds"] == [
        "4 (10 quotes)",
        "0.900",
        "0.800",
        "0.500",
        "0.750",
        "0.500",
        "0.250",
        "0.400",
        "— (3 spurious)",
    ]
    polnear = lines["PolNeAR dev, quoted"]
    assert polnear[3] == "0.510" and polnear[6] == "n/a" and polnear[8] == "n/a"
    assert lines["GGT dev, all"][6] == "0.250" and lines["GGT dev, all"][8] == "n/a"
    assert "challenge suite" not in lines  # synthetic: never pooled with the real-text sets


def test_the_speaker_tables_give_found_affiliation_title_kind_and_wrong_of_given() -> None:
    lines = rows(report(whole()).split("### Speaker tables")[1].split("###")[0])
    assert lines["BBC dev, direct and mixed"] == ["6", "0.500", "1.000", "—", "0.000", "1 / 2", "0"]
    assert lines["GGT dev, all"] == ["6", "0.500", "n/a", "n/a", "0.000", "n/a", "n/a"]


def test_the_challenge_suite_is_printed_per_capability_then_whole() -> None:
    text = report(whole())
    table = rows(text.split("### Challenge suite, by capability")[1])
    assert list(table)[1:] == ["`a_shape`", "`b_shape`", "**all 2**"]
    assert table["`b_shape`"][:3] == ["4 (10 quotes)", "0.125", "0.800"]
    assert table["`a_shape`"][-4:] == ["—", "—", "—", "—"]  # no speaker table in that group


def test_the_caption_says_what_answered_and_on_which_code() -> None:
    offline = report(whole()).splitlines()[0]
    assert offline.startswith("Measured 2026-12-07 through the engine in-process (`--offline`), en_core_web_sm 3.8.0")
    assert "code at abc1234 with uncommitted changes to service/" in offline
    assert "through the service at http://127.0.0.1:8000" in report(whole("service")).splitlines()[0]


def test_failed_requests_are_said_under_the_caption() -> None:
    figures_ = whole("service")
    figures_["runs"]["seeds"]["failed_requests"] = 2
    assert report(figures_).splitlines()[1] == "**seeds: 2 request(s) failed**, counted as articles with no quotes."
