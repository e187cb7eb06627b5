"""What a tool says while it runs, and the error that makes a run invalid."""

from __future__ import annotations

import sys
import time

STARTED = time.monotonic()


class BenchError(RuntimeError):
    """Something that makes the measurement invalid (a server that did not start, a failed request)."""


def log(message: str) -> None:
    """Progress goes to stderr, so that stdout holds only the table; seconds since the start show where time goes."""
    print(f"[{elapsed():5.0f} s] {message}", file=sys.stderr, flush=True)


def elapsed() -> float:
    """Seconds since the run started (since this module was first imported)."""
    return time.monotonic() - STARTED
