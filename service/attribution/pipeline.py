"""The engine: text in, attributed quotes out. Runs the stages in order.

1. parse (spaCy, inside a memory zone so each request's strings are freed);
2. ``marks``: pair the quotation marks (inside ``Article``);
3. ``quotes``: find direct, mixed and reported quotations with cue and speaker;
4. ``entities``: resolve each speaker to one entity, canonical name first;
5. ``affiliations``: titles and organisations (asked by ``entities``);
6. copy everything into frozen results (``model``).

Usable without Flask: ``QuoteExtractor(spacy.load(...)).extract(text)``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from service.attribution.marks import PARAGRAPH_BREAK

from service.attribution.article import Article
from service.attribution.entities import Cast, Entity
from service.attribution.lexicon import RULE_CONFIDENCE, UNRESOLVED_PRONOUN_FACTOR
from service.attribution.model import Attribution, Quote, Speaker, SpeakerEntry, Span, Timing
from service.attribution.normalise import Normalised
from service.attribution.quotes import Found, find_quotes
from service.attribution.tagging import replace_tagging
from service.attribution.tokenizer import LinearTokenizer

DEFAULT_BATCH_SIZE = 16
CHUNK_CHARS = 10_000
"""Texts longer than this are parsed in pieces: the parser's and the entity
recognizer's working memory grows with the length of what they are given (a
100,000-character text took 490 MB at once, a tenth of that in pieces)."""
GROUP_CHARS = 20_000
"""Each pipeline component takes at most this many characters at once: its
working memory is that of one group, whatever the batch or the text."""
MAX_CHUNK_FACTOR = 2
"""How far past ``CHUNK_CHARS`` a piece may run looking for a line break."""
PARAGRAPH_BREAKS = "quotes_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so that no sentence, and no parse, spans two paragraphs.

    A headline without a full stop is otherwise read as the subject of the
    paragraph below it. The parser keeps sentence starts set before it runs.
    """
    starts = doc.to_array([SENT_START])
    for token in doc[:-1]:
        if token.is_space and PARAGRAPH_BREAK.search(token.text):
            starts[token.i + 1] = 1
    # Set in one go: assigning token.is_sent_start one token at a time re-checks
    # the whole doc each time, quadratic in the number of line breaks.
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]
    return doc


def attribute(article: Article) -> Attribution:
    """Find and attribute every quotation of a parsed article."""
    found = find_quotes(article)
    cast = Cast(article)
    # Speakers are resolved in the order they are named, so that a pronoun
    # finds the speakers named before it.
    resolved: dict[int, tuple[Entity, Span]] = {}
    for k in sorted(range(len(found)), key=lambda k: _speaker_position(found[k])):
        head = found[k].speaker
        if head is not None:
            resolved[k] = cast.resolve(head)
    cast.gather_mentions()
    return _results(article, found, resolved)


def _speaker_position(found: Found) -> int:
    return found.speaker.idx if found.speaker is not None else found.start


def _results(article: Article, found: list[Found], resolved: dict[int, tuple[Entity, Span]]) -> Attribution:
    # Speakers are numbered in the order their quotes first name them.
    first: dict[int, tuple[int, Entity]] = {}
    for entity, mention in resolved.values():
        if id(entity) not in first or mention.start < first[id(entity)][0]:
            first[id(entity)] = (mention.start, entity)
    order = [entity for _, entity in sorted(first.values(), key=lambda pair: pair[0])]
    ids = {id(entity): f"s{n}" for n, entity in enumerate(order, 1)}
    quotes_of: dict[str, list[int]] = {}
    quotes = []
    for n, item in enumerate(found):
        speaker = None
        confidence = RULE_CONFIDENCE.get(item.rule, RULE_CONFIDENCE["default"])
        if n in resolved:
            entity, mention = resolved[n]
            speaker = Speaker(ids[id(entity)], entity.name, mention, entity.title, entity.affiliation)
            quotes_of.setdefault(speaker.id, []).append(n)
            if entity.name.lower() == mention.text.lower() and article.doc[article.token_at(mention.start)].tag_ == "PRP":
                confidence *= UNRESOLVED_PRONOUN_FACTOR
        cue = article.tokens_span(item.cue) if item.cue else None
        quotes.append(
            Quote(
                id=f"q{n + 1}",
                span=article.span(item.start, item.end),
                type=item.type,
                parts=tuple(article.span(s, e) for s, e in item.parts),
                cue=cue,
                speaker=speaker,
                rule=item.rule,
                confidence=round(confidence, 2),
            )
        )
    speakers = tuple(
        SpeakerEntry(
            id=ids[id(entity)],
            name=entity.name,
            title=entity.title,
            affiliation=entity.affiliation,
            mentions=tuple(entity.mentions),
            quotes=tuple(quotes_of[ids[id(entity)]]),
        )
        for entity in order
    )
    return Attribution(tuple(quotes), speakers)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of about ``size`` characters, each ending at a line break.

    A piece runs past ``size`` to the next line break; only a text with no line
    break for ``MAX_CHUNK_FACTOR`` times ``size`` is cut at a space, and one
    with no space either, anywhere (it is no prose). The pieces join back to
    ``text`` exactly.
    """
    out = []
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start + size, min(len(text), start + size * MAX_CHUNK_FACTOR))
        out.append(text[start:cut])
        start = cut
    if start < len(text) or not out:
        out.append(text[start:])
    return out


def _groups(docs: list[Doc], budget: int = GROUP_CHARS) -> Iterator[list[Doc]]:
    """``docs`` in order, in groups of at most ``budget`` characters (a longer doc alone)."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        if group and size + len(doc.text) > budget:
            yield group
            group, size = [], 0
        group.append(doc)
        size += len(doc.text)
    if group:
        yield group


