"""The HTTP API through Flask's test client: every status the contract names.

The app here runs on a blank pipeline (tokenizer only): the web layer is under
test, not the model. Every response is also held to ``openapi.yaml``.
"""

from __future__ import annotations

import json
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from spacy.language import Language

from service.web.app import create_app
from service.web.loader import EngineLoader, State
from tests.web.contract import assert_conforms

ARTICLE = "“The bridge will reopen in May,” said Ana Ruiz. Officials agreed."


def post_quotes(client: FlaskClient, **kwargs: object):  # type: ignore[no-untyped-def]
    return client.post("/v1/quotes", **kwargs)


def problem_of(response, status: int):  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["title"] and body["detail"]
    assert "Traceback" not in response.text
    return body


# --- 200 ---------------------------------------------------------------------


def test_json_article_gives_quotes_with_exact_offsets(client: FlaskClient) -> None:
    response = post_quotes(client, json={"text": ARTICLE})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    body = response.get_json()
    assert [q["text"] for q in body["quotes"]] == ["The bridge will reopen in May,"]
    for quote in body["quotes"]:
        assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]
    assert body["model"] == {"name": "en_pipeline", "version": "0.0.0"}
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_plain_text_article_is_accepted(client: FlaskClient) -> None:
    response = post_quotes(client, data=ARTICLE.encode(), content_type="text/plain; charset=utf-8")
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert response.get_json()["quotes"][0]["text"] == "The bridge will reopen in May,"


def test_plain_text_without_a_charset_is_read_as_utf8(client: FlaskClient) -> None:
    text = "“Déjà vu, naïve café,” said Zoë Müller. 🌊"
    response = post_quotes(client, data=text.encode("utf-8"), content_type="text/plain")
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    [quote] = response.get_json()["quotes"]
    assert quote["text"] == "Déjà vu, naïve café," and text[quote["start"] : quote["end"]] == quote["text"]
    refused = post_quotes(client, data=text.encode("latin-1", "replace"), content_type="text/plain; charset=iso-8859-1")
    assert refused.status_code == 415 and "UTF-8" in refused.get_json()["detail"]


def test_byte_order_mark_is_not_part_of_the_text(client: FlaskClient) -> None:
    response = post_quotes(client, data=b"\xef\xbb\xbf" + ARTICLE.encode(), content_type="text/plain")
    quote = response.get_json()["quotes"][0]
    assert ARTICLE[quote["start"] : quote["end"]] == quote["text"]


def test_offsets_count_code_points_past_astral_characters(client: FlaskClient) -> None:
    text = "😀 🇺🇳 " + ARTICLE
    quote = post_quotes(client, json={"text": text}).get_json()["quotes"][0]
    assert text[quote["start"] : quote["end"]] == quote["text"]


def test_text_without_quotes_gives_empty_lists(client: FlaskClient) -> None:
    response = post_quotes(client, json={"text": "Nothing was said today."})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert response.get_json()["quotes"] == [] and response.get_json()["speakers"] == []


def test_batch_answers_each_document_in_order(client: FlaskClient) -> None:
    documents = [{"id": "b", "text": ARTICLE}, {"id": "a", "text": "No quotes here."}]
    response = client.post("/v1/quotes/batch", json={"documents": documents})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=200)
    results = response.get_json()["documents"]
    assert [d["id"] for d in results] == ["b", "a"]
    assert len(results[0]["quotes"]) == 1 and results[1]["quotes"] == []


def test_health_and_readiness(client: FlaskClient) -> None:
    assert_conforms(client.get("/healthz"), "GET", "/healthz", status=200)
    ready = client.get("/readyz")
    assert_conforms(ready, "GET", "/readyz", status=200)
    assert ready.get_json()["model"]["name"]


def test_openapi_document_is_served(client: FlaskClient) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.mimetype == "application/yaml"
    assert response.data.startswith(b"openapi: 3.1")


# --- 400 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, says",
    [
        (b'{"text": "unterminated', "not valid JSON"),
        (b"", "empty"),
        (b"[" * 100_000, "nested too deeply"),
    ],
)
def test_malformed_json_is_400(client: FlaskClient, body: bytes, says: str) -> None:
    response = post_quotes(client, data=body, content_type="application/json")
    assert_conforms(response, "POST", "/v1/quotes", status=400)
    assert says in problem_of(response, 400)["detail"]


