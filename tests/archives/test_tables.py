"""The archives' tables (service/archives/tables.py): the Parquet schema follows the API's answer, and the flat table of quotes."""

from __future__ import annotations


import pyarrow as pa
import pytest
from marshmallow import Schema, fields

from service.attribution import Attribution, Pronoun, Quote, QuoteType, Speaker, SpeakerEntry, SpeakerKind, Span
from service.attribution.rules import Rule
from service.archives.errors import UsageError
from service.archives.rows import result_row
from service.archives.tables import FLAT_COLUMNS, FLAT_SCHEMA, arrow_type, check_keep, flat_rows, flat_schema, result_schema
from service.intake.door import Read
from service.intake.markup import render
from service.intake.problems import Problem, ProblemError
from service.nlp import ModelInfo
from tests.archives.archive import pruned

TEXT = "“Go,” said Ana Ruiz, the mayor. Critics said the plan was late. A clerk, who asked not to be named, said she left."
MODEL = ModelInfo("en_test", "1.0.0")


def span(text: str, after: int = 0) -> Span:
    start = TEXT.index(text, after)
    return Span.of(TEXT, start, start + len(text))


def attribution() -> Attribution:
    """Three quotes of TEXT by hand: one direct with its speaker, one reported with no one found, one of an
    unnamed source with the reason the article gives and the pronoun it uses."""
    ruiz, clerk, why, she = span("Ana Ruiz"), span("A clerk"), span("who asked not to be named"), span("she left")
    she = Span.of(TEXT, she.start, she.start + 3)
    anonymous = {"kind": SpeakerKind.UNNAMED_PERSON, "anonymous": True, "anonymity": why, "pronoun": Pronoun.SHE, "pronoun_mention": she}
    return Attribution(
        quotes=(
            Quote("q1", Span.of(TEXT, 1, 4), QuoteType.DIRECT, (Span.of(TEXT, 1, 4),), Span.of(TEXT, 6, 10),
                  Speaker("s1", "Ana Ruiz", ruiz, "mayor", None, kind=SpeakerKind.PERSON), Rule.FRAME_AFTER, 0.9),
            Quote("q2", Span.of(TEXT, 45, 63), QuoteType.INDIRECT, (), None, None, Rule.UNATTRIBUTED, 0.4),
            Quote("q3", span("she left"), QuoteType.INDIRECT, (), span("said", 64), Speaker("s2", "A clerk", clerk, None, None, **anonymous),
                  Rule.SUBJECT, 0.75),
        ),
        speakers=(
            SpeakerEntry("s1", "Ana Ruiz", "mayor", None, (ruiz,), (0,), kind=SpeakerKind.PERSON),
            SpeakerEntry("s2", "A clerk", None, None, (clerk,), (2,), **anonymous),
        ),
    )


def test_the_parquet_schema_has_every_field_of_the_answer_by_name_and_kind() -> None:
    schema = result_schema()
    assert schema.names == ["id", "quotes", "speakers", "language", "offsets", "model", "text", "warnings", "error"]
    quote = schema.field("quotes").type.value_type
    assert [quote.field(i).name for i in range(quote.num_fields)] == [
        "id", "text", "start", "end", "source", "type", "parts", "cue", "speaker", "rule", "confidence"
    ]
    assert quote.field("source").type.names == ["start", "end"]
    assert schema.field("warnings").type.value_type.names == ["code", "message"]
    assert quote.field("start").type == pa.int64() and quote.field("confidence").type == pa.float64()
    assert quote.field("speaker").type.field("mention").type.field("text").type == pa.string()
    assert schema.field("speakers").type.value_type.field("quotes").type == pa.list_(pa.int64())
    assert schema.field("error").type.names == ["type", "title", "detail"]


@pytest.mark.parametrize("error", [None, ProblemError(Problem.VALIDATION_FAILED, "text: `text` is empty or only spaces.")])
def test_a_row_goes_through_arrow_unchanged(error: ProblemError | None) -> None:
    row = result_row("a1", MODEL, None if error else attribution(), Read("text", TEXT), error)
    assert pruned(pa.Table.from_pylist([row], schema=result_schema()).to_pylist()) == [pruned(row)]


def test_an_html_articles_row_keeps_its_text_and_source_offsets_through_arrow() -> None:
    html = f"<p>“Go,” said <b>Ana Ruiz</b>, the mayor. {TEXT.split('mayor. ')[1]}</p>"
    rendered = render(html)
    assert rendered.text == TEXT
    row = result_row("a1", MODEL, attribution(), Read("html", TEXT, rendered))
    assert row["text"] == TEXT and row["quotes"][0]["source"] == {"start": 4, "end": 7}
    assert pruned(pa.Table.from_pylist([row], schema=result_schema()).to_pylist()) == [pruned(row)]
    [first, *_] = flat_rows(row)
    assert (first["start"], first["end"], first["source_start"], first["source_end"]) == (1, 4, 4, 7)


