"""Multilingual phrase tables (en, de, fr, es, it, nl, pt, ja) used by the phrase rules.

Each entry is (language, pattern). Patterns are matched case-insensitively against one
sentence of the reply's own text. Keep them specific: a phrase here settles a message
without the LLM, so a loose pattern costs precision.
"""

from __future__ import annotations

import re

Table = list[tuple[str, re.Pattern[str]]]


def _t(rows: list[tuple[str, str]]) -> Table:
    return [(lang, re.compile(p, re.I)) for lang, p in rows]


DECEASED = _t([
    ("en", r"\b(passed away|has died|died (on|last|suddenly|peacefully)|is deceased|sadly deceased|"
           r"(the )?(sudden |untimely )?death of|(sad|untimely) passing)\b"),
    ("de", r"\b(verstorben|ist .{0,30}gestorben|plötzlich(en)? tod|verschieden)\b"),
    ("fr", r"\b(est décédée?|décès de|nous a quittés|disparition de)\b"),
    ("es", r"\b(falleció|ha fallecido|fallecimiento)\b"),
    ("it", r"\b(è (deceduto|deceduta|scomparso|scomparsa)|venut[oa] a mancare|(improvvisa |prematura )?scomparsa "
           r"(di|del|della|dell'|dello)|deceduto|deceduta|ci ha lasciati per sempre)"),
    ("nl", r"\b(is overleden|overlijden van)\b"),
    ("pt", r"\b(faleceu|falecimento|veio a falecer)\b"),
    ("ja", r"(逝去|永眠|他界|死去)"),
])

RETIRED = _t([
    ("en", r"\b((?:has|have) (?:now |recently )?retired|i retired|is (now )?retired|am (now )?retired|retired from|"
           r"into retirement|(my|his|her) retirement|(gone|went) into retirement)\b"),
    ("de", r"\b(ruhestand|in rente|pensioniert|verrentet)\b"),
    ("fr", r"\b(à la retraite|pris (ma|sa) retraite|retraité)"),
    ("es", r"\b(se ha jubilado|me he jubilado|se jubiló|me jubilé|jubilación|jubilad[oa])\b"),
    ("it", r"\b(in pensione|pensionamento|pensionat[oa]|in quiescenza|collocat[oa] a riposo)\b"),
    ("nl", r"\b(met pensioen|gepensioneerd)\b"),
    ("pt", r"\b(aposentad[oa]|aposentou|aposentei|aposentadoria|reformad[oa]|reforma|reformei|reformou)\b"),
    ("ja", r"(定年退職|退官)"),
    # retirement told as a life event: "enjoying my retirement", "genieße meinen Lebensabend", "colgué las botas"
    ("en", r"\b(?:(?:i am|i'm|now) enjoying (?:my )?(?:retirement|pension)|hung up my (?:boots|suit|briefcase)|"
           r"(?:i am|i'm) (?:now )?(?:officially )?a pensioner|"
           r"handed in my (?:pass|badge|keys) for good)\b"),
    ("de", r"\b(?:genieße ich (?:nun |jetzt )?meinen (?:lebensabend|ruhestand)|ich genieße (?:nun |jetzt )?meinen "
           r"(?:lebensabend|ruhestand)|in den wohlverdienten ruhestand)"),
    ("fr", r"\b(?:je profite (?:désormais |maintenant )?de ma retraite|j'ai raccroché les crampons)"),
    ("es", r"\b(?:colgué las botas|he colgado las botas|disfruto (?:ya |ahora )?de mi jubilación)"),
    ("it", r"\b(?:ho appeso [^.;]{0,30}al chiodo|mi godo (?:ora |finalmente )?(?:la |il )?(?:meritat[oa] )?(?:pensione|riposo))"),
    ("nl", r"\b(?:geniet (?:ik )?(?:nu |inmiddels )?van mijn pensioen|ik geniet (?:nu )?van mijn oude dag)"),
    ("pt", r"\b(?:pendurei as chuteiras|aproveito (?:agora )?a (?:minha )?(?:reforma|aposentadoria))"),
    ("ja", r"(会社を卒業|定年を迎え)"),
])

# "no longer at the office", "non sono più in ufficio": a place of work, not an employer (transient absence)
_NOT_OFFICE = (r"(?!\s*(?:(?:the|my|our|la|mi|il|o|no|na|al|el|het|de|mijn|meu|meu|do|da|in|en|op|im|au)\s+){0,2}"
               r"(?:office|desk|oficina|despacho|ufficio|scrivania|escrit[óo]rio|gabinete|secretária|bureau|kantoor|"
               r"büro)\b)")

