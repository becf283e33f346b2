"""What a number counts (its *measure*) and whose it is (its *subject*).

The measure vocabulary is small and documented: each measure lists the words that signal
it, as verbs ("killed", "evacuating"), adjectives ("displaced individuals") or nouns
("hostages", "population of"). Units decide first: a currency is ``money``, a percent or a
fraction ``percentage``, "15-year-old" ``age``, "24 hours" ``duration``. Otherwise the
signals are read from the dependency parse when the Doc has one (the counted noun, its
modifiers, the verb that governs it), else from a few words either side within the
sentence. Anything else keeps its head noun ("mosque", "ship").
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.extract.ages import after_ages
from wirecheck.extract.casualty import casualty_measure, fired_at, gravest, in_hospital, shooters

MEASURES: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "kills", "killed", "killing", "killings", "die", "dies", "died", "dying",
               "dead", "death", "deaths", "fatality", "fatalities", "slain", "murder",
               "murders", "murdered", "massacred", "perished", "bodies", "homicide",
               "homicides"),
    "injured": ("injure", "injures", "injured", "injuring", "injury", "injuries", "wound",
                "wounds", "wounded", "wounding", "hurt", "maimed", "hospitalised",
                "hospitalized"),
    "shot": ("shot",),  # hit by gunfire, fate not said: "five people were shot"
    "missing": ("missing", "unaccounted"),
    "displaced": ("displace", "displaced", "displacing", "displacement", "flee", "fled",
                  "fleeing", "flees", "refugee", "refugees", "uprooted", "homeless", "idps"),
    "evacuated": ("evacuate", "evacuated", "evacuating", "evacuates", "evacuation",
                  "evacuations", "evacuee", "evacuees"),
    "detained": ("detain", "detained", "detaining", "detention", "detainee", "detainees",
                 "jailed", "imprisoned", "prisoner", "prisoners"),
    "arrested": ("arrest", "arrested", "arresting", "arrests"),
    "striking": ("strikers", "striking", "walkout"),  # "3,000 strikers", "striking workers"
    "hostages": ("hostage", "hostages", "captive", "captives", "abducted", "kidnapped",
                 "abductees"),
    "population": ("population", "populations", "inhabitants"),
    "aid trucks": ("truckloads",),
    "age": ("age", "aged"),  # "at the age of 91", "a man aged 25": the unit rule covers "25-year-old"
}
UNIT_MEASURES = {"currency": "money", "percent": "percentage", "fraction": "percentage",
                 "age": "age", "duration": "duration"}
VOCABULARY = frozenset(MEASURES) | frozenset(UNIT_MEASURES.values())
HUMAN_MEASURES = frozenset({"killed", "injured", "shot", "missing", "displaced", "evacuated",
                            "detained", "arrested", "hostages", "population", "striking"})
SIGNALS: dict[str, str] = {w: m for m, words in MEASURES.items() for w in words}

PEOPLE_NOUNS = frozenset(["people", "others", "dockworkers", "dockers", "longshoremen", "strikers", "miners", "teachers", "drivers", "farmers", "nurses", "labourers", "laborers", "persons", "person", "civilians", "civilian", "children", "child", "kids", "women", "men", "adults", "babies", "infants", "residents", "inhabitants", "citizens", "nationals", "individuals", "refugees", "migrants", "asylum-seekers", "workers", "employees", "staff", "soldiers", "troops", "fighters", "militants", "gunmen", "police", "policemen", "officers", "protesters", "demonstrators", "students", "pupils", "patients", "journalists", "reporters", "doctors", "nurses", "medics", "paramedics", "passengers", "pilots", "tourists", "visitors", "fans", "spectators", "voters", "prisoners", "detainees", "hostages", "captives", "victims", "survivors", "rescuers", "firefighters", "volunteers", "reservists", "members", "families", "households", "Gazans", "Palestinians", "Israelis", "Ukrainians", "Russians", "Americans", "Syrians", "Afghans", "Sudanese", "Rohingya", "minors", "teenagers", "girls", "boys", "elderly", "pensioners", "crew", "sailors", "seafarers", "settlers", "servicemen", "service-members", "personnel", "delegates", "diplomats", "officials", "lawmakers", "shoppers", "customers", "users", "subscribers", "viewers", "followers", "employees", "inmates", "pilgrims", "worshippers",
                          # local news names victims by where they were (not kin: "with
                          # his two sisters on the night he was killed" counts no one)
                          "partygoers", "concertgoers", "revelers", "revellers", "attendees",
                          "bystanders", "patrons", "teens", "juveniles", "youths", "toddlers",
                          "motorists", "pedestrians", "worshipers", "churchgoers"])
TRUCK_NOUNS = frozenset({"trucks", "truck", "lorries", "lorry", "convoys", "truckloads"})
AID_WORDS = frozenset({"aid", "humanitarian", "food", "medicine", "medical", "supplies",
                       "relief", "water", "flour", "fuel", "gaza", "crossing", "entered",
                       "crossed", "convoy"})
PLACE_NOUNS = frozenset({"country", "city", "town", "nation", "territory", "strip", "enclave",
                         "region", "state", "island", "province", "camp", "village", "capital"})
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = frozenset(["the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "that", "which", "who", "whom", "this", "these", "those", "its", "their", "his", "her", "our", "your", "my", "than", "as", "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could", "should", "may", "might", "can", "do", "did", "does", "not", "no", "more", "most", "some", "any", "each", "other", "such", "only", "just", "also"])
_SENTENCE_END = re.compile(r"[.;!?]\s|\n")


def unit_measure(unit_kind: str | None) -> str | None:
    return UNIT_MEASURES.get(unit_kind or "")


def is_people(word: str) -> bool:
    """People-like counted noun: "civilians", "Palestinians", "aid workers"."""
    last = word.split()[-1] if word.split() else word
    return last in PEOPLE_NOUNS or last.lower() in PEOPLE_NOUNS or (
        last[:1].isupper() and last.endswith(("ians", "is", "ans", "ese")) and len(last) > 4)


def signal(word: str) -> str | None:
    return SIGNALS.get(word.lower())


def truck_measure(noun: str, sentence: str) -> str | None:
    """"aid trucks" when trucks appear with aid, supplies or a crossing; else plain trucks."""
    if noun.lower() not in TRUCK_NOUNS:
        return None
    words = {w.lower() for w in _WORD_RE.findall(sentence)}
    return "aid trucks" if words & AID_WORDS else None


def sentence_bounds(text: str, start: int, end: int, radius: int = 300) -> tuple[int, int]:
    """Rough sentence around [start, end) for window reading (no parser needed)."""
    lo = max(0, start - radius)
    left = text[lo:start]
    cut = None
    for m in _SENTENCE_END.finditer(left):
        cut = m.end()
    s = lo + cut if cut is not None else lo
    m2 = _SENTENCE_END.search(text, end, min(len(text), end + radius))
    e = m2.start() + 1 if m2 else min(len(text), end + radius)
    return s, e


def window_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Words before and after [start, end) within the sentence (nearest first before)."""
    s, e = sentence_bounds(text, start, end)
    before = _WORD_RE.findall(text[s:start])[::-1]
    after = _WORD_RE.findall(text[end:e])
    return before, after


