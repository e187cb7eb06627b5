"""gunicorn's configuration: an unusable setting stops it with one line that names the variable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from service.web.server import free_port, gunicorn_command


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("QUOTES_MAX_CHARS", "lots", "QUOTES_MAX_CHARS must be a positive integer, not 'lots'"),
        ("QUOTES_API_KEYS", "short", "QUOTES_API_KEYS holds a key of 5 characters"),
        ("QUOTES_SPACY_MODEL", "no_such_pipeline", "'no_such_pipeline' is not installed (QUOTES_SPACY_MODEL)"),
        ("GUNICORN_TIMEOUT", "soon", "GUNICORN_TIMEOUT must be a whole number, not 'soon'"),
        ("GUNICORN_MAX_REQUESTS", "-1", "GUNICORN_MAX_REQUESTS must be a whole number, not '-1'"),
        ("PORT", "99999", "PORT must be a port from 1 to 65535, not 99999"),
        ("PORT", "http", "PORT must be a whole number, not 'http'"),
        ("GUNICORN_PRELOAD", "maybe", "GUNICORN_PRELOAD must be true or false (or yes/no, on/off, 1/0), not 'maybe'"),
    ],
)
def test_a_bad_setting_is_one_line_naming_the_variable(variable: str, value: str, says: str) -> None:
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(free_port()), variable: value}
    done = subprocess.run(gunicorn_command(), capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1
    assert done.stderr.startswith("quotes: configuration error: ")
    assert done.stderr.count("\n") == 1 and says in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("preload", "expected"), [("1", "false"), ("0", "true")])
def test_preload_loads_the_model_before_the_fork_whatever_load_async_says(preload: str, expected: str) -> None:
    """A background load in the master would be a thread no forked worker has: every worker 503 for ever.
    Near miss: without preload, each worker loads in its own background as asked."""
    env = {**os.environ, "GUNICORN_PRELOAD": preload, "QUOTES_LOAD_ASYNC": "true"}
    code = "import os, service.web.gunicorn_conf; print(os.environ['QUOTES_LOAD_ASYNC'])"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == expected
