"""A Python client for the quotes service, on requests.

::

    from service.client import QuotesClient

    with QuotesClient("http://127.0.0.1:8000") as client:
        result = client.extract("“We are ready,” said Ana Ruiz, the mayor of Tellbridge.")
        for quote in result.quotes:
            print(quote.span.text, quote.speaker.name if quote.speaker else None)

Answers are parsed into the engine's own frozen dataclasses
(``service.attribution``): the same ``Quote``, ``Speaker`` and
``SpeakerEntry`` a batch job gets from ``QuoteExtractor`` in-process. Every
error is a ``QuotesError`` carrying the service's problem details (RFC 9457);
a service that cannot be reached is a ``QuotesConnectionError``. A 503 (the
model still loading) and a connection that could not be made are retried
with exponential back-off, honouring ``Retry-After``; a connection lost
after the request was sent is not (the service may have done the work, or
be doing it still), nor is an answer that did not come in time.

Only requests and the dataclasses are imported: no Flask, no spaCy.
"""

from __future__ import annotations

import email.utils
import math
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from types import TracebackType
from typing import Any, Literal

import requests
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from service.attribution import Pronoun, Quote, QuoteType, Rule, SourceFacts, Span, Speaker, SpeakerEntry, SpeakerKind

DEFAULT_URL = "http://127.0.0.1:8000"
OffsetUnit = Literal["codepoints", "utf16"]
RETRIED_STATUSES = frozenset({503})
# A request that ran out of time on the server would run out of time again.
NOT_RETRIED_TYPES = frozenset({"/problems/timeout"})
# The service's default limits (QUOTES_BATCH_MAX_DOCUMENTS, QUOTES_BATCH_MAX_CHARS):
# a larger batch is sent in several requests.
BATCH_DOCUMENTS = 100
BATCH_CHARS = 1_000_000
TEXT_CHARS = 100_000
"""The service's longest text (QUOTES_MAX_CHARS): ``timeout`` is for that much; a batch gets as much per as many characters."""
MAX_RETRY_AFTER = 300.0
"""Seconds: a longer Retry-After is taken as this, so a client never waits unboundedly."""


class QuotesError(Exception):
    """The service answered with an error; the problem details it sent are kept.

    ``status`` is the HTTP status (None when no answer came), ``problem`` the
    whole problem body, ``title``, ``detail`` and ``errors`` (``[{field,
    message}]``) its fields.
    """

    def __init__(self, problem: Mapping[str, Any], status: int | None = None) -> None:
        self.problem: dict[str, Any] = dict(problem)
        self.status: int | None = status if status is not None else self.problem.get("status")
        self.type: str = str(self.problem.get("type") or "about:blank")
        self.title: str = str(self.problem.get("title") or "Error")
        self.detail: str = str(self.problem.get("detail") or "")
        self.errors: list[dict[str, str]] = list(self.problem.get("errors") or [])
        super().__init__(self._message())

    def _message(self) -> str:
        head = f"{self.status} {self.title}" if self.status is not None else self.title
        fields = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in self.errors)
        return ": ".join(part for part in (head, self.detail, fields) if part)


class QuotesConnectionError(QuotesError):
    """The service could not be reached, or did not answer in time."""

    def __init__(self, detail: str) -> None:
        super().__init__({"type": "about:blank", "title": "Service unreachable", "detail": detail})


@dataclass(frozen=True, slots=True)
class Model:
    """The spaCy pipeline that parsed the text."""

    name: str
    version: str


@dataclass(frozen=True, slots=True)
class Language:
    """The language the text appears to be in (``code`` "de", ``name`` "German", ``confidence`` 0 to 1)."""

    code: str
    name: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Result:
    """The quotes of one text, with the speakers they are attributed to.

    Offsets are in ``offsets`` units: ``codepoints`` (Python string indices,
    ``text[q.span.start:q.span.end] == q.span.text``) or ``utf16``.
    ``language`` is None when the text was too short or too mixed to tell.
    For an article sent as HTML, ``text`` is the text it shows, which the
    offsets count in (the JSON answer also has each span's offsets in the
    HTML); ``warnings`` are what the service said about how it read the article.
    """

    quotes: tuple[Quote, ...]
    speakers: tuple[SpeakerEntry, ...]
    offsets: str
    model: Model
    language: Language | None = None
    text: str | None = None
    warnings: tuple[str, ...] = ()


Document = tuple[str, str] | Mapping[str, str]
"""A batch document: an ``(id, text)`` pair or a ``{"id": ..., "text": ...}`` mapping."""


