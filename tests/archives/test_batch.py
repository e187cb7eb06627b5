"""``quotes batch`` (service/archives/runner.py, rows.py): refusals, the journal, outputs, and resuming.

Most tests run the engine on a blank pipeline in this process (quotation marks
are found, nothing is attributed): they test the run, not the rules. The
marked ones use the real model: the answers must be the engine's own, and a
run in a pool of processes is interrupted (Ctrl-C, a kill, SIGTERM) and
resumed, on JSON Lines and on a folder, until every article is in the output
exactly once.
"""

from __future__ import annotations

import csv
import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from spacy.language import Language

from service.archives import rows as archive_rows
from service.archives import runner
from service.archives.errors import ArchiveError, UsageError
from service.archives.readers import Fields, Record
from service.archives.runner import Format, Journal, Options
from service.archives.tables import CSV_ENCODING, FLAT_COLUMNS, flat_rows, result_schema
from service.attribution.pipeline import QuoteExtractor
from service.intake import language
from service.intake.door import Sent
from service.intake.problems import Problem
from service.nlp import model_info
from tests.archives.archive import article_text, articles, engine_rows, pruned, read_json_lines, write_folder, write_json_lines
from tests.intake.languages import GERMAN_ARTICLE
from tests.web.contract import validate_body

QUOTES = Path(sys.executable).with_name("quotes")
SUBPROCESS_SECONDS = 600
"""A bound on any one run of the command, so that a hang fails the test instead of stalling CI."""
EXIT_SECONDS = 60


@pytest.fixture
def blank_engine(blank_nlp: Language) -> QuoteExtractor:
    return QuoteExtractor(blank_nlp)


def run_here(engine: QuoteExtractor, source: Path, output: Path, **options: Any) -> runner.Report:
    return runner.run(Options(input=source, output=output, **options), extractor=engine)


def ids_of(rows: list[dict[str, Any]]) -> list[str]:
    return [row["id"] for row in rows]


def error_type(row: dict[str, Any]) -> str | None:
    return row["error"]["type"] if row["error"] else None


# --- refusals and chunks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "kind", "detail"),
    [
        ("", Problem.VALIDATION_FAILED, "text: `text` is empty or only spaces: send the article's text."),
        (" \n\t ", Problem.VALIDATION_FAILED, "text: `text` is empty or only spaces"),
        (b"ab\xffc", Problem.INVALID_BODY, "text is not valid UTF-8: byte 0xff at offset 2 cannot be decoded."),
        (5, Problem.VALIDATION_FAILED, "text: `text` must be a string holding the article."),
        ("half a pair \ud83d here", Problem.VALIDATION_FAILED, "unpaired surrogate (U+D83D) at index 12"),
        ("x" * 11, Problem.PAYLOAD_TOO_LARGE, "`text` has 11 characters; the limit is 10 (QUOTES_MAX_CHARS)"),
    ],
)
def test_an_article_not_analysed_gets_the_apis_problem(content: object, kind: Problem, detail: str) -> None:
    article, problem = archive_rows.admit(Record("a", Sent(content)), max_chars=10 if kind is Problem.PAYLOAD_TOO_LARGE else 100, any_language=False)
    assert problem is not None and article is None
    error = archive_rows.error_of(problem)
    assert (error["type"], error["title"]) == (kind.type, kind.title)
    assert detail in error["detail"]


def test_an_article_within_the_limit_is_admitted() -> None:
    for text, limit in (("x" * 10, 10), ("“Go,” said Ana Ruiz. 🌊", 100)):
        article, problem = archive_rows.admit(Record("a", Sent(text)), max_chars=limit, any_language=False)
        assert problem is None and article is not None and article.text == text


def test_chunked_keeps_the_order_within_both_limits() -> None:
    items = [Record(f"a{n}", Sent("x" * (n % 5 * 10 + 1))) for n in range(50)] + [Record("nothing", Sent(None))]
    chunks = list(archive_rows.chunked(items, max_articles=7, max_chars=60))
    assert [record for chunk in chunks for record in chunk] == items
    for chunk in chunks:
        assert 1 <= len(chunk) <= 7
        assert sum(record.size for record in chunk) <= 60 or len(chunk) == 1
    long = Record("long", Sent("x" * 500))
    assert list(archive_rows.chunked([long], max_chars=60)) == [[long]]


