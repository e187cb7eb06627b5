"""Where and on what a run measured: the machine, the versions, the code.

A figure means little without it: the captions of every tool's tables and
their JSON's ``meta`` and ``versions`` come from here.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import platform
import subprocess
from typing import Any

from spacy.language import Language

from bench import ROOT
from bench.common import procfs
from service.nlp import default_model_name, model_info


def package_version(name: str) -> str | None:
    """The installed version of a distribution, or None when it is not installed."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=True).stdout


def git_commit() -> str | None:
    """The project's commit, for the caption."""
    try:
        return git("rev-parse", "--short", "HEAD").decode().strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def service_code() -> str | None:
    """Which code of the service was measured: its tree at HEAD, and a digest of uncommitted changes to it.

    Each gunicorn started loads ``service/`` as it is then: if this differs
    at the end of the run from its start, the rows measured different code.
    Changes elsewhere (tests, docs, this harness) do not count.
    """
    try:
        tree = git("rev-parse", "--short", "HEAD:service").decode().strip()
        diff = git("diff", "HEAD", "--", "service")
    except (OSError, subprocess.CalledProcessError):
        return None
    return tree + (f"+changes.{hashlib.sha256(diff).hexdigest()[:8]}" if diff else "")


def load_average() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes: how busy it was."""
    return [round(value, 2) for value in os.getloadavg()]


def usable_cores() -> int:
    """The cores this process may run on (its affinity), which may be fewer than the machine has."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine() -> dict[str, Any]:
    """The CPU, its cores, the RAM, the kernel and the load average now."""
    ram_kb = procfs.memory_total_kb()
    return {
        "cpu": procfs.cpu_model() or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "usable_cores": usable_cores(),
        "ram_mb": procfs.mb(ram_kb) if ram_kb is not None else None,
        "kernel": platform.release(),
        "load_average_before": load_average(),
    }


def versions(nlp: Language, textacy_version: str | None = None) -> dict[str, Any]:
    """Python, spaCy, the model ``nlp`` is, gunicorn, textacy, and the project's code."""
    info = model_info(nlp)
    return {
        "python": platform.python_version(),
        "spacy": package_version("spacy"),
        "model": info.name,
        "model_version": info.version,
        "model_package": default_model_name(),
        "gunicorn": package_version("gunicorn"),
        "textacy": textacy_version,
        "project_commit": git_commit(),
        "service_code": service_code(),
    }
