"""Properties of every answer, over generated articles: exact offsets, quotes in order and apart, the contract.

Hypothesis writes the texts: letters and spaces, every kind of line end and
quotation mark (“ ” " ‘ ’ ' '' « » „ ‹ ›), dashes, colons, emoji and other
astral characters, combining marks, control characters, and fragments of real
reporting ("“...,” she said.", "X said that ...", "According to X, ...").
The bulk runs on a blank pipeline (tokenizer only: quotation marks, no parse),
a smaller share on the real model (marked ``model``). Every test is
derandomized: the same texts on every run, so a failure is a change in the code.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from service.web.app import create_app
from service.attribution import Attribution, QuoteType, Span
from service.attribution.pipeline import QuoteExtractor
from tests.web.contract import assert_conforms

ROOT = Path(__file__).resolve().parent.parent

# --- the texts -----------------------------------------------------------------

QUOTATION_MARKS = ["“", "”", '"', "‘", "’", "'", "''", "``", "«", "»", "‹", "›", "„", "‚", "「", "」", "″"]
DASHES = ["-", "–", "—", "―", "--", "‐"]
PUNCTUATION = [":", ",", ".", ";", "?", "!", "…", "(", ")", "[", "]"]
SPACES = [" ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\u3000", "\u200b", "\u0085"]
ASTRAL = ["😀", "🇺🇳", "👩‍👩‍👧", "𝔘", "🏳️‍🌈", "👍🏽", "\U0001f600\U0001f600", "\U00020000"]
COMBINING = ["e\u0301", "\u0301", "a\u0308\u0308", "\u20dd", "n\u0303", "Z\u0351\u0352"]
CONTROL = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1c", "\x7f", "\x9f", "\ufeff", "\u200d", "\u200e", "\u202e"]
WORDS = [
    "said", "says", "told", "added", "according to", "he", "she", "they", "It", "The mayor", "Ana Ruiz", "Ruiz",
    "Tom Hale", "a spokesperson for Acme Corp", "reporters", "we", "will", "not", "back", "down", "the", "plan",
    "is", "ready", "Officials", "warned", "that", "on Monday", "asked", "wrote",
]  # fmt: skip
NAMES = ["Ana Ruiz", "Tom Hale", "Omar Haddad", "the minister", "he", "she", "Ruiz", "J. Doe", "Acme Corp"]
VERBS = ["said", "told reporters", "added", "warned", "wrote", "says", "asked", "continued"]
MARK_PAIRS = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("``", "''"), ("„", "“"), ("‹", "›")]
TEMPLATES = [
    "{o}{w},{c} {n} {v}.",
    "{o}{w},{c} {v} {n}.",
    "{n} {v}: {o}{w}.{c}",
    "{n} {v}, {o}{w}.{c}",
    "{n} {v} that {w}.",
    "According to {n}, {w}.",
    "{o}{w}{c} — {n}",
    "{n}: {o}{w}{c}",
    "{n} {v} the plan was {o}{w}{c}.",
    "{o}{w},{c} {n} {v}. {o}{w}.{c}",
    "{o}{w}\n\n{o}{w}.{c}",
    "{o}{w}",
    "{w}{c}",
]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def reporting(draw: st.DrawFn) -> str:
    """A fragment of reporting: a quotation and its frame, in one of many shapes and marks."""
    opening, closing = draw(st.sampled_from(MARK_PAIRS))
    return draw(st.sampled_from(TEMPLATES)).format(
        o=opening, c=closing, w=draw(words), n=draw(st.sampled_from(NAMES)), v=draw(st.sampled_from(VERBS))
    )


piece = st.one_of(
    st.sampled_from(QUOTATION_MARKS + DASHES + PUNCTUATION + SPACES + ASTRAL + COMBINING + CONTROL),
    st.sampled_from(WORDS),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=6),
    st.text(st.sampled_from("abcXYZ .,:\"'“”‘’«»—\n"), min_size=1, max_size=12),
)
articles = st.lists(st.one_of(reporting(), piece, piece), max_size=25).map("".join)
"""Any text, the empty one included (the engine takes it; the API refuses it)."""
sendable = articles.filter(str.strip)
"""What the API accepts: not empty or only spaces."""

BLANK = settings(derandomize=True, database=None, deadline=None, max_examples=600)
BLANK_HTTP = settings(BLANK, max_examples=250)
REAL = settings(BLANK, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
REAL_HTTP = settings(REAL, max_examples=100)


# --- pipelines and apps ------------------------------------------------------------


class FreshEdges:
    """spaCy's blank English tokenizer, with each Doc's tree edges set.

    A token split off by a special-case suffix (the "''" of "n''") keeps its
    left and right edges unset, and ``Token.children`` then reads out of bounds
    and kills the process (spaCy 3.8; ``test_blank_pipeline_survives_a_special_case_suffix``).
    A parser sets the edges; for a blank pipeline a copy of the Doc does.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return Doc.from_docs([self.tokenizer(text)])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def blank_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = FreshEdges(nlp.tokenizer)
    return nlp


