"""``quotes batch``: an archive of articles in, one result per article out, on every core.

::

    quotes batch articles.jsonl results.jsonl          # JSON Lines in and out
    quotes batch texts/ results.parquet                 # a folder of .txt files; Parquet out
    quotes batch articles.parquet quotes.csv --flat     # one row per quote, for a spreadsheet

The steps, in ``run``:

1. ``archives.open_archive``: the input (JSON Lines, Parquet, a folder of
   ``.txt`` files) as ``Article(id, text)`` in its order. Its ids are checked
   first (each present, unique) and counted, so that a broken input stops the
   run before any work, and the progress bar knows the total;
2. ``Journal``: the results written so far, one JSON line per article. An
   interrupted run is resumed from it (``--resume``): the articles in it are
   skipped, the rest appended, so each article is in the output once;
3. ``chunked``: the articles to do, in chunks of the engine's batch size;
4. ``analyse``, in a pool of processes (``Workers``, the model loaded once in
   each) or in this one: each article refused with an ``error`` (too long,
   not text: ``refusal``) or attributed by ``QuoteExtractor.extract_many``.
   The results are written by this process, in the input's order;
5. ``finish``: the journal turned into the output's format when that is not
   JSON Lines (Parquet, the flat table of quotes).

``analyse`` is also what the Spark job (``service.spark_job``) runs on each
partition, so both give the engine's answers, row for row.
"""

from __future__ import annotations

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
from pathlib import Path
from typing import IO, Any

from marshmallow import ValidationError
from tqdm import tqdm

from service.archives import PARQUET, ArchiveError, Article, Unreadable, UsageError, open_archive
from service import language
from service.attribution import Attribution
from service.attribution.pipeline import DEFAULT_BATCH_SIZE, QuoteExtractor
from service.nlp import ModelInfo, ModelNotFound, check_model, default_model_name, load_pipeline, model_info
from service.offsets import OffsetUnit
from service.language import DetectedLanguage
from service.schemas import ArticleResultSchema, check_text
from service.tables import FLAT_SCHEMA, flat_rows, result_schema, write_csv, write_parquet

CHUNK_ARTICLES = DEFAULT_BATCH_SIZE
"""Articles handed to a process at a time: one batch of the engine's parse."""
CHUNK_CHARS = 100_000
"""...and at most this many characters (one article of the longest allowed alone), so that a chunk
of long articles takes about as long as one of short ones, and the processes finish together."""
CHUNKS_IN_FLIGHT_PER_PROCESS = 2
"""Chunks sent ahead to each process: one to work on, one waiting, so that no process idles while
this one writes; no more, so that the articles in memory stay few whatever the archive's size."""
PROCESS_MEMORY_BYTES = 400 * 1024 * 1024
"""What one process may take: the model and its working memory peak at about 230 MB (README,
Performance); with room. The default number of processes leaves each this much of the memory."""
CSV = ".csv"
PARTIAL = ".partial.jsonl"
"""Beside a Parquet or flat output while it is being written: the journal of results so far."""
FAILURES = ".failures.jsonl"
"""Beside a flat output: the articles that were not analysed, and why (a flat table has no row for them)."""
ID_PREFIX = '{"id": '
"""How every journal line starts (``ArticleResultSchema`` dumps the id first): its id is read from
there without parsing the whole line."""

_result_schema = ArticleResultSchema()


# --- articles and why one is not analysed ---------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleError:
    """Why an article was not analysed: a problem's type, title and detail, as the API gives them."""

    type: str
    title: str
    detail: str


class Refusal(Enum):
    """The kinds of article that are recorded with an ``error`` instead of quotes; each is a problem type."""

    TOO_LONG = ("text-too-long", "Text is too long")
    """Longer than ``QUOTES_MAX_CHARS``, as the service refuses it."""
    NOT_TEXT = ("not-text", "No text to analyse")
    """No text where the article should be: missing, null, not a string, empty, not UTF-8."""
    NOT_ENGLISH = ("unsupported-language", "Language not supported")
    """Confidently in a language other than English (``service.language``), as the service refuses it."""

    def __init__(self, slug: str, title: str) -> None:
        self.slug = slug
        self.title = title

    @property
    def type(self) -> str:
        return f"/problems/{self.slug}"

    def error(self, detail: str) -> ArticleError:
        return ArticleError(self.type, self.title, detail)


