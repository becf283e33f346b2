"""The event vocabulary coreference uses: synonym classes of event words, reporting
verbs, and the words that stand in for an event ("it", "the incident").

Word lists only, kept apart from the rules in :mod:`coref` so either can change alone.
"""

from __future__ import annotations

from functools import lru_cache

# Synonym sets of event words (lemmas): one set, one class. Written for news events in
# general (conflict, disasters, crime and justice, business, politics, products).
_SETS: dict[str, str] = {
    "attack": "attack assault strike airstrike air-strike bomb bombing bombardment shell "
    "shelling raid offensive incursion invasion invade hit sweep swoop crackdown "
    "blitz",
    "shoot": "shoot shooting shot gunfire gun shootout gunfight crossfire gunplay",
    "kill": "kill killing slay slaying murder homicide massacre die death dead perish "
    "fatality",  # "killed" and "died" mostly tell one happening
    "injure": "injure injury wound hurt",
    "stab": "stab stabbing knife",
    "quake": "earthquake quake temblor tremor aftershock",
    "fire": "fire blaze inferno arson burn",
    "explode": "explode explosion blast detonate detonation",
    "flood": "flood flooding deluge inundate",
    "damage": "damage destroy destruction devastate devastation flatten level raze wreck",
    "crash": "crash collide collision derail derailment",
    "cut": "cut sever snap rupture",
    "arrest": "arrest detain detention apprehend capture custody nab",
    "charge": "charge indict indictment accuse accusation",
    "convict": "convict conviction guilty verdict",
    "acquit": "acquit acquittal",
    "sentence": "sentence sentencing",
    "execute": "execute execution hang hanging",
    "escape": "escape flee breakout",
    "trial": "trial hearing",
    "overturn": "overturn reverse reversal",
    "acquire": "acquire acquisition buy purchase takeover merger merge",
    "deal": "deal agreement accord transaction pact",
    "launch": "launch unveil unveiling introduce introduction debut release rollout",
    "announce": "announce announcement reveal revelation disclose",
    "update": "update upgrade refresh revamp",
    "fix": "fix patch plug repair",
    "outage": "outage downtime disruption disrupt blackout failure fail",
    "discover": "discover discovery find uncover",
    "trigger": "trigger spark unleash prompt",
    "transfer": "transfer transport relocate",
    "resign": "resign resignation quit",
    "dismiss": "dismiss dismissal sack oust ouster relieve terminate termination",
    "sue": "sue suit lawsuit",
    "thwart": "thwart foil prevent repulse repel",
    "appoint": "appoint appointment name nominate nomination hire replace succeed",
    "elect": "elect election vote ballot",
    "win": "win victory triumph clinch beat defeat",
    "retain": "retain keep defend",
    "lose": "lose loss",
    "talks": "talk talks negotiation negotiate meeting meet summit",
    "visit": "visit trip tour",
    "evacuate": "evacuate evacuation displace displacement",
    "ceasefire": "ceasefire cease-fire truce armistice",
    "protest": "protest demonstration rally riot unrest",
    "enter": "enter check checkin admit admission",
    "rehab": "rehab rehabilitation treatment",
    "steal": "steal theft rob robbery heist burglary loot grab snatch",
}
CLASSES: dict[str, str] = {w: cls for cls, words in _SETS.items() for w in words.split()}
REPORTING = frozenset(
    {
        "say",
        "tell",
        "report",
        "state",
        "statement",
        "add",
        "claim",
        "comment",
        "remark",
        "note",
        "explain",
        "write",
    }
)
STANDINS = frozenset({"it", "which", "that", "this", "what", "one", "event", "incident", "thing"})


@lru_cache(maxsize=8192)
def event_class(lemma: str) -> str:
    """The synonym class of a lemma (the lemma itself when it has none)."""
    low = lemma.lower()
    return CLASSES.get(low) or CLASSES.get(low.removesuffix("s")) or low