def window_reading(text: str, start: int, end: int) -> tuple[str | None, str | None, str | None]:
    """(measure, counted noun, subject) from nearby words, for Docs without a parse."""
    before, after = window_words(text, start, end)
    noun: str | None = None
    measure: str | None = None
    adjectives: list[str] = []
    modifier = ""
    if len(after) > 1 and after[1].lower() in TRUCK_NOUNS | PEOPLE_NOUNS and after[0].lower() not in _STOP \
            and not signal(after[0]):
        modifier, after = after[0] + " ", after[1:]  # "aid trucks", "aid workers"
    for w in after[:3]:  # "1 million displaced individuals", "31,800 Palestinians"
        lw = w.lower()
        if lw in _STOP:
            break
        if signal(lw) and noun is None:
            adjectives.append(lw)
            continue
        noun = w
        break
    if noun and signal(noun):
        measure = signal(noun)
    if measure is None and adjectives:
        measure = signal(adjectives[0])
    if measure is None and noun:
        s, e = sentence_bounds(text, start, end)
        measure = truck_measure(noun, modifier + text[s:e])
    if measure is None and (noun is None or is_people(noun) or noun.lower() in _STOP):
        measure = _nearest_signal(before[:6], after[:7])
    subject = modifier + noun if noun and is_people(noun) else None
    return measure, noun, subject