# --- outputs and the journal -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "flat", "expected"),
    [
        ("out.jsonl", False, Format.JSON_LINES),
        ("OUT.PARQUET", False, Format.PARQUET),
        ("quotes.csv", True, Format.FLAT_CSV),
        ("quotes.parquet", True, Format.FLAT_PARQUET),
    ],
)
def test_the_output_format_is_told_by_its_name(name: str, flat: bool, expected: Format) -> None:
    assert Format.of(Path(name), flat) is expected


@pytest.mark.parametrize(("name", "flat"), [("out.csv", False), ("out.json", False), ("out.jsonl", True)])
def test_an_output_format_it_does_not_write_is_a_usage_error(name: str, flat: bool) -> None:
    with pytest.raises(UsageError):
        Format.of(Path(name), flat)


def test_the_journal_cuts_off_a_line_torn_by_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "quotes": []}\n{"id": "b\\"c", "quotes": []}\n{"id": "d", "quo', encoding="utf-8")
    assert Journal(path).done() == {"a", 'b"c'}
    assert path.read_text(encoding="utf-8").endswith('"quotes": []}\n')


def test_a_journal_that_is_not_one_is_not_resumed_from(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a"}\nsomething else\n', encoding="utf-8")
    with pytest.raises(ArchiveError, match="line 2 is not a result of quotes batch"):
        Journal(path).done()


def test_analyse_writes_the_apis_answer_with_the_id_and_error(blank_engine: QuoteExtractor) -> None:
    text = article_text(1)
    rows = archive_rows.analyse(blank_engine, [Record("ok", Sent(text)), Record("empty", Sent(""))], max_chars=1000)
    ok, empty = rows
    assert list(ok) == ["id", "quotes", "speakers", "language", "offsets", "model", "error"]
    assert ok["id"] == "ok" and ok["error"] is None
    validate_body("/components/schemas/QuoteResponse", {k: v for k, v in ok.items() if k not in ("id", "error")})
    assert ok["quotes"] and all(text[q["start"] : q["end"]] == q["text"] for q in ok["quotes"])
    info = model_info(blank_engine.nlp)
    assert empty == {
        "id": "empty",
        "quotes": None,
        "speakers": None,
        "language": None,
        "offsets": "codepoints",
        "model": {"name": info.name, "version": info.version},
        "error": {
            "type": "/problems/validation-failed",
            "title": "Request fields are not valid",
            "detail": "text: `text` is empty or only spaces: send the article's text.",
        },
    }


def test_an_article_in_another_language_is_recorded_as_not_english(blank_engine: QuoteExtractor) -> None:
    language.load()
    german, english = archive_rows.analyse(
        blank_engine, [Record("de", Sent(GERMAN_ARTICLE)), Record("en", Sent(article_text(1)))], max_chars=10_000
    )
    assert german["error"]["type"] == "/problems/unsupported-language"
    assert "German" in german["error"]["detail"] and "--any-language" in german["error"]["detail"]
    assert german["quotes"] is None
    assert german["language"]["code"] == "de"
    assert english["error"] is None and english["language"]["code"] == "en"


# --- runs in this process -----------------------------------------------------------------


@pytest.fixture
def mixed(tmp_path: Path) -> list[dict[str, Any]]:
    """Articles of our own, with one too long and one empty among them."""
    records = articles(20)
    records[5]["text"] = "word " * 400
    records[12]["text"] = "   "
    return records


MAX_CHARS = 1000


def test_a_folder_to_json_lines_has_every_article_once_in_order(
    tmp_path: Path, blank_engine: QuoteExtractor, mixed: list[dict[str, Any]]
) -> None:
    root = write_folder(tmp_path / "texts", mixed)
    report = run_here(blank_engine, root, tmp_path / "out.jsonl", max_chars=MAX_CHARS)
    rows = read_json_lines(tmp_path / "out.jsonl")
    expected = sorted(f"part{n // 10:02d}/{record['id']}.txt" for n, record in enumerate(mixed))
    assert ids_of(rows) == expected
    errors = {row["id"]: error_type(row) for row in rows}
    assert errors.pop("part00/a0005.txt") == "/problems/payload-too-large"
    assert errors.pop("part01/a0012.txt") == "/problems/validation-failed"
    assert set(errors.values()) == {None}
    assert (report.articles, report.done_before, report.analysed, dict(report.failed)) == (
        20,
        0,
        18,
        {"/problems/payload-too-large": 1, "/problems/validation-failed": 1},
    )
    assert report.quotes == sum(len(row["quotes"] or ()) for row in rows) > 0


def test_parquet_output_holds_the_same_rows_with_the_schema(
    tmp_path: Path, blank_engine: QuoteExtractor, mixed: list[dict[str, Any]]
) -> None:
    source = write_json_lines(tmp_path / "in.jsonl", mixed)
    run_here(blank_engine, source, tmp_path / "out.jsonl", max_chars=MAX_CHARS)
    run_here(blank_engine, source, tmp_path / "out.parquet", max_chars=MAX_CHARS)
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.equals(result_schema())
    assert pruned(table.to_pylist()) == pruned(read_json_lines(tmp_path / "out.jsonl"))
    assert not (tmp_path / "out.parquet.partial.jsonl").exists()


@pytest.mark.parametrize("name", ["quotes.csv", "quotes.parquet"])
def test_the_flat_table_has_a_row_per_quote_and_the_failures_beside_it(
    tmp_path: Path, blank_engine: QuoteExtractor, mixed: list[dict[str, Any]], name: str
) -> None:
    source = write_json_lines(tmp_path / "in.jsonl", mixed)
    run_here(blank_engine, source, tmp_path / "out.jsonl", max_chars=MAX_CHARS)
    full = read_json_lines(tmp_path / "out.jsonl")
    report = run_here(blank_engine, source, tmp_path / name, flat=True, max_chars=MAX_CHARS)
    expected = [flat for row in full for flat in flat_rows(row)]
    if name.endswith(".csv"):
        with (tmp_path / name).open(encoding=CSV_ENCODING, newline="") as handle:
            reader = csv.DictReader(handle)
            assert tuple(reader.fieldnames or ()) == FLAT_COLUMNS
            written = list(reader)
        as_text = [{k: "" if v is None else str(v) for k, v in row.items()} for row in expected]
        assert written == as_text
    else:
        assert pq.read_table(tmp_path / name).to_pylist() == expected
    assert len(expected) == sum(len(row["quotes"] or ()) for row in full) > 0
    assert report.failures == tmp_path / f"{name}.failures.jsonl"
    failures = read_json_lines(report.failures)
    assert [(f["id"], f["error"]["type"]) for f in failures] == [("a0005", "/problems/payload-too-large"), ("a0012", "/problems/validation-failed")]


OUTLETS = ("The Tellbridge Post", "Harbour Radio", None)


def with_outlets(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each record with an outlet (none for every third) and a date."""
    return [{**record, "outlet": OUTLETS[n % 3], "date": f"2019-0{n % 9 + 1}-01"} for n, record in enumerate(records)]


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet", "quotes.csv", "quotes.parquet"])
def test_kept_fields_are_in_every_output_after_the_id(
    tmp_path: Path, blank_engine: QuoteExtractor, mixed: list[dict[str, Any]], name: str
) -> None:
    records = with_outlets(mixed)
    source = write_json_lines(tmp_path / "in.jsonl", records)
    flat = name.startswith("quotes")
    keep = Fields(keep=("outlet", "date"))
    run_here(blank_engine, source, tmp_path / name, fields=keep, flat=flat, max_chars=MAX_CHARS)
    expected = {r["id"]: (r["outlet"], r["date"]) for r in records}
    if name == "out.jsonl":
        rows = read_json_lines(tmp_path / name)
        assert all(list(row)[:3] == ["id", "outlet", "date"] for row in rows)
    elif name.endswith(".csv"):
        with (tmp_path / name).open(encoding=CSV_ENCODING, newline="") as handle:
            reader = csv.DictReader(handle)
            assert tuple(reader.fieldnames or ())[:3] == ("article_id", "outlet", "date")
            rows = [{**row, "id": row["article_id"], "outlet": row["outlet"] or None} for row in reader]
    else:
        table = pq.read_table(tmp_path / name)
        assert table.column_names[1:3] == ["outlet", "date"] and table.schema.field("outlet").type == pa.string()
        rows = [{**row, "id": row.get("id") or row["article_id"]} for row in table.to_pylist()]
    assert rows and all((row["outlet"], row["date"]) == expected[row["id"]] for row in rows)
    assert {row["id"] for row in rows} == (set(expected) if not flat else {r["id"] for r in records} - {"a0005", "a0012"})


def test_a_run_is_resumed_only_with_the_fields_it_kept(tmp_path: Path, blank_engine: QuoteExtractor) -> None:
    source = write_json_lines(tmp_path / "in.jsonl", with_outlets(articles(40)))
    output = tmp_path / "out.jsonl"
    with pytest.raises(Stop):
        runner.run(Options(source, output, fields=Fields(keep=("outlet",))), extractor=blank_engine, on_progress=stop_after(1))
    with pytest.raises(UsageError, match="out.jsonl was written with --keep outlet: resume with the same"):
        runner.run(Options(source, output, fields=Fields(keep=("outlet", "date")), resume=True), extractor=blank_engine)
    with pytest.raises(UsageError, match="was written with --keep outlet"):
        runner.run(Options(source, output, resume=True), extractor=blank_engine)
    report = runner.run(Options(source, output, fields=Fields(keep=("outlet",)), resume=True), extractor=blank_engine)
    assert report.done_before == archive_rows.CHUNK_ARTICLES and len(read_json_lines(output)) == 40


def test_a_kept_field_named_as_a_column_of_the_output_is_a_usage_error(tmp_path: Path, blank_engine: QuoteExtractor) -> None:
    source = write_json_lines(tmp_path / "in.jsonl", articles(2))
    with pytest.raises(UsageError, match="--keep speaker: the flat table has a column `speaker`"):
        run_here(blank_engine, source, tmp_path / "quotes.csv", flat=True, fields=Fields(keep=("speaker",)))
    assert not (tmp_path / "quotes.csv.partial.jsonl").exists()


class Stop(KeyboardInterrupt):
    """Stands for a Ctrl-C that comes while the run is going."""


def stop_after(chunks: int) -> Callable[[int], None]:
    seen = []

    def progress(count: int) -> None:
        seen.append(count)
        if len(seen) == chunks:
            raise Stop()

    return progress


@pytest.mark.parametrize("name", ["out.jsonl", "out.parquet", "quotes.csv"])
def test_an_interrupted_run_is_resumed_without_redoing_what_was_done(
    tmp_path: Path, blank_engine: QuoteExtractor, name: str
) -> None:
    records = articles(60)
    source = write_json_lines(tmp_path / "in.jsonl", records)
    output = tmp_path / name
    flat = name.endswith(".csv")
    with pytest.raises(Stop):
        runner.run(Options(source, output, flat=flat), extractor=blank_engine, on_progress=stop_after(2))
    journal = output if name.endswith(".jsonl") else tmp_path / f"{name}.partial.jsonl"
    assert ids_of(read_json_lines(journal)) == [r["id"] for r in records[: 2 * archive_rows.CHUNK_ARTICLES]]
    with pytest.raises(ArchiveError, match="already exists: --resume goes on from it, --overwrite starts again"):
        runner.run(Options(source, output, flat=flat), extractor=blank_engine)

    report = runner.run(Options(source, output, flat=flat, resume=True), extractor=blank_engine)
    assert (report.articles, report.done_before, report.done) == (60, 32, 28)
    assert not journal.exists() or journal == output
    fresh = tmp_path / f"fresh-{name}"
    runner.run(Options(source, fresh, flat=flat), extractor=blank_engine)
    assert output.read_bytes() == fresh.read_bytes() or _same_table(output, fresh)


def _same_table(a: Path, b: Path) -> bool:
    return a.suffix == ".parquet" and pq.read_table(a).equals(pq.read_table(b))


def test_resuming_a_finished_parquet_output_does_nothing(tmp_path: Path, blank_engine: QuoteExtractor) -> None:
    source = write_json_lines(tmp_path / "in.jsonl", articles(3))
    runner.run(Options(source, tmp_path / "out.parquet"), extractor=blank_engine)
    before = (tmp_path / "out.parquet").read_bytes()
    report = runner.run(Options(source, tmp_path / "out.parquet", resume=True), extractor=blank_engine)
    assert report.already_complete and report.done == 0
    assert (tmp_path / "out.parquet").read_bytes() == before


def test_resuming_json_lines_takes_in_articles_added_since(tmp_path: Path, blank_engine: QuoteExtractor) -> None:
    records = articles(10)
    source = write_json_lines(tmp_path / "in.jsonl", records[:6])
    runner.run(Options(source, tmp_path / "out.jsonl"), extractor=blank_engine)
    write_json_lines(source, records)
    report = runner.run(Options(source, tmp_path / "out.jsonl", resume=True), extractor=blank_engine)
    assert (report.done_before, report.done) == (6, 4)
    assert ids_of(read_json_lines(tmp_path / "out.jsonl")) == [r["id"] for r in records]


@pytest.mark.parametrize(("name", "flat"), [("out.jsonl", False), ("out.parquet", False), ("quotes.csv", True), ("quotes.parquet", True)])
def test_resuming_any_finished_output_takes_in_articles_added_since(
    tmp_path: Path, blank_engine: QuoteExtractor, name: str, flat: bool
) -> None:
    """The output after the input grew and the run was resumed is the output of one run on the whole input."""
    records = articles(10)
    records[2]["text"] = " "  # a failure, listed beside a flat table
    records[8]["text"] = "Nothing quoted here."  # no quote: no row in a flat table, so analysed again
    source = write_json_lines(tmp_path / "in.jsonl", records[:6])
    output = tmp_path / name
    runner.run(Options(source, output, flat=flat), extractor=blank_engine)
    write_json_lines(source, records)
    report = runner.run(Options(source, output, flat=flat, resume=True), extractor=blank_engine)
    assert (report.articles, report.done) == (10, 4) and not report.already_complete
    fresh = tmp_path / f"fresh-{name}"
    runner.run(Options(source, fresh, flat=flat), extractor=blank_engine)
    assert output.read_bytes() == fresh.read_bytes()
    if flat:
        assert (tmp_path / f"{name}.failures.jsonl").read_bytes() == (tmp_path / f"fresh-{name}.failures.jsonl").read_bytes()
    # Resumed again: nothing new, so the output stays as it is (a flat table reads again the articles it has no row for).
    again = runner.run(Options(source, output, flat=flat, resume=True), extractor=blank_engine)
    assert again.done == (len([r for r in records if "“" not in r["text"] and r["text"].strip()]) if flat else 0)
    assert output.read_bytes() == fresh.read_bytes()


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_with_an_apostrophe(tmp_path: Path, blank_engine: QuoteExtractor) -> None:
    records = [
        {"id": "=cmd|'/c calc'!A1", "text": "“=HYPERLINK(A1) now,” she said."},
        {"id": "+plus", "text": "“@SUM(1+1) is two,” he said. “-30% in a year,” she said. “Fine, -30%,” he said."},
    ]
    source = write_json_lines(tmp_path / "in.jsonl", records)
    runner.run(Options(source, tmp_path / "quotes.csv", flat=True), extractor=blank_engine)
    with (tmp_path / "quotes.csv").open(encoding=CSV_ENCODING, newline="") as handle:
        cells = [(row["article_id"], row["text"]) for row in csv.DictReader(handle)]
    assert cells == [
        ("'=cmd|'/c calc'!A1", "'=HYPERLINK(A1) now,"),
        ("'+plus", "'@SUM(1+1) is two,"),
        ("'+plus", "'-30% in a year,"),
        ("'+plus", "Fine, -30%,"),
    ]
    runner.run(Options(source, tmp_path / "quotes.parquet", flat=True), extractor=blank_engine)
    assert pq.read_table(tmp_path / "quotes.parquet").column("article_id").to_pylist()[0] == "=cmd|'/c calc'!A1"


@pytest.mark.parametrize("where", ["a-file/out.jsonl", "a-folder"])
def test_an_output_that_cannot_be_written_is_said_before_any_work(tmp_path: Path, blank_engine: QuoteExtractor, where: str) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Fine."}\nnot json at all\n', encoding="utf-8")  # reading it would fail
    with pytest.raises(ArchiveError, match=f"{tmp_path / where}"):
        runner.run(Options(source, tmp_path / where), extractor=blank_engine)


class FillsUp:
    """A journal's file on a disk that fills after ``room`` writes: ENOSPC, as a full disk says it."""

    def __init__(self, handle: Any, room: int) -> None:
        self.handle, self.room = handle, room

    def write(self, text: str) -> int:
        self.room -= 1
        if self.room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written: int = self.handle.write(text)
        return written

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


def test_a_full_disk_stops_the_run_with_one_line_and_keeps_what_was_written(
    tmp_path: Path, blank_engine: QuoteExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = articles(60)
    source = write_json_lines(tmp_path / "in.jsonl", records)
    output = tmp_path / "out.parquet"
    real_open = Journal.open

    def open_on_a_small_disk(self: Journal) -> None:
        real_open(self)
        self._handle = FillsUp(self._handle, room=2)  # type: ignore[assignment]

    with monkeypatch.context() as patch:
        patch.setattr(Journal, "open", open_on_a_small_disk)
        with pytest.raises(ArchiveError, match="No space left on device; the results written before are kept: --resume") as caught:
            runner.run(Options(source, output), extractor=blank_engine)
    assert "\n" not in str(caught.value)
    kept = read_json_lines(tmp_path / "out.parquet.partial.jsonl")
    assert ids_of(kept) == [r["id"] for r in records[: 2 * archive_rows.CHUNK_ARTICLES]]
    runner.run(Options(source, output, resume=True), extractor=blank_engine)
    fresh = tmp_path / "fresh.parquet"
    runner.run(Options(source, fresh), extractor=blank_engine)
    assert output.read_bytes() == fresh.read_bytes()


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (b'{"id": "a", "text": ' + b"7" * 5000 + b"}", "line 2 holds a number too long to read"),
        (b'{"id": "a", "text": "x", "deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "line 2 is JSON nested too deeply"),
        (b'{"id": ' + b"1" * 4500 + b', "text": "x"}', "line 2 holds a number too long to read"),
    ],
    ids=["5000-digit-integer", "deep-nesting", "5000-digit-id"],
)
def test_a_hostile_input_line_is_one_clear_line_before_any_work(tmp_path: Path, blank_engine: QuoteExtractor, line: bytes, says: str) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "first", "text": "Fine."}\n' + line + b"\n")
    with pytest.raises(ArchiveError, match=says):
        runner.run(Options(source, tmp_path / "out.jsonl"), extractor=blank_engine)
    assert not (tmp_path / "out.jsonl").exists()


def test_overwrite_starts_again_and_the_input_is_never_the_output(tmp_path: Path, blank_engine: QuoteExtractor) -> None:
    source = write_json_lines(tmp_path / "in.jsonl", articles(3))
    (tmp_path / "out.jsonl").write_text("left from before\n", encoding="utf-8")
    runner.run(Options(source, tmp_path / "out.jsonl", overwrite=True), extractor=blank_engine)
    assert ids_of(read_json_lines(tmp_path / "out.jsonl")) == ["a0000", "a0001", "a0002"]
    with pytest.raises(UsageError, match="is the input itself"):
        runner.run(Options(source, source, resume=True), extractor=blank_engine)


def test_default_processes_is_at_least_one_and_at_most_the_cores() -> None:
    assert 1 <= runner.default_processes() <= len(os.sched_getaffinity(0))


# --- the real model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(real_nlp: Language) -> QuoteExtractor:
    return QuoteExtractor(real_nlp)


@pytest.mark.model
def test_batch_gives_the_engines_own_answers(tmp_path: Path, engine: QuoteExtractor) -> None:
    records = articles(20)
    source = write_json_lines(tmp_path / "in.jsonl", records)
    run_here(engine, source, tmp_path / "out.jsonl")
    rows = read_json_lines(tmp_path / "out.jsonl")
    assert {row["id"]: row for row in rows} == engine_rows(engine, records)
    okafor = next(q for q in rows[0]["quotes"] if q["type"] == "direct")
    assert okafor["speaker"]["name"] == "Ana Ruiz"


def descendants(pid: int) -> set[int]:
    """Every process started under ``pid``, however deep (the pool's server and its processes)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for_lines(path: Path, at_least: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + SUBPROCESS_SECONDS
    while not (path.exists() and path.read_bytes().count(b"\n") >= at_least):
        assert process.poll() is None, f"quotes batch ended early: {process.communicate()[1]}"
        assert time.monotonic() < deadline, "quotes batch wrote nothing"
        time.sleep(0.05)


def as_from_a_terminal() -> None:
    """Ctrl-C at its default, as a terminal starts a command: a shell that runs the tests in the background
    starts them with it ignored, and Python (rightly) keeps an ignored SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def interrupted(source: Path, output: Path, how: signal.Signals, *extra: str, journal: Path | None = None) -> tuple[int, str, set[int]]:
    """Start ``quotes batch`` in 2 processes, stop it with ``how`` once its journal has a new chunk: (status, stderr, its processes)."""
    journal = journal or output
    done_before = journal.read_bytes().count(b"\n") if journal.exists() else 0
    process = subprocess.Popen(
        [str(QUOTES), "batch", str(source), str(output), "--processes", "2", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=as_from_a_terminal,
    )
    wait_for_lines(journal, done_before + 1, process)
    family = descendants(process.pid)
    process.send_signal(how)
    _, err = process.communicate(timeout=SUBPROCESS_SECONDS)
    return process.returncode, err, family


def finished(source: Path, output: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(QUOTES), "batch", str(source), str(output), "--processes", "2", *extra],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_SECONDS,
    )


def gone(family: set[int]) -> bool:
    deadline = time.monotonic() + EXIT_SECONDS
    while any(alive(pid) for pid in family):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


ARCHIVE_SIZE = 400
"""Enough articles that a run is still going when it is stopped after its first chunk."""


@pytest.mark.model
def test_json_lines_stopped_by_ctrl_c_then_killed_then_resumed_has_every_article_once(
    tmp_path: Path, engine: QuoteExtractor
) -> None:
    records = articles(ARCHIVE_SIZE)
    records[7]["text"] = ""
    source = write_json_lines(tmp_path / "in.jsonl", records)
    output = tmp_path / "out.jsonl"

    status, err, family = interrupted(source, output, signal.SIGINT)
    assert status == 130, err
    assert "interrupted; what is done is in" in err and "--resume" in err
    assert family and gone(family), "the pool's processes outlived Ctrl-C"
    after_ctrl_c = output.read_bytes().count(b"\n")
    assert 0 < after_ctrl_c < ARCHIVE_SIZE

    status, err, family = interrupted(source, output, signal.SIGKILL, "--resume")
    assert status == -signal.SIGKILL
    assert gone(family), "the pool's processes outlived their parent's kill"

    done = finished(source, output, "--resume")
    assert done.returncode == 0, done.stderr
    assert f"{ARCHIVE_SIZE} of {ARCHIVE_SIZE} articles in {output} (" in done.stderr
    rows = read_json_lines(output)
    assert ids_of(rows) == [r["id"] for r in records]  # each once, in the input's order
    assert {row["id"]: row for row in rows} == engine_rows(engine, records)
    uninterrupted = tmp_path / "uninterrupted.jsonl"
    runner.run(Options(source, uninterrupted), extractor=engine)
    assert output.read_bytes() == uninterrupted.read_bytes()


@pytest.mark.model
def test_a_folder_stopped_by_a_kill_and_resumed_has_every_article_once(tmp_path: Path, engine: QuoteExtractor) -> None:
    records = articles(ARCHIVE_SIZE)
    root = write_folder(tmp_path / "texts", records)
    output = tmp_path / "out.parquet"

    status, err, family = interrupted(root, output, signal.SIGTERM, journal=tmp_path / "out.parquet.partial.jsonl")
    assert status == 130, err
    assert gone(family)
    assert not output.exists()

    done = finished(root, output, "--resume", "--quiet")
    assert done.returncode == 0 and done.stderr == ""
    rows = pq.read_table(output).to_pylist()
    names = sorted(f"part{n // 10:02d}/{record['id']}.txt" for n, record in enumerate(records))
    assert ids_of(rows) == names
    expected = engine_rows(engine, [{"id": f"part{n // 10:02d}/{r['id']}.txt", "text": r["text"]} for n, r in enumerate(records)])
    assert pruned({row["id"]: row for row in rows}) == pruned(expected)


@pytest.mark.parametrize(("name", "flat"), [("quotes.csv", True), ("quotes.parquet", True), ("results.parquet", False)])
def test_a_finished_output_is_resumed_only_with_the_fields_it_kept(
    tmp_path: Path, blank_engine: QuoteExtractor, name: str, flat: bool
) -> None:
    """A finished run has no journal left: its output's columns say what it kept (rows with other columns
    would have been added under the wrong header). Near miss: the same --keep goes on."""
    source = write_json_lines(tmp_path / "in.jsonl", with_outlets(articles(3)))
    output = tmp_path / name
    run_here(blank_engine, source, output, flat=flat, fields=Fields(keep=("outlet",)))
    write_json_lines(source, with_outlets(articles(5)))
    with pytest.raises(UsageError, match=f"{name} was written with --keep outlet: resume with the same"):
        run_here(blank_engine, source, output, flat=flat, resume=True)
    report = run_here(blank_engine, source, output, flat=flat, fields=Fields(keep=("outlet",)), resume=True)
    assert (report.articles, report.done_before, report.analysed) == (5, 3, 2)