LEFT = _t([
    ("en", r"\b(no longer (with|at|employed|working|part of|works? (for|at|with))" + _NOT_OFFICE + r"|not longer (with|at)" + _NOT_OFFICE + r"|"
           r"(has|have) (now )?left (the|our|this) (company|firm|organi[sz]ation|business|group|bank|team)|(has|have) (now )?left (?-i:[A-Z])(?![\w\s]{0,30}\b(?:an?|the) (?:message|voicemail|note|memo)\b)|left the (company|firm|organi[sz]ation|business|group|bank)|"
           r"\bi left (?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
           r"july|august|september|october|november|december)\b)(?-i:[A-Z])(?![\w\s]{0,30}\b(?:an?|the) (?:message|voicemail|note|memo)\b)(?![^.;]{0,40}\b(?:for|to attend|this morning|yesterday|today|early)\b)|"
           r"(my|his|her) (last|final) (working )?day (at|with|in) [^.;:]{1,60}? (was|has been)\b|departed (from )?the (company|firm)|"
           r"(is|are|am) no longer (an? )?(employee|employed|member)|has moved on from|"
           r"(this|the) (e-?mail )?(address|mailbox|account) (is|has been) no longer (in use|active|monitored)|"
           r"(this|the) (e-?mail )?(address|mailbox|account) (is|has been|will be) (closed|deactivated|"
           r"discontinued))"),
    ("de", r"(nicht (mehr|länger) (bei|für(?![^.;]{0,60}\b(?:zuständig|verantwortlich|ansprechpartner))|im unternehmen|in unserem unternehmen|tätig|beschäftigt)|"
           r"(hat|habe) (das unternehmen|die firma|unser (haus|unternehmen)|uns) .{0,30}verlassen|"
           r"(hat|habe)\s+(?:(?:das|die|den|unser|unsere|unseren)\s+)?(?!(?:büro|office|haus|hause)\b)"
           r"(?-i:[A-ZÄÖÜ])(?:[^.;]|(?<=\d)\.(?=\d)|(?<=\d)\.(?=\s*\d)){0,80}?\s+verlassen|"
           r"ausgeschieden|aus dem unternehmen ausgetreten|nicht mehr in unserem (haus|unternehmen))"),
    ("fr", r"(ne fait plus partie|n'est plus (chez|au sein|employée?|en poste|dans)|ne travaille plus|"
           r"a quitté (la société|l'entreprise|le cabinet|notre|le groupe|la banque|ses fonctions)|"
           r"j'ai quitté (la société|l'entreprise|le cabinet|le groupe|mes fonctions)|(?:a|ai) quitté (?:la |le |l')?(?-i:[A-Z]))"),
    ("es", r"(ya no (trabaja|trabajo|forma parte|formo parte|está en|estoy en|pertenece|está con)" + _NOT_OFFICE + r"|"
           r"(ha|he) dejado de trabajar|(?:ha|he) dejado (?:la |el |nuestra |nuestro )?(?:empresa|compañía|entidad|"
           r"organización|firma|sociedad|banco|grupo|fondo|despacho|(?-i:[A-ZÁÉÍÓÚ]))|"
           r"(?:dejó|dejé) (?:la|el) (?:empresa|compañía|entidad|(?-i:[A-ZÁÉÍÓÚ])))"),
    ("it", r"(non (lavora|lavoro|fa|faccio) più|non (è|sono) più (in|presso|con|parte|dipendente)" + _NOT_OFFICE + r"|"
           r"(?:ha|ho) lasciato (?:l'|la |il |lo |le |i )?(?:azienda|società|gruppo|banca|fondo|studio|ente|"
           r"(?-i:[A-Z]))|non fa più parte)"),
    ("nl", r"(niet (langer|meer) (werkzaam|in dienst|bij|verbonden)|is uit dienst|uit dienst (getreden|gegaan)|heeft .{0,30}verlaten|\bheb (ik )?.{0,30}verlaten|"
           r"ben niet meer werkzaam)"),
    ("pt", r"(não (trabalha|trabalho|faz parte|faço parte|está|estou|pertence) mais" + _NOT_OFFICE + r"|"
           r"não (faz|faço) mais parte|não (trabalha|está|estou|trabalho) mais" + _NOT_OFFICE + r"|"
           r"já não (trabalha|trabalho|faz parte|faço parte|pertence|pertenço|integra|integro|colabora|colaboro)|"
           r"já não (está|estou) (?:n[ao]s?|em|com)\b" + _NOT_OFFICE + r"|"
           r"(?:deixou|deixei) (?:a|o) (?:empresa|companhia|entidade|equipe|equipa|banco|fundo|(?-i:[A-ZÀ-Ý]))|"
           r"(?:saiu|saí) d[ao] (?:empresa|companhia|entidade|(?-i:[A-ZÀ-Ý])))"),
    # -- classes added for issue 8 recall (each also in tests/unit/classify/test_departure_classes.py) --
    # a change of employer told as an idiom: "I've moved on", "habe mich beruflich verändert", "mudei de empresa"
    # (never "moved on to the next item": only a clause end, "from <Org>" or a new employer or challenge)
    ("en", r"\b(?:i|i've|i have|have now)\s+(?:now\s+)?moved on(?=\s*(?:[.!;]|$|,?\s+from\s+(?-i:[A-Z])|\s+to\s+(?:a new|"
           r"another|new)\s+(?:role|position|job|challenge|employer|company|firm|opportunit)))"),
    ("de", r"\b(?:ich\s+)?habe\s+mich\s+(?:\w+\s+)?beruflich\s+(?:verändert|neu orientiert|umorientiert)|"
           r"\bhabe\s+(?:\w+\s+)?(?:den|meinen)\s+(?:arbeitgeber|job)\s+gewechselt"),
    ("fr", r"\bj'ai\s+changé\s+d'(?:employeur|entreprise|société)|\bj'ai\s+quitté\s+mon\s+poste\b"),
    ("es", r"\bhe\s+cambiado\s+de\s+(?:empresa|empleador|compañía|trabajo)|\bcambié\s+de\s+(?:empresa|empleador|compañía)"),
    ("it", r"\bho\s+cambiato\s+(?:azienda|datore di lavoro|società|lavoro)"),
    ("nl", r"\bben\s+(?:ik\s+)?(?:van|naar een (?:andere|nieuwe))\s+(?:werkgever|baan)\s+(?:veranderd|gewisseld|overgestapt)|"
           r"\bheb\s+(?:ik\s+)?een\s+(?:andere|nieuwe)\s+werkgever"),
    ("pt", r"\bmudei\s+de\s+(?:empresa|empregador|emprego)|\btroquei\s+de\s+(?:empresa|empregador|emprego)"),
    # employment ended: "my employment with X ended", "mein Arbeitsverhältnis endete", "il mio rapporto con X si
    # è concluso" (past only: "ends on Friday" is not yet a departure)
    ("en", r"\b(?:my (?:employment|contract(?: of employment)?) (?:(?:with|at|in) (?!you\b)[^.;:]{1,60}? )?|"
           r"my (?:time|tenure|role|position|job) (?:with|at) (?!you\b)[^.;:]{1,60}? )"
           r"(?:has )?(?:ended|came to an end|come to an end|been terminated|was terminated|concluded)\b"),
    ("de", r"\bmein (?:arbeitsverhältnis|dienstverhältnis|anstellungsverhältnis|beschäftigungsverhältnis|"
           r"arbeitsvertrag|anstellungsvertrag) (?:(?:mit|bei|in) [^.;:]{1,60}? )?(?:endete|hat (?:[^.;:]{1,40}? )?geendet|"
           r"(?:ist|wurde) (?:[^.;:]{1,40}? )?(?:beendet|ausgelaufen|aufgelöst)|lief (?:[^.;:]{1,40}? )?aus\b|"
           r"(?:ist|ging) (?:[^.;:]{1,40}? )?zu ende)"),
    ("fr", r"\bmon (?:contrat|emploi|poste|activité professionnelle) (?:(?:chez|avec|au sein d[eu]|à|auprès d[eu]) "
           r"[^.;:]{1,60}? )?(?:a pris fin|s'est (?:terminé|achevé|conclu|arrêté)|est (?:terminé|arrivé à (?:son )?terme)|"
           r"a cessé)|\bma (?:collaboration|période d'emploi|carrière) (?:(?:chez|avec|au sein d[eu]|à|auprès d[eu]) "
           r"[^.;:]{1,60}? )?(?:a pris fin|s'est (?:terminée|achevée|conclue|arrêtée)|est (?:terminée|arrivée à (?:son )?terme))"),
    ("es", r"\bmi (?:relación laboral|contrato|etapa|vinculación|colaboración|trayectoria) (?:(?:con|en) (?!usted)[^.;:]{1,60}? )?"
           r"(?:terminó|ha terminado|finalizó|ha finalizado|concluyó|ha concluido|llegó a su fin|ha llegado a su fin|"
           r"se extinguió|ha sido rescindid[oa])"),
    ("it", r"\b(?:il )?mio (?:rapporto(?: di lavoro| di collaborazione)?|contratto|percorso) (?:(?:con|presso|in) "
           r"[^.;:]{1,60}? )?(?:si è (?:concluso|chiuso|interrotto)|è (?:terminato|cessato|giunto al termine|stato risolto))|"
           r"\b(?:la )?mia (?:collaborazione|esperienza) (?:(?:con|presso|in) [^.;:]{1,60}? )?"
           r"(?:si è (?:conclusa|chiusa|interrotta)|è (?:terminata|cessata|giunta al termine))"),
    ("nl", r"\bmijn (?:dienstverband|arbeidsovereenkomst|arbeidscontract|contract|samenwerking|loopbaan) "
           r"(?:(?:bij|met) [^.;:]{1,60}? )?(?:is (?:[^.;:]{1,40}? )?(?:beëindigd|geëindigd|afgelopen|ten einde gekomen)|eindigde|"
           r"werd (?:[^.;:]{1,40}? )?beëindigd)"),
    ("pt", r"\b(?:o )?meu (?:vínculo|contrato|percurso|período) (?:(?:com|n[ao]|à|ao|em|junto d[ao]) [^.;:]{1,60}? )?"
           r"(?:terminou|chegou ao fim|cessou|acabou|foi (?:encerrado|rescindido))|\b(?:a )?minha (?:colaboração|ligação|"
           r"passagem|relação laboral) (?:(?:com|n[ao]|à|ao|em|junto d[ao]) [^.;:]{1,60}? )?(?:terminou|chegou ao fim|cessou|acabou)"),
    # employment ended, in the third person or verb first: "her employment with X has ended", "ha finalizado su relación
    # laboral con X", "sein Arbeitsverhältnis … endete", "ya no se desempeña en X" ("Ihr/su/il suo/o seu" alone may be the
    # formal "your": only with an explicit third-person verb)
    ("en", r"(?:\b(?:his|her|their)|'s) (?:employment|contract of employment) (?:(?:with|at) [^.;:]{1,60}? )?(?:has )?"
           r"(?:ended|come to an end|came to an end|been terminated|was terminated)\b"),
    ("de", r"\b(?:sein|das) (?:arbeitsverhältnis|dienstverhältnis|anstellungsverhältnis) (?:von (?:frau |herrn )?"
           r"(?-i:[A-ZÄÖÜ])\w+(?: (?-i:[A-ZÄÖÜ])\w+)? )?(?:(?:mit|bei) [^.;:]{1,60}? )?"
           r"(?:endete|ist (?:(?:[^.;:]|(?<=\d)\.){1,40}? )?beendet|wurde (?:(?:[^.;:]|(?<=\d)\.){1,40}? )?beendet)"),
    ("fr", r"\b(?:a mis fin à|a terminé) (?:son|sa) (?:contrat|collaboration|activité) (?:avec|chez|au sein)"),
    ("es", r"\b(?:ha (?:finalizado|terminado|concluido) su (?:relación laboral|vinculación|contrato|colaboración)|"
           r"ya no se desempeña (?:en|como|dentro))"),
    ("it", r"\bha concluso il (?:suo )?rapporto (?:di lavoro )?con"),
    ("nl", r"\b(?:zijn|haar) dienstverband (?:bij|met) [^.;:]{1,60}? (?:is (?:beëindigd|geëindigd)|eindigde)"),
    ("pt", r"\b(?:encerrou|terminou) (?:o )?seu vínculo (?:com|à|ao)"),
    # the last day at a named organisation is today: "Today is my last day at Acme", "heute ist mein letzter Tag bei X"
    ("en", r"\b(?:today|this) (?:is|was) my (?:very )?(?:last|final) (?:working )?day (?:at|with) (?-i:[A-Z])|"
           r"\bi(?:'ve| have) moved on from (?-i:[A-Z])"),
    ("de", r"\bheute (?:ist|war) mein letzter (?:arbeits)?tag (?:bei|in|im|an)(?: der| dem| den)? (?-i:[A-ZÄÖÜ])"),
    ("fr", r"\baujourd'hui (?:est|était|c'est) mon dernier jour (?:chez|au sein d[eu]|à la|au) (?-i:[A-Z])"),
    ("es", r"\bhoy (?:es|fue) mi último día (?:en|con) (?-i:[A-ZÁÉÍÓÚ])"),
    ("it", r"\boggi è (?:stato )?il mio ultimo giorno (?:presso|in|da|con) (?-i:[A-Z])"),
    ("nl", r"\bvandaag (?:is|was) mijn laatste (?:werk)?dag (?:bij|in) (?-i:[A-Z])"),
    ("pt", r"\bhoje (?:é|foi) o meu último dia (?:n[ao]|em|com) (?-i:[A-ZÁÉÍÓÚ])"),
    # last working day, in the past: "Friday was my last day", "mijn laatste werkdag bij X was vrijdag"
    ("en", r"\b(?:was|has been) my (?:very )?(?:last|final) (?:working )?day(?=\s*(?:$|[.;,!]|(?:at|with|here)\b))|\bmy (?:last|final) (?:working )?day "
           r"(?:at|with|in) [^.;:]{1,60}? (?:was|has been)\b"),
    ("de", r"\bwar mein (?:letzter (?:arbeits)?tag|letzter tag)\b|\bmein letzter (?:arbeits)?tag (?:bei|in|an|im) "
           r"[^.;:]{1,60}? war\b"),
    ("fr", r"\b(?:était|a été|fut) mon dernier jour\b|\bmon dernier jour (?:chez|au sein d[eu]|à|de travail) [^.;:]{0,60}?"
           r"(?:était|a été)\b"),
    ("es", r"\b(?:fue|ha sido) mi último día\b|\bmi último día (?:en|con|de trabajo) [^.;:]{0,60}?(?:fue|ha sido)\b"),
    ("it", r"\b(?:è stato|era|fu) il mio ultimo giorno\b|\bil mio ultimo giorno (?:presso|in|da|con|di lavoro) "
           r"[^.;:]{0,60}?(?:è stato|era)\b"),
    ("nl", r"\bwas mijn (?:aller)?laatste (?:werk)?dag\b|\bmijn laatste (?:werk)?dag (?:bij|in|op) [^.;:]{1,60}? was\b"),
    ("pt", r"\bfoi o meu último dia\b|\b(?:o )?meu último dia (?:n[ao]|em|de trabalho) [^.;:]{0,60}?foi\b"),
    # first person of "no longer part of": "je ne fais plus partie", "ich gehöre nicht mehr zu", "ik maak geen deel meer uit"
    ("fr", r"\b(?:ne (?:fais|faisons) plus partie|ne suis plus (?:chez|au sein|employée?|salariée?|en poste|membre|dans)"
           + _NOT_OFFICE + r"|n'appartiens plus|n'exerce plus (?:mes|ses|au sein|chez)|"
           r"(?:ai|a) cessé (?:mes|ses) (?:fonctions|activités))"),
    ("de", r"\b(?:gehöre|gehört) (?:nicht mehr|nicht länger) zu[rm]?\b|\b(?:bin|ist) (?:nicht mehr|nicht länger) "
           r"(?:teil|mitglied|mitarbeiter(?:in)?|angestellte[r]?) (?:von|der|des|bei|im)\b"),
    ("es", r"\b(?:(?:ha|he) dejado de|dej[éó] de) (?:formar parte|pertenecer|colaborar|prestar (?:mis|sus) servicios)\b|"
           r"\b(?:me he|se ha|me|se) desvincul(?:ado|é|ó) (?:de|del)\b"),
    ("it", r"\b(?:non (?:appartengo|appartiene|collaboro|collabora) più (?:a|al|alla|con|presso)|"
           r"(?:ho|ha) (?:smesso|cessato) di (?:lavorare|collaborare) (?:per|presso|con|in))\b"),
    ("nl", r"\b(?:maak|maakt) (?:geen|niet langer|niet meer) deel (?:meer )?uit van\b|\b(?:ben|is) vertrokken bij\b|"
           r"\b(?:heb|heeft)(?: \w+){0,2} afscheid genomen van (?:het bedrijf|de organisatie|de firma|ons bedrijf|"
           r"onze organisatie|(?-i:[A-Z]))"),
    ("pt", r"\b(?:deix(?:ei|ou) de (?:trabalhar|fazer parte|pertencer|colaborar|integrar)|"
           r"(?:desliguei-me|me desliguei|desligou-se|se desligou|desvinculei-me|me desvinculei|desvinculou-se|"
           r"se desvinculou) d[ao]s?)\b"),
    # "a/an + former": "I am a former employee of X", "soy ex empleado de", "ik ben oud-medewerker van"
    ("en", r"\b(?:i am|i'm|is) (?:now )?an? (?:former|ex-) ?(?:employee|member of staff|staff member|team member) "
           r"(?:of|at|with)\b"),
    ("de", r"\b(?:bin|ist) (?:jetzt |nun )?(?:ein |eine )?ehemalige[rn]? (?:mitarbeiter(?:in)?|angestellte[r]?|"
           r"kolleg(?:e|in)) (?:von|der|des|bei)\b"),
    ("fr", r"\b(?:je suis|suis) (?:désormais |maintenant )?(?:une? )?ancien(?:ne)? (?:collaborat(?:eur|rice)|salariée?|"
           r"employée?) (?:de|d'|chez|du)"),
    ("es", r"\b(?:soy|es) (?:ahora )?(?:una? )?(?:antigu[oa]|ex)[ -]?(?:emplead[oa]|colaborador[a]?|trabajador[a]?) "
           r"(?:de|en|del)\b"),
    ("it", r"\b(?:sono|è) (?:ora )?(?:una? )?(?:ex[ -]?|ex )(?:dipendente|collaborat(?:ore|rice)) (?:di|del|della|presso)\b"),
    ("nl", r"\b(?:ben|is) (?:nu )?(?:een )?(?:oud-|voormalig(?:e)? )(?:medewerker|werknemer|collega) (?:van|bij)\b"),
    ("pt", r"\b(?:sou|é) (?:agora )?(?:uma? )?(?:antig[oa] |ex-?)\s?(?:funcionári[oa]|colaborador[a]?|empregad[oa]) "
           r"(?:da|do|de)\b"),
    ("ja", r"((退職|退社|退任)(いたしました|しました|致しました|いたし、|し、|致し、)|在籍しておりません)"),
    # telegram-style fragments with no subject, at the start of a sentence: "No longer with the firm.", "Ausgetreten
    # per 31.10.", "Non più in organico.", "Uit dienst per 1-11.", "退職済み"
    ("en", r"^(?:(?:has |have )?left the (?:company|firm|bank|group)|no longer employed here|employment ended)\b"),
    ("de", r"^(?:ausgetreten|ausgeschieden|nicht mehr im (?:unternehmen|haus))\b(?!\s+(?:ist|sind|wird|werden)\b)"),
    ("fr", r"^(?:plus en poste|ne fait plus partie (?:de|du|des)|a quitté (?:la société|l'entreprise|le groupe))\b"),
    ("es", r"^(?:ya no (?:en|está en) (?:la|el) (?:empresa|compañía|entidad|banco|grupo)|fuera de la (?:empresa|entidad) desde)\b"),
    ("it", r"^(?:non più (?:in organico|in forza|dipendente|presso)|uscit[oa] dall?'?(?:azienda|società|organico))\b"),
    ("nl", r"^(?:uit dienst|niet langer (?:in dienst|werkzaam))(?:\s+(?:per|sinds|vanaf|met ingang van)\b|\s*[.;,]|$)"),
    ("pt", r"^(?:já não (?:está )?(?:n[ao]|na empresa)|deslig(?:ado|ada) d[ao] (?:empresa|banco|grupo))\b"),
    ("ja", r"^(?:退職済み|退職済|退社済み|退職しております|既に退職)"),
])

