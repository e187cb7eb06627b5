"""FastAttributeRuler gives what spaCy's AttributeRuler gives; lemmas come on demand."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from service.attribution import tagging
from service.attribution.tagging import FastAttributeRuler, LazyLemmas, lemma, replace_tagging

# Every kind of pattern the English pipelines use: a tag map entry, a word with
# a tag, a dependency test with NOT_IN, several tokens with an index, a regular
# expression, and a later pattern overriding an earlier one on the same token.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past|VerbForm=Fin"}},
    {"patterns": [[{"TAG": "PRP", "LOWER": {"IN": ["she", "he"]}}]], "attrs": {"POS": "PRON", "MORPH": "Case=Nom"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": {"IN": ["DT", "WDT"]}, "DEP": {"NOT_IN": ["det", ""]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?all$"}}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "staff"}]], "attrs": {"MORPH": "Number=Plur"}},
]


def _doc(vocab: spacy.vocab.Vocab) -> Doc:
    words = ["She", "said", "that", "the", "staff", "were", "gon", "na", "leave", "y'all", "that", "memo"]
    tags = ["PRP", "VBD", "DT", "DT", "NN", "VBD", "VBG", "TO", "VB", "PRP", "DT", "NN"]
    deps = ["nsubj", "ROOT", "nsubj", "det", "nsubj", "ccomp", "aux", "aux", "xcomp", "dobj", "det", "npadvmod"]
    heads = [1, 1, 5, 4, 5, 1, 8, 8, 5, 8, 11, 8]
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


@pytest.fixture(name="ruler")
def fixture_ruler() -> AttributeRuler:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(PATTERNS)  # type: ignore[arg-type]
    return ruler


def _attributes(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_fast_ruler_sets_what_the_ruler_sets(ruler: AttributeRuler) -> None:
    expected = ruler(_doc(ruler.vocab))
    got = FastAttributeRuler(ruler)(_doc(ruler.vocab))
    assert _attributes(got) == _attributes(expected)
    # and the cases that make it so:
    assert got[2].pos_ == "PRON" and got[3].pos_ == "DET"  # "that" as a subject, "the" as a determiner
    assert str(got[4].morph) == "Number=Plur"  # the later, word-specific pattern wins
    assert str(got[11].morph) == "Number=Sing"  # near miss: another noun keeps the tag map's
    assert got[7].lemma_ == "to" and got[6].lemma_ == ""  # the index picks the second token only
    assert got[9].lemma_ == "you"  # a regular expression, through the Matcher
    assert got[1].pos_ == "VERB" and got[8].pos_ == ""  # a tag no pattern names is left as it was


def test_fast_ruler_remembers_kinds_of_token_not_words(ruler: AttributeRuler) -> None:
    fast = FastAttributeRuler(ruler)
    for n in range(50):
        fast(Doc(ruler.vocab, words=[f"word{n}"], tags=["NN"], deps=["ROOT"], heads=[0]))
    assert len(fast._kinds) == 1


class _Lemmatizer:
    """Stands for spaCy's rule lemmatizer: its ``lemmatize`` and its ``cache``."""

    def __init__(self) -> None:
        self.cache: dict[int, list[str]] = {}
        self.calls = 0

    def lemmatize(self, token: Token) -> list[str]:
        self.calls += 1
        self.cache[token.orth] = [token.lower_.removesuffix("ed")]
        return self.cache[token.orth]


def test_lemma_asks_the_attached_lemmatizer_once_per_token() -> None:
    stand_in = _Lemmatizer()
    doc = LazyLemmas(stand_in).attach(Doc(spacy.blank("en").vocab, words=["Warned", "she"]))  # type: ignore[arg-type]
    assert lemma(doc[0]) == "warn"
    assert lemma(doc[0]) == "warn"
    assert stand_in.calls == 1


def test_lemma_prefers_a_lemma_already_set() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Told"], lemmas=["tell"])
    LazyLemmas(_Lemmatizer()).attach(doc)  # type: ignore[arg-type]
    assert lemma(doc[0]) == "tell"


def test_lemma_without_a_lemmatizer_is_the_word() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Said"])
    assert lemma(doc[0]) == "said"


def test_trim_empties_the_cache_only_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagging, "LEMMA_CACHE_LIMIT", 2)
    stand_in = _Lemmatizer()
    lazy = LazyLemmas(stand_in)  # type: ignore[arg-type]
    doc = lazy.attach(Doc(spacy.blank("en").vocab, words=["one", "two", "three"]))
    lemma(doc[0]), lemma(doc[1])
    lazy.trim()
    assert len(stand_in.cache) == 2
    lemma(doc[2])
    lazy.trim()
    assert stand_in.cache == {}


def test_replace_tagging_swaps_the_ruler_and_defers_a_rule_lemmatizer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    steps, lemmas = replace_tagging(nlp)
    assert [name for name, _ in steps] == ["attribute_ruler"]
    assert isinstance(steps[0][1], FastAttributeRuler)
    assert lemmas is not None


def test_replace_tagging_keeps_a_lemmatizer_it_cannot_defer() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    steps, lemmas = replace_tagging(nlp)
    assert [name for name, _ in steps] == ["lemmatizer"] and lemmas is None