@pytest.fixture(scope="module")
def blank_extractor() -> QuoteExtractor:
    return QuoteExtractor(blank_pipeline())


@pytest.fixture(scope="module")
def blank_client() -> FlaskClient:
    return create_app(nlp=blank_pipeline()).test_client()


@pytest.fixture(scope="module")
def real_extractor(real_nlp: Language) -> QuoteExtractor:
    return QuoteExtractor(real_nlp)


@pytest.fixture(scope="module")
def real_client(real_app: Flask) -> FlaskClient:
    return real_app.test_client()


# --- what every answer must satisfy ------------------------------------------------


def spans_of(result: Attribution) -> Iterator[tuple[str, Span]]:
    """Every span of a result, named by where it sits."""
    for quote in result.quotes:
        yield f"{quote.id}", quote.span
        for n, part in enumerate(quote.parts):
            yield f"{quote.id}.parts.{n}", part
        if quote.cue is not None:
            yield f"{quote.id}.cue", quote.cue
        if quote.speaker is not None:
            yield f"{quote.id}.speaker.mention", quote.speaker.mention
    for speaker in result.speakers:
        for n, mention in enumerate(speaker.mentions):
            yield f"{speaker.id}.mentions.{n}", mention


def json_spans(answer: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span of a JSON answer (one document's quotes and speakers)."""
    for quote in answer["quotes"]:
        yield quote["id"], quote
        for n, part in enumerate(quote["parts"]):
            yield f"{quote['id']}.parts.{n}", part
        if quote["cue"] is not None:
            yield f"{quote['id']}.cue", quote["cue"]
        if quote["speaker"] is not None:
            yield f"{quote['id']}.speaker.mention", quote["speaker"]["mention"]
    for speaker in answer["speakers"]:
        for n, mention in enumerate(speaker["mentions"]):
            yield f"{speaker['id']}.mentions.{n}", mention


def assert_exact(text: str, result: Attribution) -> None:
    for where, span in spans_of(result):
        assert 0 <= span.start <= span.end <= len(text), f"{where}: {span} is outside a text of {len(text)}"
        assert text[span.start : span.end] == span.text, f"{where}: {span} but the text there is {text[span.start : span.end]!r}"


def assert_references_resolve(result: Attribution) -> None:
    """Ids are numbered in order; each quote's speaker is listed, and lists the quote back."""
    assert [q.id for q in result.quotes] == [f"q{n}" for n in range(1, len(result.quotes) + 1)]
    assert [s.id for s in result.speakers] == [f"s{n}" for n in range(1, len(result.speakers) + 1)]
    entries = {s.id: s for s in result.speakers}
    for index, quote in enumerate(result.quotes):
        if quote.speaker is not None and quote.speaker.id is None:
            # A pronoun that stands for no one named: no name, and in no speaker's list.
            assert quote.speaker.name is None
            assert all(index not in entry.quotes for entry in result.speakers)
        elif quote.speaker is not None:
            entry = entries[quote.speaker.id]
            assert index in entry.quotes and entry.name == quote.speaker.name
            assert quote.speaker.mention in entry.mentions
    for entry in result.speakers:
        for index in entry.quotes:
            speaker = result.quotes[index].speaker
            assert speaker is not None and speaker.id == entry.id


def assert_in_order_and_apart(result: Attribution) -> None:
    """Quotes come in text order, and each ends before the next starts."""
    spans = [q.span for q in result.quotes]
    assert [s.start for s in spans] == sorted(s.start for s in spans), f"not in text order: {spans}"
    for first, second in zip(spans, spans[1:]):
        assert first.end <= second.start, f"{first} overlaps {second}"


def assert_parts_inside(result: Attribution) -> None:
    """A quote holds some text, its parts lie within it; a direct or mixed quote has parts, a reported one none."""
    for quote in result.quotes:
        assert quote.span.start < quote.span.end, f"{quote.id} is empty: {quote.span}"
        for part in quote.parts:
            assert quote.span.start <= part.start <= part.end <= quote.span.end, f"{quote.id}: {part} outside {quote.span}"
        assert bool(quote.parts) == (quote.type is not QuoteType.INDIRECT), f"{quote.id}: {quote.type} with {quote.parts}"


def assert_answer_exact(text: str, answer: dict[str, Any]) -> None:
    for where, span in json_spans(answer):
        assert text[span["start"] : span["end"]] == span["text"], f"{where}: {span}"


def utf16_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` as JavaScript does it."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


# --- the engine on a blank pipeline ------------------------------------------------------


@BLANK
@given(text=articles)
def test_every_span_is_the_text_it_points_at(blank_extractor: QuoteExtractor, text: str) -> None:
    result = blank_extractor.extract(text)
    assert_exact(text, result)
    assert_references_resolve(result)


@BLANK
@given(text=articles)
def test_quotes_come_in_text_order_and_do_not_overlap(blank_extractor: QuoteExtractor, text: str) -> None:
    result = blank_extractor.extract(text)
    assert_in_order_and_apart(result)
    assert_parts_inside(result)


def test_generated_texts_do_hold_quotes(blank_extractor: QuoteExtractor) -> None:
    """The properties above are not vacuous: the texts they run on hold quotes and astral characters."""
    texts: list[str] = []
    found: list[Attribution] = []

    @settings(BLANK, max_examples=300)
    @given(text=articles)
    def collect(text: str) -> None:
        texts.append(text)
        found.append(blank_extractor.extract(text))

    collect()
    assert sum(len(r.quotes) for r in found) >= 60
    assert sum(len(q.parts) for r in found for q in r.quotes) >= 60
    assert sum(any(ord(c) > 0xFFFF for c in text) for text in texts) >= 60
    assert sum("\n" in text or "\r" in text for text in texts) >= 60


# --- the HTTP answer on a blank pipeline --------------------------------------------------


@BLANK_HTTP
@given(text=sendable)
def test_every_answer_conforms_to_the_contract(blank_client: FlaskClient, text: str) -> None:
    response = blank_client.post("/v1/quotes", json={"text": text})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert_answer_exact(text, response.get_json())


@BLANK_HTTP
@given(text=sendable.filter(lambda text: not text.startswith("\ufeff")))
def test_a_plain_text_body_gives_the_same_answer(blank_client: FlaskClient, text: str) -> None:
    """The same text as JSON or as the body itself (a leading U+FEFF would be read as a byte order mark)."""
    as_json = blank_client.post("/v1/quotes", json={"text": text})
    as_text = blank_client.post("/v1/quotes", data=text.encode(), content_type="text/plain; charset=utf-8")
    assert_conforms(as_text, "POST", "/v1/quotes", status=200)
    assert as_text.get_json() == as_json.get_json()


@BLANK_HTTP
@given(text=sendable)
def test_utf16_offsets_index_the_text_as_javascript_does(blank_client: FlaskClient, text: str) -> None:
    response = blank_client.post("/v1/quotes?offsets=utf16", json={"text": text})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    for where, span in json_spans(response.get_json()):
        assert utf16_slice(text, span["start"], span["end"]) == span["text"], f"{where}: {span}"


@settings(BLANK, max_examples=60)
@given(texts=st.lists(sendable, min_size=1, max_size=4))
def test_a_batch_answers_each_document_as_if_sent_alone(blank_client: FlaskClient, texts: list[str]) -> None:
    documents = [{"id": f"d{n}", "text": text} for n, text in enumerate(texts)]
    response = blank_client.post("/v1/quotes/batch", json={"documents": documents})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=200)
    answers = response.get_json()["documents"]
    assert [a["id"] for a in answers] == [d["id"] for d in documents]
    for text, answer in zip(texts, answers):
        alone = blank_client.post("/v1/quotes", json={"text": text}).get_json()
        assert (answer["quotes"], answer["speakers"]) == (alone["quotes"], alone["speakers"])


# --- the real model ---------------------------------------------------------------------

NESTED_REPORT = "Ruiz said Hale told reporters the bridge would reopen."
"""Reported speech inside reported speech: Ruiz's quote holds Hale's."""
FRAGMENT_OVER_CLAUSE = "Ruiz wrote: 'that is.'"
"""A quoted fragment read as a mixed quote over a reported clause inside it."""
LOW_HIGH_MARKS = "Omar Haddad said, „Ruiz.“Z"
"""German-style marks: a mixed quote over the direct quote it contains."""
EMPTY_MIXED_QUOTE = "'That that,' added the minister."
"""A mixed quote with no text (start == end), its part outside it."""


@pytest.mark.model
@REAL
@given(text=articles)
def test_real_model_spans_are_the_text_they_point_at(real_extractor: QuoteExtractor, text: str) -> None:
    result = real_extractor.extract(text)
    assert_exact(text, result)
    assert_references_resolve(result)


@pytest.mark.model
@REAL
@example(text=NESTED_REPORT)
@example(text=FRAGMENT_OVER_CLAUSE)
@example(text=LOW_HIGH_MARKS)
@given(text=articles)
def test_real_model_quotes_come_in_order_and_do_not_overlap(real_extractor: QuoteExtractor, text: str) -> None:
    assert_in_order_and_apart(real_extractor.extract(text))


@pytest.mark.model
@REAL
@example(text=EMPTY_MIXED_QUOTE)
@given(text=articles)
def test_real_model_quotes_hold_text_and_their_parts(real_extractor: QuoteExtractor, text: str) -> None:
    assert_parts_inside(real_extractor.extract(text))


@pytest.mark.model
@REAL_HTTP
@given(text=sendable)
def test_real_model_answers_conform_to_the_contract(real_client: FlaskClient, text: str) -> None:
    response = real_client.post("/v1/quotes", json={"text": text})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert_answer_exact(text, response.get_json())
    utf16 = real_client.post("/v1/quotes", json={"text": text, "offsets": "utf16"})
    assert_conforms(utf16, "POST", "/v1/quotes", status=200)
    for where, span in json_spans(utf16.get_json()):
        assert utf16_slice(text, span["start"], span["end"]) == span["text"], f"{where}: {span}"


# --- a crash the generator found -------------------------------------------------------------

SPECIAL_CASE_SUFFIX = "n'' according"
""""''" is a tokenizer special case; split off as a suffix, its token's tree edges are never set."""


def test_blank_pipeline_survives_a_special_case_suffix() -> None:
    """Run in a child process: the failure is a segmentation fault, which would end the test run."""
    script = (
        "import spacy\n"
        "from service.attribution.pipeline import QuoteExtractor\n"
        f"print(len(QuoteExtractor(spacy.blank('en')).extract({SPECIAL_CASE_SUFFIX!r}).quotes))\n"
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert child.returncode == 0, f"exit status {child.returncode}: {child.stderr[-500:]}"
    assert child.stdout.strip() == "0"
