"""The benchmark's table: its caption, then a row a measurement, with ratio and target.

Reporting only: it reads the results the recipe (``__main__``) gathered, and measures nothing.
"""

from __future__ import annotations

import statistics
from typing import Any

from bench.common.tables import TARGET_COLUMNS, Row, markdown_table, met, rate, times
from bench.speed import archives
from bench.speed.lengths import LENGTHS
from bench.speed.plans import SATURATED

# A single-threaded pass on an idle machine is on a CPU nearly all its wall time;
# below this share, other jobs took turns on its core.
BUSY_SHARE = 0.9


def latency(row: dict[str, Any]) -> str:
    return (
        f"{rate(row['chars_per_second'])}; "
        f"p50 {row['p50_ms']:.0f} ms, p95 {row['p95_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms"
    )


def row(label: str, measured: str, ratio_text: str = "", goal: dict[str, Any] | None = None) -> Row:
    """A table line; with a goal, its target and whether this run met it."""
    if goal is None:
        return (label, measured, ratio_text, "", "")
    return (label, measured, ratio_text, goal["target"], met(goal["met"]))


def engine_rows(results: dict[str, Any]) -> list[Row]:
    engine, r, goals = results["engine"], results["ratios"], results["targets"]
    parse = statistics.median(engine["parse_seconds"])
    after = statistics.median(engine["attribution_seconds"])
    pin, newest = results["versions"]["spacy"], results["spacy_newest"]["spacy"]
    return [
        row(f"1. raw spaCy {pin} (our pin), full pipeline, `nlp.pipe`", rate(results["spacy"]["chars_per_second"]), "1.00 (reference)"),
        row(
            f"1. raw spaCy {newest} (the newest release), its own environment",
            rate(results["spacy_newest"]["chars_per_second"]),
            f"our pin {times(r['spacy_vs_spacy_newest'], newest, r['spacy_pin_vs_newest_cpu'])}",
            goals["spacy_pin_vs_newest_cpu"],
        ),
        row(
            "2. engine in-process, `extract_many`",
            rate(engine["chars_per_second"]),
            times(r["engine_vs_spacy"], f"raw spaCy {pin}", r["engine_vs_spacy_cpu"]),
            goals["engine_vs_spacy"],
        ),
        row(
            "2. engine in-process, against the newest release",
            "",
            times(r["engine_vs_spacy_newest"], f"raw spaCy {newest}", r["engine_vs_spacy_newest_cpu"]),
            goals["engine_vs_spacy_newest"],
        ),
        row(
            "2. engine: time after the parse",
            f"{after:.2f} s after {parse:.2f} s of parse",
            times(r["after_parse_share"], "parse"),
            goals["after_parse_share"],
        ),
    ]


def busy(server: dict[str, Any]) -> float:
    cores: float = server[f"concurrency_{SATURATED}"]["server_cores_busy"]
    return cores


