"""Return dates of out-of-office replies, resolved relative to the message's own Date.

A regex finds each date expression and a small table-driven parser reads it (month names in
the eight languages, numeric day-month orders, Japanese 月日). Rules:

* A range ("from 23/11 to 1/12", "dal … al …", "du … au …", "vom … bis …", "van … t/m …",
  "11/23〜12/1") gives its END.
* A date without a year is the next such date on or after the message Date; a yearless date
  that lies up to ~2 months before the message is in the past and is dropped, not rolled a
  year ahead.
* Any date before the message (minus a day) or more than ~13 months after it is dropped
  rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "januar", "jänner", "janvier", "janeiro", "januari", "enero", "ene", "gennaio", "gen", "jan"),
    2: ("february", "februar", "février", "fevrier", "fevereiro", "febrero", "febbraio", "februari", "fév", "fev",
        "feb"),
    3: ("march", "märz", "marz", "mars", "marzo", "março", "marco", "maart", "mrt", "mar"),
    4: ("april", "avril", "abril", "aprile", "avr", "abr", "apr"),
    5: ("may", "mai", "mayo", "maggio", "mei", "maio", "mag"),
    6: ("june", "juni", "juin", "junio", "giugno", "junho", "giu", "jun"),
    7: ("july", "juli", "juillet", "julio", "luglio", "julho", "juil", "lug", "jul"),
    8: ("august", "augustus", "août", "aout", "agosto", "ago", "aug"),
    9: ("september", "septembre", "septiembre", "settembre", "setembro", "sept", "sep", "set"),
    10: ("october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "oct", "ott", "out"),
    11: ("november", "novembre", "noviembre", "novembro", "nov"),
    12: ("december", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "déc", "dez", "dic",
         "dec"),
}
_MONTH_OF = {name: num for num, names in _MONTH_NAMES.items() for name in names}
_MONTHS = "|".join(sorted(_MONTH_OF, key=len, reverse=True))
_D = r"(?P<{0}>\d{{1,2}})(?:st|nd|rd|th|er|e|º|°|ª)?\.?"
_NAMED_DMY = (_D.format("d") + r"\s*(?:of\s+|de\s+|di\s+)?(?P<mon>" + _MONTHS + r")\b\.?,?"
              r"(?:\s+(?:de\s+|del\s+)?(?P<y>\d{4}))?")
_NAMED_MDY = r"(?P<mon2>" + _MONTHS + r")\b\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b,?(?:\s+(?P<y2>\d{4}))?"
_DATE_RE = re.compile(
    r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b)"
    r"|(?P<ja>(?:(?P<jy>\d{4})年)?(?P<jm>\d{1,2})月(?P<jd>\d{1,2})日)"
    r"|(?P<named>\b" + _NAMED_DMY + r"|\b" + _NAMED_MDY + r")"
    r"|(?P<num>(?<![\d.,/-])(?P<n1>\d{1,2})(?P<sep>[./-])(?P<n2>\d{1,2})(?:(?P=sep)(?P<ny>\d{4}|\d{2}))?(?![\d/-])\.?"
    r"(?!\s*(?:uhr|h\b|hrs?\b|am\b|pm\b|a\.m|p\.m|horas|heures|ore\b|uur|時)))",
    re.I,
)
# a range: the first date is where the absence starts, the second where it ends
_RANGE_LINK = re.compile(
    r"^\s*(?:-|–|—|~|〜|～|to|till|until|through|thru|and|bis(?: einschließlich| zum| zur)?|au|jusqu'au|al|a|hasta el|"
    r"fino al|tot(?: en met)?|t/m|até|ao|à|e|y)\s*$", re.I)
_RETURN_CUE = re.compile(
    r"(back|return|returning|until|till|through|bis|zurück|wieder|jusqu|retour|hasta|regres|volver|vuelta|fino|"
    r"rientr|ritorno|tot|t/m|terug|weer|até|retorno|volta|まで|戻|出社|帰社|より|以降|対応)", re.I)
_START_CUE = re.compile(r"(from|since|seit|ab dem|vom|depuis|du|desde|del|dal|dalla|van|vanaf|sinds|de|から)\s*$",
                        re.I)
_DIGIT = re.compile(r"[0-9０-９]")
_MAX_AHEAD = timedelta(days=400)
_PAST_DROP = timedelta(days=62)


def _resolve(y: int | None, m: int, d: int, base: date) -> date | None:
    """The calendar date; without a year the next one on/after base (a recent past one is dropped)."""
    try:
        if y is not None:
            if y < 100:
                y += 2000
            return date(y, m, d)
        cand = date(base.year, m, d)
    except ValueError:
        return None
    if cand >= base - timedelta(days=1):
        return cand
    if base - cand <= _PAST_DROP:
        return None
    try:
        return date(base.year + 1, m, d)
    except ValueError:
        return None


def _read(m: re.Match[str], lang: str, base: date) -> date | None:
    g = m.group
    if g("iso"):
        return _resolve(int(g("iy")), int(g("im")), int(g("id")), base)
    if g("ja"):
        return _resolve(int(g("jy")) if g("jy") else None, int(g("jm")), int(g("jd")), base)
    if g("named"):
        if g("mon"):
            return _resolve(int(g("y")) if g("y") else None, _MONTH_OF[g("mon").lower()], int(g("d")), base)
        return _resolve(int(g("y2")) if g("y2") else None, _MONTH_OF[g("mon2").lower()], int(g("d2")), base)
    a, b = int(g("n1")), int(g("n2"))
    y = int(g("ny")) if g("ny") else None
    if g("sep") == "-" and y is None:
        return None  # "3-4" is a count or a time span, not a date
    month_first = lang == "ja" or (lang == "en" and g("sep") == "/")
    if month_first:
        a, b = b, a
    return _resolve(y, b, a, base)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text) if any(ord(c) > 0xFF00 for c in text) else text


def return_date(sentences: list[str], lang: str, sent_at: datetime | None) -> str | None:
    """The ISO date the person is back, from the sentences that announce the absence."""
    base = (sent_at.date() if sent_at else date.today())
    best: tuple[int, date] | None = None
    for sentence in sentences:
        if not _DIGIT.search(sentence):
            continue  # every date form has a digit
        sentence = _normal(sentence)
        found = [(m, _read(m, lang, base)) for m in _DATE_RE.finditer(sentence)]
        for k, (m, d) in enumerate(found):
            if d is None or d < base - timedelta(days=1) or d > base + _MAX_AHEAD:
                continue
            before = sentence[max(0, m.start() - 40):m.start()]
            after = sentence[m.end():m.end() + 12]
            score = 2 if _RETURN_CUE.search(before) or _RETURN_CUE.search(after) else 1
            nxt = found[k + 1][0] if k + 1 < len(found) else None
            if nxt is not None and _RANGE_LINK.match(sentence[m.end():nxt.start()]):
                score = 0  # the start of a range: the end is the return
            elif _ends_range(found, k, sentence):
                score = 3
            elif _START_CUE.search(before[-12:]) and score == 1:
                score = 0
            if best is None or (score, d) > best:
                best = (score, d)
    return best[1].isoformat() if best else None


def _ends_range(found: list, k: int, sentence: str) -> bool:
    """True when this date ends a range ("… to <date>")."""
    if k == 0:
        return False
    prev_m = found[k - 1][0]
    return bool(_RANGE_LINK.match(sentence[prev_m.end():found[k][0].start()]))
