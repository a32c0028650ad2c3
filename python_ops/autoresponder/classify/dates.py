"""Return dates of out-of-office replies, resolved relative to the message's own Date.

A regex finds the date expression (so dateparser parses a short span, not the whole
body: it is slow on long text); dateparser then reads it in the reply's language with the
message date as the base, preferring future dates ("back on 5 May" sent in December means
next May).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

_MONTHS = (
    r"jan(?:uary|uari|uar|vier|eiro)?|ene(?:ro)?|gen(?:naio)?|feb(?:ruary|ruari|ruar|rero|braio)?|f[ée]v(?:rier)?|fevereiro|mar(?:ch|s|zo|ço|t)?|"
    r"m[äa]rz|maart|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|mei|maio|jun(?:e|i|io|ho)?|juin|"
    r"giugno|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust|ustus)?|ao[ûu]t|ago(?:sto)?|sep(?:t|tember|tiembre|"
    r"tembre|tembro)?|set(?:embro|tembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|out(?:ubro)?|"
    r"nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|dez(?:ember|embro)?|d[ée]c(?:embre)?|dic(?:iembre|embre)?"
)
_DATE_RE = re.compile(
    r"(?P<iso>\b\d{4}-\d{1,2}-\d{1,2}\b)"
    r"|(?P<ja>(?:\d{4}年)?\d{1,2}月\d{1,2}日)"
    r"|(?P<dmy>\b\d{1,2}(?:st|nd|rd|th|er|º|°)?\.?\s*(?:of\s+|de\s+)?(?:" + _MONTHS + r")\b\.?,?(?:\s+(?:de\s+)?\d{4})?)"
    r"|(?P<mdy>\b(?:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b,?(?:\s+\d{4})?)"
    r"|(?P<num>\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b\.?)",
    re.I,
)
_RETURN_CUE = re.compile(
    r"(back|return|returning|until|till|through|bis|zurück|wieder|jusqu|retour|hasta|regres|volver|vuelta|fino|"
    r"rientr|ritorno|tot|terug|weer|até|retorno|volta|まで|戻|出社|帰社)", re.I)
_LANG_ORDER = {"en": "MDY", "ja": "YMD"}


@lru_cache(maxsize=4096)
def _parse(span: str, lang: str, base: date, order: str) -> date | None:
    import dateparser  # slow import: only when a reply states a date

    langs = [lang] if lang != "en" else ["en"]
    try:
        dt = dateparser.parse(
            span, languages=langs,
            settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "future",
                      "DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month"]},
        )
    except Exception:  # noqa: BLE001 - an odd span is simply not a date
        return None
    return dt.date() if dt else None


def _clean(span: str) -> str:
    s = re.sub(r"(?<=\d)(st|nd|rd|th|er|º|°)\b", "", span, flags=re.I)
    s = re.sub(r"\bof\b", "", s, flags=re.I)
    return " ".join(s.replace(",", " ").split()).rstrip(".")


def return_date(sentences: list[str], lang: str, sent_at: datetime | None) -> str | None:
    """The ISO date the person is back, from the sentences that announce the absence."""
    base = (sent_at.date() if sent_at else date.today())
    best: tuple[int, date] | None = None
    for sentence in sentences:
        for m in _DATE_RE.finditer(sentence):
            span = m.group(0)
            order = "DMY"
            if m.group("num"):
                order = "MDY" if lang == "en" and "/" in span else "DMY"
            elif m.group("ja") or m.group("iso"):
                order = "YMD"
            d = _parse(_clean(span), "ja" if m.group("ja") else lang, base, order)
            if d is None and lang != "en":
                d = _parse(_clean(span), "en", base, order)
            if d is None or d < base - timedelta(days=1) or d > base + timedelta(days=400):
                continue
            before = sentence[max(0, m.start() - 40):m.start()]
            after = sentence[m.end():m.end() + 12]
            score = 2 if _RETURN_CUE.search(before) or _RETURN_CUE.search(after) else 1
            if best is None or (score, d) > best:
                best = (score, d)
    return best[1].isoformat() if best else None