def test_a_field_with_no_arrow_type_is_said_so() -> None:
    with pytest.raises(TypeError, match="no Arrow type for a marshmallow Dict field"):
        arrow_type(fields.Dict())


def test_nested_lists_and_schemas_nest_in_arrow() -> None:
    class Inner(Schema):
        n = fields.Integer()

    assert arrow_type(fields.List(fields.Nested(Inner))) == pa.list_(pa.struct([pa.field("n", pa.int64())]))


def test_the_flat_table_has_a_row_per_quote_with_its_speaker() -> None:
    rows = flat_rows(result_row("a1", MODEL, attribution(), Read("text", TEXT)))
    clerk = span("she left")
    assert rows == [
        {"article_id": "a1", "quote_id": "q1", "text": "Go,", "start": 1, "end": 4, "source_start": None, "source_end": None,
         "type": "direct", "speaker": "Ana Ruiz", "title": "mayor", "affiliation": None, "kind": "person", "anonymous": False,
         "anonymity": None, "pronoun": None, "confidence": 0.9},
        {"article_id": "a1", "quote_id": "q2", "text": "the plan was late.", "start": 45, "end": 63, "source_start": None,
         "source_end": None, "type": "indirect", "speaker": None, "title": None, "affiliation": None, "kind": None, "anonymous": None,
         "anonymity": None, "pronoun": None, "confidence": 0.4},
        {"article_id": "a1", "quote_id": "q3", "text": "she left", "start": clerk.start, "end": clerk.end, "source_start": None,
         "source_end": None, "type": "indirect", "speaker": "A clerk", "title": None, "affiliation": None, "kind": "unnamed_person",
         "anonymous": True, "anonymity": "who asked not to be named", "pronoun": "she", "confidence": 0.75},
    ]
    assert list(rows[0]) == list(FLAT_COLUMNS) == FLAT_SCHEMA.names
    assert pa.Table.from_pylist(rows, schema=FLAT_SCHEMA).to_pylist() == rows


def test_a_failed_article_has_no_row_in_the_flat_table() -> None:
    assert flat_rows(result_row("a2", MODEL, error=ProblemError(Problem.PAYLOAD_TOO_LARGE, "long"))) == []


KEPT = {"outlet": "The Tellbridge Post", "date": None}


def test_kept_fields_follow_the_id_in_a_row_and_its_parquet_schema() -> None:
    row = result_row("a1", MODEL, attribution(), Read("text", TEXT), kept=KEPT)
    assert list(row)[:4] == ["id", "outlet", "date", "quotes"]
    schema = result_schema(("outlet", "date"))
    assert schema.names[:4] == ["id", "outlet", "date", "quotes"] and schema.field("date").type == pa.string()
    assert pruned(pa.Table.from_pylist([row], schema=schema).to_pylist()) == [pruned(row)]
    failed = result_row("a2", MODEL, error=ProblemError(Problem.PAYLOAD_TOO_LARGE, "long"), kept=KEPT)
    assert list(failed)[:3] == ["id", "outlet", "date"] and failed["error"]["type"] == "/problems/payload-too-large"


def test_kept_fields_follow_the_article_id_in_the_flat_table() -> None:
    row = result_row("a1", MODEL, attribution(), Read("text", TEXT), kept=KEPT)
    rows = flat_rows(row, ("outlet", "date"))
    assert [(r["article_id"], r["outlet"], r["date"], r["quote_id"]) for r in rows] == [("a1", "The Tellbridge Post", None, f"q{n}") for n in (1, 2, 3)]
    schema = flat_schema(("outlet", "date"))
    assert list(rows[0]) == schema.names == ["article_id", "outlet", "date", *FLAT_COLUMNS[1:]]
    assert pa.Table.from_pylist(rows, schema=schema).to_pylist() == rows


@pytest.mark.parametrize(
    ("keep", "flat", "message"),
    [
        (("outlet", "quotes"), False, "--keep quotes: each result row has a field `quotes` of its own"),
        (("title",), True, "--keep title: the flat table has a column `title` of its own"),
        (("id",), True, "--keep id: each result row has a field `id`"),
    ],
)
def test_a_kept_field_may_not_take_the_name_of_the_outputs_own(keep: tuple[str, ...], flat: bool, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        check_keep(keep, flat)


def test_a_headline_may_be_kept_where_no_column_has_its_name() -> None:
    assert check_keep(("title", "outlet", "title")) == ("title", "outlet")
