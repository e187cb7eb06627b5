"""Pass 1: direct quotes, a quotation that stands as a sentence of its own.

Each is attributed by the rules in ``DIRECT_RULES``, in order: a cue right
after it ("...,” he said, or any verb with nothing of its own: "...,” she
crowed), "according to X" right after it, a dash and a name after it, a cue
right before it (He said, “...”), a colon after a clause, a colon at the end
of the paragraph before (Caddell continued:), a speaker's label (Ruiz: “...”). One that none
attributes is kept, unattributed, for ``continuation`` to consider once every
pass has run.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.cues import cue_tokens, is_according_to, is_frame_verb, is_speech_verb, is_verb
from service.attribution.lexicon import (
    CLAUSE_HEAD_DEPS,
    CONTENT_DEPS,
    DASHES,
    MAX_DASH_NAME_WORDS,
    MAX_SPLIT_FRAME_CHARS,
    MAX_TERM_WORDS,
    MIN_SENTENTIAL_WORDS,
    NOUN_MODIFIER_DEPS,
    OWN_ARGUMENT_DEPS,
    PARENTHETICAL_DEPS,
    SUBJECT_DEPS,
)
from service.attribution.marks import QuotedSpan
from service.attribution.results import QuoteType
from service.attribution.quotes.found import Attributed, Found
from service.attribution.quotes.spans import CLAUSE_END, end_of
from service.attribution.rules import Rule
from service.attribution.speakers import (
    according_to_object,
    can_speak,
    clause_subject,
    frame_speaker,
    phrase_head,
    speaker_label,
)

DASH_AFTER = re.compile(r"\s*([" + DASHES + r"])\s*")


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


def _cue_with_speaker(tokens: list[Token], speech_only: bool = False) -> Attributed | None:
    """The first cue among ``tokens`` (a frame outside the quotation) whose speaker the frame names.

    A verb of saying comes before a verb that only frames a quotation:
    "Arnesen said the club were sad to see Santini go: “...”" is Arnesen's,
    though "go" stands nearer. Near miss: "He continued: “...”" has no verb of
    saying, and "continued" is the cue.
    """
    for accepts in (is_speech_verb,) if speech_only else (is_speech_verb, is_frame_verb):
        for token in tokens:
            if not accepts(token):
                continue
            speaker = frame_speaker(tokens, token)
            if speaker is not None:
                return Attributed(cue_tokens(token), speaker)
    return None


def _frame_end(article: Article, quoted: QuotedSpan) -> int:
    """Where the frame after a quotation stops at the latest: the next quotation or the paragraph's end."""
    para_end = article.paragraphs[article.paragraph_of(quoted.open)][1]
    following = article.next_open(quoted.outer_end)
    return para_end if following is None else min(para_end, following)


def _tokens_after(article: Article, quoted: QuotedSpan) -> list[Token]:
    """The sentence right after a quotation: up to the next quotation, sentence or paragraph."""
    tokens = article.outside_quotes(quoted.outer_end, _frame_end(article, quoted))
    if not tokens:
        return []
    sentence = article.sentence_index(tokens[0])
    return [t for t in tokens if article.sentence_index(t) == sentence]


def _tokens_before(article: Article, quoted: QuotedSpan) -> list[Token]:
    """The sentence right before a quotation, back to the last quotation or the paragraph's start."""
    para_start = article.paragraphs[article.paragraph_of(quoted.open)][0]
    last = article.last_before(quoted.open)
    tokens = article.outside_quotes(max(para_start, last.outer_end if last is not None else para_start), quoted.open)
    tokens = [t for t in tokens if not t.is_space]
    if not tokens or tokens[-1].text in CLAUSE_END:
        return []
    sentence = article.sentence_index(tokens[-1])
    return [t for t in tokens if article.sentence_index(t) == sentence]


