"""The Python client: against a real gunicorn, and on a fake transport for retries and failures.

The fake transport is a requests adapter mounted on the client's session: it
answers from a script of responses and exceptions and records what was sent.
Waiting is a recorded ``sleep``, so no test sleeps for real.
"""

from __future__ import annotations

import io
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.client import RemoteDisconnected
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError
from urllib3.response import HTTPResponse

from service.attribution import Pronoun, Quote, QuoteType, Speaker, SpeakerEntry, SpeakerKind, Span
from service.client import Language, Model, QuotesClient, QuotesConnectionError, QuotesError, Result
from tests.intake.languages import GERMAN_ARTICLE
from tests.web.servers import free_port, running_server

ARTICLE = (
    "“We are ready for the storm,” said Omar Haddad, a spokesman for the Coastal Guard Agency. "
    "“Every boat is back in port,” he added."
)
API_KEY = "test-key-0123456789abcdef"


# --- against the real service ----------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as base:
        yield base


@pytest.fixture
def client(server: str) -> Iterator[QuotesClient]:
    with QuotesClient(server, timeout=30) as made:
        yield made


@pytest.mark.server
@pytest.mark.model
def test_extract_gives_the_engines_dataclasses(client: QuotesClient) -> None:
    result = client.extract(ARTICLE)
    assert isinstance(result, Result)
    assert result.offsets == "codepoints"
    assert isinstance(result.model, Model) and result.model.name.startswith("en_core_web_sm")
    first, second = result.quotes
    assert isinstance(first, Quote) and first.type is QuoteType.DIRECT
    assert first.span == Span(1, 28, "We are ready for the storm,")
    assert ARTICLE[first.span.start : first.span.end] == first.span.text
    assert isinstance(first.speaker, Speaker)
    assert (first.speaker.name, first.speaker.title, first.speaker.affiliation) == (
        "Omar Haddad",
        "spokesman",
        "Coastal Guard Agency",
    )
    assert first.cue is not None and first.cue.text == "said"
    assert second.speaker is not None and second.speaker.mention.text == "he"
    (haddad,) = result.speakers
    assert isinstance(haddad, SpeakerEntry) and haddad.quotes == (0, 1)


@pytest.mark.server
@pytest.mark.model
def test_utf16_offsets_are_javascript_indices(client: QuotesClient) -> None:
    text = "🌊🌊 " + ARTICLE
    by_code_points = client.extract(text).quotes[0].span
    by_utf16 = client.extract(text, offsets="utf16")
    span = by_utf16.quotes[0].span
    assert by_utf16.offsets == "utf16"
    assert (span.start, span.end) == (by_code_points.start + 2, by_code_points.end + 2)
    assert text.encode("utf-16-le")[2 * span.start : 2 * span.end].decode("utf-16-le") == span.text


@pytest.mark.server
@pytest.mark.model
def test_batch_answers_by_id_in_the_order_given(client: QuotesClient) -> None:
    documents = [("b", ARTICLE), {"id": "a", "text": "Nothing was said."}, ("c", "“Go,” said Ana Ruiz.")]
    results = client.extract_batch(documents)
    assert list(results) == ["b", "a", "c"]
    assert [q.speaker.name for q in results["b"].quotes if q.speaker] == ["Omar Haddad", "Omar Haddad"]
    assert results["a"].quotes == ()
    assert results["c"].quotes[0].span.text == "Go,"
    # Sent in several requests, the answer is the same.
    assert client.extract_batch(documents, max_documents=1) == results


@pytest.mark.server
@pytest.mark.model
def test_an_invalid_text_raises_the_problem_details(client: QuotesClient) -> None:
    with pytest.raises(QuotesError) as caught:
        client.extract("   ")
    error = caught.value
    assert error.status == 422
    assert error.problem["type"] == "/problems/validation-failed"
    assert error.title == "Request fields are not valid"
    assert error.errors[0]["field"] == "text" and "empty" in error.errors[0]["message"]
    assert "422" in str(error) and "empty" in str(error)


@pytest.mark.server
@pytest.mark.model
def test_an_article_not_in_english_is_refused_unless_the_caller_insists(client: QuotesClient) -> None:
    with pytest.raises(QuotesError) as caught:
        client.extract(GERMAN_ARTICLE)
    assert caught.value.status == 422 and caught.value.type == "/problems/unsupported-language"
    assert "German" in caught.value.detail
    assert client.extract(GERMAN_ARTICLE, any_language=True).language == Language("de", "German", 1.0)
    assert client.extract(ARTICLE).language is not None and client.extract(ARTICLE).language.code == "en"  # type: ignore[union-attr]


