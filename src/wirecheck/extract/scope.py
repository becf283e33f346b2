"""A figure's scope: this incident's count, or a running total, another event, an earlier figure.

News gives the toll of the incident it reports next to figures that are not that toll:
"the 24 homicides this year", "more than 640 killed since the offensive began" (running
totals), "in a separate shooting last week two men were killed" or "the shooting came a
day after another boy was shot" (another event, cited for context), "raising the toll
from 14" or "revised from eight to six" (a figure the article itself says is superseded).
Only the incident's own figures may meet the incident's figures from other outlets; the
others keep their own rows ("killed · running total").

Read from the figure's own clause (the claim span) with word cues; each scope keeps the
words that set it (``scope_cue``) so a reader sees why. Pure functions of strings.
"""

from __future__ import annotations

import re

from wirecheck.model import Scope

_TOTAL = re.compile(
    r"\b(?:(?:so far )?this (?:year|month)|to date"
    r"|year[- ]to[- ]date|since (?:january|the (?:start|beginning) of (?:the|this) year)"
    r"|since (?:the )?(?:war|conflict|offensive|assault|operation|campaign|fighting|invasion"
    r"|uprising|crisis|outbreak|start|beginning|siege)\b[\w ]{0,30}?\b(?:began|started|broke out)?"
    r"|since (?:19|20)\d\d|in recent (?:years|months)"
    r"|over the (?:past|last) (?:\w+ )?(?:years|months|decades?)"
    r"|(?:per|a|each|every) year|annually|last year|(?:in|of) (?:19|20)\d\d"
    r"|(?:statistics|stats|figures|data|numbers) for (?:19|20)\d\d\b[^.;]{0,40}?\b(?:show|shows"
    r"|showed|reveal|reveals|revealed)"
    r"|in (?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december) alone"
    r"|(?<!of )(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple) "
    r"(?:separate |such )?(?:shootings|incidents of (?:gunfire|violence))"
    r"|separate (?:shootings|attacks|incidents)"
    r"|over an? [\w-]+-(?:hour|day) stretch"
    r"|(?:killed|wounded|injured|shot|died|hurt|dead) in (?:those|these) (?:\w+ )?shootings"
    r"|(?:this year|so far|to date|(?:since|from) [a-z]+\.? \d{1,2}"
    r"|(?:logged|recorded|counted|tallied|reported) [\d,]+(?: [\w-]+){0,3}),? through "
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}"
    r"|(?<!in )an? (?:spate|string|rash|wave) of (?:[\w-]+ ){0,3}?(?:shootings|killings"
    r"|homicides|violence|gunfire)"
    r"|as of (?:\w+ )?\d{1,2}\b|in the (?:first|past|last) \d+ (?:days|weeks|months)"
    r"|(?:homicides|murders|killings|slayings|shootings) (?:in|across) the (?:city|county|state|district)"
    r"|(?:the )?(?:city|county|state|region|district|nation|country)'s (?:\w+ )?(?:homicides?|killings?|murders?|shootings?)"
    r"|homicides? (?:this|last) year"
    r"|(?:homicides|murders|killings|slayings|shootings) (?:this|last) (?:week|weekend|month)"
    r"|in (?:\w+ ){0,3}(?:shootings|attacks|incidents|killings|homicides|violence) (?:across|throughout|around|in|over|since)"
    r"|in (?:\w+ ){0,3}(?:shootings|attacks|killings) from (?:late |early )?(?:(?:mon|tues|wednes|thurs"
    r"|fri|satur|sun)day|morning|afternoon|evening|midnight|noon|dawn|\d)"
    r"|this (?:spring|summer|autumn|fall|winter|season)(?:'s)?"
    r"|across the (?:city|county|state|region|country|province|nation))\b", re.IGNORECASE)
_CONTEXT = re.compile(
    r"\b(?:(?:a|an) (?:separate|unrelated|different|similar|earlier|previous|prior) "
    r"(?:\w+ )?(?:shooting|attack|incident|case|crash|quake|earthquake|blast|explosion|strike|raid|fire)"
    r"|in another (?:\w+ )?(?:shooting|attack|incident|case)|another (?:shooting|attack|incident)"
    r"|(?:last|previous) (?:week|month)'?s?|earlier this (?:week|month|year)"
    r"|(?:weeks|months|years|days) (?:earlier|before|ago)|the deadliest since"
    r"|the (?:19|20)\d\d (?:[\w-]+ )?(?:tsunami|quake|earthquake|floods?|storm|hurricane|attacks?"
    r"|shooting|bombing|war|famine|massacre|riots?|uprising)"
    r"|in (?:the|a) (?:[\w-]+ ){0,3}(?:civil war|war|genocide|famine|insurgency)\b(?:[^.]{0,40}"
    r"(?:19|20)\d\d)?|(?:from|between) (?:19|20)\d\d)\b",
    re.IGNORECASE)
