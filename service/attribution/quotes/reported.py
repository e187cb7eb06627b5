"""Pass 2: reported speech, what a reporting verb, "according to" or a speaker's label reports.

Every speech verb with a speaker and a complement, every "according to X" and
every paragraph opened by a speaker's label gives a statement. Where quoted
words fill the statement it is a direct quote, where they are part of it a
mixed quote, and where there are none an indirect one (``spans.classify``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator

from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.cues import (
    CLAUSE,
    INFINITIVE,
    OBJECT,
    content_children,
    cue_tokens,
    is_according_to,
    is_speech_verb,
    is_verb,
    reporting_frame,
    reports_through,
    verb_frame,
)
from service.attribution.lexicons import communication_verbs
from service.attribution.lexicon import (
    ADVERBIAL_CLAUSE_DEPS,
    ASKED_OF_DEPS,
    AUXILIARY_DEPS,
    COMPLETING_DEPS,
    COMPLEMENTIZERS,
    CONTENT_DEPS,
    FINITE_VERB_TAGS,
    MODALS,
    NAME_PART_DEPS,
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    PARENTHESIS_OPENERS,
    PARENTHETICAL_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PAST_TAGS,
    QUESTION_COMPLEMENTIZERS,
    QUOTE_AS_VERBS,
    RELATIVE_TAGS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    TIME_LABELS,
    WH_TAGS,
)
from service.attribution.marks import QuotedSpan
from service.attribution.quotes.found import Found
from service.attribution.quotes.spans import (
    MARK_WIDTH,
    TRIM_CHARS,
    Intervals,
    classify,
    end_of,
    quoted_inside,
    subtree_chars,
    trim,
)
from service.attribution.rules import Rule
from service.attribution.speakers import Label, find_speaker, speaker_label
from service.attribution.tagging import lemma

Source = tuple[Token, tuple[int, int], tuple[Token, Rule]]
"""A reported statement: its cue, its content span, and its speaker's head with the rule that found it."""


def according_to_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """The sentence around "according to X", without that phrase when it opens or ends it.

    "According to Cha, the meeting poses a threat" gives "the meeting poses a
    threat"; "More sanctions, according to China, won't help" keeps the whole
    sentence.
    """
    start_i, end_i = article.sentence_of(cue)
    doc = article.doc
    sent_start, sent_end = doc[start_i].idx, end_of(doc[end_i - 1])
    phrase_start, phrase_end = subtree_chars([cue])
    if not article.text[sent_start:phrase_start].strip(TRIM_CHARS):
        sent_start = phrase_end
    elif not article.text[phrase_end:sent_end].strip(TRIM_CHARS + "."):
        sent_end = phrase_start
    return _nonempty(trim(article, sent_start, sent_end))


def _nonempty(span: tuple[int, int]) -> tuple[int, int] | None:
    return span if span[1] > span[0] else None


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
    if says_no_answer(cue) and all(asks(c) for c in children):
        return None
    start, end = subtree_chars(children + _reported_conjuncts(cue, children))
    return _nonempty(trim(article, start, end))


def says_no_answer(cue: Token) -> bool:
    """A verb that leaves its question unanswered: negated ("would not say"), or the one asked ("Asked what").

    "He would not say [which members will retire]" and "Asked [what he would
    tell the mayor], Ruiz said ..." state nothing of the subject's: he
    declines to answer, or the question is the reporter's. Near misses:
    "Ruiz asked [why the port closed]" (her own question) and "She explained
    [how the pumps work]" (an answer): both are hers to report, and so is
    "..., and discussed [how costs rise]" (a conjunct shares its head's subject).
    """
    negated = any(c.dep_ == "neg" for c in cue.children)
    perfect = any(c.dep_ in AUXILIARY_DEPS and lemma(c) == "have" for c in cue.children)
    # A conjunct shares its head's subject ("which explored X and discussed how ..."): no passive.
    asker = any(c.dep_ in SUBJECT_DEPS for c in cue.children) or cue.dep_ == "conj"
    # The tagger reads a sentence's opening "Asked" as a past tense as often as a participle.
    passive = cue.tag_ in PAST_TAGS and not perfect and not asker
    return negated or passive