@pytest.mark.server
@pytest.mark.model
def test_an_api_key_is_sent_as_a_bearer_token() -> None:
    with running_server(QUOTES_API_KEYS=API_KEY) as base:
        with QuotesClient(base) as anonymous, pytest.raises(QuotesError) as caught:
            anonymous.extract(ARTICLE)
        assert caught.value.status == 401 and caught.value.detail
        with QuotesClient(base, api_key=API_KEY) as keyed:
            assert len(keyed.extract(ARTICLE).quotes) == 2


def test_the_client_imports_neither_flask_nor_spacy() -> None:
    code = "import sys, service.client; print(sorted({m.split('.')[0] for m in sys.modules} & {'flask', 'spacy', 'marshmallow'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- on a fake transport ---------------------------------------------------------------

ANSWER = {
    "quotes": [
        {
            "id": "q1",
            "text": "Go,",
            "start": 1,
            "end": 4,
            "type": "direct",
            "parts": [{"text": "Go,", "start": 1, "end": 4}],
            "cue": {"text": "said", "start": 6, "end": 10},
            "speaker": {
                "id": "s1",
                "name": "Ana Ruiz",
                "mention": {"text": "Ana Ruiz", "start": 11, "end": 19},
                "title": None,
                "affiliation": None,
            },
            "rule": "frame_after",
            "confidence": 0.9,
        }
    ],
    "speakers": [
        {
            "id": "s1",
            "name": "Ana Ruiz",
            "title": None,
            "affiliation": None,
            "mentions": [{"text": "Ana Ruiz", "start": 11, "end": 19}],
            "quotes": [0],
        }
    ],
    "offsets": "codepoints",
    "model": {"name": "en_core_web_sm", "version": "3.8.0"},
}
NOT_READY = {
    "type": "/problems/not-ready",
    "title": "Service is not ready",
    "status": 503,
    "detail": "The spaCy pipeline 'en_core_web_sm' is still loading; retry shortly.",
    "instance": "/v1/quotes",
}


def answer(status: int, body: Any, content_type: str = "application/json", **headers: str) -> dict[str, Any]:
    data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
    return {"status": status, "body": data, "headers": {"Content-Type": content_type, **headers}}


def not_ready(**headers: str) -> dict[str, Any]:
    return answer(503, NOT_READY, "application/problem+json", **headers)


OK = answer(200, ANSWER)


class ScriptedAdapter(HTTPAdapter):
    """Answers each request with the next item of a script: a response (dict) or an exception to raise."""

    def __init__(self, script: list[Any]) -> None:
        super().__init__()
        self.script = list(script)
        self.sent: list[requests.PreparedRequest] = []
        self.timeouts: list[Any] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        self.sent.append(request)
        self.timeouts.append(kwargs.get("timeout"))
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        raw = HTTPResponse(
            body=io.BytesIO(item["body"]),
            headers=item["headers"],
            status=item["status"],
            preload_content=False,
            decode_content=False,
        )
        return self.build_response(request, raw)


class Fake:
    """A client on a scripted transport, and the waits it asked for."""

    def __init__(self, script: list[Any], **options: Any) -> None:
        self.adapter = ScriptedAdapter(script)
        self.session = requests.Session()
        self.session.mount("http://", self.adapter)
        self.sleeps: list[float] = []
        self.client = QuotesClient("http://quotes.test", session=self.session, sleep=self.sleeps.append, **options)

    def close(self) -> None:
        self.client.close()
        self.session.close()


@pytest.fixture
def fake() -> Iterator[Any]:
    made: list[Fake] = []

    def make(script: list[Any], **options: Any) -> Fake:
        made.append(Fake(script, **options))
        return made[-1]

    yield make
    for each in made:
        each.close()


def test_a_starting_service_is_retried_after_retry_after(fake: Any) -> None:
    f = fake([not_ready(**{"Retry-After": "7"}), OK])
    result = f.client.extract("“Go,” said Ana Ruiz.")
    assert f.sleeps == [7.0]
    assert result.quotes[0].speaker is not None and result.quotes[0].speaker.name == "Ana Ruiz"
    assert len(f.adapter.sent) == 2


def test_retry_after_may_be_an_http_date(fake: Any) -> None:
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    f = fake([not_ready(**{"Retry-After": when}), OK])
    f.client.extract("text")
    assert 28 <= f.sleeps[0] <= 31