def _nearest_signal(before: list[str], after: list[str]) -> str | None:
    phrases = {"home to": "population", "population of": "population", "forced from": "displaced",
               "lost their lives": "killed", "toll": "killed"}
    for i in range(max(len(before), len(after))):
        for seq in (before, after):
            if i < len(seq):
                w = seq[i].lower()
                if signal(w):
                    return signal(w)
    joined_before = " ".join(reversed(before)).lower()
    joined_after = " ".join(after).lower()
    for phrase, m in phrases.items():
        if joined_before.endswith(phrase) or phrase in joined_after.split(",")[0][:40]:
            return m
    return None


_RISE_VERBS = frozenset({"rise", "climb", "reach", "hit", "stand", "increase", "jump", "exceed",
                         "top", "pass", "surpass", "grow", "be", "soar", "surge", "mount"})
_TOLL_VERBS = _RISE_VERBS | frozenset({"raise", "bring", "push", "revise", "lower", "put",
                                       "take", "update", "correct", "increase", "lift"})
_SCALE_TOKENS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "dozen",
                           "bn", "m", "%", "percent", "cent"})


def parse_reading(doc: Any, start: int, end: int, text: str) -> tuple[str | None, str | None, str | None]:
    """(measure, counted noun, subject) from the dependency parse of the number's tokens."""
    if end > start:  # a binary search, not a walk over the whole doc per number
        span = doc.char_span(start, end, alignment_mode="expand")
        toks = list(span) if span is not None else []
    else:
        toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return window_reading(text, start, end)
    nums = [t for t in toks if t.like_num or t.pos_ == "NUM"]
    tok = nums[-1] if nums else toks[-1]
    if _is_age(tok):
        return "age", None, None
    noun = _counted_noun(tok)
    if _partitive(noun):
        return None, noun.text, None
    sent = tok.sent.text if doc.has_annotation("SENT_START") else text
    measure = _parse_measure(tok, noun, sent)
    if measure is None and noun is not None and is_people(noun.text) \
            and _governing_verb(noun) is None:
        # "and in Syria, 2,662 people": no verb to read. A number whose verb says nothing
        # of a casualty ("300 Palestinians had taken shelter") gets no measure from nearby
        # words, nor does a bare number ("age given as 17 ... died")
        measure = window_reading(text, start, end)[0]
    subject = _subject(noun, measure)
    return measure, noun.text if noun is not None else None, subject


def _is_age(tok: Any) -> bool:
    """"Wendell Hill, 26, of Troy", "two men, 25 and 30,", "both 51": a bare number set
    beside a person in apposition is an age, not a count of people."""
    if after_ages(tok):
        return True
    num = tok
    if num.dep_ == "conj" and num.head.dep_ == "appos":
        num = num.head
    if num.dep_ != "appos" or not num.like_num or any(
            c.dep_ not in ("punct", "cc", "conj", "preconj") and c.lower_ != "both"
            for c in num.children):  # "..., both 51, died"
        return False
    head = num.head
    if num.text.isdigit() and int(num.text) > 120:
        return False
    return head.pos_ in ("PROPN", "NOUN", "PRON") and (
        head.ent_type_ == "PERSON" or head.pos_ == "PROPN" or is_people(head.text)
        or head.lower_ in ("man", "woman", "boy", "girl", "victim", "suspect", "both"))


def _counted_noun(tok: Any) -> Any:
    t = tok
    for _ in range(4):
        if t is not tok and t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _SCALE_TOKENS:
            return t
        if t.dep_ in ("compound", "nummod", "quantmod", "nmod", "amod", "npadvmod", "appos") \
                and t.head.i > t.i:
            t = t.head
        else:
            break
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head  # "population of 2.2 million", "a country of 2.6 million"
    appos = tok.head if tok.dep_ == "nummod" and tok.head.pos_ == "PRON" else tok
    if appos.dep_ == "appos" and appos.head.pos_ == "NOUN" and is_people(appos.head.text):
        return appos.head  # "the strikers, about 3,000 (in all)"
    return None


_PARTS = frozenset({"one", "two", "three", "four", "five", "some", "none", "each", "both",
                    "several", "most", "many", "few", "another"})


def _partitive(noun: Any) -> bool:
    """"one of the two suspects was shot": the verb is said of one of them, so the number
    is no count of what the verb says ("one of two people injured" is: the verb is the
    people's own; so is "three of the four victims were released": victims are hurt)."""
    return noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
        and noun.lemma_.lower() != "victim" \
        and noun.head.head.lower_ in _PARTS and noun.head.head.i < noun.i \
        and not any(c.dep_ in ("acl", "relcl") for c in noun.children)


