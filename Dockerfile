# The quotes service: gunicorn serving the Flask app, as a non-root user.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

WORKDIR /app

# The same pinned, hashed install as `make install` (the spaCy model included),
# in its own layer so that code changes do not reinstall dependencies.
COPY requirements/runtime.txt requirements/runtime.txt
RUN python -m venv /opt/venv \
 && pip install --require-hashes --no-deps -r requirements/runtime.txt

COPY pyproject.toml README.md openapi.yaml ./
COPY service/ service/
RUN pip install --no-deps --no-build-isolation -e . \
 && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin quotes

USER quotes
ENV HOST=0.0.0.0 PORT=8000
EXPOSE 8000

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('PORT', '8000'), timeout=4)"]

# Exec form: gunicorn is PID 1 and receives the container's signals itself: SIGTERM
# drains (every connection taken is answered within GUNICORN_GRACEFUL_TIMEOUT, 30 s),
# so give the container a longer stop timeout (docker run --stop-timeout 35).
# No proxy in front: gunicorn runs the project's worker (service/web/worker.py),
# which reads each request whole before a thread takes it, so slow or idle
# clients hold a buffer, never a worker (README, Operations).
STOPSIGNAL SIGTERM
CMD ["gunicorn", "-c", "python:service.web.gunicorn_conf", "service.web.app:create_app()"]