def test_without_retry_after_the_wait_doubles(fake: Any) -> None:
    f = fake([not_ready(), not_ready(), not_ready(), OK], retries=3, backoff=0.5)
    f.client.extract("text")
    assert f.sleeps == [0.5, 1.0, 2.0]


def test_retries_end_in_the_last_problem(fake: Any) -> None:
    f = fake([not_ready(), not_ready(), not_ready()], retries=2, backoff=1)
    with pytest.raises(QuotesError) as caught:
        f.client.extract("text")
    assert caught.value.status == 503 and caught.value.problem == NOT_READY
    assert caught.value.detail == NOT_READY["detail"]
    assert f.sleeps == [1, 2]


def test_a_request_that_timed_out_on_the_server_is_not_retried(fake: Any) -> None:
    took_too_long = {"type": "/problems/timeout", "title": "Request took too long", "status": 503, "detail": "Split the text."}
    f = fake([answer(503, took_too_long, "application/problem+json")])
    with pytest.raises(QuotesError) as caught:
        f.client.extract("text")
    assert caught.value.type == "/problems/timeout" and f.sleeps == []


def test_client_errors_are_not_retried(fake: Any) -> None:
    invalid = {
        "type": "/problems/validation-failed",
        "title": "Request fields are not valid",
        "status": 422,
        "detail": "Some fields are not valid; see `errors`.",
        "errors": [{"field": "text", "message": "`text` is empty or only spaces: send the article's text."}],
    }
    f = fake([answer(422, invalid, "application/problem+json")])
    with pytest.raises(QuotesError) as caught:
        f.client.extract(" ")
    assert caught.value.errors == invalid["errors"]
    assert f.sleeps == []


def refused() -> requests.ConnectionError:
    """What requests raises when nothing listens: urllib3's failure to make the connection, inside."""
    return requests.ConnectionError(MaxRetryError(None, "/v1/quotes", NewConnectionError(None, "Connection refused")))  # type: ignore[arg-type]


def test_connection_failures_are_retried(fake: Any) -> None:
    f = fake([refused(), requests.ConnectTimeout("slow"), OK], backoff=0.25)
    assert f.client.extract("text").model == Model("en_core_web_sm", "3.8.0")
    assert f.sleeps == [0.25, 0.5]


def test_a_service_never_reached_is_a_connection_error(fake: Any) -> None:
    f = fake([refused() for _ in range(4)], retries=3)
    with pytest.raises(QuotesConnectionError) as caught:
        f.client.extract("text")
    assert isinstance(caught.value, QuotesError) and caught.value.status is None
    assert "could not connect to http://quotes.test/v1/quotes" in str(caught.value)
    assert len(f.sleeps) == 3


def test_a_real_refused_connection_says_so() -> None:
    sleeps: list[float] = []
    with QuotesClient(f"http://127.0.0.1:{free_port()}", retries=1, sleep=sleeps.append) as client:
        with pytest.raises(QuotesConnectionError, match="Connection refused"):
            client.extract("text")
    assert sleeps == [0.5]


def test_a_connection_lost_after_the_request_was_sent_is_not_retried(fake: Any) -> None:
    lost = requests.ConnectionError(ProtocolError("Connection aborted.", RemoteDisconnected("Remote end closed connection without response")))
    f = fake([lost, OK], retries=3)
    with pytest.raises(QuotesConnectionError, match="lost after the request was sent"):
        f.client.extract("text")
    assert f.sleeps == [] and len(f.adapter.sent) == 1


