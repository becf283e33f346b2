"""Word lists the rule-based extractors share: cues, roles, source kinds, demonyms.

Kept in one place so attribution, entities and events agree on what "a title", "a media
outlet" or "a reporting verb" is. All entries are lower-case lemmas or words.
"""

from __future__ import annotations

# Verbs whose subject is the source of what follows (said, reported, ...), by the modality
# they give the content. "call" counts only with "for"/"on" (called for a ceasefire, called
# on X to ...) or with an object and its description (called the plan "a disgrace").
REPORT_VERBS = frozenset({
    "say", "report", "tell", "claim", "announce", "emphasize", "emphasise", "acknowledge",
    "state", "add", "confirm", "note", "explain", "insist", "argue", "warn", "estimate",
    "affirm", "assert", "allege", "maintain", "stress", "write", "declare", "reveal",
    "disclose", "predict", "suggest", "believe", "think", "describe", "admit", "concede",
    "caution", "complain", "contend", "tweet", "indicate", "highlight", "express",
    "comment", "recount", "recall", "testify", "underline", "underscore",
    "observe", "point", "repeat", "reiterate", "counter", "reply", "answer", "inform",
    "show", "find", "conclude", "dispute", "accuse", "put",
    # speech that is not a statement verb but reports what was said ("the crowd chanted,
    # 'Recount!'", "she lamented that ...", "he criticized the plan as ...")
    "remark", "lament", "chant", "shout", "yell", "whisper", "joke", "quip", "boast",
    "mention", "respond", "question", "criticize", "criticise", "condemn", "blast", "slam",
    "assure", "clarify", "retort", "exclaim",
})
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})
CALL_VERBS = frozenset({"urge", "demand", "appeal", "press", "push", "request", "implore",
                        "ask"})
COMMIT_VERBS = frozenset({"promise", "vow", "pledge", "threaten", "swear", "commit"})
# Verbs of belief and of intent: the model may find them as cues (PolNeAR counts them);
# what they govern is then their subject's view ("reported") or plan ("planned").
BELIEF_VERBS = frozenset({
    "think", "believe", "know", "fear", "worry", "doubt", "feel", "expect", "consider",
    "see", "view", "assume", "suspect", "agree", "disagree", "understand", "recognize",
    "realize", "predict", "hope", "wish", "regret",
})
PLAN_VERBS = frozenset({
    "want", "plan", "intend", "seek", "aim", "propose", "hope", "decide", "prefer",
    "offer", "try", "vote", "move", "prepare", "pledge", "promise", "vow",
})
# Verbs that only report when their subject is a document ("the report shows ...").
DOCUMENT_ONLY_VERBS = frozenset({"show", "find", "conclude", "indicate", "suggest"})
# "put the death toll at 31": "put" reports only with one of these objects.
PUT_OBJECTS = frozenset({"toll", "figure", "number", "cost", "estimate", "count", "total"})
CHAIN_VERBS = frozenset({"cite", "quote"})

