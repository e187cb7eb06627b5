"""The targets of the benchmark, and the ratios they judge: every ratio of a run, computed from its sections.

Each ratio sets a row of the run against another row of the same run (the
engine against raw spaCy, 2 workers against 1...), since the machines are
shared and only a ratio of the same minutes says something.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any

from bench.common.progress import log
from bench.common.stats import ratio
from bench.speed.plans import CONCURRENCIES, SATURATED


@dataclass(frozen=True)
class Target:
    """A goal from the issue: a ratio (or a size) of this run, a comparison and a threshold."""

    key: str
    label: str
    op: str
    threshold: float
    unit: str = ""

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        compare = operator.ge if self.op == "≥" else operator.le
        return bool(compare(value, self.threshold))

    def text(self) -> str:
        return f"{self.op} {self.threshold:g}{' ' + self.unit if self.unit else ''}"


TODAY_LONG_ARTICLE_PEAK_MB = 300.2
"""A fresh worker's peak RSS after one 100,000-character article before issue 21 (commit 7468a59, spaCy 3.8.18,
measured by ``long_article_memory`` on this machine): the leaner parse may not take more."""
TOLL_RATIO = 1.2
"""Raw spaCy of our pin must be at least this much cheaper a character (CPU time) than the newest release, which
pays the toll (about 1.45 times 3.8.7's time): below it, our pin pays it too, or the newest release no longer does."""

TARGETS = (
    Target("engine_vs_spacy", "engine in-process ÷ raw spaCy of our pin, throughput", "≥", 1.25),
    Target("engine_vs_spacy_newest", "engine in-process ÷ raw spaCy of the newest release, throughput", "≥", 1.6),
    Target("after_parse_share", "engine time after the parse ÷ parse time", "≤", 0.10),
    Target("http_1_worker_vs_engine", "HTTP with 1 worker ÷ engine in-process, throughput", "≥", 0.9),
    Target("http_1_worker_vs_spacy_newest", "HTTP with 1 worker ÷ raw spaCy of the newest release, throughput", "≥", 1.5),
    Target("http_2_workers_vs_1", "HTTP 2 workers ÷ 1 worker, throughput", "≥", 1.9),
    Target("batch_vs_single", "batch ÷ one by one, throughput", "≥", 1.15),
    Target("serving_vs_sync", "HTTP 2 workers, the quotes worker ÷ gunicorn's sync worker, throughput", "≥", 0.95),
    Target("length_100k_vs_5k", "time per character at 100k ÷ at 5k", "≤", 1.2),
    Target("html_100k_vs_25k", "hostile HTML read, time per character at 100k ÷ at 25k, worst shape", "≤", 1.2),
    Target("worker_peak_rss_mb", "RSS of one worker", "≤", 400, "MB"),
    Target("long_article_peak_rss_mb", "RSS of a fresh worker after a 100,000-character article", "≤", TODAY_LONG_ARTICLE_PEAK_MB, "MB"),
    Target("textacy_vs_engine", "textacy ÷ engine, time on the same texts", "≥", 1.2),
    Target("spacy_pin_vs_newest_cpu", "raw spaCy of our pin ÷ of the newest release, CPU time a character (the toll)", "≥", TOLL_RATIO),
)


def toll_check(results: dict[str, Any]) -> dict[str, Any]:
    """Whether our pin of spaCy is free of the toll the newest release pays: ``make bench`` fails when it is not."""
    pin, newest = results["versions"]["spacy"], results["spacy_newest"]["spacy"]
    measured = results["ratios"]["spacy_pin_vs_newest_cpu"]
    passed = measured is not None and measured >= TOLL_RATIO
    if passed:
        verdict = f"spaCy {pin} (our pin) is {measured:.2f} times cheaper a character than {newest} (the newest release)"
    elif pin == newest:
        verdict = (
            f"our pin is the newest release, spaCy {pin}: the toll can no longer be told from this run; "
            "pin the last release without it (requirements/lock-note.txt) unless bench/speed/toll/ shows it gone"
        )
    else:
        ratio_text = "not measured" if measured is None else f"{measured:.2f}"
        verdict = (
            f"raw spaCy {pin} (our pin) is only {ratio_text} times cheaper a character than {newest} (the newest "
            f"release), below {TOLL_RATIO}: either our pin pays the toll again (pin back to a release without it, "
            f"requirements/lock-note.txt), or {newest} no longer pays it (rerun bench/speed/toll/repro.sh, then move the pin)"
        )
    if not passed:
        log(f"warning: {verdict}")
    return {"pin": pin, "newest": newest, "ratio": measured, "threshold": TOLL_RATIO, "passed": passed, "verdict": verdict}


def saturated(server: dict[str, Any]) -> float:
    rate_: float = server[f"concurrency_{SATURATED}"]["chars_per_second"]
    return rate_


def ratios(results: dict[str, Any]) -> dict[str, float | None]:
    """Every ratio of the run; the targets pick theirs from here, the others help read them."""
    engine, http, lengths = results["engine"], results["http"], results["length"]["lengths"]
    one, two, two_off = http["workers_1"], http["workers_2"], http["workers_2_no_preload"]
    per_char = {key: row["us_per_char"] for key, row in lengths.items()}
    spacy_per_char = {key: row["spacy_us_per_char"] for key, row in lengths.items()}
    newest = results["spacy_newest"]["chars_per_second"]
    return {
        "engine_vs_spacy": ratio(engine["chars_per_second"], results["spacy"]["chars_per_second"]),
        "engine_vs_spacy_newest": ratio(engine["chars_per_second"], newest),
        "spacy_vs_spacy_newest": ratio(results["spacy"]["chars_per_second"], newest),
        "http_1_worker_vs_spacy_newest": ratio(saturated(one), newest),
        "after_parse_share": engine["after_parse_share"],
        "http_1_worker_vs_engine": ratio(saturated(one), engine["chars_per_second"]),
        "http_1_worker_concurrency_1_vs_engine": ratio(
            one["concurrency_1"]["chars_per_second"], engine["chars_per_second"]
        ),
        "http_2_workers_vs_1": ratio(saturated(two), saturated(one)),
        "http_2_workers_no_preload_vs_1": ratio(saturated(two_off), saturated(one)),
        "serving_vs_sync": ratio(saturated(two), saturated(http["workers_2_sync"])),
        "serving_vs_sync_concurrency_1": ratio(
            two["concurrency_1"]["chars_per_second"], http["workers_2_sync"]["concurrency_1"]["chars_per_second"]
        ),
        "html_100k_vs_25k": max((shape["ratio"] for shape in results["html"]["shapes"].values() if shape["ratio"]), default=None),
        "batch_vs_single": ratio(one["batch"]["chars_per_second"], one["concurrency_1"]["chars_per_second"]),
        "length_50k_vs_5k": ratio(per_char["50000"], per_char["5000"]),
        "length_100k_vs_5k": ratio(per_char["100000"], per_char["5000"]),
        "spacy_length_50k_vs_5k": ratio(spacy_per_char["50000"], spacy_per_char["5000"]),
        "spacy_length_100k_vs_5k": ratio(spacy_per_char["100000"], spacy_per_char["5000"]),
        "worker_peak_rss_mb": one["memory"]["max_worker_peak_rss_mb"],
        "long_article_peak_rss_mb": results["long_article"]["worker_peak_rss_mb"],
        "server_pss_no_preload_vs_preload": ratio(
            two_off["memory"]["sampled_peak_sum_pss_mb"], two["memory"]["sampled_peak_sum_pss_mb"]
        ),
        "textacy_vs_engine": ratio(results["textacy"].get("median_seconds"), engine["median_seconds"]),
        **cpu_ratios(results),
    }


def cpu_ratios(results: dict[str, Any]) -> dict[str, float | None]:
    """The same comparisons by CPU time instead of wall time: what each costs, whatever else the machine ran."""
    engine, one = results["engine"], results["http"]["workers_1"]
    newest = results["spacy_newest"]["chars_per_cpu_second"]
    return {
        "engine_vs_spacy_cpu": ratio(engine["chars_per_cpu_second"], results["spacy"]["chars_per_cpu_second"]),
        "engine_vs_spacy_newest_cpu": ratio(engine["chars_per_cpu_second"], newest),
        "spacy_pin_vs_newest_cpu": ratio(results["spacy"]["chars_per_cpu_second"], newest),
        "http_1_worker_vs_engine_cpu": ratio(
            one[f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"], engine["chars_per_cpu_second"]
        ),
        "http_2_workers_vs_1_cpu": ratio(
            results["http"]["workers_2"][f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"],
            one[f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"],
        ),
        "serving_vs_sync_cpu": ratio(
            results["http"]["workers_2"][f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"],
            results["http"]["workers_2_sync"][f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"],
        ),
        "batch_vs_single_cpu": ratio(
            one["batch"]["chars_per_server_cpu_second"], one["concurrency_1"]["chars_per_server_cpu_second"]
        ),
        "textacy_vs_engine_cpu": ratio(results["textacy"].get("median_cpu_seconds"), engine["median_cpu_seconds"]),
    }


def targets(measured: dict[str, float | None]) -> dict[str, dict[str, Any]]:
    """Each target with the value of this run it judges, and whether it was met (None: not measured)."""
    return {
        t.key: {"label": t.label, "value": measured[t.key], "target": t.text(), "met": t.met(measured[t.key])}
        for t in TARGETS
    }


def same_quotes(results: dict[str, Any]) -> dict[str, Any]:
    """Whether every way of running the engine found as many quotes: the rows measured the same work."""
    http = results["http"]
    counts = {
        "engine_in_process": results["engine"]["quotes"],
        "http_batch": http["workers_1"]["batch"]["quotes"],
        **{
            f"http_{name}_concurrency_{c}": server[f"concurrency_{c}"]["quotes"]
            for name, server in http.items()
            for c in CONCURRENCIES
        },
    }
    same = len(set(counts.values())) == 1
    if not same:
        log(f"warning: the quotes found differ between runs of the engine: {counts}")
    return {"quotes": counts, "same_quotes": same}