def test_bytes_that_are_not_utf8_are_400(client: FlaskClient) -> None:
    response = post_quotes(client, data="“Olá,” disse ela.".encode("latin-1", "replace"), content_type="text/plain")
    assert "not valid UTF-8" in problem_of(response, 400)["detail"]


# --- 404, 405 -----------------------------------------------------------------


def test_unknown_path_is_404_problem(client: FlaskClient) -> None:
    body = problem_of(client.get("/v2/quotes"), 404)
    assert body["type"] == "about:blank" and body["instance"] == "/v2/quotes"


def test_wrong_method_is_405_problem_with_allow_header(client: FlaskClient) -> None:
    response = client.get("/v1/quotes")
    assert_conforms(response, "GET", "/openapi.yaml", status=405)  # any path: the default response
    problem_of(response, 405)
    assert "POST" in response.headers["Allow"]


# --- 413 ---------------------------------------------------------------------


def test_text_over_max_chars_is_413(client: FlaskClient) -> None:
    response = post_quotes(client, json={"text": "a" * 1001})
    assert_conforms(response, "POST", "/v1/quotes", status=413)
    assert "QUOTES_MAX_CHARS" in problem_of(response, 413)["detail"]


def test_body_over_limit_is_413_before_it_is_read(blank_nlp: Language) -> None:
    client = create_app({"max_body_bytes": 100}, nlp=blank_nlp).test_client()
    response = post_quotes(client, data=json.dumps({"text": "x" * 200}), content_type="application/json")
    assert "QUOTES_MAX_BODY_BYTES" in problem_of(response, 413)["detail"]


def test_batch_with_too_many_documents_is_413(client: FlaskClient) -> None:
    documents = [{"id": str(n), "text": "Hi."} for n in range(4)]
    response = client.post("/v1/quotes/batch", json={"documents": documents})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=413)
    assert "QUOTES_BATCH_MAX_DOCUMENTS" in problem_of(response, 413)["detail"]


def test_batch_over_total_characters_is_413(client: FlaskClient) -> None:
    documents = [{"id": str(n), "text": "a" * 900} for n in range(3)]
    body = problem_of(client.post("/v1/quotes/batch", json={"documents": documents}), 413)
    assert "QUOTES_BATCH_MAX_CHARS" in body["detail"]


def test_batch_document_over_max_chars_names_it(client: FlaskClient) -> None:
    documents = [{"id": "ok", "text": "Hi."}, {"id": "long", "text": "a" * 1001}]
    body = problem_of(client.post("/v1/quotes/batch", json={"documents": documents}), 413)
    assert body["errors"][0]["field"] == "documents.1.text"


# --- 415 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [None, "application/x-www-form-urlencoded", "application/xml", "text/html; charset=no-such-encoding", "application/json; charset=latin-1"],
)
def test_other_content_types_are_415(client: FlaskClient, content_type: str | None) -> None:
    response = post_quotes(client, data=b'{"text": "x"}', content_type=content_type)
    assert_conforms(response, "POST", "/v1/quotes", status=415)
    assert "UTF-8" in problem_of(response, 415)["detail"] or "application/json" in response.text


WINDOWS_1252_PAGE = "<p>“Olá,” disse ela.</p>".encode("cp1252")


@pytest.mark.parametrize(
    ("content_type", "html"),
    [
        ("text/html; charset=iso-8859-1", WINDOWS_1252_PAGE),  # read as windows-1252, as browsers read it
        ("text/html", b'<meta charset="windows-1252">' + WINDOWS_1252_PAGE),
        ("text/html; charset=utf-8", "\ufeff<p>“Olá,” disse ela.</p>".encode()),
    ],
)
def test_html_is_read_in_the_charset_it_declares(client: FlaskClient, content_type: str, html: bytes) -> None:
    response = post_quotes(client, data=html, content_type=content_type)
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert response.get_json()["text"] == "“Olá,” disse ela."