# The mailbox is not read: next to an absence subject with no stated return, the "absence" may be a departure
MAILBOX_UNREAD = _t([
    ("en", r"\b(?:this |the )?(?:mailbox|inbox|address|account) (?:is|will) (?:no longer |not )(?:be )?(?:monitored|read|checked)\b"),
    ("de", r"\b(?:postfach|mailbox|adresse|e-?mail-?adresse) wird (?:nicht mehr|nicht länger|nicht) (?:gelesen|abgerufen|betreut)"),
    ("fr", r"\b(?:boîte|adresse)(?: aux lettres| mail| e-?mail)? (?:n'est plus|n'est pas|ne sera plus|non) (?:consultée|relevée|lue)"),
    ("es", r"\b(?:buzón|dirección|cuenta|correo) (?:ya )?no (?:se )?(?:atiende|atendid[oa]|revisa|revisad[oa]|lee|leíd[oa])"),
    ("it", r"\b(?:casella|indirizzo|mailbox)(?: di posta)? (?:non (?:più )?(?:presidiat[oa]|monitorat[oa]|lett[oa]|consultat[oa]))"),
    ("nl", r"\b(?:mailbox|postbus|adres|mailadres) wordt (?:niet (?:meer )?|niet langer )(?:gelezen|bekeken|gecontroleerd)"),
    ("pt", r"\b(?:caixa|endereço|conta)(?: de correio)? (?:não é|não será|já não é|deixou de ser) (?:lid[oa]|monitorizad[oa]|monitorad[oa]|consultad[oa])"),
    ("ja", r"(?:アドレス|メールボックス).{0,20}(?:確認しておりません|確認されません|廃止|使用しておりません)"),
])

ORG = r"(?P<org>(?-i:[A-ZÀ-ÝÄÖÜ])[\w&.'-]*(?: (?:(?-i:[A-ZÀ-ÝÄÖÜ&])[\w&.'-]*|of|and|de|du|des|di|del|della|do|da|van|der|für|&))*)"
MOVED = _t([
    ("en", r"\b(?:(?:has|have|and) (?:now |recently )?(?:joined|moved to)|i (?:now |recently )?joined|(?:is|am) now (?:with|at|working (?:for|at))|and (?:have )?(?:now )?joined|"
           r"(?:now works|now working|new role) (?:for|at|with)|(?:taken|accepted|started) a (?:new )?(?:position|role|job) "
           r"(?:at|with)|(?:i|he|she) (?:now work(?:s)?|work(?:s)? now) (?:for|at) )\s*(?:the )?" + ORG),
    ("de", r"(?:(?:ist|bin|arbeite|arbeitet)(?: ich| er| sie)? (?:jetzt|nun|inzwischen|seit\s.{1,40}?)\s(?:als\s.{1,60}?\s)?(?:bei|für)|"
           r"(?:wechselte|gewechselt|wechsle|wechselt) zu[rm]?|(?:bin|ist) (?:zu|zur|zum)(?= (?-i:[A-ZÄÖÜ])))"
           r"\s+(?:der\s|dem\s|die\s|den\s)?(?!(?:Sie|Ihr\w*|Euch|Dich|Rückfragen|Fragen)\b)" + ORG),
    ("fr", r"(?:a rejoint|ai rejoint|a intégré|ai intégré|travaille désormais (?:chez|pour)|travaille maintenant (?:chez|pour)|"
           r"(?:est|suis) (?:désormais|maintenant) chez|\bquitté [^.;]{1,60}? et rejoint)\s+(?:la |le |l')?(?:groupe |société |cabinet )?" + ORG),
    ("es", r"(?:se ha unido a|me he unido a|se incorporó a|me incorporé a|(?:me|se) (?:he|ha|han) incorporado a|"
           r"ahora trabaj[oa] (?:en|para)|trabaj[oa] ahora (?:en|para)|(?:dejado|dejé) [^.;]{1,60}? para unirme a)\s*(?:la |el |l )?"
           r"(?:equipo de |grupo )?(?:la |el )?" + ORG),
    ("it", r"(?:ora lavoro (?:presso|per|in)|ora lavora (?:presso|per|in)|lavor[oa] ora (?:presso|per|in)|"
           r"(?:è|sono) passat[oa] a|si è unit[oa] a|mi sono unit[oa] a|(?:sono|è) entrat[oa] (?:a far parte di |in |a )|"
           r"(?:sono|è) ora (?:presso|in)|(?:sono|è) approdat[oa] (?:in|a|presso))\s*(?:la |il |l')?" + ORG),
    ("nl", r"(?:werkt nu (?:bij|voor)|werk nu (?:bij|voor)|(?:is|ben)(?: ik| hij| zij)? overgestapt naar|"
           r"(?:sinds|per|vanaf|met ingang van)\s.{1,40}?\s(?:ben|is)(?: ik| hij| zij)? (?:in dienst|werkzaam) bij|"
           r"(?:ben|is)(?: ik| hij| zij)? (?:sinds .{1,40}? |nu |inmiddels |tegenwoordig )(?:in dienst|werkzaam) bij)"
           r"\s+(?!(?:u|ons|jou)\b)" + ORG),
    ("pt", r"(?:agora trabalh[ao] (?:na|no|em|para)|trabalh[ao] agora (?:na|no|em|para)|juntou-se (?:à|ao|a)|"
           r"juntei-me (?:à|ao|a)|me juntei (?:à|ao|a)|ingress(?:ou|ei) n[ao]|passei a trabalhar n[ao]|"
           r"entrei (?:na|no|para a|para o)|(?:saí|saiu|deixei|deixou) [^.;]{1,80}? (?:integro agora a equipa d[ao]|integro agora [ao]|"
           r"agora (?:faço|faz) parte d[ao]|(?:faço|faz) agora parte d[ao]))\s+" + ORG),
    ("ja", r"(?P<org>[^\s、。]{2,40})\s*(?:に転職|へ転職|に移籍|に入社|へ入社|に移りました)"),
])

