"""Soak: gunicorn with 2 workers under sustained load of ever-new words; errors, latency over time, worker memory.

Each request is a short article made of words no request used before (made-up
names, nouns and verbs), so a service that kept every string it ever saw
(spaCy's ``StringStore`` without ``nlp.memory_zone()``) would grow request by
request. The soak reports:

- errors (target: none): failed connections, statuses other than 200, and
  answers whose quote is not the text at its offsets;
- latency percentiles (p50, p95, p99) per slice of the run (each a tenth of
  the requests, in the order they were answered), and throughput per slice;
- each worker's resident memory (``VmRSS`` and its anonymous part ``RssAnon``
  from ``/proc/<pid>/status``) after the warm-up and at the end (target: the
  end within 5% of the start), for the workers that lived through the whole
  run. By default workers are not recycled during the soak
  (``GUNICORN_MAX_REQUESTS=0``), so that the same processes are measured from
  start to end. ``--max-requests N`` soaks the production setting instead
  (gunicorn replaces a worker after about N requests): the memory of the
  workers alive at the end is then compared with that of the workers at the
  start, and the peak over the run is reported.

The server is the project's own command (``service.server.gunicorn_command``)
on a free loopback port. The client is ``--concurrency`` threads in this
process, each with its own ``requests.Session``. It is bounded in requests
and in time, whichever comes first. Exit status 1 when a target is missed.

    .venv/bin/python bench/soak.py --json bench/results/soak.json
    .venv/bin/python bench/soak.py --requests 2000 --max-seconds 120   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.server import free_port, gunicorn_command  # noqa: E402

STARTUP_SECONDS = 180
REQUEST_TIMEOUT_SECONDS = 120
SAMPLE_EVERY_SECONDS = 2.0
RSS_TARGET_PERCENT = 5.0
MAX_ERRORS_KEPT = 10

# Made-up words: syllables spelling a number, so that no two requests share a
# word. Letters only, so the tokenizer treats them as ordinary words.
ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "pr", "st", "tr"]
VOWELS = ["a", "e", "i", "o", "u"]
SYLLABLES = [onset + vowel for onset in ONSETS for vowel in VOWELS]  # 100
WORDS_PER_REQUEST = 11
TEMPLATES = [
    "“The {n0} will {v0} the {n1} by {m},” said {P0} {S0}, a spokesperson for {O0} {O1}. "
    "{P0} added that the {n2} had {v1} the {n3}.",
    "{P0} {S0}, the {n0} of {O0} {O1}, said: “We {v0} every {n1} and every {n2}.” "
    "According to {S0}, the {n3} {v1} in {m}.",
    "“Our {n0} is {v0},” {P0} {S0} told reporters. “No {n1} will {v1} the {n2} of {O0} {O1}.” "
    "She called the {n3} a {m}.",
]


def made_up(number: int, capital: bool = False) -> str:
    """A pronounceable word that spells ``number``: three syllables at least."""
    syllables = []
    for _ in range(3):
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    while number:
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    word = "".join(syllables)
    return word.capitalize() if capital else word


def article(index: int) -> str:
    """Request ``index``'s text: a short article of words no other request uses."""
    words = [index * WORDS_PER_REQUEST + k for k in range(WORDS_PER_REQUEST)]
    fill = {
        "n0": made_up(words[0]), "n1": made_up(words[1]), "n2": made_up(words[2]), "n3": made_up(words[3]),
        "v0": made_up(words[4]) + "s", "v1": made_up(words[5]) + "ed", "m": made_up(words[6]),
        "P0": made_up(words[7], capital=True), "S0": made_up(words[8], capital=True),
        "O0": made_up(words[9], capital=True), "O1": made_up(words[10], capital=True),
    }  # fmt: skip
    return random.Random(index).choice(TEMPLATES).format(**fill)


# --- the server and its workers ------------------------------------------------------------



