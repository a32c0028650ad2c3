"""LLM category strings to determinations (DESIGN §4 step 2).

`normalize_llm_category` turns what a model writes ("Out of office | replacement",
"left_company") into a set of canonical categories; `map_category_to_determination`
picks the determination and reason that set means.
"""

from __future__ import annotations

import re

_ALIASES = {
    "ACTIVE": "ACTIVE", "STILL_ACTIVE": "ACTIVE", "ACKNOWLEDGEMENT": "ACTIVE",
    "LEFT": "LEFT", "LEFT_COMPANY": "LEFT", "NO_LONGER_WITH_COMPANY": "LEFT", "INACTIVE": "LEFT",
    "DEPARTED": "LEFT", "RETIRED": "RETIRED", "RETIREMENT": "RETIRED", "DECEASED": "DECEASED", "DEAD": "DECEASED",
    "MOVED_TO_OTHER_ORG": "MOVED_TO_OTHER_ORG", "MOVED": "MOVED_TO_OTHER_ORG", "NEW_ORG": "MOVED_TO_OTHER_ORG",
    "EMAIL_UPDATE": "EMAIL_UPDATE", "NEW_EMAIL": "EMAIL_UPDATE", "EMAIL_CHANGE": "EMAIL_UPDATE",
    "TITLE_UPDATE": "TITLE_UPDATE", "NEW_TITLE": "TITLE_UPDATE", "TITLE_CHANGE": "TITLE_UPDATE",
    "REPLACEMENT": "REPLACEMENT", "ALTERNATE_CONTACT": "REPLACEMENT", "ALTERNATIVE_CONTACT": "REPLACEMENT",
    "BOUNCE": "BOUNCE", "UNDELIVERABLE": "BOUNCE", "NDR": "BOUNCE",
    "OUT_OF_OFFICE": "OUT_OF_OFFICE", "OOO": "OUT_OF_OFFICE", "VACATION": "OUT_OF_OFFICE",
    "NOT_AN_AUTO_REPLY": "NOT_AN_AUTO_REPLY", "HUMAN_REPLY": "NOT_AN_AUTO_REPLY",
    "UNCLEAR": "UNCLEAR", "UNKNOWN": "UNCLEAR",
}
_DEPARTURES = (("DECEASED", "deceased"), ("RETIRED", "retired"), ("MOVED_TO_OTHER_ORG", "moved_to_other_org"),
               ("LEFT", "left"))


def normalize_llm_category(value: str | None) -> list[str]:
    """Canonical categories in a model's answer; compound strings are split on | , / + and 'and'."""
    if not value:
        return ["UNCLEAR"]
    out: list[str] = []
    for part in re.split(r"\s*(?:\||,|/|\+|&|\band\b)\s*", str(value).strip(), flags=re.I):
        key = re.sub(r"[^A-Z]+", "_", part.upper()).strip("_")
        canon = _ALIASES.get(key)
        if canon is None and key:
            canon = next((v for k, v in _ALIASES.items() if k in key), None)
        if canon and canon not in out:
            out.append(canon)
    return out or ["UNCLEAR"]


def map_category_to_determination(categories: list[str]) -> tuple[str, str | None]:
    """(determination, reason) for a normalised category list; precedence follows the rules layer."""
    cats = set(categories)
    departure = next((reason for cat, reason in _DEPARTURES if cat in cats), None)
    if "BOUNCE" in cats:
        return "BOUNCE", None
    if "REPLACEMENT" in cats and "OUT_OF_OFFICE" not in cats:
        return "REPLACEMENT", departure or "replacement"
    if departure:
        return "INACTIVE", departure
    if "EMAIL_UPDATE" in cats:
        return "EMAIL_UPDATE", "new_email"
    if "TITLE_UPDATE" in cats:
        return "TITLE_UPDATE", "new_title"
    if "OUT_OF_OFFICE" in cats:
        return "OUT_OF_OFFICE", "out_of_office"
    if "ACTIVE" in cats:
        return "ACTIVE", "still_active"
    if "NOT_AN_AUTO_REPLY" in cats:
        return "UNKNOWN", "not_an_auto_reply"
    return "UNKNOWN", "unclear"
