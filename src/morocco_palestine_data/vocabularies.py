"""Controlled vocabularies: every enum value of every table, each with its definition.

The schemas take their allowed values from here, and the data dictionary prints the
definitions, so a value is defined once. Importing this module costs nothing.
"""

from __future__ import annotations

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ISO3_PATTERN = r"^[A-Z]{3}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"
QID_PATTERN = r"^Q[1-9][0-9]*$"
URL_PATTERN = r"^https?://[^\s]+$"
# One line, no space at either end: a stray newline or space in a CSV cell is an error.
TEXT_PATTERN = r"^\S(?:[^\r\n]*\S)?$"

CERTAINTY = {
    "confirmed": "Two independent sources agree, or one official source of the party concerned.",
    "reported": "One source supports the record.",
    "disputed": "Sources disagree; the notes say who claims what, and each source is cited.",
}

DATE_PRECISION = {
    "day": "Both bounds are known to the day.",
    "month": "Known to the month: the bracket runs from the 1st to the last day of a month.",
    "year": "Known to the year: the bracket runs from 1 January to 31 December.",
    "decade": "Known to the decade: the bracket runs from year 0 to year 9 of a decade.",
    "century": "Known to the century: the bracket runs from year 00 to year 99.",
}

ACTOR_TYPES = {
    "state": "A sovereign state, or a state whose recognition is contested, acting as a whole.",
    "government_body": "A ministry, army, agency of a government, or a state institution.",
    "head_of_state": "A person who is, at the time of the facts, a monarch or president.",
    "official": "A person holding a public office (minister, ambassador, envoy) at the time.",
    "person": "A person acting without public office in the facts recorded.",
    "political_party": "A political party or a party-like faction.",
    "armed_movement": "A movement with an armed wing or a liberation front.",
    "intergovernmental_org": "An organisation of states (Arab League, OIC, UN) or its organ.",
    "agency": "A specialised body set up by states or an organisation to run programmes.",
    "ngo": "A non-governmental humanitarian or relief organisation.",
    "civil_society": "A union, association, coalition or campaign of citizens.",
    "population": "A population or community as a whole (for example, Moroccan Jews).",
}

PLACE_TYPES = {
    "city": "A city or town.",
    "region": "An administrative or geographic region.",
    "territory": "A territory whose status is contested or which is not a state.",
    "country": "A country as a whole.",
    "site": "A building, airport, crossing or other single site.",
}

EVENT_TYPES = {
    "recognition": "A state recognises another state, a government, a body or a claim.",
    "diplomatic_meeting": "Officials of two or more parties meet (outside a summit).",
    "official_visit": "An official or a delegation travels to another country in an official role.",
    "summit": "A meeting of heads of state or government, or of an organisation's top organ.",
    "agreement": "Parties sign or announce an agreement or a joint declaration.",
    "statement": "A party states a position (speech, communique, letter made public).",
    "communication": "A telephone call or a message between leaders.",
    "humanitarian_aid": "A donation, delivery or operation of relief for a population.",
    "military_support": "Troops, weapons or military units are sent to support a party.",
    "protest": "A public demonstration, march or sit-in.",
    "riot": "Collective violence against people or property.",
    "boycott": "A call for, or a campaign of, economic or cultural boycott.",
    "institution_founding": "A body, office, fund or agency is founded.",
    "normalization": "A step that opens, restores or upgrades relations with Israel.",
    "rupture": "A step that closes, suspends or downgrades relations.",
    "vote": "A vote of a state in an international organisation.",
    "legal_proceeding": "A submission, hearing or ruling before a court.",
}

