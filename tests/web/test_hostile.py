"""Hostile texts through the app on the real model: each is answered, with exact offsets, as the contract says.

Runs of quotation marks, one enormous token, emoji, combining marks,
right-to-left scripts, zero-width characters, control characters, old Mac
and Windows line ends, every Unicode space, HTML pasted as text; and the
length limit, one character either side. Every text stays within the
100,000-character limit. How long each takes is the benchmark's business, not
these tests'.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.config import Settings
from tests.web.contract import assert_conforms
from tests.test_properties import json_spans, utf16_slice

pytestmark = pytest.mark.model

LIMIT = 100_000
QUOTE = "“We will not back down,” Ana Ruiz said."


@pytest.fixture(scope="module")
def real_client(real_app: Flask) -> FlaskClient:
    return real_app.test_client()


@pytest.fixture(scope="module")
def max_chars(real_app: Flask) -> int:
    settings: Settings = real_app.extensions["quotes.settings"]
    return settings.max_chars


def analysed(client: FlaskClient, text: str) -> dict[str, Any]:
    """The answer for ``text``: a 200 as the contract says, every span exactly the text it points at."""
    assert len(text) <= LIMIT
    response = client.post("/v1/quotes", json={"text": text})
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    answer: dict[str, Any] = response.get_json()
    for where, span in json_spans(answer):
        assert text[span["start"] : span["end"]] == span["text"], f"{where}: {span}"
    return answer


def found(answer: dict[str, Any]) -> list[tuple[str, int, str | None]]:
    """Each quote's text, start and speaker's name."""
    return [(q["text"], q["start"], q["speaker"] and q["speaker"]["name"]) for q in answer["quotes"]]


def at(text: str, quoted: str, speaker: str | None) -> tuple[str, int, str | None]:
    """What ``found`` gives for ``quoted``, the first time it stands in ``text``."""
    assert quoted in text
    return (quoted, text.index(quoted), speaker)


# --- quotation marks by the hundred thousand -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“" * LIMIT,
        "”" * LIMIT,
        '"' * LIMIT,
        "'" * LIMIT,
        "«»" * (LIMIT // 2),
        "”“" * (LIMIT // 2),
        "“”\"'‘’«»" * (LIMIT // 8),
    ],
    ids=["opening", "closing", "straight", "apostrophes", "guillemets", "closing-opening", "every-kind"],
)
def test_a_run_of_100000_quotation_marks_quotes_nothing(real_client: FlaskClient, text: str) -> None:
    """Marks with no words between them hold nothing to quote."""
    assert len(text) == LIMIT
    assert analysed(real_client, text)["quotes"] == []


def test_a_quote_in_a_sea_of_quotation_marks_is_found_where_it_is(real_client: FlaskClient) -> None:
    sea = '"' * 49_950
    text = f"{sea} {QUOTE} {sea}"
    assert found(analysed(real_client, text)) == [at(text, "We will not back down,", "Ana Ruiz")]


# --- one enormous token ---------------------------------------------------------------------


def test_one_token_of_100000_characters(real_client: FlaskClient) -> None:
    assert analysed(real_client, "a" * LIMIT)["quotes"] == []


def test_a_quote_of_one_enormous_token_keeps_all_of_it(real_client: FlaskClient) -> None:
    word = "a" * (LIMIT - 20)
    text = f"“{word},” she said."
    assert [(q["text"], q["start"]) for q in analysed(real_client, text)["quotes"]] == [(f"{word},", 1)]


def test_a_quote_beside_an_enormous_url(real_client: FlaskClient) -> None:
    text = f"{QUOTE} See https://example.org/{'a' * (LIMIT - 80)}"
    assert found(analysed(real_client, text)) == [at(text, "We will not back down,", "Ana Ruiz")]


# --- beyond the basic plane, combining, right to left, zero width -------------------------------------


def test_emoji_count_one_code_point_each_and_two_in_utf16(real_client: FlaskClient) -> None:
    text = "😀🇺🇳 " + QUOTE + " 👩‍👩‍👧 “🔥🔥 is all I will say,” she added. 🏳️‍🌈"
    answer = analysed(real_client, text)
    assert found(answer)[0] == at(text, "We will not back down,", "Ana Ruiz")
    assert found(answer)[1][:2] == at(text, "🔥🔥 is all I will say,", None)[:2]
    utf16 = real_client.post("/v1/quotes?offsets=utf16", json={"text": text})
    assert_conforms(utf16, "POST", "/v1/quotes", status=200)
    for where, span in json_spans(utf16.get_json()):
        assert utf16_slice(text, span["start"], span["end"]) == span["text"], f"{where}: {span}"


def test_combining_marks_are_kept_as_sent_not_normalised(real_client: FlaskClient) -> None:
    text = "“Cafe\u0301 prices are nai\u0308ve,” said Zoe\u0308 Ruiz. Z\u0351\u0352a\u0353l\u0354g\u0355o\u0301\u0301\u0301 text."
    answer = analysed(real_client, text)
    assert found(answer) == [at(text, "Cafe\u0301 prices are nai\u0308ve,", "Zoe\u0308 Ruiz")]
    assert answer["speakers"][0]["mentions"][0]["text"] == "Zoe\u0308 Ruiz"


def test_arabic_in_guillemets_and_english_beside_it(real_client: FlaskClient) -> None:
    text = "قال أحمد: «سنعيد بناء الجسر» يوم الاثنين. “We will rebuild,” Ahmed said."
    quotes = found(analysed(real_client, text))
    assert [q[:2] for q in quotes] == [at(text, "سنعيد بناء الجسر", None)[:2], at(text, "We will rebuild,", None)[:2]]
    assert quotes[1][2] == "Ahmed"


def test_hebrew_and_bidirectional_controls(real_client: FlaskClient) -> None:
    text = "השר אמר: ”אנחנו מוכנים“. \u2067“We are ready,”\u2069 the minister said. \u202eevil\u202c \u200f"
    quotes = found(analysed(real_client, text))
    assert at(text, "We are ready,", "minister") in quotes


def test_zero_width_characters_stay_inside_the_words_they_join(real_client: FlaskClient) -> None:
    text = "“👩\u200d👩\u200d👧 families come first,” said Ana\u200dRuiz. “We\u200b are\u200c ready\u2060,” she\ufeff added."
    answer = analysed(real_client, text)
    quotes = found(answer)
    # The name reads the joiner as nothing (as it shows); the mention points at the text as sent.
    assert quotes[0] == at(text, "👩\u200d👩\u200d👧 families come first,", "AnaRuiz")
    assert answer["quotes"][0]["speaker"]["mention"]["text"] == "Ana\u200dRuiz"
    assert quotes[1][:2] == at(text, "We\u200b are\u200c ready\u2060,", None)[:2]


# --- control characters and line ends ----------------------------------------------------------------

C0_AND_C1 = "".join(chr(c) for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)])


def test_nul_and_every_control_character(real_client: FlaskClient) -> None:
    text = f"{C0_AND_C1}“We\x00 will\x01 not\x1b back\x7f down,”\x00 Ana Ruiz said.{C0_AND_C1}\x00"
    assert at(text, "We\x00 will\x01 not\x1b back\x7f down,", None)[:2] in [q[:2] for q in found(analysed(real_client, text))]


def test_nul_bytes_in_a_plain_text_body(real_client: FlaskClient) -> None:
    text = "\x00" + QUOTE + "\x00\x00"
    response = real_client.post("/v1/quotes", data=text.encode(), content_type="text/plain; charset=utf-8")
    assert_conforms(response, "POST", "/v1/quotes", status=200)
    assert [(q["text"], q["start"]) for q in response.get_json()["quotes"]] == [at(text, "We will not back down,", None)[:2]]


@pytest.mark.parametrize("eol", ["\r\n", "\r", "\n\r"], ids=["crlf", "cr", "lfcr"])
def test_windows_and_old_mac_line_ends_count_as_sent(real_client: FlaskClient, eol: str) -> None:
    text = f"Officials met on Monday.{eol}{eol}“We are ready,” Ana Ruiz said.{eol}“We will not back down.{eol}{eol}“Not now, not ever,” she added.{eol}"
    answer = analysed(real_client, text)
    assert found(answer)[0] == at(text, "We are ready,", "Ana Ruiz")
    # The quote reopened in the next paragraph is one quote, its parts on either side of the line ends.
    reopened = answer["quotes"][1]
    assert reopened["text"] == f"We will not back down.{eol}{eol}“Not now, not ever,"
    assert [p["text"] for p in reopened["parts"]] == ["We will not back down.", "Not now, not ever,"]
    assert reopened["speaker"]["name"] == "Ana Ruiz"


def test_crlf_finds_what_lf_finds(real_client: FlaskClient) -> None:
    """A paragraph reopened with a new mark, in an article with Windows line ends."""
    lf = "“We will not back down.\n\n“Not now, not ever,” Ana Ruiz said.\n\nShe left."
    crlf = lf.replace("\n", "\r\n")
    with_lf, with_crlf = analysed(real_client, lf), analysed(real_client, crlf)
    assert [(q["text"].replace("\r\n", "\n"), q["rule"]) for q in with_crlf["quotes"]] == [
        (q["text"], q["rule"]) for q in with_lf["quotes"]
    ]


# --- every Unicode space -----------------------------------------------------------------------

HORIZONTAL_SPACES = ["\t", " ", "\u00a0", "\u1680", *map(chr, range(0x2000, 0x200B)), "\u202f", "\u205f", "\u3000"]
LINE_BREAKS = ["\n", "\x0b", "\x0c", "\r", "\x85", "\u2028", "\u2029"]
UNICODE_SPACES = HORIZONTAL_SPACES + LINE_BREAKS


def space_id(space: str) -> str:
    return f"U+{ord(space):04X}"


@pytest.mark.parametrize("space", UNICODE_SPACES, ids=space_id)
def test_every_unicode_space_around_a_quote(real_client: FlaskClient, space: str) -> None:
    text = f"{space}Officials met on Monday.{space}{space}“We are ready,”{space}Ana Ruiz said.{space}"
    quotes = found(analysed(real_client, text))
    assert [q[:2] for q in quotes] == [at(text, "We are ready,", None)[:2]]
    if space in HORIZONTAL_SPACES:
        assert quotes[0][2] == "Ana Ruiz"


@pytest.mark.parametrize("space", HORIZONTAL_SPACES, ids=space_id)
def test_every_horizontal_space_inside_a_quote_is_kept(real_client: FlaskClient, space: str) -> None:
    inside = space.join(["We", "will", "not", "back", "down,"])
    text = f"“{inside}” Ana Ruiz said."
    assert found(analysed(real_client, text)) == [at(text, inside, "Ana Ruiz")]


@pytest.mark.parametrize(
    "space",
    [pytest.param(s, id=space_id(s)) for s in HORIZONTAL_SPACES],
)
def test_a_reported_clause_is_trimmed_of_every_kind_of_space(real_client: FlaskClient, space: str) -> None:
    text = f"According to the port authority,{space}traffic fell by a third last year.{space}The mayor left."
    quotes = found(analysed(real_client, text))
    assert [q[0] for q in quotes] == ["traffic fell by a third last year"]


@pytest.mark.parametrize(
    "line_break",
    [pytest.param(s, id=space_id(s)) for s in LINE_BREAKS],
)
def test_a_reported_clause_ends_before_the_line_break_after_it(real_client: FlaskClient, line_break: str) -> None:
    text = f"According to the port authority, traffic fell by a third last year.{line_break}The mayor left."
    quotes = found(analysed(real_client, text))
    assert [q[0] for q in quotes] == ["traffic fell by a third last year"]


def test_a_text_of_only_unicode_spaces_is_refused(real_client: FlaskClient) -> None:
    response = real_client.post("/v1/quotes", json={"text": "".join(UNICODE_SPACES) * 3})
    assert_conforms(response, "POST", "/v1/quotes", status=422)
    assert [e["field"] for e in response.get_json()["errors"]] == ["text"]


# --- HTML pasted as text -------------------------------------------------------------------------


def test_html_markup_is_text_and_the_answer_is_json(real_client: FlaskClient) -> None:
    text = (
        '<p class="lede">&ldquo;Entities are not marks,&rdquo; <a href="/ruiz">Ana Ruiz</a> said.</p>\n'
        "<p>“We are <b>ready</b>,” Ana Ruiz said.</p>\n"
        '<script>alert("“x”")</script><!-- “a comment,” -->'
    )
    response = real_client.post("/v1/quotes", json={"text": text})
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    quotes = found(analysed(real_client, text))
    assert at(text, "We are <b>ready</b>,", None)[:2] in [q[:2] for q in quotes]
    assert not any("&ldquo;" in q[0] for q in quotes)


# --- the length limit, one character either side -------------------------------------------------------


def article_of(length: int) -> str:
    """Reporting with emoji and line ends, cut to exactly ``length`` code points (more in UTF-8 or UTF-16)."""
    paragraph = f"😀 Officials met on Monday. {QUOTE} “The bridge will reopen in May,” she added.\n\n"
    return (paragraph * (length // len(paragraph) + 1))[:length]


def test_a_text_of_exactly_the_limit_is_accepted(real_client: FlaskClient, max_chars: int) -> None:
    text = article_of(max_chars)
    assert len(text) == max_chars
    answer = analysed(real_client, text)
    assert len(answer["quotes"]) >= max_chars // 120
    assert answer["quotes"][-1]["end"] > max_chars - 120


def test_one_character_over_the_limit_is_413(real_client: FlaskClient, max_chars: int) -> None:
    response = real_client.post("/v1/quotes", json={"text": article_of(max_chars + 1)})
    assert_conforms(response, "POST", "/v1/quotes", status=413)
    assert "QUOTES_MAX_CHARS" in response.get_json()["detail"]


def test_a_batch_document_at_the_limit_is_accepted_and_one_over_is_413(real_client: FlaskClient, max_chars: int) -> None:
    at_limit = [{"id": "a", "text": "“" * (max_chars - 1) + "x"}]
    response = real_client.post("/v1/quotes/batch", json={"documents": at_limit})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=200)
    over = [{"id": "a", "text": "Hi."}, {"id": "b", "text": "“" * max_chars + "x"}]
    response = real_client.post("/v1/quotes/batch", json={"documents": over})
    assert_conforms(response, "POST", "/v1/quotes/batch", status=413)
    assert [e["field"] for e in response.get_json()["errors"]] == ["documents.1.text"]
