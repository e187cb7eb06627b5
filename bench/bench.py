"""Speed and memory of the quotes service, measured side by side in one run (``make bench``).

One corpus, one run, one table; every number is a median over repetitions and
is read as a ratio to another number of the same run, because the machines
this runs on are shared and noisy. The sections:

1. ``spacy``: the raw, full spaCy pipeline, ``nlp.pipe`` over the texts
   (characters per second): the reference;
2. ``engine``: ``QuoteExtractor.extract_many`` in-process on the same texts,
   its own parse included, and its time after the parse against the parse;
3. ``http``: the service under gunicorn on loopback, 1 and 2 workers, load
   from a separate process (``bench/load.py``): throughput and latency
   p50/p95/p99 at concurrency 1 and 4;
4. ``batch``: ``/v1/quotes/batch`` against the same documents one by one;
5. ``memory``: peak RSS of one worker, and of the whole server with 2
   workers with and without gunicorn's preload (``/proc/<pid>/status``, and
   PSS from ``smaps_rollup``, which shares the preloaded model fairly);
6. ``length``: the same text repeated to about 5k, 50k and 100k characters,
   time per character at each length;
7. ``textacy``: textacy's ``direct_quotations`` on the same full pipeline, a
   peer reference (skipped, with a note, when textacy does not import).

Beside each wall-time ratio stands the same ratio by CPU time (of this
process in-process, of gunicorn's processes over HTTP), which another job on
the machine does not move; ``checks`` confirms every way of running the
engine found the same quotes. The table (markdown) goes to stdout, progress
to stderr, everything to --json.

    python bench/bench.py [--quick] [--corpus FILE.jsonl|DIR] [--limit N] [--repeat N] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import hashlib
import importlib.metadata
import json
import math
import operator
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from spacy.language import Language  # noqa: E402

from service.attribution.pipeline import DEFAULT_BATCH_SIZE, QuoteExtractor  # noqa: E402
from service.config import Settings  # noqa: E402
from service.nlp import default_model_name, load_pipeline, model_info  # noqa: E402
from service.server import free_port, gunicorn_command, is_ready  # noqa: E402

LOAD_SCRIPT = Path(__file__).with_name("load.py")
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
SAMPLE_CORPUS = ROOT / "tests" / "articles"

FULL_REPEAT = 3
QUICK_REPEAT = 2
QUICK_DOCUMENTS = 4
CONCURRENCIES = (1, 4)
# The ratios about throughput compare saturated servers: at concurrency 4 a
# worker never waits for its client, and a second worker has work to take.
SATURATED = 4
# A warm-up pass: the first documents up to this many characters, so that
# lazy initialisation and memory growth happen before any clock starts.
WARM_UP_CHARS = 50_000
WARM_UP_TRIES = 10
# In-process passes take turns every this many documents: one batch of the engine.
SLICE_DOCUMENTS = DEFAULT_BATCH_SIZE
LENGTHS = (5_000, 50_000, 100_000)
STARTUP_SECONDS = 120
STOP_SECONDS = 30
MEMORY_SAMPLE_SECONDS = 0.25
MB = 1_000_000
# Room left in a batch body for what surrounds the documents (`{"documents": [...]}`).
ENVELOPE_BYTES = 1024
# A single-threaded pass on an idle machine is on a CPU nearly all its wall time;
# below this share, other jobs took turns on its core.
BUSY_SHARE = 0.9


class BenchError(RuntimeError):
    """Something that makes the measurement invalid (a server that did not start, a failed request)."""


STARTED = time.monotonic()


def log(message: str) -> None:
    """Progress goes to stderr, so that stdout holds only the table; seconds since the start show where time goes."""
    print(f"[{time.monotonic() - STARTED:5.0f} s] {message}", file=sys.stderr, flush=True)


# --- the corpus ---


@dataclass(frozen=True)
class Document:
    id: str
    text: str


@dataclass(frozen=True)
class Corpus:
    name: str
    documents: tuple[Document, ...]

    @property
    def texts(self) -> list[str]:
        return [d.text for d in self.documents]

    @property
    def chars(self) -> int:
        return sum(len(d.text) for d in self.documents)


def default_corpus_path() -> Path:
    """PolNeAR dev (84 real articles) when the shared data is beside the project, else its own samples."""
    return DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else SAMPLE_CORPUS


def read_corpus(path: Path) -> Corpus:
    """A JSON Lines file of ``{id, text}``, or a folder of ``.txt`` files (each file one document)."""
    if path.is_dir():
        documents = [Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.txt"))]
    else:
        documents = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                item = json.loads(line)
                documents.append(Document(str(item.get("id", n)), item["text"]))
    documents = [d for d in documents if d.text.strip()]
    if not documents:
        raise BenchError(f"the corpus {path} holds no texts")
    return Corpus(f"{path.parent.name}/{path.name}", tuple(documents))


def select(corpus: Corpus, limit: int | None, quick: bool, max_chars: int) -> tuple[Corpus, list[str]]:
    """The documents to measure: the first ``limit``, or a few short ones in quick mode.

    Texts over ``QUOTES_MAX_CHARS`` are dropped from every section, so that
    in-process and HTTP rows measure the same texts.
    """
    notes = []
    documents = [d for d in corpus.documents if len(d.text) <= max_chars]
    if len(documents) < len(corpus.documents):
        notes.append(f"{len(corpus.documents) - len(documents)} document(s) over {max_chars} characters left out")
    if limit is not None:
        documents = documents[:limit]
    if quick:
        documents = sorted(documents, key=lambda d: len(d.text))[:QUICK_DOCUMENTS]
    return Corpus(corpus.name, tuple(documents)), notes


def warm_up_texts(texts: Sequence[str], at_least: int = 1) -> list[str]:
    """The first texts up to ``WARM_UP_CHARS``, cycled to at least ``at_least`` of them."""
    chosen: list[str] = []
    for text in texts:
        if chosen and sum(map(len, chosen)) + len(text) > WARM_UP_CHARS:
            break
        chosen.append(text)
    while len(chosen) < at_least:
        chosen.append(texts[len(chosen) % len(texts)])
    return chosen


def batches_of(documents: Sequence[Document], settings: Settings) -> list[list[Document]]:
    """Documents grouped into batches the service accepts (documents, characters and body bytes)."""
    batches: list[list[Document]] = [[]]
    chars = size = 0
    for document in documents:
        body_size = len(json.dumps({"id": document.id, "text": document.text}, ensure_ascii=False).encode("utf-8")) + 2
        full = (
            len(batches[-1]) >= settings.batch_max_documents
            or chars + len(document.text) > settings.batch_max_chars
            or size + body_size > settings.max_body_bytes - ENVELOPE_BYTES
        )
        if full and batches[-1]:
            batches.append([])
            chars = size = 0
        batches[-1].append(document)
        chars += len(document.text)
        size += body_size
    return batches


def copies_for(block: str, target: int) -> int:
    """How many copies of ``block``, one paragraph break apart, make about ``target`` characters."""
    return max(1, round((target + 2) / (len(block) + 2)))


def length_block(texts: Sequence[str], size: int = LENGTHS[0]) -> str:
    """The text repeated for the length rows: the document closest to ``size``, topped up with the next ones.

    Every length is then whole copies of one block, so that only the length
    changes between rows, not what the text is about.
    """
    start = min(range(len(texts)), key=lambda k: abs(len(texts[k]) - size))
    parts = [texts[start]]
    k = start
    while len("\n\n".join(parts)) < 0.9 * size:
        k = (k + 1) % len(texts)
        parts.append(texts[k])
    return "\n\n".join(parts)


# --- statistics ---


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile, interpolated between closest ranks (numpy's default).

    With a few samples, p99 then stays between the two slowest, never beyond.
    """
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class Timed:
    """One timed pass: wall seconds, this process's CPU seconds, and what the pass returned.

    CPU well under wall time means the pass waited for a core: the machine was busy.
    """

    seconds: float
    cpu_seconds: float
    result: Any