def test_markup_in_a_text_is_a_warning_and_never_read(client: FlaskClient) -> None:
    text = "<p>“We are ready,” said Ana Ruiz.</p>"
    response = post_quotes(client, json={"text": text})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    body = response.get_json()
    [warning] = body["warnings"]
    assert warning["code"] == "markup-in-text" and "'<p>' at 0, 2 in all" in warning["message"]
    assert "text" not in body and all(text[q["start"] : q["end"]] == q["text"] for q in body["quotes"])
    # A corpus's own tags are not HTML: nothing to warn of.
    plain = post_quotes(client, json={"text": "<tweet>“We are ready,” said Ana Ruiz.</tweet>"}).get_json()
    assert "warnings" not in plain


def test_batch_takes_json_only(client: FlaskClient) -> None:
    response = client.post("/v1/quotes/batch", data=b"text", content_type="text/plain")
    assert "application/json" in problem_of(response, 415)["detail"]


# --- 422 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "text"),
        ({"text": None}, "text"),
        ({"text": 42}, "text"),
        ({"text": ["a"]}, "text"),
        ({"text": ""}, "text"),
        ({"text": " \n\t "}, "text"),
        ({"text": "ok", "lang": "en"}, "lang"),
        ([{"text": "ok"}], "_body"),
        ("just a string", "_body"),
        ({"text": "bad \ud800 surrogate"}, "text"),
    ],
)
def test_invalid_fields_are_422_naming_the_field(client: FlaskClient, body: object, field: str) -> None:
    response = post_quotes(client, data=json.dumps(body), content_type="application/json")
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    assert field in [e["field"] for e in problem_of(response, 422)["errors"]]


def test_batch_with_duplicate_ids_is_422(client: FlaskClient) -> None:
    documents = [{"id": "x", "text": "One."}, {"id": "x", "text": "Two."}]
    body = problem_of(client.post("/v1/quotes/batch", json={"documents": documents}), 422)
    assert body["errors"][0]["field"] == "documents.1.id"


def test_batch_with_one_bad_document_names_it_and_processes_none(client: FlaskClient) -> None:
    documents = [{"id": "a", "text": "Fine."}, {"id": "b", "text": 3}]
    body = problem_of(client.post("/v1/quotes/batch", json={"documents": documents}), 422)
    assert [e["field"] for e in body["errors"]] == ["documents.1.text"]


def test_empty_batch_is_422(client: FlaskClient) -> None:
    problem_of(client.post("/v1/quotes/batch", json={"documents": []}), 422)


# --- HTML ----------------------------------------------------------------------------

HTML = "<h1>Bridge</h1><p>&ldquo;The bridge will <em>reopen</em> in May,&rdquo; said Ana&nbsp;Ruiz.</p>"
HTML_TEXT = "Bridge\n\n“The bridge will reopen in May,” said Ana\u00a0Ruiz."


def spans_of(answer: dict) -> list[dict]:  # type: ignore[type-arg]
    """Every span of an answer: quotes, parts, cues, mentions."""
    out = []
    for quote in answer["quotes"]:
        out += [quote, *quote["parts"], *([quote["cue"]] if quote["cue"] else [])]
        out += [quote["speaker"]["mention"]] if quote["speaker"] else []
    return out + [m for s in answer["speakers"] for m in s["mentions"]]


@pytest.mark.parametrize("how", ["text/html", "json"])
def test_an_html_article_is_answered_in_its_text_and_its_source(client: FlaskClient, how: str) -> None:
    if how == "json":
        response = post_quotes(client, json={"html": HTML})
    else:
        response = post_quotes(client, data=HTML.encode(), content_type="text/html")
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    answer = response.get_json()
    assert answer["text"] == HTML_TEXT
    [quote] = answer["quotes"]
    assert quote["text"] == "The bridge will reopen in May,"
    assert HTML[quote["source"]["start"] : quote["source"]["end"]] == "The bridge will <em>reopen</em> in May,"
    for span in spans_of(answer):
        assert HTML_TEXT[span["start"] : span["end"]] == span["text"]
        assert "source" in span


