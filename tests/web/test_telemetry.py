"""Request ids, request logs that never hold the text, and Prometheus metrics."""

from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service.web.app import create_app
from service.attribution.pipeline import DeadlineExceeded, QuoteExtractor
from service.web.telemetry import JsonFormatter
from tests.web.contract import assert_conforms
from tests.web.servers import running_server

MARKER = "ZEBRA-CONFIDENTIAL-7731"
SECRET_ARTICLE = f"“{MARKER} is our plan,” said Ana Ruiz, who runs {MARKER} Corp."


def test_a_fresh_request_id_is_made_and_echoed(client: FlaskClient) -> None:
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_tame_request_id_is_kept_and_a_wild_one_replaced(client: FlaskClient) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "cms-42.a:b"}).headers["X-Request-ID"] == "cms-42.a:b"
    wild = client.get("/healthz", headers={"X-Request-ID": "bad id\u2028<script>"}).headers["X-Request-ID"]
    assert wild != "bad id\u2028<script>" and len(wild) == 32


def test_problems_carry_the_request_id(client: FlaskClient) -> None:
    response = client.get("/nowhere", headers={"X-Request-ID": "trace-1"})
    assert response.get_json()["request_id"] == "trace-1"


def test_one_log_line_per_request_with_sizes_and_never_the_text(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="service.requests"):
        client.post("/v1/quotes", json={"text": SECRET_ARTICLE}, headers={"X-Request-ID": "r-1"})
    [record] = [r for r in caplog.records if r.name == "service.requests"]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "r-1" and line["route"] == "/v1/quotes" and line["status"] == 200
    assert line["characters"] == len(SECRET_ARTICLE) and line["documents"] == 1
    assert line["duration_ms"] >= 0 and line["response_bytes"] > 0
    assert MARKER not in caplog.text


