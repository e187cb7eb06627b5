"""gunicorn settings for the quotes service (``gunicorn -c python:service.web.gunicorn_conf``).

Environment: HOST and PORT (default 127.0.0.1:8000), WEB_CONCURRENCY (workers,
default one per core), GUNICORN_THREADS (threads per worker, default 4),
GUNICORN_READ_TIMEOUT (seconds a client has to send a whole request, default
10), GUNICORN_MAX_CONNECTIONS (per worker, default 1000), GUNICORN_TIMEOUT
(seconds, default 120), GUNICORN_GRACEFUL_TIMEOUT (seconds, default 30),
GUNICORN_PRELOAD (default on), GUNICORN_MAX_REQUESTS (recycle a worker after
this many requests, default 1000; 0 never), GUNICORN_WORKER_CLASS (``quotes``,
the default, or ``sync``, only behind a buffering proxy).
"""

import ctypes
import glob
import multiprocessing
import os
import shutil
import sys
import tempfile

from service.config import FALSE_WORDS, TRUE_WORDS

HIGHEST_PORT = 65535


def configuration_error(message: str) -> None:
    """Stop gunicorn with one line on stderr (exit status 1), before any worker starts."""
    sys.exit(f"quotes: configuration error: {message}")


def whole_number(variable: str, default: int) -> int:
    """An environment variable holding a whole number (0 or more); one line naming it when it does not."""
    raw = os.environ.get(variable, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        configuration_error(f"{variable} must be a whole number, not {raw!r}")
    return int(raw)


def port(variable: str, default: int) -> int:
    """A TCP port from the environment (1 to 65535); one line naming the variable when it is not one."""
    number = whole_number(variable, default)
    if not 1 <= number <= HIGHEST_PORT:
        configuration_error(f"{variable} must be a port from 1 to {HIGHEST_PORT}, not {number}")
    return number


def switch(variable: str, default: bool) -> bool:
    """An on/off environment variable: true/false, yes/no, on/off, 1/0; one line naming it otherwise."""
    raw = os.environ.get(variable, "").strip().lower()
    if not raw:
        return default
    if raw not in TRUE_WORDS | FALSE_WORDS:
        configuration_error(f"{variable} must be true or false (or yes/no, on/off, 1/0), not {raw!r}")
    return raw in TRUE_WORDS


bind = f"{os.environ.get('HOST', '127.0.0.1')}:{port('PORT', 8000)}"

def positive(variable: str, default: int) -> int:
    """A whole number of at least 1 from the environment; one line naming the variable when it is not."""
    number = whole_number(variable, default)
    if number < 1:
        configuration_error(f"{variable} must be at least 1, not {number}")
    return number


# The work is CPU-bound (the spaCy parse): one worker per core, each running one
# analysis at a time. Its threads serve what needs no engine (health checks,
# metrics, reading and answering requests) beside it, and slow or idle clients
# hold a buffer in its main loop, never a thread (service/web/worker.py says how).
# `sync` serves one connection at a time per worker: only behind a buffering proxy.
WORKER_CLASSES = {"quotes": "service.web.worker.QuotesWorker", "sync": "sync"}
worker_class_name = os.environ.get("GUNICORN_WORKER_CLASS", "quotes").strip() or "quotes"
if worker_class_name not in WORKER_CLASSES:
    configuration_error(f"GUNICORN_WORKER_CLASS must be {' or '.join(WORKER_CLASSES)}, not {worker_class_name!r}")
worker_class = WORKER_CLASSES[worker_class_name]
workers = whole_number("WEB_CONCURRENCY", 0) or multiprocessing.cpu_count()
threads = positive("GUNICORN_THREADS", 4) if worker_class_name == "quotes" else 1
worker_connections = positive("GUNICORN_MAX_CONNECTIONS", 1000)
read_timeout = positive("GUNICORN_READ_TIMEOUT", 10)
if worker_class_name == "quotes":
    from service.web.worker import QuotesWorker

    QuotesWorker.read_timeout = read_timeout


MALLOC_ARENAS = 2
"""glibc gives each thread that allocates an arena of its own (up to 8 per core), which a worker's
threads then keep half-empty: 2 arenas kept a worker's peak RSS at 301 MB where the default reached
332 MB, at the same throughput (PolNeAR dev, concurrency 4, 2026-12-07)."""


def limit_malloc_arenas(arenas: int) -> None:
    """``mallopt(M_ARENA_MAX, arenas)`` in this process (the master: its workers inherit it), unless
    ``MALLOC_ARENA_MAX`` already says otherwise; nothing where the C library is not glibc."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_arena_max = -8  # from glibc's malloc.h
    libc.mallopt(m_arena_max, arenas)


if threads > 1:
    limit_malloc_arenas(MALLOC_ARENAS)

# Preloading loads the model once in the master: workers share its memory, and
# a recycled worker is ready the moment it is forked. The master then loads it
# before it listens, so no worker ever answers "not ready".
# A background load would run in a thread of the master, which no forked worker has: the
# workers would wait for it forever. With preload the model is loaded before the fork, whatever
# QUOTES_LOAD_ASYNC says.
preload_app = switch("GUNICORN_PRELOAD", True)
if preload_app:
    os.environ["QUOTES_LOAD_ASYNC"] = "false"


def check_configuration(preload: bool) -> None:
    """Stop with one line that names the variable, not a traceback, when a setting is unusable.

    The settings are checked here, before gunicorn loads the app or starts a
    worker. With preload, so is the spaCy model's presence: the master imports
    spaCy next anyway (without preload, importing it here would cost the
    master spaCy's memory, and a worker reports a missing model itself).
    """
    from service.config import ConfigError, Settings

    try:
        settings = Settings.from_env()
        if preload:
            from service.nlp import ModelNotFound, check_model, default_model_name

            try:
                check_model(settings.spacy_model or default_model_name())
            except ModelNotFound as exc:
                raise ConfigError(str(exc)) from None
    except ConfigError as exc:
        configuration_error(str(exc))


check_configuration(preload_app)

# A worker silent this long is killed (and, with the quotes worker, what it was
# doing answered 503 first). The quotes worker's loop speaks every second
# whatever its threads do, so this catches a stuck process, not a long request:
# the request deadline (QUOTES_REQUEST_TIMEOUT) does that. A sync worker is
# silent while it works: batches of a million characters take tens of seconds.
timeout = whole_number("GUNICORN_TIMEOUT", 120)
# Stopping (SIGTERM), requests in progress and queued are answered within this.
graceful_timeout = positive("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5

# Recycle workers now and then (with jitter, so they do not all restart at
# once) to bound any slow growth in memory.
max_requests = whole_number("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = max_requests // 10

# Logs go to stderr as JSON lines for the container runtime to collect. The
# app logs one line per request itself (with its request id), so gunicorn's
# own access log would only say it twice.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "service.web.telemetry.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}

# Prometheus metrics from every worker: each writes its own files in one
# directory, which /metrics reads as a whole. It must exist before any worker
# imports prometheus_client, and start empty. A directory made here is removed
# when gunicorn exits.
made_metrics_dir = None
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    made_metrics_dir = os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quotes-metrics-")


def on_starting(server: object) -> None:
    for stale in glob.glob(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], "*.db")):
        os.remove(stale)


def child_exit(server: object, worker: object) -> None:
    """A worker is gone: its counts join those of the workers gone before (they never fall), its files go."""
    from service.web.telemetry import retire_worker_metrics

    retire_worker_metrics(os.environ["PROMETHEUS_MULTIPROC_DIR"], worker.pid)  # type: ignore[attr-defined]


def on_exit(server: object) -> None:
    if made_metrics_dir is not None:
        shutil.rmtree(made_metrics_dir, ignore_errors=True)

# No runtime control socket: nothing uses it, and it would be one shared file in
# $HOME for every instance on the machine.
control_socket_disable = True
