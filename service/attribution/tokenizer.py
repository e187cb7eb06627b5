"""spaCy's tokenizer, kept linear on hostile text.

spaCy splits each run of non-space characters by peeling prefixes and
suffixes one at a time, which costs time quadratic in the run's length: a run
of 8,000 quotation marks takes seconds, 100,000 would take many minutes. No
word in an article is that long, so a run longer than ``MAX_RUN`` characters is
cut into pieces of that length without affix rules, and everything around it
is tokenized as usual. The text, and so every offset, is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

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
