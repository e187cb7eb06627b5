"""Quotations: direct, mixed and reported, each with its cue and speaker head.

Three passes, each over what the one before left:

1. Direct quotes: a quotation that stands as a sentence of its own is
   attributed by the rules in ``DIRECT_RULES``, in order: a cue right after it
   ("...,” he said), a cue right before it (He said, “...”), a colon at the end
   of the paragraph before (Caddell continued:). One that none attributes is
   kept, unattributed, for step 4.
2. Reported speech: every speech verb with a speaker and a clausal complement,
   and every "according to X", gives the complement as a quotation. Where
   quoted words fill the complement it is a direct quote, where they are part
   of it a mixed quote, and where there are none an indirect one.
3. Quoted fragments still left over are mixed quotes when a naming or speech
   verb governs them ("described the war as “sacred”"); the rest are scare
   quotes and titles, and are left out.
4. An unattributed direct quote takes the speaker of the quote just before it
   when nothing but that quote's frame stands between (``continuation``). One
   still unattributed is kept without a speaker if its marks close, and
   dropped as a stray mark if they never do.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.cues import (
    CLAUSE,
    INFINITIVE,
    OBJECT,
    content_children,
    cue_tokens,
    is_according_to,
    is_frame_verb,
    is_naming_verb,
    is_speech_verb,
    is_verb,
    reporting_frame,
    verb_frame,
)
from service.attribution.lexicon import (
    CONTENT_DEPS,
    DASHES,
    DIRECT_COVERAGE,
    FINITE_VERB_TAGS,
    FRAGMENT_GOVERNOR_DEPTH,
    MAX_LABEL_CHARS,
    MAX_LABEL_WORDS,
    MAX_SPLIT_FRAME_CHARS,
    MIN_SENTENTIAL_WORDS,
    MODALS,
    NOT_SPEAKER_LABELS,
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    PASSIVE_SUBJECT_DEPS,
    QUOTE_AS_VERBS,
    RELATIVE_PRONOUNS,
    RELATIVE_TAGS,
    RULE_CONFIDENCE,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    TIME_LABELS,
    TITLE_CASE_SMALL_WORDS,
    WORK_PREPOSITIONS,
)
from service.attribution.marks import ALL_MARKS, QuotedSpan
from service.attribution.model import QuoteType
from service.attribution.speakers import find_speaker, subject
from service.attribution.tagging import lemma

CLAUSE_END = ".!?"
TRIM_CHARS = " \t\r\n,;:—–-" + ALL_MARKS
MARK_WIDTH = 2
"""The widest quotation mark, two apostrophes: a quotation whose words start at
``i`` opens at ``i - MARK_WIDTH`` at the earliest."""
DASH_AFTER = re.compile(r"\s*([" + DASHES + r"])\s*")
TWO_WORDS = re.compile(r"\s*(\S+\s+\S)")
UNATTRIBUTED = "unattributed"
"""The rule name of a quotation that stands as a sentence but names no speaker."""


@dataclass
class Found:
    """A quotation found in this article, before its speaker is resolved."""

    start: int
    end: int
    type: QuoteType
    parts: list[tuple[int, int]]
    cue: list[Token] | None
    speaker: Token | None
    rule: str
    quoted: list[int] = field(default_factory=list)
    """Indexes into ``Article.quoted`` of the quotations it holds."""


@dataclass(frozen=True)
class Attributed:
    """What a direct-quote rule found: the cue, the speaker's head, the rule."""

    cue: list[Token] | None
    speaker: Token
    rule: str


def find_quotes(article: Article) -> list[Found]:
    """Every quotation in the article, in text order, with its cue and speaker head.

    Without a dependency parse (a tokenizer-only pipeline) only the quotation
    marks are read: every rule that follows the tree is skipped, and the quotes
    come unattributed.
    """
    if not article.parsed:
        return [_unattributed(article, k) for k, q in enumerate(article.quoted) if q.double and q.close is not None]
    direct = _direct_quotes(article)
    taken = {k for found in direct for k in found.quoted}
    reported = _reported_speech(article, direct, taken)
    taken |= {k for found in reported for k in found.quoted}
    named = _governed_fragments(article, direct + reported, taken)
    found = sorted(direct + reported + named, key=lambda f: (f.start, f.end))
    _continue_speakers(article, found)
    # A mark never closed that nobody is said to have spoken is a stray mark.
    kept = [f for f in found if f.rule != UNATTRIBUTED or article.quoted[f.quoted[0]].close is not None]
    return without_overlaps([f for f in kept if f.end > f.start])


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
            if RULE_CONFIDENCE.get(item.rule, 0) > RULE_CONFIDENCE.get(last.rule, 0):
                kept[-1] = item
            continue
        kept.append(item)
    return kept


