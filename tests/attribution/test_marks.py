"""Quotation-mark pairing: characters only, no parse."""

from __future__ import annotations

from service.attribution.glyphs import Marks
from service.attribution.marks import find_quoted_spans, paragraphs, speech_marks


def quoted_texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted_spans(text)]


def test_curly_double_quotes_pair() -> None:
    text = "“We will rebuild the bridge,” the mayor said."
    assert quoted_texts(text) == ["We will rebuild the bridge,"]


def test_straight_double_quotes_pair_by_position() -> None:
    text = 'She said "the vote is over" and then "we start again."'
    assert quoted_texts(text) == ["the vote is over", "we start again."]


def test_apostrophes_are_not_quotes() -> None:
    text = "The Farmers’ Union didn’t comment on the ’90s deal, officials said."
    assert quoted_texts(text) == []


def test_single_quotes_pair_outside_doubles() -> None:
    text = "Mayor says flooding was ‘entirely avoidable’ after review"
    assert quoted_texts(text) == ["entirely avoidable"]


def test_plural_possessive_inside_single_quotes_does_not_close_them() -> None:
    text = "‘It is the Farmers’ Union line,’ he said."
    assert quoted_texts(text) == ["It is the Farmers’ Union line,"]


def test_single_quotes_inside_doubles_are_left_to_them() -> None:
    text = "“They called it ‘a fiasco’ on air,” she said."
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["They called it ‘a fiasco’ on air,"]
    assert spans[0].double


def test_quote_split_by_attribution_gives_two_spans() -> None:
    text = "“The budget is fine,” she said, “and we will keep it.”"
    assert quoted_texts(text) == ["The budget is fine,", "and we will keep it."]


def test_quote_reopened_in_next_paragraph_is_one_quotation() -> None:
    text = "“The first part ends here.\n\n“The second part closes it,” he said."
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == "The first part ends here.\n\n“The second part closes it,"
    assert [text[s:e] for s, e in spans[0].pieces] == ["The first part ends here.", "The second part closes it,"]


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "He said “we are leaving now\n\nThe crowd dispersed."
    spans = find_quoted_spans(text)
    assert [(text[q.start : q.end], q.close) for q in spans] == [("we are leaving now", None)]


def test_stray_closing_mark_is_dropped() -> None:
    assert quoted_texts("It rained” all day.") == []


def test_inches_are_primes_not_quotes() -> None:
    assert quoted_texts('The board is 12" wide and 5\'10" tall.') == []


def test_curly_opening_typed_as_closing_still_closes() -> None:
    text = "“It is over,“ she said."
    assert quoted_texts(text) == ["It is over,"]


def test_paragraphs_skip_blank_lines_and_handle_crlf() -> None:
    text = "One.\r\n\r\nTwo.\rThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_two_apostrophes_are_one_double_mark() -> None:
    text = "''We will not sell the farm,'' said Mr. Hale. ''It's ours.''"
    assert quoted_texts(text) == ["We will not sell the farm,", "It's ours."]
    assert find_quoted_spans(text)[0].outer_end == text.index(" said")


def test_two_curly_single_marks_are_one_double_mark() -> None:
    # A curly opening mark closed by two right single marks, and a quote opened by two left ones.
    text = "“We sell only local comics,’’ says the owner. ‘‘Nothing else,’’ she adds."
    assert quoted_texts(text) == ["We sell only local comics,", "Nothing else,"]
    assert find_quoted_spans(text)[0].outer_end == text.index(" says")


def test_one_curly_single_mark_after_a_plural_stays_a_possessive() -> None:
    text = "“The growers’ union is ready,” she said."
    assert quoted_texts(text) == ["The growers’ union is ready,"]


def test_a_single_apostrophe_next_to_two_is_still_a_single_mark() -> None:
    text = "He said ''they call it 'the barn''' and left."
    assert quoted_texts(text) == ["they call it 'the barn'"]


def test_a_stray_straight_mark_does_not_join_the_next_paragraphs_curly_quote() -> None:
    text = '"The crowd was quiet.\n\n“Here it comes,” she said.'
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["The crowd was quiet.", "Here it comes,"]
    assert spans[0].close is None


# --- British style: single marks for speech ----------------------------------------


BRITISH = (
    "Rail fares frozen after a year of strikes\n\n"
    "‘Passengers who couldn’t travel will be refunded. We know it’s been hard,’ said Ana Ruiz, "
    "the operator’s chief executive.\n\n"
    "‘We’re confident,’ she added. ‘The workers’ union has been told.’\n\n"
    "'It's just not good enough,' said Tom Hale, a commuter since the ’90s. "
    "‘Trains at ten o’clock, y’all, and rock ’n’ roll on the platform.’"
)


