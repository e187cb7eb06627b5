"""The article's people, read once from its named entities: the ``Cast`` that resolution reads.

Which PERSON names the article gives, which are full names that shorter
mentions stand for, and which are the subject of a clause. Fixed once the
article is parsed; asking it changes nothing.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from service.attribution.article import Article
from service.attribution.resolution.descriptions import describe, describe_title
from service.attribution.lexicons import body_nouns, role_nouns
from service.attribution.nouns import is_definite, is_person_noun
from service.attribution.resolution.entities import clean_name, named_as_a_body, person_name, same_surname
from service.attribution.resolution.genders import (
    addressed_as,
    by_first_name,
    Clue,
    clues_by_person,
    compatible,
    decided_genders,
    Gender,
    genders,
)
from service.attribution.lexicon import (
    APPOSITION_DEPS,
    ASKING_VERBS,
    COMPANY_NOUNS,
    CONTENT_DEPS,
    DETERMINER_DEPS,
    DOCUMENT_NOUNS,
    EMBEDDED_CLAUSE_DEPS,
    FIRST_PERSON_PRONOUNS,
    FULL_NAME_MIN_WORDS,
    GENDER_PARAGRAPHS,
    HONORIFICS,
    COMPANY_FORMS,
    MAX_MISLABELLED_NAME_WORDS,
    ORGANISATION_LABELS,
    ORGANISATION_NOUNS,
    ORGANISATION_PARAGRAPHS,
    PASSIVE_SUBJECT_DEPS,
    PERSON_LABELS,
    PLURAL_NOUN_TAGS,
    ROLE_WORDS,
    SUBJECT_DEPS,
    TITLE_WORDS,
)
from service.attribution.tagging import lemma
from service.attribution.phrases import entity_span
from service.attribution.resolution.titles import organisation_words, text_of


class Cast:
    """The article's people, read once: PERSON names, full names, and which are subjects. Read-only.

    Only the story's own prose counts: a name in a photo caption or a teaser
    (``Article.furniture``) is no one a pronoun of the story stands for.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        # People and organisations named in page furniture (a caption, a teaser) are no one a pronoun of the
        # story stands for; their full names still say what a surname stands for.
        in_prose = [e for e in article.doc.ents if not article.in_furniture(e.start_char)]
        tagged = [e for e in article.doc.ents if e.label_ in PERSON_LABELS]
        untagged = untagged_names(article) + mislabelled_names(article)
        everyone = sorted([*tagged, *untagged], key=lambda e: e.start)
        self.persons = [e for e in everyone if not article.in_furniture(e.start_char)]
        self._untagged = {e.root.i: e for e in untagged}
        self._person_starts = [e.start for e in self.persons]
        self.organisations = [e for e in in_prose if e.label_ in ORGANISATION_LABELS and article.quoted_at(e.root) is None]
        self._organisation_starts = [e.start for e in self.organisations]
        self._full_names = [
            (e.start_char, name) for e in everyone if len((name := person_name(e)).split()) >= FULL_NAME_MIN_WORDS
        ]
        self._short_forms: dict[str, list[tuple[int, str]]] = {}
        # After the full names: a surname the recogniser left untagged or labelled otherwise is a
        # person when it is the surname of someone named in full ("Mulder" after "Anne Mulder").
        surnames = self._surnames_of_full_names()
        self.persons = sorted([*self.persons, *surnames], key=lambda e: e.start)
        self._untagged.update({e.root.i: e for e in surnames})
        self._person_starts = [e.start for e in self.persons]
        # Persons that are the subject of a main clause outside quotation marks.
        self._subjects = sorted(
            (e for e in self.persons if (_main_clause_subject(article, e) or _asked(e)) and article.quoted_at(e.root) is None),
            key=lambda e: e.start,
        )
        self._subject_starts = [e.start for e in self._subjects]
        self._titled: list[tuple[int, str, str | None, SpacySpan]] | None = None
        self._genders: dict[str, Gender] | None = None
        self._clues: dict[str, list[Clue]] | None = None
        self._full_genders: dict[str, Gender] | None = None

    def gender_of(self, name: str) -> Gender:
        """The gender the article gives the person of canonical name ``name`` (``genders``)."""
        if self._genders is None:
            self._genders = decided_genders(self._all_clues())
        return self._genders.get(name.lower(), Gender.UNKNOWN)

    def clues_of(self, name: str) -> list[Clue]:
        """The words that say the gender of the person of canonical name ``name``: honorifics, gendered nouns, bound pronouns."""
        return self._all_clues().get(name.lower(), [])

    def _all_clues(self) -> dict[str, list[Clue]]:
        if self._clues is None:
            quoted = self.article.quoted_at
            self._clues = clues_by_person(self.persons, self.canonical_name_of, lambda t: quoted(t) is not None)
        return self._clues

    def _surnames_of_full_names(self) -> list[SpacySpan]:
        """Surnames of people named in full that the recogniser did not tag as people.

        "Mulligan" after "Mark Mulligan", untagged or labelled a place or an
        organisation ("Vickers", "Mulder"), standing alone as a name. Near
        misses: "Mulligan" inside a longer name of something else ("Mulligan
        Road"), and any word of a PERSON entity (already a person).
        """
        doc = self.article.doc
        found = []
        for t in self.article.tokens:
            if t.pos_ != "PROPN" or t.ent_type_ in PERSON_LABELS or not t.is_title:
                continue
            if t.ent_type_ and len(entity_span(t)) > 1:
                continue
            if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children) or t.dep_ == "compound":
                continue
            if self.short_form_of(t.text) and self.article.quoted_at(t) is None and not self.article.in_furniture(t.idx):
                found.append(doc[t.i : t.i + 1])
        return found

    def person_of_gender_before(self, token: Token, gender: Gender) -> SpacySpan | None:
        """The last person the article gave ``gender``, named outside quotation marks in ``token``'s paragraph
        or the ``GENDER_PARAGRAPHS`` before it: "Mr Hale and Ms Ruiz spoke. ⏎ “...,” he said. ⏎ “...,” she said."."""
        paragraph = self.article.paragraph_of(token.idx)
        for k in range(bisect_left(self._person_starts, token.i) - 1, -1, -1):
            ent = self.persons[k]
            if self.article.paragraph_of(ent.start_char) < paragraph - GENDER_PARAGRAPHS:
                return None
            if self.article.quoted_at(ent.root) is None and self.gender_of(self.canonical_name_of(ent)) is gender:
                return ent
        return None

    def lone_name_subject_before(self, token: Token, paragraphs: int) -> Token | None:
        """A lone proper noun, no person's to the recogniser, that was the subject of a main clause just before ``token``.

        "When asked, Mulder didn't hesitate. “...,” he said.": "Mulder"
        (labelled a place) is whom "he" stands for when no one the article
        names as a person can be. Near misses: a name of two words ("New
        York"), a plural ("the Greens"), a word bodies are named with ("the
        Department") or a name a noun that names a body stands beside, one in
        quotation marks or in page furniture.
        """
        paragraph = self.article.paragraph_of(token.idx)
        for i in range(token.i - 1, -1, -1):
            candidate = self.article.tokens[i]
            if self.article.paragraph_of(candidate.idx) < paragraph - paragraphs:
                return None
            if candidate.pos_ != "PROPN" or candidate.dep_ not in SUBJECT_DEPS or candidate.ent_type_ in PERSON_LABELS:
                continue
            if (candidate.ent_type_ and len(entity_span(candidate)) > 1) or any(c.dep_ == "compound" for c in candidate.children):
                continue
            if candidate.tag_ in PLURAL_NOUN_TAGS or names_an_organisation(candidate) or named_as_a_body(candidate):
                continue  # "Greens", "Department": bodies, not people
            if any(c.dep_ in DETERMINER_DEPS for c in candidate.children):
                continue  # "the Greens": a person's name takes no article
            if self.article.quoted_at(candidate) is not None or self.article.in_furniture(candidate.idx):
                continue
            if _main_clause_subject(self.article, self.article.doc[i : i + 1]):
                return candidate
        return None

    def untagged_name_at(self, head: Token) -> SpacySpan | None:
        """The name the recogniser missed whose last word is ``head`` (``untagged_names``), if any."""
        return self._untagged.get(head.i)

    def canonical_person(
        self, name: str, position: int | None = None, gender: Gender = Gender.UNKNOWN, first_name: bool = False
    ) -> str:
        """The fullest PERSON name in the article that ``name`` is a short form of.

        "Putin" -> "Vladimir Putin"; "Ushakiv" -> "Yuri Ushakov". Of several
        people with one surname, the one named last before ``position`` wins
        (else the first after it). A full name is never swapped for another
        person's: "Maria Lopez" stays herself beside "Carlos Lopez"; nor is a
        man's ("Mr Obama", ``gender``) for a woman's ("Michelle Obama"). After
        "Sir" or "Dame" (``first_name``) one name is a first name: "Sir John"
        is Sir John Bourn.
        """
        candidates = self._by_first_name(name) if first_name else self.short_form_of(name)
        matches = [(at, full) for at, full in candidates if compatible(gender, self._full_gender(full))]
        if not matches:
            return name
        before = [full for at, full in matches if position is not None and at <= position]
        chosen = before[-1] if before else matches[0][1]
        return chosen if len(chosen.split()) >= len(name.split()) else name

    def short_form_of(self, name: str) -> list[tuple[int, str]]:
        """(position, full name) of every fuller name ``name`` may stand for, in text order (memoised)."""
        cached = self._short_forms.get(name)
        if cached is not None:
            return cached
        words = name.lower().split()
        # Each distinct full name compared once, however often the article repeats it.
        matching = {
            full
            for full in dict.fromkeys(full for _, full in self._full_names)
            if words and _short_form(words, full.lower().split())
        }
        found = [(at, full) for at, full in self._full_names if full in matching]
        self._short_forms[name] = found
        return found

    def _by_first_name(self, name: str) -> list[tuple[int, str]]:
        if len(name.split()) != 1:
            return self.short_form_of(name)
        return [(at, full) for at, full in self._full_names if full.split()[0].lower() == name.lower()]

    def canonical_name_of(self, ent: SpacySpan) -> str:
        """A PERSON entity's canonical name, as of where it stands."""
        return self.canonical_person(person_name(ent), ent.start_char, addressed_as(ent.root), by_first_name(ent.root))

    def _full_gender(self, full: str) -> Gender:
        """What the full-name mentions of ``full`` say of their gender (honorifics, titles)."""
        if self._full_genders is None:
            quoted = self.article.quoted_at
            full_mentions = [e for e in self.persons if len(person_name(e).split()) >= FULL_NAME_MIN_WORDS]
            self._full_genders = genders(full_mentions, person_name, lambda t: quoted(t) is not None)
        return self._full_genders.get(full.lower(), Gender.UNKNOWN)

    def subject_before(self, token: Token, gender: Gender = Gender.UNKNOWN) -> SpacySpan | None:
        """The last PERSON outside quotation marks, the subject of a main clause before ``token``, of ``gender``."""
        for k in range(bisect_left(self._subject_starts, token.i) - 1, -1, -1):
            ent = self._subjects[k]
            if compatible(gender, self.gender_of(self.canonical_name_of(ent))):
                return ent
        return None

    def organisation_before(self, token: Token, paragraphs: int, subject: bool = False) -> SpacySpan | None:
        """The last organisation named outside quotation marks before ``token``, within ``paragraphs``.

        With ``subject``, only one that is the subject of a main clause: what "it" stands for.
        """
        paragraph = self.article.paragraph_of(token.idx)
        for k in range(bisect_left(self._organisation_starts, token.i) - 1, -1, -1):
            ent = self.organisations[k]
            if self.article.paragraph_of(ent.start_char) <= paragraph - paragraphs:
                return None
            if not _inside(ent, token) and (not subject or _main_clause_subject(self.article, ent)):
                return ent
        return None

    def organisation_meant(self, head: Token) -> SpacySpan | None:
        """The organisation a definite organisation noun stands for: "the company" after "Acme cut 200 jobs".

        The last organisation named outside quotation marks, in this paragraph or
        the ``ORGANISATION_PARAGRAPHS`` before. Near misses: "a company" is
        indefinite; "the companies" are several.
        """
        definite = is_definite(head)
        if head.ent_type_ or head.tag_ in PLURAL_NOUN_TAGS or lemma(head) not in COMPANY_NOUNS or not definite:
            return None
        return self.organisation_called(head) or self.organisation_before(head, ORGANISATION_PARAGRAPHS)

    def organisation_called(self, head: Token) -> SpacySpan | None:
        """The organisation the article has called by ``head``'s noun, where it has: "the insurer" is "Standard
        Life, Europe's largest insurer" or "insurer Standard Life", though other firms were named since.

        The nearest such before ``head``, in any paragraph. Near miss: "Acme, a
        retailer, ... Hale Bank cut jobs. The bank said" (no one was called a
        bank: ``organisation_before`` decides).
        """
        noun = lemma(head)
        for k in range(bisect_left(self._organisation_starts, head.i) - 1, -1, -1):
            ent = self.organisations[k]
            if not _inside(ent, head) and noun in _nouns_beside(ent):
                return ent
        return None

    def thing_subject_before(self, token: Token, plural: bool, paragraphs: int) -> Token | None:
        """The last subject of a main clause before ``token`` that "it" (or, ``plural``, "they") may stand for.

        "it": an organisation, a proper noun that names no person, a company or
        a document ("The report found ... It said"); "they":
        those, or a plural noun ("Demonstrators marched. They said ...").
        Outside quotation marks, within ``paragraphs``. Near miss: "Ruiz
        arrived. It rained." ("Ruiz" is a person).
        """
        doc = self.article.doc
        paragraph = self.article.paragraph_of(token.idx)
        for i in range(token.i - 1, -1, -1):
            candidate = self.article.tokens[i]
            if self.article.paragraph_of(candidate.idx) <= paragraph - paragraphs:
                return None
            if self.article.in_furniture(candidate.idx):
                continue
            if candidate.dep_ in SUBJECT_DEPS and self._stands_for(candidate, plural) and self.article.quoted_at(candidate) is None:
                if _main_clause_subject(self.article, doc[i : i + 1]):
                    return candidate
        return None

    @staticmethod
    def _stands_for(candidate: Token, plural: bool) -> bool:
        if candidate.ent_type_ in PERSON_LABELS or candidate.pos_ == "PRON":
            return False
        if candidate.ent_type_ in ORGANISATION_LABELS or (candidate.pos_ == "PROPN" and candidate.tag_ == "NNP"):
            return True
        if plural:
            return candidate.tag_ in PLURAL_NOUN_TAGS
        return candidate.tag_ == "NN" and lemma(candidate) in COMPANY_NOUNS | DOCUMENT_NOUNS

    def titled_before(self, token: Token) -> SpacySpan | None:
        """The last person before ``token`` whom the article gave a title with the same noun: "the sporting director".

        "Tottenham sporting director Frank Arnesen ... said the Spurs sporting
        director" is Arnesen, whoever was named in between. Near miss: "the
        Democratic nominee" is not whom the article called "the Republican
        nominee": where both titles name an affiliation, it must be the same.
        """
        if self._titled is None:
            self._titled = [(e.start, *titled, e) for e in self.persons if (titled := _title_of(e)) is not None]
        wanted = lemma(token)
        said = describe_title(token).affiliation
        whose = said.text.lower() if said is not None else None
        earlier = [
            e
            for at, noun, affiliation, e in self._titled
            if noun == wanted and at < token.i and not _inside(e, token) and (whose is None or affiliation in (None, whose))
        ]
        return earlier[-1] if earlier else None

    def titled_next(self, token: Token) -> SpacySpan | None:
        """The person the sentence after ``token``'s names with the same title noun: "a judge claimed ... Judge Ana Ruiz said".

        Near miss: a person named there with another title, or none.
        """
        if self._titled is None:
            self._titled = [(e.start, *titled, e) for e in self.persons if (titled := _title_of(e)) is not None]
        _, end = self.article.sentence_of(token)
        if end >= len(self.article.doc):
            return None
        _, next_end = self.article.sentence_of(self.article.doc[end])
        wanted = lemma(token)
        return next((e for at, noun, _, e in self._titled if end <= at < next_end and noun == wanted), None)

    def described_person(self, token: Token, paragraphs: int) -> SpacySpan | None:
        """The person a definite description (``token``, "the professor") stands for, in its paragraph or the ``paragraphs`` up to it.

        The last person subject of a main clause there, else the last person
        named, known by a full name (a lone proper noun the recogniser calls
        a person is as often a place or a team); one the article gave another
        post is someone else ("Ana Ruiz, a nurse, ... the mayor said"), though
        a noun that names no post may describe anyone ("the founder ... the
        laid-back resident").
        Near miss: nobody named that near gives nothing.
        """
        paragraph = self.article.paragraph_of(token.idx)
        wanted = lemma(token)

        # Only a post can clash with a post: "the mayor" is not the nurse, but "the laid-back resident" may be the founder.
        post = wanted in role_nouns() or wanted in ROLE_WORDS

        def fits(ent: SpacySpan) -> bool:
            titled = _title_of(ent)
            full = len(self.canonical_name_of(ent).split()) >= FULL_NAME_MIN_WORDS
            return full and (titled is None or not post or titled[0] == wanted)

        subject = self.subject_before(token)
        if subject is not None and self.article.paragraph_of(subject.start_char) > paragraph - paragraphs and fits(subject):
            return subject
        named = self.person_just_named(token, paragraphs)
        return named if named is not None and fits(named) else None

    def person_just_named(self, token: Token, paragraphs: int = 1) -> SpacySpan | None:
        """The last PERSON outside quotation marks before ``token``, in its paragraph (or the ``paragraphs`` up to it)."""
        paragraph = self.article.paragraph_of(token.idx)
        for k in range(bisect_left(self._person_starts, token.i) - 1, -1, -1):
            ent = self.persons[k]
            if self.article.paragraph_of(ent.start_char) <= paragraph - paragraphs:
                return None
            if self.article.quoted_at(ent.root) is None and not _inside(ent, token):
                return ent
        return None


