"""Rows 3, 4 and 5: the service under gunicorn, loaded from a separate process (``bench.speed.load``).

Five servers, one after the other, each started by ``service.web.server.serving``
as ``make run`` starts it: 1 worker, then 2 workers with and without preload,
then 2 workers of gunicorn's sync class (the serving setup before the quotes
worker, ``service/web/worker.py``), so that the run shows what the change of
worker costs in throughput, if anything; then a fifth, 1 worker, given one
article of about 100,000 characters (``long_article_memory``).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import ROOT
from bench.common import procfs
from bench.common.corpus import Corpus
from bench.common.memory import MemorySampler, max_worker_peak_rss_mb, memory_report
from bench.common.progress import BenchError, log
from bench.common.stats import latency_percentiles
from bench.speed.plans import CONCURRENCIES, SATURATED, write_plans
from service.config import Settings
from service.web.server import Served, ServerDidNotStart, serving

LOAD_GENERATOR = "bench.speed.load"
WARM_UP_TRIES = 10


def over_http(corpus: Corpus, settings: Settings, repeat: int) -> dict[str, Any]:
    """Sections 3, 4 and 5: four servers, one after the other (1 worker; 2 workers with and without preload; 2 sync workers)."""
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as folder:
        plans = write_plans(Path(folder), corpus, settings, warm_up_requests=2 * SATURATED)
        return {
            "workers_1": measure_server(1, True, plans, repeat, batch=True),
            "workers_2": measure_server(2, True, plans, repeat, batch=False),
            "workers_2_no_preload": measure_server(2, False, plans, repeat, batch=False),
            "workers_2_sync": measure_server(2, True, plans, repeat, batch=False, worker_class="sync"),
        }


def measure_server(
    workers: int, preload: bool, plans: dict[str, Path], repeat: int, batch: bool, worker_class: str = "quotes"
) -> dict[str, Any]:
    """One gunicorn: warmed up, then one by one at each concurrency (and batches), its memory read before it stops."""
    label = f"{workers} {worker_class} worker{'s' if workers > 1 else ''}, preload {'on' if preload else 'off'}"
    log(f"HTTP: starting gunicorn, {label}")
    # The app's log line per request stays on (it is part of what a request costs).
    environ = {"WEB_CONCURRENCY": str(workers), "GUNICORN_PRELOAD": "1" if preload else "0", "GUNICORN_WORKER_CLASS": worker_class}
    try:
        with serving(environ) as server, MemorySampler(server.pid) as sampler:
            passes = warm_up(server, plans["warm_up"])
            result: dict[str, Any] = {"workers": workers, "preload": preload, "worker_class": worker_class, "warm_up_passes": passes}
            for concurrency in CONCURRENCIES:
                log(f"HTTP, {label}: one by one, concurrency {concurrency}, {repeat} round(s)")
                result[f"concurrency_{concurrency}"] = measured_load(server, plans["single"], concurrency, repeat)
            if batch:
                # A batch is parsed in one memory zone: its peak is the worker's largest.
                result["worker_peak_rss_mb_before_batch"] = max_worker_peak_rss_mb(server.pid)
                log(f"HTTP, {label}: /v1/quotes/batch, concurrency 1, {repeat} round(s)")
                result["batch"] = measured_load(server, plans["batch"], 1, repeat)
            sampler.sample()
            result["memory"] = memory_report(server.pid, workers, preload, sampler)
    except ServerDidNotStart as exc:
        raise BenchError(str(exc)) from None
    return result


def run_load(url: str, plan: Path, concurrency: int, rounds: int, retry_unready: bool = False) -> list[dict[str, Any]]:
    """The load generator against ``url``; its rounds. Any failed request makes the measurement invalid."""
    command = [sys.executable, "-m", LOAD_GENERATOR, "--url", url, "--plan", str(plan)]
    command += ["--concurrency", str(concurrency), "--rounds", str(rounds)]
    if retry_unready:
        command.append("--retry-unready")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"the load generator failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    result: list[dict[str, Any]] = json.loads(done.stdout)["rounds"]
    errors = [sample for r in result for sample in r["error_samples"]]
    if any(r["errors"] for r in result):
        raise BenchError(f"{sum(r['errors'] for r in result)} requests to {url} failed, e.g. {errors[:3]}")
    return result


def warm_up(server: Served, plan: Path) -> int:
    """Send the warm-up plan until a pass meets no worker still loading (503); how many passes it took."""
    for attempt in range(1, WARM_UP_TRIES + 1):
        rounds = run_load(server.url, plan, SATURATED, 1, retry_unready=True)
        if rounds[0]["unready"] == 0:
            return attempt
    raise BenchError(f"the workers at {server.url} were still loading after {WARM_UP_TRIES} warm-up passes")


def summarise(rounds: Sequence[dict[str, Any]], concurrency: int) -> dict[str, Any]:
    """Medians over rounds: throughput, and each round's latency percentiles."""
    per_second = [r["chars"] / r["seconds"] for r in rounds]
    percentiles = [latency_percentiles(r["latencies_ms"]) for r in rounds]
    return {
        "concurrency": concurrency,
        "rounds": len(rounds),
        "requests_per_round": rounds[0]["requests"],
        "chars_per_second": statistics.median(per_second),
        "chars_per_second_rounds": per_second,
        **{key: statistics.median(p[key] for p in percentiles) for key in percentiles[0]},
        "quotes": rounds[-1]["quotes"],
    }