NEW_EMAIL = _t([
    # the person now uses another address of their own: "I now use …", "passei a usar …", "ahora uso …"
    ("en", r"\b(?:i(?:'ve| have)? (?:now )?(?:switched|moved) (?:over )?to|i (?:now )?use|i(?:'m| am) now using)\s+"
           r"(?:the address\s+)?(?=[\w.+-]+@)"),
    ("de", r"\b(?:ich (?:nutze|verwende|benutze) (?:jetzt|nun|ab sofort|künftig)|(?:nutze|verwende) ich (?:jetzt|nun))\s+"
           r"(?:die adresse\s+)?(?=[\w.+-]+@)"),
    ("fr", r"\bj'utilise (?:désormais|maintenant|dorénavant)\s+(?:l'adresse\s+)?(?=[\w.+-]+@)"),
    ("es", r"\b(?:ahora (?:uso|utilizo)|(?:paso|pasé|he pasado) a (?:usar|utilizar)|uso ahora)\s+(?:la dirección\s+)?"
           r"(?=[\w.+-]+@)"),
    ("it", r"\b(?:ora (?:uso|utilizzo)|(?:uso|utilizzo) ora|sono passat[oa] a)\s+(?:l'indirizzo\s+)?(?=[\w.+-]+@)"),
    ("nl", r"\b(?:ik gebruik (?:nu|voortaan|vanaf nu)|gebruik ik (?:nu|voortaan))\s+(?:het adres\s+)?(?=[\w.+-]+@)"),
    ("pt", r"\b(?:passei a (?:usar|utilizar)|agora (?:uso|utilizo)|(?:uso|utilizo) agora)\s+(?:o (?:endereço|e-?mail)\s+)?"
           r"(?=[\w.+-]+@)"),
    ("en", r"(new (e-?mail|email address|address|e-mail address|contact email)|e-?mail address has changed|"
           r"(address|e-?mail) (has )?changed to|please (update|change) (your )?(records|address book|contact)|"
           r"now reachable at|can now be reached at|please (use|write to) my new|moving to a new (e-?mail|address))"),
    ("de", r"(neue (e-?mail|e-mail-adresse|emailadresse|adresse)|e-?mail-?adresse (hat sich )?geändert|"
           r"ab sofort (unter|an)|bitte (aktualisieren|ändern) sie)"),
    ("fr", r"(nouvelle adresse|adresse (e-?mail|électronique|mail) a changé|mettre à jour (vos|votre))"),
    ("es", r"(nueva dirección|nuevo (correo|e-?mail)|(dirección|correo)( de correo)?( electrónico)? (ha cambiado|"
           r"cambió|ha sido modificad[oa])|he cambiado (de|mi) (dirección|correo)|actualice (sus|su)|"
           r"a partir de ahora,? (escríbanme|escríbame|utilice|use))"),
    ("it", r"(nuovo indirizzo|nuova (e-?mail|mail)|indirizzo (e-?mail )?è cambiato|aggiornare (i vostri|la vostra))"),
    ("nl", r"(nieuwe? (e-?mailadres|mailadres|adres|e-?mail)|e-?mailadres is gewijzigd|pas (uw|je) .{0,20}aan)"),
    ("pt", r"(novo (endereço|e-?mail)|nova (conta|caixa)|e-?mail (mudou|foi alterado)|atualize (seus|o seu))"),
    ("ja", r"(新しいメールアドレス|メールアドレスが変更|メールアドレスを変更|新アドレス)"),
    # "my address is now …", "from now on write to …": the person's own address changes, stated without "new"
    ("en", r"\b(?:my (?:e-?mail )?address (?:is now|has become)|(?:from now on|henceforth|going forward),? "
           r"(?:i can be reached|please (?:write|send|e-?mail|contact me)|you can reach me|reach me|i am reachable) at)"),
    ("de", r"\bmeine (?:e-?mail-?)?adresse (?:lautet|ist) (?:jetzt|nun|ab sofort|neu)|\bsie erreichen mich (?:jetzt|nun|künftig) unter"),
    ("fr", r"\bmon adresse (?:électronique |e-?mail |mail |de messagerie )?(?:change|a changé|devient|est désormais|est maintenant)|"
           r"\bécrire désormais à|\bdésormais joignable à"),
    ("es", r"\bmi (?:dirección|correo)(?: de correo)?(?: electrónico)? (?:es ahora|ahora es|pasa a ser|pasó a ser|ha pasado a ser)"),
    ("it", r"\bil mio indirizzo(?: e-?mail| di posta(?: elettronica)?)? (?:è ora|ora è|diventa|è diventato)|"
           r"\bd'ora in (?:poi|avanti) (?:scrivetemi|potete scrivermi|mi trovate)"),
    ("nl", r"\bmijn (?:e-?mail)?adres is (?:nu|voortaan|vanaf nu|gewijzigd in|veranderd in)|\bvoortaan (?:bereikbaar|te bereiken) (?:op|via)"),
    ("pt", r"\b(?:o )?meu (?:endereço|e-?mail)(?: de e-?mail| eletrónico| eletrônico| de correio eletrónico)? "
           r"(?:passou a ser|passa a ser|é agora|agora é|mudou para)"),
    ("ja", r"(メールアドレスが.{1,80}に変更|アドレスを.{1,80}に変更)"),
    # "please update my e-mail to …": the person asks for their own address to be changed
    ("en", r"\b(?:update|change) my (?:e-?mail|e-?mail address|address|contact (?:e-?mail|address)) to\b"),
    ("de", r"\bmeine (?:e-?mail-?adresse|e-?mail|adresse) (?:auf|in) .{0,80}(?:ändern|aktualisieren|anpassen)"),
    ("fr", r"\b(?:mettre à jour|modifier|changer) mon adresse (?:e-?mail |électronique |mail )?(?:en|pour|par|:)"),
    ("es", r"\b(?:actualic\w+|cambi\w+|modifiqu\w+) mi (?:correo|e-?mail|dirección)(?: de correo)?(?: electrónico)? (?:a|por|:)"),
    ("it", r"\b(?:aggiornare|aggiornate|modificare|modificate|cambiare|cambiate) il mio indirizzo(?: e-?mail)? (?:in|con|a|:)"),
    ("nl", r"\b(?:pas|wijzig|update) mijn (?:e-?mail)?(?:adres|mailadres) aan (?:naar|in)|mijn (?:e-?mail)?adres (?:wijzigen|aanpassen) (?:naar|in)"),
    ("pt", r"\b(?:atualiz\w+|alter\w+|mud\w+) (?:o )?meu (?:e-?mail|endereço)(?: de e-?mail)? (?:para|:)"),
    ("ja", r"(メールアドレスが変わりました|メールアドレスが変わりましたので|アドレスが変わりました)"),
])

_T = r"(?P<title>(?-i:[A-ZÀ-ÝÄÖÜ])[^,.;:!?()\n]{2,60})"
# a title that names a job: one of these words within it
_ROLE = (r"(?=[^,.;:!?()\n]{0,40}?(?:director|directora|directrice|directeur|diretor|diretora|direttore|direttrice|"
         r"responsable|responsabile|responsável|head|leiter|leiterin|chief|manager|managerin|analyst|analystin|analista|"
         r"analyste|gestor|gestora|gestore|gérante?|officer|partner|partnerin|vorstand|geschäftsführer\w*|hoofd|chef|"
         r"jefe|jefa|capo|president\w*|présidente?|vice|treasurer|tesorer[oa]|trésorière?|tesoureir[oa]|strateg\w*|"
         r"cio|cfo|ceo|coo|cto|economist\w*|économiste|economista|portfolio|portefeuille|cartera|portafoglio|carteira))")
