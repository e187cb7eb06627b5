"""The engine: finds the quotations in a news article and attributes them. Imports spaCy, never Flask.

The public API, for a service, a batch job or a notebook::

    from service.attribution import QuoteExtractor
    from service.nlp import default_model_name, load_pipeline

    extractor = QuoteExtractor(load_pipeline(default_model_name()))
    result = extractor.extract("“We are ready,” said Ana Ruiz, the mayor of Tellbridge.")
    for quote in result.quotes:
        print(quote.span.text, quote.speaker.name if quote.speaker else None)

``QuoteExtractor.extract`` and ``extract_many`` return ``Attribution``
values: frozen dataclasses of offsets and strings (``results``), each quote with
the ``Rule`` that attributed it (``rules``). ``README.md`` beside this file
gives the engine's layout: each module's one job and the way the data flows.

The results and rules import without spaCy (the Python client reads them);
``QuoteExtractor`` and ``DeadlineExceeded`` load the engine on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from service.attribution.results import Attribution, Pronoun, Quote, QuoteType, SourceFacts, Speaker, SpeakerEntry, SpeakerKind, Span, Timing
from service.attribution.rules import Rule

if TYPE_CHECKING:
    from service.attribution.pipeline import DeadlineExceeded, QuoteExtractor

__all__ = [
    "Attribution",
    "DeadlineExceeded",
    "Pronoun",
    "Quote",
    "QuoteExtractor",
    "QuoteType",
    "Rule",
    "Speaker",
    "SourceFacts",
    "SpeakerEntry",
    "SpeakerKind",
    "Span",
    "Timing",
]

_ENGINE = {"QuoteExtractor", "DeadlineExceeded"}


def __getattr__(name: str) -> Any:
    # The engine imports spaCy: only when it is asked for, so that the results
    # above stay importable where spaCy is not installed.
    if name in _ENGINE:
        from service.attribution import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