def load_generator_cpu_seconds() -> float:
    """CPU time of finished children: the load generator's runs (gunicorn is reaped only when it stops)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured_load(server: Served, plan: Path, concurrency: int, rounds: int) -> dict[str, Any]:
    """The load generator's rounds, summarised, with the CPU the server and the generator used meanwhile.

    The server's CPU seconds tell its cost apart from the machine's weather:
    characters per server CPU second do not fall when another job takes a
    core, and ``server_cores_busy`` shows how many cores the server got.
    """
    server_before, client_before = procfs.tree_cpu_seconds(server.pid), load_generator_cpu_seconds()
    result = run_load(server.url, plan, concurrency, rounds)
    server_used = procfs.tree_cpu_seconds(server.pid) - server_before
    wall = sum(r["seconds"] for r in result)
    return {
        **summarise(result, concurrency),
        "server_cpu_seconds": server_used,
        "load_generator_cpu_seconds": load_generator_cpu_seconds() - client_before,
        "server_cores_busy": server_used / wall,
        "chars_per_server_cpu_second": sum(r["chars"] for r in result) / server_used if server_used else None,
        "load_average_after": os.getloadavg()[0],
    }


def post_text(url: str, text: str) -> int:
    """``POST /v1/quotes`` with ``text``; the number of quotes in the answer."""
    request = urllib.request.Request(
        f"{url}/v1/quotes", data=json.dumps({"text": text}, ensure_ascii=False).encode("utf-8"), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=300) as answer:
        return len(json.load(answer)["quotes"])


def long_article_memory(text: str) -> dict[str, Any]:
    """A fresh 1-worker server (preload on, as deployed) given one long article: its worker's peak RSS before and after.

    Before: after one short request (the article's first paragraph), so the
    worker has answered once; after: once it has answered the long one.
    """
    log(f"memory: a fresh 1-worker server given one article of {len(text):,} characters")
    try:
        with serving({"WEB_CONCURRENCY": "1", "GUNICORN_PRELOAD": "1"}) as server:
            post_text(server.url, text.split("\n\n")[0])
            before = max_worker_peak_rss_mb(server.pid)
            quotes = post_text(server.url, text)
            after = max_worker_peak_rss_mb(server.pid)
    except ServerDidNotStart as exc:
        raise BenchError(str(exc)) from None
    return {"chars": len(text), "quotes": quotes, "worker_peak_rss_mb_before": before, "worker_peak_rss_mb": after}
