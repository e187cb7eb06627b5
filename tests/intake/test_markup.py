"""HTML to the text a browser shows, with offsets back into the source."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.attribution import Attribution, Quote, QuoteType, Span, Speaker, SpeakerEntry
from service.intake.markup import in_source, render

# Our own article, as an editor's HTML: entities, inline markup, a link, a
# comment, a script and a style, a list, a line break.
ARTICLE = """<!doctype html>
<html><head><title>Ferries</title><style>p { color: red }</style></head>
<body>
  <h1>Harbour ferries   return</h1>
  <p>&ldquo;The ferries will <em>run</em> again on Friday,&rdquo; said Maria&nbsp;Okafor,
     the harbour master at the <a href="https://port.example/?a=1&amp;b=2">Port of Tellbridge</a>.</p>
  <!-- an editor's note: check the times -->
  <script>var note = "<p>not shown</p>";</script>
  <p>Fares &amp; times:<br>Monday&#8211;Friday</p>
  <ul>
    <li>Tellbridge &rarr; Dunmore</li>
    <li>Dunmore &#x2192; Tellbridge</li>
  </ul>
</body></html>"""


def test_an_article_shows_its_text_as_a_browser_does() -> None:
    assert render(ARTICLE).text == (
        "Harbour ferries return\n\n"
        "“The ferries will run again on Friday,” said Maria\u00a0Okafor, the harbour master at the Port of Tellbridge.\n\n"
        "Fares & times:\nMonday–Friday\n\n"
        "Tellbridge → Dunmore\nDunmore → Tellbridge"
    )


@pytest.mark.parametrize(
    "shown, in_source",
    [
        ("The ferries will run again on Friday,", "The ferries will <em>run</em> again on Friday,"),
        ("“", "&ldquo;"),
        ("Maria\u00a0Okafor", "Maria&nbsp;Okafor"),
        ("Port of Tellbridge", "Port of Tellbridge"),
        ("Fares & times", "Fares &amp; times"),
        ("Monday–Friday", "Monday&#8211;Friday"),
        ("times:\nMonday", "times:<br>Monday"),
        ("Dunmore → Tellbridge", "Dunmore &#x2192; Tellbridge"),
    ],
)
def test_each_stretch_of_the_text_maps_to_its_source(shown: str, in_source: str) -> None:
    rendered = render(ARTICLE)
    start = rendered.text.index(shown)
    s, e = rendered.source_span(start, start + len(shown))
    assert ARTICLE[s:e] == in_source


@pytest.mark.parametrize("before", ["<![>", "<![><![>", "<![ odd>\n<![>", "<![if x]><![endif]>"])
def test_text_after_a_marked_section_that_is_none_maps_to_its_own_place(before: str) -> None:
    # The standard library moves its position before it refuses "<![" with no name:
    # found by the property test below, with "<![><![><q>".
    source = before + "<q>Ruiz</q> spoke."
    rendered = render(source)
    start = rendered.text.index("Ruiz")
    s, e = rendered.source_span(start, start + len("Ruiz"))
    assert source[s:e] == "Ruiz"


def test_a_span_over_a_paragraph_break_takes_the_tags_between() -> None:
    source = "<p>One.</p>\n<p>Two.</p>"
    rendered = render(source)
    assert rendered.text == "One.\n\nTwo."
    s, e = rendered.source_span(0, len(rendered.text))
    assert source[s:e] == "One.</p>\n<p>Two."


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>  Many   spaces\n\tand\r\nbreaks  </p>", "Many spaces and breaks"),
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("<h2>Title</h2><p>Body</p>", "Title\n\nBody"),
        ("<p>one<br>two<br/>three</p>", "one\ntwo\nthree"),
        ("<p>a <b>bold</b> and <i>italic</i> word</p>", "a bold and italic word"),
        ("<p>no<span>space</span>between</p>", "nospacebetween"),
        ("<blockquote><p>Quoted</p></blockquote><p>After</p>", "Quoted\n\nAfter"),
        ("<ol><li>first</li><li>second</li></ol>", "first\nsecond"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("<pre>  two  spaces\n  kept</pre>", "  two  spaces\n  kept"),
        ("<p>a &nbsp; b</p>", "a \u00a0 b"),
        ("<p>AT&T &amp &copy 2024 &xyz; &notit;</p>", "AT&T & © 2024 &xyz; ¬it;"),  # HTML5's own example
        ("<p>&#0; &#128; &#x1F600;</p>", "\ufffd € 😀"),
        ("<p hidden>gone</p><p>kept</p>", "kept"),
        ("<template><p>gone</p></template><noscript>gone</noscript>kept", "kept"),
        ("<template><a><b>gone</b></a>gone</template>kept", "kept"),
        ("<template><a><b>gone</a>gone</template>kept", "kept"),  # </a> closes the <b> opened inside it
        ("<template><b><a>gone</b></template>kept", "kept"),
        ("<template></b><a></i>gone</template>kept", "kept"),  # end tags of nothing open close nothing

        ("<p>Say <q>yes <q>or</q> no</q>.</p>", "Say “yes ‘or’ no”."),
        ("<p>a<!-- hidden --> b</p>", "a b"),
        ("<svg><text>gone</text></svg>kept", "kept"),
    ],
)
def test_rendering_rules(html: str, text: str) -> None:
    assert render(html).text == text


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>Unclosed <b>bold <i>and italic", "Unclosed bold and italic"),
        ("<p>a</b></i></p></div>b", "a\n\nb"),
        ("text <!-- a comment never closed", "text"),
        ("text <a href='never closed", "text"),
        ("text <script>never closed", "text"),
        ("a < b and c > d", "a < b and c > d"),
        ("<![if !supportLists]>· <![endif]>Item", "· Item"),
        ("<![foo[ odd ]]>after", "after"),
        ("</>a<//>b", "ab"),
        ("<p>\x00nul</p>", "\x00nul"),
        ("<?xml version='1.0'?><p>x</p>", "x"),
    ],
)
def test_bad_html_is_read_as_well_as_can_be_never_refused(html: str, text: str) -> None:
    assert render(html).text == text


PIECES = [*"<>/!-?&#;='\" apb\nx", "<p>", "</p>", "<br>", "&amp;", "&#", "<!--", "-->", "<script>", "</script>", "<q>", "<![", "\u00a0"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_any_input_renders_and_every_span_maps_into_the_source(html: str) -> None:
    rendered = render(html)
    text = rendered.text
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            s, e = rendered.source_span(a, b)
            assert 0 <= s <= e <= len(html)


def test_hostile_input_is_read_in_one_pass() -> None:
    # Unfinished constructs that html.parser would re-read once each at the
    # end of the input (quadratic): here each runs to the end in one step.
    for hostile in ("<!--" * 5000, "</" * 5000, "<a " * 5000, "<![CDATA[" * 2000, "<!" * 5000, "<?" * 5000):
        assert render("<p>kept</p>" + hostile).text == "kept"


def test_in_source_moves_every_span_into_the_html() -> None:
    html = "<p>&ldquo;Go,&rdquo; said <b>Ana</b>.</p>"
    rendered = render(html)
    text = rendered.text
    assert text == "“Go,” said Ana."

    def span(part: str) -> Span:
        return Span.of(text, text.index(part), text.index(part) + len(part))

    ana = span("Ana")
    quote = Quote("q1", span("Go,"), QuoteType.DIRECT, (span("Go,"),), span("said"), Speaker("s1", "Ana", ana, None, None), "frame_after", 0.9)
    moved = in_source(Attribution((quote,), (SpeakerEntry("s1", "Ana", None, None, (ana,), (0,)),)), rendered)
    q = moved.quotes[0]
    assert q.cue is not None and q.speaker is not None
    assert [q.span.text, q.cue.text, q.speaker.mention.text, moved.speakers[0].mentions[0].text] == ["Go,", "said", "Ana", "Ana"]
    assert html[q.span.start : q.span.end] == "Go," and html[q.speaker.mention.start : q.speaker.mention.end] == "Ana"


HANG_CEILING_SECONDS = 20.0
"""Far above the linear time (under a second for 400,000 characters) on a busy machine; far below the
quadratic one it guards against (about 30 s). Only a hang goes past it: speed is the benchmark's business."""


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "<template>" + "<a>" * (16 * n // 100) + "</b>" * (12 * n // 100),
        lambda n: "<template>" + "<a>x" * (n // 8) + "</a>" * (n // 8),
        lambda n: "<p hidden>" + "<b><i>" * (n // 12) + "</p>" * (n // 8),
    ],
    ids=["template-a-stray-b", "template-a-closed", "hidden-nested"],
)
def test_elements_left_open_inside_an_unshown_one_are_read_in_linear_time(shape: Any) -> None:
    html = shape(400_000)
    started = time.process_time()
    assert render(html + "</template></p>kept").text == "kept"
    assert time.process_time() - started < HANG_CEILING_SECONDS