NEW_TITLE = _t([
    ("en", r"\b(?:my new (?:title|role|position) (?:is|as)|(?:i have been|i was|i've been|has been) "
           r"(?:promoted|appointed|named)(?: to| as)?|(?:i am|i'm) now (?:the )?(?=(?-i:[A-Z]))|new role as|"
           r"taken (?:up|on) the (?:role|position) of|(?:i have|i've) (?:taken on|assumed) the (?:role|position) of)"
           r"\s+(?:the )?" + _T),
    ("de", r"(?:neue (?:position|funktion|rolle) als|wurde zu[rm]? .{0,5}ernannt als|bin jetzt|"
           r"(?:habe|hat) (?:die (?:position|funktion|rolle|leitung)|den posten) (?:als|des|der) )\s*" + _T),
    ("de", r"(?:wurde|bin|ist|wurden)\s(?:ich\s|er\s|sie\s)?(?:[^.;]{0,60}?\s)?zu[rm]\s"
           r"(?P<title>(?-i:[A-ZÄÖÜ])[^,.;:\n]{2,60}?)\s+(?:ernannt|befördert|berufen|bestellt)"),
    ("fr", r"(?:nouveau poste (?:de|d')|nommée? (?:au poste de|en tant que)|nouvelles fonctions de|"
           r"(?:ai|a) été (?:nommée?|promue?|désignée?)(?: au poste de| en tant que| comme| à la fonction de)?|"
           r"(?:j'occupe|occupe) (?:désormais |maintenant )?(?:le poste|la fonction) (?:de|d')|"
           r"(?:ai|a) pris (?:mes|ses) (?:nouvelles )?fonctions (?:de|d'))\s*(?P<title>[A-Za-zÀ-ÿ][^,.;:!?()\n]{2,60})"),
    ("es", r"(?:nuevo cargo (?:de|como)|nombrad[oa](?: como)?|nuevo puesto (?:de|como)|"
           r"(?:he|ha) asumido (?:el cargo|el puesto|la función|la posición|la responsabilidad) de|"
           r"(?:he|ha) sido (?:promovid[oa]|designad[oa])(?: como| a| al cargo de)?|"
           r"ocupo (?:ahora )?(?:el cargo|el puesto) de|asumí (?:el cargo|el puesto|la función|la posición|la dirección) de)"
           r"\s+(?P<title>[A-Za-zÁ-ú][^,.;:!?()\n]{2,60})"),
    ("it", r"(?:nuovo ruolo (?:di|come)|nominat[oa](?: come)?|nuova posizione di|"
           r"(?:ho|ha) assunto (?:il ruolo|la carica|l'incarico|la posizione|la funzione) di|"
           r"(?:ricopro|ricopre) (?:ora |adesso )?(?:il ruolo|la carica|la posizione) di|promoss[oa] (?:a|come))"
           r"\s+(?P<title>[A-Za-z][^,.;:!?()\n]{2,60})"),
    ("nl", r"(?:nieuwe (?:functie|rol) (?:als|van)|benoemd tot|benoemd als|gepromoveerd tot)\s+"
           r"(?P<title>[A-Za-z][^,.;:!?()\n]{2,60})"),
    ("pt", r"(?:novo cargo (?:de|como)|nomead[oa] (?:como)?|promovid[oa] a|fui (?:nomead[oa]|promovid[oa]) (?:como |a |para )?|"
           r"assumi (?:o cargo|a função|a posição|as funções) de|passei a ocupar o cargo de)\s*"
           r"(?P<title>[A-Za-zÀ-ú][^,.;:!?()\n]{2,60})"),
    ("ja", r"(?P<title>[^\s、。]{2,30})に(?:就任|昇進|着任)"),
    # dated, first person: "as of this month I'm Chief Transformation Officer", "since 1 November I am Head of X"
    ("en", r"\b(?:as of|as from|since|from|effective) (?:this|last|the|\d{1,2}|(?-i:[A-Z])\w+)[^.;:!?]{0,25}?,? "
           r"(?:i am|i'm) (?:now )?(?:the )?" + _T),
    # the same in the other languages: "desde octubre soy Gerente de…", "depuis le 1er mars je suis Directeur…",
    # "da ottobre sono Responsabile…", "desde outubro sou Diretor…", "sinds oktober ben ik Hoofd…" (a capitalised title)
    ("es", r"\b(?:desde|a partir de|a partir del|con efecto)\s+(?:el\s+)?[^.;:!?]{1,25}?,?\s+(?:yo\s+)?soy\s+(?:(?:el|la)\s+(?:nuev[oa]\s+)?)?" + _T),
    ("fr", r"\b(?:depuis|à partir d[ue]|à compter d[ue])\s+[^.;:!?]{1,25}?,?\s+je suis\s+(?:(?:le|la|l')\s*(?:nouvel(?:le)?\s+)?)?" + _T),
    ("it", r"\b(?:da|dal|dall'|dalla|a partire da(?:l)?|con decorrenza)\s*[^.;:!?]{1,25}?,?\s+(?:io\s+)?sono\s+(?:(?:il|la|l')\s*(?:nuov[oa]\s+)?)?"
           r"(?!in\b|a\b|presso\b|fuori\b|assente\b)" + _T),
    ("pt", r"\b(?:desde|a partir de|a partir do|com efeito a partir de)\s+[^.;:!?]{1,25}?,?\s+(?:eu\s+)?sou\s+(?:(?:o|a)\s+(?:nov[oa]\s+)?)?" + _T),
    ("nl", r"\b(?:sinds|per|vanaf|met ingang van)\s+[^.;:!?]{1,25}?,?\s+ben ik\s+(?:(?:de|het)\s+(?:nieuwe\s+)?)?" + _T),
    ("de", r"\b(?:seit|ab)\s+(?:[^.;:!?]|(?<=\d)\.){1,25}?\s+bin ich\s+(?:(?:jetzt|nun)\s+)?(?:(?:der|die)\s+(?:neue\s+)?)?" + _T),
    # the person states their (new) title as a fact: "my title is now X", "mon nouveau titre : X"
    ("en", r"\bmy (?:new )?(?:job )?(?:title|role|position) (?:is now|has changed to|changed to|is|:)\s*[\"“«']?" + _T),
    ("de", r"\bmeine (?:neue )?(?:funktionsbezeichnung|berufsbezeichnung|funktion|position|rolle|stellenbezeichnung|"
           r"titel) (?:lautet|ist) (?:jetzt |nun |ab sofort )?[\"„“«']?" + _T),
    ("de", r"\b(?:seit|ab) (?:[^.;:]|(?<=\d)\.){1,40}? bin ich (?:jetzt |nun )?als " + _T + r" tätig"),
    ("fr", r"\bmon (?:nouveau )?(?:titre|poste|intitulé de poste|intitulé) (?:est désormais|est maintenant|est|:)\s*[\"“«']?\s*"
           r"(?P<title>[A-Za-zÀ-ÿ][^,.;:!?()\n]{2,60})"),
    ("es", r"\bmi (?:nuevo )?(?:cargo|puesto|título) (?:es ahora|ahora es|es|:)\s*[\"“«']?(?P<title>[A-Za-zÁ-ú][^,.;:!?()\n]{2,60})"),
    ("it", r"\b(?:il )?mio (?:nuovo )?(?:ruolo|titolo|incarico) (?:è ora|ora è|è|:)\s*[\"“«']?(?P<title>[A-Za-z][^,.;:!?()\n]{2,60})|"
           r"\b(?:la )?mia (?:nuova )?(?:qualifica|posizione|funzione) (?:è ora|ora è|è|:)\s*[\"“«']?(?P<title2>[A-Za-z][^,.;:!?()\n]{2,60})"),
    ("nl", r"\bmijn (?:nieuwe )?(?:functietitel|functie|titel|rol) is (?:nu |voortaan )?(?:gewijzigd (?:naar|in) |veranderd in )?"
           r"[\"“«']?(?P<title>[A-Za-z][^,.;:!?()\n]{2,60})"),
    ("pt", r"\b(?:o )?meu (?:novo )?(?:cargo|título) (?:é agora|agora é|passou a ser|é|:)\s*[\"“«']?"
           r"(?P<title>[A-Za-zÀ-ú][^,.;:!?()\n]{2,60})|\b(?:a )?minha (?:nova )?função (?:é agora|agora é|é|:)\s*"
           r"(?P<title2>[A-Za-zÀ-ú][^,.;:!?()\n]{2,60})"),
    ("ja", r"(?:新役職|新しい役職|新肩書|役職)\s*(?:：|:|は)\s*(?P<title>[^\n、。]{2,30})"),
    # a role taken on: "habe die Funktion als X übernommen", "X を拝命いたしました"
    ("de", r"\b(?:ich )?(?:habe|hat)\s+(?:(?:[^.;]|(?<=\d)\.){0,40}?\s)?die (?:funktion|position|rolle|stelle) als\s+"
           r"(?P<title>(?-i:[A-ZÄÖÜ])[^,.;:!?()\n]{2,60}?)\s+übernommen"),
    ("ja", r"(?:付で|付けで|より|、)\s*(?P<title>[^\s、。をにの]{2,20})を拝命"),
    # "I am now X" in the first person with a date or "now", only for a title that names a job ("Ahora soy Director
    # de Inversiones", "Seit dem 1. November bin ich Leiter …"; never "ich bin jetzt Großvater")
    ("fr", r"\bje suis (?:désormais|maintenant|dorénavant|depuis [^.;:]{1,30}?)\s+(?:le |la |l')?" + _ROLE + _T),
    ("es", r"\b(?:ahora|desde [^.;:]{1,30}?|ya) soy (?:el |la )?(?:nuev[oa] )?" + _ROLE + _T),
    ("it", r"\b(?:ora|adesso|dal [^.;:]{1,30}?|da [^.;:]{1,20}?) sono (?:il |la |l')?(?:nuov[oa] )?" + _ROLE + _T),
    ("pt", r"\b(?:agora|desde [^.;:]{1,30}?|a partir de [^.;:]{1,30}?) sou (?:o |a )?(?:nov[oa] )?" + _ROLE + _T),
    ("de", r"\b(?:seit|ab) (?:[^.;:]|(?<=\d)\.){1,40}? bin ich (?:jetzt |nun )?(?:die |der )?(?:neue[r]? )?" + _ROLE + _T),
    ("nl", r"\bik ben (?:nu|sinds [^.;:]{1,30}?|vanaf [^.;:]{1,30}?) (?:de )?(?:nieuwe )?" + _ROLE + _T),
])

CONTACT_CUE = _t([
    ("en", r"\b(contact|reach out to|get in touch with|e-?mail|write to|direct (your|all|any)|forward|"
           r"send .{0,30} to|taken over|take over|is (now )?(responsible|handling|your (new )?contact)|"
           r"will be (handling|covering|taking care)|successor|replacement|in (my|his|her) (place|stead)|"
           r"direct (anything|everything|all matters|queries|enquiries)|(has|have) taken on|takes over|now looks after)\b"),
    ("de", r"(wenden sie sich|kontaktieren sie|an (meine|meinen|unsere|unseren) (kollegin|kollegen|nachfolger)|"
           r"nachfolger|übernommen|übernimmt|zuständig|ansprechpartner|schreiben sie|richten sie)"),
    ("fr", r"(contacter|contactez|adressez-vous|s'adresser|vous adresser|successeur|remplaçante?|reprend|"
           r"en charge|écrire à|interlocut|succède|prend le relais|votre (?:nouveau |nouvel )?contact)"),
    ("es", r"(contacte|contactar|póngase en contacto|diríjase|dirigirse|escriba a|escríbale a|escribile a|escríbele a|"
           r"sucesor|reemplazo|se encargará|responsable|sustitut[oa]|releva|toma el relevo|(?:los|las|lo|la) tiene ahora|"
           r"ahora (?:los|las|lo|la) lleva|(?:su|tu|vuestro) (?:nuev[oa] )?(?:contacto|persona de contacto|interlocutor\w*))"),
    ("it", r"(contattare|contattate|contatti|rivolger[sv]i|rivolgetevi|scrivere a|scrivete a|successore|sostituto|"
           r"si occuperà|referente|fare riferimento a|subentra|subentrat[oa]|prende il posto|"
           r"(?:il vostro|il suo|vostro|suo) (?:nuovo )?(?:contatto|interlocutore))"),
    ("nl", r"(contact op|neem contact|neemt u|contacteer|wendt u|richt u|opvolger|vervanger|overgenomen|aanspreekpunt|"
           r"neemt (?:het |de taken |zijn taken |haar taken )?over|contactpersoon)"),
    ("pt", r"(entre em contato|entre em contacto|contate|contacte|contactar|contatar|falar com|procur(?:e|ar) |dirija-se|sucessor|substitut[oa]|"
           r"responsável|escreva para|assume (?:as|a) (?:funções|carteira|pasta)|assumiu|"
           r"(?:o seu|seu|sua|o vosso) (?:nov[oa] )?(?:contacto|contato|interlocutor\w*|pessoa de conta(?:c)?to))"),
    ("ja", r"(ご連絡|お問い合わせ|連絡ください|担当|後任|引き継)"),
])

OUT_OF_OFFICE = _t([
    ("en", r"\b(out of (the )?office|away from (the|my) (office|desk)|on (annual |parental |maternity |paternity |"
           r"sick |medical |business )?leave|on (vacation|holiday|holidays|sabbatical)|i am (currently )?away|"
           r"i'm (currently )?away|currently (out|travel+ing|away)|(limited|no) access to (my )?e-?mail|"
           r"(will|i'll) be (back|returning|out)|return(ing)? (to the office )?on|back in the office|"
           r"am out (of|until)|i am out\b|away until|off until|not in the office)\b"),
    ("de", r"(abwesend|nicht im büro|außer haus|im urlaub|in urlaub|urlaubsbedingt|bin (ab|am|bis) .{0,40}"
           r"(wieder|zurück)|wieder im büro|abwesenheit|elternzeit|dienstreise|keinen zugriff auf|nicht im hause?|"
           r"wieder erreichbar|nicht erreichbar)"),
    ("fr", r"(absente?|en congés?|en vacances|hors du bureau|de retour (le|à partir)|en déplacement|"
           r"congé maternité|accès limité)"),
    ("es", r"(fuera de la oficina|de vacaciones|ausente|estaré de vuelta|regreso el|volveré el|"
           r"de viaje|acceso limitado|no me encuentro en la oficina|no estoy en la oficina|me encuentro fuera|"
           r"no estaré disponible|no me encuentro disponible|de permiso|estaré fuera)"),
    ("it", r"(fuori (sede|ufficio)|in ferie|assente|rientrerò|sarò di ritorno|in vacanza|accesso limitato|non sarò in ufficio)"),
    ("nl", r"(afwezig|niet op kantoor|met vakantie|op vakantie|terug op|weer aanwezig|beperkt toegang|weer terug)"),
    ("pt", r"(fora do escrit[óo]rio|de férias|ausente|retorno (no dia|em|a|n[ao])|em viagem|estarei de volta|regressarei|"
           r"regressando|regresso (a|no dia|em)|acesso limitado)"),
    ("ja", r"(不在にしております|不在です|休暇を|休暇中|外出|出張|お休み|戻ります|帰社)"),
    # kinds of leave (parental, maternity, sick), limited availability, and a bare "back on <day>"
    ("en", r"\b(on (?:parental|maternity|paternity|sick|medical|adoption|family|study) leave|off sick|"
           r"limited availability|only (?:intermittently|occasionally) (?:available|reachable)|"
           r"(?:i'm|i am) back (?:in the office )?on)\b"),
    ("de", r"(elternzeit|mutterschutz|krankgeschrieben|krankheitsbedingt abwesend|in karenz|eingeschränkt erreichbar|"
           r"nur (?:eingeschränkt|begrenzt|sporadisch) erreichbar)"),
    ("fr", r"(congé (?:parental|de maternité|de paternité|maladie|d'adoption)|en arrêt (?:maladie|de travail)|"
           r"joignable de (?:façon|manière) (?:limitée|ponctuelle)|disponibilité (?:réduite|limitée))"),
    ("es", r"(de baja (?:médica|por maternidad|por paternidad)|(?:permiso|licencia|baja) (?:de|por) (?:maternidad|paternidad|"
           r"enfermedad)|estoy de licencia|disponibilidad limitada|vuelvo (?:el|a la oficina|el lunes|el martes|"
           r"el miércoles|el jueves|el viernes)|me reincorporo (?:el|a la oficina))"),
    ("it", r"(in maternità|in paternità|congedo (?:parentale|di maternità|di paternità|per malattia)|in malattia|"
           r"disponibilità limitata|rientro (?:in ufficio )?(?:il|lunedì|martedì|mercoledì|giovedì|venerdì)|"
           r"torno (?:in ufficio )?(?:il|lunedì|martedì|mercoledì|giovedì|venerdì))"),
    ("nl", r"(zwangerschapsverlof|ouderschapsverlof|bevallingsverlof|vaderschapsverlof|ziekteverlof|ben ziek|"
           r"beperkt bereikbaar|momenteel niet bereikbaar|tijdelijk niet bereikbaar|weer op kantoor|ben ik er weer|"
           r"ben ik weer (?:aanwezig|bereikbaar|op kantoor))"),
    ("pt", r"(licença (?:de )?(?:maternidade|paternidade|parental|médica)|(?:estou|está|encontro-me|em) de licença|em licença (?:até|sem)|baixa médica|afastad[oa] "
           r"(?:por|para) (?:motivos? de saúde|tratamento|licença)|disponibilidade limitada|"
           r"volto (?:dia|no dia|ao escritório|em \d|a \d|na (?:segunda|terça|quarta|quinta|sexta)))"),
    ("ja", r"(産休|育休|産前産後休暇|育児休業|病気療養|療養中|休職中|対応が遅れ)"),
])

