"""One door: the same HTML article gets the same answer through every entry, and a bad one the same problem.

The entries: ``POST /v1/quotes`` (as ``text/html``), ``quotes extract`` (an
``.html`` file, and ``--html -`` on standard input), ``quotes batch`` (a
folder of ``.html`` files, and JSON Lines with an ``html`` key) and the Spark
job (an ``html`` field). Each must give the same quotes, speakers, shown text
and offsets, in the text and in the HTML source; and an article whose HTML
shows no text must be the same ``/problems/validation-failed`` everywhere.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from flask import Flask
from spacy.language import Language

from service import cli
from service.archives import runner, spark_job
from service.intake.door import ready_engine
from tests.archives.archive import pruned, read_json_lines, write_json_lines

pytestmark = pytest.mark.model

ARTICLE = (
    '<html><head><meta charset="utf-8"><title>Harbour news</title></head><body>'
    "<h1>Ferries return after the storm</h1>"
    "<p>&ldquo;The ferries will run again on <em>Friday</em>,&rdquo; said Maria&nbsp;Okafor, "
    'the harbour master at the <a href="https://port.example">Port of Tellbridge</a>. '
    "&ldquo;Every boat has been checked twice.&rdquo;</p>"
    "<p>Tom Becker, a spokesman for the Tellbridge Ferry Company, said tickets would be refunded.</p>"
    "</body></html>"
)
SHOWS_NOTHING = "<p> </p><script>var quote = 'not shown';</script>"
ANSWER_FIELDS = ("quotes", "speakers", "text")
MAX_CHARS = 100_000
JOB_SECONDS = 900


def answer_of(body: dict[str, Any]) -> dict[str, Any]:
    return pruned({field: body[field] for field in ANSWER_FIELDS})


@pytest.fixture(scope="module")
def api_answer(real_app: Flask) -> dict[str, Any]:
    response = real_app.test_client().post("/v1/quotes", data=ARTICLE.encode(), content_type="text/html")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.get_json()
    assert len(body["quotes"]) == 3 and body["quotes"][0]["source"]
    return body


@pytest.fixture(scope="module")
def api_problem(real_app: Flask) -> dict[str, Any]:
    response = real_app.test_client().post("/v1/quotes", data=SHOWS_NOTHING.encode(), content_type="text/html")
    assert response.status_code == 422
    body: dict[str, Any] = response.get_json()
    assert body["type"] == "/problems/validation-failed"
    return body


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("one-door")
    (folder / "pages").mkdir()
    (folder / "pages" / "story.html").write_text(ARTICLE, encoding="utf-8")
    (folder / "pages" / "empty.htm").write_text(SHOWS_NOTHING, encoding="utf-8")
    write_json_lines(folder / "articles.jsonl", [{"id": "story", "html": ARTICLE}, {"id": "empty", "html": SHOWS_NOTHING}])
    return folder


def extract(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    status = cli.main(["extract", "--json", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_quotes_extract_answers_as_the_api(
    api_answer: dict[str, Any], api_problem: dict[str, Any], archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = extract(capsys, monkeypatch, str(archive / "pages" / "story.html"))
    assert status == 0 and answer_of(json.loads(out)) == answer_of(api_answer)
    status, out, _ = extract(capsys, monkeypatch, "--html", "-", stdin=ARTICLE.encode())
    assert status == 0 and answer_of(json.loads(out)) == answer_of(api_answer)
    status, _, err = extract(capsys, monkeypatch, str(archive / "pages" / "empty.htm"))
    message = api_problem["errors"][0]["message"].replace("`html`", f"`{archive / 'pages' / 'empty.htm'}`")
    assert status == 1 and err == f"quotes: error: {message}\n"


@pytest.mark.parametrize("source", ["pages", "articles.jsonl"])
def test_quotes_batch_answers_as_the_api(
    api_answer: dict[str, Any], api_problem: dict[str, Any], archive: Path, real_nlp: Language, source: str
) -> None:
    output = archive / f"{source}.out.jsonl"
    runner.run(runner.Options(archive / source, output, overwrite=True), extractor=ready_engine(real_nlp))
    rows = {row["id"].removesuffix(".html").removesuffix(".htm"): row for row in read_json_lines(output)}
    assert answer_of(rows["story"]) == answer_of(api_answer)
    assert rows["empty"]["error"]["type"] == api_problem["type"] and rows["empty"]["error"]["title"] == api_problem["title"]


def test_the_flat_table_carries_the_source_offsets(api_answer: dict[str, Any], archive: Path, real_nlp: Language) -> None:
    output = archive / "flat.csv"
    runner.run(runner.Options(archive / "articles.jsonl", output, flat=True, overwrite=True), extractor=ready_engine(real_nlp))
    import csv

    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(int(r["source_start"]), int(r["source_end"])) for r in rows] == [
        (q["source"]["start"], q["source"]["end"]) for q in api_answer["quotes"]
    ]


@pytest.mark.spark
@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java 17 (CI installs it: .ci/run)")
def test_the_spark_job_answers_as_the_api(api_answer: dict[str, Any], api_problem: dict[str, Any], archive: Path) -> None:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "SPARK_LOCAL_IP": "127.0.0.1"}
    output = archive / "spark.parquet"
    command = [
        str(Path(sys.executable).with_name("spark-submit")), "--master", "local[1]", "--conf", "spark.ui.enabled=false",
        spark_job.__file__, str(archive / "articles.jsonl"), str(output), "--partitions", "1",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=JOB_SECONDS)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    rows = {row["id"]: row for row in pq.read_table(output).to_pylist()}
    assert answer_of(rows["story"]) == answer_of(api_answer)
    assert rows["empty"]["error"]["type"] == api_problem["type"]
