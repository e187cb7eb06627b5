"""The benchmark's load generator: sends a plan of requests to a running service.

It runs as a process of its own, so that the client's work (encoding, reading
sockets) is not charged to the process being measured, and the server is
spoken to the way a real client would. The plan is a JSON Lines file, one
request a line: ``{"path": "/v1/quotes", "body": {...}, "chars": 1234}``.

Each round sends every request of the plan once, spread over ``--concurrency``
threads that each take the next request as soon as their last one is
answered. The result, on stdout as JSON, holds per round the wall time,
characters sent, answers, errors and each request's latency; the benchmark
(``serverload``) takes the medians. It imports only the standard library, so
that it starts fast and small.

    python -m bench.speed.load --url http://127.0.0.1:8000 --plan plan.jsonl --concurrency 4 --rounds 3
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Long enough for the largest batch the service accepts on a slow core; a
# request that takes longer is an error worth seeing, not a hang.
REQUEST_TIMEOUT_SECONDS = 600.0
# A worker still loading its model answers 503 at once; during a warm-up
# such answers are retried after this pause instead of counted as errors.
UNREADY_PAUSE_SECONDS = 0.2
# ...for at most a minute: a worker whose model failed to load answers 503 for ever.
UNREADY_RETRIES = 300
MAX_ERRORS_KEPT = 5


@dataclass(frozen=True)
class Request:
    """One request of the plan, its body encoded once, before any clock starts."""

    path: str
    body: bytes
    chars: int


@dataclass
class Round:
    """What one pass over the plan measured."""

    seconds: float = 0.0
    requests: int = 0
    chars: int = 0
    quotes: int = 0
    errors: int = 0
    unready: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Answer:
    """The outcome of one request: its status, latency and how many quotes came back."""

    status: int
    seconds: float
    quotes: int
    error: str | None = None


def read_plan(path: Path) -> list[Request]:
    """The plan's requests, bodies encoded to UTF-8 JSON up front."""
    requests = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            body = json.dumps(item["body"], ensure_ascii=False).encode("utf-8")
            requests.append(Request(item["path"], body, int(item["chars"])))
    return requests


def count_quotes(payload: Any) -> int:
    """Quotes in a single or batch answer: a sanity check that real work was done."""
    if "documents" in payload:
        return sum(len(document["quotes"]) for document in payload["documents"])
    return len(payload["quotes"])


def send(connection: http.client.HTTPConnection, request: Request) -> Answer:
    """POST one request and read the whole answer.

    gunicorn's sync workers close the connection after each answer;
    ``http.client`` then opens a new one for the next request by itself.
    """
    headers = {"Content-Type": "application/json", "Content-Length": str(len(request.body))}
    started = time.perf_counter()
    try:
        connection.request("POST", request.path, body=request.body, headers=headers)
        response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as exc:
        connection.close()
        return Answer(0, time.perf_counter() - started, 0, f"{type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - started
    if response.status != 200:
        return Answer(response.status, seconds, 0, f"HTTP {response.status}: {data[:300].decode(errors='replace')}")
    try:
        quotes = count_quotes(json.loads(data))
    except (ValueError, KeyError, TypeError) as exc:
        return Answer(200, seconds, 0, f"an answer that is not the expected JSON ({type(exc).__name__}: {exc})")
    return Answer(200, seconds, quotes)


class Runner:
    """Threads that share one queue of requests (the plan, in order) for one round."""

    def __init__(self, host: str, port: int, plan: list[Request], retry_unready: bool) -> None:
        self.host = host
        self.port = port
        self.plan = plan
        self.retry_unready = retry_unready
        self._next = 0
        self._lock = threading.Lock()
        self._round = Round()

    def run(self, concurrency: int) -> Round:
        """Send the whole plan once with ``concurrency`` clients; time the round from first send to last answer."""
        self._next, self._round = 0, Round()
        threads = [threading.Thread(target=self._client, name=f"client-{n}") for n in range(concurrency)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self._round.seconds = time.perf_counter() - started
        return self._round

    def _take(self) -> Request | None:
        with self._lock:
            if self._next >= len(self.plan):
                return None
            self._next += 1
            return self.plan[self._next - 1]

    def _client(self) -> None:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT_SECONDS)
        try:
            while (request := self._take()) is not None:
                answer = send(connection, request)
                retries = UNREADY_RETRIES if self.retry_unready else 0
                while answer.status == 503 and retries > 0:
                    retries -= 1
                    self._record_unready()
                    time.sleep(UNREADY_PAUSE_SECONDS)
                    answer = send(connection, request)
                self._record(request, answer)
        finally:
            connection.close()

    def _record_unready(self) -> None:
        with self._lock:
            self._round.unready += 1

    def _record(self, request: Request, answer: Answer) -> None:
        with self._lock:
            result = self._round
            result.requests += 1
            result.latencies_ms.append(answer.seconds * 1000)
            if answer.error is not None:
                result.errors += 1
                if len(result.error_samples) < MAX_ERRORS_KEPT:
                    result.error_samples.append(answer.error)
                return
            result.chars += request.chars
            result.quotes += answer.quotes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.speed.load", description=__doc__.split("\n")[0] if __doc__ else None
    )
    parser.add_argument("--url", required=True, help="the service's base URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--plan", type=Path, required=True, help="JSON Lines: {path, body, chars} per request")
    parser.add_argument("--concurrency", type=int, default=1, help="clients sending at once")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the plan, each reported on its own")
    parser.add_argument(
        "--retry-unready", action="store_true", help="retry 503 (model still loading) instead of counting an error"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    address = urlsplit(args.url)
    if address.hostname is None or address.port is None:
        raise SystemExit(f"--url needs a host and a port: {args.url!r}")
    plan = read_plan(args.plan)
    if not plan:
        raise SystemExit(f"the plan {args.plan} holds no requests")
    runner = Runner(address.hostname, address.port, plan, args.retry_unready)
    rounds = [asdict(runner.run(args.concurrency)) for _ in range(args.rounds)]
    json.dump({"concurrency": args.concurrency, "rounds": rounds}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
