"""Hand-built parses, so that rule tests never depend on a model.

``parse(text, table)`` builds a spaCy ``Doc`` whose words, tags, dependencies
and entities are exactly what the table says. One line per token:

    index  word  lemma  tag  pos  dep  head  [entity]

``lemma`` "-" means the word in lower case; ``head`` is the absolute index of
the head token (a root is its own head); ``entity`` is ``B-LABEL`` or
``I-LABEL`` (omitted: outside any entity). The words must spell ``text`` in
order; the spaces between them are read from it, so offsets are real. A line
break is written ``\\n``: spaCy makes a token of any whitespace but one space,
so a paragraph break is a word of its own (``\\n\\n``, tag ``_SP``).
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

_vocab_nlp: Language | None = None


def _nlp() -> Language:
    global _vocab_nlp
    if _vocab_nlp is None:
        _vocab_nlp = spacy.blank("en")
    return _vocab_nlp


def parse(text: str, table: str) -> Doc:
    """A ``Doc`` of ``text`` with the annotation given in ``table``."""
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words, lemmas, tags, poss, deps, heads, ents = [], [], [], [], [], [], []
    for n, row in enumerate(rows):
        if len(row) not in (7, 8) or int(row[0]) != n:
            raise ValueError(f"row {n} should be 'index word lemma tag pos dep head [entity]': {row}")
        _, word, lemma, tag, pos, dep, head = (cell.replace("\\n", "\n") for cell in row[:7])
        words.append(word)
        lemmas.append(word.lower() if lemma == "-" else lemma)
        tags.append(tag)
        poss.append(pos)
        deps.append(dep)
        heads.append(int(head))
        ents.append(row[7] if len(row) == 8 else "O")
    spaces = _spaces(text, words)
    doc = Doc(
        _nlp().vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        tags=tags,
        pos=poss,
        deps=deps,
        heads=heads,
        ents=ents,
    )
    if doc.text != text:
        raise ValueError(f"the words spell {doc.text!r}, not {text!r}")
    return doc


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    """The ``nth`` token (from 0) of ``doc`` that reads ``text``."""
    found = [token for token in doc if token.text == text]
    if len(found) <= nth:
        raise ValueError(f"{text!r} occurs {len(found)} times in {doc.text!r}")
    return found[nth]


def _spaces(text: str, words: list[str]) -> list[bool]:
    spaces = []
    at = 0
    for word in words:
        found = text.find(word, at)
        if found != at:
            raise ValueError(f"expected {word!r} at offset {at} of {text!r}")
        at += len(word)
        spaces.append(text[at : at + 1] == " ")
        at += spaces[-1]
    return spaces
