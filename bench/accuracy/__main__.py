"""The evaluation's recipe: the shared scorer on every shared annotated set (``make eval``).

Runs ``../shared/eval/score.py`` on each run of ``sets.RUNS`` (the seeds,
PolNeAR dev quoted and all, its speaker table, BBC dev, GGT dev all and
direct and mixed, the challenge suite by capability) and prints the tables
of ``report``. The answers come from one of two places:

- a running service (the default): the one answering at ``--url``, or, when
  none answers, one started on a free loopback port by
  ``service.web.server.serving`` and stopped afterwards; the scorer posts each
  article to it (``--url``);
- the engine in this process (``--offline``): ``predict`` writes its answers,
  the API's JSON exactly, with the parses kept in ``--cache`` between runs,
  and the scorer reads them (``--pred``). No server, and seconds instead of
  minutes once the parses are cached: the mode for working on the rules.

    python -m bench.accuracy [--shared ../shared] [--url http://127.0.0.1:8000 | --offline [--cache DIR]]
                             [--json FILE] [--record FILE.md]
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import ROOT, SHARED
from bench.accuracy.predict import predict
from bench.accuracy.report import report
from bench.accuracy.sets import RUNS, Run
from bench.common.progress import BenchError, log
from bench.common.provenance import git_commit, service_code
from bench.common.results import add_output_options, command_line, write_outputs
from service.web.server import ServerDidNotStart, readiness, serving

PROG = "python -m bench.accuracy"
DEFAULT_URL = "http://127.0.0.1:8000"
DEFAULT_CACHE = ROOT / ".cache" / "parses"
"""Where ``--offline`` keeps the parses between runs (git ignores it; ``make clean`` removes it)."""
SCORER = Path("eval") / "score.py"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=PROG, description="Accuracy on every shared annotated set.")
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="the shared folder: data and scorer (default ../shared)"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--url", default=DEFAULT_URL, help=f"a running service to use, if it answers (default {DEFAULT_URL})"
    )
    source.add_argument("--offline", action="store_true", help="the engine in this process, no server")
    parser.add_argument(
        "--cache", type=Path, default=DEFAULT_CACHE, help="--offline: keep the parses here (default .cache/parses)"
    )
    add_output_options(parser, "the tables")
    return parser.parse_args(argv)


def missing_data(shared: Path) -> list[Path]:
    """The scorer and the annotated files ``make eval`` needs that are not in ``shared``."""
    needed = [shared / SCORER, *{run.set.file(shared) for run in RUNS}]
    return sorted(path for path in needed if not path.exists())


def score(shared: Path, run: Run, source: list[str]) -> dict[str, Any]:
    """The scorer's figures for one run; ``source`` is ``--url ENDPOINT`` or ``--pred FILE``."""
    command = [sys.executable, str(shared / SCORER), str(run.set.file(shared)), *source, *run.options]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if not done.stdout.strip():
        raise BenchError(f"the scorer failed on {run.name} ({done.returncode}): {done.stderr.strip()[-500:]}")
    scored: dict[str, Any] = json.loads(done.stdout)
    return scored


@contextmanager
def service(url: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """A ready service and what its ``/readyz`` says: the one at ``url`` if it answers, or one started here."""
    if (ready := readiness(url)) is not None:
        log(f"using the service already running at {url}")
        yield url, ready
        return
    try:
        with serving() as started:
            log(f"started gunicorn at {started.url}")
            yield started.url, started.ready
    except ServerDidNotStart as exc:
        raise BenchError(f"the service did not start: {exc}") from None


def through_service(shared: Path, url: str) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Every run, the scorer posting each article to the service; the figures and where they came from."""
    with service(url) as (base, ready):
        results = {}
        for run in RUNS:
            log(f"scoring {run.name} through {base}")
            results[run.name] = score(shared, run, ["--url", f"{base}/v1/quotes"])
    model = ready.get("model") or {}
    return results, {
        "mode": "service",
        "url": base,
        "model": {"name": model.get("name"), "version": model.get("version")},
    }


def in_process(shared: Path, cache: Path) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Every run, on the engine's answers made in this process; the figures and where they came from."""
    golds = sorted({run.set.file(shared) for run in RUNS})
    with tempfile.TemporaryDirectory(prefix="quotes-eval-") as folder:
        files, info = predict(golds, Path(folder), cache)
        results = {}
        for run in RUNS:
            log(f"scoring {run.name} offline")
            results[run.name] = score(shared, run, ["--pred", str(files[run.set.file(shared)])])
    return results, {"mode": "offline", "model": {"name": info.name, "version": info.version}}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if missing := missing_data(args.shared):
        log(
            f"make eval needs the shared scorer and annotated data at {args.shared}; "
            f"not there: {', '.join(map(str, missing))}. Nothing was measured."
        )
        return 2
    meta: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "shared": str(args.shared),
        "project_commit": git_commit(),
        "service_code": service_code(),
    }
    try:
        results, source = (
            in_process(args.shared, args.cache) if args.offline else through_service(args.shared, args.url)
        )
    except BenchError as exc:
        log(f"eval: {exc}")
        return 1
    figures = {"meta": {**meta, **source}, "runs": results}
    text = report(figures)
    print(text)
    failed = {name: result["failed_requests"] for name, result in results.items() if result.get("failed_requests")}
    for name, count in failed.items():
        log(f"{name}: {count} requests failed; its figures count them as articles with no quotes")
    write_outputs(args, text, figures, command_line(PROG, argv))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