def asks(clause: Token) -> bool:
    """A complement that is an embedded question: "would not say [which members will retire]".

    It opens with a wh-word ("what", "which", "how") or with "whether"/"if"
    as its complementizer. Near misses: "said [when the port reopens, fares
    will rise]" (the wh-word opens an adverbial clause inside a statement),
    "said [if the talks fail, the port will close]" (a condition) and
    "denied [that the port was sold]" (the tagger's WDT "that" is a
    complementizer). Asked of each clausal complement by ``verb_content``
    when the verb gives no answer (``says_no_answer``).
    """
    # In text order: a subtree walks the tree, and a wh-object the parser hung lower comes late in it.
    words = sorted((t for t in clause.subtree if not (t.is_punct or t.is_space)), key=lambda t: t.i)
    if not words:
        return False
    opener = words[0]
    wh_word = opener.tag_ in WH_TAGS and opener.lower_ not in COMPLEMENTIZERS
    if not wh_word and not (opener.lower_ in QUESTION_COMPLEMENTIZERS and opener.dep_ == "mark"):
        return False
    token = opener
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ in ADVERBIAL_CLAUSE_DEPS:
            return False  # "when the port reopens, ...": a clause of time inside a statement
        token = token.head
    return token.i == clause.i


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
    clauses = [t.head if t.dep_ in AUXILIARY_DEPS else t for t in rest if t.tag_ in FINITE_VERB_TAGS]
    if not any(t.i not in own and article.quoted_at(t) is None for t in clauses):
        return None
    return _nonempty(trim(article, first.left_edge.idx, end_of(article.doc[sent_end - 1])))


def infinitive_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """What an infinitive reports, with the person it is asked of: "urged [Congress to act]".

    Near misses: "declined in a statement" has no infinitive and gives
    nothing, nor does an infinitive that only names speaking (``says_nothing``).
    """
    infinitive = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if infinitive is None or says_nothing(article, infinitive):
        return None
    objects = [c for c in cue.rights if c.dep_ in ASKED_OF_DEPS and c.i < infinitive.i]
    start = (objects[0] if objects else infinitive).left_edge
    return _nonempty(trim(article, start.idx, end_of(infinitive.right_edge)))


def says_nothing(article: Article, infinitive: Token) -> bool:
    """An infinitive that names an act of speaking and says nothing: a refusal or a request not to be named.

    "declined to comment on the figures", "refused to answer questions",
    "asked not to be named": whether someone speaks, not what they said.
    Near misses: "urged Congress to act" (acting is no speaking), "refused to
    say that the talks had failed" and "declined to call it “a failure”"
    (clauses and quoted words of their own are said).
    """
    if lemma(infinitive) not in SPEECH_VERBS | communication_verbs():
        return False
    if content_children(infinitive):
        return False
    start, end = subtree_chars([infinitive])
    return not any(article.quoted[k].double for k in article.quotes_opening_in(start - MARK_WIDTH, end))


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
        if completes or child.dep_ in COMPLETING_DEPS:
            last = child.right_edge
        elif child.dep_ != "punct":
            break
    start_char, end_char = trim(article, obj.left_edge.idx, end_of(last))
    quoted = [k for k in article.quotes_opening_in(start_char - MARK_WIDTH, end_char) if article.quoted[k].double]
    if not quoted or all(part_of_a_name(article, article.quoted[k]) for k in quoted):
        return None
    return _nonempty((start_char, end_char))


def part_of_a_name(article: Article, quoted: QuotedSpan) -> bool:
    """Quoted words that belong to a name outside them: a title or a nickname, not words said.

    'praised “Comrade” Kim', 'thanked “Doc” Lopez'. Near miss: 'called the
    plan “a disgrace”' (the quoted words are the object's own).
    """
    words = [t for t in article.quoted_tokens(quoted) if not (t.is_punct or t.is_space)]
    inside = {t.i for t in words}
    roots = [t for t in words if t.head.i not in inside]
    return bool(roots) and all(t.dep_ in NAME_PART_DEPS and t.head.pos_ == "PROPN" for t in roots)


def _is_time(phrase: Token) -> bool:
    """A phrase that says when: "on Monday", "for two weeks"."""
    return any(t.ent_type_ in TIME_LABELS for t in phrase.subtree)


def quotes_as_saying(verb: Token) -> bool:
    """"Tass quoted Rudenko as saying ...": the cue is "saying", not "quoted"."""
    return lemma(verb) in QUOTE_AS_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(is_speech_verb(g) for g in c.children) for c in verb.children
    )


FRAME_CONTENT = {CLAUSE: verb_content, INFINITIVE: infinitive_content, OBJECT: object_content}


def interrupted_clause(article: Article, cue: Token) -> tuple[int, int] | None:
    """The clause a cue set off by commas interrupts or trails: "The plan, Ruiz said, would cost more."

    The parser hangs such a cue as ``parataxis`` on the clause it reports, so
    the verb has no complement of its own. The content is the cue's sentence:
    the whole of it when the cue stands inside ("The plan, Ruiz said, would
    cost more", "Rents will rise, Ruiz said, “unless the city acts.”"), the
    part before it when the cue trails ("Rents will rise, she writes."), and
    the part after it when the cue leads; quoted words the parser hung on
    the cue are part of the content, not of the frame. Near misses: "I mean, rents will
    rise" ("mean" reports no clause: ``cues.reports_through``); "Rents rose,
    and Ruiz said nothing" (an object: the verb's own words); a verb with no
    comma before it. Last in ``reported_content``'s order: a verb with a
    frame of its own reports that.
    """
    if cue.dep_ not in PARENTHETICAL_DEPS or not reports_through(cue, CLAUSE):
        return None
    if any(c.dep_ in CONTENT_DEPS | OBJECT_DEPS for c in cue.children):
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        return None
    doc = article.doc
    # Quoted words the parser hung on the cue are the rest of what was said.
    frame = sorted(t.i for t in cue.subtree if not t.is_punct and article.quoted_at(t) is None)
    first, last = frame[0], frame[-1]
    sent_start, sent_end = article.sentence_of(cue)
    if first > sent_start and doc[first - 1].text not in PARENTHESIS_OPENERS:
        return None
    words_after = [t for t in doc[last + 1 : sent_end] if not (t.is_punct or t.is_space)]
    start = doc[sent_start].idx if first > sent_start else end_of(doc[last])
    end = end_of(doc[sent_end - 1]) if words_after else doc[first].idx
    return _nonempty(trim(article, start, end))


