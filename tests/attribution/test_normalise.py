"""Typographic spaces and invisible characters: the offset map, the normalised copy, the way back."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from service.attribution.results import Attribution, Quote, QuoteType, Span, Speaker, SpeakerEntry
from service.attribution.normalise import INVISIBLE, SPACES, MappedText, Normalised, OffsetMap, map_spans, wrapped_breaks
from service.attribution.pipeline import QuoteExtractor

NBSP, NNBSP, THIN, SOFT_HYPHEN, ZWSP, ZWJ, WORD_JOINER, BOM = "\u00a0", "\u202f", "\u2009", "\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff"


# --- the offset map ------------------------------------------------------------------


def built(source: str, steps: list[tuple[str, int, int] | tuple[int, int]]) -> tuple[str, OffsetMap]:
    text = MappedText(source)
    for step in steps:
        if len(step) == 3:
            text.put(*step)
        else:
            text.keep(*step)
    return text.build()


def test_copied_pieces_map_character_by_character() -> None:
    source = "Ana <b>Ruiz</b> said"
    text, offsets = built(source, [(0, 4), (7, 11), (15, 20)])
    assert text == "Ana Ruiz said"
    assert offsets.span(0, 8) == (0, 11)  # "Ana Ruiz" ends where "Ruiz" ends, before </b>
    assert offsets.span(4, 8) == (7, 11)
    assert offsets.span(9, 13) == (16, 20)


def test_a_piece_put_for_a_stretch_maps_to_the_whole_stretch() -> None:
    source = "a&amp;b"
    text, offsets = built(source, [(0, 1), ("&", 1, 6), (6, 7)])
    assert text == "a&b"
    assert offsets.span(1, 2) == (1, 6)
    assert offsets.span(0, 2) == (0, 6)
    assert offsets.span(1, 3) == (1, 7)


def test_dropped_characters_fall_inside_a_span_only_between_its_ends() -> None:
    source = f"{ZWSP}Ana{ZWSP}Ruiz{ZWSP}"
    text, offsets = built(source, [(1, 4), (5, 9)])
    assert text == "AnaRuiz"
    assert offsets.span(0, 7) == (1, 9)
    assert source[slice(*offsets.span(0, 7))] == f"Ana{ZWSP}Ruiz"


def test_empty_spans_and_the_ends_of_the_text() -> None:
    source = "ab<br>"
    text, offsets = built(source, [(0, 2), ("\n", 2, 6)])
    assert offsets.span(1, 1) == (1, 1)
    assert offsets.span(3, 3) == (6, 6)  # the end of the text is the end of the source
    assert offsets.start(0) == 0 and offsets.end(0) == 0
    assert offsets.end(3) == 6


def test_consecutive_copies_are_one_piece() -> None:
    text = MappedText("abcdef")
    text.keep(0, 2)
    text.keep(2, 4)
    text.keep(5, 6)
    assert text.build()[0] == "abcdf"
    assert text.build()[1].span(0, 5) == (0, 6)


# --- the normalised copy ------------------------------------------------------------


def test_a_text_with_nothing_unusual_is_its_own_copy() -> None:
    normal = Normalised.of("“Ready,” said Ana Ruiz.")
    assert normal.text == normal.sent and normal.offsets is None


@pytest.mark.parametrize("space", list(SPACES))
def test_every_unicode_space_reads_as_a_space(space: str) -> None:
    assert Normalised.of(f"Cllr{space}Anna{space}Schmidt").text == "Cllr Anna Schmidt"


@pytest.mark.parametrize("invisible", list(INVISIBLE))
def test_every_invisible_character_reads_as_nothing(invisible: str) -> None:
    assert Normalised.of(f"Tell{invisible}bridge").text == "Tellbridge"


def test_a_non_breaking_hyphen_reads_as_a_hyphen_and_line_breaks_stay() -> None:
    assert Normalised.of("Medium\u2011Range\n\nWeather\tForecasts").text == "Medium-Range\n\nWeather\tForecasts"


# A letter to the editor as a mail client wraps it, at 60 columns: a sentence runs across the lines.
WRAPPED = (
    "Harbour tolls to rise\n"
    "\n"
    "The port authority said on Thursday that the tolls for every\n"
    "ferry crossing would rise by a tenth from the first of May,\n"
    "and that season tickets would cost the same as last year.\n"
    "\n"
    "Maria Okafor, who chairs the Tellbridge Ferry Users Group,\n"
    "said: “Nobody on the island was asked about this, and the\n"
    "people who cross every day will pay for it.”"
)
ONE_PARAGRAPH_A_LINE = (
    "The port authority said on Thursday that the tolls would rise.\n"
    "Season tickets will cost the same.\n"
    "“Nobody on the island was asked about this, and the people who cross every day will pay for it,” said Maria Okafor."
)


def test_a_line_break_that_wraps_a_paragraph_reads_as_a_space() -> None:
    normal = Normalised.of(WRAPPED)
    assert "said on Thursday that the tolls for every ferry crossing" in normal.text
    assert "Maria Okafor, who chairs the Tellbridge Ferry Users Group, said:" in normal.text
    # The headline's break and the blank lines between paragraphs are no wraps.
    assert normal.text.startswith("Harbour tolls to rise\n\nThe port")
    assert normal.text.count("\n\n") == 2
    assert len(normal.text) == len(WRAPPED) and normal.offsets is not None
    assert normal.offsets.span(0, len(normal.text)) == (0, len(WRAPPED))


def test_an_article_with_a_paragraph_a_line_keeps_its_line_breaks() -> None:
    assert wrapped_breaks(ONE_PARAGRAPH_A_LINE) == []
    assert Normalised.of(ONE_PARAGRAPH_A_LINE).text == ONE_PARAGRAPH_A_LINE


def test_short_lines_and_a_lists_items_are_no_wraps() -> None:
    names = "Maria Okafor\nTom Becker\nAna Ruiz\nJo Park"
    assert wrapped_breaks(names) == []  # narrower than any page: a list
    items = WRAPPED + "\n- Tom Becker, Tellbridge Ferry Company, for the operators:\n- Ana Ruiz, for the island council: “We will ask why.”"
    breaks = wrapped_breaks(items)
    assert breaks and all(not items[end:].startswith("- ") for _, end in breaks)


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", NBSP, NNBSP, SOFT_HYPHEN, ZWSP, BOM, "\u2011", "é"]), max_size=40))
def test_every_span_of_the_copy_maps_to_a_stretch_that_reads_the_same(sent: str) -> None:
    normal = Normalised.of(sent)
    text, offsets = normal.text, normal.offsets
    if offsets is None:
        assert text == sent
        return
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1):
            start, end = offsets.span(a, b)
            assert 0 <= start < end <= len(sent)
            assert Normalised.of(sent[start:end]).text == text[a:b]


# --- the way back ----------------------------------------------------------------------


def test_restore_points_every_span_into_the_text_as_sent() -> None:
    sent = f"{BOM}“Ready{SOFT_HYPHEN} now,” said Cllr{NBSP}Anna{NNBSP}Schmidt."
    normal = Normalised.of(sent)
    text = normal.text
    assert text == "“Ready now,” said Cllr Anna Schmidt."

    def span(part: str) -> Span:
        return Span.of(text, text.index(part), text.index(part) + len(part))

    mention = span("Cllr Anna Schmidt")
    speaker = Speaker("s1", "Anna Schmidt", mention, "Cllr", None)
    quote = Quote("q1", span("Ready now,"), QuoteType.DIRECT, (span("Ready now,"),), span("said"), speaker, "frame_after", 0.9)
    entry = SpeakerEntry("s1", "Anna Schmidt", "Cllr", None, (mention,), (0,))
    restored = normal.restore(Attribution((quote,), (entry,)))
    [back] = restored.quotes
    for item in (back.span, *back.parts, back.cue, back.speaker.mention, *restored.speakers[0].mentions):  # type: ignore[union-attr]
        assert item is not None and sent[item.start : item.end] == item.text
    assert back.span.text == f"Ready{SOFT_HYPHEN} now,"
    assert back.speaker is not None and back.speaker.mention.text == f"Cllr{NBSP}Anna{NNBSP}Schmidt"
    assert back.speaker.name == "Anna Schmidt"


def test_map_spans_reaches_every_span() -> None:
    text = "“Go,” said Ana."
    go, said, ana = Span.of(text, 1, 4), Span.of(text, 6, 10), Span.of(text, 11, 14)
    quote = Quote("q1", go, QuoteType.DIRECT, (go,), said, Speaker("s1", "Ana", ana, None, None), "frame_after", 0.9)
    result = Attribution((quote,), (SpeakerEntry("s1", "Ana", None, None, (ana,), (0,)),))
    moved = map_spans(result, lambda s: Span(s.start + 100, s.end + 100, s.text))
    q = moved.quotes[0]
    assert q.cue is not None and q.speaker is not None
    starts = [q.span.start, q.parts[0].start, q.cue.start, q.speaker.mention.start, moved.speakers[0].mentions[0].start]
    assert starts == [101, 101, 106, 111, 111]


@pytest.fixture
def blank_extractor() -> QuoteExtractor:
    nlp: Language = spacy.blank("en")
    return QuoteExtractor(nlp)


def test_the_engine_answers_in_the_text_as_sent(blank_extractor: QuoteExtractor) -> None:
    sent = f"{ZWSP}{BOM}Harbour{NBSP}news{SOFT_HYPHEN}\n\n“The ferries{NNBSP}run again{WORD_JOINER} today,” she{ZWJ} said."
    [result] = blank_extractor.extract_many([sent])
    [quote] = result.quotes
    assert quote.span.text == f"The ferries{NNBSP}run again{WORD_JOINER} today,"
    assert sent[quote.span.start : quote.span.end] == quote.span.text


@pytest.mark.model
def test_words_characters_in_names_and_organisations_read_as_plain_ones(real_nlp: Language) -> None:
    extractor = QuoteExtractor(real_nlp)
    plain = "“We will fix the roads by spring,” said Anna Schmidt, a spokeswoman for the Harbour City Council."
    word = (
        f"“We will fix the roads by{NBSP}spring,” said Anna{NBSP}Schmidt, a spokes{SOFT_HYPHEN}woman "
        f"for the Harbour{NNBSP}City{ZWSP} Coun{SOFT_HYPHEN}cil."
    )
    [expected] = extractor.extract(plain).quotes
    [quote] = extractor.extract(word).quotes
    assert quote.speaker is not None and expected.speaker is not None
    assert (quote.speaker.name, quote.speaker.title, quote.speaker.affiliation) == (
        expected.speaker.name,
        expected.speaker.title,
        expected.speaker.affiliation,
    )
    assert quote.speaker.name == "Anna Schmidt" and quote.speaker.affiliation == "Harbour City Council"
    assert quote.speaker.mention.text == f"Anna{NBSP}Schmidt"
    assert word[quote.speaker.mention.start : quote.speaker.mention.end] == quote.speaker.mention.text
    assert quote.span.text == f"We will fix the roads by{NBSP}spring,"


@pytest.mark.model
def test_a_hard_wrapped_article_is_read_as_its_sentences(real_nlp: Language) -> None:
    quotes = QuoteExtractor(real_nlp).extract(WRAPPED).quotes
    assert [(q.type, q.speaker.name if q.speaker else None) for q in quotes] == [
        (QuoteType.INDIRECT, "port authority"),
        (QuoteType.DIRECT, "Maria Okafor"),
    ]
    # Offsets count in the text as sent, line breaks and all.
    assert all(WRAPPED[q.span.start : q.span.end] == q.span.text for q in quotes)
    assert quotes[1].span.text.startswith("Nobody on the island was asked about this, and the\npeople")