def test_a_server_that_drops_the_connection_gets_the_request_once() -> None:
    """A real socket that reads the request and closes: one request, not four."""
    received: list[bytes] = []
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(10)

        def drop() -> None:
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                with connection:
                    received.append(connection.recv(65536))

        thread = threading.Thread(target=drop, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        with QuotesClient(url, retries=3, sleep=lambda _: None) as client:
            with pytest.raises(QuotesConnectionError, match="lost after the request was sent"):
                client.extract("text")
        time.sleep(0.5)
    assert len(received) == 1 and received[0].startswith(b"POST /v1/quotes")


def test_an_answer_too_slow_is_not_retried(fake: Any) -> None:
    f = fake([requests.ReadTimeout("slow")], timeout=2.5)
    with pytest.raises(QuotesConnectionError, match="no answer .* within 2.5 s"):
        f.client.extract("text")
    assert f.sleeps == [] and f.adapter.timeouts == [2.5]


def test_the_api_key_goes_in_the_authorization_header(fake: Any) -> None:
    f = fake([OK], api_key=API_KEY)
    f.client.extract("text")
    sent = f.adapter.sent[0]
    assert sent.headers["Authorization"] == f"Bearer {API_KEY}"
    assert json.loads(sent.body or b"") == {"text": "text", "offsets": "codepoints"}


def test_an_error_without_problem_details_is_described_like_one(fake: Any) -> None:
    f = fake([answer(502, "<html>Bad gateway</html>", "text/html")], retries=0)
    with pytest.raises(QuotesError) as caught:
        f.client.extract("text")
    assert caught.value.status == 502 and caught.value.title == "Bad Gateway"
    assert "Bad gateway" in caught.value.detail


def batch_answer(ids: list[str]) -> dict[str, Any]:
    documents = [{"id": i, "quotes": [], "speakers": []} for i in ids]
    return answer(200, {"documents": documents, "offsets": "codepoints", "model": ANSWER["model"]})


def test_a_large_batch_is_sent_in_several_requests(fake: Any) -> None:
    f = fake([batch_answer(["1", "2"]), batch_answer(["3", "4"]), batch_answer(["5"])])
    results = f.client.extract_batch([(str(n), "text") for n in range(1, 6)], max_documents=2)
    assert list(results) == ["1", "2", "3", "4", "5"]
    sent = [[d["id"] for d in json.loads(r.body or b"")["documents"]] for r in f.adapter.sent]
    assert sent == [["1", "2"], ["3", "4"], ["5"]]


def test_a_batch_is_split_by_characters_too(fake: Any) -> None:
    f = fake([batch_answer(["a"]), batch_answer(["b", "c"])])
    f.client.extract_batch([("a", "x" * 8), ("b", "x" * 5), ("c", "x" * 5)], max_chars=10)
    assert len(f.adapter.sent) == 2


def test_a_large_batch_waits_longer_for_its_answer_as_the_service_gives_it_more_time(fake: Any) -> None:
    f = fake([batch_answer(["a", "b"]), OK], timeout=10)
    f.client.extract_batch([("a", "x" * 250_000), ("b", "x" * 150_000)])
    f.client.extract("text")
    assert f.adapter.timeouts == [40.0, 10]


def test_batch_ids_must_be_unique(fake: Any) -> None:
    f = fake([])
    with pytest.raises(ValueError, match="'a' is given twice"):
        f.client.extract_batch([("a", "one"), {"id": "a", "text": "two"}])
    assert f.adapter.sent == []


def test_the_language_found_is_read_into_the_result(fake: Any) -> None:
    german = {**ANSWER, "language": {"code": "de", "name": "German", "confidence": 0.98}}
    f = fake([answer(200, german), answer(200, {**ANSWER, "language": None})])
    assert f.client.extract("text").language == Language("de", "German", 0.98)
    assert f.client.extract("text").language is None


def test_any_language_is_sent_only_when_asked_for(fake: Any) -> None:
    f = fake([OK, OK, batch_answer(["a"])])
    f.client.extract("text")
    f.client.extract("text", any_language=True)
    f.client.extract_batch([("a", "text")], any_language=True)
    sent = [json.loads(r.body or b"") for r in f.adapter.sent]
    assert "any_language" not in sent[0] and sent[1]["any_language"] is True and sent[2]["any_language"] is True


def test_what_kind_of_source_a_speaker_is_is_read_into_the_result(fake: Any) -> None:
    unnamed = {
        "id": "s1",
        "name": "a banker",
        "mention": {"text": "a banker", "start": 11, "end": 19},
        "title": None,
        "affiliation": None,
        "kind": "unnamed_person",
        "anonymous": True,
        "anonymity": {"text": "who asked not to be named", "start": 21, "end": 46},
        "pronoun": "she",
        "pronoun_mention": {"text": "she", "start": 50, "end": 53},
    }
    body = {**ANSWER, "quotes": [{**ANSWER["quotes"][0], "speaker": unnamed}]}
    f = fake([answer(200, body), OK])
    (quote,) = f.client.extract("text").quotes
    assert quote.speaker is not None and quote.speaker.kind is SpeakerKind.UNNAMED_PERSON
    assert quote.speaker.anonymous is True and quote.speaker.anonymity == Span(21, 46, "who asked not to be named")
    assert quote.speaker.pronoun is Pronoun.SHE and quote.speaker.pronoun_mention == Span(50, 53, "she")
    # An answer from a service that predates the fields reads as no anonymity and no pronoun.
    (entry,) = f.client.extract("text").speakers
    assert (entry.anonymous, entry.anonymity, entry.pronoun, entry.pronoun_mention) == (False, None, None, None)