def _continue_speakers(article: Article, found: list[Found]) -> None:
    """Give each unattributed direct quote the speaker of the quote before it, where it continues it."""
    for n, item in enumerate(found):
        if item.rule != UNATTRIBUTED or n == 0:
            continue
        attributed = continuation(article, article.quoted[item.quoted[0]], found[n - 1])
        if attributed is not None:
            item.speaker, item.rule = attributed.speaker, attributed.rule


# --- pass 1: direct quotes ----------------------------------------------------


def is_sentential(article: Article, quoted: QuotedSpan) -> bool:
    """A quotation that stands as a sentence: “We won,” she said.

    It opens its paragraph or follows punctuation (a full stop, a comma before a
    capital, a colon, a dash) rather than a word, and it holds a few words or
    ends with its own punctuation. The near miss
    ``praised “Comrade” Kim`` follows a verb and is a fragment.
    """
    text = article.text
    before = _char_before(article, quoted.open)
    inside = text[quoted.start : quoted.end]
    if before.isalnum():
        return False
    if before == "," and not inside[:1].isupper() and not resumes_quotation(article, quoted):
        return False
    words = len(inside.split())
    return words >= MIN_SENTENTIAL_WORDS or inside.rstrip()[-1:] in CLAUSE_END + ",…"


def _char_before(article: Article, position: int) -> str:
    """The last character before ``position`` in its paragraph that is not a space ("" if none)."""
    para_start = article.paragraphs[article.paragraph_of(position)][0]
    i = position - 1
    while i >= para_start and article.text[i].isspace():
        i -= 1
    return article.text[i] if i >= para_start else ""


def resumes_quotation(article: Article, quoted: QuotedSpan) -> bool:
    """The second half of a quotation split by its attribution: “We won,” he said, “and we will again.”

    The quotation before closed on a comma inside its marks, and only a short
    frame without a full stop stands between. Near miss: “We won,” he said,
    and the crowd called it “a miracle” has a fragment, not a resumption.
    """
    last = article.last_before(quoted.open)
    if last is None or not last.double:
        return False
    between = article.text[last.outer_end : quoted.open]
    closes_on_comma = article.text[last.start : last.end].rstrip().endswith(",")
    return closes_on_comma and len(between) <= MAX_SPLIT_FRAME_CHARS and not any(c in CLAUSE_END for c in between)


