"""spaCy's tokenizer, kept linear on hostile text.

spaCy splits each run of non-space characters by peeling prefixes and
suffixes one at a time, which costs time quadratic in the run's length: a run
of 8,000 quotation marks takes seconds, 100,000 would take many minutes. No
word in an article is that long, so a run longer than ``MAX_RUN`` characters is
cut into pieces of that length without affix rules, and everything around it
is tokenized as usual. The text, and so every offset, is unchanged.

``warm_up`` fills spaCy's tokenizer cache at start-up with the model's own
words: inside a memory zone the tokenizer caches nothing and makes every word
it has not kept a lexeme for anew, which made it three times slower in a
request than outside one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

SHAPE = re.compile(r"[xXd]+")
"""A string of the model's that is a word shape ("Xxxxx", "dd"), not a word."""
MAX_RUN = 100
"""Longest run of non-space characters given to spaCy's affix rules whole. The
longest ordinary tokens (URLs, hashtags) are shorter; at this length a run costs
well under a millisecond."""


class LinearTokenizer:
    """Wraps a spaCy tokenizer; a drop-in ``nlp.tokenizer``."""

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab, max_run: int = MAX_RUN) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab
        self.max_run = max_run
        self._long_run = re.compile(rf"\S{{{max_run + 1},}}")

    def __call__(self, text: str) -> Doc:
        if self._long_run.search(text) is None:
            return self.tokenizer(text)
        docs = []
        position = 0
        for run in self._long_run.finditer(text):
            if run.start() > position:
                docs.append(self.tokenizer(text[position : run.start()]))
            pieces = [run.group()[i : i + self.max_run] for i in range(0, len(run.group()), self.max_run)]
            docs.append(Doc(self.vocab, words=pieces, spaces=[False] * len(pieces)))
            position = run.end()
        if position < len(text):
            docs.append(self.tokenizer(text[position:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        # Anything else spaCy asks of its tokenizer (a memory zone, rules,
        # serialisation) is the wrapped tokenizer's.
        return getattr(self.tokenizer, name)


def warm_up(tokenizer: Tokenizer, vocab: Vocab) -> int:
    """Tokenize every word of the model's vocabulary once, outside any memory zone; the number of words.

    Each word then has a lexeme that outlives memory zones, and a place in the
    tokenizer's cache (made large enough to hold them all), so that a request
    finds most of its words ready: on PolNeAR dev the tokenizer took 0.19 s
    inside memory zones instead of 0.65 s, for 2 s at start-up and about 21 MB
    (the en_core_web_sm model's 73,000 alphabetic strings). The tokens are those
    spaCy gives any text it has seen before; words met in requests are never
    cached (spaCy caches nothing inside a memory zone), so the cache stays this
    size for the life of the process.
    """
    if vocab.in_memory_zone:  # type: ignore[attr-defined]  # (missing from spaCy's stubs)
        raise RuntimeError("the tokenizer can only be warmed up outside a memory zone")
    words = [s for s in vocab.strings if s.isalpha() and SHAPE.fullmatch(s) is None]
    tokenizer.max_cache_size = max(tokenizer.max_cache_size, 2 * len(words))
    # One call a word: within one call, spaCy stops caching after the first special case it meets.
    for word in words:
        tokenizer(word)
    return len(words)
