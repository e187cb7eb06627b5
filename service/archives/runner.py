"""What ``quotes batch`` runs: an archive of articles in, one result per article out, on every core.

::

    quotes batch articles.jsonl results.jsonl          # JSON Lines in and out
    quotes batch pages/ results.parquet                 # a folder of .txt and .html files; Parquet out
    quotes batch articles.parquet quotes.csv --flat     # one row per quote, for a spreadsheet

The steps, in ``run``:

1. ``readers.open_archive``: the input (JSON Lines, Parquet, a folder of
   ``.txt`` and ``.html`` files) as ``Record(id, sent)`` in its order. Its ids
   are checked first (each present, unique) and counted, so that a broken
   input stops the run before any work, and the progress bar knows the total;
2. ``Journal``: the results written so far, one JSON line per article. An
   interrupted run is resumed from it (``--resume``): the articles in it are
   skipped, the rest appended, so each article is in the output once;
3. ``rows.chunked``: the records to do, in chunks of the engine's batch size;
4. ``rows.analyse``, in a pool of processes (``Workers``, the model loaded
   once in each) or in this one: each article through the door (refused with
   the API's problem as its ``error``, or attributed by
   ``QuoteExtractor.extract_many``). The results are written by this
   process, in the input's order;
5. ``finish``: the journal turned into the output's format when that is not
   JSON Lines (Parquet, the flat table of quotes).
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import Enum
from itertools import chain
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq
from tqdm import tqdm

from service.archives.errors import PARQUET, ArchiveError, UsageError
from service.archives.readers import Fields, Record, open_archive
from service.archives.rows import analyse, chunked
from service.archives.tables import (
    CSV_ENCODING,
    FLAT_COLUMNS,
    ROWS_PER_BATCH,
    RESULT_FIELDS,
    check_keep,
    flat_rows,
    flat_schema,
    kept_of,
    neutralised,
    result_schema,
    write_csv,
    write_parquet,
)
from service.attribution.pipeline import QuoteExtractor
from service.intake.door import ready_engine
from service.nlp import ModelNotFound, check_model, default_model_name, load_pipeline

CHUNKS_IN_FLIGHT_PER_PROCESS = 2
"""Chunks sent ahead to each process: one to work on, one waiting, so that no process idles while
this one writes; no more, so that the articles in memory stay few whatever the archive's size."""
PROCESS_MEMORY_BYTES = 400 * 1024 * 1024
"""What one process may take: the model and its working memory peaked at 210 MB on PolNeAR dev
(README, Archives); with room. The default number of processes leaves each this much of the memory."""
CSV = ".csv"
PARTIAL = ".partial.jsonl"
"""Beside a Parquet or flat output while it is being written: the journal of results so far."""
FAILURES = ".failures.jsonl"
"""Beside a flat output: the articles that were not analysed, and why (a flat table has no row for them)."""
ID_PREFIX = '{"id": '
"""How every journal line starts (``ArticleResultSchema`` dumps the id first): its id is read from
there without parsing the whole line."""


# --- the journal ---------------------------------------------------------------------


