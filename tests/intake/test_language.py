"""Language identification: the classifier on texts of our own, its thresholds, and the API's answers.

The app runs on a blank pipeline (the web layer is under test); the language
classifier is the real one, shipped inside py3langid.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from flask.testing import FlaskClient

from service.intake import language
from service.intake.language import (
    REFUSE_MIN_CONFIDENCE,
    REFUSE_MIN_LETTERS,
    SAMPLE_WINDOWS,
    WINDOW_CHARS,
    DetectedLanguage,
    confidently_not_english,
    identify,
    sample,
)
from tests.web.contract import assert_conforms
from tests.intake.languages import (
    ENGLISH_QUOTING_GERMAN,
    FRENCH_ARTICLE,
    GERMAN_ARTICLE,
    HALF_AND_HALF,
    SHORT_ENGLISH,
    SHORT_GERMAN,
)

ENGLISH_ARTICLE = (
    "Harbour ferries return after the storm\n\n"
    "“The ferries will run again on Friday,” said Maria Okafor, the harbour master at the Port of Tellbridge. "
    "“Every boat has been checked twice.”\n\n"
    "Tom Becker, a spokesman for the Tellbridge Ferry Company, said tickets for cancelled crossings would be refunded."
)


# --- the classifier ----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "code", "name"), [(GERMAN_ARTICLE, "de", "German"), (FRENCH_ARTICLE, "fr", "French")])
def test_a_german_or_french_article_is_confidently_not_english(text: str, code: str, name: str) -> None:
    found = identify(text)
    assert found is not None and (found.code, found.name) == (code, name)
    assert found.confidence >= REFUSE_MIN_CONFIDENCE and found.letters >= REFUSE_MIN_LETTERS
    assert confidently_not_english(found)


def test_an_english_article_is_english() -> None:
    found = identify(ENGLISH_ARTICLE)
    assert found is not None and found.is_english and found.confidence > 0.9
    assert not confidently_not_english(found)


def test_a_short_english_text_is_not_refused() -> None:
    found = identify(SHORT_ENGLISH)
    assert not confidently_not_english(found)
    assert found is None or found.is_english


def test_a_short_german_text_is_named_but_never_refused_on_so_little() -> None:
    found = identify(SHORT_GERMAN)
    assert found is not None and found.code == "de"
    assert found.letters < REFUSE_MIN_LETTERS and not confidently_not_english(found)


def test_an_english_article_quoting_german_at_length_stays_english() -> None:
    found = identify(ENGLISH_QUOTING_GERMAN)
    assert found is not None and found.is_english
    assert not confidently_not_english(found)


def test_a_text_half_german_half_english_is_too_mixed_to_refuse() -> None:
    found = identify(HALF_AND_HALF)
    assert found is None or found.confidence < REFUSE_MIN_CONFIDENCE
    assert not confidently_not_english(found)


@pytest.mark.parametrize("text", ["Yes.", "OK, 3-1.", "12 345 678 — 9.10.2024 — 11:45", "“” «» „“"])
def test_too_little_to_tell_is_none(text: str) -> None:
    assert identify(text) is None


@pytest.mark.parametrize(
    ("found", "refused"),
    [
        (DetectedLanguage("de", "German", REFUSE_MIN_CONFIDENCE, REFUSE_MIN_LETTERS), True),
        (DetectedLanguage("de", "German", REFUSE_MIN_CONFIDENCE - 0.01, 5000), False),  # mixed
        (DetectedLanguage("de", "German", 1.0, REFUSE_MIN_LETTERS - 1), False),  # short
        (DetectedLanguage("en", "English", 1.0, 5000), False),
        (None, False),
    ],
)
def test_only_a_sure_guess_on_enough_text_refuses(found: DetectedLanguage | None, refused: bool) -> None:
    assert confidently_not_english(found) is refused


def test_a_short_text_is_read_whole() -> None:
    text = "ab " * 500  # 1,500 characters: within SAMPLE_WINDOWS windows
    pieces = sample(text)
    assert "".join(pieces) == text
    assert len(pieces) == 4 and all(len(piece) <= WINDOW_CHARS for piece in pieces)


def test_a_long_text_is_sampled_from_its_start_to_its_end() -> None:
    text = "".join(f"{n:06d} " for n in range(20_000))  # 140,000 characters
    pieces = sample(text)
    assert len(pieces) == SAMPLE_WINDOWS and all(len(piece) == WINDOW_CHARS for piece in pieces)
    assert text.startswith(pieces[0]) and text.endswith(pieces[-1])
    assert text.index(pieces[1]) < text.index(pieces[2])


def test_every_language_it_can_find_has_a_name() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    labels = set(LanguageIdentifier.from_model_file(MODEL_FILE).labels)
    assert labels - language.NO_LANGUAGE <= set(language.NAMES)


def test_importing_the_module_loads_no_model() -> None:
    code = "import sys, service.intake.language as l; print(l.is_loaded(), 'py3langid' in sys.modules, 'numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


# --- through the API ---------------------------------------------------------------------


def test_a_german_article_is_refused_with_the_language_named(client: FlaskClient) -> None:
    response = client.post("/v1/quotes", json={"text": GERMAN_ARTICLE})
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    body = response.get_json()
    assert body["type"] == "/problems/unsupported-language"
    assert "German" in body["detail"] and "English" in body["detail"] and "any_language" in body["detail"]
    assert body["language"]["code"] == "de" and body["language"]["name"] == "German"


def test_a_french_article_sent_as_plain_text_is_refused(client: FlaskClient) -> None:
    response = client.post("/v1/quotes", data=FRENCH_ARTICLE.encode(), content_type="text/plain")
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    assert response.get_json()["language"]["name"] == "French"


@pytest.mark.parametrize("how", ["body", "query"])
def test_a_caller_who_insists_is_answered_with_the_language_found(client: FlaskClient, how: str) -> None:
    if how == "body":
        response = client.post("/v1/quotes", json={"text": GERMAN_ARTICLE, "any_language": True})
    else:
        response = client.post("/v1/quotes?any_language=true", data=GERMAN_ARTICLE.encode(), content_type="text/plain")
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert response.get_json()["language"]["code"] == "de"


def test_every_answer_reports_the_language(client: FlaskClient) -> None:
    english = client.post("/v1/quotes", json={"text": ENGLISH_ARTICLE}).get_json()
    assert english["language"]["code"] == "en" and english["language"]["name"] == "English"
    short = client.post("/v1/quotes", json={"text": SHORT_ENGLISH})
    assert_conforms(short, "POST", "/v1/quotes", status=200)
    assert short.get_json()["language"] is None or short.get_json()["language"]["code"] == "en"
    assert client.post("/v1/quotes", json={"text": "Yes."}).get_json()["language"] is None


@pytest.mark.parametrize(
    ("query", "body", "message"),
    [
        ("", {"any_language": 1}, "true or false"),
        ("", {"any_language": "yes"}, "true or false"),
        ("?any_language=maybe", {}, "true or false"),
        ("?any_language=false", {"any_language": True}, "both"),
    ],
)
def test_a_bad_any_language_is_422(client: FlaskClient, query: str, body: dict[str, object], message: str) -> None:
    response = client.post(f"/v1/quotes{query}", json={"text": ENGLISH_ARTICLE, **body})
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    [error] = response.get_json()["errors"]
    assert error["field"] == "any_language" and message in error["message"]


def test_a_batch_with_a_german_document_is_refused_whole_naming_it(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    analysed: list[int] = []
    extractor = client.application.extensions["quotes.engine"].extractor
    real = extractor.extract_many
    monkeypatch.setattr(extractor, "extract_many", lambda texts, **kw: analysed.append(len(texts)) or real(texts, **kw))
    documents = [{"id": "a", "text": ENGLISH_ARTICLE}, {"id": "b", "text": GERMAN_ARTICLE}]
    response = client.post("/v1/quotes/batch", json={"documents": documents})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=422)
    body = response.get_json()
    assert body["type"] == "/problems/unsupported-language" and "documents.1.text" in body["detail"]
    assert [e["field"] for e in body["errors"]] == ["documents.1.text"] and "German" in body["errors"][0]["message"]
    assert analysed == []  # validated whole: nothing was analysed


def test_a_batch_that_insists_reports_each_documents_language(client: FlaskClient) -> None:
    documents = [{"id": "a", "text": ENGLISH_ARTICLE}, {"id": "b", "text": FRENCH_ARTICLE}]
    response = client.post("/v1/quotes/batch", json={"documents": documents, "any_language": True})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=200)
    assert [d["language"]["code"] for d in response.get_json()["documents"]] == ["en", "fr"]