def test_an_article_quoting_with_single_marks_is_read_in_single_marks() -> None:
    assert speech_marks(BRITISH) is Marks.SINGLE
    spans = find_quoted_spans(BRITISH)
    assert [BRITISH[q.start : q.end] for q in spans] == [
        "Passengers who couldn’t travel will be refunded. We know it’s been hard,",
        "We’re confident,",
        "The workers’ union has been told.",
        "It's just not good enough,",
        "Trains at ten o’clock, y’all, and rock ’n’ roll on the platform.",
    ]
    assert all(q.speech and q.marks is Marks.SINGLE and q.close is not None for q in spans)


def test_the_same_article_in_double_marks_reads_the_same() -> None:
    american = BRITISH.translate(str.maketrans({"‘": "“"})).replace("’ said", "” said").replace(",’", ",”")
    american = american.replace(".’", ".”").replace("'It's", '"It\'s').replace("enough,'", 'enough,"')
    assert speech_marks(american) is Marks.DOUBLE
    assert quoted_texts(american) == quoted_texts(BRITISH)


def test_apostrophes_of_every_kind_in_single_marks() -> None:
    cases = {
        "‘They couldn’t stay,’ he said.": "They couldn’t stay,",
        "‘It’s over,’ he said.": "It’s over,",
        "‘Ask the workers’ families,’ he said.": "Ask the workers’ families,",
        "‘We paid the workers’,’ he said.": "We paid the workers’,",
        "‘It was the ’90s, and it was cheap,’ he said.": "It was the ’90s, and it was cheap,",
        "‘It was the ‘90s, and it was cheap,’ he said.": "It was the ‘90s, and it was cheap,",
        "‘Class of ’08 again,’ he said.": "Class of ’08 again,",
        "‘Give ’em a chance,’ he said.": "Give ’em a chance,",
        "‘Rock ’n’ roll never dies,’ he said.": "Rock ’n’ roll never dies,",
        "‘It opens at nine o’clock,’ he said.": "It opens at nine o’clock,",
        "‘Y’all come back,’ he said.": "Y’all come back,",
        "‘We’re goin’ home now,’ he said.": "We’re goin’ home now,",
        "‘Ask O’Brien,’ he said.": "Ask O’Brien,",
    }
    for text, inside in cases.items():
        assert quoted_texts(text) == [inside], text


def test_a_left_mark_before_a_year_opens_a_quote() -> None:
    text = "‘2020 was the hardest year we have had,’ she said."
    assert quoted_texts(text) == ["2020 was the hardest year we have had,"]


def test_a_double_quote_inside_a_british_quote_stays_inside_it() -> None:
    text = "‘He told me “go home”, and I did,’ she said. ‘Then he rang again.’"
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["He told me “go home”, and I did,", "Then he rang again."]
    assert [q.marks for q in spans] == [Marks.SINGLE, Marks.SINGLE]


def test_a_single_quote_inside_a_double_quote_stays_inside_it() -> None:
    text = "“He told me ‘go home’,” she said. “Then he rang again.”"
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["He told me ‘go home’,", "Then he rang again."]
    assert all(q.marks is Marks.DOUBLE and q.speech for q in spans)


def test_single_marks_in_a_double_mark_article_are_not_speech() -> None:
    text = "Mayor calls flooding ‘entirely avoidable’\n\n“We were warned twice,” said Ana Ruiz. “Nobody listened.”"
    assert speech_marks(text) is Marks.DOUBLE
    by_text = {text[q.start : q.end]: q for q in find_quoted_spans(text)}
    assert not by_text["entirely avoidable"].speech
    assert by_text["We were warned twice,"].speech and by_text["Nobody listened."].speech


def test_one_quoted_headline_does_not_make_an_article_british() -> None:
    text = "‘We will rebuild,’ says mayor\n\n“The bridge reopens in May,” the mayor said. “Then the road.”"
    assert speech_marks(text) is Marks.DOUBLE


def test_a_british_long_quote_reopens_in_the_next_paragraph() -> None:
    text = "‘The first part ends here.\n\n‘The second part closes it,’ he said."
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and spans[0].speech
    assert [text[s:e] for s, e in spans[0].pieces] == ["The first part ends here.", "The second part closes it,"]


# --- long quotes whose paragraph breaks were lost ------------------------------------


def test_each_reopening_mark_after_a_full_stop_starts_a_quotation() -> None:
    text = "“The first part ends here. “The second part follows. “The third part closes it,” she said."
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == [
        "The first part ends here.",
        "The second part follows.",
        "The third part closes it,",
    ]
    assert [(q.close is None, q.reopened) for q in spans] == [(True, True), (True, True), (False, False)]


def test_an_opening_mark_without_a_full_stop_before_it_is_no_reopening() -> None:
    text = "“They said “we will stay” and left."
    spans = find_quoted_spans(text)
    assert not spans[0].reopened
