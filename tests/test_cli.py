"""The ``quotes`` command: extract in-process and against a live service, serve, and how it fails."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from service import cli
from service.client import QuotesClient, QuotesError
from service.web.server import gunicorn_command
from tests.web.contract import validate_body
from tests.intake.languages import GERMAN_ARTICLE
from tests.web.servers import free_port, running_server

ARTICLE = (
    "Harbour ferries return after the storm 🌊\n\n"
    "“The ferries will run again on Friday,” said Maria Okafor, the harbour master at the Port of Tellbridge.\n\n"
    "Tom Becker, a spokesman for the Tellbridge Ferry Company, said tickets for cancelled crossings would be "
    "refunded in full."
)
SCRIPT = Path(sys.executable).with_name("quotes")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def stdin_of(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- extract, in this process ---------------------------------------------------------


@pytest.mark.model
def test_extract_prints_a_table_of_quotes(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    status, out, err = run(capsys, "extract", str(article))
    assert status == 0 and err == ""
    heading, *lines = out.splitlines()
    assert heading.split() == ["id", "type", "quote", "speaker", "kind", "title", "affiliation", "confidence"]
    okafor = next(line for line in lines if line.startswith("q1"))
    for cell in ("direct", "The ferries will run again on Friday,", "Maria Okafor", "person", "harbour master", "Port of Tellbridge", "0.90"):
        assert cell in okafor
    sources = lines.index(next(line for line in lines if line.startswith("source")))
    assert lines[sources].split() == ["source", "kind", "pronoun", "unnamed", "quotes"]
    assert lines[sources + 1].split()[:3] == ["Maria", "Okafor", "person"] and lines[sources + 1].endswith(" 1")
    becker = next(line for line in lines if "Tom Becker" in line)
    assert "indirect" in becker and "Tellbridge Ferry Company" in becker
    assert "tickets for cancelled crossings would be refunded…" in becker  # cut short at 50 characters
    assert lines[-1].startswith("2 quotes from 2 speakers (en_core_web_sm") and lines[-1].endswith("; English, 1.00)")


CLERK_TEXT = "“We left,” said Ana Ruiz. A clerk, who asked not to be named, said the office shut."


def clerk_answer() -> dict[str, Any]:
    """An answer by hand: a named person, and an unnamed source with the reason the article gives."""
    from service.attribution import Attribution, Pronoun, Quote, QuoteType, Rule, Speaker, SpeakerEntry, SpeakerKind, Span
    from service.intake import door
    from service.nlp import ModelInfo

    def span(text: str) -> Span:
        start = CLERK_TEXT.index(text)
        return Span.of(CLERK_TEXT, start, start + len(text))

    ruiz, clerk, said = span("Ana Ruiz"), span("A clerk"), span("said the")
    said_ana = span("said Ana")
    unnamed = {"kind": SpeakerKind.UNNAMED_PERSON, "anonymous": True, "anonymity": span("who asked not to be named")}
    attribution = Attribution(
        quotes=(
            Quote("q1", span("We left,"), QuoteType.DIRECT, (span("We left,"),), Span.of(CLERK_TEXT, said_ana.start, said_ana.start + 4),
                  Speaker("s1", "Ana Ruiz", ruiz, None, None, kind=SpeakerKind.PERSON, pronoun=Pronoun.SHE), Rule.FRAME_AFTER, 0.9),
            Quote("q2", span("the office shut"), QuoteType.INDIRECT, (), Span.of(CLERK_TEXT, said.start, said.start + 4),
                  Speaker("s2", "A clerk", clerk, None, None, **unnamed), Rule.SUBJECT, 0.75),
        ),
        speakers=(
            SpeakerEntry("s1", "Ana Ruiz", None, None, (ruiz,), (0,), kind=SpeakerKind.PERSON, pronoun=Pronoun.SHE),
            SpeakerEntry("s2", "A clerk", None, None, (clerk,), (1,), **unnamed),
        ),
    )
    return door.answer(attribution, door.Read("text", CLERK_TEXT), model=ModelInfo("en_test", "1.0"), language=None)


def test_the_table_gives_each_sources_kind_pronoun_and_why_it_is_unnamed() -> None:
    from service.client import parse_result

    out = io.StringIO()
    cli.print_table(parse_result({**clerk_answer(), "offsets": "codepoints"}), out)
    lines = out.getvalue().splitlines()
    assert "unnamed_person" in next(line for line in lines if line.startswith("q2"))
    sources = lines.index(next(line for line in lines if line.startswith("source")))
    assert [line.split("  ")[0] for line in lines[sources + 1 : sources + 3]] == ["Ana Ruiz", "A clerk"]
    ruiz, clerk = (" ".join(line.split()) for line in lines[sources + 1 : sources + 3])
    assert ruiz == "Ana Ruiz person she - 1"
    assert clerk == "A clerk unnamed_person - who asked not to be named 1"
    assert lines[-1] == "2 quotes from 2 speakers (en_test 1.0; language unclear)"


@pytest.mark.model
def test_extract_reads_standard_input_and_prints_the_apis_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin_of(monkeypatch, "\ufeff".encode() + ARTICLE.encode())
    status, out, _ = run(capsys, "extract", "--json", "-")
    assert status == 0
    body = json.loads(out)
    validate_body("/components/schemas/QuoteResponse", body)
    assert list(body) == ["quotes", "speakers", "language", "offsets", "model"]
    assert body["offsets"] == "codepoints"
    for quote in body["quotes"]:
        assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]  # the byte order mark is not text


@pytest.mark.model
def test_extract_counts_utf16_offsets_when_asked(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    status, out, _ = run(capsys, "extract", "--json", "--offsets", "utf16", str(article))
    quote = json.loads(out)["quotes"][0]
    assert status == 0
    assert quote["start"] == ARTICLE.index("The ferries") + 1  # the wave counts two


@pytest.mark.model
def test_extract_of_text_without_quotes_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The council met on Tuesday.", encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path))
    assert status == 0 and out.startswith("No quotes found (en_core_web_sm")


def test_extract_refuses_an_article_not_in_english_naming_its_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "german.txt"
    path.write_text(GERMAN_ARTICLE, encoding="utf-8")
    status, out, err = run(capsys, "extract", str(path))
    assert status == 1 and out == ""
    assert err.startswith("quotes: error: The text appears to be German") and "pass --any-language" in err
    assert err.count("\n") == 1


@pytest.mark.model
def test_extract_any_language_analyses_it_and_says_which_it_is(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "german.txt"
    path.write_text(GERMAN_ARTICLE, encoding="utf-8")
    status, out, _ = run(capsys, "extract", "--any-language", "--json", str(path))
    assert status == 0 and json.loads(out)["language"]["code"] == "de"
    status, out, _ = run(capsys, "extract", "--any-language", str(path))
    assert status == 0 and "German, 1.00)" in out.splitlines()[-1]


def test_an_api_key_without_url_is_said_to_be_unused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "german.txt"  # refused before the model loads: the warning is what is tested
    path.write_text(GERMAN_ARTICLE, encoding="utf-8")
    _, _, err = run(capsys, "extract", "--api-key", "a-key-of-sixteen-chars", str(path))
    assert err.splitlines()[0] == "quotes: warning: --api-key is unused without --url: the model runs in this process"


def test_the_api_key_variable_alone_warns_of_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("QUOTES_API_KEY", "a-key-of-sixteen-chars")
    path = tmp_path / "german.txt"
    path.write_text(GERMAN_ARTICLE, encoding="utf-8")
    _, _, err = run(capsys, "extract", str(path))
    assert "warning" not in err


# --- extract, against a service ----------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as base:
        yield base


@pytest.mark.server
@pytest.mark.model
def test_extract_url_prints_what_the_service_answers(capsys: pytest.CaptureFixture[str], server: str, article: Path) -> None:
    status, out, _ = run(capsys, "extract", "--url", server, "--json", str(article))
    with requests.post(f"{server}/v1/quotes", json={"text": ARTICLE}, timeout=30) as response:
        assert status == 0 and json.loads(out) == response.json()
    status, out, _ = run(capsys, "extract", "--url", server, str(article))
    assert status == 0 and "Maria Okafor" in out and "Port of Tellbridge" in out


@pytest.mark.server
@pytest.mark.model
def test_a_problem_from_the_service_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    stdin_of(monkeypatch, ("x" * 100_001).encode())
    status, out, err = run(capsys, "extract", "--url", server, "-")
    assert status == 1 and out == ""
    assert err.startswith("quotes: error: 413 Request is too large:") and err.count("\n") == 1


@pytest.mark.parametrize(("key", "says"), [(None, "the service needs an API key"), ("a-wrong-key-of-16+", "the API key sent was refused")])
def test_a_401_says_to_pass_the_api_key_option(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, article: Path, key: str | None, says: str
) -> None:
    problem = {"type": "/problems/unauthorized", "title": "API key required", "status": 401,
               "detail": "This endpoint needs an API key: send Authorization: Bearer <key> or X-API-Key: <key>."}

    def refuse(*args: object, **kwargs: object) -> None:
        raise QuotesError(problem, status=401)

    monkeypatch.setattr(QuotesClient, "answer", refuse)
    monkeypatch.delenv("QUOTES_API_KEY", raising=False)
    status, _, err = run(capsys, "extract", "--url", "http://127.0.0.1:9", *(["--api-key", key] if key else []), str(article))
    assert status == 1
    assert err == f"quotes: error: 401 API key required: {says}: pass --api-key KEY (or set $QUOTES_API_KEY)\n"


def test_an_unreachable_service_is_status_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, article: Path
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    status, _, err = run(capsys, "extract", "--url", f"http://127.0.0.1:{free_port()}", str(article))
    assert status == 1 and "Connection refused" in err


# --- failures and usage ------------------------------------------------------------------


def test_a_missing_file_is_status_1_with_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "extract", str(tmp_path / "nowhere.txt"))
    assert status == 1 and out == ""
    assert err == f"quotes: error: cannot read {tmp_path / 'nowhere.txt'}: No such file or directory\n"


def test_a_file_not_in_utf8_is_status_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("“Olá”, disse ela.".encode("cp1252"))
    status, _, err = run(capsys, "extract", str(path))
    assert status == 1 and err == f"quotes: error: {path} is not valid UTF-8: byte 0x93 at offset 0 cannot be decoded.\n"


def test_empty_input_is_status_1(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_of(monkeypatch, b"  \n")
    status, _, err = run(capsys, "extract", "-")
    assert status == 1 and err == "quotes: error: `standard input` is empty or only spaces: send the article's text.\n"


@pytest.mark.parametrize(
    "argv",
    [[], ["extract"], ["extract", "--offsets", "bytes", "a.txt"], ["serve", "--port", "http"], ["serve", "--workers", "0"]],
)
def test_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2
    assert "usage: quotes" in capsys.readouterr().err


# --- serve ---------------------------------------------------------------------------------


def test_serve_help_lists_its_options() -> None:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "service.cli"]
    done = subprocess.run([*command, "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for option in ("--host", "--port", "--workers"):
        assert option in done.stdout


class Exec(Exception):
    """Stands in for the process being replaced."""


def test_serve_execs_gunicorn_with_its_address_and_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, list[str], dict[str, str]]] = []

    def execvpe(file: str, args: list[str], env: dict[str, str]) -> Any:
        calls.append((file, args, env))
        raise Exec

    monkeypatch.setattr("os.execvpe", execvpe)
    monkeypatch.setenv("QUOTES_MAX_CHARS", "5000")
    with pytest.raises(Exec):
        cli.main(["serve", "--host", "0.0.0.0", "--port", "9001", "--workers", "3"])
    ((file, args, env),) = calls
    assert args == gunicorn_command() and file == args[0]
    assert (env["HOST"], env["PORT"], env["WEB_CONCURRENCY"]) == ("0.0.0.0", "9001", "3")
    assert env["QUOTES_MAX_CHARS"] == "5000"  # the service's settings pass through


@pytest.mark.parametrize(
    ("variable", "value"), [("QUOTES_MAX_CHARS", "lots"), ("GUNICORN_TIMEOUT", "soon"), ("WEB_CONCURRENCY", "two")]
)
def test_serve_with_a_bad_setting_says_so_in_one_line(variable: str, value: str) -> None:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "service.cli"]
    env = {**os.environ, "PORT": str(free_port()), variable: value}
    done = subprocess.run([*command, "serve"], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and variable in done.stderr and "Traceback" not in done.stderr


def test_serve_without_options_leaves_the_environment_to_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, str]] = []

    def execvpe(file: str, args: list[str], env: dict[str, str]) -> Any:
        seen.append(env)
        raise Exec

    monkeypatch.setattr("os.execvpe", execvpe)
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.delenv("HOST", raising=False)
    with pytest.raises(Exec):
        cli.main(["serve"])
    assert seen[0]["PORT"] == "8123" and "HOST" not in seen[0]


# --- batch -------------------------------------------------------------------------


@pytest.fixture
def blank_model(tmp_path: Path) -> Path:
    """A tokenizer-only pipeline on disk, for ``--model``: the command's workings without the real model's time."""
    import spacy

    path = tmp_path / "blank-model"
    spacy.blank("en").to_disk(path)
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    records = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ""}, {"id": "c", "text": "“Go,” said Ana Ruiz."}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_batch_writes_a_row_per_article_and_sums_up_on_stderr(
    capsys: pytest.CaptureFixture[str], archive: Path, blank_model: Path, tmp_path: Path
) -> None:
    output = tmp_path / "results.jsonl"
    status, out, err = run(capsys, "batch", str(archive), str(output), "--processes", "1", "--model", str(blank_model))
    assert status == 0 and out == ""
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["error"]["type"] if row["error"] else None) for row in rows] == [
        ("a", None),
        ("b", "/problems/validation-failed"),
        ("c", None),
    ]
    assert f"3 of 3 articles in {output}." in err
    assert "This run: 2 analysed" in err and "1 not analysed (1 validation-failed); 1 process" in err

    status, _, err = run(capsys, "batch", str(archive), str(output), "--model", str(blank_model))
    assert status == 1
    assert err == f"quotes: error: {output} already exists: --resume goes on from it, --overwrite starts again\n"
    status, _, err = run(capsys, "batch", str(archive), str(output), "--resume", "--quiet", "--model", str(blank_model))
    assert (status, err) == (0, "")


def test_batch_keeps_the_fields_named(capsys: pytest.CaptureFixture[str], blank_model: Path, tmp_path: Path) -> None:
    archive = tmp_path / "articles.jsonl"
    records = [{"id": "a", "text": ARTICLE, "outlet": "Harbour Radio", "date": "2019-01-04"}, {"id": "b", "text": "Go.", "section": 4}]
    archive.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    output = tmp_path / "results.jsonl"
    status, _, _ = run(capsys, "batch", str(archive), str(output), "--keep", "outlet,section", "--processes", "1", "--model", str(blank_model))
    assert status == 0
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [(row["id"], row["outlet"], row["section"]) for row in rows] == [("a", "Harbour Radio", None), ("b", None, "4")]
    status, _, err = run(capsys, "batch", str(archive), str(tmp_path / "q.csv"), "--flat", "--keep", "outlet,type", "--model", str(blank_model))
    assert status == 2 and "--keep type: the flat table has a column `type` of its own" in err


def test_batch_obeys_quotes_max_chars(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, archive: Path, blank_model: Path, tmp_path: Path
) -> None:
    monkeypatch.setenv("QUOTES_MAX_CHARS", "100")
    output = tmp_path / "quotes.csv"
    status, _, err = run(capsys, "batch", str(archive), str(output), "--flat", "--processes", "1", "--model", str(blank_model))
    assert status == 0
    assert "(1 payload-too-large, 1 validation-failed)" in err
    assert f"The articles not analysed, and why: {output}.failures.jsonl" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["results.txt"], "the output is a JSON Lines (.jsonl) or a Parquet (.parquet) file"),
        (["results.jsonl", "--flat"], "with --flat the output is a .csv or a .parquet file"),
    ],
)
def test_batch_to_a_format_it_does_not_write_is_status_2(
    capsys: pytest.CaptureFixture[str], archive: Path, blank_model: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    output, *options = argv
    status, _, err = run(capsys, "batch", str(archive), str(tmp_path / output), *options, "--model", str(blank_model))
    assert status == 2 and message in err


def test_batch_from_a_missing_archive_is_status_1(capsys: pytest.CaptureFixture[str], blank_model: Path, tmp_path: Path) -> None:
    status, _, err = run(capsys, "batch", str(tmp_path / "none.jsonl"), str(tmp_path / "out.jsonl"), "--model", str(blank_model))
    assert status == 1 and "no such file or folder" in err


def test_batch_resume_and_overwrite_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["batch", "in.jsonl", "out.jsonl", "--resume", "--overwrite"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# --- report ------------------------------------------------------------------------


@pytest.fixture
def results(tmp_path: Path) -> Path:
    from tests.archives.report.test_build import ROWS, write_json_lines

    return write_json_lines(tmp_path / "results.jsonl", ROWS)


def test_report_writes_html_and_json_from_one_reading(capsys: pytest.CaptureFixture[str], results: Path, tmp_path: Path) -> None:
    status, out, err = run(capsys, "report", str(results), str(tmp_path / "report.html"), str(tmp_path / "report.json"), "--by", "outlet", "--top", "3")
    assert (status, out) == (0, "")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["by"] == "outlet" and len(report["whole"]["most_quoted"]) == 3
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert err == f"quotes: a report on 60 articles and {report['whole']['quotes']['total']} quotes, 3 groups by outlet in {tmp_path / 'report.html'}, {tmp_path / 'report.json'}\n"


def test_report_to_standard_output_is_json(capsys: pytest.CaptureFixture[str], results: Path) -> None:
    status, out, err = run(capsys, "report", str(results), "-", "--by", "date", "--period", "year", "--quiet")
    assert (status, err) == (0, "")
    report = json.loads(out)
    assert report["temporal"] and [group["group"] for group in report["groups"]] == ["2019"]


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["report.txt"], 2, "a report is written as HTML (.html) or JSON (.json, or - for standard output)"),
        (["-", "--by", "section"], 2, "--by section: "),
        (["{results}"], 2, "a report is written as HTML"),  # never over the results
    ],
)
def test_report_usage_errors_are_status_2(capsys: pytest.CaptureFixture[str], results: Path, argv: list[str], status: int, message: str) -> None:
    code, _, err = run(capsys, "report", str(results), *(arg.format(results=results) for arg in argv))
    assert code == status and err.startswith("quotes: error: ") and message in err


def test_report_of_results_that_are_not_there_is_status_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "report", str(tmp_path / "none.jsonl"), str(tmp_path / "report.html"))
    assert code == 1 and "no such file or folder" in err and not (tmp_path / "report.html").exists()