def untagged_names(article: Article) -> list[SpacySpan]:
    """Names of people the recogniser missed: two or more proper nouns, joined as compounds, in no entity.

    "Ana Ruiz, a nurse, spoke" where spaCy tagged nothing; after an honorific
    one is enough ("Ms Ruiz"). Leading role words are left out ("Coach Ana
    Ruiz" is Ana Ruiz). Near misses: "Coach Ruiz" (a role word is no
    honorific: a team may be named so too), "the
    Tellbridge Tigers" (plural: a team), "Harbor Clinic" (tagged an
    organisation), "Tellbridge Council" (an organisation noun ends it).
    """
    doc = article.doc
    found = []
    for head in article.tokens:
        if head.tag_ != "NNP" or head.ent_type_ or head.dep_ == "compound" or lemma(head) in ORGANISATION_NOUNS | COMPANY_NOUNS:
            continue
        words = [head]
        while words[0].i > 0 and _name_compound(doc[words[0].i - 1], head):
            words.insert(0, doc[words[0].i - 1])
        addressed = False
        while words and words[0].lower_.rstrip(".") in TITLE_WORDS:
            addressed = addressed or words[0].lower_.rstrip(".") in HONORIFICS
            words = words[1:]
        # After "Mr" or "Ms" one proper noun is a surname: "Ms Ruiz" is someone.
        least = 1 if addressed else FULL_NAME_MIN_WORDS
        if len(words) >= least and article.quoted_at(head) is None:
            found.append(doc[words[0].i : head.i + 1])
    return found


