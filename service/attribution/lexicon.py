"""Data only: the words, labels and thresholds the rules match on.

Every set is matched against lemmas (lower case) or spaCy labels. The reasons
sit beside the values; a value that was tuned says what it was measured on.
"""

from __future__ import annotations

# --- Reporting verbs -------------------------------------------------------

SPEECH_VERBS = frozenset(
    """
    say tell add note explain warn claim state argue write ask announce
    insist suggest tweet acknowledge admit declare deny reply respond recall
    conclude report comment observe remark emphasize emphasise stress complain
    predict confirm contend assert maintain reiterate repeat concede boast
    charge allege counter retort answer elaborate proclaim affirm testify
    caution quip joke shout yell whisper post email text mention reveal
    disclose promise pledge vow urge demand agree disagree estimate
    lament muse wonder question query point
    """.split()
)
"""Verbs whose subject says what their complement or a quote holds."""

CUE_FRAME_MIN_COUNT = 5
"""A verb and frame seen fewer times than this in training are judged by the hand list."""

CUE_FRAME_MIN_SHARE = 0.5
"""A verb and frame report speech when annotators marked at least this share of
their occurrences in PolNeAR train as attribution cues. Chosen on train:
lower admits "show [a chart]"-like misses faster than it finds quotes."""

NOT_REPORTING_VERBS = frozenset(
    """
    seem appear be have
    believe think know feel suspect doubt fear worry hope hop expect learn find
    recognize consider regard see want prefer
    seek try look aim plan vote offer support oppose
    """.split()
)
"""Never cues, whatever the training counts say. PolNeAR's annotators mark
attributions of every kind: raising verbs ("Trump seemed to suggest"), beliefs
("voters believe"), wishes and plans ("the party seeks to"). A quotation
service reports what someone said or wrote; "the economy seems to recover" or
"Russia sought to buy shells" quote nobody, and a user would read them as false
quotes. Measured on PolNeAR dev (all attributions), leaving these out costs
about 0.01 of quote F1 and keeps precision where a newsroom can trust it.
(spaCy lemmatizes "hoped" to "hop".)"""

FINDING_VERBS = frozenset("find conclude determine show estimate suggest indicate reveal allege calculate project".split())
"""Verbs by which a document states what it holds: "the report found that", "the audit concluded
that", "the lawsuit alleges that", "the poll shows that". With a document as subject they report
(``cues.states_a_finding``), "find" included, which a person uses of a belief ("I find that ...")."""

FRAME_VERBS = frozenset("continue add go begin finish conclude read".split())
"""Verbs that are speech only when they frame a quotation ("..., he continued")."""

NAMING_VERBS = frozenset("call describe dub label term brand characterize characterise refer".split())
"""Verbs that attach a quoted fragment as what the speaker called something."""

ACCORDING_TO = ("according", "to")
"""The preposition pair of "according to X"."""

QUOTE_AS_VERBS = frozenset("quote cite".split())
CALLED_VERBS = frozenset("name call".split())
ASKING_VERBS = frozenset("ask interview question quiz query".split())
"""Verbs whose object is put a question, and answers it next: "I asked Robert McMillen ..."."""
"""Participles that give a person's name after a description: "a fisherman called Tomas"."""
"""Heads of "Tass quoted Rudenko as saying ...": the object is the speaker."""

DASHES = "―—–-"
"""Dashes that may stand between a quotation and its speaker: “...” ― Ana Ruiz."""

MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 60
"""A speaker label before a colon ("Sen. Ana Ruiz:", "Q:") is a short name, not a clause."""
MAX_LABEL_DESCRIPTION_WORDS = 10
MAX_LABEL_DESCRIPTION_CHARS = 70
"""A name in a label may be followed by a comma and who the speaker is: "Ana Ruiz, head of
research at the Tidewater Institute for Coastal Studies:" (a title and an organisation's name)."""

NOT_SPEAKER_LABELS = frozenset(
    {
        "note", "editor's note", "editor’s note", "update", "updated", "correction", "clarification",
        "related", "source", "sources", "photo", "photos", "video", "watch", "read", "read more",
        "see also", "listen", "disclosure", "transcript", "full text", "partial transcript", "warning",
        "spoiler", "breaking", "exclusive", "live", "analysis", "opinion", "commentary", "background",
        "context", "credit", "headline", "byline", "publisher", "published", "posted", "author", "dateline",
        "caption", "image", "picture", "photograph", "copyright", "tags", "tag", "category", "section",
        "location", "filed", "date", "time", "edited", "words", "length", "summary", "topics", "keywords",
    }
)
"""Labels before a colon that introduce a kind of text, not a speaker: an article's metadata
("Headline:", "Publisher:", "Updated:") and a newsroom's signposts ("Read more:")."""

