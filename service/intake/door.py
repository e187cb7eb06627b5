"""The one door: an article from any entry is read, checked and answered here.

The entries are the HTTP API (``service.web.routes``), ``quotes extract``
(``service.cli``), and ``quotes batch`` and the Spark job
(``service.archives.rows``). Each hands the door what it received, a
``Sent`` (the content, text or HTML, and the field it came in), and gets back
an ``Admitted`` article or a ``ProblemError`` of the one table
(``service.intake.problems``), so the same article gets the same answer, or
the same problem, whichever way it came in. The steps:

1. ``read``: bytes decoded (``service.intake.encoding``: UTF-8 for a text,
   HTML in the charset it declares); the content checked to be text at all
   (``text_problem``) and within ``max_chars`` (as sent, HTML counted with
   its tags); HTML turned into the text a browser shows
   (``service.intake.markup``), which must not be empty. A text is kept
   exactly as sent: markup found in it is said as a warning
   (``markup_warning``), never read as HTML, so that its offsets always
   count in the text as sent;
2. ``identify``: the language it is written in; ``language_refusal`` is the
   problem for one confidently not English (``admit`` does 1 and 2);
3. the engine runs: the entry's own business (one text, a batch, a deadline);
4. ``answer``: the engine's result shaped as the API answers it: offsets in
   the unit asked for; for HTML, the text shown and every span's ``source``
   in the HTML; the warnings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from marshmallow import Schema
from spacy.language import Language

from service.attribution import Attribution
from service.attribution.pipeline import QuoteExtractor
from service.intake import language
from service.intake.encoding import decode_html, decode_text
from service.intake.language import DetectedLanguage
from service.intake.markup import Rendered, in_source, markup_in, render
from service.intake.offsets import OffsetUnit, in_units
from service.intake.problems import Problem, ProblemError
from service.intake.schemas import LanguageSchema, QuoteResponseSchema

UNPAIRED_SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone half of a UTF-16 pair: JSON can carry one (``"\\ud800"``), Unicode text cannot."""
MARKUP_IN_TEXT = "markup-in-text"
"""The code of the warning that a text holds HTML markup, which was analysed as written."""
WARM_UP_TEXT = "“The model is warm,” Jane Doe, a spokesperson for Example Corp, said. She added that it was ready."


class Form(str, Enum):
    """How an article is written: plain text, analysed as sent, or HTML, analysed as a browser shows it."""

    TEXT = "text"
    HTML = "html"


@dataclass(frozen=True)
class Sent:
    """An article as an entry received it, before it is read.

    ``content`` is what the entry holds: a string, bytes to decode, or
    whatever else an archive's record had in its place (None, a number),
    which the door refuses. ``field`` names where it came
    from in every message (``text``, ``documents.2.html``, ``story.html``);
    ``charset`` is the one a transport declared for HTML bytes.
    """

    content: object
    form: Form = Form.TEXT
    field: str = "text"
    charset: str | None = None


@dataclass(frozen=True)
class Notice:
    """Something the answer should say about how the article was read (a JSON ``warnings`` item)."""

    code: str
    message: str


@dataclass(frozen=True)
class Read:
    """An article read: the text the engine analyses, how it was rendered (HTML), what to warn of."""

    field: str
    text: str
    rendered: Rendered | None = None
    warnings: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Admitted(Read):
    """An article read and checked, with the language it appears to be in."""

    language: DetectedLanguage | None = None


# --- 1. read -----------------------------------------------------------------------------


def noun(form: Form) -> str:
    return "text" if form is Form.TEXT else "HTML"


def _the_article(form: Form) -> str:
    return "the article" if form is Form.TEXT else "the article's HTML"


def null_message(field: str, form: Form) -> str:
    return f"`{field}` may not be null: send {_the_article(form)} as a string."


def not_a_string_message(field: str, form: Form) -> str:
    return f"`{field}` must be a string holding {_the_article(form)}."


def text_problem(value: object, field: str, form: Form = Form.TEXT) -> str | None:
    """Why ``value`` is no article to read (null, not a string, blank, not valid Unicode), or None."""
    if value is None:
        return null_message(field, form)
    if not isinstance(value, str):
        return not_a_string_message(field, form)
    if not value.strip():
        return f"`{field}` is empty or only spaces: send the article's {noun(form)}."
    surrogate = UNPAIRED_SURROGATE.search(value)
    if surrogate is not None:
        return (
            f"`{field}` holds an unpaired surrogate (U+{ord(surrogate.group()):04X}) at index {surrogate.start()}, "
            "which is not valid Unicode."
        )
    return None


def check_length(text: str, field: str, max_chars: int) -> None:
    """A ``/problems/payload-too-large`` when ``text`` (HTML as sent, tags and all) is over ``max_chars``."""
    if len(text) > max_chars:
        raise ProblemError(
            Problem.PAYLOAD_TOO_LARGE,
            f"`{field}` has {len(text)} characters; the limit is {max_chars} (QUOTES_MAX_CHARS). Split the text.",
            errors=[{"field": field, "message": f"longer than {max_chars} characters"}],
        )


def read(sent: Sent, max_chars: int) -> Read:
    """``sent`` decoded, checked to be text within ``max_chars``, and (HTML) rendered; or a ``ProblemError``."""
    content = decoded(sent)
    problem = text_problem(content, sent.field, sent.form)
    if problem is not None:
        raise ProblemError.on_field(Problem.VALIDATION_FAILED, sent.field, problem)
    assert isinstance(content, str)
    check_length(content, sent.field, max_chars)
    if sent.form is Form.TEXT:
        return Read(sent.field, content, warnings=markup_warning(content, sent.field))
    rendered = render(content)
    if not rendered.text.strip():
        raise ProblemError.on_field(
            Problem.VALIDATION_FAILED,
            sent.field,
            f"`{sent.field}` holds no text to read once its tags, comments and scripts are left out: send the article's body.",
        )
    return Read(sent.field, rendered.text, rendered)


