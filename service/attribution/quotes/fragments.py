"""Pass 3: quoted fragments still left over, kept where a naming or speech verb governs them.

"described the war as “sacred”" is a mixed quote of the describer's; the rest
are scare quotes and titles, and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.cues import cue_tokens, is_frame_verb, is_naming_verb, is_speech_verb
from service.attribution.lexicon import (
    CONTENT_DEPS,
    FRAGMENT_GOVERNOR_DEPTH,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    TITLE_CASE_SMALL_WORDS,
    WORK_PREPOSITIONS,
)
from service.attribution.quotes.found import Found
from service.attribution.quotes.spans import Intervals, classify, end_of, subtree_chars, trim
from service.attribution.rules import Rule
from service.attribution.speakers import find_speaker


def governing_verb(token: Token) -> Token | None:
    """The naming or speech verb a quoted fragment hangs from, a few steps up.

    "described the war as “sacred”": "sacred" -> "as" -> "described";
    "continued, using the name, that “...”" reaches "continued" through
    "using" (a verb like "continue" only through a that-clause). Near misses:
    "praised “Doctor” Lopez" has no such verb above; "The “new” pier
    continued" has its fragment in the subject.
    """
    current = token
    through_clause = False
    for _ in range(FRAGMENT_GOVERNOR_DEPTH):
        if current.head.i == current.i or current.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
            return None  # a fragment in a subject ("The “new” pier continued") is no one's words
        through_clause = through_clause or current.dep_ == "ccomp"
        current = current.head
        if is_naming_verb(current) or is_speech_verb(current) or (is_frame_verb(current) and through_clause):
            return current
    return None


def fragment_content(cue: Token, root: Token) -> tuple[int, int]:
    """What a governed fragment belongs to: the clause between it and its verb, if any.

    "continued ..., that “deepening cooperation ... concern”" gives the that-clause;
    "described [the war] as “sacred”" (no clause) runs from the verb's first
    object or complement to the fragment.
    """
    current = root
    while current.i != cue.i and current.head.i != current.i:
        if current.dep_ in CONTENT_DEPS:
            return subtree_chars([current])
        current = current.head
    firsts = [c for c in cue.rights if c.dep_ in OBJECT_DEPS or c.dep_ == "prep" or c.dep_ in CONTENT_DEPS]
    start_token = firsts[0].left_edge if firsts else root.left_edge
    return start_token.idx, end_of(root.right_edge)


def names_a_work(words: list[Token], root: Token) -> bool:
    """Quoted words that are the title of a programme or a publication, not anyone's words.

    Matches: Sanders told MSNBC’s “Morning Joe” that ...; Pence said on “Face
    the Nation” ... (title case, and owned by a possessive outside the marks,
    or the object of "on"). Near miss: the mayor called it Trump’s “total
    disaster” (not title case) stays a quoted fragment. Asked of each quoted
    fragment before a verb governing it makes it a mixed quote
    (``governed_fragments``).
    """
    inside = {t.i for t in words}
    owned = any(c.dep_ == "poss" and c.i not in inside for c in root.children)
    on_air = root.dep_ == "pobj" and root.head.lower_ in WORK_PREPOSITIONS and root.head.i not in inside
    title_case = all(t.is_title or t.lower_ in TITLE_CASE_SMALL_WORDS for t in words if t.is_alpha)
    return (owned or on_air) and title_case and words[0].is_title


@dataclass
class _Governed:
    """The fragments one verb governs, gathered before they become one quote."""

    cue: Token
    speaker: Token
    start: int
    end: int
    quoted: list[int] = field(default_factory=list)


def _governor(article: Article, k: int) -> tuple[Token, Token, tuple[int, int]] | None:
    """The verb that governs quotation ``k``, its speaker's head, and the span they make, if any."""
    quoted = article.quoted[k]
    tokens = article.quoted_tokens(quoted)
    if not tokens:
        return None
    words = [t for t in tokens if not (t.is_punct or t.is_space)] or tokens
    root = min(words, key=lambda t: len(list(t.ancestors)))
    if names_a_work(words, root):
        return None
    cue = governing_verb(root)
    if cue is None or article.quoted_at(cue) is not None:
        return None
    speaker = find_speaker(cue)
    if speaker is None:
        return None
    start, end = fragment_content(cue, root)
    return cue, speaker[0], (min(start, quoted.start), max(end, quoted.end))


def governed_fragments(article: Article, done: list[Found], taken: set[int]) -> list[Found]:
    """The quotations outside every quote so far that a naming or speech verb governs, one quote per verb."""
    spans = Intervals((f.start, f.end) for f in done)
    by_cue: dict[int, _Governed] = {}
    for k, quoted in enumerate(article.quoted):
        if k in taken or spans.holds(quoted.start):
            continue
        found = _governor(article, k)
        if found is None:
            continue
        cue, speaker, (start, end) = found
        governed = by_cue.setdefault(cue.i, _Governed(cue, speaker, start, end))
        governed.start, governed.end = min(governed.start, start), max(governed.end, end)
        governed.quoted.append(k)
    quotes = []
    for governed in by_cue.values():
        kind, start, end = classify(article, *trim(article, governed.start, governed.end), governed.quoted)
        parts = [article.quoted[k].pieces[0] for k in governed.quoted]
        quotes.append(Found(start, end, kind, parts, cue_tokens(governed.cue), governed.speaker, Rule.GOVERNED_FRAGMENT, governed.quoted))
    return quotes