def http_rows(results: dict[str, Any]) -> list[Row]:
    r, goals = results["ratios"], results["targets"]
    one, two = results["http"]["workers_1"], results["http"]["workers_2"]
    c = f"concurrency_{SATURATED}"
    batch_label = f"4. `/v1/quotes/batch`, 1 worker, {one['batch']['requests_per_round']} request(s) a round"
    return [
        row(
            "3. HTTP, 1 worker, concurrency 1",
            latency(one["concurrency_1"]),
            times(r["http_1_worker_concurrency_1_vs_engine"], "engine"),
        ),
        row(
            f"3. HTTP, 1 worker, concurrency {SATURATED}",
            latency(one[c]),
            times(r["http_1_worker_vs_engine"], "engine", r["http_1_worker_vs_engine_cpu"]),
            goals["http_1_worker_vs_engine"],
        ),
        row(
            f"3. HTTP, 1 worker, concurrency {SATURATED}, against the newest release",
            "",
            times(r["http_1_worker_vs_spacy_newest"], f"raw spaCy {results['spacy_newest']['spacy']}"),
            goals["http_1_worker_vs_spacy_newest"],
        ),
        row("3. HTTP, 2 workers, concurrency 1", latency(two["concurrency_1"])),
        row(
            f"3. HTTP, 2 workers, concurrency {SATURATED}",
            latency(two[c]),
            f"{times(r['http_2_workers_vs_1'], '1 worker', r['http_2_workers_vs_1_cpu'])}; "
            f"server busy on {busy(two):.1f} cores vs {busy(one):.1f}",
            goals["http_2_workers_vs_1"],
        ),
        row(
            f"3. HTTP, 2 workers of gunicorn's sync class (before), concurrency {SATURATED}",
            latency(results["http"]["workers_2_sync"][c]),
            f"the quotes worker {times(r['serving_vs_sync'], 'sync', r['serving_vs_sync_cpu'])}; "
            f"at concurrency 1 {r['serving_vs_sync_concurrency_1']:.2f}",
            goals["serving_vs_sync"],
        ),
        row(
            batch_label,
            rate(one["batch"]["chars_per_second"]),
            times(r["batch_vs_single"], "one by one", r["batch_vs_single_cpu"]),
            goals["batch_vs_single"],
        ),
    ]


def memory_rows(results: dict[str, Any]) -> list[Row]:
    http, r, goals = results["http"], results["ratios"], results["targets"]
    one, two, off = (http[k]["memory"] for k in ("workers_1", "workers_2", "workers_2_no_preload"))
    before_batch = http["workers_1"]["worker_peak_rss_mb_before_batch"]

    def whole(memory: dict[str, Any]) -> str:
        return f"{memory['sum_peak_rss_mb']:.0f} MB (sum of VmHWM); PSS peak {memory['sampled_peak_sum_pss_mb']:.0f} MB"

    return [
        row(
            "5. peak RSS of one worker (VmHWM)",
            f"{one['max_worker_peak_rss_mb']:.0f} MB ({before_batch:.0f} MB before its batch requests)",
            "",
            goals["worker_peak_rss_mb"],
        ),
        row(
            f"5. peak RSS of a fresh worker, one {results['long_article']['chars']:,}-character article",
            f"{results['long_article']['worker_peak_rss_mb']:.0f} MB ({results['long_article']['worker_peak_rss_mb_before']:.0f} MB before it)",
            "",
            goals["long_article_peak_rss_mb"],
        ),
        row("5. whole server, 2 workers, preload on", whole(two)),
        row(
            "5. whole server, 2 workers, preload off",
            whole(off),
            times(r["server_pss_no_preload_vs_preload"], "preload (PSS)"),
        ),
    ]


def length_rows(results: dict[str, Any]) -> list[Row]:
    lengths, r, goals = results["length"]["lengths"], results["ratios"], results["targets"]
    rows = []
    for key, measured in lengths.items():
        label = f"6. length {measured['chars']:,} chars"
        per_char = f"{measured['us_per_char']:.1f} µs/char (raw spaCy: {measured['spacy_us_per_char']:.1f})"
        if key == str(LENGTHS[0]):
            rows.append(row(label, per_char, "1.00 (reference)"))
        else:
            name = f"length_{int(key) // 1000}k_vs_5k"
            ratio_text = f"{times(r[name], '5k')} (raw spaCy: {r['spacy_' + name]:.2f})"
            rows.append(row(label, per_char, ratio_text, goals.get(name)))
    return rows


def html_rows(results: dict[str, Any]) -> list[Row]:
    shapes, goal = results["html"]["shapes"], results["targets"]["html_100k_vs_25k"]
    rows = []
    for n, (name, measured) in enumerate(shapes.items()):
        per_char = ", ".join(f"{value:.2f} µs/char at {int(length) // 1000}k" for length, value in measured["us_per_char"].items())
        ratio_text = f"{measured['ratio']:.2f} (100k ÷ 25k)" if measured["ratio"] is not None else ""
        rows.append(row(f"6. HTML `{name}`", per_char, ratio_text, goal if n == 0 else None))
    return rows