class Journal:
    """The results written so far, one JSON line per article, appended to as they come.

    A line is written whole and flushed with its chunk, so a run stopped at any
    point (Ctrl-C, a kill) leaves every finished chunk in it, and at worst a
    torn last line, which ``done`` cuts off.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def done(self) -> set[str]:
        """The ids of the articles in it (cutting off a last line that was being written when the run stopped)."""
        if not self.path.exists():
            return set()
        ids: set[str] = set()
        decoder = json.JSONDecoder()
        complete = 0
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.endswith(b"\n"):
                    break  # torn: the run stopped while writing it
                line = raw.decode("utf-8", "replace")
                try:
                    if line.startswith(ID_PREFIX):
                        article_id, _ = decoder.raw_decode(line, len(ID_PREFIX))
                    else:
                        article_id = json.loads(line)["id"]
                except (ValueError, KeyError, TypeError):
                    raise ArchiveError(
                        f"{self.path} line {number} is not a result of quotes batch, so the run cannot be resumed from it; "
                        "--overwrite starts again"
                    ) from None
                ids.add(str(article_id))
                complete += len(raw)
        if complete < self.path.stat().st_size:
            with self.path.open("r+b") as handle:
                handle.truncate(complete)
        return ids

    def open(self) -> None:
        try:
            self._handle = self.path.open("a", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise ArchiveError(f"cannot write {self.path}: {exc.strerror or exc}") from None

    def write(self, lines: Sequence[str]) -> None:
        """Append ``lines``, flushed; a failure (a full disk) is one line that says what is kept."""
        assert self._handle is not None, "open the journal first"
        try:
            self._handle.write("".join(line + "\n" for line in lines))
            self._handle.flush()
        except OSError as exc:
            raise ArchiveError(
                f"cannot write {self.path}: {exc.strerror or exc}; the results written before are kept: "
                "--resume goes on from them once it can be written"
            ) from None

    def close(self) -> None:
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError:
                pass  # what could not be flushed is a torn last line, which ``done`` cuts off
            self._handle = None

    def rows(self) -> Iterator[dict[str, Any]]:
        return _json_lines(self.path)

    def kept(self) -> tuple[str, ...] | None:
        """The kept fields of the results in it (those of its first line), or None when it holds none yet."""
        if not self.path.exists():
            return None
        with self.path.open(encoding="utf-8") as handle:
            first = handle.readline()
        try:
            row = json.loads(first)
        except ValueError:
            return None  # empty, or torn while it was being written: `done` says what to do about it
        return kept_of(row) if isinstance(row, dict) and "id" in row else None


# --- outputs -------------------------------------------------------------------------


class Format(Enum):
    """What the output is, told by its name's ending (and ``--flat``)."""

    JSON_LINES = "JSON Lines"
    PARQUET = "Parquet"
    FLAT_CSV = "flat CSV"
    FLAT_PARQUET = "flat Parquet"

    @classmethod
    def of(cls, path: Path, flat: bool) -> Format:
        name = path.name.lower()
        if flat:
            if name.endswith(CSV):
                return cls.FLAT_CSV
            if name.endswith(PARQUET):
                return cls.FLAT_PARQUET
            raise UsageError(f"{path}: with --flat the output is a {CSV} or a {PARQUET} file")
        if name.endswith((".jsonl", ".ndjson")):
            return cls.JSON_LINES
        if name.endswith(PARQUET):
            return cls.PARQUET
        raise UsageError(f"{path}: the output is a JSON Lines (.jsonl) or a Parquet ({PARQUET}) file; --flat writes {CSV} too")


@dataclass(frozen=True)
class Output:
    path: Path
    format: Format

    @property
    def journal(self) -> Path:
        """JSON Lines output is its own journal; other formats are written from one at the end."""
        return self.path if self.format is Format.JSON_LINES else self.path.with_name(self.path.name + PARTIAL)

    @property
    def failures(self) -> Path | None:
        flat = self.format in (Format.FLAT_CSV, Format.FLAT_PARQUET)
        return self.path.with_name(self.path.name + FAILURES) if flat else None

    def files(self) -> list[Path]:
        """Every file a run writes, once each."""
        return list(dict.fromkeys(path for path in (self.path, self.journal, self.failures) if path is not None))

    @property
    def finished(self) -> bool:
        """A Parquet or flat output written by an earlier run (JSON Lines is never finished: it is the journal)."""
        return self.format is not Format.JSON_LINES and self.path.exists()


