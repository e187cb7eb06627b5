"""Quotations: direct, mixed and reported, each with its cue and its speaker's head.

Three passes, each over what the one before left, then one step over them all:

1. ``direct``: a quotation that stands as a sentence of its own, attributed
   by the frame beside it, a dash, a colon or a speaker's label; unattributed
   if none of these names a speaker.
2. ``reported``: every reporting verb with a speaker and a complement, every
   "according to X" and every labelled paragraph gives a statement: direct,
   mixed or indirect by how much of it is quoted.
3. ``fragments``: quoted fragments still left over are mixed quotes when a
   naming or speech verb governs them ("described the war as “sacred”");
   the rest are scare quotes and titles, and are left out.
4. An unattributed direct quote takes the speaker of the quote just before it
   when nothing but that quote's frame stands between (``direct.continuation``),
   else, if its marks close, the last speaker a paragraph or two before
   (``last_speaker``); a part of a quote whose paragraph breaks were lost
   takes the speaker of the part after it (``continue_reopened``).
   One still unattributed is kept without a speaker if its marks close, and
   dropped as a stray mark if they never do; where quotes overlap, one stays.
   None is kept from a paragraph of page furniture (``Article.furniture``:
   a caption, a teaser, a media label).

``spans`` holds the character arithmetic the passes share; the speaker rules
they call are in ``speakers``.
"""

from __future__ import annotations

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.lexicon import LAST_SPEAKER_PARAGRAPHS
from service.attribution.marks import QuotedSpan
from service.attribution.quotes.direct import continuation, direct_quotes, unattributed
from service.attribution.quotes.found import Found
from service.attribution.quotes.fragments import governed_fragments
from service.attribution.quotes.reported import reported_speech
from service.attribution.rules import Rule

__all__ = ["Found", "find_quotes", "without_overlaps"]


def find_quotes(article: Article) -> list[Found]:
    """Every quotation in the article, in text order, with its cue and speaker head.

    Without a dependency parse (a tokenizer-only pipeline) only the quotation
    marks are read: every rule that follows the tree is skipped, and the quotes
    come unattributed.
    """
    if not article.parsed:
        return [unattributed(article, k) for k, q in enumerate(article.quoted) if q.double and q.close is not None]
    direct = direct_quotes(article)
    taken = {k for found in direct for k in found.quoted}
    reported = reported_speech(article, direct, taken)
    named = governed_fragments(article, direct + reported, taken)
    found = sorted(direct + reported + named, key=lambda f: (f.start, f.end))
    continue_speakers(article, found)
    continue_reopened(article, found)
    # A mark never closed that nobody is said to have spoken is a stray mark;
    # one that a new mark reopens (paragraph breaks lost) is a quote's first part.
    kept = [f for f in found if f.rule is not Rule.UNATTRIBUTED or _closed_or_reopened(article, f)]
    return without_overlaps([f for f in kept if f.end > f.start and not article.in_furniture(f.start)])


def continue_speakers(article: Article, found: list[Found]) -> None:
    """Give each unattributed direct quote the speaker of the quote before it, where it continues it,
    else the last speaker a paragraph or two before (``last_speaker``)."""
    for n, item in enumerate(found):
        if item.rule is not Rule.UNATTRIBUTED or n == 0:
            continue
        quoted = article.quoted[item.quoted[0]]
        attributed = continuation(article, quoted, found[n - 1])
        if attributed is not None:
            item.speaker, item.rule = attributed.speaker, Rule.CONTINUATION
            continue
        speaker = last_speaker(article, quoted, found[:n])
        if speaker is not None:
            item.speaker, item.rule = speaker, Rule.LAST_SPEAKER


def last_speaker(article: Article, quoted: QuotedSpan, before: list[Found]) -> Token | None:
    """The speaker of the last attributed quote before a closed quotation with no cue, a paragraph or two back.

    "..., said Ana Ruiz, who has run the clinic since 2019. The clinic's
    funding ends in March. ⏎ “We will find the money,”" is Ruiz's: news
    copy gives a run of quotes to the one speaker until it names another,
    with narrative between. Near misses: a quotation never closed (a stray
    mark), and one more than ``LAST_SPEAKER_PARAGRAPHS`` paragraphs after
    anyone spoke.
    """
    if quoted.close is None:
        return None
    here = article.paragraph_of(quoted.open)
    for item in reversed(before):
        if item.speaker is None:
            continue
        if article.prose_paragraphs_between(article.paragraph_of(max(item.end - 1, item.start)), here) >= LAST_SPEAKER_PARAGRAPHS:
            return None
        return item.speaker
    return None


def continue_reopened(article: Article, found: list[Found]) -> None:
    """Give a quote whose paragraph breaks were lost the speaker named after its last part.

    “We are ready. “The boats are checked. “We sail at dawn,” said Ana Ruiz.
    is three quotes of Ruiz's: each reopened part takes the speaker of the
    part right after it, back from the last. Near miss: a quotation left open
    and never reopened stays a stray mark.
    """
    for n in range(len(found) - 2, -1, -1):
        item, after = found[n], found[n + 1]
        if item.rule is not Rule.UNATTRIBUTED or after.speaker is None:
            continue
        quoted = article.quoted[item.quoted[0]]
        following = article.quoted[after.quoted[0]] if after.quoted else None
        if quoted.reopened and following is not None and not article.text[quoted.outer_end : following.open].strip():
            item.speaker, item.rule = after.speaker, Rule.CONTINUATION


def _closed_or_reopened(article: Article, found: Found) -> bool:
    quoted = article.quoted[found.quoted[0]]
    return quoted.close is not None or quoted.reopened


def without_overlaps(found: list[Found]) -> list[Found]:
    """One quote wherever quotes overlap: the text is highlighted once.

    Reported speech inside reported speech ("Ruiz said Hale told reporters the
    bridge would reopen") keeps the outer statement, whose speaker is the one
    the article vouches for; the words inside it stay part of its text. Of two
    quotes that only partly overlap, the one a surer rule found stays.
    """
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if kept and item.start < kept[-1].end:
            last = kept[-1]
            if item.end <= last.end:
                continue  # inside the one kept
            if item.rule.confidence > last.rule.confidence:
                kept[-1] = item
            continue
        kept.append(item)
    return kept