def reported_content(article: Article, cue: Token) -> tuple[int, int] | None:
    """What a reporting verb reports, read off the frame it reports in (``cues.reporting_frame``).

    A verb of saying whose clause the parser cut in two ("saying [preparations
    ... are] at ...") is repaired first: its object then opens a clause. A
    verb with no frame of its own, set off by commas, reports the clause it
    interrupts or trails (``interrupted_clause``).
    """
    if quotes_as_saying(cue):
        return None
    if lemma(cue) in SPEECH_VERBS and verb_frame(cue) == OBJECT:
        split = object_clause(article, cue)
        if split is not None:
            return split
    frame = reporting_frame(cue)
    return FRAME_CONTENT[frame](article, cue) if frame is not None else interrupted_clause(article, cue)


def _labels(article: Article) -> dict[int, Label]:
    """The speaker labels that open paragraphs, by the index of their colon."""
    labels = {}
    for index in range(len(article.paragraphs)):
        label = speaker_label(article, index)
        if label is not None:
            labels[label.colon.i] = label
    return labels


def _label_source(article: Article, label: Label) -> Source | None:
    """What a label says: the rest of its paragraph, "Ana Ruiz: We will win."."""
    end = article.paragraphs[article.paragraph_of(label.words_start)][1]
    content = _nonempty(trim(article, label.words_start, end))
    return (label.colon, content, (label.speaker, Rule.SPEAKER_COLON)) if content else None


def _token_source(article: Article, token: Token) -> Source | None:
    """What an "according to" or a reporting verb reports, and who speaks."""
    if is_according_to(token):
        content, speaker = according_to_content(article, token), find_speaker(token)
    elif is_verb(token):
        content = reported_content(article, token)
        speaker = find_speaker(token) if content is not None else None
    else:
        return None
    return (token, content, speaker) if content is not None and speaker is not None else None


def reported_sources(article: Article, used_cues: set[int]) -> Iterator[Source]:
    """Every reported statement, in text order, but those whose cue a direct quote took."""
    labels = _labels(article)
    for token in article.tokens:
        if token.i in used_cues or article.quoted_at(token) is not None:
            continue
        label = labels.get(token.i)
        source = _label_source(article, label) if label is not None else _token_source(article, token)
        if source is not None:
            yield source


def _outermost(sources: list[Source]) -> list[Source]:
    """Without the verbs that only borrow a subject inside someone else's reported words.

    "They will try to X and portray Y, Maxwell said.": "portray" is part of
    Maxwell's words, not a statement of its own.
    """
    outer = Intervals(content for _, content, (_, rule) in sources if rule is not Rule.INHERITED_SUBJECT)
    return [s for s in sources if s[2][1] is not Rule.INHERITED_SUBJECT or not outer.holds(s[0].idx)]


def reported_speech(article: Article, direct: list[Found], taken: set[int]) -> list[Found]:
    """The reported statements that no direct quote already holds, each with the quotations inside it.

    ``taken`` (the quotations already part of a quote) grows with those this pass takes.
    """
    found: list[Found] = []
    direct_spans = Intervals((f.start, f.end) for f in direct)
    used_cues = {t.i for f in direct for t in f.cue or []}
    # "According to X, Y said Z" is Y's statement with its source: verbs go
    # first, and an "according to" whose words hold another cue is dropped.
    sources = _outermost(sorted(reported_sources(article, used_cues), key=lambda s: is_according_to(s[0])))
    cue_positions: list[int] = []
    for token, (start, end), (speaker, rule) in sources:
        if direct_spans.meets(start, end):
            continue
        if is_according_to(token) and bisect_left(cue_positions, end) > bisect_left(cue_positions, start):
            continue
        quoted = quoted_inside(article, start, end, taken)
        kind, start, end = classify(article, start, end, quoted)
        taken |= set(quoted)
        insort(cue_positions, token.idx)
        parts = [article.quoted[k].pieces[0] for k in quoted]
        found.append(Found(start, end, kind, parts, cue_tokens(token), speaker, rule, quoted))
    return sorted(found, key=lambda f: f.start)