PLOVER_CATEGORIES = {
    "AGREE": "Agree to, or sign, an arrangement.",
    "CONSULT": "Meet, visit, call or negotiate.",
    "SUPPORT": "Express support, praise or recognition.",
    "CONCEDE": "Make a concession.",
    "COOPERATE": "Cooperate materially or institutionally.",
    "AID": "Provide humanitarian, economic or military aid.",
    "RETREAT": "Withdraw or de-escalate.",
    "INVESTIGATE": "Investigate or inquire.",
    "DEMAND": "Demand or call for an action.",
    "DISAPPROVE": "Criticise or condemn.",
    "REJECT": "Reject a proposal or a claim.",
    "THREATEN": "Threaten.",
    "SANCTION": "Sanction, break or reduce relations.",
    "PROTEST": "Demonstrate, march or boycott.",
    "CRIME": "Commit a crime.",
    "MOBILIZE": "Mobilise forces.",
    "COERCE": "Coerce, arrest or repress.",
    "ASSAULT": "Use violence against people or property (riot, attack).",
    "FIGHT": "Engage in armed combat.",
}

EVENT_ROLES = {
    "initiator": "The actor that takes the action.",
    "recipient": "The actor the action is directed at or benefits.",
    "participant": "An actor that takes part without leading.",
    "host": "The actor that receives a visit or hosts a meeting.",
    "visitor": "The actor that travels to be received.",
    "organizer": "The actor that calls or organises a gathering.",
    "target": "The actor an action (protest, riot, criticism) is directed against.",
    "intermediary": "An actor that carries, mediates or transmits.",
}

MISSION_TYPES = {
    "embassy": "An embassy headed by an ambassador.",
    "consulate_general": "A consulate general.",
    "consulate": "A consulate.",
    "liaison_office": "A liaison office, short of full diplomatic relations.",
    "representative_office": "A representation office (for example, to the Palestinian Authority).",
    "honorary_consulate": "A consulate headed by an honorary consul.",
    "other": "Any other form of permanent representation; the notes say which.",
}

HEAD_LEVELS = {
    "ambassador": "Heads the mission with the rank of ambassador, as the sources style it.",
    "charge_d_affaires": "Heads the mission as chargé d'affaires (en titre or ad interim).",
    "head_of_office": "Heads a liaison, interests or representation office; the sources give no "
    "diplomatic rank for the post, or call the head interim.",
    "representative": "Represents a movement or organisation (for example, the PLO) rather than "
    "a state.",
    "other": "Any other title; the notes say which.",
}

MISSION_STATUS = {
    "active": "Open at the time of the last source.",
    "closed": "Closed; the closing dates say when, where known.",
    "suspended": "Suspended without formal closure.",
    "unknown": "The sources do not say.",
}

AID_DESTINATIONS = {
    "gaza_strip": "The Gaza Strip.",
    "west_bank": "The West Bank, East Jerusalem excluded.",
    "east_jerusalem": "East Jerusalem (Al-Quds).",
    "palestine_unspecified": "The Palestinian people or territories, no area specified.",
}

AID_CATEGORIES = {
    "medical": "Medicines, medical equipment or a field hospital.",
    "food": "Food and nutrition.",
    "water": "Drinking water or water equipment.",
    "shelter": "Tents, blankets and other shelter items.",
    "mixed": "Several of the above in one consignment.",
    "financial": "Money.",
    "other": "Anything else; the contents say what.",
}

TRANSPORT_MODES = {
    "air": "By aircraft, to an airport or by airdrop.",
    "land": "By road.",
    "sea": "By ship.",
    "mixed": "By more than one mode; the route says which.",
    "unknown": "The sources do not say.",
}

AID_STATUS = {
    "announced": "Ordered or announced; no source reports it left.",
    "dispatched": "Sources report it left; none reports it arrived.",
    "delivered": "Sources report it arrived or was handed over.",
}

SOURCE_KINDS = {
    "encyclopedia": "An encyclopedia article.",
    "news": "A news report or article.",
    "official": "A government, royal cabinet, state news agency or the organisation concerned.",
    "institutional": "A research centre, NGO or international body not party to the facts.",
    "academic": "A peer-reviewed or scholarly work.",
    "other": "Anything else.",
}