def _frame_tokens(article: Article, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` that stand outside every quotation."""
    return [t for i in article.token_range(start, end) if article.quoted_at(t := article.doc[i]) is None]


def _cue_with_speaker(tokens: list[Token], rule: str, speech_only: bool = False) -> Attributed | None:
    """The first cue among ``tokens`` (a frame outside the quotation) and its speaker.

    The parser often hangs a frame's subject inside the quotation next to it
    ("“...,” Flynn, a surrogate, said on “Fox and Friends.”" gives "said" the
    subject "Fox"), or misses an inverted one ("said James Acton"). A speaker
    inside a quotation is no speaker: the nearest name in the frame is.
    """
    accepts = is_speech_verb if speech_only else is_frame_verb
    frame = {t.i for t in tokens}
    for token in tokens:
        if not accepts(token):
            continue
        speaker = find_speaker(token)
        if speaker is not None and speaker[0].i in frame:
            return Attributed(cue_tokens(token), speaker[0], rule)
        nearest = frame_subject(tokens, token)
        if nearest is not None:
            return Attributed(cue_tokens(token), nearest, rule)
    return None


def frame_subject(tokens: list[Token], cue: Token) -> Token | None:
    """The name nearest the cue in a frame: before it ("Flynn, a surrogate, said") or after it ("said Ana Ruiz").

    An appositive leads to the name it describes, a prepositional object to
    the noun it belongs to ("the mayor of the city said" gives "mayor").
    Near miss: a frame with no noun ("“...,” said.") gives nothing.
    """
    frame = {t.i: t for t in tokens}
    before = sorted((t for t in tokens if t.i < cue.i), key=lambda t: -t.i)
    after = sorted((t for t in tokens if t.i > cue.i), key=lambda t: t.i)
    for side in (before, after):
        for token in side:
            if token.ent_type_ in TIME_LABELS:
                continue  # "said Thursday"
            if side is after and token.dep_ == "prep":
                break  # "said on Fox News": an adjunct, not the speaker
            if token.pos_ in ("PROPN", "NOUN", "PRON") and not token.is_punct:
                while token.dep_ in ("appos", "compound", "amod", "pobj", "prep") and token.head.i in frame:
                    if token.head.i == token.i:
                        break
                    token = token.head
                return token
            if is_verb(token) or token.text in CLAUSE_END:
                break
    return None


def _frame_end(article: Article, quoted: QuotedSpan) -> int:
    """Where the frame after a quotation stops at the latest: the next quotation or the paragraph's end."""
    para_end = article.paragraphs[article.paragraph_of(quoted.open)][1]
    following = article.next_open(quoted.outer_end)
    return para_end if following is None else min(para_end, following)


def _tokens_after(article: Article, quoted: QuotedSpan) -> list[Token]:
    """The sentence right after a quotation: up to the next quotation, sentence or paragraph."""
    tokens = _frame_tokens(article, quoted.outer_end, _frame_end(article, quoted))
    if not tokens:
        return []
    sentence = article.sentence_index(tokens[0])
    return [t for t in tokens if article.sentence_index(t) == sentence]


def frame_after(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A cue right after the quotation: “...,” he said / “...,” said Maxwell.

    After a quotation that ends its own sentence (“We are done.” He left.) only
    a verb of saying counts, so the next sentence of narrative is no frame. Near
    miss: “Comrade” is what they call him, where "call" is no speech verb.
    """
    closed = article.text[quoted.start : quoted.end].rstrip()[-1:] in CLAUSE_END
    return _cue_with_speaker(_tokens_after(article, quoted), "frame_after", speech_only=closed)


def frame_before(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A cue right before the quotation: He said, “...” / Clinton added: “...”.

    The nearest cue wins; a cue in an earlier sentence does not count, and a
    quotation right after a full stop has no frame before it.
    """
    tokens = _tokens_before(article, quoted)
    return _cue_with_speaker(list(reversed(tokens)), "frame_before")


def _tokens_before(article: Article, quoted: QuotedSpan) -> list[Token]:
    """The sentence right before a quotation, back to the last quotation or the paragraph's start."""
    para_start = article.paragraphs[article.paragraph_of(quoted.open)][0]
    last = article.last_before(quoted.open)
    tokens = _frame_tokens(article, max(para_start, last.outer_end if last is not None else para_start), quoted.open)
    tokens = [t for t in tokens if not t.is_space]
    if not tokens or tokens[-1].text in CLAUSE_END:
        return []
    sentence = article.sentence_index(tokens[-1])
    return [t for t in tokens if article.sentence_index(t) == sentence]


def colon_before(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A quotation after a colon that ends a clause with no verb of saying.

    "Her response was: “...”", "He made his case: “...”": the subject of the
    clause speaks. Near miss: "The sign read: “...”" is ``frame_before``'s,
    and a clause whose subject is inside a quotation gives nothing.
    """
    tokens = _tokens_before(article, quoted)
    if not tokens or tokens[-1].text != ":":
        return None
    frame = {t.i for t in tokens}
    for verb in reversed(tokens):
        if is_verb(verb) and verb.dep_ in ("ROOT", "conj", "ccomp", "advcl"):
            found = subject(verb)
            if found is not None and found.i in frame and found.lower_ not in RELATIVE_PRONOUNS:
                return Attributed([tokens[-1]], found, "colon_before")
    return None


def colon_paragraph(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """The paragraph before ends with a colon after a cue: “Caddell continued:”.

    Only when the quotation opens its paragraph; a colon mid-paragraph is
    ``frame_before``'s.
    """
    index = article.paragraph_of(quoted.open)
    para_start = article.paragraphs[index][0]
    if index == 0 or article.text[para_start : quoted.open].strip():
        return None
    prev_start, prev_end = article.paragraphs[index - 1]
    if not article.text[prev_start:prev_end].rstrip().endswith(":"):
        return None
    tokens = _frame_tokens(article, prev_start, prev_end)
    return _cue_with_speaker(list(reversed(tokens)), "colon_paragraph")


def dash_after(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A name after a dash that follows the quotation: “...” ― Ana Ruiz, a nurse.

    The epigraph and reader-comment form. Near miss: “...” — and then the
    crowd left, where the words after the dash hold a verb.
    """
    para_end = article.paragraphs[article.paragraph_of(quoted.open)][1]
    dash = DASH_AFTER.match(article.text, quoted.outer_end, para_end)
    if dash is None:
        return None
    tokens = _frame_tokens(article, dash.end(), _frame_end(article, quoted))
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_LABEL_WORDS * 2 or any(is_verb(t) for t in words):
        return None
    head = _phrase_head(words)
    if head is None:
        return None
    cue = article.doc[article.token_at(dash.start(1))]
    return Attributed([cue], head, "dash_after")


def _phrase_head(words: list[Token]) -> Token | None:
    """The word of a short phrase whose head lies outside it: the phrase's own head."""
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    named = [t for t in heads if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return named[0] if named else None


def labelled_paragraph(article: Article, index: int) -> tuple[Token, Token, int] | None:
    """A paragraph that opens with who speaks and a colon: "Ana Ruiz: We will win." / "Q: Why?".

    Headlines and transcripts are written this way. Gives the speaker's head,
    the colon and where the words after it start. Near misses: "Note: ...",
    a time ("2:45 p.m."), and a clause before the colon ("He said this:").
    """
    start, end = article.paragraphs[index]
    text = article.text
    colon = text.find(":", start, min(end, start + MAX_LABEL_CHARS))
    if colon < 0 or colon + 1 >= end or not text[colon + 1].isspace():
        return None
    label = text[start:colon].strip()
    if not label[:1].isupper() or label.lower().rstrip(".") in NOT_SPEAKER_LABELS:
        return None
    words = [t for t in _frame_tokens(article, start, colon) if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_LABEL_WORDS or any(is_verb(t) for t in words):
        return None
    rest = TWO_WORDS.match(text, colon + 1, end)
    if rest is None:
        return None
    head = _phrase_head(words)
    if head is None:
        return None
    return head, article.doc[article.token_at(colon)], rest.start(1)


def speaker_colon(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """The quotation right after a speaker's label: “Trump: "We will win."” or a transcript line."""
    index = article.paragraph_of(quoted.open)
    found = labelled_paragraph(article, index)
    if found is None or found[2] != quoted.open:
        return None
    head, colon, _ = found
    return Attributed([colon], head, "speaker_colon")


def continuation(article: Article, quoted: QuotedSpan, previous: Found) -> Attributed | None:
    """A quotation with no cue of its own goes to the speaker of the quote just before it.

    Matches “A,” she said. “B.” and a quote paragraph right after one that
    ends with an attributed quote or "X said Y." The previous quote must end
    in this paragraph or the one before, and nothing but its own frame may
    stand between: a sentence of narrative in between breaks the chain.
    """
    if previous.speaker is None:
        return None
    here = article.paragraph_of(quoted.open)
    there = article.paragraph_of(previous.end)
    if here == there + 1:
        para_start, _ = article.paragraphs[here]
        if article.text[para_start : quoted.open].strip():
            return None
        between = _frame_tokens(article, previous.end, article.paragraphs[there][1])
    elif here == there:
        between = _frame_tokens(article, previous.end, quoted.open)
    else:
        return None
    if _has_narrative(article, between, previous):
        return None
    return Attributed(None, previous.speaker, "continuation")


def _has_narrative(article: Article, tokens: list[Token], previous: Found) -> bool:
    """Whether ``tokens`` hold a sentence with a verb other than the previous quote's own.

    The rest of the previous quote's sentence is its frame, however long
    ("..., said Ana Ruiz, who has run the clinic since 2019."); any other
    sentence with a verb in it is narrative.
    """
    anchors = [*(previous.cue or []), *([previous.speaker] if previous.speaker is not None else [])]
    own = {article.sentence_index(t) for t in anchors}
    own.add(article.sentence_index(article.doc[article.token_at(max(previous.end - 1, 0))]))
    return any(is_verb(t) and article.sentence_index(t) not in own for t in tokens)


DirectRule = Callable[[Article, QuotedSpan], Attributed | None]
DIRECT_RULES: tuple[DirectRule, ...] = (
    frame_after,
    dash_after,
    frame_before,
    colon_before,
    colon_paragraph,
    speaker_colon,
)


def _unattributed(article: Article, k: int) -> Found:
    quoted = article.quoted[k]
    return Found(quoted.start, quoted.end, QuoteType.DIRECT, list(quoted.pieces), None, None, UNATTRIBUTED, [k])


def _direct_quotes(article: Article) -> list[Found]:
    found: list[Found] = []
    for k, quoted in enumerate(article.quoted):
        if not quoted.double or not is_sentential(article, quoted):
            continue
        attributed = next((a for rule in DIRECT_RULES if (a := rule(article, quoted))), None)
        cue, speaker, rule_name = (
            (attributed.cue, attributed.speaker, attributed.rule) if attributed else (None, None, UNATTRIBUTED)
        )
        found.append(
            Found(quoted.start, quoted.end, QuoteType.DIRECT, list(quoted.pieces), cue, speaker, rule_name, [k])
        )
    return found


# --- pass 2: reported speech ----------------------------------------------------


def _trim(article: Article, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, commas, dashes, quotation marks and an opening complementizer from a content span.

    "that" goes only where the parser calls it a complementizer (a ``mark``):
    in "said that it rained" it does, in "“That that,” she added" it does not.
    """
    text = article.text
    while start < end and (text[start] in TRIM_CHARS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in TRIM_CHARS + "." or text[end - 1].isspace()):
        end -= 1
    if start < end:
        first = article.doc[article.token_at(start)]
        if first.idx == start and first.lower_ == "that" and first.dep_ == "mark":
            return _trim(article, start + len(first.text), end)
    return start, end


def _with_marks(article: Article, start: int, end: int) -> tuple[int, int]:
    """Widen a span so that each quotation it cuts into keeps both its marks."""
    # Only the quotations opening near or inside the span can be cut by it.
    near = article.quotes_opening_in(start - MARK_WIDTH, end)
    for k in range(max(near.start - 1, 0), near.stop):
        quoted = article.quoted[k]
        if start <= quoted.start < end < quoted.outer_end:
            end = quoted.outer_end
        if quoted.open < start <= quoted.end and quoted.end <= end:
            start = quoted.open
    return start, end


def _subtree_chars(tokens: list[Token]) -> tuple[int, int]:
    first = min(t.left_edge.i for t in tokens)
    last = max(t.right_edge.i for t in tokens)
    doc = tokens[0].doc
    return doc[first].idx, _end_of(doc[last])


def according_to_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """The sentence around "according to X", without that phrase when it opens or ends it.

    "According to Cha, the meeting poses a threat" gives "the meeting poses a
    threat"; "More sanctions, according to China, won't help" keeps the whole
    sentence.
    """
    start_i, end_i = article.sentence_of(cue)
    doc = article.doc
    sent_start, sent_end = doc[start_i].idx, _end_of(doc[end_i - 1])
    phrase_start, phrase_end = _subtree_chars([cue])
    if not article.text[sent_start:phrase_start].strip(TRIM_CHARS):
        sent_start = phrase_end
    elif not article.text[phrase_end:sent_end].strip(TRIM_CHARS + "."):
        sent_end = phrase_start
    start, end = _trim(article, sent_start, sent_end)
    return (start, end) if end > start else None


def verb_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """The clausal complement of a speech verb: "said [that] Pyongyang is ...".

    Near misses: "said in an email" has no complement; in "what it says is
    debris" the verb's object is a free relative, and its complement names
    what "what" is rather than making a statement of its own. (A relative
    "which he said was true" stays: PolNeAR counts it, and dev agrees.)
    """
    children = content_children(cue)
    if not children:
        return None
    if any(_is_relative(c) for c in cue.children if c.dep_ in OBJECT_DEPS):
        return None
    start, end = _subtree_chars(children + _reported_conjuncts(cue, children))
    start, end = _trim(article, start, end)
    return (start, end) if end > start else None


def _reported_conjuncts(cue: Token, children: list[Token]) -> list[Token]:
    """Conjuncts the parser hung on the verb of saying that belong to what was said.

    "Ruiz said the plan would fail, but would “cost little”": "would cost" has
    no subject and a modal, which narration never gives the verb of saying, so
    it continues the complement. Near miss: "Ruiz said the plan would fail and
    left" keeps "left" as Ruiz's own.
    """
    last = max(c.right_edge.i for c in children)
    return [
        c
        for c in cue.rights
        if c.dep_ == "conj"
        and c.i > last
        and not any(g.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for g in c.children)
        and any(g.dep_ == "aux" and g.lower_ in MODALS for g in c.children)
    ]


def _is_relative(token: Token) -> bool:
    return token.tag_ in RELATIVE_TAGS


def object_clause(article: Article, cue: Token) -> tuple[int, int] | None:
    """A complement the parser split: "saying [preparations for the visit are] at an advanced stage".

    When a speech verb has an object and no clausal complement, but a finite
    verb follows the object in the same sentence, the parser has usually cut
    the reported clause in two: the content runs from the object to the end of
    the sentence. Near miss: "told reporters" (no verb follows) gives nothing.
    """
    objects = [c for c in cue.rights if c.dep_ == "dobj" and not _is_relative(c)]
    if not objects:
        return None
    first, (_, sent_end) = objects[0], article.sentence_of(cue)
    rest = [article.doc[i] for i in range(first.right_edge.i + 1, sent_end)]
    # The verb the cue hangs from is the sentence's own ("While denying the
    # claim, the ministry promised ..."), and a clause under the cue is its
    # adjunct ("told reporters before the council voted"): neither is the
    # rest of what was said.
    own = {t.i for t in cue.ancestors} | {t.i for t in cue.subtree}
    clauses = [t.head if t.dep_ in ("aux", "auxpass") else t for t in rest if t.tag_ in FINITE_VERB_TAGS]
    if not any(t.i not in own and article.quoted_at(t) is None for t in clauses):
        return None
    last = article.doc[sent_end - 1]
    start, end = _trim(article, first.left_edge.idx, _end_of(last))
    return (start, end) if end > start else None


def infinitive_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """What an infinitive reports, with the person it is asked of: "urged [Congress to act]".

    Near miss: "declined in a statement" has no infinitive and gives nothing.
    """
    infinitive = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if infinitive is None:
        return None
    objects = [c for c in cue.rights if c.dep_ in ("dobj", "dative") and c.i < infinitive.i]
    start = (objects[0] if objects else infinitive).left_edge
    start_char, end_char = _trim(article, start.idx, _end_of(infinitive.right_edge))
    return (start_char, end_char) if end_char > start_char else None


def object_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """What an object reports, with the arguments after it: "accused [the mayor of lying]".

    The object runs on through a preposition that completes it ("of", "for",
    "as", "over") and a predicate ("called [it a disgrace]"); a time or a
    place ("on Monday", "in Ohio") is the verb's own and is left out.
    """
    obj = next((c for c in cue.rights if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    last = obj.right_edge
    for child in cue.rights:
        if child.i <= obj.i:
            continue
        completes = child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS and not _is_time(child)
        if completes or child.dep_ in ("oprd", "xcomp", "ccomp", "dobj", "dative"):
            last = child.right_edge
        elif child.dep_ not in ("punct",):
            break
    start_char, end_char = _trim(article, obj.left_edge.idx, _end_of(last))
    if not any(article.quoted[k].double for k in article.quotes_opening_in(start_char - MARK_WIDTH, end_char)):
        return None
    return (start_char, end_char) if end_char > start_char else None


def _is_time(phrase: Token) -> bool:
    """A phrase that says when: "on Monday", "for two weeks"."""
    return any(t.ent_type_ in TIME_LABELS for t in phrase.subtree)


def _end_of(token: Token) -> int:
    return token.idx + len(token.text)


def quotes_as_saying(verb: Token) -> bool:
    """"Tass quoted Rudenko as saying ...": the cue is "saying", not "quoted"."""
    return lemma(verb) in QUOTE_AS_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(is_speech_verb(g) for g in c.children) for c in verb.children
    )


FRAME_CONTENT = {CLAUSE: verb_content, INFINITIVE: infinitive_content, OBJECT: object_content}


def reported_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """What a reporting verb reports, read off the frame it reports in (``cues.reporting_frame``).

    A verb of saying whose clause the parser cut in two ("saying [preparations
    ... are] at ...") is repaired first: its object then opens a clause.
    """
    if quotes_as_saying(cue):
        return None
    if lemma(cue) in SPEECH_VERBS and verb_frame(cue) == OBJECT:
        split = object_clause(article, cue)
        if split is not None:
            return split
    frame = reporting_frame(cue)
    return FRAME_CONTENT[frame](article, cue) if frame is not None else None


def _quoted_inside(article: Article, start: int, end: int, taken: set[int]) -> list[int]:
    return [
        k
        for k in article.quotes_opening_in(start - MARK_WIDTH, end + 1)
        if k not in taken and article.quoted[k].start >= start and article.quoted[k].end <= end + 1
    ]


def _covered(article: Article, start: int, end: int, quoted: list[int]) -> float:
    """The share of the content's letters that stand inside quotation marks."""
    text = article.text
    total = sum(1 for c in text[start:end] if c.isalnum())
    inside = sum(1 for k in quoted for c in text[article.quoted[k].start : article.quoted[k].end] if c.isalnum())
    return inside / total if total else 0.0


def classify(article: Article, start: int, end: int, quoted: list[int]) -> tuple[QuoteType, int, int]:
    """Direct, mixed or indirect by how much of the content is quoted; the span to report."""
    if not quoted:
        return QuoteType.INDIRECT, start, end
    if _covered(article, start, end, quoted) >= DIRECT_COVERAGE:
        first, last = article.quoted[quoted[0]], article.quoted[quoted[-1]]
        return QuoteType.DIRECT, first.start, last.end
    return QuoteType.MIXED, *_with_marks(article, start, end)


def _reported_sources(article: Article, used_cues: set[int]) -> Iterator[tuple[Token, tuple[int, int], tuple[Token, str]]]:
    """(cue, content span, (speaker head, rule)) of every reported statement, in text order."""
    labels = {}
    for index in range(len(article.paragraphs)):
        found = labelled_paragraph(article, index)
        if found is not None:
            labels[found[1].i] = found
    for token in article.doc:
        if token.i in used_cues or article.quoted_at(token) is not None:
            continue
        if token.i in labels:
            head, _, start = labels[token.i]
            end = article.paragraphs[article.paragraph_of(start)][1]
            content: tuple[int, int] | None = _trim(article, start, end)
            speaker: tuple[Token, str] | None = (head, "speaker_colon")
        elif is_according_to(token):
            content, speaker = according_to_content(article, token), find_speaker(token)
        elif is_verb(token):
            content = reported_content(article, token)
            speaker = find_speaker(token) if content is not None else None
        else:
            continue
        if content is not None and content[1] > content[0] and speaker is not None:
            yield token, content, speaker


class _Intervals:
    """Spans of text, asked in logarithmic time whether any holds a point or meets a span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the spans starting so far
        for _, e in ordered:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def holds(self, point: int) -> bool:
        k = bisect_right(self._starts, point) - 1
        return k >= 0 and self._reach[k] > point

    def meets(self, start: int, end: int) -> bool:
        k = bisect_left(self._starts, end) - 1
        return k >= 0 and self._reach[k] > start


def _reported_speech(article: Article, direct: list[Found], taken: set[int]) -> list[Found]:
    found: list[Found] = []
    direct_spans = _Intervals((f.start, f.end) for f in direct)
    used_cues = {t.i for f in direct for t in f.cue or []}
    # "According to X, Y said Z" is Y's statement with its source: verbs go
    # first, and an "according to" whose words hold another cue is dropped.
    sources = sorted(_reported_sources(article, used_cues), key=lambda source: is_according_to(source[0]))
    # A verb that only borrows its subject inside someone else's reported words
    # is part of those words: "They will try to X and portray Y, Maxwell said."
    outer = _Intervals(content for _, content, (_, rule) in sources if rule != "inherited_subject")
    sources = [source for source in sources if source[2][1] != "inherited_subject" or not outer.holds(source[0].idx)]
    cue_positions: list[int] = []
    for token, content, speaker in sources:
        start, end = content
        if direct_spans.meets(start, end):
            continue
        if is_according_to(token) and bisect_left(cue_positions, end) > bisect_left(cue_positions, start):
            continue
        quoted = _quoted_inside(article, start, end, taken)
        kind, start, end = classify(article, start, end, quoted)
        taken |= set(quoted)
        insort(cue_positions, token.idx)
        found.append(
            Found(
                start,
                end,
                kind,
                [article.quoted[k].pieces[0] for k in quoted],
                cue_tokens(token),
                speaker[0],
                speaker[1],
                quoted,
            )
        )
    return sorted(found, key=lambda f: f.start)


# --- pass 3: fragments under a naming verb -------------------------------------------


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
            return _subtree_chars([current])
        current = current.head
    firsts = [c for c in cue.rights if c.dep_ in OBJECT_DEPS or c.dep_ == "prep" or c.dep_ in CONTENT_DEPS]
    start_token = firsts[0].left_edge if firsts else root.left_edge
    return start_token.idx, _end_of(root.right_edge)


def names_a_work(words: list[Token], root: Token) -> bool:
    """Quoted words that are the title of a programme or a publication, not anyone's words.

    Matches: Sanders told MSNBC’s “Morning Joe” that ...; Pence said on “Face
    the Nation” ... (title case, and owned by a possessive outside the marks,
    or the object of "on"). Near miss: the mayor called it Trump’s “total
    disaster” (not title case) stays a quoted fragment. Asked of each quoted
    fragment before a verb governing it makes it a mixed quote
    (``_governed_fragments``).
    """
    inside = {t.i for t in words}
    owned = any(c.dep_ == "poss" and c.i not in inside for c in root.children)
    on_air = root.dep_ == "pobj" and root.head.lower_ in WORK_PREPOSITIONS and root.head.i not in inside
    title_case = all(t.is_title or t.lower_ in TITLE_CASE_SMALL_WORDS for t in words if t.is_alpha)
    return (owned or on_air) and title_case and words[0].is_title


def _governed_fragments(article: Article, done: list[Found], taken: set[int]) -> list[Found]:
    spans = _Intervals((f.start, f.end) for f in done)
    by_cue: dict[int, tuple[Token, tuple[Token, str], int, int, list[int]]] = {}
    for k, quoted in enumerate(article.quoted):
        if k in taken or spans.holds(quoted.start):
            continue
        tokens = article.quoted_tokens(quoted)
        if not tokens:
            continue
        words = [t for t in tokens if not (t.is_punct or t.is_space)] or tokens
        root = min(words, key=lambda t: len(list(t.ancestors)))
        if names_a_work(words, root):
            continue
        cue = governing_verb(root)
        if cue is None or article.quoted_at(cue) is not None:
            continue
        speaker = find_speaker(cue)
        if speaker is None:
            continue
        start, end = fragment_content(cue, root)
        start, end = min(start, quoted.start), max(end, quoted.end)
        if cue.i in by_cue:
            _, _, first_start, first_end, indexes = by_cue[cue.i]
            by_cue[cue.i] = (cue, speaker, min(first_start, start), max(first_end, end), [*indexes, k])
        else:
            by_cue[cue.i] = (cue, speaker, start, end, [k])
    found = []
    for cue, speaker, start, end, indexes in by_cue.values():
        kind, start, end = classify(article, *_trim(article, start, end), indexes)
        found.append(
            Found(
                start,
                end,
                kind,
                [article.quoted[k].pieces[0] for k in indexes],
                cue_tokens(cue),
                speaker[0],
                "governed_fragment",
                indexes,
            )
        )
    return found
