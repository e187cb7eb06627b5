"""gunicorn settings for the quotes service (``gunicorn -c python:service.gunicorn_conf``).

Environment: HOST and PORT (default 127.0.0.1:8000), WEB_CONCURRENCY (workers,
default one per core), GUNICORN_TIMEOUT (seconds, default 120),
GUNICORN_PRELOAD (default on).
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# The work is CPU-bound (the spaCy parse): one sync worker per core.
worker_class = "sync"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count())

# Preloading loads the model once in the master: workers share its memory, and
# a recycled worker is ready the moment it is forked. The master then loads it
# before it listens, so no worker ever answers "not ready".
preload_app = os.environ.get("GUNICORN_PRELOAD", "1").lower() not in ("0", "false", "no", "off")
if preload_app:
    os.environ.setdefault("QUOTES_LOAD_ASYNC", "false")

# A request that runs longer than this is killed with its worker: the backstop
# for whatever the service's own limits miss. Batches of a million characters
# take tens of seconds on a slow core.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then (with jitter, so they do not all restart at
# once) to bound any slow growth in memory.
max_requests = 1000
max_requests_jitter = 100

# Logs to stdout/stderr for the container runtime to collect. The access log
# holds method, path, status and size: never a request body.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# No runtime control socket: nothing uses it, and it would be one shared file in
# $HOME for every instance on the machine.
control_socket_disable = True