def test_html_without_a_charset_is_read_as_utf8(client: FlaskClient) -> None:
    response = post_quotes(client, data="<p>“Ça va,” she said.</p>".encode(), content_type="text/html; charset=UTF-8")
    assert response.get_json()["quotes"][0]["text"] == "Ça va,"


def test_a_plain_text_answer_has_no_text_and_no_sources(client: FlaskClient) -> None:
    answer = post_quotes(client, json={"text": ARTICLE}).get_json()
    assert "text" not in answer
    assert not any("source" in span for span in spans_of(answer))


def test_html_source_offsets_count_utf16_units_when_asked(client: FlaskClient) -> None:
    html = "<p>🌉 &ldquo;Open in May,&rdquo; she said.</p>"
    answer = post_quotes(client, json={"html": html, "offsets": "utf16"}).get_json()
    [quote] = answer["quotes"]
    units = html.encode("utf-16-le")
    assert units[2 * quote["source"]["start"] : 2 * quote["source"]["end"]].decode("utf-16-le") == "Open in May,"
    assert quote["start"] == answer["text"].index("Open") + 1  # the emoji counts two in the text as well


@pytest.mark.parametrize(
    "body, field, says",
    [
        ({"text": "a", "html": "<p>b</p>"}, "html", "Both"),
        ({"html": None}, "html", "null"),
        ({"html": 3}, "html", "string"),
        ({"html": "  "}, "html", "empty"),
        ({"html": "<p> </p><!-- only a comment --><script>x()</script>"}, "html", "no text"),
        ({"html": "<p>ok</p>", "text": None}, "text", "null"),
    ],
)
def test_bad_html_fields_are_422_naming_the_field(client: FlaskClient, body: object, field: str, says: str) -> None:
    response = post_quotes(client, json=body)
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    errors = problem_of(response, 422)["errors"]
    assert [e["field"] for e in errors] == [field] and says in errors[0]["message"]


def test_malformed_html_is_read_not_refused(client: FlaskClient) -> None:
    response = post_quotes(client, data=b"<p>\xe2\x80\x9cStill read,\xe2\x80\x9d <b>she said <![foo[ </p", content_type="text/html")
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert response.get_json()["quotes"][0]["text"] == "Still read,"


def test_html_over_max_chars_is_413_counted_as_sent(client: FlaskClient) -> None:
    html = "<p>" + "<b></b>" * 200 + "short text</p>"  # 1417 characters of HTML, 10 of text
    response = post_quotes(client, data=html.encode(), content_type="text/html")
    assert_conforms(response, "POST", "/v1/quotes", status=413)
    assert problem_of(response, 413)["errors"][0]["field"] == "html"


def test_a_batch_takes_html_documents_beside_text_ones(client: FlaskClient) -> None:
    documents = [{"id": "h", "html": HTML}, {"id": "t", "text": ARTICLE}]
    response = client.post("/v1/quotes/batch", json={"documents": documents})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=200)
    html_result, text_result = response.get_json()["documents"]
    assert html_result["text"] == HTML_TEXT and "text" not in text_result
    quote = html_result["quotes"][0]
    assert HTML[quote["source"]["start"] : quote["source"]["end"]] == "The bridge will <em>reopen</em> in May,"
    assert "source" not in text_result["quotes"][0]


def test_a_batch_html_document_over_max_chars_names_it(client: FlaskClient) -> None:
    documents = [{"id": "a", "text": "Fine."}, {"id": "b", "html": "<p>" + "x" * 1001 + "</p>"}]
    body = problem_of(client.post("/v1/quotes/batch", json={"documents": documents}), 413)
    assert body["errors"][0]["field"] == "documents.1.html"


def test_a_batch_document_with_neither_text_nor_html_is_422(client: FlaskClient) -> None:
    body = problem_of(client.post("/v1/quotes/batch", json={"documents": [{"id": "a"}]}), 422)
    assert [e["field"] for e in body["errors"]] == ["documents.0.text"]


# --- 503, 500 ---------------------------------------------------------------------


def test_quotes_wait_for_the_model_with_503(app: Flask) -> None:
    loader: EngineLoader = app.extensions["quotes.engine"]
    loader.extractor, loader.state = None, State.LOADING
    client = app.test_client()
    response = post_quotes(client, json={"text": ARTICLE})
    assert_conforms(response, "POST", "/v1/quotes", status=503)
    assert response.headers["Retry-After"]
    assert_conforms(client.get("/readyz"), "GET", "/readyz", status=503)
    assert client.get("/healthz").status_code == 200