def decoded(sent: Sent) -> object:
    """``sent``'s content, bytes decoded (UTF-8 for a text, HTML in the charset it declares); anything else as it is."""
    if not isinstance(sent.content, bytes):
        return sent.content
    if sent.form is Form.TEXT:
        return decode_text(sent.content, sent.field)
    return decode_html(sent.content, sent.charset, sent.field)


def markup_warning(text: str, field: str) -> tuple[Notice, ...]:
    """The warning for a text that holds HTML markup: analysed as written, never re-read as HTML."""
    found = markup_in(text)
    if found is None:
        return ()
    return (
        Notice(
            MARKUP_IN_TEXT,
            f"`{field}` holds HTML markup ({found.first!r} at {found.start}, {found.count} in all). It was analysed "
            "as written, markup and all, and every offset counts in it as sent; to have it read as a browser "
            "shows it, send it as HTML instead.",
        ),
    )


# --- 2. check the language ---------------------------------------------------------------


def identify(article: Read) -> Admitted:
    """``article`` with the language it appears to be in (``service.intake.language``)."""
    return Admitted(article.field, article.text, article.rendered, article.warnings, language.identify(article.text))


def refused(articles: list[Admitted]) -> list[Admitted]:
    """The articles confidently not in English."""
    return [article for article in articles if language.confidently_not_english(article.language)]


def language_refusal(articles: list[Admitted], insist: str, *, batch: bool = False) -> ProblemError:
    """The problem for an article confidently not in English, or for a batch holding some (refused whole).

    It names the language found and says that the service reads English;
    ``insist`` says how this entry analyses it anyway (``send `any_language: true```).
    """
    if not batch:
        [article] = articles
        found = article.language
        assert found is not None
        return ProblemError(
            Problem.UNSUPPORTED_LANGUAGE,
            f"The text appears to be {found.name} (confidence {found.confidence:.2f}); this service reads "
            f"English only, and would attribute its quotes wrongly. To analyse it anyway, {insist}.",
            members={"language": _language_schema.dump(found)},
        )
    found_in = [(a.field, a.language) for a in articles if a.language is not None]
    errors = [
        {"field": field, "message": f"appears to be {found.name} (confidence {found.confidence:.2f}), not English."}
        for field, found in found_in
    ]
    field, first = found_in[0]
    more = f" ({len(found_in) - 1} more in `errors`)" if len(found_in) > 1 else ""
    return ProblemError(
        Problem.UNSUPPORTED_LANGUAGE,
        f"{field} appears to be {first.name}{more}; this service reads English only. The batch is checked "
        f"whole, so nothing was analysed: leave such documents out, or {insist} to analyse them anyway.",
        errors=errors,
    )


_language_schema = LanguageSchema()


def admit(sent: Sent, max_chars: int, *, insist: str, any_language: bool = False) -> Admitted:
    """``sent`` read and checked, its language too (refused when confidently not English, unless ``any_language``)."""
    article = identify(read(sent, max_chars))
    if not any_language and refused([article]):
        raise language_refusal([article], insist)
    return article


# --- 4. shape the answer -----------------------------------------------------------------


def answer(
    result: Attribution,
    article: Read,
    unit: OffsetUnit = OffsetUnit.CODEPOINTS,
    schema: Schema | None = None,
    **more: Any,
) -> dict[str, Any]:
    """The engine's ``result`` for ``article`` as the API answers it (``schema``, by default ``QuoteResponseSchema``).

    Offsets are in ``unit``; ``more`` adds fields (``language``, ``model``,
    ``id``...). For an article read from HTML the answer holds the ``text``
    it shows, and every span's offsets in the HTML as its ``source``; the
    warnings, when there are any, are its ``warnings``.
    """
    schema = schema or _quote_response
    shown = in_units(result, article.text, unit)
    if article.rendered is not None:
        more["text"] = article.text
    if article.warnings:
        more["warnings"] = article.warnings
    body: dict[str, Any] = schema.dump({"quotes": shown.quotes, "speakers": shown.speakers, **more})
    if article.rendered is not None:
        source = in_units(in_source(result, article.rendered), article.rendered.source, unit)
        with_sources(body, schema.dump({"quotes": source.quotes, "speakers": source.speakers}))
    return body


_quote_response = QuoteResponseSchema()


def with_sources(shown: Any, source: Any) -> Any:
    """A dumped answer whose every span (each quote, part, cue and mention) gains ``source``.

    ``shown`` counts offsets in the text an HTML article shows, ``source`` is
    the same answer dumped with its offsets in the HTML (``markup.in_source``):
    each span of ``shown`` gets ``{"start", "end"}`` from its twin.
    """
    if isinstance(shown, dict):
        if "start" in shown and "end" in shown:
            shown["source"] = {"start": source["start"], "end": source["end"]}
        for key, theirs in source.items():
            if key in shown and isinstance(theirs, dict | list):
                with_sources(shown[key], theirs)
    elif isinstance(shown, list):
        for mine, theirs in zip(shown, source):
            with_sources(mine, theirs)
    return shown


# --- the engine behind the door ----------------------------------------------------------


def ready_engine(nlp: Language) -> QuoteExtractor:
    """The engine on ``nlp``, and this process's language classifier, loaded and warmed up: what every entry runs."""
    language.load()
    language.identify(WARM_UP_TEXT)
    extractor = QuoteExtractor(nlp)
    extractor.extract(WARM_UP_TEXT)
    return extractor