STILL_ACTIVE = _t([
    ("en", r"\b(i am still (with|at|working)|i'm still (with|at|working)|still (employed|working) (at|with|for)|"
           r"(thank you|thanks) for (your|the) (e-?mail|message)[^.]{0,40}(i|we) will (get back|respond|reply)|"
           r"(i|we) (have )?received your (e-?mail|message)[^.]{0,60}(will|shall) (get back|respond|reply)|"
           r"will (respond|reply|get back to you) (as soon as possible|shortly|within))"),
    ("de", r"(vielen dank für ihre (nachricht|e-?mail)[^.]{0,60}(melde mich|antworte|werde)|"
           r"ich melde mich (so bald|schnellstmöglich|zeitnah))"),
    ("fr", r"(merci pour votre (message|e-?mail|courriel)[^.]{0,60}(répondrai|reviendrai)|"
           r"je vous répondrai (dans les plus brefs|rapidement|dès que))"),
    ("es", r"(gracias por su (mensaje|correo)[^.]{0,60}(responderé|contestaré)|le responderé (lo antes|en breve))"),
    ("it", r"(grazie per (il suo|la sua|il vostro) (messaggio|e-?mail)[^.]{0,60}(risponderò|risponderemo)|"
           r"risponderò (al più presto|quanto prima))"),
    ("nl", r"(bedankt voor (uw|je) (bericht|e-?mail)[^.]{0,60}(reageer|antwoord)|ik reageer zo (snel|spoedig))"),
    ("pt", r"(obrigad[oa] pel[oa] (sua )?(mensagem|e-?mail)[^.]{0,60}(responderei|retornarei)|"
           r"responderei (assim que|em breve|o mais))"),
    ("ja", r"(メールを受信いたしました|確認次第|折り返しご連絡)"),
])

# The writer says they stay: news about somebody else's departure next to it is third-party news
STILL_HERE = _t([
    ("en", r"\b(i (remain|will remain|continue to be|will continue to be|am still|'m still) (your|the|a) "
           r"(main |primary |point of )?(contact|point of contact|counterpart|relationship manager)|"
           r"i (remain|am staying|'m staying|will stay) (at|with|on at|on with)|(i am|i'm) still (here|with|at|your)|"
           r"please (continue|keep) (to )?(contact|write to|email|sending .{0,20}to) me|"
           r"(nothing changes|no change) for (me|my role)|(and|but) (i )?remain (your|the) (main |primary )?contact)\b"),
    ("de", r"((ich bleibe|bleibe ich) (ihr|ihre|weiterhin|im unternehmen|an bord)|ich bin (weiterhin|nach wie vor) "
           r"(ihr|ihre|für sie|erreichbar|bei)|weiterhin ihr(e)? ansprechpartner)"),
    ("fr", r"(je reste (votre|à votre écoute|l'interlocut|au sein|chez)|je demeure (votre|au sein)|"
           r"(?<!\bil )(?<!\belle )(?<!\bon )reste votre (contact|interlocut))"),
    ("es", r"(sigo siendo (su|tu|el|la)|continúo siendo|sigo (en|con) (la|el|nosotros)|seguiré siendo|"
           r"continúo en (la|el))"),
    ("it", r"((resto|rimango) (?:(?:il|la|i) )?(?:(?:vostr[oaie]|suo|sua) )?(referente|contatto|interlocutore|interlocutrice)|continuo a essere|rimango in (azienda|società)|"
           r"resto io (il|la) (vostr[oa] )?(referente|contatto|interlocut)|\bio resto (in|presso|qui))"),
    ("nl", r"(ik blijf (uw|je|het|jullie) (contact|aanspreekpunt|contactpersoon)|blijf ik (uw|je|jullie)|"
           r"(zelf )?blijf ik (gewoon )?bereikbaar op dit adres|"
           r"ik ben nog steeds (werkzaam|uw|je|in dienst))"),
    ("pt", r"(continuo (sendo|a ser|como) (seu|sua|o|a|vosso|vossa)|permaneço (como|seu|sua|na|no)|"
           r"sigo sendo (seu|sua|o|a)|\b(eu )?(sigo|continuo) aqui\b)"),
    ("ja", r"(引き続き(私|わたくし)|私が引き続き|引き続き担当させて|私の(?:連絡先|メールアドレス)(?:に|は)変更(?:は)?(?:ございません|ありません))"),
    # an explicit denial of one's own departure ("I have not left", "no me he ido", "退職はしておりません")
    ("en", r"\b(?:i (?:have not|haven't|did not|didn't) (?:left|retired|resigned)|i(?:'m| am) not leaving|"
           r"i(?:'m| am) (?:very much )?still (?:here|head|the right person|in (?:my|the same) (?:role|job|position)))\b"),
    ("de", r"\b(?:ich habe (?:[^.;]{0,40} )?nicht verlassen|ich bin nicht (?:ausgeschieden|in (?:rente|pension|den ruhestand)"
           r"(?: gegangen)?)|ich bin (?:weiterhin|nach wie vor|noch immer|immer noch) (?:bei|als|für|hier))"),
    ("fr", r"(?:je n'ai pas quitté|je ne suis pas partie?|je ne suis pas (?:à la retraite|retraitée?)|"
           r"je suis toujours (?:responsable|chez|en poste|là|votre|au sein))"),
    ("es", r"\b(?:no me he ido|no he dejado|no me he jubilado|no me fui|sigo (?:como|trabajando en|en mi puesto))\b"),
    ("it", r"\b(?:non ho lasciato|non me ne sono andat[oa]|non sono andat[oa] in pensione|"
           r"sono (?:sempre|ancora) (?:responsabile|io il|in (?:forza|azienda)|presso|qui))"),
    ("nl", r"\b(?:ik ben niet vertrokken|ik heb [^.;]{0,40} niet verlaten|ik ben niet met pensioen|"
           r"ik werk (?:nog steeds|nog altijd) (?:bij|als|voor))\b"),
    ("pt", r"(?:\bnão (?:saí|deixei|me aposentei|me reformei)\b|\bcontinuo (?:como|a trabalhar n[ao]|na mesma função))"),
    ("ja", r"(退職(?:は)?(?:して)?おりません|退職していません|(?:現在も|引き続き|今も)[^。]{0,20}(?:在籍|勤務|勤めて))"),
    # still at a named organisation, or doing the job there now: "I still run fund operations at Kellbrook",
    # "aquí mismo en Sierra Madre Capital", "continuo na Ipiranga Capital", "引き続き運用業務を担当しております"
    ("en", r"\bi(?:'m| am)? still (?:work(?:ing)?|run(?:ning)?|lead(?:ing)?|head(?:ing)?|manag(?:e|ing)|"
           r"look(?:ing)? after|in charge of|responsible for)\b[^.;]{0,60}\b(?:at|with|for) (?-i:[A-Z])"),
    ("de", r"\b(?:ich )?(?:bin|arbeite) (?:aber |ja |doch )?(?:weiterhin|nach wie vor|immer noch|noch immer|noch) "
           r"(?:bei|für) (?-i:[A-ZÄÖÜ])"),
    ("fr", r"\b(?:je (?:travaille|suis) toujours (?:chez|au sein de|pour) (?-i:[A-Z])|ici même chez)"),
    ("es", r"\b(?:aquí mismo(?: en)?|sigo (?:trabajando |estando )?(?:en|con|para) (?-i:[A-ZÁÉÍÓÚ])|"
           r"continúo (?:trabajando )?(?:en|con|para) (?-i:[A-ZÁÉÍÓÚ]))"),
    ("it", r"\b(?:(?:rimango|resto|lavoro ancora|sono ancora) (?:in|presso|da|con) (?-i:[A-Z])|"
           r"per tutto il resto rimango|qui (?:in|presso) (?-i:[A-Z]))"),
    ("nl", r"\b(?:ik (?:werk|ben) (?:nog steeds|nog altijd|nog gewoon|gewoon nog) (?:bij|voor) (?-i:[A-Z])|"
           r"ik blijf (?:gewoon )?(?:bij|werken bij) (?-i:[A-Z]))"),
    ("pt", r"\b(?:continuo (?:trabalhando |a trabalhar )?(?:na|no|em|com) (?-i:[A-ZÀ-Ý])|sigo (?:na|no) (?-i:[A-ZÀ-Ý])|"
           r"aqui mesmo n[ao])"),
    ("ja", r"(引き続き[^。]{0,20}(?:担当して|担当いたして|従事して))"),
    # the writer takes over the departed person's work, keeps the rest of theirs, or works from another office
    # of the same firm ("I'm now covering Boston as well", "Ihre Kunden betreue ab sofort ich", "seguo io i suoi
    # clienti", "I continue to run the UK fund", "depuis notre bureau de Lyon", "here at Acme"): they stay
    ("en", r"\b(?:(?:please )?contact me (?:for|about|regarding) (?:his|her|their)|i(?:'m| am) now (?:covering|looking after|"
           r"handling|responsible for) |i (?:now )?(?:cover|look after|handle|manage|take care of) (?:his|her|their) |"
           r"i(?:'ve| have) taken over (?:his|her|their)|i (?:will )?continue to (?:run|manage|cover|look after|lead|head|"
           r"handle|be responsible)|here at|(?:based|working|work) (?:in|from|out of) our [^.;]{0,30}office|"
           r"i keep (?:the|my) other)\b"),
    ("de", r"(?:\b(?:ihre|seine|deren) (?:kunden|mandate|aufgaben|themen|kontakte) (?:betreue|übernehme)|"
           r"\b(?:betreue|übernehme) (?:ab sofort |nun |jetzt |künftig )?ich\b|\bich (?:betreue|übernehme) (?:ab sofort |nun |jetzt )?"
           r"(?:ihre|seine|deren)\b|betreue ich weiterhin|\b(?:aus|in|von) unserem [\w-]+ büro|\bbleibe (?:aber |ja )?"
           r"(?:selbstverständlich |natürlich )?(?:bei|in|im) )"),
    ("fr", r"(?:\b(?:depuis|dans|à|de) notre bureau\b|\btoujours chez\b|\bje reprends (?:ses|les|leurs) |"
           r"\bje (?:continue|garde) (?:à |de )?(?:gérer|suivre|couvrir|m'occuper|les autres)|"
           r"\bje m'occupe désormais de ses)"),
    ("es", r"(?:\b(?:yo )?atiendo a sus\b|\bnuestra oficina\b|\b(?:yo )?llevo (?:ahora )?sus\b|"
           r"\bsigo (?:llevando|gestionando|con los demás)\b)"),
    ("it", r"(?:\b(?:ora )?seguo io\b|\bnella (?:nostra )?sede di\b|\bcontinuo a (?:gestire|seguire|occuparmi)\b|"
           r"\bresto io\b)"),
    ("nl", r"(?:\b(?:vanuit|in|op) ons kantoor\b|\bik neem (?:zijn|haar|hun) (?:klanten|taken|portefeuille) over\b|"
           r"\bbeheer ik (?:nog|verder|voortaan)\b)"),
    ("pt", r"(?:\b(?:no|do) (?:nosso )?escritório de\b|\beu (?:atendo|assumo) (?:os|as) (?:seus|suas|clientes)|"
           r"\bcontinuo (?:a (?:gerir|acompanhar)|com os demais)\b)"),
    ("ja", r"(後任は私|私が(?:後任|引き継いで))"),
    # the writer is the successor ("I succeeded Ms Delorme, who retired", "ho preso il posto di Roberto"): the
    # departure named is the predecessor's
    ("en", r"\b(?:i(?:'ve| have)? (?:succeeded|replaced)|i(?:'ve| have)? took over from|i(?:'ve| have) taken over from|"
           r"i(?:'m| am) (?:the|his|her|their) (?:successor|replacement)|i (?:now )?replace|i(?:'ve| have) stepped into)\b"),
    ("de", r"(?:\bich (?:habe|hab) (?:die nachfolge|den posten|die stelle|die position|die aufgaben) (?:von|des|der)\b|"
           r"\bich bin (?:die |der )?nachfolger(?:in)? (?:von|des|der)\b|\bich (?:ersetze|vertrete nun|folge) (?:herrn?|frau)\b|"
           r"\bals (?:ihre?|seine?) nachfolger(?:in)? (?:bin|habe) ich\b)"),
    ("fr", r"\b(?:j'ai succédé à|je succède à|j'ai remplacé|je remplace (?:désormais )?(?:m\.|mme|monsieur|madame)|"
           r"j'ai repris (?:le poste|les fonctions|le portefeuille) d|je suis (?:son|sa|le|la) (?:successeur|remplaçante?))"),
    ("es", r"\b(?:he (?:sustituido|reemplazado|sucedido) a|sustituyo a|reemplazo a|(?:soy|seré) (?:su|el|la) (?:sucesor|sucesora|"
           r"sustituto|sustituta|reemplazo)|he asumido (?:las funciones|el puesto|la cartera) de|(?:he )?tomado el relevo de)\b"),
    ("it", r"\b(?:ho preso il posto d|ho sostituito|sostituisco (?:il|la|l')|sono (?:il|la) (?:sua |suo )?(?:successore|"
           r"sostituto|sostituta)|sono subentrat[oa] a|ho raccolto il testimone d)"),
    ("nl", r"\b(?:ik heb (?:\w+ ){1,3}opgevolgd|ik ben (?:de|zijn|haar) opvolg(?:er|ster)|ik vervang (?:de heer|mevrouw|\w+ \w+)|"
           r"ik heb de (?:taken|functie|portefeuille) van [^.;]{0,40}overgenomen)\b"),
    ("pt", r"\b(?:substituí|sucedi (?:a|ao|à)|(?:sou|serei) (?:o|a|seu|sua) (?:sucessor|sucessora|substituto|substituta)|"
           r"assumi (?:o lugar|as funções|a carteira|o cargo) d)"),
    ("ja", r"((?:私|わたくし)[^。]{0,10}(?:後任|後継)|の後任(?:として|となり|に就任|を務め)[^。]{0,30}(?:私|わたくし|着任|就任))"),
])

