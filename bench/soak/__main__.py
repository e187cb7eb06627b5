"""The soak's recipe: gunicorn with 2 workers under sustained load of ever-new words (``make soak``).

Each request is a short article made of words no request used before (made-up
names, nouns and verbs), so a service that kept every string it ever saw
(spaCy's ``StringStore`` without ``nlp.memory_zone()``) would grow request by
request. The soak reports:

- errors (target: none): failed connections, statuses other than 200, and
  answers whose quote is not the text at its offsets;
- latency percentiles (p50, p95, p99, interpolated between the closest ranks
  by ``bench.common.stats.percentile``, as ``make bench`` computes them) per slice of
  the run (each a tenth of the requests, in the order they were answered),
  and throughput per slice;
- each worker's resident memory (``VmRSS`` and its anonymous part ``RssAnon``
  from ``/proc/<pid>/status``) after the warm-up and at the end (target: the
  end within 5% of the start), for the workers that lived through the whole
  run. By default workers are not recycled during the soak
  (``GUNICORN_MAX_REQUESTS=0``), so that the same processes are measured from
  start to end. ``--max-requests N`` soaks the production setting instead
  (gunicorn replaces a worker after about N requests): the memory of the
  workers alive at the end is then compared with that of the workers at the
  start, and the peak over the run is reported.

The server is the project's own command, started on a free loopback port by
``service.web.server.serving`` (its log kept in a file the report names). The
client is ``--concurrency`` threads in this process, each with its own
``requests.Session`` (``load``). It is bounded in requests and in time,
whichever comes first. ``report`` turns what was observed into the report;
``--record`` writes it as the committed result, without the memory samples
(``--json`` keeps them). Exit status 1 when a target is missed.

    .venv/bin/python -m bench.soak --record bench/results/soak.md
    .venv/bin/python -m bench.soak --requests 2000 --max-seconds 120   # a quick look
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import procfs
from bench.common.memory import WorkersSampler, workers_memory
from bench.common.results import add_output_options, command_line, write_outputs
from bench.soak.load import Load
from bench.soak.report import Observed, markdown, passed, report, summary
from service.web.server import ServerDidNotStart, serving

PROG = "python -m bench.soak"
# Two workers loading the model without preload take longer than one.
STARTUP_SECONDS = 180
# Every worker's memory this often: enough to plot a 20-minute run.
SAMPLE_EVERY_SECONDS = 2.0


def soak(args: argparse.Namespace, log: Path) -> Observed:
    """Start gunicorn, warm it up, read its workers' memory, soak it, read their memory again, stop it."""
    with tempfile.TemporaryDirectory(prefix="quotes-soak-metrics-") as metrics_dir:
        environ = {
            "WEB_CONCURRENCY": str(args.workers),
            # 0: the same workers from start to end (recycling would hide growth, and reset it).
            "GUNICORN_MAX_REQUESTS": str(args.max_requests),
            # One log line per request is 20,000 lines; warnings are what matter here.
            "QUOTES_LOG_LEVEL": "WARNING",
            "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
            "GUNICORN_WORKER_CLASS": args.worker_class,
        }
        with serving(environ, log=log, startup_seconds=STARTUP_SECONDS) as server:
            workers = procfs.children(server.pid)
            print(f"gunicorn ready at {server.url}, workers {workers}; warming up", file=sys.stderr)
            Load(server.url, args.warmup, first_index=0, stop_at=time.monotonic() + args.max_seconds).run(
                args.concurrency
            )
            start_memory = workers_memory(server.pid)
            print(f"soaking: {args.requests} requests, concurrency {args.concurrency}", file=sys.stderr)
            with WorkersSampler(server.pid, every=SAMPLE_EVERY_SECONDS) as sampler:
                load = Load(
                    server.url, args.requests, first_index=args.warmup, stop_at=time.monotonic() + args.max_seconds
                )
                load.run(args.concurrency)
                seconds = time.monotonic() - load.started
            end_memory = workers_memory(server.pid)
            alive = server.process.poll() is None
    return Observed(
        model=server.ready["model"],
        answers=load.answers,
        seconds=seconds,
        start_memory=start_memory,
        end_memory=end_memory,
        samples=sampler.samples,
        pids_seen=sorted(sampler.seen),
        alive_at_end=alive,
        log=log,
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="gunicorn under sustained load of ever-new words: errors, latency over time, worker memory.",
    )
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
        "--worker-class",
        choices=("quotes", "sync"),
        default="quotes",
        help="gunicorn's worker class (GUNICORN_WORKER_CLASS; default quotes, as deployed; sync: the setup before it, to compare)",
    )
    parser.add_argument(
        "--memory-not-judged",
        action="store_true",
        help="report worker memory without judging it against the target (the exit status then says only whether "
        "every request was answered without error)",
    )
    add_output_options(parser, "the report (without the memory samples, which --json keeps)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    log = Path(tempfile.gettempdir()) / f"quotes-soak-{os.getpid()}.log"
    try:
        observed = soak(args, log)
    except ServerDidNotStart as exc:
        raise SystemExit(f"{exc}\n(the whole log: {log})") from None
    command = command_line(PROG, argv)
    result = report(args, observed, command)
    text = markdown(result)
    print(text)
    write_outputs(args, text, result, command, committed=summary(result))
    return 0 if passed(result) else 1


if __name__ == "__main__":
    sys.exit(main())
