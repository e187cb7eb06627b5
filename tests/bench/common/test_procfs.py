"""``bench/procfs.py``: the one ``/proc`` reader, on processes this test starts and stops itself."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pytest

from bench.common import procfs

# A child that holds about 40 MB of its own until it is told to stop.
HOLDS_MEMORY = "import sys; block = bytearray(40_000_000); sys.stdin.read()"
SPINS = (
    "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass\nimport sys; sys.stdin.read()"
)


@pytest.fixture
def child() -> Iterator[subprocess.Popen[str]]:
    """A Python child holding memory, waiting on its stdin."""
    with subprocess.Popen([sys.executable, "-c", HOLDS_MEMORY], stdin=subprocess.PIPE, text=True) as process:
        yield process
        process.communicate("")


def gone_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def wait_for(check: Callable[[], bool], seconds: float = 10) -> None:
    """Until ``check()`` holds: a child needs a moment to allocate or to spin."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_memory_reads_resident_peak_and_anonymous_kilobytes(child: subprocess.Popen[str]) -> None:
    wait_for(lambda: procfs.memory_kb(child.pid, "RssAnon") > 35_000)
    memory = procfs.memory(child.pid)
    assert memory is not None and set(memory) == set(procfs.MEMORY_FIELDS)
    assert memory["VmHWM"] >= memory["VmRSS"] >= memory["RssAnon"] > 35_000
    pss = procfs.pss_kb(child.pid)
    assert pss is not None and pss > 35_000


def test_a_process_that_has_gone_reads_as_nothing() -> None:
    pid = gone_pid()
    assert procfs.memory(pid) is None and procfs.memory_kb(pid, "VmRSS") == 0
    assert procfs.pss_kb(pid) is None
    assert procfs.children(pid) == [] and procfs.cpu_seconds(pid) == 0.0 and procfs.parent_of(pid) is None


def test_children_are_found_by_either_way(child: subprocess.Popen[str]) -> None:
    assert child.pid in procfs.children(os.getpid())
    assert procfs.parent_of(child.pid) == os.getpid()
    by_parent = sorted(p for p in procfs.all_pids() if procfs.parent_of(p) == os.getpid())
    assert child.pid in by_parent


def test_cpu_seconds_count_what_a_process_and_its_children_spent() -> None:
    with subprocess.Popen([sys.executable, "-c", SPINS], stdin=subprocess.PIPE, text=True) as spinner:
        wait_for(lambda: procfs.cpu_seconds(spinner.pid) >= 0.3)
        assert procfs.tree_cpu_seconds(os.getpid()) >= procfs.cpu_seconds(os.getpid()) + 0.25
        spinner.communicate("")


def test_a_command_name_with_parentheses_and_spaces_does_not_shift_the_fields() -> None:
    renames_itself = (
        "import sys; open('/proc/self/comm', 'w').write(') odd (name'); print(flush=True); sys.stdin.read()"
    )
    with subprocess.Popen(
        [sys.executable, "-c", renames_itself], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as odd:
        assert odd.stdout is not None and odd.stdout.readline() == "\n"
        assert ")" in (procfs.PROC / str(odd.pid) / "stat").read_text().split()[1]
        assert procfs.parent_of(odd.pid) == os.getpid()
        assert procfs.stat_fields(odd.pid)[0] in "RS"  # the state, whatever the name
        odd.communicate("")


def test_the_machine_says_its_cpu_and_ram() -> None:
    if "model name" in (procfs.PROC / "cpuinfo").read_text():
        assert procfs.cpu_model()
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 1024
    assert procfs.memory_total_kb() == pytest.approx(pages, rel=0.01)
    assert procfs.mb(1000) == 1.024