def mislabelled_names(article: Article) -> list[SpacySpan]:
    """People's names the recogniser labelled something else, told by a role beside them.

    Two or three capitalised singular proper nouns, none a word
    organisations are named with (``names_an_organisation``), right after a
    noun that names a person ("finance director [Beatrice Askew]") or with
    one in apposition ("[Marcus Thornbury], the leader of ..."). Near
    misses: "Thornton Borough Council" holds an organisation noun; "market
    leader Acme Foods" a plural, as companies' and teams' names do; "Acme"
    alone is one word.
    """
    found = []
    for ent in article.doc.ents:
        # One word is a name only beside a noun that names a person: "Wise's dad, [Darrin]".
        least = 1 if _role_in_apposition(ent.root) else FULL_NAME_MIN_WORDS
        if ent.label_ in PERSON_LABELS or not least <= len(ent) <= MAX_MISLABELLED_NAME_WORDS:
            continue
        if not all(t.pos_ == "PROPN" and t.is_title and t.tag_ not in PLURAL_NOUN_TAGS for t in ent):
            continue
        if any(names_an_organisation(t) for t in ent):
            continue
        if article.quoted_at(ent.root) is not None:
            continue
        if _role_before(ent) or _role_in_apposition(ent.root):
            found.append(ent)
    return found


