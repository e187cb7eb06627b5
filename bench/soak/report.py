"""The soak's report: latency per slice of the run, each worker's memory, the targets, as JSON and markdown.

Reporting only: it reads what the soak (``__main__``) observed and measures
nothing. Its percentiles are ``bench.common.stats.percentile``, the
benchmark's own.
"""

from __future__ import annotations

import argparse
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.common.memory import WorkersMemory
from bench.common.provenance import git_commit, machine, service_code
from bench.common.stats import latency_percentiles
from bench.common.tables import markdown_table
from bench.soak.load import WORDS_PER_REQUEST, Answer

RSS_TARGET_PERCENT = 5.0
MAX_ERRORS_KEPT = 10


@dataclass(frozen=True)
class Observed:
    """What one soak saw, from the server's start to its stop."""

    model: dict[str, Any]
    """The model ``/readyz`` named."""
    answers: list[Answer]
    seconds: float
    start_memory: WorkersMemory
    """The workers' memory after the warm-up."""
    end_memory: WorkersMemory
    samples: list[dict[str, Any]]
    """Every worker's memory every few seconds."""
    pids_seen: list[int]
    alive_at_end: bool
    log: Path


def report(args: argparse.Namespace, observed: Observed, command: str) -> dict[str, Any]:
    """The whole report, as ``--json`` writes it; ``command`` is how the soak was started."""
    errors = [a for a in sorted(observed.answers, key=lambda a: a.finished) if a.error is not None]
    workers = worker_memory(observed.start_memory, observed.end_memory)
    recycled = recycled_memory(observed.start_memory, observed.end_memory, observed.samples)
    return {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "machine": {**machine(), "python": platform.python_version()},
        "code": {"project_commit": git_commit(), "service_code": service_code()},
        "server": {
            "workers": args.workers,
            "worker_class": args.worker_class,
            "max_requests": args.max_requests,
            "model": observed.model,
            "alive_at_end": observed.alive_at_end,
        },
        "run": run_summary(args, observed, len(errors)),
        "slices": slices_of(observed.answers, args.slices),
        "workers": workers,
        "worker_pids_seen": observed.pids_seen,
        "recycled": recycled,
        "targets": targets(args, observed, workers, recycled, errors),
        "memory_judged": not args.memory_not_judged,
        "error_samples": [f"request {a.index}: {a.error}" for a in errors[:MAX_ERRORS_KEPT]],
        "memory_samples": observed.samples,
        "server_log": str(observed.log),
    }


def run_summary(args: argparse.Namespace, observed: Observed, errors: int) -> dict[str, Any]:
    answered, seconds = len(observed.answers), observed.seconds
    return {
        "requested": args.requests,
        "answered": answered,
        "warmup": args.warmup,
        "concurrency": args.concurrency,
        "seconds": round(seconds, 1),
        "requests_per_second": round(answered / seconds, 1) if seconds else None,
        "new_words": answered * WORDS_PER_REQUEST,
        "errors": errors,
        "stopped_by_time": answered < args.requests,
    }


def targets(
    args: argparse.Namespace,
    observed: Observed,
    workers: list[dict[str, Any]],
    recycled: dict[str, Any],
    errors: list[Answer],
) -> dict[str, bool]:
    """No errors, every request sent, and worker memory within ``RSS_TARGET_PERCENT`` once warm.

    Without recycling, each worker is judged on its own and all of them must
    have lived through the run; with it, the mean of the workers alive at the
    end is judged against the mean of those at the start.
    """
    if args.max_requests == 0:
        lived = [w for w in workers if w["lived_through_the_run"]]
        within = (
            bool(lived)
            and all(abs(w["rss_growth_percent"]) <= RSS_TARGET_PERCENT for w in lived)
            and len(lived) == args.workers
        )
    else:
        within = abs(recycled["growth_percent"]) <= RSS_TARGET_PERCENT
    return {
        "no_errors": not errors,
        "all_requests_sent": len(observed.answers) == args.requests,
        "rss_within_target": within,
    }