def refusal(text: str | Unreadable, max_chars: int) -> ArticleError | None:
    """Why ``text`` is not analysed, or None when it is to be.

    >>> refusal("", 100).type
    '/problems/not-text'
    """
    if isinstance(text, Unreadable):
        return Refusal.NOT_TEXT.error(text.detail)
    if not text.strip():
        return Refusal.NOT_TEXT.error("The text is empty or only spaces.")
    try:
        check_text(text)
    except ValidationError as exc:
        return Refusal.NOT_TEXT.error(" ".join(map(str, exc.messages)))
    if len(text) > max_chars:
        return Refusal.TOO_LONG.error(
            f"The text has {len(text)} characters; the limit is {max_chars} (QUOTES_MAX_CHARS). Split the text."
        )
    return None


def not_english(found: DetectedLanguage | None) -> ArticleError | None:
    """The refusal of an article confidently in another language (``service.language``), or None."""
    if found is None or not language.confidently_not_english(found):
        return None
    return Refusal.NOT_ENGLISH.error(
        f"The text appears to be {found.name} (confidence {found.confidence:.2f}); the engine reads English only."
    )


def result_row(
    article_id: str,
    model: ModelInfo,
    attribution: Attribution | None = None,
    error: ArticleError | None = None,
    language: DetectedLanguage | None = None,
) -> dict[str, Any]:
    """One article's row: its id, the API's answer for it (the same schema), and ``error``."""
    row: dict[str, Any] = _result_schema.dump(
        {
            "id": article_id,
            "quotes": attribution.quotes if attribution else None,
            "speakers": attribution.speakers if attribution else None,
            "language": language,
            "offsets": OffsetUnit.CODEPOINTS,
            "model": model,
            "error": error,
        }
    )
    return row


def analyse(extractor: QuoteExtractor, articles: Sequence[Article], max_chars: int) -> list[dict[str, Any]]:
    """Each article's row, in order: refused (``refusal``, ``not_english``), or the engine's answer for its text.

    The texts to analyse go to ``extractor.extract_many`` together, so a chunk
    of articles is parsed as one batch.
    """
    errors = [refusal(article.text, max_chars) for article in articles]
    found = [language.identify(a.text) if e is None and isinstance(a.text, str) else None for a, e in zip(articles, errors)]
    errors = [error or not_english(detected) for error, detected in zip(errors, found)]
    texts = [article.text for article, error in zip(articles, errors) if error is None and isinstance(article.text, str)]
    results = iter(extractor.extract_many(texts) if texts else [])
    model = model_info(extractor.nlp)
    return [
        result_row(article.id, model, error=error, language=detected)
        if error is not None
        else result_row(article.id, model, next(results), language=detected)
        for article, error, detected in zip(articles, errors, found)
    ]


