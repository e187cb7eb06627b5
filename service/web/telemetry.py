"""What operators see: request ids, one JSON log line per request, Prometheus metrics.

Article text is confidential until published: it never reaches a log line, a
metric label or an error body. Logs carry sizes, counts, statuses and times.

Metrics work under several gunicorn workers through prometheus-client's
multiprocess mode: ``gunicorn_conf.py`` points ``PROMETHEUS_MULTIPROC_DIR`` at
a fresh directory before any worker starts, and ``/metrics`` then adds up every
worker's numbers. When a worker exits (recycled, or killed), the master adds
its counts into one file kept for the workers gone (``retire_worker_metrics``)
and removes its files, so that the counters never fall and the files do not
pile up. Without that variable (tests, ``flask run``) each process reports its
own.
"""

from __future__ import annotations

import fcntl
import glob
import json
import logging
import os
import re
import time
import traceback
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask, Response, current_app, g, request
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.mmap_dict import MmapedDict
from prometheus_client.multiprocess import MultiProcessCollector
from werkzeug.exceptions import HTTPException, MethodNotAllowed

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
"""A caller's request id is echoed only if it is this tame; otherwise a fresh one is made."""
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
METRICS_MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"
RETIRED = "retired"
"""Where the counts of the workers gone are kept: ``counter_retired.db``, ``histogram_retired.db``, ``gauge_max_retired.db``."""
LOCK_FILE = ".lock"
"""In the metrics directory: /metrics reads under a shared lock, the master merges under an exclusive one,
so that a scrape never sees a worker's counts twice or not at all."""

request_log = logging.getLogger("service.requests")


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message and any ``extra`` fields."""

    STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
    converter = staticmethod(time.gmtime)  # the "Z" in the timestamp means it

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update({k: v for k, v in vars(record).items() if k not in self.STANDARD})
        if record.exc_info and record.exc_info[0] is not None:
            # The stack, but not the exception's message: it may quote the text.
            line["error"] = record.exc_info[0].__name__
            line["stack"] = "".join(traceback.format_tb(record.exc_info[2]))
        return json.dumps(line, ensure_ascii=False, default=str)


def configure_logging(level: str) -> None:
    """JSON lines on stderr for the whole process, once.

    Handlers someone else put on the root logger stay (a test's log capture);
    if one of them already writes JSON lines (gunicorn's, from its config),
    no second one is added.
    """
    root = logging.getLogger()
    root.setLevel(level.upper())
    if any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root.addHandler(handler)


class Metrics:
    """The service's Prometheus metrics, in a registry of their own (so that tests can build several apps)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "quotes_http_requests",
            "HTTP requests by route, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "quotes_http_request_duration_seconds",
            "Time to answer, by route.",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.characters = Counter("quotes_characters_processed", "Characters of text analysed.", registry=self.registry)
        self.documents = Counter("quotes_documents_processed", "Texts analysed.", registry=self.registry)
        self.quotes = Counter("quotes_found", "Quotes found, by type.", ["type"], registry=self.registry)
        self.model_load = Gauge(
            "quotes_model_load_seconds",
            "Seconds the spaCy pipeline took to load and warm up.",
            registry=self.registry,
            multiprocess_mode="max",
        )

    def exposition(self) -> bytes:
        """The text format Prometheus scrapes, across all workers when there are several."""
        directory = os.environ.get(MULTIPROCESS_DIR)
        if directory:
            registry = CollectorRegistry()
            MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
            with _locked(directory, fcntl.LOCK_SH):
                return generate_latest(registry)
        return generate_latest(self.registry)


@contextmanager
def _locked(directory: str, operation: int) -> Iterator[None]:
    with open(os.path.join(directory, LOCK_FILE), "a+b") as lock:
        fcntl.flock(lock, operation)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def retire_worker_metrics(directory: str, pid: int) -> None:
    """Add the metrics of a worker gone into the ``retired`` files, and remove its own.

    Counters and histograms are sums (a histogram's files hold each bucket's
    own count), so the retired value is the sum; a ``max`` gauge's is the
    largest. Gauges of other modes are not used here: prometheus-client's own
    ``mark_process_dead`` removes the live ones.
    """
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]
    with _locked(directory, fcntl.LOCK_EX):
        for path in glob.glob(os.path.join(directory, f"*_{pid}.db")):
            kind = os.path.basename(path)[: -len(f"_{pid}.db")]
            retired = MmapedDict(os.path.join(directory, f"{kind}_{RETIRED}.db"))  # type: ignore[no-untyped-call]
            try:
                for key, value, timestamp, _ in MmapedDict.read_all_values_from_file(path):  # type: ignore[no-untyped-call]
                    before, _ = retired.read_value(key)  # type: ignore[no-untyped-call]
                    merged = max(before, value) if kind == "gauge_max" else before + value
                    retired.write_value(key, merged, timestamp)  # type: ignore[no-untyped-call]
            finally:
                retired.close()  # type: ignore[no-untyped-call]
            os.remove(path)


def _route() -> str:
    """The route's pattern ("/v1/quotes"), never the raw path: labels must stay few.

    A 405 matched a route by its path but not its method, so werkzeug bound no
    rule: the route is found again with a method it takes. Only a path that no
    route has (a 404) is "unmatched".
    """
    if request.url_rule is not None:
        return request.url_rule.rule
    error = request.routing_exception
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        method: str = next(iter(error.valid_methods))
        try:
            rule, _ = current_app.url_map.bind_to_environ(request.environ).match(method=method, return_rule=True)
        except HTTPException:
            return "unmatched"
        return str(rule.rule)
    return "unmatched"


def install(app: Flask, metrics: Metrics) -> None:
    """Give every request an id, and count and log it when it is answered."""

    @app.before_request
    def start() -> None:
        g.request_started = time.perf_counter()
        given = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex

    @app.after_request
    def finish(response: Response) -> Response:
        started = g.get("request_started", time.perf_counter())
        duration = time.perf_counter() - started
        route = _route()
        response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
        metrics.requests.labels(route, request.method, str(response.status_code)).inc()
        metrics.latency.labels(route).observe(duration)
        request_log.info(
            "request",
            extra={
                "request_id": g.get("request_id"),
                "method": request.method,
                "route": route,
                "status": response.status_code,
                "request_bytes": request.content_length or 0,
                "response_bytes": response.calculate_content_length() or 0,
                "duration_ms": round(duration * 1000, 1),
                **g.get("work", {}),
            },
        )
        return response


def record_work(metrics: Metrics, characters: int, documents: int, quote_types: list[str]) -> None:
    """Count what a request analysed, and keep the sizes for its log line."""
    metrics.characters.inc(characters)
    metrics.documents.inc(documents)
    for quote_type in quote_types:
        metrics.quotes.labels(quote_type).inc()
    g.work = {"characters": characters, "documents": documents, "quotes": len(quote_types)}
