"""Page furniture: paragraphs copied from a web page that are no part of the story's prose.

Text pasted from a page brings along what stood around the story: a photo's
caption with its credit, a teaser for another story or a video, a media
label, a video's running time. Such a paragraph gives no quotes, no speaker's
label and no antecedent for a pronoun: its "Ruiz says ..." describes a
picture, and its "WATCH: Hale warns ..." is another story's headline. A
quote paragraph after one still continues the one before it.

Each rule reads one paragraph's text, with no parse (``FURNITURE_RULES``);
``Article.furniture`` holds the paragraphs any of them matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from service.attribution.lexicon import FURNITURE_LABELS, MAX_FURNITURE_LABEL_WORDS, MAX_NOTICE_WORDS, TEASER_VERBS

CREDIT_AT_END = re.compile(r"\(([^()]{1,80})\)\s*$")
"""A parenthesis that ends the paragraph (no full stop after it)."""
RUNNING_TIME_AT_END = re.compile(r"\s\d{1,2}:\d{2}(?::\d{2})?\s*$")
"""A clock reading that ends the paragraph with no punctuation after it: a video's length."""
CREDIT_FIRST = re.compile(r"\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} / [A-Z]")
"""A photographer's name, a spaced slash and an outlet opening the paragraph: "Ryan Remiorz / The Canadian Press"."""
LABEL = re.compile(r"\s*([^\W\d][\w’'. -]*?)\s*:\s")
"""Words before a colon that opens the paragraph: "WATCH BELOW: ...", "Photo: ..."."""

FurnitureRule = Callable[[str], bool]


def photo_credit(paragraph: str) -> bool:
    """A caption ending in its photo's credit: "Ruiz at the launch. (Tom Hale/Harbour News)".

    The credit is a parenthesis of capitalised words that ends the paragraph
    and reads as a credit: a slash between photographer and outlet, or the
    spaced "( FILE PHOTO )" some outlets print. Near misses: "... said Ann
    Lee (D-Ohio)." (a full stop after it, and no credit's form); "(AP)" at
    the end of a wire story's paragraph (a dateline's source, the paragraph
    is prose).
    """
    match = CREDIT_AT_END.search(paragraph)
    if match is None:
        return False
    inner = match.group(1)
    words = [w for w in re.split(r"[\s/]+", inner) if w]
    if not words or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    return "/" in inner or inner != inner.strip()


def credit_first(paragraph: str) -> bool:
    """A caption opened by its photo's credit, as wire photos are pasted: "Ryan Remiorz / The Canadian Press
    Ana Ruiz, right, greets ...".

    Two to four capitalised words, a slash with a space on each side, then a
    capitalised word. Near misses: "AC/DC said ..." (no spaces around the
    slash); "Ruiz said the fees / charges would rise" (not at the start).
    """
    return CREDIT_FIRST.match(paragraph) is not None


def teaser_or_media_label(paragraph: str) -> bool:
    """A paragraph opened by a label that points at a picture, a video or another story.

    "WATCH: Hale warns of ...", "Read more: ...", "Photo: Tom Hale/Harbour
    News", "Caption: ...". Near misses: "Update: “...,” Ruiz said" (an
    update is the story's own text); "Ruiz: We will win" (a speaker).
    """
    match = LABEL.match(paragraph)
    if match is None:
        return False
    words = match.group(1).lower().split()
    if not words or len(words) > MAX_FURNITURE_LABEL_WORDS:
        return False
    return " ".join(words) in FURNITURE_LABELS or words[0] in TEASER_VERBS


def running_time(paragraph: str) -> bool:
    """A video's caption ending in its running time: "Ruiz tells us why she left 2:45".

    Near miss: "The vote was at 10:45." (a full stop: the time of day in a sentence).
    """
    return RUNNING_TIME_AT_END.search(paragraph) is not None


def continuation_notice(paragraph: str) -> bool:
    """A web page's notice between two parts of a story: "Article continues below", "Advertisement".

    A line of a few words with no full stop that says the story goes on
    further down, or announces an advertisement. Near miss: "The talks
    continue below the surface, Ruiz said." (a sentence of the story).
    """
    words = re.findall(r"[a-z]+", paragraph.lower())
    if not words or len(words) > MAX_NOTICE_WORDS or paragraph.rstrip()[-1:] in ".!?”\"":
        return False
    goes_on = any(w.startswith("continu") for w in words) and ("below" in words or "after" in words)
    return goes_on or words == ["advertisement"]


FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    photo_credit,
    credit_first,
    teaser_or_media_label,
    running_time,
    continuation_notice,
)


def is_furniture(paragraph: str) -> bool:
    """Whether a paragraph's text is page furniture by any of ``FURNITURE_RULES``."""
    return any(rule(paragraph) for rule in FURNITURE_RULES)