def chunked(articles: Iterable[Article], max_articles: int = CHUNK_ARTICLES, max_chars: int = CHUNK_CHARS) -> Iterator[list[Article]]:
    """``articles`` in order, in chunks of at most ``max_articles`` and about ``max_chars`` characters."""
    chunk: list[Article] = []
    size = 0
    for article in articles:
        length = len(article.text) if isinstance(article.text, str) else 0
        if chunk and (len(chunk) == max_articles or size + length > max_chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(article)
        size += length
    if chunk:
        yield chunk


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
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.path.open("a", encoding="utf-8", newline="\n")

    def write(self, lines: Sequence[str]) -> None:
        assert self._handle is not None, "open the journal first"
        self._handle.write("".join(line + "\n" for line in lines))
        self._handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def rows(self) -> Iterator[dict[str, Any]]:
        with self.path.open(encoding="utf-8") as handle:
            for line in handle:
                row: dict[str, Any] = json.loads(line)
                yield row


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


def finish(output: Output) -> Path | None:
    """Write the output from the journal (unless it is the journal), then remove the journal.

    Written to a temporary name first and moved into place, so that a run
    stopped here leaves the journal whole and ``--resume`` writes it again.
    Returns the file of failures beside a flat table, if any article failed.
    """
    if output.format is Format.JSON_LINES:
        return None
    journal = Journal(output.journal)
    temporary = output.path.with_name(output.path.name + ".tmp")
    failures_path = output.failures
    if output.format is Format.PARQUET:
        write_parquet(temporary, journal.rows(), result_schema())
    else:
        rows = (flat for row in journal.rows() for flat in flat_rows(row))
        if output.format is Format.FLAT_CSV:
            write_csv(temporary, rows)
        else:
            write_parquet(temporary, rows, FLAT_SCHEMA)
    failed = failures_path is not None and _write_failures(journal.rows(), failures_path)
    os.replace(temporary, output.path)
    output.journal.unlink()
    return failures_path if failed else None


def _write_failures(rows: Iterable[dict[str, Any]], path: Path) -> bool:
    """The failed articles' ids and errors, one JSON line each; whether there were any."""
    lines = [json.dumps({"id": row["id"], "error": row["error"]}, ensure_ascii=False) for row in rows if row["error"]]
    if lines:
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return bool(lines)


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
    loaded_at: float
    cpu_at_start: float = field(default_factory=time.process_time)


_engine: _Engine | None = None
"""The model of a pool's process, loaded once by ``_start_worker``."""


def _work_on(engine: _Engine, chunk: list[Article]) -> Done:
    rows = analyse(engine.extractor, chunk, engine.max_chars)
    return Done(
        lines=[json.dumps(row, ensure_ascii=False) for row in rows],
        errors=[row["error"]["type"] if row["error"] else None for row in rows],
        quotes=sum(len(row["quotes"] or ()) for row in rows),
        chars=sum(len(article.text) for article, row in zip(chunk, rows) if not row["error"] and isinstance(article.text, str)),
        loaded_at=engine.loaded_at,
        pid=os.getpid(),
        cpu_seconds=time.process_time() - engine.cpu_at_start,
    )


def _start_worker(model: str, max_chars: int) -> None:
    """A pool process's start: the model, loaded once; Ctrl-C left to the parent; gone when the parent is."""
    global _engine
    # Ctrl-C reaches every process of the terminal's group: the parent decides what happens.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), name="parent-watch", daemon=True).start()
    _engine = _Engine(QuoteExtractor(load_pipeline(model)), max_chars, time.time())
    language.load()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    """Exit when the parent does, even killed: nothing else would tell a process holding a model to go."""
    parent.join()
    os._exit(1)


def _work(chunk: list[Article]) -> Done:
    assert _engine is not None, "the pool's initializer loads the model"
    return _work_on(_engine, chunk)


class Workers:
    """A pool of processes, each with its own model; chunks go out ahead, results come back in order."""

    def __init__(self, processes: int, model: str, max_chars: int) -> None:
        context = multiprocessing.get_context("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
        if context.get_start_method() == "forkserver":
            # The server imports the engine once; each process forked from it then only loads the model.
            context.set_forkserver_preload([__name__])
        self.processes = processes
        self.pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_start_worker, initargs=(model, max_chars))

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[tuple[list[Article], Done]]:
        pending: deque[tuple[list[Article], Future[Done]]] = deque()
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

    def __init__(self, extractor: QuoteExtractor, max_chars: int) -> None:
        self.engine = _Engine(extractor, max_chars, time.time())

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[tuple[list[Article], Done]]:
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
    text_field: str = "text"
    flat: bool = False
    processes: int = 1
    resume: bool = False
    overwrite: bool = False
    model: str | None = None
    """spaCy pipeline; None: ``service.nlp.default_model_name()``."""
    max_chars: int = 100_000
    """Longer texts are refused (``QUOTES_MAX_CHARS``)."""
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
    if options.input.resolve() in {path.resolve() for path in output.files()}:
        raise UsageError(f"{options.output} is the input itself; name another output")
    existing = [path for path in output.files() if path.exists()]
    if options.overwrite:
        for path in existing:
            path.unlink()
    elif existing and not options.resume:
        raise ArchiveError(f"{existing[0]} already exists: --resume goes on from it, --overwrite starts again")
    journal = Journal(output.journal)
    return output, journal, journal.done()


def run(options: Options, extractor: QuoteExtractor | None = None, on_progress: Callable[[int], None] | None = None) -> Report:
    """Analyse every article of ``options.input`` not yet in its output, and write the output.

    ``extractor``: a loaded engine to use in this process (then ``processes``
    is ignored); otherwise ``options.processes`` processes each load
    ``options.model``. ``on_progress`` is told how many articles each chunk held.
    """
    started = time.perf_counter()
    output, journal, done = prepare(options)
    if options.resume and output.format is not Format.JSON_LINES and not output.journal.exists() and output.path.exists():
        # A Parquet or flat output with no journal beside it was finished.
        return Report(output.path, 0, 0, 0, seconds=time.perf_counter() - started, already_complete=True)
    archive = open_archive(options.input, options.id_field, options.text_field)
    ids = archive.ids()
    report = Report(output.path, len(ids), len(done.intersection(ids)), 1 if extractor else options.processes)
    model = _model(options.model) if extractor is None else ""
    workers: Workers | InProcess
    if extractor is not None:
        workers = InProcess(extractor, options.max_chars)
    elif options.processes == 1:
        workers = InProcess(QuoteExtractor(load_pipeline(model)), options.max_chars)
    else:
        workers = Workers(options.processes, model, options.max_chars)
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
        for chunk, result in workers.map(chunked(archive.articles(done))):
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
    report.failures = finish(output)
    report.seconds = time.perf_counter() - started
    return report


def _model(name: str | None) -> str:
    model = name or default_model_name()
    try:
        check_model(model)
    except ModelNotFound as exc:
        raise ArchiveError(str(exc)) from None
    return model
