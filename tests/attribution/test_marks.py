"""Quotation-mark pairing: characters only, no parse."""

from __future__ import annotations

from service.attribution.marks import find_quoted_spans, paragraphs


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


def test_a_single_apostrophe_next_to_two_is_still_a_single_mark() -> None:
    text = "He said ''they call it 'the barn''' and left."
    assert quoted_texts(text) == ["they call it 'the barn'"]


def test_a_stray_straight_mark_does_not_join_the_next_paragraphs_curly_quote() -> None:
    text = '"The crowd was quiet.\n\n“Here it comes,” she said.'
    spans = find_quoted_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["The crowd was quiet.", "Here it comes,"]
    assert spans[0].close is None