def frame_after(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A cue right after the quotation: “...,” he said / “...,” said Maxwell.

    After a quotation that ends its own sentence (“We are done.” He left.) only
    a verb of saying counts, so the next sentence of narrative is no frame. Near
    miss: “Comrade” is what they call him, where "call" is no speech verb.
    """
    last = article.text[quoted.start : quoted.end].rstrip()[-1:]
    closed = last in CLAUSE_END
    tokens = _tokens_after(article, quoted)
    if closed and (introduces_next(article, tokens) or introduced_by_colon(article, quoted)):
        return None
    found = _cue_with_speaker(tokens, speech_only=closed)
    if found is not None and found.cue and closed and reports_its_own_clause(found.cue[0]):
        return None
    if found is None and last == ",":
        return _said_by_its_frame(tokens, bare_frame_verb(tokens))
    return found


def _said_by_its_frame(tokens: list[Token], verb: Token | None) -> Attributed | None:
    """A quotation given to a frame's verb of any kind (``bare_frame_verb``, ``verb_before_comma``),
    when the frame names someone who can speak."""
    speaker = frame_speaker(tokens, verb) if verb is not None else None
    if verb is None or speaker is None or not can_speak(speaker):
        return None
    return Attributed(cue_tokens(verb), speaker)


def bare_frame_verb(tokens: list[Token]) -> Token | None:
    """The verb of a frame that is only a speaker and a verb: “...,” she crowed / “...,” scolded Ana Ruiz.

    After a quotation that ends in a comma, a clause of a subject and a verb
    (an adverb, a preposition or a clause of time may follow) says nothing of
    its own: the quotation is what its verb says, whatever the verb
    ("sniffed", "stuttered", "echoes"). When the verb comes first the parser
    often takes the speaker for its object ("sniffed [the old coach]"). Near
    miss: “...,” he left the room (an object of its own: an act, not a
    saying); "and then they left" (the words before the verb are no subject);
    'her film, “Low Tide,” won the prize' (the verb's subject stands before
    the quotation, and "prize" can say nothing: ``speakers.can_speak``).
    Asked by ``frame_after`` when no verb of saying frames the quotation.
    """
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    verb = next((t for t in words if is_verb(t) and t.dep_ not in NOUN_MODIFIER_DEPS), None)
    if verb is None or verb.pos_ != "VERB" or verb.dep_ not in CLAUSE_HEAD_DEPS | PARENTHETICAL_DEPS:
        return None  # no verb, "it is", or "according" (a preposition's, ``according_to_after``'s)
    frame = {t.i for t in tokens}
    own = [c for c in verb.children if c.i in frame and c.dep_ in OWN_ARGUMENT_DEPS]
    before = [t for t in words if t.i < verb.i]
    if not before:
        # Inverted: the one noun phrase after the verb is its speaker, whatever the parser called it,
        # unless the verb's subject stands before the quotation, which is then part of its clause
        # (a title: 'her film, “Low Tide,” won the prize').
        if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
            return None
        return verb if len(own) <= 1 and all(c.dep_ == "dobj" for c in own) else None
    subject = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i in frame for t in c.subtree}
    return verb if not own and all(t.i in subject for t in before) else None


def according_to_after(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """“...,” according to Dr. Ana Ruiz, an economist: the source named right after the quotation.

    The frame must be the "according to" phrase and nothing else. Near miss:
    “We are done.” According to Ruiz, the talks failed (a statement of its
    own follows the phrase, and is ``reported``'s).
    """
    tokens = _tokens_after(article, quoted)
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or not is_according_to(words[0]):
        return None
    phrase = {t.i for t in words[0].subtree}
    source = according_to_object(words[0])
    if source is None or any(t.i not in phrase for t in words):
        return None
    return Attributed(cue_tokens(words[0]), source)


def reports_its_own_clause(verb: Token) -> bool:
    """A verb of saying followed by what it reports: “...” This week a judge claimed [access was easy].

    After a quotation that ends its own sentence, such a verb is the next
    statement, not the quotation's frame. Near miss: “We are done.” Ruiz said
    on Monday. (nothing reported after "said": it frames the quotation).
    """
    return any(child.dep_ in CONTENT_DEPS and child.i > verb.i for child in verb.children)


def introduced_by_colon(article: Article, quoted: QuotedSpan) -> bool:
    """A quotation after "X said:" is X's; a cue in the sentence after it is another statement's.

    A BBC spokeswoman said: “We are ready.” The report said ... gives the
    quotation to the spokeswoman (``frame_before``). Near miss: “We are
    ready.” The report said so. has no frame before it.
    """
    before = _tokens_before(article, quoted)
    return bool(before) and before[-1].text == ":" and any(is_frame_verb(t) for t in before)


def introduces_next(article: Article, frame: list[Token]) -> bool:
    """A frame that ends in a colon right before the next quotation introduces that one, not the one before.

    “We are ready.” He told reporters: “Come and see.” gives "told" to the
    second quotation. Near miss: “We are ready.” He told reporters. has no
    colon, and is the first quotation's frame.
    """
    words = [t for t in frame if not t.is_space]
    if not words or words[-1].text != ":":
        return False
    following = article.next_open(end_of(words[-1]))
    return following is not None and not article.text[end_of(words[-1]) : following].strip()


def frame_before(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A cue right before the quotation: He said, “...” / Clinton added: “...”.

    The nearest cue wins; a cue in an earlier sentence does not count, and a
    quotation right after a full stop has no frame before it. With no verb of
    saying, a verb with nothing of its own before the comma is the cue
    ("Ruiz shrugged, “...”": ``verb_before_comma``).
    """
    tokens = _tokens_before(article, quoted)
    found = _cue_with_speaker(list(reversed(tokens)))
    return found if found is not None else _said_by_its_frame(tokens, verb_before_comma(tokens))


def verb_before_comma(tokens: list[Token]) -> Token | None:
    """A verb with nothing of its own to say, right before a comma and the quotation: She grinned, “...”.

    Whatever the verb ("crowed", "stuttered"), the quotation is what it says.
    Near misses: "She opened the box, “...”" (an object of its own); "As the
    crowd left, “...”" (a clause of time, whose verb is no main verb).
    """
    words = [t for t in tokens if not t.is_space]
    if len(words) < 2 or words[-1].text != ",":
        return None
    verb = words[-2]
    if not is_verb(verb) or verb.pos_ != "VERB" or verb.dep_ not in {"ROOT", "conj"}:
        return None
    frame = {t.i for t in tokens}
    if any(c.i in frame and c.dep_ in OWN_ARGUMENT_DEPS for c in verb.children):
        return None
    return verb


def colon_before(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A quotation after a colon that ends a clause with no verb of saying.

    "Her response was: “...”", "He made his case: “...”": the subject of the
    clause speaks. Near miss: "The sign read: “...”" is ``frame_before``'s,
    and a clause whose subject is inside a quotation gives nothing.
    """
    tokens = _tokens_before(article, quoted)
    if not tokens or tokens[-1].text != ":":
        return None
    found = clause_subject(tokens)
    return Attributed([tokens[-1]], found) if found is not None else None


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
    return _cue_with_speaker(list(reversed(article.outside_quotes(prev_start, prev_end))))


def dash_after(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """A name after a dash that follows the quotation: “...” ― Ana Ruiz, a nurse.

    The epigraph and reader-comment form. Near miss: “...” — and then the
    crowd left, where the words after the dash hold a verb.
    """
    para_end = article.paragraphs[article.paragraph_of(quoted.open)][1]
    dash = DASH_AFTER.match(article.text, quoted.outer_end, para_end)
    if dash is None:
        return None
    tokens = article.outside_quotes(dash.end(), _frame_end(article, quoted))
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_DASH_NAME_WORDS or any(is_verb(t) for t in words):
        return None
    head = phrase_head(words)
    if head is None:
        return None
    return Attributed([article.doc[article.token_at(dash.start(1))]], head)


def speaker_colon(article: Article, quoted: QuotedSpan) -> Attributed | None:
    """The quotation right after a speaker's label: “Trump: "We will win."” or a transcript line."""
    label = speaker_label(article, article.paragraph_of(quoted.open))
    if label is None or label.words_start != quoted.open:
        return None
    return Attributed([label.colon], label.speaker)


DirectRule = Callable[[Article, QuotedSpan], Attributed | None]
DIRECT_RULES: tuple[tuple[Rule, DirectRule], ...] = (
    (Rule.FRAME_AFTER, frame_after),
    (Rule.ACCORDING_TO, according_to_after),
    (Rule.DASH_AFTER, dash_after),
    (Rule.FRAME_BEFORE, frame_before),
    (Rule.COLON_BEFORE, colon_before),
    (Rule.COLON_PARAGRAPH, colon_paragraph),
    (Rule.SPEAKER_COLON, speaker_colon),
)


def unattributed(article: Article, k: int) -> Found:
    """Quotation ``k`` as a direct quote that names no speaker (yet)."""
    quoted = article.quoted[k]
    return Found(quoted.start, quoted.end, QuoteType.DIRECT, list(quoted.pieces), None, None, Rule.UNATTRIBUTED, [k])


def direct_quotes(article: Article) -> list[Found]:
    """Every quotation that stands as a sentence, attributed by the first of ``DIRECT_RULES`` that can.

    One that no rule attributes and that only names something (``names_a_term``)
    is left to the fragments pass: a title or a term, not a sentence.
    """
    found: list[Found] = []
    for k, quoted in enumerate(article.quoted):
        if not quoted.double or not is_sentential(article, quoted):
            continue
        item = unattributed(article, k)
        for rule, attribute in DIRECT_RULES:
            attributed = attribute(article, quoted)
            if attributed is not None:
                item.cue, item.speaker, item.rule = attributed.cue, attributed.speaker, rule
                break
        if item.rule is Rule.UNATTRIBUTED and names_a_term(article, quoted):
            continue
        found.append(item)
    return found


def names_a_term(article: Article, quoted: QuotedSpan) -> bool:
    """Quoted words with no verb inside a sentence of other words: a title or a term, not something said.

    'Her film, “Low Tide,” won the prize'; 'words such as “optics,” “pivot”
    and “synergy”'. Asked only of a quotation that no frame attributes.
    Near misses: “Never again.” standing as a sentence of its own (nothing
    of its sentence before it), quoted words after a colon ('Her answer:
    “Never again.”'), and “We won,” (a verb: a clause someone said).
    """
    words = [t for t in article.quoted_tokens(quoted) if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_TERM_WORDS or any(is_verb(t) for t in words):
        return False
    if _char_before(article, quoted.open) == ":":
        return False  # a colon introduces what is said or written: 'The sign read: “No entry”'
    sentence_start = article.sentence_of(words[0])[0]
    before = article.outside_quotes(article.doc[sentence_start].idx, quoted.open)
    return any(not (t.is_punct or t.is_space) for t in before)


# --- after every pass: a quote that continues the one before -----------------------


def continuation(article: Article, quoted: QuotedSpan, previous: Found) -> Attributed | None:
    """A quotation with no cue of its own goes to the speaker of the quote just before it.

    Matches “A,” she said. “B.” and a quote paragraph right after one that
    ends with an attributed quote or "X said Y." The previous quote must end
    in this paragraph or the one before (page furniture between, a caption or
    "Article continues below", does not count), and nothing but its own frame
    may stand between: a sentence of narrative in between breaks the chain.
    """
    if previous.speaker is None:
        return None
    here = article.paragraph_of(quoted.open)
    there = article.paragraph_of(previous.end)
    if here > there and article.prose_paragraphs_between(there, here) == 0:
        para_start, _ = article.paragraphs[here]
        if article.text[para_start : quoted.open].strip():
            return None
        between = article.outside_quotes(previous.end, article.paragraphs[there][1])
    elif here == there:
        between = article.outside_quotes(previous.end, quoted.open)
    else:
        return None
    if _has_narrative(article, between, previous):
        return None
    return Attributed(None, previous.speaker)


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
