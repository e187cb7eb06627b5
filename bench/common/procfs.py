"""What Linux's ``/proc`` says about a process and the machine: memory, children, CPU time.

The one reader for the benchmark, the soak and the language check. Every
reader returns an empty answer (``None``, ``[]``, ``0``) for a process that
has gone, since workers come and go while they are read. The standard library is enough: psutil
would add a dependency and still not give the peak RSS (``VmHWM``) or
``RssAnon``, which the reports are built on.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
# From /proc/<pid>/status, in kB: resident memory now, its peak, and its anonymous part.
MEMORY_FIELDS = ("VmRSS", "VmHWM", "RssAnon")
# /proc/<pid>/stat's fields 14 and 15 (utime, stime), counted from field 3, the first after the name.
UTIME, STIME = 11, 12
# The kernel counts in kB of 1024 bytes; the reports print MB of 10**6 bytes.
KB, MB = 1024, 1_000_000


def memory(pid: int) -> dict[str, int] | None:
    """``VmRSS``, ``VmHWM`` and ``RssAnon`` of ``pid`` in kB (in the order the kernel lists them), or None once it has gone."""
    try:
        lines = (PROC / str(pid) / "status").read_text().splitlines()
    except OSError:
        return None
    values = {}
    for line in lines:
        name, _, rest = line.partition(":")
        if name in MEMORY_FIELDS:
            values[name] = int(rest.split()[0])
    return values


def memory_kb(pid: int, field: str) -> int:
    """One of ``MEMORY_FIELDS`` of ``pid`` in kB; 0 once it has gone."""
    return (memory(pid) or {}).get(field, 0)


def mb(kb: float) -> float:
    """Kilobytes as ``/proc`` counts them, in megabytes as the reports print them."""
    return kb * KB / MB


def pss_kb(pid: int) -> int | None:
    """Proportional set size (kB): shared pages divided among the processes sharing them."""
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def children(pid: int) -> list[int]:
    """A process's children, from ``/proc/<pid>/task/*/children``, or by each process's parent id.

    The ``children`` files exist only on kernels built with
    ``CONFIG_PROC_CHILDREN``; the fallback reads every process's stat.
    """
    files = list((PROC / str(pid) / "task").glob("*/children"))
    if files:
        found: set[int] = set()
        for path in files:
            try:
                found.update(int(child) for child in path.read_text().split())
            except OSError:
                continue
        return sorted(found)
    return sorted(p for p in all_pids() if parent_of(p) == pid)


def all_pids() -> list[int]:
    return [int(p.name) for p in PROC.iterdir() if p.name.isdigit()]


def stat_fields(pid: int) -> list[str]:
    """``/proc/<pid>/stat`` from its field 3 (state) on; empty if the process is gone.

    The command name before it may hold spaces and parentheses: the fields
    start after the last ')'.
    """
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return []
    return stat[stat.rindex(")") + 2 :].split()


def parent_of(pid: int) -> int | None:
    fields = stat_fields(pid)
    return int(fields[1]) if fields else None


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (0 if it is gone)."""
    fields = stat_fields(pid)
    if not fields:
        return 0.0
    return (int(fields[UTIME]) + int(fields[STIME])) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children now alive (gunicorn's master and its workers)."""
    return sum(cpu_seconds(p) for p in [pid, *children(pid)])


def cpu_model() -> str | None:
    """The CPU's model name, from ``/proc/cpuinfo``; None where it does not say."""
    return _first_value(PROC / "cpuinfo", "model name")


def memory_total_kb() -> int | None:
    """The machine's RAM in kB, from ``/proc/meminfo``."""
    value = _first_value(PROC / "meminfo", "MemTotal")
    return int(value.split()[0]) if value else None


def _first_value(path: Path, key: str) -> str | None:
    """The value of the first ``key: value`` line of a ``/proc`` file."""
    try:
        for line in path.read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        pass
    return None