FURNITURE_LABELS = frozenset(
    {
        "photo", "photos", "photograph", "picture", "pictures", "image", "images", "video", "videos",
        "caption", "credit", "photo credit", "gallery", "graphic", "related", "more", "also read", "see also",
    }
)
"""Labels that open a paragraph describing a picture or a video, or pointing at another story:
page furniture, not the story's prose ("Photo: Tom Hale/Harbour News", "Related: ...")."""

TEASER_VERBS = frozenset("watch read listen see".split())
"""Imperatives that open a teaser for another story or a video: "WATCH: ...", "READ MORE: ...",
"Listen to the full interview: ..."."""

MAX_NOTICE_WORDS = 6
"""The longest notice a web page puts between parts of a story ("Story continues below advertisement")."""

MAX_FURNITURE_LABEL_WORDS = 3
"""A furniture label is a word or two ("WATCH BELOW:"); a longer run before a colon is prose."""

# --- Dependency labels (spaCy's English ClearNLP scheme) --------------------

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
"""Children of a reporting verb that hold what was said."""
PARENTHETICAL_DEPS = frozenset({"parataxis"})
"""How the parser hangs a cue set off by commas on the clause it reports: "The plan, Ruiz said, would ..."."""
PARENTHESIS_OPENERS = frozenset(",;—–-(")
"""Punctuation that sets a parenthetical cue off from the clause before it."""
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MODALS = frozenset("would will could can should might may must shall".split())
RELATIVE_TAGS = frozenset({"WP", "WDT"})
"""What, which, who: a clause they open is about something else."""
WH_TAGS = frozenset({"WP", "WDT", "WP$", "WRB"})
"""What, which, whose, how, why, when: a complement they open asks rather than states."""
QUESTION_COMPLEMENTIZERS = frozenset({"whether", "if"})
"""Complementizers of an embedded yes-no question: "did not say whether it agreed"."""
COMPLEMENTIZERS = frozenset({"that"})
"""What opens a statement: the tagger calls "that" WDT at times ("denied that the port was sold")."""
PAST_TAGS = frozenset({"VBN", "VBD"})
"""A past form with no subject and no "have" is a passive participle: "Asked what he would do, ..."
(he is asked); the tagger calls it VBD as often as VBN."""
CONJUNCT_DEPS = frozenset({"conj", "xcomp", "advcl"})
"""A verb in one of these relations shares its head's subject: "..., adding"."""
NAME_PART_DEPS = frozenset({"compound", "flat", "nmod", "amod", "poss", "case", "det", "nummod", "quantmod"})
"""Children that belong to the speaker's noun phrase (not appositives, clauses)."""
DETERMINER_DEPS = frozenset({"det", "predet"})
POSSESSOR_DEPS = frozenset({"poss"})
"""Whose a noun is: "our standards", "his partner"; a name takes none."""
FRAME_END_DEPS = frozenset({"prep", "mark"})
"""After a cue, where its speaker can no longer be: an adjunct ("said on Fox News") or a clause
of its own ("adding that its profits rose")."""
APPOSITION_DEPS = frozenset({"appos"})
RELATIVE_DEPS = frozenset({"relcl", "acl"})
RELATIVE_CLAUSE_DEPS = frozenset({"relcl"})
DESCRIPTION_DEPS = frozenset({"amod", "prep", "acl", "relcl", "cc", "conj"})
"""What follows a noun in a description of someone unnamed: "a person [familiar with the talks]",
"an official [with the agency] [who was present]", "lawyers [and] [experts]"."""
ADVERBIAL_CLAUSE_DEPS = frozenset({"advcl"})
"""A clause of time, condition or reason inside another: "[when the port reopens], fares will rise"."""
EMBEDDED_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "pcomp"})
"""Clauses inside another clause: their subject is no topic of the paragraph."""
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
"""An auxiliary stands for the verb it helps: "are" in "preparations are at ..."."""
CLAUSE_HEAD_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl"})
"""Verbs that head a clause of their own: its subject can speak ("Her response was: ...")."""
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound"})
"""A verb in one of these relations describes a noun ("the laid-back resident", "a well-known
baker"): a word of the noun phrase, not a clause of its own."""
OWN_ARGUMENT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "acomp", "ccomp", "xcomp", "parataxis"})
"""What a verb beside a quotation may not have for it to be the quotation's cue: an
object or a clause of its own ("he left [the room]", "she felt [tired]")."""
FRAME_PHRASE_DEPS = frozenset({"appos", "compound", "amod", "pobj", "prep", "poss"})
"""How a word in a frame leads up to the noun it belongs to: "Flynn, a surrogate" -> "Flynn",
"the mayor of the city" -> "mayor", "his partner" -> "partner"."""
ASKED_OF_DEPS = frozenset({"dobj", "dative"})
"""Whom an infinitive is asked of: "urged [Congress] to act"."""
COMPLETING_DEPS = frozenset({"oprd", "xcomp", "ccomp", "dobj", "dative"})
"""Arguments after an object that complete what it reports: "called [it] [a disgrace]"."""
QUOTED_AS_DEPS = frozenset({"pcomp", "pobj", "advcl"})
"""How "saying" hangs from the "as" of "quoted X as saying"."""