def _cut(text: str, earliest: int, latest: int) -> int:
    """Where to end a piece: after the first line break from ``earliest``, else a space, else ``latest``."""
    match = PARAGRAPH_BREAK.search(text, earliest, latest)
    if match is not None:
        return match.end()
    if latest == len(text):
        return latest  # the rest is short enough to be one piece
    space = text.rfind(" ", earliest, latest)
    return space + 1 if space >= 0 else latest


class DeadlineExceeded(Exception):
    """The work was stopped because its deadline passed."""


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise DeadlineExceeded()


class QuoteExtractor:
    """A loaded spaCy pipeline and the rules around it.

    The pipeline gains one component of ours, ``paragraph_breaks``, at its
    head, and its tokenizer is wrapped to stay linear on hostile text
    (``tokenizer.LinearTokenizer``). One instance per process; ``extract`` is
    safe to call from several threads (calls take turns: the parse is
    CPU-bound and spaCy's memory zones are not meant to interleave).

    A ``deadline`` (a ``time.monotonic()`` value) stops the work with
    ``DeadlineExceeded`` at the next check: between pipeline components and
    between texts. A single component on one text is never interrupted, so the
    overrun is at most one component's time on one batch.
    """

    def __init__(self, nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if PARAGRAPH_BREAKS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
        if not isinstance(nlp.tokenizer, LinearTokenizer):
            nlp.tokenizer = LinearTokenizer(nlp.tokenizer, nlp.vocab)
        self.nlp = nlp
        self.steps, self.lemmas = replace_tagging(nlp)
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def extract(self, text: str, deadline: float | None = None) -> Attribution:
        """Attribute every quotation in ``text``."""
        return self.extract_many([text], deadline)[0]

    def extract_many(self, texts: Sequence[str], deadline: float | None = None) -> list[Attribution]:
        """Attribute the quotations of several texts, parsed together in batches."""
        results: list[Attribution] = []
        with self._lock, self.nlp.memory_zone():
            normal = [Normalised.of(text) for text in texts]  # parsed normalised, answered in the text as sent
            for (doc, parse_seconds), sent in zip(self._parse([n.text for n in normal], deadline), normal):
                _check(deadline)
                started = time.perf_counter()
                result = attribute(Article(doc))
                timing = Timing(parse=parse_seconds, attribution=time.perf_counter() - started)
                results.append(sent.restore(replace(result, timing=timing)))
            if self.lemmas is not None:
                self.lemmas.trim()
        return results

    def _parse(self, texts: Sequence[str], deadline: float | None) -> Iterator[tuple[Doc, float]]:
        """Parsed texts with each one's share of its batch's parse time.

        What ``nlp.pipe`` does, one component at a time over a batch, so that
        the deadline can be checked in between. A long text is parsed in
        pieces that end at paragraph breaks (``chunks``) and put back together:
        sentences never cross a paragraph break (``paragraph_breaks``), so the
        parse is the same, and the parser's memory stays that of one piece.
        """
        for first in range(0, len(texts), self.batch_size):
            started = time.perf_counter()
            batch = texts[first : first + self.batch_size]
            pieces = [chunks(text) for text in batch]
            docs = [self.nlp.make_doc(piece) for text_pieces in pieces for piece in text_pieces]
            for _, component in self.steps:
                _check(deadline)
                if hasattr(component, "pipe"):
                    docs = [done for group in _groups(docs) for done in component.pipe(group, batch_size=len(group))]
                else:
                    docs = [component(doc) for doc in docs]
            share = (time.perf_counter() - started) / len(batch)
            at = 0
            for text_pieces in pieces:
                parts, at = docs[at : at + len(text_pieces)], at + len(text_pieces)
                doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                yield (self.lemmas.attach(doc) if self.lemmas else doc), share