def textacy_rows(results: dict[str, Any]) -> list[Row]:
    textacy, goal = results["textacy"], results["targets"]["textacy_vs_engine"]
    label = "7. textacy `direct_quotations`, same pipeline"
    if "skipped" in textacy:
        return [row(label, f"skipped: {textacy['skipped']}", "", goal)]
    measured = f"{rate(textacy['chars_per_second'])}; refused {textacy['refused_documents']} text(s)"
    r = results["ratios"]
    return [row(label, measured, times(r["textacy_vs_engine"], "engine's time", r["textacy_vs_engine_cpu"]), goal)]


def caption(results: dict[str, Any]) -> str:
    """Where and on what the table was measured: a ratio means little without it."""
    meta, m, v = results["meta"], results["meta"]["machine"], results["versions"]
    ram = f"{m['ram_mb'] / 1000:.0f} GB RAM" if m["ram_mb"] else "RAM unknown"
    model = f"{v['model']} {v['model_version']}"
    if v["model_package"] != v["model"]:
        model += f" (package {v['model_package']})"
    corpus = meta["corpus"]
    text = (
        f"Measured {meta['date']} on {m['cpu']}, {m['cores']} cores, {ram}; "
        f"Python {v['python']}, spaCy {v['spacy']}, {model}; "
        f"corpus {corpus['name']} ({corpus['documents']} documents, {corpus['chars']:,} characters); "
        f"medians of {meta['repeat']} repetitions"
    )
    text += f" ({meta['length_repeat']} for the lengths)." if meta["length_repeat"] != meta["repeat"] else "."
    text += f" {weather(results)}"
    if v["project_commit"]:
        changes = " with uncommitted changes to service/" if "+changes" in (v["service_code"] or "") else ""
        text += f" Code at {v['project_commit']}{changes}."
    if warned := warnings(results):
        text += f" {warned}"
    if meta["quick"]:
        text += " Quick mode: a smoke run, not a measurement."
    return text


def weather(results: dict[str, Any]) -> str:
    """How busy the machine was: a ratio measured while another job held a core says less."""
    machine_ = results["meta"]["machine"]
    passes = [
        cpu / wall
        for section in ("spacy", "engine")
        for cpu, wall in zip(results[section]["cpu_seconds"], results[section]["seconds"])
    ]
    share = statistics.median(passes)
    text = (
        f"Load average {machine_['load_average_before'][0]:.1f} at the start, "
        f"{machine_['load_average_after'][0]:.1f} at the end; "
        f"in-process passes were on a CPU {share:.0%} of their time."
    )
    if share < BUSY_SHARE:
        text += " The machine was busy: the CPU-time ratios in brackets are the steadier ones."
    return text


def warnings(results: dict[str, Any]) -> str:
    """What makes the rows of this run not comparable, said in the caption and not only in the JSON."""
    start, end = results["versions"]["service_code"], results["meta"]["service_code_at_end"]
    said = []
    if start != end:
        said.append(f"**The code of service/ changed during the run** (tree {start} at the start, {end} at the end).")
    if not results["toll"]["passed"]:
        said.append(f"**The toll: {results['toll']['verdict']}.**")
    if not results["checks"]["same_quotes"]:
        said.append(f"**The rows found different numbers of quotes**: {results['checks']['quotes']}.")
    return " ".join(said)


def table(results: dict[str, Any]) -> str:
    rows = engine_rows(results) + http_rows(results) + memory_rows(results) + length_rows(results) + html_rows(results)
    rows += textacy_rows(results)
    if "archives" in results:
        rows += archives.rows(results["archives"])
    return "\n".join([caption(results), "", *markdown_table(TARGET_COLUMNS, rows)])