# --- Pronouns ---------------------------------------------------------------

PERSONAL_PRONOUNS = frozenset("he she him her".split())
PLURAL_PRONOUNS = frozenset("they them we".split())
FIRST_PERSON_PRONOUNS = frozenset("i me we us".split())
FIRST_PERSON_SINGULAR = frozenset("i me my mine myself".split())
"""Words a quote of one person holds: an organisation speaks as "we"."""
NEUTER_PRONOUNS = frozenset("it".split())
POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he"}
"""A possessive determiner and the pronoun it is the possessive of ("her" is both already)."""
OWNER_POSSESSIVES = frozenset("its their".split())
"""The possessives an organisation is called by: "Its leader", "their spokesman" (British usage)."""
SECOND_PERSON_PRONOUNS = frozenset("you".split())
"""In an article's own words, "you" is generic ("if you ask around, ..."): no one who spoke."""
RELATIVE_PRONOUNS = frozenset("who that which".split())
PRONOUNS = PERSONAL_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON_PRONOUNS | NEUTER_PRONOUNS

# --- Named entities ---------------------------------------------------------

PERSON_LABELS = frozenset({"PERSON"})
ORGANISATION_LABELS = frozenset({"ORG"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
"""Countries and nationalities: an affiliation only when nothing better is said."""
PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC"})
"""Entities that name a place itself ("US", "Leeds"), where NORP may be a party as well as a nation."""
TIME_LABELS = frozenset({"DATE", "TIME"})
TITLE_CASE_SMALL_WORDS = frozenset("a an and at by for in of on or the to".split())
"""Words a title leaves in lower case ("State of the Union"): the rest of its words are capitalised."""
WORK_PREPOSITIONS = frozenset({"on"})
"""A title-case name after these is a programme, not quoted words: "said on “Face the Nation”"."""
SPEAKER_LABELS = PERSON_LABELS | ORGANISATION_LABELS | PLACE_LABELS
NAME_LABELS = SPEAKER_LABELS | frozenset({"FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
"""Entities that are names of something (not numbers, dates or amounts)."""
IN_ENTITY = frozenset({"B", "I"})
"""IOB tags of a token inside a named entity."""

# --- Parts of speech and fine tags -------------------------------------------

VERB_POS = frozenset({"VERB", "AUX"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
"""Words that can name a speaker."""
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
"""Present and past participles: "Speaking at the summit, ...", "Asked about it, ..."."""
PERSONAL_PRONOUN_TAG = "PRP"
POSSESSIVE_TAG = "POS"
"""The "’s" of a possessive."""
NAME_DETERMINER_TAGS = frozenset({"DT", "PRP$"})
"""Words before a noun that are no part of its name: "the spokesperson", "his adviser"."""
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
"""A definite description refers back to someone named before: "the spokesperson"."""
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "any"})
"""An indefinite description introduces someone new: "a minister", "one adviser"."""
QUANTIFIERS = frozenset("several many few numerous various multiple most".split())
"""Words that count an unnamed group: "several lawyers", "many residents"."""

# --- Titles and affiliations ------------------------------------------------

OBJECT_PREPOSITIONS = frozenset("of for as over about against with on".split())
"""Prepositions that complete what an object reports: "accused him of lying",
"criticized the plan as reckless". ("on" as in "blamed it on the rain".)"""

AFFILIATION_PREPOSITIONS = frozenset("at of for with from behind to".split())
"""Prepositions that join a title to its organisation: "a fellow at X"."""

ORGANISATION_ENTITY_LABELS = frozenset({"ORG", "FAC"})
"""Entities that are affiliations: spaCy's small model often calls an institute
("the Centre for Strategic and International Studies") a facility."""

DESCRIPTION_POS = frozenset({"NOUN", "PROPN", "ADJ"})
"""Words a description before a name is made of, whatever the parse hangs them on: "Acme Foods finance director"."""

TITLE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "nummod"})
"""Modifiers that are part of a title: "vice president", "former official"."""

NOT_TITLES = frozenset(
    """
    sister brother wife husband son daughter father mother parent child
    friend man woman person people resident one counterpart colleague ally
    rival neighbor neighbour partner
    """.split()
)
"""Nouns in apposition to a name that say who someone is to someone else,
not what post they hold: "Kim Yo Jong, Kim Jong Un’s sister"."""

HONORIFICS = frozenset(
    """
    mr mrs ms miss mx messrs mmes dr sir dame lord lady
    """.split()
)
"""Forms of address before a name (with or without a full stop: "Mr", "Mr."), as
English news style guides list them (AP, Reuters, The Guardian, BBC News):
neither a title (what post someone holds) nor part of the canonical name ("Mr
Reid" is an alias of "Ann Reid"). "Dr" counts as one: newsrooms use it of anyone
with a doctorate."""

FIRST_NAME_HONORIFICS = frozenset("sir dame lord lady".split())
"""Honorifics a British article uses with the first name alone: "Sir John" for Sir John Bourn."""

MALE_HONORIFICS = frozenset("mr messrs sir lord".split())
FEMALE_HONORIFICS = frozenset("mrs ms miss mmes dame lady".split())
"""An honorific that says whether "he" or "she" may stand for the person."""

MALE_NOUNS = frozenset(
    """
    spokesman chairman congressman assemblyman councilman alderman businessman
    sportsman statesman anchorman cameraman king prince duke emperor sultan actor
    waiter father husband son brother boyfriend uncle nephew grandfather widower
    """.split()
)
FEMALE_NOUNS = frozenset(
    """
    spokeswoman chairwoman congresswoman assemblywoman councilwoman businesswoman
    sportswoman stateswoman anchorwoman camerawoman queen princess duchess empress
    actress waitress mother wife daughter sister girlfriend aunt niece grandmother
    widow lady
    """.split()
)
"""Role and kinship nouns that say whether a person is a man or a woman ("spokeswoman", "his wife")."""

MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
NEUTRAL_PRONOUNS = frozenset({"themself"})
"""The one form of singular "they" that no group takes: "Reyes describes themself as ..."; a bare
"they" after a person's name is as often the people around them, and says nothing."""
REFLEXIVE_PRONOUNS = frozenset("himself herself themself".split())
REFLEXIVE_DEPS = frozenset({"dobj"})
"""A reflexive object of a person's own verb is bound to them: "Ruiz excused herself"."""

ROLE_WORDS = frozenset(
    """
    president vice deputy assistant acting interim former senior junior chief head
    minister secretary senator sen rep representative congressman congresswoman
    assemblyman assemblywoman councillor councilor cllr alderman delegate mp mep msp
    governor gov mayor premier chancellor speaker leader whip chair chairman chairwoman
    chairperson commissioner ambassador envoy consul attorney solicitor barrister lawyer
    judge justice magistrate prosecutor sheriff marshal
    director executive officer manager boss founder cofounder co-founder owner partner
    principal dean provost rector professor prof lecturer researcher scientist economist
    analyst strategist adviser advisor consultant aide spokesman spokeswoman spokesperson
    spokespeople representative official administrator treasurer auditor comptroller
    controller registrar clerk editor reporter correspondent columnist journalist
    presenter anchor producer publisher author writer critic historian
    coach striker midfielder defender goalkeeper keeper captain player manager referee
    general gen admiral adm colonel col major maj lieutenant lt sergeant sgt commander
    marshal brigadier corporal cpl private pvt
    king queen prince princess duke duchess emperor empress sultan emir sheikh
    pope bishop archbishop cardinal rabbi imam reverend rev pastor priest vicar chaplain
    nominee candidate contender challenger incumbent lawmaker legislator
    fellow member trustee governor inspector superintendent supervisor surveyor
    chief-executive ceo cfo coo cto md
    retired veteran longtime outgoing incoming star minority majority ranking
    engineer teacher nurse doctor physician surgeon architect designer developer pilot
    farmer worker employee staffer volunteer organiser organizer activist campaigner
    student economist accountant banker broker trader investor entrepreneur businessman
    businesswoman chemist biologist physicist psychologist psychiatrist lobbyist pollster
    speechwriter curator librarian artist actor actress singer musician songwriter comedian
    filmmaker photographer poet novelist playwright dancer athlete cyclist boxer jockey
    trainer umpire scholar expert specialist negotiator mediator detective constable
    firefighter paramedic soldier commandant
    """.split()
)
"""Role nouns: what post someone holds. Compiled by hand from the job titles and
ranks of English news copy (government, parliament, courts, business, academia,
the press, sport, the armed forces, religion, campaigns); matched on lower-case
lemmas, abbreviations without their full stop ("Sen.", "Gov."). A capitalised
word before a role noun that is not one is read as whom the role is for
("Arsenal boss", "Tory leader"); one that is, as part of the title ("Chief
Executive", "Deputy Foreign Minister")."""

PERSON_SUFFIXES = ("man", "woman", "men", "women", "person", "people")
"""Endings of compounds that name a person, whatever the dictionary holds: "defenceman", "linesman",
"chairperson" (and their plurals, which a tagger may leave unlemmatized)."""

PORTFOLIO_WORDS = frozenset(
    """
    foreign home interior defence defense finance treasury justice health education
    trade industry business economy economic energy environment transport transportation
    culture agriculture labour labor housing security intelligence immigration
    affairs development communications technology science sport sports media
    policy legal press public national international regional state
    """.split()
)
"""Words that name what a role is for, within the title itself: "Justice Minister",
"home affairs spokesman", "foreign policy adviser"."""

STATE_OFFICES = frozenset(
    """
    president premier minister chancellor secretary ambassador envoy consul diplomat official
    officer leader ruler head king queen monarch prince princess emperor empress sultan emir
    sheikh spokesman spokeswoman spokesperson general admiral commander negotiator
    """.split()
)
"""Posts held for a state: the nationality or the country before them is whom they serve
("Russian President", "a French diplomat"), where before an occupation it only says where
someone is from ("US historian", "French sculptor": no affiliation)."""

SEAT_ROLES = frozenset(
    """
    mp mep msp mla mpp mha td councillor councilor cllr alderman senator sen representative rep
    congressman congresswoman assemblyman assemblywoman assemblymember delegate
    """.split()
)
"""Elected posts that hold a seat: what follows "for" or "of" is the seat ("the Labour MP for
Exeter", "Sen. Ann Lee of Ohio"), and the capitalised word before them the party ("Labour
MP"), never a portfolio; the affiliation of their holder is the party, never the seat or the state."""

SEAT_PREPOSITIONS = frozenset("for of".split())
"""Prepositions that name an elected post's seat: "MP for Exeter", "senator of Ohio"."""

DISTRICT_NOUNS = frozenset("ward constituency district riding seat division precinct".split())
"""Nouns of an electoral district: "[Moorside ward] councillor" names the seat, which is neither title nor affiliation."""

PORTFOLIO_ROLES = frozenset("minister secretary undersecretary".split())
"""Role nouns that hold a portfolio: a portfolio word before them is the post's, not an
organisation ("Justice Minister", "Defense Secretary"), where before another role it is
often the party or department the person speaks for ("Labour MP", "Treasury spokesman")."""

TITLE_WORDS = ROLE_WORDS | PORTFOLIO_WORDS | HONORIFICS | frozenset("prime".split())
"""Words that open a name in spaCy's PERSON entities but are titles or forms of
address, not names: "Mayor Elena Park" is Elena Park, whose title is "Mayor"."""

PARTY_NOTATION = {"D": "Democratic Party", "R": "Republican Party", "I": "independent"}
"""The US press's notation for a legislator's party and state ("Sen. Ann Lee
(D-Ore.)", "Rep. Tom Ruiz, R-Texas", AP style): the letter is the party."""

PRIZE_NOUNS = frozenset("prize award medal trophy".split())
"""Heads of a prize's name ("the Erikson Prize for Excellence"): a prize won is no employer."""

PRIZE_NAME_LINKS = frozenset("for of in".split())
"""Words after which a prize's name says what it is for: "Prize [for] Excellence", "Medal [of] Honor"."""

ORGANISATION_NOUNS = frozenset(
    """
    administration campaign government cabinet team office staff camp foundation
    company firm group business corporation bank club party union council committee
    agency department ministry authority board institute organisation organization
    charity network association federation league alliance coalition police
    """.split()
)
"""Nouns that make an organisation of a person's name: "the Clinton campaign", "the Obama administration"."""

COLLECTIVE_NOUNS = frozenset("coalition group alliance association union panel team consortium number majority handful".split())
"""Nouns of a group whose members the article names with "of": "a coalition of retailers" speaks as one."""

MAX_DESCRIPTION_WORDS = 12
"""The longest description an unnamed speaker is named by: "two officials who spoke on condition of
anonymity" is nine words; past a dozen a relative clause is telling a story, not describing."""

MAX_TITLE_WORDS = 4
"""The most lower-case words of a title between its owner's name and the person who holds it: "Acme
[chief operating officer] Jo Park", "Redcastle Wanderers [sporting director] Fiona Varga"."""
MAX_GROUP_WORDS = 6
"""The longest "of" phrase kept in a group's name: "a coalition of [independent retailers in Tellbridge]"."""

COMPANY_NOUNS = frozenset(
    """
    company firm group business corporation bank club charity agency union
    insurer retailer carrier operator broadcaster regulator manufacturer maker producer
    airline supermarket chain publisher studio label watchdog lender team squad
    """.split()
)
"""Nouns a news story uses for the organisation it has just named: "Acme cut jobs. The
company said ..."; "The Tigers won. The team said ...". Not "the campaign" or "the
government", which stand for ones of their own."""

COMPANY_FORMS = frozenset("inc ltd plc llc llp corp co gmbh ag sa nv bv pty".split())
"""The legal forms that end companies' names in English-language news ("Acme Inc", "Calder plc")."""

MAX_MISLABELLED_NAME_WORDS = 3
"""The longest run of proper nouns read as a person's name the recogniser labelled otherwise:
a first name, perhaps a middle one, and a surname."""

SPEAKING_BODY_NOUNS = ORGANISATION_NOUNS | COMPANY_NOUNS | COLLECTIVE_NOUNS
"""Nouns of bodies that speak as one: "predicted the bank", "the union said"."""

NAME_PARTICLES = frozenset("al el bin ibn de del della der den di da dos du la le van von ter ten".split())
"""Lower-case words inside a name: "Abu Bakr al-Baghdadi", "Ursula von der Leyen"."""

NAME_JOINERS = frozenset("- ‐ ' ’ .".split())
"""Punctuation inside a name, written without a space after it: "Haji-Ioannou", "O’Neill"."""

RELATIVE_AFFILIATION_VERBS = frozenset(
    "run head lead chair found co-found cofound direct manage own edit coach captain represent join advise".split()
)
"""Verbs whose object is the organisation of their subject: "Jo Park, who runs the Harbor Institute"."""

ORGANISATION_NAME_LABELS = frozenset({"ORG", "FAC", ""})
"""Entity labels (none included) of a name that may be an organisation's: not a person, place, work or number."""

MAX_NAME_APPOSITION_WORDS = 6
"""The longest organisation's name read alone in apposition to a person ("Jo Park, Ports and
Harbours Employers' Association"): longer, and it is a clause, not a name."""

APOSTROPHES = frozenset("'’")
"""Apostrophes, which the tagger may leave untagged as a possessive: the mark of "Nurses' Guild"."""

LINKING_VERBS = frozenset("be become remain".split())
"""Verbs whose complement is what their subject is: "Park [became] manager of Acme"."""

HOLDING_VERBS = frozenset("be remain serve work act stay".split())
"""Verbs of holding a post for a time: in the simple past the post is a former one ("Park
served as director of X", "was chief of X"), where a verb of entering it ("became", "took
over as", "was appointed") leaves it held."""

PREDICATE_COMPLEMENT_DEPS = frozenset({"attr", "oprd"})
"""How a verb's complement hangs from it: "is [chief]", "was named [chairman]"."""

AUTHOR_PREPOSITIONS = frozenset("by from".split())
"""Prepositions that name a document's author: "a report by X", "a statement from X"."""
ISSUER_LABELS = PERSON_LABELS | ORGANISATION_LABELS | PLACE_LABELS
"""Entities that issue documents: people, organisations, governments ("Canada's statement")."""

DOCUMENT_NOUNS = frozenset(
    """
    report study statement letter memo paper survey poll analysis review assessment
    release filing complaint ruling tweet
    """.split()
)
"""Documents that speak for whoever released them: "a report released by X", and the forms a
statement takes in news copy that WordNet 3.0 (2006) files elsewhere or predates: a press
"release", a court's "ruling", a "tweet"."""

# --- Quotation marks --------------------------------------------------------

ELISIONS = frozenset("em til tis twas cause bout n round".split())
"""Words that start with an apostrophe: ’em, ’til, rock ’n’ roll."""

# --- Thresholds -------------------------------------------------------------

MIN_SENTENTIAL_WORDS = 3
"""A quotation this long or longer, after a sentence break, is a sentence of
its own; shorter ones need their own closing punctuation ("“No,” he said")."""

MAX_TERM_WORDS = 6
"""The longest quotation without a verb read as a title or a term when no one is said to say it
("“The Long Voyage of the Tidewater Queen”" is seven words with its article: titles are short)."""

MAX_SPLIT_FRAME_CHARS = 80
"""The longest attribution that may split one quotation in two (“...,” said
Ana Ruiz, a nurse at the clinic, “...”); longer, and the second part is read
on its own."""

DIRECT_COVERAGE = 0.85
"""Share of a reported complement's letters inside quotation marks above which
it is a direct quote ("said that “...”") rather than a mixed one."""

FRAGMENT_GOVERNOR_DEPTH = 3
"""How far up the tree a quoted fragment may look for the verb that names it:
"described [the war] as “sacred”" is three steps from "sacred"."""

SURNAME_MAX_EDITS = 1
"""Spelling slips tolerated between a surname and the full name it stands for
("Ushakiv" for "Yuri Ushakov")."""

SURNAME_MIN_LENGTH_FOR_EDITS = 5
"""Shorter surnames must match exactly: "Cha" and "Chu" are different people."""

FULL_NAME_MIN_WORDS = 2
"""A PERSON name of this many words (titles left out) is a full name that shorter mentions stand for."""

MAX_NAME_WORDS = 3
"""The longest name the recogniser may have tagged as an organisation and still read as a person's
("cabinet member Ana de Ruiz"): longer runs of proper nouns are organisations' names."""

SURNAME_PHRASE_MAX_WORDS = 2
"""A proper noun phrase this short that matches a full name is that person, whatever
its entity label ("Lopez", "Mr Lopez"): the tagger often calls a lone surname an organisation."""

DESCRIPTION_PARAGRAPHS = 2
"""How far back "the Republican nominee" may look for the person it describes: its own
paragraph and the one before (news paragraphs are a sentence or two)."""

GENDER_PARAGRAPHS = 2
"""How far back "she" may look for the one woman named (or "he" the one man) when no speaker or
subject of that gender is known: its paragraph and the two before, as a pair of people is often
introduced a paragraph before a quote paragraph each."""

LONE_NAME_PARAGRAPHS = 1
"""How far back "he" or "she" may look for a lone proper noun labelled no person, as a last resort
before a guess across genders: its own paragraph and the one before."""

LAST_SPEAKER_PARAGRAPHS = 2
"""How far back a quote with no cue may look for the last speaker: its own paragraph and
the two before (a quote paragraph often follows a paragraph of narrative about its speaker)."""

ORGANISATION_PARAGRAPHS = 3
"""How far back "the company" may look for the organisation it stands for."""

INHERITED_SUBJECT_DEPTH = 3
"""How many conjuncts or adverbial clauses a verb may climb to borrow a subject:
"he said, adding that ..., noting ..."."""

MAX_DASH_NAME_WORDS = 12
"""The longest name and description after a dash that still reads as a signature
(“...” ― Ana Ruiz, a nurse at the clinic in Tellbridge)."""

MIN_WRAPPED_LINES = 3
"""A text is read as hard-wrapped only if it has at least this many lines that run on into
another line: with two, any first line is "full" and a paragraph cannot be told from a wrap."""

MIN_WRAPPED_SHARE = 0.6
"""Share of the lines that run on which must be full for the text to be read as wrapped
(the rest are paragraphs' last lines). Measured: every hard-wrapped text of the challenge
suite is over 0.8; no text of PolNeAR dev and train, BBC, GGT or the seeds passes it."""

MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 120
"""The widest line of a text read as wrapped lies between these: mail clients wrap at 72 to
80 columns, PDF text at the page's or the column's measure. An article with one paragraph
a line is wider; a list of names or a poem is narrower, and its short lines are no wraps."""

# --- Anonymous sources (``resolution/anonymity.py``) ---------------------------
# The reasons a news article gives for not naming a source, as style guides list
# them (AP Stylebook, "anonymous sources"; Reuters Handbook of Journalism, "sourcing";
# BBC Editorial Guidelines, "anonymity"): the source asked for anonymity or not to
# be named, is not authorised to speak, fears reprisal; and the access that makes an
# unnamed source worth quoting ("a person familiar with the talks"), which the same
# guides ask an article to state in place of a name.

ANONYMITY_WORDS = frozenset("anonymity anonymously".split())
"""A source granted anonymity: "on condition of anonymity", "speaking anonymously". Not "anonymous",
which describes a speaker ("an anonymous donor") without saying why."""
NAMING_PASSIVES = frozenset("name identify quote".split())
"""Verbs whose negated passive withholds a name: "asked not to be named", "declined to be identified"."""
REFUSAL_VERBS = frozenset("decline refuse".split())
"""Verbs that negate the naming under them: "declined to be named"."""
NAME_NOUNS = frozenset({"name"})
WITHHOLDING_VERBS = frozenset("withhold".split())
"""A name withheld: "whose name was withheld"."""
PERMISSION_WORDS = frozenset("authorise authorize authorised authorized permit permitted allow allowed entitle entitled cleared".split())
"""Words of permission that, negated, say why a source is unnamed: "was not authorised to speak publicly"."""
UNAUTHORISED_WORDS = frozenset("unauthorised unauthorized".split())
NEGATIVE_DETERMINERS = frozenset("no".split())
""""had no authority to speak"."""
ACCESS_WORDS = frozenset("familiar knowledgeable briefed privy close knowledge".split())
"""Words that say what a source has access to: "familiar with", "close to", "briefed on", "with knowledge of"."""
ACCESS_PREPOSITIONS = frozenset("with to on about of".split())
ACCESS_COMPLEMENT_DEPS = frozenset({"acomp", "attr", "prep"})
"""Where a relative clause holds its access word: "who is [familiar] with", "who was [briefed] on"."""
FEAR_WORDS = frozenset("reprisal retaliation retribution repercussion".split())
FEAR_PREPOSITIONS = frozenset({"for"})
""""for fear of losing their job"."""
MODIFIER_DEPS = frozenset({"amod", "acl", "prep"})
"""What follows a speaker's noun and may say what they have access to: "a person [familiar with the talks]",
"an aide [speaking on condition of anonymity]", "a person [with knowledge of the plans]"."""
PERSONAL_RELATIVES = frozenset("who whom whose".split())
"""Relative pronouns that stand for a person: a clause they open is never about a thing."""
SPEAKING_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
"""How a speaker hangs from the verb it speaks with: its subject, or the object of an inverted "said a source"."""
SPEAKING_CLAUSE_DEPS = frozenset({"prep", "advcl"})
"""What of the speaking verb may say why the speaker is unnamed: "said on condition of anonymity",
", speaking on condition of anonymity"; never what was said (``CONTENT_DEPS``)."""

# --- Confidence -------------------------------------------------------------
# Each rule's own confidence is on its member of ``rules.Rule``.

UNRESOLVED_PRONOUN_FACTOR = 0.7
GUESSED_ANTECEDENT_FACTOR = 0.8
"""A pronoun given to someone of the other gender, as the article seemed to say, is a guess."""
"""A speaker left as a bare pronoun ("he", with no one to stand for) is less sure."""