def names_an_organisation(token: Token) -> bool:
    """A word organisations and places are named with: a body or an establishment ("Council", "Academy",
    ``lexicons.body_nouns``), an organisation noun, a company's legal form ("Ltd")."""
    word = token.lower_.rstrip(".")
    return word in body_nouns() or word in ORGANISATION_NOUNS | COMPANY_NOUNS | COMPANY_FORMS


def _role_before(ent: SpacySpan) -> bool:
    """A noun that names a person right before the name, modifying it: "finance director [Beatrice Askew]"."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.pos_ == "NOUN" and before.head.i == ent.root.i and is_person_noun(before)


def _role_in_apposition(root: Token) -> bool:
    """A noun that names a person beside the name, set off by commas: "[Marcus Thornbury], the leader of ..."."""
    return any(t.pos_ == "NOUN" and t.tag_ not in PLURAL_NOUN_TAGS and is_person_noun(t) for t in _in_apposition(root))


def _in_apposition(root: Token) -> list[Token]:
    """The heads of what stands in apposition to a name, either side of it: "Acme, a retailer"; "the retailer, Acme"."""
    beside = [c for c in root.children if c.dep_ in APPOSITION_DEPS]
    if root.dep_ in APPOSITION_DEPS:
        beside.append(root.head)
    return beside


def _short_form(words: list[str], full_words: list[str]) -> bool:
    """Whether a name of ``words`` may stand for ``full_words``: the same surname, and its other words among the full name's."""
    return same_surname(full_words[-1], words[-1]) and all(w in full_words for w in words[:-1])