def timed(work: Callable[[], Any]) -> Timed:
    """Time ``work``, garbage collected first so that every pass starts alike."""
    gc.collect()
    cpu, started = time.process_time(), time.perf_counter()
    result = work()
    return Timed(time.perf_counter() - started, time.process_time() - cpu, result)


# --- the machine ---


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def memory_total_mb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return None


def package_version(name: str) -> str | None:
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


def machine() -> dict[str, Any]:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "ram_mb": memory_total_mb(),
        "kernel": platform.release(),
        "load_average_before": list(os.getloadavg()),
    }


def versions(nlp: Language, textacy_version: str | None) -> dict[str, Any]:
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


# --- in-process: raw spaCy, the engine, textacy ---


def textacy_quotations() -> tuple[Callable[[Any], Any] | None, str | None, str | None]:
    """textacy's ``direct_quotations`` and its version, or why it is not there."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        return None, None, f"textacy does not import ({exc}); `make install-bench` installs it"
    return direct_quotations, package_version("textacy"), None


Pass = Callable[[Sequence[str]], dict[str, float]]
"""One way of running over some texts; what it returns is summed over the slices of a pass."""


def run_spacy(nlp: Language, texts: Sequence[str]) -> dict[str, float]:
    """The reference: every text through the whole pipeline, nothing after."""
    documents = 0
    for _ in nlp.pipe(texts):
        documents += 1
    return {"documents": documents}


def run_engine(extractor: QuoteExtractor, texts: Sequence[str]) -> dict[str, float]:
    """The engine on a batch of texts, as ``/v1/quotes/batch`` runs it."""
    parse = attribution = 0.0
    quotes = 0
    for result in extractor.extract_many(texts):
        parse += result.timing.parse
        attribution += result.timing.attribution
        quotes += len(result.quotes)
    return {"parse_seconds": parse, "attribution_seconds": attribution, "quotes": quotes}


def run_textacy(nlp: Language, texts: Sequence[str], direct_quotations: Callable[[Any], Any]) -> dict[str, float]:
    """textacy on the same parse; a text it refuses (an odd number of quotation marks) still costs its parse."""
    quotes = refused = 0
    for doc in nlp.pipe(texts):
        try:
            quotes += len(list(direct_quotations(doc)))
        except ValueError:
            refused += 1
    return {"quotes": quotes, "refused_documents": refused}


def interleaved(passes: dict[str, Pass], slices: Sequence[Sequence[str]], repeat: int) -> dict[str, list[Timed]]:
    """Each pass over the whole corpus once a repetition, taking turns slice by slice.

    Every slice goes through every pass before the next slice starts, in an
    order rotated at each slice, so that a noisy stretch of a few seconds
    falls on all the passes alike rather than on whichever ran then.
    """
    samples: dict[str, list[Timed]] = {name: [] for name in passes}
    names = list(passes)
    for rep in range(repeat):
        log(f"in-process, repetition {rep + 1}/{repeat}: {', '.join(names)}, {len(slices)} slice(s) in turn")
        parts: dict[str, list[Timed]] = {name: [] for name in passes}
        for k, texts in enumerate(slices):
            shift = (rep + k) % len(names)
            for name in names[shift:] + names[:shift]:
                parts[name].append(timed(lambda: passes[name](texts)))
        for name, timings in parts.items():
            samples[name].append(summed(timings))
    return samples


def summed(parts: Sequence[Timed]) -> Timed:
    """A whole pass from its slices: times added, and each number of their results."""
    totals: dict[str, float] = {}
    for part in parts:
        for key, value in part.result.items():
            totals[key] = totals.get(key, 0) + value
    return Timed(sum(p.seconds for p in parts), sum(p.cpu_seconds for p in parts), totals)


def in_process(corpus: Corpus, repeat: int, length_repeat: int) -> dict[str, Any]:
    """Sections 1, 2, 7 (interleaved) and 6, each on a fresh pipeline of its own."""
    raw = load_pipeline(default_model_name())
    extractor = QuoteExtractor(load_pipeline(default_model_name()))
    direct_quotations, textacy_version, textacy_note = textacy_quotations()
    texts = corpus.texts
    # The first pass over new text is slower (caches, the vocabulary): one
    # untimed pass over the whole corpus, so that every timed pass is alike.
    run_spacy(raw, texts)
    extractor.extract_many(texts)

    passes: dict[str, Pass] = {
        "spacy": lambda part: run_spacy(raw, part),
        "engine": lambda part: run_engine(extractor, part),
    }
    if direct_quotations is not None:
        passes["textacy"] = lambda part: run_textacy(raw, part, direct_quotations)
    slices = [texts[k : k + SLICE_DOCUMENTS] for k in range(0, len(texts), SLICE_DOCUMENTS)]
    samples = interleaved(passes, slices, repeat)
    results: dict[str, Any] = {
        "versions": versions(raw, textacy_version),
        "spacy": spacy_section(samples["spacy"], corpus, raw),
        "engine": engine_section(samples["engine"], corpus, extractor),
    }
    if "textacy" in samples:
        results["textacy"] = textacy_section(samples["textacy"], corpus, textacy_version)
    else:
        results["textacy"] = {"skipped": textacy_note}
    results["length"] = length_section(extractor, raw, texts, length_repeat)
    return results


def throughput(samples: Sequence[Timed], chars: int) -> dict[str, Any]:
    """The median pass, in characters per second, with every pass's wall and CPU time."""
    median = statistics.median(s.seconds for s in samples)
    cpu = statistics.median(s.cpu_seconds for s in samples)
    return {
        "seconds": [s.seconds for s in samples],
        "cpu_seconds": [s.cpu_seconds for s in samples],
        "median_seconds": median,
        "median_cpu_seconds": cpu,
        "chars_per_second": chars / median,
        "chars_per_cpu_second": chars / cpu if cpu else None,
    }