# A person taking up our invitation in their own words: interest, taking part, filling it in. In a human reply it is
# a live acknowledgement (ACTIVE), and an absence it mentions is over or habitual, not an automatic notice
ENGAGED = _t([
    ("en", r"\b(?:count me in|i(?:'ll| will| shall) (?:happily |gladly )?(?:complete|fill (?:it |this |the \w+ )?in|"
           r"take part|participate|do the (?:survey|questionnaire|study)|answer the (?:survey|questionnaire))|"
           r"(?:happy|glad|keen) to (?:take part|participate|fill|complete|contribute)|i(?:'m| am) (?:very )?interested|"
           r"interested in principle|we(?:'re| are) (?:happy to take part|in)\b)"),
    ("de", r"\b(?:ich nehme (?:gern(?:e)? |sehr gern(?:e)? )?(?:daran )?teil|(?:gern(?:e)? )?nehme ich (?:gern(?:e)? )?teil|"
           r"wir (?:sind|machen) gern(?:e)? (?:dabei|mit)|ich fülle [^.;]{0,40}aus|ich bin interessiert|"
           r"beantworte (?:ich )?(?:ihren|den) fragebogen gern)"),
    ("fr", r"\b(?:je participerai|nous participerons|d'accord pour participer|(?:le sujet|cela|l'étude) m'intéresse|"
           r"je (?:réponds|répondrai) volontiers|je remplirai|avec plaisir,? nous participerons|je suis partant)"),
    ("es", r"\b(?:me interesa|participaremos|participaré|contad con nosotros|cuenten con(?:migo| nosotros)|"
           r"con gusto (?:participo|respondo|lo (?:respondo|reviso))|lo respondo|respondo (?:el|la) (?:cuestionario|encuesta))"),
    ("it", r"\b(?:partecipo|parteciperò|partecipiamo|compilerò|sono interessat[oa]|rispondo volentieri)"),
    ("nl", r"\b(?:ik doe (?:graag )?mee|(?:wij|we) doen (?:graag )?mee|ik ben geïnteresseerd|geïnteresseerd\.|"
           r"ik vul [^.;]{0,40}in|vul ik [^.;]{0,40}in)"),
    ("pt", r"\b(?:tenho interesse|vamos participar|participarei|participaremos|posso responder|"
           r"respond(?:o|erei) (?:a|à) pesquisa|terei (?:todo o )?gosto em participar)"),
    ("ja", r"(参加させていただ|ぜひ参加|回答いたします|回答します|回答させていただ|協力いたします|協力させていただ)"),
])

# The writer is back from an absence, now ("ora sono di nuovo in ufficio", "本日より復帰いたしました"): in a person's
# own reply the absence is over, never an out-of-office notice (an automatic "back on Monday" is one)
BACK_NOW = _t([
    ("en", r"\b(?:i(?:'m| am) (?:now )?back (?:at (?:my desk|work)|in the office)(?! on\b| from\b)|"
           r"i(?:'m| am) (?:now )?back(?: now)?[.!,]|i(?:'ve| have) (?:now )?returned to (?:work|the office))"),
    ("de", r"\b(?:ich bin|bin ich) (?:jetzt |nun |seit heute |inzwischen )?wieder (?:im büro|da|zurück|an (?:meinem|den) "
           r"schreibtisch)(?! ab\b| am\b)"),
    ("fr", r"\bje suis (?:à nouveau|de nouveau|maintenant de retour|de retour) (?:au bureau|parmi vous)|"
           r"\bje suis de retour(?: au bureau)?[.!,]"),
    ("es", r"\b(?:ya estoy de (?:vuelta|regreso)|estoy de nuevo en la oficina|me he reincorporado|ya me reincorporé)"),
    ("it", r"\b(?:(?:ora |adesso )?sono (?:di nuovo|nuovamente) in ufficio|sono rientrat[oa] (?:in ufficio|oggi|ieri))"),
    ("nl", r"\bik ben (?:inmiddels |nu )?weer (?:terug|op kantoor|aan het werk)(?! op\b| vanaf\b)"),
    ("pt", r"\b(?:já estou de volta|estou de volta ao (?:escritório|trabalho)|já regressei ao|já voltei ao)"),
    ("ja", r"((?:本日|今日|昨日|今週)より(?:復帰|出社)いたし|復帰いたしました|復帰しました)"),
])

# The writer takes the matter on ("I'll handle it", "ci penso io", "私が対応します"): next to a colleague's departure
# it says the writer stays (ACTIVE); alone it is an ordinary answer
TAKES_OVER = _t([
    ("en", r"\b(?:i(?:'ll| will) (?:handle|take care of|look after) (?:it|this|that|your)|i(?:'ve| have) taken over|"
           r"i am (?:now )?handling|i(?:'ll| will) pick (?:this|it|that)(?: one)? up|"
           r"i(?:'ll| will) (?:take|answer|do|fill in|complete) (?:the survey|the questionnaire|it|this) myself)\b"),
    ("de", r"\b(?:ich (?:kümmere mich|übernehme)|übernehme ich|kümmere ich mich)\b"),
    ("fr", r"\b(?:je m'en (?:occupe|charge)|je prends le relais|je reprends (?:le dossier|ses dossiers)|"
           r"c'est moi qui (?:reprends|m'en occupe|prends le relais|réponds))"),
    ("es", r"\b(?:me encargo yo|yo me encargo|me ocupo yo|yo me ocupo|tomo el relevo|respondo yo|contesto yo)\b"),
    ("it", r"\b(?:ci penso io|me ne occupo io|subentro io|me ne occupo)\b"),
    ("nl", r"\b(?:ik neem (?:het|dit|zijn taken|haar taken) over|ik pak (?:het|dit) op)\b"),
    ("pt", r"\b(?:eu (?:trato|cuido) disso|assumo eu|fico eu com)\b"),
    ("ja", r"(私が(?:対応|担当|引き継)|わたくしが(?:対応|担当|引き継))"),
])

