"""Parts of speech and lemmas, at the cost of what the engine reads.

spaCy's English pipelines set coarse parts of speech with an
``attribute_ruler`` (a tag map written as ~180 Matcher patterns, one Python
call per token and match) and then lemmatize every token. Together they took a
fifth of the parse of PolNeAR dev, and the lemmatizer's cache keeps an entry
for every new word, inside memory zones too: a slow leak in a long-running
service. The engine needs neither at that price:

- ``FastAttributeRuler`` gives every token the same attributes as the ruler it
  replaces: the single-token patterns on tag and lower-case form (nearly all of
  them) become one dictionary lookup per token, written with one array call;
  the few others (dependency labels, several tokens, regular expressions) run
  through a Matcher of their own, and where they match, the patterns are
  applied in the ruler's order, as the ruler would.
- ``lemma(token)`` lemmatizes a token when the engine asks, with the pipeline's
  own lemmatizer, and remembers it for that document only.

``QuoteExtractor`` puts these in place of the two components when the pipeline
has them (``replace_tagging``); a pipeline without them runs as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

LEMMATIZER_KEY = "quotes.lemmatizer"
"""``doc.user_data`` key of the callable that lemmatizes a token of that doc."""
LEMMA_CACHE_KEY = "quotes.lemmas"
"""``doc.user_data`` key of the lemmas already computed for that doc, by token index."""

LEMMA_CACHE_LIMIT = 50_000
"""Entries the lemmatizer's cache may hold between requests (a few MB): enough for the
words news articles share, few enough that new words cannot grow a worker for weeks."""

Attrs = Mapping[int, int]
"""Attributes as an ``AttributeRuler`` keeps them: attribute ids to values (string hashes, part-of-speech ids)."""
Step = tuple[str, Callable[[Doc], Doc] | Any]
TOKEN_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""What a one-token pattern may test to be decided from the token's columns: the tag map's
keys, and those of the English ruler's exceptions but for regular expressions."""
ARRAY_ATTRS = (POS, MORPH, LEMMA)
"""The attributes written with one ``Doc.from_array``; any other goes token by token."""
Kind = tuple[tuple[tuple[int, Attrs], ...], dict[int, int], dict[int, int]]
"""What a kind of token gets: the one-token patterns it matches in order, then what they set, split by ``_split``."""


def lemma(token: Token) -> str:
    """The lemma of ``token``, in lower case: its own, else the pipeline's lemmatizer's on demand, else its text.

    A lemma already set (by a lemmatizer that ran, by a ruler exception, or in
    a hand-built test parse) comes first, as spaCy's lemmatizer would keep it.
    """
    if token.lemma:
        return token.lemma_.lower()
    doc = token.doc
    lemmatize = doc.user_data.get(LEMMATIZER_KEY)
    if lemmatize is None:
        return token.lower_
    cache = doc.user_data.setdefault(LEMMA_CACHE_KEY, {})
    if token.i not in cache:
        cache[token.i] = lemmatize(token).lower()
    return str(cache[token.i])


class LazyLemmas:
    """Stands for a rule lemmatizer: ``lemma`` asks it token by token, on a doc it is attached to.

    The lemmatizer keeps a cache by word (lemmatizing a word anew costs about
    a tenth of a millisecond; the cache makes a known word free), which grows
    with every new word a request brings: ``trim`` empties it past
    ``LEMMA_CACHE_LIMIT`` entries.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer

    def attach(self, doc: Doc) -> Doc:
        """``doc``, its lemmas now given by ``lemma`` on demand (attach the finished doc: merging docs drops it)."""
        doc.user_data[LEMMATIZER_KEY] = self.lemmatize
        return doc

    def lemmatize(self, token: Token) -> str:
        forms = self.lemmatizer.lemmatize(token)
        return forms[0] if forms else token.text

    def trim(self) -> None:
        """Empty the lemmatizer's cache if it has grown past ``LEMMA_CACHE_LIMIT``."""
        if len(self.lemmatizer.cache) > LEMMA_CACHE_LIMIT:
            self.lemmatizer.cache.clear()


