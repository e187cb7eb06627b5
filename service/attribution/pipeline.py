"""The engine: text in, attributed quotes out. Runs the stages in order, and nothing else.

1. ``normalise``: typographic spaces read as spaces, invisible characters
   dropped, with a map back to the text as sent;
2. ``parsing``: parse the texts in batches (spaCy, inside a memory zone so
   each request's strings are freed);
3. ``article``: pair the quotation marks (``marks``) and index the parse;
4. ``quotes``: find direct, mixed and reported quotations with cue and speaker;
5. ``resolution``: resolve each speaker to one entity, in the order they are
   named, with titles and organisations from ``resolution.descriptions``;
6. ``assembly``: copy everything into frozen ``results``, mapped back
   to the text as sent.

Usable without Flask: ``QuoteExtractor(spacy.load(...)).extract(text)``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language

from service.attribution.article import Article
from service.attribution.assembly import assemble
from service.attribution.normalise import Normalised
from service.attribution.parsing import DEFAULT_BATCH_SIZE, DeadlineExceeded, Parser, check_deadline
from service.attribution.quotes import Found, find_quotes
from service.attribution.quotes.spans import in_first_person
from service.attribution.resolution.resolver import Resolver
from service.attribution.resolution.values import Resolution
from service.attribution.results import Attribution, Timing
from service.nlp import memory_zone

__all__ = ["DEFAULT_BATCH_SIZE", "DeadlineExceeded", "QuoteExtractor", "attribute"]


def attribute(article: Article) -> Attribution:
    """Find and attribute every quotation of a parsed article."""
    found = find_quotes(article)
    resolver = Resolver(article)
    # Speakers are resolved in the order they are named, so that a pronoun
    # finds the speakers named before it.
    resolutions: dict[int, Resolution] = {}
    for k in sorted(range(len(found)), key=lambda k: _speaker_position(found[k])):
        head = found[k].speaker
        if head is not None:
            resolutions[k] = resolver.resolve(head, in_first_person(article, found[k].quoted))
    resolver.gather_mentions()
    return assemble(article, found, resolutions, resolver.known)


def _speaker_position(found: Found) -> int:
    return found.speaker.idx if found.speaker is not None else found.start


class QuoteExtractor:
    """A loaded spaCy pipeline and the rules around it.

    The pipeline is made ready for the engine by ``parsing.Parser`` (a
    component of ours at its head, a tokenizer kept linear on hostile text).
    One instance per process; ``extract`` is safe to call from several
    threads (calls take turns: the parse is CPU-bound and spaCy's memory zones
    are not meant to interleave).

    A ``deadline`` (a ``time.monotonic()`` value) stops the work with
    ``DeadlineExceeded`` at the next check: between pipeline components and
    between texts. A single component on one text is never interrupted, so the
    overrun is at most one component's time on one batch.
    """

    def __init__(self, nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        self.parser = Parser(nlp, batch_size)
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, as the engine runs it."""
        return self.parser.nlp

    def extract(self, text: str, deadline: float | None = None) -> Attribution:
        """Attribute every quotation in ``text``."""
        return self.extract_many([text], deadline)[0]

    def extract_many(self, texts: Sequence[str], deadline: float | None = None) -> list[Attribution]:
        """Attribute the quotations of several texts, parsed together in batches."""
        results: list[Attribution] = []
        with self._lock, memory_zone(self.nlp):
            # Parsed as normalised text (``normalise``), answered in the text as sent.
            normal = [Normalised.of(text) for text in texts]
            for (doc, parse_seconds), sent in zip(self.parser.parse([n.text for n in normal], deadline), normal):
                check_deadline(deadline)
                started = time.perf_counter()
                result = attribute(Article(doc))
                timing = Timing(parse=parse_seconds, attribution=time.perf_counter() - started)
                results.append(sent.restore(replace(result, timing=timing)))
            self.parser.tidy()
        return results
