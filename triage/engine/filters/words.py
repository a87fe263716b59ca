"""Word lists shared by the text filters: ordinary words, determiners, titles, roles."""

from __future__ import annotations

from triage.engine.filters.text import _words

# Ordinary English words that start a phrase with a capital only because they come first:
# determiners, pronouns, prepositions, conjunctions, and the adjectives and nouns that
# usually open a dispute's title. Anything else (a name, a month, an acronym) keeps its case.
COMMON_WORDS = _words(
    """
    a an the this that these those some any all each every no not both either neither
    our their your its it his her my we you they he she us them one two three several many
    few most more less much another other such own only just also even still again very too
    to in on for of with by at from into onto about across after against before behind
    between beyond during over under until since through throughout within without via per
    and but or nor so yet if when while because though although unless whether
    there here what which who whose how why where
    last next second third final recent current previous ongoing repeated
    late missed delayed slow wrong incorrect unpaid overdue disputed poor lost broken failed
    missing incomplete inaccurate duplicate double unclear vague unexpected unannounced
    sudden cancelled canceled postponed rejected refused withheld changed reduced increased
    higher lower extra additional hidden unauthorised unauthorized unapproved faulty
    defective damaged bad low high confusing conflicting crossed mixed ignored unanswered
    inconsistent insufficient inadequate frequent constant continued persistent partial
    rude curt angry terse defensive hostile short long small major minor
    serious urgent outstanding unresolved closed shared joint
    invoice invoices payment payments delivery deliveries fee fees charge charges price
    prices pricing billing support service services quality communication communications
    response responses reply replies email emails call calls meeting meetings report
    reports reporting scope deadline deadlines schedule timeline project projects contract
    contracts terms work data access outage outages downtime error errors bug bugs delay
    delays complaint complaints credit credits refund refunds renewal referral referrals
    commission commissions shipment shipments stock order orders ticket tickets account
    pay send agree confirm raise release sign give return share provide settle accept
    withdraw restore fix deliver approve arrange book schedule review extend repay cover
    accounts relationship trust tone staff team targets sales revenue costs cost budget
    define route meet get act refund freeze show name make take keep check use set put ask lead
    tell write add start stop hold move plan plans monitor track train log note record list
    document publish require publishing training weekly monthly daily quarterly yearly
    never nobody nothing everything everyone everybody something someone anyone always
    further written accurate proposals proposal rates rate returns milestones milestone
    client clients customer customers supplier suppliers partner partners buyer buyers
    compliance maintenance performance insurance acceptance evidence guidance governance
    liability security capacity priority availability responsibility visibility
    four five six seven eight nine ten eleven twelve fourteen fifteen twenty thirty
    """
)
# Endings of ordinary nouns, never of a name: "Remediation plan", "Management sign-off",
# "Partnership review". ("-ment" only from eight letters, so "Clement" stays a name.)
_ORDINARY_ENDINGS = ("tion", "tions", "sion", "sions", "ship", "ships")


# Endings English gives to ordinary nouns and adjectives ("Exposure", "Shortage", "Integrity",
# "Carelessness", "Dangerous"), each with the shortest word it is trusted in, so that the
# given names that share an ending ("Trinity", "Laurence", "Clive", "Savage") keep their
# capital ("-ment" is in ``_ordinary``, from eight letters). Used where a typed answer is set mid-sentence: its first word lost its capital
# only when it had one for starting the answer.
_WORD_ENDINGS = (
    ("ure", 7),
    ("ures", 8),
    ("ness", 7),
    ("ity", 9),
    ("ities", 9),
    ("ance", 9),
    ("ence", 9),
    ("ances", 9),
    ("ences", 9),
    ("ism", 7),
    ("age", 7),
    ("ages", 7),
    ("able", 7),
    ("ible", 7),
    ("ive", 7),
    ("ous", 7),
    ("ful", 7),
    ("less", 7),
    ("ency", 8),
    ("ancy", 8),
)
# Everyday words of a dispute that no ending above covers.
_DISPUTE_WORDS = _words(
    """
    breach breaches leak leaks claim claims damage damages overcharge overcharges shortfall
    shortfalls handover onboarding invoicing booking bookings shipping packaging labelling
    labeling labels surcharge surcharges discount discounts penalty penalties dispute disputes
    issue issues problem problems incident incidents notice notices change changes exit loss
    losses harm repair repairs upgrade upgrades rollout launch release update updates app
    website system systems portal platform software hardware equipment vehicle vehicles goods
    product products parts samples sample pallets containers warehouse office site store
    stores routes lane phase stage volumes forecast forecasts figures amounts balance money
    cash funds bonus retainer deposit interest rent lease licence license future
    patients users employees contractors candidates students guests members staffing
    sourcing marketing licensing handling cleaning catering hosting testing
    """
)


def dictionary_word(word: str) -> bool:
    """Whether a capitalised word reads as an ordinary word of the language, not a name: one
    of ``COMMON_WORDS`` or the everyday words of a dispute, or with an ending only ordinary
    words have. An acronym ("SAP", "Q3") or a mixed-case name ("iPhone") never is."""
    if not word.isalpha() or any(ch.isupper() for ch in word[1:]):
        return False
    low = word.lower()
    if _ordinary(word) or low in _DISPUTE_WORDS:
        return True
    if low.endswith("nness"):  # "Guinness", "Inverness": names; "openness" is rare
        return False
    return any(low.endswith(end) and len(low) >= size for end, size in _WORD_ENDINGS)


def _ordinary(word: str) -> bool:
    """Whether a capitalised first word is an ordinary word, written with a capital only
    because it comes first: a common word, or a noun with an ordinary ending."""
    low = word.lower()
    if low in COMMON_WORDS:
        return True
    return low.endswith(_ORDINARY_ENDINGS) or (len(low) >= 8 and low.endswith(("ment", "ments")))


# Words that a phrase can start with where "the" would be wrong: determiners,
# possessives, quantifiers, pronouns and question words.
DETERMINERS = _words(
    """
    the a an our their your its this that these those some any all each every no his her my
    both either neither several many few most much more less another such whose which what
    whatever one two three four five six seven eight nine ten eleven twelve half
    it they them we us you he him she me i how why when where whether who not
    """
)

TITLES = _words(
    """
    mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd reverend fr
    father judge capt captain col colonel major maj hon mag ing dipl-ing di dra lic licda sr sra
    srta khun
    """
)
# Titles said with the first name: Sir Alex, Dame Judi, and the Thai "Khun Natthapong".
_FIRST_NAME_TITLES = frozenset({"sir", "dame", "khun"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "obe", "mbe", "cbe", "esq"})
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del"})


# Words of a job title, never of a name: "Head of Partnerships", "CEO", "Operations Director".
ROLE_WORDS = _words(
    """
    head chief officer director directors manager managers lead leader owner founder
    cofounder co-founder partner partners president chair chairman chairwoman chairperson
    executive secretary counsel adviser advisor consultant principal engineer team
    directora general gerente jefe jefa presidente presidenta geschäftsführer geschaftsfuhrer
    leiter leiterin directeur directrice responsable amministratore direttore direttrice
    ceo coo cfo cto cro cmo cio ciso cpo dpo md vp svp evp gm hr
    sales operations finance commercial marketing legal account accounts customer
    """
)

# Words a shortened text must not end on.
_DANGLING = _words(
    """
    a an the and or but nor of to in on at by for with from into than that which who whose
    our their your its his her my this these those as if so not no what when where how
    we they you it is are was be will would can could should must may then each every any
    """
)
