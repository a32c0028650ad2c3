"""Split a reply into its own words and the history it quotes (talon-style, multilingual).

Only the reply's own words may drive a decision: our outbound mail quoted below an
auto-reply says "contact us at ..." and must not become a replacement (DESIGN §4 step 2).
See docs/classification.md for why this is a small regex splitter, not mail-parser-reply.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(
    r"^\s*(-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|"
    r"messaggio originale|oorspronkelijk bericht|mensagem original|forwarded message|"
    r"weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|"
    r"doorgestuurd bericht|mensagem encaminhada|元のメッセージ|転送メッセージ)\s*-{2,}|_{20,})\s*$",
    re.I,
)
_WROTE = re.compile(
    r"^\s*(on\b.{4,200}\bwrote|am\b.{4,200}\bschrieb.{0,80}|le\b.{4,200}\ba écrit|el\b.{4,200}\bescribió|"
    r"il\b.{4,200}\bha scritto|op\b.{4,200}\bschreef.{0,80}|em\b.{4,200}\bescreveu|.{4,200}のメッセージ)\s*:?\s*$",
    re.I,
)
_HEADER_START = re.compile(r"^\s*\*?(from|von|de|da|van|差出人|送信者)\s*\*?\s*:", re.I)
_HEADER_NEXT = re.compile(
    r"^\s*\*?(sent|date|to|subject|gesendet|datum|an|betreff|envoyé|date|à|objet|enviado|fecha|para|asunto|"
    r"inviato|data|a|oggetto|verzonden|aan|onderwerp|enviada|assunto|送信日時|宛先|件名)\s*\*?\s*:",
    re.I,
)
_SIGNATURE = re.compile(
    r"^(--\s*|sent from my \w+.*|von meinem \w+ gesendet.*|envoyé de mon \w+.*|enviado desde mi \w+.*|"
    r"inviato da(l mio)? \w+.*|verzonden vanaf mijn \w+.*|enviado do meu \w+.*)$",
    re.I,
)


def is_signature_line(line: str) -> bool:
    """A signature delimiter or a device's sign-off ("Sent from my iPhone", "Von meinem iPad gesendet")."""
    return bool(_SIGNATURE.match(line.strip()))


def split_reply(text: str) -> tuple[str, str]:
    """(own words, quoted history) of a plain-text reply body."""
    if not text:
        return "", ""
    lines = text.split("\n")
    cut = len(lines)
    for i, line in enumerate(lines):
        if not line or len(line) > 400:
            continue
        if line.startswith(">") and i > 0:
            # a quoted block: everything from here on is history
            cut = i
            break
        if _SEPARATOR.match(line) or _WROTE.match(line):
            cut = i
            break
        if _HEADER_START.match(line):
            window = lines[i + 1:i + 5]
            if sum(1 for w in window if _HEADER_NEXT.match(w)) >= 2:
                cut = i
                break
    own = lines[:cut]
    for j, line in enumerate(own):
        if _SIGNATURE.match(line.strip()) and j > 0:
            own = own[:j]
            break
    return "\n".join(own).strip(), "\n".join(lines[cut:]).strip()
