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


TARGETS = (
    Target("engine_vs_spacy", "engine in-process ÷ raw full pipeline, throughput", "≥", 1.2),
    Target("after_parse_share", "engine time after the parse ÷ parse time", "≤", 0.10),
    Target("http_1_worker_vs_engine", "HTTP with 1 worker ÷ engine in-process, throughput", "≥", 0.9),
    Target("http_2_workers_vs_1", "HTTP 2 workers ÷ 1 worker, throughput", "≥", 1.6),
    Target("batch_vs_single", "batch ÷ one by one, throughput", "≥", 1.15),
    Target("serving_vs_sync", "HTTP 2 workers, the quotes worker ÷ gunicorn's sync worker, throughput", "≥", 0.95),
    Target("length_100k_vs_5k", "time per character at 100k ÷ at 5k", "≤", 1.2),
    Target("html_100k_vs_25k", "hostile HTML read, time per character at 100k ÷ at 25k, worst shape", "≤", 1.2),
    Target("worker_peak_rss_mb", "RSS of one worker", "≤", 400, "MB"),
    Target("textacy_vs_engine", "textacy ÷ engine, time on the same texts", "≥", 1.2),
)


def saturated(server: dict[str, Any]) -> float:
    rate_: float = server[f"concurrency_{SATURATED}"]["chars_per_second"]
    return rate_


def ratios(results: dict[str, Any]) -> dict[str, float | None]:
    """Every ratio of the run; the targets pick theirs from here, the others help read them."""
    engine, http, lengths = results["engine"], results["http"], results["length"]["lengths"]
    one, two, two_off = http["workers_1"], http["workers_2"], http["workers_2_no_preload"]
    per_char = {key: row["us_per_char"] for key, row in lengths.items()}
    spacy_per_char = {key: row["spacy_us_per_char"] for key, row in lengths.items()}
    return {
        "engine_vs_spacy": ratio(engine["chars_per_second"], results["spacy"]["chars_per_second"]),
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
        "server_pss_no_preload_vs_preload": ratio(
            two_off["memory"]["sampled_peak_sum_pss_mb"], two["memory"]["sampled_peak_sum_pss_mb"]
        ),
        "textacy_vs_engine": ratio(results["textacy"].get("median_seconds"), engine["median_seconds"]),
        **cpu_ratios(results),
    }


def cpu_ratios(results: dict[str, Any]) -> dict[str, float | None]:
    """The same comparisons by CPU time instead of wall time: what each costs, whatever else the machine ran."""
    engine, one = results["engine"], results["http"]["workers_1"]
    return {
        "engine_vs_spacy_cpu": ratio(engine["chars_per_cpu_second"], results["spacy"]["chars_per_cpu_second"]),
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