def children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def memory_of(pid: int) -> dict[str, int] | None:
    """``VmRSS``, ``RssAnon`` and ``VmHWM`` of ``pid`` in kB, or None once it has gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    values = {}
    for line in lines:
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "RssAnon", "VmHWM"):
            values[name] = int(rest.split()[0])
    return values


class Server:
    """gunicorn serving the app, as ``make run`` does, with the soak's environment."""

    def __init__(self, workers: int, log: Path, metrics_dir: str, max_requests: int) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WEB_CONCURRENCY": str(workers),
            # 0: the same workers from start to end (recycling would hide growth, and reset it).
            "GUNICORN_MAX_REQUESTS": str(max_requests),
            # One log line per request is 20,000 lines; warnings are what matter here.
            "QUOTES_LOG_LEVEL": "WARNING",
            "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
        }
        self.log = log.open("wb")
        self.process = subprocess.Popen(gunicorn_command(), cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self) -> dict[str, Any]:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited with {self.process.returncode}; see {self.log.name}")
            try:
                ready = requests.get(f"{self.url}/readyz", timeout=2)
                if ready.status_code == 200:
                    model: dict[str, Any] = ready.json()["model"]
                    return model
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn was not ready within {STARTUP_SECONDS} s; see {self.log.name}")

    def workers(self) -> list[int]:
        return children_of(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


# --- the load ----------------------------------------------------------------------------------


@dataclass
class Answer:
    index: int
    finished: float
    """Seconds since the run started."""
    latency_ms: float
    error: str | None = None


@dataclass
class Load:
    """Requests handed out one at a time to the threads, until the count or the time is up."""

    url: str
    total: int
    first_index: int
    stop_at: float
    started: float = field(default_factory=time.monotonic)
    answers: list[Answer] = field(default_factory=list)
    _next: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> int | None:
        with self._lock:
            if self._next >= self.total or time.monotonic() >= self.stop_at:
                return None
            self._next += 1
            return self.first_index + self._next - 1

    def run(self, concurrency: int) -> None:
        threads = [threading.Thread(target=self._worker, name=f"client-{n}") for n in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def _worker(self) -> None:
        with requests.Session() as session:
            while (index := self.take()) is not None:
                answer = send(session, self.url, index, self.started)
                with self._lock:
                    self.answers.append(answer)


def send(session: requests.Session, url: str, index: int, started: float) -> Answer:
    """Send request ``index``; an error is anything but a 200 whose first quote is the text at its offsets."""
    text = article(index)
    began = time.monotonic()
    error = None
    try:
        response = session.post(f"{url}/v1/quotes", json={"text": text}, timeout=REQUEST_TIMEOUT_SECONDS)
        if response.status_code != 200:
            error = f"HTTP {response.status_code}: {response.text[:200]}"
        else:
            quotes = response.json()["quotes"]
            if not quotes:
                error = "no quote found"
            elif text[quotes[0]["start"] : quotes[0]["end"]] != quotes[0]["text"]:
                error = f"offsets {quotes[0]['start']}:{quotes[0]['end']} do not hold {quotes[0]['text']!r}"
    except (requests.RequestException, ValueError, KeyError) as exc:
        error = f"{type(exc).__name__}: {exc}"
    finished = time.monotonic()
    return Answer(index, finished - started, (finished - began) * 1000, error)


class Sampler(threading.Thread):
    """Worker memory every few seconds, and every worker pid seen."""

    def __init__(self, server: Server) -> None:
        super().__init__(name="sampler", daemon=True)
        self.server = server
        self.samples: list[dict[str, Any]] = []
        self.seen: set[int] = set()
        self.started = time.monotonic()
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(SAMPLE_EVERY_SECONDS):
            self.sample()

    def sample(self) -> None:
        workers = self.server.workers()
        self.seen.update(workers)
        at = round(time.monotonic() - self.started, 1)
        self.samples.append({"seconds": at, "workers": {str(pid): memory_of(pid) for pid in workers}})

    def stop(self) -> None:
        self._halt.set()
        self.join()
        self.sample()


# --- the report ----------------------------------------------------------------------------------


def percentile(ordered: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of sorted values, by the nearest-rank method."""
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def slices_of(answers: list[Answer], count: int) -> list[dict[str, Any]]:
    """Latency and throughput per slice of the run, in the order the answers came."""
    ordered = sorted(answers, key=lambda a: a.finished)
    rows = []
    for n in range(count):
        part = ordered[n * len(ordered) // count : (n + 1) * len(ordered) // count]
        if not part:
            continue
        latencies = sorted(a.latency_ms for a in part)
        previous_end = ordered[n * len(ordered) // count - 1].finished if n else 0.0
        seconds = part[-1].finished - previous_end
        rows.append(
            {
                "slice": n + 1,
                "requests": len(part),
                "until_seconds": round(part[-1].finished, 1),
                "requests_per_second": round(len(part) / seconds, 1) if seconds > 0 else None,
                "p50_ms": round(percentile(latencies, 50), 1),
                "p95_ms": round(percentile(latencies, 95), 1),
                "p99_ms": round(percentile(latencies, 99), 1),
                "max_ms": round(latencies[-1], 1),
                "errors": sum(a.error is not None for a in part),
            }
        )
    return rows


def worker_memory(start: dict[int, dict[str, int] | None], end: dict[int, dict[str, int] | None]) -> list[dict[str, Any]]:
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


def recycled_memory(
    start: dict[int, dict[str, int] | None], end: dict[int, dict[str, int] | None], samples: list[dict[str, Any]]
) -> dict[str, Any]:
    """Memory of the server's workers as a whole, for runs where gunicorn replaces them."""

    def mean_rss(memory: dict[int, dict[str, int] | None]) -> float:
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


def markdown(report: dict[str, Any]) -> str:
    run = report["run"]
    lines = [
        f"## Soak: {run['answered']} requests at concurrency {run['concurrency']} on {report['server']['workers']} "
        f"gunicorn workers ({report['server']['model']['name']} {report['server']['model']['version']})",
        "",
        f"{run['seconds']} s, {run['requests_per_second']} requests/s, {run['new_words']} words never seen before, "
        f"errors: {run['errors']}" + (" (stopped by --max-seconds)" if run["stopped_by_time"] else ""),
        "",
        "| slice | requests | until (s) | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in report["slices"]:
        lines.append(
            f"| {row['slice']} | {row['requests']} | {row['until_seconds']} | {row['requests_per_second']} | "
            f"{row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | {row['max_ms']} | {row['errors']} |"
        )
    lines += [
        "",
        "| worker | lived through | RSS start (MB) | RSS end (MB) | RSS growth | anon start (MB) | anon end (MB) | anon growth |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in report["workers"]:
        def mb(key: str) -> str:
            return f"{row[key] / 1024:.1f}" if key in row else "-"

        def pct(key: str) -> str:
            return f"{row[key]:+.2f}%" if key in row else "-"

        lines.append(
            f"| {row['pid']} | {'yes' if row['lived_through_the_run'] else 'no'} | {mb('rss_start_kb')} | "
            f"{mb('rss_end_kb')} | {pct('rss_growth_percent')} | {mb('anon_start_kb')} | {mb('anon_end_kb')} | "
            f"{pct('anon_growth_percent')} |"
        )
    if report["server"]["max_requests"]:
        recycled = report["recycled"]
        lines += [
            "",
            f"Workers recycled after about {report['server']['max_requests']} requests "
            f"({len(report['worker_pids_seen'])} worker processes seen): mean worker RSS "
            f"{recycled['mean_rss_start_kb'] / 1024:.1f} MB at the start, {recycled['mean_rss_end_kb'] / 1024:.1f} MB "
            f"at the end ({recycled['growth_percent']:+.2f}%), peak {recycled['peak_rss_kb'] / 1024:.1f} MB.",
        ]
    targets = report["targets"]
    lines += [
        "",
        f"Targets: no errors: {'met' if targets['no_errors'] else 'MISSED'}; "
        f"every request sent: {'met' if targets['all_requests_sent'] else 'MISSED'}; "
        f"worker RSS within {RSS_TARGET_PERCENT:g}% once warm: {'met' if targets['rss_within_target'] else 'MISSED'}"
        + ("." if report.get("memory_judged", True) else " (reported, not judged: --memory-not-judged)."),
    ]
    if report["error_samples"]:
        lines += ["", "First errors:", *(f"- {e}" for e in report["error_samples"])]
    return "\n".join(lines)


# --- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=20_000, help="requests after the warm-up (default 20000)")
    parser.add_argument("--max-seconds", type=float, default=1800, help="stop sending after this long (default 1800)")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--warmup", type=int, default=500, help="requests before memory is first read (default 500)")
    parser.add_argument("--slices", type=int, default=10, help="latency is reported per this many slices (default 10)")
    parser.add_argument(
        "--max-requests", type=int, default=0, help="recycle workers as gunicorn_conf does (default 0: never)"
    )
    parser.add_argument(
        "--memory-not-judged",
        action="store_true",
        help="report worker memory without judging it against the target (the exit status then says only whether "
        "every request was answered without error)",
    )
    parser.add_argument("--json", type=Path, help="write the report here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    log = Path(tempfile.gettempdir()) / f"quotes-soak-{os.getpid()}.log"
    with tempfile.TemporaryDirectory(prefix="quotes-soak-metrics-") as metrics_dir:
        server = Server(args.workers, log, metrics_dir, args.max_requests)
        try:
            model = server.wait_ready()
            print(f"gunicorn ready at {server.url}, workers {server.workers()}; warming up", file=sys.stderr)
            warmup = Load(server.url, args.warmup, first_index=0, stop_at=time.monotonic() + args.max_seconds)
            warmup.run(args.concurrency)
            workers_at_start = server.workers()
            start_memory = {pid: memory_of(pid) for pid in workers_at_start}
            print(f"soaking: {args.requests} requests, concurrency {args.concurrency}", file=sys.stderr)
            sampler = Sampler(server)
            sampler.start()
            load = Load(server.url, args.requests, first_index=args.warmup, stop_at=time.monotonic() + args.max_seconds)
            load.run(args.concurrency)
            seconds = time.monotonic() - load.started
            sampler.stop()
            end_memory = {pid: memory_of(pid) for pid in server.workers()}
            alive = server.process.poll() is None
        finally:
            server.stop()

    errors = [a for a in sorted(load.answers, key=lambda a: a.finished) if a.error is not None]
    workers = worker_memory(start_memory, end_memory)
    lived = [w for w in workers if w["lived_through_the_run"]]
    recycled = recycled_memory(start_memory, end_memory, sampler.samples)
    report: dict[str, Any] = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "server": {"workers": args.workers, "max_requests": args.max_requests, "model": model, "alive_at_end": alive},
        "run": {
            "requested": args.requests,
            "answered": len(load.answers),
            "warmup": args.warmup,
            "concurrency": args.concurrency,
            "seconds": round(seconds, 1),
            "requests_per_second": round(len(load.answers) / seconds, 1) if seconds else None,
            "new_words": len(load.answers) * WORDS_PER_REQUEST,
            "errors": len(errors),
            "stopped_by_time": len(load.answers) < args.requests,
        },
        "slices": slices_of(load.answers, args.slices),
        "workers": workers,
        "worker_pids_seen": sorted(sampler.seen),
        "recycled": recycled,
        "targets": {
            "no_errors": not errors,
            "all_requests_sent": len(load.answers) == args.requests,
            "rss_within_target": (
                bool(lived)
                and all(abs(w["rss_growth_percent"]) <= RSS_TARGET_PERCENT for w in lived)
                and len(lived) == args.workers
            )
            if args.max_requests == 0
            else abs(recycled["growth_percent"]) <= RSS_TARGET_PERCENT,
        },
        "memory_judged": not args.memory_not_judged,
        "error_samples": [f"request {a.index}: {a.error}" for a in errors[:MAX_ERRORS_KEPT]],
        "memory_samples": sampler.samples,
        "server_log": str(log),
    }
    print(markdown(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"\nwritten to {args.json}", file=sys.stderr)
    judged = {k: v for k, v in report["targets"].items() if not (args.memory_not_judged and k == "rss_within_target")}
    return 0 if all(judged.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
