"""The newsroom page (GET /) in a real browser: headless Chromium against a real gunicorn.

Debian's Chromium, driven through the playwright package (``tests/browser.py``);
no browser is ever downloaded, and the tests skip when there is none. The page is held to a Content-Security-Policy of
``default-src 'self'`` whatever the service sends, so an inline script or
style, or anything loaded from elsewhere, fails here.

``UPDATE_SCREENSHOT=1`` also writes ``tests/screenshots/page.png`` and
``page-narrow.png`` (the README's pictures); ``test-artifacts/`` gets them on
every run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.browser import keep_screenshot
from tests.web.servers import running_server

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.model]

CSP = "default-src 'self'"
HOP_HEADERS = frozenset({"content-security-policy", "content-length", "content-encoding", "transfer-encoding", "connection"})
VIEWPORT = {"width": 1280, "height": 900}
WAIT_MS = 30_000

# Our own article. The emoji in the headline and before Mendes's quote sit
# outside the Basic Multilingual Plane: two UTF-16 code units, one code point.
ARTICLE = (
    "City library opens a night reading room 📚\n\n"
    "The Riverside Public Library will keep its reading room open until midnight from next month.\n\n"
    "“People told us they had nowhere quiet to go after work,” said Priya Raman, the head librarian at the "
    "Riverside Public Library. “Now they will.”\n\n"
    "Raman said the extra hours would be paid for from a grant, and she described the pilot as "
    "“cheap, simple and long overdue.”\n\n"
    "Not everyone is convinced. 🤔 “We support the idea, but the buses stop at eleven,” said Carlos Mendes, "
    "a councillor for the Green Party. He added that the council should extend the night bus before the room opens.\n\n"
    "According to the Riverside Transit Authority, a later bus is already under review."
)
MENDES_QUOTE = "We support the idea, but the buses stop at eleven,"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as base:
        yield base


class Watch:
    """What went wrong in the page: script errors, CSP violations, failed or foreign loads; and its API calls."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.api_calls: list[dict[str, Any]] = []

    def console(self, message: Any) -> None:
        # Failed loads are judged by `response` below: the API's problems are expected.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def request(self, request: Any) -> None:
        if not request.url.startswith(self.base + "/"):
            self.foreign.append(request.url)
        if request.url.startswith(self.base + "/v1/"):
            self.api_calls.append({"headers": request.headers, "body": request.post_data_json})

    def response(self, response: Any) -> None:
        path = response.url.removeprefix(self.base)
        if response.status >= 400 and not path.startswith("/v1/"):
            self.errors.append(f"{response.status} for {path}")


@pytest.fixture(scope="module")
def served_page(server: str) -> dict[str, Any]:
    """GET / as the service serves it, put under the strictest policy the issue allows.

    Fetched before the browser starts: the browser is then given this copy.
    """
    with requests.get(f"{server}/", timeout=10) as response:
        assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
        headers = {k: v for k, v in response.headers.items() if k.lower() not in HOP_HEADERS}
        return {"status": 200, "headers": {**headers, "Content-Security-Policy": CSP}, "body": response.content}


@pytest.fixture
def watch(server: str) -> Watch:
    return Watch(server)


@pytest.fixture
def page(browser: Any, server: str, served_page: dict[str, Any], watch: Watch) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, base_url=server)
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    tab.on("console", watch.console)
    tab.on("pageerror", lambda error: watch.errors.append(str(error)))
    tab.on("request", watch.request)
    tab.on("response", watch.response)

    tab.route(f"{server}/", lambda route: route.fulfill(**served_page))
    tab.goto("/")
    yield tab
    context.close()
    assert not watch.errors, watch.errors
    assert not watch.foreign, f"the page loaded from elsewhere: {watch.foreign}"


def analyse(page: Any, text: str = ARTICLE) -> dict[str, Any]:
    """Paste ``text``, press Analyse, wait for the results; the API's answer as the page shows it."""
    page.get_by_label("Article text").fill(text)
    page.get_by_role("button", name="Analyse", exact=True).click()
    return answer_shown(page)


def answer_shown(page: Any) -> dict[str, Any]:
    # The JSON view is filled before the results are shown. (No wait_for_function:
    # it evaluates strings, which the page's policy forbids.)
    page.wait_for_selector("#results:not([hidden])")
    scrolled(page)
    answer: dict[str, Any] = json.loads(page.text_content("#json-view"))
    return answer


def scrolled(page: Any) -> None:
    """Wait until the window has stopped scrolling (the page scrolls smoothly to its results)."""
    page.evaluate(
        """() => new Promise((resolve) => {
          let last = null;
          let still = 0;
          const tick = () => {
            still = window.scrollY === last ? still + 1 : 0;
            last = window.scrollY;
            if (still >= 5) resolve();
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        })"""
    )


