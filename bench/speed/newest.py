"""Raw spaCy of the newest release, in an environment of its own: what a user of another spaCy-based tool runs.

The environment is made by the benchmark itself, once, under a cache folder
(``QUOTES_BENCH_CACHE``, default ``~/.cache/quotes-bench``), from PyPI with
``pip --require-hashes`` and ``requirements/spacy-newest.txt`` (the newest
release and our model, locked by ``make lock``), in a folder named by that
lock's digest, so a new lock makes a new environment. In it runs
``toll/pipe_timer.py --serve``, which times ``nlp.pipe`` over each slice the
benchmark sends, in turn with its in-process passes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from bench import ROOT
from bench.common.progress import BenchError, log

LOCK = ROOT / "requirements" / "spacy-newest.txt"
TIMER = Path(__file__).resolve().parent / "toll" / "pipe_timer.py"
CACHE = Path(os.environ.get("QUOTES_BENCH_CACHE") or Path.home() / ".cache" / "quotes-bench")
READY = ".installed"


def environment(cache: Path = CACHE, lock: Path = LOCK) -> Path:
    """The newest release's environment (its Python), made from ``lock`` the first time it is asked for."""
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:12]
    folder = cache / f"spacy-newest-{digest}"
    python = folder / "bin" / "python"
    if (folder / READY).exists():
        return python
    log(f"making the newest spaCy release's environment in {folder} (once, from {lock.name})")
    venv.EnvBuilder(clear=True, with_pip=True).create(folder)
    command = [str(python), "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps", "-r", str(lock)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"could not install {lock.name} in {folder}: {done.stderr.strip()[-2000:]}")
    (folder / READY).touch()
    return python


class NewestSpacy:
    """``pipe_timer.py --serve`` in the newest release's environment; ``run`` times one slice there."""

    def __init__(self, python: Path, model: str) -> None:
        self.command = [str(python), str(TIMER), "--serve", "--model", model]
        self.version = ""
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> Self:
        self._process = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        hello = self._answer()
        self.version = str(hello["spacy"])
        log(f"raw spaCy {self.version} ready in its own environment")
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._process is not None:
            self._pipe(self._process.stdin).close()
            self._process.wait(timeout=60)

    def run(self, texts: Sequence[str]) -> dict[str, Any]:
        """One ``nlp.pipe`` over ``texts`` in the other environment: documents, its wall and CPU seconds."""
        assert self._process is not None, "use NewestSpacy as a context manager"
        stdin = self._pipe(self._process.stdin)
        stdin.write(json.dumps({"texts": list(texts)}) + "\n")
        stdin.flush()
        return self._answer()

    def _answer(self) -> dict[str, Any]:
        assert self._process is not None
        line = self._pipe(self._process.stdout).readline()
        if not line:
            raise BenchError(f"raw spaCy in its own environment stopped ({' '.join(self.command)}): see its error above")
        answer: dict[str, Any] = json.loads(line)
        return answer

    @staticmethod
    def _pipe(stream: IO[str] | None) -> IO[str]:
        assert stream is not None
        return stream


def main() -> int:
    """Make the environment and print its Python (``python -m bench.speed.newest``)."""
    print(environment())
    return 0


if __name__ == "__main__":
    sys.exit(main())
