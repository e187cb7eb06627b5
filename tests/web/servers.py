"""The real service (gunicorn, the project's config) on a free loopback port, for tests.

A thin layer over ``service.web.server.serving``, the harness the benchmark, the
soak and the evaluation use too: one worker unless told otherwise, and a
server that does not start fails the test with the tail of its log.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from service.web.server import ServerDidNotStart, free_port, serving

__all__ = ["free_port", "running_server"]


@contextmanager
def running_server(**environ: str) -> Iterator[str]:
    """gunicorn serving the app until the block ends; yields its base URL once /readyz says ready.

    ``environ`` adds to (or overrides) the environment: ``WEB_CONCURRENCY``,
    ``QUOTES_*`` settings.
    """
    try:
        with serving({"WEB_CONCURRENCY": "1", **environ}) as served:
            yield served.url
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))