def summary(report_: dict[str, Any]) -> dict[str, Any]:
    """The report as committed (``--record``): everything but the memory samples, which only plot the run."""
    return {key: value for key, value in report_.items() if key != "memory_samples"}


def passed(report_: dict[str, Any]) -> bool:
    """Whether every judged target was met (memory is left out under ``--memory-not-judged``)."""
    judged = {k: v for k, v in report_["targets"].items() if report_["memory_judged"] or k != "rss_within_target"}
    return all(judged.values())


def slices_of(answers: Sequence[Answer], count: int) -> list[dict[str, Any]]:
    """Latency and throughput per slice of the run, in the order the answers came."""
    ordered = sorted(answers, key=lambda a: a.finished)
    rows = []
    for n in range(count):
        part = ordered[n * len(ordered) // count : (n + 1) * len(ordered) // count]
        if not part:
            continue
        latencies = [a.latency_ms for a in part]
        previous_end = ordered[n * len(ordered) // count - 1].finished if n else 0.0
        seconds = part[-1].finished - previous_end
        rows.append(
            {
                "slice": n + 1,
                "requests": len(part),
                "until_seconds": round(part[-1].finished, 1),
                "requests_per_second": round(len(part) / seconds, 1) if seconds > 0 else None,
                **{key: round(value, 1) for key, value in latency_percentiles(latencies).items()},
                "max_ms": round(max(latencies), 1),
                "errors": sum(a.error is not None for a in part),
            }
        )
    return rows


def worker_memory(start: WorkersMemory, end: WorkersMemory) -> list[dict[str, Any]]:
    """Each worker's memory after the warm-up and at the end, and its growth if it lived through both."""
    rows = []
    for pid in sorted(set(start) | set(end)):
        before, after = start.get(pid), end.get(pid)
        lived = before is not None and after is not None
        row: dict[str, Any] = {"pid": pid, "lived_through_the_run": lived}
        if before is not None:
            row.update(rss_start_kb=before["VmRSS"], anon_start_kb=before["RssAnon"])
        if after is not None:
            row.update(rss_end_kb=after["VmRSS"], anon_end_kb=after["RssAnon"], peak_kb=after["VmHWM"])
        if before is not None and after is not None:
            row["rss_growth_percent"] = round(100 * (after["VmRSS"] - before["VmRSS"]) / before["VmRSS"], 2)
            row["anon_growth_percent"] = round(100 * (after["RssAnon"] - before["RssAnon"]) / before["RssAnon"], 2)
        rows.append(row)
    return rows


def recycled_memory(start: WorkersMemory, end: WorkersMemory, samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Memory of the server's workers as a whole, for runs where gunicorn replaces them."""

    def mean_rss(memory: WorkersMemory) -> float:
        values = [m["VmRSS"] for m in memory.values() if m and "VmRSS" in m]
        return sum(values) / len(values) if values else float("nan")

    peaks = [m["VmRSS"] for sample in samples for m in sample["workers"].values() if m and "VmRSS" in m]
    before, after = mean_rss(start), mean_rss(end)
    return {
        "mean_rss_start_kb": round(before),
        "mean_rss_end_kb": round(after),
        "growth_percent": round(100 * (after - before) / before, 2) if before == before and before else float("nan"),
        "peak_rss_kb": max(peaks) if peaks else None,
    }


def markdown(report_: dict[str, Any]) -> str:
    """The report as markdown: a heading, latency per slice, each worker's memory, the targets."""
    lines = heading(report_) + slice_table(report_["slices"]) + worker_table(report_["workers"])
    lines += recycling(report_) + target_lines(report_)
    if report_["error_samples"]:
        lines += ["", "First errors:", *(f"- {e}" for e in report_["error_samples"])]
    return "\n".join(lines)


def heading(report_: dict[str, Any]) -> list[str]:
    run, server = report_["run"], report_["server"]
    return [
        f"## Soak: {run['answered']} requests at concurrency {run['concurrency']} on {server['workers']} "
        f"gunicorn {server.get('worker_class', 'quotes')} workers ({server['model']['name']} {server['model']['version']})",
        "",
        f"{run['seconds']} s, {run['requests_per_second']} requests/s, {run['new_words']} words never seen before, "
        f"errors: {run['errors']}" + (" (stopped by --max-seconds)" if run["stopped_by_time"] else ""),
        "",
        provenance(report_),
    ]


def provenance(report_: dict[str, Any]) -> str:
    """When, on what and on which code: a soak's figures mean little without it."""
    machine_, code = report_["machine"], report_["code"]
    text = (
        f"Measured {report_['when'][:10]} on {machine_['cpu']}, {machine_['usable_cores']} cores, "
        f"load average {machine_['load_average_before'][0]:.1f} at the start; Python {machine_['python']}"
    )
    if code["project_commit"]:
        changes = " with uncommitted changes to service/" if "+changes" in (code["service_code"] or "") else ""
        text += f"; code at {code['project_commit']}{changes}"
    return text + f". `{report_['command']}`"


SLICE_COLUMNS = ("slice", "requests", "until (s)", "req/s", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)", "errors")
SLICE_KEYS = (
    "slice",
    "requests",
    "until_seconds",
    "requests_per_second",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "max_ms",
    "errors",
)
WORKER_COLUMNS = (
    "worker",
    "lived through",
    "RSS start (MB)",
    "RSS end (MB)",
    "RSS growth",
    "anon start (MB)",
    "anon end (MB)",
    "anon growth",
)


def slice_table(slices: list[dict[str, Any]]) -> list[str]:
    return ["", *markdown_table(SLICE_COLUMNS, ([row[key] for key in SLICE_KEYS] for row in slices))]


def worker_table(workers: list[dict[str, Any]]) -> list[str]:
    return ["", *markdown_table(WORKER_COLUMNS, (worker_cells(row) for row in workers))]


def worker_cells(row: dict[str, Any]) -> list[str]:
    """One worker's line: memory in MB of 1024 kB (as the soak has always printed it), growth in percent, "-" where not known."""

    def mb(key: str) -> str:
        return f"{row[key] / 1024:.1f}" if key in row else "-"

    def pct(key: str) -> str:
        return f"{row[key]:+.2f}%" if key in row else "-"

    return [
        str(row["pid"]),
        "yes" if row["lived_through_the_run"] else "no",
        mb("rss_start_kb"),
        mb("rss_end_kb"),
        pct("rss_growth_percent"),
        mb("anon_start_kb"),
        mb("anon_end_kb"),
        pct("anon_growth_percent"),
    ]


def recycling(report_: dict[str, Any]) -> list[str]:
    """The workers' memory as a whole, when gunicorn recycled them during the run."""
    if not report_["server"]["max_requests"]:
        return []
    recycled = report_["recycled"]
    return [
        "",
        f"Workers recycled after about {report_['server']['max_requests']} requests "
        f"({len(report_['worker_pids_seen'])} worker processes seen): mean worker RSS "
        f"{recycled['mean_rss_start_kb'] / 1024:.1f} MB at the start, {recycled['mean_rss_end_kb'] / 1024:.1f} MB "
        f"at the end ({recycled['growth_percent']:+.2f}%), peak {recycled['peak_rss_kb'] / 1024:.1f} MB.",
    ]


def target_lines(report_: dict[str, Any]) -> list[str]:
    goals = report_["targets"]

    def met(key: str) -> str:
        return "met" if goals[key] else "MISSED"

    return [
        "",
        f"Targets: no errors: {met('no_errors')}; every request sent: {met('all_requests_sent')}; "
        f"worker RSS within {RSS_TARGET_PERCENT:g}% once warm: {met('rss_within_target')}"
        + ("." if report_.get("memory_judged", True) else " (reported, not judged: --memory-not-judged)."),
    ]