def spacy_section(samples: Sequence[Timed], corpus: Corpus, nlp: Language) -> dict[str, Any]:
    return {
        "what": "nlp.pipe over the texts, full pipeline, fresh and unmodified",
        "pipeline": list(nlp.pipe_names),
        "batch_size": nlp.batch_size,
        **throughput(samples, corpus.chars),
    }


def engine_components(extractor: QuoteExtractor) -> list[str]:
    """What the engine runs, in order, each step with its class (ours stand in for some of spaCy's)."""
    steps = [f"{name} ({type(step).__name__})" for name, step in extractor.parser.steps]
    if extractor.parser.lemmas is not None:
        steps.append("lemmas on demand (LazyLemmas)")
    return steps


def engine_section(samples: Sequence[Timed], corpus: Corpus, extractor: QuoteExtractor) -> dict[str, Any]:
    runs = [s.result for s in samples]
    shares = [run["attribution_seconds"] / run["parse_seconds"] for run in runs]
    return {
        "what": f"QuoteExtractor(fresh pipeline).extract_many, in batches of {SLICE_DOCUMENTS} documents",
        "pipeline": engine_components(extractor),
        "batch_size": extractor.parser.batch_size,
        **throughput(samples, corpus.chars),
        "parse_seconds": [run["parse_seconds"] for run in runs],
        "attribution_seconds": [run["attribution_seconds"] for run in runs],
        "after_parse_share": statistics.median(shares),
        "quotes": runs[-1]["quotes"],
    }


def textacy_section(samples: Sequence[Timed], corpus: Corpus, version: str | None) -> dict[str, Any]:
    last = samples[-1].result
    return {
        "what": "textacy.extract.triples.direct_quotations on nlp.pipe, the same full pipeline as row 1",
        "version": version,
        **throughput(samples, corpus.chars),
        "quotes": last["quotes"],
        "refused_documents": last["refused_documents"],
    }


def length_section(extractor: QuoteExtractor, raw: Language, texts: Sequence[str], repeat: int) -> dict[str, Any]:
    """Time per character of the engine on one block of text repeated to each length.

    Raw spaCy runs on the same text alongside: if the engine grows faster
    than linearly, this tells whether the parse or the rules do.
    """
    block = length_block(texts)
    rows: dict[str, Any] = {}
    for target in LENGTHS:
        copies = copies_for(block, target)
        text = "\n\n".join([block] * copies)
        log(f"length {len(text)} characters, {repeat} repetition(s)")
        engine, spacy_ = [], []
        for _ in range(repeat):
            engine.append(timed(lambda: extractor.extract(text)))
            spacy_.append(timed(lambda: run_spacy(raw, [text])))
        rows[str(target)] = length_row(text, copies, engine, spacy_)
    return {"block_chars": len(block), "lengths": rows}