def test_failed_model_load_is_reported_on_readyz(app: Flask) -> None:
    loader: EngineLoader = app.extensions["quotes.engine"]
    loader.extractor, loader.state, loader.error = None, State.FAILED, "OSError: no such model"
    body = problem_of(app.test_client().get("/readyz"), 503)
    assert "failed to load" in body["detail"]


def test_engine_failure_is_500_problem_without_the_text(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    loader: EngineLoader = app.extensions["quotes.engine"]
    assert loader.extractor is not None

    def broken(texts: list[str], deadline: float | None = None) -> None:
        raise RuntimeError("boom " + texts[0])

    monkeypatch.setattr(loader.extractor, "extract_many", broken)
    secret = "SECRET-ARTICLE-TEXT"
    response = post_quotes(app.test_client(), json={"text": secret})
    body = problem_of(response, 500)
    assert secret not in response.text and "boom" not in response.text
    assert body["type"] == "/problems/internal-error"


# --- offsets for JavaScript ----------------------------------------------------------------

ASTRAL = "😀 🇺🇳 " + ARTICLE


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` as JavaScript would do it."""
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


@pytest.mark.parametrize("how", ["field", "query"])
def test_utf16_offsets_index_the_text_as_javascript_does(client: FlaskClient, how: str) -> None:
    body: dict[str, object] = {"text": ASTRAL}
    query = ""
    if how == "field":
        body["offsets"] = "utf16"
    else:
        query = "?offsets=utf16"
    response = client.post("/v1/quotes" + query, json=body)
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    answer = response.get_json()
    assert answer["offsets"] == "utf16"
    quote = answer["quotes"][0]
    assert utf16_slice(ASTRAL, quote["start"], quote["end"]) == quote["text"]
    assert ASTRAL[quote["start"] : quote["end"]] != quote["text"]  # code points would be off
    for part in quote["parts"]:
        assert utf16_slice(ASTRAL, part["start"], part["end"]) == part["text"]


def test_code_point_offsets_are_the_default_and_say_so(client: FlaskClient) -> None:
    answer = post_quotes(client, json={"text": ASTRAL}).get_json()
    quote = answer["quotes"][0]
    assert answer["offsets"] == "codepoints"
    assert ASTRAL[quote["start"] : quote["end"]] == quote["text"]


def test_batch_offsets_apply_to_every_document(client: FlaskClient) -> None:
    documents = [{"id": "a", "text": ASTRAL}, {"id": "b", "text": ARTICLE}]
    answer = client.post("/v1/quotes/batch", json={"documents": documents, "offsets": "utf16"}).get_json()
    for document, sent in zip(answer["documents"], (ASTRAL, ARTICLE)):
        quote = document["quotes"][0]
        assert utf16_slice(sent, quote["start"], quote["end"]) == quote["text"]


@pytest.mark.parametrize(
    "query, body",
    [("?offsets=bytes", {"text": ARTICLE}), ("", {"text": ARTICLE, "offsets": "bytes"}),
     ("?offsets=codepoints", {"text": ARTICLE, "offsets": "utf16"})],
)
def test_bad_or_conflicting_offsets_are_422(client: FlaskClient, query: str, body: dict[str, str]) -> None:
    response = client.post("/v1/quotes" + query, json=body)
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    assert [e["field"] for e in problem_of(response, 422)["errors"]] == ["offsets"]


def test_the_page_is_served_at_the_root(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"


def test_results_say_where_their_time_went(client: FlaskClient) -> None:
    timing = post_quotes(client, json={"text": ARTICLE}).headers["Server-Timing"]
    names = [part.split(";")[0].strip() for part in timing.split(",")]
    assert names == ["language", "parse", "attribution", "total"]
    assert all(float(part.split("dur=")[1]) >= 0 for part in timing.split(","))


def test_a_422_detail_names_the_first_invalid_field_in_words(client: FlaskClient) -> None:
    body = post_quotes(client, json={"text": "", "lang": "en"}).get_json()
    assert body["detail"].startswith("lang: Unknown field") or body["detail"].startswith("text: ")
    assert "1 more" in body["detail"]


def test_readiness_tells_the_limits(client: FlaskClient) -> None:
    limits = client.get("/readyz").get_json()["limits"]
    assert limits == {
        "max_chars": 1000,
        "max_body_bytes": 4 * 1024 * 1024,
        "batch_max_documents": 3,
        "batch_max_chars": 2500,
        "request_timeout": 60.0,
    }


# --- the request's time ----------------------------------------------------------------------


def test_the_time_covers_validation_not_only_the_engine(blank_nlp: Language) -> None:
    """With no time at all, the request is stopped before the engine is asked (it would have raised)."""
    app = create_app({"request_timeout": 1e-9}, nlp=blank_nlp)
    loader: EngineLoader = app.extensions["quotes.engine"]
    assert loader.extractor is not None
    loader.extractor = None  # the engine is never reached: a 503 not-ready would say otherwise
    response = app.test_client().post("/v1/quotes/batch", json={"documents": [{"id": "a", "text": ARTICLE}]})
    assert problem_of(response, 503)["type"] == "/problems/timeout"


def test_a_large_batch_gets_time_in_proportion_to_its_size(blank_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """The largest batch the limits allow (here 10 texts of the longest length) has ten times one text's time."""
    app = create_app({"max_chars": 1000, "batch_max_documents": 10, "batch_max_chars": 10_000, "request_timeout": 60}, nlp=blank_nlp)
    loader: EngineLoader = app.extensions["quotes.engine"]
    assert loader.extractor is not None
    given: list[float] = []
    real = loader.extractor.extract_many

    def remember(texts, deadline=None):  # type: ignore[no-untyped-def]
        given.append(deadline - time.monotonic())
        return real(texts, deadline)

    monkeypatch.setattr(loader.extractor, "extract_many", remember)
    client = app.test_client()
    assert_conforms(client.post("/v1/quotes", json={"text": ARTICLE}), "POST", "/v1/quotes", status=200)
    documents = [{"id": str(n), "text": (ARTICLE + " ") * 14 + "x" * (1000 - 15 * len(ARTICLE) - 14)} for n in range(10)]
    assert all(len(d["text"]) <= 1000 for d in documents)
    assert_conforms(client.post("/v1/quotes/batch", json={"documents": documents}), "POST", "/v1/quotes/batch", status=200)
    one, batch = given
    assert 50 < one <= 60 and 500 < batch <= 600 * sum(len(d["text"]) for d in documents) / 10_000


def test_a_request_waits_for_the_engine_only_within_its_time(app: Flask) -> None:
    """One analysis at a time per process: a request that cannot have the engine in time is a timeout."""
    loader: EngineLoader = app.extensions["quotes.engine"]
    with loader.turn(time.monotonic() + 1) as held:
        assert held
        app.extensions["quotes.settings"] = app.extensions["quotes.settings"].with_overrides({"request_timeout": 0.2})
        response = app.test_client().post("/v1/quotes", json={"text": ARTICLE})
    assert problem_of(response, 503)["type"] == "/problems/timeout"


def test_a_batch_too_large_is_refused_before_its_documents_are_validated(client: FlaskClient) -> None:
    """Four bare integers are four invalid documents, but over the count of 3 they are one 413."""
    response = client.post("/v1/quotes/batch", json={"documents": [1, 2, 3, 4]})
    assert "QUOTES_BATCH_MAX_DOCUMENTS" in problem_of(response, 413)["detail"]


def test_a_problem_lists_ten_errors_and_counts_them_all(blank_nlp: Language) -> None:
    app = create_app({"batch_max_documents": 50}, nlp=blank_nlp)
    response = app.test_client().post("/v1/quotes/batch", json={"documents": [{"id": str(n), "text": n} for n in range(40)]})
    problem = problem_of(response, 422)
    assert_conforms(response, "POST", "/v1/quotes/batch", status=422)
    assert len(problem["errors"]) == 10 and problem["error_count"] == 40
    assert "39 more; `errors` lists the first 10" in problem["detail"]