def check_writable(output: Output) -> None:
    """An ``ArchiveError`` now, before any work, when the output cannot be written where it is to go."""
    if output.path.is_dir():
        raise ArchiveError(f"{output.path} is a folder: name a file to write")
    try:
        output.path.parent.mkdir(parents=True, exist_ok=True)
        existed = output.journal.exists()
        with output.journal.open("a", encoding="utf-8"):
            pass
        if not existed:
            output.journal.unlink()
        if output.finished and not os.access(output.path.parent, os.W_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        raise ArchiveError(f"cannot write {output.path}: {exc.strerror or exc}") from None


def finished_kept(output: Output) -> tuple[str, ...] | None:
    """The kept fields of a finished Parquet or flat output (its columns that are not the answer's), or None.

    A finished run has no journal left to say which fields it kept; its
    output's columns do: a Parquet schema, or a CSV's header.
    """
    if not output.finished:
        return None
    if output.format is Format.FLAT_CSV:
        with output.path.open(encoding=CSV_ENCODING, newline="") as handle:
            names = next(csv.reader(handle), [])
    else:
        names = pq.read_schema(output.path).names
    return kept_of(names, RESULT_FIELDS if output.format is Format.PARQUET else FLAT_COLUMNS)


def finished_ids(output: Output, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` a finished Parquet or flat output holds (a flat one: those with a quote or a failure).

    A flat table has no row for an article without quotes: such an article is
    analysed again when the run is resumed, and adds no row again.
    """
    if not output.finished:
        return set()
    if output.format is Format.PARQUET:
        held = set(map(str, pq.read_table(output.path, columns=["id"]).column(0).to_pylist()))
        return held.intersection(ids)
    if output.format is Format.FLAT_PARQUET:
        held = set(map(str, pq.read_table(output.path, columns=["article_id"]).column(0).to_pylist()))
    else:
        with output.path.open(encoding=CSV_ENCODING, newline="") as handle:
            held = {row["article_id"] for row in csv.DictReader(handle)}
    failures = output.failures
    if failures is not None and failures.exists():
        held.update(str(row["id"]) for row in _json_lines(failures))
    # A CSV holds its ids as a spreadsheet must see them (``tables.neutralised``).
    return {article_id for article_id in ids if article_id in held or neutralised(article_id) in held}


def _json_lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row: dict[str, Any] = json.loads(line)
            yield row


def finish(output: Output, keep: tuple[str, ...] = ()) -> Path | None:
    """Write the output from the journal (unless it is the journal), then remove the journal.

    A resumed run's output holds the earlier run's output first, then the
    journal's articles it does not hold yet. Written to a temporary name first
    and moved into place, so that a run stopped here (or a disk that fills)
    leaves the journal whole and ``--resume`` writes it again. Returns the
    file of failures beside a flat table, if any article failed.
    """
    if output.format is Format.JSON_LINES:
        return None
    temporary = output.path.with_name(output.path.name + ".tmp")
    try:
        failures = _write_output(output, temporary, keep)
        os.replace(temporary, output.path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ArchiveError(
            f"cannot write {output.path}: {exc.strerror or exc}; the results are kept in {output.journal}: "
            "--resume writes it once it can be written"
        ) from None
    output.journal.unlink()
    return failures


def _write_output(output: Output, temporary: Path, keep: tuple[str, ...]) -> Path | None:
    journal = Journal(output.journal)
    earlier = output.path if output.finished else None
    held = finished_ids(output, (row["id"] for row in journal.rows())) if earlier else set()
    new_rows = (row for row in journal.rows() if row["id"] not in held)
    if output.format is Format.PARQUET:
        write_parquet(temporary, chain(_parquet_rows(earlier), new_rows), result_schema(keep))
    else:
        rows = (flat for row in new_rows for flat in flat_rows(row, keep))
        if output.format is Format.FLAT_CSV:
            write_csv(temporary, rows, flat_schema(keep).names, after=earlier)
        else:
            write_parquet(temporary, chain(_parquet_rows(earlier), rows), flat_schema(keep))
    failures_path = output.failures
    if failures_path is None:
        return None
    earlier_failures = list(_json_lines(failures_path)) if earlier and failures_path.exists() else []
    new_failures = [{"id": row["id"], "error": row["error"]} for row in journal.rows() if row["error"] and row["id"] not in held]
    return failures_path if _write_failures(earlier_failures + new_failures, failures_path) else None


def _parquet_rows(path: Path | None) -> Iterator[dict[str, Any]]:
    if path is None:
        return
    for batch in pq.ParquetFile(path).iter_batches(batch_size=ROWS_PER_BATCH):
        yield from batch.to_pylist()


def _write_failures(failures: list[dict[str, Any]], path: Path) -> bool:
    """The failed articles' ids and errors, one JSON line each; whether there were any."""
    if failures:
        path.write_text("".join(json.dumps(failure, ensure_ascii=False) + "\n" for failure in failures), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return bool(failures)


# --- the work, here or in a pool -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Done:
    """A chunk's results, as a process hands them back: ready-made journal lines and what they hold."""

    lines: list[str]
    errors: list[str | None]
    """Each article's problem type, or None when it was analysed."""
    quotes: int
    chars: int
    """Characters analysed (those of the refused articles not counted)."""
    loaded_at: float
    """When the process that did it had its model (``time.time()``)."""
    pid: int
    cpu_seconds: float
    """CPU time that process has spent on chunks so far (its model's loading left out)."""


@dataclass
class _Engine:
    extractor: QuoteExtractor
    max_chars: int
    any_language: bool
    loaded_at: float
    cpu_at_start: float = field(default_factory=time.process_time)


_engine: _Engine | None = None
"""The model of a pool's process, loaded once by ``_start_worker``."""


def _work_on(engine: _Engine, chunk: list[Record]) -> Done:
    rows = analyse(engine.extractor, chunk, engine.max_chars, engine.any_language)
    return Done(
        lines=[json.dumps(row, ensure_ascii=False) for row in rows],
        errors=[row["error"]["type"] if row["error"] else None for row in rows],
        quotes=sum(len(row["quotes"] or ()) for row in rows),
        chars=sum(record.size for record, row in zip(chunk, rows) if not row["error"]),
        loaded_at=engine.loaded_at,
        pid=os.getpid(),
        cpu_seconds=time.process_time() - engine.cpu_at_start,
    )


def _start_worker(model: str, max_chars: int, any_language: bool) -> None:
    """A pool process's start: the model, loaded once; Ctrl-C left to the parent; gone when the parent is."""
    global _engine
    # Ctrl-C reaches every process of the terminal's group: the parent decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="parent-watch", daemon=True).start()
    _engine = _Engine(ready_engine(load_pipeline(model)), max_chars, any_language, time.time())


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    """Exit when the parent does, even killed: nothing else would tell a process holding a model to go."""
    parent.join()
    os._exit(1)


def _work(chunk: list[Record]) -> Done:
    assert _engine is not None, "the pool's initializer loads the model"
    return _work_on(_engine, chunk)


class Workers:
    """A pool of processes, each with its own model; chunks go out ahead, results come back in order."""

    def __init__(self, processes: int, model: str, max_chars: int, any_language: bool) -> None:
        context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
        if context.get_start_method() == "forkserver":
            # The server imports the engine once; each process forked from it then only loads the model.
            context.set_forkserver_preload([__name__])
        self.processes = processes
        self.pool = ProcessPoolExecutor(
            processes, mp_context=context, initializer=_start_worker, initargs=(model, max_chars, any_language)
        )

    def map(self, chunks: Iterable[list[Record]]) -> Iterator[tuple[list[Record], Done]]:
        pending: deque[tuple[list[Record], Future[Done]]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, self.pool.submit(_work, chunk)))
                if len(pending) >= self.processes * CHUNKS_IN_FLIGHT_PER_PROCESS:
                    first, future = pending.popleft()
                    yield first, future.result()
            while pending:
                first, future = pending.popleft()
                yield first, future.result()
        except BrokenProcessPool:
            raise ArchiveError(
                "a worker process died (out of memory? each needs about 400 MB: try fewer --processes); "
                "the results so far are kept, --resume goes on from them"
            ) from None

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class InProcess:
    """The work in this process: one process asked for, or a model already loaded (tests, notebooks)."""

    def __init__(self, extractor: QuoteExtractor, max_chars: int, any_language: bool) -> None:
        self.engine = _Engine(extractor, max_chars, any_language, time.time())

    def map(self, chunks: Iterable[list[Record]]) -> Iterator[tuple[list[Record], Done]]:
        for chunk in chunks:
            yield chunk, _work_on(self.engine, chunk)

    def close(self) -> None:
        pass


# --- the run -------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    input: Path
    output: Path
    id_field: str = "id"
    fields: Fields = Fields()
    """Where a JSON Lines record or a Parquet row holds its article (``--text-field``, ``--html-field``)."""
    flat: bool = False
    processes: int = 1
    resume: bool = False
    overwrite: bool = False
    model: str | None = None
    """spaCy pipeline; None: ``service.nlp.default_model_name()``."""
    max_chars: int = 100_000
    """Longer texts are refused (``QUOTES_MAX_CHARS``)."""
    any_language: bool = False
    """Analyse articles confidently not in English too (``--any-language``); refused otherwise."""
    progress: bool = False


@dataclass
class Report:
    """What a run did. ``seconds`` is all of it; ``work_seconds`` runs from when the first process had its
    model to the last result written, ``startup_seconds`` before that (starting the processes, loading)."""

    output: Path
    articles: int
    done_before: int
    processes: int
    analysed: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    chars: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    work_seconds: float = 0.0
    cpu_seconds: float = 0.0
    """CPU time of the processes that analysed (this one's too when it did), on the chunks only."""
    failures: Path | None = None
    already_complete: bool = False
    """A resumed Parquet or flat output that had been finished: nothing was done."""

    @property
    def done(self) -> int:
        return self.analysed + sum(self.failed.values())


def default_processes() -> int:
    """One per core this process may use, as many as the memory holds (``PROCESS_MEMORY_BYTES`` each)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    available = _available_memory()
    if available is None:
        return cores
    return max(1, min(cores, available // PROCESS_MEMORY_BYTES))


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def prepare(options: Options) -> tuple[Output, Journal, set[str]]:
    """The output, its journal and the ids it already holds; refuses to write over a finished output by surprise."""
    output = Output(options.output, Format.of(options.output, options.flat))
    check_keep(options.fields.keep, options.flat)
    if options.input.resolve() in {path.resolve() for path in output.files()}:
        raise UsageError(f"{options.output} is the input itself; name another output")
    existing = [path for path in output.files() if path.exists()]
    if options.overwrite:
        for path in existing:
            if path.is_file():
                path.unlink()
    elif existing and not options.resume:
        raise ArchiveError(f"{existing[0]} already exists: --resume goes on from it, --overwrite starts again")
    check_writable(output)
    journal = Journal(output.journal)
    done = journal.done()
    for written, kept in ((output.journal, journal.kept()), (output.path, finished_kept(output))):
        if kept is not None and kept != options.fields.keep:
            said = f"--keep {','.join(kept)}" if kept else "no --keep"
            raise UsageError(f"{written} was written with {said}: resume with the same, or --overwrite to start again")
    return output, journal, done


def run(options: Options, extractor: QuoteExtractor | None = None, on_progress: Callable[[int], None] | None = None) -> Report:
    """Analyse every article of ``options.input`` not yet in its output, and write the output.

    ``extractor``: a loaded engine to use in this process (then ``processes``
    is ignored); otherwise ``options.processes`` processes each load
    ``options.model``. ``on_progress`` is told how many articles each chunk held.
    """
    started = time.perf_counter()
    output, journal, done = prepare(options)
    archive = open_archive(options.input, options.id_field, options.fields)
    ids = archive.ids()
    done |= finished_ids(output, ids)
    if output.finished and not output.journal.exists() and done.issuperset(ids):
        # A Parquet or flat output finished with every article of the input: nothing to do.
        return Report(output.path, len(ids), len(ids), 0, seconds=time.perf_counter() - started, already_complete=True)
    report = Report(output.path, len(ids), len(done.intersection(ids)), 1 if extractor else options.processes)
    model = _model(options.model) if extractor is None else ""
    workers: Workers | InProcess
    if extractor is not None:
        workers = InProcess(extractor, options.max_chars, options.any_language)
    elif options.processes == 1:
        workers = InProcess(ready_engine(load_pipeline(model)), options.max_chars, options.any_language)
    else:
        workers = Workers(options.processes, model, options.max_chars, options.any_language)
    pool_started = time.time()
    loaded_at: set[float] = set()
    cpu: dict[int, float] = {}
    bar = tqdm(
        total=report.articles,
        initial=report.done_before,
        unit=" articles",
        disable=not options.progress,
        dynamic_ncols=True,
        smoothing=0.1,
    )
    journal.open()
    try:
        for chunk, result in workers.map(chunked(archive.records(done))):
            journal.write(result.lines)
            loaded_at.add(result.loaded_at)
            cpu[result.pid] = result.cpu_seconds
            report.analysed += result.errors.count(None)
            report.failed.update(error for error in result.errors if error is not None)
            report.quotes += result.quotes
            report.chars += result.chars
            bar.update(len(chunk))
            if on_progress is not None:
                on_progress(len(chunk))
    finally:
        bar.close()
        journal.close()
        workers.close()
    # The work starts when the first process has its model (the others load theirs at the same time).
    ready = min(loaded_at, default=pool_started)
    report.startup_seconds = max(0.0, ready - pool_started)
    report.work_seconds = max(0.0, time.time() - ready)
    report.cpu_seconds = sum(cpu.values())
    report.failures = finish(output, options.fields.keep)
    report.seconds = time.perf_counter() - started
    return report


def _model(name: str | None) -> str:
    model = name or default_model_name()
    try:
        check_model(model)
    except ModelNotFound as exc:
        raise ArchiveError(str(exc)) from None
    return model