def length_row(text: str, copies: int, engine: Sequence[Timed], spacy_: Sequence[Timed]) -> dict[str, Any]:
    timings = [run.result.timing for run in engine]
    row = throughput(engine, len(text))
    return {
        "chars": len(text),
        "copies": copies,
        **row,
        "us_per_char": row["median_seconds"] / len(text) * 1e6,
        "parse_seconds": [t.parse for t in timings],
        "attribution_seconds": [t.attribution for t in timings],
        "quotes": len(engine[-1].result.quotes),
        "spacy_seconds": [run.seconds for run in spacy_],
        "spacy_us_per_char": statistics.median(run.seconds for run in spacy_) / len(text) * 1e6,
    }


# --- the server ---


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    workers: int
    preload: bool




def tail(output: IO[bytes]) -> str:
    output.seek(0)
    return output.read().decode(errors="replace")[-2000:]


def wait_ready(process: subprocess.Popen[bytes], url: str, output: IO[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not is_ready(url):
        if process.poll() is not None:
            raise BenchError(f"gunicorn exited with {process.returncode}:\n{tail(output)}")
        if time.monotonic() > deadline:
            raise BenchError(f"gunicorn was not ready within {STARTUP_SECONDS} s:\n{tail(output)}")
        time.sleep(0.2)


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (gunicorn's graceful stop), then SIGKILL if it lingers."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def serve(workers: int, preload: bool) -> Iterator[Server]:
    """gunicorn as ``make run`` starts it, on a free loopback port, stopped whatever happens."""
    port = free_port()
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_PRELOAD": "1" if preload else "0",
    }
    url = f"http://127.0.0.1:{port}"
    # The access log stays on (it is part of what a request costs), kept in a
    # file so that a failed start can show why.
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(gunicorn_command(), cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_ready(process, url, output)
            yield Server(url, process.pid, workers, preload)
        finally:
            stop(process)


# --- memory, from /proc ---


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (kB) of a process; empty if it is gone."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    except OSError:
        return {}
    return values


def proc_pss(pid: int) -> int | None:
    """Proportional set size (kB): shared pages divided among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def children(pid: int) -> list[int]:
    """A process's children, from ``/proc/<pid>/task/*/children``, or by each process's parent id."""
    files = list(Path(f"/proc/{pid}/task").glob("*/children"))
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
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def stat_fields(pid: int) -> list[str]:
    """``/proc/<pid>/stat`` from its field 3 (state) on; empty if the process is gone.

    The command name before it may hold spaces and parentheses: the fields
    start after the last ')'.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
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
    # utime and stime are the stat file's fields 14 and 15, in clock ticks.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(pid: int) -> float:
    return sum(cpu_seconds(p) for p in [pid, *children(pid)])


def load_generator_cpu_seconds() -> float:
    """CPU time of finished children: the load generator's runs (gunicorn is reaped only when it stops)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class MemorySampler:
    """Polls the summed RSS and PSS of the master and its workers while load runs.

    VmHWM is a peak per process; the processes peak at different moments,
    so the peak of the whole server is sampled.
    """

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_rss_kb = 0
        self.peak_pss_kb = 0
        self.pids_seen: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, name="memory-sampler", daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _poll(self) -> None:
        while not self._stop.wait(MEMORY_SAMPLE_SECONDS):
            self.sample()

    def sample(self) -> None:
        pids = [self.pid, *children(self.pid)]
        self.pids_seen.update(pids)
        self.peak_rss_kb = max(self.peak_rss_kb, sum(proc_status(p).get("VmRSS", 0) for p in pids))
        self.peak_pss_kb = max(self.peak_pss_kb, sum(proc_pss(p) or 0 for p in pids))


def memory_report(server: Server, sampler: MemorySampler) -> dict[str, Any]:
    """Each process's peak (VmHWM) now, before the server stops, and the sampled peaks of the whole."""
    workers = children(server.pid)

    def one(pid: int) -> dict[str, Any]:
        status = proc_status(pid)
        return {
            "pid": pid,
            "peak_rss_mb": status.get("VmHWM", 0) * 1024 / MB,
            "rss_mb": status.get("VmRSS", 0) * 1024 / MB,
            "pss_mb": (proc_pss(pid) or 0) * 1024 / MB,
        }

    master, processes = one(server.pid), [one(pid) for pid in workers]
    return {
        "workers": server.workers,
        "preload": server.preload,
        "master": master,
        "worker_processes": processes,
        "max_worker_peak_rss_mb": max((p["peak_rss_mb"] for p in processes), default=None),
        "sum_peak_rss_mb": master["peak_rss_mb"] + sum(p["peak_rss_mb"] for p in processes),
        "sampled_peak_sum_rss_mb": sampler.peak_rss_kb * 1024 / MB,
        "sampled_peak_sum_pss_mb": sampler.peak_pss_kb * 1024 / MB,
        "workers_recycled": len(sampler.pids_seen - {server.pid}) > server.workers,
    }


# --- load, from a separate process ---


def write_plan(path: Path, requests: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in requests), encoding="utf-8")
    return path


def single_requests(documents: Sequence[Document]) -> list[dict[str, Any]]:
    return [{"path": "/v1/quotes", "body": {"text": d.text}, "chars": len(d.text)} for d in documents]


def batch_requests(batches: Sequence[Sequence[Document]]) -> list[dict[str, Any]]:
    return [
        {
            "path": "/v1/quotes/batch",
            "body": {"documents": [{"id": d.id, "text": d.text} for d in batch]},
            "chars": sum(len(d.text) for d in batch),
        }
        for batch in batches
    ]


def run_load(url: str, plan: Path, concurrency: int, rounds: int, retry_unready: bool = False) -> list[dict[str, Any]]:
    """``bench/load.py`` against ``url``; its rounds. Any failed request makes the measurement invalid."""
    command = [sys.executable, str(LOAD_SCRIPT), "--url", url, "--plan", str(plan)]
    command += ["--concurrency", str(concurrency), "--rounds", str(rounds)]
    if retry_unready:
        command.append("--retry-unready")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"the load generator failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    result: list[dict[str, Any]] = json.loads(done.stdout)["rounds"]
    errors = [sample for r in result for sample in r["error_samples"]]
    if any(r["errors"] for r in result):
        raise BenchError(f"{sum(r['errors'] for r in result)} requests to {url} failed, e.g. {errors[:3]}")
    return result


def warm_up(server: Server, plan: Path) -> int:
    """Send the warm-up plan until a pass meets no worker still loading (503); how many passes it took."""
    for attempt in range(1, WARM_UP_TRIES + 1):
        rounds = run_load(server.url, plan, SATURATED, 1, retry_unready=True)
        if rounds[0]["unready"] == 0:
            return attempt
    raise BenchError(f"the workers at {server.url} were still loading after {WARM_UP_TRIES} warm-up passes")


def summarise(rounds: Sequence[dict[str, Any]], concurrency: int) -> dict[str, Any]:
    """Medians over rounds: throughput, and each round's latency percentiles."""
    per_second = [r["chars"] / r["seconds"] for r in rounds]
    return {
        "concurrency": concurrency,
        "rounds": len(rounds),
        "requests_per_round": rounds[0]["requests"],
        "chars_per_second": statistics.median(per_second),
        "chars_per_second_rounds": per_second,
        "p50_ms": statistics.median(percentile(r["latencies_ms"], 50) for r in rounds),
        "p95_ms": statistics.median(percentile(r["latencies_ms"], 95) for r in rounds),
        "p99_ms": statistics.median(percentile(r["latencies_ms"], 99) for r in rounds),
        "quotes": rounds[-1]["quotes"],
    }


def measured_load(server: Server, plan: Path, concurrency: int, rounds: int) -> dict[str, Any]:
    """The load generator's rounds, summarised, with the CPU the server and the generator used meanwhile.

    The server's CPU seconds tell its cost apart from the machine's weather:
    characters per server CPU second do not fall when another job takes a
    core, and ``server_cores_busy`` shows how many cores the server got.
    """
    server_before, client_before = server_cpu_seconds(server.pid), load_generator_cpu_seconds()
    result = run_load(server.url, plan, concurrency, rounds)
    server_used = server_cpu_seconds(server.pid) - server_before
    wall = sum(r["seconds"] for r in result)
    return {
        **summarise(result, concurrency),
        "server_cpu_seconds": server_used,
        "load_generator_cpu_seconds": load_generator_cpu_seconds() - client_before,
        "server_cores_busy": server_used / wall,
        "chars_per_server_cpu_second": sum(r["chars"] for r in result) / server_used if server_used else None,
        "load_average_after": os.getloadavg()[0],
    }


def max_worker_peak_rss_mb(server: Server) -> float:
    return max((proc_status(pid).get("VmHWM", 0) * 1024 / MB for pid in children(server.pid)), default=0.0)


def measure_server(workers: int, preload: bool, plans: dict[str, Path], repeat: int, batch: bool) -> dict[str, Any]:
    """One gunicorn: warmed up, then one by one at each concurrency (and batches), its memory read before it stops."""
    label = f"{workers} worker{'s' if workers > 1 else ''}, preload {'on' if preload else 'off'}"
    log(f"HTTP: starting gunicorn, {label}")
    with serve(workers, preload) as server, MemorySampler(server.pid) as sampler:
        passes = warm_up(server, plans["warm_up"])
        result: dict[str, Any] = {"workers": workers, "preload": preload, "warm_up_passes": passes}
        for concurrency in CONCURRENCIES:
            log(f"HTTP, {label}: one by one, concurrency {concurrency}, {repeat} round(s)")
            result[f"concurrency_{concurrency}"] = measured_load(server, plans["single"], concurrency, repeat)
        if batch:
            # A batch is parsed in one memory zone: its peak is the worker's largest.
            result["worker_peak_rss_mb_before_batch"] = max_worker_peak_rss_mb(server)
            log(f"HTTP, {label}: /v1/quotes/batch, concurrency 1, {repeat} round(s)")
            result["batch"] = measured_load(server, plans["batch"], 1, repeat)
        sampler.sample()
        result["memory"] = memory_report(server, sampler)
    return result


def over_http(corpus: Corpus, settings: Settings, repeat: int) -> dict[str, Any]:
    """Sections 3, 4 and 5: three servers, one after the other (1 worker; 2 workers with and without preload)."""
    with tempfile.TemporaryDirectory(prefix="quotes-bench-") as folder:
        directory = Path(folder)
        warm = warm_up_texts(corpus.texts, at_least=2 * SATURATED)
        plans = {
            "single": write_plan(directory / "single.jsonl", single_requests(corpus.documents)),
            "batch": write_plan(directory / "batch.jsonl", batch_requests(batches_of(corpus.documents, settings))),
            "warm_up": write_plan(
                directory / "warm-up.jsonl", single_requests([Document(str(n), t) for n, t in enumerate(warm)])
            ),
        }
        return {
            "workers_1": measure_server(1, True, plans, repeat, batch=True),
            "workers_2": measure_server(2, True, plans, repeat, batch=False),
            "workers_2_no_preload": measure_server(2, False, plans, repeat, batch=False),
        }


# --- ratios, targets and the table ---


@dataclass(frozen=True)
class Target:
    """A goal from the issue: a ratio (or a size) of this run, a comparison and a threshold."""

    key: str
    label: str
    op: str
    threshold: float
    unit: str = ""

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        compare = operator.ge if self.op == "≥" else operator.le
        return bool(compare(value, self.threshold))

    def text(self) -> str:
        return f"{self.op} {self.threshold:g}{' ' + self.unit if self.unit else ''}"


TARGETS = (
    Target("engine_vs_spacy", "engine in-process ÷ raw full pipeline, throughput", "≥", 1.2),
    Target("after_parse_share", "engine time after the parse ÷ parse time", "≤", 0.10),
    Target("http_1_worker_vs_engine", "HTTP with 1 worker ÷ engine in-process, throughput", "≥", 0.9),
    Target("http_2_workers_vs_1", "HTTP 2 workers ÷ 1 worker, throughput", "≥", 1.6),
    Target("batch_vs_single", "batch ÷ one by one, throughput", "≥", 1.15),
    Target("length_100k_vs_5k", "time per character at 100k ÷ at 5k", "≤", 1.2),
    Target("worker_peak_rss_mb", "RSS of one worker", "≤", 400, "MB"),
    Target("textacy_vs_engine", "textacy ÷ engine, time on the same texts", "≥", 1.2),
)


def saturated(server: dict[str, Any]) -> float:
    rate_: float = server[f"concurrency_{SATURATED}"]["chars_per_second"]
    return rate_


def ratios(results: dict[str, Any]) -> dict[str, float | None]:
    """Every ratio of the run; the targets pick theirs from here, the others help read them."""
    engine, http, lengths = results["engine"], results["http"], results["length"]["lengths"]
    one, two, two_off = http["workers_1"], http["workers_2"], http["workers_2_no_preload"]
    per_char = {key: row["us_per_char"] for key, row in lengths.items()}
    spacy_per_char = {key: row["spacy_us_per_char"] for key, row in lengths.items()}
    return {
        "engine_vs_spacy": ratio(engine["chars_per_second"], results["spacy"]["chars_per_second"]),
        "after_parse_share": engine["after_parse_share"],
        "http_1_worker_vs_engine": ratio(saturated(one), engine["chars_per_second"]),
        "http_1_worker_concurrency_1_vs_engine": ratio(
            one["concurrency_1"]["chars_per_second"], engine["chars_per_second"]
        ),
        "http_2_workers_vs_1": ratio(saturated(two), saturated(one)),
        "http_2_workers_no_preload_vs_1": ratio(saturated(two_off), saturated(one)),
        "batch_vs_single": ratio(one["batch"]["chars_per_second"], one["concurrency_1"]["chars_per_second"]),
        "length_50k_vs_5k": ratio(per_char["50000"], per_char["5000"]),
        "length_100k_vs_5k": ratio(per_char["100000"], per_char["5000"]),
        "spacy_length_50k_vs_5k": ratio(spacy_per_char["50000"], spacy_per_char["5000"]),
        "spacy_length_100k_vs_5k": ratio(spacy_per_char["100000"], spacy_per_char["5000"]),
        "worker_peak_rss_mb": one["memory"]["max_worker_peak_rss_mb"],
        "server_pss_no_preload_vs_preload": ratio(
            two_off["memory"]["sampled_peak_sum_pss_mb"], two["memory"]["sampled_peak_sum_pss_mb"]
        ),
        "textacy_vs_engine": ratio(results["textacy"].get("median_seconds"), engine["median_seconds"]),
        **cpu_ratios(results),
    }


def cpu_ratios(results: dict[str, Any]) -> dict[str, float | None]:
    """The same comparisons by CPU time instead of wall time: what each costs, whatever else the machine ran."""
    engine, one = results["engine"], results["http"]["workers_1"]
    return {
        "engine_vs_spacy_cpu": ratio(engine["chars_per_cpu_second"], results["spacy"]["chars_per_cpu_second"]),
        "http_1_worker_vs_engine_cpu": ratio(
            one[f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"], engine["chars_per_cpu_second"]
        ),
        "http_2_workers_vs_1_cpu": ratio(
            results["http"]["workers_2"][f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"],
            one[f"concurrency_{SATURATED}"]["chars_per_server_cpu_second"],
        ),
        "batch_vs_single_cpu": ratio(
            one["batch"]["chars_per_server_cpu_second"], one["concurrency_1"]["chars_per_server_cpu_second"]
        ),
        "textacy_vs_engine_cpu": ratio(results["textacy"].get("median_cpu_seconds"), engine["median_cpu_seconds"]),
    }


def targets(measured: dict[str, float | None]) -> dict[str, dict[str, Any]]:
    return {
        t.key: {"label": t.label, "value": measured[t.key], "target": t.text(), "met": t.met(measured[t.key])}
        for t in TARGETS
    }


Row = tuple[str, str, str, str, str]
"""One line of the table: what, result, ratio, target, met."""


def rate(chars_per_second: float) -> str:
    return f"{chars_per_second:,.0f} chars/s"


def times(value: float | None, of: str, cpu: float | None = None) -> str:
    """``1.15 × raw spaCy``, and the same ratio by CPU time when there is one."""
    if value is None:
        return "—"
    return f"{value:.2f} × {of}" + (f" (CPU time: {cpu:.2f})" if cpu is not None else "")


def latency(row: dict[str, Any]) -> str:
    return (
        f"{rate(row['chars_per_second'])}; "
        f"p50 {row['p50_ms']:.0f} ms, p95 {row['p95_ms']:.0f} ms, p99 {row['p99_ms']:.0f} ms"
    )


def row(label: str, measured: str, ratio_text: str = "", goal: dict[str, Any] | None = None) -> Row:
    """A table line; with a goal, its target and whether this run met it."""
    if goal is None:
        return (label, measured, ratio_text, "", "")
    met = {True: "met", False: "**not met**", None: "—"}[goal["met"]]
    return (label, measured, ratio_text, goal["target"], met)


def engine_rows(results: dict[str, Any]) -> list[Row]:
    engine, r, goals = results["engine"], results["ratios"], results["targets"]
    parse = statistics.median(engine["parse_seconds"])
    after = statistics.median(engine["attribution_seconds"])
    return [
        row("1. raw spaCy, full pipeline, `nlp.pipe`", rate(results["spacy"]["chars_per_second"]), "1.00 (reference)"),
        row(
            "2. engine in-process, `extract_many`",
            rate(engine["chars_per_second"]),
            times(r["engine_vs_spacy"], "raw spaCy", r["engine_vs_spacy_cpu"]),
            goals["engine_vs_spacy"],
        ),
        row(
            "2. engine: time after the parse",
            f"{after:.2f} s after {parse:.2f} s of parse",
            times(r["after_parse_share"], "parse"),
            goals["after_parse_share"],
        ),
    ]


def busy(server: dict[str, Any]) -> float:
    cores: float = server[f"concurrency_{SATURATED}"]["server_cores_busy"]
    return cores


def http_rows(results: dict[str, Any]) -> list[Row]:
    r, goals = results["ratios"], results["targets"]
    one, two = results["http"]["workers_1"], results["http"]["workers_2"]
    c = f"concurrency_{SATURATED}"
    batch_label = f"4. `/v1/quotes/batch`, 1 worker, {one['batch']['requests_per_round']} request(s) a round"
    return [
        row(
            "3. HTTP, 1 worker, concurrency 1",
            latency(one["concurrency_1"]),
            times(r["http_1_worker_concurrency_1_vs_engine"], "engine"),
        ),
        row(
            f"3. HTTP, 1 worker, concurrency {SATURATED}",
            latency(one[c]),
            times(r["http_1_worker_vs_engine"], "engine", r["http_1_worker_vs_engine_cpu"]),
            goals["http_1_worker_vs_engine"],
        ),
        row("3. HTTP, 2 workers, concurrency 1", latency(two["concurrency_1"])),
        row(
            f"3. HTTP, 2 workers, concurrency {SATURATED}",
            latency(two[c]),
            f"{times(r['http_2_workers_vs_1'], '1 worker', r['http_2_workers_vs_1_cpu'])}; "
            f"server busy on {busy(two):.1f} cores vs {busy(one):.1f}",
            goals["http_2_workers_vs_1"],
        ),
        row(
            batch_label,
            rate(one["batch"]["chars_per_second"]),
            times(r["batch_vs_single"], "one by one", r["batch_vs_single_cpu"]),
            goals["batch_vs_single"],
        ),
    ]


def memory_rows(results: dict[str, Any]) -> list[Row]:
    http, r, goals = results["http"], results["ratios"], results["targets"]
    one, two, off = (http[k]["memory"] for k in ("workers_1", "workers_2", "workers_2_no_preload"))
    before_batch = http["workers_1"]["worker_peak_rss_mb_before_batch"]

    def whole(memory: dict[str, Any]) -> str:
        return f"{memory['sum_peak_rss_mb']:.0f} MB (sum of VmHWM); PSS peak {memory['sampled_peak_sum_pss_mb']:.0f} MB"

    return [
        row(
            "5. peak RSS of one worker (VmHWM)",
            f"{one['max_worker_peak_rss_mb']:.0f} MB ({before_batch:.0f} MB before its batch requests)",
            "",
            goals["worker_peak_rss_mb"],
        ),
        row("5. whole server, 2 workers, preload on", whole(two)),
        row(
            "5. whole server, 2 workers, preload off",
            whole(off),
            times(r["server_pss_no_preload_vs_preload"], "preload (PSS)"),
        ),
    ]


def length_rows(results: dict[str, Any]) -> list[Row]:
    lengths, r, goals = results["length"]["lengths"], results["ratios"], results["targets"]
    rows = []
    for key, measured in lengths.items():
        label = f"6. length {measured['chars']:,} chars"
        per_char = f"{measured['us_per_char']:.1f} µs/char (raw spaCy: {measured['spacy_us_per_char']:.1f})"
        if key == str(LENGTHS[0]):
            rows.append(row(label, per_char, "1.00 (reference)"))
        else:
            name = f"length_{int(key) // 1000}k_vs_5k"
            ratio_text = f"{times(r[name], '5k')} (raw spaCy: {r['spacy_' + name]:.2f})"
            rows.append(row(label, per_char, ratio_text, goals.get(name)))
    return rows


def textacy_rows(results: dict[str, Any]) -> list[Row]:
    textacy, goal = results["textacy"], results["targets"]["textacy_vs_engine"]
    label = "7. textacy `direct_quotations`, same pipeline"
    if "skipped" in textacy:
        return [row(label, f"skipped: {textacy['skipped']}", "", goal)]
    measured = f"{rate(textacy['chars_per_second'])}; refused {textacy['refused_documents']} text(s)"
    r = results["ratios"]
    return [row(label, measured, times(r["textacy_vs_engine"], "engine's time", r["textacy_vs_engine_cpu"]), goal)]


def caption(results: dict[str, Any]) -> str:
    """Where and on what the table was measured: a ratio means little without it."""
    meta, m, v = results["meta"], results["meta"]["machine"], results["versions"]
    ram = f"{m['ram_mb'] / 1000:.0f} GB RAM" if m["ram_mb"] else "RAM unknown"
    model = f"{v['model']} {v['model_version']}"
    if v["model_package"] != v["model"]:
        model += f" (package {v['model_package']})"
    corpus = meta["corpus"]
    text = (
        f"Measured {meta['date']} on {m['cpu']}, {m['cores']} cores, {ram}; "
        f"Python {v['python']}, spaCy {v['spacy']}, {model}; "
        f"corpus {corpus['name']} ({corpus['documents']} documents, {corpus['chars']:,} characters); "
        f"medians of {meta['repeat']} repetitions"
    )
    text += f" ({meta['length_repeat']} for the lengths)." if meta["length_repeat"] != meta["repeat"] else "."
    text += f" {weather(results)}"
    if v["project_commit"]:
        changes = " with uncommitted changes to service/" if "+changes" in (v["service_code"] or "") else ""
        text += f" Code at {v['project_commit']}{changes}."
    if warned := warnings(results):
        text += f" {warned}"
    if meta["quick"]:
        text += " Quick mode: a smoke run, not a measurement."
    return text


def weather(results: dict[str, Any]) -> str:
    """How busy the machine was: a ratio measured while another job held a core says less."""
    machine_ = results["meta"]["machine"]
    passes = [
        cpu / wall
        for section in ("spacy", "engine")
        for cpu, wall in zip(results[section]["cpu_seconds"], results[section]["seconds"])
    ]
    share = statistics.median(passes)
    text = (
        f"Load average {machine_['load_average_before'][0]:.1f} at the start, "
        f"{machine_['load_average_after'][0]:.1f} at the end; "
        f"in-process passes were on a CPU {share:.0%} of their time."
    )
    if share < BUSY_SHARE:
        text += " The machine was busy: the CPU-time ratios in brackets are the steadier ones."
    return text


def warnings(results: dict[str, Any]) -> str:
    """What makes the rows of this run not comparable, said in the caption and not only in the JSON."""
    start, end = results["versions"]["service_code"], results["meta"]["service_code_at_end"]
    said = []
    if start != end:
        said.append(f"**The code of service/ changed during the run** (tree {start} at the start, {end} at the end).")
    if not results["checks"]["same_quotes"]:
        said.append(f"**The rows found different numbers of quotes**: {results['checks']['quotes']}.")
    return " ".join(said)


def table(results: dict[str, Any]) -> str:
    rows = engine_rows(results) + http_rows(results) + memory_rows(results) + length_rows(results)
    rows += textacy_rows(results)
    header = "| measured | result | ratio | target | met |\n|---|---|---|---|---|"
    return "\n".join([caption(results), "", header, *("| " + " | ".join(r) + " |" for r in rows)])


# --- the run ---


def same_quotes(results: dict[str, Any]) -> dict[str, Any]:
    """Whether every way of running the engine found as many quotes: the rows measured the same work."""
    http = results["http"]
    counts = {
        "engine_in_process": results["engine"]["quotes"],
        "http_batch": http["workers_1"]["batch"]["quotes"],
        **{
            f"http_{name}_concurrency_{c}": server[f"concurrency_{c}"]["quotes"]
            for name, server in http.items()
            for c in CONCURRENCIES
        },
    }
    same = len(set(counts.values())) == 1
    if not same:
        log(f"warning: the quotes found differ between runs of the engine: {counts}")
    return {"quotes": counts, "same_quotes": same}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus",
        type=Path,
        help="JSON Lines of {id, text}, or a folder of .txt (default: PolNeAR dev in ../shared, else tests/articles)",
    )
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--quick", action="store_true", help="a smoke run: a few short texts, small loads")
    parser.add_argument("--repeat", type=int, help=f"repetitions (default {FULL_REPEAT}; quick {QUICK_REPEAT})")
    parser.add_argument("--json", type=Path, help="write every number here")
    return parser.parse_args(argv)


def measure(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    """Every section, in order: in-process first, then the servers one after the other."""
    repeat = args.repeat or (QUICK_REPEAT if args.quick else FULL_REPEAT)
    # A quick run passes the long texts once: they are most of its time.
    length_repeat = 1 if args.quick and not args.repeat else repeat
    path = args.corpus or default_corpus_path()
    corpus, notes = select(read_corpus(path), args.limit, args.quick, settings.max_chars)
    log(f"corpus {corpus.name}: {len(corpus.documents)} documents, {corpus.chars:,} characters")
    meta: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "quick": args.quick,
        "repeat": repeat,
        "length_repeat": length_repeat,
        "machine": machine(),
        "corpus": {
            "name": corpus.name,
            "path": str(path),
            "documents": len(corpus.documents),
            "chars": corpus.chars,
            "limit": args.limit,
            "notes": notes,
        },
    }
    results: dict[str, Any] = {"meta": meta, **in_process(corpus, repeat, length_repeat)}
    results["http"] = over_http(corpus, settings, repeat)
    return conclude(results)


def conclude(results: dict[str, Any]) -> dict[str, Any]:
    """The ratios, targets and checks of a finished run, and how the machine and the code were at its end."""
    meta = results["meta"]
    results["batch"] = results["http"]["workers_1"]["batch"]
    results["memory"] = {key: server["memory"] for key, server in results["http"].items()}
    results["checks"] = same_quotes(results)
    results["ratios"] = ratios(results)
    results["targets"] = targets(results["ratios"])
    meta["machine"]["load_average_after"] = list(os.getloadavg())
    meta["project_commit_at_end"] = git_commit()
    meta["service_code_at_end"] = service_code()
    if meta["service_code_at_end"] != results["versions"]["service_code"]:
        log(
            f"warning: service/ changed during the run: {results['versions']['service_code']} at the start, "
            f"{meta['service_code_at_end']} at the end"
        )
    meta["duration_seconds"] = time.monotonic() - STARTED
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        results = measure(args, Settings.from_env())
    except BenchError as exc:
        log(f"bench: {exc}")
        return 1
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    log(f"done in {results['meta']['duration_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
