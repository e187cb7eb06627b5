"""An archive's rows: each article through the door, the engine on a chunk at a time, one row per article.

``analyse`` is what ``quotes batch`` runs in each of its processes
(``service.archives.runner``) and the Spark job on each partition
(``service.archives.spark_job``), so both give, row for row, the API's answer
for each article (``service.intake.door.answer``, schema
``ArticleResultSchema``) with its ``id``, or its ``error``: the problem the
API would answer for the same article (``service.intake.problems``), as
``{type, title, detail}``. The fields ``--keep`` names follow the id
(``Record.kept``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from service.attribution import Attribution
from service.attribution.pipeline import DEFAULT_BATCH_SIZE, QuoteExtractor
from service.archives.readers import Record
from service.intake import door
from service.intake.door import Admitted
from service.intake.language import DetectedLanguage
from service.intake.offsets import OffsetUnit
from service.intake.problems import ProblemError
from service.intake.schemas import ArticleResultSchema
from service.nlp import ModelInfo, model_info

CHUNK_ARTICLES = DEFAULT_BATCH_SIZE
"""Articles handed to a process at a time: one batch of the engine's parse."""
CHUNK_CHARS = 100_000
"""...and at most this many characters (one article of the longest allowed alone), so that a chunk
of long articles takes about as long as one of short ones, and the processes finish together."""
INSIST = "run with --any-language"
"""How ``quotes batch`` and the Spark job are told to analyse an article not in English anyway."""

_result_schema = ArticleResultSchema()


def error_of(problem: ProblemError) -> dict[str, str]:
    """A problem as an article's ``error``: ``type``, ``title`` and ``detail``, as the API gives them."""
    return {"type": problem.problem.type, "title": problem.problem.title, "detail": problem.detail}


def result_row(
    article_id: str,
    model: ModelInfo,
    attribution: Attribution | None = None,
    article: door.Read | None = None,
    error: ProblemError | None = None,
    language: DetectedLanguage | None = None,
    kept: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """One article's row: its id, the fields kept from the input, the API's answer for it (the same schema, by
    the door), and ``error``."""
    more = {"id": article_id, "language": language, "offsets": OffsetUnit.CODEPOINTS, "model": model}
    if attribution is not None and article is not None:
        row = door.answer(attribution, article, OffsetUnit.CODEPOINTS, _result_schema, **more, error=None)
    else:
        row = _result_schema.dump({**more, "quotes": None, "speakers": None, "error": error_of(error) if error is not None else None})
    # The id first (a journal's line is resumed by it), then what was kept beside it.
    return {"id": row["id"], **kept, **row} if kept else row


def admit(record: Record, max_chars: int, any_language: bool) -> tuple[Admitted | None, ProblemError | None]:
    """A record through the door: the article admitted, or the problem (with the article when it is its language)."""
    if record.unreadable is not None:
        return None, record.unreadable
    try:
        article = door.identify(door.read(record.sent, max_chars))
    except ProblemError as problem:
        return None, problem
    if not any_language and door.refused([article]):
        return article, door.language_refusal([article], INSIST)
    return article, None


def analyse(
    extractor: QuoteExtractor, records: Sequence[Record], max_chars: int, any_language: bool = False
) -> list[dict[str, Any]]:
    """Each record's row, in order: its problem, or the engine's answer for its article.

    The articles admitted go to ``extractor.extract_many`` together, so a
    chunk of records is parsed as one batch.
    """
    admitted = [admit(record, max_chars, any_language) for record in records]
    texts = [article.text for article, problem in admitted if article is not None and problem is None]
    results = iter(extractor.extract_many(texts) if texts else [])
    model = model_info(extractor.nlp)
    return [
        result_row(record.id, model, error=problem, language=article.language if article else None, kept=record.kept)
        if problem is not None or article is None
        else result_row(record.id, model, next(results), article, language=article.language, kept=record.kept)
        for record, (article, problem) in zip(records, admitted)
    ]


def chunked(records: Iterable[Record], max_articles: int = CHUNK_ARTICLES, max_chars: int = CHUNK_CHARS) -> Iterator[list[Record]]:
    """``records`` in order, in chunks of at most ``max_articles`` and about ``max_chars`` characters."""
    chunk: list[Record] = []
    size = 0
    for record in records:
        if chunk and (len(chunk) == max_articles or size + record.size > max_chars):
            yield chunk
            chunk, size = [], 0
        chunk.append(record)
        size += record.size
    if chunk:
        yield chunk