class QuotesClient:
    """Talks to one quotes service.

    ``retries`` is how many times a 503 or a connection that could not be made is tried again,
    waiting ``backoff`` seconds, then twice that, and so on (or what the
    service's ``Retry-After`` says). ``timeout`` bounds each request, in
    seconds (a batch's, as much again per 100,000 characters it holds, as the
    service's own time grows). ``session`` and ``sleep`` (``time.sleep`` by default) may be
    passed in (tests do); a session passed in is not closed by ``close``.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        api_key: str | None = None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        *,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        if retries < 0 or backoff < 0 or timeout <= 0:
            raise ValueError("retries and backoff must not be negative, and timeout must be positive")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep if sleep is not None else time.sleep
        self._owns_session = session is None
        self.session = session if session is not None else requests.Session()
        self._headers = {"Accept": "application/json, application/problem+json"}
        if api_key:
            self._headers["Authorization"] = f"Bearer {api_key}"

    def __enter__(self) -> QuotesClient:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections (only those of a session this client made)."""
        if self._owns_session:
            self.session.close()

    def extract(self, text: str, offsets: OffsetUnit = "codepoints", *, any_language: bool = False, html: bool = False) -> Result:
        """The quotes in one text (``POST /v1/quotes``); with ``html``, in an article's HTML.

        A text confidently not in English is refused (a ``QuotesError`` of type
        ``/problems/unsupported-language``) unless ``any_language``.
        """
        return parse_result(self.answer(text, offsets, any_language=any_language, html=html))

    def answer(self, article: str, offsets: OffsetUnit = "codepoints", *, any_language: bool = False, html: bool = False) -> dict[str, Any]:
        """The service's JSON answer for one article, as it sent it (``extract`` parses it)."""
        return self._post("/v1/quotes", {"html" if html else "text": article, "offsets": offsets, **_insisting(any_language)})

    def extract_batch(
        self,
        documents: Iterable[Document],
        offsets: OffsetUnit = "codepoints",
        *,
        max_documents: int = BATCH_DOCUMENTS,
        max_chars: int = BATCH_CHARS,
        any_language: bool = False,
    ) -> dict[str, Result]:
        """The quotes in several texts (``POST /v1/quotes/batch``), by id, in the order given.

        More documents or characters than one batch may hold (the service's
        default limits) are sent in several requests. Ids must be unique. A
        batch holding a text confidently not in English is refused whole
        unless ``any_language``.
        """
        pairs = [_pair(document) for document in documents]
        seen: set[str] = set()
        for doc_id, _ in pairs:
            if doc_id in seen:
                raise ValueError(f"document id {doc_id!r} is given twice; ids must be unique")
            seen.add(doc_id)
        results: dict[str, Result] = {}
        for chunk in _chunks(pairs, max_documents, max_chars):
            # The service gives a batch time in proportion to its size (per longest text): so does the client.
            scale = max(1.0, sum(len(text) for _, text in chunk) / TEXT_CHARS)
            body = self._post(
                "/v1/quotes/batch",
                {
                    "documents": [{"id": doc_id, "text": text} for doc_id, text in chunk],
                    "offsets": offsets,
                    **_insisting(any_language),
                },
                timeout=self.timeout * scale,
            )
            model = _model(body["model"])
            for document in body["documents"]:
                results[document["id"]] = _result(document, body["offsets"], model)
        return results

    def _post(self, path: str, payload: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        """POST JSON, retrying a 503 or a failed connection; the JSON answer, or a ``QuotesError``."""
        url = self.base_url + path
        timeout = timeout or self.timeout
        attempt = 0
        while True:
            try:
                with self.session.post(url, json=payload, headers=self._headers, timeout=timeout) as response:
                    if response.ok:
                        return _json_of(response)
                    error = _error_of(response)
                    wait = _retry_after(response.headers.get("Retry-After"))
            except requests.ConnectTimeout:
                error, wait = QuotesConnectionError(f"could not connect to {url} within {timeout:g} s"), None
            except requests.Timeout:
                # The service had the text and was working on it: asking again would only add to its load.
                raise QuotesConnectionError(f"no answer from {url} within {timeout:g} s") from None
            except requests.ConnectionError as exc:
                if not _never_sent(exc):
                    # The request may have reached the service: sending it again could do the work twice.
                    raise QuotesConnectionError(f"the connection to {url} was lost after the request was sent: {_reason(exc)}") from None
                error = QuotesConnectionError(f"could not connect to {url}: {_reason(exc)}")
                wait = None
            if attempt >= self.retries or not _retryable(error):
                raise error
            self._sleep(wait if wait is not None else self.backoff * 2**attempt)
            attempt += 1


def parse_result(body: Mapping[str, Any]) -> Result:
    """A ``QuoteResponse`` (the JSON of ``POST /v1/quotes``) as typed results."""
    return _result(body, body["offsets"], _model(body["model"]))


def _result(document: Mapping[str, Any], offsets: str, model: Model) -> Result:
    """One document's quotes and speakers (a response, or one of a batch's documents) as typed results."""
    return Result(
        quotes=tuple(_quote(q) for q in document["quotes"]),
        speakers=tuple(_speaker_entry(s) for s in document["speakers"]),
        offsets=offsets,
        model=model,
        language=_language(document.get("language")),
        text=document.get("text"),
        warnings=tuple(warning["message"] for warning in document.get("warnings") or ()),
    )


def _span(data: Mapping[str, Any]) -> Span:
    return Span(start=data["start"], end=data["end"], text=data["text"])


def _speaker(data: Mapping[str, Any] | None) -> Speaker | None:
    if data is None:
        return None
    return Speaker(
        id=data["id"],
        name=data["name"],
        mention=_span(data["mention"]),
        title=data["title"],
        affiliation=data["affiliation"],
        **_facts(data).facts(),
    )


def _facts(data: Mapping[str, Any]) -> SourceFacts:
    """What a speaker's JSON says of it beyond its name, title and affiliation (absent fields: none known)."""
    return SourceFacts(
        title_mention=_optional_span(data.get("title_mention")),
        affiliation_mention=_optional_span(data.get("affiliation_mention")),
        kind=_kind(data.get("kind")),
        anonymous=bool(data.get("anonymous", False)),
        anonymity=_optional_span(data.get("anonymity")),
        pronoun=_pronoun(data.get("pronoun")),
        pronoun_mention=_optional_span(data.get("pronoun_mention")),
    )


def _kind(value: str | None) -> SpeakerKind | None:
    return SpeakerKind(value) if value is not None else None


def _pronoun(value: str | None) -> Pronoun | None:
    return Pronoun(value) if value is not None else None


def _optional_span(data: Mapping[str, Any] | None) -> Span | None:
    return _span(data) if data is not None else None


def _quote(data: Mapping[str, Any]) -> Quote:
    return Quote(
        id=data["id"],
        span=_span(data),
        type=QuoteType(data["type"]),
        parts=tuple(_span(p) for p in data["parts"]),
        cue=_span(data["cue"]) if data["cue"] is not None else None,
        speaker=_speaker(data["speaker"]),
        rule=Rule.named(data["rule"]),
        confidence=data["confidence"],
    )


def _speaker_entry(data: Mapping[str, Any]) -> SpeakerEntry:
    return SpeakerEntry(
        id=data["id"],
        name=data["name"],
        title=data["title"],
        affiliation=data["affiliation"],
        mentions=tuple(_span(m) for m in data["mentions"]),
        quotes=tuple(data["quotes"]),
        **_facts(data).facts(),
    )


def _model(data: Mapping[str, Any]) -> Model:
    return Model(name=data["name"], version=data["version"])


def _language(data: Mapping[str, Any] | None) -> Language | None:
    if data is None:
        return None
    return Language(code=data["code"], name=data["name"], confidence=data["confidence"])


def _insisting(any_language: bool) -> dict[str, bool]:
    """The ``any_language`` field, sent only when asked for (a service before it would refuse the field)."""
    return {"any_language": True} if any_language else {}


def _pair(document: Document) -> tuple[str, str]:
    if isinstance(document, Mapping):
        return str(document["id"]), document["text"]
    doc_id, text = document
    return str(doc_id), text


def _chunks(pairs: list[tuple[str, str]], max_documents: int, max_chars: int) -> Iterator[list[tuple[str, str]]]:
    """Consecutive runs of documents, each within the batch limits (a single long text goes alone)."""
    chunk: list[tuple[str, str]] = []
    chars = 0
    for pair in pairs:
        if chunk and (len(chunk) == max_documents or chars + len(pair[1]) > max_chars):
            yield chunk
            chunk, chars = [], 0
        chunk.append(pair)
        chars += len(pair[1])
    if chunk:
        yield chunk


def _json_of(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise QuotesError(
            {"title": "Unexpected answer", "detail": f"{response.url} answered {response.status_code} without a JSON object"},
            status=response.status_code,
        )
    return body


def _error_of(response: requests.Response) -> QuotesError:
    """The problem details of an error answer; a body that is none is described in their shape."""
    problem: Any = None
    if "json" in response.headers.get("Content-Type", ""):
        try:
            problem = response.json()
        except ValueError:
            problem = None
    if not isinstance(problem, dict):
        problem = {
            "type": "about:blank",
            "title": response.reason or _phrase(response.status_code),
            "status": response.status_code,
            "detail": response.text[:200].strip(),
        }
    return QuotesError(problem, status=response.status_code)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _retryable(error: QuotesError) -> bool:
    if isinstance(error, QuotesConnectionError):
        return True
    return error.status in RETRIED_STATUSES and error.type not in NOT_RETRIED_TYPES


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return min(max(0.0, math.ceil(seconds)), MAX_RETRY_AFTER)


NEVER_SENT = (NewConnectionError, ConnectTimeoutError, ConnectionRefusedError, socket.gaierror)
"""Failures before a connection existed (refused, no such host, no answer to the handshake): the request never left."""


def _never_sent(exc: BaseException) -> bool:
    """Whether ``exc`` (a ``requests.ConnectionError``) failed before the request could be sent."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        cause = pending.pop()
        if id(cause) in seen:
            continue
        seen.add(id(cause))
        if isinstance(cause, NEVER_SENT):
            return True
        # requests wraps urllib3's MaxRetryError, which holds the failure as its ``reason``.
        pending.extend(c for c in (cause.__cause__, cause.__context__, getattr(cause, "reason", None), *cause.args) if isinstance(c, BaseException))
    return False


def _reason(exc: requests.ConnectionError) -> str:
    """Why a connection failed, in the operating system's words ("Connection refused") when it gave some."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    return str(exc)