def _parse_measure(tok: Any, noun: Any, sentence: str) -> str | None:
    if any(c.lower_ in ("fatally", "mortally") for c in tok.children):
        return "killed"  # "five people were shot, three fatally"
    if noun is not None and is_people(noun.text):
        if in_hospital(noun):
            return "injured"
        if _with_gunshot_wounds(noun):
            return "shot"  # "one man dead and six others with gunshot wounds": not dead
        verb = _governing_verb(noun)
        if verb is not None and shooters(noun, verb):
            return None  # "two officers shot at the car": who fired, not who was hit
        if fired_at(noun):
            return None  # "shot at twelve people": aimed at, whether anyone was hit is unsaid
    if noun is not None:
        m = _noun_measure(noun, sentence)
        if m and is_people(noun.text):
            # "police arrested 12 strikers", "15 refugees were killed": the verb says what
            # befell the people the noun names, when it says anything
            verb = _governing_verb(noun)
            done = _verb_measure(verb, noun.head.i == verb.i) if verb is not None else None
            return done if done in HUMAN_MEASURES else m
        if m:
            return m
    for t in (noun, tok):
        if t is None:
            continue
        for child in t.children:
            if child.dep_ in ("amod", "acl", "relcl", "appos", "compound", "acomp", "oprd"):
                m = _word_measure(child)
                if m == "age" and t is noun:
                    continue  # "three men, ages 24 to 40": their ages, not what they count
                if m:
                    return m
    verb = _governing_verb(noun if noun is not None else tok)
    if verb is None:
        return None
    if verb.lemma_ in _TOLL_VERBS and noun is None:
        # "the death toll stands at 17", "raising the toll from 14 to 16"
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                for t in child.subtree:
                    m = _noun_measure(t, sentence) or _word_measure(t)
                    if m:
                        return m
    who = noun if noun is not None else tok
    arg = who.head.i == verb.i and who.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
    return _verb_measure(verb, arg)


def _noun_measure(noun: Any, sentence: str) -> str | None:
    word = noun.lower_
    if word == "toll":  # "the death toll", and in casualty reports a bare "the toll"
        return "killed"
    if word in ("wound", "wounds", "victim", "victims") and any(
            c.lower_ in ("gunshot", "bullet", "shooting") for c in noun.children):
        return "shot"  # "gunshot wounds", "four shooting victims": hit, fate not said
    if word in PLACE_NOUNS and any(c.lower_ == "of" for c in noun.children):
        return "population"
    return signal(word) or signal(noun.lemma_) or truck_measure(word, sentence)


def _word_measure(t: Any) -> str | None:
    if t.lower_ in ("toll", "lives", "life"):
        return None
    return signal(t.lower_) or signal(t.lemma_)


_SHELTERS = frozenset({"shelter", "shelters", "camp", "camps", "centre", "centres", "center",
                       "centers", "hall", "halls", "safety", "higher"})
_MOVE_VERBS = frozenset({"move", "take", "relocate", "transfer", "bus", "ferry", "airlift",
                         "bring", "send", "evacuate"})
_STAY_VERBS = frozenset({"remain", "stay", "sleep", "live", "shelter", "spend", "be"})
_ORDER_VERBS = frozenset({"tell", "order", "ask", "urge", "force", "advise", "instruct"})


def _phrase_measure(verb: Any) -> str | None:
    """What a verb phrase says of the people it counts, in the words news uses instead of
    "evacuated", "displaced" or "on strike": "were moved to emergency shelters", "remain
    in shelters", "were told to leave" (evacuated); "have left their homes" (displaced);
    "went on strike", "walked off the job", "walked out" (striking)."""
    lemma = str(verb.lemma_).lower()
    kids = list(verb.children)
    objects = {g.lower_ for c in kids if c.dep_ == "prep" for g in c.children
               if g.dep_ == "pobj"}
    preps = {c.lower_ for c in kids if c.dep_ == "prep"}
    if lemma in _MOVE_VERBS and "to" in preps and objects & _SHELTERS:
        return "evacuated"
    if lemma in _STAY_VERBS and preps & {"in", "at"} and objects & _SHELTERS:
        return "evacuated"
    if lemma in _ORDER_VERBS and any(c.dep_ == "xcomp" and str(c.lemma_).lower() in
                                     ("leave", "evacuate", "flee") for c in kids):
        return "evacuated"
    if lemma == "leave" and any(c.dep_ == "dobj" and c.lower_ in ("home", "homes", "house",
                                                                  "houses", "village",
                                                                  "villages") for c in kids):
        return "displaced"
    if lemma == "go" and "on" in preps and "strike" in objects:
        return "striking"
    if lemma == "walk" and (any(c.dep_ == "prt" and c.lower_ in ("out", "off") for c in kids)
                            or "off" in preps):
        return "striking"
    if lemma == "join" and any(c.dep_ == "dobj" and c.lower_ in ("strike", "walkout")
                               for c in kids):
        return "striking"
    return None