def _name_compound(token: Token, head: Token) -> bool:
    return token.tag_ == "NNP" and token.dep_ == "compound" and token.head.i == head.i and not token.ent_type_ and token.is_title


def _inside(ent: SpacySpan, token: Token) -> bool:
    """Whether ``ent`` is part of the phrase ``token`` heads: "Spurs" in "the Spurs sporting director"."""
    return token.left_edge.i <= ent.start and ent.end <= token.right_edge.i + 1


def _main_clause_subject(article: Article, ent: SpacySpan) -> bool:
    """A PERSON that is the subject of a main clause, not of a clause someone reports or causes.

    "Arnesen said the problems caused Santini to quit": Arnesen is, Santini is
    not; in "Its leader, Joanna Moreno, joined in 2014" the name of the
    described subject is (near miss: "Lisa Harris, Liberal MLA, said" makes
    no subject of the description beside the name). A clause the parser hangs
    on words inside a quotation is still a main clause ("Sen. Ann Lee
    scolded him: “...”").
    """
    root = ent.root
    if root.dep_ in APPOSITION_DEPS and root.head.pos_ == "NOUN" and root.head.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        # "Its leader, Joanna Moreno, has been with the council since 2014": the name of a described subject is one
        # (not a description set beside a name that is the subject: "Lisa Harris, Liberal MLA").
        root = root.head
    if root.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return False
    verb = root.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in EMBEDDED_CLAUSE_DEPS:
        return False
    return verb.dep_ not in CONTENT_DEPS or article.quoted_at(verb.head) is not None