def highlighted(page: Any) -> dict[str, str]:
    """Each quote id with the text of every piece of the article marked as that quote."""
    result: dict[str, str] = page.evaluate(
        """() => {
          const texts = {};
          for (const mark of document.querySelectorAll('#article-view mark.quote')) {
            for (const id of mark.dataset.quotes.split(' ')) texts[id] = (texts[id] || '') + mark.textContent;
          }
          return texts;
        }"""
    )
    return result


def expect(target: Any) -> Any:
    """Playwright's assertions, which wait (for an answer, or for the page to finish scrolling)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def focused(page: Any) -> str:
    element_id: str = page.evaluate("document.activeElement.id")
    return element_id


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_every_quote_is_highlighted_exactly_past_the_emoji(page: Any) -> None:
    answer = analyse(page)
    assert answer["offsets"] == "utf16"
    quotes = {q["id"]: q for q in answer["quotes"]}
    assert len(quotes) >= 6
    assert highlighted(page) == {q_id: q["text"] for q_id, q in quotes.items()}
    for quote in quotes.values():
        assert utf16_slice(ARTICLE, quote["start"], quote["end"]) == quote["text"]
    mendes = next(q for q in quotes.values() if q["text"] == MENDES_QUOTE)
    # Past two emoji, JavaScript's indices run two ahead of Python's.
    assert mendes["start"] == ARTICLE.index(MENDES_QUOTE) + 2
    assert mendes["type"] == "direct" and mendes["speaker"]["name"] == "Carlos Mendes"
    mark = page.locator(f'#article-view mark.quote[data-quote="{mendes["id"]}"]')
    assert "type-direct" in (mark.get_attribute("class") or "")
    assert page.locator("#article-view mark.quote.type-mixed").count() >= 1
    assert page.locator("#article-view mark.quote.type-indirect").count() >= 1
    assert "said" in page.locator("#article-view .cue").all_text_contents()
    assert "Carlos Mendes" in page.locator("#article-view .mention").all_text_contents()
    summary = page.text_content("#summary") or ""
    assert f"{len(quotes)} quotes" in summary and answer["model"]["name"] in summary


def test_speakers_are_listed_with_title_affiliation_and_count(page: Any) -> None:
    answer = analyse(page)
    listed = page.locator("#speakers button.speaker")
    texts = listed.all_inner_texts()
    assert len(texts) == len(answer["speakers"])
    raman = next(t for t in texts if "Priya Raman" in t)
    assert "head librarian" in raman and "Riverside Public Library" in raman and "quotes" in raman
    mendes = next(t for t in texts if "Carlos Mendes" in t)
    assert "councillor" in mendes and "Green Party" in mendes


def test_choosing_a_speaker_highlights_their_quotes_only(page: Any) -> None:
    answer = analyse(page)
    mendes = next(s for s in answer["speakers"] if s["name"] == "Carlos Mendes")
    their_ids = {answer["quotes"][i]["id"] for i in mendes["quotes"]}
    button = page.get_by_role("button", name="Carlos Mendes")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    selected = page.eval_on_selector_all(
        "#article-view mark.quote.selected", "marks => [...new Set(marks.map(m => m.dataset.quote))]"
    )
    assert set(selected) == their_ids
    assert "Highlighting the 2 quotes of Carlos Mendes" in (page.text_content("#status") or "")
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert page.locator("#article-view mark.quote.selected").count() == 0


def test_hovering_or_clicking_a_quote_shows_who_said_it_and_how_sure(page: Any) -> None:
    answer = analyse(page)
    mendes = next(q for q in answer["quotes"] if q["text"] == MENDES_QUOTE)
    mark = page.locator(f'#article-view mark.quote[data-quote="{mendes["id"]}"]').first
    mark.hover()
    tooltip = page.locator("#tooltip")
    assert tooltip.is_visible()
    assert "Carlos Mendes" in tooltip.inner_text() and f"{round(mendes['confidence'] * 100)}%" in tooltip.inner_text()
    mark.click()
    card = page.text_content("#quote-card") or ""
    assert MENDES_QUOTE in card and "Green Party" in card and "%" in card


def test_quotes_are_reached_by_keyboard(page: Any) -> None:
    analyse(page)
    first = page.locator("#article-view mark.quote[tabindex='0']").first
    first.focus()
    assert page.locator("#tooltip").is_visible()
    page.keyboard.press("Enter")
    assert page.locator("#quote-card blockquote").inner_text() == first.inner_text()
    page.keyboard.press("Escape")
    assert not page.locator("#tooltip").is_visible()


def test_ctrl_enter_analyses(page: Any, watch: Watch) -> None:
    box = page.get_by_label("Article text")
    box.fill(ARTICLE)
    box.press("Control+Enter")
    answer = answer_shown(page)
    assert highlighted(page)[answer["quotes"][0]["id"]] == answer["quotes"][0]["text"]
    assert watch.api_calls[-1]["body"] == {"text": ARTICLE, "offsets": "utf16"}
    assert focused(page) == "results"


def test_empty_submission_says_so_in_plain_words(page: Any, watch: Watch) -> None:
    page.get_by_label("Article text").fill("   \n ")
    page.get_by_role("button", name="Analyse", exact=True).click()
    error = page.get_by_role("alert")
    assert error.inner_text() == "There is no text to analyse. Paste or type an article first."
    assert page.get_by_label("Article text").get_attribute("aria-invalid") == "true"
    assert watch.api_calls == []


def test_too_long_an_article_shows_the_services_limit(page: Any) -> None:
    page.get_by_label("Article text").fill("a" * 100_001)
    page.get_by_role("button", name="Analyse", exact=True).click()
    error = page.get_by_role("alert")
    error.wait_for()
    assert error.inner_text().startswith("The article is too long for this service.")
    assert "100000" in error.inner_text()


def problem(status: int, detail: str, type_: str = "about:blank", **headers: str) -> dict[str, Any]:
    body = {"type": type_, "title": "A problem", "status": status, "detail": detail, "instance": "/v1/quotes"}
    return {
        "status": status,
        "headers": {"Content-Type": "application/problem+json", **headers},
        "body": json.dumps(body),
    }


def test_a_missing_api_key_is_asked_for(page: Any) -> None:
    page.route("**/v1/quotes", lambda route: route.fulfill(**problem(401, "This endpoint needs an API key.", "/problems/unauthorized")))
    analyse_without_answer(page)
    assert page.get_by_role("alert").inner_text().startswith("This service needs an API key.")
    assert page.evaluate("document.activeElement.id") == "api-key"


def test_the_api_key_is_sent_as_a_bearer_token(page: Any, watch: Watch) -> None:
    page.get_by_label("API key").fill("k" * 24)
    analyse(page)
    assert watch.api_calls[-1]["headers"]["authorization"] == "Bearer " + "k" * 24


def test_a_starting_service_is_retried_after_retry_after(page: Any) -> None:
    answers = [problem(503, "The spaCy pipeline is still loading; retry shortly.", "/problems/not-ready", **{"Retry-After": "1"})]

    def starting(route: Any) -> None:
        if answers:
            route.fulfill(**answers.pop())
        else:
            route.continue_()

    page.route("**/v1/quotes", starting)
    analyse_without_answer(page)
    assert "still starting up" in page.get_by_role("alert").inner_text()
    answer = answer_shown(page)
    assert answer["quotes"]
    assert page.get_by_role("alert").is_hidden()


def analyse_without_answer(page: Any, text: str = ARTICLE) -> None:
    page.get_by_label("Article text").fill(text)
    page.get_by_role("button", name="Analyse", exact=True).click()
    page.get_by_role("alert").wait_for()


def test_copy_button_puts_the_json_answer_on_the_clipboard(page: Any) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    answer = analyse(page)
    page.get_by_role("button", name="Copy the JSON").click()
    page.locator("#status").filter(has_text="on the clipboard").wait_for()
    assert json.loads(page.evaluate("navigator.clipboard.readText()")) == answer


def test_article_text_is_shown_never_run(page: Any) -> None:
    hostile = '<img src=x onerror="window.pwned=1"> “<b>Bold</b> words,” said Ana Ruiz.'
    analyse(page, hostile)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#article-view img, #article-view b").count() == 0
    assert page.text_content("#article-view") == hostile


def test_screenshot(page: Any) -> None:
    # The whole page in the window: nothing scrolls, so the sidebar is where it sits beside the results.
    page.set_viewport_size({"width": 1280, "height": 1700})
    answer = analyse(page)
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#article-text").evaluate("box => box.scrollTo(0, 0)")
    raman = next(q for q in answer["quotes"] if q["type"] == "mixed")
    page.locator(f'#article-view mark.quote[data-quote="{raman["id"]}"]').first.click()
    mendes = next(q for q in answer["quotes"] if q["text"] == MENDES_QUOTE)
    page.locator(f'#article-view mark.quote[data-quote="{mendes["id"]}"]').first.hover()
    keep_screenshot(page, "page.png", full_page=True)


def test_screenshot_of_a_narrow_panel(page: Any) -> None:
    """The window of a CMS side panel, 500 px wide: one speaker chosen, the page scrolled to his first quote."""
    page.set_viewport_size({"width": 500, "height": 860})
    analyse(page, LONG_ARTICLE)
    page.locator("#speakers-toggle").click()
    page.get_by_role("button", name="Carlos Mendes").click()
    scrolled(page)
    mendes = page.locator("#article-view mark.quote.selected").first
    mendes.click()
    page.mouse.move(0, 0)  # no tooltip
    mendes.evaluate("m => m.scrollIntoView({block: 'center'})")
    keep_screenshot(page, "page-narrow.png", full_page=False)


# --- a new text, a new answer -------------------------------------------------------------


def test_an_error_clears_the_previous_results(page: Any) -> None:
    analyse(page)
    assert page.locator("#article-view mark.quote").count() >= 6
    page.route("**/v1/quotes", lambda route: route.fulfill(**problem(422, "`text` is not valid.", "/problems/validation-failed")))
    analyse_without_answer(page)
    assert page.locator("#results").is_hidden()
    assert page.locator("#article-view mark.quote").count() == 0
    assert page.text_content("#json-view") == ""
    assert page.locator("#speakers button.speaker").count() == 0


def test_an_empty_submission_clears_the_previous_results(page: Any) -> None:
    analyse(page)
    page.get_by_label("Article text").fill(" ")
    page.get_by_role("button", name="Analyse", exact=True).click()
    assert page.locator("#results").is_hidden() and page.locator("#article-view mark.quote").count() == 0


def test_loading_an_example_clears_the_previous_results(page: Any) -> None:
    analyse(page, "“We are ready,” said Ana Ruiz.")
    page.route("**/v1/quotes", lambda route: route.fulfill(**problem(500, "The service failed.", "/problems/internal-error")))
    analyse_without_answer(page)
    page.get_by_role("button", name="Load an example").click()
    assert page.get_by_role("alert").is_hidden()
    assert page.locator("#results").is_hidden()
    assert page.get_by_label("Article text").input_value().startswith("Harbour ferries return")


# --- many speakers ----------------------------------------------------------------------------

FIRST_NAMES = "Ana Tom Priya Carlos Grace Omar Lena Ivo Mira Jonas Rosa Felix Nadia Hugo Sara Pavel Ines Karl".split()
SURNAMES = "Ruiz Hale Raman Mendes Okafor Haddad Berg Petrov Stein Lund Costa Weber Aziz Moreau Lindqvist Novak Duarte Vogel".split()
MANY_SPEAKERS = "\n\n".join(
    f"“The plan for the harbour number {n} is a good one,” said {first} {last}."
    for n, (first, last) in enumerate(zip(FIRST_NAMES, SURNAMES), 1)
)


def test_sixteen_speakers_get_sixteen_colours_and_more_a_pattern_as_well(page: Any) -> None:
    answer = analyse(page, MANY_SPEAKERS)
    speakers = answer["speakers"]
    assert len(speakers) == 18
    looks = page.evaluate(
        """(ids) => ids.map((id) => {
          const mark = document.querySelector(`#article-view mark.quote[data-speaker="${id}"]`);
          const style = getComputedStyle(mark);
          return [style.borderBottomColor, style.backgroundImage];
        })""",
        [s["id"] for s in speakers],
    )
    colours = [colour for colour, _ in looks]
    assert len(set(colours[:16])) == 16
    assert all(pattern == "none" for _, pattern in looks[:16])
    # The 17th and 18th come round to the first colours again, told apart by a pattern.
    assert colours[16:] == colours[:2]
    assert all(pattern != "none" for _, pattern in looks[16:])
    assert len({tuple(look) for look in looks}) == 18
    swatch = page.locator("#speakers button.speaker").nth(16).locator(".swatch")
    assert swatch.evaluate("s => getComputedStyle(s).backgroundImage") != "none"


# --- the tooltip -------------------------------------------------------------------------------

LONG_QUOTE = (
    "“The ferries will run again on Friday, and every boat in the fleet has been checked twice by the engineers "
    "of the harbour, who worked through the night and the whole of the weekend so that nobody would have to wait "
    "a day longer than they must,” said Maria Okafor, the harbour master."
)


def tooltip_covers_its_quote(page: Any, quote_id: str) -> bool:
    covers: bool = page.evaluate(
        """(id) => {
          const tip = document.getElementById('tooltip').getBoundingClientRect();
          const marks = [...document.querySelectorAll('#article-view mark.quote')]
            .filter((m) => m.dataset.quotes.split(' ').includes(id));
          return marks.flatMap((m) => [...m.getClientRects()]).some((r) =>
            r.left < tip.right && tip.left < r.right && r.top < tip.bottom && tip.top < r.bottom);
        }""",
        quote_id,
    )
    return covers


def test_the_tooltip_never_covers_the_quote_it_describes(page: Any) -> None:
    page.set_viewport_size({"width": 700, "height": 900})
    answer = analyse(page, LONG_QUOTE)
    quote = answer["quotes"][0]
    marks = page.locator(f'#article-view mark.quote[data-quote="{quote["id"]}"]')
    assert marks.first.evaluate("m => m.getClientRects().length") >= 3  # the quote runs over several lines
    marks.first.hover()
    assert page.locator("#tooltip").is_visible()
    assert not tooltip_covers_its_quote(page, quote["id"])


def test_the_tooltip_goes_above_a_quote_at_the_foot_of_the_window(page: Any) -> None:
    page.set_viewport_size({"width": 700, "height": 900})
    answer = analyse(page, LONG_QUOTE)
    quote = answer["quotes"][0]
    mark = page.locator(f'#article-view mark.quote[data-quote="{quote["id"]}"]').first
    # Scroll so that the quote's last line sits at the bottom of the window.
    page.evaluate(
        """(id) => {
          const marks = [...document.querySelectorAll(`#article-view mark.quote[data-quote="${id}"]`)];
          const bottom = Math.max(...marks.flatMap((m) => [...m.getClientRects()]).map((r) => r.bottom));
          window.scrollBy(0, bottom - window.innerHeight + 4);
        }""",
        quote["id"],
    )
    mark.hover()
    tip = page.locator("#tooltip").bounding_box()
    box = mark.bounding_box()
    assert tip is not None and box is not None
    assert tip["y"] + tip["height"] <= box["y"]  # above the quote, not below it off screen
    assert not tooltip_covers_its_quote(page, quote["id"])


# --- timings -------------------------------------------------------------------------------------


def test_a_short_analysis_reads_in_milliseconds(page: Any, server: str) -> None:
    with requests.post(f"{server}/v1/quotes", json={"text": ARTICLE, "offsets": "utf16"}, timeout=30) as response:
        canned = response.content
    page.route("**/v1/quotes", lambda route: route.fulfill(status=200, headers={"Content-Type": "application/json"}, body=canned))
    analyse(page)
    summary = page.text_content("#summary") or ""
    assert summary.endswith(" ms.") and " 0.0 s" not in summary


# --- rich text pasted from a web page ---------------------------------------------------------------

PASTED_HTML = (
    "<meta charset='utf-8'><h2 style='font-family: Georgia'>Night buses return</h2>"
    "<p>&ldquo;We heard the riders, and the <em>night</em> buses come back on Monday,&rdquo; said "
    "<a href='https://example.org/okafor'>Maria&nbsp;Okafor</a>, the transport director at the "
    "<b>Tellbridge City Council</b>. &ldquo;Every route runs until two.&rdquo;</p>"
    "<p>Tom Becker, a spokesman for the riders&rsquo; union, said drivers would be paid overtime.</p>"
)
PASTED_PLAIN = (
    "Night buses return\n\n“We heard the riders, and the night buses come back on Monday,” said Maria Okafor, "
    "the transport director at the Tellbridge City Council. “Every route runs until two.”\n\n"
    "Tom Becker, a spokesman for the riders’ union, said drivers would be paid overtime."
)


def paste(page: Any, html: str, plain: str) -> None:
    page.get_by_label("Article text").focus()
    page.evaluate(
        """([html, plain]) => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          data.setData('text/plain', plain);
          const box = document.getElementById('article-text');
          box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }""",
        [html, plain],
    )


def test_pasted_rich_text_is_read_as_html_and_its_quotes_highlighted(page: Any, watch: Watch) -> None:
    paste(page, PASTED_HTML, PASTED_PLAIN)
    assert page.get_by_label("Article text").input_value() == PASTED_PLAIN
    assert page.locator("#html-note").is_visible()
    page.get_by_role("button", name="Analyse", exact=True).click()
    answer = answer_shown(page)
    assert watch.api_calls[-1]["body"] == {"html": PASTED_HTML, "offsets": "utf16"}
    assert page.text_content("#article-view") == answer["text"]
    quotes = {q["id"]: q for q in answer["quotes"]}
    assert len(quotes) >= 3
    assert highlighted(page) == {q_id: q["text"] for q_id, q in quotes.items()}
    first = answer["quotes"][0]
    assert first["speaker"]["name"] == "Maria Okafor"
    assert PASTED_HTML[first["source"]["start"] : first["source"]["end"]].startswith("We heard the riders, and the <em>night</em>")
    assert "Maria\u00a0Okafor" in page.locator("#article-view .mention").all_text_contents()


def test_editing_pasted_rich_text_sends_the_text_as_it_stands(page: Any, watch: Watch) -> None:
    paste(page, PASTED_HTML, PASTED_PLAIN)
    page.get_by_label("Article text").press("End")
    page.get_by_label("Article text").type(" Fares stay the same.")
    assert page.locator("#html-note").is_hidden()
    page.get_by_role("button", name="Analyse", exact=True).click()
    answer_shown(page)
    assert watch.api_calls[-1]["body"] == {"text": PASTED_PLAIN + " Fares stay the same.", "offsets": "utf16"}


def test_pasted_rich_text_can_be_sent_as_plain_text(page: Any, watch: Watch) -> None:
    paste(page, PASTED_HTML, PASTED_PLAIN)
    page.get_by_role("button", name="Send as plain text instead").click()
    assert page.locator("#html-note").is_hidden()
    page.get_by_role("button", name="Analyse", exact=True).click()
    answer = answer_shown(page)
    assert watch.api_calls[-1]["body"] == {"text": PASTED_PLAIN, "offsets": "utf16"}
    assert "text" not in answer


# --- a text in another language ---------------------------------------------------------------

# Our own, in German: long enough (200 letters and more) for the service to refuse it.
GERMAN = (
    "„Wir lassen die Fähren am Freitag wieder fahren“, sagte Maria Okafor, die Hafenmeisterin von Tellbridge. "
    "Jedes Boot sei zweimal von den Ingenieuren geprüft worden, die die ganze Nacht und das Wochenende hindurch "
    "gearbeitet hätten. Die Stadtverwaltung will außerdem die Nachtbusse ab Montag wieder fahren lassen."
)


def test_a_text_refused_as_not_english_can_be_analysed_anyway(page: Any, watch: Watch) -> None:
    analyse_without_answer(page, GERMAN)
    message = page.get_by_role("alert").inner_text()
    assert message.startswith("This article appears to be in German, and this service reads English only.")
    assert "any_language" not in message and "`" not in message
    anyway = page.get_by_role("button", name="Analyse it anyway")
    assert anyway.is_visible() and focused(page) == "analyse-anyway"

    anyway.click()
    answer = answer_shown(page)
    assert watch.api_calls[-1]["body"] == {"text": GERMAN, "offsets": "utf16", "any_language": True}
    assert answer["language"]["code"] == "de"
    assert page.get_by_role("alert").is_hidden()
    assert "appears to be in German" in page.locator("#language-note").inner_text()
    assert focused(page) == "results"

    # Insisting holds for that text only: the next analysis is checked again.
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_role("button", name="Analyse", exact=True).click()
    expect(page.locator("#language-note")).to_be_hidden()
    assert watch.api_calls[-1]["body"] == {"text": ARTICLE, "offsets": "utf16"}


def test_a_refused_language_the_service_does_not_name_is_still_said_plainly(page: Any) -> None:
    page.route("**/v1/quotes", lambda route: route.fulfill(**problem(422, "Not English.", "/problems/unsupported-language")))
    analyse_without_answer(page)
    assert page.get_by_role("alert").inner_text().startswith("This article does not appear to be in English")
    assert page.get_by_role("button", name="Analyse it anyway").is_visible()
    # Any other problem comes without the button.
    page.route("**/v1/quotes", lambda route: route.fulfill(**problem(422, "`text` is not valid.", "/problems/validation-failed")))
    analyse_without_answer(page)
    assert page.get_by_role("button", name="Analyse it anyway").is_hidden()


# --- where the results are, on a laptop and in a side panel -------------------------------------------

VERY_LONG_QUOTE = (
    "“The ferries will run again on Friday, and every boat in the fleet has been checked twice by the engineers "
    "of the harbour, who worked through the night and the whole of the weekend so that nobody would have to wait "
    "a day longer than they must. We have replaced the ropes on the northern pier, repainted the markings on the "
    "landing stages, tested every radio on every boat and asked the coastguard to stand by for the first crossings, "
    "in case the swell comes back. Passengers who bought tickets for the cancelled crossings will get their money "
    "back, and those who would rather wait can keep their tickets for any crossing until the end of the month,” "
    "said Maria Okafor, the harbour master."
)
LONG_ARTICLE = "\n\n".join(
    [
        ARTICLE,
        VERY_LONG_QUOTE,
        "The harbour has been closed since Tuesday, when waves of up to six metres broke over the sea wall and flooded "
        "the car park beside the ticket office. Shops along the quay stayed shut for three days, and the town's two "
        "hotels moved guests to rooms facing away from the water.",
        "Repairs to the sea wall are expected to take the rest of the year. The council has set aside money for a survey "
        "of the older stretch near the lighthouse, which was built before the war and has not been inspected since the "
        "harbour was dredged.",
    ]
)
LAPTOP = {"width": 1366, "height": 768}


def in_window(locator: Any) -> bool:
    """Whether the whole of an element is inside the window (not merely some of it)."""
    inside: bool = locator.evaluate(
        """(e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        }"""
    )
    return inside


def horizontal_overflow(page: Any) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    overflow: int = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return overflow


def test_the_results_come_into_view_with_the_focus_and_their_count_is_announced(page: Any) -> None:
    page.set_viewport_size(LAPTOP)
    answer = analyse(page)
    heading = page.locator("#results-heading")
    expect(heading).to_be_in_viewport()
    expect(page.locator("#article-view mark.quote").first).to_be_in_viewport()
    expect(page.locator("#speakers button.speaker").first).to_be_in_viewport()
    assert in_window(heading)
    assert focused(page) == "results"
    status = page.locator("#status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    n, speakers = len(answer["quotes"]), len(answer["speakers"])
    assert status.inner_text() == f"Done: {n} quotes from {speakers} speakers found."
    # From the results, Tab leads to the speakers, then to the quotes.
    page.keyboard.press("Tab")
    assert focused(page) == "speakers-toggle"


def test_a_long_selected_quote_scrolls_in_its_own_box_and_the_speakers_stay_in_view(page: Any) -> None:
    page.set_viewport_size(LAPTOP)
    answer = analyse(page, LONG_ARTICLE)
    assert in_window(page.locator("#sidebar"))  # the whole of it, from the start
    longest = max(answer["quotes"], key=lambda q: len(q["text"]))
    mark = page.locator(f'#article-view mark.quote[data-quote="{longest["id"]}"]').first
    mark.click()
    card = page.locator("#quote-card")
    assert longest["text"] in card.inner_text()
    assert card.evaluate("c => c.scrollHeight > c.clientHeight")  # it scrolls on its own...
    assert card.get_attribute("tabindex") == "0"  # ...by keyboard too
    assert in_window(card) and in_window(page.locator("#speakers-toggle"))
    assert in_window(page.locator("#speakers button.speaker").first)
    # Down at the article's last lines, the sidebar is still beside it.
    page.locator("#article-view").evaluate("a => a.scrollIntoView({block: 'end'})")
    assert in_window(page.locator("#sidebar"))
    assert not page.locator("#sidebar").evaluate("s => s.scrollHeight > s.clientHeight")  # nothing hidden below it


def test_a_long_list_of_speakers_scrolls_in_its_own_box_under_the_selected_quote(page: Any) -> None:
    page.set_viewport_size(LAPTOP)
    analyse(page, MANY_SPEAKERS)
    page.locator("#article-view mark.quote").last.click()
    speakers = page.locator("#speakers")
    assert speakers.evaluate("list => list.scrollHeight > list.clientHeight")
    assert in_window(page.locator("#sidebar")) and in_window(page.locator("#quote-card"))
    last = page.get_by_role("button", name="Karl Vogel")
    last.click()
    assert last.get_attribute("aria-pressed") == "true" and in_window(last)


@pytest.mark.parametrize("width", [360, 500, 700])
def test_a_narrow_side_panel_keeps_the_speakers_and_the_selected_quote_at_hand(page: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    for control in ("#article-text", "#api-key", "#analyse", "#load-example"):
        assert in_window(page.locator(control)), control
    assert horizontal_overflow(page) == 0

    answer = analyse(page, LONG_ARTICLE)
    expect(page.locator("#results-heading")).to_be_in_viewport()
    assert horizontal_overflow(page) == 0
    sidebar, article = page.locator("#sidebar"), page.locator("#article-view")
    assert sidebar.bounding_box()["y"] < article.bounding_box()["y"]  # above the article, not after it
    toggle = page.locator("#speakers-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"  # folded, so that the article shows
    named = page.get_by_role("button", name=f"Speakers ({len(answer['speakers'])})", exact=True)
    assert named.get_attribute("id") == "speakers-toggle"

    # A quote clicked stays under the pointer, though the selected quote grows the sidebar above it
    # (here where the sidebar is still in its place in the page, not yet kept at the top).
    article.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - innerHeight / 2)")
    first = next(mark for mark in page.locator("#article-view mark.quote[tabindex='0']").all() if in_window(mark))
    before = first.bounding_box()["y"]
    assert sidebar.bounding_box()["y"] > 0
    first.click()
    assert abs(first.bounding_box()["y"] - before) < 1
    quotes = {q["id"]: q for q in answer["quotes"]}
    assert page.locator("#quote-card blockquote").inner_text() == quotes[first.get_attribute("data-quote")]["text"]

    # At the article's last quote, the selected quote and the speakers are still in the window.
    last = page.locator("#article-view mark.quote[tabindex='0']").last
    last.click()
    assert page.locator("#quote-card blockquote").inner_text() == answer["quotes"][-1]["text"]
    assert in_window(page.locator("#quote-card")) and in_window(toggle)
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    mendes = page.locator("#speakers button.speaker", has_text="Carlos Mendes")
    assert in_window(mendes)
    mendes.click()
    assert mendes.get_attribute("aria-pressed") == "true"
    assert "Highlighting the 2 quotes of Carlos Mendes" in (page.text_content("#status") or "")
    # The list folds away again, saying whom it shows, and his first quote is in sight below it.
    assert toggle.get_attribute("aria-expanded") == "false" and focused(page) == "speakers-toggle"
    assert page.locator("#speakers-heading").inner_text().endswith(": Carlos Mendes")
    scrolled(page)
    first = page.locator("#article-view mark.quote.selected").first
    assert in_window(first)
    assert first.bounding_box()["y"] >= sidebar.bounding_box()["y"] + sidebar.bounding_box()["height"]
    assert horizontal_overflow(page) == 0


# --- kinds of source, and unnamed sources ------------------------------------------------------

UNNAMED_ARTICLE = (
    "“The ferries will run again on Friday,” said Maria Okafor, the harbour master.\n\n"
    "A ferry captain, who asked not to be named because he was not authorised to speak, said the boats had been "
    "ready for days.\n\n"
    "Two crew members said the company had cut their pay."
)
CAPTAIN_REASON = "who asked not to be named because he was not authorised to speak"


def utf16_span(text: str, part: str) -> dict[str, Any]:
    """``part`` of ``text`` as a span in UTF-16 offsets, as the page asks for them."""
    start = len(text[: text.index(part)].encode("utf-16-le")) // 2
    return {"text": part, "start": start, "end": start + len(part.encode("utf-16-le")) // 2}


def answer_with_unnamed_sources(server: str) -> dict[str, Any]:
    """The service's answer for UNNAMED_ARTICLE, its captain and crew marked as unnamed sources (the captain with
    the reason the article gives), whatever the engine itself reads: these tests are of the page, which shows
    what the answer says."""
    with requests.post(f"{server}/v1/quotes", json={"text": UNNAMED_ARTICLE, "offsets": "utf16"}, timeout=30) as response:
        answer: dict[str, Any] = response.json()
    reasons = {"captain": utf16_span(UNNAMED_ARTICLE, CAPTAIN_REASON), "crew": None}
    for speaker in [*answer["speakers"], *(q["speaker"] for q in answer["quotes"] if q["speaker"])]:
        word = next((word for word in reasons if word in (speaker["name"] or "")), None)
        speaker.update(anonymous=word is not None, anonymity=reasons[word] if word else None)
        if word == "captain":
            speaker.update(kind="unnamed_person", pronoun="he", pronoun_mention=utf16_span(UNNAMED_ARTICLE, "he was"))
            speaker["pronoun_mention"]["text"], speaker["pronoun_mention"]["end"] = "he", speaker["pronoun_mention"]["start"] + 2
        elif word == "crew":
            speaker.update(kind="group")
    assert sum(s["anonymous"] for s in answer["speakers"]) == 2, answer["speakers"]
    return answer


def serve_answer(page: Any, answer: dict[str, Any]) -> None:
    body = json.dumps(answer)
    page.route("**/v1/quotes", lambda route: route.fulfill(status=200, headers={"Content-Type": "application/json"}, body=body))


def test_each_speaker_says_what_kind_of_source_it_is_and_why_it_is_unnamed(page: Any, server: str) -> None:
    serve_answer(page, answer_with_unnamed_sources(server))
    analyse(page, UNNAMED_ARTICLE)
    listed = page.locator("#speakers button.speaker").all_inner_texts()
    okafor, captain, crew = (next(text for text in listed if word in text) for word in ("Okafor", "captain", "crew"))
    assert "named person" in okafor and "not named" not in okafor
    assert f"unnamed person · “he” · not named: “{CAPTAIN_REASON}”" in captain
    assert "group · not named, and no reason given" in crew
    kinds = page.locator("#speakers .speaker-kind.unnamed")
    assert kinds.count() == 2 and kinds.first.is_visible()
    assert "2 on unnamed sources (1 with no reason given)" in (page.text_content("#summary") or "")


def test_the_quotes_note_says_its_source_is_unnamed_and_why(page: Any, server: str) -> None:
    answer = answer_with_unnamed_sources(server)
    serve_answer(page, answer)
    analyse(page, UNNAMED_ARTICLE)
    captain = next(q for q in answer["quotes"] if q["speaker"] and "captain" in (q["speaker"]["name"] or ""))
    mark = page.locator(f'#article-view mark.quote[data-quote="{captain["id"]}"]').first
    mark.hover()
    tooltip = page.locator("#tooltip").inner_text()
    assert "unnamed person · “he”" in tooltip and f"Unnamed source: the article says “{CAPTAIN_REASON}”" in tooltip
    crew = next(q for q in answer["quotes"] if q["speaker"] and "crew" in (q["speaker"]["name"] or ""))
    page.locator(f'#article-view mark.quote[data-quote="{crew["id"]}"]').first.click()
    assert "Unnamed source: the article gives no reason for not naming them" in page.locator("#quote-card").inner_text()


def test_unnamed_sources_only_highlights_their_quotes_and_lists_them_alone(page: Any, server: str) -> None:
    answer = answer_with_unnamed_sources(server)
    serve_answer(page, answer)
    analyse(page, UNNAMED_ARTICLE)
    unnamed_ids = {q["id"] for q in answer["quotes"] if q["speaker"] and q["speaker"]["anonymous"]}
    toggle = page.get_by_role("button", name="Unnamed sources only (2)")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    selected = page.eval_on_selector_all("#article-view mark.quote.selected", "marks => [...new Set(marks.map(m => m.dataset.quote))]")
    assert set(selected) == unnamed_ids and len(unnamed_ids) == 2
    visible = [b for b in page.locator("#speakers button.speaker").all() if b.is_visible()]
    assert len(visible) == 2 and not any("Okafor" in b.inner_text() for b in visible)
    assert "Highlighting the 2 quotes resting on unnamed sources, 1 with no reason given" in (page.text_content("#status") or "")
    assert page.locator("#speakers-heading").inner_text().endswith(": unnamed sources")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.locator("#article-view mark.quote.selected").count() == 0
    assert all(b.is_visible() for b in page.locator("#speakers button.speaker").all())


def test_with_no_unnamed_source_the_filter_says_so(page: Any) -> None:
    answer = analyse(page, "“We are ready,” said Ana Ruiz, the mayor of Tellbridge.")
    assert not any(s.get("anonymous") for s in answer["speakers"])
    toggle = page.locator("#unnamed-filter")
    assert toggle.inner_text() == "No unnamed sources" and toggle.is_disabled()
    assert "named person" in page.locator("#speakers button.speaker").first.inner_text()