def _verb_measure(verb: Any, arg: bool = True) -> str | None:
    """The measure a governing verb gives the number. ``arg``: the number (or its noun)
    is the verb's own subject or object; only then do verbs coordinated with it ("two men
    were shot ... and pronounced dead") tell its fate."""
    fate = gravest(verb) if arg else casualty_measure(verb)
    if fate is not None:
        return fate
    phrase = _phrase_measure(verb)
    if phrase is not None:
        return phrase
    lemma = verb.lemma_
    kids = list(verb.children)
    if lemma == "lose" and any(c.lemma_ in ("life", "lives") for c in kids):
        return "killed"
    if lemma in ("take", "hold") and any(c.lemma_ in ("captive", "hostage") for c in kids):
        return "hostages"
    if lemma == "force" and any(c.lower_ == "from" for c in kids):
        return "displaced"
    if lemma == "seek" and any(c.lemma_ == "refuge" for c in kids):
        return "displaced"
    if lemma == "home" or (lemma == "be" and any(c.lower_ == "home" for c in kids)):
        return "population"
    m = _word_measure(verb)
    if m:
        return m
    if any(_gunshot_wounds(g) for c in kids if c.dep_ == "prep" and c.lower_ == "with"
           for g in c.children if g.dep_ == "pobj"):
        return "shot"  # "three men were found with gunshot wounds": hit, fate not said
    for c in kids:  # "were left dead"
        if c.dep_ in ("acomp", "oprd", "xcomp", "attr", "conj") and c.pos_ in ("ADJ", "VERB") \
                and (c.dep_ != "conj" or (arg and _lends(c))):
            m = _word_measure(c)
            if m:
                return m
    return None


def _gunshot_wounds(noun: Any) -> bool:
    return noun.lower_ in ("wound", "wounds") and any(
        c.lower_ in ("gunshot", "bullet") for c in noun.children)


def _with_gunshot_wounds(noun: Any) -> bool:
    """"six others with gunshot wounds" (the parser often hangs "with" on the verb)."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return after is not None and after.lower_ == "with" and after.dep_ == "prep" and any(
        g.dep_ == "pobj" and _gunshot_wounds(g) for g in after.children)


_THEY = frozenset({"they", "them"})


def _lends(conj: Any) -> bool:
    """A verb joined by "and" lends its measure unless it has people of its own ("opened
    fire and shot her"); "they" / "them" are the same people again ("were sitting in a
    car and someone shot them")."""
    own = [g for g in conj.children if g.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return not own or any(g.dep_ in ("dobj", "nsubjpass") and g.lower_ in _THEY for g in own)


def _governing_verb(t: Any) -> Any:
    cur = t
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ == "AUX" and head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
            return head.head  # a subject the parse hung on "had" of "had sustained"
        if head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NUM", "PRON") \
                and head.head.i != head.i:
            return None  # "two of the four victims died": the verb tells of the part
        if cur.dep_ in ("pobj", "prep", "agent", "conj", "appos", "dobj", "nsubj", "nsubjpass",
                        "attr", "npadvmod", "nummod", "compound", "quantmod") or head.pos_ == "ADP":
            cur = head
            continue
        return None
    return None


def _subject(noun: Any, measure: str | None) -> str | None:
    if noun is None:
        return None
    if measure == "population" or noun.lower_ in PLACE_NOUNS:
        for c in noun.children:
            if c.dep_ == "poss":
                return str(c.text)
        return None
    if not is_people(noun.text) or noun.lower_ == "others":  # "83 others": nobody in particular
        return None
    left = [c for c in noun.lefts if (c.dep_ == "compound" or (c.dep_ == "amod" and c.ent_type_ == "NORP"))
            and not _word_measure(c)]
    words = [c.text for c in left if c.i == noun.i - len(left) + left.index(c)] + [noun.text]
    return " ".join(words)
