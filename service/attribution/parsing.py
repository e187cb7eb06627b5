"""The parse: a loaded spaCy pipeline made ready for the engine, run over texts in batches.

- ``paragraph_breaks``, a component of ours at the pipeline's head, starts a
  sentence after every line break, so that no parse spans two paragraphs;
- the tokenizer is wrapped to stay linear on hostile text (``tokenizer``);
- spaCy's attribute ruler and lemmatizer give way to ``tagging``'s cheaper
  stand-ins;
- the tokenizer's cache is warmed up with the model's words (``tokenizer.warm_up``);
- a long text is parsed in pieces that end at line breaks (``chunks``), and
  each component takes a group of pieces at a time, as one batch, at most as
  many characters as its working memory allows (``GROUP_CHARS``,
  ``PARSER_GROUP_CHARS``), so that memory stays that of one group whatever
  the batch or the text;
- a deadline is checked between components and between batches.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import DependencyParser, TrainablePipe
from spacy.tokens import Doc

from service.attribution.glyphs import PARAGRAPH_BREAK
from service.attribution.tagging import LazyLemmas, replace_tagging, Step
from service.attribution.tokenizer import LinearTokenizer, warm_up

DEFAULT_BATCH_SIZE = 16
CHUNK_CHARS = 10_000
"""Texts longer than this are parsed in pieces: the parser's and the entity
recognizer's working memory grows with the length of what they are given (a
100,000-character text took 490 MB at once, a tenth of that in pieces)."""
GROUP_CHARS = CHUNK_CHARS
"""Each pipeline component takes a group of at most this many characters at
once, as one batch: its working memory is that of one group, whatever the
batch or the text. The tok2vec and the entity recognizer (which has a tok2vec
of its own) hold about 15.5 kB a token while they run (measured with
tracemalloc: 30 MB for a piece of 10,000 characters of news), the most of any
component, and gain nothing by larger groups."""
PARSER_GROUP_CHARS = 2 * GROUP_CHARS
"""The parser's own group, twice as long, under the same cap: it holds about
7 kB a token (its precomputed hidden layer), and it is the one component that
gains by larger groups, since it takes one transition step for every piece of
its batch at once. With these two sizes a 100,000-character article peaked at
218 MB in-process, against 226 MB when every component took 20,000 characters
(in halves, for the parser and the recognizer)."""
MAX_CHUNK_FACTOR = 2
"""How far past ``CHUNK_CHARS`` a piece may run looking for a line break."""
PARAGRAPH_BREAKS = "quotes_paragraph_breaks"
NOT_A_SENTENCE_START = -1
"""spaCy's SENT_START value for a token that must not start a sentence (1: must; 0: the parser decides)."""


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so that no sentence, and no parse, spans two paragraphs.

    A headline without a full stop is otherwise read as the subject of the
    paragraph below it. The parser keeps sentence starts set before it runs,
    and it keeps a word from starting one too: the second word of a
    paragraph never does, for the small model otherwise cuts "Vickers |
    said he would run" after a paragraph's first proper noun, leaving
    "said" with no subject.
    """
    starts = doc.to_array([SENT_START]).astype("int64")
    for token in doc[:-1]:
        if token.is_space and PARAGRAPH_BREAK.search(token.text):
            starts[token.i + 1] = 1
            if token.i + 2 < len(doc) and not doc[token.i + 1].is_punct and not doc[token.i + 1].is_space:
                starts[token.i + 2] = NOT_A_SENTENCE_START
    # Set in one go: assigning token.is_sent_start one token at a time re-checks
    # the whole doc each time, quadratic in the number of line breaks.
    doc.from_array([SENT_START], starts.astype("uint64"))  # type: ignore[arg-type]
    return doc


class DeadlineExceeded(Exception):
    """The work was stopped because its deadline passed."""


def check_deadline(deadline: float | None) -> None:
    """Stop with ``DeadlineExceeded`` once ``deadline`` (a ``time.monotonic()`` value) has passed."""
    if deadline is not None and time.monotonic() > deadline:
        raise DeadlineExceeded()


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


def _cut(text: str, earliest: int, latest: int) -> int:
    """Where to end a piece: after the first line break from ``earliest``, else a space, else ``latest``."""
    match = PARAGRAPH_BREAK.search(text, earliest, latest)
    if match is not None:
        return match.end()
    if latest == len(text):
        return latest  # the rest is short enough to be one piece
    space = text.rfind(" ", earliest, latest)
    return space + 1 if space >= 0 else latest


def chars(doc: Doc) -> int:
    """``len(doc.text)`` from the last token's offset, without joining every token's text anew."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx) + len(last.text_with_ws)


def groups(docs: list[Doc], budget: int = GROUP_CHARS) -> Iterator[list[Doc]]:
    """``docs`` in order, in groups of at most ``budget`` characters (a longer doc alone)."""
    group: list[Doc] = []
    size = 0
    for doc in docs:
        length = chars(doc)
        if group and size + length > budget:
            yield group
            group, size = [], 0
        group.append(doc)
        size += length
    if group:
        yield group


def group_chars(component: object) -> int:
    """How many characters ``component`` takes at once (``GROUP_CHARS``, ``PARSER_GROUP_CHARS``)."""
    return PARSER_GROUP_CHARS if isinstance(component, DependencyParser) else GROUP_CHARS


class Parser:
    """A spaCy pipeline made ready for the engine (see the module's docstring), and its parse."""

    def __init__(self, nlp: Language, batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        if PARAGRAPH_BREAKS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_BREAKS, first=True)
        if not isinstance(nlp.tokenizer, LinearTokenizer):
            warm_up(nlp.tokenizer, nlp.vocab)
            nlp.tokenizer = LinearTokenizer(nlp.tokenizer, nlp.vocab)
        self.nlp = nlp
        self.steps: list[Step]
        self.lemmas: LazyLemmas | None
        self.steps, self.lemmas = replace_tagging(nlp)
        self.batch_size = batch_size

    def parse(self, texts: Sequence[str], deadline: float | None) -> Iterator[tuple[Doc, float]]:
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
            docs = self._run([self.nlp.make_doc(piece) for text_pieces in pieces for piece in text_pieces], deadline)
            share = (time.perf_counter() - started) / len(batch)
            at = 0
            for text_pieces in pieces:
                parts, at = docs[at : at + len(text_pieces)], at + len(text_pieces)
                doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                yield (self.lemmas.attach(doc) if self.lemmas else doc), share

    def _run(self, docs: list[Doc], deadline: float | None) -> list[Doc]:
        """Every component over ``docs``, one after the other, a group of docs at a time.

        A trained component predicts a whole group at once: its ``pipe``
        would cut the group again (the parser and the entity recognizer in
        quarters, by length), and the parser takes a step for every piece of
        its batch at once, so the fewer the batches, the fewer the steps.
        """
        for _, component in self.steps:
            check_deadline(deadline)
            if isinstance(component, TrainablePipe):
                for group in groups(docs, group_chars(component)):
                    component.set_annotations(group, component.predict(group))
            elif hasattr(component, "pipe"):
                docs = [done for group in groups(docs) for done in component.pipe(group, batch_size=len(group))]
            else:
                docs = [component(doc) for doc in docs]
        return docs

    def tidy(self) -> None:
        """Between requests: keep the lemmatizer's cache from growing with every new word."""
        if self.lemmas is not None:
            self.lemmas.trim()