class FastAttributeRuler:
    """What an ``AttributeRuler`` does, its one-token patterns decided once per kind of token.

    The ruler runs a Matcher over every token and sets each match's attributes
    in pattern order, the later winning. A one-token pattern on the tag, the
    lower-case form, the dependency label and whether the token is a space
    (``TOKEN_KEYS``) gives the same answer for every token alike in these, so
    here it is decided once for each such kind of token (a word the patterns do
    not name counts as any other) and the answers are written as arrays. The
    other patterns (several tokens, regular expressions) run through a Matcher
    of their own; where they match, the token's patterns are applied in order,
    as the ruler would.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.vocab = ruler.vocab
        self._tests: list[tuple[int, dict[str, Any], Attrs]] = []
        self._words: set[int] = set()
        self._others = Matcher(ruler.vocab, validate=False)
        self._other_attrs: dict[int, tuple[Attrs, int]] = {}
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for order, entry in enumerate(entries):
            # The ruler's own normalised form: attribute ids to string hashes, interned when it was made.
            attrs: Attrs = ruler.attrs[order]
            index: int = entry.get("index", 0)
            for pattern in entry["patterns"]:
                if _is_token_test(pattern, index):
                    self._tests.append((order, pattern[0], attrs))
                    self._words.update(strings.add(word) for word in _named_words(pattern[0]))
                else:
                    self._others.add(str(order), [pattern])
                    self._other_attrs[order] = (attrs, index)
        self._kinds: dict[tuple[int, int, int, int], Kind] = {}

    def __call__(self, doc: Doc) -> Doc:
        others = self._other_matches(doc)
        kinds = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        columns = {attr: doc.to_array([attr]) for attr in ARRAY_ATTRS}
        leftovers: list[tuple[int, dict[int, int]]] = []
        for i, (tag, lower, dep, space) in enumerate(kinds):
            matches, values, rest = self._kind(tag, lower if lower in self._words else 0, dep, space)
            if i in others:
                matches = tuple(sorted(matches + tuple(others[i]), key=lambda pair: pair[0]))
                values, rest = _split(_merge(attrs for _, attrs in matches))
            for attr, value in values.items():
                columns[attr][i] = value
            if rest:
                leftovers.append((i, rest))
        for attr in ARRAY_ATTRS:
            doc.from_array([attr], columns[attr])  # type: ignore[arg-type]
        for i, rest in leftovers:
            set_token_attrs(doc[i], rest)
        return doc

    def _kind(self, tag: int, lower: int, dep: int, space: int) -> Kind:
        """What the one-token patterns give a kind of token (``Kind``), decided on its first sight."""
        key = (tag, lower, dep, space)
        if key not in self._kinds:
            strings = self.vocab.strings
            token = {
                "TAG": strings[tag] if tag else "",
                "LOWER": strings[lower] if lower else None,
                "DEP": strings[dep] if dep else "",
                "IS_SPACE": bool(space),
            }
            matches = tuple((order, attrs) for order, test, attrs in self._tests if _passes(token, test))
            self._kinds[key] = (matches, *_split(_merge(attrs for _, attrs in matches)))
        return self._kinds[key]

    def _other_matches(self, doc: Doc) -> dict[int, list[tuple[int, Attrs]]]:
        found: dict[int, list[tuple[int, Attrs]]] = {}
        for match_id, start, end in self._others(doc, allow_missing=True):
            order = int(self.vocab.strings[match_id])
            attrs, index = self._other_attrs[order]
            position = (start if index >= 0 else end) + index
            if start <= position < end:
                found.setdefault(position, []).append((order, attrs))
        return found


def _is_token_test(pattern: Sequence[Mapping[str, Any]], index: int) -> bool:
    """Whether ``pattern`` is one token that ``_passes`` can decide from ``TOKEN_KEYS``."""
    if len(pattern) != 1 or index not in (0, -1) or not pattern[0] or not set(pattern[0]) <= set(TOKEN_KEYS):
        return False
    for key, spec in pattern[0].items():
        if isinstance(spec, dict):
            # A word the patterns do not name is looked up as None: IN says no, as it should; NOT_IN could not tell.
            if not (set(spec) == {"IN"} or (set(spec) == {"NOT_IN"} and key != "LOWER")):
                return False
        elif not isinstance(spec, (str, bool)):
            return False
    return True


def _named_words(test: Mapping[str, Any]) -> list[str]:
    """The lower-case forms a one-token test names."""
    spec = test.get("LOWER")
    if spec is None:
        return []
    return [spec] if isinstance(spec, str) else list(spec.get("IN", ()))


def _passes(token: Mapping[str, Any], test: Mapping[str, Any]) -> bool:
    for key, spec in test.items():
        value = token[key]
        if isinstance(spec, dict):
            if "IN" in spec and value not in spec["IN"]:
                return False
            if "NOT_IN" in spec and value in spec["NOT_IN"]:
                return False
        elif value != spec:
            return False
    return True


def _split(attrs: dict[int, int]) -> tuple[dict[int, int], dict[int, int]]:
    """``attrs`` as the values of ``ARRAY_ATTRS``, and the rest."""
    values = {attr: value for attr, value in attrs.items() if attr in ARRAY_ATTRS}
    return values, {attr: value for attr, value in attrs.items() if attr not in ARRAY_ATTRS}


def _merge(attrs_in_order: Iterable[Attrs]) -> dict[int, int]:
    merged: dict[int, int] = {}
    for attrs in attrs_in_order:
        merged.update(attrs)
    return merged


def replace_tagging(nlp: Language) -> tuple[list[Step], LazyLemmas | None]:
    """The pipeline's components in order, ``FastAttributeRuler`` in place of the ruler and the lemmatizer left out.

    Only spaCy's own ``AttributeRuler`` and a rule-based ``Lemmatizer`` that
    keeps existing lemmas are replaced; any other component (a trained
    lemmatizer, say) runs as it is. The lemmatizer comes back as ``LazyLemmas``
    to attach to each parsed doc.
    """
    steps: list[Step] = []
    lemmas = None
    for name, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            steps.append((name, FastAttributeRuler(component)))
        elif isinstance(component, Lemmatizer) and component.mode == "rule" and not component.overwrite and lemmas is None:
            lemmas = LazyLemmas(component)
        else:
            steps.append((name, component))
    return steps, lemmas