def _asked(ent: SpacySpan) -> bool:
    """A person the article's writer asked or interviewed: the next to speak, as a subject is.

    "I asked barber Robert McMillen ... “...,” he explains." Near misses:
    "She told Ana Ruiz the news" (told, not asked: the teller speaks), and
    "Her husband asked Tom Glavine for an autograph" (someone in the story
    asked, not the writer).
    """
    root = ent.root
    while root.dep_ in APPOSITION_DEPS and root.head.i != root.i:
        root = root.head
    if root.dep_ != "dobj" or lemma(root.head) not in ASKING_VERBS:
        return False
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in FIRST_PERSON_PRONOUNS for c in root.head.children)


def _title_of(ent: SpacySpan) -> tuple[str, str | None] | None:
    """The lemma of the title's noun the article gives next to this PERSON mention, and its affiliation."""
    described = describe(ent.root)
    title = described.title
    if title is None:
        return None
    words = ent.doc.char_span(title.span.start, title.span.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    affiliation = described.affiliation.text.lower() if described.affiliation is not None else None
    return lemma(words[-1]), affiliation


def organisation_name(ent: SpacySpan) -> str:
    """An organisation's name as the article gives it, without "the" or a possessive."""
    found = organisation_words(ent.root)
    return text_of(found[0]) if found is not None else clean_name(ent.text)


def _nouns_beside(ent: SpacySpan) -> set[str]:
    """The common nouns an organisation's name stands with: in apposition ("Acme, a retailer"; "the
    retailer, Acme") or before it ("retailer Acme")."""
    before = [c for c in ent.root.children if c.dep_ == "compound" and c.i < ent.start]
    return {lemma(t) for t in [*_in_apposition(ent.root), *before] if t.pos_ == "NOUN"}
