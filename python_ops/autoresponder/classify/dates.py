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
* A date the text gives as the day back ("back on", "de retour le", "vuelvo el", "より出社") wins
  over the end of a range or an "until" in the same notice; it may be a bare day of the month
  ("back on the 14th", "de retour le jeudi 19", "vuelvo el día 2": the next such day, checked
  against a named weekday) or "tomorrow" ("back tomorrow", "morgen ben ik er weer", "明日出社").
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
# the day back itself, right before the date ("back on", "de retour le", "rientro il") or, in Japanese, after it
_BACK_BEFORE = re.compile(
    r"(?:\bback|\breturn(?:ing)?|\bzurück|\bwieder|de retour|\bretour|\bvuelvo|\bvuelta|\bregreso|\bme reincorporo|"
    r"\brientro|\brientrerò|\btorno|\bterug|\bweer|\bvolto|\bretorno|\bregresso|\bregressando|\bestarei de volta)"
    r"(?:\s+(?:in the office|at (?:my desk|work)|to the office|au bureau|a la oficina|in ufficio|op kantoor|ao escritório|"
    r"im büro|on|by|from|le|el|il|op|am|dia|día|no dia|em|a|ao|na|no|the|lunes|martes|miércoles|jueves|viernes|"
    r"monday|tuesday|wednesday|thursday|friday|lundi|mardi|mercredi|jeudi|vendredi|lunedì|martedì|mercoledì|giovedì|"
    r"venerdì|maandag|dinsdag|woensdag|donderdag|vrijdag|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"segunda(?:-feira)?|terça(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?|,)){0,4}\s*$", re.I)
_BACK_AFTER = re.compile(r"^\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:より|から)?\s*(?:出社|戻り|戻ります|帰社|順次|対応)")
_WEEKDAYS = {
    0: ("monday", "montag", "lundi", "lunes", "lunedì", "maandag", "segunda"),
    1: ("tuesday", "dienstag", "mardi", "martes", "martedì", "dinsdag", "terça"),
    2: ("wednesday", "mittwoch", "mercredi", "miércoles", "mercoledì", "woensdag", "quarta"),
    3: ("thursday", "donnerstag", "jeudi", "jueves", "giovedì", "donderdag", "quinta"),
    4: ("friday", "freitag", "vendredi", "viernes", "venerdì", "vrijdag", "sexta"),
}
_WEEKDAY_OF = {name: n for n, names in _WEEKDAYS.items() for name in names}
# a bare day of the month after the day-back cue: "back on the 14th", "le jeudi 19", "el día 2", "lunes 7"
_DAY_ONLY = re.compile(
    r"(?:(?P<wd>" + "|".join(sorted(_WEEKDAY_OF, key=len, reverse=True)) + r")(?:-feira)?,?\s+(?:the\s+|den\s+)?|"
    r"\b(?:the|le|el|il|dia|día|op|am|no dia)\s+)(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?\b"
    r"(?![./-]\d)(?!\s*(?:de\s+|of\s+|di\s+)?(?:" + _MONTHS + r")\b)(?!\s*(?:uhr|h\b|hrs?\b|am\b|pm\b|:))", re.I)
_TOMORROW = re.compile(
    r"(?:\b(?:back|return(?:ing)?|de retour|vuelvo|regreso|rientro|torno|terug|volto|retorno|zurück)\s+"
    r"(?:in the office |au bureau |a la oficina |in ufficio |op kantoor |ao escritório )?"
    r"(?P<a>tomorrow|demain|mañana|domani|morgen|amanhã)\b|"
    r"(?<!guten )(?<!esta )(?<!la )\b(?P<b>tomorrow|demain|mañana|domani|morgen|amanhã)\b[^.;!?]{0,25}?\b(?:back|de retour|de vuelta|"
    r"di ritorno|weer|terug|wieder|zurück|de volta)\b|明日(?:は)?(?:出社|戻り|戻ります|帰社))", re.I)
_START_CUE = re.compile(r"(from|since|seit|ab dem|vom|depuis|du|desde|del|dal|dalla|van|vanaf|sinds|de|から)\s*$",
                        re.I)
_DASH_CUE = re.compile(r"\b(?:vanaf|tot|t/m|until|from|ab|bis|dal|al|desde|hasta|até|a partir de|jusqu'au|op|le|el|il|"
                       r"dia|am)\s*$", re.I)
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
    if g("sep") == "-" and y is None and not _DASH_CUE.search(m.string[max(0, m.start() - 12):m.start()]):
        return None  # "3-4" is a count or a time span, not a date (unless a date word precedes it: "vanaf 30-11")
    month_first = lang == "ja" or (lang == "en" and g("sep") == "/")
    if month_first:
        a, b = b, a
    return _resolve(y, b, a, base)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text) if any(ord(c) > 0xFF00 for c in text) else text


def _day_only(m: re.Match[str], base: date) -> date | None:
    """The next date on/after base with this day of the month (and the named weekday, if any)."""
    day = int(m.group("day"))
    wd = _WEEKDAY_OF.get((m.group("wd") or "").lower())
    y, mo = base.year, base.month
    for _ in range(3):
        try:
            cand = date(y, mo, day)
        except ValueError:
            cand = None
        if cand and cand >= base and (wd is None or cand.weekday() == wd):
            return cand
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return None


def _day_back(sentence: str, base: date) -> date | None:
    """A day back stated without month or year: "back tomorrow", "back on the 14th", "de retour le jeudi 19"."""
    if _TOMORROW.search(sentence):
        return base + timedelta(days=1)
    for m in _DAY_ONLY.finditer(sentence):
        if _BACK_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]):
            d = _day_only(m, base)
            if d and d <= base + timedelta(days=62):
                return d
    return None


def return_date(sentences: list[str], lang: str, sent_at: datetime | None) -> str | None:
    """The ISO date the person is back, from the sentences that announce the absence."""
    base = (sent_at.date() if sent_at else date.today())
    best: tuple[int, date] | None = None
    for sentence in sentences:
        sentence = _normal(sentence)
        back = _day_back(sentence, base)
        if back is not None and (best is None or (4, back) > best):
            best = (4, back)
        if not _DIGIT.search(sentence):
            continue  # every date form has a digit
        found = [(m, _read(m, lang, base)) for m in _DATE_RE.finditer(sentence)]
        for k, (m, d) in enumerate(found):
            if d is None or d < base - timedelta(days=1) or d > base + _MAX_AHEAD:
                continue
            before = sentence[max(0, m.start() - 40):m.start()]
            after = sentence[m.end():m.end() + 12]
            score = 2 if _RETURN_CUE.search(before) or _RETURN_CUE.search(after) else 1
            if _BACK_BEFORE.search(before) or _BACK_AFTER.match(sentence[m.end():m.end() + 16]):
                score = 4  # the day back itself beats the end of a range or an "until"
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