# Colloquial "is gone" ("Stefano è andato via", "se fue", "ist weg"): too loose to be a departure of the person; read
# only to see that somebody else left (`TAKES_OVER`) and to keep a human reply open
GONE = _t([
    ("en", r"\b(?:is gone|has gone|has been gone|went away|has moved on|left us)\b"),
    ("de", r"\bist (?:nicht mehr(?= da\b)|weg\b|gegangen\b)"),
    ("fr", r"\b(?:est partie?|s'en est allée?)\b"),
    ("es", r"\b(?:se fue|se ha ido|se marchó|se ha marchado)\b"),
    ("it", r"\b(?:è andat[oa] via|se n'è andat[oa]|non c'è più)\b"),
    ("nl", r"\b(?:is vertrokken|is weg|is weggegaan)\b"),
    ("pt", r"\b(?:foi embora|já saiu|saiu (?:em|no|na|há))\b"),
    ("ja", r"(辞めました|辞めております|いなくなりました)"),
])

# An automatic notice that the office (not the person) moved: "we have moved to new premises"
OFFICE_MOVE = _t([
    ("en", r"\b(?:(?:we|our office|our offices) (?:have|has) (?:moved|relocated)|new (?:office )?address as of)\b"),
    ("de", r"\b(?:wir sind umgezogen|unser büro (?:ist|befindet sich) (?:umgezogen|jetzt)|neue büroadresse)"),
    ("fr", r"\b(?:nous avons déménagé|nos bureaux ont déménagé|nouvelle adresse postale)"),
    ("es", r"\b(?:nos hemos (?:mudado|trasladado)|nuestras oficinas se han trasladado|nueva dirección postal)"),
    ("it", r"\b(?:ci siamo trasferiti|i nostri uffici si sono trasferiti|nuova sede)"),
    ("nl", r"\b(?:wij zijn verhuisd|we zijn verhuisd|ons kantoor is verhuisd|nieuw bezoekadres)"),
    ("pt", r"\b(?:mudámos|mudamos de (?:morada|endereço|escritório)|os nossos escritórios mudaram|nova morada)"),
    ("ja", r"(移転いたしました|移転しました|移転のお知らせ)"),
])

# Everyday absence worded like a departure: "left for the day", "no longer at my desk today"
TRANSIENT_ABSENCE = _t([
    ("en", r"\b((have |has |'ve )?(left|gone|leaving) (for the (day|evening|night|weekend|week|holidays?)|the office|"
           r"early)|no longer (at|in) (my|the) (desk|office)|not at my desk|away from my desk|"
           r"left the (country|building) (for|to)|on (compassionate|bereavement|family|personal) leave)\b"),
    ("de", r"(nicht mehr im büro|(habe|hat) das büro .{0,20}verlassen|bereits feierabend|(bin|ist) heute nicht|"
           r"sonderurlaub|trauerfall)"),
    ("fr", r"(quitté le bureau|ne suis plus au bureau|parti(e)? pour la journée|absent(e)? (pour|suite à) (un|le) deuil|"
           r"congé (pour )?(deuil|décès))"),
    ("es", r"(he salido de la oficina|ya no estoy en (la|mi) oficina|me (?:he ido|fui) por hoy|permiso por (duelo|fallecimiento))"),
    ("it", r"(ho lasciato l'ufficio|non sono più in ufficio|uscit[oa] dall'ufficio|permesso per lutto|congedo per lutto)"),
    ("nl", r"(heb het kantoor verlaten|niet meer op kantoor|rouwverlof|calamiteitenverlof|"
           r"(?:ben|is) (?:vandaag |nu )?(?:al )?naar huis)"),
    ("pt", r"(saí do escritório|(já não estou|não estou mais) no escritório|licença (de )?nojo|licença por luto)"),
    ("ja", r"(本日は(退社|失礼)|退社しております|席を外して)"),
    # left early today: "I left early today", "heute früher gegangen", "salí antes", "早退"
    ("en", r"\b(?:(?:have |'ve )?(?:left|gone home|finished) (?:work |the office )?early|off for the rest of the day)\b"),
    ("de", r"\b(?:heute (?:früher|früh|vorzeitig) (?:gegangen|weg|nach hause|aus dem büro)|bin heute früher)"),
    ("fr", r"\b(?:parti(?:e)? (?:plus tôt|en avance)|quitté le bureau (?:plus tôt|en avance))"),
    ("es", r"\b(?:(?:he salido|salí|me fui|me he ido) (?:antes|temprano|pronto)(?: de la oficina)?)"),
    ("it", r"\b(?:(?:sono )?uscit[oa] (?:prima|in anticipo|presto)(?: dall'ufficio)?)"),
    ("nl", r"\b(?:(?:eerder|vroeger) vertrokken|(?:ben|ging) (?:vandaag )?(?:eerder|vroeg) weg)"),
    ("pt", r"\b(?:saí (?:mais cedo|antes|cedo)(?: do escritório)?)"),
    ("ja", r"(早退)"),
])

# The mailbox stops, or the writer says goodbye: "this address will be deactivated", "Dit was mijn laatste week".
# Alone it settles nothing; it confirms an announced move (`MOVED_NEXT`).
MAILBOX_CLOSING = _t([
    ("en", r"\b((?:this|my) (?:e-?mail )?(?:address|mailbox|account|inbox) (?:will|is going to) (?:be )?(?:closed|"
           r"deactivated|switched off|shut down|no longer (?:be )?(?:active|monitored|in use|read))|"
           r"(?:this|my) (?:e-?mail )?(?:address|mailbox|account) (?:will )?(?:remain|stay)s? (?:active|open) (?:only )?until|"
           r"(?:this|today) (?:is|was) my (?:last|final) (?:working )?(?:day|week))\b"),
    ("de", r"((?:diese|meine) (?:e-?mail-?)?(?:adresse|mailbox|postfach|e-?mail-?adresse) (?:ist|wird|bleibt) (?:[^.;]|(?<=\d)\.){0,40}?"
           r"(?:nicht mehr (?:aktiv|gelesen|erreichbar|abgerufen)|deaktiviert|gelöscht|abgeschaltet|aufgelöst|aktiv bis)|"
           r"(?:war|ist) mein letzter (?:arbeits)?tag|meine letzte woche)"),
    ("fr", r"((?:cette|mon) adresse(?:[^.;]|(?<=\d)\.){0,40}?(?:restera active jusqu|ne sera plus (?:active|consultée|lue|valide)|"
           r"sera (?:désactivée|fermée|supprimée|clôturée))|(?:c'est|c'était) mon dernier jour|ma dernière semaine)"),
    ("es", r"((?:este|mi) (?:correo|buzón|dirección|e-?mail)(?:[^.;]|(?<=\d)\.){0,40}?(?:dejará de (?:estar operativ|funcionar|estar activ)|"
           r"será (?:desactivad|cerrad|dad[oa] de baja|eliminad)|estará activ[oa] (?:solo )?hasta)|mi último día|mi última semana)"),
    ("it", r"((?:questo|quest'|il mio) (?:indirizzo|casella|account|e-?mail)(?:[^.;]|(?<=\d)\.){0,40}?(?:resterà attiv[oa] (?:solo )?fino|"
           r"sarà disattivat|verrà disattivat|verrà chius|non sarà più attiv)|il mio ultimo giorno|la mia ultima settimana)"),
    ("nl", r"((?:dit|deze|mijn) (?:e-?mail)?(?:adres|mailbox|mailadres)(?:[^.;]|(?<=\d)\.){0,40}?(?:wordt (?:binnenkort )?(?:opgeheven|"
           r"gedeactiveerd|afgesloten|verwijderd)|is (?:[^.;]|(?<=\d)\.){0,20}niet meer actief|blijft (?:[^.;]|(?<=\d)\.){0,20}actief tot)|"
           r"(?:dit|vandaag) (?:is|was) mijn laatste (?:werk)?(?:dag|week))"),
    ("pt", r"((?:este|esta|o meu|a minha) (?:endereço|e-?mail|caixa|conta)(?:[^.;]|(?<=\d)\.){0,40}?(?:deixará de (?:estar ativ|funcionar)|"
           r"será (?:desativad|encerrad|eliminad)|ficará ativ[oa] até)|(?:o )?meu último dia|(?:a )?minha última semana)"),
    ("ja", r"((?:本|この|当)(?:メール)?アドレス.{0,30}(?:使用できなくなります|無効|停止|廃止|利用できなくなります)|最終出社日)"),
])

# An announced move to a named organisation ("as of 1 December I am moving to X", "je rejoins X"): a
# departure only next to `MAILBOX_CLOSING` in the same reply (alone, a future plan is not a fact yet)
MOVED_NEXT = _t([
    ("en", r"\b(?:(?:i am|i'm|i will be|i'll be) (?:moving to|joining|starting (?:a new role )?(?:at|with))|i (?:will|shall) "
           r"(?:join|move to|start at))\s+(?:the )?" + ORG),
    ("de", r"(?:(?:wechsle|wechsele|gehe) ich (?:zu[rm]?|nach|in die|in den)|(?:beginne|starte) ich (?:bei|an)|"
           r"(?:bin|werde) ich (?:dann )?(?:bei|für) (?=(?-i:[A-ZÄÖÜ])))\s*(?:der |dem |die |den )?" + ORG),
    ("fr", r"(?:je rejoins|je rejoindrai|j'intègre|j'intégrerai|je serai (?:désormais )?chez)\s+(?:la |le |l')?"
           r"(?:groupe |société |cabinet |équipe d[eu] )?(?:la |le |l')?" + ORG),
    ("es", r"(?:me (?:uno|incorporo|incorporaré|uniré) a|pasaré a trabajar (?:en|para)|empezaré (?:a trabajar )?en|"
           r"(?:ahora )?estoy (?:ahora )?en)\s*"
           r"(?:la |el |l )?(?:equipo de |grupo )?(?:la |el )?" + ORG),
    ("it", r"(?:lavorerò (?:per|presso|in|con)|entrerò (?:in|a far parte di)|mi unirò a|passerò a|sarò (?:in forza )?presso)\s*"
           r"(?:la |il |l')?" + ORG),
    ("nl", r"(?:ga ik (?:aan de slag|werken|over) (?:bij|naar)|begin ik (?:bij|aan)|stap ik over naar|ik ga (?:aan de slag|werken) bij)"
           r"\s+" + ORG),
    ("pt", r"(?:vou (?:trabalhar (?:na|no|para a|para o|em)|integrar a equipa d[ao]|integrar a equipe d[ao]|juntar-me (?:à|ao))|"
           r"passo a integrar (?:a equipa d[ao]|a equipe d[ao]|[ao])|ingressarei n[ao]|(?:agora )?estou (?:agora )?n[ao])\s*" + ORG),
    ("ja", r"(?P<org>[^\s、。]{2,40})\s*(?:へ|に)(?:転籍|出向|移籍|入社|転職)(?:すること|いたします|します|予定)"),
])