def test_an_engine_failure_logs_its_stack_but_not_the_text(
    app: Flask, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = app.extensions["quotes.engine"]

    def broken(texts: list[str], deadline: float | None = None) -> None:
        raise ValueError(f"cannot parse {texts[0]}")

    monkeypatch.setattr(loader.extractor, "extract_many", broken)
    with caplog.at_level(logging.INFO):
        response = app.test_client().post("/v1/quotes", json={"text": SECRET_ARTICLE})
    assert response.status_code == 500
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and errors[0].error == "ValueError" and "broken" in errors[0].stack  # type: ignore[attr-defined]
    formatted = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    assert MARKER not in caplog.text and MARKER not in formatted and MARKER not in response.text


def test_metrics_count_requests_characters_and_quotes(client: FlaskClient) -> None:
    client.post("/v1/quotes", json={"text": SECRET_ARTICLE})
    client.get("/nowhere")
    text = client.get("/metrics").get_data(as_text=True)
    assert 'quotes_http_requests_total{method="POST",route="/v1/quotes",status="200"} 1.0' in text
    assert 'route="unmatched",status="404"' in text
    assert f"quotes_characters_processed_total {float(len(SECRET_ARTICLE))}" in text
    assert 'quotes_found_total{type="direct"} 1.0' in text
    assert "quotes_model_load_seconds" in text
    assert MARKER not in text


def test_a_405_is_counted_under_its_route(client: FlaskClient) -> None:
    assert client.post("/healthz").status_code == 405
    assert client.delete("/v1/quotes").status_code == 405
    text = client.get("/metrics").get_data(as_text=True)
    assert 'quotes_http_requests_total{method="POST",route="/healthz",status="405"} 1.0' in text
    assert 'quotes_http_requests_total{method="DELETE",route="/v1/quotes",status="405"} 1.0' in text
    assert 'route="unmatched",status="405"' not in text


def test_a_request_past_its_time_limit_is_stopped_with_503(blank_nlp: Language) -> None:
    client = create_app({"request_timeout": 1e-9}, nlp=blank_nlp).test_client()
    response = client.post("/v1/quotes", json={"text": SECRET_ARTICLE})
    assert_conforms(response, "POST", "/v1/quotes", status=503)
    assert response.get_json()["type"] == "/problems/timeout"
    assert "QUOTES_REQUEST_TIMEOUT" in response.get_json()["detail"]
    assert client.get("/readyz").status_code == 200


def test_the_engine_stops_at_a_past_deadline(blank_nlp: Language) -> None:
    extractor = QuoteExtractor(blank_nlp)
    with pytest.raises(DeadlineExceeded):
        extractor.extract_many(["“Hi,” she said."], deadline=time.monotonic() - 1)
    assert extractor.extract("“Hi,” she said.", deadline=time.monotonic() + 60).quotes


def test_flask_debug_never_switches_debug_on(blank_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app(nlp=blank_nlp)
    assert app.debug is False
    response = app.test_client().get("/nowhere")
    assert response.mimetype == "application/problem+json"


@pytest.mark.server
@pytest.mark.model
def test_metrics_add_up_every_worker(tmp_path: Path) -> None:
    sent = 24
    with running_server(WEB_CONCURRENCY="2", PROMETHEUS_MULTIPROC_DIR=str(tmp_path)) as base:

        def post(_: int) -> int:
            # A fresh connection each, four at a time, so that both workers take requests.
            text = "“Yes,” said Ana Ruiz. " * 100
            return requests.post(f"{base}/v1/quotes", json={"text": text}, timeout=60).status_code

        with ThreadPoolExecutor(max_workers=4) as pool:
            assert set(pool.map(post, range(sent))) == {200}
        scrapes = [requests.get(f"{base}/metrics", timeout=30).text for _ in range(6)]
        counter_files = sorted(p.name for p in tmp_path.glob("counter_*.db"))
    assert len(counter_files) >= 2, f"only one worker took requests: {counter_files}"
    for text in scrapes:  # whichever worker answers, it reports every worker's requests
        line = next(row for row in text.splitlines() if row.startswith('quotes_http_requests_total{method="POST"'))
        assert float(line.split()[-1]) == sent
        assert f"quotes_documents_processed_total {float(sent)}" in text


def test_a_retired_workers_counts_are_kept_and_its_files_removed(tmp_path: Path) -> None:
    """Counters sum over the workers gone too (they never fall); a max gauge keeps the largest; files do not pile up."""
    from prometheus_client.mmap_dict import MmapedDict, mmap_key

    from service.web.telemetry import retire_worker_metrics

    counter = mmap_key("quotes_found", "quotes_found_total", ["type"], ["direct"], "Quotes found.")
    gauge = mmap_key("quotes_model_load_seconds", "quotes_model_load_seconds", [], [], "Load.")

    def worker(pid: int, found: float, load: float) -> None:
        for name, key, value in ((f"counter_{pid}.db", counter, found), (f"gauge_max_{pid}.db", gauge, load)):
            values = MmapedDict(str(tmp_path / name))  # type: ignore[no-untyped-call]
            values.write_value(key, value, 0.0)  # type: ignore[no-untyped-call]
            values.close()  # type: ignore[no-untyped-call]

    def exposed() -> dict[str, float]:
        from prometheus_client import CollectorRegistry, generate_latest
        from prometheus_client.multiprocess import MultiProcessCollector

        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=str(tmp_path))  # type: ignore[no-untyped-call]
        lines = generate_latest(registry).decode().splitlines()
        return {line.split(" ")[0]: float(line.split(" ")[1]) for line in lines if line and not line.startswith("#")}

    worker(101, 3, 2.5)
    worker(102, 4, 1.5)
    before = exposed()
    retire_worker_metrics(str(tmp_path), 101)
    worker(103, 0, 1.0)
    retire_worker_metrics(str(tmp_path), 102)
    after = exposed()
    assert before['quotes_found_total{type="direct"}'] == after['quotes_found_total{type="direct"}'] == 7
    assert after["quotes_model_load_seconds"] == 2.5
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["counter_103.db", "counter_retired.db", "gauge_max_103.db", "gauge_max_retired.db"]