_EARLIER = re.compile(
    r"\b(?:(?:rose|risen|rising|raised|raising|climbed|increased|jumped|up|revised|revising"
    r"|lowered|lowering|down|reduced|corrected|updated|changed)(?: \w+){0,4} from"
    r"|from (?:an earlier|a previous|the earlier|the previous)(?: \w+){0,3}"
    r"|(?:earlier|previous|initial|original|first) (?:reports?|figures?|estimates?|tolls?|counts?) "
    r"(?:of|had|said|put|gave)(?: \w+){0,3}"
    r"|(?:originally|initially) (?:said|reported|stated|put|gave|told \w+)(?: that)?(?: \w+){0,2})\s*$",
    re.IGNORECASE)


NEAR = 70  # characters either side of the figure a total or context cue must start within
CUE_SPAN = 60  # how far a total's cue may run past it ("in separate shootings around")


_PAST_YEAR = re.compile(r"\b(?:in|since|of) ((?:19|20)\d\d)\b")
# "The shooting came a day after another boy was shot", "came after an attack at a club":
# what follows is another event (a time apart, or another attack; not "came after a fight")
_CAME_AFTER = re.compile(
    r"\b(?:shootings?|attacks?|incident|killings?|violence|deaths|homicides?|stabbing|blast"
    r"|explosion|bombing|strikes?|raid|crash)[ \t]+(?:came|comes)[ \t]+(?:(?:\w+[ \t]+){0,3}?"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?)[ \t]+(?:after|before)|(?:just[ \t]+)?after"
    r"[ \t]+(?:another|an?[ \t]+(?:\w+[ \t]+)?(?:attack|shooting|massacre|bombing)))\b",
    re.IGNORECASE)
_PART = re.compile(r"\b(?:including|includes|included|among them|among whom|among the dead"
                   r"|among those(?: \w+)?)[ \t]*$", re.IGNORECASE)
_MORE = re.compile(r"^[ \t]+(?:more|additional|further|extra)\b", re.IGNORECASE)
# "she and three others were shot": the three are beside someone the sentence names (the
# whole count is theirs together), not "killed and three others were hurt"
_BESIDE = re.compile(r"\b(?:he|she|[A-Z][a-z]+|man|woman|boy|girl|teen|teenager|child|"
                     r"victim|officer|driver|[0-9]+-year-old)\s+and\s+$")
_OTHERS = re.compile(r"^[ \t]+other(?:s|\s+people)\b", re.IGNORECASE)


def scope_of(clause: str, before: str, at: int = -1, after: str = "",
             year: int | None = None) -> tuple[Scope, str | None]:
    """(scope, cue words) of a figure: ``clause`` is its sentence (or clause), ``before``
    and ``after`` the words right before and after the figure itself (same sentence),
    ``at`` where the figure starts in ``clause`` (-1: anywhere), ``year`` the article's
    publish year (an earlier year named before the figure in its sentence makes it
    context; with no publish date, any year does). A context cue counts within ``NEAR``
    characters of the figure, a total's cue when it starts within them: "43 were killed
    in the school, pushing the toll since the conflict began to ..." is the school's
    toll, the total comes later."""
    m = _EARLIER.search(before[-80:])
    if m:
        return "earlier", m.group(0).strip()
    m = _PART.search(before[-40:])
    if m:
        return "part", m.group(0).strip()
    m = _MORE.match(after) or (_OTHERS.match(after) if _BESIDE.search(before[-40:]) else None)
    if m:  # "two more bodies were found": an increment, not the toll
        return "others", m.group(0).strip()
    lo, hi = (0, len(clause)) if at < 0 else (max(0, at - NEAR), at + NEAR)
    m = _TOTAL.search(clause, lo, hi + CUE_SPAN)  # a total's cue starting near may end further
    if m and m.start() < hi:
        return "total", m.group(0)
    m = _CONTEXT.search(clause, lo, hi)  # "last month" further on is often the incident's own
    if m:
        return "context", m.group(0)
    m = _CAME_AFTER.search(before)
    if m:
        return "context", m.group(0)
    for m in _PAST_YEAR.finditer(before):  # "since a quake in 2004 ..., leaving 220,000 dead"
        if year is None or int(m.group(1)) < year:
            return "context", m.group(0)
    return "incident", None