DOCUMENT_HEADS = frozenset({
    "statement", "report", "filing", "document", "memo", "letter", "data", "figure",
    "estimate", "footage", "record", "log", "lawsuit", "study", "survey", "table", "update",
    "video", "post", "transcript", "release", "communique", "assessment", "analysis",
    "documents", "records", "figures", "estimates", "poll", "audit", "complaint", "tally",
    "review", "draft", "cable", "email", "notice", "bulletin", "indictment", "ruling",
    "image", "images", "imagery", "photo", "photos", "photograph", "photographs",
})
MEDIA_HEADS = frozenset({
    "newspaper", "paper", "daily", "outlet", "broadcaster", "television", "tv", "radio",
    "station", "magazine", "website", "channel", "media", "tabloid", "weekly", "network",
    "newswire", "wire", "broadcast",
})
# Words that make a proper name an outlet's ("Lisbon Post", "Westbridge Gazette").
MEDIA_NAME_WORDS = frozenset({
    "times", "post", "herald", "news", "tribune", "press", "chronicle", "journal", "gazette",
    "wire", "daily", "telegraph", "observer", "monitor", "dispatch", "report", "ledger",
    "guardian", "mail", "express", "radio", "tv", "television", "diário", "diario",
    "gaceta", "jornal", "zeitung", "corriere", "gazzetta", "presse",
})
# Known outlets named bare ("Reuters reported"); others are recognized by their head noun.
MEDIA_NAMES = frozenset({
    "reuters", "ap", "associated press", "afp", "agence france-presse", "bbc", "cnn",
    "al jazeera", "bloomberg", "axios", "politico", "the guardian", "guardian", "nbc", "cbs",
    "abc", "fox news", "sky news", "npr", "dpa", "xinhua", "tass", "interfax", "anadolu",
    "haaretz", "the times of israel", "times of israel", "the new york times",
    "new york times", "the washington post", "washington post", "the wall street journal",
    "wall street journal", "financial times", "the economist", "wafa", "ynet",
    "channel 12", "kan", "al-ahram", "al arabiya", "asharq al-awsat", "le monde",
})
ANONYMOUS_HEADS = frozenset({
    "source", "sources", "official", "officials", "person", "people", "diplomat",
    "diplomats", "insider", "insiders", "resident", "residents", "witness", "witnesses",
    "employee", "employees", "aide", "aides", "someone", "mother", "father", "shopkeeper",
    "relative", "relatives", "doctor", "doctors", "activist", "activists", "campaigner",
    "campaigners", "expert", "experts", "observer", "observers", "one", "man", "woman",
    "parent", "parents", "worker", "workers", "group", "groups", "agency", "agencies",
    "critic", "critics", "survivor", "survivors", "villager", "villagers", "member",
    "members", "engineer", "engineers", "officer", "officers", "staff", "analyst",
    "son", "daughter", "wife", "husband", "brother", "sister", "friend", "neighbour",
    "neighbor", "colleague", "student", "teacher", "nurse", "patient", "victim",
})
BODY_HEADS = frozenset({
    "ministry", "department", "government", "army", "military", "police", "council",
    "commission", "company", "union", "office", "court", "prosecutor", "prosecutors",
    "authority", "authorities", "organisation", "organization", "committee", "service",
    "firm", "association", "administration", "agency", "bank", "parliament", "cabinet",
    "presidency", "embassy", "forces", "force", "navy", "rebels", "wing", "front", "party",
    "state", "operator", "owner", "regulator", "board", "spokesperson", "team", "hospital",
    "school", "university", "institute", "group", "coalition", "alliance", "movement",
    "opposition", "senate", "congress", "house", "secretariat", "fund",
    "community", "delegation", "mission", "consortium", "federation", "watchdog",
})
# Role nouns that make a person source ("the spokesman", "Minister X").
ROLE_WORDS = frozenset({
    "president", "prime", "minister", "pm", "secretary", "senator", "sen.", "rep.",
    "representative", "dr.", "dr", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "colonel",
    "col.", "general", "gen.", "lt.", "lieutenant", "major", "captain", "spokesman",
    "spokeswoman", "spokesperson", "chief", "executive", "chair", "chairman", "chairwoman",
    "leader", "commander", "councillor", "councilor", "headteacher", "envoy", "mayor",
    "governor", "king", "queen", "prince", "princess", "sheikh", "adviser", "advisor",
    "ambassador", "director", "negotiator", "foreman", "judge", "justice", "attorney",
    "chancellor", "speaker", "vice", "deputy", "foreign", "defence", "defense", "interior",
    "health", "environment", "national", "security", "strategic", "affairs", "state",
    "finance", "mining", "transport", "energy", "economy", "trade", "officer",
    "medical", "agency", "army", "rebel", "opposition", "council", "ceo", "cfo", "founder",
    "pope", "cardinal", "archbishop", "bishop", "rabbi", "imam", "professor", "prof.",
    "inspector", "sergeant", "sgt.", "admiral", "marshal", "premier", "emir",
    "crown", "sultan", "shift", "secretary-general", "head", "official",
})
PERSON_ROLE_HEADS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "director",
    "chief", "leader", "commander", "councillor", "senator", "negotiator", "envoy", "mayor",
    "governor", "ambassador", "chair", "chairman", "chairwoman", "secretary", "executive",
    "headteacher", "adviser", "advisor", "prosecutor", "judge", "ceo", "founder",
    "councilor", "representative", "premier", "chancellor", "foreman", "captain",
    "colonel", "general", "lawyer", "lawyers", "senators", "councillors", "researcher",
    "headmaster", "principal", "economist", "scientist", "professor", "attorney",
    "commissioner", "engineer", "inspector", "mediator", "secretary-general",
})
# People the news quotes by what they are rather than a title: a source in their own right
# ("the candidate said", "a donor told"), though no role a name carries.
SPEAKER_HEADS = frozenset({
    "candidate", "nominee", "contender", "challenger", "frontrunner", "hopeful", "incumbent",
    "politician", "lawmaker", "legislator", "delegate", "superdelegate", "voter", "elector",
    "supporter", "backer", "donor", "ally", "rival", "opponent", "detractor", "proponent",
    "advocate", "campaign", "camp", "strategist", "operative", "consultant", "pollster",
    "manager", "staffer", "adviser", "organizer", "organiser", "volunteer", "conservative",
    "liberal", "progressive", "moderate", "republican", "democrat", "independent",
    "reporter", "journalist", "correspondent", "columnist", "editor", "commentator",
    "pundit", "blogger", "host", "anchor", "moderator", "author", "writer", "historian",
    "scholar", "academic", "specialist", "investor", "businessman", "businesswoman",
    "entrepreneur", "protester", "protestor", "demonstrator", "attendee", "participant",
    "respondent", "citizen", "veteran", "soldier", "pastor", "priest", "fan", "user",
    "investigator", "detective", "deputy", "sheriff", "physician", "surgeon", "paramedic",
    "firefighter", "farmer", "landlord", "tenant", "owner", "mourner", "bystander",
})
# The share of a group that said something ("55 percent", "a majority of voters").
SHARE_HEADS = frozenset({"percent", "%", "majority", "minority", "plurality", "half",
                         "third", "quarter", "fraction"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
PRONOUNS_OTHER = frozenset({"it", "they", "them"})

# Nationality adjectives → country; used where the head noun is a state body.
DEMONYMS = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria",
    "american": "United States", "argentine": "Argentina", "argentinian": "Argentina",
    "armenian": "Armenia", "australian": "Australia", "austrian": "Austria",
    "azerbaijani": "Azerbaijan", "bahraini": "Bahrain", "bangladeshi": "Bangladesh",
    "belarusian": "Belarus", "belgian": "Belgium", "bolivian": "Bolivia",
    "bosnian": "Bosnia", "brazilian": "Brazil", "british": "United Kingdom",
    "bulgarian": "Bulgaria", "burmese": "Myanmar", "cambodian": "Cambodia",
    "cameroonian": "Cameroon", "canadian": "Canada", "chilean": "Chile", "chinese": "China",
    "colombian": "Colombia", "congolese": "Congo", "croatian": "Croatia", "cuban": "Cuba",
    "cypriot": "Cyprus", "czech": "Czech Republic", "danish": "Denmark", "dutch": "Netherlands",
    "ecuadorian": "Ecuador", "egyptian": "Egypt", "emirati": "United Arab Emirates",
    "eritrean": "Eritrea", "estonian": "Estonia", "ethiopian": "Ethiopia",
    "filipino": "Philippines", "finnish": "Finland", "french": "France",
    "georgian": "Georgia", "german": "Germany", "ghanaian": "Ghana", "greek": "Greece",
    "guatemalan": "Guatemala", "haitian": "Haiti", "honduran": "Honduras",
    "hungarian": "Hungary", "icelandic": "Iceland", "indian": "India",
    "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland",
    "israeli": "Israel", "italian": "Italy", "ivorian": "Ivory Coast",
    "jamaican": "Jamaica", "japanese": "Japan", "jordanian": "Jordan",
    "kazakh": "Kazakhstan", "kenyan": "Kenya", "korean": "Korea", "kosovar": "Kosovo",
    "kuwaiti": "Kuwait", "kyrgyz": "Kyrgyzstan", "latvian": "Latvia",
    "lebanese": "Lebanon", "libyan": "Libya", "lithuanian": "Lithuania",
    "malaysian": "Malaysia", "malian": "Mali", "maltese": "Malta", "mexican": "Mexico",
    "moldovan": "Moldova", "mongolian": "Mongolia", "moroccan": "Morocco",
    "mozambican": "Mozambique", "namibian": "Namibia", "nepalese": "Nepal",
    "nigerian": "Nigeria", "nigerien": "Niger", "norwegian": "Norway", "omani": "Oman",
    "pakistani": "Pakistan", "palestinian": "Palestine", "panamanian": "Panama",
    "paraguayan": "Paraguay", "peruvian": "Peru", "polish": "Poland",
    "portuguese": "Portugal", "qatari": "Qatar", "romanian": "Romania",
    "russian": "Russia", "rwandan": "Rwanda", "saudi": "Saudi Arabia",
    "senegalese": "Senegal", "serbian": "Serbia", "singaporean": "Singapore",
    "slovak": "Slovakia", "slovenian": "Slovenia", "somali": "Somalia",
    "south african": "South Africa", "spanish": "Spain", "sri lankan": "Sri Lanka",
    "sudanese": "Sudan", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria",
    "taiwanese": "Taiwan", "tajik": "Tajikistan", "tanzanian": "Tanzania", "thai": "Thailand",
    "tunisian": "Tunisia", "turkish": "Turkey", "ugandan": "Uganda", "ukrainian": "Ukraine",
    "uruguayan": "Uruguay", "uzbek": "Uzbekistan", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam", "yemeni": "Yemen", "zambian": "Zambia",
    "zimbabwean": "Zimbabwe", "us": "United States", "u.s.": "United States",
    "uk": "United Kingdom",
}
# Labels that open a line or a headline but name no source ("Update: …", "Watch: …",
# "Q: …"). A body line also never takes "Source:" or "Credit:" as its speaker (a credit
# line); a headline's "Sources: 3 dead" does.
SECTION_LABELS = frozenset({
    "update", "updated", "updates", "note", "watch", "breaking", "live", "latest",
    "exclusive", "developing", "alert", "timeline", "analysis", "opinion", "editorial",
    "video", "videos", "photos", "photo", "read", "listen", "related", "correction",
    "background", "context", "editor", "q", "a", "warning", "disclaimer", "image", "images",
    "summary", "why", "what", "how", "when",
})
CREDIT_LABELS = frozenset({"source", "sources", "credit"})
# Head nouns after which a demonym clearly names the state ("Israeli forces" → Israel).
STATE_HEADS = frozenset({
    "forces", "force", "troops", "army", "military", "government", "officials", "official",
    "authorities", "delegation", "ministry", "minister", "president", "prime", "leader",
    "leaders", "embassy", "police", "soldiers", "navy", "negotiators", "mediators",
    "diplomats", "diplomat", "state", "media", "cabinet", "parliament", "security",
    "intelligence", "administration", "regime", "pm", "envoy", "ambassador", "warplanes",
    "jets", "strikes", "airstrikes", "side", "counterpart", "counterparts", "spokesman",
    "foreign", "defence", "defense", "interior", "health", "court", "central", "sources",
})
# The fifty US states: with the countries DEMONYMS names, the places wide enough to hold a
# town's happening ("killed in Athens" / "killed in Greece", "in Baton Rouge" / "in
# Louisiana"), used where places decide whether two reports can be one event.
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
    "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
    "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
    "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
    "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
    "wisconsin", "wyoming",
})
